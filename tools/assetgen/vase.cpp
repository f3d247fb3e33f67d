// The sample vase: a lathe of a (radius, height) profile plus a painted cobalt-on-white glaze.
// Everything is a pure function of the constants below, so the output is deterministic.
#include "vase.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

namespace ocop::samples {
namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kWall = 0.004f;      // wall thickness, metres
constexpr int kSegmentsAround = 80;  // ~29k triangles: smooth silhouettes in a close-up
constexpr int kTextureSize = 1024;
constexpr int kOrmWidth = 16;       // occlusion/roughness only vary along the profile
constexpr float kStroke = 0.0007f;  // half-width of a brush line, metres

enum class Zone { Underside, FootRing, Outer, Lip, Inner, Floor };

struct ProfilePoint {
    glm::vec2 p;       // (radius, height), metres
    glm::vec2 normal;  // unit, in the (radius, height) plane
    Zone zone;
    float s = 0.0f;  // arc length from the centre of the underside
    float v = 0.0f;  // texture coordinate along the profile
};
using ProfileSegment = std::vector<ProfilePoint>;  // smooth inside; creases between segments

// Outer wall from the foot ring to the lip, (radius, height) in metres: foot, waist, belly,
// shoulder, narrow neck and a flared lip, the proportions of a Bát Tràng "bình".
constexpr std::array<glm::vec2, 15> kOuterControl{{{0.050f, 0.000f},
                                                   {0.0485f, 0.010f},
                                                   {0.047f, 0.016f},
                                                   {0.054f, 0.026f},
                                                   {0.072f, 0.048f},
                                                   {0.090f, 0.080f},
                                                   {0.098f, 0.115f},
                                                   {0.094f, 0.150f},
                                                   {0.078f, 0.185f},
                                                   {0.054f, 0.212f},
                                                   {0.038f, 0.235f},
                                                   {0.034f, 0.255f},
                                                   {0.037f, 0.275f},
                                                   {0.045f, 0.291f},
                                                   {0.052f, 0.298f}}};

// Uniform Catmull-Rom through the control points (ends repeated).
std::vector<glm::vec2> catmull_rom(std::span<const glm::vec2> control, int steps_per_span) {
    std::vector<glm::vec2> out;
    for (std::size_t i = 0; i + 1 < control.size(); ++i) {
        const glm::vec2 p0 = control[i == 0 ? 0 : i - 1], p1 = control[i], p2 = control[i + 1];
        const glm::vec2 p3 = control[std::min(i + 2, control.size() - 1)];
        for (int k = 0; k < steps_per_span; ++k) {
            const float t = static_cast<float>(k) / static_cast<float>(steps_per_span);
            out.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t +
                                  (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t * t +
                                  (3.0f * p1 - p0 - 3.0f * p2 + p3) * t * t * t));
        }
    }
    out.push_back(control.back());
    return out;
}

// `count` points evenly spaced by arc length along a dense polyline.
std::vector<glm::vec2> resample(const std::vector<glm::vec2>& dense, int count) {
    std::vector<float> length(dense.size(), 0.0f);
    for (std::size_t i = 1; i < dense.size(); ++i)
        length[i] = length[i - 1] + glm::distance(dense[i - 1], dense[i]);
    std::vector<glm::vec2> out;
    std::size_t seg = 0;
    for (int k = 0; k < count; ++k) {
        const float target = length.back() * static_cast<float>(k) / static_cast<float>(count - 1);
        while (seg + 2 < dense.size() && length[seg + 1] < target) ++seg;
        const float span = std::max(length[seg + 1] - length[seg], 1e-9f);
        out.push_back(glm::mix(dense[seg], dense[seg + 1],
                               std::clamp((target - length[seg]) / span, 0.0f, 1.0f)));
    }
    return out;
}

std::vector<glm::vec2> straight(glm::vec2 from, glm::vec2 to, int count) {
    std::vector<glm::vec2> out;
    for (int k = 0; k < count; ++k)
        out.push_back(glm::mix(from, to, static_cast<float>(k) / static_cast<float>(count - 1)));
    return out;
}

// The right-hand normal of the direction of travel: walking the profile from the underside
// centre out, up the outside, over the lip and down the inside keeps it on the visible side.
glm::vec2 right_normal(glm::vec2 direction) {
    return glm::normalize(glm::vec2(direction.y, -direction.x));
}

void append(ProfileSegment& segment, const std::vector<glm::vec2>& points, Zone zone) {
    for (const glm::vec2& p : points) segment.push_back({p, {0, 0}, zone});
}

// Normals from the mean of the unit edge directions, so uneven spacing does not tilt them.
ProfileSegment with_normals(ProfileSegment segment) {
    for (std::size_t i = 0; i < segment.size(); ++i) {
        glm::vec2 direction(0.0f);
        if (i > 0) direction += glm::normalize(segment[i].p - segment[i - 1].p);
        if (i + 1 < segment.size()) direction += glm::normalize(segment[i + 1].p - segment[i].p);
        segment[i].normal = right_normal(direction);
    }
    return segment;
}

ProfileSegment straight_segment(glm::vec2 from, glm::vec2 to, int count, Zone zone) {
    ProfileSegment segment;
    append(segment, straight(from, to, count), zone);
    return with_normals(std::move(segment));
}

// Outside, rounded lip and inside as one smooth segment; the inside is the outside offset by
// the wall thickness, down to the floor of the cavity.
ProfileSegment wall_segment(glm::vec2* cavity_floor_edge) {
    const std::vector<glm::vec2> outer = catmull_rom(kOuterControl, 64);
    ProfileSegment wall;
    append(wall, resample(outer, 110), Zone::Outer);

    const glm::vec2 end = outer.back();
    const glm::vec2 end_direction = glm::normalize(end - outer[outer.size() - 2]);
    const glm::vec2 end_normal = right_normal(end_direction);
    const glm::vec2 lip_centre = end - end_normal * (0.5f * kWall);
    std::vector<glm::vec2> lip;
    for (int k = 1; k < 12; ++k) {
        const float a = kPi * static_cast<float>(k) / 12.0f;
        lip.push_back(lip_centre +
                      0.5f * kWall * (std::cos(a) * end_normal + std::sin(a) * end_direction));
    }
    append(wall, lip, Zone::Lip);

    std::vector<glm::vec2> inner;
    for (std::size_t i = outer.size() - 1; i > 0 && outer[i].y >= 0.03f; --i)
        inner.push_back(outer[i] - kWall * right_normal(outer[std::min(i + 1, outer.size() - 1)] -
                                                        outer[i - 1]));
    const std::vector<glm::vec2> inner_even = resample(inner, 40);
    append(wall, inner_even, Zone::Inner);
    *cavity_floor_edge = inner_even.back();
    return with_normals(std::move(wall));
}

// How much texture height a zone gets per metre: the outside carries the painting.
float texture_weight(Zone zone) {
    switch (zone) {
        case Zone::Inner:
            return 0.35f;
        case Zone::Underside:
            return 0.3f;
        case Zone::Floor:
            return 0.2f;
        default:
            return 1.0f;
    }
}

std::vector<ProfileSegment> vase_profile() {
    std::vector<ProfileSegment> profile;
    // A recessed, glazed underside inside an unglazed foot ring, as thrown pots are turned.
    profile.push_back(straight_segment({0.0f, 0.005f}, {0.038f, 0.005f}, 8, Zone::Underside));
    profile.push_back(straight_segment({0.038f, 0.005f}, {0.043f, 0.0f}, 3, Zone::FootRing));
    profile.push_back(straight_segment({0.043f, 0.0f}, {0.050f, 0.0f}, 3, Zone::FootRing));
    glm::vec2 floor_edge{};
    profile.push_back(wall_segment(&floor_edge));
    profile.push_back(straight_segment(floor_edge, {0.0f, floor_edge.y}, 7, Zone::Floor));

    float s = 0.0f, weighted = 0.0f;
    glm::vec2 previous = profile.front().front().p;
    for (ProfileSegment& segment : profile)
        for (ProfilePoint& point : segment) {
            const float step = glm::distance(previous, point.p);
            s += step;
            weighted += step * texture_weight(point.zone);
            point.s = s;
            point.v = weighted;
            previous = point.p;
        }
    // v runs from 1 at the underside to 0 inside, so the painting stands upright in the image.
    for (ProfileSegment& segment : profile)
        for (ProfilePoint& point : segment) point.v = 1.0f - point.v / weighted;
    return profile;
}

assets::Mesh lathe(const std::vector<ProfileSegment>& profile) {
    assets::Mesh mesh;
    mesh.name = "glazed_vase";
    const std::uint32_t ring = kSegmentsAround + 1;  // the seam column is duplicated for u = 1
    for (const ProfileSegment& segment : profile) {
        const auto first = static_cast<std::uint32_t>(mesh.positions.size());
        for (const ProfilePoint& point : segment)
            for (int j = 0; j <= kSegmentsAround; ++j) {
                const float u = static_cast<float>(j) / kSegmentsAround;
                const float sin_a = std::sin(2.0f * kPi * u), cos_a = std::cos(2.0f * kPi * u);
                // u = 0 faces the front (+Z); u grows towards +X.
                mesh.positions.push_back({point.p.x * sin_a, point.p.y, point.p.x * cos_a});
                mesh.normals.push_back(
                    {point.normal.x * sin_a, point.normal.y, point.normal.x * cos_a});
                // dP/du; cross(N, T) then points along the profile, towards smaller v (w = +1).
                mesh.tangents.push_back({cos_a, 0.0f, -sin_a, 1.0f});
                mesh.uv0.push_back({u, point.v});
            }
        for (std::uint32_t i = 0; i + 1 < segment.size(); ++i)
            for (std::uint32_t j = 0; j < kSegmentsAround; ++j) {
                const std::uint32_t a = first + i * ring + j, b = a + 1, d = a + ring, c = d + 1;
                // A ring on the axis is a single point: keep only the non-degenerate triangle.
                if (segment[i].p.x > 0.0f) mesh.indices.insert(mesh.indices.end(), {a, b, d});
                if (segment[i + 1].p.x > 0.0f) mesh.indices.insert(mesh.indices.end(), {b, c, d});
            }
    }
    return mesh;
}

// ---------------------------------------------------------------------------------------------
// The glaze painting, in metres on the surface so brush lines keep one width everywhere.

float hash01(int x, int y) {
    std::uint32_t h =
        static_cast<std::uint32_t>(x) * 374761393u + static_cast<std::uint32_t>(y) * 668265263u;
    h = (h ^ (h >> 13)) * 1274126177u;
    return static_cast<float>((h ^ (h >> 16)) & 0xFFFFu) / 65535.0f;
}

// Smooth value noise, periodic in u (no seam) with `period` cells around.
float value_noise(float u, float t, int period) {
    const float x = u * static_cast<float>(period);
    const int x0 = static_cast<int>(std::floor(x)), y0 = static_cast<int>(std::floor(t));
    const float fx = x - static_cast<float>(x0), fy = t - static_cast<float>(y0);
    const auto at = [&](int dx, int dy) {
        return hash01(((x0 + dx) % period + period) % period, y0 + dy);
    };
    const float sx = fx * fx * (3 - 2 * fx), sy = fy * fy * (3 - 2 * fy);
    return glm::mix(glm::mix(at(0, 0), at(1, 0), sx), glm::mix(at(0, 1), at(1, 1), sx), sy);
}

struct RowSample {  // what one texture row shows
    Zone zone = Zone::Outer;
    float y = 0, r = 0, s = 0;
};

// Rows are linear in v between rings, as the rasteriser interpolates them.
RowSample row_sample(const std::vector<ProfilePoint>& rings, float v) {
    for (std::size_t i = 0; i + 1 < rings.size(); ++i) {
        const ProfilePoint& a = rings[i];
        const ProfilePoint& b = rings[i + 1];
        if (a.v <= b.v || v > a.v || v < b.v) continue;
        const float t = (a.v - v) / (a.v - b.v);
        return {t < 0.5f ? a.zone : b.zone, glm::mix(a.p.y, b.p.y, t), glm::mix(a.p.x, b.p.x, t),
                glm::mix(a.s, b.s, t)};
    }
    return {rings.back().zone, rings.back().p.y, rings.back().p.x, rings.back().s};
}

// A band of `repeats` motifs: x across the cell (centred), y up from the band's lower edge.
struct Cell {
    float x, y, w, h;
};
Cell band_cell(float u, const RowSample& row, float lo, float hi, int repeats) {
    const float n = static_cast<float>(repeats);
    const float w = 2.0f * kPi * row.r / n;
    return {(u * n - std::floor(u * n) - 0.5f) * w, row.s - lo, w, hi - lo};
}

bool on_stroke(float distance, float half_width = kStroke) {
    return std::abs(distance) < half_width;
}

// Lotus-petal panels (cánh sen) round the lower body, tips up, each with an inner petal.
float lotus_ink(const Cell& c) {
    const float t = c.y / c.h;
    const float half =
        0.46f * c.w * std::sqrt(std::max(0.0f, 1.0f - t)) * std::min(1.0f, 4.0f * t + 0.35f);
    const float edge = std::abs(c.x) - half;
    if (on_stroke(edge)) return 0.95f;
    if (edge > 0.0f) return 0.0f;
    const float inner = 0.25f * c.w * std::sqrt(std::max(0.0f, 0.72f - t)) *
                        std::clamp((t - 0.1f) * 6.0f, 0.0f, 1.0f);
    return std::abs(c.x) < inner ? 0.8f : 0.22f;
}

// A flower scroll on the belly: a wavy vine, rosettes inside its bends, leaves where it crosses.
float scroll_ink(float u, const RowSample& row, float lo, float hi) {
    constexpr int kWaves = 6;
    const float circumference = 2.0f * kPi * row.r, wave = circumference / kWaves;
    const float x = u * circumference, h = hi - lo, mid = lo + 0.5f * h, amp = 0.32f * h;
    const float phase = 2.0f * kPi * x / wave;
    const float slope = amp * 2.0f * kPi / wave * std::cos(phase);
    if (on_stroke((row.s - mid - amp * std::sin(phase)) / std::sqrt(1.0f + slope * slope),
                  1.1f * kStroke))
        return 0.95f;
    // Rosette at the nearest crest (even q) or trough (odd q), inside the bend.
    const float radius = 0.3f * h;
    const int q = static_cast<int>(std::lround((x / wave - 0.25f) * 2.0f));
    const float side = (q % 2 == 0) ? 1.0f : -1.0f;
    const glm::vec2 d(x - (0.25f + 0.5f * static_cast<float>(q)) * wave,
                      row.s - (mid + side * (amp - radius - 0.0025f)));
    const float dist = glm::length(d), angle = std::atan2(d.y, d.x);
    const float petal_edge = radius * (0.8f + 0.2f * std::cos(8.0f * angle));
    if (dist < 0.25f * radius) return 0.95f;
    if (dist < 0.34f * radius) return 0.0f;
    if (on_stroke(dist - petal_edge)) return 0.95f;
    if (dist < petal_edge)
        return on_stroke(dist * std::sin(4.0f * angle), 0.6f * kStroke) ? 0.9f : 0.45f;
    // A leaf on alternating sides of each crossing of the mid line, tilted along the vine.
    const int z = static_cast<int>(std::lround(x / (0.5f * wave)));
    const float leaf_side = (z % 2 == 0) ? 1.0f : -1.0f;
    const glm::vec2 l(x - 0.5f * wave * static_cast<float>(z) - 0.006f,
                      row.s - mid - leaf_side * 0.011f);
    const float c = 0.8f, s = leaf_side * 0.6f;
    const glm::vec2 local(c * l.x + s * l.y, -s * l.x + c * l.y);
    const float ellipse =
        (local.x * local.x) / (0.011f * 0.011f) + (local.y * local.y) / (0.0042f * 0.0042f);
    if (ellipse < 1.0f) return std::abs(local.y) < 0.00035f ? 0.3f : 0.85f;
    return 0.0f;
}

// Cloud-collar lappets (ruyi) hanging from the shoulder, solid cobalt with a reserved white line.
float collar_ink(const Cell& c) {
    const float px = c.x / c.w, from_top = (c.h - c.y) / c.h;
    const float bell = std::pow(std::max(0.0f, std::cos(kPi * px)), 0.7f);
    const float depth = 0.82f * bell + 0.08f * std::cos(6.0f * kPi * px) * bell;
    const float inside = (depth - from_top) * c.h;
    if (on_stroke(inside)) return 0.95f;
    if (inside < 0.0f) return 0.0f;
    if (on_stroke(inside - 0.0035f, 0.0006f)) return 0.0f;
    const float dot = glm::length(glm::vec2(c.x, (from_top - 0.4f * depth) * c.h));
    return dot < 0.0026f && dot > 0.0012f ? 0.0f : 0.88f;
}

// Banana leaves (lá chuối) rising up the neck, with a midrib and slanted veins.
float banana_leaf_ink(const Cell& c) {
    const float t = c.y / c.h;
    const float half = 0.42f * c.w * (1.0f - t) * std::min(1.0f, 5.0f * t + 0.25f);
    const float edge = std::abs(c.x) - half;
    if (on_stroke(edge, 0.9f * kStroke)) return 0.95f;
    if (edge > 0.0f) return 0.0f;
    if (on_stroke(c.x, 0.8f * kStroke)) return 0.95f;
    const float vein = c.y / 0.004f - std::abs(c.x) / 0.006f;
    return vein - std::floor(vein) < 0.22f ? 0.6f : 0.22f;
}

// Heights (metres) of the painted bands on the outside, turned into arc lengths at paint time.
struct Decoration {
    float lotus_lo, lotus_hi, scroll_lo, scroll_hi, collar_lo, collar_hi, leaves_lo, leaves_hi;
    std::array<float, 9> lines;  // double lines between bands
    float inner_start;           // s where the inside of the neck begins
};

float s_at_height(const std::vector<ProfilePoint>& rings, float y) {
    for (std::size_t i = 0; i + 1 < rings.size(); ++i)
        if (rings[i].zone == Zone::Outer && rings[i].p.y <= y && rings[i + 1].p.y > y)
            return glm::mix(rings[i].s, rings[i + 1].s,
                            (y - rings[i].p.y) / (rings[i + 1].p.y - rings[i].p.y));
    return 0.0f;
}

Decoration decoration_for(const std::vector<ProfilePoint>& rings) {
    const auto s = [&](float y) { return s_at_height(rings, y); };
    Decoration d{s(0.028f),
                 s(0.072f),
                 s(0.086f),
                 s(0.160f),
                 s(0.173f),
                 s(0.212f),
                 s(0.224f),
                 s(0.276f),
                 {s(0.020f), s(0.024f), s(0.076f), s(0.080f), s(0.165f), s(0.169f), s(0.216f),
                  s(0.219f), s(0.281f)},
                 0.0f};
    d.inner_start = std::find_if(rings.begin(), rings.end(), [](const ProfilePoint& p) {
                        return p.zone == Zone::Inner;
                    })->s;
    return d;
}

// Cobalt ink amount at a point (0 = bare glaze); biscuit foot is handled by the caller.
float ink_at(const Decoration& d, const RowSample& row, float u) {
    switch (row.zone) {
        case Zone::Lip:
            return 0.9f;
        case Zone::Inner:
            return on_stroke(row.s - d.inner_start - 0.012f) ? 0.9f : 0.0f;
        case Zone::Underside:
            return on_stroke(row.r - 0.024f, 0.0006f) || on_stroke(row.r - 0.027f, 0.0006f) ? 0.9f
                                                                                            : 0.0f;
        case Zone::Outer:
            break;
        default:
            return 0.0f;
    }
    if (row.y > 0.286f) return 0.9f;
    for (float line : d.lines)
        if (on_stroke(row.s - line)) return 0.95f;
    const auto in = [&](float lo, float hi) { return row.s >= lo && row.s < hi; };
    if (in(d.lotus_lo, d.lotus_hi)) return lotus_ink(band_cell(u, row, d.lotus_lo, d.lotus_hi, 14));
    if (in(d.scroll_lo, d.scroll_hi)) return scroll_ink(u, row, d.scroll_lo, d.scroll_hi);
    if (in(d.collar_lo, d.collar_hi))
        return collar_ink(band_cell(u, row, d.collar_lo, d.collar_hi, 8));
    if (in(d.leaves_lo, d.leaves_hi))
        return banana_leaf_ink(band_cell(u, row, d.leaves_lo, d.leaves_hi, 10));
    return 0.0f;
}

bool is_biscuit(const RowSample& row) {
    return row.zone == Zone::FootRing || (row.zone == Zone::Outer && row.y < 0.008f);
}

glm::vec3 glaze_colour(const Decoration& d, const RowSample& row, float u) {
    const float mottle = value_noise(u, row.s * 300.0f, 96);
    if (is_biscuit(row)) return glm::vec3(196, 158, 120) * (0.92f + 0.12f * mottle);
    glm::vec3 glaze = glm::vec3(240, 236, 224) * (0.975f + 0.03f * mottle);
    // The glaze pools into a faint blue-grey edge where it stops above the foot.
    if (row.zone == Zone::Outer && row.y < 0.012f)
        glaze = glm::mix(glaze, glm::vec3(196, 204, 208), 0.6f);
    const float heaping =
        0.82f + 0.22f * value_noise(u, row.s * 900.0f, 300);  // cobalt pools in the brush strokes
    const float ink = std::min(1.0f, ink_at(d, row, u) * heaping);
    return glm::mix(glaze, glm::vec3(20, 40, 110), ink);
}

assets::Image base_colour_image(const std::vector<ProfilePoint>& rings) {
    const Decoration decoration = decoration_for(rings);
    constexpr int kSuper = 2;  // 2x2 supersampling keeps the brush lines anti-aliased
    assets::Image image{"glazed_vase_base_color", kTextureSize, kTextureSize, {}, {}, {}};
    image.rgba8.resize(std::size_t{kTextureSize} * kTextureSize * 4);
    for (int y = 0; y < kTextureSize; ++y) {
        std::array<RowSample, kSuper> rows;
        for (int sy = 0; sy < kSuper; ++sy)
            rows[sy] =
                row_sample(rings, (static_cast<float>(y) + (sy + 0.5f) / kSuper) / kTextureSize);
        for (int x = 0; x < kTextureSize; ++x) {
            glm::vec3 sum(0.0f);
            for (int sy = 0; sy < kSuper; ++sy)
                for (int sx = 0; sx < kSuper; ++sx)
                    sum +=
                        glaze_colour(decoration, rows[sy],
                                     (static_cast<float>(x) + (sx + 0.5f) / kSuper) / kTextureSize);
            const glm::vec3 colour = glm::clamp(sum / float(kSuper * kSuper), 0.0f, 255.0f);
            std::uint8_t* px = &image.rgba8[(std::size_t(y) * kTextureSize + x) * 4];
            for (int c = 0; c < 3; ++c) px[c] = static_cast<std::uint8_t>(std::lround(colour[c]));
            px[3] = 255;
        }
    }
    return image;
}

// glTF packs occlusion (R), roughness (G) and metallic (B): the inside darkens with depth,
// the glaze is glossy, the biscuit foot matte.
assets::Image occlusion_roughness_image(const std::vector<ProfilePoint>& rings) {
    const float inner_start = decoration_for(rings).inner_start;
    assets::Image image{"glazed_vase_orm", kOrmWidth, kTextureSize, {}, {}, {}};
    image.rgba8.resize(std::size_t{kOrmWidth} * kTextureSize * 4);
    for (int y = 0; y < kTextureSize; ++y) {
        const RowSample row = row_sample(rings, (static_cast<float>(y) + 0.5f) / kTextureSize);
        float occlusion = 1.0f, roughness = 0.1f;
        if (is_biscuit(row))
            roughness = 0.75f;
        else if (row.zone == Zone::Outer && row.y < 0.012f)
            roughness = 0.2f;
        else if (row.zone == Zone::Underside)
            occlusion = 0.85f, roughness = 0.14f;
        else if (row.zone == Zone::Inner)
            occlusion = glm::mix(1.0f, 0.3f, glm::smoothstep(0.0f, 0.12f, row.s - inner_start));
        else if (row.zone == Zone::Floor)
            occlusion = 0.25f, roughness = 0.15f;
        for (int x = 0; x < kOrmWidth; ++x) {
            std::uint8_t* px = &image.rgba8[(std::size_t(y) * kOrmWidth + x) * 4];
            px[0] = static_cast<std::uint8_t>(std::lround(occlusion * 255.0f));
            px[1] = static_cast<std::uint8_t>(std::lround(roughness * 255.0f));
            px[2] = 0;
            px[3] = 255;
        }
    }
    return image;
}

// Throwing rings: the faint spiral ridges a potter's fingers leave on a wheel-thrown pot, seen
// in the glaze's reflections. Height in metres; the glaze smooths them on the outside.
float throwing_ring_height(const RowSample& row, float u) {
    if (is_biscuit(row) || row.zone == Zone::Underside || row.zone == Zone::Floor) return 0.0f;
    const float amplitude =
        (row.zone == Zone::Inner ? 0.00008f : 0.00004f) * (0.5f + value_noise(u, row.s * 60.0f, 5));
    const float wobble = 0.4f * std::sin(2.0f * kPi * u * 2.0f + 1.3f);
    return amplitude * std::sin(2.0f * kPi * row.s / 0.007f + wobble);
}

// Tangent space, +X along u, +Y towards smaller v (glTF 2.0 §3.9.3, "normalTexture").
assets::Image normal_image(const std::vector<ProfilePoint>& rings) {
    constexpr int kWidth = 256;
    constexpr float kStep = 0.0002f;  // metres, for the finite differences
    assets::Image image{"glazed_vase_normal", kWidth, kTextureSize, {}, {}, {}};
    image.rgba8.resize(std::size_t{kWidth} * kTextureSize * 4);
    for (int y = 0; y < kTextureSize; ++y) {
        const RowSample row = row_sample(rings, (static_cast<float>(y) + 0.5f) / kTextureSize);
        RowSample next = row;
        next.s += kStep;
        const float du = kStep / std::max(2.0f * kPi * row.r, 0.01f);
        for (int x = 0; x < kWidth; ++x) {
            const float u = (static_cast<float>(x) + 0.5f) / kWidth;
            const float h = throwing_ring_height(row, u);
            const glm::vec3 n =
                glm::normalize(glm::vec3(-(throwing_ring_height(row, u + du) - h) / kStep,
                                         -(throwing_ring_height(next, u) - h) / kStep, 1.0f));
            std::uint8_t* px = &image.rgba8[(std::size_t(y) * kWidth + x) * 4];
            for (int c = 0; c < 3; ++c)
                px[c] = static_cast<std::uint8_t>(std::lround((n[c] * 0.5f + 0.5f) * 255.0f));
            px[3] = 255;
        }
    }
    return image;
}

}  // namespace

assets::Model make_glazed_vase() {
    const std::vector<ProfileSegment> profile = vase_profile();
    std::vector<ProfilePoint> rings;
    for (const ProfileSegment& segment : profile)
        rings.insert(rings.end(), segment.begin(), segment.end());

    assets::Model model;
    model.source = "glazed_vase (generated)";
    model.meshes.push_back(lathe(profile));
    model.images.push_back(base_colour_image(rings));
    model.images.push_back(occlusion_roughness_image(rings));
    model.images.push_back(normal_image(rings));

    assets::Material porcelain;
    porcelain.name = "blue_and_white_glaze";
    porcelain.metallic = 0.0f;  // roughness and occlusion come from the packed image
    porcelain.base_color_texture.image = 0;
    porcelain.metallic_roughness_texture.image = 1;
    porcelain.occlusion_texture.image = 1;
    porcelain.normal_texture.image = 2;
    // u wraps round the vase; v runs from the underside to the inside and must not wrap.
    for (assets::TextureRef* ref :
         {&porcelain.base_color_texture, &porcelain.metallic_roughness_texture,
          &porcelain.occlusion_texture, &porcelain.normal_texture})
        ref->wrap_t = assets::Wrap::ClampToEdge;
    model.materials.push_back(porcelain);
    model.meshes.front().material = 0;
    return model;
}

}  // namespace ocop::samples
