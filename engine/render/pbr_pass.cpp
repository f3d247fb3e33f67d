#include "render/pbr_pass.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "render/context.h"
#include "render/draw_select.h"
#include "render/shaders.h"
#include "render/vk_check.h"
#include "shared.h"

namespace ocop::render {

namespace {

std::uint64_t variant_key(MaterialPass pass, std::uint32_t texture_bits, std::uint32_t mode_bits,
                          VkSampleCountFlagBits samples, const FrameLighting& lighting) {
    static_assert(gpu::kMaterialTextureCount <= 16 && gpu::kMaxLights < 32);
    return std::uint64_t(samples) << 56 | std::uint64_t(pass) << 48 | std::uint64_t(lighting.shadowed) << 40 |
           std::uint64_t(mode_bits) << 24 | std::uint64_t(lighting.draw_lists) << 21 |
           std::uint64_t(lighting.slots) << 16 | texture_bits;
}

Owned<VkPipeline> create_pipeline(const Context& ctx, const PbrPipeline& p, MaterialPass pass,
                                  std::uint32_t texture_bits, std::uint32_t mode_bits, VkSampleCountFlagBits samples,
                                  const FrameLighting& lighting) {
    const VkPipelineLayout layout = p.layout;
    const VkFormat colour_format = p.colour_format;
    const VkFormat depth_format = p.depth_format;
    const bool blend = pass != MaterialPass::Opaque;
    // pbr.frag's constant_id 0 (kTextureBits), 1 (kModeBits), 2 (kShadowedLights), 3
    // (kLightSlots) and 4 (kDrawLightLists).
    const std::array<std::int32_t, 5> constants{
        static_cast<std::int32_t>(texture_bits), static_cast<std::int32_t>(mode_bits),
        static_cast<std::int32_t>(lighting.shadowed), static_cast<std::int32_t>(lighting.slots),
        lighting.draw_lists ? 1 : 0};
    std::array<VkSpecializationMapEntry, 5> entries{};
    for (std::uint32_t i = 0; i < entries.size(); ++i)
        entries[i] = {i, std::uint32_t(i * sizeof(std::int32_t)), sizeof(std::int32_t)};
    const VkSpecializationInfo specialization{.mapEntryCount = static_cast<std::uint32_t>(entries.size()),
                                              .pMapEntries = entries.data(),
                                              .dataSize = sizeof(constants),
                                              .pData = constants.data()};
    const std::array<VkPipelineShaderStageCreateInfo, 2> stages{{
        {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, .stage = VK_SHADER_STAGE_VERTEX_BIT,
         .module = p.vert, .pName = "main"},
        {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, .stage = VK_SHADER_STAGE_FRAGMENT_BIT,
         .module = p.frag, .pName = "main", .pSpecializationInfo = &specialization},
    }};
    const VkVertexInputBindingDescription binding{0, sizeof(GpuVertex), VK_VERTEX_INPUT_RATE_VERTEX};
    const std::array<VkVertexInputAttributeDescription, 6> attributes{{
        {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(GpuVertex, position)},
        {1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(GpuVertex, normal)},
        {2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuVertex, tangent)},
        {3, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(GpuVertex, uv0)},
        {4, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(GpuVertex, uv1)},
        {5, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(GpuVertex, colour)},
    }};
    const VkPipelineVertexInputStateCreateInfo vertex_input{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO,
        .vertexBindingDescriptionCount = 1,
        .pVertexBindingDescriptions = &binding,
        .vertexAttributeDescriptionCount = static_cast<std::uint32_t>(attributes.size()),
        .pVertexAttributeDescriptions = attributes.data()};
    const VkPipelineInputAssemblyStateCreateInfo input_assembly{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO,
        .topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST};
    const VkPipelineViewportStateCreateInfo viewport{.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO,
                                                     .viewportCount = 1,
                                                     .scissorCount = 1};
    const VkPipelineRasterizationStateCreateInfo raster{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO,
        .polygonMode = VK_POLYGON_MODE_FILL,
        .cullMode = VK_CULL_MODE_BACK_BIT,             // dynamic: off for double-sided materials
        .frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE,  // dynamic: clockwise under a mirroring transform
        .lineWidth = 1.0f};
    const VkPipelineMultisampleStateCreateInfo multisample{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO, .rasterizationSamples = samples};
    const VkPipelineDepthStencilStateCreateInfo depth{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO,
        .depthTestEnable = VK_TRUE,
        .depthWriteEnable = blend ? VK_FALSE : VK_TRUE,
        .depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL};
    const VkPipelineColorBlendAttachmentState attachment{
        .blendEnable = blend ? VK_TRUE : VK_FALSE,
        // Blend: straight alpha. Transmit: premultiplied (the shader adds what the glass
        // reflects and leaves in alpha how much of what is behind comes through).
        .srcColorBlendFactor = pass == MaterialPass::Transmit ? VK_BLEND_FACTOR_ONE : VK_BLEND_FACTOR_SRC_ALPHA,
        .dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA,
        .colorBlendOp = VK_BLEND_OP_ADD,
        .srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE,
        .dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA,
        .alphaBlendOp = VK_BLEND_OP_ADD,
        .colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT |
                          VK_COLOR_COMPONENT_A_BIT};
    const VkPipelineColorBlendStateCreateInfo colour_blend{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO,
        .attachmentCount = 1,
        .pAttachments = &attachment};
    const std::array<VkDynamicState, 4> dynamic{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR,
                                                VK_DYNAMIC_STATE_CULL_MODE, VK_DYNAMIC_STATE_FRONT_FACE};
    const VkPipelineDynamicStateCreateInfo dynamic_state{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO,
        .dynamicStateCount = static_cast<std::uint32_t>(dynamic.size()),
        .pDynamicStates = dynamic.data()};
    const VkPipelineRenderingCreateInfo rendering{.sType = VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO,
                                                  .colorAttachmentCount = 1,
                                                  .pColorAttachmentFormats = &colour_format,
                                                  .depthAttachmentFormat = depth_format};
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
                                           .layout = layout};
    VkPipeline pipeline;
    VK_CHECK(vkCreateGraphicsPipelines(ctx.device(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    return {ctx.device(), pipeline, vkDestroyPipeline};
}

}  // namespace

PbrPipeline create_pbr_pipeline(const Context& ctx, VkFormat colour_format, VkFormat depth_format, LightLoop loop) {
    PbrPipeline p;
    p.light_loop = loop == LightLoop::ForDevice ? (ctx.is_cpu() ? LightLoop::EverySlot : LightLoop::DrawLists) : loop;
    const std::array<VkDescriptorSetLayoutBinding, gpu::kFrameBindingCount> frame_bindings{{
        {.binding = gpu::kBindingFrame,
         .descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT},
        {.binding = gpu::kBindingSpecularEnvironment,
         .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT},
        {.binding = gpu::kBindingBrdfLut,
         .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT},
        {.binding = gpu::kBindingContactShadow,
         .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT},
        {.binding = gpu::kBindingLightShadows,
         .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT},
        {.binding = gpu::kBindingSheenEnvironment,
         .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
         .descriptorCount = 1,
         .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT},
    }};
    const VkDescriptorSetLayoutCreateInfo frame_info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
                                                     .bindingCount = static_cast<std::uint32_t>(frame_bindings.size()),
                                                     .pBindings = frame_bindings.data()};
    VkDescriptorSetLayout layout;
    VK_CHECK(vkCreateDescriptorSetLayout(ctx.device(), &frame_info, nullptr, &layout));
    p.frame_layout = {ctx.device(), layout, vkDestroyDescriptorSetLayout};

    // Per material: its uniforms, then one combined image sampler per texture slot. With the
    // frame's four, a fragment shader sees 20 samplers: more than Vulkan's guaranteed 16, so the
    // device's limit is checked where the context is made.
    std::array<VkDescriptorSetLayoutBinding, 1 + gpu::kMaterialTextureCount> material_bindings{};
    material_bindings[0] = {.binding = gpu::kBindingMaterial,
                            .descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                            .descriptorCount = 1,
                            .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT};
    for (std::uint32_t b = 1; b < material_bindings.size(); ++b)
        material_bindings[b] = {.binding = b,
                                .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                                .descriptorCount = 1,
                                .stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT};
    const VkDescriptorSetLayoutCreateInfo material_info{
        .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
        .bindingCount = static_cast<std::uint32_t>(material_bindings.size()),
        .pBindings = material_bindings.data()};
    VK_CHECK(vkCreateDescriptorSetLayout(ctx.device(), &material_info, nullptr, &layout));
    p.material_layout = {ctx.device(), layout, vkDestroyDescriptorSetLayout};

    const std::array<VkDescriptorSetLayout, 2> set_layouts{p.frame_layout.get(), p.material_layout.get()};
    const VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                                   sizeof(gpu::DrawConstants)};
    const VkPipelineLayoutCreateInfo layout_info{.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
                                                 .setLayoutCount = static_cast<std::uint32_t>(set_layouts.size()),
                                                 .pSetLayouts = set_layouts.data(),
                                                 .pushConstantRangeCount = 1,
                                                 .pPushConstantRanges = &push};
    VkPipelineLayout pipeline_layout;
    VK_CHECK(vkCreatePipelineLayout(ctx.device(), &layout_info, nullptr, &pipeline_layout));
    p.layout = {ctx.device(), pipeline_layout, vkDestroyPipelineLayout};

    p.vert = shaders::module(ctx, shaders::pbr_vert());
    p.frag = shaders::module(ctx, shaders::pbr_frag());
    p.colour_format = colour_format;
    p.depth_format = depth_format;
    return p;
}

VkPipeline pbr_variant(const Context& ctx, PbrPipeline& pipeline, const GpuMaterial& material,
                       VkSampleCountFlagBits samples, const FrameLighting& lighting) {
    const std::uint64_t key = variant_key(material.pass, material.texture_bits, material.mode_bits, samples, lighting);
    auto it = pipeline.variants.find(key);
    if (it == pipeline.variants.end())
        it = pipeline.variants
                 .emplace(key, create_pipeline(ctx, pipeline, material.pass, material.texture_bits, material.mode_bits,
                                               samples, lighting))
                 .first;
    return it->second;
}

namespace {

// One mesh instance to draw, with what sorting and state need.
struct QueuedDraw {
    const GpuModel* model;
    const GpuDraw* draw;
    const GpuMaterial* material;
    glm::mat4 transform;
    float distance;  // from the camera to the mesh's centre, for back-to-front order
    std::uint32_t first_index;  // of the level of detail drawn
    std::uint32_t index_count;
    glm::uvec4 lights;  // the lights that reach it (gpu::DrawConstants::lights)
};

void record_draw(VkCommandBuffer cmd, const PbrPipeline& pipeline, const QueuedDraw& q) {
    gpu::DrawConstants constants{};
    constants.model = q.transform;
    constants.flags.x = q.draw->has_tangents ? float(gpu::kDrawHasTangents) : 0.0f;
    constants.lights = q.lights;
    // A mirroring transform turns triangles inside out (glTF 2.0, 3.7.4): their front faces
    // then wind clockwise.
    const bool mirrored = glm::determinant(glm::mat3(constants.model)) < 0.0f;
    vkCmdSetFrontFace(cmd, mirrored ? VK_FRONT_FACE_CLOCKWISE : VK_FRONT_FACE_COUNTER_CLOCKWISE);
    vkCmdSetCullMode(cmd, q.material->double_sided ? VK_CULL_MODE_NONE : VK_CULL_MODE_BACK_BIT);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout, gpu::kSetMaterial, 1,
                            &q.material->descriptor_set, 0, nullptr);
    vkCmdPushConstants(cmd, pipeline.layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                       sizeof(constants), &constants);
    vkCmdDrawIndexed(cmd, q.index_count, 1, q.first_index, q.draw->vertex_offset, 0);
}

}  // namespace

void record_pbr_pass(VkCommandBuffer cmd, const PbrPipeline& pipeline, VkDescriptorSet frame_set,
                     const std::vector<PbrDraw>& draws, const DrawView& view, VkSampleCountFlagBits samples,
                     const std::function<void()>& after_opaque) {
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout, gpu::kSetFrame, 1, &frame_set, 0,
                            nullptr);
    const std::array<glm::vec4, 6> planes = frustum_planes(view.view_proj);
    std::vector<QueuedDraw> opaque;
    std::vector<QueuedDraw> see_through;
    for (const PbrDraw& d : draws)
        for (const assets::MeshInstance& instance : d.model->instances) {
            const GpuDraw& draw = d.model->draws[static_cast<std::size_t>(instance.mesh)];
            if (draw.index_count == 0) continue;
            const GpuMaterial& material = d.model->materials[draw.material];
            const glm::mat4 transform = d.transform * instance.world;
            const std::optional<DrawRange> range =
                select_draw(draw, transform, planes, view.camera_position, view.pixels_per_metre_at_1m);
            if (!range) continue;
            (material.pass == MaterialPass::Opaque ? opaque : see_through)
                .push_back({d.model, &draw, &material, transform, range->distance, range->first_index,
                            range->index_count,
                            view.lighting.draw_lists
                                ? draw_lights(view.lights, view.lighting.shadowed, range->centre, range->radius)
                                : glm::uvec4(0u)});
        }
    // Opaque surfaces nearest first: what they hide fails the depth test before it is shaded.
    std::stable_sort(opaque.begin(), opaque.end(),
                     [](const QueuedDraw& a, const QueuedDraw& b) { return a.distance < b.distance; });
    // Blended and transmissive surfaces over what is behind them: farthest first.
    std::stable_sort(see_through.begin(), see_through.end(),
                     [](const QueuedDraw& a, const QueuedDraw& b) { return a.distance > b.distance; });
    const GpuModel* bound_model = nullptr;
    VkPipeline bound_pipeline = VK_NULL_HANDLE;
    for (const std::vector<QueuedDraw>* queue : {&opaque, &see_through}) {
        if (queue == &see_through && after_opaque) {
            after_opaque();  // may bind its own pipeline and sets
            bound_pipeline = VK_NULL_HANDLE;
            vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout, gpu::kSetFrame, 1,
                                    &frame_set, 0, nullptr);
        }
        for (const QueuedDraw& q : *queue) {
            const auto variant = pipeline.variants.find(
                variant_key(q.material->pass, q.material->texture_bits, q.material->mode_bits, samples,
                            view.lighting));
            if (variant == pipeline.variants.end()) continue;  // made with the model: never happens
            const VkPipeline wanted = variant->second;
            if (wanted != bound_pipeline) {
                vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, wanted);
                bound_pipeline = wanted;
            }
            if (q.model != bound_model) {
                const VkDeviceSize offset = 0;
                const VkBuffer vertex_buffer = q.model->vertices.buffer;
                vkCmdBindVertexBuffers(cmd, 0, 1, &vertex_buffer, &offset);
                vkCmdBindIndexBuffer(cmd, q.model->indices.buffer, 0, VK_INDEX_TYPE_UINT32);
                bound_model = q.model;
            }
            record_draw(cmd, pipeline, q);
        }
    }
}

}  // namespace ocop::render
