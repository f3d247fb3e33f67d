// The fixture library's proportions, mesh builder and materials (fixture_geometry.h).
#include "scene/fixture_geometry.h"

#include "core/colour.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace ocop::scene {

namespace {

constexpr float kFixturePi = 3.14159265358979f;

}  // namespace

// ---- proportions ----

WallShelfLayout wall_shelf_layout(glm::vec3 s) {
    WallShelfLayout l;
    l.boards = std::clamp(static_cast<int>(s.y / 0.45f), 1, 4);
    l.kick_m = std::min(0.08f, 0.1f * s.y);
    l.spacing_m = (s.y - l.board_m - l.kick_m) / static_cast<float>(l.boards);
    l.inner_width_m = std::max(0.02f, s.x - 2.0f * l.side_m);
    l.board_depth_m = std::max(0.02f, s.z - l.back_m);
    l.board_z_m = -0.5f * s.z + l.back_m + 0.5f * l.board_depth_m;
    return l;
}

VitrineLayout vitrine_layout(glm::vec3 s) {
    VitrineLayout l;
    l.base_m = std::min(0.9f, 0.5f * s.y);
    const float interior = s.y - l.cap_m - l.base_m;
    l.levels = std::clamp(static_cast<int>(interior / 0.3f), 1, 3);
    const float spacing = interior / static_cast<float>(l.levels);
    for (int k = 0; k < l.levels; ++k)
        l.level_y_m[static_cast<std::size_t>(k)] = l.base_m + static_cast<float>(k) * spacing + (k > 0 ? l.shelf_m : 0.0f);
    l.clear_height_m = spacing - l.shelf_m;
    l.inner_width_m = std::max(0.02f, s.x - 2.0f * l.frame_m);
    l.inner_depth_m = std::max(0.02f, s.z - 2.0f * l.frame_m);
    return l;
}

FoodDisplayLayout food_display_layout(glm::vec3 s) {
    FoodDisplayLayout l;
    const float step = std::min(0.1f, 0.12f * s.y);
    l.table_top_m = s.y - 2.0f * step;
    l.front_tier_y_m = s.y - step;
    l.tier_depth_m = 0.5f * (s.z - 0.06f);
    l.front_tier_z_m = 0.5f * s.z - 0.03f - 0.5f * l.tier_depth_m;
    l.back_tier_z_m = -0.5f * s.z + 0.03f + 0.5f * l.tier_depth_m;
    return l;
}

float potters_wheel_head_diameter(glm::vec3 s) { return std::min(0.4f, 0.5f * std::min(s.x, s.z)); }

PhotoSweepLayout photo_sweep_layout(glm::vec3 s) {
    PhotoSweepLayout l;
    l.table_top_m = std::min(0.8f, 0.5f * s.y);
    l.sweep_radius_m = std::min({0.35f, 0.3f * s.z, 0.5f * (s.y - l.table_top_m)});
    l.turntable_radius_m = std::min(0.2f, 0.15f * s.x);
    l.turntable_top_m = l.table_top_m + 0.03f;
    l.turntable_z_m = 0.1f * s.z;
    return l;
}

// ---- builder ----

int FixtureBuilder::material(const assets::Material& m) {
    for (std::size_t i = 0; i < materials_.size(); ++i)
        if (materials_[i].name == m.name) return static_cast<int>(i);
    materials_.push_back(m);
    meshes_.emplace_back();
    meshes_.back().name = m.name;
    meshes_.back().material = static_cast<int>(materials_.size() - 1);
    return static_cast<int>(materials_.size() - 1);
}

int FixtureBuilder::image(assets::Image image) {
    for (std::size_t i = 0; i < images_.size(); ++i)
        if (images_[i].name == image.name) return static_cast<int>(i);
    images_.push_back(std::move(image));
    return static_cast<int>(images_.size() - 1);
}

assets::Mesh& FixtureBuilder::mesh_for(int material) { return meshes_[static_cast<std::size_t>(material)]; }

void FixtureBuilder::set_frame(const glm::mat4& frame) {
    frame_ = frame;
    normal_frame_ = glm::transpose(glm::inverse(glm::mat3(frame)));
}

std::uint32_t FixtureBuilder::vertex(assets::Mesh& m, glm::vec3 p, glm::vec3 n, glm::vec2 uv) {
    m.positions.push_back(glm::vec3(frame_ * glm::vec4(p, 1.0f)));
    m.normals.push_back(glm::normalize(normal_frame_ * n));
    m.uv0.push_back(uv);
    return static_cast<std::uint32_t>(m.positions.size() - 1);
}

void FixtureBuilder::box(int material, glm::vec3 lo, glm::vec3 hi, float bevel, glm::vec2 uv_scale) {
    assets::Mesh& m = mesh_for(material);
    const glm::vec3 c = 0.5f * (lo + hi);
    const glm::vec3 half = 0.5f * (hi - lo);
    bevel = std::clamp(bevel, 0.0f, 0.45f * std::min({half.x, half.y, half.z}) * 2.0f * 0.5f);
    const glm::vec3 e = half - glm::vec3(bevel);  // the inner box whose edges the bevel rounds
    // The surface point of corner (signs) pushed out along the axes in `push`.
    auto point = [&](glm::vec3 sign, glm::bvec3 push) {
        glm::vec3 p = c + sign * e;
        for (int a = 0; a < 3; ++a)
            if (push[a]) p[a] += sign[a] * bevel;
        return p;
    };
    // UVs: metres along the two axes the facet spans most, so grain runs along a board's length.
    auto uv_of = [&](glm::vec3 p, glm::vec3 n) {
        const glm::vec3 an = glm::abs(n);
        glm::vec2 uv;
        if (an.y >= an.x && an.y >= an.z) uv = half.x >= half.z ? glm::vec2(p.x, p.z) : glm::vec2(p.z, p.x);
        else if (an.x >= an.z) uv = half.z >= half.y ? glm::vec2(p.z, p.y) : glm::vec2(p.y, p.z);
        else uv = half.x >= half.y ? glm::vec2(p.x, p.y) : glm::vec2(p.y, p.x);
        return uv * uv_scale;
    };
    auto polygon = [&](std::span<const glm::vec3> pts, glm::vec3 outward) {
        glm::vec3 n = glm::cross(pts[1] - pts[0], pts[2] - pts[0]);
        const float len = glm::length(n);
        if (len < 1e-12f) return;
        n /= len;
        const bool flip = glm::dot(n, outward) < 0.0f;
        if (flip) n = -n;
        std::array<std::uint32_t, 4> idx{};
        for (std::size_t i = 0; i < pts.size(); ++i) idx[i] = vertex(m, pts[i], n, uv_of(pts[i], n));
        for (std::size_t i = 1; i + 1 < pts.size(); ++i) {
            if (flip) m.indices.insert(m.indices.end(), {idx[0], idx[i + 1], idx[i]});
            else m.indices.insert(m.indices.end(), {idx[0], idx[i], idx[i + 1]});
        }
    };
    // Faces: for each axis and side, the four corners pushed along that axis.
    for (int a = 0; a < 3; ++a)
        for (float side : {-1.0f, 1.0f}) {
            const int u = (a + 1) % 3, v = (a + 2) % 3;
            std::array<glm::vec3, 4> pts;
            const std::array<glm::vec2, 4> q{{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}};
            for (std::size_t i = 0; i < 4; ++i) {
                glm::vec3 sign(0.0f);
                sign[a] = side, sign[u] = q[i].x, sign[v] = q[i].y;
                glm::bvec3 push(false);
                push[a] = true;
                pts[i] = point(sign, push);
            }
            glm::vec3 outward(0.0f);
            outward[a] = side;
            polygon(pts, outward);
        }
    if (bevel <= 0.0f) return;
    // Edge chamfers: between axes a and b, along the third axis t.
    for (int t = 0; t < 3; ++t) {
        const int a = (t + 1) % 3, bb = (t + 2) % 3;
        for (float sa : {-1.0f, 1.0f})
            for (float sb : {-1.0f, 1.0f}) {
                std::array<glm::vec3, 4> pts;
                std::size_t i = 0;
                for (float st : {-1.0f, 1.0f}) {
                    glm::vec3 sign(0.0f);
                    sign[a] = sa, sign[bb] = sb, sign[t] = st;
                    glm::bvec3 pa(false), pb(false);
                    pa[a] = true, pb[bb] = true;
                    pts[i++] = point(sign, pa);
                    pts[i++] = point(sign, pb);
                }
                const std::array<glm::vec3, 4> quad{pts[0], pts[1], pts[3], pts[2]};
                glm::vec3 outward(0.0f);
                outward[a] = sa, outward[bb] = sb;
                polygon(quad, outward);
            }
    }
    // Corner triangles.
    for (float sx : {-1.0f, 1.0f})
        for (float sy : {-1.0f, 1.0f})
            for (float sz : {-1.0f, 1.0f}) {
                const glm::vec3 sign(sx, sy, sz);
                const std::array<glm::vec3, 3> tri{point(sign, {true, false, false}), point(sign, {false, true, false}),
                                                   point(sign, {false, false, true})};
                polygon(tri, sign);
            }
}

void FixtureBuilder::lathe(int material, glm::vec3 base, std::span<const glm::vec2> profile, int segments,
                           float crease_deg) {
    if (profile.size() < 2 || segments < 3) return;
    assets::Mesh& m = mesh_for(material);
    const float cos_crease = std::cos(glm::radians(crease_deg));
    // Per profile segment, its outward normal in the (r, y) plane.
    std::vector<glm::vec2> seg_n;
    for (std::size_t i = 0; i + 1 < profile.size(); ++i) {
        const glm::vec2 d = profile[i + 1] - profile[i];
        const float len = glm::length(d);
        seg_n.push_back(len > 1e-9f ? glm::vec2(d.y, -d.x) / len : glm::vec2(1.0f, 0.0f));
    }
    float arc = 0.0f;
    for (std::size_t i = 0; i + 1 < profile.size(); ++i) {
        const glm::vec2 p0 = profile[i], p1 = profile[i + 1];
        // Smooth with a neighbour when the profile turns gently there.
        glm::vec2 n0 = seg_n[i], n1 = seg_n[i];
        if (i > 0 && glm::dot(seg_n[i - 1], seg_n[i]) > cos_crease) n0 = glm::normalize(seg_n[i - 1] + seg_n[i]);
        if (i + 1 < seg_n.size() && glm::dot(seg_n[i + 1], seg_n[i]) > cos_crease)
            n1 = glm::normalize(seg_n[i + 1] + seg_n[i]);
        const float len = glm::length(p1 - p0);
        if (len < 1e-9f) continue;
        const std::uint32_t first = static_cast<std::uint32_t>(m.positions.size());
        for (int k = 0; k <= segments; ++k) {
            const float phi = 2.0f * kFixturePi * static_cast<float>(k) / static_cast<float>(segments);
            const float cs = std::cos(phi), sn = std::sin(phi);
            const float u = static_cast<float>(k) / static_cast<float>(segments);
            vertex(m, base + glm::vec3(p0.x * sn, p0.y, p0.x * cs), glm::vec3(n0.x * sn, n0.y, n0.x * cs), {u, arc});
            vertex(m, base + glm::vec3(p1.x * sn, p1.y, p1.x * cs), glm::vec3(n1.x * sn, n1.y, n1.x * cs),
                   {u, arc + len});
        }
        arc += len;
        for (int k = 0; k < segments; ++k) {
            const std::uint32_t a = first + static_cast<std::uint32_t>(2 * k);
            // Walking up the profile with phi increasing counter-clockwise seen from +Y:
            // (a, a+2, a+1) faces outward when the profile's normal points outward.
            if (p0.x <= 1e-9f && p1.x <= 1e-9f) continue;
            if (p0.x > 1e-9f) m.indices.insert(m.indices.end(), {a, a + 2, a + 1});
            if (p1.x > 1e-9f) m.indices.insert(m.indices.end(), {a + 1, a + 2, a + 3});
        }
    }
}

void FixtureBuilder::cylinder(int material, glm::vec3 base, float radius, float height, int segments, float bevel) {
    bevel = std::min({bevel, 0.45f * radius, 0.45f * height});
    if (bevel > 0.0f) {
        const std::array<glm::vec2, 6> p{{{0.0f, 0.0f},
                                          {radius - bevel, 0.0f},
                                          {radius, bevel},
                                          {radius, height - bevel},
                                          {radius - bevel, height},
                                          {0.0f, height}}};
        lathe(material, base, p, segments, 30.0f);
    } else {
        const std::array<glm::vec2, 4> p{{{0.0f, 0.0f}, {radius, 0.0f}, {radius, height}, {0.0f, height}}};
        lathe(material, base, p, segments, 30.0f);
    }
}

void FixtureBuilder::rod(int material, glm::vec3 a, glm::vec3 b, float radius, int segments) {
    const glm::vec3 axis = b - a;
    const float len = glm::length(axis);
    if (len < 1e-6f) return;
    const glm::vec3 y = axis / len;
    const glm::vec3 helper = std::abs(y.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    const glm::vec3 x = glm::normalize(glm::cross(helper, y));
    const glm::vec3 z = glm::cross(x, y);
    const glm::mat4 saved = frame_;
    set_frame(saved * glm::mat4(glm::vec4(x, 0), glm::vec4(y, 0), glm::vec4(z, 0), glm::vec4(a, 1)));
    cylinder(material, glm::vec3(0.0f), radius, len, segments);
    set_frame(saved);
}

void FixtureBuilder::extrude_x(int material, std::span<const glm::vec2> zy, float x0, float x1, float crease_deg) {
    if (zy.size() < 2) return;
    assets::Mesh& m = mesh_for(material);
    const float cos_crease = std::cos(glm::radians(crease_deg));
    std::vector<glm::vec3> seg_n;  // walking the profile in (z, y), the front is to its left in (z, y)
    for (std::size_t i = 0; i + 1 < zy.size(); ++i) {
        const glm::vec2 d = zy[i + 1] - zy[i];
        const float len = glm::length(d);
        // (dz, dy) turned: normal (z, y) = (-dy, dz) / len.
        seg_n.push_back(len > 1e-9f ? glm::vec3(0.0f, d.x / len, -d.y / len) : glm::vec3(0, 1, 0));
    }
    float arc = 0.0f;
    for (std::size_t i = 0; i + 1 < zy.size(); ++i) {
        glm::vec3 n0 = seg_n[i], n1 = seg_n[i];
        if (i > 0 && glm::dot(seg_n[i - 1], seg_n[i]) > cos_crease) n0 = glm::normalize(seg_n[i - 1] + seg_n[i]);
        if (i + 1 < seg_n.size() && glm::dot(seg_n[i + 1], seg_n[i]) > cos_crease)
            n1 = glm::normalize(seg_n[i + 1] + seg_n[i]);
        const float len = glm::length(zy[i + 1] - zy[i]);
        if (len < 1e-9f) continue;
        const glm::vec3 p00(x0, zy[i].y, zy[i].x), p10(x1, zy[i].y, zy[i].x);
        const glm::vec3 p01(x0, zy[i + 1].y, zy[i + 1].x), p11(x1, zy[i + 1].y, zy[i + 1].x);
        const std::uint32_t a = vertex(m, p00, n0, {x0, arc});
        const std::uint32_t b = vertex(m, p10, n0, {x1, arc});
        const std::uint32_t c = vertex(m, p11, n1, {x1, arc + len});
        const std::uint32_t d = vertex(m, p01, n1, {x0, arc + len});
        // Orient by the flat normal of the quad.
        const glm::vec3 flat = glm::cross(p10 - p00, p01 - p00);
        if (glm::dot(flat, seg_n[i]) >= 0.0f) m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
        else m.indices.insert(m.indices.end(), {a, c, b, a, d, c});
        arc += len;
    }
}

void FixtureBuilder::quad(int material, glm::vec3 bl, glm::vec3 br, glm::vec3 tr, glm::vec3 tl) {
    assets::Mesh& m = mesh_for(material);
    const glm::vec3 n = glm::normalize(glm::cross(br - bl, tl - bl));
    const std::uint32_t a = vertex(m, bl, n, {0.0f, 1.0f});
    const std::uint32_t b = vertex(m, br, n, {1.0f, 1.0f});
    const std::uint32_t c = vertex(m, tr, n, {1.0f, 0.0f});
    const std::uint32_t d = vertex(m, tl, n, {0.0f, 0.0f});
    m.indices.insert(m.indices.end(), {a, b, c, a, c, d});
}

void FixtureBuilder::triangle_fan_polygon(int material, std::span<const glm::vec3> ccw, glm::vec3 normal) {
    if (ccw.size() < 3) return;
    assets::Mesh& m = mesh_for(material);
    const std::uint32_t first = static_cast<std::uint32_t>(m.positions.size());
    for (const glm::vec3& p : ccw) vertex(m, p, normal, {p.x, p.z});
    for (std::uint32_t i = 1; i + 1 < ccw.size(); ++i) m.indices.insert(m.indices.end(), {first, first + i, first + i + 1});
}

assets::Model FixtureBuilder::finish(const std::string& name) && {
    assets::Model model;
    model.source = "fixture library: " + name;
    model.format = "parametric fixture";
    // Meshes without triangles (a material registered but unused) are dropped, and the
    // materials renumbered.
    for (std::size_t i = 0; i < meshes_.size(); ++i) {
        if (meshes_[i].indices.empty()) continue;
        assets::Mesh mesh = std::move(meshes_[i]);
        mesh.material = static_cast<int>(model.materials.size());
        model.materials.push_back(std::move(materials_[i]));
        model.meshes.push_back(std::move(mesh));
    }
    // Only the images that a kept material uses, renumbered in order.
    std::vector<int> image_index(images_.size(), -1);
    for (assets::Material& m : model.materials)
        for (assets::TextureRef* ref : {&m.base_color_texture, &m.emissive_texture}) {  // the slots fixtures use
            if (!ref->present()) continue;
            int& index = image_index[static_cast<std::size_t>(ref->image)];
            if (index < 0) {
                index = static_cast<int>(model.images.size());
                model.images.push_back(images_[static_cast<std::size_t>(ref->image)]);
            }
            ref->image = index;
        }
    bool transmission = false;
    for (const assets::Material& m : model.materials) transmission |= m.transmission.enabled;
    if (transmission) model.extensions_used.push_back("KHR_materials_transmission");
    for (const assets::Material& m : model.materials)
        if (m.emissive_strength != 1.0f) {
            model.extensions_used.push_back("KHR_materials_emissive_strength");
            break;
        }
    for (const assets::Material& m : model.materials)
        if (!m.base_color_texture.transform.is_identity()) {
            model.extensions_used.push_back("KHR_texture_transform");
            break;
        }
    assets::add_root_node_for_all_meshes(model, name);
    return model;
}

// ---- materials ----

glm::vec3 fixture_srgb_to_linear(glm::vec3 c) { return srgb_to_linear(c); }

assets::Material fixture_paint(const std::string& name, glm::vec3 srgb, float roughness) {
    assets::Material m;
    m.name = name;
    m.base_color = glm::vec4(fixture_srgb_to_linear(srgb), 1.0f);
    m.metallic = 0.0f;
    m.roughness = roughness;
    return m;
}

assets::Material fixture_metal(const std::string& name, glm::vec3 srgb, float roughness) {
    assets::Material m = fixture_paint(name, srgb, roughness);
    m.metallic = 1.0f;
    return m;
}

assets::Material fixture_glass() {
    // Thin clear glass as KHR_materials_transmission describes it; the renderer draws it after
    // the opaque surfaces, premultiplied, so what stands behind it shows through.
    assets::Material m;
    m.name = "glass";
    m.base_color = glm::vec4(1.0f);
    m.metallic = 0.0f;
    m.roughness = 0.02f;
    m.ior = 1.5f;
    m.transmission.enabled = true;
    m.transmission.factor = 1.0f;
    return m;
}

assets::Material fixture_emissive(const std::string& name, glm::vec3 srgb, float strength) {
    assets::Material m = fixture_paint(name, srgb, 0.9f);
    m.base_color = glm::vec4(glm::vec3(0.8f), 1.0f);
    m.emissive = fixture_srgb_to_linear(srgb);
    m.emissive_strength = strength;
    return m;
}

namespace {

// Periodic value noise on a `period`-cell lattice, so the grain texture tiles.
float fixture_hash01(int x, int y, std::uint32_t seed) {
    std::uint32_t h = static_cast<std::uint32_t>(x) * 0x8da6b343U ^ static_cast<std::uint32_t>(y) * 0xd8163841U ^
                      seed * 0x9e3779b9U;
    h ^= h >> 16, h *= 0x7feb352dU, h ^= h >> 15, h *= 0x846ca68bU, h ^= h >> 16;
    return static_cast<float>(h >> 8) * (1.0f / 16777216.0f);
}

float fixture_tiled_noise(float x, float y, int px, int py, std::uint32_t seed) {
    const int ix = static_cast<int>(std::floor(x)), iy = static_cast<int>(std::floor(y));
    const float fx = x - static_cast<float>(ix), fy = y - static_cast<float>(iy);
    auto h = [&](int dx, int dy) {
        return fixture_hash01(((ix + dx) % px + px) % px, ((iy + dy) % py + py) % py, seed);
    };
    const float u = fx * fx * (3.0f - 2.0f * fx), v = fy * fy * (3.0f - 2.0f * fy);
    const float a = h(0, 0) + (h(1, 0) - h(0, 0)) * u;
    const float b = h(0, 1) + (h(1, 1) - h(0, 1)) * u;
    return a + (b - a) * v;
}

}  // namespace

int fixture_wood(FixtureBuilder& b, const std::string& name, glm::vec3 srgb, std::uint32_t seed) {
    // A tile covering 1 m along the grain and 0.25 m across it (UVs are in metres, so the
    // material scales the UVs): long, wavy growth lines with darker latewood and a little
    // figure, the colour of oiled wood, in sRGB like the base colour slot.
    // 128 texels along the grain (it changes slowly there), 256 across it.
    constexpr int kLong = 128, kAcross = 256;
    assets::Image img;
    img.name = name + "-grain";
    img.width = kLong;
    img.height = kAcross;
    img.rgba8.resize(static_cast<std::size_t>(kLong) * kAcross * 4);
    for (int y = 0; y < kAcross; ++y)
        for (int x = 0; x < kLong; ++x) {
            const float u = static_cast<float>(x) / kLong, v = static_cast<float>(y) / kAcross;
            const float warp = fixture_tiled_noise(u * 4.0f, v * 3.0f, 4, 3, seed) * 1.5f +
                               fixture_tiled_noise(u * 16.0f, v * 8.0f, 16, 8, seed + 7) * 0.25f;
            const float rings = v * 14.0f + warp;
            const float ring = rings - std::floor(rings);
            const float late = std::pow(std::max(0.0f, std::sin(ring * kFixturePi)), 6.0f);
            const float fleck = fixture_hash01(x / 8, y, seed + 13);  // pores: short streaks along the grain
            const float shade = 1.0f - 0.28f * late - 0.06f * fleck;
            for (int k = 0; k < 3; ++k) {
                const float c = std::clamp(srgb[k] * shade, 0.0f, 1.0f);
                img.rgba8[(static_cast<std::size_t>(y) * kLong + x) * 4 + k] = static_cast<std::uint8_t>(std::lround(c * 255.0f));
            }
            img.rgba8[(static_cast<std::size_t>(y) * kLong + x) * 4 + 3] = 255;
        }
    assets::Material m;
    m.name = name;
    m.metallic = 0.0f;
    m.roughness = 0.5f;
    m.base_color = glm::vec4(1.0f);
    m.base_color_texture.image = b.image(std::move(img));
    m.base_color_texture.transform.scale = {1.0f, 4.0f};
    // Oil leaves a soft sheen on top of the open grain.
    m.clearcoat.enabled = true;
    m.clearcoat.factor = 0.3f;
    m.clearcoat.roughness = 0.35f;
    return b.material(m);
}

int fixture_print(FixtureBuilder& b, const std::string& name, assets::Image image) {
    assets::Material m;
    m.name = name;
    m.metallic = 0.0f;
    m.roughness = 0.7f;
    m.base_color = glm::vec4(1.0f);
    image.name = name + "-print";
    m.base_color_texture.image = b.image(std::move(image));
    m.base_color_texture.wrap_s = assets::Wrap::ClampToEdge;
    m.base_color_texture.wrap_t = assets::Wrap::ClampToEdge;
    return b.material(m);
}

void build_fixture_geometry(FixtureBuilder& b, const FixtureType& type, glm::vec3 size, const Fixture& fixture,
                            const Brand& brand) {
    if (build_furniture(b, type.name, size, brand)) return;
    build_craft_fixture(b, type.name, size, fixture, brand);
}

}  // namespace ocop::scene
