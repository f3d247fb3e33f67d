#include "view/orbit_camera.h"

#include <algorithm>
#include <cmath>

namespace ocop::studio {

namespace {

float wrap_degrees(float deg) { return std::remainder(deg, 360.0f); }  // [-180, 180]

// From the target towards the camera: yaw 0 puts the camera on the +Z side.
glm::vec3 orbit_offset(float yaw_deg, float pitch_deg) {
    const float yaw = glm::radians(yaw_deg), pitch = glm::radians(pitch_deg);
    return {std::cos(pitch) * std::sin(yaw), std::sin(pitch), std::cos(pitch) * std::cos(yaw)};
}

}  // namespace

void OrbitCamera::rotate(float dx_pixels, float dy_pixels) {
    yaw_deg = wrap_degrees(yaw_deg - kOrbitDegreesPerPixel * dx_pixels);
    pitch_deg = std::clamp(pitch_deg + kOrbitDegreesPerPixel * dy_pixels, kOrbitMinPitchDeg, kOrbitMaxPitchDeg);
}

void OrbitCamera::pan(float dx_pixels, float dy_pixels, float viewport_height_pixels) {
    if (!(viewport_height_pixels > 0.0f)) return;
    // At the target's depth one pixel spans 2 d tan(fov/2) / height metres; moving the camera
    // parallel to the image plane by that much moves every point at that depth by one pixel.
    const float metres_per_pixel =
        2.0f * distance_m * std::tan(glm::radians(vertical_fov_deg) * 0.5f) / viewport_height_pixels;
    const glm::vec3 forward = -orbit_offset(yaw_deg, pitch_deg);
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    // The cursor goes right: the world follows, so the camera goes left; down: the camera goes up.
    target += (-dx_pixels * right + dy_pixels * up) * metres_per_pixel;
}

void OrbitCamera::zoom(float wheel_steps) {
    distance_m = std::clamp(distance_m * std::pow(kOrbitZoomStep, wheel_steps), kOrbitMinDistanceM, kOrbitMaxDistanceM);
}

void OrbitCamera::frame(const Bounds& bounds) { frame(bounds, 1.0f); }

void OrbitCamera::frame(const Bounds& bounds, float aspect) {
    if (bounds.empty()) return;
    target = bounds.centre();
    // The bounding sphere inside the view cone of the narrower field of view: then every
    // corner of the box is on screen, whatever the yaw and pitch.
    const float radius = std::max(0.5f * glm::length(bounds.size()), 0.01f);
    const float half_v = glm::radians(vertical_fov_deg) * 0.5f;
    const float half_h = std::atan(std::tan(half_v) * std::max(aspect, 1e-3f));
    distance_m = std::clamp(radius / std::sin(std::min(half_v, half_h)), kOrbitMinDistanceM, kOrbitMaxDistanceM);
}

glm::vec3 OrbitCamera::position() const { return target + distance_m * orbit_offset(yaw_deg, pitch_deg); }

scene::Camera OrbitCamera::camera() const {
    scene::Camera c;
    c.position = position();
    c.target = target;
    c.up = {0.0f, 1.0f, 0.0f};
    c.vertical_fov_deg = vertical_fov_deg;
    // Close in, a near plane that does not clip what is being orbited; far out, the whole
    // centre and then some, with a near/far ratio the depth buffer handles.
    c.near_m = std::clamp(0.005f * distance_m, 0.01f, 1.0f);
    c.far_m = std::max(100.0f, 10.0f * distance_m);
    return c;
}

}  // namespace ocop::studio
