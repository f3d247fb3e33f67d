#include "view/picking.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/fixtures.h"

namespace ocop::studio {

namespace {

// The camera's frame as glm::lookAtRH builds it: side, up, forward.
struct CameraFrame {
    glm::vec3 side, up, forward;
};

CameraFrame camera_frame(const scene::Camera& camera) {
    const glm::vec3 f = glm::normalize(camera.target - camera.position);
    const glm::vec3 s = glm::normalize(glm::cross(f, camera.up));
    return {s, glm::cross(s, f), f};
}

float aspect_of(glm::vec2 viewport) { return viewport.y > 0.0f ? viewport.x / viewport.y : 1.0f; }

// The box fixture_model builds, with the size fixture_footprint uses (a size that is not
// positive falls back to the type's default, as fixtures.cpp does).
glm::vec3 fixture_box_size(const scene::Fixture& fixture) {
    const scene::FixtureType* type = scene::find_fixture_type(fixture.type);
    glm::vec3 s = fixture.size;
    for (int i = 0; i < 3; ++i)
        if (!(s[i] > 0.0f)) s[i] = type ? type->default_size[i] : 1.0f;
    return s;
}

}  // namespace

Ray pixel_ray(const scene::Camera& camera, glm::vec2 pixel, glm::vec2 viewport) {
    // Pixels to Vulkan NDC (y down, so the top row is -1), then undo scene::Camera::projection:
    // ndc.x = f/aspect * x/-z + shift.x and ndc.y = -f * y/-z - shift.y in view space.
    const glm::vec2 ndc = 2.0f * pixel / viewport - 1.0f;
    const float f = 1.0f / std::tan(glm::radians(camera.vertical_fov_deg) * 0.5f);
    const float x = (ndc.x - camera.lens_shift.x) * aspect_of(viewport) / f;
    const float y = -(ndc.y + camera.lens_shift.y) / f;
    const CameraFrame frame = camera_frame(camera);
    return {camera.position, glm::normalize(x * frame.side + y * frame.up + frame.forward)};
}

std::optional<glm::vec3> hit_floor(const Ray& ray, float floor_y) {
    if (std::abs(ray.direction.y) < 1e-7f) return std::nullopt;
    const float t = (floor_y - ray.origin.y) / ray.direction.y;
    if (t < 0.0f) return std::nullopt;
    return ray.origin + t * ray.direction;
}

std::optional<float> ray_fixture_distance(const scene::Fixture& fixture, const Ray& ray) {
    const glm::vec3 s = fixture_box_size(fixture);
    const glm::vec3 lo(-0.5f * s.x, 0.0f, -0.5f * s.z), hi(0.5f * s.x, s.y, 0.5f * s.z);
    // Into fixture space (a rotation and a translation: distances stay metres), then slabs.
    const glm::mat4 to_fixture = glm::inverse(scene::fixture_transform(fixture));
    const glm::vec3 o = glm::vec3(to_fixture * glm::vec4(ray.origin, 1.0f));
    const glm::vec3 d = glm::vec3(to_fixture * glm::vec4(ray.direction, 0.0f));
    float t_near = -std::numeric_limits<float>::infinity(), t_far = std::numeric_limits<float>::infinity();
    for (int i = 0; i < 3; ++i) {
        if (std::abs(d[i]) < 1e-12f) {
            if (o[i] < lo[i] || o[i] > hi[i]) return std::nullopt;
            continue;
        }
        float t0 = (lo[i] - o[i]) / d[i], t1 = (hi[i] - o[i]) / d[i];
        if (t0 > t1) std::swap(t0, t1);
        t_near = std::max(t_near, t0);
        t_far = std::min(t_far, t1);
    }
    if (t_near > t_far || t_far < 0.0f) return std::nullopt;
    return t_near >= 0.0f ? t_near : t_far;
}

std::optional<FixtureHit> pick_fixture(const scene::Centre& centre, const Ray& ray, FixturePick pick) {
    std::optional<FixtureHit> best;
    for (const scene::Fixture& fixture : centre.fixtures) {
        if (pick == FixturePick::HoldingProducts && scene::fixture_slots(fixture).empty()) continue;
        const std::optional<float> t = ray_fixture_distance(fixture, ray);
        if (!t || (best && *t >= best->distance)) continue;
        best = FixtureHit{fixture.id, *t, ray.origin + *t * ray.direction};
    }
    return best;
}

std::optional<int> nearest_slot(const scene::Fixture& fixture, glm::vec3 point) {
    const std::vector<scene::Slot> slots = scene::fixture_slots(fixture);
    const glm::mat4 m = scene::fixture_transform(fixture);
    std::optional<int> best;
    float best_d2 = std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const glm::vec3 at = glm::vec3(m * glm::vec4(slots[i].position, 1.0f));
        const float d2 = glm::dot(at - point, at - point);
        if (d2 < best_d2) best_d2 = d2, best = static_cast<int>(i);
    }
    return best;
}

std::optional<glm::vec2> project(const scene::Camera& camera, glm::vec3 point, glm::vec2 viewport) {
    const glm::vec4 clip = camera.projection(aspect_of(viewport)) * camera.view() * glm::vec4(point, 1.0f);
    if (!(clip.w > 0.0f)) return std::nullopt;  // w = -z_view: behind the camera (or level with it)
    const glm::vec2 ndc = glm::vec2(clip) / clip.w;
    return (ndc + 1.0f) * 0.5f * viewport;
}

}  // namespace ocop::studio
