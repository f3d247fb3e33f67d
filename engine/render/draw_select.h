// Which meshes a view draws, and at which level of detail: a mesh outside the view's frustum
// is skipped, and one far away draws a coarser version of itself (assets::Mesh::lods) when the
// difference is smaller than the pixels can show. Pure functions: the renderer's pass uses
// them, the tests check them.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "render/upload.h"

namespace ocop::render {

// A level may differ from the full mesh by at most this many pixels of the target.
constexpr float kLodPixelError = 0.5f;

// The six planes of the frustum of `view_proj` (Vulkan clip space, depth 0..1), each as (n, d):
// a point p is inside when dot(n, p) + d >= 0. Not normalised.
std::array<glm::vec4, 6> frustum_planes(const glm::mat4& view_proj);

// True when the sphere lies wholly outside one of the planes (it cannot be seen).
bool sphere_outside(const std::array<glm::vec4, 6>& planes, glm::vec3 centre, float radius);

// 0 for the full mesh, else 1 + the index into `lods` of the coarsest level whose error (relative
// to `extent_m`, the mesh's extent in metres as placed) covers at most kLodPixelError pixels seen
// from `distance_m` (the mesh's nearest point). `pixels_per_metre_at_1m`: the target's height over
// 2 tan(fov / 2); 0 keeps the full mesh.
std::size_t level_of_detail(const std::vector<GpuDraw::Level>& lods, float extent_m, float distance_m,
                            float pixels_per_metre_at_1m);

// What a view draws of one placed mesh: the index range of its level of detail, the distance
// from the eye to the mesh's centre (for sorting), and the sphere around the placed mesh.
struct DrawRange {
    std::uint32_t first_index = 0;
    std::uint32_t index_count = 0;
    float distance = 0.0f;
    glm::vec3 centre{0.0f};
    float radius = 0.0f;
};

// Nothing when the mesh's bounding sphere, placed by `transform`, lies outside `planes`; else
// the level whose error stays within kLodPixelError at the mesh's nearest point seen from `eye`.
// `orthographic`: every mesh counts as 1 m away (a directional light's map has texels of one
// size at every distance).
std::optional<DrawRange> select_draw(const GpuDraw& draw, const glm::mat4& transform,
                                     const std::array<glm::vec4, 6>& planes, glm::vec3 eye,
                                     float pixels_per_metre_at_1m, bool orthographic = false);

}  // namespace ocop::render
