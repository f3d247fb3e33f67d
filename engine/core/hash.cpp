#include "core/hash.h"

#include <array>
#include <cstdio>
#include <fstream>

namespace ocop {

Hasher& Hasher::add(std::span<const std::uint8_t> bytes) {
    for (const std::uint8_t b : bytes) {
        state_ ^= b;
        state_ *= 0x100000001b3ULL;
    }
    return *this;
}

Hasher& Hasher::add(std::string_view text) {
    return add(std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string Hasher::hex() const {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(state_));
    return text;
}

Result<std::string> hash_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return bad_input(path.string(), "cannot be read");
    Hasher h;
    std::array<char, 1 << 16> chunk{};
    while (in) {
        in.read(chunk.data(), chunk.size());
        const std::streamsize n = in.gcount();
        if (n > 0) h.add(std::span(reinterpret_cast<const std::uint8_t*>(chunk.data()), static_cast<std::size_t>(n)));
    }
    if (in.bad()) return bad_input(path.string(), "read failed");
    return h.hex();
}

}  // namespace ocop
