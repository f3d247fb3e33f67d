// BT-TEA-01: a Bát Tràng celadon tea set, teapot and four cups on an oval celadon tray,
// 36 x 14 x 24 cm, written as .gltf. One 1K atlas holds every part's painting.
#include <array>
#include <cmath>

#include "ceramics_paint.h"
#include "generators.h"
#include "paint.h"

namespace ocop::samples {
namespace {

constexpr float kTrayFloor = 0.008f;  // where the teapot and cups stand
constexpr float kTeapotScale = 1.08f;

// The glaze of any lathe part: pooled in hollows, thin on lips, unglazed feet and undersides.
glm::vec4 tea_celadon(const Lathe& lathe, float u, const LatheRow& row) {
    const glm::vec3 p = lathe.point(u, row);
    if (row.zone == kFoot || row.zone == kLidUnder)
        return glm::vec4(biscuit_colour(p, glm::vec3(0.74f, 0.52f, 0.37f)), 1.0f);
    // Celadon crazes finely as it cools; the glaze runs in slow waves on the walls.
    const float craze = crackle_network(u, row, 48, 91u) * 0.35f;
    const float runs = periodic_noise(u, row.t * 0.3f, 40.0f, 2, 93u) - 0.5f;
    const float pool = (1.0f - row.occlusion) * 1.8f + craze + 0.5f * runs;
    const float thin = row.zone == kLip || row.zone == kKnob ? 0.45f : 0.0f;
    return glm::vec4(celadon_colour(p, u, row, pool, thin), 1.0f);
}

glm::vec4 tea_orm(float u, const LatheRow& row) {
    return pot_orm(u, row, 0.1f, row.zone != kFoot && row.zone != kLidUnder);
}

void tea_paint(Canvas& base, Canvas& orm, glm::vec4 rect, Lathe& lathe) {
    paint_lathe_into(base, rect, lathe, [&](float u, const LatheRow& row) { return tea_celadon(lathe, u, row); });
    paint_lathe_into(orm, rect, lathe, tea_orm);
    lathe_fit_uv(lathe.mesh, rect);
}

// A tube part (spout, handle): plain celadon in its rectangle.
void tea_paint_tube(Canvas& base, Canvas& orm, glm::vec4 rect) {
    for (int y = static_cast<int>(rect.y * base.height); y < static_cast<int>(rect.w * base.height); ++y)
        for (int x = static_cast<int>(rect.x * base.width); x < static_cast<int>(rect.z * base.width); ++x) {
            const glm::vec3 p(static_cast<float>(x) * 0.0004f, static_cast<float>(y) * 0.0004f, 0.0f);
            LatheRow row;
            row.s = p.y;
            base.set(x, y, glm::vec4(celadon_colour(p, static_cast<float>(x) / base.width, row, 0.1f, 0.0f), 1.0f));
            orm.set(x, y, {1.0f, 0.1f, 0.0f, 1.0f});
        }
}

void tea_move(assets::Mesh& mesh, glm::vec3 offset) {
    for (glm::vec3& p : mesh.positions) p += offset;
}

std::vector<glm::vec3> tea_curve(std::initializer_list<glm::vec3> control, int count) {
    // Quadratic/cubic Bézier through the control points (de Casteljau).
    const std::vector<glm::vec3> c(control);
    std::vector<glm::vec3> out;
    for (int k = 0; k < count; ++k) {
        std::vector<glm::vec3> q = c;
        const float t = static_cast<float>(k) / static_cast<float>(count - 1);
        for (std::size_t n = q.size(); n > 1; --n)
            for (std::size_t i = 0; i + 1 < n; ++i) q[i] = glm::mix(q[i], q[i + 1], t);
        out.push_back(q[0]);
    }
    return out;
}

}  // namespace

SampleFile make_bt_tea_set_celadon() {
    Canvas base(1024, 1024), orm(1024, 1024);
    assets::Model model;
    LatheSettings settings;
    settings.zone_texture_weight = pot_texture_weights();

    // Oval tray on a low foot.
    Vessel tray;
    tray.outer_control = {{0.150f, 0.000f}, {0.152f, 0.004f}, {0.166f, 0.010f}, {0.176f, 0.016f}, {0.1785f, 0.019f}};
    tray.wall = 0.004f, tray.foot_inner_radius = 0.142f, tray.underside_height = 0.003f;
    tray.inner_floor_y = kTrayFloor, tray.outer_rows = 24, tray.inner_rows = 14;
    settings.around = 192;
    settings.footprint.scale = {1.0f, 0.667f};
    settings.displacement = pot_irregularity(0.02f, 0.5f, 61u);
    Lathe tray_lathe = make_lathe(pot_profile(tray), settings, "tray");
    tea_paint(base, orm, {0.0f, 0.5f, 1.0f, 1.0f}, tray_lathe);

    // Teapot: squat body, gallery for the lid, then lid and knob.
    Vessel pot;
    pot.outer_control = {{0.036f, 0.000f}, {0.035f, 0.006f}, {0.046f, 0.018f}, {0.057f, 0.036f}, {0.058f, 0.050f},
                         {0.052f, 0.068f}, {0.041f, 0.081f}, {0.035f, 0.087f}, {0.0345f, 0.093f}};
    pot.wall = 0.0035f, pot.foot_inner_radius = 0.030f, pot.underside_height = 0.004f;
    pot.inner_floor_y = 0.075f, pot.outer_rows = 70, pot.inner_rows = 8;
    settings.around = 160;
    settings.footprint.scale = {1.0f, 1.0f};
    settings.displacement = pot_irregularity(0.09f, 0.6f, 67u);
    Lathe body = make_lathe(pot_profile(pot), settings, "teapot");
    tea_paint(base, orm, {0.0f, 0.0f, 0.5f, 0.5f}, body);

    std::vector<LatheSegment> lid_profile;
    lid_profile.push_back({lathe_line({0.0f, 0.090f}, {0.0375f, 0.090f}, 8), kLidUnder, {}});
    lid_profile.push_back({lathe_resample(lathe_spline(std::vector<glm::vec2>{{0.0375f, 0.090f}, {0.0385f, 0.094f}, {0.030f, 0.101f},
                                                                              {0.016f, 0.1055f}, {0.009f, 0.1065f}},
                                                       24),
                                          26),
                           kLidTop, {}});
    lid_profile.push_back({lathe_resample(lathe_spline(std::vector<glm::vec2>{{0.009f, 0.1065f}, {0.0065f, 0.110f}, {0.0095f, 0.116f},
                                                                              {0.0075f, 0.1205f}, {0.0f, 0.1215f}},
                                                       16),
                                          16),
                           kKnob, {}});
    settings.displacement = pot_irregularity(0.12f, 0.3f, 71u);
    Lathe lid = make_lathe(lid_profile, settings, "teapot_lid");
    tea_paint(base, orm, {0.5f, 0.0f, 0.75f, 0.25f}, lid);

    // Spout and handle: tubes rooted inside the body wall.
    std::vector<glm::vec3> spout_path = tea_curve({{0.046f, 0.032f, 0.0f}, {0.078f, 0.040f, 0.0f}, {0.088f, 0.075f, 0.0f}, {0.104f, 0.094f, 0.0f}}, 40);
    std::vector<float> spout_radius;
    for (std::size_t i = 0; i < spout_path.size(); ++i)
        spout_radius.push_back(glm::mix(0.0125f, 0.0055f, static_cast<float>(i) / static_cast<float>(spout_path.size() - 1)));
    assets::Mesh spout = sweep_tube(spout_path, spout_radius, 32, {0.75f, 0.0f, 1.0f, 0.25f}, "teapot_spout");
    std::vector<glm::vec3> handle_path = tea_curve({{-0.048f, 0.074f, 0.0f}, {-0.100f, 0.082f, 0.0f}, {-0.105f, 0.020f, 0.0f}, {-0.050f, 0.026f, 0.0f}}, 48);
    assets::Mesh handle = sweep_tube(handle_path, std::vector<float>(handle_path.size(), 0.0065f), 24, {0.5f, 0.25f, 0.75f, 0.5f}, "teapot_handle");
    tea_paint_tube(base, orm, {0.75f, 0.0f, 1.0f, 0.25f});
    tea_paint_tube(base, orm, {0.5f, 0.25f, 0.75f, 0.5f});

    // Cups: small, straight-sided, on a foot; each thrown a little differently.
    Vessel cup;
    cup.outer_control = {{0.0165f, 0.000f}, {0.016f, 0.004f}, {0.022f, 0.010f}, {0.029f, 0.024f}, {0.032f, 0.038f}, {0.0335f, 0.047f}};
    cup.wall = 0.0025f, cup.foot_inner_radius = 0.0125f, cup.underside_height = 0.003f;
    cup.inner_floor_y = 0.006f, cup.outer_rows = 28, cup.inner_rows = 24;
    settings.around = 80;
    const glm::vec4 cup_rect(0.75f, 0.25f, 1.0f, 0.5f);
    const glm::vec3 pot_at(-0.07f, kTrayFloor, 0.0f);
    const std::array<glm::vec3, 4> cups_at{{{0.038f, kTrayFloor, -0.046f}, {0.038f, kTrayFloor, 0.046f},
                                           {0.108f, kTrayFloor, -0.040f}, {0.108f, kTrayFloor, 0.040f}}};
    model.materials.push_back(pot_material("celadon_glaze", 0, 1, -1));
    for (std::size_t i = 0; i < cups_at.size(); ++i) {
        settings.displacement = pot_irregularity(0.05f, 0.4f, 80u + static_cast<std::uint32_t>(i));
        Lathe c = make_lathe(pot_profile(cup), settings, "cup_" + std::to_string(i + 1));
        if (i == 0) paint_lathe_into(base, cup_rect, c, [&](float u, const LatheRow& row) { return tea_celadon(c, u, row); });
        if (i == 0) paint_lathe_into(orm, cup_rect, c, tea_orm);
        lathe_fit_uv(c.mesh, cup_rect);
        tea_move(c.mesh, cups_at[i]);
        model.meshes.push_back(std::move(c.mesh));
    }
    for (assets::Mesh* m : {&body.mesh, &lid.mesh, &spout, &handle}) {
        for (glm::vec3& p : m->positions) p *= kTeapotScale;  // the profile was drawn a size smaller
        tea_move(*m, pot_at);
        model.meshes.push_back(std::move(*m));
    }
    model.meshes.push_back(std::move(tray_lathe.mesh));
    for (assets::Mesh& m : model.meshes) m.material = 0;
    model.images.push_back(std::move(base).to_image("tea_set_base_color"));
    model.images.push_back(std::move(orm).to_image("tea_set_orm"));
    return pot_sample("bt-tea-set-celadon.gltf", FileFormat::Gltf, "m", "y", std::move(model));
}

}  // namespace ocop::samples
