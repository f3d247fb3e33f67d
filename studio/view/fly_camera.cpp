#include "view/fly_camera.h"

#include <algorithm>
#include <cmath>

namespace ocop::studio {

glm::vec3 look_direction(float yaw_deg, float pitch_deg) {
    const float yaw = glm::radians(yaw_deg), pitch = glm::radians(pitch_deg);
    return {-std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch)};
}

glm::vec2 yaw_pitch_of(glm::vec3 direction) {
    const float length = glm::length(direction);
    if (!(length > 1e-9f)) return glm::vec2(0.0f);
    const glm::vec3 d = direction / length;
    // As the web tour's yawPitchTowards: atan2(-x, -z), asin(y).
    return {glm::degrees(std::atan2(-d.x, -d.z)), glm::degrees(std::asin(std::clamp(d.y, -1.0f, 1.0f)))};
}

void FlyCamera::look(float dx_pixels, float dy_pixels) {
    yaw_deg = std::remainder(yaw_deg - kLookDegreesPerPixel * dx_pixels, 360.0f);
    pitch_deg = std::clamp(pitch_deg - kLookDegreesPerPixel * dy_pixels, -89.0f, 89.0f);
}

void FlyCamera::move(float forward, float right, float up, float seconds, float speed) {
    glm::vec3 input{std::clamp(forward, -1.0f, 1.0f), std::clamp(right, -1.0f, 1.0f), std::clamp(up, -1.0f, 1.0f)};
    const float length = glm::length(input);
    if (length > 1.0f) input /= length;
    const glm::vec3 ahead = look_direction(yaw_deg, pitch_deg);
    const glm::vec3 side = look_direction(yaw_deg - 90.0f, 0.0f);
    position += (input.x * ahead + input.y * side + input.z * glm::vec3(0.0f, 1.0f, 0.0f)) * speed * seconds;
}

scene::Camera FlyCamera::camera() const {
    scene::Camera c;
    c.position = position;
    c.target = position + look_direction(yaw_deg, std::clamp(pitch_deg, -89.0f, 89.0f));
    c.up = {0.0f, 1.0f, 0.0f};
    c.vertical_fov_deg = vertical_fov_deg;
    c.near_m = 0.05f;
    c.far_m = 500.0f;
    return c;
}

FlyCamera FlyCamera::from(const scene::Camera& camera) {
    FlyCamera fly;
    fly.position = camera.position;
    const glm::vec2 yaw_pitch = yaw_pitch_of(camera.target - camera.position);
    fly.yaw_deg = yaw_pitch.x;
    fly.pitch_deg = std::clamp(yaw_pitch.y, -89.0f, 89.0f);
    fly.vertical_fov_deg = camera.vertical_fov_deg;
    return fly;
}

}  // namespace ocop::studio
