#include "render/renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>
#include <array>

#include "render/environment_bake_gpu.h"
#include "render/panel_environment.h"
#include "render/vk_check.h"
#include "shared.h"

namespace ocop::render {

namespace {

// The pipelines' view of the frame's lights: the first 16 are drawn (write_frame_uniforms).
FrameLighting frame_lighting(const std::vector<scene::Light>& lights, std::size_t shadowed, LightLoop loop) {
    const std::size_t drawn = std::min(lights.size(), std::size_t(gpu::kMaxLights));
    bool limited = false;  // some light that a draw's list could leave out
    for (std::size_t i = 0; i < drawn; ++i) limited = limited || !light_reach(lights[i]).everywhere;
    return {.slots = std::uint32_t(drawn), .shadowed = std::uint32_t(shadowed),
            .draw_lists = loop == LightLoop::DrawLists && limited};
}

}  // namespace

Result<std::unique_ptr<Renderer>> Renderer::create(Context& ctx, LightLoop light_loop) {
    std::unique_ptr<Renderer> r(new Renderer(ctx));
    Result<MaterialDefaults> defaults = create_material_defaults(ctx);
    if (!defaults) return defaults.error();
    r->defaults_ = std::move(defaults).value();
    r->pbr_ = create_pbr_pipeline(ctx, kColourFormat, kDepthFormat, light_loop);
    Result<ContactShadow> shadow = create_contact_shadow(ctx, r->pbr_, kColourFormat, kDepthFormat, kSamples);
    if (!shadow) return shadow.error();
    r->contact_shadow_ = std::move(shadow).value();
    Result<LightShadows> light_shadows = create_light_shadows(ctx, r->pbr_, 1);  // full size when first needed
    if (!light_shadows) return light_shadows.error();
    r->light_shadows_ = std::move(light_shadows).value();

    Result<Buffer> uniforms =
        create_buffer(ctx, sizeof(gpu::FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, MemoryUse::Upload);
    if (!uniforms) return uniforms.error();
    r->frame_uniforms_ = std::move(uniforms).value();
    const std::array<VkDescriptorPoolSize, 2> pool_sizes{{{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1},
                                                          {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 5}}};
    const VkDescriptorPoolCreateInfo pool_info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
                                               .maxSets = 1,
                                               .poolSizeCount = static_cast<std::uint32_t>(pool_sizes.size()),
                                               .pPoolSizes = pool_sizes.data()};
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

    // On the device: 0.03 s where the CPU takes 0.25 s, even on lavapipe (docs/benchmarks.md).
    constexpr std::uint32_t lut_size = 64;
    Result<std::vector<glm::vec3>> lut_values = brdf_lut_gpu(ctx, static_cast<int>(lut_size));
    if (!lut_values) return lut_values.error();
    Result<Image> lut = upload_brdf_lut(ctx, lut_values.value(), lut_size);
    if (!lut) return lut.error();
    r->environment_baker_ = can_bake_environment_gpu(ctx) ? gpu_environment_baker(ctx) : cpu_environment_baker();
    r->brdf_lut_ = std::move(lut).value();
    r->lut_sampler_ = create_lut_sampler(ctx);
    r->environment_sampler_ = create_environment_sampler(ctx);
    Result<GpuEnvironment> environment = empty_environment(ctx);
    if (!environment) return environment.error();
    r->environment_ = std::move(environment).value();
    r->bind_frame_textures();

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

    r->half_tables_ = make_half_tables();

    // Two timestamps a frame, where the queue keeps them (the benchmarks' GPU time).
    std::uint32_t family_count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(ctx.physical_device(), &family_count, nullptr);
    std::vector<VkQueueFamilyProperties> families(family_count);
    vkGetPhysicalDeviceQueueFamilyProperties(ctx.physical_device(), &family_count, families.data());
    r->timestamp_bits_ = ctx.queue_family() < family_count ? families[ctx.queue_family()].timestampValidBits : 0;
    if (r->timestamp_bits_ > 0) {
        const VkQueryPoolCreateInfo query_info{.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO,
                                               .queryType = VK_QUERY_TYPE_TIMESTAMP,
                                               .queryCount = 2};
        VkQueryPool queries;
        VK_CHECK(vkCreateQueryPool(ctx.device(), &query_info, nullptr, &queries));
        r->timestamps_ = {ctx.device(), queries, vkDestroyQueryPool};
    }
    return r;
}

Renderer::~Renderer() { ctx_.wait_idle(); }

Result<const GpuModel*> Renderer::gpu_model(const std::shared_ptr<const assets::Model>& model) {
    auto it = models_.find(model.get());
    if (it != models_.end() && it->second.owner.lock() == model) return &it->second.gpu;
    Result<GpuModel> uploaded = upload_model(ctx_, *model, defaults_, pbr_.material_layout);
    if (!uploaded) return uploaded.error();
    ++uploads_;
    if (it != models_.end()) {
        ctx_.wait_idle();  // the stale entry may still be read by a submitted frame
        models_.erase(it);
    }
    auto [slot, inserted] = models_.emplace(model.get(), CachedModel{model, std::move(uploaded).value()});
    return &slot->second.gpu;
}

void Renderer::bind_frame_textures() {
    const std::array<std::pair<std::uint32_t, VkDescriptorImageInfo>, 5> images{{
        {gpu::kBindingSpecularEnvironment, {environment_sampler_, environment_.specular.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}},
        {gpu::kBindingBrdfLut, {lut_sampler_, brdf_lut_.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}},
        {gpu::kBindingContactShadow, {contact_shadow_.sampler, contact_shadow_.map.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}},
        {gpu::kBindingLightShadows, {light_shadows_.sampler, light_shadows_.maps.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}},
        {gpu::kBindingSheenEnvironment, {environment_sampler_, environment_.sheen.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL}},
    }};
    std::array<VkWriteDescriptorSet, images.size()> writes{};
    for (std::size_t i = 0; i < images.size(); ++i)
        writes[i] = {.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
                     .dstSet = frame_set_,
                     .dstBinding = images[i].first,
                     .descriptorCount = 1,
                     .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                     .pImageInfo = &images[i].second};
    vkUpdateDescriptorSets(ctx_.device(), static_cast<std::uint32_t>(writes.size()), writes.data(), 0, nullptr);
}

namespace {

// Whether two environments give the same baked light (the studio dome is uniforms only).
bool same_bake(const scene::Environment& a, const scene::Environment& b) {
    using Kind = scene::Environment::Kind;
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Kind::Studio: return true;
        case Kind::Uniform: return a.uniform_radiance == b.uniform_radiance;
        case Kind::Image: return a.image == b.image;
        case Kind::Panels:
            return a.wall_radiance == b.wall_radiance && a.floor_radiance == b.floor_radiance && a.panels == b.panels;
    }
    return false;
}

}  // namespace

Status Renderer::use_environment(const scene::Environment& environment) {
    if (same_bake(environment, baked_from_)) return Ok{};

    GpuEnvironment next;
    if (environment.kind == scene::Environment::Kind::Studio) {
        Result<GpuEnvironment> empty = empty_environment(ctx_);
        if (!empty) return empty.error();
        next = std::move(empty).value();
    } else {
        Result<BakedEnvironment> baked =
            environment.kind == scene::Environment::Kind::Uniform
                ? Result<BakedEnvironment>(uniform_environment(environment.uniform_radiance, {.base_width = 256}))
            : environment.kind == scene::Environment::Kind::Panels
                ? environment_baker_.bake(panel_environment_image(environment), {})
                : load_baked_environment(environment.image, default_environment_cache_dir(), {}, environment_baker_);
        if (!baked) return baked.error();
        Result<GpuEnvironment> uploaded = upload_environment(ctx_, baked.value());
        if (!uploaded) return uploaded.error();
        next = std::move(uploaded).value();
    }
    ctx_.wait_idle();  // the descriptor set and the old image may still be in use
    environment_ = std::move(next);
    baked_from_ = environment;
    bind_frame_textures();
    return Ok{};
}

void Renderer::write_frame_uniforms(const scene::Scene& scene, const Bounds& b, float aspect,
                                    const std::vector<ShadowedLight>& shadowed) {
    gpu::FrameUniforms u{};
    u.view_proj = scene.camera.projection(aspect) * scene.camera.view();
    u.camera_position = glm::vec4(scene.camera.position, 1.0f);
    // The shadowed lights take the first slots (a light's map layer is its slot), then the rest
    // of the drawn ones: the light they add up to is the same in any order.
    const std::size_t drawn = std::min(scene.lights.size(), std::size_t(gpu::kMaxLights));
    std::vector<std::size_t> slots;
    for (const ShadowedLight& s : shadowed) slots.push_back(s.light);
    for (std::size_t i = 0; i < drawn; ++i)
        if (std::find(slots.begin(), slots.end(), i) == slots.end()) slots.push_back(i);
    for (std::size_t slot = 0; slot < slots.size(); ++slot) {
        const scene::Light& l = scene.lights[slots[slot]];
        const int type = l.type == scene::Light::Type::Point ? gpu::kLightPoint
                         : l.type == scene::Light::Type::Spot ? gpu::kLightSpot
                                                               : gpu::kLightDirectional;
        const glm::vec3 direction = glm::length(l.direction) > 0.0f ? glm::normalize(l.direction) : glm::vec3(0, -1, 0);
        const float outer = glm::radians(std::clamp(l.outer_cone_deg, 0.0f, 90.0f));
        const float inner = glm::radians(std::clamp(l.inner_cone_deg, 0.0f, glm::degrees(outer)));
        u.light_position[slot] = glm::vec4(l.position, 0.0f);
        u.light_direction[slot] = glm::vec4(direction, 0.0f);
        u.light_radiance[slot] = glm::vec4(l.colour * std::max(l.intensity, 0.0f), 0.0f);
        u.light_params[slot] = glm::vec4(float(type), std::max(l.range_m, 0.0f), std::cos(inner), std::cos(outer));
        light_reach_[slot] = light_reach(l);
    }
    light_reach_count_ = slots.size();
    for (const ShadowedLight& s : shadowed) {
        u.light_shadow[s.layer] = glm::vec4(0.0f, s.view.texel_m, 1.0f / float(kShadowMapSize),
                                            s.view.perspective ? 1.0f : 0.0f);
        u.shadow_view_proj[s.layer] = s.view.view_proj;
    }
    int tone_mapping = gpu::kToneMapPbrNeutral;
    if (scene.tone_mapping == scene::ToneMapping::Aces) tone_mapping = gpu::kToneMapAces;
    if (scene.tone_mapping == scene::ToneMapping::Linear) tone_mapping = gpu::kToneMapLinear;
    const bool baked = baked_from_.kind != scene::Environment::Kind::Studio;
    u.environment = glm::vec4(baked ? gpu::kEnvironmentBaked : gpu::kEnvironmentStudio,
                              float(environment_.levels - 1), tone_mapping, scene.exposure);
    for (std::size_t i = 0; i < environment_.sh.size(); ++i) u.sh[i] = glm::vec4(environment_.sh[i], 0.0f);
    // The contact shadow's square on the floor: the products' footprint with room for the
    // blur. The shadow is darkest where a product touches the floor and fades with height
    // over half the products' height, so an overhanging belly shades the floor softly.
    if (!b.empty() && scene.contact_shadow.opacity > 0.0f) {
        const glm::vec3 size = b.size();
        const float footprint = std::max(size.x, size.z);
        const float falloff = std::max(0.5f * std::max(size.y, 0.3f * footprint), 0.02f);
        const float softness = std::clamp(scene.contact_shadow.softness, 0.0f, 1.0f);
        // The square is the footprint and no more (its edges fade), so a product framed to
        // fill 85% keeps its shadow inside the frame's white border.
        u.shadow_area = {b.centre().x, 0.5f * footprint, b.centre().z, b.min.y};
        u.shadow_params = {std::clamp(scene.contact_shadow.opacity, 0.0f, 1.0f), falloff, 1.0f + 2.0f * softness, 0.0f};
    }
    const scene::StudioEnvironment& e = scene.environment.studio;
    u.env_sky = glm::vec4(e.sky, 0.0f);
    u.env_ground = glm::vec4(e.ground, 0.0f);
    u.softbox_direction = glm::vec4(glm::normalize(e.softbox_direction), e.softbox_radius_rad);
    u.softbox_radiance = glm::vec4(e.softbox_radiance, 0.0f);
    std::memcpy(frame_uniforms_.mapped, &u, sizeof(u));
}

Status Renderer::record_frame(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                              VkSampleCountFlagBits samples) {
    if (ctx_.lost()) return ctx_.lost_error();  // nothing can be drawn on it any more
    if (!offscreen_ || offscreen_->width != width || offscreen_->height != height || offscreen_->samples != samples) {
        ctx_.wait_idle();  // the old target may still be in use by the last frame
        Result<OffscreenTarget> target = create_offscreen_target(ctx_, width, height, samples);
        if (!target) return target.error();
        offscreen_ = std::make_unique<OffscreenTarget>(std::move(target).value());
    }
    std::vector<PbrDraw>& draws = draws_;  // kept: no allocation a frame
    draws.clear();
    Bounds scene_bounds;  // scene::bounds, from the boxes kept with the uploaded models
    for (const scene::ProductInstance& p : scene.products) {
        if (!p.model) continue;
        Result<const GpuModel*> gpu = gpu_model(p.model);
        if (!gpu) return gpu.error();
        draws.push_back({gpu.value(), p.transform});
        scene_bounds.add(transformed(gpu.value()->bounds, p.transform));
    }
    const std::vector<ShadowedLight> shadowed = scene.light_shadows && !draws.empty()
                                                    ? shadowed_lights(scene.lights, scene_bounds)
                                                    : std::vector<ShadowedLight>{};
    const FrameLighting lighting = frame_lighting(scene.lights, shadowed.size(), pbr_.light_loop);
    // Each material's pipeline for this target and these lights, made once and kept.
    for (const PbrDraw& d : draws)
        for (const GpuMaterial& material : d.model->materials) pbr_variant(ctx_, pbr_, material, samples, lighting);
    if (Status s = use_environment(scene.environment); !s) return s.error();
    if (!shadowed.empty() && light_shadows_.maps.desc.width != kShadowMapSize) {
        Result<LightShadows> full = create_light_shadows(ctx_, pbr_, kShadowMapSize);
        if (!full) return full.error();
        ctx_.wait_idle();  // the descriptor set and the stand-in may still be in use
        light_shadows_ = std::move(full).value();
        bind_frame_textures();
    }
    write_frame_uniforms(scene, scene_bounds, float(width) / float(height), shadowed);

    VkCommandBuffer cmd = command_buffer_;
    VK_CHECK(vkResetCommandBuffer(cmd, 0));
    const VkCommandBufferBeginInfo begin{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                         .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
    VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
    if (timestamps_) {
        vkCmdResetQueryPool(cmd, timestamps_.get(), 0, 2);
        vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, timestamps_.get(), 0);
    }
    const bool shadow = scene.contact_shadow.opacity > 0.0f && !draws.empty();
    if (shadow) record_shadow_casters(cmd, contact_shadow_, pbr_, frame_set_, draws);
    // The maps change with the lights and the geometry only: a frame that moves the camera
    // (the studio's orbit, a tour's next view) keeps them.
    const std::uint64_t shadow_content = shadow_content_key(draws, shadowed, uploads_);
    if (shadow_content != 0 && shadow_content != light_shadows_.content)
        record_light_shadows(cmd, light_shadows_, pbr_, frame_set_, draws, shadowed);
    light_shadows_.content = shadow_content;
    begin_offscreen(cmd, *offscreen_, scene.background);
    const DrawView view{.camera_position = scene.camera.position,
                        .view_proj = scene.camera.projection(float(width) / float(height)) * scene.camera.view(),
                        .pixels_per_metre_at_1m =
                            float(height) / (2.0f * std::tan(glm::radians(scene.camera.vertical_fov_deg) * 0.5f)),
                        .lighting = lighting,
                        .lights = std::span<const LightReach>(light_reach_.data(), light_reach_count_)};
    record_pbr_pass(cmd, pbr_, frame_set_, draws, view, samples, [&] {
        if (shadow) record_shadow_receiver(cmd, contact_shadow_, pbr_, frame_set_, samples);
    });
    end_offscreen(cmd, *offscreen_);
    if (timestamps_) vkCmdWriteTimestamp2(cmd, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, timestamps_.get(), 1);
    return Ok{};
}

Status Renderer::submit_and_wait(VkSemaphore wait, VkSemaphore signal) {
    VK_CHECK(vkEndCommandBuffer(command_buffer_));
    const VkCommandBufferSubmitInfo cmd_info{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO,
                                             .commandBuffer = command_buffer_};
    const VkSemaphoreSubmitInfo wait_info{.sType = VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO,
                                          .semaphore = wait,
                                          .stageMask = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT};
    const VkSemaphoreSubmitInfo signal_info{.sType = VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO,
                                            .semaphore = signal,
                                            .stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT};
    const VkSubmitInfo2 submit{.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO_2,
                               .waitSemaphoreInfoCount = wait ? 1u : 0u,
                               .pWaitSemaphoreInfos = &wait_info,
                               .commandBufferInfoCount = 1,
                               .pCommandBufferInfos = &cmd_info,
                               .signalSemaphoreInfoCount = signal ? 1u : 0u,
                               .pSignalSemaphoreInfos = &signal_info};
    last_gpu_ms_.reset();
    if (Status s = ctx_.submit_and_wait_for(submit, frame_fence_); !s) return s;
    std::array<std::uint64_t, 2> ticks{};
    if (timestamps_ && vkGetQueryPoolResults(ctx_.device(), timestamps_.get(), 0, 2, sizeof(ticks), ticks.data(),
                                             sizeof(std::uint64_t), VK_QUERY_RESULT_64_BIT) == VK_SUCCESS) {
        const std::uint64_t mask = timestamp_bits_ >= 64 ? ~0ull : (1ull << timestamp_bits_) - 1;
        const std::uint64_t elapsed = ((ticks[1] & mask) - (ticks[0] & mask)) & mask;
        last_gpu_ms_ = double(elapsed) * double(ctx_.properties().limits.timestampPeriod) * 1e-6;
    }
    return Ok{};
}

Status Renderer::draw_offscreen(const scene::Scene& scene, std::uint32_t width, std::uint32_t height) {
    if (Status s = record_frame(scene, width, height, kSamples); !s) return s;
    return submit_and_wait(VK_NULL_HANDLE, VK_NULL_HANDLE);
}

Status Renderer::draw_and_read_back(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                                    bool multisample) {
    if (Status s = record_frame(scene, width, height, multisample ? kSamples : VK_SAMPLE_COUNT_1_BIT); !s) return s;
    copy_to_readback(command_buffer_, *offscreen_);
    return submit_and_wait(VK_NULL_HANDLE, VK_NULL_HANDLE);
}

Result<Pixels> Renderer::render_offscreen(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                                          bool multisample) {
    if (Status s = draw_and_read_back(scene, width, height, multisample); !s) return s.error();
    return Pixels{width, height, read_pixels(*offscreen_, half_tables_), {}};
}

Result<LinearPixels> Renderer::render_linear(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                                             bool multisample) {
    if (Status s = draw_and_read_back(scene, width, height, multisample); !s) return s.error();
    return LinearPixels{width, height, read_linear(*offscreen_)};
}

Result<Renderer::Presented> Renderer::render_to_window(const scene::Scene& scene, Swapchain& swapchain,
                                                       const WindowFrame& frame) {
    const VkExtent2D window = swapchain.extent();
    VkRect2D area = frame.viewport;
    if (area.extent.width == 0 || area.extent.height == 0) area = {{0, 0}, window};
    // Clip the viewport to the window: a panel layout may ask for more than is there.
    area.offset.x = std::clamp(area.offset.x, 0, std::int32_t(window.width) - 1);
    area.offset.y = std::clamp(area.offset.y, 0, std::int32_t(window.height) - 1);
    area.extent.width = std::clamp(area.extent.width, 1u, window.width - std::uint32_t(area.offset.x));
    area.extent.height = std::clamp(area.extent.height, 1u, window.height - std::uint32_t(area.offset.y));
    if (frame.screenshot && !swapchain.readable())
        return failure("window", "this device cannot read the window back for a screenshot");
    if (ctx_.lost()) return ctx_.lost_error();
    if (frame.screenshot) {
        const VkDeviceSize bytes = VkDeviceSize(window.width) * window.height * 4;
        if (window_readback_.size < bytes) {
            Result<Buffer> readback = create_buffer(ctx_, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Readback);
            if (!readback) return readback.error();
            window_readback_ = std::move(readback).value();
        }
    }

    // A finite wait, as for every fence: a hung GPU ends in an error, not a frozen window.
    std::uint32_t index = 0;
    VkResult acquired = vkAcquireNextImageKHR(ctx_.device(), swapchain.handle(), ctx_.gpu_timeout_ns(),
                                              swapchain.image_acquired(), VK_NULL_HANDLE, &index);
    if (acquired == VK_ERROR_OUT_OF_DATE_KHR) return Presented::Outdated;
    if (acquired != VK_SUCCESS && acquired != VK_SUBOPTIMAL_KHR)
        return ctx_.failure_of(acquired, "acquiring a window image");

    // A draft is drawn smaller, in the same aspect, and stretched over the viewport by the blit.
    const float resolution = std::clamp(std::isfinite(frame.resolution) ? frame.resolution : 1.0f, 0.05f, 1.0f);
    const VkExtent2D drawn{std::max(1u, std::uint32_t(std::lround(float(area.extent.width) * resolution))),
                           std::max(1u, std::uint32_t(std::lround(float(area.extent.height) * resolution)))};
    if (Status s = record_frame(scene, drawn.width, drawn.height, kSamples); !s) return s.error();
    VkCommandBuffer cmd = command_buffer_;
    const VkImage target = swapchain.image(index);
    barrier(cmd, {.image = target, .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                  .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT});
    const bool covers_window = area.extent.width == window.width && area.extent.height == window.height;
    if (!covers_window) {
        const VkClearColorValue clear{{frame.surround.r, frame.surround.g, frame.surround.b, 1.0f}};
        const VkImageSubresourceRange all{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        vkCmdClearColorImage(cmd, target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &clear, 1, &all);
        barrier(cmd, {.image = target, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                      .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT});
    }
    const std::int32_t x0 = area.offset.x, y0 = area.offset.y;
    const VkImageBlit blit{
        .srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1},
        .srcOffsets = {{0, 0, 0}, {std::int32_t(drawn.width), std::int32_t(drawn.height), 1}},
        .dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1},
        .dstOffsets = {{x0, y0, 0},
                       {x0 + std::int32_t(area.extent.width), y0 + std::int32_t(area.extent.height), 1}}};
    vkCmdBlitImage(cmd, offscreen_->resolved.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, target,
                   VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit,
                   drawn.width == area.extent.width && drawn.height == area.extent.height ? VK_FILTER_NEAREST
                                                                                          : VK_FILTER_LINEAR);
    VkImageLayout layout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    VkPipelineStageFlags2 last_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;
    VkAccessFlags2 last_access = VK_ACCESS_2_TRANSFER_WRITE_BIT;
    if (frame.overlay) {
        barrier(cmd, {.image = target, .from = layout, .to = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                      .src_stage = last_stage, .src_access = last_access,
                      .dst_stage = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                      .dst_access = VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
        frame.overlay(cmd, index);
        layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        last_stage = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT;
        last_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT;
    }
    if (frame.screenshot) {
        barrier(cmd, {.image = target, .from = layout, .to = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                      .src_stage = last_stage, .src_access = last_access,
                      .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, .dst_access = VK_ACCESS_2_TRANSFER_READ_BIT});
        copy_image_to_host(cmd, target, window, window_readback_.buffer);
        layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        last_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;
        last_access = VK_ACCESS_2_NONE;  // a read: nothing to make available
    }
    barrier(cmd, {.image = target, .from = layout, .to = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                  .src_stage = last_stage, .src_access = last_access});
    if (Status s = submit_and_wait(swapchain.image_acquired(), swapchain.render_done(index)); !s) return s.error();
    if (frame.screenshot) {
        Pixels& shot = *frame.screenshot;
        shot = Pixels{window.width, window.height, std::vector<std::uint8_t>(std::size_t(window.width) * window.height * 4)};
        std::memcpy(shot.rgba8.data(), window_readback_.mapped, shot.rgba8.size());
        if (swapchain.format() == VK_FORMAT_B8G8R8A8_SRGB)
            for (std::size_t i = 0; i < shot.rgba8.size(); i += 4) std::swap(shot.rgba8[i], shot.rgba8[i + 2]);
        for (std::size_t i = 3; i < shot.rgba8.size(); i += 4) shot.rgba8[i] = 255;  // the window is opaque
    }

    const VkSemaphore done = swapchain.render_done(index);
    const VkSwapchainKHR handle = swapchain.handle();
    const VkPresentInfoKHR present{.sType = VK_STRUCTURE_TYPE_PRESENT_INFO_KHR,
                                   .waitSemaphoreCount = 1,
                                   .pWaitSemaphores = &done,
                                   .swapchainCount = 1,
                                   .pSwapchains = &handle,
                                   .pImageIndices = &index};
    const VkResult presented = vkQueuePresentKHR(ctx_.queue(), &present);
    if (presented == VK_ERROR_OUT_OF_DATE_KHR || presented == VK_SUBOPTIMAL_KHR) return Presented::Outdated;
    if (presented != VK_SUCCESS)
        return ctx_.failure_of(presented, "showing the frame");
    return Presented::Shown;
}

}  // namespace ocop::render
