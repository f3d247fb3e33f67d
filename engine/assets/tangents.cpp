#include "assets/tangents.h"

#include <algorithm>
#include <cmath>

#include "assets/mesh_vertices.h"

namespace ocop::assets {

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace tangent_frame {

bool finite_nonzero(const glm::vec3& v) {
    const float length = glm::length(v);
    return std::isfinite(length) && length > 1e-20f;
}

// Any unit vector orthogonal to `n`, for vertices whose UVs give no direction.
glm::vec3 any_orthogonal(const glm::vec3& n) {
    const glm::vec3 helper = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    return glm::normalize(glm::cross(helper, n));
}

glm::vec3 unit_normal_or_up(const glm::vec3& n) {
    return finite_nonzero(n) ? glm::normalize(n) : glm::vec3(0, 1, 0);
}

// What one corner of a triangle says about its vertex's tangent frame.
struct CornerFrame {
    glm::vec3 tangent{0.0f};  // ∂P/∂u in the plane of the vertex normal, unit; zero = no opinion
    float weight = 0.0f;      // the triangle's angle at this corner
    float sign = 1.0f;        // bitangent sign (handedness) of the triangle's UV mapping
};

float corner_angle(const glm::vec3& at, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 u = b - at, v = c - at;
    const float lu = glm::length(u), lv = glm::length(v);
    if (!(lu > 0.0f) || !(lv > 0.0f)) return 0.0f;
    return std::acos(std::clamp(glm::dot(u, v) / (lu * lv), -1.0f, 1.0f));
}

// Per-triangle ∂P/∂u after Lengyel (2001); the handedness is the sign of the UV triangle's
// area as MikkTSpace takes it, flipped because glTF's v runs down the image while a normal
// map's green points up it (glTF 2.0 §3.9.3).
std::vector<CornerFrame> corner_frames(const Mesh& mesh, const std::vector<glm::vec3>& normals) {
    const std::size_t vertex_count = mesh.positions.size();
    const std::size_t corner_count = mesh.indices.size() / 3 * 3;
    std::vector<CornerFrame> frames(corner_count);
    for (std::size_t i = 0; i < corner_count; i += 3) {
        const std::uint32_t idx[3] = {mesh.indices[i], mesh.indices[i + 1], mesh.indices[i + 2]};
        if (idx[0] >= vertex_count || idx[1] >= vertex_count || idx[2] >= vertex_count) continue;
        const glm::vec3 e1 = mesh.positions[idx[1]] - mesh.positions[idx[0]];
        const glm::vec3 e2 = mesh.positions[idx[2]] - mesh.positions[idx[0]];
        const glm::vec2 d1 = mesh.uv0[idx[1]] - mesh.uv0[idx[0]];
        const glm::vec2 d2 = mesh.uv0[idx[2]] - mesh.uv0[idx[0]];
        const float det = d1.x * d2.y - d2.x * d1.y;
        if (!std::isfinite(det) || std::abs(det) < 1e-12f) continue;  // degenerate UVs
        const glm::vec3 along_u = (e1 * d2.y - e2 * d1.y) / det;
        if (!finite_nonzero(along_u)) continue;
        const float sign = det < 0.0f ? 1.0f : -1.0f;
        for (int k = 0; k < 3; ++k) {
            const glm::vec3& n = normals[idx[k]];
            const glm::vec3 projected = along_u - n * glm::dot(n, along_u);
            if (!finite_nonzero(projected)) continue;
            CornerFrame& frame = frames[i + static_cast<std::size_t>(k)];
            frame.tangent = glm::normalize(projected);
            frame.weight = corner_angle(mesh.positions[idx[k]], mesh.positions[idx[(k + 1) % 3]],
                                        mesh.positions[idx[(k + 2) % 3]]);
            frame.sign = sign;
        }
    }
    return frames;
}

// Corners of one vertex that share a tangent frame.
struct Cluster {
    glm::vec3 axis;  // the first corner's tangent
    glm::vec3 sum;
    float sign;
    std::uint32_t vertex;
};

}  // namespace tangent_frame

void generate_tangents(Mesh& mesh) {
    using namespace tangent_frame;
    const std::size_t vertex_count = mesh.positions.size();
    if (mesh.normals.size() != vertex_count || mesh.uv0.size() != vertex_count) return;
    std::vector<glm::vec3> normals(vertex_count);
    for (std::size_t v = 0; v < vertex_count; ++v) normals[v] = unit_normal_or_up(mesh.normals[v]);
    const std::vector<CornerFrame> frames = corner_frames(mesh, normals);

    // Corners by vertex (compressed rows).
    std::vector<std::uint32_t> start(vertex_count + 1, 0);
    for (std::size_t c = 0; c < frames.size(); ++c)
        if (frames[c].weight > 0.0f) ++start[mesh.indices[c] + 1];
    for (std::size_t v = 0; v < vertex_count; ++v) start[v + 1] += start[v];
    std::vector<std::uint32_t> corners(start.back());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::size_t c = 0; c < frames.size(); ++c)
            if (frames[c].weight > 0.0f) corners[fill[mesh.indices[c]]++] = static_cast<std::uint32_t>(c);
    }

    mesh.tangents.assign(vertex_count, glm::vec4(0.0f));
    std::vector<Cluster> clusters;
    std::vector<std::uint32_t> cluster_of;
    for (std::uint32_t v = 0; v < vertex_count; ++v) {
        const glm::vec3 n = normals[v];
        const std::uint32_t* begin = corners.data() + start[v];
        const std::size_t size = start[v + 1] - start[v];
        if (size == 0) {
            mesh.tangents[v] = glm::vec4(any_orthogonal(n), 1.0f);
            continue;
        }
        clusters.clear();
        cluster_of.assign(size, 0);
        for (std::size_t i = 0; i < size; ++i) {
            const CornerFrame& f = frames[begin[i]];
            std::size_t k = 0;
            while (k < clusters.size() && (clusters[k].sign != f.sign || glm::dot(clusters[k].axis, f.tangent) <= 0.0f))
                ++k;
            if (k == clusters.size()) clusters.push_back({f.tangent, glm::vec3(0.0f), f.sign, v});
            clusters[k].sum += f.weight * f.tangent;
            cluster_of[i] = static_cast<std::uint32_t>(k);
        }
        for (std::size_t k = 0; k < clusters.size(); ++k) {
            if (k > 0) clusters[k].vertex = duplicate_vertex(mesh, v);
            const glm::vec3 sum = clusters[k].sum - n * glm::dot(n, clusters[k].sum);
            const glm::vec3 t = finite_nonzero(sum) ? glm::normalize(sum) : clusters[k].axis;
            mesh.tangents[clusters[k].vertex] = glm::vec4(t, clusters[k].sign);
        }
        if (clusters.size() > 1)
            for (std::size_t i = 0; i < size; ++i) mesh.indices[begin[i]] = clusters[cluster_of[i]].vertex;
    }
}

}  // namespace ocop::assets
