#include "assets/normalise.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <glm/gtc/matrix_transform.hpp>
#include <meshoptimizer.h>

#include "assets/mesh_vertices.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::normalise_detail {

constexpr float pi = 3.14159265358979323846f;

// A rotation about +Y with exact zeros and ones at multiples of 90°, so that a model turned
// by 90° keeps exact bounds and "no turn" stays the identity.
glm::mat4 yaw_about_y(float degrees) {
    const float radians = degrees * pi / 180.0f;
    float c = std::cos(radians), s = std::sin(radians);
    if (std::abs(c) < 1e-6f) c = 0.0f;
    if (std::abs(s) < 1e-6f) s = 0.0f;
    if (c == 0.0f) s = s > 0 ? 1.0f : -1.0f;
    if (s == 0.0f) c = c > 0 ? 1.0f : -1.0f;
    // Right-handed about +Y: x -> (c, 0, -s), z -> (s, 0, c).
    return glm::mat4(glm::vec4(c, 0, -s, 0), glm::vec4(0, 1, 0, 0), glm::vec4(s, 0, c, 0), glm::vec4(0, 0, 0, 1));
}

std::string centimetres(const glm::vec3& metres) {
    char text[96];
    std::snprintf(text, sizeof text, "%.1f x %.1f x %.1f cm", double(metres.x * 100), double(metres.y * 100),
                  double(metres.z * 100));
    return text;
}

bool is_gltf(const Model& model) {
    const std::string extension = lower_extension(model.source);
    return extension == ".glb" || extension == ".gltf" || model.format.starts_with("glTF");
}

// Angle at corner `a` of the triangle (a, b, c).
float corner_angle(const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 u = b - a, v = c - a;
    const float lu = glm::length(u), lv = glm::length(v);
    if (!(lu > 0.0f) || !(lv > 0.0f)) return 0.0f;
    return std::acos(std::clamp(glm::dot(u, v) / (lu * lv), -1.0f, 1.0f));
}

// Groups bigger than this (a fan of thousands of triangles around one point, which hostile
// or odd files have) are clustered greedily instead of corner by corner, to stay linear.
constexpr std::size_t per_corner_limit = 64;

}  // namespace ocop::assets::normalise_detail

namespace ocop::assets {

glm::vec3 z_up_to_y_up(const glm::vec3& v) { return {v.x, v.z, -v.y}; }

glm::mat3 up_axis_to_y_up(UpAxis up) {
    // Columns are the images of x, y and z; each a proper rotation (determinant +1).
    switch (up) {
        case UpAxis::Y: return glm::mat3(1.0f);
        case UpAxis::Z: return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, -1), glm::vec3(0, 1, 0));  // -90° about X
        case UpAxis::NegZ: return glm::mat3(glm::vec3(1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(0, -1, 0));  // +90° about X
        case UpAxis::X: return glm::mat3(glm::vec3(0, 1, 0), glm::vec3(-1, 0, 0), glm::vec3(0, 0, 1));  // +90° about Z
    }
    return glm::mat3(1.0f);
}

float resolve_unit_scale(Model& model, const ImportOptions& options) {
    if (options.units == Units::Scale) return options.unit_scale;
    if (options.units != Units::FromFile) return metres_per_unit(options.units);
    if (normalise_detail::is_gltf(model)) return 1.0f;  // glTF 2.0 §3.4: metres
    // The Assimp importer already scaled to metres where the file states its unit (FBX's
    // UnitScaleFactor, with a note; COLLADA's <unit>, applied by Assimp itself).
    if (lower_extension(model.source) == ".dae") return 1.0f;
    for (const std::string& warning : model.warnings)
        if (warning.starts_with("units from the file")) return 1.0f;
    model.warnings.push_back("units guessed: the file does not record its unit; assumed " +
                             std::to_string(options.unit_scale) + " m per unit");
    return options.unit_scale;
}

void apply_import_options(Model& model, const ImportOptions& options) {
    using namespace normalise_detail;
    if (model.nodes.empty()) add_root_node_for_all_meshes(model);
    // One new root carries the whole normalisation: the vertices stay as the file had them (a
    // million-triangle scan is not rewritten), and an export keeps the file's own hierarchy.
    const float unit_scale = resolve_unit_scale(model, options);
    glm::mat4 transform(1.0f);
    if (unit_scale != 1.0f && std::isfinite(unit_scale) && unit_scale > 0)
        transform = glm::scale(glm::mat4(1.0f), glm::vec3(unit_scale));
    transform = glm::mat4(up_axis_to_y_up(options.up)) * transform;
    if (options.front_yaw_degrees != 0.0f && std::isfinite(options.front_yaw_degrees))
        transform = yaw_about_y(options.front_yaw_degrees) * transform;

    const int root = static_cast<int>(model.nodes.size());
    for (Node& node : model.nodes)
        if (node.parent < 0) node.parent = root;
    model.nodes.push_back(Node{"normalised", -1, transform, {}});

    const bool wants_real_size = options.real_size_m.has_value();
    if (wants_real_size || options.base_at_origin) {
        Bounds bounds = model.bounds();  // after units, up axis and yaw
        if (!bounds.empty() && wants_real_size) {
            const glm::vec3 real = *options.real_size_m;
            const glm::vec3 size = bounds.size();
            const float largest_model = std::max({size.x, size.y, size.z});
            const float largest_real = std::max({real.x, real.y, real.z});
            if (largest_model > 0.0f && largest_real > 0.0f) {
                const float s = largest_real / largest_model;
                transform = glm::scale(glm::mat4(1.0f), glm::vec3(s)) * transform;
                bounds.min *= s;
                bounds.max *= s;
                const glm::vec3 scaled = size * s;
                for (int axis = 0; axis < 3; ++axis)
                    if (real[axis] > 0.0f && std::abs(scaled[axis] - real[axis]) > 0.1f * real[axis]) {
                        model.warnings.push_back("real size " + centimetres(real) +
                                                 " disagrees with the model's proportions (scaled to " +
                                                 centimetres(scaled) + ") by more than 10%");
                        break;
                    }
            }
        }
        if (!bounds.empty() && options.base_at_origin) {
            const glm::vec3 centre = bounds.centre();
            transform = glm::translate(glm::mat4(1.0f), glm::vec3(-centre.x, -bounds.min.y, -centre.z)) * transform;
        }
        model.nodes.back().local = transform;
    }
    // Nothing to say when the file was already normal: no extra node then.
    if (model.nodes.back().local == glm::mat4(1.0f)) {
        model.nodes.pop_back();
        for (Node& node : model.nodes)
            if (node.parent == root) node.parent = -1;
    }
}

void fill_missing_normals(Mesh& mesh, float crease_angle_degrees) {
    using namespace normalise_detail;
    if (!mesh.normals.empty() || mesh.positions.empty()) return;
    const std::size_t vertex_count = mesh.positions.size();
    const std::size_t corner_count = mesh.indices.size() / 3 * 3;
    const float cos_crease = std::cos(std::clamp(crease_angle_degrees, 0.0f, 180.0f) * pi / 180.0f);

    // Unit face normals and corner angles; degenerate or out-of-range triangles get none.
    std::vector<glm::vec3> face(corner_count / 3, glm::vec3(0.0f));
    std::vector<float> angle(corner_count, 0.0f);
    for (std::size_t t = 0; t < face.size(); ++t) {
        const std::uint32_t a = mesh.indices[3 * t], b = mesh.indices[3 * t + 1], c = mesh.indices[3 * t + 2];
        if (a >= vertex_count || b >= vertex_count || c >= vertex_count) continue;
        const glm::vec3 &pa = mesh.positions[a], &pb = mesh.positions[b], &pc = mesh.positions[c];
        const glm::vec3 n = glm::cross(pb - pa, pc - pa);
        const float length = glm::length(n);
        if (!(length > 0.0f) || !std::isfinite(length)) continue;
        face[t] = n / length;
        angle[3 * t] = corner_angle(pa, pb, pc);
        angle[3 * t + 1] = corner_angle(pb, pc, pa);
        angle[3 * t + 2] = corner_angle(pc, pa, pb);
    }

    // Corners grouped by position (exact match, so seams in UVs or colours do not crease).
    std::vector<unsigned int> position_id(vertex_count);
    const std::size_t position_count = meshopt_generateVertexRemap(
        position_id.data(), nullptr, vertex_count, mesh.positions.data(), vertex_count, sizeof(glm::vec3));
    std::vector<std::uint32_t> group_start(position_count + 1, 0);
    for (std::size_t c = 0; c < corner_count; ++c)
        if (face[c / 3] != glm::vec3(0.0f)) ++group_start[position_id[mesh.indices[c]] + 1];
    for (std::size_t g = 0; g < position_count; ++g) group_start[g + 1] += group_start[g];
    std::vector<std::uint32_t> group_corners(group_start.back());
    {
        std::vector<std::uint32_t> fill(group_start.begin(), group_start.end() - 1);
        for (std::size_t c = 0; c < corner_count; ++c)
            if (face[c / 3] != glm::vec3(0.0f))
                group_corners[fill[position_id[mesh.indices[c]]]++] = static_cast<std::uint32_t>(c);
    }

    // Each corner's normal: the angle-weighted sum over its group's corners within the crease.
    std::vector<glm::vec3> corner_normal(corner_count, glm::vec3(0.0f));
    std::vector<glm::vec3> cluster_sum;
    std::vector<glm::vec3> cluster_axis;
    std::vector<std::uint32_t> cluster_of;
    for (std::size_t g = 0; g < position_count; ++g) {
        const std::uint32_t* begin = group_corners.data() + group_start[g];
        const std::size_t size = group_start[g + 1] - group_start[g];
        if (size <= per_corner_limit) {
            for (std::size_t i = 0; i < size; ++i) {
                const glm::vec3 own = face[begin[i] / 3];
                glm::vec3 sum(0.0f);
                for (std::size_t k = 0; k < size; ++k) {
                    const glm::vec3 other = face[begin[k] / 3];
                    if (glm::dot(own, other) >= cos_crease) sum += angle[begin[k]] * other;
                }
                corner_normal[begin[i]] = sum;
            }
            continue;
        }
        cluster_sum.clear();
        cluster_axis.clear();
        cluster_of.assign(size, 0);
        for (std::size_t i = 0; i < size; ++i) {
            const glm::vec3 own = face[begin[i] / 3];
            std::size_t k = 0;
            while (k < cluster_axis.size() && glm::dot(own, cluster_axis[k]) < cos_crease) ++k;
            if (k == cluster_axis.size()) {
                cluster_axis.push_back(own);
                cluster_sum.emplace_back(0.0f);
            }
            cluster_sum[k] += angle[begin[i]] * own;
            cluster_of[i] = static_cast<std::uint32_t>(k);
        }
        for (std::size_t i = 0; i < size; ++i) corner_normal[begin[i]] = cluster_sum[cluster_of[i]];
    }

    // One vertex per distinct corner normal: the first keeps the index, others are copies.
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    mesh.normals.assign(vertex_count, glm::vec3(0.0f));
    std::vector<bool> assigned(vertex_count, false);
    std::vector<std::uint32_t> next_copy(vertex_count, none);
    for (std::size_t c = 0; c < corner_count; ++c) {
        const glm::vec3 sum = corner_normal[c];
        const float length = glm::length(sum);
        if (!(length > 0.0f) || !std::isfinite(length)) continue;
        const glm::vec3 n = sum / length;
        std::uint32_t v = mesh.indices[c];
        if (!assigned[v]) {
            assigned[v] = true;
            mesh.normals[v] = n;
            continue;
        }
        for (;;) {
            if (glm::dot(mesh.normals[v], n) >= 1.0f - 1e-6f) break;
            if (next_copy[v] == none) {
                const std::uint32_t copy = duplicate_vertex(mesh, v);
                mesh.normals[copy] = n;
                next_copy[v] = copy;
                next_copy.push_back(none);
                v = copy;
                break;
            }
            v = next_copy[v];
        }
        mesh.indices[c] = v;
    }
    for (std::size_t v = 0; v < vertex_count; ++v)
        if (!assigned[v]) mesh.normals[v] = glm::vec3(0, 1, 0);
}

}  // namespace ocop::assets
