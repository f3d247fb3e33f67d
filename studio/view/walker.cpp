#include "view/walker.h"

#include <algorithm>
#include <cmath>

#include "scene/fixtures.h"
#include "view/fly_camera.h"

namespace ocop::studio {

namespace {

// Twice the signed area of (a, b, c): > 0 when c is left of a->b.
float orient(glm::vec2 a, glm::vec2 b, glm::vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

// p->q crosses the wall a->b from one side to the other.
bool crosses(glm::vec2 p, glm::vec2 q, glm::vec2 a, glm::vec2 b) {
    return orient(a, b, p) * orient(a, b, q) < 0.0f && orient(p, q, a) * orient(p, q, b) < 0.0f;
}

// The footprint's frame: its centre, unit axes along its sides and half sizes (corners go
// (-,-), (+,-), (+,+), (-,+) as scene::fixture_footprint gives them).
struct FootprintFrame {
    glm::vec2 centre, axis_u, axis_v;
    float hu, hv;
};

FootprintFrame footprint_frame(const std::array<glm::vec2, 4>& o) {
    FootprintFrame f{0.5f * (o[0] + o[2]), o[1] - o[0], o[3] - o[0], 0.0f, 0.0f};
    f.hu = 0.5f * glm::length(f.axis_u);
    f.hv = 0.5f * glm::length(f.axis_v);
    const bool has_u = f.hu > 1e-6f, has_v = f.hv > 1e-6f;
    if (has_u) f.axis_u /= 2.0f * f.hu;
    if (has_v) f.axis_v /= 2.0f * f.hv;
    if (!has_u && !has_v) f.axis_u = {1.0f, 0.0f}, f.axis_v = {0.0f, 1.0f};
    else if (!has_u) f.axis_u = {f.axis_v.y, -f.axis_v.x};
    else if (!has_v) f.axis_v = {-f.axis_u.y, f.axis_u.x};
    return f;
}

glm::vec2 closest_on_wall(const glm::vec4& w, glm::vec2 p) {
    const glm::vec2 a(w.x, w.y), e = glm::vec2(w.z, w.w) - a;
    const float len2 = glm::dot(e, e);
    return a + (len2 > 0.0f ? std::clamp(glm::dot(p - a, e) / len2, 0.0f, 1.0f) : 0.0f) * e;
}

}  // namespace

float WalkWorld::overlap(glm::vec2 p, float radius) const {
    float worst = -radius;
    for (const glm::vec4& w : walls) worst = std::max(worst, radius - glm::distance(p, closest_on_wall(w, p)));
    for (const std::array<glm::vec2, 4>& o : obstacles) {
        const FootprintFrame f = footprint_frame(o);
        const float u = glm::dot(p - f.centre, f.axis_u), v = glm::dot(p - f.centre, f.axis_v);
        const float du = std::abs(u) - f.hu, dv = std::abs(v) - f.hv;
        // Signed distance to the rectangle: negative inside.
        const float outside = glm::length(glm::max(glm::vec2(du, dv), 0.0f));
        worst = std::max(worst, radius - (outside + std::min(std::max(du, dv), 0.0f)));
    }
    return worst;
}

WalkWorld WalkWorld::of(const scene::Centre& centre, std::vector<glm::vec4> walls) {
    WalkWorld world;
    world.walls = std::move(walls);
    for (const scene::Fixture& f : centre.fixtures) {
        const scene::FixtureType* type = scene::find_fixture_type(f.type);
        if (!type || type->mount != scene::FixtureMount::Floor) continue;
        world.obstacles.push_back(scene::fixture_footprint(f));
    }
    return world;
}

// walk.js FloorPlan.resolve, line for line: walls, then obstacles, then the bounds, round after
// round for corners where two meet. The web stops after four rounds; a gap narrower than the
// body (a sign close to a wall) can need more, so here up to kResolveRounds.
glm::vec2 WalkWorld::resolve(glm::vec2 p, float radius) const {
    const float r = radius;
    const bool bounded = stay_inside && !walls.empty();
    glm::vec2 lo(0.0f), hi(0.0f);
    if (bounded) {
        lo = glm::vec2(walls.front().x, walls.front().y);
        hi = lo;
        for (const glm::vec4& w : walls) {
            lo = glm::min(lo, glm::min(glm::vec2(w.x, w.y), glm::vec2(w.z, w.w)));
            hi = glm::max(hi, glm::max(glm::vec2(w.x, w.y), glm::vec2(w.z, w.w)));
        }
        lo += r;
        hi -= r;
    }
    for (int round = 0; round < kResolveRounds; ++round) {
        bool pushed = false;
        for (const glm::vec4& w : walls) {
            const glm::vec2 e = glm::vec2(w.z, w.w) - glm::vec2(w.x, w.y);
            const float len2 = glm::dot(e, e);
            const glm::vec2 q = closest_on_wall(w, p);
            glm::vec2 n = p - q;
            const float d = glm::length(n);
            if (d >= r) continue;
            if (d < 1e-6f) {  // exactly on the wall line: push along its (left) normal
                const float l = len2 > 0.0f ? std::sqrt(len2) : 1.0f;
                n = glm::vec2(-e.y, e.x) / l;
            } else {
                n /= d;
            }
            p = q + n * r;
            pushed = true;
        }
        for (const std::array<glm::vec2, 4>& o : obstacles) {
            // Into the footprint's frame, as walk.js does with the box's yaw.
            const FootprintFrame f = footprint_frame(o);
            const glm::vec2 centre = f.centre, axis_u = f.axis_u, axis_v = f.axis_v;
            const float hu = f.hu, hv = f.hv;
            const float u = glm::dot(p - centre, axis_u), v = glm::dot(p - centre, axis_v);
            float pu = u - std::clamp(u, -hu, hu);
            float pv = v - std::clamp(v, -hv, hv);
            const float d = std::hypot(pu, pv);
            if (d >= r) continue;
            if (d < 1e-6f) {  // inside the footprint: leave by the nearest side
                const float to_u = hu - std::abs(u), to_v = hv - std::abs(v);
                if (to_u < to_v) {
                    pu = (u < 0.0f ? -1.0f : 1.0f) * (hu + r) - u;
                    pv = 0.0f;
                } else {
                    pu = 0.0f;
                    pv = (v < 0.0f ? -1.0f : 1.0f) * (hv + r) - v;
                }
            } else {
                pu = pu / d * (r - d);
                pv = pv / d * (r - d);
            }
            p += pu * axis_u + pv * axis_v;
            pushed = true;
        }
        if (bounded) {
            // Per axis, and only where the box is wider than the body (the web clamps a
            // degenerate box to its low side; no real building has one).
            glm::vec2 c = p;
            if (lo.x <= hi.x) c.x = std::clamp(p.x, lo.x, hi.x);
            if (lo.y <= hi.y) c.y = std::clamp(p.y, lo.y, hi.y);
            if (c != p) pushed = true;
            p = c;
        }
        if (!pushed) break;
    }
    return p;
}

glm::vec2 WalkWorld::move(glm::vec2 from, glm::vec2 delta, float radius) const {
    // A sub-step shorter than the body cannot jump a wall: to reach its other side the body
    // would have to come within its radius of it first, and be pushed back (walk.js STEP_M).
    const float step = radius > 0.0f ? std::min(kWalkStepM, 0.5f * radius) : kWalkStepM;
    const double steps = std::ceil(static_cast<double>(glm::length(delta)) / step);
    const int n = static_cast<int>(std::clamp(steps, 1.0, 200000.0));
    glm::vec2 p = from;
    float p_overlap = overlap(p, radius);
    for (int i = 0; i < n; ++i) {
        const glm::vec2 next = resolve(p + delta / static_cast<float>(n), radius);
        // Squeezed into a gap narrower than the body the pushes can disagree; whatever they
        // decide, a sub-step that crosses a wall or ends deeper in something than the body
        // already was is refused (a body that starts overlapping may still get out).
        const float next_overlap = overlap(next, radius);
        bool blocked = next_overlap > std::max(p_overlap, 1e-4f);
        for (std::size_t k = 0; k < walls.size() && !blocked; ++k)
            blocked = crosses(p, next, {walls[k].x, walls[k].y}, {walls[k].z, walls[k].w});
        if (!blocked) p = next, p_overlap = next_overlap;
    }
    return p;
}

void Walker::look(float dx_pixels, float dy_pixels) {
    yaw_deg = std::remainder(yaw_deg - kLookDegreesPerPixel * dx_pixels, 360.0f);
    pitch_deg = std::clamp(pitch_deg - kLookDegreesPerPixel * dy_pixels, -kWalkerMaxPitchDeg, kWalkerMaxPitchDeg);
}

void Walker::walk(const WalkWorld& world, float forward, float right, float seconds, float speed) {
    forward = std::clamp(forward, -1.0f, 1.0f);
    right = std::clamp(right, -1.0f, 1.0f);
    const float length = std::hypot(forward, right);
    if (!(length > 0.0f) || !(seconds > 0.0f) || !(speed > 0.0f)) return;
    // As walk.js Walker.update: a diagonal is no faster than straight ahead.
    const float scale = std::min(length, 1.0f) / length * speed * seconds;
    const float f = forward * scale, r = right * scale;
    const float yaw = glm::radians(yaw_deg);
    const glm::vec2 delta{-std::sin(yaw) * f + std::cos(yaw) * r, -std::cos(yaw) * f - std::sin(yaw) * r};
    feet = world.move(feet, delta, radius_m);
}

void Walker::hop_to(const scene::Waypoint& waypoint) {
    feet = {waypoint.pos.x, waypoint.pos.z};
    eye_height_m = waypoint.pos.y;
    const glm::vec2 yaw_pitch = yaw_pitch_of(waypoint.look_at - waypoint.pos);
    yaw_deg = yaw_pitch.x;
    pitch_deg = std::clamp(yaw_pitch.y, -kWalkerMaxPitchDeg, kWalkerMaxPitchDeg);
}

glm::vec3 Walker::eye() const { return {feet.x, eye_height_m, feet.y}; }

scene::Camera Walker::camera() const {
    scene::Camera c;
    c.position = eye();
    c.target = c.position + look_direction(yaw_deg, std::clamp(pitch_deg, -kWalkerMaxPitchDeg, kWalkerMaxPitchDeg));
    c.up = {0.0f, 1.0f, 0.0f};
    c.vertical_fov_deg = vertical_fov_deg;
    c.near_m = 0.05f;  // as the web tour's eye
    c.far_m = 200.0f;
    return c;
}

}  // namespace ocop::studio
