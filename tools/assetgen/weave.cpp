// Strands, rounded boxes, surface nets and a chart atlas for the fibre and wood samples.
#include "weave.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/parallel.h"

namespace ocop::samples::weave {

std::uint32_t add_vertex(assets::Mesh& mesh, const Vertex& v) {
    mesh.positions.push_back(v.position);
    mesh.normals.push_back(v.normal);
    mesh.uv0.push_back(v.uv);
    mesh.colours.push_back(v.colour);
    return static_cast<std::uint32_t>(mesh.positions.size() - 1);
}

void add_quad(assets::Mesh& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
}

void append_mesh(assets::Mesh& into, const assets::Mesh& from) {
    const auto base = static_cast<std::uint32_t>(into.positions.size());
    into.positions.insert(into.positions.end(), from.positions.begin(), from.positions.end());
    into.normals.insert(into.normals.end(), from.normals.begin(), from.normals.end());
    into.uv0.insert(into.uv0.end(), from.uv0.begin(), from.uv0.end());
    into.colours.insert(into.colours.end(), from.colours.begin(), from.colours.end());
    into.tangents.insert(into.tangents.end(), from.tangents.begin(), from.tangents.end());
    for (const std::uint32_t i : from.indices) into.indices.push_back(base + i);
}

Section superellipse_section(float half_side, float half_binormal, float exponent, int count) {
    Section s;
    for (int k = 0; k < count; ++k) {
        const float t = 2.0f * 3.14159265f * static_cast<float>(k) / static_cast<float>(count);
        const float c = std::cos(t), sn = std::sin(t);
        const float px = std::copysign(std::pow(std::abs(c), 2.0f / exponent), c);
        const float py = std::copysign(std::pow(std::abs(sn), 2.0f / exponent), sn);
        s.points.push_back({half_side * px, half_binormal * py});
        // Gradient of |x/a|^e + |y/b|^e: the outward normal.
        const glm::vec2 g(std::copysign(std::pow(std::abs(px), exponent - 1.0f), px) / half_side,
                          std::copysign(std::pow(std::abs(py), exponent - 1.0f), py) / half_binormal);
        s.normals.push_back(glm::length(g) > 1e-12f ? glm::normalize(g) : glm::vec2(c, sn));
    }
    return s;
}

namespace {

glm::vec3 weave_any_perpendicular(glm::vec3 t) {
    const glm::vec3 helper = std::abs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(helper, t));
}

}  // namespace

void sweep(assets::Mesh& mesh, const Path& path, const Section& section, float v_per_metre,
           const StrandColour& colour) {
    const std::size_t n = path.points.size(), m = section.points.size();
    if (n < 2 || m < 3) return;
    std::vector<glm::vec3> tangents(n), sides(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t prev = i > 0 ? i - 1 : (path.closed ? n - 1 : 0);
        const std::size_t next = i + 1 < n ? i + 1 : (path.closed ? 0 : n - 1);
        tangents[i] = glm::normalize(path.points[next] - path.points[prev]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        glm::vec3 side = !path.sides.empty() ? path.sides[i]
                         : i == 0            ? weave_any_perpendicular(tangents[0])
                                             : sides[i - 1];  // parallel transport
        side -= tangents[i] * glm::dot(side, tangents[i]);
        sides[i] = glm::length(side) > 1e-9f ? glm::normalize(side) : weave_any_perpendicular(tangents[i]);
    }
    const std::size_t rings = path.closed ? n + 1 : n;
    const auto first = static_cast<std::uint32_t>(mesh.positions.size());
    float arc = 0.0f;
    for (std::size_t r = 0; r < rings; ++r) {
        const std::size_t i = r % n;
        if (r > 0) arc += glm::distance(path.points[i], path.points[(r - 1) % n]);
        const glm::vec3 s = sides[i], b = glm::cross(tangents[i], s);
        for (std::size_t k = 0; k <= m; ++k) {
            const std::size_t kk = k % m;
            const glm::vec2 q = section.points[kk], qn = section.normals[kk];
            add_vertex(mesh, {path.points[i] + s * q.x + b * q.y,
                              glm::normalize(s * qn.x + b * qn.y),
                              {static_cast<float>(k) / static_cast<float>(m), arc * v_per_metre},
                              colour ? colour(i, arc, kk) : glm::vec4(1.0f)});
        }
    }
    const auto stride = static_cast<std::uint32_t>(m + 1);
    for (std::uint32_t r = 0; r + 1 < rings; ++r)
        for (std::uint32_t k = 0; k < m; ++k) {
            const std::uint32_t a = first + r * stride + k;
            add_quad(mesh, a, a + 1, a + stride + 1, a + stride);
        }
    if (path.closed) return;
    for (const bool at_end : {false, true}) {  // flat caps, facing away from the path
        const std::size_t i = at_end ? n - 1 : 0;
        const glm::vec3 s = sides[i], b = glm::cross(tangents[i], s);
        const glm::vec3 normal = at_end ? tangents[i] : -tangents[i];
        const float cap_arc = at_end ? arc : 0.0f;
        const glm::vec4 c = colour ? colour(i, cap_arc, 0) : glm::vec4(1.0f);
        const std::uint32_t centre = add_vertex(mesh, {path.points[i], normal, {0.5f, cap_arc * v_per_metre}, c});
        for (std::size_t k = 0; k < m; ++k) {
            const glm::vec2 q = section.points[k];
            add_vertex(mesh,
                       {path.points[i] + s * q.x + b * q.y, normal, {0.5f + q.x, cap_arc * v_per_metre + q.y}, c});
        }
        for (std::uint32_t k = 0; k < m; ++k) {
            const std::uint32_t a = centre + 1 + k, b2 = centre + 1 + (k + 1) % static_cast<std::uint32_t>(m);
            if (at_end)
                mesh.indices.insert(mesh.indices.end(), {centre, a, b2});
            else
                mesh.indices.insert(mesh.indices.end(), {centre, b2, a});
        }
    }
}

void rounded_box(assets::Mesh& mesh, glm::vec3 centre, glm::vec3 half, float radius, float uv_per_metre,
                 int bevel_steps) {
    radius = std::min({radius, half.x, half.y, half.z});
    const glm::vec3 inner = half - glm::vec3(radius);
    // Coordinates along one axis of a face: evenly spaced bevel angles at both ends.
    const auto coordinates = [&](int axis) {
        std::vector<float> c;
        const float h = inner[axis];
        for (int j = bevel_steps; j >= 1; --j)
            c.push_back(-h - radius * std::tan(0.25f * 3.14159265f * static_cast<float>(j) / bevel_steps));
        const int mid = std::max(1, static_cast<int>(std::ceil(2.0f * h / 0.012f)));
        for (int j = 0; j <= mid; ++j) c.push_back(-h + 2.0f * h * static_cast<float>(j) / static_cast<float>(mid));
        for (int j = 1; j <= bevel_steps; ++j)
            c.push_back(h + radius * std::tan(0.25f * 3.14159265f * static_cast<float>(j) / bevel_steps));
        return c;
    };
    for (int axis = 0; axis < 3; ++axis)
        for (const float sign : {1.0f, -1.0f}) {
            const int ua = (axis + 1) % 3, va = (axis + 2) % 3;  // cross(e_ua, e_va) = e_axis
            const std::vector<float> us = coordinates(ua), vs = coordinates(va);
            const auto first = static_cast<std::uint32_t>(mesh.positions.size());
            for (const float v : vs)
                for (const float u : us) {
                    glm::vec3 p(0.0f);
                    p[axis] = sign * half[axis];
                    p[ua] = u;
                    p[va] = v;
                    const glm::vec3 q = glm::clamp(p, -inner, inner);
                    const glm::vec3 n = glm::normalize(p - q);
                    const glm::vec3 pos = q + radius * n;
                    // Grain along x wherever a face shows x; along z on the end faces.
                    const glm::vec2 uv =
                        axis == 0 ? glm::vec2(pos.z, -pos.y) : glm::vec2(pos.x, axis == 1 ? pos.z : -pos.y);
                    add_vertex(mesh, {centre + pos, n, uv * uv_per_metre + 0.5f, glm::vec4(1.0f)});
                }
            const auto nu = static_cast<std::uint32_t>(us.size()), nv = static_cast<std::uint32_t>(vs.size());
            for (std::uint32_t j = 0; j + 1 < nv; ++j)
                for (std::uint32_t i = 0; i + 1 < nu; ++i) {
                    const std::uint32_t a = first + j * nu + i, b = a + 1, c = a + nu + 1, d = a + nu;
                    if (sign > 0)
                        add_quad(mesh, a, b, c, d);
                    else
                        add_quad(mesh, a, d, c, b);
                }
        }
}

// ---------------------------------------------------------------------------------------------
// Surface nets

assets::Mesh polygonise(const DistanceField& sdf, glm::vec3 lo, glm::vec3 hi, float cell) {
    const glm::ivec3 dims = glm::ivec3(glm::ceil((hi - lo) / cell)) + 1;
    const auto point_index = [&](int x, int y, int z) {
        return (static_cast<std::size_t>(z) * dims.y + y) * dims.x + x;
    };
    std::vector<float> values(static_cast<std::size_t>(dims.x) * dims.y * dims.z, 1.0f);
    constexpr int kBlock = 4;
    const glm::ivec3 blocks = (dims + kBlock - 1) / kBlock;
    const float block_radius = 0.5f * std::sqrt(3.0f) * kBlock * cell;
    parallel_for(static_cast<std::size_t>(blocks.z) * blocks.y, [&](std::size_t row) {
        const int bz = static_cast<int>(row) / blocks.y, by = static_cast<int>(row) % blocks.y;
        for (int bx = 0; bx < blocks.x; ++bx) {
            const glm::ivec3 b0 = glm::ivec3(bx, by, bz) * kBlock;
            const glm::ivec3 b1 = glm::min(b0 + kBlock, dims);
            const glm::vec3 mid = lo + cell * (glm::vec3(b0 + b1 - 1) * 0.5f);
            const float d = sdf(mid);
            // Blended and displaced fields shrink distances: keep a 1.5x margin.
            const bool far = std::abs(d) > 1.5f * block_radius + cell;
            for (int z = b0.z; z < b1.z; ++z)
                for (int y = b0.y; y < b1.y; ++y)
                    for (int x = b0.x; x < b1.x; ++x)
                        values[point_index(x, y, z)] = far ? d : sdf(lo + cell * glm::vec3(x, y, z));
        }
    });

    const glm::ivec3 cells = dims - 1;
    const auto cell_index = [&](int x, int y, int z) {
        return (static_cast<std::size_t>(z) * cells.y + y) * cells.x + x;
    };
    std::vector<std::int32_t> vertex_of(static_cast<std::size_t>(cells.x) * cells.y * cells.z, -1);
    std::vector<glm::ivec3> crossed;
    for (int z = 0; z < cells.z; ++z)
        for (int y = 0; y < cells.y; ++y)
            for (int x = 0; x < cells.x; ++x) {
                int inside = 0;
                for (int c = 0; c < 8; ++c)
                    inside += values[point_index(x + (c & 1), y + ((c >> 1) & 1), z + ((c >> 2) & 1))] < 0.0f;
                if (inside == 0 || inside == 8) continue;
                vertex_of[cell_index(x, y, z)] = static_cast<std::int32_t>(crossed.size());
                crossed.push_back({x, y, z});
            }

    assets::Mesh mesh;
    mesh.positions.resize(crossed.size());
    mesh.normals.resize(crossed.size());
    const float h = 0.5f * cell;
    const auto gradient = [&](glm::vec3 p) {
        return glm::vec3(sdf(p + glm::vec3(h, 0, 0)) - sdf(p - glm::vec3(h, 0, 0)),
                         sdf(p + glm::vec3(0, h, 0)) - sdf(p - glm::vec3(0, h, 0)),
                         sdf(p + glm::vec3(0, 0, h)) - sdf(p - glm::vec3(0, 0, h))) /
               (2.0f * h);
    };
    parallel_for(crossed.size(), [&](std::size_t v) {
        const glm::ivec3 c = crossed[v];
        glm::vec3 sum(0.0f);
        int count = 0;
        static constexpr std::array<std::array<int, 2>, 12> kEdges{
            {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}}};
        for (const auto& e : kEdges) {
            const glm::ivec3 pa = c + glm::ivec3(e[0] & 1, (e[0] >> 1) & 1, (e[0] >> 2) & 1);
            const glm::ivec3 pb = c + glm::ivec3(e[1] & 1, (e[1] >> 1) & 1, (e[1] >> 2) & 1);
            const float da = values[point_index(pa.x, pa.y, pa.z)], db = values[point_index(pb.x, pb.y, pb.z)];
            if ((da < 0.0f) == (db < 0.0f)) continue;
            const float t = da / (da - db);
            sum += lo + cell * glm::mix(glm::vec3(pa), glm::vec3(pb), t);
            ++count;
        }
        glm::vec3 p = sum / static_cast<float>(count);
        const glm::vec3 g = gradient(p);
        const float g2 = glm::dot(g, g);
        if (g2 > 1e-8f) {  // one Newton step onto the surface, kept inside the cell's reach
            const glm::vec3 step = g * (sdf(p) / g2);
            p -= glm::length(step) < cell ? step : step * (cell / glm::length(step));
        }
        const glm::vec3 n = gradient(p);
        mesh.positions[v] = p;
        mesh.normals[v] = glm::length(n) > 1e-8f ? glm::normalize(n) : glm::vec3(0, 1, 0);
    });

    // One quad per crossed grid edge, between the four cells sharing it, facing the outside.
    const auto quad = [&](bool outward, std::array<glm::ivec3, 4> around) {
        std::array<std::uint32_t, 4> q{};
        for (int i = 0; i < 4; ++i) {
            const glm::ivec3 c = around[static_cast<std::size_t>(i)];
            if (glm::any(glm::lessThan(c, glm::ivec3(0))) || glm::any(glm::greaterThanEqual(c, cells))) return;
            const std::int32_t v = vertex_of[cell_index(c.x, c.y, c.z)];
            if (v < 0) return;
            q[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(v);
        }
        if (outward)
            mesh.indices.insert(mesh.indices.end(), {q[0], q[1], q[2], q[0], q[2], q[3]});
        else
            mesh.indices.insert(mesh.indices.end(), {q[0], q[2], q[1], q[0], q[3], q[2]});
    };
    for (int z = 0; z < dims.z; ++z)
        for (int y = 0; y < dims.y; ++y)
            for (int x = 0; x < dims.x; ++x) {
                const bool in0 = values[point_index(x, y, z)] < 0.0f;
                if (x + 1 < dims.x && in0 != (values[point_index(x + 1, y, z)] < 0.0f))
                    quad(in0, {glm::ivec3(x, y - 1, z - 1), {x, y, z - 1}, {x, y, z}, {x, y - 1, z}});
                if (y + 1 < dims.y && in0 != (values[point_index(x, y + 1, z)] < 0.0f))
                    quad(in0, {glm::ivec3(x - 1, y, z - 1), {x - 1, y, z}, {x, y, z}, {x, y, z - 1}});
                if (z + 1 < dims.z && in0 != (values[point_index(x, y, z + 1)] < 0.0f))
                    quad(in0, {glm::ivec3(x - 1, y - 1, z), {x, y - 1, z}, {x, y, z}, {x - 1, y, z}});
            }
    return mesh;
}

// ---------------------------------------------------------------------------------------------
// Chart atlas

namespace {

int weave_chart_class(glm::vec3 n) {  // 0..5: +X -X +Y -Y +Z -Z
    const glm::vec3 a = glm::abs(n);
    const int axis = a.x >= a.y && a.x >= a.z ? 0 : (a.y >= a.z ? 1 : 2);
    return axis * 2 + (n[axis] < 0.0f ? 1 : 0);
}

float weave_class_alignment(int cls, glm::vec3 n) { return (cls & 1 ? -1.0f : 1.0f) * n[cls / 2]; }

// Connected components of triangles of one class, across shared edges.
std::vector<std::int32_t> weave_components(const std::vector<std::array<std::int32_t, 3>>& neighbours,
                                           const std::vector<int>& cls, std::size_t* count) {
    std::vector<std::int32_t> chart(cls.size(), -1);
    std::vector<std::size_t> stack;
    std::int32_t next = 0;
    for (std::size_t t = 0; t < cls.size(); ++t) {
        if (chart[t] >= 0) continue;
        chart[t] = next;
        stack.push_back(t);
        while (!stack.empty()) {
            const std::size_t u = stack.back();
            stack.pop_back();
            for (const std::int32_t w : neighbours[u])
                if (w >= 0 && chart[static_cast<std::size_t>(w)] < 0 && cls[static_cast<std::size_t>(w)] == cls[u]) {
                    chart[static_cast<std::size_t>(w)] = next;
                    stack.push_back(static_cast<std::size_t>(w));
                }
        }
        ++next;
    }
    *count = static_cast<std::size_t>(next);
    return chart;
}

}  // namespace

Atlas unwrap_charts(assets::Mesh& mesh, int size, int padding_texels) {
    const std::size_t tris = mesh.indices.size() / 3;
    std::vector<glm::vec3> face_normal(tris);
    std::vector<int> cls(tris);
    for (std::size_t t = 0; t < tris; ++t) {
        const glm::vec3 a = mesh.positions[mesh.indices[3 * t]], b = mesh.positions[mesh.indices[3 * t + 1]],
                        c = mesh.positions[mesh.indices[3 * t + 2]];
        const glm::vec3 n = glm::cross(b - a, c - a);
        face_normal[t] = glm::length(n) > 0.0f ? glm::normalize(n) : glm::vec3(0, 1, 0);
        cls[t] = weave_chart_class(face_normal[t]);
    }
    std::vector<std::array<std::int32_t, 3>> neighbours(tris, {-1, -1, -1});
    {
        std::unordered_map<std::uint64_t, std::uint32_t> first_side;
        first_side.reserve(tris * 2);
        for (std::size_t t = 0; t < tris; ++t)
            for (int e = 0; e < 3; ++e) {
                const std::uint32_t a = mesh.indices[3 * t + e], b = mesh.indices[3 * t + (e + 1) % 3];
                const std::uint64_t key = (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
                const auto [it, fresh] = first_side.try_emplace(key, static_cast<std::uint32_t>(t * 3 + e));
                if (fresh) continue;
                const std::uint32_t other = it->second;
                neighbours[t][static_cast<std::size_t>(e)] = static_cast<std::int32_t>(other / 3);
                neighbours[other / 3][other % 3] = static_cast<std::int32_t>(t);
            }
    }
    // Speckle removal: a triangle joins the class most of its neighbours have, if it faces it.
    for (int pass = 0; pass < 3; ++pass) {
        std::vector<int> next = cls;
        for (std::size_t t = 0; t < tris; ++t) {
            std::array<int, 6> votes{};
            for (const std::int32_t w : neighbours[t])
                if (w >= 0) ++votes[static_cast<std::size_t>(cls[static_cast<std::size_t>(w)])];
            const int best = static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin());
            if (best != cls[t] && votes[static_cast<std::size_t>(best)] >= 2 &&
                weave_class_alignment(best, face_normal[t]) > 0.2f)
                next[t] = best;
        }
        cls = std::move(next);
    }
    std::size_t chart_count = 0;
    std::vector<std::int32_t> chart = weave_components(neighbours, cls, &chart_count);
    {  // Charts of a few triangles cost more padding than they hold: give them to a neighbour.
        std::vector<std::size_t> chart_size(chart_count, 0);
        for (const std::int32_t c : chart) ++chart_size[static_cast<std::size_t>(c)];
        for (int pass = 0; pass < 2; ++pass)
            for (std::size_t t = 0; t < tris; ++t) {
                if (chart_size[static_cast<std::size_t>(chart[t])] >= 12) continue;
                float best_alignment = 0.05f;
                for (const std::int32_t w : neighbours[t]) {
                    if (w < 0) continue;
                    const int c = cls[static_cast<std::size_t>(w)];
                    const float alignment = weave_class_alignment(c, face_normal[t]);
                    if (chart_size[static_cast<std::size_t>(chart[static_cast<std::size_t>(w)])] >= 12 &&
                        alignment > best_alignment)
                        best_alignment = alignment, cls[t] = c;
                }
            }
        chart = weave_components(neighbours, cls, &chart_count);
    }

    // Project each chart on its plane; bounding rectangles in metres.
    std::vector<glm::vec2> rect_lo(chart_count, glm::vec2(1e9f)), rect_hi(chart_count, glm::vec2(-1e9f));
    const auto project = [](int c, glm::vec3 p) {
        const int axis = c / 2;
        glm::vec2 q(p[(axis + 1) % 3], p[(axis + 2) % 3]);
        if (c & 1) q.x = -q.x;  // keep the image unmirrored seen from outside
        return q;
    };
    for (std::size_t t = 0; t < tris; ++t)
        for (int k = 0; k < 3; ++k) {
            const glm::vec2 q = project(cls[t], mesh.positions[mesh.indices[3 * t + k]]);
            const auto c = static_cast<std::size_t>(chart[t]);
            rect_lo[c] = glm::min(rect_lo[c], q);
            rect_hi[c] = glm::max(rect_hi[c], q);
        }
    double area = 0.0;
    for (std::size_t c = 0; c < chart_count; ++c)
        area += static_cast<double>(rect_hi[c].x - rect_lo[c].x) * (rect_hi[c].y - rect_lo[c].y);
    std::vector<std::size_t> order(chart_count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rect_hi[a].y - rect_lo[a].y > rect_hi[b].y - rect_lo[b].y;
    });
    // Shelf packing, shrinking the scale until everything fits.
    float scale = static_cast<float>(std::sqrt(0.8 * size * size / std::max(area, 1e-12)));
    std::vector<glm::vec2> origin(chart_count);
    for (;; scale *= 0.96f) {
        int x = 0, y = 0, shelf = 0;
        bool fits = true;
        for (const std::size_t c : order) {
            const glm::vec2 extent = (rect_hi[c] - rect_lo[c]) * scale;
            const int w = static_cast<int>(std::ceil(extent.x)) + 2 * padding_texels;
            const int h = static_cast<int>(std::ceil(extent.y)) + 2 * padding_texels;
            if (x + w > size) x = 0, y += shelf, shelf = 0;
            if (y + h > size || w > size) {
                fits = false;
                break;
            }
            origin[c] = glm::vec2(x + padding_texels, y + padding_texels);
            x += w;
            shelf = std::max(shelf, h);
        }
        if (fits) break;
    }

    // Split the vertices on chart borders and give every corner its chart's coordinates.
    Atlas atlas;
    atlas.size = size;
    atlas.chart_count = chart_count;
    assets::Mesh out;
    out.name = mesh.name;
    out.material = mesh.material;
    std::unordered_map<std::uint64_t, std::uint32_t> split;
    split.reserve(mesh.positions.size() * 2);
    for (std::size_t t = 0; t < tris; ++t)
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t v = mesh.indices[3 * t + k];
            const auto c = static_cast<std::size_t>(chart[t]);
            const auto [it, fresh] =
                split.try_emplace((std::uint64_t{c} << 32) | v, static_cast<std::uint32_t>(out.positions.size()));
            if (fresh) {
                const glm::vec2 texel = origin[c] + (project(cls[t], mesh.positions[v]) - rect_lo[c]) * scale;
                out.positions.push_back(mesh.positions[v]);
                out.normals.push_back(mesh.normals[v]);
                if (!mesh.colours.empty()) out.colours.push_back(mesh.colours[v]);
                out.uv0.push_back(texel / static_cast<float>(size));
                atlas.source_vertex.push_back(v);
            }
            out.indices.push_back(it->second);
        }
    mesh = std::move(out);

    // Which triangle covers each texel: centres inside, or within 0.75 texel of an edge.
    atlas.texels.assign(static_cast<std::size_t>(size) * size, {});
    std::vector<float> score(atlas.texels.size(), -1e9f);
    for (std::size_t t = 0; t < tris; ++t) {
        std::array<glm::vec2, 3> p{};
        for (int k = 0; k < 3; ++k)
            p[static_cast<std::size_t>(k)] = mesh.uv0[mesh.indices[3 * t + k]] * static_cast<float>(size);
        const float area2 = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y);
        if (std::abs(area2) < 1e-12f) continue;
        // Edge functions scaled to texels of distance from each edge (positive inside).
        std::array<glm::vec3, 3> edge{};  // a * x + b * y + c
        for (int e = 0; e < 3; ++e) {
            const glm::vec2 a = p[static_cast<std::size_t>((e + 1) % 3)], b = p[static_cast<std::size_t>((e + 2) % 3)];
            const float flip = (area2 > 0.0f ? 1.0f : -1.0f) / std::max(glm::distance(a, b), 1e-9f);
            edge[static_cast<std::size_t>(e)] =
                glm::vec3(-(b.y - a.y), b.x - a.x, (b.y - a.y) * a.x - (b.x - a.x) * a.y) * flip;
        }
        const glm::vec2 lo = glm::max(glm::floor(glm::min(p[0], glm::min(p[1], p[2]))) - 1.0f, glm::vec2(0.0f));
        const glm::vec2 hi =
            glm::min(glm::ceil(glm::max(p[0], glm::max(p[1], p[2]))) + 1.0f, glm::vec2(static_cast<float>(size - 1)));
        for (int y = static_cast<int>(lo.y); y <= static_cast<int>(hi.y); ++y)
            for (int x = static_cast<int>(lo.x); x <= static_cast<int>(hi.x); ++x) {
                const glm::vec3 c(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f, 1.0f);
                const glm::vec3 d(glm::dot(edge[0], c), glm::dot(edge[1], c), glm::dot(edge[2], c));
                const float nearest = std::min(d.x, std::min(d.y, d.z));
                if (nearest < -0.75f) continue;
                const std::size_t i = static_cast<std::size_t>(y) * size + x;
                if (nearest <= score[i]) continue;
                score[i] = nearest;
                // Barycentric weights: distance to the opposite edge over the vertex's distance.
                glm::vec3 w;
                for (int e = 0; e < 3; ++e)
                    w[e] = d[e] /
                           glm::dot(edge[static_cast<std::size_t>(e)], glm::vec3(p[static_cast<std::size_t>(e)], 1.0f));
                w = glm::max(w, glm::vec3(0.0f));
                atlas.texels[i] = {static_cast<std::int32_t>(t), w / (w.x + w.y + w.z)};
            }
    }
    return atlas;
}

void dilate_rgba(std::vector<std::uint8_t>& rgba, const Atlas& atlas, int passes) {
    const int size = atlas.size;
    std::vector<std::uint8_t> filled(atlas.texels.size());
    for (std::size_t i = 0; i < filled.size(); ++i) filled[i] = atlas.texels[i].triangle >= 0;
    for (int pass = 0; pass < passes; ++pass) {
        std::vector<std::uint8_t> next = filled;
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x) {
                const std::size_t i = static_cast<std::size_t>(y) * size + x;
                if (filled[i]) continue;
                std::array<int, 4> sum{};
                int count = 0;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx) {
                        const int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= size || ny >= size) continue;
                        const std::size_t j = static_cast<std::size_t>(ny) * size + nx;
                        if (!filled[j]) continue;
                        for (int k = 0; k < 4; ++k) sum[static_cast<std::size_t>(k)] += rgba[j * 4 + k];
                        ++count;
                    }
                if (count == 0) continue;
                for (int k = 0; k < 4; ++k)
                    rgba[i * 4 + k] = static_cast<std::uint8_t>(sum[static_cast<std::size_t>(k)] / count);
                next[i] = 1;
            }
        filled = std::move(next);
    }
}

}  // namespace ocop::samples::weave
