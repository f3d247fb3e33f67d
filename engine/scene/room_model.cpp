#include "scene/room_model.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>

namespace ocop::scene {
namespace room_detail {

constexpr float kDoorHeight = 2.2f;
constexpr float kSkirtingHeight = 0.1f;
constexpr int kFinishTexture = 512;
// The room's surfaces are cut into squares this wide on the floor plan: the renderer lights each
// piece with the lamps whose cones reach it (render/light_reach.h), where one whole floor
// would be reached by every spot in the room.
constexpr float kPlanCell = 2.0f;

std::uint32_t room_hash(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

float room_hash01(int x, int y, std::uint32_t seed) {
    const std::uint32_t h = room_hash(static_cast<std::uint32_t>(x) * 0x8da6b343U ^
                                      static_cast<std::uint32_t>(y) * 0xd8163841U ^ seed * 0x9e3779b9U);
    return static_cast<float>(h >> 8) * (1.0f / 16777216.0f);
}

// Smooth value noise that tiles with period `period` (in lattice cells), so finishes repeat
// without seams.
float room_noise(float x, float y, int period, std::uint32_t seed) {
    const int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
    const float fx = x - static_cast<float>(ix), fy = y - static_cast<float>(iy);
    const float u = fx * fx * (3.0f - 2.0f * fx), v = fy * fy * (3.0f - 2.0f * fy);
    auto h = [&](int dx, int dy) {
        return room_hash01(((ix + dx) % period + period) % period, ((iy + dy) % period + period) % period, seed);
    };
    const float a = h(0, 0) + (h(1, 0) - h(0, 0)) * u;
    const float b = h(0, 1) + (h(1, 1) - h(0, 1)) * u;
    return a + (b - a) * v;
}

float room_fbm(float x, float y, int period, std::uint32_t seed) {
    float sum = 0.0f, amplitude = 0.5f;
    for (int o = 0; o < 4; ++o) {
        sum += amplitude * room_noise(x, y, period, seed + static_cast<std::uint32_t>(o));
        x *= 2.0f, y *= 2.0f, period *= 2, amplitude *= 0.5f;
    }
    return sum / 0.9375f;
}

glm::vec3 srgb(int r, int g, int b) { return glm::vec3(r, g, b) / 255.0f; }

// A finish: its sRGB colour at texture coordinates (u, v) in 0..1 over one tile, the tile's
// size in metres and its roughness.
struct Finish {
    std::function<glm::vec3(float, float)> colour;
    float tile_m = 1.0f;
    float roughness = 0.8f;
};

Finish finish_named(const std::string& name) {
    if (name == "bat-trang-brick") {  // square terracotta tiles with lime grout, 4 x 4 per tile
        return {[](float u, float v) {
                    const float gx = u * 4.0f, gy = v * 4.0f;
                    const float fx = gx - std::floor(gx), fy = gy - std::floor(gy);
                    const float grout = std::min(std::min(fx, 1.0f - fx), std::min(fy, 1.0f - fy));
                    if (grout < 0.025f) return srgb(190, 180, 160);
                    const float tile = room_hash01(static_cast<int>(gx), static_cast<int>(gy), 7);
                    const float n = room_fbm(u * 16.0f, v * 16.0f, 16, 3);
                    return glm::mix(srgb(150, 72, 48), srgb(184, 98, 62), 0.5f * tile + 0.5f * n);
                },
                1.2f, 0.75f};
    }
    if (name == "oak-parquet") {  // planks 1/6 of the tile wide, staggered
        return {[](float u, float v) {
                    const float row = std::floor(v * 6.0f);
                    const float x = u + 0.37f * row;
                    const float plank = std::floor(x * 2.0f);
                    const float seam = std::min(v * 6.0f - row, x * 2.0f - plank);
                    if (seam < 0.02f) return srgb(70, 48, 30);
                    const float tone = room_hash01(static_cast<int>(plank), static_cast<int>(row), 11);
                    const float grain = room_fbm(u * 64.0f, v * 6.0f, 64, 5);
                    return glm::mix(srgb(150, 105, 64), srgb(186, 140, 92), 0.6f * tone + 0.4f * grain);
                },
                2.4f, 0.45f};
    }
    if (name == "polished-concrete") {
        return {[](float u, float v) {
                    return glm::mix(srgb(150, 148, 142), srgb(178, 176, 170), room_fbm(u * 8.0f, v * 8.0f, 8, 13));
                },
                3.0f, 0.35f};
    }
    if (name == "exposed-brick") {  // running bond, 8 courses a tile
        return {[](float u, float v) {
                    const float course = std::floor(v * 8.0f);
                    const float x = u * 4.0f + 0.5f * course;
                    const float fx = x - std::floor(x), fy = v * 8.0f - course;
                    if (fx < 0.04f || fy < 0.1f) return srgb(170, 160, 145);
                    const float brick = room_hash01(static_cast<int>(std::floor(x)), static_cast<int>(course), 17);
                    return glm::mix(srgb(130, 60, 42), srgb(170, 88, 60), 0.7f * brick + 0.3f * room_fbm(u * 32.0f, v * 32.0f, 32, 19));
                },
                1.0f, 0.85f};
    }
    if (name == "wood-panel") {  // vertical slats
        return {[](float u, float v) {
                    const float slat = std::floor(u * 10.0f);
                    if (u * 10.0f - slat < 0.08f) return srgb(60, 40, 26);
                    const float tone = room_hash01(static_cast<int>(slat), 0, 23);
                    return glm::mix(srgb(120, 80, 50), srgb(150, 104, 66), 0.5f * tone + 0.5f * room_fbm(u * 10.0f, v * 48.0f, 10, 29));
                },
                1.2f, 0.5f};
    }
    if (name == "white-paint") {
        return {[](float u, float v) { return glm::mix(srgb(232, 230, 224), srgb(240, 238, 232), room_fbm(u * 8.0f, v * 8.0f, 8, 31)); },
                2.0f, 0.85f};
    }
    if (name == "lime-plaster") {
        return {[](float u, float v) { return glm::mix(srgb(222, 212, 190), srgb(238, 230, 212), room_fbm(u * 6.0f, v * 6.0f, 6, 37)); },
                2.0f, 0.9f};
    }
    // terrazzo, and the fallback for a finish we do not know: warm grey with stone chips
    return {[](float u, float v) {
                const float cx = u * 48.0f, cy = v * 48.0f;
                const int ix = static_cast<int>(cx), iy = static_cast<int>(cy);
                const float chip = room_hash01(ix, iy, 41);
                const float dx = cx - static_cast<float>(ix) - 0.5f, dy = cy - static_cast<float>(iy) - 0.5f;
                if (chip > 0.55f && dx * dx + dy * dy < 0.12f * chip) {
                    return chip > 0.85f ? srgb(90, 84, 78) : chip > 0.7f ? srgb(200, 190, 176) : srgb(150, 120, 96);
                }
                return glm::mix(srgb(196, 190, 180), srgb(212, 206, 196), room_fbm(u * 8.0f, v * 8.0f, 8, 43));
            },
            1.5f, 0.4f};
}

int add_finish_material(assets::Model& model, const std::string& finish, bool double_sided) {
    const Finish f = finish_named(finish);
    assets::Image image;
    image.name = finish;
    image.width = image.height = kFinishTexture;
    image.rgba8.resize(static_cast<std::size_t>(kFinishTexture) * kFinishTexture * 4);
    for (int y = 0; y < kFinishTexture; ++y) {
        for (int x = 0; x < kFinishTexture; ++x) {
            const glm::vec3 c = glm::clamp(f.colour((static_cast<float>(x) + 0.5f) / kFinishTexture,
                                                    (static_cast<float>(y) + 0.5f) / kFinishTexture),
                                           glm::vec3(0.0f), glm::vec3(1.0f));
            std::uint8_t* p = &image.rgba8[(static_cast<std::size_t>(y) * kFinishTexture + x) * 4];
            p[0] = static_cast<std::uint8_t>(std::lround(c.r * 255.0f));
            p[1] = static_cast<std::uint8_t>(std::lround(c.g * 255.0f));
            p[2] = static_cast<std::uint8_t>(std::lround(c.b * 255.0f));
            p[3] = 255;
        }
    }
    model.images.push_back(std::move(image));
    assets::Material m;
    m.name = finish;
    m.metallic = 0.0f;
    m.roughness = f.roughness;
    m.double_sided = double_sided;
    m.base_color_texture.image = static_cast<int>(model.images.size()) - 1;
    m.base_color_texture.transform.scale = glm::vec2(1.0f / f.tile_m);  // UVs are in metres
    model.materials.push_back(std::move(m));
    return static_cast<int>(model.materials.size()) - 1;
}

float signed_area(const std::vector<glm::vec2>& poly) {
    float a = 0.0f;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const glm::vec2 p = poly[i], q = poly[(i + 1) % poly.size()];
        a += p.x * q.y - q.x * p.y;
    }
    return 0.5f * a;
}

float cross2(glm::vec2 a, glm::vec2 b) { return a.x * b.y - a.y * b.x; }

// Ear clipping of a simple polygon; triangles as indices into `poly`, each with a positive
// signed area in (x, z).
std::vector<std::uint32_t> triangulate(const std::vector<glm::vec2>& poly_in) {
    std::vector<glm::vec2> poly = poly_in;
    std::vector<std::uint32_t> index(poly.size());
    for (std::size_t i = 0; i < index.size(); ++i) index[i] = static_cast<std::uint32_t>(i);
    if (signed_area(poly) < 0.0f) {
        std::reverse(poly.begin(), poly.end());
        std::reverse(index.begin(), index.end());
    }
    std::vector<std::uint32_t> out;
    std::vector<std::size_t> left(poly.size());
    for (std::size_t i = 0; i < left.size(); ++i) left[i] = i;
    std::size_t guard = 0;
    while (left.size() > 3 && guard++ < 10000) {
        bool clipped = false;
        for (std::size_t i = 0; i < left.size() && !clipped; ++i) {
            const std::size_t ia = left[(i + left.size() - 1) % left.size()], ib = left[i],
                              ic = left[(i + 1) % left.size()];
            const glm::vec2 a = poly[ia], b = poly[ib], c = poly[ic];
            if (cross2(b - a, c - b) <= 0.0f) continue;  // reflex corner
            bool empty = true;
            for (std::size_t j : left) {
                if (j == ia || j == ib || j == ic) continue;
                const glm::vec2 p = poly[j];
                if (cross2(b - a, p - a) > 0.0f && cross2(c - b, p - b) > 0.0f && cross2(a - c, p - c) > 0.0f) {
                    empty = false;
                    break;
                }
            }
            if (!empty) continue;
            out.insert(out.end(), {index[ia], index[ib], index[ic]});
            left.erase(left.begin() + static_cast<std::ptrdiff_t>(i));
            clipped = true;
        }
        if (!clipped) break;  // degenerate outline: what is left stays open
    }
    if (left.size() == 3) out.insert(out.end(), {index[left[0]], index[left[1]], index[left[2]]});
    return out;
}

// A horizontal polygon at height y facing up (+Y) or down; UVs are world (x, z) in metres.
assets::Mesh flat_polygon(const std::vector<glm::vec2>& outline, float y, bool facing_up, int material) {
    assets::Mesh mesh;
    mesh.material = material;
    for (const glm::vec2& p : outline) {
        mesh.positions.push_back({p.x, y, p.y});
        mesh.normals.push_back({0.0f, facing_up ? 1.0f : -1.0f, 0.0f});
        mesh.uv0.push_back({p.x, p.y});
    }
    const std::vector<std::uint32_t> tris = triangulate(outline);
    // Positive area in (x, z) winds clockwise seen from +Y: flip for an upward face.
    for (std::size_t t = 0; t + 2 < tris.size(); t += 3) {
        if (facing_up) mesh.indices.insert(mesh.indices.end(), {tris[t], tris[t + 2], tris[t + 1]});
        else mesh.indices.insert(mesh.indices.end(), {tris[t], tris[t + 1], tris[t + 2]});
    }
    return mesh;
}

// A vertical rectangle along a wall from `a` to `b` (plan points), from y0 to y1, facing `normal`.
void add_wall_quad(assets::Mesh& mesh, glm::vec2 a, glm::vec2 b, float y0, float y1, glm::vec2 normal,
                   float u0, glm::vec2 offset = glm::vec2(0.0f)) {
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    const float length = glm::length(b - a);
    const glm::vec2 pa = a + offset, pb = b + offset;
    const glm::vec3 n{normal.x, 0.0f, normal.y};
    mesh.positions.insert(mesh.positions.end(), {{pa.x, y0, pa.y}, {pb.x, y0, pb.y}, {pb.x, y1, pb.y}, {pa.x, y1, pa.y}});
    mesh.normals.insert(mesh.normals.end(), {n, n, n, n});
    mesh.uv0.insert(mesh.uv0.end(), {{u0, -y0}, {u0 + length, -y0}, {u0 + length, -y1}, {u0, -y1}});
    // Counter-clockwise seen from the side the normal points to.
    const glm::vec3 e1{pb.x - pa.x, 0.0f, pb.y - pa.y};
    const bool ccw = glm::dot(glm::cross(e1, glm::vec3(0.0f, 1.0f, 0.0f)), n) > 0.0f;
    if (ccw) mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
    else mesh.indices.insert(mesh.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
}

// `mesh` cut along the lines x = k kPlanCell and z = k kPlanCell, one mesh per square of the
// plan that holds some of it. A triangle flat along an axis (a wall along x) is not cut along
// that axis, so a wall on a grid line lands in one square, not in both. Each piece's
// positions, normals and UVs (all a room has) are the triangle's, interpolated.
std::vector<assets::Mesh> cut_by_plan_grid(const assets::Mesh& mesh) {
    struct Corner {
        glm::vec3 weights;  // barycentric, of the triangle being cut
        glm::vec2 plan;     // (x, z)
    };
    std::map<std::pair<int, int>, assets::Mesh> cells;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::array<std::uint32_t, 3> v{mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        const glm::vec3 a = mesh.positions[v[0]], b = mesh.positions[v[1]], c = mesh.positions[v[2]];
        const glm::vec2 lo{std::min({a.x, b.x, c.x}), std::min({a.z, b.z, c.z})};
        const glm::vec2 hi{std::max({a.x, b.x, c.x}), std::max({a.z, b.z, c.z})};
        const bool flat_x = hi.x - lo.x < 1e-4f, flat_z = hi.y - lo.y < 1e-4f;
        const int x0 = int(std::floor((flat_x ? 0.5f * (lo.x + hi.x) : lo.x) / kPlanCell));
        const int z0 = int(std::floor((flat_z ? 0.5f * (lo.y + hi.y) : lo.y) / kPlanCell));
        const int x1 = flat_x ? x0 : int(std::floor(hi.x / kPlanCell));
        const int z1 = flat_z ? z0 : int(std::floor(hi.y / kPlanCell));
        for (int cx = x0; cx <= x1; ++cx)
            for (int cz = z0; cz <= z1; ++cz) {
                std::vector<Corner> poly{{{1, 0, 0}, {a.x, a.z}}, {{0, 1, 0}, {b.x, b.z}}, {{0, 0, 1}, {c.x, c.z}}};
                // Sutherland-Hodgman against the square's sides: keep where side(p) >= 0.
                const auto clip = [&](int axis, float at, float sign) {
                    std::vector<Corner> out;
                    for (std::size_t i = 0; i < poly.size(); ++i) {
                        const Corner& p = poly[i];
                        const Corner& q = poly[(i + 1) % poly.size()];
                        const float dp = sign * (p.plan[axis] - at), dq = sign * (q.plan[axis] - at);
                        if (dp >= 0.0f) out.push_back(p);
                        if ((dp >= 0.0f) != (dq >= 0.0f)) {
                            const float f = dp / (dp - dq);
                            out.push_back({glm::mix(p.weights, q.weights, f), glm::mix(p.plan, q.plan, f)});
                        }
                    }
                    poly = std::move(out);
                };
                if (!flat_x) clip(0, float(cx) * kPlanCell, 1.0f), clip(0, float(cx + 1) * kPlanCell, -1.0f);
                if (!flat_z) clip(1, float(cz) * kPlanCell, 1.0f), clip(1, float(cz + 1) * kPlanCell, -1.0f);
                if (poly.size() < 3) continue;
                // A triangle that only touches the square leaves a sliver of no area: none of it.
                const auto at = [&](const Corner& k) { return k.weights.x * a + k.weights.y * b + k.weights.z * c; };
                glm::vec3 doubled_area{0.0f};
                for (std::size_t i = 1; i + 1 < poly.size(); ++i)
                    doubled_area += glm::cross(at(poly[i]) - at(poly[0]), at(poly[i + 1]) - at(poly[0]));
                if (glm::length(doubled_area) < 1e-6f) continue;
                assets::Mesh& piece = cells[{cx, cz}];
                const auto base = static_cast<std::uint32_t>(piece.positions.size());
                for (const Corner& k : poly) {
                    const glm::vec3 w = k.weights;
                    const auto mixed = [&](const auto& values) {
                        return w.x * values[v[0]] + w.y * values[v[1]] + w.z * values[v[2]];
                    };
                    piece.positions.push_back(mixed(mesh.positions));
                    if (!mesh.normals.empty()) piece.normals.push_back(glm::normalize(mixed(mesh.normals)));
                    if (!mesh.uv0.empty()) piece.uv0.push_back(mixed(mesh.uv0));
                }
                // A fan over the convex piece; a corner on a side (where a cut passed through a
                // vertex) makes a triangle of no area, left out.
                for (std::uint32_t i = 1; i + 1 < poly.size(); ++i) {
                    const glm::vec3 p0 = piece.positions[base], p1 = piece.positions[base + i],
                                    p2 = piece.positions[base + i + 1];
                    if (glm::length(glm::cross(p1 - p0, p2 - p0)) < 1e-7f) continue;
                    piece.indices.insert(piece.indices.end(), {base, base + i, base + i + 1});
                }
            }
    }
    std::vector<assets::Mesh> pieces;
    for (auto& [cell, piece] : cells) {
        piece.name = mesh.name;
        piece.material = mesh.material;
        pieces.push_back(std::move(piece));
    }
    return pieces;
}

}  // namespace room_detail

std::vector<std::string> floor_finishes() { return {"terrazzo", "bat-trang-brick", "oak-parquet", "polished-concrete"}; }
std::vector<std::string> wall_finishes() { return {"lime-plaster", "exposed-brick", "wood-panel", "white-paint"}; }

assets::Model room_model(const Room& room) {
    using namespace room_detail;
    assets::Model model;
    model.source = "room " + room.id;
    model.format = "generated";
    if (room.outline.size() < 3) return model;

    const int floor_material = add_finish_material(model, room.floor, false);
    const int wall_material = add_finish_material(model, room.walls, true);
    const int ceiling_material = add_finish_material(model, "white-paint", false);
    assets::Material skirting;
    skirting.name = "skirting";
    skirting.base_color = {0.12f, 0.1f, 0.09f, 1.0f};
    skirting.metallic = 0.0f;
    skirting.roughness = 0.5f;
    model.materials.push_back(skirting);
    const int skirting_material = static_cast<int>(model.materials.size()) - 1;
    assets::Material panel;  // the ceiling's light panels: seen, not lighting (the lights do that)
    panel.name = "ceiling light";
    panel.base_color = {1.0f, 1.0f, 1.0f, 1.0f};
    panel.metallic = 0.0f;
    panel.emissive = glm::vec3(1.0f, 0.95f, 0.86f);
    panel.emissive_strength = 400.0f;
    model.materials.push_back(panel);
    const int panel_material = static_cast<int>(model.materials.size()) - 1;

    model.meshes.push_back(flat_polygon(room.outline, 0.0f, true, floor_material));
    model.meshes.back().name = "floor";
    model.meshes.push_back(flat_polygon(room.outline, room.height_m, false, ceiling_material));
    model.meshes.back().name = "ceiling";

    const bool ccw = signed_area(room.outline) > 0.0f;
    assets::Mesh walls, skirtings;
    walls.name = "walls";
    walls.material = wall_material;
    skirtings.name = "skirting";
    skirtings.material = skirting_material;
    float u = 0.0f;
    for (std::size_t i = 0; i < room.outline.size(); ++i) {
        const glm::vec2 a = room.outline[i], b = room.outline[(i + 1) % room.outline.size()];
        const float length = glm::length(b - a);
        if (length <= 0.0f) continue;
        const glm::vec2 dir = (b - a) / length;
        // Inward: left of the edge for a counter-clockwise (positive-area) outline.
        const glm::vec2 inward = ccw ? glm::vec2(-dir.y, dir.x) : glm::vec2(dir.y, -dir.x);
        std::vector<std::pair<float, float>> doors;
        for (const Door& d : room.doors)
            if (d.wall == static_cast<int>(i)) doors.push_back({std::clamp(d.at_m, 0.0f, length),
                                                                std::clamp(d.at_m + d.width_m, 0.0f, length)});
        std::sort(doors.begin(), doors.end());
        float s = 0.0f;
        auto solid = [&](float s0, float s1) {
            if (s1 <= s0) return;
            add_wall_quad(walls, a + dir * s0, a + dir * s1, 0.0f, room.height_m, inward, u + s0);
            add_wall_quad(skirtings, a + dir * s0, a + dir * s1, 0.0f, kSkirtingHeight, inward, u + s0, inward * 0.01f);
        };
        for (const auto& [d0, d1] : doors) {
            solid(s, d0);
            if (room.height_m > kDoorHeight)
                add_wall_quad(walls, a + dir * d0, a + dir * d1, kDoorHeight, room.height_m, inward, u + d0);
            s = std::max(s, d1);
        }
        solid(s, length);
        u += length;
    }
    model.meshes.push_back(std::move(walls));
    model.meshes.push_back(std::move(skirtings));

    // Light panels on a 3 m grid inside the outline's bounds, where they fall inside the room.
    glm::vec2 lo = room.outline[0], hi = room.outline[0];
    for (const glm::vec2& p : room.outline) lo = glm::min(lo, p), hi = glm::max(hi, p);
    assets::Mesh panels;
    panels.name = "ceiling lights";
    panels.material = panel_material;
    const auto inside = [&](glm::vec2 p) {
        bool in = false;
        for (std::size_t i = 0, j = room.outline.size() - 1; i < room.outline.size(); j = i++) {
            const glm::vec2 a = room.outline[i], b = room.outline[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
        }
        return in;
    };
    for (float x = lo.x + 1.5f; x < hi.x - 0.5f; x += 3.0f) {
        for (float z = lo.y + 1.5f; z < hi.y - 0.5f; z += 3.0f) {
            if (!inside({x, z})) continue;
            const std::vector<glm::vec2> square{{x - 0.3f, z - 0.3f}, {x + 0.3f, z - 0.3f}, {x + 0.3f, z + 0.3f}, {x - 0.3f, z + 0.3f}};
            assets::Mesh one = flat_polygon(square, room.height_m - 0.01f, false, panel_material);
            const auto base = static_cast<std::uint32_t>(panels.positions.size());
            panels.positions.insert(panels.positions.end(), one.positions.begin(), one.positions.end());
            panels.normals.insert(panels.normals.end(), one.normals.begin(), one.normals.end());
            panels.uv0.insert(panels.uv0.end(), one.uv0.begin(), one.uv0.end());
            for (std::uint32_t i : one.indices) panels.indices.push_back(base + i);
        }
    }
    if (!panels.indices.empty()) model.meshes.push_back(std::move(panels));

    std::vector<assets::Mesh> whole = std::move(model.meshes);
    model.meshes.clear();
    for (const assets::Mesh& mesh : whole)
        for (assets::Mesh& piece : cut_by_plan_grid(mesh)) model.meshes.push_back(std::move(piece));
    return model;
}

}  // namespace ocop::scene
