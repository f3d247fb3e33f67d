// Which of a frame's punctual lights can reach a mesh, so that its draw's shader loops over
// those alone. A spot gives no light outside its outer cone and a light with a range none
// beyond it (KHR_lights_punctual), so leaving them out changes no pixel; a centre's spots
// have narrow cones, so most meshes see a few of its 16 lights. Pure functions, tested.
#pragma once

#include <cstdint>
#include <span>

#include <glm/glm.hpp>

#include "scene/scene.h"

namespace ocop::render {

// Where a light can give light: everywhere (directional, or a point light without a range),
// within a sphere (its range), within a cone (a spot), or both.
struct LightReach {
    bool everywhere = true;  // directional: nothing to test
    glm::vec3 position{0.0f};
    float range_m = 0.0f;                    // 0: unlimited
    glm::vec3 direction{0.0f, -1.0f, 0.0f};  // unit, where a spot points
    float cos_outer = -1.0f;                 // a spot's outer half-angle; -1: every direction
    float sin_outer = 0.0f;
};

LightReach light_reach(const scene::Light& light);

// False only when no point of the sphere can receive light from `light` (a conservative test:
// Wronski, "Cull that cone!", 2016, for the cone's side, and the plane through its apex).
bool reaches(const LightReach& light, glm::vec3 centre, float radius);

// The slots of `lights` (the frame's lights in slot order, the first `shadowed` of them with a
// shadow map) that reach the sphere, as gpu::DrawConstants::lights packs them: y a bit for
// each shadowed slot that reaches it; x how many others do, z and w their slots, 4 bits each.
glm::uvec4 draw_lights(std::span<const LightReach> lights, std::uint32_t shadowed, glm::vec3 centre, float radius);

}  // namespace ocop::render
