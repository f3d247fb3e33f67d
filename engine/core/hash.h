// Content hashes: what a batch compares to know whether a photo's inputs changed. FNV-1a, 64
// bits: fast, stable across machines and runs, and plenty for telling inputs apart (this is not
// a defence against anyone forging a collision).
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ocop {

class Hasher {
public:
    Hasher& add(std::span<const std::uint8_t> bytes);
    Hasher& add(std::string_view text);
    // Separates fields, so that ("ab", "c") and ("a", "bc") hash differently.
    Hasher& field(std::string_view text) { return add(text).add(std::string_view("\x1f", 1)); }
    std::uint64_t value() const { return state_; }
    std::string hex() const;  // 16 lower-case hex digits

private:
    std::uint64_t state_ = 0xcbf29ce484222325ULL;
};

// The hash of a file's bytes, read in chunks (scans are tens of megabytes).
Result<std::string> hash_file(const std::filesystem::path& path);

}  // namespace ocop
