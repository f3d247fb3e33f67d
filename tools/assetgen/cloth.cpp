// Cloth surfaces and the silk painter (cloth.h).
#include "cloth.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/parallel.h"
#include "procedural.h"

namespace ocop::samples::cloth {
namespace {

constexpr int kAtlasGutter = 6;  // texels of bleed round each part, so mip maps keep its colour

float cloth_fract(float x) { return x - std::floor(x); }

// Anti-aliased coverage of a signed distance (negative inside), `width` = one texel.
float cloth_cover(float distance, float width) {
    return std::clamp(0.5f - distance / width, 0.0f, 1.0f);
}

float cloth_segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
    return glm::length(p - a - ab * t);
}

// A half-drop repeat: every other column shifted by half a period, like a jacquard card set.
struct ClothMotifCell {
    glm::vec2 local;  // in [-0.5, 0.5]², cell units
    int column = 0, row = 0;
};
ClothMotifCell cloth_motif_cell(glm::vec2 metres, float period) {
    const float cx = metres.x / period;
    const int column = static_cast<int>(std::floor(cx));
    const float cy = metres.y / period + ((column & 1) ? 0.5f : 0.0f);
    const int row = static_cast<int>(std::floor(cy));
    return {{cloth_fract(cx) - 0.5f, cloth_fract(cy) - 0.5f}, column, row};
}

// A five-petal plum blossom (hoa mai) of radius `r`, signed distance in cell units.
float cloth_blossom(glm::vec2 p, float r) {
    const float angle = std::atan2(p.y, p.x);
    const float edge = r * (0.55f + 0.45f * std::abs(std::cos(2.5f * angle)));
    return glm::length(p) - edge;
}

// The longevity character (chữ thọ) in its round seal form: a ring and a symmetric glyph of
// bars inside it, as woven in Vạn Phúc "lụa vân". Signed distance in cell units.
float cloth_tho_medallion(glm::vec2 p) {
    const float r = glm::length(p);
    float d = std::abs(r - 0.30f) - 0.016f;
    d = std::min(d, std::abs(r - 0.265f) - 0.006f);
    const glm::vec2 q(std::abs(p.x), p.y);  // mirror-symmetric glyph
    constexpr float kBar = 0.018f;
    const float bars[][4] = {{0.00f, -0.17f, 0.15f, -0.17f}, {0.00f, -0.08f, 0.20f, -0.08f},
                             {0.00f, 0.02f, 0.12f, 0.02f},   {0.00f, 0.11f, 0.19f, 0.11f},
                             {0.00f, 0.19f, 0.10f, 0.19f},   {0.00f, -0.21f, 0.00f, 0.21f},
                             {0.12f, 0.02f, 0.12f, 0.11f},   {0.15f, -0.17f, 0.15f, -0.08f},
                             {0.06f, -0.08f, 0.06f, 0.02f}};
    for (const auto& b : bars)
        d = std::min(d, cloth_segment_distance(q, {b[0], b[1]}, {b[2], b[3]}) - kBar * 0.5f);
    return d;
}

// Motif coverage at a point: 0 ground, 1 motif; `gold` marks the brocade's metal thread.
struct ClothMotifSample {
    float cover = 0.0f;
    float accent = 0.0f;  // brocade: a second, paler thread in the small flowers
};

ClothMotifSample cloth_motif(const SilkLook& look, glm::vec2 metres, float texel_m) {
    if (look.motif == Motif::Plain) return {};
    const float period = look.motif_period;
    const float width = texel_m / period;  // one texel in cell units
    const ClothMotifCell cell = cloth_motif_cell(metres, period);
    const glm::vec2 p = cell.local;
    ClothMotifSample s;
    if (look.motif == Motif::Tho) {
        float d = glm::length(p) < 0.33f ? cloth_tho_medallion(p) : 1.0f;
        // Blossoms between the medallions: only the nearest can cover this point.
        const glm::vec2 ap = glm::abs(p);
        const glm::vec2 spot(0.5f, ap.y > 0.25f ? 0.5f : 0.0f);
        if (glm::distance(ap, spot) < 0.1f) d = std::min(d, cloth_blossom(ap - spot, 0.085f));
        s.cover = cloth_cover(d, width);
    } else if (look.motif == Motif::Floral) {
        // A lotus scroll: a vine waving across each row, a lotus head in every crest.
        const float y = metres.y / period, x = metres.x / period;
        const float row_y = cloth_fract(y) - 0.5f;
        const float wave = 0.22f * std::sin(2.0f * cloth::kClothPi * x);
        const float slope = 0.22f * 2.0f * cloth::kClothPi * std::cos(2.0f * cloth::kClothPi * x);
        float d = std::abs(row_y - wave) / std::sqrt(1.0f + slope * slope) - 0.012f;
        // Lotus heads inside the bends (crests and troughs), leaves where the vine crosses.
        const long bend = std::lround((x - 0.25f) * 2.0f);
        const float side = (bend % 2 == 0) ? 1.0f : -1.0f;
        const glm::vec2 h(x - (0.25f + 0.5f * static_cast<float>(bend)), row_y - side * 0.09f);
        const float angle = std::atan2(side * h.y, h.x);
        const float petals = 0.1f * (0.6f + 0.4f * std::abs(std::cos(3.0f * angle)));
        d = std::min(d, glm::length(h * glm::vec2(1.0f, 1.3f)) - petals);
        const glm::vec2 leaf(x - 0.5f * std::round(2.0f * x), row_y);
        d = std::min(d, glm::length(leaf * glm::vec2(1.0f, 2.6f)) - 0.06f);
        s.cover = cloth_cover(d, width);
    } else {  // Brocade: gold medallions with an eight-petal flower, scrolls, paler blossoms.
        const float r = glm::length(p), angle = std::atan2(p.y, p.x);
        float d = std::abs(r - 0.33f) - 0.02f;
        d = std::min(d, std::abs(r - 0.285f) - 0.008f);
        const float petal = 0.2f * (0.55f + 0.45f * std::abs(std::cos(4.0f * angle)));
        d = std::min(d, std::max(r - petal, -(r - 0.05f)));
        d = std::min(d, r - 0.03f);
        // Cloud scrolls (hồi văn) in the gaps: arcs round the side mid-points.
        const glm::vec2 ap = glm::abs(p);
        const float scroll = std::abs(glm::length(ap - glm::vec2(0.5f, 0.0f)) - 0.1f) - 0.012f;
        d = std::min(d, scroll);
        s.cover = cloth_cover(d, width);
        const float accent = cloth_blossom(ap - glm::vec2(0.5f, 0.5f), 0.07f);
        s.accent = cloth_cover(accent, width) * (1.0f - s.cover);
    }
    return s;
}

// The slope (dh/dx, dh/dy) of the woven relief: warp-faced satin (floats along v) on the
// ground, weft-faced (floats along u) in the motif, the way a jacquard shows its figure by the
// direction of its floats. Analytic, so each texel costs one evaluation.
glm::vec2 cloth_weave_slope(glm::vec2 metres, float pitch, float motif, std::uint32_t seed) {
    const float i = metres.x / pitch, j = metres.y / pitch;
    const int warp = static_cast<int>(std::floor(i)), weft = static_cast<int>(std::floor(j));
    // Hand-reeled silk: each thread a little thicker or thinner than its neighbours.
    const float warp_slub = 0.75f + 0.5f * hash01(warp, 0, 0, seed);
    const float weft_slub = 0.75f + 0.5f * hash01(0, weft, 0, seed + 1);
    const float amplitude = pitch * 0.12f;
    const float w = 2.0f * kClothPi;
    // One float: a rounded thread across (cos) pressed down at its binding point every fifth
    // thread, stepping by two (satin).
    const auto one = [&](float across, float along, int thread, float slub) {
        const float b = cloth_fract((along - 2.0f * static_cast<float>(thread)) / 5.0f + 0.5f) - 0.5f;
        const float dip = 0.6f * std::exp(-b * b * 60.0f);
        const float crest = 0.5f - 0.5f * std::cos(w * across);
        const float d_across = 0.5f * w * std::sin(w * across) * slub * (1.0f - dip);
        const float d_along = crest * slub * dip * 120.0f * b / 5.0f;
        return glm::vec2(d_across, d_along);
    };
    const glm::vec2 ground = one(i, j, warp, warp_slub);           // (d/di, d/dj)
    const glm::vec2 figure = one(j, i, weft, weft_slub);           // (d/dj, d/di)
    const glm::vec2 slope = glm::mix(ground, glm::vec2(figure.y, figure.x), motif);
    return slope * (amplitude / pitch);
}

// Canvas::set without its four lround calls: this runs for millions of texels.
void cloth_put(Canvas& canvas, int x, int y, glm::vec4 c) {
    std::uint8_t* p = canvas.at(x, y);
    for (int k = 0; k < 4; ++k) p[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0.0f, 1.0f) * 255.0f + 0.5f);
}

glm::vec3 cloth_srgb_mul(glm::vec3 c, float k) { return glm::clamp(c * k, 0.0f, 1.0f); }

// Smooth value noise that repeats every `cells` lattice cells in x and y: tiles without seams.
float cloth_periodic_noise(glm::vec2 p, int cells, std::uint32_t seed) {
    const glm::vec2 i = glm::floor(p), f = p - i;
    const int x = static_cast<int>(i.x), y = static_cast<int>(i.y);
    const auto at = [&](int dx, int dy) {
        return hash01(((x + dx) % cells + cells) % cells, ((y + dy) % cells + cells) % cells, 0, seed);
    };
    const float u = smooth5(f.x), v = smooth5(f.y);
    return glm::mix(glm::mix(at(0, 0), at(1, 0), u), glm::mix(at(0, 1), at(1, 1), u), v);
}

}  // namespace

glm::vec4 encode_normal(glm::vec3 n) { return {n * 0.5f + 0.5f, 1.0f}; }

float mottle(glm::vec2 metres, float scale, std::uint32_t seed) {
    return fbm(glm::vec3(metres / scale, 0.5f), 3, seed);
}

assets::Mesh grid_mesh(std::string name, const Grid& grid, const Surface& surface) {
    assets::Mesh mesh;
    mesh.name = std::move(name);
    const int width = grid.columns + 1, height = grid.rows + 1;
    const std::size_t count = static_cast<std::size_t>(width) * height;
    mesh.positions.resize(count);
    mesh.normals.resize(count);
    mesh.tangents.resize(count);
    mesh.uv0.resize(count);
    const float du = 0.5f / static_cast<float>(grid.columns), dv = 0.5f / static_cast<float>(grid.rows);
    const float tangent_sign = grid.uv_rect.z >= grid.uv_rect.x ? 1.0f : -1.0f;
    // Image "up" is smaller v: with v growing down the rect, the bitangent runs against dP/dv.
    const float bitangent_sign = grid.uv_rect.w >= grid.uv_rect.y ? -1.0f : 1.0f;
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i) {
            const float u = static_cast<float>(i) / static_cast<float>(grid.columns);
            const float v = static_cast<float>(j) / static_cast<float>(grid.rows);
            const std::size_t k = static_cast<std::size_t>(j) * width + i;
            const float uu = (grid.wrap_u && i == grid.columns) ? 0.0f : u;
            mesh.positions[k] = surface(uu, v);
            // Differences of the surface itself (not of the grid), so pieces that meet along
            // an edge get the same normals there.
            glm::vec3 pu = surface(uu + du, v) - surface(uu - du, v);
            glm::vec3 pv = surface(uu, v + dv) - surface(uu, v - dv);
            if (glm::length(pu) < 1e-9f) pu = surface(uu + du, v + dv) - surface(uu - du, v + dv);
            if (glm::length(pv) < 1e-9f) pv = surface(uu + du, v + dv) - surface(uu + du, v - dv);
            glm::vec3 n = glm::cross(pu, pv);
            if (glm::length(n) < 1e-14f) {
                // A pole (all of a row in one point): the ring next to it knows its direction.
                const float vn = v < 0.5f ? v + 2.0f * dv : v - 2.0f * dv;
                n = glm::cross(surface(uu + du, vn) - surface(uu - du, vn),
                               surface(uu, vn + dv) - surface(uu, vn - dv));
            }
            n = glm::length(n) > 1e-20f ? glm::normalize(n) : glm::vec3(0, 1, 0);
            glm::vec3 t = pu - n * glm::dot(n, pu);
            t = glm::length(t) > 1e-12f ? glm::normalize(t) * tangent_sign : glm::vec3(1, 0, 0);
            mesh.normals[k] = n;
            mesh.tangents[k] = glm::vec4(t, bitangent_sign);
            mesh.uv0[k] = {glm::mix(grid.uv_rect.x, grid.uv_rect.z, u),
                           glm::mix(grid.uv_rect.y, grid.uv_rect.w, v)};
        }
    for (int j = 0; j < grid.rows; ++j)
        for (int i = 0; i < grid.columns; ++i) {
            const auto a = static_cast<std::uint32_t>(j * width + i), b = a + 1,
                       d = a + static_cast<std::uint32_t>(width), c = d + 1;
            const auto degenerate = [&](std::uint32_t x, std::uint32_t y, std::uint32_t z) {
                const glm::vec3 area = glm::cross(mesh.positions[y] - mesh.positions[x],
                                                  mesh.positions[z] - mesh.positions[x]);
                return glm::dot(area, area) < 1e-22f;
            };
            if (!degenerate(a, b, d)) mesh.indices.insert(mesh.indices.end(), {a, b, d});
            if (!degenerate(b, c, d)) mesh.indices.insert(mesh.indices.end(), {b, c, d});
        }
    return mesh;
}

void append_mesh(assets::Mesh& into, const assets::Mesh& part) {
    const auto offset = static_cast<std::uint32_t>(into.positions.size());
    into.positions.insert(into.positions.end(), part.positions.begin(), part.positions.end());
    into.normals.insert(into.normals.end(), part.normals.begin(), part.normals.end());
    into.tangents.insert(into.tangents.end(), part.tangents.begin(), part.tangents.end());
    into.uv0.insert(into.uv0.end(), part.uv0.begin(), part.uv0.end());
    into.colours.insert(into.colours.end(), part.colours.begin(), part.colours.end());
    for (std::uint32_t index : part.indices) into.indices.push_back(index + offset);
}

void add_back_faces(assets::Mesh& mesh) {
    const auto count = static_cast<std::uint32_t>(mesh.positions.size());
    const std::size_t triangles = mesh.indices.size();
    for (std::uint32_t k = 0; k < count; ++k) {
        mesh.positions.push_back(mesh.positions[k]);
        if (!mesh.normals.empty()) mesh.normals.push_back(-mesh.normals[k]);
        if (!mesh.tangents.empty()) mesh.tangents.push_back(glm::vec4(glm::vec3(mesh.tangents[k]), -mesh.tangents[k].w));
        if (!mesh.uv0.empty()) mesh.uv0.push_back(mesh.uv0[k]);
        if (!mesh.colours.empty()) mesh.colours.push_back(mesh.colours[k]);
    }
    for (std::size_t i = 0; i < triangles; i += 3)
        mesh.indices.insert(mesh.indices.end(),
                            {mesh.indices[i] + count, mesh.indices[i + 2] + count, mesh.indices[i + 1] + count});
}

void transform_mesh(assets::Mesh& mesh, const glm::mat4& transform) {
    const glm::mat3 linear(transform);
    const glm::mat3 normal_matrix = glm::transpose(glm::inverse(linear));
    for (glm::vec3& p : mesh.positions) p = glm::vec3(transform * glm::vec4(p, 1.0f));
    for (glm::vec3& n : mesh.normals) n = glm::normalize(normal_matrix * n);
    for (glm::vec4& t : mesh.tangents) t = glm::vec4(glm::normalize(linear * glm::vec3(t)), t.w);
}

assets::Mesh tube_mesh(std::string name, const std::vector<glm::vec3>& path, float radius,
                       int around, glm::vec4 uv_rect) {
    // Parallel-transported frames, so the tube does not twist.
    const std::size_t n = path.size();
    std::vector<glm::vec3> tangent(n), side(n), up(n);
    for (std::size_t k = 0; k < n; ++k) {
        const glm::vec3 next = path[std::min(k + 1, n - 1)], prev = path[k == 0 ? 0 : k - 1];
        tangent[k] = glm::normalize(next - prev);
    }
    const glm::vec3 seed_axis = std::abs(tangent[0].y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    side[0] = glm::normalize(glm::cross(tangent[0], seed_axis));
    for (std::size_t k = 1; k < n; ++k) {
        const glm::vec3 s = side[k - 1] - tangent[k] * glm::dot(tangent[k], side[k - 1]);
        side[k] = glm::normalize(s);
    }
    for (std::size_t k = 0; k < n; ++k) up[k] = glm::cross(tangent[k], side[k]);
    const auto last = static_cast<float>(n - 1);
    Grid grid{around, static_cast<int>(n - 1), true, uv_rect};
    return grid_mesh(std::move(name), grid, [&](float u, float v) {
        const float fk = std::clamp(v, 0.0f, 1.0f) * last;
        const auto k0 = static_cast<std::size_t>(std::min(std::floor(fk), last - 1.0f));
        const float t = fk - static_cast<float>(k0);
        const float angle = 2.0f * kClothPi * u;
        const glm::vec3 centre = glm::mix(path[k0], path[k0 + 1], t);
        // N1 = up, N2 = side keeps cross(dP/du, dP/dv) pointing out of the tube.
        const glm::vec3 radial = std::cos(angle) * glm::mix(side[k0], side[k0 + 1], t) +
                                 std::sin(angle) * glm::mix(up[k0], up[k0 + 1], t);
        return centre + radius * radial;
    });
}

assets::Mesh lathe_mesh(std::string name, const std::vector<glm::vec2>& profile, int around,
                        glm::vec4 uv_rect) {
    const auto last = static_cast<float>(profile.size() - 1);
    Grid grid{around, static_cast<int>(profile.size() - 1), true, uv_rect};
    return grid_mesh(std::move(name), grid, [&](float u, float v) {
        const float fk = std::clamp(v, 0.0f, 1.0f) * last;
        const auto k0 = static_cast<std::size_t>(std::min(std::floor(fk), last - 1.0f));
        const glm::vec2 p = glm::mix(profile[k0], profile[k0 + 1], fk - static_cast<float>(k0));
        const float angle = 2.0f * kClothPi * u;
        return glm::vec3(p.x * std::sin(angle), p.y, p.x * std::cos(angle));
    });
}

assets::Mesh box_mesh(std::string name, glm::vec3 lo, glm::vec3 hi) {
    assets::Mesh mesh;
    mesh.name = std::move(name);
    const glm::vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int axis = 0; axis < 3; ++axis)
        for (float sign : {-1.0f, 1.0f}) {
            const glm::vec3 n = axes[axis] * sign;
            const glm::vec3 t = axes[(axis + 1) % 3] * sign;  // cross(n, t) is the third axis
            const glm::vec3 b = glm::cross(n, t);
            const glm::vec3 centre = 0.5f * (lo + hi) + n * (0.5f * glm::dot(hi - lo, glm::abs(n)));
            const glm::vec3 ht = t * (0.5f * glm::dot(hi - lo, glm::abs(t)));
            const glm::vec3 hb = b * (0.5f * glm::dot(hi - lo, glm::abs(b)));
            const auto first = static_cast<std::uint32_t>(mesh.positions.size());
            const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
            for (const glm::vec2& c : corners) {
                mesh.positions.push_back(centre + c.x * ht + c.y * hb);
                mesh.normals.push_back(n);
                mesh.tangents.push_back(glm::vec4(t, -1.0f));
                mesh.uv0.push_back({0.5f + 0.5f * c.x, 0.5f - 0.5f * c.y});
            }
            mesh.indices.insert(mesh.indices.end(), {first, first + 1, first + 2, first, first + 2, first + 3});
        }
    return mesh;
}

namespace {

struct ClothStackPath {
    std::vector<glm::vec2> points;  // (x, y)
    std::vector<float> length;      // arc length from the start
};

ClothStackPath cloth_stack_path(const FoldedStack& stack) {
    ClothStackPath path;
    const float half = 0.5f * stack.width, r = 0.5f * stack.spacing;
    for (int k = 0; k < stack.layers; ++k) {
        const float y = stack.spacing * (static_cast<float>(k) + 0.5f);
        const float from = (k % 2 == 0) ? -half : half;
        for (int i = 0; i < stack.across; ++i)
            path.points.push_back({glm::mix(from, -from, static_cast<float>(i) / static_cast<float>(stack.across)), y});
        if (k + 1 == stack.layers) {
            path.points.push_back({-from, y});
            break;
        }
        // The fold loop, a little fuller than a half circle: silk does not crease flat.
        const float side = -from / half;
        for (int i = 0; i < stack.loop_steps; ++i) {
            const float phi = -0.5f * cloth::kClothPi + cloth::kClothPi * static_cast<float>(i) /
                                                            static_cast<float>(stack.loop_steps);
            // Fuller than a half circle, so the loops on one side touch the ones above and
            // below them: folded cloth lies on itself, the layers between are hidden.
            path.points.push_back({side * (half + 2.0f * r * std::cos(phi)),
                                   y + r + r * std::sin(phi) + 0.9f * r * std::sin(2.0f * phi)});
        }
    }
    path.length.resize(path.points.size(), 0.0f);
    for (std::size_t i = 1; i < path.points.size(); ++i)
        path.length[i] = path.length[i - 1] + glm::distance(path.points[i - 1], path.points[i]);
    return path;
}

float cloth_stack_lift(const FoldedStack& stack, float x, float y, float z) {
    const float jitter = 0.3f * stack.spacing *
                         (value_noise(glm::vec3(x * 18.0f, z * 18.0f, y / stack.spacing * 0.7f), stack.seed) - 0.5f);
    const float top = stack.spacing * (static_cast<float>(stack.layers) - 0.5f);
    const float wave = stack.top_wave * fbm(glm::vec3(x * 7.0f, z * 7.0f, 3.0f), 3, stack.seed + 11);
    return jitter + wave * glm::smoothstep(top - stack.spacing, top, y);
}

}  // namespace

float folded_stack_top(const FoldedStack& stack, float x, float z) {
    const float top = stack.spacing * (static_cast<float>(stack.layers) - 0.5f);
    return top + cloth_stack_lift(stack, x, top, z);
}

assets::Mesh folded_stack_mesh(const FoldedStack& stack, float tile_m, const std::string& name) {
    const ClothStackPath path = cloth_stack_path(stack);
    const auto last = static_cast<float>(path.points.size() - 1);
    const Grid grid{static_cast<int>(path.points.size() - 1), stack.along, false, {0, 0, 1, 1}};
    const auto at = [&](float u) {
        const float fk = std::clamp(u, 0.0f, 1.0f) * last;
        const auto k0 = static_cast<std::size_t>(std::min(std::floor(fk), last - 1.0f));
        const glm::vec2 p = glm::mix(path.points[k0], path.points[k0 + 1], fk - static_cast<float>(k0));
        // Extrapolate past the ends so the edge normals come out right.
        if (u < 0.0f) return p + (path.points[0] - path.points[1]) * (-u * last);
        if (u > 1.0f) return p + (path.points.back() - path.points[path.points.size() - 2]) * ((u - 1.0f) * last);
        return p;
    };
    assets::Mesh mesh = grid_mesh(name, grid, [&](float u, float v) {
        const glm::vec2 p = at(u);
        const float half = 0.5f * stack.depth;
        const float ragged = stack.edge_jitter *
                             (2.0f * value_noise(glm::vec3(p.x * 9.0f, p.y / stack.spacing * 0.9f, 0.5f), stack.seed + 5) - 1.0f);
        const float ragged_back = stack.edge_jitter *
                                  (2.0f * value_noise(glm::vec3(p.x * 9.0f, p.y / stack.spacing * 0.9f, 7.5f), stack.seed + 6) - 1.0f);
        const float z = glm::mix(-half + ragged_back, half + ragged, v);
        return glm::vec3(p.x, p.y + cloth_stack_lift(stack, p.x, p.y, z), z);
    });
    // Texture in metres along the cloth (the loops are short; an index would stretch them).
    const int width = grid.columns + 1;
    for (std::size_t k = 0; k < mesh.uv0.size(); ++k) {
        const std::size_t i = k % static_cast<std::size_t>(width), j = k / static_cast<std::size_t>(width);
        mesh.uv0[k] = {path.length[i] / tile_m,
                       stack.depth * static_cast<float>(j) / static_cast<float>(grid.rows) / tile_m};
    }
    return mesh;
}

namespace {

// Where a texel of the atlas lies on the cloth.
struct ClothTexel {
    const AtlasPart* part = nullptr;
    glm::vec2 uv{0.5f};
    glm::vec2 size_m{0.1f};
    float texel_m = 0.001f;  // one texel's footprint on the cloth, metres
};

ClothTexel cloth_locate(const SilkLook& look, const std::vector<AtlasPart>& parts, glm::vec2 t, float texel) {
    ClothTexel c;
    if (look.tile_m > 0.0f) {  // one seamless tile over the whole image
        c.uv = t;
        c.size_m = glm::vec2(look.tile_m);
        c.texel_m = look.tile_m * texel;
        return c;
    }
    // The part that holds this texel, else the nearest one (its clamped edge).
    float best = 1e9f;
    for (const AtlasPart& candidate : parts) {
        const glm::vec4 r = candidate.uv_rect;
        const float dx = std::max({std::min(r.x, r.z) - t.x, t.x - std::max(r.x, r.z), 0.0f});
        const float dy = std::max({std::min(r.y, r.w) - t.y, t.y - std::max(r.y, r.w), 0.0f});
        const float distance = std::max(dx, dy);
        if (distance < best) best = distance, c.part = &candidate;
    }
    if (c.part == nullptr || best > kAtlasGutter * texel) {
        c.part = nullptr;
        return c;
    }
    const glm::vec4 r = c.part->uv_rect;
    c.uv = glm::clamp(glm::vec2((t.x - r.x) / (r.z - r.x), (t.y - r.y) / (r.w - r.y)), 0.0f, 1.0f);
    c.size_m = c.part->size_m;
    c.texel_m = std::max(c.size_m.x * texel / std::abs(r.z - r.x), c.size_m.y * texel / std::abs(r.w - r.y));
    return c;
}

// The slowly varying fields (baked occlusion, dye mottling, roughness), one per 4 x 4 texels.
struct ClothSlow {
    float occlusion = 1.0f, dye = 0.5f, grain = 0.5f;
};

}  // namespace

SilkMaps paint_silk(const SilkLook& look, int size, const std::vector<AtlasPart>& parts,
                    const std::string& name) {
    Canvas base(size, size), normal(size, size), orm(size, size);
    const float texel = 1.0f / static_cast<float>(size);
    // A tile holds a whole number of threads, so the weave repeats without a seam.
    const float pitch = look.tile_m > 0.0f
                            ? look.tile_m / std::max(1.0f, std::round(look.tile_m / look.thread_pitch))
                            : look.thread_pitch;
    const int threads_per_tile = look.tile_m > 0.0f ? static_cast<int>(std::lround(look.tile_m / pitch)) : 0;

    constexpr int kCoarse = 4;
    const int coarse = size / kCoarse + 1;
    std::vector<ClothSlow> slow(static_cast<std::size_t>(coarse) * coarse);
    parallel_for(static_cast<std::size_t>(coarse), [&](std::size_t row) {
        for (int x = 0; x < coarse; ++x) {
            const glm::vec2 t(static_cast<float>(x * kCoarse) * texel, static_cast<float>(row * kCoarse) * texel);
            const ClothTexel c = cloth_locate(look, parts, glm::clamp(t, 0.0f, 1.0f), texel);
            const glm::vec2 metres = c.uv * c.size_m;
            ClothSlow& out = slow[row * static_cast<std::size_t>(coarse) + x];
            if (c.part != nullptr && c.part->occlusion) out.occlusion = std::clamp(c.part->occlusion(c.uv.x, c.uv.y), 0.0f, 1.0f);
            if (threads_per_tile > 0) {
                out.dye = cloth_periodic_noise(metres / look.tile_m * 4.0f, 4, look.seed + 3);
                out.grain = cloth_periodic_noise(metres / look.tile_m * 8.0f, 8, look.seed + 5);
            } else {
                out.dye = mottle(metres, 0.05f, look.seed + 3);
                out.grain = mottle(metres, 0.02f, look.seed + 5);
            }
        }
    });
    const auto slow_at = [&](int x, int y) {
        const float fx = static_cast<float>(x) / kCoarse, fy = static_cast<float>(y) / kCoarse;
        const int x0 = std::min(static_cast<int>(fx), coarse - 2), y0 = std::min(static_cast<int>(fy), coarse - 2);
        const float ax = fx - static_cast<float>(x0), ay = fy - static_cast<float>(y0);
        const auto at = [&](int dx, int dy) { return slow[static_cast<std::size_t>(y0 + dy) * coarse + x0 + dx]; };
        const auto mix4 = [&](float ClothSlow::*field) {
            return glm::mix(glm::mix(at(0, 0).*field, at(1, 0).*field, ax), glm::mix(at(0, 1).*field, at(1, 1).*field, ax), ay);
        };
        return ClothSlow{mix4(&ClothSlow::occlusion), mix4(&ClothSlow::dye), mix4(&ClothSlow::grain)};
    };

    parallel_for(static_cast<std::size_t>(size), [&](std::size_t row) {
        const int y = static_cast<int>(row);
        const float ty = (static_cast<float>(y) + 0.5f) * texel;
        for (int x = 0; x < size; ++x) {
            const float tx = (static_cast<float>(x) + 0.5f) * texel;
            const ClothTexel c = cloth_locate(look, parts, {tx, ty}, texel);
            const ClothSlow field = slow_at(x, y);
            const glm::vec2 metres = c.uv * c.size_m;
            const ClothMotifSample motif = cloth_motif(look, metres, c.texel_m);
            const bool brocade = look.motif == Motif::Brocade;

            const float figure = brocade ? motif.cover : motif.cover * 0.9f;
            const glm::vec2 slope = cloth_weave_slope(metres, pitch, figure, look.seed);
            // +Y of the map is towards smaller v: the height's slope along v changes sign.
            const glm::vec3 n = glm::normalize(glm::vec3(-slope.x, slope.y, 1.0f));
            cloth_put(normal, x, y, encode_normal(n));

            // Colour: dye, thread-to-thread streaks, slow mottling, the figure, baked occlusion.
            int warp = static_cast<int>(std::floor(metres.x / pitch));
            int weft = static_cast<int>(std::floor(metres.y / pitch));
            if (threads_per_tile > 0) warp %= threads_per_tile, weft %= threads_per_tile;
            const float streak = 0.96f + 0.06f * hash01(warp / 3, 0, 0, look.seed + 7) +
                                 0.02f * hash01(0, weft / 2, 0, look.seed + 9);
            glm::vec3 colour = cloth_srgb_mul(look.colour, streak * (0.95f + 0.1f * field.dye));
            float roughness = look.roughness + 0.06f * (field.grain - 0.5f);
            float metallic = 0.0f;
            if (brocade) {
                const glm::vec3 gold = cloth_srgb_mul(look.motif_colour, 0.9f + 0.2f * hash01(warp, weft / 3, 0, look.seed));
                colour = glm::mix(colour, gold, motif.cover);
                colour = glm::mix(colour, glm::mix(look.colour, glm::vec3(0.95f, 0.9f, 0.8f), 0.55f), motif.accent);
                roughness = glm::mix(roughness, 0.38f, motif.cover);
                metallic = 0.6f * motif.cover;
            } else if (look.motif != Motif::Plain) {
                // Jacquard: same thread, the figure catches a little more light.
                colour = glm::mix(colour, cloth_srgb_mul(look.colour, 1.10f) + glm::vec3(0.012f), motif.cover);
                roughness = glm::mix(roughness, roughness + 0.06f, motif.cover);
            }
            colour *= 0.8f + 0.2f * field.occlusion;  // scanners bake some of the shadow into colour
            cloth_put(base, x, y, glm::vec4(colour, 1.0f));
            cloth_put(orm, x, y, glm::vec4(field.occlusion, std::clamp(roughness, 0.05f, 1.0f), metallic, 1.0f));
        }
    });
    return {std::move(base).to_image(name + "_base_color"), std::move(normal).to_image(name + "_normal"),
            std::move(orm).to_image(name + "_orm")};
}

int add_silk_material(assets::Model& model, SilkMaps maps, const std::string& name,
                      const SilkLook& look) {
    const int first = static_cast<int>(model.images.size());
    model.images.push_back(std::move(maps.base_colour));
    model.images.push_back(std::move(maps.normal));
    model.images.push_back(std::move(maps.orm));
    assets::Material m;
    m.name = name;
    m.metallic = 1.0f;  // the ORM map's blue channel holds it (0 except gold thread)
    m.roughness = 1.0f;
    m.double_sided = true;
    m.base_color_texture.image = first;
    m.normal_texture.image = first + 1;
    m.normal_scale = 1.0f;
    m.metallic_roughness_texture.image = first + 2;
    m.occlusion_texture.image = first + 2;
    if (look.sheen) {
        // Sheen close to the fibre's own colour, a little brighter: silk's soft grazing glow.
        m.sheen.enabled = true;
        m.sheen.roughness = 0.4f;
        const glm::vec3 linear = glm::pow(look.colour, glm::vec3(2.2f));
        m.sheen.colour = glm::clamp(linear * 1.6f + glm::vec3(0.04f), 0.0f, 1.0f);
    }
    model.materials.push_back(m);
    return static_cast<int>(model.materials.size()) - 1;
}

int add_wood_material(assets::Model& model, const WoodLook& look, int size, const std::string& name) {
    Canvas base(size, size), orm(size, size);
    parallel_for(static_cast<std::size_t>(size), [&](std::size_t row) {
        const int y = static_cast<int>(row);
        for (int x = 0; x < size; ++x) {
            const glm::vec2 p(static_cast<float>(x) / static_cast<float>(size),
                              static_cast<float>(y) / static_cast<float>(size));
            // Growth rings seen on a plank: stripes along v, bent by slow noise.
            const float warp = 6.0f * fbm(glm::vec3(p.x * 3.0f, p.y * 0.6f, 0.0f), 2, look.seed);
            const float rings = cloth_fract(p.x * 22.0f + warp);
            const float late_wood = std::pow(1.0f - std::abs(2.0f * rings - 1.0f), 6.0f);
            const float pores = hash01(x, y / 6, 0, look.seed) < 0.04f ? 0.8f : 1.0f;
            const float tone = 0.9f + 0.2f * value_noise(glm::vec3(p * 8.0f, 1.0f), look.seed + 1);
            glm::vec3 c = glm::mix(look.light, look.dark, 0.25f + 0.6f * late_wood) * tone * pores;
            base.set(x, y, glm::vec4(glm::clamp(c, 0.0f, 1.0f), 1.0f));
            orm.set(x, y, glm::vec4(1.0f, look.roughness + 0.1f * late_wood, 0.0f, 1.0f));
        }
    });
    const int first = static_cast<int>(model.images.size());
    model.images.push_back(std::move(base).to_image(name + "_base_color"));
    model.images.push_back(std::move(orm).to_image(name + "_orm"));
    assets::Material m;
    m.name = name;
    m.metallic = 0.0f;
    m.roughness = 1.0f;
    m.base_color_texture.image = first;
    m.metallic_roughness_texture.image = first + 1;
    model.materials.push_back(m);
    return static_cast<int>(model.materials.size()) - 1;
}

}  // namespace ocop::samples::cloth
