// Display and sale furniture of the fixture library: plinths, pedestals, tables, shelves,
// vitrines, the counter, the dress-form platform, the food display, chairs and the artisan's
// bench. Every model fills exactly [-w/2, w/2] x [0, h] x [-d/2, d/2] of fixture space.
#include <algorithm>
#include <array>
#include <cmath>

#include "scene/fixture_geometry.h"

namespace ocop::scene {

namespace {

// The shared palette: colours as a shop fitter would pick them (sRGB), finishes as PBR. The
// woods carry a generated grain texture, so they are made only when a fixture uses them.
class FurniturePalette {
public:
    FurniturePalette(FixtureBuilder& b, const Brand& brand)
        : white(b.material(fixture_paint("gallery-white", {0.92f, 0.91f, 0.88f}, 0.5f))),
          charcoal(b.material(fixture_paint("charcoal", {0.2f, 0.2f, 0.21f}, 0.55f))),
          steel(b.material(fixture_metal("brushed-steel", {0.78f, 0.78f, 0.80f}, 0.32f))),
          black_metal(b.material(fixture_paint("black-powder-coat", {0.05f, 0.05f, 0.055f}, 0.4f))),
          accent(b.material(fixture_paint("brand-lacquer", brand.primary, 0.3f))),
          led(b.material(fixture_emissive("led-strip", {1.0f, 0.93f, 0.82f}, 4.0f))),
          builder_(b) {}
    int oak() {
        if (oak_ < 0) oak_ = fixture_wood(builder_, "oiled-oak", {0.74f, 0.55f, 0.36f}, 11u);
        return oak_;
    }
    int walnut() {
        if (walnut_ < 0) walnut_ = fixture_wood(builder_, "oiled-walnut", {0.45f, 0.29f, 0.18f}, 23u);
        return walnut_;
    }
    const int white, charcoal, steel, black_metal, accent, led;

private:
    FixtureBuilder& builder_;
    int oak_ = -1, walnut_ = -1;
};

// Four square legs inset from the corners of a top, from the floor to `top_y`.
void furniture_legs(FixtureBuilder& b, int material, glm::vec3 size, float top_y, float inset, float leg) {
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f}) {
            const glm::vec2 c{sx * (0.5f * size.x - inset - 0.5f * leg), sz * (0.5f * size.z - inset - 0.5f * leg)};
            b.box(material, {c.x - 0.5f * leg, 0.0f, c.y - 0.5f * leg}, {c.x + 0.5f * leg, top_y, c.y + 0.5f * leg},
                  0.002f);
        }
}

// An apron (the frame under a table top) inset like the legs.
void furniture_apron(FixtureBuilder& b, int material, glm::vec3 size, float top_y, float inset, float height,
                     float thick) {
    const float x = 0.5f * size.x - inset, z = 0.5f * size.z - inset;
    b.box(material, {-x, top_y - height, z - thick}, {x, top_y, z}, 0.002f);
    b.box(material, {-x, top_y - height, -z}, {x, top_y, -z + thick}, 0.002f);
    b.box(material, {-x, top_y - height, -z}, {-x + thick, top_y, z}, 0.002f);
    b.box(material, {x - thick, top_y - height, -z}, {x, top_y, z}, 0.002f);
}

void build_plinth(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    // A white box on a recessed dark toe: the shadow line makes it float a little, as in galleries.
    const float toe = std::min(0.04f, 0.1f * s.y);
    b.box(p.charcoal, {-0.5f * s.x + 0.015f, 0.0f, -0.5f * s.z + 0.015f}, {0.5f * s.x - 0.015f, toe, 0.5f * s.z - 0.015f});
    b.box(p.white, {-0.5f * s.x, toe, -0.5f * s.z}, {0.5f * s.x, s.y, 0.5f * s.z}, 0.006f);
}

void build_pedestal(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const float base_h = std::min(0.06f, 0.1f * s.y), cap_h = std::min(0.04f, 0.08f * s.y);
    const float r = 0.3f * std::min(s.x, s.z);
    b.box(p.charcoal, {-0.42f * s.x, 0.0f, -0.42f * s.z}, {0.42f * s.x, base_h, 0.42f * s.z}, 0.008f);
    b.cylinder(p.white, {0.0f, base_h, 0.0f}, r, s.y - base_h - cap_h, 40);
    // A collar where the column meets the cap hides the seam.
    b.cylinder(p.steel, {0.0f, s.y - cap_h - 0.012f, 0.0f}, r + 0.008f, 0.012f, 40, 0.002f);
    b.box(p.oak(), {-0.5f * s.x, s.y - cap_h, -0.5f * s.z}, {0.5f * s.x, s.y, 0.5f * s.z}, 0.007f);
}

void build_display_table(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const float top = std::min(0.035f, 0.1f * s.y);
    b.box(p.oak(), {-0.5f * s.x, s.y - top, -0.5f * s.z}, {0.5f * s.x, s.y, 0.5f * s.z}, 0.006f);
    furniture_legs(b, p.black_metal, s, s.y - top, 0.05f, 0.04f);
    furniture_apron(b, p.black_metal, s, s.y - top, 0.06f, 0.06f, 0.02f);
    // A low shelf for stock, oak like the top.
    const float shelf_y = std::min(0.15f, 0.25f * s.y);
    b.box(p.oak(), {-0.5f * s.x + 0.06f, shelf_y - 0.02f, -0.5f * s.z + 0.06f},
          {0.5f * s.x - 0.06f, shelf_y, 0.5f * s.z - 0.06f}, 0.003f);
}

void build_workshop_table(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const float top = std::min(0.04f, 0.1f * s.y);
    b.box(p.walnut(), {-0.5f * s.x, s.y - top, -0.5f * s.z}, {0.5f * s.x, s.y, 0.5f * s.z}, 0.008f);
    furniture_legs(b, p.walnut(), s, s.y - top, 0.06f, 0.07f);
    furniture_apron(b, p.walnut(), s, s.y - top, 0.08f, 0.09f, 0.025f);
    // A stretcher between the leg pairs, as a sturdy joinery table has.
    const float x = 0.5f * s.x - 0.06f - 0.035f;
    b.box(p.walnut(), {-x, 0.12f, -0.02f}, {x, 0.17f, 0.02f}, 0.003f);
    b.box(p.walnut(), {-x - 0.02f, 0.12f, -0.5f * s.z + 0.1f}, {-x + 0.02f, 0.17f, 0.5f * s.z - 0.1f}, 0.003f);
    b.box(p.walnut(), {x - 0.02f, 0.12f, -0.5f * s.z + 0.1f}, {x + 0.02f, 0.17f, 0.5f * s.z - 0.1f}, 0.003f);
}

void build_wall_shelf(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const WallShelfLayout l = wall_shelf_layout(s);
    const float x0 = -0.5f * s.x, x1 = 0.5f * s.x, z0 = -0.5f * s.z, z1 = 0.5f * s.z;
    b.box(p.white, {x0, 0.0f, z0}, {x0 + l.side_m, s.y, z1}, 0.004f);
    b.box(p.white, {x1 - l.side_m, 0.0f, z0}, {x1, s.y, z1}, 0.004f);
    b.box(p.white, {x0 + l.side_m, s.y - l.board_m, z0}, {x1 - l.side_m, s.y, z1}, 0.004f);
    // A walnut back panel: glaze and silk stand out against its warm dark brown.
    b.box(p.walnut(), {x0 + l.side_m, l.kick_m, z0}, {x1 - l.side_m, s.y - l.board_m, z0 + l.back_m});
    b.box(p.charcoal, {x0 + l.side_m, 0.0f, z0 + l.back_m}, {x1 - l.side_m, l.kick_m, z1 - 0.03f});
    for (int i = 0; i < l.boards; ++i) {
        const float y = l.kick_m + static_cast<float>(i) * l.spacing_m;
        b.box(p.oak(), {x0 + l.side_m, y, z0 + l.back_m}, {x1 - l.side_m, y + l.board_m, z1}, 0.004f);
        // A warm LED strip under each board above the lowest lights the board below it.
        if (i > 0)
            b.box(p.led, {x0 + l.side_m + 0.02f, y - 0.006f, z1 - 0.05f}, {x1 - l.side_m - 0.02f, y, z1 - 0.035f});
    }
    b.box(p.led, {x0 + l.side_m + 0.02f, s.y - l.board_m - 0.006f, z1 - 0.05f},
          {x1 - l.side_m - 0.02f, s.y - l.board_m, z1 - 0.035f});
}

void build_vitrine(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const VitrineLayout l = vitrine_layout(s);
    const int glass = b.material(fixture_glass());
    const float x = 0.5f * s.x, z = 0.5f * s.z, f = l.frame_m, g = 0.006f;
    // Cabinet base on a recessed toe; its top is the deck of the lowest level.
    const float toe = std::min(0.06f, 0.2f * l.base_m);
    b.box(p.black_metal, {-x + 0.03f, 0.0f, -z + 0.03f}, {x - 0.03f, toe, z - 0.03f});
    b.box(p.white, {-x, toe, -z}, {x, l.base_m, z}, 0.006f);
    // Corner posts and the lit cap.
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f}) {
            const glm::vec2 c{sx * (x - 0.5f * f), sz * (z - 0.5f * f)};
            b.box(p.black_metal, {c.x - 0.5f * f, l.base_m, c.y - 0.5f * f}, {c.x + 0.5f * f, s.y - l.cap_m, c.y + 0.5f * f});
        }
    b.box(p.charcoal, {-x, s.y - l.cap_m, -z}, {x, s.y, z}, 0.006f);
    b.box(p.led, {-x + f + 0.03f, s.y - l.cap_m - 0.004f, -z + f + 0.03f}, {x - f - 0.03f, s.y - l.cap_m, z - f - 0.03f});
    // Glass sides between the posts, and the glass shelves.
    const float y0 = l.base_m, y1 = s.y - l.cap_m;
    b.box(glass, {-x + f, y0, z - g}, {x - f, y1, z});
    b.box(glass, {-x + f, y0, -z}, {x - f, y1, -z + g});
    b.box(glass, {-x, y0, -z + f}, {-x + g, y1, z - f});
    b.box(glass, {x - g, y0, -z + f}, {x, y1, z - f});
    for (int k = 1; k < l.levels; ++k) {
        const float y = l.level_y_m[static_cast<std::size_t>(k)];
        b.box(glass, {-x + f, y - l.shelf_m, -z + f}, {x - f, y, z - f});
    }
}

void build_counter(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const float top = std::min(0.04f, 0.08f * s.y), toe = std::min(0.08f, 0.1f * s.y);
    const float x = 0.5f * s.x, z = 0.5f * s.z;
    b.box(p.oak(), {-x, s.y - top, -z}, {x, s.y, z}, 0.007f);
    b.box(p.charcoal, {-x + 0.04f, 0.0f, -z + 0.04f}, {x - 0.04f, toe, z - 0.08f});
    b.box(p.white, {-x + 0.02f, toe, -z + 0.02f}, {x - 0.02f, s.y - top, z - 0.04f}, 0.005f);
    // The brand's lacquer red on the visitors' side, framed by the white carcass.
    b.box(p.accent, {-x + 0.06f, toe + 0.05f, z - 0.04f}, {x - 0.06f, s.y - top - 0.05f, z - 0.025f}, 0.004f);
}

void build_dress_form_platform(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    // A round stage; the products bring their own form. Lathed with an elliptical scale so a
    // non-square size still fills its footprint.
    const float toe = 0.35f * s.y;
    const glm::mat4 oval = glm::mat4(glm::vec4(s.x, 0, 0, 0), glm::vec4(0, 1, 0, 0), glm::vec4(0, 0, s.z, 0),
                                     glm::vec4(0, 0, 0, 1));
    b.set_frame(oval);
    b.cylinder(p.charcoal, {0.0f, 0.0f, 0.0f}, 0.47f, toe, 48);
    b.cylinder(p.oak(), {0.0f, toe, 0.0f}, 0.5f, s.y - toe, 48, std::min(0.008f, 0.3f * (s.y - toe)) / std::max(s.x, s.z) * 1.0f);
    b.reset_frame();
}

void build_food_display(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const FoodDisplayLayout l = food_display_layout(s);
    const float top = 0.03f, x = 0.5f * s.x, z = 0.5f * s.z;
    b.box(p.oak(), {-x, l.table_top_m - top, -z}, {x, l.table_top_m, z}, 0.005f);
    furniture_legs(b, p.steel, s, l.table_top_m - top, 0.04f, 0.035f);
    furniture_apron(b, p.steel, s, l.table_top_m - top, 0.05f, 0.05f, 0.015f);
    // A two-tier riser in walnut: the full-depth lower step, the back half raised again.
    b.box(p.walnut(), {-x + 0.03f, l.table_top_m, -z + 0.03f}, {x - 0.03f, l.front_tier_y_m, z - 0.03f}, 0.004f);
    b.box(p.walnut(), {-x + 0.03f, l.front_tier_y_m, -z + 0.03f},
          {x - 0.03f, s.y, -z + 0.03f + l.tier_depth_m}, 0.004f);
    // A linen skirt in the brand's paper colour hides the stock under the table.
    b.box(p.white, {-x + 0.04f, 0.05f, z - 0.05f}, {x - 0.04f, l.table_top_m - top - 0.05f, z - 0.045f});
}

void build_chair(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    const float seat_y = std::min(0.46f, 0.55f * s.y), seat_t = 0.03f, x = 0.5f * s.x, z = 0.5f * s.z;
    const float leg = 0.022f;
    b.box(p.oak(), {-x, seat_y - seat_t, -z + 0.04f}, {x, seat_y, z}, 0.008f);
    for (float sx : {-1.0f, 1.0f}) {
        const float lx = sx * (x - 0.03f);
        b.rod(p.black_metal, {lx, 0.0f, z - 0.04f}, {lx, seat_y - seat_t, z - 0.04f}, 0.5f * leg);
        // The back legs run up to carry the backrest.
        b.rod(p.black_metal, {lx, 0.0f, -z + 0.015f}, {lx, s.y - 0.02f, -z + 0.015f}, 0.5f * leg);
        b.rod(p.black_metal, {lx, 0.18f, -z + 0.015f}, {lx, 0.18f, z - 0.04f}, 0.4f * leg);
    }
    b.box(p.oak(), {-x, s.y - 0.16f, -z}, {x, s.y, -z + 0.03f}, 0.008f);
}

void build_demo_bench(FixtureBuilder& b, FurniturePalette& p, glm::vec3 s) {
    // A heavy artisan's bench: a thick walnut top on trestles, a shelf for tools below.
    const float top = std::min(0.06f, 0.1f * s.y), x = 0.5f * s.x, z = 0.5f * s.z;
    b.box(p.walnut(), {-x, s.y - top, -z}, {x, s.y, z}, 0.008f);
    for (float sx : {-1.0f, 1.0f}) {
        const float lx = sx * (x - 0.12f);
        b.box(p.walnut(), {lx - 0.04f, 0.0f, -z + 0.03f}, {lx + 0.04f, 0.06f, z - 0.03f}, 0.004f);
        b.box(p.walnut(), {lx - 0.035f, 0.06f, -0.5f * z}, {lx + 0.035f, s.y - top, -0.5f * z + 0.07f}, 0.003f);
        b.box(p.walnut(), {lx - 0.035f, 0.06f, 0.5f * z - 0.07f}, {lx + 0.035f, s.y - top, 0.5f * z}, 0.003f);
    }
    b.box(p.oak(), {-x + 0.08f, 0.22f, -0.5f * z}, {x - 0.08f, 0.245f, 0.5f * z}, 0.003f);
}

}  // namespace

bool build_furniture(FixtureBuilder& b, std::string_view type, glm::vec3 s, const Brand& brand) {
    using Build = void (*)(FixtureBuilder&, FurniturePalette&, glm::vec3);
    struct Entry {
        std::string_view name;
        Build build;
    };
    static constexpr std::array<Entry, 11> kFurniture{{{"plinth", build_plinth},
                                                       {"pedestal", build_pedestal},
                                                       {"display-table", build_display_table},
                                                       {"workshop-table", build_workshop_table},
                                                       {"wall-shelf", build_wall_shelf},
                                                       {"vitrine", build_vitrine},
                                                       {"counter", build_counter},
                                                       {"dress-form", build_dress_form_platform},
                                                       {"food-display", build_food_display},
                                                       {"chair", build_chair},
                                                       {"demo-bench", build_demo_bench}}};
    for (const Entry& e : kFurniture)
        if (e.name == type) {
            FurniturePalette palette(b, brand);
            e.build(b, palette, s);
            return true;
        }
    return false;
}

}  // namespace ocop::scene
