#include "photo/png.h"

#include "photo/image_io.h"

namespace ocop::photo {

// One PNG writer and reader for the whole engine: image_io's (libpng, with an sRGB chunk).
Status write_png(const std::filesystem::path& path, const render::Pixels& pixels) {
    return write_photo(path, pixels, EncodeOptions{.format = PhotoFormat::Png});
}

Result<render::Pixels> read_png(const std::filesystem::path& path) { return read_photo(path); }

}  // namespace ocop::photo
