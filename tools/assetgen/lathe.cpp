// Lathe, tube sweep and the painting of their textures. See lathe.h.
#include "lathe.h"

#include <algorithm>
#include <cmath>

#include "core/parallel.h"
#include "paint.h"

namespace ocop::samples {
namespace {

glm::vec2 lathe_right_normal(glm::vec2 direction) {
    const float length = glm::length(direction);
    return length > 0.0f ? glm::vec2(direction.y, -direction.x) / length : glm::vec2(0.0f, -1.0f);
}

// The unit superellipse, even by arc length, starting at the front (+Z) and turning to +X.
std::vector<glm::vec2> lathe_footprint(const Footprint& f, int around, float* length) {
    constexpr int kDense = 4096;
    std::vector<glm::vec2> dense;
    const float power = 2.0f / f.exponent;
    for (int k = 0; k <= kDense; ++k) {
        const float a = 2.0f * kPi * static_cast<float>(k) / kDense;
        const float s = std::sin(a), c = std::cos(a);
        dense.push_back({std::copysign(std::pow(std::abs(s), power), s) * f.scale.x,
                         std::copysign(std::pow(std::abs(c), power), c) * f.scale.y});
    }
    dense.back() = dense.front();
    std::vector<glm::vec2> even = lathe_resample(dense, around + 1);
    even.back() = even.front();
    *length = 0.0f;
    for (std::size_t i = 1; i < dense.size(); ++i) *length += glm::distance(dense[i - 1], dense[i]);
    return even;
}

// Ambient occlusion of each profile point from the profile itself (and its mirror across the
// axis), by cosine-weighted rays in the profile plane: deep insides, recessed feet and lid
// seams darken; open convex walls stay at 1.
void lathe_bake_occlusion(std::vector<LatheRow>& rows, float reach) {
    std::vector<std::pair<glm::vec2, glm::vec2>> edges;
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        if (rows[i].p == rows[i + 1].p) continue;
        edges.push_back({rows[i].p, rows[i + 1].p});
        edges.push_back({{-rows[i].p.x, rows[i].p.y}, {-rows[i + 1].p.x, rows[i + 1].p.y}});
    }
    constexpr int kRays = 24;
    for (LatheRow& row : rows) {
        const glm::vec2 origin = row.p + row.normal * 2e-4f;
        const glm::vec2 tangent(-row.normal.y, row.normal.x);
        float blocked = 0.0f, total = 0.0f;
        for (int k = 0; k < kRays; ++k) {
            const float phi = (static_cast<float>(k) + 0.5f) / kRays * kPi - 0.5f * kPi;
            const glm::vec2 d = std::cos(phi) * row.normal + std::sin(phi) * tangent;
            float nearest = reach;
            for (const auto& [a, b] : edges) {
                // Ray origin + t d against the segment a + w (b - a).
                const glm::vec2 e = b - a, o = a - origin;
                const float denom = d.x * e.y - d.y * e.x;
                if (std::abs(denom) < 1e-12f) continue;
                const float t = (o.x * e.y - o.y * e.x) / denom;
                const float w = (o.x * d.y - o.y * d.x) / denom;
                if (t > 1e-5f && t < nearest && w >= 0.0f && w <= 1.0f) nearest = t;
            }
            const float weight = std::cos(phi);
            total += weight;
            blocked += weight * (1.0f - nearest / reach);
        }
        row.occlusion = 1.0f - 0.9f * blocked / total;
    }
}

}  // namespace

LatheRow Lathe::row_at(float v) const {
    // v decreases along the profile.
    const auto it = std::lower_bound(rows.begin(), rows.end(), v,
                                     [](const LatheRow& row, float value) { return row.v > value; });
    if (it == rows.begin()) return rows.front();
    if (it == rows.end()) return rows.back();
    const LatheRow& a = *(it - 1);
    const LatheRow& b = *it;
    const float span = a.v - b.v;
    const float t = span > 0.0f ? (a.v - v) / span : 0.0f;
    LatheRow out = t < 0.5f ? a : b;
    out.p = glm::mix(a.p, b.p, t);
    out.normal = glm::normalize(glm::mix(a.normal, b.normal, t) + glm::vec2(1e-9f));
    out.s = glm::mix(a.s, b.s, t);
    out.v = v;
    out.occlusion = glm::mix(a.occlusion, b.occlusion, t);
    out.t = glm::mix(a.t, b.t, t);
    return out;
}

glm::vec3 Lathe::point(float u, const LatheRow& row) const {
    const float x = u * static_cast<float>(footprint_points.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(std::max(x, 0.0f)), footprint_points.size() - 2);
    const glm::vec2 f = glm::mix(footprint_points[i], footprint_points[i + 1], x - static_cast<float>(i));
    return {row.p.x * f.x, row.p.y, row.p.x * f.y};
}

Lathe make_lathe(const std::vector<LatheSegment>& profile, const LatheSettings& settings, const std::string& name) {
    Lathe lathe;
    lathe.footprint_points = lathe_footprint(settings.footprint, settings.around, &lathe.footprint_length);
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // rows of each segment
    float s = 0.0f, weighted = 0.0f;
    glm::vec2 previous = profile.front().points.front();
    for (const LatheSegment& segment : profile) {
        const std::size_t first = lathe.rows.size();
        const std::vector<glm::vec2>& pts = segment.points;
        for (std::size_t i = 0; i < pts.size(); ++i) {
            const int zone = segment.point_zones.size() == pts.size() ? segment.point_zones[i] : segment.zone;
            const float weight = zone >= 0 && static_cast<std::size_t>(zone) < settings.zone_texture_weight.size()
                                     ? settings.zone_texture_weight[static_cast<std::size_t>(zone)]
                                     : 1.0f;
            glm::vec2 direction(0.0f);
            if (i > 0) direction += glm::normalize(pts[i] - pts[i - 1]);
            if (i + 1 < pts.size()) direction += glm::normalize(pts[i + 1] - pts[i]);
            const float step = glm::distance(previous, pts[i]);
            s += step;
            weighted += step * weight;
            previous = pts[i];
            lathe.rows.push_back({pts[i], lathe_right_normal(direction), zone, s, weighted, 1.0f, 0.0f});
        }
        ranges.push_back({first, lathe.rows.size()});
    }
    for (LatheRow& row : lathe.rows) row.v = 1.0f - row.v / std::max(weighted, 1e-9f);
    for (std::size_t i = 1; i < lathe.rows.size(); ++i) {
        const float ds = lathe.rows[i].s - lathe.rows[i - 1].s;
        const float r = 0.5f * (lathe.rows[i].p.x + lathe.rows[i - 1].p.x);
        lathe.rows[i].t = lathe.rows[i - 1].t + ds / std::max(r * lathe.footprint_length, 0.03f);
    }
    lathe_bake_occlusion(lathe.rows, 0.06f);

    assets::Mesh& mesh = lathe.mesh;
    mesh.name = name;
    const int columns = settings.around + 1;
    for (const auto& [first, last] : ranges) {
        const auto base = static_cast<std::uint32_t>(mesh.positions.size());
        for (std::size_t i = first; i < last; ++i) {
            const LatheRow& row = lathe.rows[i];
            for (int j = 0; j < columns; ++j) {
                const float u = static_cast<float>(j) / static_cast<float>(settings.around);
                const float d = settings.displacement ? settings.displacement(j == settings.around ? 0.0f : u, row) : 0.0f;
                const glm::vec2 p = row.p + row.normal * d;
                const glm::vec2 f = lathe.footprint_points[static_cast<std::size_t>(j)];
                mesh.positions.push_back({std::max(p.x, 0.0f) * f.x, p.y, std::max(p.x, 0.0f) * f.y});
                mesh.uv0.push_back({u, row.v});
            }
        }
        const int rows = static_cast<int>(last - first);
        grid_normals(mesh, base, rows, columns, true);
        for (int i = 0; i + 1 < rows; ++i)
            for (int j = 0; j < settings.around; ++j) {
                const std::uint32_t a = base + static_cast<std::uint32_t>(i * columns + j), b = a + 1;
                const std::uint32_t d = a + static_cast<std::uint32_t>(columns), c = d + 1;
                if (lathe.rows[first + static_cast<std::size_t>(i)].p.x > 0.0f) mesh.indices.insert(mesh.indices.end(), {a, b, d});
                if (lathe.rows[first + static_cast<std::size_t>(i) + 1].p.x > 0.0f) mesh.indices.insert(mesh.indices.end(), {b, c, d});
            }
        // On the axis the grid's normal is undefined: take the profile's.
        for (int i = 0; i < rows; ++i) {
            const LatheRow& row = lathe.rows[first + static_cast<std::size_t>(i)];
            if (row.p.x > 1e-6f) continue;
            for (int j = 0; j < columns; ++j) mesh.normals[base + static_cast<std::size_t>(i * columns + j)] = {0.0f, row.normal.y > 0 ? 1.0f : -1.0f, 0.0f};
        }
    }
    // Tangents along u (dP/du), made orthogonal to the normal; w = +1 puts cross(N, T)
    // towards smaller v, the way the profile walks.
    mesh.tangents.resize(mesh.positions.size());
    for (std::size_t k = 0; k < mesh.positions.size(); ++k) {
        const std::size_t column = k % static_cast<std::size_t>(columns);
        const glm::vec2 f0 = lathe.footprint_points[column == static_cast<std::size_t>(settings.around) ? 0 : column];
        const glm::vec2 f1 = lathe.footprint_points[column == static_cast<std::size_t>(settings.around) ? 1 : column + 1];
        glm::vec3 t(f1.x - f0.x, 0.0f, f1.y - f0.y);
        const glm::vec3 n = mesh.normals[k];
        t -= n * glm::dot(n, t);
        const float length = glm::length(t);
        t = length > 1e-12f ? t / length : glm::normalize(glm::cross(glm::vec3(0, 0, 1), n) + glm::vec3(1e-6f, 0, 0));
        mesh.tangents[k] = glm::vec4(t, 1.0f);
    }
    return lathe;
}

void grid_normals(assets::Mesh& mesh, std::size_t first, int rows, int columns, bool wrap) {
    mesh.normals.resize(mesh.positions.size());
    const auto at = [&](int i, int j) -> const glm::vec3& {
        return mesh.positions[first + static_cast<std::size_t>(i * columns + j)];
    };
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < columns; ++j) {
            int jl = j - 1, jr = j + 1;
            if (wrap) {
                if (jl < 0) jl = columns - 2;
                if (jr >= columns) jr = 1;
            } else {
                jl = std::max(jl, 0), jr = std::min(jr, columns - 1);
            }
            const glm::vec3 du = at(i, jr) - at(i, jl);
            const glm::vec3 dv = at(std::min(i + 1, rows - 1), j) - at(std::max(i - 1, 0), j);
            const glm::vec3 n = glm::cross(du, dv);
            const float length = glm::length(n);
            mesh.normals[first + static_cast<std::size_t>(i * columns + j)] = length > 1e-20f ? n / length : glm::vec3(0, 1, 0);
        }
}

std::vector<glm::vec2> lathe_spline(std::span<const glm::vec2> control, int steps_per_span) {
    std::vector<glm::vec2> out;
    for (std::size_t i = 0; i + 1 < control.size(); ++i) {
        const glm::vec2 p0 = control[i == 0 ? 0 : i - 1], p1 = control[i], p2 = control[i + 1];
        const glm::vec2 p3 = control[std::min(i + 2, control.size() - 1)];
        for (int k = 0; k < steps_per_span; ++k) {
            const float t = static_cast<float>(k) / static_cast<float>(steps_per_span);
            out.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t * t +
                                  (3.0f * p1 - p0 - 3.0f * p2 + p3) * t * t * t));
        }
    }
    out.push_back(control.back());
    return out;
}

std::vector<glm::vec2> lathe_resample(const std::vector<glm::vec2>& dense, int count) {
    std::vector<float> length(dense.size(), 0.0f);
    for (std::size_t i = 1; i < dense.size(); ++i) length[i] = length[i - 1] + glm::distance(dense[i - 1], dense[i]);
    std::vector<glm::vec2> out;
    std::size_t seg = 0;
    for (int k = 0; k < count; ++k) {
        const float target = length.back() * static_cast<float>(k) / static_cast<float>(count - 1);
        while (seg + 2 < dense.size() && length[seg + 1] < target) ++seg;
        const float span = std::max(length[seg + 1] - length[seg], 1e-9f);
        out.push_back(glm::mix(dense[seg], dense[seg + 1], std::clamp((target - length[seg]) / span, 0.0f, 1.0f)));
    }
    return out;
}

std::vector<glm::vec2> lathe_line(glm::vec2 from, glm::vec2 to, int count) {
    std::vector<glm::vec2> out;
    for (int k = 0; k < count; ++k) out.push_back(glm::mix(from, to, static_cast<float>(k) / static_cast<float>(count - 1)));
    return out;
}

std::vector<glm::vec2> lathe_inner_wall(const std::vector<glm::vec2>& outer, float wall) {
    std::vector<glm::vec2> inner;
    for (std::size_t i = outer.size(); i-- > 0;) {
        const glm::vec2 direction = outer[std::min(i + 1, outer.size() - 1)] - outer[i == 0 ? 0 : i - 1];
        glm::vec2 p = outer[i] - wall * lathe_right_normal(direction);
        p.x = std::max(p.x, 0.0f);
        inner.push_back(p);
    }
    return inner;
}

std::vector<glm::vec2> lathe_rounded(const std::vector<glm::vec2>& corners, float radius, int arc_points, float spacing) {
    // Tangent points and arc of each inner corner first, then the straight runs between them.
    std::vector<std::vector<glm::vec2>> arcs(corners.size());
    for (std::size_t i = 1; i + 1 < corners.size(); ++i) {
        const glm::vec2 a = glm::normalize(corners[i - 1] - corners[i]), b = glm::normalize(corners[i + 1] - corners[i]);
        const float half = 0.5f * std::acos(std::clamp(glm::dot(a, b), -1.0f, 1.0f));
        const float limit = 0.45f * std::min(glm::distance(corners[i - 1], corners[i]), glm::distance(corners[i + 1], corners[i]));
        const float r = std::min(radius, limit * std::tan(half));
        const float back = r / std::max(std::tan(half), 1e-4f);
        const glm::vec2 p0 = corners[i] + a * back, p1 = corners[i] + b * back;
        const glm::vec2 centre = corners[i] + glm::normalize(a + b) * (r / std::max(std::sin(half), 1e-4f));
        float a0 = std::atan2(p0.y - centre.y, p0.x - centre.x), a1 = std::atan2(p1.y - centre.y, p1.x - centre.x);
        if (a1 - a0 > kPi) a1 -= 2.0f * kPi;
        if (a0 - a1 > kPi) a1 += 2.0f * kPi;
        for (int k = 0; k < arc_points; ++k) {
            const float t = static_cast<float>(k) / static_cast<float>(arc_points - 1);
            const float angle = glm::mix(a0, a1, t);
            arcs[i].push_back(centre + r * glm::vec2(std::cos(angle), std::sin(angle)));
        }
    }
    std::vector<glm::vec2> out;
    glm::vec2 from = corners.front();
    for (std::size_t i = 1; i < corners.size(); ++i) {
        const glm::vec2 to = arcs[i].empty() ? corners[i] : arcs[i].front();
        const int steps = std::max(1, static_cast<int>(std::ceil(glm::distance(from, to) / spacing)));
        for (int k = 0; k < steps; ++k) out.push_back(glm::mix(from, to, static_cast<float>(k) / static_cast<float>(steps)));
        for (std::size_t k = 0; k + 1 < arcs[i].size(); ++k) out.push_back(arcs[i][k]);
        from = arcs[i].empty() ? corners[i] : arcs[i].back();
    }
    out.push_back(corners.back());
    return out;
}

std::vector<glm::vec2> lathe_lip(const std::vector<glm::vec2>& outer, float wall, int count) {
    const glm::vec2 end = outer.back();
    const glm::vec2 direction = glm::normalize(end - outer[outer.size() - 2]);
    const glm::vec2 normal = lathe_right_normal(direction);
    const glm::vec2 centre = end - normal * (0.5f * wall);
    std::vector<glm::vec2> lip;
    for (int k = 1; k < count; ++k) {
        const float a = kPi * static_cast<float>(k) / static_cast<float>(count);
        lip.push_back(centre + 0.5f * wall * (std::cos(a) * normal + std::sin(a) * direction));
    }
    return lip;
}

assets::Image paint_lathe(const Lathe& lathe, int width, int height, const std::string& name,
                          const std::function<glm::vec4(float u, const LatheRow& row)>& colour) {
    Canvas canvas(width, height);
    parallel_for(static_cast<std::size_t>(height), [&](std::size_t y) {
        const LatheRow row = lathe.row_at((static_cast<float>(y) + 0.5f) / static_cast<float>(height));
        for (int x = 0; x < width; ++x)
            canvas.set(x, static_cast<int>(y), colour((static_cast<float>(x) + 0.5f) / static_cast<float>(width), row));
    });
    return std::move(canvas).to_image(name);
}

void paint_lathe_into(Canvas& canvas, glm::vec4 rect, const Lathe& lathe,
                      const std::function<glm::vec4(float u, const LatheRow& row)>& colour) {
    const int x0 = static_cast<int>(std::lround(rect.x * static_cast<float>(canvas.width)));
    const int x1 = static_cast<int>(std::lround(rect.z * static_cast<float>(canvas.width)));
    const int y0 = static_cast<int>(std::lround(rect.y * static_cast<float>(canvas.height)));
    const int y1 = static_cast<int>(std::lround(rect.w * static_cast<float>(canvas.height)));
    parallel_for(static_cast<std::size_t>(y1 - y0), [&](std::size_t k) {
        const int y = y0 + static_cast<int>(k);
        const LatheRow row = lathe.row_at((static_cast<float>(y - y0) + 0.5f) / static_cast<float>(y1 - y0));
        for (int x = x0; x < x1; ++x)
            canvas.set(x, y, colour((static_cast<float>(x - x0) + 0.5f) / static_cast<float>(x1 - x0), row));
    });
}

void lathe_fit_uv(assets::Mesh& mesh, glm::vec4 rect) {
    for (glm::vec2& uv : mesh.uv0) uv = {glm::mix(rect.x, rect.z, uv.x), glm::mix(rect.y, rect.w, uv.y)};
}

void lathe_vertex_colours(Lathe& lathe, const std::function<glm::vec3(float u, const LatheRow& row)>& srgb) {
    assets::Mesh& mesh = lathe.mesh;
    mesh.colours.resize(mesh.positions.size());
    parallel_for(mesh.positions.size(), [&](std::size_t k) {
        const glm::vec3 c = srgb(mesh.uv0[k].x, lathe.row_at(mesh.uv0[k].y));
        mesh.colours[k] = glm::vec4(srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b), 1.0f);
    });
}

assets::Image lathe_normal_map(const Lathe& lathe, int width, int height, const std::string& name,
                               const std::function<float(float u, const LatheRow& row)>& height_m) {
    constexpr float kStep = 0.0002f;  // metres, for the finite differences
    return paint_lathe(lathe, width, height, name, [&](float u, const LatheRow& row) {
        LatheRow next = row;
        next.s += kStep;
        const float du = kStep / std::max(lathe.circumference(row), 0.01f);
        const float h = height_m(u, row);
        const glm::vec3 n = glm::normalize(glm::vec3(-(height_m(u + du, row) - h) / kStep, -(height_m(u, next) - h) / kStep, 1.0f));
        return glm::vec4(n * 0.5f + 0.5f, 1.0f);
    });
}

assets::Mesh sweep_tube(const std::vector<glm::vec3>& path, const std::vector<float>& radius, int around,
                        glm::vec4 uv_rect, const std::string& name) {
    assets::Mesh mesh;
    mesh.name = name;
    const int columns = around + 1;
    // Parallel-transported frame (no twist), starting from any normal of the first tangent.
    glm::vec3 t0 = glm::normalize(path[1] - path[0]);
    glm::vec3 n1 = glm::normalize(glm::cross(t0, std::abs(t0.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0)));
    float length = 0.0f;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (i > 0) length += glm::distance(path[i - 1], path[i]);
        const glm::vec3 t = glm::normalize(path[std::min(i + 1, path.size() - 1)] - path[i == 0 ? 0 : i - 1]);
        n1 = glm::normalize(n1 - t * glm::dot(n1, t));
        const glm::vec3 n2 = glm::cross(t, n1);
        for (int j = 0; j < columns; ++j) {
            const float a = 2.0f * kPi * static_cast<float>(j) / static_cast<float>(around);
            mesh.positions.push_back(path[i] + radius[i] * (std::cos(a) * n1 + std::sin(a) * n2));
            mesh.uv0.push_back({glm::mix(uv_rect.x, uv_rect.z, static_cast<float>(j) / static_cast<float>(around)), length});
        }
    }
    for (glm::vec2& uv : mesh.uv0) uv.y = glm::mix(uv_rect.y, uv_rect.w, uv.y / std::max(length, 1e-9f));
    const int rows = static_cast<int>(path.size());
    grid_normals(mesh, 0, rows, columns, true);
    for (int i = 0; i + 1 < rows; ++i)
        for (int j = 0; j < around; ++j) {
            const auto a = static_cast<std::uint32_t>(i * columns + j), b = a + 1;
            const auto d = a + static_cast<std::uint32_t>(columns), c = d + 1;
            if (radius[static_cast<std::size_t>(i)] > 0.0f) mesh.indices.insert(mesh.indices.end(), {a, b, d});
            if (radius[static_cast<std::size_t>(i) + 1] > 0.0f) mesh.indices.insert(mesh.indices.end(), {b, c, d});
        }
    // Ends that close on the axis point along the path.
    for (int end : {0, rows - 1}) {
        if (radius[static_cast<std::size_t>(end)] > 0.0f) continue;
        const glm::vec3 out = glm::normalize(end == 0 ? path[0] - path[1] : path[path.size() - 1] - path[path.size() - 2]);
        for (int j = 0; j < columns; ++j) mesh.normals[static_cast<std::size_t>(end * columns + j)] = out;
    }
    return mesh;
}

}  // namespace ocop::samples
