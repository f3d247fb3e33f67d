#include "render/resources.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <string>

#include "render/context.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace {

std::string megabytes(VkDeviceSize bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", double(bytes) / double(1 << 20));
    return text;
}

Result<Owned<VkDeviceMemory>> allocate(const Context& ctx, const VkMemoryRequirements& req,
                                       VkMemoryPropertyFlags want, VkMemoryPropertyFlags fallback) {
    std::uint32_t type = ctx.find_memory_type(req.memoryTypeBits, want);
    if (type == UINT32_MAX) type = ctx.find_memory_type(req.memoryTypeBits, fallback);
    if (type == UINT32_MAX) VK_CHECK(VK_ERROR_FEATURE_NOT_PRESENT);  // every device has these
    const VkMemoryAllocateInfo info{.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
                                    .allocationSize = req.size,
                                    .memoryTypeIndex = type};
    VkDeviceMemory memory;
    if (const VkResult r = ctx.allocate_memory(info, &memory); r != VK_SUCCESS)
        return ctx.failure_of(r, "allocating " + megabytes(req.size));
    return Owned<VkDeviceMemory>{ctx.device(), memory, vkFreeMemory};
}

}  // namespace

Result<Buffer> create_buffer(const Context& ctx, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUse use) {
    if (ctx.lost()) return ctx.lost_error();
    Buffer out;
    out.size = size;
    const VkBufferCreateInfo info{.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
                                  .size = std::max<VkDeviceSize>(size, 4),
                                  .usage = usage,
                                  .sharingMode = VK_SHARING_MODE_EXCLUSIVE};
    VkBuffer buffer;
    if (const VkResult r = vkCreateBuffer(ctx.device(), &info, nullptr, &buffer); r != VK_SUCCESS)
        return ctx.failure_of(r, "creating a buffer of " + megabytes(size));
    out.buffer = {ctx.device(), buffer, vkDestroyBuffer};
    VkMemoryRequirements req;
    vkGetBufferMemoryRequirements(ctx.device(), buffer, &req);
    constexpr VkMemoryPropertyFlags host = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    Result<Owned<VkDeviceMemory>> memory = failure("", "");
    switch (use) {
        case MemoryUse::Device: memory = allocate(ctx, req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0); break;
        case MemoryUse::Upload: memory = allocate(ctx, req, host, host); break;
        case MemoryUse::Readback:
            // Cached memory makes the CPU's read of a photo fast; coherent keeps it simple.
            memory = allocate(ctx, req, host | VK_MEMORY_PROPERTY_HOST_CACHED_BIT, host);
            break;
    }
    if (!memory) return memory.error();
    out.memory = std::move(memory).value();
    VK_CHECK(vkBindBufferMemory(ctx.device(), buffer, out.memory, 0));
    if (use != MemoryUse::Device)
        if (const VkResult r = vkMapMemory(ctx.device(), out.memory, 0, VK_WHOLE_SIZE, 0, &out.mapped); r != VK_SUCCESS)
            return ctx.failure_of(r, "mapping " + megabytes(size));
    return out;
}

Result<Image> create_image(const Context& ctx, const ImageDesc& desc) {
    if (ctx.lost()) return ctx.lost_error();
    Image out;
    out.desc = desc;
    const VkImageCreateInfo info{.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
                                 .imageType = VK_IMAGE_TYPE_2D,
                                 .format = desc.format,
                                 .extent = {desc.width, desc.height, 1},
                                 .mipLevels = desc.mip_levels,
                                 .arrayLayers = desc.layers,
                                 .samples = desc.samples,
                                 .tiling = VK_IMAGE_TILING_OPTIMAL,
                                 .usage = desc.usage,
                                 .sharingMode = VK_SHARING_MODE_EXCLUSIVE,
                                 .initialLayout = VK_IMAGE_LAYOUT_UNDEFINED};
    VkImage image;
    if (const VkResult r = vkCreateImage(ctx.device(), &info, nullptr, &image); r != VK_SUCCESS)
        return ctx.failure_of(r, "creating a " + std::to_string(desc.width) + "x" + std::to_string(desc.height) + " image");
    out.image = {ctx.device(), image, vkDestroyImage};
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(ctx.device(), image, &req);
    Result<Owned<VkDeviceMemory>> memory = allocate(ctx, req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0);
    if (!memory) return memory.error();
    out.memory = std::move(memory).value();
    VK_CHECK(vkBindImageMemory(ctx.device(), image, out.memory, 0));
    const VkImageViewCreateInfo view_info{
        .sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
        .image = image,
        .viewType = desc.layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D,
        .format = desc.format,
        .subresourceRange = {desc.aspect, 0, desc.mip_levels, 0, desc.layers}};
    VkImageView view;
    VK_CHECK(vkCreateImageView(ctx.device(), &view_info, nullptr, &view));
    out.view = {ctx.device(), view, vkDestroyImageView};
    return out;
}

std::uint32_t mip_count(std::uint32_t width, std::uint32_t height) {
    return static_cast<std::uint32_t>(std::bit_width(std::max(width, height)));
}

void barrier(VkCommandBuffer cmd, const ImageBarrier& b) {
    const VkImageMemoryBarrier2 image_barrier{
        .sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2,
        .srcStageMask = b.src_stage,
        .srcAccessMask = b.src_access,
        .dstStageMask = b.dst_stage,
        .dstAccessMask = b.dst_access,
        .oldLayout = b.from,
        .newLayout = b.to,
        .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
        .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
        .image = b.image,
        .subresourceRange = {b.aspect, b.first_mip, b.mip_count, 0, VK_REMAINING_ARRAY_LAYERS}};
    const VkDependencyInfo dep{.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO,
                               .imageMemoryBarrierCount = 1,
                               .pImageMemoryBarriers = &image_barrier};
    vkCmdPipelineBarrier2(cmd, &dep);
}

}  // namespace ocop::render
