#include "render/light_reach.h"

#include <algorithm>
#include <cmath>

#include "shared.h"

namespace ocop::render {

LightReach light_reach(const scene::Light& light) {
    LightReach r;
    if (light.type == scene::Light::Type::Directional) return r;
    r.position = light.position;
    r.range_m = std::max(light.range_m, 0.0f);
    r.everywhere = light.type == scene::Light::Type::Point && r.range_m == 0.0f;
    if (light.type == scene::Light::Type::Spot) {
        // As the renderer's uniforms clamp it: a cone of at most a half-space.
        const float outer = glm::radians(std::clamp(light.outer_cone_deg, 0.0f, 90.0f));
        r.direction = glm::length(light.direction) > 0.0f ? glm::normalize(light.direction) : glm::vec3(0, -1, 0);
        r.cos_outer = std::cos(outer);
        r.sin_outer = std::sin(outer);
    }
    return r;
}

bool reaches(const LightReach& light, glm::vec3 centre, float radius) {
    if (light.everywhere) return true;
    const glm::vec3 to_centre = centre - light.position;
    const float distance2 = glm::dot(to_centre, to_centre);
    if (light.range_m > 0.0f && distance2 > (light.range_m + radius) * (light.range_m + radius)) return false;
    if (light.cos_outer <= -1.0f) return true;
    const float along = glm::dot(to_centre, light.direction);
    if (along < -radius) return false;  // wholly behind the spot (its cone is at most a half-space)
    // Distance from the centre to the cone's side, in the plane through the axis: negative inside.
    const float across = std::sqrt(std::max(distance2 - along * along, 0.0f));
    return light.cos_outer * across - along * light.sin_outer <= radius;
}

glm::uvec4 draw_lights(std::span<const LightReach> lights, std::uint32_t shadowed, glm::vec3 centre, float radius) {
    glm::uvec4 out{0u};
    const std::size_t count = std::min<std::size_t>(lights.size(), gpu::kMaxLights);
    for (std::size_t i = 0; i < count; ++i) {
        if (!reaches(lights[i], centre, radius)) continue;
        if (i < shadowed) {
            out.y |= 1u << i;
            continue;
        }
        const std::uint32_t k = out.x++;
        (k < 8 ? out.z : out.w) |= std::uint32_t(i & 15u) << (4u * (k & 7u));
    }
    return out;
}

}  // namespace ocop::render
