// Decoding texture images (PNG, JPEG, …) into assets::Image with stb_image.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "assets/import.h"
#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

// Larger images are refused: 16384² RGBA8 is already 1 GiB, and no GPU samples beyond it.
inline constexpr int max_image_side = 16384;

// "image/png" or "image/jpeg" from the file's first bytes; empty for anything else.
std::string sniff_image_mime_type(std::span<const std::uint8_t> bytes);

// The image's size from its header (stb's info: nothing is decoded), against the limit on one
// texture's pixels: BadInput naming `source` when above it; Ok when within it, and when the
// header cannot be read (decoding then says why).
Status check_image_pixels(std::span<const std::uint8_t> encoded, const ImportLimits& limits, const std::string& source,
                          const std::string& where = {});

// Decodes `encoded` to RGBA8. PNG and JPEG keep their encoded bytes and mime type (so export
// copies them unchanged); other formats keep pixels only. A 16-bit PNG is reduced to 8 bits
// with Image::source_bits = 16. `source` names the file for errors
// (the model file for embedded images), `where` narrows it down ("image 2").
Result<Image> decode_image(std::span<const std::uint8_t> encoded, const std::string& source,
                           const std::string& where = {});

// Several images at once, decoded in parallel (a scan's 4k textures take a second each with
// stb). One result per input, in order; `wheres[i]` names image i in errors.
std::vector<Result<Image>> decode_images(const std::vector<std::span<const std::uint8_t>>& encoded,
                                         const std::string& source,
                                         const std::vector<std::string>& wheres);

// Reads and decodes an image file; the image is named after the file.
Result<Image> load_image_file(const std::filesystem::path& path);

// Reads a Radiance .hdr (a studio HDRI) as linear RGBA float pixels in Image::rgba32f (alpha 1);
// rgba8 and encoded stay empty. Larger than max_image_side a side is BadInput, as for textures.
Result<Image> load_hdr_image(const std::filesystem::path& path);

// A visible stand-in for a texture file that is missing: a 64x64 magenta and black checker
// (Image::placeholder set), so nobody ships a product with a silently missing texture.
Image placeholder_image(const std::string& name);

}  // namespace ocop::assets
