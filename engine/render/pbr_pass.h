// The forward PBR pass: glTF metallic-roughness under punctual lights and the studio dome,
// tone-mapped (Khronos PBR Neutral) straight into the sRGB colour target.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <span>
#include <vector>

#include "render/light_reach.h"
#include "render/resources.h"
#include "render/upload.h"

namespace ocop::render {

class Context;

// How pbr.frag loops over the punctual lights. A GPU loops over each draw's list of the lights
// that reach it (render/light_reach.h) and skips the rest: at 3840x2160 the 16-light loop was
// 87% of a centre frame on an NVIDIA H200 (docs/benchmarks.md). Lavapipe runs the frame's
// slots, unrolled: it runs the code of a branch even where no pixel takes it, and reads a
// uniform indexed by a loop counter pixel by pixel, so the lists made a centre frame 3x
// slower there (measured). ForDevice picks one by the device; tests force each.
enum class LightLoop { ForDevice, DrawLists, EverySlot };

// What a frame's lights make of each material's pipeline: pbr.frag's specialization
// constants kLightSlots, kShadowedLights and kDrawLightLists.
struct FrameLighting {
    std::uint32_t slots = 0;     // lights in use, in the first slots
    std::uint32_t shadowed = 0;  // of those, the first this many have a shadow map
    // Loop over each draw's list; only worth it where some light has a limited reach (a spot,
    // a range): a list of lights that reach everywhere is every slot, and the unrolled loop
    // over constant slots is the faster of the two then (a studio rig's photo: 33 against
    // 41 ms of GPU time on the H200).
    bool draw_lists = false;
};

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
    LightLoop light_loop = LightLoop::EverySlot;  // never ForDevice: the one chosen
};

PbrPipeline create_pbr_pipeline(const Context& ctx, VkFormat colour_format, VkFormat depth_format,
                                LightLoop loop = LightLoop::ForDevice);

// The pipeline that draws `material`, made on first use. Opaque and masked materials write
// depth; blended ones blend straight alpha over what is behind; transmissive ones
// premultiplied (the shader leaves in alpha how much of what is behind comes through).
// `samples`: of the target it draws into; `lighting`: the frame's, each a specialisation of its own.
VkPipeline pbr_variant(const Context& ctx, PbrPipeline& pipeline, const GpuMaterial& material,
                       VkSampleCountFlagBits samples, const FrameLighting& lighting);

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
    FrameLighting lighting;  // which variants draw
    // Where each of the frame's lights (in slot order) can reach: with lighting.draw_lists a
    // draw loops over those that reach its mesh.
    std::span<const LightReach> lights;
};

// Draws every model: opaque and masked materials first, nearest first (hidden pixels are not
// shaded), then `after_opaque` (the floor's shadow), then blended and transmissive ones from
// the farthest to the nearest. Meshes whose bounding sphere lies outside the view are skipped;
// each mesh draws at its level of detail for the view (render/draw_select.h).
// Every material's variant for `samples` and `view.lighting` must exist (pbr_variant).
void record_pbr_pass(VkCommandBuffer cmd, const PbrPipeline& pipeline, VkDescriptorSet frame_set,
                     const std::vector<PbrDraw>& draws, const DrawView& view, VkSampleCountFlagBits samples,
                     const std::function<void()>& after_opaque = {});

}  // namespace ocop::render
