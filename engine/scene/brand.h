// The shared brand identity of Hanoi's OCOP centres (assets/brand/*.json, `ocop-brand/1`):
// colours, typeface and logo, applied the same way to price tags, signs, photo overlays and
// the web tour. CPU only.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"
#include "scene/catalogue.h"

namespace ocop::scene {

struct Brand {
    std::filesystem::path source;
    LocalText name;                   // "OCOP Hà Nội"
    glm::vec3 primary{0.55f, 0.08f, 0.06f};  // sRGB 0..1 as written in the file ("#8C1410")
    glm::vec3 secondary{0.85f, 0.65f, 0.2f};
    glm::vec3 paper{0.98f, 0.96f, 0.92f};
    glm::vec3 ink{0.1f, 0.1f, 0.1f};
    std::filesystem::path font_regular;  // TrueType files from Debian's fonts-noto-core
    std::filesystem::path font_bold;
    std::filesystem::path logo;          // PNG, resolved against the brand file
};

// Errors name the file and the JSON path; a font or logo file that does not exist is an error.
Result<Brand> load_brand(const std::filesystem::path& path);

Result<Brand> parse_brand_json(std::string_view text, const std::filesystem::path& source);

// The brand the project ships (assets/brand/hanoi-ocop.json), for when a caller has none: the
// same values, compiled in so that the binaries need no source tree. Its `logo` is empty:
// labels then draw the emblem itself (draw_logo in labels.h), which is how the shipped PNG
// was made. A test checks that this equals the file.
Brand default_brand();

// "#8E1B17" <-> sRGB 0..1 (the web tour and photo overlays use the same strings).
Result<glm::vec3> parse_hex_colour(std::string_view text);
std::string to_hex_colour(glm::vec3 srgb);

// Field by field, ignoring `source` (where it was read from).
bool same_brand(const Brand& a, const Brand& b);

}  // namespace ocop::scene
