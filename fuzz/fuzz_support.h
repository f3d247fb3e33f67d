// What the libFuzzer targets share: the importers read paths, so a model's bytes go to a file
// of this process's own first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace ocop::fuzz {

// Writes the bytes to a file with this extension in the temporary folder (one per process and
// extension, overwritten by every input, removed when the process exits) and returns its path.
std::filesystem::path input_file(const std::uint8_t* data, std::size_t size, std::string_view extension);

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace ocop::fuzz
