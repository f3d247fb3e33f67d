// The forward PBR pass: glTF metallic-roughness under punctual lights and the studio dome,
// tone-mapped (Khronos PBR Neutral) straight into the sRGB colour target.
#pragma once

#include <functional>
#include <vector>

#include "render/resources.h"
#include "render/upload.h"

namespace ocop::render {

class Context;

struct PbrPipeline {
    Owned<VkDescriptorSetLayout> frame_layout;     // set 0: FrameUniforms
    Owned<VkDescriptorSetLayout> material_layout;  // set 1: MaterialUniforms and 16 textures
    Owned<VkPipelineLayout> layout;
    Owned<VkPipeline> opaque;  // depth write, no blending (also alpha-masked materials)
    Owned<VkPipeline> blend;     // straight-alpha "over" blending, depth test only
    Owned<VkPipeline> transmit;  // premultiplied "over" for glass, depth test only
};

PbrPipeline create_pbr_pipeline(const Context& ctx, VkFormat colour_format, VkFormat depth_format,
                                VkSampleCountFlagBits samples);

struct PbrDraw {
    const GpuModel* model = nullptr;
    glm::mat4 transform{1.0f};
};

// Draws every model: opaque and masked materials first, then `after_opaque` (the floor's
// shadow), then blended and transmissive ones from the farthest to the nearest.
void record_pbr_pass(VkCommandBuffer cmd, const PbrPipeline& pipeline, VkDescriptorSet frame_set,
                     const std::vector<PbrDraw>& draws, glm::vec3 camera_position,
                     const std::function<void()>& after_opaque = {});

}  // namespace ocop::render
