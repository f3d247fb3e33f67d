#include "render/draw_select.h"

#include <algorithm>

namespace ocop::render {

std::array<glm::vec4, 6> frustum_planes(const glm::mat4& m) {
    // Gribb and Hartmann's rows of the matrix: -w <= x, y <= w and 0 <= z <= w.
    const glm::vec4 r0{m[0][0], m[1][0], m[2][0], m[3][0]}, r1{m[0][1], m[1][1], m[2][1], m[3][1]};
    const glm::vec4 r2{m[0][2], m[1][2], m[2][2], m[3][2]}, r3{m[0][3], m[1][3], m[2][3], m[3][3]};
    return {r3 + r0, r3 - r0, r3 + r1, r3 - r1, r2, r3 - r2};
}

bool sphere_outside(const std::array<glm::vec4, 6>& planes, glm::vec3 centre, float radius) {
    for (const glm::vec4& p : planes) {
        const float length = glm::length(glm::vec3(p));
        if (length > 0.0f && glm::dot(glm::vec3(p), centre) + p.w < -radius * length) return true;
    }
    return false;
}

std::size_t level_of_detail(const std::vector<GpuDraw::Level>& lods, float extent_m, float distance_m,
                            float pixels_per_metre_at_1m) {
    if (pixels_per_metre_at_1m <= 0.0f || distance_m <= 0.0f) return 0;
    const float pixels_per_unit_error = extent_m * pixels_per_metre_at_1m / distance_m;
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < lods.size(); ++i) {
        if (lods[i].error * pixels_per_unit_error > kLodPixelError) break;  // errors grow along the chain
        chosen = i + 1;
    }
    return chosen;
}

std::optional<DrawRange> select_draw(const GpuDraw& draw, const glm::mat4& transform,
                                     const std::array<glm::vec4, 6>& planes, glm::vec3 eye,
                                     float pixels_per_metre_at_1m, bool orthographic) {
    const glm::vec3 centre = glm::vec3(transform * glm::vec4(draw.centre, 1.0f));
    // The largest stretch of the transform's axes: the sphere stays around the mesh.
    const float scale = std::max({glm::length(glm::vec3(transform[0])), glm::length(glm::vec3(transform[1])),
                                  glm::length(glm::vec3(transform[2]))});
    const float radius = draw.radius * scale;
    if (sphere_outside(planes, centre, radius)) return std::nullopt;
    const float distance = glm::length(centre - eye);
    // The level for the mesh's nearest point: every part of it stays within the error.
    const std::size_t level = level_of_detail(draw.lods, draw.extent * scale, orthographic ? 1.0f : distance - radius,
                                              pixels_per_metre_at_1m);
    if (level == 0) return DrawRange{draw.first_index, draw.index_count, distance, centre, radius};
    return DrawRange{draw.lods[level - 1].first_index, draw.lods[level - 1].index_count, distance, centre, radius};
}

}  // namespace ocop::render
