// Photos as PNG files, written atomically.
#pragma once

#include <filesystem>

#include "core/result.h"
#include "render/renderer.h"

namespace ocop::photo {

// Writes RGB when every pixel is opaque (a white-background catalogue photo), else RGBA; 8 bits,
// with an sRGB chunk (write_photo with PhotoFormat::Png).
Status write_png(const std::filesystem::path& path, const render::Pixels& pixels);

// Reads a PNG back as RGBA8 (tests, QA); 16-bit PNGs are rounded to 8 bits. (JPEG and WebP
// files are read too: this is read_photo.)
Result<render::Pixels> read_png(const std::filesystem::path& path);

}  // namespace ocop::photo
