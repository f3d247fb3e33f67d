#include "render/compute.h"

#include <vector>

#include "render/context.h"
#include "render/shaders.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace {

VkDescriptorType descriptor_type(ComputeBinding binding) {
    return binding == ComputeBinding::StorageBuffer ? VK_DESCRIPTOR_TYPE_STORAGE_BUFFER
                                                    : VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
}

}  // namespace

ComputePipeline create_compute_pipeline(const Context& ctx, std::span<const std::uint32_t> spirv,
                                        std::span<const ComputeBinding> bindings, std::uint32_t push_bytes) {
    ComputePipeline out;
    out.bindings.assign(bindings.begin(), bindings.end());
    std::vector<VkDescriptorSetLayoutBinding> layout_bindings;
    for (std::size_t i = 0; i < bindings.size(); ++i)
        layout_bindings.push_back({static_cast<std::uint32_t>(i), descriptor_type(bindings[i]), 1,
                                   VK_SHADER_STAGE_COMPUTE_BIT, nullptr});
    const VkDescriptorSetLayoutCreateInfo set_info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
                                                   .bindingCount = static_cast<std::uint32_t>(layout_bindings.size()),
                                                   .pBindings = layout_bindings.data()};
    VkDescriptorSetLayout set_layout;
    VK_CHECK(vkCreateDescriptorSetLayout(ctx.device(), &set_info, nullptr, &set_layout));
    out.set_layout = {ctx.device(), set_layout, vkDestroyDescriptorSetLayout};

    const VkPushConstantRange push{VK_SHADER_STAGE_COMPUTE_BIT, 0, push_bytes};
    const VkPipelineLayoutCreateInfo layout_info{.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
                                                 .setLayoutCount = 1,
                                                 .pSetLayouts = &set_layout,
                                                 .pushConstantRangeCount = push_bytes > 0 ? 1u : 0u,
                                                 .pPushConstantRanges = &push};
    VkPipelineLayout layout;
    VK_CHECK(vkCreatePipelineLayout(ctx.device(), &layout_info, nullptr, &layout));
    out.layout = {ctx.device(), layout, vkDestroyPipelineLayout};

    const Owned<VkShaderModule> module = shaders::module(ctx, spirv);
    const VkComputePipelineCreateInfo info{
        .sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
        .stage = {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
                  .stage = VK_SHADER_STAGE_COMPUTE_BIT,
                  .module = module,
                  .pName = "main"},
        .layout = layout};
    VkPipeline pipeline;
    VK_CHECK(vkCreateComputePipelines(ctx.device(), VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
    out.pipeline = {ctx.device(), pipeline, vkDestroyPipeline};
    return out;
}

Owned<VkDescriptorPool> create_compute_pool(const Context& ctx, std::uint32_t sets, std::uint32_t storage_buffers,
                                            std::uint32_t sampled_images) {
    std::vector<VkDescriptorPoolSize> sizes;
    if (storage_buffers > 0) sizes.push_back({VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, storage_buffers});
    if (sampled_images > 0) sizes.push_back({VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, sampled_images});
    const VkDescriptorPoolCreateInfo info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
                                          .maxSets = sets,
                                          .poolSizeCount = static_cast<std::uint32_t>(sizes.size()),
                                          .pPoolSizes = sizes.data()};
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(ctx.device(), &info, nullptr, &pool));
    return {ctx.device(), pool, vkDestroyDescriptorPool};
}

VkDescriptorSet compute_set(const Context& ctx, VkDescriptorPool pool, const ComputePipeline& pipeline,
                            std::span<const BoundResource> resources) {
    const VkDescriptorSetLayout layout = pipeline.set_layout;
    const VkDescriptorSetAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
                                            .descriptorPool = pool,
                                            .descriptorSetCount = 1,
                                            .pSetLayouts = &layout};
    VkDescriptorSet set;
    VK_CHECK(vkAllocateDescriptorSets(ctx.device(), &alloc, &set));
    // Sized up front: the writes point into these.
    std::vector<VkDescriptorBufferInfo> buffers(resources.size());
    std::vector<VkDescriptorImageInfo> images(resources.size());
    std::vector<VkWriteDescriptorSet> writes;
    for (std::size_t i = 0; i < resources.size() && i < pipeline.bindings.size(); ++i) {
        VkWriteDescriptorSet write{.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
                                   .dstSet = set,
                                   .dstBinding = static_cast<std::uint32_t>(i),
                                   .descriptorCount = 1,
                                   .descriptorType = descriptor_type(pipeline.bindings[i])};
        if (pipeline.bindings[i] == ComputeBinding::StorageBuffer) {
            buffers[i] = {resources[i].buffer, 0, VK_WHOLE_SIZE};
            write.pBufferInfo = &buffers[i];
        } else {
            images[i] = {resources[i].sampler, resources[i].view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            write.pImageInfo = &images[i];
        }
        writes.push_back(write);
    }
    vkUpdateDescriptorSets(ctx.device(), static_cast<std::uint32_t>(writes.size()), writes.data(), 0, nullptr);
    return set;
}

void dispatch(VkCommandBuffer cmd, const ComputePipeline& pipeline, VkDescriptorSet set, const void* push,
              std::uint32_t push_bytes, std::uint32_t groups_x, std::uint32_t groups_y) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.pipeline);
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline.layout, 0, 1, &set, 0, nullptr);
    if (push_bytes > 0) vkCmdPushConstants(cmd, pipeline.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, push_bytes, push);
    vkCmdDispatch(cmd, groups_x, groups_y, 1);
}

void memory_barrier(VkCommandBuffer cmd, VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access,
                    VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access) {
    const VkMemoryBarrier2 barrier{.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER_2,
                                   .srcStageMask = src_stage,
                                   .srcAccessMask = src_access,
                                   .dstStageMask = dst_stage,
                                   .dstAccessMask = dst_access};
    const VkDependencyInfo dependency{.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO,
                                      .memoryBarrierCount = 1,
                                      .pMemoryBarriers = &barrier};
    vkCmdPipelineBarrier2(cmd, &dependency);
}

}  // namespace ocop::render
