// The layout mode's default camera: it turns about a target, like Blender's turntable orbit or
// Artsteps' editor. Drags and wheel steps come in as pixels and steps, so the UI stays thin.
#pragma once

#include <glm/glm.hpp>

#include "core/bounds.h"
#include "scene/scene.h"

namespace ocop::studio {

inline constexpr float kOrbitDegreesPerPixel = 0.3f;
inline constexpr float kOrbitZoomStep = 0.88f;  // one wheel step: 12% closer
inline constexpr float kOrbitMinPitchDeg = -5.0f, kOrbitMaxPitchDeg = 89.0f;
inline constexpr float kOrbitMinDistanceM = 0.3f, kOrbitMaxDistanceM = 200.0f;

struct OrbitCamera {
    glm::vec3 target{0.0f};
    float yaw_deg = 30.0f;     // about +Y; 0 looks along -Z from the +Z side
    float pitch_deg = 35.0f;   // above the horizon, clamped to [-5, 89]
    float distance_m = 12.0f;  // clamped to [0.3, 200]
    float vertical_fov_deg = 45.0f;

    // The scene follows the mouse (as in Blender): dragging right turns it to the right (the
    // camera goes left, yaw decreases), dragging down shows it more from above (pitch grows).
    void rotate(float dx_pixels, float dy_pixels);
    // The point under the cursor at the target's depth follows it exactly.
    void pan(float dx_pixels, float dy_pixels, float viewport_height_pixels);
    void zoom(float wheel_steps);  // each step 12% closer (negative: farther)
    // Targets the centre of the bounds, at the distance where its bounding sphere fits the
    // view (for a viewport at least as wide as it is high; the overload takes the aspect).
    // Empty bounds change nothing.
    void frame(const Bounds& bounds);
    void frame(const Bounds& bounds, float aspect);

    glm::vec3 position() const;
    scene::Camera camera() const;  // near/far scale with the distance
};

}  // namespace ocop::studio
