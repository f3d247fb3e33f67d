#include "render/offscreen.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include <glm/gtc/packing.hpp>

#include "core/colour.h"
#include "render/context.h"

namespace ocop::render {

Result<OffscreenTarget> create_offscreen_target(const Context& ctx, std::uint32_t width, std::uint32_t height,
                                                VkSampleCountFlagBits samples) {
    const std::uint32_t max = ctx.properties().limits.maxImageDimension2D;
    if (width == 0 || height == 0 || width > max || height > max)
        return bad_input("--size", std::to_string(width) + "x" + std::to_string(height) +
                                       " is outside 1.." + std::to_string(max) + " pixels a side on " +
                                       ctx.device_name());
    OffscreenTarget t;
    t.width = width;
    t.height = height;
    t.samples = samples;
    if (samples != VK_SAMPLE_COUNT_1_BIT) {
        Result<Image> colour = create_image(ctx, {.width = width, .height = height, .format = kColourFormat,
                                                  .usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                                                           VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                                                  .samples = samples});
        if (!colour) return colour.error();
        t.colour_msaa = std::move(colour).value();
    }
    Result<Image> depth = create_image(ctx, {.width = width, .height = height, .format = kDepthFormat,
                                             .usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT |
                                                      VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                                             .samples = samples, .aspect = VK_IMAGE_ASPECT_DEPTH_BIT});
    if (!depth) return depth.error();
    t.depth_msaa = std::move(depth).value();
    Result<Image> resolved = create_image(
        ctx, {.width = width, .height = height, .format = kColourFormat,
              .usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT});
    if (!resolved) return resolved.error();
    t.resolved = std::move(resolved).value();
    Result<Buffer> readback = create_buffer(ctx, VkDeviceSize(width) * height * 8, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                            MemoryUse::Readback);
    if (!readback) return readback.error();
    t.readback = std::move(readback).value();
    return t;
}

void begin_offscreen(VkCommandBuffer cmd, const OffscreenTarget& t, const glm::vec4& clear) {
    constexpr auto kColourOut = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT;
    constexpr auto kDepthStages =
        VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT;
    // The images' old contents are discarded (UNDEFINED); wait on the previous frame's use of them.
    const bool msaa = t.samples != VK_SAMPLE_COUNT_1_BIT;
    if (msaa)
        barrier(cmd, {.image = t.colour_msaa.image, .to = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                      .src_stage = kColourOut, .src_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT,
                      .dst_stage = kColourOut, .dst_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    barrier(cmd, {.image = t.resolved.image, .to = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, .src_access = VK_ACCESS_2_TRANSFER_READ_BIT,
                  .dst_stage = kColourOut, .dst_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    barrier(cmd, {.image = t.depth_msaa.image, .aspect = VK_IMAGE_ASPECT_DEPTH_BIT,
                  .to = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL, .src_stage = kDepthStages,
                  .src_access = VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT, .dst_stage = kDepthStages,
                  .dst_access = VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT |
                                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT});

    const VkRenderingAttachmentInfo colour{
        .sType = VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO,
        .imageView = msaa ? t.colour_msaa.view.get() : t.resolved.view.get(),
        .imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
        .resolveMode = msaa ? VK_RESOLVE_MODE_AVERAGE_BIT : VK_RESOLVE_MODE_NONE,
        .resolveImageView = msaa ? t.resolved.view.get() : VK_NULL_HANDLE,
        .resolveImageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
        .loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR,
        .storeOp = msaa ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE,
        .clearValue = {.color = {{clear.r, clear.g, clear.b, clear.a}}}};
    const VkRenderingAttachmentInfo depth{
        .sType = VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO,
        .imageView = t.depth_msaa.view,
        .imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
        .loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR,
        .storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE,
        .clearValue = {.depthStencil = {1.0f, 0}}};
    const VkRenderingInfo info{.sType = VK_STRUCTURE_TYPE_RENDERING_INFO,
                               .renderArea = {{0, 0}, {t.width, t.height}},
                               .layerCount = 1,
                               .colorAttachmentCount = 1,
                               .pColorAttachments = &colour,
                               .pDepthAttachment = &depth};
    vkCmdBeginRendering(cmd, &info);
    const VkViewport viewport{0.0f, 0.0f, float(t.width), float(t.height), 0.0f, 1.0f};
    const VkRect2D scissor{{0, 0}, {t.width, t.height}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
}

void end_offscreen(VkCommandBuffer cmd, const OffscreenTarget& t) {
    vkCmdEndRendering(cmd);
    barrier(cmd, {.image = t.resolved.image, .from = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                  .to = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                  .src_access = VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                  .dst_access = VK_ACCESS_2_TRANSFER_READ_BIT});
}

void copy_image_to_host(VkCommandBuffer cmd, VkImage image, VkExtent2D extent, VkBuffer buffer) {
    const VkBufferImageCopy region{.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1},
                                   .imageExtent = {extent.width, extent.height, 1}};
    vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1,
                           &region);
    const VkBufferMemoryBarrier2 to_host{.sType = VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2,
                                         .srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT,
                                         .srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT,
                                         .dstStageMask = VK_PIPELINE_STAGE_2_HOST_BIT,
                                         .dstAccessMask = VK_ACCESS_2_HOST_READ_BIT,
                                         .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
                                         .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
                                         .buffer = buffer,
                                         .size = VK_WHOLE_SIZE};
    const VkDependencyInfo dep{.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO,
                               .bufferMemoryBarrierCount = 1,
                               .pBufferMemoryBarriers = &to_host};
    vkCmdPipelineBarrier2(cmd, &dep);
}

void copy_to_readback(VkCommandBuffer cmd, const OffscreenTarget& t) {
    copy_image_to_host(cmd, t.resolved.image, {t.width, t.height}, t.readback.buffer);
}

HalfTables make_half_tables() {
    HalfTables t;
    t.linear.resize(65536);
    t.srgb8.resize(65536);
    t.srgb16.resize(65536);
    t.unorm8.resize(65536);
    for (std::uint32_t h = 0; h < 65536; ++h) {
        const float v = glm::unpackHalf1x16(static_cast<std::uint16_t>(h));
        t.linear[h] = std::isnan(v) ? 0.0f : v;
        const float unit = std::clamp(t.linear[h], 0.0f, 1.0f);
        const float encoded = linear_to_srgb(unit);
        t.srgb8[h] = static_cast<std::uint8_t>(std::lround(encoded * 255.0f));
        t.srgb16[h] = static_cast<std::uint16_t>(std::lround(encoded * 65535.0f));
        t.unorm8[h] = static_cast<std::uint8_t>(std::lround(unit * 255.0f));
    }
    return t;
}

std::span<const std::uint16_t> read_linear(const OffscreenTarget& t) {
    return {static_cast<const std::uint16_t*>(t.readback.mapped), std::size_t(t.width) * t.height * 4};
}

std::vector<std::uint8_t> read_pixels(const OffscreenTarget& t, const HalfTables& tables) {
    const auto* halves = static_cast<const std::uint16_t*>(t.readback.mapped);
    std::vector<std::uint8_t> pixels(std::size_t(t.width) * t.height * 4);
    for (std::size_t i = 0; i < pixels.size(); i += 4) {
        pixels[i] = tables.srgb8[halves[i]];
        pixels[i + 1] = tables.srgb8[halves[i + 1]];
        pixels[i + 2] = tables.srgb8[halves[i + 2]];
        pixels[i + 3] = tables.unorm8[halves[i + 3]];
    }
    return pixels;
}

}  // namespace ocop::render
