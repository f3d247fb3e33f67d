// Photo files: PNG (8 or 16 bits a channel, with an sRGB chunk), JPEG (libturbojpeg) and WebP
// (libwebp), each with the photo's metadata (product, preset, software) embedded as text, and
// written atomically: a killed batch never leaves half a file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "render/renderer.h"

namespace ocop::photo {

enum class PhotoFormat { Png, Jpeg, Webp };

// "png", "jpeg" (or "jpg"), "webp"; BadInput naming `source` otherwise.
Result<PhotoFormat> photo_format(std::string_view name, const std::string& source);
std::string_view format_name(PhotoFormat format);  // "png", "jpeg", "webp"
std::string_view format_extension(PhotoFormat format);  // ".png", ".jpg", ".webp"

// RGBA, 16 bits a channel, sRGB-encoded, straight alpha, row 0 at the top.
struct Pixels16 {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint16_t> rgba16;
};
Pixels16 widen(const render::Pixels& pixels);  // v * 257: exact 8-bit values in 16 bits

struct EncodeOptions {
    PhotoFormat format = PhotoFormat::Png;
    int quality = 92;    // JPEG and WebP, 1..100 (WebP 100: lossless)
    int png_bits = 8;    // 8 or 16
    // Text metadata, UTF-8 (Vietnamese names): PNG iTXt chunks, a JPEG COM segment, a WebP XMP chunk.
    // Keys are plain names (a letter or '_', then letters, digits, '_', '-', '.'; at most 79), so
    // that each is a PNG keyword and an XMP element name; values are UTF-8 without control
    // characters other than tab and line feed.
    std::vector<std::pair<std::string, std::string>> metadata;
};

// Opaque pixels are written without alpha (RGB): a white-background marketplace photo. JPEG
// has no alpha: it is an error to encode a photo with transparent pixels as JPEG.
Result<std::vector<std::uint8_t>> encode_photo(const render::Pixels& pixels, const EncodeOptions& options);
// 16-bit PNG from real 16-bit data (supersampled photos average to more than 8 bits); only the
// metadata of `options` is used.
Result<std::vector<std::uint8_t>> encode_png16(const Pixels16& pixels, const EncodeOptions& options);

Status write_photo(const std::filesystem::path& path, const render::Pixels& pixels, const EncodeOptions& options);
// encode_png16, written atomically.
Status write_png16(const std::filesystem::path& path, const Pixels16& pixels, const EncodeOptions& options);

// Reads PNG (8/16 bits, reduced to 8), JPEG or WebP, known by its first bytes, as RGBA8.
// Malformed or truncated files give an error naming the file, never a crash.
Result<render::Pixels> read_photo(const std::filesystem::path& path);
// The text metadata written by write_photo (tests, QA).
Result<std::vector<std::pair<std::string, std::string>>> read_photo_metadata(const std::filesystem::path& path);

// The same from bytes in memory; errors name `source`. Photos larger than 16384 pixels a side
// are refused before their pixels are allocated.
Result<render::Pixels> decode_photo(std::span<const std::uint8_t> bytes, const std::string& source);
Result<std::vector<std::pair<std::string, std::string>>> photo_metadata(std::span<const std::uint8_t> bytes,
                                                                       const std::string& source);

}  // namespace ocop::photo
