// Owners for Vulkan objects (move-only, destroyed in the destructor) and the one barrier helper.
// Memory is allocated per resource: a product scene holds tens of resources, not thousands.
#pragma once

#include <cstdint>
#include <utility>

#include <vulkan/vulkan.h>

#include "core/result.h"

namespace ocop::render {

class Context;

// Any object destroyed by vkDestroyX(device, handle, allocator).
template <typename Handle>
class Owned {
public:
    using Destroy = void (*)(VkDevice, Handle, const VkAllocationCallbacks*);
    Owned() = default;
    Owned(VkDevice device, Handle handle, Destroy destroy) : device_(device), handle_(handle), destroy_(destroy) {}
    Owned(Owned&& o) noexcept { *this = std::move(o); }
    Owned& operator=(Owned&& o) noexcept {
        if (this != &o) {
            reset();
            device_ = std::exchange(o.device_, VK_NULL_HANDLE);
            handle_ = std::exchange(o.handle_, VK_NULL_HANDLE);
            destroy_ = o.destroy_;
        }
        return *this;
    }
    Owned(const Owned&) = delete;
    Owned& operator=(const Owned&) = delete;
    ~Owned() { reset(); }

    Handle get() const { return handle_; }
    operator Handle() const { return handle_; }  // NOLINT: reads like the raw handle in Vk calls
    void reset() {
        if (handle_ != VK_NULL_HANDLE) destroy_(device_, handle_, nullptr);
        handle_ = VK_NULL_HANDLE;
    }

private:
    VkDevice device_ = VK_NULL_HANDLE;
    Handle handle_ = VK_NULL_HANDLE;
    Destroy destroy_ = nullptr;
};

struct Buffer {
    Owned<VkBuffer> buffer;
    Owned<VkDeviceMemory> memory;
    void* mapped = nullptr;  // host-visible buffers stay mapped for their lifetime
    VkDeviceSize size = 0;
};

enum class MemoryUse { Device, Upload, Readback };

// A Failure (Context::failure_of) when the device is out of memory or lost.
Result<Buffer> create_buffer(const Context& ctx, VkDeviceSize size, VkBufferUsageFlags usage, MemoryUse use);

struct ImageDesc {
    std::uint32_t width = 1;
    std::uint32_t height = 1;
    VkFormat format = VK_FORMAT_R8G8B8A8_UNORM;
    VkImageUsageFlags usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
    std::uint32_t mip_levels = 1;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
    std::uint32_t layers = 1;  // more than one: an array image, viewed as a 2D array
};

struct Image {
    Owned<VkImage> image;
    Owned<VkDeviceMemory> memory;
    Owned<VkImageView> view;
    ImageDesc desc;
};

// A Failure when the device is out of memory or lost.
Result<Image> create_image(const Context& ctx, const ImageDesc& desc);

std::uint32_t mip_count(std::uint32_t width, std::uint32_t height);

// One synchronization2 image barrier over all mip levels from `first_mip` (count 0 = the rest).
struct ImageBarrier {
    VkImage image = VK_NULL_HANDLE;
    VkImageAspectFlags aspect = VK_IMAGE_ASPECT_COLOR_BIT;
    VkImageLayout from = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImageLayout to = VK_IMAGE_LAYOUT_UNDEFINED;
    VkPipelineStageFlags2 src_stage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 src_access = VK_ACCESS_2_NONE;
    VkPipelineStageFlags2 dst_stage = VK_PIPELINE_STAGE_2_NONE;
    VkAccessFlags2 dst_access = VK_ACCESS_2_NONE;
    std::uint32_t first_mip = 0;
    std::uint32_t mip_count = VK_REMAINING_MIP_LEVELS;
};

void barrier(VkCommandBuffer cmd, const ImageBarrier& b);

}  // namespace ocop::render
