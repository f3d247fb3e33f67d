#include "fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace ocop::fuzz {

namespace {

// The input files this process wrote. libFuzzer ends a timed run with exit(), so they go then;
// a crash leaves them beside its report.
std::vector<std::filesystem::path>& written_files() {
    static std::vector<std::filesystem::path> paths;
    return paths;
}

void remove_written_files() {
    std::error_code ignored;
    for (const std::filesystem::path& path : written_files()) std::filesystem::remove(path, ignored);
}

}  // namespace

std::filesystem::path input_file(const std::uint8_t* data, std::size_t size, std::string_view extension) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("ocop-fuzz-" + std::to_string(::getpid()) + std::string(extension));
    std::vector<std::filesystem::path>& written = written_files();  // made before the handler: gone after it
    if (std::find(written.begin(), written.end(), path) == written.end()) {
        if (written.empty()) std::atexit(remove_written_files);
        written.push_back(path);
    }
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size > 0) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}

}  // namespace ocop::fuzz
