#include "assets/image.h"

#include <climits>
#include <algorithm>
#include <cstring>
#include <future>
#include <memory>
#include <system_error>
#include <thread>

#include <stb_image.h>  // the implementation is compiled into Debian's libstb

#include "core/files.h"

namespace ocop::assets {

std::string sniff_image_mime_type(std::span<const std::uint8_t> bytes) {
    static constexpr std::uint8_t png_signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (bytes.size() >= sizeof png_signature &&
        std::memcmp(bytes.data(), png_signature, sizeof png_signature) == 0)
        return "image/png";
    // Every JPEG starts with an SOI marker followed by another marker.
    if (bytes.size() >= 3 && bytes[0] == 0xff && bytes[1] == 0xd8 && bytes[2] == 0xff)
        return "image/jpeg";
    return {};
}

Status check_image_pixels(std::span<const std::uint8_t> encoded, const ImportLimits& limits, const std::string& source,
                          const std::string& where) {
    if (limits.max_texture_pixels == 0 || encoded.empty() || encoded.size() > static_cast<std::size_t>(INT_MAX))
        return Ok{};
    int w = 0, h = 0, channels = 0;
    std::uint64_t width = 0, height = 0;
    if (stbi_info_from_memory(encoded.data(), static_cast<int>(encoded.size()), &w, &h, &channels)) {
        width = std::uint64_t(std::max(w, 0));
        height = std::uint64_t(std::max(h, 0));
    } else if (sniff_image_mime_type(encoded) == "image/png" && encoded.size() >= 24 &&
               std::memcmp(encoded.data() + 12, "IHDR", 4) == 0) {
        // stb's info refuses a PNG of more than 1 GiB decoded without saying its size; the
        // size is in the IHDR chunk, first after the signature (PNG spec §11.2.2).
        const auto be32 = [&encoded](std::size_t at) {
            return std::uint64_t(encoded[at]) << 24 | std::uint64_t(encoded[at + 1]) << 16 |
                   std::uint64_t(encoded[at + 2]) << 8 | std::uint64_t(encoded[at + 3]);
        };
        width = be32(16);
        height = be32(20);
    }
    if (width * height > limits.max_texture_pixels)
        return bad_input(source, texture_over_limit(width, height, limits), where);
    return Ok{};
}

Result<Image> decode_image(std::span<const std::uint8_t> encoded, const std::string& source,
                           const std::string& where) {
    if (encoded.empty()) return bad_input(source, "image data is empty", where);
    if (encoded.size() > static_cast<std::size_t>(INT_MAX))
        return bad_input(source, "image data is larger than 2 GiB", where);
    const int length = static_cast<int>(encoded.size());

    // Ask for the size first so an absurd header never makes stb allocate gigabytes.
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(encoded.data(), length, &width, &height, &channels))
        return bad_input(source, std::string("image cannot be decoded: ") + stbi_failure_reason(),
                         where);
    if (width <= 0 || height <= 0 || width > max_image_side || height > max_image_side)
        return bad_input(source,
                         "image is " + std::to_string(width) + "x" + std::to_string(height) +
                             " pixels (at most " + std::to_string(max_image_side) +
                             " a side is supported)",
                         where);

    using StbPixels = std::unique_ptr<stbi_uc, decltype(&stbi_image_free)>;
    StbPixels pixels(stbi_load_from_memory(encoded.data(), length, &width, &height, &channels, 4),
                     &stbi_image_free);
    if (!pixels)
        return bad_input(source, std::string("image cannot be decoded: ") + stbi_failure_reason(),
                         where);

    Image image;
    image.width = width;
    image.height = height;
    image.source_bits = stbi_is_16_bit_from_memory(encoded.data(), length) ? 16 : 8;
    const std::size_t byte_count = static_cast<std::size_t>(width) * height * 4;
    image.rgba8.assign(pixels.get(), pixels.get() + byte_count);
    image.mime_type = sniff_image_mime_type(encoded);
    if (!image.mime_type.empty()) image.encoded.assign(encoded.begin(), encoded.end());
    return image;
}

std::vector<Result<Image>> decode_images(const std::vector<std::span<const std::uint8_t>>& encoded,
                                         const std::string& source,
                                         const std::vector<std::string>& wheres) {
    const auto where = [&wheres](std::size_t i) { return i < wheres.size() ? wheres[i] : std::string(); };
    const std::size_t workers = std::max(1u, std::thread::hardware_concurrency());
    std::vector<Result<Image>> out;
    out.reserve(encoded.size());
    // Batches of one image per core: each image is decoded by one thread, memory stays bounded.
    for (std::size_t first = 0; first < encoded.size(); first += workers) {
        const std::size_t end = std::min(encoded.size(), first + workers);
        std::vector<std::future<Result<Image>>> batch;
        for (std::size_t i = first; i < end; ++i) {
            try {
                batch.push_back(std::async(std::launch::async, decode_image, encoded[i], source, where(i)));
            } catch (const std::system_error&) {  // no thread to be had: decode here instead
                std::promise<Result<Image>> done;
                done.set_value(decode_image(encoded[i], source, where(i)));
                batch.push_back(done.get_future());
            }
        }
        for (auto& result : batch) out.push_back(result.get());
    }
    return out;
}

Result<Image> load_image_file(const std::filesystem::path& path) {
    // 1 GiB is far beyond any texture a product scan carries.
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 1ull << 30);
    if (!bytes) return bytes.error();
    Result<Image> image = decode_image(bytes.value(), path.string());
    if (image) image->name = path.filename().string();
    return image;
}

Result<Image> load_hdr_image(const std::filesystem::path& path) {
    const std::string source = path.string();
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 1ull << 30);
    if (!bytes) return bytes.error();
    const std::vector<std::uint8_t>& data = bytes.value();
    if (data.empty()) return bad_input(source, "image data is empty");
    const int length = static_cast<int>(data.size());
    if (!stbi_is_hdr_from_memory(data.data(), length))
        return bad_input(source, "not a Radiance .hdr image");
    int width = 0, height = 0, channels = 0;
    if (!stbi_info_from_memory(data.data(), length, &width, &height, &channels))
        return bad_input(source, std::string("image cannot be decoded: ") + stbi_failure_reason());
    if (width <= 0 || height <= 0 || width > max_image_side || height > max_image_side)
        return bad_input(source, "image is " + std::to_string(width) + "x" + std::to_string(height) +
                                     " pixels (at most " + std::to_string(max_image_side) +
                                     " a side is supported)");
    using StbFloats = std::unique_ptr<float, decltype(&stbi_image_free)>;
    StbFloats pixels(stbi_loadf_from_memory(data.data(), length, &width, &height, &channels, 4), &stbi_image_free);
    if (!pixels) return bad_input(source, std::string("image cannot be decoded: ") + stbi_failure_reason());
    Image image;
    image.name = path.filename().string();
    image.width = width;
    image.height = height;
    image.source_bits = 32;
    image.mime_type = "image/vnd.radiance";
    image.rgba32f.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(width) * height * 4);
    return image;
}

Image placeholder_image(const std::string& name) {
    constexpr int side = 64, square = 8;
    Image image;
    image.name = name;
    image.width = side;
    image.height = side;
    image.placeholder = true;
    image.rgba8.resize(side * side * 4);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const std::uint8_t on = ((x / square) + (y / square)) % 2 == 0 ? 255 : 0;
            std::uint8_t* p = &image.rgba8[static_cast<std::size_t>((y * side + x) * 4)];
            p[0] = on;
            p[1] = 0;
            p[2] = on;
            p[3] = 255;
        }
    return image;
}

}  // namespace ocop::assets
