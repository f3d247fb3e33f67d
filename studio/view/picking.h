// From the screen to the world and back: rays through pixels, the floor and fixtures they hit,
// and where world points land on screen. Consistent with scene::Camera::projection (Vulkan
// clip space, y down, lens shift included); pixels count from the viewport's top-left corner.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "scene/centre.h"
#include "scene/scene.h"

namespace ocop::studio {

struct Ray { glm::vec3 origin; glm::vec3 direction; };  // direction normalised

// The ray through a pixel (x right, y down, in pixels of a viewport of width x height).
Ray pixel_ray(const scene::Camera& camera, glm::vec2 pixel, glm::vec2 viewport);
std::optional<glm::vec3> hit_floor(const Ray& ray, float floor_y = 0.0f);

// The nearest fixture the ray hits: its box in fixture space is [-size/2, size/2] in x and z and
// [0, size.y] in y (as fixture_model builds it; a wall fixture's pos.y is its mounting height),
// placed by fixture_transform. A ray starting inside a box hits it where it leaves.
struct FixtureHit { std::string fixture; float distance = 0.0f; glm::vec3 point{0.0f}; };
// HoldingProducts looks through chairs, signs and panels: where a product is dropped, it is
// meant for the shelf or table behind them.
enum class FixturePick { Any, HoldingProducts };
std::optional<FixtureHit> pick_fixture(const scene::Centre& centre, const Ray& ray, FixturePick pick = FixturePick::Any);
// The distance along the ray to one fixture's box, nullopt for a miss.
std::optional<float> ray_fixture_distance(const scene::Fixture& fixture, const Ray& ray);

// The fixture slot (world position of fixture_transform * slot.position) nearest to a world point,
// among slots of that fixture; nullopt for a fixture without slots.
std::optional<int> nearest_slot(const scene::Fixture& fixture, glm::vec3 point);
// The screen position (pixels) of a world point, nullopt when it is behind the camera.
std::optional<glm::vec2> project(const scene::Camera& camera, glm::vec3 point, glm::vec2 viewport);

}  // namespace ocop::studio
