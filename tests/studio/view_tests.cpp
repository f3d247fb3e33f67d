// The studio's view math without a window: the orbit and fly cameras, the tour mode's walker
// (collision as the web tour's walk.js), and picking, consistent with scene::Camera.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <catch2/catch.hpp>

#include "export/tour_data.h"
#include "scene/centre.h"
#include "scene/fixtures.h"
#include "view/draft_resolution.h"
#include "view/fly_camera.h"
#include "view/orbit_camera.h"
#include "view/picking.h"
#include "view/walker.h"

using namespace ocop;
using namespace ocop::studio;

namespace {

const glm::vec2 kViewTestViewport{1280.0f, 720.0f};

scene::Centre view_test_centre(const char* name) {
    Result<scene::Centre> centre =
        scene::load_centre(std::filesystem::path(OCOP_SOURCE_DIR) / "scenes/centres" / name);
    INFO((centre.ok() ? std::string() : centre.error().message()));
    REQUIRE(centre.ok());
    return std::move(centre).value();
}

glm::vec3 view_test_direction(const scene::Camera& camera) { return glm::normalize(camera.target - camera.position); }

// Distance from p to a convex polygon given counter-clockwise (0 inside), computed on its own
// rather than with the walker's box frame.
float view_test_polygon_distance(const std::array<glm::vec2, 4>& polygon, glm::vec2 p) {
    bool inside = true;
    float best = 1e30f;
    for (std::size_t i = 0; i < 4; ++i) {
        const glm::vec2 a = polygon[i], b = polygon[(i + 1) % 4], e = b - a;
        if (e.x * (p.y - a.y) - e.y * (p.x - a.x) < 0.0f) inside = false;
        const float s = glm::clamp(glm::dot(p - a, e) / glm::dot(e, e), 0.0f, 1.0f);
        best = std::min(best, glm::length(p - (a + s * e)));
    }
    return inside ? 0.0f : best;
}

// Yaw that looks along a plan direction (x, z).
float view_test_yaw_towards(glm::vec2 direction) { return glm::degrees(std::atan2(-direction.x, -direction.y)); }

}  // namespace

TEST_CASE("The orbit camera turns with the mouse and zooms by wheel steps within its limits", "[studio]") {
    OrbitCamera orbit;
    orbit.target = {1.0f, 0.5f, -2.0f};
    orbit.yaw_deg = 0.0f;
    orbit.pitch_deg = 0.0f;
    // Yaw 0 looks along -Z from the +Z side, at the distance.
    scene::Camera camera = orbit.camera();
    CHECK(glm::length(camera.position - (orbit.target + glm::vec3(0.0f, 0.0f, 12.0f))) < 1e-4f);
    CHECK(glm::length(view_test_direction(camera) - glm::vec3(0.0f, 0.0f, -1.0f)) < 1e-5f);

    // 0.3 degree per pixel; the scene follows the mouse: a point in front of the target moves right.
    const glm::vec3 front = orbit.target + glm::vec3(0.0f, 0.0f, 2.0f);
    const glm::vec2 before = *project(orbit.camera(), front, kViewTestViewport);
    orbit.rotate(20.0f, 0.0f);
    CHECK(orbit.yaw_deg == Approx(-6.0f));
    CHECK(project(orbit.camera(), front, kViewTestViewport)->x > before.x + 5.0f);
    orbit.rotate(0.0f, 10.0f);
    CHECK(orbit.pitch_deg == Approx(3.0f));
    CHECK(orbit.camera().position.y > orbit.target.y);  // dragging down looks from above
    camera = orbit.camera();
    CHECK(glm::distance(camera.position, orbit.target) == Approx(orbit.distance_m));
    CHECK(camera.target == orbit.target);

    orbit.rotate(0.0f, 10000.0f);
    CHECK(orbit.pitch_deg == 89.0f);
    orbit.rotate(0.0f, -10000.0f);
    CHECK(orbit.pitch_deg == -5.0f);
    orbit.rotate(1234567.0f, 0.0f);
    CHECK(std::abs(orbit.yaw_deg) <= 180.0f);

    orbit.distance_m = 12.0f;
    orbit.zoom(1.0f);
    CHECK(orbit.distance_m == Approx(12.0f * 0.88f));
    orbit.zoom(-1.0f);
    CHECK(orbit.distance_m == Approx(12.0f));
    orbit.zoom(2.5f);
    CHECK(orbit.distance_m == Approx(12.0f * std::pow(0.88f, 2.5f)));
    orbit.zoom(100.0f);
    CHECK(orbit.distance_m == 0.3f);
    CHECK(orbit.camera().near_m < 0.3f * 0.5f);
    orbit.zoom(-1000.0f);
    CHECK(orbit.distance_m == 200.0f);
    CHECK(orbit.camera().far_m > 400.0f);
}

TEST_CASE("Framing bounds puts every corner of them inside the viewport", "[studio]") {
    Bounds bounds;
    bounds.add(glm::vec3(-3.0f, 0.0f, -2.0f));
    bounds.add(glm::vec3(17.0f, 4.2f, 13.0f));
    for (float aspect : {16.0f / 9.0f, 1.0f, 0.5f}) {
        for (float yaw : {-150.0f, 0.0f, 30.0f, 95.0f}) {
            for (float pitch : {-5.0f, 35.0f, 89.0f}) {
                OrbitCamera orbit;
                orbit.yaw_deg = yaw;
                orbit.pitch_deg = pitch;
                orbit.frame(bounds, aspect);
                if (aspect >= 1.0f) {  // the one-argument frame assumes a landscape viewport
                    OrbitCamera plain = orbit;
                    plain.frame(bounds);
                    CHECK(plain.distance_m >= orbit.distance_m - 1e-4f);
                }
                CHECK(glm::length(orbit.target - bounds.centre()) < 1e-5f);
                const glm::vec2 viewport{720.0f * aspect, 720.0f};
                const scene::Camera camera = orbit.camera();
                glm::vec2 lo(1e9f), hi(-1e9f);
                for (int corner = 0; corner < 8; ++corner) {
                    const glm::vec3 c{corner & 1 ? bounds.max.x : bounds.min.x,
                                      corner & 2 ? bounds.max.y : bounds.min.y,
                                      corner & 4 ? bounds.max.z : bounds.min.z};
                    const std::optional<glm::vec2> p = project(camera, c, viewport);
                    INFO("aspect " << aspect << " yaw " << yaw << " pitch " << pitch << " corner " << corner);
                    REQUIRE(p);
                    CHECK(p->x >= 0.0f);
                    CHECK(p->x <= viewport.x);
                    CHECK(p->y >= 0.0f);
                    CHECK(p->y <= viewport.y);
                    // In front of the near plane and before the far one.
                    const float depth = glm::dot(c - camera.position, view_test_direction(camera));
                    CHECK(depth > camera.near_m);
                    CHECK(depth < camera.far_m);
                    lo = glm::min(lo, *p);
                    hi = glm::max(hi, *p);
                }
                // Framed, not lost in the distance: the box spans a good part of the view.
                CHECK(std::max((hi.x - lo.x) / viewport.x, (hi.y - lo.y) / viewport.y) > 0.4f);
            }
        }
    }
    OrbitCamera untouched;
    untouched.frame(Bounds{});
    CHECK(untouched.distance_m == 12.0f);
    CHECK(untouched.target == glm::vec3(0.0f));
}

TEST_CASE("Panning keeps the point under the cursor under it", "[studio]") {
    OrbitCamera orbit;
    orbit.target = {4.0f, 0.8f, 6.0f};
    orbit.yaw_deg = 40.0f;
    orbit.pitch_deg = 25.0f;
    orbit.distance_m = 9.0f;
    const scene::Camera before = orbit.camera();
    // The target and another point at its depth (in the plane facing the camera).
    const glm::vec3 forward = view_test_direction(before);
    const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
    const glm::vec3 up = glm::cross(right, forward);
    for (const glm::vec3& point : {orbit.target, orbit.target + 1.3f * right - 0.7f * up}) {
        OrbitCamera panned = orbit;
        const glm::vec2 p0 = *project(before, point, kViewTestViewport);
        panned.pan(35.0f, -20.0f, kViewTestViewport.y);
        const glm::vec2 p1 = *project(panned.camera(), point, kViewTestViewport);
        CHECK(p1.x == Approx(p0.x + 35.0f).margin(0.01));
        CHECK(p1.y == Approx(p0.y - 20.0f).margin(0.01));
        // Only the target moved: the view turns not at all.
        CHECK(glm::length(view_test_direction(panned.camera()) - forward) < 1e-5f);
    }
}

TEST_CASE("The fly camera moves along its view direction and looks with the mouse", "[studio]") {
    FlyCamera fly;
    fly.yaw_deg = 30.0f;
    fly.pitch_deg = 20.0f;
    const glm::vec3 start = fly.position;
    const glm::vec3 forward = view_test_direction(fly.camera());
    fly.move(1.0f, 0.0f, 0.0f, 2.0f, 3.0f);
    CHECK(glm::length(fly.position - (start + 6.0f * forward)) < 1e-4f);
    fly.move(-1.0f, 0.0f, 0.0f, 2.0f, 3.0f);
    CHECK(glm::length(fly.position - start) < 1e-4f);

    // Right is level, square to the view, and on the right of the screen.
    fly.move(0.0f, 1.0f, 0.0f, 1.0f, 3.0f);
    const glm::vec3 side = fly.position - start;
    CHECK(glm::length(side) == Approx(3.0f));
    CHECK(std::abs(side.y) < 1e-5f);
    CHECK(std::abs(glm::dot(side, forward)) < 1e-4f);
    fly.position = start;
    CHECK(project(fly.camera(), start + forward * 4.0f + side, kViewTestViewport)->x > kViewTestViewport.x * 0.5f);
    fly.move(0.0f, 0.0f, 1.0f, 1.0f, 3.0f);
    CHECK(glm::length(fly.position - (start + glm::vec3(0.0f, 3.0f, 0.0f))) < 1e-5f);
    fly.position = start;
    fly.move(1.0f, 1.0f, 0.0f, 1.0f, 3.0f);  // a diagonal is no faster
    CHECK(glm::distance(fly.position, start) == Approx(3.0f));

    // Mouse right turns right (yaw decreases), mouse up looks up; pitch stays below the poles.
    fly.look(10.0f, -5.0f);
    CHECK(fly.yaw_deg == Approx(28.0f));
    CHECK(fly.pitch_deg == Approx(21.0f));
    fly.look(0.0f, -100000.0f);
    CHECK(fly.pitch_deg == 89.0f);
    fly.look(0.0f, 100000.0f);
    CHECK(fly.pitch_deg == -89.0f);

    // From another camera: the same view.
    OrbitCamera orbit;
    orbit.target = {3.0f, 1.0f, -4.0f};
    const scene::Camera seen = orbit.camera();
    const scene::Camera same = FlyCamera::from(seen).camera();
    CHECK(glm::length(same.position - seen.position) < 1e-5f);
    CHECK(glm::length(view_test_direction(same) - view_test_direction(seen)) < 1e-5f);
    CHECK(same.vertical_fov_deg == seen.vertical_fov_deg);
    const glm::mat4 a = same.view(), b = seen.view();
    for (int c = 0; c < 4; ++c) CHECK(glm::length(a[c] - b[c]) < 1e-4f);
}

TEST_CASE("The walker cannot pass through a wall at any speed", "[studio]") {
    WalkWorld world;
    world.walls = {{5.0f, -5000.0f, 5.0f, 5000.0f}};  // long enough not to slide off its end
    world.stay_inside = false;
    for (float speed : {1.4f, 10.0f, 100.0f, 1000.0f}) {
        for (float angle = -60.0f; angle <= 60.0f; angle += 15.0f) {
            Walker walker;
            walker.feet = {3.0f, 0.0f};
            walker.yaw_deg = -90.0f + angle;  // -90: along +X, into the wall
            walker.walk(world, 1.0f, 0.0f, 1.0f, speed);
            INFO("speed " << speed << " angle " << angle);
            CHECK(walker.feet.x <= 5.0f - walker.radius_m + 1e-4f);
            // And back from the other side.
            walker.feet = {7.0f, 0.0f};
            walker.yaw_deg = 90.0f + angle;
            walker.walk(world, 1.0f, 0.0f, 1.0f, speed);
            CHECK(walker.feet.x >= 5.0f + walker.radius_m - 1e-4f);
        }
    }

    // A shipped centre, everything in place: from the entrance, 100 m/s for a whole second in
    // every direction, the visitor stays in the hall, off its walls and out of its fixtures.
    const scene::Centre centre = view_test_centre("phu-nghia.centre.json");
    const WalkWorld hall = WalkWorld::of(centre, exporter::walkable_walls(centre));
    const scene::Waypoint* entrance = centre.find_waypoint("entrance");
    REQUIRE(entrance);
    for (int i = 0; i < 24; ++i) {
        Walker walker;
        walker.hop_to(*entrance);
        walker.yaw_deg = 15.0f * static_cast<float>(i);
        walker.walk(hall, 1.0f, 0.0f, 1.0f, 100.0f);
        INFO("heading " << walker.yaw_deg << " ends at " << walker.feet.x << ", " << walker.feet.y);
        const std::vector<glm::vec2>& outline = centre.rooms.front().outline;
        CHECK(scene::outline_contains(outline, walker.feet));
        CHECK(scene::outline_wall_distance(outline, walker.feet) >= walker.radius_m - 1e-3f);
        for (const std::array<glm::vec2, 4>& footprint : hall.obstacles)
            CHECK(view_test_polygon_distance(footprint, walker.feet) >= walker.radius_m - 1e-3f);
    }
}

TEST_CASE("The walker slides along a wall instead of stopping dead", "[studio]") {
    WalkWorld world;
    world.walls = {{0.0f, 0.0f, 20.0f, 0.0f}};
    world.stay_inside = false;
    Walker walker;
    walker.feet = {5.0f, 2.0f};
    walker.yaw_deg = view_test_yaw_towards({1.0f, -1.0f});  // 45 degrees into the wall
    walker.walk(world, 1.0f, 0.0f, 4.0f);         // 5.6 m at 1.4 m/s, 3.96 m of it along the wall
    CHECK(walker.feet.y == Approx(walker.radius_m).margin(1e-4));
    CHECK(walker.feet.x == Approx(5.0f + 5.6f / std::sqrt(2.0f)).margin(0.01));
    // Strafing works the same way: right of a walker facing -Z is +X.
    walker.yaw_deg = 0.0f;
    const float x = walker.feet.x;
    walker.walk(world, 0.0f, 1.0f, 1.0f);
    CHECK(walker.feet.x == Approx(x + 1.4f));
    CHECK(walker.feet.y == Approx(walker.radius_m).margin(1e-4));
}

TEST_CASE("The walker keeps its radius from a fixture footprint", "[studio]") {
    scene::Fixture plinth;
    plinth.id = "plinth";
    plinth.type = "plinth";
    plinth.size = {0.5f, 1.0f, 0.5f};
    plinth.pos = {4.0f, 0.0f, 3.0f};
    WalkWorld world;
    world.obstacles = {scene::fixture_footprint(plinth)};

    // Head-on, it stops exactly at its radius.
    Walker walker;
    walker.feet = {4.0f, 6.0f};
    walker.walk(world, 1.0f, 0.0f, 5.0f);
    CHECK(walker.feet.x == Approx(4.0f));
    CHECK(walker.feet.y == Approx(3.0f + 0.25f + walker.radius_m).margin(1e-4));

    // A turned plinth, frame by frame, straight at it and then along it: never closer.
    plinth.yaw_deg = 30.0f;
    world.obstacles = {scene::fixture_footprint(plinth)};
    walker.feet = {4.1f, 6.0f};
    walker.yaw_deg = 0.0f;
    float closest = 1e9f;
    for (int frame = 0; frame < 400; ++frame) {
        walker.walk(world, 1.0f, frame > 200 ? 1.0f : 0.0f, 1.0f / 60.0f);
        closest = std::min(closest, view_test_polygon_distance(world.obstacles.front(), walker.feet));
    }
    CHECK(closest >= walker.radius_m - 1e-4f);
    CHECK(closest <= walker.radius_m + 0.02f);  // it did reach the plinth
    CHECK(walker.feet.y < 3.0f);                // and slid past it

    // Starting inside a footprint, it leaves by the nearest side.
    walker.feet = {4.0f, 3.1f};
    walker.walk(world, 1.0f, 0.0f, 0.001f);
    CHECK(view_test_polygon_distance(world.obstacles.front(), walker.feet) >= walker.radius_m - 1e-4f);

    // A centre's obstacles are its floor fixtures' footprints, as the web tour's.
    const scene::Centre centre = view_test_centre("phu-nghia.centre.json");
    std::size_t floor_fixtures = 0;
    for (const scene::Fixture& f : centre.fixtures)
        if (scene::find_fixture_type(f.type)->mount == scene::FixtureMount::Floor) ++floor_fixtures;
    const WalkWorld hall = WalkWorld::of(centre, {});
    CHECK(hall.obstacles.size() == floor_fixtures);
    CHECK(floor_fixtures < centre.fixtures.size());  // the wall shelves and panels are left out
}

TEST_CASE("The walker goes through a door and not through the wall beside it", "[studio]") {
    // Phu Nghia's hall has its entrance on wall 0 (z = 0) from x = 4.8 to 7.2.
    const scene::Centre centre = view_test_centre("phu-nghia.centre.json");
    WalkWorld hall = WalkWorld::of(centre, exporter::walkable_walls(centre));
    hall.stay_inside = false;
    Walker walker;
    walker.feet = {6.0f, 2.0f};
    walker.walk(hall, 1.0f, 0.0f, 3.0f);  // yaw 0: towards -Z, out of the door
    CHECK(walker.feet.y < -1.5f);
    CHECK(walker.feet.x == Approx(6.0f));
    walker.yaw_deg = 180.0f;
    walker.walk(hall, 1.0f, 0.0f, 3.0f);  // and back in
    CHECK(walker.feet.y > 1.5f);
    walker.feet = {2.5f, 2.0f};
    walker.yaw_deg = 0.0f;
    walker.walk(hall, 1.0f, 0.0f, 3.0f);
    CHECK(walker.feet.y == Approx(walker.radius_m).margin(1e-4));
    // A door jamb holds the body's radius too: walking in the doorway into its edge, the body
    // slides round the wall's end and keeps its distance.
    walker.feet = {6.0f, 0.0f};
    walker.yaw_deg = 90.0f;  // towards -X
    walker.walk(hall, 1.0f, 0.0f, 3.0f);
    CHECK(glm::distance(walker.feet, glm::vec2(4.8f, 0.0f)) == Approx(walker.radius_m).margin(1e-4));

    // As in the web tour, the building's bounds hold the visitor: the entrance leads nowhere.
    hall.stay_inside = true;
    walker.feet = {6.0f, 2.0f};
    walker.yaw_deg = 0.0f;
    walker.walk(hall, 1.0f, 0.0f, 3.0f);
    CHECK(walker.feet.y == Approx(walker.radius_m).margin(1e-4));

    // Two rooms with a door between them: from one into the other, bounds and all.
    scene::Centre two;
    scene::Room a, b;
    a.id = "a";
    a.outline = {{0.0f, 0.0f}, {10.0f, 0.0f}, {10.0f, 6.0f}, {0.0f, 6.0f}};
    a.doors = {{.wall = 1, .at_m = 2.0f, .width_m = 1.2f}};  // x = 10, z 2 .. 3.2
    b.id = "b";
    b.outline = {{10.0f, 0.0f}, {18.0f, 0.0f}, {18.0f, 6.0f}, {10.0f, 6.0f}};
    b.doors = {{.wall = 3, .at_m = 2.8f, .width_m = 1.2f}};  // from (10, 6) down: z 3.2 .. 2
    two.rooms = {a, b};
    const WalkWorld rooms = WalkWorld::of(two, exporter::walkable_walls(two));
    walker.feet = {8.0f, 2.6f};
    walker.yaw_deg = -90.0f;  // towards +X
    walker.walk(rooms, 1.0f, 0.0f, 3.0f);
    CHECK(walker.feet.x > 11.5f);
    walker.feet = {8.0f, 4.5f};
    walker.walk(rooms, 1.0f, 0.0f, 3.0f);
    CHECK(walker.feet.x == Approx(10.0f - walker.radius_m).margin(1e-4));
}

TEST_CASE("Hopping to a waypoint stands at it and looks at its look_at", "[studio]") {
    const scene::Centre centre = view_test_centre("phu-nghia.centre.json");
    for (const scene::Waypoint& waypoint : centre.tour.waypoints) {
        Walker walker;
        walker.hop_to(waypoint);
        const scene::Camera camera = walker.camera();
        INFO(waypoint.id);
        CHECK(glm::length(camera.position - waypoint.pos) < 1e-5f);
        CHECK(glm::length(view_test_direction(camera) - glm::normalize(waypoint.look_at - waypoint.pos)) < 1e-5f);
        const glm::vec2 seen = *project(camera, waypoint.look_at, kViewTestViewport);
        CHECK(glm::length(seen - 0.5f * kViewTestViewport) < 0.05f);
    }
    // Straight down is more than a visitor looks: the pitch stops where the web tour's does.
    Walker walker;
    walker.hop_to({.id = "down", .pos = {1.0f, 1.6f, 1.0f}, .look_at = {1.0f, 0.0f, 0.9f}, .caption = {}});
    CHECK(walker.pitch_deg == Approx(-kWalkerMaxPitchDeg));
    CHECK(walker.yaw_deg == Approx(0.0f).margin(1e-4));
    walker.look(0.0f, 100000.0f);
    CHECK(walker.pitch_deg == Approx(-kWalkerMaxPitchDeg));
}

TEST_CASE("A pixel's ray and a point's projection are exact inverses, lens shift included", "[studio]") {
    OrbitCamera orbit;
    orbit.target = {2.0f, 1.0f, 3.0f};
    scene::Camera shifted;
    shifted.position = {1.0f, 1.2f, 4.0f};
    shifted.target = {0.5f, 0.9f, 0.0f};
    shifted.vertical_fov_deg = 30.0f;
    shifted.lens_shift = {0.12f, 0.2f};
    scene::Camera tilted = shifted;
    tilted.up = glm::normalize(glm::vec3(0.3f, 1.0f, 0.1f));
    FlyCamera fly;
    fly.yaw_deg = -130.0f;
    fly.pitch_deg = -40.0f;
    for (const scene::Camera& camera : {orbit.camera(), shifted, tilted, fly.camera()}) {
        for (const glm::vec2 viewport : {kViewTestViewport, glm::vec2(600.0f, 900.0f)}) {
            for (float u = 0.0f; u <= 1.0f; u += 0.125f) {
                for (float v = 0.0f; v <= 1.0f; v += 0.25f) {
                    const glm::vec2 pixel = glm::vec2(u, v) * viewport;
                    const Ray ray = pixel_ray(camera, pixel, viewport);
                    CHECK(glm::length(ray.direction) == Approx(1.0f));
                    CHECK(ray.origin == camera.position);
                    for (float distance : {0.5f, 3.0f, 40.0f}) {
                        const std::optional<glm::vec2> back =
                            project(camera, ray.origin + distance * ray.direction, viewport);
                        REQUIRE(back);
                        CHECK(glm::length(*back - pixel) < 0.01f);
                    }
                }
            }
        }
        // And the other way: a world point's pixel's ray runs through the point.
        for (const glm::vec3& point : {camera.target, camera.target + glm::vec3(0.4f, -0.3f, 0.2f)}) {
            const glm::vec2 pixel = *project(camera, point, kViewTestViewport);
            const Ray ray = pixel_ray(camera, pixel, kViewTestViewport);
            CHECK(glm::length(ray.direction - glm::normalize(point - camera.position)) < 1e-5f);
        }
        CHECK_FALSE(project(camera, camera.position - view_test_direction(camera), kViewTestViewport));
    }
    // Consistent with scene::Camera::projection: the target of a shifted camera lands off centre
    // by the shift (+x right, +y up), and an unshifted camera's middle pixel looks ahead.
    const glm::vec2 target = *project(shifted, shifted.target, kViewTestViewport);
    CHECK(target.x == Approx((1.0f + 0.12f) * 0.5f * kViewTestViewport.x));
    CHECK(target.y == Approx((1.0f - 0.2f) * 0.5f * kViewTestViewport.y));
    CHECK(target.y < 0.5f * kViewTestViewport.y);  // +shift.y moves the image up
    const scene::Camera plain = orbit.camera();
    const Ray middle = pixel_ray(plain, 0.5f * kViewTestViewport, kViewTestViewport);
    CHECK(glm::length(middle.direction - view_test_direction(plain)) < 1e-6f);
    // The top row is above the middle (Vulkan's y points down, pixels too).
    CHECK(pixel_ray(plain, {640.0f, 0.0f}, kViewTestViewport).direction.y > view_test_direction(plain).y);

    // The floor under a pixel projects back to it; a ray that looks up never meets it.
    const std::optional<glm::vec3> floor = hit_floor(pixel_ray(plain, {300.0f, 600.0f}, kViewTestViewport));
    REQUIRE(floor);
    CHECK(std::abs(floor->y) < 1e-5f);
    CHECK(glm::length(*project(plain, *floor, kViewTestViewport) - glm::vec2(300.0f, 600.0f)) < 0.01f);
    CHECK_FALSE(hit_floor({{0.0f, 1.6f, 0.0f}, {0.0f, 1.0f, 0.0f}}));
    CHECK_FALSE(hit_floor({{0.0f, 1.6f, 0.0f}, {1.0f, 0.0f, 0.0f}}));
    CHECK(hit_floor({{0.0f, 1.6f, 0.0f}, {0.0f, -1.0f, 0.0f}}, 0.6f)->y == Approx(0.6f));
}

TEST_CASE("Picking on a shipped centre finds the fixture whose centre is under the pixel", "[studio]") {
    const scene::Centre centre = view_test_centre("phu-nghia.centre.json");
    Bounds bounds;
    for (const scene::Room& room : centre.rooms)
        for (const glm::vec2& p : room.outline) {
            bounds.add(glm::vec3(p.x, 0.0f, p.y));
            bounds.add(glm::vec3(p.x, room.height_m, p.y));
        }
    // The layout mode's view (some fixtures hide behind others) and one from straight above.
    for (float pitch : {35.0f, 89.0f}) {
        OrbitCamera orbit;
        orbit.pitch_deg = pitch;
        orbit.frame(bounds, kViewTestViewport.x / kViewTestViewport.y);
        const scene::Camera camera = orbit.camera();
        std::size_t found = 0;
        for (const scene::Fixture& fixture : centre.fixtures) {
            const glm::vec3 middle =
                glm::vec3(scene::fixture_transform(fixture) * glm::vec4(0.0f, 0.5f * fixture.size.y, 0.0f, 1.0f));
            const glm::vec2 pixel = *project(camera, middle, kViewTestViewport);
            const Ray ray = pixel_ray(camera, pixel, kViewTestViewport);
            const std::optional<FixtureHit> hit = pick_fixture(centre, ray);
            const std::optional<float> own = ray_fixture_distance(fixture, ray);
            INFO("pitch " << pitch << ", " << fixture.id << " picked "
                          << (hit ? hit->fixture : std::string("nothing")));
            REQUIRE(hit);
            REQUIRE(own);
            CHECK(*own <= glm::distance(camera.position, middle) + 1e-3f);  // its box, met before its middle
            CHECK(glm::length(hit->point - (ray.origin + hit->distance * ray.direction)) < 1e-4f);
            if (hit->fixture == fixture.id) {
                ++found;
                CHECK(hit->distance == Approx(*own));
            } else {
                CHECK(hit->distance < *own);  // only something in front of it
            }
        }
        INFO("pitch " << pitch << ": " << found << " of " << centre.fixtures.size());
        if (pitch > 80.0f) CHECK(found == centre.fixtures.size());
        else CHECK(found * 10 >= centre.fixtures.size() * 7);
    }

    // A wall fixture's box starts at its mounting height: pv-ws-panel hangs 1.2 .. 2.8 m up on
    // the wall z = 0.
    const scene::Fixture* panel = centre.find_fixture("pv-ws-panel");
    REQUIRE(panel);
    CHECK_FALSE(ray_fixture_distance(*panel, {{15.36f, 0.6f, 3.0f}, {0.0f, 0.0f, -1.0f}}));
    const std::optional<float> t = ray_fixture_distance(*panel, {{15.36f, 2.0f, 3.0f}, {0.0f, 0.0f, -1.0f}});
    REQUIRE(t);
    CHECK(*t == Approx(3.0f - 0.04f).margin(1e-4));
    // A ray that misses everything picks nothing.
    CHECK_FALSE(pick_fixture(centre, {{10.0f, 10.0f, 7.0f}, {0.0f, 1.0f, 0.0f}}));
}

TEST_CASE("The slot nearest a point is found in world space, none on a fixture without slots", "[studio]") {
    scene::Fixture table;
    table.id = "table";
    table.type = "display-table";
    table.size = {1.6f, 0.75f, 0.8f};
    table.pos = {2.0f, 0.0f, 3.0f};
    table.yaw_deg = 90.0f;
    const std::vector<scene::Slot> slots = scene::fixture_slots(table);
    REQUIRE(slots.size() > 1);
    const glm::mat4 m = scene::fixture_transform(table);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        const glm::vec3 at = glm::vec3(m * glm::vec4(slots[i].position, 1.0f));
        CHECK(nearest_slot(table, at + glm::vec3(0.03f, 0.1f, -0.02f)) == static_cast<int>(i));
    }
    // The slots turned with the table: the one nearest a point along world +Z of the table.
    const std::optional<int> front = nearest_slot(table, table.pos + glm::vec3(0.0f, 0.75f, 5.0f));
    REQUIRE(front);
    const glm::vec3 front_at = glm::vec3(m * glm::vec4(slots[static_cast<std::size_t>(*front)].position, 1.0f));
    for (const scene::Slot& slot : slots) CHECK(front_at.z >= glm::vec3(m * glm::vec4(slot.position, 1.0f)).z - 1e-5f);

    scene::Fixture sign;
    sign.type = "sign";
    sign.size = {0.7f, 2.0f, 0.1f};
    CHECK_FALSE(nearest_slot(sign, glm::vec3(0.0f)));
}

TEST_CASE("A moving view drafts at fewer pixels when frames are slow, and is whole again when still", "[studio]") {
    // lavapipe's centre view: about 700 ms a frame at full resolution.
    float r = next_draft_resolution(1.0f, 700.0f, true);
    CHECK(r == 0.25f);  // 700 * 0.25^2 = 44 ms: the first step within 66 ms
    // At a quarter the frame took 50 ms: 0.35 would take 98 ms, so it stays.
    r = next_draft_resolution(r, 50.0f, true);
    CHECK(r == 0.25f);
    // Still: the whole view on the next frame, however slow.
    CHECK(next_draft_resolution(r, 50.0f, false) == 1.0f);
    // A GPU's 5 ms frame never drafts; a slow one drafts only as far as it must.
    CHECK(next_draft_resolution(1.0f, 5.0f, true) == 1.0f);
    CHECK(next_draft_resolution(1.0f, 120.0f, true) == 0.7f);  // 120 * 0.49 = 59 ms
    CHECK(next_draft_resolution(1.0f, 200.0f, true) == 0.5f);  // 200 * 0.25 = 50 ms
    // Stepping up needs a fifth to spare: at 0.5 in 30 ms, 0.7 would take 59 ms (> 53): stay.
    CHECK(next_draft_resolution(0.5f, 30.0f, true) == 0.5f);
    CHECK(next_draft_resolution(0.5f, 20.0f, true) == 0.7f);  // 39 ms
    // Every answer is one of the steps, and nothing odd comes in unnoticed.
    for (float ms : {0.0f, -1.0f, 1e9f})
        for (float from : kDraftSteps) {
            const float next = next_draft_resolution(from, ms, true);
            CHECK(std::find(std::begin(kDraftSteps), std::end(kDraftSteps), next) != std::end(kDraftSteps));
        }
}
