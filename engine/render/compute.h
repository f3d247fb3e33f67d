// Compute shaders for work done once rather than every frame (the image-based light's bake, the
// BRDF table): a pipeline whose set 0 holds storage buffers and sampled images at bindings
// 0, 1, ... and whose push constants are a plain struct.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "render/resources.h"

namespace ocop::render {

class Context;

enum class ComputeBinding { StorageBuffer, SampledImage };

struct ComputePipeline {
    Owned<VkDescriptorSetLayout> set_layout;
    Owned<VkPipelineLayout> layout;
    Owned<VkPipeline> pipeline;
    std::vector<ComputeBinding> bindings;
};

ComputePipeline create_compute_pipeline(const Context& ctx, std::span<const std::uint32_t> spirv,
                                        std::span<const ComputeBinding> bindings, std::uint32_t push_bytes);

// A pool for `sets` descriptor sets with at most `storage_buffers` and `sampled_images` in all.
Owned<VkDescriptorPool> create_compute_pool(const Context& ctx, std::uint32_t sets, std::uint32_t storage_buffers,
                                            std::uint32_t sampled_images);

// What one binding of a set holds: a whole buffer, or an image view with its sampler.
struct BoundResource {
    VkBuffer buffer = VK_NULL_HANDLE;
    VkImageView view = VK_NULL_HANDLE;
    VkSampler sampler = VK_NULL_HANDLE;
};

// A set of `pipeline`'s layout, from `pool`, with `resources` at bindings 0, 1, ... (a sampled
// image in SHADER_READ_ONLY_OPTIMAL).
VkDescriptorSet compute_set(const Context& ctx, VkDescriptorPool pool, const ComputePipeline& pipeline,
                            std::span<const BoundResource> resources);

// Binds `pipeline` with `set`, pushes `push` and dispatches `groups`.
void dispatch(VkCommandBuffer cmd, const ComputePipeline& pipeline, VkDescriptorSet set, const void* push,
              std::uint32_t push_bytes, std::uint32_t groups_x, std::uint32_t groups_y = 1);

// Makes the memory writes of `src` (stage, access) before it visible to `dst` after it.
void memory_barrier(VkCommandBuffer cmd, VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access,
                    VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access);

}  // namespace ocop::render
