#include "photo/image_size.h"

#include <cstdio>

namespace ocop::photo {

Result<ImageSize> parse_image_size(const std::string& text, const std::string& what, std::uint32_t max_side) {
    unsigned w = 0, h = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &w, &x, &h, &extra) != 3 || (x != 'x' && x != 'X') || w == 0 ||
        h == 0 || w > max_side || h > max_side)
        return bad_input(what, "'" + text + "' is not a size like 1024x1024 (1 to " + std::to_string(max_side) +
                                   " pixels a side)");
    return ImageSize{w, h};
}

}  // namespace ocop::photo
