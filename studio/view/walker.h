// The tour mode's visitor: first person at eye height, a circle in plan that walls and floor
// fixtures push back, resolved exactly as the web tour does (tools/tour/src/walk.js, FloorPlan):
// sub-steps of at most 5 cm, each pushed out of walls (segments) and fixture footprints
// (rotated rectangles) a few rounds for corners, then held inside the building's bounds so an
// open entrance leads nowhere.
#pragma once

#include <array>
#include <vector>

#include <glm/glm.hpp>

#include "scene/centre.h"
#include "scene/scene.h"

namespace ocop::studio {

inline constexpr float kWalkerMaxPitchDeg = 68.75f;  // the web tour's 1.2 rad
inline constexpr float kWalkStepM = 0.05f;           // the web tour's collision sub-step
inline constexpr int kResolveRounds = 16;            // the web tour's 4, and more for tight gaps

struct WalkWorld {
    std::vector<glm::vec4> walls;                     // (x0, z0, x1, z1) plan segments, doors cut out
    std::vector<std::array<glm::vec2, 4>> obstacles;  // fixture footprints (scene::fixture_footprint)
    // As in the web tour: the walls' bounding box, less the radius, holds the visitor, so
    // stepping out of the entrance stops at the building's edge. Off: doors lead outside.
    bool stay_inside = true;

    // Obstacles from its floor fixtures (wall fixtures stand against a wall that already
    // blocks the way; unknown types are left out), as tour.json's obstacles.
    static WalkWorld of(const scene::Centre& centre, std::vector<glm::vec4> walls);

    // One sub-step's resolution (walk.js FloorPlan.resolve): p pushed out of everything closer
    // than `radius`.
    glm::vec2 resolve(glm::vec2 p, float radius) const;
    // Moves `from` by `delta` in sub-steps, resolving each (walk.js FloorPlan.move); a sub-step
    // that would still cross a wall segment, or leave the body deeper in something than it was
    // (a gap narrower than the body), is refused, so nothing ever tunnels.
    glm::vec2 move(glm::vec2 from, glm::vec2 delta, float radius) const;
    // How far a body of `radius` at p reaches into the nearest wall or footprint (<= 0: clear).
    float overlap(glm::vec2 p, float radius) const;
};

struct Walker {
    glm::vec2 feet{0.0f};      // plan position
    float eye_height_m = 1.6f;
    float yaw_deg = 0.0f, pitch_deg = 0.0f;  // pitch clamped to +-68.75 degrees, as on the web
    float radius_m = 0.25f;    // the visitor's body
    float vertical_fov_deg = 55.0f;  // the web tour's eye

    void look(float dx_pixels, float dy_pixels);  // kLookDegreesPerPixel, as FlyCamera::look
    // Walks: the move is resolved against walls and obstacles so the body never comes closer
    // than radius_m to them; it slides along a wall instead of stopping dead; a step never
    // tunnels through a wall, however long the frame (the time is not capped here: the web
    // tour caps a frame at 0.25 s, the UI may do the same).
    void walk(const WalkWorld& world, float forward, float right, float seconds, float speed = 1.4f);
    void hop_to(const scene::Waypoint& waypoint);  // stand at the waypoint, looking at its look_at
    glm::vec3 eye() const;
    scene::Camera camera() const;
};

}  // namespace ocop::studio
