// The fixture library's catalogue of types, their slots, poses and footprints. The geometry of
// each type lives in fixture_furniture.cpp (display and sale furniture) and fixture_craft.cpp
// (demonstration, photography and signage); docs/fixtures.md describes every type.
#include "scene/fixtures.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/fixture_geometry.h"

namespace ocop::scene {

namespace {

using enum FixtureMount;

// Default sizes are what a shop fitter would order; docs/fixtures.md lists the same values.
constexpr std::array kFixtureTypes{
    FixtureType{"plinth", Floor, {0.5f, 1.0f, 0.5f}, true, "painted box plinth with bevelled edges, one product on top"},
    FixtureType{"pedestal", Floor, {0.4f, 1.1f, 0.4f}, true, "round column on a base with a square cap, one product on top"},
    FixtureType{"display-table", Floor, {1.6f, 0.75f, 0.8f}, true, "oiled-wood table on metal legs, a grid of products"},
    FixtureType{"wall-shelf", Wall, {1.2f, 2.0f, 0.35f}, true, "shelving unit against a wall, 3-4 boards of products"},
    FixtureType{"vitrine", Floor, {1.0f, 1.9f, 0.5f}, true, "glass display case on a cabinet base, glass shelves, lit"},
    FixtureType{"counter", Floor, {2.0f, 1.0f, 0.6f}, true, "sales counter with a wooden top, two products on it"},
    FixtureType{"wall-panel", Wall, {2.0f, 2.4f, 0.04f}, false, "printed graphic panel hung on a wall"},
    FixtureType{"info-panel", Floor, {0.8f, 1.9f, 0.4f}, false, "free-standing information panel on two feet"},
    FixtureType{"dress-form", Floor, {0.6f, 0.1f, 0.6f}, true, "round platform for an ao dai on its dress form"},
    FixtureType{"food-display", Floor, {1.2f, 0.95f, 0.7f}, true, "table with a two-tier riser for food products"},
    FixtureType{"workshop-table", Floor, {1.8f, 0.75f, 0.9f}, true, "large wooden table for group workshops and deals"},
    FixtureType{"chair", Floor, {0.45f, 0.85f, 0.5f}, false, "wooden chair with a metal frame"},
    FixtureType{"demo-bench", Floor, {1.5f, 0.8f, 0.7f}, true, "artisan's workbench for demonstrations, three work places"},
    FixtureType{"potters-wheel", Floor, {0.7f, 0.6f, 0.7f}, true, "potter's wheel with a splash pan, a pot on its wheel head"},
    FixtureType{"loom", Floor, {1.4f, 1.6f, 1.2f}, false, "wooden silk hand loom with warp threads and cloth"},
    FixtureType{"photo-sweep", Floor, {1.6f, 1.6f, 1.2f}, true, "photo corner: table, curved white sweep and a turntable"},
    FixtureType{"photo-light", Floor, {0.6f, 2.0f, 0.6f}, false, "softbox on a tripod stand, glowing front"},
    FixtureType{"sign", Floor, {0.7f, 2.0f, 0.1f}, false, "standing sign with the brand's text"},
    FixtureType{"screen", Floor, {1.6f, 1.8f, 0.5f}, false, "presentation screen on a stand for workshops"},
};

// A size component that is not positive (a layout being edited) falls back to the default, so
// no geometry or slot degenerates.
glm::vec3 fixture_effective_size(const Fixture& fixture, const FixtureType* type) {
    glm::vec3 s = fixture.size;
    for (int i = 0; i < 3; ++i)
        if (!(s[i] > 0.0f)) s[i] = type ? type->default_size[i] : 1.0f;
    return s;
}

// `count` equal cells across [-span/2, span/2]: the centre of cell i.
float fixture_cell_centre(float span, int count, int i) {
    return -0.5f * span + (static_cast<float>(i) + 0.5f) * span / static_cast<float>(count);
}

int fixture_cells(float span, float pitch) { return std::max(1, static_cast<int>(std::floor(span / pitch + 1e-4f))); }

// A grid of slots on a flat top at height y: as many cells as `pitch` allows across the width
// and the depth inside a margin.
void fixture_grid_slots(std::vector<Slot>& out, glm::vec2 top, float y, float z_centre, float pitch, float max_height,
                        bool behind_glass = false) {
    const int cols = fixture_cells(top.x, pitch);
    const int rows = fixture_cells(top.y, pitch);
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            Slot s;
            s.position = {fixture_cell_centre(top.x, cols, c), y, z_centre + fixture_cell_centre(top.y, rows, r)};
            s.max_footprint = {top.x / static_cast<float>(cols) - 0.02f, top.y / static_cast<float>(rows) - 0.02f};
            s.max_height_m = max_height;
            s.behind_glass = behind_glass;
            out.push_back(s);
        }
}

Slot fixture_single_slot(glm::vec3 position, glm::vec2 footprint, float max_height) {
    Slot s;
    s.position = position;
    s.max_footprint = footprint;
    s.max_height_m = max_height;
    return s;
}

}  // namespace

std::span<const FixtureType> fixture_types() { return kFixtureTypes; }

const FixtureType* find_fixture_type(std::string_view name) {
    for (const FixtureType& t : kFixtureTypes)
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<Slot> fixture_slots(const Fixture& fixture) {
    const FixtureType* type = find_fixture_type(fixture.type);
    std::vector<Slot> out;
    if (!type || !type->holds_products) return out;
    const glm::vec3 s = fixture_effective_size(fixture, type);
    const std::string_view name = type->name;
    if (name == "plinth" || name == "pedestal") {
        out.push_back(fixture_single_slot({0.0f, s.y, 0.0f}, {s.x - 0.04f, s.z - 0.04f}, 1.0f));
    } else if (name == "display-table") {
        fixture_grid_slots(out, {s.x - 0.16f, s.z - 0.16f}, s.y, 0.0f, 0.3f, 1.0f);
    } else if (name == "workshop-table") {
        fixture_grid_slots(out, {s.x - 0.16f, s.z - 0.16f}, s.y, 0.0f, 0.45f, 1.0f);
    } else if (name == "wall-shelf") {
        const WallShelfLayout l = wall_shelf_layout(s);
        for (int b = 0; b < l.boards; ++b) {
            const float y = l.kick_m + static_cast<float>(b) * l.spacing_m + l.board_m;
            fixture_grid_slots(out, {l.inner_width_m, l.board_depth_m}, y, l.board_z_m, 0.3f, l.spacing_m - l.board_m);
        }
    } else if (name == "vitrine") {
        const VitrineLayout l = vitrine_layout(s);
        for (int k = 0; k < l.levels; ++k)
            fixture_grid_slots(out, {l.inner_width_m, l.inner_depth_m}, l.level_y_m[static_cast<std::size_t>(k)], 0.0f,
                               0.3f, l.clear_height_m, true);
    } else if (name == "counter") {
        fixture_grid_slots(out, {s.x, s.z - 0.1f}, s.y, 0.0f, 0.9f, 0.6f);
        for (Slot& slot : out) slot.max_footprint.x = std::min(slot.max_footprint.x, 0.6f);
    } else if (name == "dress-form") {
        out.push_back(fixture_single_slot({0.0f, s.y, 0.0f}, {s.x * 0.9f, s.z * 0.9f}, 2.0f));
    } else if (name == "food-display") {
        const FoodDisplayLayout l = food_display_layout(s);
        fixture_grid_slots(out, {s.x - 0.1f, l.tier_depth_m}, l.front_tier_y_m, l.front_tier_z_m, 0.27f, 0.5f);
        fixture_grid_slots(out, {s.x - 0.1f, l.tier_depth_m}, s.y, l.back_tier_z_m, 0.27f, 0.5f);
    } else if (name == "demo-bench") {
        fixture_grid_slots(out, {s.x, s.z - 0.1f}, s.y, 0.0f, 0.5f, 0.6f);
    } else if (name == "potters-wheel") {
        const float head = potters_wheel_head_diameter(s);
        out.push_back(fixture_single_slot({0.0f, s.y, 0.0f}, {head, head}, 0.6f));
    } else if (name == "photo-sweep") {
        const PhotoSweepLayout l = photo_sweep_layout(s);
        const float fit = std::min({0.6f, s.x * 0.5f, s.z * 0.5f});
        out.push_back(fixture_single_slot({0.0f, l.turntable_top_m, l.turntable_z_m}, {fit, fit},
                                          s.y - l.turntable_top_m - 0.05f));
    }
    return out;
}

glm::mat4 fixture_transform(const Fixture& fixture) {
    return glm::rotate(glm::translate(glm::mat4(1.0f), fixture.pos), glm::radians(fixture.yaw_deg),
                       glm::vec3(0.0f, 1.0f, 0.0f));
}

std::array<glm::vec2, 4> fixture_footprint(const Fixture& fixture) {
    const glm::vec3 s = fixture_effective_size(fixture, find_fixture_type(fixture.type));
    const float hx = 0.5f * s.x, hz = 0.5f * s.z;
    // Counter-clockwise in the (x, z) plane (positive shoelace area), as room outlines are.
    const std::array<glm::vec2, 4> local{{{-hx, -hz}, {hx, -hz}, {hx, hz}, {-hx, hz}}};
    // Exact quarter turns stay exact (no 1e-8 from cos(90°)), so edges line up with walls.
    const float yaw = fixture.yaw_deg - 360.0f * std::floor(fixture.yaw_deg / 360.0f);
    float c = std::cos(glm::radians(yaw)), sn = std::sin(glm::radians(yaw));
    if (yaw == 0.0f) c = 1.0f, sn = 0.0f;
    if (yaw == 90.0f) c = 0.0f, sn = 1.0f;
    if (yaw == 180.0f) c = -1.0f, sn = 0.0f;
    if (yaw == 270.0f) c = 0.0f, sn = -1.0f;
    std::array<glm::vec2, 4> out{};
    for (std::size_t i = 0; i < 4; ++i) {
        // rotateY: x' = x cos + z sin, z' = -x sin + z cos (the same rotation as fixture_transform).
        const glm::vec2 p = local[i];
        out[i] = {fixture.pos.x + p.x * c + p.y * sn, fixture.pos.z - p.x * sn + p.y * c};
    }
    return out;
}

assets::Model fixture_model(const Fixture& fixture, const Brand& brand) {
    const FixtureType* type = find_fixture_type(fixture.type);
    FixtureBuilder builder;
    if (type) build_fixture_geometry(builder, *type, fixture_effective_size(fixture, type), fixture, brand);
    assets::Model model = std::move(builder).finish(fixture.type.empty() ? "fixture" : fixture.type);
    return model;
}

}  // namespace ocop::scene
