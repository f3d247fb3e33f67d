// Bát Tràng ceramics: thrown on the wheel (lathe.h with hand-made irregularity), glazed and
// fired (ceramics_paint.h). Sizes are the catalogue's, in metres, base at y = 0.
#include <array>
#include <cmath>

#include "ceramics_paint.h"
#include "generators.h"
#include "lathe.h"
#include "paint.h"

namespace ocop::samples {
namespace {

// ---------------------------------------------------------------------------------------------
// BT-VASE-01: blue-and-white baluster vase, 22 x 38 cm, lotus pond on the belly.

struct BlueWhiteBands {
    float foot_edge, petals_lo, petals_hi, pond_lo, pond_hi, collar_lo, collar_hi, leaves_lo, leaves_hi, rim;
    std::array<float, 8> lines;
    float inner_start;
};

glm::vec3 blue_white_colour(const Lathe& lathe, const BlueWhiteBands& b, float u, const LatheRow& row) {
    const glm::vec3 p = lathe.point(u, row);
    const float glaze_edge = 0.010f + 0.004f * periodic_noise(u, row.t, 9.0f, 2, 77u);
    if (row.zone == kFoot || (row.zone == kOuter && row.p.y < glaze_edge))
        return biscuit_colour(p, glm::vec3(0.78f, 0.63f, 0.48f));
    // A faintly blue-grey white; thicker glaze (in hollows, just above the glaze edge) bluer.
    glm::vec3 glaze(0.90f, 0.91f, 0.88f);
    const float pooling = std::clamp((1.0f - row.occlusion) * 1.5f, 0.0f, 1.0f) +
                          (row.zone == kOuter ? 0.6f * (1.0f - glm::smoothstep(glaze_edge, glaze_edge + 0.004f, row.p.y)) : 0.0f);
    glaze = glm::mix(glaze, glm::vec3(0.74f, 0.82f, 0.84f), std::clamp(pooling, 0.0f, 1.0f));
    float ink = 0.0f;
    if (row.zone == kLip) ink = 0.9f;
    else if (row.zone == kInner) ink = row.s - b.inner_start < 0.010f ? 0.0f : (std::abs(row.s - b.inner_start - 0.014f) < 0.0009f ? 0.9f : 0.0f);
    else if (row.zone == kUnderside) ink = std::abs(row.p.x - 0.035f) < 0.0007f || std::abs(row.p.x - 0.039f) < 0.0007f ? 0.85f : 0.0f;
    else if (row.zone == kOuter) {
        // The brush wanders: lines wobble by a fraction of a millimetre.
        LatheRow wobbled = row;
        wobbled.s += 0.0007f * (value_noise(p * 90.0f, 41u) - 0.5f);
        u += 0.0007f * (value_noise(p * 90.0f, 42u) - 0.5f) / std::max(lathe.circumference(row), 0.05f);
        const auto in = [&](float lo, float hi) { return wobbled.s >= lo && wobbled.s < hi; };
        for (float line : b.lines) if (std::abs(wobbled.s - line) < 0.0008f) ink = 0.95f;
        if (ink == 0.0f) {
            if (wobbled.s >= b.rim) ink = 0.9f;
            else if (in(b.petals_lo, b.petals_hi)) ink = lotus_petal_panels_ink(motif_cell(lathe, u, wobbled, b.petals_lo, b.petals_hi, 14));
            else if (in(b.pond_lo, b.pond_hi)) ink = lotus_pond_ink(motif_cell(lathe, u, wobbled, b.pond_lo, b.pond_hi, 3, 0.1f));
            else if (in(b.collar_lo, b.collar_hi)) ink = cloud_collar_ink(motif_cell(lathe, u, wobbled, b.collar_lo, b.collar_hi, 8));
            else if (in(b.leaves_lo, b.leaves_hi)) ink = banana_leaf_ink(motif_cell(lathe, u, wobbled, b.leaves_lo, b.leaves_hi, 10));
        }
    }
    const glm::vec3 colour = cobalt_on_glaze(glaze, cobalt_variation(p, ink));
    return colour * scan_grain(u, row, 901u);
}

}  // namespace

SampleFile make_bt_vase_blue_white() {
    Vessel v;
    v.outer_control = {{0.064f, 0.000f}, {0.062f, 0.008f}, {0.062f, 0.014f}, {0.071f, 0.030f}, {0.089f, 0.060f},
                       {0.104f, 0.100f}, {0.1085f, 0.140f}, {0.106f, 0.178f}, {0.094f, 0.213f}, {0.073f, 0.244f},
                       {0.053f, 0.270f}, {0.045f, 0.295f}, {0.047f, 0.320f}, {0.055f, 0.345f}, {0.065f, 0.366f},
                       {0.0705f, 0.378f}};
    v.wall = 0.005f, v.foot_inner_radius = 0.052f, v.underside_height = 0.006f;
    v.inner_floor_y = 0.28f, v.outer_rows = 230, v.inner_rows = 50;
    LatheSettings settings;
    settings.around = 512;
    settings.zone_texture_weight = pot_texture_weights();
    settings.displacement = pot_irregularity(0.38f, 1.0f, 11u);
    Lathe lathe = make_lathe(pot_profile(v), settings, "vase");

    const auto s = [&](float y) { return pot_s_at(lathe, y); };
    BlueWhiteBands bands{s(0.012f), s(0.027f), s(0.074f), s(0.088f), s(0.202f), s(0.214f), s(0.252f), s(0.266f), s(0.342f), s(0.366f),
                         {s(0.020f), s(0.0235f), s(0.078f), s(0.0815f), s(0.2055f), s(0.209f), s(0.258f), s(0.352f)}, 0.0f};
    for (const LatheRow& row : lathe.rows)
        if (row.zone == kInner) {
            bands.inner_start = row.s;
            break;
        }

    assets::Model model;
    model.images.push_back(paint_lathe(lathe, 2048, 2048, "vase_base_color", [&](float u, const LatheRow& row) {
        return glm::vec4(blue_white_colour(lathe, bands, u, row), 1.0f);
    }));
    model.images.push_back(paint_lathe(lathe, 2048, 2048, "vase_occlusion_roughness", [&](float u, const LatheRow& row) {
        return pot_orm(u, row, 0.07f, row.zone != kFoot && !(row.zone == kOuter && row.p.y < 0.011f));
    }));
    model.images.push_back(lathe_normal_map(lathe, 1024, 2048, "vase_normal", [&](float u, const LatheRow& row) {
        if (row.zone == kUnderside || row.zone == kFloor) return 0.0f;
        return throwing_rings(u, row, 0.0065f, row.zone == kInner ? 0.00012f : 0.000018f);
    }));
    model.materials.push_back(pot_material("blue_and_white_glaze", 0, 1, 2));
    lathe.mesh.material = 0;
    model.meshes.push_back(std::move(lathe.mesh));
    return pot_sample("bt-vase-blue-white.glb", FileFormat::Glb, "m", "y", std::move(model));
}

// ---------------------------------------------------------------------------------------------
// BT-JAR-01: crackle-glaze jar with lid, 30 x 34 cm; OBJ in centimetres, Z up.

namespace {

// Ivory crackle ground, dark-stained cracks, two iron-brown bands and a brown knob.
glm::vec3 crackle_colour(const Lathe& lathe, float u, const LatheRow& row, bool lid, std::uint32_t seed) {
    const glm::vec3 p = lathe.point(u, row);
    if (!lid && (row.zone == kFoot || (row.zone == kOuter && row.p.y < 0.012f + 0.003f * periodic_noise(u, row.t, 8.0f, 2, 5u))))
        return biscuit_colour(p, glm::vec3(0.66f, 0.52f, 0.40f)) * row.occlusion;
    if (row.zone == kLidUnder || row.zone == kUnderside) return biscuit_colour(p, glm::vec3(0.70f, 0.56f, 0.43f)) * row.occlusion;
    const float tone = fbm(p * 25.0f, 3, seed + 3);
    glm::vec3 ground = glm::mix(glm::vec3(0.80f, 0.74f, 0.60f), glm::vec3(0.86f, 0.81f, 0.68f), tone);
    const float crack = crackle_network(u, row, lid ? 36 : 64, seed);
    const float stain = 0.55f + 0.45f * fbm(p * 60.0f, 2, seed + 4);  // the ink rubbed in is uneven
    glm::vec3 colour = glm::mix(ground, glm::vec3(0.20f, 0.14f, 0.10f), crack * stain);
    // Iron-brown bands (men nâu) the potters brush on at the shoulder and above the foot.
    const bool band = (!lid && ((row.p.y > 0.228f && row.p.y < 0.242f) || (row.p.y > 0.030f && row.p.y < 0.042f))) ||
                      (lid && row.zone == kKnob);
    if (band && row.zone != kInner) colour = glm::vec3(0.30f, 0.17f, 0.08f) * (0.8f + 0.4f * fbm(p * 200.0f, 2, seed + 6));
    // A scan's texture has the light's occlusion baked in (OBJ carries no occlusion map).
    return colour * (0.35f + 0.65f * row.occlusion) * scan_grain(u, row, seed + 7);
}

}  // namespace

SampleFile make_bt_jar_crackle() {
    Vessel v;
    v.outer_control = {{0.092f, 0.000f}, {0.090f, 0.010f}, {0.094f, 0.030f}, {0.118f, 0.070f}, {0.140f, 0.115f},
                       {0.1475f, 0.150f}, {0.142f, 0.185f}, {0.122f, 0.220f}, {0.095f, 0.246f}, {0.079f, 0.258f},
                       {0.076f, 0.268f}, {0.077f, 0.276f}};
    v.wall = 0.007f, v.foot_inner_radius = 0.078f, v.underside_height = 0.007f;
    v.inner_floor_y = 0.22f, v.outer_rows = 190, v.inner_rows = 24;
    LatheSettings settings;
    settings.around = 512;
    settings.zone_texture_weight = pot_texture_weights();
    settings.displacement = pot_irregularity(0.28f, 1.3f, 23u);
    Lathe body = make_lathe(pot_profile(v), settings, "jar");

    // The lid rests on the collar: flat underside, rim, dome and a turned knob.
    const std::vector<glm::vec2> dome = lathe_resample(
        lathe_spline(std::vector<glm::vec2>{{0.086f, 0.285f}, {0.078f, 0.296f}, {0.056f, 0.309f}, {0.032f, 0.316f},
                                            {0.022f, 0.318f}},
                     32),
        60);
    const std::vector<glm::vec2> knob = lathe_resample(
        lathe_spline(std::vector<glm::vec2>{{0.022f, 0.318f}, {0.017f, 0.323f}, {0.021f, 0.331f}, {0.019f, 0.338f},
                                            {0.008f, 0.3405f}, {0.0f, 0.341f}},
                     24),
        30);
    std::vector<LatheSegment> lid_profile;
    lid_profile.push_back({lathe_line({0.0f, 0.276f}, {0.084f, 0.276f}, 16), kLidUnder, {}});
    lid_profile.push_back({lathe_line({0.084f, 0.276f}, {0.086f, 0.285f}, 5), kLidTop, {}});
    lid_profile.push_back({dome, kLidTop, {}});
    lid_profile.push_back({knob, kKnob, {}});
    settings.around = 384;
    settings.displacement = pot_irregularity(0.34f, 0.6f, 29u);
    Lathe lid = make_lathe(lid_profile, settings, "jar_lid");

    // One 2K atlas: the jar above, the lid below.
    const glm::vec4 body_rect(0.0f, 0.0f, 1.0f, 0.8f), lid_rect(0.0f, 0.8f, 1.0f, 1.0f);
    Canvas base(2048, 2048);
    paint_lathe_into(base, body_rect, body, [&](float u, const LatheRow& row) { return glm::vec4(crackle_colour(body, u, row, false, 300u), 1.0f); });
    paint_lathe_into(base, lid_rect, lid, [&](float u, const LatheRow& row) { return glm::vec4(crackle_colour(lid, u, row, true, 400u), 1.0f); });
    Canvas normal(1024, 2048, {128, 128, 255, 255});
    const auto jar_ring_height = [](const Lathe& l, float u, const LatheRow& row) {
        if (row.zone == kUnderside || row.zone == kFloor || row.zone == kLidUnder) return 0.0f;
        return throwing_rings(u, row, 0.008f, l.rows.front().p.y > 0.2f ? 0.00003f : 0.00005f);
    };
    for (const auto& [lathe, rect] : {std::pair<const Lathe*, glm::vec4>{&body, body_rect}, {&lid, lid_rect}}) {
        const Lathe& l = *lathe;
        paint_lathe_into(normal, rect, l, [&](float u, const LatheRow& row) {
            constexpr float kStep = 0.0003f;
            LatheRow next = row;
            next.s += kStep;
            const float du = kStep / std::max(l.circumference(row), 0.01f);
            const float h = jar_ring_height(l, u, row);
            const glm::vec3 n = glm::normalize(glm::vec3(-(jar_ring_height(l, u + du, row) - h) / kStep, -(jar_ring_height(l, u, next) - h) / kStep, 1.0f));
            return glm::vec4(n * 0.5f + 0.5f, 1.0f);
        });
    }
    lathe_fit_uv(body.mesh, body_rect);
    lathe_fit_uv(lid.mesh, lid_rect);

    assets::Model model;
    model.images.push_back(std::move(base).to_image("jar_base_color"));
    model.images.push_back(std::move(normal).to_image("jar_normal"));
    assets::Material glaze = pot_material("crackle_glaze", 0, -1, 1);
    glaze.roughness = 0.16f;
    model.materials.push_back(glaze);
    body.mesh.material = lid.mesh.material = 0;
    model.meshes.push_back(std::move(body.mesh));
    model.meshes.push_back(std::move(lid.mesh));
    return pot_sample("bt-jar-crackle.obj", FileFormat::Obj, "cm", "z", std::move(model));
}

// ---------------------------------------------------------------------------------------------
// BT-BOWL-01: brown-glaze bowl (men nâu), 16 x 7 cm; PLY with vertex colours, millimetres, Z up.

SampleFile make_bt_bowl_brown() {
    Vessel v;
    v.outer_control = {{0.031f, 0.000f}, {0.030f, 0.006f}, {0.036f, 0.012f}, {0.052f, 0.026f}, {0.066f, 0.042f},
                       {0.0755f, 0.058f}, {0.0795f, 0.0685f}};
    v.wall = 0.004f, v.foot_inner_radius = 0.024f, v.underside_height = 0.005f;
    v.inner_floor_y = 0.012f, v.outer_rows = 90, v.inner_rows = 90;
    LatheSettings settings;
    settings.around = 288;
    settings.displacement = pot_irregularity(0.07f, 0.8f, 37u);
    Lathe lathe = make_lathe(pot_profile(v), settings, "bowl");
    lathe_vertex_colours(lathe, [&](float u, const LatheRow& row) {
        const glm::vec3 p = lathe.point(u, row);
        const float glaze_edge = 0.016f + 0.004f * periodic_noise(u, row.t, 7.0f, 2, 9u);
        if (row.zone == kFoot || row.zone == kUnderside || (row.zone == kOuter && row.p.y < glaze_edge))
            return biscuit_colour(p, glm::vec3(0.74f, 0.58f, 0.44f));
        // Iron glaze: dark where it pools (the well, the glaze edge), rust where it thins (rim).
        const float thin = row.zone == kLip ? 1.0f : glm::smoothstep(0.060f, 0.069f, row.p.y) * 0.8f;
        const float pool = std::clamp((1.0f - row.occlusion) * 1.4f, 0.0f, 1.0f) +
                           (row.zone == kOuter ? 0.7f * (1.0f - glm::smoothstep(glaze_edge, glaze_edge + 0.005f, row.p.y)) : 0.0f);
        glm::vec3 c = glm::mix(glm::vec3(0.40f, 0.22f, 0.11f), glm::vec3(0.29f, 0.15f, 0.07f), fbm(p * 70.0f, 3, 13u));
        c = glm::mix(c, glm::vec3(0.15f, 0.075f, 0.04f), std::clamp(pool, 0.0f, 1.0f));
        c = glm::mix(c, glm::vec3(0.62f, 0.40f, 0.20f), thin);
        // Hare's-fur streaks where the glaze ran down from the rim in the kiln.
        const float streak = periodic_noise(u, row.t * 0.08f, 90.0f, 2, 21u);
        c *= 0.82f + 0.36f * streak;
        c = glm::mix(c, glm::vec3(0.08f, 0.05f, 0.03f), iron_speckles(p, 0.25f, 17u));
        return c * scan_grain(u, row, 19u);
    });
    assets::Model model;
    assets::Material glaze;
    glaze.name = "brown_iron_glaze";
    glaze.metallic = 0.0f;
    glaze.roughness = 0.2f;
    model.materials.push_back(glaze);
    lathe.mesh.material = 0;
    lathe.mesh.tangents.clear();
    model.meshes.push_back(std::move(lathe.mesh));
    return pot_sample("bt-bowl-brown.ply", FileFormat::Ply, "mm", "z", std::move(model));
}

// ---------------------------------------------------------------------------------------------
// BT-VASE-02: celadon garlic-head vase (bình tỏi), 16 x 30 cm, incised petals under the glaze.

namespace {

constexpr float kGarlicLow = 0.225f, kGarlicHigh = 0.282f;  // the six-lobed head

float garlic_lobes(float u, const LatheRow& row) {
    if (row.zone != kOuter || row.p.y < kGarlicLow || row.p.y > kGarlicHigh) return 0.0f;
    const float along = (row.p.y - kGarlicLow) / (kGarlicHigh - kGarlicLow);
    const float bump = std::sin(kPi * along);
    return 0.0045f * bump * (std::pow(std::abs(std::cos(6.0f * kPi * u)), 0.5f) - 0.55f);
}

// Incised lotus petals round the body: depth in metres (negative = cut in).
float garlic_incision(const Lathe& lathe, float u, const LatheRow& row, float lo, float hi) {
    if (row.zone != kOuter || row.s < lo || row.s > hi) return 0.0f;
    const MotifCell c = motif_cell(lathe, u, row, lo, hi, 12);
    const float t = c.y / c.h;
    const float half = 0.44f * c.w * std::sqrt(std::max(0.0f, 1.0f - t)) * std::min(1.0f, 4.0f * t + 0.4f);
    return -0.0004f * line_mask(std::abs(c.x) - half, 0.0005f, 0.0004f);
}

}  // namespace

SampleFile make_bt_vase_garlic_celadon() {
    Vessel v;
    v.outer_control = {{0.047f, 0.000f}, {0.046f, 0.008f}, {0.052f, 0.020f}, {0.068f, 0.045f}, {0.0785f, 0.075f},
                       {0.077f, 0.105f}, {0.064f, 0.135f}, {0.042f, 0.165f}, {0.026f, 0.195f}, {0.021f, 0.215f},
                       {0.026f, 0.232f}, {0.031f, 0.250f}, {0.027f, 0.272f}, {0.020f, 0.283f}, {0.021f, 0.292f},
                       {0.025f, 0.2985f}};
    v.wall = 0.004f, v.foot_inner_radius = 0.038f, v.underside_height = 0.005f;
    v.inner_floor_y = 0.255f, v.outer_rows = 220, v.inner_rows = 16;
    LatheSettings settings;
    settings.around = 224;
    settings.zone_texture_weight = pot_texture_weights();
    const auto irregular = pot_irregularity(0.30f, 0.8f, 41u);
    settings.displacement = [&](float u, const LatheRow& row) { return irregular(u, row) + garlic_lobes(u, row); };
    Lathe lathe = make_lathe(pot_profile(v), settings, "garlic_vase");
    const float petals_lo = pot_s_at(lathe, 0.018f), petals_hi = pot_s_at(lathe, 0.085f);

    assets::Model model;
    model.images.push_back(paint_lathe(lathe, 1024, 1024, "garlic_vase_base_color", [&](float u, const LatheRow& row) {
        const glm::vec3 p = lathe.point(u, row);
        const float edge = 0.009f + 0.003f * periodic_noise(u, row.t, 8.0f, 2, 3u);
        if (row.zone == kFoot || (row.zone == kOuter && row.p.y < edge))
            return glm::vec4(biscuit_colour(p, glm::vec3(0.72f, 0.50f, 0.36f)), 1.0f);
        const float cut = -garlic_incision(lathe, u, row, petals_lo, petals_hi) / 0.0004f;
        const float lobe_groove = row.zone == kOuter && row.p.y > kGarlicLow && row.p.y < kGarlicHigh
                                      ? std::pow(1.0f - std::abs(std::cos(6.0f * kPi * u)), 6.0f) * 0.7f
                                      : 0.0f;
        const float pool = (1.0f - row.occlusion) * 1.6f + 0.7f * cut + lobe_groove +
                           (row.zone == kOuter ? 0.6f * (1.0f - glm::smoothstep(edge, edge + 0.004f, row.p.y)) : 0.0f);
        const float thin = row.zone == kLip ? 0.6f : 0.0f;
        return glm::vec4(celadon_colour(p, u, row, pool, thin), 1.0f);
    }));
    model.images.push_back(paint_lathe(lathe, 1024, 1024, "garlic_vase_orm", [&](float u, const LatheRow& row) {
        return pot_orm(u, row, 0.09f, row.zone != kFoot && !(row.zone == kOuter && row.p.y < 0.009f));
    }));
    model.images.push_back(lathe_normal_map(lathe, 1024, 1024, "garlic_vase_normal", [&](float u, const LatheRow& row) {
        return throwing_rings(u, row, 0.006f, 0.000018f) + garlic_incision(lathe, u, row, petals_lo, petals_hi);
    }));
    model.materials.push_back(pot_material("celadon_glaze", 0, 1, 2));
    lathe.mesh.material = 0;
    model.meshes.push_back(std::move(lathe.mesh));
    return pot_sample("bt-vase-garlic-celadon.glb", FileFormat::Glb, "m", "y", std::move(model));
}

}  // namespace ocop::samples
