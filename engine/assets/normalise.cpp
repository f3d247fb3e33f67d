#include "assets/normalise.h"

#include <cmath>

namespace ocop::assets {

glm::vec3 z_up_to_y_up(const glm::vec3& v) { return {v.x, v.z, -v.y}; }

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace normalise_steps {

void scale_model(Model& model, float scale) {
    for (Mesh& mesh : model.meshes)
        for (glm::vec3& p : mesh.positions) p *= scale;
    // A negative scale would mirror the model; the catalogue never asks for that.
}

void rotate_z_up_to_y_up(Model& model) {
    for (Mesh& mesh : model.meshes) {
        for (glm::vec3& p : mesh.positions) p = z_up_to_y_up(p);
        for (glm::vec3& n : mesh.normals) n = z_up_to_y_up(n);
        // A rotation keeps the tangent frame's handedness, so w stays as it is.
        for (glm::vec4& t : mesh.tangents) t = glm::vec4(z_up_to_y_up(glm::vec3(t)), t.w);
    }
}

void move_base_to_origin(Model& model) {
    const Bounds bounds = model.bounds();
    if (bounds.empty()) return;
    const glm::vec3 centre = bounds.centre();
    const glm::vec3 offset(-centre.x, -bounds.min.y, -centre.z);
    for (Mesh& mesh : model.meshes)
        for (glm::vec3& p : mesh.positions) p += offset;
}

}  // namespace normalise_steps

void apply_import_options(Model& model, const ImportOptions& options) {
    if (options.unit_scale != 1.0f && std::isfinite(options.unit_scale) && options.unit_scale > 0)
        normalise_steps::scale_model(model, options.unit_scale);
    if (options.up == UpAxis::Z) normalise_steps::rotate_z_up_to_y_up(model);
    if (options.base_at_origin) normalise_steps::move_base_to_origin(model);
}

void fill_missing_normals(Mesh& mesh) {
    if (!mesh.normals.empty() || mesh.positions.empty()) return;
    std::vector<glm::vec3> sums(mesh.positions.size(), glm::vec3(0.0f));
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a >= sums.size() || b >= sums.size() || c >= sums.size()) continue;
        // The cross product's length is twice the triangle's area: summing it unnormalised
        // weights each face by its area.
        const glm::vec3 face = glm::cross(mesh.positions[b] - mesh.positions[a],
                                          mesh.positions[c] - mesh.positions[a]);
        sums[a] += face;
        sums[b] += face;
        sums[c] += face;
    }
    mesh.normals.resize(sums.size());
    for (std::size_t v = 0; v < sums.size(); ++v) {
        const float length = glm::length(sums[v]);
        mesh.normals[v] = (length > 0.0f && std::isfinite(length)) ? sums[v] / length
                                                                    : glm::vec3(0, 1, 0);
    }
}

}  // namespace ocop::assets
