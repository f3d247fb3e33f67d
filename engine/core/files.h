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

// Checks that `path` names a readable regular file; the same errors as read_file, without reading.
Status check_readable(const std::filesystem::path& path);

Status write_file_atomic(const std::filesystem::path& path, std::span<const std::uint8_t> bytes);
Status write_file_atomic(const std::filesystem::path& path, std::string_view text);

// Lower-case extension with the dot: "Model.GLB" -> ".glb".
std::string lower_extension(const std::filesystem::path& path);

}  // namespace ocop
