// Free flight through the layout: W A S D (and up/down keys) with mouse look, as in Blender's
// fly mode or a game.
#pragma once

#include <glm/glm.hpp>

#include "scene/scene.h"

namespace ocop::studio {

// Mouse look, for the fly camera and the walker: moving right turns right, moving up (dy < 0)
// looks up. (The web tour's drag grabs the world instead, the other way round: pass -dx, -dy
// for that feel.)
inline constexpr float kLookDegreesPerPixel = 0.2f;

// Where yaw/pitch look, with the convention of the whole studio and the web tour: yaw about +Y,
// 0 looks along -Z, positive turns left; pitch above the horizon.
glm::vec3 look_direction(float yaw_deg, float pitch_deg);
// The inverse: {yaw, pitch} in degrees of a direction (any length; zero gives {0, 0}).
glm::vec2 yaw_pitch_of(glm::vec3 direction);

struct FlyCamera {
    glm::vec3 position{0.0f, 1.6f, 5.0f};
    float yaw_deg = 0.0f, pitch_deg = 0.0f;  // pitch clamped to [-89, 89]
    float vertical_fov_deg = 60.0f;

    void look(float dx_pixels, float dy_pixels);
    // forward/right/up in [-1, 1] (keys), seconds, metres per second. Forward follows the view
    // (pitch included), right stays level, up is the world's +Y; a diagonal is no faster.
    void move(float forward, float right, float up, float seconds, float speed = 3.0f);
    scene::Camera camera() const;
    static FlyCamera from(const scene::Camera& camera);  // same view (for an upright camera)
};

}  // namespace ocop::studio
