// Reading and writing the user's files. Writes are atomic: a reader never sees half a file and
// a crash never loses the previous version (write to a temporary in the same folder, then rename).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"

namespace ocop {

// The whole file, or BadInput naming the file and why it could not be read
// (missing, a folder, unreadable, larger than `max_bytes`).
Result<std::vector<std::uint8_t>> read_file(const std::filesystem::path& path,
                                            std::uint64_t max_bytes = 4ull << 30);

// A file mapped read-only into memory: the bytes come straight from the page cache, with no
// zero-filled buffer and no copy (a 30 MB scan is read once, not three times). Move-only.
class MappedFile {
public:
    // The same errors as read_file.
    static Result<MappedFile> open(const std::filesystem::path& path, std::uint64_t max_bytes = 4ull << 30);
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::span<const std::uint8_t> bytes() const { return {data_, size_}; }

private:
    MappedFile(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    const std::uint8_t* data_ = nullptr;
    std::size_t size_ = 0;
};

// Checks that `path` names a readable regular file; the same errors as read_file, without reading.
Status check_readable(const std::filesystem::path& path);

// On failure the temporary is removed and the file is as it was; the reason holds the system's
// words ("write failed: No space left on device").
Status write_file_atomic(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
Status write_file_atomic(const std::filesystem::path& path, std::string_view text);

// Whether a write failed because the disk (or the user's quota) is full: every later write
// would fail too, so a batch stops there instead of rendering what it cannot keep.
bool is_disk_full(const Error& e);

// The file name that a leftover temporary of write_file_atomic was for (".photo.jpg.a1B2c3" ->
// "photo.jpg"), or "" when `name` is not one. A process killed mid-write (kill -9, a lost
// machine) leaves its temporary behind: hidden, never under the final name.
std::string atomic_write_target(const std::string& name);

// Lower-case extension with the dot: "Model.GLB" -> ".glb".
std::string lower_extension(const std::filesystem::path& path);

}  // namespace ocop
