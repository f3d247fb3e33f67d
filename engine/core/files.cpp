#include "core/files.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>
#include <utility>

namespace ocop {

namespace fs = std::filesystem;

Status check_readable(const fs::path& path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) return bad_input(path.string(), "no such file");
    if (fs::is_directory(st)) return bad_input(path.string(), "is a folder, not a file");
    if (!fs::is_regular_file(st)) return bad_input(path.string(), "not a regular file");
    // access() answers for the real user, which is what opening the file will face.
    if (::access(path.c_str(), R_OK) != 0)
        return bad_input(path.string(), std::string("cannot be read: ") + std::strerror(errno));
    return Ok{};
}

Result<std::vector<std::uint8_t>> read_file(const fs::path& path, std::uint64_t max_bytes) {
    if (Status s = check_readable(path); !s) return s.error();
    std::ifstream in(path, std::ios::binary);
    if (!in) return bad_input(path.string(), "cannot be opened");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) return bad_input(path.string(), "cannot be read");
    if (static_cast<std::uint64_t>(size) > max_bytes)
        return bad_input(path.string(), "is larger than the " + std::to_string(max_bytes >> 20) +
                                            " MiB limit");
    in.seekg(0, std::ios::beg);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), size))
        return bad_input(path.string(), "read failed part-way");
    return bytes;
}

Result<MappedFile> MappedFile::open(const fs::path& path, std::uint64_t max_bytes) {
    if (Status s = check_readable(path); !s) return s.error();
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return bad_input(path.string(), std::string("cannot be opened: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return bad_input(path.string(), "cannot be read");
    }
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > max_bytes) {
        ::close(fd);
        return bad_input(path.string(), "is larger than the " + std::to_string(max_bytes >> 20) + " MiB limit");
    }
    if (size == 0) {  // mmap refuses a length of 0
        ::close(fd);
        return MappedFile(nullptr, 0);
    }
    // MAP_POPULATE reads the file in with one call instead of a page fault per 4 KiB.
    void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    const int mmap_errno = errno;
    ::close(fd);  // the mapping keeps the file
    if (data == MAP_FAILED)
        return bad_input(path.string(), std::string("cannot be mapped: ") + std::strerror(mmap_errno));
    return MappedFile(static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size));
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
    }
    return *this;
}

MappedFile::~MappedFile() {
    if (data_) ::munmap(const_cast<std::uint8_t*>(data_), size_);
}

Status write_file_atomic(const fs::path& path, std::span<const std::uint8_t> bytes) {
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return bad_input(path.string(), "its folder does not exist");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return failure(path.string(), std::string("cannot create: ") + std::strerror(errno));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmpl.c_str());
            return failure(path.string(), "write failed: " + why);
        }
        done += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file 0600; a photo or GLB should be readable like any other output.
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmpl.c_str());
        return failure(path.string(), std::string("write failed: ") + std::strerror(errno));
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmpl.c_str());
        return failure(path.string(), "cannot replace: " + why);
    }
    return Ok{};
}

Status write_file_atomic(const fs::path& path, std::string_view text) {
    return write_file_atomic(
        path, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

bool is_disk_full(const Error& e) {
    // write_file_atomic's reasons end with strerror's words for the errno.
    for (int code : {ENOSPC, EDQUOT})
        if (e.reason.find(std::strerror(code)) != std::string::npos) return true;
    return false;
}

std::string atomic_write_target(const std::string& name) {
    // "." + the file's name + "." + mkstemp's six characters (write_file_atomic).
    constexpr std::size_t suffix = 7;
    if (name.size() < 2 + suffix || name[0] != '.' || name[name.size() - suffix] != '.') return {};
    return name.substr(1, name.size() - 1 - suffix);
}

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace ocop
