#include "fuzz_support.h"

#include <cstdio>
#include <unistd.h>

namespace ocop::fuzz {

std::filesystem::path input_file(const std::uint8_t* data, std::size_t size, std::string_view extension) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("ocop-fuzz-" + std::to_string(::getpid()) + std::string(extension));
    if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
        if (size > 0) std::fwrite(data, 1, size, f);
        std::fclose(f);
    }
    return path;
}

}  // namespace ocop::fuzz
