// Colour helpers shared by the studio rigs and the centres' lights.
#pragma once

#include <glm/glm.hpp>

namespace ocop {

// The colour of a black body at `kelvin` (1000-40000 K), as linear Rec.709 RGB with a
// luminance of 1: a light's colour temperature without changing its intensity.
glm::vec3 kelvin_to_rgb(float kelvin);

}  // namespace ocop
