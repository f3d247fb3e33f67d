// Phú Vinh rattan and bamboo weaving, Thiết Úng carved wood and a Sơn Đồng gilded statue.
// Woven pieces are real strands swept along their paths (the rattan basket) or a twill drawn
// into colour and normal maps (the bamboo tray); carvings are height fields displacing a grid;
// the statue is a smooth signed-distance figure polygonised at scan density, unwrapped into a
// chart atlas and baked (gold leaf worn to red lacquer on the edges, occlusion in the folds).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "assets/tangents.h"
#include "core/parallel.h"
#include "generators.h"
#include "procedural.h"
#include "weave.h"

namespace ocop::samples {
namespace {

glm::vec3 fw_linear(glm::vec3 srgb) {  // sRGB-encoded colour to linear, for vertex colours
    return glm::pow(srgb, glm::vec3(2.2f));
}

// Moves the model so that its base is centred at the origin (what the importer also does), so
// the generators can build in convenient coordinates.
void fw_rest_on_origin(assets::Model& model) {
    const Bounds b = model.bounds();
    const glm::vec3 shift(-0.5f * (b.min.x + b.max.x), -b.min.y, -0.5f * (b.min.z + b.max.z));
    for (assets::Mesh& mesh : model.meshes)
        for (glm::vec3& p : mesh.positions) p += shift;
}

// Vertex colours are only kept for the PLY; textured meshes drop the all-white ones.
void fw_drop_colours(assets::Model& model) {
    for (assets::Mesh& mesh : model.meshes) mesh.colours.clear();
}

// A quad whose winding follows the normals of its corners, so builders need not reason about it.
void fw_facing_quad(assets::Mesh& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    const glm::vec3 n = glm::cross(mesh.positions[c] - mesh.positions[a], mesh.positions[d] - mesh.positions[b]);
    const glm::vec3 want = mesh.normals[a] + mesh.normals[b] + mesh.normals[c] + mesh.normals[d];
    if (glm::dot(n, want) >= 0.0f)
        weave::add_quad(mesh, a, b, c, d);
    else
        weave::add_quad(mesh, a, d, c, b);
}

std::uint8_t fw_byte(float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

void fw_put(assets::Image& image, int x, int y, glm::vec4 v) {
    std::uint8_t* p = &image.rgba8[(static_cast<std::size_t>(y) * image.width + x) * 4];
    for (int k = 0; k < 4; ++k) p[k] = fw_byte(v[k]);
}

assets::Image fw_image(std::string name, int width, int height) {
    assets::Image image;
    image.name = std::move(name);
    image.width = width;
    image.height = height;
    image.rgba8.assign(static_cast<std::size_t>(width) * height * 4, 255);
    return image;
}

// Tangent-space normal from height differences (metres per texel step): +X along u, +Y towards
// smaller v (glTF 2.0 §3.9.3).
glm::vec4 fw_encode_normal(float dh_du, float dh_dv) {
    const glm::vec3 n = glm::normalize(glm::vec3(-dh_du, dh_dv, 1.0f));
    return {n * 0.5f + 0.5f, 1.0f};
}

// ---------------------------------------------------------------------------------------------
// Phú Vinh rattan basket: stakes radiating from the base and rising up the wall, flat rattan
// weavers going over one stake and under the next, a rim of two canes bound with a strip, and a
// bent handle of two canes under a helical binding.

struct BasketProfile {  // the mid-surface of the weave: (radius, height) by arc length s
    std::vector<glm::vec2> points;
    std::vector<float> s;
    float length = 0.0f;

    BasketProfile() {
        constexpr float kBase = 0.125f, kCorner = 0.026f, kRimRadius = 0.1575f, kRimHeight = 0.142f;
        for (int i = 0; i <= 60; ++i) points.push_back({kBase * static_cast<float>(i) / 60.0f, 0.0f});
        const glm::vec2 corner_centre(kBase, kCorner);
        const glm::vec2 wall_top(kRimRadius, kRimHeight);
        const float flare = std::atan2(wall_top.x - (kBase + kCorner), wall_top.y - kCorner);
        for (int i = 1; i <= 16; ++i) {  // round the corner until the wall's slope
            const float a = (0.5f * kPi - flare) * static_cast<float>(i) / 16.0f;
            points.push_back(corner_centre + kCorner * glm::vec2(std::sin(a), -std::cos(a)));
        }
        const glm::vec2 start = points.back();
        for (int i = 1; i <= 50; ++i) points.push_back(glm::mix(start, wall_top, static_cast<float>(i) / 50.0f));
        s.assign(points.size(), 0.0f);
        for (std::size_t i = 1; i < points.size(); ++i) s[i] = s[i - 1] + glm::distance(points[i - 1], points[i]);
        length = s.back();
    }
    // Point, tangent (towards the rim) and outward normal (down under the base, out on the wall).
    void at(float arc, glm::vec2* point, glm::vec2* tangent) const {
        arc = std::clamp(arc, 0.0f, length);
        std::size_t i = std::upper_bound(s.begin(), s.end(), arc) - s.begin();
        i = std::clamp<std::size_t>(i, 1, s.size() - 1);
        const float t = (arc - s[i - 1]) / std::max(s[i] - s[i - 1], 1e-9f);
        *point = glm::mix(points[i - 1], points[i], t);
        *tangent = glm::normalize(points[i] - points[i - 1]);
    }
};

struct BasketFrame {
    glm::vec3 position, along, normal;  // along: up the profile; normal: out of the basket
};
BasketFrame basket_frame(const BasketProfile& profile, float arc, float theta) {
    glm::vec2 p, t;
    profile.at(arc, &p, &t);
    const glm::vec3 radial(std::sin(theta), 0.0f, std::cos(theta));
    const glm::vec2 n(t.y, -t.x);
    return {radial * p.x + glm::vec3(0, p.y, 0), radial * t.x + glm::vec3(0, t.y, 0),
            radial * n.x + glm::vec3(0, n.y, 0)};
}

constexpr int kBasketStakes = 48;
constexpr float kWeaverPitch = 0.0080f, kWeaverWidth = 0.0069f, kWeaverHalfThick = 0.00065f;
constexpr float kWeaverSwing = 0.0019f, kStakeSwing = 0.0008f, kStakeRadius = 0.0017f;
constexpr float kFirstWeaver = 0.012f;

// Stakes present at a distance from the centre: the base starts from 12 crossed stakes and new
// ones are pushed in as the circle grows, as the weavers of Phú Vinh do.
int basket_stakes_at(float arc) { return arc < 0.040f ? 12 : (arc < 0.074f ? 24 : kBasketStakes); }

// +1 where weaver row j passes outside stake k (k counted among all 48).
float basket_weaver_outside(int row, int stake, float arc) {
    const int present = basket_stakes_at(arc);
    const int index = stake / (kBasketStakes / present);
    return ((index + row) & 1) ? -1.0f : 1.0f;
}

glm::vec4 basket_strand_colour(std::uint32_t strand, float arc, float shade, bool core) {
    const float pick = hash01(static_cast<int>(strand), 7, 1, 4242u);
    glm::vec3 tone = core ? glm::mix(glm::vec3(0.80f, 0.66f, 0.45f), glm::vec3(0.72f, 0.57f, 0.37f), pick)
                          : glm::mix(glm::vec3(0.83f, 0.63f, 0.34f), glm::vec3(0.66f, 0.42f, 0.18f), pick * pick);
    const float along = fbm({arc * 9.0f, static_cast<float>(strand) * 1.7f, 0.5f}, 3, 99u);
    tone *= 0.86f + 0.28f * along;
    // Rattan nodes every ~30 cm: a darker, slightly greener ring.
    const float node_phase = std::fmod(arc + 0.3f * hash01(static_cast<int>(strand), 3, 3, 17u), 0.3f);
    const float node = std::exp(-std::pow((node_phase - 0.15f) / 0.004f, 2.0f));
    tone = glm::mix(tone, tone * glm::vec3(0.62f, 0.58f, 0.45f), 0.8f * node);
    return {fw_linear(tone * shade), 1.0f};
}

void basket_weavers(assets::Mesh& mesh, const BasketProfile& profile) {
    const weave::Section strip = weave::superellipse_section(kWeaverHalfThick, 0.5f * kWeaverWidth, 5.0f, 10);
    int row = 0;
    for (float arc = kFirstWeaver; arc < profile.length - 0.006f; arc += kWeaverPitch, ++row) {
        glm::vec2 p, t;
        profile.at(arc, &p, &t);
        const int present = basket_stakes_at(arc);
        const int per_stake = std::max(6, static_cast<int>(std::ceil(2.0f * kPi * p.x / (present * 0.0024f))));
        const int samples = present * per_stake;
        weave::Path path;
        path.closed = true;
        std::vector<float> swing(static_cast<std::size_t>(samples));
        for (int i = 0; i < samples; ++i) {
            const float theta = 2.0f * kPi * static_cast<float>(i) / static_cast<float>(samples);
            // Over one stake, under the next: a cosine through the stake positions.
            const float phase = 0.5f * static_cast<float>(present) * theta + (row & 1 ? kPi : 0.0f);
            swing[static_cast<std::size_t>(i)] = std::cos(phase);
            const BasketFrame f = basket_frame(profile, arc, theta);
            path.points.push_back(f.position + f.normal * (kWeaverSwing * std::cos(phase)));
            path.sides.push_back(f.normal);
        }
        const auto strand = static_cast<std::uint32_t>(row);
        weave::sweep(mesh, path, strip, 1.0f, [&](std::size_t ring, float along, std::size_t k) {
            // Where the weaver dips under a stake its outer face is in the stake's shadow.
            const glm::vec2 sn = strip.normals[k];
            const float faces_out = sn.x, w = swing[ring];
            float shade = 1.0f - 0.38f * std::max(0.0f, -w * faces_out) - 0.18f * std::max(0.0f, w * -faces_out);
            shade *= std::abs(sn.y) > 0.7f ? 0.8f : 1.0f;  // the cut edges of the strip
            return basket_strand_colour(strand, along, shade, false);
        });
    }
}

void basket_stakes(assets::Mesh& mesh, const BasketProfile& profile, float rim_arc) {
    const weave::Section cane = weave::superellipse_section(kStakeRadius, kStakeRadius * 0.9f, 2.0f, 8);
    for (int k = 0; k < kBasketStakes; ++k) {
        const float theta = 2.0f * kPi * static_cast<float>(k) / kBasketStakes;
        const float start = k % 4 == 0 ? 0.0015f : (k % 2 == 0 ? 0.036f : 0.070f);
        weave::Path path;
        for (float arc = start; arc <= rim_arc; arc += 0.002f) {
            // Opposite to the weavers: interpolate the crossings smoothly between rows.
            const float row_f = (arc - kFirstWeaver) / kWeaverPitch;
            const int row = static_cast<int>(std::floor(row_f));
            const float f = row_f - static_cast<float>(row);
            const float a = -basket_weaver_outside(row, k, kFirstWeaver + row * kWeaverPitch);
            const float b = -basket_weaver_outside(row + 1, k, kFirstWeaver + (row + 1) * kWeaverPitch);
            const float offset = arc < kFirstWeaver ? 0.0f : glm::mix(a, b, 0.5f - 0.5f * std::cos(kPi * f));
            const BasketFrame fr = basket_frame(profile, arc, theta);
            path.points.push_back(fr.position + fr.normal * (kStakeSwing * offset));
            path.sides.push_back(fr.normal);
        }
        const auto strand = static_cast<std::uint32_t>(1000 + k);
        weave::sweep(mesh, path, cane, 1.0f, [&](std::size_t, float along, std::size_t) {
            return basket_strand_colour(strand, along, 0.95f, true);
        });
    }
}

// A strip wound round a bundle: `centre(a)` the bundle's axis by arc, `frame(a)` its two
// cross directions, `half` the bundle's half extents in them.
template <typename Axis>
void fw_binding(assets::Mesh& mesh, const Axis& axis, float length, glm::vec2 half, float pitch, bool closed,
                std::uint32_t strand) {
    const weave::Section strip = weave::superellipse_section(0.0006f, 0.0024f, 5.0f, 8);
    weave::Path path;
    path.closed = closed;
    const int turns = static_cast<int>(std::round(length / pitch));
    const int samples = turns * 18;
    std::vector<float> shade;
    for (int i = 0; i < samples + (closed ? 0 : 1); ++i) {
        const float a = length * static_cast<float>(i) / static_cast<float>(samples);
        const float phi = 2.0f * kPi * static_cast<float>(turns) * static_cast<float>(i) / static_cast<float>(samples);
        glm::vec3 centre, u, v;
        axis(a, &centre, &u, &v);
        // A rounded-rectangle bundle: superellipse radius in the direction phi.
        const float c = std::cos(phi), s = std::sin(phi);
        const float r = 1.0f / std::pow(std::pow(std::abs(c) / (half.x + 0.0007f), 3.0f) +
                                            std::pow(std::abs(s) / (half.y + 0.0007f), 3.0f),
                                        1.0f / 3.0f);
        const glm::vec3 out = glm::normalize(u * c + v * s);
        path.points.push_back(centre + out * r);
        path.sides.push_back(out);
        shade.push_back(0.9f + 0.1f * s);
    }
    weave::sweep(mesh, path, strip, 1.0f, [&](std::size_t ring, float along, std::size_t) {
        return basket_strand_colour(strand, along * 0.05f, 0.92f * shade[ring], false);
    });
}

void basket_rim_and_handle(assets::Mesh& mesh, const BasketProfile& profile) {
    glm::vec2 top, tangent;
    profile.at(profile.length, &top, &tangent);
    const glm::vec2 rim_centre = top + glm::vec2(0.0f, 0.004f);
    constexpr float kRimCane = 0.0052f;
    const weave::Section cane = weave::superellipse_section(kRimCane, kRimCane, 2.0f, 10);
    for (const float side : {-1.0f, 1.0f}) {  // the two rim canes clamp the stakes' ends
        weave::Path ring;
        ring.closed = true;
        for (int i = 0; i < 240; ++i) {
            const float theta = 2.0f * kPi * static_cast<float>(i) / 240.0f;
            const glm::vec3 radial(std::sin(theta), 0.0f, std::cos(theta));
            ring.points.push_back(radial * (rim_centre.x + side * 0.0058f) + glm::vec3(0, rim_centre.y, 0));
            ring.sides.push_back(radial);
        }
        weave::sweep(mesh, ring, cane, 1.0f, [&](std::size_t, float along, std::size_t) {
            return basket_strand_colour(side > 0 ? 3001u : 3002u, along, 0.8f, true);
        });
    }
    const auto rim_axis = [&](float a, glm::vec3* centre, glm::vec3* u, glm::vec3* v) {
        const float theta = a / rim_centre.x;
        *u = glm::vec3(std::sin(theta), 0.0f, std::cos(theta));
        *v = glm::vec3(0, 1, 0);
        *centre = *u * rim_centre.x + glm::vec3(0, rim_centre.y, 0);
    };
    fw_binding(mesh, rim_axis, 2.0f * kPi * rim_centre.x, {0.0058f + kRimCane, kRimCane}, 0.0054f, true, 4001u);

    // The handle: two canes bent over the basket from side to side, their ends pushed down
    // inside the wall, behind the rim.
    constexpr float kHandleCane = 0.0062f, kHandleTop = 0.28f - kHandleCane - 0.0013f;
    const float foot_x = rim_centre.x - 0.0058f - kRimCane - kHandleCane - 0.0012f;
    const float rise = kHandleTop - rim_centre.y;
    std::vector<glm::vec3> axis_points, outward;
    for (int i = 12; i >= 1; --i) {  // down the right side of the wall, inside the weave
        glm::vec2 p, t;
        profile.at(profile.length - 0.005f * static_cast<float>(i), &p, &t);
        axis_points.push_back({p.x + (foot_x - top.x), p.y, 0.0f});
        outward.push_back({1, 0, 0});
    }
    for (int i = 0; i <= 160; ++i) {  // a slightly pointed arch, as hand-bent canes settle
        const float phi = kPi * static_cast<float>(i) / 160.0f;
        const float x = foot_x * std::cos(phi);
        const float y = rim_centre.y + rise * std::pow(std::max(0.0f, std::sin(phi)), 0.85f);
        axis_points.push_back({x, y, 0.0f});
        outward.push_back(glm::normalize(glm::vec3(std::cos(phi) / foot_x, std::sin(phi) / rise, 0.0f)));
    }
    for (int i = 1; i <= 12; ++i) {
        glm::vec2 p, t;
        profile.at(profile.length - 0.005f * static_cast<float>(i), &p, &t);
        axis_points.push_back({-(p.x + (foot_x - top.x)), p.y, 0.0f});
        outward.push_back({-1, 0, 0});
    }
    const weave::Section handle_cane = weave::superellipse_section(kHandleCane, kHandleCane, 2.0f, 12);
    for (const float side : {-1.0f, 1.0f}) {
        weave::Path path;
        for (std::size_t i = 0; i < axis_points.size(); ++i) {
            path.points.push_back(axis_points[i] + glm::vec3(0, 0, side * (kHandleCane + 0.0003f)));
            path.sides.push_back(outward[i]);
        }
        weave::sweep(mesh, path, handle_cane, 1.0f, [&](std::size_t, float along, std::size_t) {
            return basket_strand_colour(side > 0 ? 5001u : 5002u, along, 0.9f, false);
        });
    }
    // Binding over the arch (and a little past the rim on each side).
    std::vector<float> arc_of(axis_points.size(), 0.0f);
    for (std::size_t i = 1; i < axis_points.size(); ++i)
        arc_of[i] = arc_of[i - 1] + glm::distance(axis_points[i - 1], axis_points[i]);
    const float skip = arc_of[8], wrapped = arc_of[axis_points.size() - 9] - skip;
    const auto handle_axis = [&](float a, glm::vec3* centre, glm::vec3* u, glm::vec3* v) {
        a += skip;
        std::size_t i = std::upper_bound(arc_of.begin(), arc_of.end(), a) - arc_of.begin();
        i = std::clamp<std::size_t>(i, 1, arc_of.size() - 1);
        const float t = (a - arc_of[i - 1]) / std::max(arc_of[i] - arc_of[i - 1], 1e-9f);
        *centre = glm::mix(axis_points[i - 1], axis_points[i], t);
        *u = glm::normalize(glm::mix(outward[i - 1], outward[i], t));
        *v = glm::vec3(0, 0, 1);
    };
    fw_binding(mesh, handle_axis, wrapped, {kHandleCane, 2.0f * kHandleCane + 0.0003f}, 0.0052f, false, 6001u);
}

}  // namespace

SampleFile make_pv_rattan_basket() {
    const BasketProfile profile;
    assets::Mesh mesh;
    mesh.name = "rattan_basket";
    basket_weavers(mesh, profile);
    basket_stakes(mesh, profile, profile.length + 0.003f);
    basket_rim_and_handle(mesh, profile);
    mesh.uv0.clear();  // the PLY carries colour per vertex, no texture
    mesh.material = 0;

    SampleFile file{"pv-rattan-basket.ply", FileFormat::Ply, {}, "mm", "z"};
    assets::Material rattan;
    rattan.name = "rattan";
    rattan.metallic = 0.0f;
    rattan.roughness = 0.55f;  // the skin of rattan has a soft waxy sheen
    file.model.source = "pv-rattan-basket (generated)";
    file.model.meshes.push_back(std::move(mesh));
    file.model.materials.push_back(rattan);
    fw_rest_on_origin(file.model);
    assets::add_root_node_for_all_meshes(file.model, "pv_rattan_basket");
    return file;
}

// ---------------------------------------------------------------------------------------------
// Bamboo tray (mẹt): a shallow disc woven 2/2 twill from flat bamboo strips (drawn into colour,
// normal and occlusion maps), its edge clamped between two bamboo hoops lashed with rattan.

namespace {

constexpr float kTrayRimRadius = 0.209f, kTrayRimHeight = 0.0465f, kTrayShell = 0.0016f;
constexpr float kTrayMapSize = 0.46f;  // metres covered by the weave images
constexpr float kTrayStrip = 0.0072f, kTrayGap = 0.0007f;

float tray_mid_height(float r) {
    const float t = std::min(r / kTrayRimRadius, 1.0f);
    return kTrayShell + (kTrayRimHeight - kTrayShell - 0.002f) * t * t * t * t;
}

struct TwillSample {
    float height;  // 0 (a gap) .. 1 (the crown of a strip on top)
    float along;   // metres along the visible strip
    float across;  // metres across it, from its edge
    int strip;     // which strip shows (warps and wefts numbered apart)
};

// 2/2 twill: each strip goes over two and under two, shifted by one per row, so the crossings
// step diagonally across the tray.
TwillSample tray_twill(float x, float z) {
    const float fx = x / kTrayStrip, fz = z / kTrayStrip;
    const int i = static_cast<int>(std::floor(fz)), j = static_cast<int>(std::floor(fx));
    const int phase = ((i + j) % 4 + 4) % 4;
    const bool warp_on_top = phase < 2;  // warps run along x
    const float across_f = warp_on_top ? fz - std::floor(fz) : fx - std::floor(fx);
    const float along_f = warp_on_top ? fx - std::floor(fx) : fz - std::floor(fz);
    const float run = ((warp_on_top ? phase : phase - 2) + along_f) / 2.0f;  // 0..1 over its float
    const float gap = kTrayGap / kTrayStrip;
    TwillSample s{};
    s.strip = warp_on_top ? i : 100000 + j;
    s.along = warp_on_top ? x : z;
    s.across = across_f * kTrayStrip;
    if (across_f > 1.0f - gap) {
        s.height = 0.05f;
        return s;
    }
    const float c = (across_f / (1.0f - gap)) * 2.0f - 1.0f;
    const float crown = std::sqrt(std::max(0.0f, 1.0f - std::pow(std::abs(c), 3.0f)));
    const float envelope = 0.45f + 0.55f * std::sin(kPi * run);  // dives under at both ends
    s.height = 0.2f + 0.8f * envelope * (0.35f + 0.65f * crown);
    return s;
}

struct TrayImages {
    assets::Image colour, normal, orm, skin;
};

TrayImages tray_images() {
    constexpr int kSize = 1024;
    TrayImages out{fw_image("bamboo_weave_color", kSize, kSize), fw_image("bamboo_weave_normal", kSize, kSize),
                   fw_image("bamboo_weave_orm", kSize, kSize), fw_image("bamboo_skin_color", kSize, kSize)};
    const float texel = kTrayMapSize / kSize;
    parallel_for(kSize, [&](std::size_t row) {
        const int y = static_cast<int>(row);
        for (int x = 0; x < kSize; ++x) {
            const float wx = (static_cast<float>(x) + 0.5f) * texel - 0.5f * kTrayMapSize;
            const float wz = (static_cast<float>(y) + 0.5f) * texel - 0.5f * kTrayMapSize;
            const TwillSample s = tray_twill(wx, wz);
            const float pick = hash01(s.strip, 11, 5, 777u);
            glm::vec3 tone = glm::mix(glm::vec3(0.87f, 0.76f, 0.52f), glm::vec3(0.74f, 0.57f, 0.33f), pick);
            const float fibres = value_noise({s.along * 40.0f, s.across * 1400.0f, static_cast<float>(s.strip)}, 31u);
            const float patina = fbm({wx * 9.0f, wz * 9.0f, 0.5f}, 3, 57u);
            tone *= (0.88f + 0.2f * fibres) * (0.9f + 0.16f * patina) * (0.72f + 0.28f * s.height);
            if (s.height < 0.1f) tone = glm::vec3(0.22f, 0.16f, 0.09f);
            fw_put(out.colour, x, y, {tone, 1.0f});
            const float amplitude = 0.0009f;
            const float hx = tray_twill(wx + texel, wz).height, hz = tray_twill(wx, wz + texel).height;
            fw_put(out.normal, x, y,
                   fw_encode_normal(amplitude * (hx - s.height) / texel, amplitude * (hz - s.height) / texel));
            fw_put(out.orm, x, y, {0.35f + 0.65f * s.height, 0.62f - 0.12f * s.height, 0.0f, 1.0f});
            // Split-bamboo skin for the hoops and lashing: fibres along v, a node now and then.
            const float u = (static_cast<float>(x) + 0.5f) / kSize, v = (static_cast<float>(y) + 0.5f) / kSize;
            const float streak = value_noise({u * 60.0f, v * 6.0f, 2.0f}, 71u);
            const float node = std::exp(-std::pow((std::fmod(v * 3.0f, 1.0f) - 0.5f) / 0.01f, 2.0f));
            glm::vec3 skin = glm::vec3(0.80f, 0.66f, 0.40f) * (0.85f + 0.25f * streak);
            skin = glm::mix(skin, glm::vec3(0.55f, 0.42f, 0.22f), 0.7f * node);
            fw_put(out.skin, x, y, {skin, 1.0f});
        }
    });
    return out;
}

assets::Mesh tray_disc() {
    assets::Mesh mesh;
    mesh.name = "woven_disc";
    constexpr int kRings = 56, kAround = 200;
    for (const float side : {1.0f, -1.0f}) {  // the top and the underside of the woven shell
        const auto first = static_cast<std::uint32_t>(mesh.positions.size());
        for (int i = 0; i <= kRings; ++i) {
            const float r = kTrayRimRadius * std::max(0.003f, std::pow(static_cast<float>(i) / kRings, 0.8f));
            const float slope = (tray_mid_height(r + 0.001f) - tray_mid_height(r - 0.001f)) / 0.002f;
            for (int j = 0; j <= kAround; ++j) {
                const float a = 2.0f * kPi * static_cast<float>(j) / kAround;
                const glm::vec3 radial(std::sin(a), 0.0f, std::cos(a));
                const glm::vec3 up = glm::normalize(glm::vec3(0, 1, 0) - radial * slope);
                const glm::vec3 p = radial * r + glm::vec3(0, tray_mid_height(r), 0) + up * (side * kTrayShell);
                weave::add_vertex(mesh, {p, up * side, glm::vec2(p.x, p.z) / kTrayMapSize + 0.5f, glm::vec4(1.0f)});
            }
        }
        for (int i = 0; i < kRings; ++i)
            for (int j = 0; j < kAround; ++j) {
                const std::uint32_t a = first + static_cast<std::uint32_t>(i * (kAround + 1) + j);
                fw_facing_quad(mesh, a, a + 1, a + kAround + 2, a + kAround + 1);
            }
    }
    return mesh;
}

assets::Mesh tray_hoops() {
    assets::Mesh mesh;
    mesh.name = "rim_hoops";
    const weave::Section hoop = weave::superellipse_section(0.0066f, 0.011f, 2.6f, 14);
    for (const float side : {-1.0f, 1.0f}) {
        weave::Path ring;
        ring.closed = true;
        for (int i = 0; i < 320; ++i) {
            const float a = 2.0f * kPi * static_cast<float>(i) / 320.0f;
            const glm::vec3 radial(std::sin(a), 0.0f, std::cos(a));
            ring.points.push_back(radial * (kTrayRimRadius + side * 0.0074f) + glm::vec3(0, kTrayRimHeight, 0));
            ring.sides.push_back(radial);
        }
        weave::sweep(mesh, ring, hoop, 1.0f);
    }
    return mesh;
}

assets::Mesh tray_lashing() {
    assets::Mesh mesh;
    mesh.name = "rattan_lashing";
    const auto axis = [](float a, glm::vec3* centre, glm::vec3* u, glm::vec3* v) {
        const float theta = a / kTrayRimRadius;
        *u = glm::vec3(std::sin(theta), 0.0f, std::cos(theta));
        *v = glm::vec3(0, 1, 0);
        *centre = *u * kTrayRimRadius + glm::vec3(0, kTrayRimHeight, 0);
    };
    fw_binding(mesh, axis, 2.0f * kPi * kTrayRimRadius, {0.0074f + 0.0066f, 0.011f}, 0.0115f, true, 7001u);
    return mesh;
}

}  // namespace

SampleFile make_pv_bamboo_tray() {
    SampleFile file{"pv-bamboo-tray.obj", FileFormat::Obj, {}, "cm", "y"};
    assets::Model& model = file.model;
    model.source = "pv-bamboo-tray (generated)";
    TrayImages images = tray_images();
    // The rattan lashing: the skin image, darker and warmer (baked in: MTL keeps no factor).
    assets::Image lashing_colour = images.skin;
    lashing_colour.name = "rattan_lashing_color";
    for (std::size_t i = 0; i < lashing_colour.rgba8.size(); i += 4)
        for (int k = 0; k < 3; ++k)
            lashing_colour.rgba8[i + k] =
                static_cast<std::uint8_t>(lashing_colour.rgba8[i + k] * std::array<float, 3>{0.86f, 0.74f, 0.62f}[k]);
    model.images = {std::move(images.colour), std::move(images.normal), std::move(images.orm), std::move(images.skin),
                    std::move(lashing_colour)};

    assets::Material weave_material;
    weave_material.name = "bamboo_twill";
    weave_material.metallic = 0.0f;
    weave_material.base_color_texture.image = 0;
    weave_material.normal_texture.image = 1;
    weave_material.metallic_roughness_texture.image = 2;
    weave_material.occlusion_texture.image = 2;
    assets::Material hoop;
    hoop.name = "bamboo_hoop";
    hoop.metallic = 0.0f;
    hoop.roughness = 0.45f;  // the waxy outer skin of bamboo
    hoop.base_color_texture.image = 3;
    assets::Material lashing = hoop;
    lashing.name = "rattan_lashing";
    lashing.roughness = 0.55f;
    lashing.base_color_texture.image = 4;
    model.materials = {weave_material, hoop, lashing};

    model.meshes = {tray_disc(), tray_hoops(), tray_lashing()};
    for (int m = 0; m < 3; ++m) model.meshes[static_cast<std::size_t>(m)].material = m;
    assets::generate_tangents(model.meshes[0]);
    fw_drop_colours(model);
    fw_rest_on_origin(model);
    assets::add_root_node_for_all_meshes(model, "pv_bamboo_tray");
    return file;
}

// ---------------------------------------------------------------------------------------------
// Carved wood (Thiết Úng): grain, relief height fields and the grids they displace.

namespace {

struct WoodPalette {
    glm::vec3 early, late;  // sRGB: the light and the dark part of a growth ring
    std::uint32_t seed;
};

// Flat-sawn grain running along u (metres): growth rings bent into arches by a slow noise,
// darker late wood, and fine pores streaking along the fibres.
glm::vec3 wood_grain(const WoodPalette& wood, float u, float v) {
    const float bend = fbm({u * 2.2f, v * 7.0f, 0.3f}, 3, wood.seed);
    const float ring = v * 150.0f + 7.0f * bend + 1.5f * std::sin(u * 3.0f + v * 11.0f);
    const float f = ring - std::floor(ring);
    const float late = glm::smoothstep(0.45f, 0.75f, f) * (1.0f - glm::smoothstep(0.8f, 1.0f, f));
    const float pores = glm::smoothstep(0.6f, 0.9f, value_noise({u * 25.0f, v * 700.0f, 1.0f}, wood.seed + 5u));
    const float figure = fbm({u * 4.0f, v * 14.0f, 4.0f}, 2, wood.seed + 9u);
    const glm::vec3 c = glm::mix(wood.early, wood.late, 0.35f * late);
    return c * (1.0f - 0.15f * pores) * (0.9f + 0.2f * figure);
}

assets::Image wood_grain_image(const std::string& name, const WoodPalette& wood, float metres) {
    constexpr int kSize = 1024;
    assets::Image image = fw_image(name, kSize, kSize);
    parallel_for(kSize, [&](std::size_t row) {
        for (int x = 0; x < kSize; ++x) {
            const float u = (static_cast<float>(x) + 0.5f) / kSize * metres;
            const float v = (static_cast<float>(row) + 0.5f) / kSize * metres;
            fw_put(image, x, static_cast<int>(row), {wood_grain(wood, u, v), 1.0f});
        }
    });
    return image;
}

// A carving's height (0 = the ground, 1 = the highest surface) sampled on a width x height
// grid over `size` metres; x right, y up (row 0 at the top, as images are).
struct WoodHeightField {
    int width = 0, height = 0;
    glm::vec2 size{0.0f};
    std::vector<float> h;

    float at(int x, int y) const {
        x = std::clamp(x, 0, width - 1);
        y = std::clamp(y, 0, height - 1);
        return h[static_cast<std::size_t>(y) * width + x];
    }
    // Bilinear, p in metres from the lower-left corner.
    float sample(glm::vec2 p) const {
        const float fx = p.x / size.x * width - 0.5f, fy = (1.0f - p.y / size.y) * height - 0.5f;
        const int x0 = static_cast<int>(std::floor(fx)), y0 = static_cast<int>(std::floor(fy));
        const float tx = fx - x0, ty = fy - y0;
        return glm::mix(glm::mix(at(x0, y0), at(x0 + 1, y0), tx), glm::mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), tx), ty);
    }
};

template <typename Design>
WoodHeightField wood_carve(const Design& design, glm::vec2 size, int width, int height) {
    WoodHeightField field{width, height, size, std::vector<float>(static_cast<std::size_t>(width) * height)};
    parallel_for(static_cast<std::size_t>(height), [&](std::size_t row) {
        for (int x = 0; x < width; ++x) {
            const glm::vec2 p((static_cast<float>(x) + 0.5f) / width * size.x,
                              (1.0f - (static_cast<float>(row) + 0.5f) / height) * size.y);
            const float h = design(p);
            // Chisel marks: small gouge scallops on the ground, where the carver cleared it.
            const float gouge = value_noise({p.x * 420.0f, p.y * 260.0f, 3.0f}, 21u);
            field.h[row * width + x] = h + 0.02f * (1.0f - glm::smoothstep(0.02f, 0.12f, h)) * gouge;
        }
    });
    return field;
}

// Separable box blur, `radius` texels, clamped at the borders.
std::vector<float> wood_blur(const WoodHeightField& field, int radius) {
    std::vector<float> tmp(field.h.size()), out(field.h.size());
    const float norm = 1.0f / static_cast<float>(2 * radius + 1);
    for (int y = 0; y < field.height; ++y)
        for (int x = 0; x < field.width; ++x) {
            float sum = 0.0f;
            for (int k = -radius; k <= radius; ++k) sum += field.at(x + k, y);
            tmp[static_cast<std::size_t>(y) * field.width + x] = sum * norm;
        }
    for (int y = 0; y < field.height; ++y)
        for (int x = 0; x < field.width; ++x) {
            float sum = 0.0f;
            for (int k = -radius; k <= radius; ++k)
                sum += tmp[static_cast<std::size_t>(std::clamp(y + k, 0, field.height - 1)) * field.width + x];
            out[static_cast<std::size_t>(y) * field.width + x] = sum * norm;
        }
    return out;
}

// What a carving bakes to: colour (grain, darker oil in the hollows, polished highs), a normal
// map of the detail finer than the grid, and occlusion/roughness.
struct ReliefImages {
    assets::Image colour, normal, orm;
};

ReliefImages bake_relief(const std::string& name, const WoodHeightField& field, float depth, const WoodPalette& wood,
                         float grid_step) {
    ReliefImages out{fw_image(name + "_color", field.width, field.height),
                     fw_image(name + "_normal", field.width, field.height),
                     fw_image(name + "_orm", field.width, field.height)};
    const std::vector<float> wide = wood_blur(field, 7);
    // What the grid already shows: detail finer than its spacing goes to the normal map.
    const int grid_texels = std::max(1, static_cast<int>(std::lround(grid_step / (field.size.x / field.width))));
    const WoodHeightField coarse{field.width, field.height, field.size, wood_blur(field, grid_texels)};
    const float tx = field.size.x / field.width, ty = field.size.y / field.height;
    parallel_for(static_cast<std::size_t>(field.height), [&](std::size_t row) {
        const int y = static_cast<int>(row);
        for (int x = 0; x < field.width; ++x) {
            const std::size_t i = row * field.width + x;
            const float h = field.h[i];
            const float cavity = std::clamp((wide[i] - h) * 6.0f, 0.0f, 1.0f);
            const float crest = std::clamp((h - wide[i]) * 5.0f, 0.0f, 1.0f);
            const glm::vec2 p((static_cast<float>(x) + 0.5f) * tx, field.size.y - (static_cast<float>(y) + 0.5f) * ty);
            glm::vec3 c = wood_grain(wood, p.y * 0.7f + p.x * 0.1f, p.x);  // grain runs up the panel
            c *= (1.0f - 0.45f * cavity) * (1.0f + 0.22f * crest);
            fw_put(out.colour, x, y, {c, 1.0f});
            const auto detail = [&](int dx, int dy) {
                const int xx = std::clamp(x + dx, 0, field.width - 1), yy = std::clamp(y + dy, 0, field.height - 1);
                const std::size_t j = static_cast<std::size_t>(yy) * field.width + xx;
                return (field.h[j] - coarse.h[j]) * depth;
            };
            const float d0 = detail(0, 0);
            // +v goes down the image here (row 0 is the top), so dh/dv = -(dh/dy up).
            fw_put(out.normal, x, y, fw_encode_normal((detail(1, 0) - d0) / tx, (detail(0, 1) - d0) / ty));
            fw_put(out.orm, x, y, {1.0f - 0.6f * cavity, 0.42f + 0.12f * cavity - 0.06f * crest, 0.0f, 1.0f});
        }
    });
    return out;
}

// The carving as a grid: p = origin + u * x + v * y + n * (h * depth); uv 0..1 over the field
// (v = 0 at the top edge, as the images).
assets::Mesh relief_grid(const std::string& name, const WoodHeightField& field, float depth, glm::vec3 origin,
                         glm::vec3 u, glm::vec3 v, int nx, int ny) {
    assets::Mesh mesh;
    mesh.name = name;
    const glm::vec3 n = glm::cross(u, v);
    const float dx = field.size.x / nx, dy = field.size.y / ny;
    for (int j = 0; j <= ny; ++j)
        for (int i = 0; i <= nx; ++i) {
            const glm::vec2 p(static_cast<float>(i) * dx, static_cast<float>(j) * dy);
            const float h = field.sample(p) * depth;
            const float gx =
                (field.sample(p + glm::vec2(dx, 0)) - field.sample(p - glm::vec2(dx, 0))) * depth / (2 * dx);
            const float gy =
                (field.sample(p + glm::vec2(0, dy)) - field.sample(p - glm::vec2(0, dy))) * depth / (2 * dy);
            weave::add_vertex(mesh, {origin + u * p.x + v * p.y + n * h,
                                     glm::normalize(n - u * gx - v * gy),
                                     {p.x / field.size.x, 1.0f - p.y / field.size.y},
                                     glm::vec4(1.0f)});
        }
    for (int j = 0; j < ny; ++j)
        for (int i = 0; i < nx; ++i) {
            const auto a = static_cast<std::uint32_t>(j * (nx + 1) + i);
            fw_facing_quad(mesh, a, a + 1, a + nx + 2, a + nx + 1);
        }
    assets::generate_tangents(mesh);
    return mesh;
}

// Shapes of the carvings, in metres. Each returns a height or -1 outside.

float shape_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    return glm::distance(p, a + ab * t);
}

// A stem: a quadratic Bézier a-c-b, rounded across, `width` half-width.
float shape_stem(glm::vec2 p, glm::vec2 a, glm::vec2 c, glm::vec2 b, float width, float top) {
    const glm::vec2 lo = glm::min(a, glm::min(b, c)) - width, hi = glm::max(a, glm::max(b, c)) + width;
    if (glm::any(glm::lessThan(p, lo)) || glm::any(glm::greaterThan(p, hi))) return -1.0f;
    float d = 1e9f;
    glm::vec2 prev = a;
    for (int k = 1; k <= 16; ++k) {
        const float t = static_cast<float>(k) / 16.0f;
        const glm::vec2 q = (1 - t) * (1 - t) * a + 2 * (1 - t) * t * c + t * t * b;
        d = std::min(d, shape_segment_distance(p, prev, q));
        prev = q;
    }
    return d < width ? top * std::sqrt(1.0f - (d / width) * (d / width)) : -1.0f;
}

// A lotus leaf seen from above: a wavy disc, domed, with raised radial veins.
float shape_leaf(glm::vec2 p, glm::vec2 centre, glm::vec2 radius, float tilt, float top) {
    glm::vec2 q = p - centre;
    if (glm::length(q) > 1.1f * std::max(radius.x, radius.y)) return -1.0f;
    q = glm::vec2(std::cos(tilt) * q.x + std::sin(tilt) * q.y, -std::sin(tilt) * q.x + std::cos(tilt) * q.y);
    const float angle = std::atan2(q.y / radius.y, q.x / radius.x);
    const float edge = 1.0f + 0.05f * std::sin(9.0f * angle) + 0.03f * std::sin(23.0f * angle + 1.0f);
    const float rho = glm::length(q / radius) / edge;
    if (rho >= 1.0f) return -1.0f;
    float h = top * (0.55f + 0.45f * std::sqrt(1.0f - rho * rho)) - 0.12f * top * std::max(0.0f, 0.25f - rho) * 4.0f;
    const float cell = angle * 13.0f / (2.0f * kPi);
    const float lateral = (cell - std::round(cell)) * 2.0f * kPi / 13.0f * rho * glm::length(radius) * 0.7f;
    h += 0.08f * top * std::exp(-lateral * lateral / (0.0012f * 0.0012f)) * glm::smoothstep(0.1f, 0.3f, rho);
    return h * glm::smoothstep(1.0f, 0.93f, rho) + 0.2f * top * (1.0f - glm::smoothstep(1.0f, 0.93f, rho));
}

// A pointed petal from `base` along `direction`: length, half width, heights at base and tip.
float shape_petal(glm::vec2 p, glm::vec2 base, float direction, float length, float half_width, float low, float high) {
    const glm::vec2 axis(std::cos(direction), std::sin(direction));
    const glm::vec2 q = p - base;
    const float t = glm::dot(q, axis) / length, s = glm::dot(q, glm::vec2(-axis.y, axis.x));
    if (t <= 0.0f || t >= 1.0f) return -1.0f;
    const float w = half_width * std::pow(std::sin(kPi * std::min(1.0f, t * 0.9f + 0.1f)), 0.7f) * (1.0f - 0.25f * t);
    const float across = std::abs(s) / w;
    if (across >= 1.0f) return -1.0f;
    const float midrib = 0.05f * std::exp(-across * across * 30.0f);
    return glm::mix(low, high, t * 0.6f) * (0.8f + 0.2f * std::sqrt(1.0f - across * across)) - midrib * high;
}

float shape_lotus(glm::vec2 p, glm::vec2 centre, float size, float top) {
    if (glm::distance(p, centre) > 1.3f * size) return -1.0f;
    float h = -1.0f;
    const glm::vec2 base = centre - glm::vec2(0.0f, 0.35f * size);
    // Back petals first, lower; the front ones stand in front, higher.
    constexpr std::array<float, 7> kBack{-1.25f, -0.75f, -0.25f, 0.25f, 0.75f, 1.25f, 0.0f};
    for (std::size_t k = 0; k < kBack.size(); ++k) {
        const bool front = k == 6;
        const float dir = 0.5f * kPi + kBack[k] * 0.85f;
        const float len = size * (front ? 1.05f : 1.15f - 0.12f * std::abs(kBack[k]));
        h = std::max(h, shape_petal(p, base, dir, len, size * (front ? 0.33f : 0.3f), top * 0.55f,
                                    top * (front ? 1.0f : 0.75f)));
    }
    for (const float side : {-1.0f, 1.0f})  // the two opened front petals, lowest and widest
        h = std::max(h, shape_petal(p, base + glm::vec2(side * 0.05f * size, 0.0f), 0.5f * kPi + side * 1.9f,
                                    size * 0.85f, size * 0.28f, top * 0.7f, top * 0.95f));
    return h;
}

float shape_wave_band(glm::vec2 p, float y_top) {  // stacked scallops of water
    if (p.y > y_top) return -1.0f;
    constexpr float kCell = 0.05f, kRow = 0.022f;
    float h = -1.0f;
    const int row0 = static_cast<int>(std::floor(p.y / kRow));
    for (int r = row0 + 1; r >= row0 - 1; --r) {  // rows above are behind
        const float cy = static_cast<float>(r) * kRow;
        const float shift = (r & 1) ? 0.5f * kCell : 0.0f;
        const float cx = std::round((p.x - shift) / kCell) * kCell + shift;
        const float d = glm::distance(p, glm::vec2(cx, cy));
        if (d < 0.5f * kCell && p.y >= cy - 0.001f)
            h = 0.22f + 0.1f * (0.5f + 0.5f * std::cos(2.0f * kPi * d / 0.0085f)) - 0.08f * (d / (0.5f * kCell));
    }
    return h * glm::smoothstep(y_top, y_top - 0.01f, p.y);
}

float shape_cloud(glm::vec2 p, glm::vec2 centre, float size) {
    if (glm::distance(p, centre) > 1.2f * size) return -1.0f;
    const std::array<glm::vec3, 4> lobes{
        {{0.0f, 0.0f, 0.5f}, {-0.55f, -0.1f, 0.38f}, {0.55f, -0.08f, 0.4f}, {0.2f, 0.3f, 0.3f}}};
    float h = -1.0f;
    for (const glm::vec3& l : lobes) {
        const float d = glm::distance(p, centre + size * glm::vec2(l.x, l.y)) / (size * l.z);
        if (d < 1.0f) {
            const float ring = 0.5f + 0.5f * std::cos(2.0f * kPi * d * 2.2f);
            h = std::max(h, 0.3f + 0.08f * ring * (1.0f - d) + 0.05f * std::sqrt(1.0f - d * d));
        }
    }
    return h;
}

// The panel's scene: water at the foot, two lotus leaves and three flowers on long stems,
// clouds above.
float panel_design(glm::vec2 p, float width) {
    const float x = p.x - 0.5f * width;
    const glm::vec2 q(x, p.y);
    float h = 0.0f;
    h = std::max(h, shape_wave_band(q, 0.095f));
    h = std::max(h, shape_cloud(q, {-0.12f, 0.49f}, 0.035f));
    h = std::max(h, shape_cloud(q, {0.11f, 0.47f}, 0.04f));
    h = std::max(h, shape_stem(q, {0.02f, 0.06f}, {-0.03f, 0.2f}, {0.02f, 0.30f}, 0.0055f, 0.5f));
    h = std::max(h, shape_stem(q, {-0.05f, 0.06f}, {-0.14f, 0.2f}, {-0.12f, 0.37f}, 0.0045f, 0.45f));
    h = std::max(h, shape_stem(q, {0.07f, 0.06f}, {0.16f, 0.25f}, {0.13f, 0.40f}, 0.004f, 0.45f));
    h = std::max(h, shape_stem(q, {-0.02f, 0.06f}, {-0.08f, 0.12f}, {-0.10f, 0.20f}, 0.005f, 0.4f));
    h = std::max(h, shape_stem(q, {0.05f, 0.06f}, {0.08f, 0.1f}, {0.12f, 0.15f}, 0.005f, 0.4f));
    h = std::max(h, shape_leaf(q, {-0.10f, 0.21f}, {0.085f, 0.05f}, 0.25f, 0.62f));
    h = std::max(h, shape_leaf(q, {0.12f, 0.16f}, {0.07f, 0.042f}, -0.3f, 0.6f));
    h = std::max(h, shape_lotus(q, {0.02f, 0.345f}, 0.075f, 1.0f));
    h = std::max(h, shape_lotus(q, {-0.12f, 0.395f}, 0.05f, 0.85f));
    // A bud: a pointed petal standing up.
    h = std::max(h, shape_petal(q, {0.13f, 0.395f}, 0.5f * kPi - 0.15f, 0.07f, 0.022f, 0.7f, 0.95f));
    return std::clamp(h, 0.0f, 1.0f);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// The Thiết Úng panel: the relief in a bevelled, mitred frame, on a carved foot.

namespace {

constexpr float kPanelWidth = 0.50f, kPanelHeight = 0.62f, kPanelBottom = 0.13f, kFrameBar = 0.045f;

// A frame profile swept round a rectangle: each profile point (inset from the outer edge, z)
// is a rectangle loop; loops are joined side by side, so the corners are exact mitres.
void frame_sweep(assets::Mesh& mesh, glm::vec2 centre, glm::vec2 half, const std::vector<glm::vec2>& profile,
                 float uv_per_metre) {
    std::vector<glm::vec2> normals(profile.size());
    for (std::size_t i = 0; i < profile.size(); ++i) {
        glm::vec2 dir(0.0f);
        if (i > 0) dir += glm::normalize(profile[i] - profile[i - 1]);
        if (i + 1 < profile.size()) dir += glm::normalize(profile[i + 1] - profile[i]);
        normals[i] = glm::normalize(glm::vec2(-dir.y, dir.x));  // (inset, z): left of the travel
    }
    // The four sides: outward direction and the corner order along the side.
    const std::array<glm::vec2, 4> outward{{{0, -1}, {1, 0}, {0, 1}, {-1, 0}}};
    for (const glm::vec2 o : outward) {
        const glm::vec2 along(-o.y, o.x);
        std::vector<std::uint32_t> first;
        float arc = 0.0f;
        for (std::size_t i = 0; i < profile.size(); ++i) {
            if (i > 0) arc += glm::distance(profile[i], profile[i - 1]);
            const glm::vec2 inner_half = half - glm::vec2(profile[i].x);
            const glm::vec2 mid = centre + o * glm::dot(glm::abs(o), inner_half);
            const float reach = glm::dot(glm::abs(along), inner_half);
            const glm::vec3 n = glm::normalize(glm::vec3(-o * normals[i].x, normals[i].y));
            first.push_back(static_cast<std::uint32_t>(mesh.positions.size()));
            for (const float end : {-1.0f, 1.0f}) {
                const glm::vec2 q = mid + along * (end * reach);
                const float grain = glm::dot(q, along);
                weave::add_vertex(
                    mesh,
                    {{q.x, q.y, profile[i].y}, n, glm::vec2(grain, arc + 0.3f * o.x) * uv_per_metre, glm::vec4(1.0f)});
            }
        }
        for (std::size_t i = 0; i + 1 < profile.size(); ++i)
            fw_facing_quad(mesh, first[i], first[i] + 1, first[i + 1] + 1, first[i + 1]);
    }
}

std::vector<glm::vec2> frame_profile() {
    std::vector<glm::vec2> p{{kFrameBar, -0.02f}, {0.0f, -0.02f},     {0.0f, -0.0195f},
                             {0.0f, 0.011f},      {0.0005f, 0.0135f}, {0.002f, 0.0165f},
                             {0.0045f, 0.019f},   {0.0075f, 0.02f},   {0.018f, 0.02f}};
    for (int k = 0; k <= 8; ++k) {  // a half-round bead
        const float a = kPi * static_cast<float>(k) / 8.0f;
        p.push_back({0.0225f - 0.0035f * std::cos(a), 0.02f + 0.0032f * std::sin(a)});
    }
    p.insert(p.end(), {{0.0275f, 0.019f},
                       {0.031f, 0.0175f},
                       {0.041f, 0.0085f},
                       {0.0445f, 0.006f},
                       {kFrameBar, 0.0055f},
                       {kFrameBar, 0.0f}});
    return p;
}

// One foot of the stand: a profile in (z, y) extruded along x, built as vertical strips so
// the concave outline needs no triangulation.
void stand_foot(assets::Mesh& mesh, float x_centre, float half_thickness, float uv_per_metre) {
    const auto top = [](float z) {
        const float a = std::abs(z);
        const float ears = 0.165f - 0.03f * glm::smoothstep(0.02f, 0.04f, a);  // cheeks round the frame
        const float scroll = 0.035f + 0.1f * std::pow(std::max(0.0f, 1.0f - (a - 0.035f) / 0.055f), 1.6f) +
                             0.012f * std::exp(-std::pow((a - 0.078f) / 0.006f, 2.0f));
        return a < 0.0205f ? kPanelBottom + 0.004f : (a < 0.035f ? ears : std::min(ears, scroll));
    };
    const auto bottom = [](float z) {
        return 0.018f * (1.0f - glm::smoothstep(0.035f, 0.06f, std::abs(z)));  // an arch between two pads
    };
    std::vector<float> zs;
    for (int i = 0; i <= 120; ++i) zs.push_back(-0.09f + 0.18f * static_cast<float>(i) / 120.0f);
    for (const float z : {-0.0205f, -0.0204f, 0.0204f, 0.0205f}) zs.push_back(z);  // the slot walls
    std::sort(zs.begin(), zs.end());
    for (const float side : {-1.0f, 1.0f}) {  // the flat faces
        const float x = x_centre + side * half_thickness;
        std::vector<std::uint32_t> col;
        for (const float z : zs) {
            col.push_back(weave::add_vertex(
                mesh, {{x, bottom(z), z}, {side, 0, 0}, glm::vec2(z, bottom(z)) * uv_per_metre, glm::vec4(1.0f)}));
            weave::add_vertex(mesh,
                              {{x, top(z), z}, {side, 0, 0}, glm::vec2(z, top(z)) * uv_per_metre, glm::vec4(1.0f)});
        }
        for (std::size_t i = 0; i + 1 < zs.size(); ++i)
            fw_facing_quad(mesh, col[i], col[i + 1], col[i + 1] + 1, col[i] + 1);
    }
    for (const bool upper : {true, false}) {  // the top and bottom edges, across the thickness
        std::vector<std::uint32_t> row;
        for (std::size_t i = 0; i < zs.size(); ++i) {
            const float z = zs[i];
            const float dz = 0.0005f;
            const float y = upper ? top(z) : bottom(z);
            const float slope = ((upper ? top(z + dz) - top(z - dz) : bottom(z + dz) - bottom(z - dz))) / (2 * dz);
            glm::vec3 n = glm::normalize(glm::vec3(0.0f, 1.0f, -slope)) * (upper ? 1.0f : -1.0f);
            if (std::abs(slope) > 20.0f) n = glm::vec3(0, 0, z < 0 ? 1.0f : -1.0f) * (upper ? 1.0f : -1.0f);
            row.push_back(weave::add_vertex(
                mesh,
                {{x_centre - half_thickness, y, z}, n, glm::vec2(z, -half_thickness) * uv_per_metre, glm::vec4(1.0f)}));
            weave::add_vertex(
                mesh,
                {{x_centre + half_thickness, y, z}, n, glm::vec2(z, half_thickness) * uv_per_metre, glm::vec4(1.0f)});
        }
        for (std::size_t i = 0; i + 1 < zs.size(); ++i)
            fw_facing_quad(mesh, row[i], row[i] + 1, row[i + 1] + 1, row[i + 1]);
    }
    for (const float end : {-1.0f, 1.0f}) {  // the end grain
        const float z = end * 0.09f;
        const glm::vec3 n(0, 0, end);
        const std::uint32_t a =
            weave::add_vertex(mesh, {{x_centre - half_thickness, bottom(z), z}, n, {0, 0}, glm::vec4(1.0f)});
        weave::add_vertex(mesh, {{x_centre + half_thickness, bottom(z), z}, n, {0.05f, 0}, glm::vec4(1.0f)});
        weave::add_vertex(mesh, {{x_centre + half_thickness, top(z), z}, n, {0.05f, 0.04f}, glm::vec4(1.0f)});
        weave::add_vertex(mesh, {{x_centre - half_thickness, top(z), z}, n, {0, 0.04f}, glm::vec4(1.0f)});
        fw_facing_quad(mesh, a, a + 1, a + 2, a + 3);
    }
}

assets::Material oiled_wood(const std::string& name) {
    assets::Material m;
    m.name = name;
    m.metallic = 0.0f;
    m.roughness = 0.45f;
    m.clearcoat.enabled = true;  // a thin oil film: a faint second highlight
    m.clearcoat.factor = 0.25f;
    m.clearcoat.roughness = 0.3f;
    return m;
}

}  // namespace

SampleFile make_tu_carved_panel() {
    SampleFile file{"tu-carved-panel.glb", FileFormat::Glb, {}, "m", "y"};
    assets::Model& model = file.model;
    model.source = "tu-carved-panel (generated)";
    const WoodPalette wood{{0.40f, 0.23f, 0.12f}, {0.20f, 0.10f, 0.05f}, 4711u};
    constexpr float kRelief = 0.012f;
    const glm::vec2 opening(kPanelWidth - 2 * kFrameBar + 0.006f, kPanelHeight - 2 * kFrameBar + 0.006f);
    const WoodHeightField field = wood_carve(
        [&](glm::vec2 p) { return panel_design(p - glm::vec2(0.0f, 0.02f), opening.x); }, opening, 1024, 1024);
    constexpr int kGridX = 200, kGridY = 264;
    ReliefImages baked = bake_relief("carved_panel", field, kRelief, wood, opening.x / kGridX);
    model.images = {std::move(baked.colour), std::move(baked.normal), std::move(baked.orm),
                    wood_grain_image("oiled_wood_color", wood, 1.0f)};

    assets::Material relief = oiled_wood("carved_relief");
    relief.base_color_texture.image = 0;
    relief.normal_texture.image = 1;
    relief.metallic_roughness_texture.image = 2;
    relief.occlusion_texture.image = 2;
    relief.roughness = 1.0f;  // from the packed image
    assets::Material frame = oiled_wood("oiled_wood");
    frame.base_color_texture.image = 3;
    model.materials = {relief, frame};

    const float centre_y = kPanelBottom + 0.5f * kPanelHeight;
    const glm::vec3 origin(-0.5f * opening.x, centre_y - 0.5f * opening.y, 0.002f);
    assets::Mesh carving = relief_grid("relief", field, kRelief, origin, {1, 0, 0}, {0, 1, 0}, kGridX, kGridY);
    carving.material = 0;

    assets::Mesh wood_parts;
    wood_parts.name = "frame_and_stand";
    frame_sweep(wood_parts, {0.0f, centre_y}, {0.5f * kPanelWidth, 0.5f * kPanelHeight}, frame_profile(), 1.0f);
    weave::rounded_box(wood_parts, {0.0f, centre_y, -0.0185f}, {0.5f * opening.x, 0.5f * opening.y, 0.0015f}, 0.0005f,
                       1.0f, 1);  // the back board
    for (const float side : {-1.0f, 1.0f}) stand_foot(wood_parts, side * 0.19f, 0.022f, 1.0f);
    weave::rounded_box(wood_parts, {0.0f, 0.085f, 0.0f}, {0.17f, 0.016f, 0.016f}, 0.005f, 1.0f);  // the rail
    wood_parts.material = 1;
    assets::generate_tangents(wood_parts);
    model.meshes = {std::move(carving), std::move(wood_parts)};
    fw_drop_colours(model);
    fw_rest_on_origin(model);
    assets::add_root_node_for_all_meshes(model, "tu_carved_panel");
    return file;
}

// ---------------------------------------------------------------------------------------------
// The jewellery box: body and lid with rounded edges on four small feet, a carved lid (a lotus
// rosette in a beaded border, scrolls at the corners) and a brass clasp.

namespace {

float box_lid_design(glm::vec2 p, glm::vec2 size) {
    const glm::vec2 q = p - 0.5f * size;
    const glm::vec2 edge = 0.5f * size - glm::abs(q);
    const float border = std::min(edge.x, edge.y);
    float h = 0.0f;
    if (border < 0.012f) {  // a bead round a sunken field
        const float t = (border - 0.006f) / 0.0035f;
        h = std::abs(t) < 1.0f ? 0.55f * std::sqrt(1.0f - t * t) + 0.1f : 0.1f * glm::smoothstep(0.0f, 0.002f, border);
        return h;
    }
    const float r = glm::length(q), a = std::atan2(q.y, q.x);
    for (int ring = 0; ring < 3; ++ring) {  // rosette: three rings of petals, offset
        const float count = 8.0f, r0 = 0.012f + 0.014f * ring;
        const float cell = a * count / (2.0f * kPi) + (ring & 1 ? 0.5f : 0.0f);
        const float c = cell - std::round(cell);
        const float reach = r0 + 0.016f * std::cos(c * kPi) * std::cos(c * kPi);
        if (r < reach) {
            const float dome = 1.0f - r / reach;
            h = std::max(h, (0.95f - 0.2f * ring) * (0.7f + 0.3f * std::sqrt(dome)) -
                                0.08f * std::exp(-c * c * 200.0f) * (1.0f - dome));
        }
    }
    if (r < 0.01f) h = std::max(h, 0.9f + 0.1f * (0.5f + 0.5f * std::cos(q.x * 1400.0f) * std::cos(q.y * 1400.0f)));
    for (const float sx : {-1.0f, 1.0f})  // corner scrolls: spirals of a raised line
        for (const float sy : {-1.0f, 1.0f}) {
            const glm::vec2 c = glm::vec2(sx * (0.5f * size.x - 0.032f), sy * (0.5f * size.y - 0.028f));
            const glm::vec2 d = q - c;
            const float rr = glm::length(d);
            if (rr > 0.02f) continue;
            const float turn = (std::atan2(d.y * sy, d.x * sx) + kPi) / (2.0f * kPi);
            const float spiral = rr / 0.0055f - turn;
            const float line = std::abs(spiral - std::round(spiral));
            if (line < 0.22f) h = std::max(h, 0.5f * (1.0f - line / 0.22f) + 0.15f);
        }
    return h;
}

}  // namespace

SampleFile make_tu_carved_box() {
    SampleFile file{"tu-carved-box.obj", FileFormat::Obj, {}, "cm", "y"};
    assets::Model& model = file.model;
    model.source = "tu-carved-box (generated)";
    const WoodPalette wood{{0.52f, 0.27f, 0.14f}, {0.28f, 0.12f, 0.06f}, 1303u};
    constexpr float kCarving = 0.005f, kLidTop = 0.114f;
    const glm::vec2 plaque(0.19f, 0.125f);
    const WoodHeightField field = wood_carve([&](glm::vec2 p) { return box_lid_design(p, plaque); }, plaque, 1024, 672);
    constexpr int kGridX = 190, kGridY = 125;
    ReliefImages baked = bake_relief("carved_lid", field, kCarving, wood, plaque.x / kGridX);
    model.images = {std::move(baked.colour), std::move(baked.normal), std::move(baked.orm),
                    wood_grain_image("box_wood_color", wood, 0.25f)};

    assets::Material carved = oiled_wood("carved_lid");
    carved.clearcoat = {};  // OBJ keeps no clearcoat: the oil sheen lives in the roughness
    carved.base_color_texture.image = 0;
    carved.normal_texture.image = 1;
    carved.metallic_roughness_texture.image = 2;
    carved.occlusion_texture.image = 2;
    carved.roughness = 1.0f;
    assets::Material body = oiled_wood("box_wood");
    body.clearcoat = {};
    body.roughness = 0.42f;
    body.base_color_texture.image = 3;
    assets::Material brass;
    brass.name = "brass";
    brass.base_color = {0.78f, 0.56f, 0.26f, 1.0f};
    brass.metallic = 1.0f;
    brass.roughness = 0.32f;
    model.materials = {carved, body, brass};

    // The plaque sits flush on the lid top: the field's x along +x, its y along -z (front +z).
    assets::Mesh lid_top =
        relief_grid("lid_carving", field, kCarving, {-0.5f * plaque.x, kLidTop + 0.0002f, 0.5f * plaque.y}, {1, 0, 0},
                    {0, 0, -1}, kGridX, kGridY);
    lid_top.material = 0;
    assets::Mesh wood_parts;
    wood_parts.name = "box_body_and_lid";
    weave::rounded_box(wood_parts, {0.0f, 0.046f, 0.0f}, {0.107f, 0.040f, 0.072f}, 0.004f, 4.0f);
    weave::rounded_box(wood_parts, {0.0f, 0.1003f, 0.0f}, {0.110f, 0.0137f, 0.075f}, 0.005f, 4.0f);
    for (const float sx : {-1.0f, 1.0f})
        for (const float sz : {-1.0f, 1.0f})
            weave::rounded_box(wood_parts, {sx * 0.092f, 0.0035f, sz * 0.058f}, {0.009f, 0.0035f, 0.009f}, 0.002f,
                               4.0f);
    wood_parts.material = 1;
    assets::Mesh clasp;
    clasp.name = "brass_clasp";
    weave::rounded_box(clasp, {0.0f, 0.087f, 0.0755f}, {0.011f, 0.009f, 0.0015f}, 0.0012f, 4.0f);
    clasp.material = 2;
    model.meshes = {std::move(lid_top), std::move(wood_parts), std::move(clasp)};
    fw_drop_colours(model);
    fw_rest_on_origin(model);
    assets::add_root_node_for_all_meshes(model, "tu_carved_box");
    return file;
}

// ---------------------------------------------------------------------------------------------
// Sơn Đồng gilded statue: a Buddha seated in meditation on a double lotus throne over a square
// red-lacquered plinth, hands joined before the chest. Smooth blended shapes (Quílez's
// distance functions), gold leaf over red lacquer over wood, worn through on the edges.

namespace {

float statue_ellipsoid(glm::vec3 p, glm::vec3 r) {  // Quílez's bound: good near the surface
    const float k0 = glm::length(p / r), k1 = glm::length(p / (r * r));
    return k1 > 0.0f ? k0 * (k0 - 1.0f) / k1 : -std::min(r.x, std::min(r.y, r.z));
}
float statue_capsule(glm::vec3 p, glm::vec3 a, glm::vec3 b, float r) {
    const glm::vec3 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    return glm::distance(p, a + ab * t) - r;
}
float statue_round_box(glm::vec3 p, glm::vec3 half, float r) {
    const glm::vec3 q = glm::abs(p) - half + r;
    return glm::length(glm::max(q, 0.0f)) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f) - r;
}
float statue_smooth_union(float a, float b, float k) {  // polynomial smooth minimum
    const float h = std::max(k - std::abs(a - b), 0.0f) / k;
    return std::min(a, b) - h * h * k * 0.25f;
}
float statue_smooth_cut(float a, float b, float k) { return -statue_smooth_union(-a, b, k); }  // a minus b

glm::vec3 statue_mirror_x(glm::vec3 p) { return {std::abs(p.x), p.y, p.z}; }

// Raised petals on the throne: a row of `count` pointed petals between heights y0 (base) and
// y1 (tip), as a displacement of the surface.
float lotus_petals(glm::vec3 p, float y0, float y1, float count, float offset) {
    const float t = (p.y - y0) / (y1 - y0);
    if (t < 0.0f || t > 1.0f) return 0.0f;
    const float cell = std::atan2(p.x, p.z) * count / (2.0f * kPi) + offset;
    const float c = std::abs(cell - std::round(cell));
    const float half_width = 0.47f * std::sqrt(std::max(0.0f, 1.0f - t * t)) * std::min(1.0f, 6.0f * t + 0.4f);
    const float inside = half_width - c;
    return 0.0032f * glm::smoothstep(0.0f, 0.06f, inside) + 0.0012f * glm::smoothstep(0.1f, 0.3f, inside) * (1.0f - t);
}

float statue_base(glm::vec3 p) {
    float d = statue_round_box(p - glm::vec3(0.0f, 0.0225f, 0.0f), {0.12f, 0.0225f, 0.10f}, 0.004f);
    d = std::min(d, statue_round_box(p - glm::vec3(0.0f, 0.052f, 0.0f), {0.106f, 0.0075f, 0.087f}, 0.003f));
    // Sunken panels on the plinth's faces.
    d = std::max(
        d, -statue_round_box(statue_mirror_x(p) - glm::vec3(0.12f, 0.0225f, 0.0f), {0.003f, 0.012f, 0.078f}, 0.001f));
    d = std::max(d, -statue_round_box(p - glm::vec3(0.0f, 0.0225f, 0.10f), {0.098f, 0.012f, 0.003f}, 0.001f));
    // The double lotus throne: petals up above its waist, down below it.
    const glm::vec3 c(0.0f, 0.093f, 0.0f);
    float lotus = statue_ellipsoid(p - c, {0.097f, 0.036f, 0.079f});
    lotus -= lotus_petals(p, 0.089f, 0.126f, 18.0f, 0.0f);
    lotus -= lotus_petals({p.x, 2.0f * c.y - p.y, p.z}, 0.089f, 0.122f, 18.0f, 0.5f);
    return statue_smooth_union(d, lotus, 0.006f);
}

float statue_figure(glm::vec3 p) {
    const glm::vec3 m = statue_mirror_x(p);
    // Crossed legs under the robe, the shins and the upturned soles.
    float legs = statue_ellipsoid(p - glm::vec3(0.0f, 0.142f, 0.012f), {0.098f, 0.031f, 0.072f});
    legs = statue_smooth_union(legs, statue_capsule(p, {-0.080f, 0.139f, 0.046f}, {0.036f, 0.151f, 0.068f}, 0.020f),
                               0.012f);
    legs = statue_smooth_union(legs, statue_capsule(p, {0.080f, 0.146f, 0.044f}, {-0.036f, 0.158f, 0.064f}, 0.019f),
                               0.012f);
    legs = statue_smooth_union(legs, statue_ellipsoid(p - glm::vec3(0.046f, 0.168f, 0.040f), {0.021f, 0.009f, 0.030f}),
                               0.006f);
    legs = statue_smooth_union(legs, statue_ellipsoid(p - glm::vec3(-0.046f, 0.172f, 0.036f), {0.021f, 0.009f, 0.030f}),
                               0.006f);
    // Folds of the robe fan out over the lap.
    const float lap_mask = glm::smoothstep(0.19f, 0.165f, p.y);
    legs -= 0.0008f * lap_mask * std::sin(std::atan2(p.x, p.z + 0.03f) * 14.0f + 6.0f * p.y / 0.05f);

    float body = statue_ellipsoid(p - glm::vec3(0.0f, 0.245f, -0.008f), {0.068f, 0.095f, 0.048f});
    body = statue_smooth_union(body, statue_ellipsoid(p - glm::vec3(0.0f, 0.290f, -0.002f), {0.074f, 0.050f, 0.046f}),
                               0.02f);
    body = statue_smooth_union(body, statue_ellipsoid(p - glm::vec3(0.0f, 0.212f, 0.010f), {0.062f, 0.050f, 0.045f}),
                               0.02f);
    body = statue_smooth_union(body, statue_capsule(p, {-0.064f, 0.325f, -0.010f}, {0.064f, 0.325f, -0.010f}, 0.022f),
                               0.02f);
    // Arms in wide sleeves, forearms coming in to the joined hands.
    float arms = statue_capsule(m, {0.075f, 0.315f, -0.012f}, {0.088f, 0.232f, 0.012f}, 0.021f);
    arms =
        statue_smooth_union(arms, statue_capsule(m, {0.088f, 0.232f, 0.012f}, {0.016f, 0.262f, 0.056f}, 0.017f), 0.01f);
    arms = statue_smooth_union(arms, statue_ellipsoid(m - glm::vec3(0.062f, 0.226f, 0.034f), {0.030f, 0.021f, 0.030f}),
                               0.012f);
    body = statue_smooth_union(body, arms, 0.012f);
    // Diagonal drapery and the raised hem of the robe crossing from the left shoulder.
    // Soft, irregular folds: a few long waves whose depth comes and goes, not a ribbed towel.
    const float drape = glm::smoothstep(0.17f, 0.2f, p.y) * glm::smoothstep(0.34f, 0.30f, p.y);
    const float fold_depth = 0.0011f * glm::smoothstep(0.35f, 0.75f, value_noise(p * 28.0f, 71u));
    body -= drape * fold_depth * std::sin(2.0f * kPi * (0.55f * p.x + p.y) / 0.03f + 3.0f * p.x / 0.05f);
    const glm::vec2 hem_a(-0.055f, 0.33f), hem_b(0.07f, 0.19f);
    const glm::vec2 hem_dir = glm::normalize(hem_b - hem_a);
    const float hem = std::abs(glm::dot(glm::vec2(p.x, p.y) - hem_a, glm::vec2(-hem_dir.y, hem_dir.x)));
    body -= 0.0024f * glm::smoothstep(0.0065f, 0.003f, hem) * glm::smoothstep(-0.01f, 0.02f, p.z);
    float figure = statue_smooth_union(legs, body, 0.018f);

    // Hands palm to palm, tilted a little forward.
    const glm::vec3 hc(0.0f, 0.291f, 0.066f);
    const float tilt = -0.25f;
    const glm::vec3 h0 = p - hc;
    const glm::vec3 hr(h0.x, std::cos(tilt) * h0.y - std::sin(tilt) * h0.z,
                       std::sin(tilt) * h0.y + std::cos(tilt) * h0.z);
    const float hands = std::min(statue_ellipsoid(hr - glm::vec3(0.0058f, 0.0f, 0.0f), {0.0066f, 0.031f, 0.016f}),
                                 statue_ellipsoid(hr + glm::vec3(0.0058f, 0.0f, 0.0f), {0.0066f, 0.031f, 0.016f}));
    figure = statue_smooth_union(figure, hands, 0.008f);

    // Neck, head, face.
    float head = statue_capsule(p, {0.0f, 0.335f, -0.006f}, {0.0f, 0.372f, -0.004f}, 0.021f);
    head = statue_smooth_union(head, statue_ellipsoid(p - glm::vec3(0.0f, 0.405f, 0.0f), {0.039f, 0.049f, 0.044f}),
                               0.012f);
    head =
        statue_smooth_union(head, statue_capsule(p, {0.0f, 0.414f, 0.040f}, {0.0f, 0.399f, 0.0465f}, 0.0062f), 0.006f);
    head = statue_smooth_union(head, statue_capsule(p, {-0.021f, 0.421f, 0.036f}, {0.021f, 0.421f, 0.036f}, 0.0045f),
                               0.01f);
    head = statue_smooth_union(head, statue_ellipsoid(p - glm::vec3(0.0f, 0.387f, 0.040f), {0.011f, 0.0045f, 0.006f}),
                               0.004f);
    head = statue_smooth_union(head, statue_ellipsoid(m - glm::vec3(0.041f, 0.398f, -0.002f), {0.008f, 0.030f, 0.014f}),
                               0.006f);
    head = statue_smooth_cut(head, statue_capsule(m, {0.007f, 0.4095f, 0.045f}, {0.026f, 0.4105f, 0.039f}, 0.0019f),
                             0.002f);
    head = statue_smooth_cut(
        head, statue_capsule(p, {-0.0085f, 0.3855f, 0.0435f}, {0.0085f, 0.3855f, 0.0435f}, 0.0012f), 0.0015f);
    // Hair of snail-shell curls, and the ushnisha with a flame jewel on top.
    float hair = statue_ellipsoid(p - glm::vec3(0.0f, 0.421f, -0.006f), {0.042f, 0.039f, 0.046f});
    hair = std::max(hair, 0.423f - p.y + 0.28f * p.z);
    hair = std::min(hair, statue_ellipsoid(p - glm::vec3(0.0f, 0.452f, -0.006f), {0.025f, 0.024f, 0.025f}));
    hair -= 0.0016f * std::abs(std::sin(p.x * 620.0f) * std::sin(p.y * 620.0f) * std::sin(p.z * 620.0f + 0.5f));
    head = statue_smooth_union(head, hair, 0.003f);
    head = statue_smooth_union(
        head, statue_ellipsoid(p - glm::vec3(0.0f, 0.4835f, -0.006f), {0.0085f, 0.0165f, 0.0085f}), 0.005f);
    return statue_smooth_union(figure, head, 0.006f);
}

float statue_distance(glm::vec3 p) {
    // Skip the figure's shapes well away from it: most samples are far from one or the other.
    const float base = statue_base(p);
    if (p.y < 0.09f && base < -0.01f) return base;
    const float figure_bound = statue_round_box(p - glm::vec3(0.0f, 0.31f, 0.01f), {0.115f, 0.19f, 0.09f}, 0.02f);
    if (figure_bound > 0.02f) return std::min(base, figure_bound);
    return statue_smooth_union(base, statue_figure(p), 0.008f);
}

struct StatueVertexInfo {
    float curvature = 0.0f;  // Laplacian of the distance: > 0 on convex edges
    float occlusion = 1.0f;
};

// Occlusion from distance samples along the normal (Quílez, "Rendering worlds with two
// triangles", 2008) and mean curvature from the Laplacian, at two scales for edge wear.
StatueVertexInfo statue_vertex_info(glm::vec3 p, glm::vec3 n) {
    StatueVertexInfo info;
    constexpr float kH = 0.0035f;  // the wear follows edges a finger rubs, not pinholes
    const float d0 = statue_distance(p);
    float sum = 0.0f;
    for (int a = 0; a < 3; ++a) {
        glm::vec3 e(0.0f);
        e[a] = kH;
        sum += statue_distance(p + e) + statue_distance(p - e) - 2.0f * d0;
    }
    info.curvature = sum / (kH * kH);
    float occ = 0.0f, weight = 1.0f;
    for (int i = 1; i <= 5; ++i) {
        const float step = 0.004f * static_cast<float>(i);
        occ += weight * (step - statue_distance(p + n * step)) / step;
        weight *= 0.6f;
    }
    info.occlusion = std::clamp(1.0f - 0.55f * occ, 0.15f, 1.0f);
    return info;
}

}  // namespace

SampleFile make_sd_gilded_statue() {
    SampleFile file{"sd-gilded-statue.glb", FileFormat::Glb, {}, "m", "y"};
    assets::Model& model = file.model;
    model.source = "sd-gilded-statue (generated)";
    assets::Mesh mesh =
        weave::polygonise(statue_distance, {-0.126f, -0.004f, -0.106f}, {0.126f, 0.504f, 0.106f}, 0.0018f);
    mesh.name = "gilded_statue";
    std::vector<StatueVertexInfo> info(mesh.positions.size());
    parallel_for(mesh.positions.size(),
                 [&](std::size_t v) { info[v] = statue_vertex_info(mesh.positions[v], mesh.normals[v]); });

    constexpr int kSize = 2048;
    const weave::Atlas atlas = weave::unwrap_charts(mesh, kSize, 3);
    assets::Image colour = fw_image("gilded_statue_color", kSize, kSize);
    assets::Image orm = fw_image("gilded_statue_orm", kSize, kSize);
    for (std::size_t i = 0; i < orm.rgba8.size(); i += 4) orm.rgba8[i + 2] = 0;  // unused atlas space: rough, not metal
    parallel_for(kSize, [&](std::size_t row) {
        for (int x = 0; x < kSize; ++x) {
            const weave::Atlas::Texel& t = atlas.texels[row * kSize + x];
            if (t.triangle < 0) continue;
            glm::vec3 p(0.0f), n(0.0f);
            float curvature = 0.0f, occlusion = 0.0f;
            for (int k = 0; k < 3; ++k) {
                const std::uint32_t v = mesh.indices[static_cast<std::size_t>(t.triangle) * 3 + k];
                const StatueVertexInfo& vi = info[atlas.source_vertex[v]];
                p += t.weights[k] * mesh.positions[v];
                n += t.weights[k] * mesh.normals[v];
                curvature += t.weights[k] * vi.curvature;
                occlusion += t.weights[k] * vi.occlusion;
            }
            const float grain = value_noise(p * 900.0f, 61u);  // scanner and leaf speckle
            const float blotch = fbm(p * 45.0f, 2, 62u);
            const float wear_noise = fbm(p * 160.0f, 2, 63u);
            const bool plinth = p.y < 0.062f;
            // Gold leaf squares (about 4 cm) laid by hand: each a slightly different tone,
            // with a faint overlap line.
            const glm::vec3 an = glm::abs(n);
            const glm::vec2 leaf_uv = an.x > an.y && an.x > an.z ? glm::vec2(p.z, p.y)
                                      : an.y > an.z              ? glm::vec2(p.x, p.z)
                                                                 : glm::vec2(p.x, p.y);
            const glm::vec2 leaf = leaf_uv / 0.042f;
            const float leaf_tone =
                hash01(static_cast<int>(std::floor(leaf.x)), static_cast<int>(std::floor(leaf.y)), 0, 64u);
            const glm::vec2 fl = glm::abs(leaf - glm::floor(leaf) - 0.5f);
            const float seam = glm::smoothstep(0.485f, 0.5f, std::max(fl.x, fl.y));
            glm::vec3 gold = glm::mix(glm::vec3(0.90f, 0.72f, 0.40f), glm::vec3(0.80f, 0.60f, 0.30f), leaf_tone);
            gold *= (1.0f - 0.12f * seam) * (0.9f + 0.16f * blotch);
            const glm::vec3 lacquer = glm::vec3(0.50f, 0.10f, 0.06f) * (0.85f + 0.2f * blotch);
            const glm::vec3 wood = glm::vec3(0.30f, 0.18f, 0.10f) * (0.8f + 0.3f * grain);
            // Edges rub through: gold to the red lacquer, the sharpest to bare wood. The plinth
            // is lacquered red with gilded edges, as Sơn Đồng bases are.
            const float edge = curvature / 420.0f + 0.45f * (wear_noise - 0.5f);
            float gold_cover = 1.0f - glm::smoothstep(0.45f, 0.85f, edge);
            // Broad patches where centuries of hands and cloths rubbed the leaf thin.
            const float rubbed =
                glm::smoothstep(0.62f, 0.78f, fbm(p * 34.0f, 2, 65u)) * glm::smoothstep(0.0f, 150.0f, curvature);
            gold_cover *= 1.0f - 0.75f * rubbed * occlusion;
            if (plinth) gold_cover = glm::smoothstep(0.25f, 0.5f, edge) * (1.0f - glm::smoothstep(1.1f, 1.4f, edge));
            const float bare = glm::smoothstep(1.05f, 1.4f, edge);
            glm::vec3 c = glm::mix(lacquer, gold, gold_cover);
            c = glm::mix(c, wood, bare);
            // Grime in the hollows: lacquer and dust darken what the cloth cannot reach.
            const float grime =
                glm::smoothstep(0.75f, 0.3f, occlusion) + 0.5f * glm::smoothstep(-60.0f, -300.0f, curvature);
            c = glm::mix(c, glm::vec3(0.16f, 0.10f, 0.05f), std::clamp(0.55f * grime, 0.0f, 0.7f));
            c *= 0.96f + 0.08f * grain;
            fw_put(colour, x, static_cast<int>(row), {c, 1.0f});
            const float metal = gold_cover * (1.0f - bare) * (1.0f - 0.5f * std::clamp(grime, 0.0f, 1.0f));
            const float rough = glm::mix(0.5f, 0.28f + 0.08f * blotch, gold_cover) + 0.25f * bare +
                                0.1f * std::clamp(grime, 0.0f, 1.0f);
            fw_put(orm, x, static_cast<int>(row), {occlusion, rough, metal, 1.0f});
        }
    });
    weave::dilate_rgba(colour.rgba8, atlas, 4);
    weave::dilate_rgba(orm.rgba8, atlas, 4);
    model.images = {std::move(colour), std::move(orm)};

    assets::Material gilded;
    gilded.name = "gold_leaf_on_red_lacquer";
    gilded.metallic = 1.0f;  // the packed image carries where the gold is
    gilded.roughness = 1.0f;
    gilded.base_color_texture.image = 0;
    gilded.metallic_roughness_texture.image = 1;
    gilded.occlusion_texture.image = 1;
    for (assets::TextureRef* ref :
         {&gilded.base_color_texture, &gilded.metallic_roughness_texture, &gilded.occlusion_texture})
        ref->wrap_s = ref->wrap_t = assets::Wrap::ClampToEdge;
    model.materials = {gilded};
    mesh.material = 0;
    model.meshes = {std::move(mesh)};
    fw_rest_on_origin(model);
    assets::add_root_node_for_all_meshes(model, "sd_gilded_statue");
    return file;
}

}  // namespace ocop::samples
