// Tranh Khúc food (Duyên Hà, Thanh Trì): a square bánh chưng wrapped in dong leaves and tied
// with split bamboo, its printed gift box, and four bánh dày on a banana leaf.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "cloth.h"
#include "core/parallel.h"
#include "generators.h"
#include "procedural.h"

namespace ocop::samples {
namespace {

using cloth::kClothPi;

// A box with rounded edges, one grid per face: `half` extents, `radius` of the edges, and a
// displacement along the normal (leaf wrinkles, string grooves, a domed top).
using FoodDisplace = std::function<float(glm::vec3 p, glm::vec3 n)>;
assets::Mesh food_rounded_box(const std::string& name, glm::vec3 half, float radius, int steps,
                              const std::array<glm::vec4, 6>& rects, const FoodDisplace& displace) {
    // Faces: +Y, -Y, +Z, -Z, +X, -X as (normal, a, b) with cross(a, b) = normal.
    const std::array<std::array<glm::vec3, 3>, 6> faces{{{{{0, 1, 0}, {1, 0, 0}, {0, 0, -1}}},
                                                         {{{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}},
                                                         {{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}},
                                                         {{{0, 0, -1}, {-1, 0, 0}, {0, 1, 0}}},
                                                         {{{1, 0, 0}, {0, 0, -1}, {0, 1, 0}}},
                                                         {{{-1, 0, 0}, {0, 0, 1}, {0, 1, 0}}}}};
    assets::Mesh mesh;
    mesh.name = name;
    const glm::vec3 inner = half - glm::vec3(radius);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        const auto [n, a, b] = faces[f];
        // v runs down the image: b is "up" on the face, so flip it.
        cloth::append_mesh(mesh, cloth::grid_mesh(name, {steps, steps, false, rects[f]}, [&, n = n, a = a, b = b](float u, float v) {
            const glm::vec3 q = (n + (2.0f * u - 1.0f) * a - (2.0f * v - 1.0f) * b) * half;
            const glm::vec3 core = glm::clamp(q, -inner, inner);
            const glm::vec3 out = q - core;
            const glm::vec3 dir = glm::length(out) > 1e-7f ? glm::normalize(out) : n;
            const glm::vec3 p = core + radius * dir;
            return p + dir * (displace ? displace(p, dir) : 0.0f);
        }));
    }
    // The flipped b makes cross(dP/du, dP/dv) point inwards: turn the winding round.
    for (std::size_t i = 0; i < mesh.indices.size(); i += 3) std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
    for (glm::vec3& normal : mesh.normals) normal = -normal;
    for (glm::vec4& tangent : mesh.tangents) tangent.w = -tangent.w;  // image up is +b
    return mesh;
}

// A 3 x 2 atlas, one rect per face of a box, a few texels apart.
std::array<glm::vec4, 6> food_box_atlas() {
    std::array<glm::vec4, 6> rects{};
    for (int f = 0; f < 6; ++f) {
        const float x0 = static_cast<float>(f % 3) / 3.0f, y0 = static_cast<float>(f / 3) / 2.0f;
        rects[static_cast<std::size_t>(f)] = {x0 + 0.004f, y0 + 0.004f, x0 + 1.0f / 3.0f - 0.004f, y0 + 0.5f - 0.004f};
    }
    return rects;
}

// Which face rect holds a texel, and where on the face (u, v in 0..1).
int food_face_at(const std::array<glm::vec4, 6>& rects, glm::vec2 t, glm::vec2* uv) {
    int best = 0;
    float distance = 1e9f;
    for (int f = 0; f < 6; ++f) {
        const glm::vec4 r = rects[static_cast<std::size_t>(f)];
        const glm::vec2 c = glm::clamp(t, glm::vec2(r.x, r.y), glm::vec2(r.z, r.w));
        const float d = glm::distance(c, t);
        if (d < distance) distance = d, best = f, *uv = (c - glm::vec2(r.x, r.y)) / glm::vec2(r.z - r.x, r.w - r.y);
    }
    return best;
}

// A material drawn entirely from the model's images: base colour, an optional normal map, and
// one occlusion/roughness/metallic image (factors 1, so the texels say everything).
assets::Material food_textured_material(std::string name, int base, int normal, int orm) {
    assets::Material m;
    m.name = std::move(name);
    m.metallic = 1.0f;
    m.roughness = 1.0f;
    m.base_color_texture.image = base;
    m.normal_texture.image = normal;
    m.metallic_roughness_texture.image = orm;
    m.occlusion_texture.image = orm;
    return m;
}

void food_put(Canvas& canvas, int x, int y, glm::vec4 c) {
    std::uint8_t* p = canvas.at(x, y);
    for (int k = 0; k < 4; ++k) p[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f + 0.5f);
}

// ---------------------------------------------------------------------------------------------
// Bánh chưng

constexpr glm::vec3 kFoodChungHalf{0.09f, 0.0335f, 0.09f};
constexpr float kFoodTieOffset = 0.036f;  // the ties cross the top at ±3.6 cm
constexpr float kFoodTieHalfWidth = 0.0028f;

// How deep the ties press into the leaves at a point of the cake (0..1).
float food_chung_groove(glm::vec3 p) {
    const auto band = [](float d) { return std::exp(-std::pow(d / kFoodTieHalfWidth, 4.0f)); };
    return std::max({band(std::abs(p.x) - kFoodTieOffset), band(std::abs(p.z) - kFoodTieOffset)});
}

// Leaf surface on one face: the wrap's folds as leaf strips with their own vein direction.
struct FoodLeafTexel {
    glm::vec3 colour;
    float height;  // relief for the normal map, metres
    float occlusion;
};

FoodLeafTexel food_chung_leaf(int face, glm::vec2 uv) {
    // Face size in metres (top/bottom are 18 x 18, the sides 18 x 7).
    const bool flat = face < 2;
    const glm::vec2 m = (uv - 0.5f) * glm::vec2(0.18f, flat ? 0.18f : 0.07f);
    // On top the leaves are folded in from the four sides; their edges cross diagonally.
    int strip = 0;
    float edge = 1.0f;
    glm::vec2 along(1.0f, 0.0f);
    if (flat) {
        const float dx = std::abs(m.x), dz = std::abs(m.y);
        strip = dx > dz ? (m.x > 0 ? 0 : 1) : (m.y > 0 ? 2 : 3);
        along = dx > dz ? glm::vec2(0.0f, 1.0f) : glm::vec2(1.0f, 0.0f);
        edge = std::abs(dx - dz);  // the fold's edge along the diagonals
        edge = std::min(edge, std::abs(std::max(dx, dz) - 0.052f));  // and an inner leaf's edge
    } else {
        along = glm::normalize(glm::vec2(1.0f, 0.25f * static_cast<float>(face % 2 ? 1 : -1)));
        edge = std::abs(m.x + 0.02f * static_cast<float>(face) - 0.03f);
        strip = face;
    }
    const float across = glm::dot(m, glm::vec2(-along.y, along.x)) + 0.013f * static_cast<float>(strip);
    // Parallel veins about 2.5 mm apart, a stronger one every fifth.
    const float vein_phase = across / 0.0025f;
    const float vein = std::pow(std::abs(std::cos(kClothPi * vein_phase)), 24.0f);
    const float major = std::pow(std::abs(std::cos(kClothPi * vein_phase / 5.0f)), 60.0f);
    const float patch = fbm(glm::vec3(m * 25.0f, static_cast<float>(face)), 3, 711);
    const float speck = hash01(static_cast<int>(m.x * 2500.0f), static_cast<int>(m.y * 2500.0f), face, 712);
    glm::vec3 green = glm::mix(glm::vec3(0.16f, 0.33f, 0.10f), glm::vec3(0.30f, 0.42f, 0.12f), patch);
    green = glm::mix(green, glm::vec3(0.45f, 0.44f, 0.18f), glm::smoothstep(0.72f, 0.9f, patch) * 0.6f);  // yellowed
    green *= 0.94f + 0.08f * speck;
    green = glm::mix(green, green * 1.25f + glm::vec3(0.02f, 0.03f, 0.0f), 0.35f * vein + 0.5f * major);
    const float fold_shadow = 1.0f - 0.45f * std::exp(-edge / 0.0018f);
    return {green, 0.00012f * (vein + 2.0f * major) - 0.0004f * std::exp(-edge / 0.0012f), fold_shadow};
}

assets::Mesh food_chung_tie(float offset, bool along_x) {
    // Round the cake's section at the tie, 1 mm out, as a flat strip (lạt giang).
    std::vector<glm::vec2> outline;  // (across, y) around the rounded rect
    const float r = 0.012f, hx = kFoodChungHalf.x - r, hy = kFoodChungHalf.y - r;
    for (int corner = 0; corner < 4; ++corner) {
        const glm::vec2 c(corner == 0 || corner == 3 ? hx : -hx, corner < 2 ? hy : -hy);
        for (int i = 0; i <= 8; ++i) {
            const float a = 0.5f * kClothPi * (static_cast<float>(corner) + static_cast<float>(i) / 8.0f);
            outline.push_back(c + (r + 0.0004f) * glm::vec2(std::cos(a), std::sin(a)));
        }
    }
    outline.push_back(outline.front());
    const auto last = static_cast<float>(outline.size() - 1);
    const cloth::Grid grid{8, static_cast<int>(outline.size() - 1), true, {0.0f, 0.0f, 1.0f, 1.0f}};
    return cloth::grid_mesh("bamboo_tie", grid, [&](float u, float v) {
        const float fk = std::clamp(v, 0.0f, 1.0f) * last;
        const auto k = static_cast<std::size_t>(std::min(std::floor(fk), last - 1.0f));
        const glm::vec2 p = glm::mix(outline[k], outline[k + 1], fk - static_cast<float>(k));
        const glm::vec2 dir = glm::normalize(outline[k + 1] - outline[k]);
        const glm::vec2 out(dir.y, -dir.x);
        // A flat strip's section, 5.6 mm x 0.8 mm, walked round (u).
        const float a = 2.0f * kClothPi * u;
        const float w = kFoodTieHalfWidth * glm::clamp(1.6f * std::cos(a), -1.0f, 1.0f);
        const float t = 0.0004f * glm::clamp(1.6f * std::sin(a), -1.0f, 1.0f);
        const glm::vec2 q = p + out * (t + 0.0004f);
        return along_x ? glm::vec3(q.x, q.y + kFoodChungHalf.y + 0.0012f, offset + w) : glm::vec3(offset + w, q.y + kFoodChungHalf.y + 0.0012f, q.x);
    });
}

// ---------------------------------------------------------------------------------------------
// The gift box's print: simple stroke letters, no font needed.

struct FoodStroke {
    float x0, y0, x1, y1;
};
std::vector<FoodStroke> food_letter(char c) {
    switch (c) {
        case 'B': return {{0, 0, 0, 6}, {0, 6, 3, 6}, {3, 6, 4, 5}, {4, 5, 4, 4}, {4, 4, 3, 3}, {0, 3, 3, 3},
                          {3, 3, 4, 2}, {4, 2, 4, 1}, {4, 1, 3, 0}, {3, 0, 0, 0}};
        case 'A': return {{0, 0, 2, 6}, {2, 6, 4, 0}, {1, 2.5f, 3, 2.5f}};
        case 'N': return {{0, 0, 0, 6}, {0, 6, 4, 0}, {4, 0, 4, 6}};
        case 'H': return {{0, 0, 0, 6}, {4, 0, 4, 6}, {0, 3, 4, 3}};
        case 'C': return {{4, 5, 3, 6}, {3, 6, 1, 6}, {1, 6, 0, 5}, {0, 5, 0, 1}, {0, 1, 1, 0}, {1, 0, 3, 0}, {3, 0, 4, 1}};
        case 'U': return {{0, 6, 0, 1}, {0, 1, 1, 0}, {1, 0, 3, 0}, {3, 0, 4, 1}, {4, 1, 4, 6}};
        case 'G': return {{4, 5, 3, 6}, {3, 6, 1, 6}, {1, 6, 0, 5}, {0, 5, 0, 1}, {0, 1, 1, 0}, {1, 0, 3, 0},
                          {3, 0, 4, 1}, {4, 1, 4, 3}, {4, 3, 2, 3}};
        case 'T': return {{0, 6, 4, 6}, {2, 6, 2, 0}};
        case 'R': return {{0, 0, 0, 6}, {0, 6, 3, 6}, {3, 6, 4, 5}, {4, 5, 4, 4}, {4, 4, 3, 3}, {3, 3, 0, 3}, {2, 3, 4, 0}};
        case 'K': return {{0, 0, 0, 6}, {4, 6, 0, 2.5f}, {1.3f, 3.6f, 4, 0}};
        case '\'': return {{1.6f, 7.0f, 2.8f, 8.2f}};  // sắc (acute), over the letter before
        case '+': return {{4, 6, 5.2f, 7.0f}};         // the horn of Ư
        default: return {};
    }
}

// "BÁNH CHƯNG TRANH KHÚC" as strokes in letter units (letters 4 wide, 6 high).
std::vector<FoodStroke> food_title(float* width) {
    const std::string text = "BA'NH CHU+NG TRANH KHU'C";
    std::vector<FoodStroke> strokes;
    float x = 0.0f;
    for (char c : text) {
        if (c == ' ') {
            x += 4.0f;
            continue;
        }
        const bool mark = c == '\'' || c == '+';
        const float at = mark ? x - 6.0f : x;
        for (FoodStroke s : food_letter(c)) strokes.push_back({s.x0 + at, s.y0, s.x1 + at, s.y1});
        if (!mark) x += 6.0f;
    }
    *width = x - 2.0f;
    return strokes;
}

float food_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-9f), 0.0f, 1.0f);
    return glm::length(p - a - ab * t);
}

}  // namespace

SampleFile make_tk_banh_chung() {
    assets::Model model;
    model.source = "tk-banh-chung (generated)";
    const std::array<glm::vec4, 6> rects = food_box_atlas();
    constexpr int kSize = 1024;
    Canvas base(kSize, kSize), normal(kSize, kSize), orm(kSize, kSize);
    parallel_for(kSize, [&](std::size_t row) {
        const int y = static_cast<int>(row);
        for (int x = 0; x < kSize; ++x) {
            const glm::vec2 t((static_cast<float>(x) + 0.5f) / kSize, (static_cast<float>(y) + 0.5f) / kSize);
            glm::vec2 uv;
            const int face = food_face_at(rects, t, &uv);
            const FoodLeafTexel leaf = food_chung_leaf(face, uv);
            const float step = 0.5f / kSize;
            glm::vec2 uvx = uv + glm::vec2(step * 3.0f, 0.0f), uvy = uv + glm::vec2(0.0f, step * 3.0f);
            const float hx = food_chung_leaf(face, uvx).height, hy = food_chung_leaf(face, uvy).height;
            const float metres = 0.18f * step * 3.0f;
            const glm::vec3 n = glm::normalize(glm::vec3(-(hx - leaf.height) / metres, (hy - leaf.height) / metres, 1.0f));
            // The ties shade the leaf beside them.
            const glm::vec2 m = (uv - 0.5f) * 0.18f;
            const bool flat = face < 2;
            float tie = 0.0f;
            if (flat) tie = std::max(std::exp(-std::pow((std::abs(m.x) - kFoodTieOffset) / 0.004f, 2.0f)),
                                     std::exp(-std::pow((std::abs(m.y) - kFoodTieOffset) / 0.004f, 2.0f)));
            else tie = std::exp(-std::pow((std::abs(m.x) - kFoodTieOffset) / 0.004f, 2.0f));
            const float occlusion = leaf.occlusion * (1.0f - 0.35f * tie);
            food_put(base, x, y, glm::vec4(leaf.colour * (0.85f + 0.15f * occlusion), 1.0f));
            food_put(normal, x, y, cloth::encode_normal(n));
            food_put(orm, x, y, glm::vec4(occlusion, 0.42f + 0.08f * hash01(x / 8, y / 8, 0, 713), 0.0f, 1.0f));
        }
    });
    model.images.push_back(std::move(base).to_image("dong_leaf_base_color"));
    model.images.push_back(std::move(normal).to_image("dong_leaf_normal"));
    model.images.push_back(std::move(orm).to_image("dong_leaf_orm"));
    model.materials.push_back(food_textured_material("dong_leaf", 0, 1, 2));

    assets::Mesh cake = food_rounded_box("banh_chung", kFoodChungHalf, 0.012f, 90, rects, [](glm::vec3 p, glm::vec3 n) {
        // A pillowy top and sides, leaf wrinkles, and the ties pressing in.
        const float pillow = 0.003f * (1.0f - std::pow(p.x / kFoodChungHalf.x, 2.0f)) * (1.0f - std::pow(p.z / kFoodChungHalf.z, 2.0f)) *
                             std::max(0.0f, n.y);
        const float wrinkle = 0.0006f * (fbm(p * 60.0f, 2, 714) - 0.5f);
        return pillow + wrinkle - 0.0012f * food_chung_groove(p);
    });
    for (glm::vec3& p : cake.positions) p.y += kFoodChungHalf.y + 0.0012f;  // the ties press in underneath too
    cake.material = 0;
    model.meshes.push_back(std::move(cake));

    // Four split-bamboo ties, pale and a little glossy where the skin is kept.
    Canvas bamboo(256, 256);
    for (int y = 0; y < 256; ++y)
        for (int x = 0; x < 256; ++x) {
            const float fibre = 0.9f + 0.1f * hash01(x, y / 16, 0, 715);
            food_put(bamboo, x, y, glm::vec4(glm::vec3(0.80f, 0.70f, 0.48f) * fibre, 1.0f));
        }
    model.images.push_back(std::move(bamboo).to_image("bamboo_tie_base_color"));
    assets::Material tie;
    tie.name = "split_bamboo";
    tie.metallic = 0.0f;
    tie.roughness = 0.5f;
    tie.base_color_texture.image = 3;
    model.materials.push_back(tie);
    assets::Mesh ties;
    ties.name = "bamboo_ties";
    for (float offset : {-kFoodTieOffset, kFoodTieOffset}) {
        cloth::append_mesh(ties, food_chung_tie(offset, true));
        cloth::append_mesh(ties, food_chung_tie(offset, false));
    }
    ties.material = 1;
    model.meshes.push_back(std::move(ties));
    assets::add_root_node_for_all_meshes(model, "tk_banh_chung");
    return {"tk-banh-chung.glb", FileFormat::Glb, std::move(model), "m", "y"};
}

SampleFile make_tk_gift_box() {
    assets::Model model;
    model.source = "tk-gift-box (generated)";
    const std::array<glm::vec4, 6> rects = food_box_atlas();
    constexpr int kSize = 1024;
    float title_width = 0.0f;
    const std::vector<FoodStroke> title = food_title(&title_width);
    Canvas base(kSize, kSize), orm(kSize, kSize);
    // Deep red card with gold borders; the top carries the emblem and the name.
    parallel_for(kSize, [&](std::size_t row) {
        const int y = static_cast<int>(row);
        for (int x = 0; x < kSize; ++x) {
            const glm::vec2 t((static_cast<float>(x) + 0.5f) / kSize, (static_cast<float>(y) + 0.5f) / kSize);
            glm::vec2 uv;
            const int face = food_face_at(rects, t, &uv);
            const glm::vec2 m = (uv - 0.5f) * (face < 2 ? glm::vec2(0.40f, 0.30f) : glm::vec2(0.40f, 0.14f));
            const glm::vec2 half = face < 2 ? glm::vec2(0.20f, 0.15f) : glm::vec2(0.20f, 0.07f);
            const glm::vec2 inset = half - glm::abs(m);
            const float border = std::min(inset.x, inset.y);
            float gold = 0.0f;
            if (std::abs(border - 0.012f) < 0.0016f || std::abs(border - 0.018f) < 0.0008f) gold = 1.0f;
            glm::vec3 paper(0.62f, 0.06f, 0.07f);
            if (face == 0) {
                // Emblem: a gold ring round a green square (the earth, as the cake is square).
                const glm::vec2 c = m - glm::vec2(0.0f, -0.025f);
                const float r = glm::length(c);
                if (std::abs(r - 0.062f) < 0.003f || std::abs(r - 0.054f) < 0.0012f) gold = 1.0f;
                const glm::vec2 sq = glm::abs(c);
                if (std::max(sq.x, sq.y) < 0.032f) paper = glm::vec3(0.10f, 0.32f, 0.12f);
                if (std::abs(std::max(sq.x, sq.y) - 0.032f) < 0.0015f) gold = 1.0f;
                if (std::abs(sq.x - sq.y) < 0.001f && std::max(sq.x, sq.y) < 0.032f) gold = 0.7f;  // the ties
                // Corner clouds: quarter rings in each corner.
                const float corner = glm::length(glm::abs(m) - (half - glm::vec2(0.018f)));
                if (std::abs(corner - 0.02f) < 0.0015f || std::abs(corner - 0.012f) < 0.0012f) gold = 1.0f;
                // The title under the emblem: letters 1.2 cm high.
                const float scale = 0.012f / 6.0f;
                const glm::vec2 p((m.x / scale) + 0.5f * title_width, (0.085f - m.y) / scale);
                if (p.x > -2.0f && p.x < title_width + 2.0f && p.y > -2.0f && p.y < 10.0f) {
                    float d = 1e9f;
                    for (const FoodStroke& s : title)
                        d = std::min(d, food_segment_distance(p, {s.x0, s.y0}, {s.x1, s.y1}));
                    gold = std::max(gold, std::clamp(0.5f - (d - 0.55f) / 0.5f, 0.0f, 1.0f));
                }
            } else if (face >= 2 && std::abs(m.y) < 0.012f) {
                // A band of small gold squares round the sides.
                const float cell = std::fmod(std::abs(m.x) + 0.5f, 0.02f) - 0.01f;
                if (std::abs(cell) < 0.004f && std::abs(m.y) < 0.004f) gold = 1.0f;
            }
            const float fibre = 0.96f + 0.05f * hash01(x, y, 0, 721) + 0.03f * fbm(glm::vec3(t * 40.0f, 1.0f), 2, 722);
            const glm::vec3 gold_ink = glm::vec3(0.85f, 0.66f, 0.28f) * (0.92f + 0.1f * hash01(x / 2, y / 2, 1, 723));
            const glm::vec3 colour = glm::mix(paper * fibre, gold_ink, gold);
            // Ink and card darken a little towards the folded edges, as handled card does.
            const float occlusion = 1.0f - 0.25f * std::exp(-border / 0.004f);
            food_put(base, x, y, glm::vec4(colour * (0.8f + 0.2f * occlusion), 1.0f));
            food_put(orm, x, y, glm::vec4(occlusion, glm::mix(0.5f, 0.28f, gold), 0.85f * gold, 1.0f));
        }
    });
    model.images.push_back(std::move(base).to_image("gift_box_print"));
    model.images.push_back(std::move(orm).to_image("gift_box_orm"));
    model.materials.push_back(food_textured_material("printed_card", 0, -1, 1));

    // Lid and box share the print (faces +Y, -Y, +Z, -Z, +X, -X): the box's top is under the lid.
    const auto dent = [](glm::vec3 p, glm::vec3) { return 0.0003f * (value_noise(p * 40.0f, 724) - 0.5f); };
    assets::Mesh lid = food_rounded_box("lid", {0.20f, 0.0225f, 0.15f}, 0.003f, 48, rects, dent);
    for (glm::vec3& p : lid.positions) p.y += 0.14f - 0.0225f;
    assets::Mesh box = food_rounded_box("box", {0.196f, 0.05f, 0.146f}, 0.002f, 40, rects, dent);
    for (glm::vec3& p : box.positions) p.y += 0.05f;
    lid.material = 0;
    box.material = 0;
    model.meshes.push_back(std::move(lid));
    model.meshes.push_back(std::move(box));
    assets::add_root_node_for_all_meshes(model, "tk_gift_box");
    return {"tk-gift-box.gltf", FileFormat::Gltf, std::move(model), "m", "y"};
}

SampleFile make_tk_banh_day() {
    assets::Model model;
    model.source = "tk-banh-day (generated)";
    assets::Material plain;
    plain.name = "vertex_colour";
    plain.metallic = 0.0f;
    plain.roughness = 0.6f;
    model.materials.push_back(plain);

    // A square of banana leaf, its edges curling up, veins across from the (cut-off) midrib.
    assets::Mesh leaf = cloth::grid_mesh("banana_leaf", {160, 160, false, {0, 0, 1, 1}}, [](float u, float v) {
        const float x = (u - 0.5f) * 0.2f, z = (0.5f - v) * 0.2f;
        const float curl = 0.012f * (std::pow(std::abs(x) / 0.1f, 3.0f) + 0.6f * std::pow(std::abs(z) / 0.1f, 4.0f));
        const float ripple = 0.0006f * std::sin(x / 0.004f * kClothPi) * (0.5f + fbm(glm::vec3(x * 30.0f, z * 30.0f, 0.0f), 2, 731));
        return glm::vec3(x, 0.001f + curl + ripple, z);
    });
    for (const glm::vec3& p : leaf.positions) {
        const float vein = std::pow(std::abs(std::cos(kClothPi * p.x / 0.004f)), 16.0f);
        const float patch = fbm(glm::vec3(p.x * 20.0f, p.z * 20.0f, 2.0f), 3, 732);
        glm::vec3 c = glm::mix(glm::vec3(0.05f, 0.16f, 0.02f), glm::vec3(0.10f, 0.24f, 0.04f), patch);
        c = glm::mix(c, c * 1.5f, vein * 0.6f);
        // Under and right round a cake the leaf is in its shade.
        float shade = 1.0f;
        for (float cx : {-0.048f, 0.048f})
            for (float cz : {-0.048f, 0.048f}) {
                const float d = glm::length(glm::vec2(p.x - cx, p.z - cz)) - 0.044f;
                shade = std::min(shade, 0.55f + 0.45f * glm::smoothstep(0.0f, 0.012f, d));
            }
        leaf.colours.push_back(glm::vec4(c * shade, 1.0f));
    }
    cloth::add_back_faces(leaf);
    leaf.material = 0;
    model.meshes.push_back(std::move(leaf));

    // Four soft domes of pounded glutinous rice, each pressed a little differently by hand.
    int index = 0;
    for (float cx : {-0.048f, 0.048f})
        for (float cz : {-0.048f, 0.048f}) {
            const std::uint32_t seed = 740 + static_cast<std::uint32_t>(index++);
            std::vector<glm::vec2> profile;
            constexpr float kRadius = 0.043f, kHeight = 0.0378f;
            for (int i = 0; i <= 28; ++i) {
                const float a = 0.5f * kClothPi * static_cast<float>(i) / 28.0f;  // 0: the rim, pi/2: the crown
                const float r = i == 28 ? 0.0f : kRadius * std::pow(std::max(std::cos(a), 0.0f), 0.55f);
                const float h = kHeight * std::pow(std::sin(a), 0.8f) * (0.75f + 0.25f * std::sin(a));
                profile.push_back({r, h});
            }
            profile.insert(profile.begin(), glm::vec2(0.0f, 0.0f));
            profile.insert(profile.begin() + 1, glm::vec2(kRadius * 0.96f, 0.0f));
            assets::Mesh cake = cloth::lathe_mesh("banh_day", profile, 110);
            for (glm::vec3& p : cake.positions) {
                const float wobble = 1.0f + 0.03f * (fbm(glm::vec3(p.x * 40.0f, p.y * 40.0f, p.z * 40.0f), 2, seed) - 0.5f);
                p.x *= wobble, p.z *= wobble;
                p += glm::vec3(cx, 0.0012f + 0.012f * (std::pow(std::abs(cx) / 0.1f, 3.0f) + 0.6f * std::pow(std::abs(cz) / 0.1f, 4.0f)), cz);
            }
            for (const glm::vec3& p : cake.positions) {
                // Near-white with a warm, slightly translucent cast, greyer where it meets the leaf.
                const float lift = glm::smoothstep(0.0f, 0.012f, p.y - 0.002f);
                const float grain = 0.97f + 0.03f * hash01(static_cast<int>(p.x * 3000.0f), static_cast<int>(p.z * 3000.0f),
                                                          static_cast<int>(p.y * 3000.0f), seed);
                glm::vec3 c = glm::mix(glm::vec3(0.62f, 0.63f, 0.55f), glm::vec3(0.86f, 0.85f, 0.79f), lift) * grain;
                cake.colours.push_back(glm::vec4(c, 1.0f));
            }
            cake.material = 0;
            model.meshes.push_back(std::move(cake));
        }
    assets::add_root_node_for_all_meshes(model, "tk_banh_day");
    return {"tk-banh-day.ply", FileFormat::Ply, std::move(model), "mm", "z"};
}

}  // namespace ocop::samples
