// The fixture library: parametric plinths, shelves, vitrines, tables, counters, panels, dress
// forms, a potter's wheel, a loom, a photo corner, signs. Each type knows its geometry, where
// products stand on it (slots) and the floor it occupies (footprint). CPU only.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "scene/brand.h"
#include "scene/centre.h"

namespace ocop::scene {

enum class FixtureMount { Floor, Wall };  // wall fixtures touch a wall by design

struct FixtureType {
    std::string_view name;        // as in the centre file: "plinth", "vitrine", ...
    FixtureMount mount;
    glm::vec3 default_size;       // metres
    bool holds_products;          // has slots
    std::string_view description; // one line, for help text and docs
};

std::span<const FixtureType> fixture_types();
const FixtureType* find_fixture_type(std::string_view name);  // nullptr when unknown

// Where a product stands on a fixture, in the fixture's space (origin at the centre of its
// footprint on the floor, +Y up, front +Z): the product's base centre goes at `position`.
struct Slot {
    glm::vec3 position{0.0f};
    glm::vec2 max_footprint{0.3f};  // width (x), depth (z) available, metres
    float max_height_m = 0.5f;      // clear height above the slot
    bool behind_glass = false;      // inside a vitrine
};

std::vector<Slot> fixture_slots(const Fixture& fixture);

// Fixture space -> world: translate(pos) * rotateY(yaw).
glm::mat4 fixture_transform(const Fixture& fixture);

// The fixture's footprint on the floor: its four corners in world (x, z), counter-clockwise.
std::array<glm::vec2, 4> fixture_footprint(const Fixture& fixture);

// The fixture's geometry in fixture space, with its materials (and textures for signs and
// printed panels, drawn with the brand's font and colours). Fixtures of the same type and size
// give identical models, so a scene can share them.
assets::Model fixture_model(const Fixture& fixture, const Brand& brand);

}  // namespace ocop::scene
