#include "assets/model.h"

namespace ocop::assets {

glm::mat4 Model::world_transform(int node) const {
    glm::mat4 m(1.0f);
    // Bounded by the node count, so a cycle (which importers refuse) cannot loop forever.
    for (std::size_t guard = 0; node >= 0 && static_cast<std::size_t>(node) < nodes.size() && guard <= nodes.size();
         ++guard) {
        m = nodes[static_cast<std::size_t>(node)].local * m;
        node = nodes[static_cast<std::size_t>(node)].parent;
    }
    return m;
}

std::vector<MeshInstance> Model::instances() const {
    std::vector<MeshInstance> out;
    if (nodes.empty()) {  // a model built in code, without a hierarchy: each mesh once, as it is
        for (std::size_t m = 0; m < meshes.size(); ++m) out.push_back({static_cast<int>(m), glm::mat4(1.0f)});
        return out;
    }
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        if (nodes[n].meshes.empty()) continue;
        const glm::mat4 world = world_transform(static_cast<int>(n));
        for (const int mesh : nodes[n].meshes)
            if (mesh >= 0 && static_cast<std::size_t>(mesh) < meshes.size()) out.push_back({mesh, world});
    }
    return out;
}

std::size_t Model::triangle_count() const {
    std::size_t n = 0;
    for (const Mesh& m : meshes) n += m.triangle_count();
    return n;
}

std::size_t Model::drawn_triangle_count() const {
    std::size_t n = 0;
    for (const MeshInstance& i : instances()) n += meshes[static_cast<std::size_t>(i.mesh)].triangle_count();
    return n;
}

Bounds Model::bounds() const {
    Bounds b;
    for (const MeshInstance& i : instances())
        for (const glm::vec3& p : meshes[static_cast<std::size_t>(i.mesh)].positions)
            b.add(glm::vec3(i.world * glm::vec4(p, 1.0f)));
    return b;
}

std::array<MaterialSlot, 16> texture_slots(const Material& m) {
    return {{{&m.base_color_texture, true},
             {&m.metallic_roughness_texture, false},
             {&m.normal_texture, false},
             {&m.occlusion_texture, false},
             {&m.emissive_texture, true},
             {&m.clearcoat.texture, false},
             {&m.clearcoat.roughness_texture, false},
             {&m.clearcoat.normal_texture, false},
             {&m.sheen.colour_texture, true},
             {&m.sheen.roughness_texture, false},
             {&m.specular.texture, false},
             {&m.specular.colour_texture, true},
             {&m.transmission.texture, false},
             {&m.volume.thickness_texture, false},
             {&m.iridescence.texture, false},
             {&m.iridescence.thickness_texture, false}}};
}

void add_root_node_for_all_meshes(Model& model, const std::string& name) {
    Node root;
    root.name = name;
    for (std::size_t m = 0; m < model.meshes.size(); ++m) root.meshes.push_back(static_cast<int>(m));
    model.nodes.push_back(std::move(root));
}

}  // namespace ocop::assets
