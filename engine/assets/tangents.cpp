#include "assets/tangents.h"

#include <cmath>

namespace ocop::assets {

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace tangent_frame {

struct TangentSums {
    std::vector<glm::vec3> along_u;  // ∂P/∂u summed over the vertex's triangles
    std::vector<glm::vec3> up_image;  // ∂P/∂(−v): towards the top of the image
};

bool finite_nonzero(const glm::vec3& v) {
    const float length = glm::length(v);
    return std::isfinite(length) && length > 1e-20f;
}

// Per-triangle accumulation after Eric Lengyel, "Computing Tangent Space Basis Vectors for an
// Arbitrary Mesh" (2001). glTF's v runs down the image while a normal map's green points up
// it (glTF 2.0 §3.9.3), so the bitangent direction is −∂P/∂v.
TangentSums accumulate(const Mesh& mesh) {
    const std::size_t vertex_count = mesh.positions.size();
    TangentSums sums{std::vector<glm::vec3>(vertex_count, glm::vec3(0)),
                     std::vector<glm::vec3>(vertex_count, glm::vec3(0))};
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a >= vertex_count || b >= vertex_count || c >= vertex_count) continue;
        const glm::vec3 e1 = mesh.positions[b] - mesh.positions[a];
        const glm::vec3 e2 = mesh.positions[c] - mesh.positions[a];
        const glm::vec2 d1 = mesh.uv0[b] - mesh.uv0[a];
        const glm::vec2 d2 = mesh.uv0[c] - mesh.uv0[a];
        const float det = d1.x * d2.y - d2.x * d1.y;
        if (!std::isfinite(det) || std::abs(det) < 1e-12f) continue;  // degenerate UVs
        const float r = 1.0f / det;
        const glm::vec3 along_u = (e1 * d2.y - e2 * d1.y) * r;
        const glm::vec3 along_v = (e2 * d1.x - e1 * d2.x) * r;
        if (!finite_nonzero(along_u) || !finite_nonzero(along_v)) continue;
        // Weight by triangle area so slivers do not dominate their neighbours.
        const float area = glm::length(glm::cross(e1, e2));
        const glm::vec3 tu = glm::normalize(along_u) * area;
        const glm::vec3 tv = -glm::normalize(along_v) * area;
        for (std::uint32_t v : {a, b, c}) {
            sums.along_u[v] += tu;
            sums.up_image[v] += tv;
        }
    }
    return sums;
}

// Any unit vector orthogonal to `n`, for vertices whose UVs give no direction.
glm::vec3 any_orthogonal(const glm::vec3& n) {
    const glm::vec3 helper = std::abs(n.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
    return glm::normalize(glm::cross(helper, n));
}

glm::vec3 unit_normal_or_up(const glm::vec3& n) {
    return finite_nonzero(n) ? glm::normalize(n) : glm::vec3(0, 1, 0);
}

}  // namespace tangent_frame

void generate_tangents(Mesh& mesh) {
    using namespace tangent_frame;
    const std::size_t vertex_count = mesh.positions.size();
    if (mesh.normals.size() != vertex_count || mesh.uv0.size() != vertex_count) return;
    const TangentSums sums = accumulate(mesh);

    mesh.tangents.resize(vertex_count);
    for (std::size_t v = 0; v < vertex_count; ++v) {
        const glm::vec3 n = unit_normal_or_up(mesh.normals[v]);
        // Gram–Schmidt: remove the normal's component so the frame is orthonormal.
        glm::vec3 t = sums.along_u[v] - n * glm::dot(n, sums.along_u[v]);
        t = finite_nonzero(t) ? glm::normalize(t) : any_orthogonal(n);
        const float w = glm::dot(glm::cross(n, t), sums.up_image[v]) < 0.0f ? -1.0f : 1.0f;
        mesh.tangents[v] = glm::vec4(t, w);
    }
}

}  // namespace ocop::assets
