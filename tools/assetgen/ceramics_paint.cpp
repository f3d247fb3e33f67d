// Brushwork and kiln effects of the Bát Tràng samples. Motifs are drawn as distance tests in
// surface metres, so a brush line keeps its width wherever it is on the pot.
#include "ceramics_paint.h"

#include <algorithm>
#include <cmath>

#include "paint.h"

namespace ocop::samples {
namespace {

constexpr float kLine = 0.00075f;  // half-width of an outline stroke, metres

float pot_stroke(float distance, float half_width = kLine) { return line_mask(distance, half_width, 0.00025f); }

float pot_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
    return glm::length(p - (a + t * ab));
}

// A pointed petal from `base` along `direction`: outline 0.95, wash inside with veins.
float pot_petal(glm::vec2 p, glm::vec2 base, float angle, float length, float width, bool* inside) {
    const glm::vec2 dir(std::sin(angle), std::cos(angle));
    const glm::vec2 across(dir.y, -dir.x);
    const glm::vec2 d = p - base;
    const float a = glm::dot(d, dir) / length, b = glm::dot(d, across);
    *inside = false;
    if (a < -0.05f || a > 1.05f) return 0.0f;
    const float ac = std::clamp(a, 0.0f, 1.0f);
    const float half = width * std::pow(ac, 0.55f) * std::pow(1.0f - ac, 0.8f) * 1.9f;
    const float edge = std::abs(b) - half;
    if (edge < 0.0f) *inside = true;
    const float outline = pot_stroke(edge);
    if (edge > kLine) return 0.0f;
    const float vein = pot_stroke(std::abs(b) - 0.45f * half, 0.35f * kLine) * (a > 0.15f && a < 0.8f ? 0.5f : 0.0f);
    return std::max({outline * 0.95f, vein, 0.32f + 0.12f * a});
}

// A round lotus leaf seen a little from above: outline, dark wash, lighter radial veins.
float pot_leaf(glm::vec2 p, glm::vec2 centre, float radius, float tilt, bool* inside) {
    glm::vec2 d = p - centre;
    d.y /= tilt;
    const float r = glm::length(d), angle = std::atan2(d.y, d.x);
    const float wavy = radius * (1.0f + 0.04f * std::sin(9.0f * angle));
    *inside = r < wavy;
    if (r > wavy + kLine) return 0.0f;
    const float outline = pot_stroke(r - wavy);
    const float sector = angle * 7.0f / kPi;
    const float vein = r > 0.15f * radius ? pot_stroke((sector - std::round(sector)) * r * kPi / 7.0f, 0.3f * kLine) : 0.0f;
    return std::max(outline * 0.95f, vein > 0.5f ? 0.3f : 0.58f);
}

}  // namespace

MotifCell motif_cell(const Lathe& lathe, float u, const LatheRow& row, float lo_s, float hi_s, int repeats, float phase) {
    const float n = static_cast<float>(repeats);
    const float w = lathe.circumference(row) / n;
    const float k = u * n + phase;
    return {(k - std::floor(k) - 0.5f) * w, row.s - lo_s, w, hi_s - lo_s,
            static_cast<int>(std::floor(k)) % repeats};
}

float lotus_pond_ink(const MotifCell& cell) {
    const float w = cell.w, h = cell.h;
    glm::vec2 p(cell.index % 2 == 0 ? cell.x : -cell.x, cell.y);  // mirrored every other repeat
    bool inside = false;
    // Flower: front petal first, so hidden outlines are not drawn (as a painter would).
    const glm::vec2 base(0.02f * w, 0.36f * h);
    for (const float angle : {0.0f, -0.42f, 0.42f, -0.85f, 0.85f}) {
        const float length = 0.52f * h * (1.0f - 0.25f * std::abs(angle));
        const float ink = pot_petal(p, base, angle, length, 0.13f * h, &inside);
        if (inside || ink > 0.0f) return ink;
    }
    // Receptacle under the petals.
    if (std::abs(p.y - 0.34f * h) < 0.035f * h && std::abs(p.x - base.x) < 0.1f * h) return 0.85f;
    // A bud on its own stem.
    const float bud = pot_petal(p, glm::vec2(0.30f * w, 0.62f * h), -0.25f, 0.2f * h, 0.07f * h, &inside);
    if (inside || bud > 0.0f) return std::max(bud, 0.5f);
    // Leaves: a big one left, a smaller one right.
    const float big = pot_leaf(p, glm::vec2(-0.28f * w, 0.40f * h), 0.30f * h, 0.62f, &inside);
    if (inside || big > 0.0f) return big;
    const float small = pot_leaf(p, glm::vec2(0.27f * w, 0.26f * h), 0.21f * h, 0.55f, &inside);
    if (inside || small > 0.0f) return small;
    // Stems, gently curved, from the water.
    const float wave = 0.015f * h * std::sin(p.y / h * 5.0f);
    float stem = 0.0f;
    if (p.y < base.y) stem = std::max(stem, pot_stroke(p.x - (base.x + wave + 0.03f * (base.y - p.y)), 1.3f * kLine));
    stem = std::max(stem, pot_stroke(pot_segment_distance(p, glm::vec2(-0.05f * w, 0.0f), glm::vec2(-0.28f * w, 0.40f * h - 0.15f * h)), 1.2f * kLine));
    stem = std::max(stem, pot_stroke(pot_segment_distance(p, glm::vec2(0.08f * w, 0.0f), glm::vec2(0.27f * w, 0.26f * h - 0.1f * h)), 1.2f * kLine));
    stem = std::max(stem, pot_stroke(pot_segment_distance(p, glm::vec2(0.12f * w, 0.0f), glm::vec2(0.30f * w, 0.62f * h)), 1.1f * kLine));
    if (stem > 0.0f) return 0.9f * stem;
    // Water weed: short slanted blades along the bottom.
    if (p.y < 0.16f * h) {
        const float pitch = 0.011f;
        const float k = std::floor(p.x / pitch);
        const float lean = (hash01(static_cast<int>(k), 7, 0, 11u) - 0.5f) * 0.8f;
        const float top = (0.06f + 0.1f * hash01(static_cast<int>(k), 3, 0, 11u)) * h;
        const float blade = p.x - (k + 0.5f) * pitch - lean * p.y;
        if (p.y < top) return 0.8f * pot_stroke(blade, 0.6f * kLine * (1.0f - p.y / top) + 0.1f * kLine);
    }
    return 0.0f;
}

float lotus_petal_panels_ink(const MotifCell& c) {
    const float t = c.y / c.h;
    const float half = 0.46f * c.w * std::sqrt(std::max(0.0f, 1.0f - t)) * std::min(1.0f, 4.0f * t + 0.35f);
    const float edge = std::abs(c.x) - half;
    if (edge > kLine) return 0.0f;
    const float outline = pot_stroke(edge);
    const float inner = 0.25f * c.w * std::sqrt(std::max(0.0f, 0.72f - t)) * std::clamp((t - 0.1f) * 6.0f, 0.0f, 1.0f);
    return std::max(outline * 0.95f, std::abs(c.x) < inner ? 0.75f : 0.2f);
}

float chrysanthemum_scroll_ink(const MotifCell& c) {
    const glm::vec2 p(c.x, c.y - 0.5f * c.h);
    const float r = glm::length(p), angle = std::atan2(p.y, p.x);
    const float radius = 0.36f * c.h;
    const float petal_edge = radius * (0.78f + 0.22f * std::abs(std::cos(8.0f * angle)));
    if (r < 0.22f * radius) return 0.9f;  // the seed head, solid
    if (r < 0.3f * radius) return pot_stroke(r - 0.3f * radius, 0.5f * kLine) * 0.9f;
    if (r < petal_edge + kLine) {
        const float ray = pot_stroke(std::sin(8.0f * angle) * r, 0.45f * kLine);
        return std::max({pot_stroke(r - petal_edge) * 0.95f, ray * 0.8f, 0.3f});
    }
    // The scrolling vine from cell to cell, with a leaf at each side of the flower.
    const float phase = c.x / c.w * 2.0f * kPi;
    const float vine_y = 0.5f * c.h + 0.3f * c.h * std::sin(phase + 0.5f * kPi) * (std::abs(c.x) > 0.3f * c.w ? 1.0f : 0.0f);
    if (std::abs(c.x) > radius) {
        const float vine = pot_stroke(c.y - vine_y, 1.1f * kLine);
        if (vine > 0.0f) return 0.9f * vine;
    }
    for (const float side : {-1.0f, 1.0f}) {
        glm::vec2 l(c.x - side * 0.3f * c.w, c.y - (0.5f + side * 0.22f) * c.h);
        const float cs = 0.8f, sn = side * 0.6f;
        l = glm::vec2(cs * l.x + sn * l.y, -sn * l.x + cs * l.y);
        const float e = (l.x * l.x) / (0.16f * c.h * 0.16f * c.h) + (l.y * l.y) / (0.06f * c.h * 0.06f * c.h);
        if (e < 1.0f) return std::abs(l.y) < 0.35f * kLine ? 0.25f : (e > 0.8f ? 0.95f : 0.55f);
    }
    return 0.0f;
}

float banana_leaf_ink(const MotifCell& c) {
    const float t = c.y / c.h;
    const float half = 0.42f * c.w * (1.0f - t) * std::min(1.0f, 5.0f * t + 0.25f);
    const float edge = std::abs(c.x) - half;
    if (edge > kLine) return 0.0f;
    const float outline = std::max(pot_stroke(edge, 0.9f * kLine), pot_stroke(c.x, 0.8f * kLine));
    const float vein = c.y / 0.004f - std::abs(c.x) / 0.006f;
    return std::max(outline * 0.95f, vein - std::floor(vein) < 0.22f ? 0.55f : 0.2f);
}

float cloud_collar_ink(const MotifCell& c) {
    const float px = c.x / c.w, from_top = (c.h - c.y) / c.h;
    const float bell = std::pow(std::max(0.0f, std::cos(kPi * px)), 0.7f);
    const float depth = 0.82f * bell + 0.08f * std::cos(6.0f * kPi * px) * bell;
    const float inside = (depth - from_top) * c.h;
    if (inside < -kLine) return 0.0f;
    if (inside < kLine) return 0.95f * pot_stroke(inside);
    if (std::abs(inside - 0.0035f) < 0.0006f) return 0.0f;  // a reserved white line
    return 0.8f;
}

float cobalt_variation(glm::vec3 p, float ink) {
    if (ink <= 0.0f) return 0.0f;
    const float load = fbm(p * 140.0f, 3, 501u);             // the brush's load along a stroke
    const float heap = value_noise(p * 1400.0f, 502u);       // grains of heaped cobalt
    const float v = ink * (0.72f + 0.55f * load) + (ink > 0.8f ? 0.12f * (heap - 0.5f) : 0.0f);
    return std::clamp(v, 0.0f, 1.1f);
}

glm::vec3 cobalt_on_glaze(glm::vec3 glaze, float ink) {
    // Cobalt absorbs red and green far more than blue (Beer-Lambert in the glaze layer).
    const glm::vec3 transmittance(0.40f, 0.49f, 0.71f);
    return glaze * glm::pow(transmittance, glm::vec3(ink * 1.9f));
}

float crackle_network(float u, const LatheRow& row, int cells_around, std::uint32_t seed) {
    const float n = static_cast<float>(cells_around);
    // A gentle seamless warp keeps the crack lines from being ruler-straight.
    const float warp_x = periodic_noise(u, row.t, 3.0f * n, 1, seed + 5) - 0.5f;
    const float warp_y = periodic_noise(u, row.t, 3.0f * n, 1, seed + 9) - 0.5f;
    const glm::vec2 p(u * n + 0.35f * warp_x, row.t * n + 0.35f * warp_y);
    const Cells coarse = cellular2(p, seed, 0.9f, cells_around);
    const float big = line_mask(coarse.f2 - coarse.f1, 0.018f, 0.03f);
    const Cells fine = cellular2(p * 3.0f, seed + 17, 0.9f, cells_around * 3);
    const float small = line_mask(fine.f2 - fine.f1, 0.03f, 0.05f) * 0.45f;
    return std::max(big, small);
}

float iron_speckles(glm::vec3 p, float density, std::uint32_t seed) {
    constexpr float kCell = 0.0016f;
    const glm::vec3 q = p / kCell;
    const glm::vec3 i = glm::floor(q);
    const int x = static_cast<int>(i.x), y = static_cast<int>(i.y), z = static_cast<int>(i.z);
    if (hash01(x, y, z, seed) > density) return 0.0f;
    const glm::vec3 centre = i + glm::vec3(0.3f + 0.4f * hash01(x, y, z, seed + 1), 0.3f + 0.4f * hash01(x, y, z, seed + 2),
                                           0.3f + 0.4f * hash01(x, y, z, seed + 3));
    const float radius = 0.08f + 0.2f * hash01(x, y, z, seed + 4);
    return 1.0f - glm::smoothstep(radius * 0.6f, radius, glm::length(q - centre));
}

float throwing_rings(float u, const LatheRow& row, float pitch, float amplitude) {
    const float strength = 0.5f + periodic_noise(u, row.t, 6.0f, 2, 611u);
    return amplitude * strength * std::sin(2.0f * kPi * (row.s / pitch + u + 0.2f * std::sin(2.0f * kPi * u)));
}

float scan_grain(float u, const LatheRow& row, std::uint32_t seed) {
    const int x = static_cast<int>(u * 4096.0f), y = static_cast<int>(row.s * 5000.0f);
    const float sensor = hash01(x, y, 0, seed) - 0.5f;
    const float blotch = periodic_noise(u, row.t, 10.0f, 2, seed + 1) - 0.5f;
    return 1.0f + 0.035f * sensor + 0.06f * blotch;
}

glm::vec3 biscuit_colour(glm::vec3 p, glm::vec3 tint) {
    const float grain = fbm(p * 900.0f, 2, 701u);
    const float flash = fbm(p * 60.0f, 2, 702u);
    glm::vec3 c = tint * (0.86f + 0.22f * grain);
    c = glm::mix(c, c * glm::vec3(1.05f, 0.93f, 0.85f), 0.7f * glm::smoothstep(0.5f, 0.75f, flash));  // kiln flashing
    return glm::clamp(c, 0.0f, 1.0f);
}

// ---------------------------------------------------------------------------------------------

std::vector<LatheSegment> pot_profile(const Vessel& v) {
    const glm::vec2 foot_outer = v.outer_control.front();
    std::vector<LatheSegment> profile;
    profile.push_back({lathe_line({0.0f, v.underside_height}, {v.foot_inner_radius, v.underside_height}, 10), kUnderside, {}});
    LatheSegment foot{lathe_line({v.foot_inner_radius, v.underside_height}, {v.foot_inner_radius + 0.002f, 0.0f}, 4), kFoot, {}};
    for (const glm::vec2& p : lathe_line({v.foot_inner_radius + 0.002f, 0.0f}, foot_outer, 4)) {
        if (p != foot.points.back()) foot.points.push_back(p);
    }
    profile.push_back(foot);

    const std::vector<glm::vec2> outer = lathe_resample(lathe_spline(v.outer_control, 48), v.outer_rows);
    LatheSegment wall{outer, kOuter, std::vector<int>(outer.size(), kOuter)};
    for (const glm::vec2& p : lathe_lip(outer, v.wall, 10)) wall.points.push_back(p), wall.point_zones.push_back(kLip);
    std::vector<glm::vec2> inner;
    for (const glm::vec2& p : lathe_inner_wall(outer, v.wall))
        if (p.y >= v.inner_floor_y) inner.push_back(p);
    inner = lathe_resample(inner, v.inner_rows);
    for (const glm::vec2& p : inner) wall.points.push_back(p), wall.point_zones.push_back(kInner);
    profile.push_back(wall);
    profile.push_back({lathe_line(inner.back(), {0.0f, inner.back().y}, 10), kFloor, {}});
    return profile;
}

// Arc length on the outside at height y (for painting bands at real heights).
float pot_s_at(const Lathe& lathe, float y) {
    for (std::size_t i = 0; i + 1 < lathe.rows.size(); ++i) {
        const LatheRow& a = lathe.rows[i];
        const LatheRow& b = lathe.rows[i + 1];
        if (a.zone == kOuter && b.zone == kOuter && a.p.y <= y && b.p.y > y)
            return glm::mix(a.s, b.s, (y - a.p.y) / (b.p.y - a.p.y));
    }
    return 0.0f;
}

// Hand-thrown, not machined: a slightly oval, slightly leaning wall whose thickness varies.
std::function<float(float, const LatheRow&)> pot_irregularity(float height, float scale, std::uint32_t seed) {
    const float phase = 6.0f * hash01(1, 2, 3, seed), lean_phase = 6.0f * hash01(4, 5, 6, seed);
    return [=](float u, const LatheRow& row) {
        if (row.zone == kUnderside || row.zone == kFloor || row.zone == kFoot) return 0.0f;
        const float h = std::clamp(row.p.y / height, 0.0f, 1.0f);
        const float oval = 0.0007f * std::cos(2.0f * kPi * 2.0f * u + phase) * std::sin(kPi * h);
        const float lean = 0.0012f * h * std::cos(2.0f * kPi * u + lean_phase);
        const float wobble = 0.0006f * (periodic_noise(u, row.t, 7.0f, 2, seed) - 0.5f);
        return scale * (oval + lean + wobble);
    };
}

std::vector<float> pot_texture_weights() {
    std::vector<float> w(kPotZones, 1.0f);
    w[kUnderside] = 0.35f, w[kInner] = 0.4f, w[kFloor] = 0.15f, w[kFoot] = 0.6f, w[kLidUnder] = 0.3f;
    return w;
}

// R occlusion (profile AO with scan noise), G roughness, B metallic 0.
glm::vec4 pot_orm(float u, const LatheRow& row, float glaze_roughness, bool glazed) {
    const float noise = periodic_noise(u, row.t, 40.0f, 2, 811u) - 0.5f;
    const float occlusion = std::clamp(row.occlusion * (1.0f + 0.04f * noise), 0.0f, 1.0f);
    const float roughness = glazed ? glaze_roughness * (1.0f + 0.5f * noise) : 0.78f + 0.1f * noise;
    return {occlusion, roughness, 0.0f, 1.0f};
}

assets::Material pot_material(const std::string& name, int base, int orm, int normal) {
    assets::Material m;
    m.name = name;
    m.metallic = 0.0f;
    m.roughness = 1.0f;
    m.base_color_texture.image = base;
    if (orm >= 0) m.metallic_roughness_texture.image = orm, m.occlusion_texture.image = orm;
    if (normal >= 0) m.normal_texture.image = normal;
    // u wraps round the pot; v runs along the profile and must not wrap.
    for (assets::TextureRef* ref : {&m.base_color_texture, &m.metallic_roughness_texture, &m.occlusion_texture, &m.normal_texture})
        ref->wrap_t = assets::Wrap::ClampToEdge;
    return m;
}

SampleFile pot_sample(std::string name, FileFormat format, std::string units, std::string up, assets::Model model) {
    SampleFile file;
    model.source = name;
    file.name = std::move(name);
    file.format = format;
    file.model = std::move(model);
    file.units = std::move(units);
    file.up = std::move(up);
    return file;
}

// Jade celadon: darker and greener where the glaze pools (incisions, hollows), paler on edges.
glm::vec3 celadon_colour(glm::vec3 p, float u, const LatheRow& row, float pool, float thin) {
    glm::vec3 c = glm::mix(glm::vec3(0.50f, 0.63f, 0.54f), glm::vec3(0.62f, 0.72f, 0.60f), fbm(p * 30.0f, 3, 51u));
    c = glm::mix(c, glm::vec3(0.30f, 0.46f, 0.38f), std::clamp(pool, 0.0f, 1.0f));
    c = glm::mix(c, glm::vec3(0.72f, 0.74f, 0.60f), std::clamp(thin, 0.0f, 1.0f));
    return c * scan_grain(u, row, 53u);
}

}  // namespace ocop::samples
