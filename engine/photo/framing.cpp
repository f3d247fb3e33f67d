#include "photo/framing.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ocop::photo {

std::vector<glm::vec3> model_points(const assets::Model& model, const glm::mat4& transform) {
    std::vector<glm::vec3> points;
    for (const assets::MeshInstance& i : model.instances()) {
        const glm::mat4 world = transform * i.world;
        for (const glm::vec3& v : model.meshes[static_cast<std::size_t>(i.mesh)].positions)
            points.push_back(glm::vec3(world * glm::vec4(v, 1.0f)));
    }
    return points;
}

std::vector<glm::vec3> product_points(const scene::Scene& scene) {
    std::vector<glm::vec3> points;
    for (const scene::ProductInstance& p : scene.products) {
        if (!p.model) continue;
        const std::vector<glm::vec3> more = model_points(*p.model, p.transform);
        points.insert(points.end(), more.begin(), more.end());
    }
    return points;
}

namespace {

// Extent in normalised device units (x right, y up, both -1..1), without lens shift.
struct NdcExtent {
    glm::vec2 min{1e30f};
    glm::vec2 max{-1e30f};
};

NdcExtent project(const std::vector<glm::vec3>& points, const glm::mat4& view, float f, float aspect) {
    NdcExtent e;
    for (const glm::vec3& p : points) {
        const glm::vec3 v = glm::vec3(view * glm::vec4(p, 1.0f));
        const float depth = std::max(-v.z, 1e-6f);
        const glm::vec2 ndc{f / aspect * v.x / depth, f * v.y / depth};
        e.min = glm::min(e.min, ndc);
        e.max = glm::max(e.max, ndc);
    }
    return e;
}

}  // namespace

scene::Camera frame_products(const scene::Scene& scene, const FramingRequest& request) {
    return frame_points(product_points(scene), request);
}

scene::Camera frame_points(const std::vector<glm::vec3>& points, const FramingRequest& request) {
    scene::Camera camera;
    camera.vertical_fov_deg = request.vertical_fov_deg;
    Bounds b;
    for (const glm::vec3& p : points) b.add(p);
    if (points.empty() || b.empty()) return camera;

    const glm::vec3 centre = b.centre();
    const float radius = std::max(0.5f * glm::length(b.size()), 1e-4f);
    const float elevation = glm::radians(request.elevation_deg);
    const float azimuth = glm::radians(request.azimuth_deg);
    const glm::vec3 towards_camera{std::cos(elevation) * std::sin(azimuth), std::sin(elevation),
                                   std::cos(elevation) * std::cos(azimuth)};
    const float f = 1.0f / std::tan(glm::radians(request.vertical_fov_deg) * 0.5f);

    // The projected size shrinks roughly as 1/distance; a few rescaling steps converge to the
    // exact fill even for wide, shallow products seen in perspective.
    float distance = radius * f / request.fill + radius;
    NdcExtent e;
    for (int step = 0; step < 32; ++step) {
        camera.position = centre + towards_camera * distance;
        camera.target = centre;
        e = project(points, camera.view(), f, request.aspect);
        const float share = 0.5f * std::max(e.max.x - e.min.x, e.max.y - e.min.y);
        if (std::abs(share - request.fill) < 1e-5f) break;
        // Scale the distance to the product's nearest depth, not to its centre.
        const float near_part = std::min(radius, 0.9f * distance);
        distance = (distance - near_part) * share / request.fill + near_part;
    }
    camera.lens_shift = -0.5f * (e.min + e.max);
    camera.near_m = std::max(distance - 1.5f * radius, 0.002f * distance);
    camera.far_m = distance + 1.5f * radius;
    return camera;
}

ImageRect projected_rect(const scene::Scene& scene, const scene::Camera& camera, float aspect) {
    const float f = 1.0f / std::tan(glm::radians(camera.vertical_fov_deg) * 0.5f);
    const NdcExtent e = project(product_points(scene), camera.view(), f, aspect);
    ImageRect r;
    r.min = {0.5f * (e.min.x + camera.lens_shift.x + 1.0f), 0.5f * (1.0f - (e.max.y + camera.lens_shift.y))};
    r.max = {0.5f * (e.max.x + camera.lens_shift.x + 1.0f), 0.5f * (1.0f - (e.min.y + camera.lens_shift.y))};
    return r;
}

}  // namespace ocop::photo
