#include "assets/normalise.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace ocop::assets {

glm::vec3 z_up_to_y_up(const glm::vec3& v) { return {v.x, v.z, -v.y}; }

void apply_import_options(Model& model, const ImportOptions& options) {
    if (model.nodes.empty()) add_root_node_for_all_meshes(model);
    // One new root carries the whole normalisation: the vertices stay as the file had them (a
    // million-triangle scan is not rewritten), and an export keeps the file's own hierarchy.
    glm::mat4 transform(1.0f);
    if (options.unit_scale != 1.0f && std::isfinite(options.unit_scale) && options.unit_scale > 0)
        transform = glm::scale(glm::mat4(1.0f), glm::vec3(options.unit_scale));
    if (options.up == UpAxis::Z)  // (x, y, z) -> (x, z, -y): -90 degrees about X
        transform = glm::mat4(glm::vec4(1, 0, 0, 0), glm::vec4(0, 0, -1, 0), glm::vec4(0, 1, 0, 0),
                              glm::vec4(0, 0, 0, 1)) * transform;
    const int root = static_cast<int>(model.nodes.size());
    for (Node& node : model.nodes)
        if (node.parent < 0) node.parent = root;
    model.nodes.push_back(Node{"normalised", -1, transform, {}});
    if (options.base_at_origin) {
        const Bounds bounds = model.bounds();
        if (!bounds.empty()) {
            const glm::vec3 centre = bounds.centre();
            model.nodes.back().local =
                glm::translate(glm::mat4(1.0f), glm::vec3(-centre.x, -bounds.min.y, -centre.z)) * transform;
        }
    }
    // Nothing to say when the file was already normal: no extra node then.
    if (model.nodes.back().local == glm::mat4(1.0f)) {
        model.nodes.pop_back();
        for (Node& node : model.nodes)
            if (node.parent == root) node.parent = -1;
    }
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
