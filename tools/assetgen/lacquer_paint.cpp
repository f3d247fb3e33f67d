// Lacquer surfaces and inlays. See lacquer_paint.h.
#include "lacquer_paint.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/parallel.h"
#include "paint.h"

namespace ocop::samples {
namespace {

// Polishing leaves the lacquer a little uneven in tone; a scan adds its own grain.
float lacquer_tone(glm::vec3 p, std::uint32_t seed) {
    return 0.9f + 0.2f * fbm(p * 18.0f, 3, seed) + 0.03f * (hash01(static_cast<int>(p.x * 6000.0f), static_cast<int>(p.y * 6000.0f),
                                                                      static_cast<int>(p.z * 6000.0f), seed + 1) - 0.5f);
}

float lq_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-12f), 0.0f, 1.0f);
    return glm::length(p - (a + t * ab));
}

}  // namespace

void lacquer_paint(LacquerCanvases& canvases, glm::vec4 rect, const Lathe& lathe,
                   const std::function<LacquerTexel(float u, const LatheRow& row)>& texel) {
    const int size = canvases.base.width;
    const int x0 = static_cast<int>(std::lround(rect.x * static_cast<float>(size)));
    const int x1 = static_cast<int>(std::lround(rect.z * static_cast<float>(size)));
    const int y0 = static_cast<int>(std::lround(rect.y * static_cast<float>(size)));
    const int y1 = static_cast<int>(std::lround(rect.w * static_cast<float>(size)));
    parallel_for(static_cast<std::size_t>(y1 - y0), [&](std::size_t k) {
        const int y = y0 + static_cast<int>(k);
        const LatheRow row = lathe.row_at((static_cast<float>(y - y0) + 0.5f) / static_cast<float>(y1 - y0));
        for (int x = x0; x < x1; ++x) {
            const float u = (static_cast<float>(x - x0) + 0.5f) / static_cast<float>(x1 - x0);
            const LacquerTexel t = texel(u, row);
            canvases.base.set(x, y, glm::vec4(t.colour, 1.0f));
            canvases.orm.set(x, y, {row.occlusion, t.roughness, t.metallic, 1.0f});
            canvases.pearl.set(x, y, {t.pearl, t.thickness, 0.0f, 1.0f});
        }
    });
}

LacquerTexel lacquer_black(glm::vec3 p) {
    LacquerTexel t;
    t.colour = glm::vec3(0.045f, 0.038f, 0.034f) * lacquer_tone(p, 1201u);
    t.roughness = 0.3f;
    return t;
}

LacquerTexel lacquer_red(glm::vec3 p) {
    LacquerTexel t;
    const float depth = fbm(p * 25.0f, 3, 1211u);  // where the top coat was polished thinner
    t.colour = glm::mix(glm::vec3(0.50f, 0.08f, 0.05f), glm::vec3(0.36f, 0.05f, 0.04f), depth) * lacquer_tone(p, 1212u);
    t.roughness = 0.3f;
    return t;
}

LacquerTexel lacquer_wood(glm::vec3 p) {
    LacquerTexel t;
    // Rosewood grain runs along x: stretched noise, with darker late-wood lines.
    const float warp = fbm(glm::vec3(p.x * 6.0f, p.y * 40.0f, p.z * 40.0f), 4, 1221u);
    const float rings = std::sin(p.z * 260.0f + p.y * 310.0f + 22.0f * warp);
    const float line = glm::smoothstep(0.8f, 1.0f, rings) * (0.4f + 0.6f * fbm(p * 90.0f, 2, 1223u));
    glm::vec3 c = glm::mix(glm::vec3(0.19f, 0.085f, 0.05f), glm::vec3(0.26f, 0.12f, 0.07f), warp);
    c = glm::mix(c, glm::vec3(0.08f, 0.035f, 0.02f), 0.7f * line);
    t.colour = c * lacquer_tone(p, 1222u);
    t.roughness = 0.35f;
    return t;
}

LacquerTexel gold_leaf(glm::vec2 q, float sheet) {
    LacquerTexel t;
    const glm::vec2 cell = glm::floor(q / sheet);
    const glm::vec2 f = q / sheet - cell;
    const float shade = hash01(static_cast<int>(cell.x), static_cast<int>(cell.y), 0, 1231u);
    glm::vec3 c = glm::mix(glm::vec3(0.80f, 0.62f, 0.30f), glm::vec3(0.90f, 0.74f, 0.40f), shade);
    // Sheets overlap a little at their edges: a thin darker seam.
    const float seam = std::min({f.x, 1.0f - f.x, f.y, 1.0f - f.y}) * sheet;
    c *= 0.85f + 0.15f * glm::smoothstep(0.0002f, 0.0007f, seam);
    // The leaf cracks finely where it was pressed.
    const Cells crack = cellular2(q / 0.0035f, 1232u);
    const float line = line_mask(crack.f2 - crack.f1, 0.02f, 0.04f);
    c = glm::mix(c, glm::vec3(0.35f, 0.22f, 0.10f), 0.55f * line);
    t.colour = c * (0.92f + 0.16f * fbm(glm::vec3(q * 40.0f, 0.5f), 2, 1233u));
    t.metallic = 1.0f - 0.6f * line;
    t.roughness = 0.22f + 0.1f * shade;
    return t;
}

bool eggshell(glm::vec2 q, float toast, LacquerTexel* out) {
    const Cells tile = cellular2(q / 0.0022f, 1241u, 0.95f);
    if (tile.f2 - tile.f1 < 0.10f) return false;
    const float tone = cell01(tile.cell, 3);
    glm::vec3 c = glm::mix(glm::vec3(0.86f, 0.83f, 0.74f), glm::vec3(0.95f, 0.93f, 0.86f), tone);
    c = glm::mix(c, glm::vec3(0.62f, 0.44f, 0.26f), std::clamp(toast * (0.7f + 0.6f * cell01(tile.cell, 5)), 0.0f, 1.0f));
    out->colour = c;
    out->roughness = 0.28f;
    out->metallic = 0.0f;
    return true;
}

LacquerTexel mother_of_pearl(glm::vec2 q, std::uint32_t piece) {
    LacquerTexel t;
    const float angle = 6.2831853f * cell01(piece, 1);
    const glm::vec2 dir(std::cos(angle), std::sin(angle));
    const float growth = std::sin(glm::dot(q, dir) * 2600.0f + 5.0f * fbm(glm::vec3(q * 300.0f, 0.1f), 2, piece));
    const float tint = cell01(piece, 2);
    glm::vec3 c = glm::mix(glm::vec3(0.86f, 0.86f, 0.84f), glm::vec3(0.90f, 0.86f, 0.86f), tint);
    c = glm::mix(c, glm::vec3(0.80f, 0.86f, 0.88f), cell01(piece, 3) * 0.6f);
    t.colour = c * (0.93f + 0.07f * growth);
    t.roughness = 0.18f;
    t.pearl = 1.0f;
    t.thickness = std::clamp(0.5f + 0.35f * growth + 0.2f * (tint - 0.5f), 0.0f, 1.0f);
    return t;
}

int plum_branch_piece(glm::vec2 q, float scale) {
    const glm::vec2 p = q / scale;
    // Blossoms: five petals each, every petal its own shell piece.
    constexpr std::array<glm::vec3, 9> kBlossoms{{{-0.060f, 0.028f, 0.011f}, {-0.022f, 0.040f, 0.013f}, {0.018f, 0.030f, 0.010f},
                                                 {0.052f, 0.006f, 0.012f}, {0.082f, -0.018f, 0.009f}, {-0.035f, -0.010f, 0.009f},
                                                 {0.004f, -0.004f, 0.008f}, {0.070f, 0.030f, 0.008f}, {-0.082f, 0.004f, 0.007f}}};
    for (std::size_t b = 0; b < kBlossoms.size(); ++b) {
        const glm::vec2 c(kBlossoms[b].x, kBlossoms[b].y);
        const float r = kBlossoms[b].z;
        const glm::vec2 d = p - c;
        if (glm::length(d) > 1.1f * r) continue;
        if (glm::length(d) < 0.22f * r) return -1;  // the dark heart with its stamens
        const float turn = 1.3f * static_cast<float>(b);
        for (int k = 0; k < 5; ++k) {
            const float a = turn + 6.2831853f * static_cast<float>(k) / 5.0f;
            const glm::vec2 centre = c + 0.55f * r * glm::vec2(std::cos(a), std::sin(a));
            const float dist = glm::length(p - centre);
            if (dist < 0.44f * r - 0.0004f / scale) return static_cast<int>(b * 5 + static_cast<std::size_t>(k)) + 1;
            if (dist < 0.44f * r) return -1;
        }
    }
    // The branch: a bowed main stem and two twigs, in short pieces as shell is cut.
    const std::array<std::array<glm::vec2, 2>, 6> kBranch{{{{{-0.11f, -0.045f}, {-0.06f, -0.018f}}},
                                                         {{{-0.06f, -0.018f}, {-0.005f, 0.005f}}},
                                                         {{{-0.005f, 0.005f}, {0.05f, 0.0f}}},
                                                         {{{0.05f, 0.0f}, {0.095f, -0.02f}}},
                                                         {{{-0.06f, -0.018f}, {-0.045f, 0.03f}}},
                                                         {{{-0.005f, 0.005f}, {0.02f, 0.032f}}}}};
    for (std::size_t i = 0; i < kBranch.size(); ++i) {
        const float width = (i < 4 ? 0.0032f - 0.0005f * static_cast<float>(i) : 0.0015f);
        const float d = lq_segment_distance(p, kBranch[i][0], kBranch[i][1]);
        if (d < width) return 100 + static_cast<int>(i);
    }
    return 0;
}

assets::Material lacquer_material(assets::Model& model, LacquerCanvases&& canvases, const std::string& name, bool pearl) {
    const int first = static_cast<int>(model.images.size());
    model.images.push_back(std::move(canvases.base).to_image(name + "_base_color"));
    model.images.push_back(std::move(canvases.orm).to_image(name + "_orm"));
    assets::Material m;
    m.name = name;
    m.metallic = 1.0f;  // scaled by the texture's B channel: only the leaf is metal
    m.roughness = 1.0f;
    m.base_color_texture.image = first;
    m.metallic_roughness_texture.image = first + 1;
    m.occlusion_texture.image = first + 1;
    m.clearcoat.enabled = true;  // the polished top coat of lacquer (KHR_materials_clearcoat)
    m.clearcoat.factor = 1.0f;
    m.clearcoat.roughness = 0.04f;
    if (pearl) {
        model.images.push_back(std::move(canvases.pearl).to_image(name + "_iridescence"));
        m.iridescence.enabled = true;
        m.iridescence.factor = 1.0f;
        m.iridescence.ior = 1.3f;
        m.iridescence.thickness_min_nm = 250.0f;
        m.iridescence.thickness_max_nm = 650.0f;
        m.iridescence.texture.image = first + 2;
        m.iridescence.thickness_texture.image = first + 2;
    }
    for (assets::TextureRef* ref : {&m.base_color_texture, &m.metallic_roughness_texture, &m.occlusion_texture,
                                    &m.iridescence.texture, &m.iridescence.thickness_texture})
        ref->wrap_t = assets::Wrap::ClampToEdge;
    return m;
}

LacquerBox lacquer_box(glm::vec3 size, float lid_height, int around, float spacing) {
    const float r = 0.5f * size.x - 0.0015f;  // the lid overhangs the body by 1.5 mm
    const float lid_bottom = size.y - lid_height;
    LatheSettings settings;
    settings.around = around;
    settings.footprint = {8.0f, {1.0f, size.z / size.x}};
    settings.zone_texture_weight = {0.15f, 1.6f, 3.0f};  // 0 underside, 1 sides, 2 top
    const auto zoned = [](std::vector<glm::vec2> points, float bottom, float top) {
        LatheSegment segment{std::move(points), 1, {}};
        for (const glm::vec2& p : segment.points) segment.point_zones.push_back(p.y <= bottom + 1e-5f ? 0 : (p.y >= top - 1e-5f ? 2 : 1));
        return segment;
    };
    // The body: its top is hidden under the lid.
    const std::vector<glm::vec2> body = lathe_rounded({{0.0f, 0.0f}, {r, 0.0f}, {r, lid_bottom + 0.004f}, {0.0f, lid_bottom + 0.004f}},
                                                      0.0025f, 6, spacing);
    const std::vector<glm::vec2> lid = lathe_rounded({{0.0f, lid_bottom}, {r + 0.0015f, lid_bottom}, {r + 0.0015f, size.y}, {0.0f, size.y}},
                                                     0.005f, 10, spacing);
    LacquerBox box{make_lathe({zoned(body, 0.0f, lid_bottom + 0.004f)}, settings, "box"),
                   make_lathe({zoned(lid, lid_bottom, size.y)}, settings, "box_lid")};
    return box;
}

SampleFile lacquer_sample(std::string name, FileFormat format, std::string units, assets::Model model) {
    SampleFile file;
    model.source = name;
    file.name = std::move(name);
    file.format = format;
    file.model = std::move(model);
    file.units = std::move(units);
    file.up = "y";
    return file;
}

}  // namespace ocop::samples
