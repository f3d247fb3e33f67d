// The text metadata of photo files, shared by the encoders and decoders of image_io.cpp: the
// rules for keys and values, and each format's text form (PNG iTXt/tEXt chunks, a JPEG COM
// segment of "key=value" lines, a WebP XMP packet). Internal to engine/photo.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace ocop::photo::image_io_detail {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;
using Metadata = std::vector<std::pair<std::string, std::string>>;

std::uint32_t read_be32(const std::uint8_t* p);

// Keys: a letter or '_' then letters, digits, '_', '-', '.', at most 79 (a PNG keyword and an
// XML element name at once); values: UTF-8 without control characters but tab and line feed.
Status check_metadata(const Metadata& metadata);

std::string jpeg_comment_text(const Metadata& metadata);
std::string xmp_packet(const Metadata& metadata);
Metadata parse_xmp(std::string_view xmp);
Metadata png_text_chunks(ByteView bytes);  // the tEXt/iTXt chunks of a PNG file
Metadata jpeg_comments(ByteView bytes);    // the COM segments of a JPEG file

}  // namespace ocop::photo::image_io_detail
