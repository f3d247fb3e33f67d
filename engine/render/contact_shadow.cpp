#include "render/contact_shadow.h"

#include <array>
#include <cstddef>

#include "render/context.h"
#include "render/shaders.h"
#include "render/vk_check.h"
#include "shared.h"

namespace ocop::render {

namespace contact_shadow_detail {

// The caster draws positions only, into one R8 target, keeping the darkest value (MAX) with
// neither depth nor culling; the receiver draws six generated vertices into the photo's MSAA
// target, depth-tested against the products, blended "over".
struct PipelineKind {
    bool caster;
};

Owned<VkPipeline> pipeline(const Context& ctx, const PbrPipeline& pbr, std::span<const std::uint32_t> vert_spirv,
                           std::span<const std::uint32_t> frag_spirv, VkFormat colour_format, VkFormat depth_format,
                           VkSampleCountFlagBits samples, PipelineKind kind) {
    const Owned<VkShaderModule> vert = shaders::module(ctx, vert_spirv);
    const Owned<VkShaderModule> frag = shaders::module(ctx, frag_spirv);
    const std::array<VkPipelineShaderStageCreateInfo, 2> stages{{
        {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, .stage = VK_SHADER_STAGE_VERTEX_BIT,
         .module = vert, .pName = "main"},
        {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, .stage = VK_SHADER_STAGE_FRAGMENT_BIT,
         .module = frag, .pName = "main"},
    }};
    const VkVertexInputBindingDescription binding{0, sizeof(GpuVertex), VK_VERTEX_INPUT_RATE_VERTEX};
    const VkVertexInputAttributeDescription position{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(GpuVertex, position)};
    const VkPipelineVertexInputStateCreateInfo vertex_input{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO,
        .vertexBindingDescriptionCount = kind.caster ? 1u : 0u,
        .pVertexBindingDescriptions = &binding,
        .vertexAttributeDescriptionCount = kind.caster ? 1u : 0u,
        .pVertexAttributeDescriptions = &position};
    const VkPipelineInputAssemblyStateCreateInfo input_assembly{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO,
        .topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST};
    const VkPipelineViewportStateCreateInfo viewport{.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO,
                                                     .viewportCount = 1,
                                                     .scissorCount = 1};
    const VkPipelineRasterizationStateCreateInfo raster{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO,
        .polygonMode = VK_POLYGON_MODE_FILL,
        .cullMode = VK_CULL_MODE_NONE,
        .frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE,
        .lineWidth = 1.0f};
    const VkPipelineMultisampleStateCreateInfo multisample{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO,
        .rasterizationSamples = kind.caster ? VK_SAMPLE_COUNT_1_BIT : samples};
    const VkPipelineDepthStencilStateCreateInfo depth{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO,
        .depthTestEnable = kind.caster ? VK_FALSE : VK_TRUE,
        .depthWriteEnable = VK_FALSE,
        .depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL};
    const VkPipelineColorBlendAttachmentState attachment{
        .blendEnable = VK_TRUE,
        .srcColorBlendFactor = kind.caster ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_SRC_ALPHA,
        .dstColorBlendFactor = kind.caster ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA,
        .colorBlendOp = kind.caster ? VK_BLEND_OP_MAX : VK_BLEND_OP_ADD,
        .srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE,
        .dstAlphaBlendFactor = kind.caster ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA,
        .alphaBlendOp = kind.caster ? VK_BLEND_OP_MAX : VK_BLEND_OP_ADD,
        .colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                          VK_COLOR_COMPONENT_A_BIT};
    const VkPipelineColorBlendStateCreateInfo colour_blend{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO,
        .attachmentCount = 1,
        .pAttachments = &attachment};
    const std::array<VkDynamicState, 2> dynamic{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
    const VkPipelineDynamicStateCreateInfo dynamic_state{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO,
        .dynamicStateCount = static_cast<std::uint32_t>(dynamic.size()),
        .pDynamicStates = dynamic.data()};
    const VkFormat caster_format = VK_FORMAT_R8_UNORM;
    const VkPipelineRenderingCreateInfo rendering{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO,
        .colorAttachmentCount = 1,
        .pColorAttachmentFormats = kind.caster ? &caster_format : &colour_format,
        .depthAttachmentFormat = kind.caster ? VK_FORMAT_UNDEFINED : depth_format};
    const VkGraphicsPipelineCreateInfo info{.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO,
                                           .pNext = &rendering,
                                           .stageCount = static_cast<std::uint32_t>(stages.size()),
                                           .pStages = stages.data(),
                                           .pVertexInputState = &vertex_input,
                                           .pInputAssemblyState = &input_assembly,
                                           .pViewportState = &viewport,
                                           .pRasterizationState = &raster,
                                           .pMultisampleState = &multisample,
                                           .pDepthStencilState = &depth,
                                           .pColorBlendState = &colour_blend,
                                           .pDynamicState = &dynamic_state,
                                           .layout = pbr.layout};
    VkPipeline p;
    VK_CHECK(vkCreateGraphicsPipelines(ctx.device(), VK_NULL_HANDLE, 1, &info, nullptr, &p));
    return {ctx.device(), p, vkDestroyPipeline};
}

// Blurs mip 0 (in TRANSFER_SRC) down the chain by halving blits; leaves every mip readable.
void blur_into_mips(VkCommandBuffer cmd, const Image& map) {
    const std::uint32_t levels = map.desc.mip_levels;
    barrier(cmd, {.image = map.image, .from = VK_IMAGE_LAYOUT_UNDEFINED, .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                  .dst_stage = VK_PIPELINE_STAGE_2_BLIT_BIT, .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT,
                  .first_mip = 1});
    auto size = static_cast<std::int32_t>(map.desc.width);
    for (std::uint32_t mip = 1; mip < levels; ++mip) {
        if (mip > 1)
            barrier(cmd, {.image = map.image, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                          .to = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                          .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                          .dst_access = VK_ACCESS_2_TRANSFER_READ_BIT, .first_mip = mip - 1, .mip_count = 1});
        const std::int32_t half = std::max(size / 2, 1);
        const VkImageBlit blit{.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip - 1, 0, 1},
                               .srcOffsets = {{0, 0, 0}, {size, size, 1}},
                               .dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip, 0, 1},
                               .dstOffsets = {{0, 0, 0}, {half, half, 1}}};
        vkCmdBlitImage(cmd, map.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, map.image,
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
        barrier(cmd, {.image = map.image, .from = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_READ_BIT, .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, .first_mip = mip - 1, .mip_count = 1});
        size = half;
    }
    barrier(cmd, {.image = map.image,
                  .from = levels > 1 ? VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL : VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                  .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                  .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                  .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, .first_mip = levels - 1, .mip_count = 1});
}

}  // namespace contact_shadow_detail

Result<ContactShadow> create_contact_shadow(const Context& ctx, const PbrPipeline& pbr, VkFormat colour_format,
                                            VkFormat depth_format, VkSampleCountFlagBits samples) {
    using namespace contact_shadow_detail;
    ContactShadow s;
    Result<Image> map = create_image(ctx, {.width = kContactShadowSize,
                                           .height = kContactShadowSize,
                                           .format = VK_FORMAT_R8_UNORM,
                                           .usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT |
                                                    VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                           .mip_levels = mip_count(kContactShadowSize, kContactShadowSize)});
    if (!map) return map.error();
    s.map = std::move(map).value();
    // A colour attachment is one mip level: mip 0 gets its own view.
    const VkImageViewCreateInfo view_info{.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
                                          .image = s.map.image,
                                          .viewType = VK_IMAGE_VIEW_TYPE_2D,
                                          .format = VK_FORMAT_R8_UNORM,
                                          .subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}};
    VkImageView view;
    VK_CHECK(vkCreateImageView(ctx.device(), &view_info, nullptr, &view));
    s.mip0_view = {ctx.device(), view, vkDestroyImageView};
    const VkSamplerCreateInfo sampler_info{.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO,
                                           .magFilter = VK_FILTER_LINEAR,
                                           .minFilter = VK_FILTER_LINEAR,
                                           .mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR,
                                           .addressModeU = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE,
                                           .addressModeV = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE,
                                           .addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE,
                                           .maxLod = VK_LOD_CLAMP_NONE};
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(ctx.device(), &sampler_info, nullptr, &sampler));
    s.sampler = {ctx.device(), sampler, vkDestroySampler};
    s.caster = pipeline(ctx, pbr, shaders::shadow_caster_vert(), shaders::shadow_caster_frag(), colour_format,
                        depth_format, samples, {.caster = true});
    s.receiver = pipeline(ctx, pbr, shaders::shadow_receiver_vert(), shaders::shadow_receiver_frag(), colour_format,
                          depth_format, samples, {.caster = false});
    s.receiver_single = pipeline(ctx, pbr, shaders::shadow_receiver_vert(), shaders::shadow_receiver_frag(),
                                 colour_format, depth_format, VK_SAMPLE_COUNT_1_BIT, {.caster = false});
    // Readable from the start: the frame's descriptor set refers to it before any shadow is drawn.
    const Status ready = ctx.run_one_time([&](VkCommandBuffer cmd) {
        barrier(cmd, {.image = s.map.image, .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                      .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
    if (!ready) return ready.error();
    return s;
}

void record_shadow_casters(VkCommandBuffer cmd, const ContactShadow& shadow, const PbrPipeline& pbr,
                           VkDescriptorSet frame_set, const std::vector<PbrDraw>& draws) {
    using namespace contact_shadow_detail;
    barrier(cmd, {.image = shadow.map.image, .to = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                  .dst_stage = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                  .dst_access = VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                  .first_mip = 0, .mip_count = 1});
    const VkRenderingAttachmentInfo colour{.sType = VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO,
                                           .imageView = shadow.mip0_view,
                                           .imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                           .loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR,
                                           .storeOp = VK_ATTACHMENT_STORE_OP_STORE,
                                           .clearValue = {.color = {{0.0f, 0.0f, 0.0f, 0.0f}}}};
    const VkRenderingInfo rendering{.sType = VK_STRUCTURE_TYPE_RENDERING_INFO,
                                    .renderArea = {{0, 0}, {kContactShadowSize, kContactShadowSize}},
                                    .layerCount = 1,
                                    .colorAttachmentCount = 1,
                                    .pColorAttachments = &colour};
    vkCmdBeginRendering(cmd, &rendering);
    const VkViewport viewport{0.0f, 0.0f, float(kContactShadowSize), float(kContactShadowSize), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, {kContactShadowSize, kContactShadowSize}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, shadow.caster);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pbr.layout, gpu::kSetFrame, 1, &frame_set, 0,
                            nullptr);
    for (const PbrDraw& d : draws) {
        const VkDeviceSize offset = 0;
        const VkBuffer vertex_buffer = d.model->vertices.buffer;
        vkCmdBindVertexBuffers(cmd, 0, 1, &vertex_buffer, &offset);
        vkCmdBindIndexBuffer(cmd, d.model->indices.buffer, 0, VK_INDEX_TYPE_UINT32);
        for (const assets::MeshInstance& instance : d.model->instances) {
            const GpuDraw& draw = d.model->draws[static_cast<std::size_t>(instance.mesh)];
            if (draw.index_count == 0) continue;
            gpu::DrawConstants constants{};
            constants.model = d.transform * instance.world;
            vkCmdPushConstants(cmd, pbr.layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                               sizeof(constants), &constants);
            vkCmdDrawIndexed(cmd, draw.index_count, 1, draw.first_index, draw.vertex_offset, 0);
        }
    }
    vkCmdEndRendering(cmd);
    barrier(cmd, {.image = shadow.map.image, .from = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                  .to = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                  .src_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                  .dst_access = VK_ACCESS_2_TRANSFER_READ_BIT, .first_mip = 0, .mip_count = 1});
    blur_into_mips(cmd, shadow.map);
}

void record_shadow_receiver(VkCommandBuffer cmd, const ContactShadow& shadow, const PbrPipeline& pbr,
                            VkDescriptorSet frame_set, VkSampleCountFlagBits samples) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                      samples == VK_SAMPLE_COUNT_1_BIT ? shadow.receiver_single : shadow.receiver);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pbr.layout, gpu::kSetFrame, 1, &frame_set, 0,
                            nullptr);
    vkCmdDraw(cmd, 6, 1, 0, 0);
}

}  // namespace ocop::render
