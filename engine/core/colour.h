// Colour helpers shared by the studio rigs and the centres' lights.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

namespace ocop {

// The colour of a black body at `kelvin` (1000-40000 K), as linear Rec.709 RGB with a
// luminance of 1: a light's colour temperature without changing its intensity.
glm::vec3 kelvin_to_rgb(float kelvin);

// The sRGB transfer function, both ways (0..1; the 8-bit one rounds and clamps).
float srgb_to_linear(float encoded);
glm::vec3 srgb_to_linear(glm::vec3 encoded);
float linear_to_srgb(float linear);
std::uint8_t linear_to_srgb8(float linear);

}  // namespace ocop
