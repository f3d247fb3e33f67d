#include "render/renderer.h"

#include <cstring>

#include "render/vk_check.h"
#include "shared.h"

namespace ocop::render {

Result<std::unique_ptr<Renderer>> Renderer::create(Context& ctx) {
    std::unique_ptr<Renderer> r(new Renderer(ctx));
    r->defaults_ = create_material_defaults(ctx);
    r->pbr_ = create_pbr_pipeline(ctx, kColourFormat, kDepthFormat, kSamples);

    r->frame_uniforms_ = create_buffer(ctx, sizeof(gpu::FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
                                       MemoryUse::Upload);
    const VkDescriptorPoolSize pool_size{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1};
    const VkDescriptorPoolCreateInfo pool_info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
                                               .maxSets = 1,
                                               .poolSizeCount = 1,
                                               .pPoolSizes = &pool_size};
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(ctx.device(), &pool_info, nullptr, &pool));
    r->frame_pool_ = {ctx.device(), pool, vkDestroyDescriptorPool};
    const VkDescriptorSetLayout frame_layout = r->pbr_.frame_layout;
    const VkDescriptorSetAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
                                            .descriptorPool = pool,
                                            .descriptorSetCount = 1,
                                            .pSetLayouts = &frame_layout};
    VK_CHECK(vkAllocateDescriptorSets(ctx.device(), &alloc, &r->frame_set_));
    const VkDescriptorBufferInfo buffer_info{r->frame_uniforms_.buffer, 0, sizeof(gpu::FrameUniforms)};
    const VkWriteDescriptorSet write{.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
                                     .dstSet = r->frame_set_,
                                     .dstBinding = gpu::kBindingFrame,
                                     .descriptorCount = 1,
                                     .descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                                     .pBufferInfo = &buffer_info};
    vkUpdateDescriptorSets(ctx.device(), 1, &write, 0, nullptr);

    const VkCommandPoolCreateInfo cmd_pool_info{.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
                                                .flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT,
                                                .queueFamilyIndex = ctx.queue_family()};
    VkCommandPool cmd_pool;
    VK_CHECK(vkCreateCommandPool(ctx.device(), &cmd_pool_info, nullptr, &cmd_pool));
    r->command_pool_ = {ctx.device(), cmd_pool, vkDestroyCommandPool};
    const VkCommandBufferAllocateInfo cmd_alloc{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
                                                .commandPool = cmd_pool,
                                                .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
                                                .commandBufferCount = 1};
    VK_CHECK(vkAllocateCommandBuffers(ctx.device(), &cmd_alloc, &r->command_buffer_));
    const VkFenceCreateInfo fence_info{.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    VkFence fence;
    VK_CHECK(vkCreateFence(ctx.device(), &fence_info, nullptr, &fence));
    r->frame_fence_ = {ctx.device(), fence, vkDestroyFence};
    return r;
}

Renderer::~Renderer() { vkDeviceWaitIdle(ctx_.device()); }

Result<const GpuModel*> Renderer::gpu_model(const std::shared_ptr<const assets::Model>& model) {
    auto it = models_.find(model.get());
    if (it != models_.end() && it->second.owner.lock() == model) return &it->second.gpu;
    Result<GpuModel> uploaded = upload_model(ctx_, *model, defaults_, pbr_.material_layout);
    if (!uploaded) return uploaded.error();
    if (it != models_.end()) {
        vkDeviceWaitIdle(ctx_.device());  // the stale entry may still be read by a submitted frame
        models_.erase(it);
    }
    auto [slot, inserted] = models_.emplace(model.get(), CachedModel{model, std::move(uploaded).value()});
    return &slot->second.gpu;
}

void Renderer::write_frame_uniforms(const scene::Scene& scene, float aspect) {
    gpu::FrameUniforms u{};
    u.view_proj = scene.camera.projection(aspect) * scene.camera.view();
    u.camera_position = glm::vec4(scene.camera.position, 1.0f);
    for (std::size_t i = 0; i < scene.lights.size() && i < std::size_t(gpu::kMaxLights); ++i) {
        const scene::DirectionalLight& l = scene.lights[i];
        u.light_direction[i] = glm::vec4(glm::normalize(l.direction), 1.0f);
        u.light_radiance[i] = glm::vec4(l.colour * l.illuminance, 0.0f);
    }
    const scene::StudioEnvironment& e = scene.environment;
    u.env_sky = glm::vec4(e.sky, scene.exposure);
    u.env_ground = glm::vec4(e.ground, 0.0f);
    u.softbox_direction = glm::vec4(glm::normalize(e.softbox_direction), e.softbox_radius_rad);
    u.softbox_radiance = glm::vec4(e.softbox_radiance, 0.0f);
    std::memcpy(frame_uniforms_.mapped, &u, sizeof(u));
}

Result<Pixels> Renderer::render_offscreen(const scene::Scene& scene, std::uint32_t width, std::uint32_t height) {
    if (!offscreen_ || offscreen_->width != width || offscreen_->height != height) {
        Result<OffscreenTarget> target = create_offscreen_target(ctx_, width, height);
        if (!target) return target.error();
        offscreen_ = std::make_unique<OffscreenTarget>(std::move(target).value());
    }
    std::vector<PbrDraw> draws;
    for (const scene::ProductInstance& p : scene.products) {
        if (!p.model) continue;
        Result<const GpuModel*> gpu = gpu_model(p.model);
        if (!gpu) return gpu.error();
        draws.push_back({gpu.value(), p.transform});
    }
    write_frame_uniforms(scene, float(width) / float(height));

    VkCommandBuffer cmd = command_buffer_;
    VK_CHECK(vkResetCommandBuffer(cmd, 0));
    const VkCommandBufferBeginInfo begin{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                         .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
    VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
    begin_offscreen(cmd, *offscreen_, scene.background);
    record_pbr_pass(cmd, pbr_, frame_set_, draws);
    end_offscreen(cmd, *offscreen_);
    VK_CHECK(vkEndCommandBuffer(cmd));

    const VkCommandBufferSubmitInfo cmd_info{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO,
                                             .commandBuffer = cmd};
    const VkSubmitInfo2 submit{.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO_2,
                               .commandBufferInfoCount = 1,
                               .pCommandBufferInfos = &cmd_info};
    const VkFence fence = frame_fence_;
    VK_CHECK(vkQueueSubmit2(ctx_.queue(), 1, &submit, fence));
    VK_CHECK(vkWaitForFences(ctx_.device(), 1, &fence, VK_TRUE, UINT64_MAX));
    VK_CHECK(vkResetFences(ctx_.device(), 1, &fence));
    return Pixels{width, height, read_pixels(*offscreen_)};
}

}  // namespace ocop::render
