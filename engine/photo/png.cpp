#include "photo/png.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include "core/files.h"

namespace ocop::photo {

namespace {

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

}  // namespace

Status write_png(const std::filesystem::path& path, const render::Pixels& pixels) {
    const std::size_t count = std::size_t(pixels.width) * pixels.height;
    if (count == 0 || pixels.rgba8.size() != count * 4) return failure(path.string(), "no pixels to write");
    bool opaque = true;
    for (std::size_t i = 0; i < count && opaque; ++i) opaque = pixels.rgba8[i * 4 + 3] == 255;

    std::vector<std::uint8_t> source;
    int channels = 4;
    const std::uint8_t* data = pixels.rgba8.data();
    if (opaque) {
        channels = 3;
        source.resize(count * 3);
        for (std::size_t i = 0; i < count; ++i)
            for (int c = 0; c < 3; ++c) source[i * 3 + c] = pixels.rgba8[i * 4 + c];
        data = source.data();
    }
    std::vector<std::uint8_t> encoded;
    const int w = static_cast<int>(pixels.width);
    const int h = static_cast<int>(pixels.height);
    if (!stbi_write_png_to_func(&append_bytes, &encoded, w, h, channels, data, w * channels))
        return failure(path.string(), "PNG encoding failed");
    return write_file_atomic(path, encoded);
}

Result<render::Pixels> read_png(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    if (!bytes) return bytes.error();
    int w = 0, h = 0, n = 0;
    stbi_uc* decoded = stbi_load_from_memory(bytes->data(), static_cast<int>(bytes->size()), &w, &h, &n, 4);
    if (!decoded) return bad_input(path.string(), std::string("not a readable image: ") + stbi_failure_reason());
    render::Pixels p{static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h),
                     std::vector<std::uint8_t>(decoded, decoded + std::size_t(w) * h * 4)};
    stbi_image_free(decoded);
    return p;
}

}  // namespace ocop::photo
