// Image sizes as people write them: "2048x2048".
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace ocop::photo {

struct ImageSize {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// "1024x768" -> {1024, 768}. BadInput (naming `what`, e.g. "--size") for anything else or a
// side outside 1..max_side; refused here, before anything is allocated.
Result<ImageSize> parse_image_size(const std::string& text, const std::string& what,
                                   std::uint32_t max_side = 16384);

}  // namespace ocop::photo
