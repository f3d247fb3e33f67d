#include "render/light_shadows.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <glm/gtc/matrix_transform.hpp>

#include "render/context.h"
#include "render/draw_select.h"
#include "render/shaders.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace light_shadows_detail {

std::array<glm::vec3, 8> corners(const Bounds& b) {
    std::array<glm::vec3, 8> out;
    for (int i = 0; i < 8; ++i)
        out[std::size_t(i)] = {i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z};
    return out;
}

glm::mat4 look_along(glm::vec3 eye, glm::vec3 direction) {
    const glm::vec3 up = std::abs(direction.y) > 0.99f ? glm::vec3(0.0f, 0.0f, 1.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
    return glm::lookAtRH(eye, eye + direction, up);
}

}  // namespace light_shadows_detail

std::optional<ShadowView> shadow_view(const scene::Light& light, const Bounds& scene_bounds) {
    using namespace light_shadows_detail;
    if (scene_bounds.empty() || light.type == scene::Light::Type::Point) return std::nullopt;
    const glm::vec3 direction =
        glm::length(light.direction) > 1e-6f ? glm::normalize(light.direction) : glm::vec3(0.0f, -1.0f, 0.0f);
    const std::array<glm::vec3, 8> points = corners(scene_bounds);
    ShadowView out;
    if (light.type == scene::Light::Type::Spot) {
        const glm::mat4 view = look_along(light.position, direction);
        float far_m = 0.0f;  // the scene's farthest point along the spot's axis
        for (const glm::vec3& p : points) far_m = std::max(far_m, -(view * glm::vec4(p, 1.0f)).z);
        if (light.range_m > 0.0f) far_m = std::min(far_m, light.range_m);
        const float near_m = std::max(0.02f, far_m * 1e-3f);
        if (far_m <= 2.0f * near_m) return std::nullopt;  // the scene is behind the spot
        // The cone and a little more, so the filter's taps at the cone's edge stay inside.
        const float half_fov = glm::radians(std::clamp(light.outer_cone_deg + 2.0f, 1.0f, 80.0f));
        out.view_proj = glm::perspectiveRH_ZO(2.0f * half_fov, 1.0f, near_m, far_m) * view;
        out.eye = light.position;
        out.texel_m = 2.0f * std::tan(half_fov) / float(kShadowMapSize);
        out.perspective = true;
        return out;
    }
    // Directional: a box along the light around the whole scene.
    const glm::vec3 centre = scene_bounds.centre();
    const float radius = std::max(0.5f * glm::length(scene_bounds.size()), 1e-3f);
    const glm::mat4 view = look_along(centre - direction * (2.0f * radius), direction);
    Bounds in_view;
    for (const glm::vec3& p : points) in_view.add(glm::vec3(view * glm::vec4(p, 1.0f)));
    const float margin = 0.01f * radius;
    // Square texels, the box's larger side over the map.
    const float side = std::max(in_view.max.x - in_view.min.x, in_view.max.y - in_view.min.y) + 2.0f * margin;
    const glm::vec2 mid = 0.5f * (glm::vec2(in_view.min) + glm::vec2(in_view.max));
    out.view_proj = glm::orthoRH_ZO(mid.x - 0.5f * side, mid.x + 0.5f * side, mid.y - 0.5f * side, mid.y + 0.5f * side,
                                    -in_view.max.z - margin, -in_view.min.z + margin) *
                    view;
    out.eye = centre;
    out.texel_m = side / float(kShadowMapSize);
    out.perspective = false;
    return out;
}

std::vector<ShadowedLight> shadowed_lights(const std::vector<scene::Light>& lights, const Bounds& scene_bounds) {
    std::vector<ShadowedLight> out;
    for (std::size_t i = 0; i < lights.size() && i < std::size_t(gpu::kMaxLights); ++i) {
        if (out.size() == std::size_t(gpu::kMaxShadowedLights)) break;
        if (lights[i].intensity <= 0.0f) continue;
        if (const std::optional<ShadowView> view = shadow_view(lights[i], scene_bounds))
            out.push_back({i, static_cast<std::uint32_t>(out.size()), *view});
    }
    return out;
}

Result<LightShadows> create_light_shadows(const Context& ctx, const PbrPipeline& pbr, std::uint32_t size) {
    LightShadows s;
    Result<Image> maps = create_image(ctx, {.width = size,
                                            .height = size,
                                            .format = kShadowMapFormat,
                                            .usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                                                     VK_IMAGE_USAGE_SAMPLED_BIT,
                                            .aspect = VK_IMAGE_ASPECT_DEPTH_BIT,
                                            .layers = std::uint32_t(gpu::kMaxShadowedLights)});
    if (!maps) return maps.error();
    s.maps = std::move(maps).value();
    for (std::uint32_t layer = 0; layer < s.layer_views.size(); ++layer) {
        const VkImageViewCreateInfo info{.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
                                         .image = s.maps.image,
                                         .viewType = VK_IMAGE_VIEW_TYPE_2D,
                                         .format = kShadowMapFormat,
                                         .subresourceRange = {VK_IMAGE_ASPECT_DEPTH_BIT, 0, 1, layer, 1}};
        VkImageView view;
        VK_CHECK(vkCreateImageView(ctx.device(), &info, nullptr, &view));
        s.layer_views[layer] = {ctx.device(), view, vkDestroyImageView};
    }
    // Outside the map is lit (border 1.0 = the far plane).
    const VkSamplerCreateInfo sampler_info{.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO,
                                           .magFilter = VK_FILTER_LINEAR,
                                           .minFilter = VK_FILTER_LINEAR,
                                           .mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST,
                                           .addressModeU = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER,
                                           .addressModeV = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER,
                                           .addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER,
                                           .compareEnable = VK_TRUE,
                                           .compareOp = VK_COMPARE_OP_LESS_OR_EQUAL,
                                           .borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE};
    VkSampler sampler;
    VK_CHECK(vkCreateSampler(ctx.device(), &sampler_info, nullptr, &sampler));
    s.sampler = {ctx.device(), sampler, vkDestroySampler};

    const Owned<VkShaderModule> vert = shaders::module(ctx, shaders::light_shadow_vert());
    const VkPipelineShaderStageCreateInfo stage{.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
                                                .stage = VK_SHADER_STAGE_VERTEX_BIT,
                                                .module = vert,
                                                .pName = "main"};
    const VkVertexInputBindingDescription binding{0, sizeof(GpuVertex), VK_VERTEX_INPUT_RATE_VERTEX};
    const VkVertexInputAttributeDescription position{0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(GpuVertex, position)};
    const VkPipelineVertexInputStateCreateInfo vertex_input{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO,
        .vertexBindingDescriptionCount = 1,
        .pVertexBindingDescriptions = &binding,
        .vertexAttributeDescriptionCount = 1,
        .pVertexAttributeDescriptions = &position};
    const VkPipelineInputAssemblyStateCreateInfo input_assembly{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO,
        .topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST};
    const VkPipelineViewportStateCreateInfo viewport{.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO,
                                                     .viewportCount = 1,
                                                     .scissorCount = 1};
    // Both faces cast (thin cloth and open vessels have one side); the slope-scaled bias with
    // the shader's normal offset keeps lit surfaces from shadowing themselves.
    const VkPipelineRasterizationStateCreateInfo raster{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO,
        .polygonMode = VK_POLYGON_MODE_FILL,
        .cullMode = VK_CULL_MODE_NONE,
        .frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE,
        .depthBiasEnable = VK_TRUE,
        .depthBiasConstantFactor = 1.0f,
        .depthBiasSlopeFactor = 1.5f,
        .lineWidth = 1.0f};
    const VkPipelineMultisampleStateCreateInfo multisample{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO,
        .rasterizationSamples = VK_SAMPLE_COUNT_1_BIT};
    const VkPipelineDepthStencilStateCreateInfo depth{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO,
        .depthTestEnable = VK_TRUE,
        .depthWriteEnable = VK_TRUE,
        .depthCompareOp = VK_COMPARE_OP_LESS_OR_EQUAL};
    const VkPipelineColorBlendStateCreateInfo colour_blend{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
    const std::array<VkDynamicState, 2> dynamic{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
    const VkPipelineDynamicStateCreateInfo dynamic_state{
        .sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO,
        .dynamicStateCount = static_cast<std::uint32_t>(dynamic.size()),
        .pDynamicStates = dynamic.data()};
    const VkPipelineRenderingCreateInfo rendering{.sType = VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO,
                                                  .depthAttachmentFormat = kShadowMapFormat};
    const VkGraphicsPipelineCreateInfo info{.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO,
                                           .pNext = &rendering,
                                           .stageCount = 1,
                                           .pStages = &stage,
                                           .pVertexInputState = &vertex_input,
                                           .pInputAssemblyState = &input_assembly,
                                           .pViewportState = &viewport,
                                           .pRasterizationState = &raster,
                                           .pMultisampleState = &multisample,
                                           .pDepthStencilState = &depth,
                                           .pColorBlendState = &colour_blend,
                                           .pDynamicState = &dynamic_state,
                                           .layout = pbr.layout};
    VkPipeline pipeline;
    VK_CHECK(vkCreateGraphicsPipelines(ctx.device(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    s.caster = {ctx.device(), pipeline, vkDestroyPipeline};

    // Readable from the start: the frame's descriptor set refers to the maps before any is drawn.
    const Status ready = ctx.run_one_time([&](VkCommandBuffer cmd) {
        barrier(cmd, {.image = s.maps.image, .aspect = VK_IMAGE_ASPECT_DEPTH_BIT,
                      .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                      .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
    if (!ready) return ready.error();
    return s;
}

std::uint64_t shadow_content_key(const std::vector<PbrDraw>& draws, const std::vector<ShadowedLight>& lights,
                                 std::uint64_t uploads) {
    if (lights.empty()) return 0;
    // FNV-1a over the bytes that decide the maps.
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](const void* data, std::size_t size) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < size; ++i) h = (h ^ bytes[i]) * 1099511628211ull;
    };
    mix(&uploads, sizeof(uploads));
    for (const ShadowedLight& l : lights) mix(&l.view.view_proj, sizeof(l.view.view_proj));
    for (const PbrDraw& d : draws) {
        mix(&d.model, sizeof(d.model));
        mix(&d.transform, sizeof(d.transform));
    }
    return h == 0 ? 1 : h;
}

void record_light_shadows(VkCommandBuffer cmd, const LightShadows& shadows, const PbrPipeline& pbr,
                          VkDescriptorSet frame_set, const std::vector<PbrDraw>& draws,
                          const std::vector<ShadowedLight>& lights) {
    if (lights.empty()) return;
    // Last frame's shader may still read the maps: wait for it, then write them anew.
    barrier(cmd, {.image = shadows.maps.image, .aspect = VK_IMAGE_ASPECT_DEPTH_BIT,
                  .from = VK_IMAGE_LAYOUT_UNDEFINED, .to = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                  .dst_stage = VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                  .dst_access = VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT});
    const VkViewport viewport{0.0f, 0.0f, float(kShadowMapSize), float(kShadowMapSize), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, {kShadowMapSize, kShadowMapSize}};
    for (const ShadowedLight& light : lights) {
        const VkRenderingAttachmentInfo depth{.sType = VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO,
                                              .imageView = shadows.layer_views[light.layer],
                                              .imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                                              .loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR,
                                              .storeOp = VK_ATTACHMENT_STORE_OP_STORE,
                                              .clearValue = {.depthStencil = {1.0f, 0}}};
        const VkRenderingInfo rendering{.sType = VK_STRUCTURE_TYPE_RENDERING_INFO,
                                        .renderArea = scissor,
                                        .layerCount = 1,
                                        .pDepthAttachment = &depth};
        vkCmdBeginRendering(cmd, &rendering);
        vkCmdSetViewport(cmd, 0, 1, &viewport);
        vkCmdSetScissor(cmd, 0, 1, &scissor);
        vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, shadows.caster);
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pbr.layout, gpu::kSetFrame, 1, &frame_set, 0,
                                nullptr);
        const std::array<glm::vec4, 6> planes = frustum_planes(light.view.view_proj);
        const float pixels_per_metre_at_1m = 1.0f / light.view.texel_m;
        for (const PbrDraw& d : draws) {
            bool bound = false;
            for (const assets::MeshInstance& instance : d.model->instances) {
                const GpuDraw& draw = d.model->draws[static_cast<std::size_t>(instance.mesh)];
                if (draw.index_count == 0 || d.model->materials[draw.material].pass != MaterialPass::Opaque) continue;
                gpu::DrawConstants constants{};
                constants.model = d.transform * instance.world;
                const std::optional<DrawRange> range = select_draw(draw, constants.model, planes, light.view.eye,
                                                                   pixels_per_metre_at_1m, !light.view.perspective);
                if (!range) continue;
                if (!bound) {
                    const VkDeviceSize offset = 0;
                    const VkBuffer vertex_buffer = d.model->vertices.buffer;
                    vkCmdBindVertexBuffers(cmd, 0, 1, &vertex_buffer, &offset);
                    vkCmdBindIndexBuffer(cmd, d.model->indices.buffer, 0, VK_INDEX_TYPE_UINT32);
                    bound = true;
                }
                constants.flags.y = float(light.layer);
                vkCmdPushConstants(cmd, pbr.layout, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                                   sizeof(constants), &constants);
                vkCmdDrawIndexed(cmd, range->index_count, 1, range->first_index, draw.vertex_offset, 0);
            }
        }
        vkCmdEndRendering(cmd);
    }
    barrier(cmd, {.image = shadows.maps.image, .aspect = VK_IMAGE_ASPECT_DEPTH_BIT,
                  .from = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                  .src_access = VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
                  .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                  .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
}

}  // namespace ocop::render
