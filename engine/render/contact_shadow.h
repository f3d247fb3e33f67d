// The studio's contact shadow: the products seen from below as a small "how close to the
// floor" image, blurred through its mips, and drawn on the floor under them as a shadow
// catcher (black with the shadow as alpha: it darkens a backdrop, or becomes the alpha of a
// transparent photo). Cheap, soft, and the same in every photo of a batch.
#pragma once

#include <functional>

#include "core/result.h"
#include "render/pbr_pass.h"
#include "render/resources.h"

namespace ocop::render {

class Context;

struct ContactShadow {
    Image map;  // R8, kContactShadowSize², full mip chain
    Owned<VkImageView> mip0_view;  // what the caster pass renders into
    Owned<VkSampler> sampler;
    Owned<VkPipeline> caster;
    Owned<VkPipeline> receiver;         // into the 4x MSAA target
    Owned<VkPipeline> receiver_single;  // into a one-sample (supersampled) target
};

constexpr std::uint32_t kContactShadowSize = 256;

// The pipelines use the PBR pipeline's layout (the frame's set, the draw's push constants).
Result<ContactShadow> create_contact_shadow(const Context& ctx, const PbrPipeline& pbr, VkFormat colour_format,
                                    VkFormat depth_format, VkSampleCountFlagBits samples);

// Before the main pass: draws the products into the map and blurs it into its mips, leaving
// it ready to be sampled.
void record_shadow_casters(VkCommandBuffer cmd, const ContactShadow& shadow, const PbrPipeline& pbr,
                           VkDescriptorSet frame_set, const std::vector<PbrDraw>& draws);

// Inside the main pass, after the opaque surfaces: the floor square that shows the shadow.
void record_shadow_receiver(VkCommandBuffer cmd, const ContactShadow& shadow, const PbrPipeline& pbr,
                            VkDescriptorSet frame_set, VkSampleCountFlagBits samples);

}  // namespace ocop::render
