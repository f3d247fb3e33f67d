// Demonstration, photography and signage fixtures of the fixture library: the potter's wheel,
// the silk loom, the photo corner and its light, the standing sign, information and wall
// panels, and the workshop screen. Every model fills [-w/2, w/2] x [0, h] x [-d/2, d/2].
#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/fixture_geometry.h"
#include "scene/labels.h"

namespace ocop::scene {

namespace {

constexpr float kCraftPi = 3.14159265358979f;

int craft_black(FixtureBuilder& b) { return b.material(fixture_paint("black-powder-coat", {0.05f, 0.05f, 0.055f}, 0.4f)); }
int craft_steel(FixtureBuilder& b) { return b.material(fixture_metal("brushed-steel", {0.78f, 0.78f, 0.80f}, 0.32f)); }

void build_potters_wheel(FixtureBuilder& b, glm::vec3 s) {
    const int oak = fixture_wood(b, "oiled-oak", {0.74f, 0.55f, 0.36f}, 11u);
    const int housing = b.material(fixture_paint("wheel-housing", {0.42f, 0.5f, 0.55f}, 0.35f));
    const int pan = b.material(fixture_paint("splash-pan", {0.88f, 0.88f, 0.86f}, 0.3f));
    const int terracotta = b.material(fixture_paint("terracotta", {0.62f, 0.3f, 0.18f}, 0.85f));
    const int steel = craft_steel(b), black = craft_black(b);
    const float x = 0.5f * s.x, z = 0.5f * s.z, deck = std::min(0.04f, 0.1f * s.y);
    // The wheel stands on a board platform, as in a village workshop.
    b.box(oak, {-x, 0.0f, -z}, {x, deck, z}, 0.004f);
    const float pan_y = s.y - std::min(0.14f, 0.3f * s.y);
    const float r = 0.41f * std::min(s.x, s.z);
    b.box(housing, {-0.26f * s.x, deck, -0.28f * s.z}, {0.26f * s.x, pan_y, 0.28f * s.z}, 0.012f);
    // The splash pan: a shallow basin with a rolled lip, walls seen from outside and inside.
    const float wall = std::min(0.11f, s.y - pan_y - 0.02f);
    const std::array<glm::vec2, 8> basin{{{0.0f, 0.0f},
                                          {r - 0.03f, 0.0f},
                                          {r, 0.03f},
                                          {r, wall},
                                          {r - 0.012f, wall},
                                          {r - 0.012f, 0.035f},
                                          {r - 0.04f, 0.012f},
                                          {0.0f, 0.012f}}};
    b.lathe(pan, {0.0f, pan_y, 0.0f}, basin, 48, 30.0f);
    const float head = potters_wheel_head_diameter(s);
    b.cylinder(steel, {0.0f, pan_y + 0.012f, 0.0f}, 0.025f, s.y - pan_y - 0.04f, 16);
    b.cylinder(steel, {0.0f, s.y - 0.03f, 0.0f}, 0.5f * head, 0.012f, 48, 0.003f);
    b.cylinder(terracotta, {0.0f, s.y - 0.018f, 0.0f}, 0.5f * head - 0.004f, 0.018f, 48, 0.004f);
    // The foot pedal, to the potter's right, tilted up towards the back.
    b.set_frame(glm::rotate(glm::translate(glm::mat4(1.0f), {0.3f * s.x, deck, 0.36f * s.z}), glm::radians(-8.0f),
                            glm::vec3(1, 0, 0)));
    b.box(black, {-0.05f, 0.0f, -0.08f}, {0.05f, 0.03f, 0.06f}, 0.005f);
    b.reset_frame();
}

void build_loom(FixtureBuilder& b, glm::vec3 s) {
    const int wood = fixture_wood(b, "loom-wood", {0.5f, 0.33f, 0.2f}, 37u);
    const int thread = b.material(fixture_paint("warp-silk", {0.93f, 0.88f, 0.76f}, 0.35f));
    assets::Material silk = fixture_paint("woven-silk", {0.62f, 0.1f, 0.14f}, 0.45f);
    silk.sheen.enabled = true;
    silk.sheen.colour = fixture_srgb_to_linear({0.95f, 0.75f, 0.6f});
    silk.sheen.roughness = 0.35f;
    silk.double_sided = true;
    const int cloth = b.material(silk);
    const float x = 0.5f * s.x, z = 0.5f * s.z, h = s.y, post = 0.06f;
    const float in = x - post;  // inner face of the posts
    // The frame: four posts, top rails both ways, low side rails.
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f}) {
            const glm::vec2 c{sx * (x - 0.5f * post), sz * (z - 0.5f * post)};
            b.box(wood, {c.x - 0.5f * post, 0.0f, c.y - 0.5f * post}, {c.x + 0.5f * post, h, c.y + 0.5f * post}, 0.005f);
        }
    for (float sx : {-1.0f, 1.0f}) {
        const float cx = sx * (x - 0.5f * post);
        b.box(wood, {cx - 0.025f, h - 0.12f, -z + post}, {cx + 0.025f, h - 0.04f, z - post}, 0.004f);
        b.box(wood, {cx - 0.025f, 0.12f, -z + post}, {cx + 0.025f, 0.19f, z - post}, 0.004f);
    }
    for (float sz : {-1.0f, 1.0f}) {
        const float cz = sz * (z - 0.5f * post);
        b.box(wood, {-in, h - 0.1f, cz - 0.025f}, {in, h - 0.04f, cz + 0.025f}, 0.004f);
    }
    // Beams: the warp beam low at the back, the back beam the warp runs over, the breast beam
    // in front of the weaver and the cloth beam under it with cloth wound on.
    const float warp_z = -z + 0.16f, back_z = -z + 0.07f, breast_z = z - 0.32f;
    const float warp_y = 0.55f * (h / 1.6f), back_y = 0.88f * (h / 1.6f), breast_y = 0.82f * (h / 1.6f);
    b.rod(wood, {-in, warp_y, warp_z}, {in, warp_y, warp_z}, 0.055f, 16);
    b.rod(thread, {-in + 0.1f, warp_y, warp_z}, {in - 0.1f, warp_y, warp_z}, 0.075f, 20);
    b.rod(wood, {-in, back_y, back_z}, {in, back_y, back_z}, 0.03f, 12);
    b.box(wood, {-in, breast_y - 0.06f, breast_z - 0.035f}, {in, breast_y, breast_z + 0.035f}, 0.005f);
    b.rod(wood, {-in, 0.5f * breast_y, breast_z + 0.02f}, {in, 0.5f * breast_y, breast_z + 0.02f}, 0.045f, 16);
    b.rod(cloth, {-in + 0.1f, 0.5f * breast_y, breast_z + 0.02f}, {in - 0.1f, 0.5f * breast_y, breast_z + 0.02f},
          0.065f, 20);
    // Warp threads from the back beam to the reed; the woven cloth from the reed over the
    // breast beam and down to the cloth beam.
    const float reed_z = 0.05f * s.z, warp_w = in - 0.12f;
    const float shed_y = breast_y + 0.005f;
    const int threads = std::clamp(static_cast<int>(2.0f * warp_w / 0.012f), 8, 120);
    for (int i = 0; i < threads; ++i) {
        const float tx = -warp_w + 2.0f * warp_w * (static_cast<float>(i) + 0.5f) / static_cast<float>(threads);
        // Alternate threads rise and fall through the heddles: the open shed.
        const float mid_y = shed_y + (i % 2 == 0 ? 0.035f : -0.01f);
        const float heddle_z = -0.15f * s.z;
        b.rod(thread, {tx, back_y + 0.03f, back_z}, {tx, mid_y, heddle_z}, 0.0018f, 3);
        b.rod(thread, {tx, mid_y, heddle_z}, {tx, shed_y, reed_z}, 0.0018f, 3);
    }
    const std::array<glm::vec2, 3> woven{{{reed_z, shed_y}, {breast_z + 0.035f, breast_y + 0.003f},
                                          {breast_z + 0.04f, 0.5f * breast_y + 0.065f}}};
    // extrude_x faces the profile's left: walk from the reed forwards so the top faces up.
    b.extrude_x(cloth, woven, -warp_w, warp_w, 20.0f);
    // Two heddle frames hanging from the top rails, and the reed in its beater.
    for (const float hz : {-0.19f * s.z, -0.11f * s.z}) {
        b.box(wood, {-warp_w - 0.04f, shed_y + 0.2f, hz - 0.012f}, {warp_w + 0.04f, shed_y + 0.23f, hz + 0.012f}, 0.003f);
        b.box(wood, {-warp_w - 0.04f, shed_y - 0.16f, hz - 0.012f}, {warp_w + 0.04f, shed_y - 0.13f, hz + 0.012f}, 0.003f);
        b.rod(thread, {-warp_w, h - 0.1f, hz}, {-warp_w, shed_y + 0.23f, hz}, 0.003f, 4);
        b.rod(thread, {warp_w, h - 0.1f, hz}, {warp_w, shed_y + 0.23f, hz}, 0.003f, 4);
    }
    b.box(wood, {-in, shed_y - 0.05f, reed_z - 0.03f}, {in, shed_y - 0.01f, reed_z + 0.03f}, 0.004f);
    b.box(wood, {-in, shed_y + 0.16f, reed_z - 0.02f}, {in, shed_y + 0.2f, reed_z + 0.02f}, 0.004f);
    for (float sx : {-1.0f, 1.0f})
        b.box(wood, {sx * in - 0.02f, shed_y - 0.05f, reed_z - 0.015f}, {sx * in + 0.02f, h - 0.1f, reed_z + 0.015f});
    // Treadles on the floor and the weaver's bench at the front.
    for (int t = 0; t < 4; ++t) {
        const float tx = -0.18f + 0.12f * static_cast<float>(t);
        b.box(wood, {tx - 0.03f, 0.02f, -0.1f * s.z}, {tx + 0.03f, 0.05f, breast_z}, 0.003f);
    }
    b.box(wood, {-in, 0.5f * breast_y + 0.08f, z - post - 0.18f}, {in, 0.5f * breast_y + 0.12f, z - post}, 0.006f);
}

void build_photo_sweep(FixtureBuilder& b, glm::vec3 s) {
    const PhotoSweepLayout l = photo_sweep_layout(s);
    const int white = b.material(fixture_paint("gallery-white", {0.92f, 0.91f, 0.88f}, 0.5f));
    assets::Material paper = fixture_paint("sweep-paper", {0.95f, 0.95f, 0.94f}, 0.95f);
    paper.double_sided = true;
    const int sweep = b.material(paper);
    const int turntable = b.material(fixture_paint("turntable", {0.82f, 0.82f, 0.82f}, 0.4f));
    const int black = craft_black(b);
    const float x = 0.5f * s.x, z = 0.5f * s.z;
    // The table.
    b.box(white, {-x, l.table_top_m - 0.04f, -z + 0.04f}, {x, l.table_top_m, z}, 0.005f);
    for (float sx : {-1.0f, 1.0f})
        for (float sz : {-1.0f, 1.0f})
            b.box(black, {sx * (x - 0.06f) - 0.02f, 0.0f, sz * (z - 0.08f) - 0.02f},
                  {sx * (x - 0.06f) + 0.02f, l.table_top_m - 0.04f, sz * (z - 0.08f) + 0.02f}, 0.002f);
    // Two stands at the back carry the paper roll; the paper falls, curves and runs to the front.
    for (float sx : {-1.0f, 1.0f}) {
        b.box(black, {sx * (x - 0.015f) - 0.015f, 0.0f, -z}, {sx * (x - 0.015f) + 0.015f, s.y - 0.04f, -z + 0.03f});
        b.box(black, {sx * (x - 0.015f) - 0.015f, 0.0f, -z}, {sx * (x - 0.015f) + 0.015f, 0.02f, -z + 0.3f});
    }
    b.rod(black, {-x + 0.03f, s.y - 0.04f, -z + 0.04f}, {x - 0.03f, s.y - 0.04f, -z + 0.04f}, 0.04f, 20);
    const float back = -z + 0.08f, floor_y = l.table_top_m + 0.002f, r = l.sweep_radius_m;
    std::vector<glm::vec2> profile{{back, s.y - 0.05f}};
    for (int i = 0; i <= 12; ++i) {  // a quarter circle from the falling paper to the table
        const float a = 0.5f * kCraftPi * static_cast<float>(i) / 12.0f;
        profile.push_back({back + r - r * std::cos(a), floor_y + r - r * std::sin(a)});
    }
    profile.push_back({z, floor_y});
    b.extrude_x(sweep, profile, -x + 0.05f, x - 0.05f, 40.0f);
    b.cylinder(turntable, {0.0f, floor_y, l.turntable_z_m}, l.turntable_radius_m, l.turntable_top_m - floor_y, 48,
               0.004f);
}

void build_photo_light(FixtureBuilder& b, glm::vec3 s) {
    const int black = craft_black(b), steel = craft_steel(b);
    assets::Material fabric = fixture_paint("softbox-fabric", {0.06f, 0.06f, 0.06f}, 0.9f);
    fabric.double_sided = true;
    const int body = b.material(fabric);
    const int diffuser = b.material(fixture_emissive("softbox-diffuser", {1.0f, 0.98f, 0.95f}, 3.0f));
    const float x = 0.5f * s.x, z = 0.5f * s.z;
    // A roller stand: four legs from a hub to the floor, the pole up to the softbox.
    const float hub = std::min(0.5f, 0.25f * s.y);
    for (const glm::vec2 foot : {glm::vec2(x - 0.015f, 0.0f), glm::vec2(-x + 0.015f, 0.0f), glm::vec2(0.0f, z - 0.015f),
                                 glm::vec2(0.0f, -z + 0.015f)}) {
        b.rod(black, {0.0f, hub, 0.0f}, {foot.x, 0.015f, foot.y}, 0.01f, 8);
        b.cylinder(black, {foot.x, 0.0f, foot.y}, 0.015f, 0.03f, 12);
    }
    const float box = std::min(s.x, 0.5f * s.y);  // the softbox's front: a square of the width
    const float cy = s.y - 0.5f * box;
    b.cylinder(steel, {0.0f, 0.0f + hub - 0.05f, 0.0f}, 0.016f, cy - hub + 0.05f, 12);
    b.cylinder(black, {0.0f, cy - 0.1f, 0.0f}, 0.022f, 0.1f, 12);
    // The softbox: a square frustum from a small speed ring at the back to the diffuser.
    const float back_z = -0.12f, front_z = std::min(0.14f, z - 0.01f), rb = 0.1f, rf = 0.5f * box;
    const std::array<glm::vec3, 4> backs{{{-rb, cy - rb, back_z}, {rb, cy - rb, back_z}, {rb, cy + rb, back_z}, {-rb, cy + rb, back_z}}};
    const std::array<glm::vec3, 4> fronts{{{-rf, cy - rf, front_z}, {rf, cy - rf, front_z}, {rf, cy + rf, front_z}, {-rf, cy + rf, front_z}}};
    for (std::size_t i = 0; i < 4; ++i) {
        const std::size_t j = (i + 1) % 4;
        b.quad(body, backs[j], backs[i], fronts[i], fronts[j]);
    }
    b.quad(body, backs[1], backs[0], backs[3], backs[2]);
    const float inset = 0.02f;
    b.quad(diffuser, {-rf + inset, cy - rf + inset, front_z - 0.01f}, {rf - inset, cy - rf + inset, front_z - 0.01f},
           {rf - inset, cy + rf - inset, front_z - 0.01f}, {-rf + inset, cy + rf - inset, front_z - 0.01f});
    b.box(black, {-0.05f, cy - 0.05f, back_z - 0.05f}, {0.05f, cy + 0.05f, back_z}, 0.005f);
}

// A printed face a few millimetres in front of a board at z = face_z.
void craft_face(FixtureBuilder& b, int material, float x0, float x1, float y0, float y1, float face_z) {
    b.quad(material, {x0, y0, face_z}, {x1, y0, face_z}, {x1, y1, face_z}, {x0, y1, face_z});
}

void build_sign(FixtureBuilder& b, glm::vec3 s, const Fixture& fixture, const Brand& brand) {
    // A wayfinding totem: a slim monolith in the brand's colour with the sign board near the
    // top, at eye height, and a gold hairline below it.
    const int body = b.material(fixture_paint("brand-lacquer", brand.primary, 0.3f));
    const int gold = b.material(fixture_metal("brand-gold", brand.secondary, 0.3f));
    const int black = craft_black(b);
    const float x = 0.5f * s.x, z = 0.5f * s.z, toe = std::min(0.05f, 0.05f * s.y);
    b.box(black, {-x + 0.02f, 0.0f, -z + 0.01f}, {x - 0.02f, toe, z - 0.01f});
    b.box(body, {-x, toe, -z}, {x, s.y, z}, 0.006f);
    // The sign's layout wants a wide board (logo, then the title on one line): 3:1.
    const float face_w = s.x - 0.06f, face_h = std::min(face_w / 3.0f, 0.3f * s.y);
    const float top = s.y - 0.08f * std::min(1.0f, s.y);
    const int print = fixture_print(b, "sign-face", sign_image(fixture.text, brand, 512,
                                                               std::max(16, static_cast<int>(512.0f * face_h / face_w))));
    craft_face(b, print, -0.5f * face_w, 0.5f * face_w, top - face_h, top, z + 0.001f);
    b.box(gold, {-0.5f * face_w, top - face_h - 0.04f, z - 0.002f}, {0.5f * face_w, top - face_h - 0.032f, z + 0.002f});
    b.box(gold, {-0.5f * face_w, 0.3f * s.y, z - 0.002f}, {0.5f * face_w, 0.3f * s.y + 0.008f, z + 0.002f});
}

void build_info_panel(FixtureBuilder& b, glm::vec3 s, const Fixture& fixture, const Brand& brand) {
    const int wood = fixture_wood(b, "oiled-walnut", {0.45f, 0.29f, 0.18f}, 23u);
    const int black = craft_black(b);
    const float x = 0.5f * s.x, z = 0.5f * s.z, panel_y = std::min(0.25f, 0.15f * s.y), t = 0.03f;
    for (float sx : {-1.0f, 1.0f}) {
        const float cx = sx * (x - 0.06f);
        b.box(black, {cx - 0.03f, 0.0f, -z}, {cx + 0.03f, 0.03f, z}, 0.004f);
        b.box(black, {cx - 0.015f, 0.03f, -0.015f}, {cx + 0.015f, panel_y + 0.05f, 0.015f});
    }
    b.box(wood, {-x, panel_y, -0.5f * t}, {x, s.y, 0.5f * t}, 0.005f);
    const glm::vec2 face{s.x - 0.06f, s.y - panel_y - 0.06f};
    const int print = fixture_print(b, "info-face", fixture_panel_image(fixture, brand, face, true));
    craft_face(b, print, -0.5f * face.x, 0.5f * face.x, panel_y + 0.03f, s.y - 0.03f, 0.5f * t + 0.001f);
}

void build_wall_panel(FixtureBuilder& b, glm::vec3 s, const Fixture& fixture, const Brand& brand) {
    // A printed board with a thin edge, standing off the wall on hidden battens.
    const int edge = b.material(fixture_paint("charcoal", {0.15f, 0.15f, 0.16f}, 0.55f));
    const float x = 0.5f * s.x, z = 0.5f * s.z;
    b.box(edge, {-x, 0.0f, -z}, {x, s.y, z - 0.001f}, std::min(0.003f, 0.2f * s.z));
    const int print = fixture_print(b, "panel-face", fixture_panel_image(fixture, brand, {s.x, s.y}, false));
    craft_face(b, print, -x + 0.004f, x - 0.004f, 0.004f, s.y - 0.004f, z);
}

void build_screen(FixtureBuilder& b, glm::vec3 s, const Fixture& fixture, const Brand& brand) {
    const int black = craft_black(b), steel = craft_steel(b);
    const float x = 0.5f * s.x, z = 0.5f * s.z;
    const float screen_h = std::min(s.x * 9.0f / 16.0f, 0.7f * s.y);
    const float y0 = s.y - screen_h;
    for (float sx : {-1.0f, 1.0f}) {
        const float cx = sx * 0.3f * s.x;
        b.box(black, {cx - 0.035f, 0.0f, -z}, {cx + 0.035f, 0.04f, z}, 0.005f);
        b.box(steel, {cx - 0.025f, 0.04f, -0.07f}, {cx + 0.025f, y0 + 0.5f * screen_h, -0.03f}, 0.004f);
    }
    b.box(black, {-0.3f * s.x, 0.45f * y0, -0.07f}, {0.3f * s.x, 0.45f * y0 + 0.06f, -0.03f}, 0.004f);
    b.box(black, {-x, y0, -0.03f}, {x, s.y, 0.03f}, 0.008f);
    // The panel shows the brand's slide: emissive, over a glossy black glass.
    const float bezel = 0.02f;
    const int w_px = 640, h_px = std::max(16, static_cast<int>(640.0f * (screen_h - 2 * bezel) / (s.x - 2 * bezel)));
    assets::Material panel;
    panel.name = "screen-panel";
    panel.metallic = 0.0f;
    panel.roughness = 0.08f;
    panel.base_color = glm::vec4(glm::vec3(0.01f), 1.0f);
    panel.emissive = glm::vec3(1.0f);
    panel.emissive_strength = 0.9f;
    panel.emissive_texture.image = b.image(fixture_slide_image(fixture, brand, w_px, h_px));
    panel.emissive_texture.wrap_s = panel.emissive_texture.wrap_t = assets::Wrap::ClampToEdge;
    craft_face(b, b.material(panel), -x + bezel, x - bezel, y0 + bezel, s.y - bezel, 0.031f);
}

}  // namespace

bool build_craft_fixture(FixtureBuilder& b, std::string_view type, glm::vec3 s, const Fixture& fixture,
                         const Brand& brand) {
    if (type == "potters-wheel") build_potters_wheel(b, s);
    else if (type == "loom") build_loom(b, s);
    else if (type == "photo-sweep") build_photo_sweep(b, s);
    else if (type == "photo-light") build_photo_light(b, s);
    else if (type == "sign") build_sign(b, s, fixture, brand);
    else if (type == "info-panel") build_info_panel(b, s, fixture, brand);
    else if (type == "wall-panel") build_wall_panel(b, s, fixture, brand);
    else if (type == "screen") build_screen(b, s, fixture, brand);
    else return false;
    return true;
}

}  // namespace ocop::scene
