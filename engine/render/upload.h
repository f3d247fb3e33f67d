// A Model's meshes, materials and textures on the GPU: one vertex buffer, one index buffer,
// mip-mapped textures and a descriptor set per material, uploaded through one staging buffer.
#pragma once

#include <array>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/bounds.h"
#include "core/result.h"
#include "render/resources.h"
#include "shared.h"

namespace ocop::render {

class Context;

struct GpuVertex {
    glm::vec3 position;
    glm::vec3 normal;
    glm::vec4 tangent;
    glm::vec2 uv0;
    glm::vec2 uv1;
    glm::vec4 colour;  // linear RGBA vertex colour, multiplies the base colour; white when absent
};

// What every material may fall back on: samplers for each wrap mode and 1x1 textures for
// absent maps, so every descriptor set is complete.
// Colour textures (the sRGB ones: base colour, emissive, sheen and specular colour) are filtered
// anisotropically, since the eye reads their detail at grazing angles; data textures (roughness,
// occlusion, normals…) trilinearly. On lavapipe each anisotropic fetch costs about as much as the
// rest of a texture lookup, whatever the ratio: a quarter of a product photo's time when every
// slot had it (docs/benchmarks.md).
struct MaterialDefaults {
    std::array<Owned<VkSampler>, 18> samplers;  // [colour * 9 + wrap_s * 3 + wrap_t]
    Image white;                                // base colour, metallic-roughness, occlusion
    Image flat_normal;                          // (0.5, 0.5, 1)
    VkSampler sampler(assets::Wrap s, assets::Wrap t, bool colour) const {
        return samplers[(colour ? 9 : 0) + static_cast<int>(s) * 3 + static_cast<int>(t)];
    }
};

Result<MaterialDefaults> create_material_defaults(const Context& ctx);

// Which pass draws a material: opaque (and alpha-masked) first, then, sorted back to front,
// alpha-blended surfaces and transmissive ones (glass: premultiplied, what is behind shows through).
enum class MaterialPass { Opaque, Blend, Transmit };

struct GpuMaterial {
    VkDescriptorSet descriptor_set = VK_NULL_HANDLE;  // MaterialUniforms + one texture per slot
    MaterialPass pass = MaterialPass::Opaque;
    bool double_sided = false;
    std::uint32_t texture_bits = 0;  // bit i: slot gpu::kSlot* i has a texture
    std::uint32_t mode_bits = 0;     // gpu::kMaterial* bits
};

struct GpuDraw {
    std::uint32_t first_index = 0;
    std::uint32_t index_count = 0;
    std::int32_t vertex_offset = 0;
    std::uint32_t material = 0;  // index into GpuModel::materials
    bool has_tangents = false;   // else the shader derives a tangent frame from UV derivatives
    glm::vec3 centre{0.0f};      // of the mesh's bounds, for sorting blended draws
    float radius = 0.0f;         // of the sphere around `centre` that holds the mesh (culling)
    // Coarser versions of the mesh (Mesh::lods), finest first, over the same vertices. Their
    // error is relative to `extent` (meshopt_simplifyScale of the mesh).
    struct Level {
        std::uint32_t first_index = 0;
        std::uint32_t index_count = 0;
        float error = 0.0f;
    };
    std::vector<Level> lods;
    float extent = 0.0f;
};

struct GpuModel {
    Buffer vertices;
    Buffer indices;
    std::vector<Image> textures;
    Buffer material_uniforms;  // one MaterialUniforms per material, each at an aligned offset
    Owned<VkDescriptorPool> descriptor_pool;
    std::vector<GpuMaterial> materials;  // the model's, then one default material at the end
    std::vector<GpuDraw> draws;          // one per Model::meshes entry (index_count 0: nothing)
    std::vector<assets::MeshInstance> instances;  // where the meshes are drawn
    std::size_t triangle_count = 0;
    Bounds bounds;  // of the instances, in model space: assets::Model::bounds, walked once here
};

Result<GpuModel> upload_model(const Context& ctx, const assets::Model& model, const MaterialDefaults& defaults,
                              VkDescriptorSetLayout material_layout);

}  // namespace ocop::render
