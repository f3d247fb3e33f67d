// The forward PBR pass: glTF metallic-roughness under punctual lights and the studio dome,
// tone-mapped (Khronos PBR Neutral) straight into the sRGB colour target.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

#include "render/resources.h"
#include "render/upload.h"

namespace ocop::render {

class Context;

struct PbrPipeline {
    Owned<VkDescriptorSetLayout> frame_layout;     // set 0: FrameUniforms and the frame's textures
    Owned<VkDescriptorSetLayout> material_layout;  // set 1: MaterialUniforms and 16 textures
    Owned<VkPipelineLayout> layout;
    // One pipeline per (pass, texture slots, modes) a material needs, specialised so that it
    // runs only that material's code; made by `pbr_variant` when a model is uploaded.
    std::map<std::uint64_t, Owned<VkPipeline>> variants;
    Owned<VkShaderModule> vert;
    Owned<VkShaderModule> frag;
    VkFormat colour_format = VK_FORMAT_UNDEFINED;
    VkFormat depth_format = VK_FORMAT_UNDEFINED;
};

PbrPipeline create_pbr_pipeline(const Context& ctx, VkFormat colour_format, VkFormat depth_format);

// The pipeline that draws `material`, made on first use. Opaque and masked materials write
// depth; blended ones blend straight alpha over what is behind; transmissive ones
// premultiplied (the shader leaves in alpha how much of what is behind comes through).
// `samples`: of the target it draws into; `shadowed_lights`: how many of the frame's lights have
// a shadow map (render/light_shadows.h), each a specialisation of its own.
VkPipeline pbr_variant(const Context& ctx, PbrPipeline& pipeline, const GpuMaterial& material,
                       VkSampleCountFlagBits samples, std::uint32_t shadowed_lights);

struct PbrDraw {
    const GpuModel* model = nullptr;
    glm::mat4 transform{1.0f};
};

// Where the frame is seen from.
struct DrawView {
    glm::vec3 camera_position{0.0f};
    glm::mat4 view_proj{1.0f};
    // The target's height over 2 tan(fov / 2): how many pixels one metre covers one metre away.
    float pixels_per_metre_at_1m = 0.0f;
    std::uint32_t shadowed_lights = 0;  // the frame's lights with a shadow map: which variants draw
};

// Draws every model: opaque and masked materials first, nearest first (hidden pixels are not
// shaded), then `after_opaque` (the floor's shadow), then blended and transmissive ones from
// the farthest to the nearest. Meshes whose bounding sphere lies outside the view are skipped;
// each mesh draws at its level of detail for the view (render/draw_select.h).
// Every material's variant for `samples` and `view.shadowed_lights` must exist (pbr_variant).
void record_pbr_pass(VkCommandBuffer cmd, const PbrPipeline& pipeline, VkDescriptorSet frame_set,
                     const std::vector<PbrDraw>& draws, const DrawView& view, VkSampleCountFlagBits samples,
                     const std::function<void()>& after_opaque = {});

}  // namespace ocop::render
