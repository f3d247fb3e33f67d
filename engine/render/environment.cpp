#include "render/environment.h"

#include <algorithm>
#include <cstring>

#include <glm/gtc/packing.hpp>

#include "render/context.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace environment_upload {

// One mip level's pixels, already converted to half floats, at `offset` in the staging buffer.
struct Level {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    VkDeviceSize offset = 0;
};

// Half floats hold up to 65504: a sun in an HDRI can exceed it, and would become infinity.
std::uint16_t to_half(float v) { return glm::packHalf1x16(std::clamp(v, 0.0f, 65000.0f)); }

Result<Image> upload_levels(const Context& ctx, const std::vector<std::vector<float>>& rgba,
                            const std::vector<Level>& levels) {
    VkDeviceSize bytes = 0;
    for (const std::vector<float>& level : rgba) bytes += level.size() * sizeof(std::uint16_t);
    Result<Buffer> staging = create_buffer(ctx, bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Upload);
    if (!staging) return staging.error();
    auto* dst = static_cast<std::uint16_t*>(staging->mapped);
    for (const std::vector<float>& level : rgba)
        for (float v : level) *dst++ = to_half(v);
    Result<Image> created = create_image(ctx, {.width = levels[0].width,
                                               .height = levels[0].height,
                                               .format = VK_FORMAT_R16G16B16A16_SFLOAT,
                                               .usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                               .mip_levels = static_cast<std::uint32_t>(levels.size())});
    if (!created) return created.error();
    Image image = std::move(created).value();
    std::vector<VkBufferImageCopy> regions;
    for (std::size_t i = 0; i < levels.size(); ++i)
        regions.push_back({.bufferOffset = levels[i].offset,
                           .imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, static_cast<std::uint32_t>(i), 0, 1},
                           .imageExtent = {levels[i].width, levels[i].height, 1}});
    const Status uploaded = ctx.run_one_time([&](VkCommandBuffer cmd) {
        barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_UNDEFINED,
                      .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                      .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT});
        vkCmdCopyBufferToImage(cmd, staging->buffer, image.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                               static_cast<std::uint32_t>(regions.size()), regions.data());
        barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT,
                      .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
    });
    if (!uploaded) return uploaded.error();
    return image;
}

Owned<VkSampler> sampler(const Context& ctx, VkSamplerAddressMode u, VkSamplerAddressMode v) {
    const VkSamplerCreateInfo info{.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO,
                                   .magFilter = VK_FILTER_LINEAR,
                                   .minFilter = VK_FILTER_LINEAR,
                                   .mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR,
                                   .addressModeU = u,
                                   .addressModeV = v,
                                   .addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE,
                                   .maxLod = VK_LOD_CLAMP_NONE};
    VkSampler s;
    VK_CHECK(vkCreateSampler(ctx.device(), &info, nullptr, &s));
    return {ctx.device(), s, vkDestroySampler};
}

}  // namespace environment_upload

// A chain of levels as one mip-mapped image; BadInput when they do not halve in size.
Result<Image> upload_chain(const Context& ctx, const std::vector<EnvironmentLevel>& chain, const std::string& what) {
    using namespace environment_upload;
    if (chain.empty()) return bad_input("environment", "the bake holds no " + what + " levels");
    std::vector<Level> levels;
    std::vector<std::vector<float>> pixels;
    VkDeviceSize offset = 0;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const EnvironmentLevel& l = chain[i];
        const auto expected_w = std::max(1, chain[0].width >> i);
        const auto expected_h = std::max(1, chain[0].height >> i);
        if (l.width != expected_w || l.height != expected_h ||
            l.rgba.size() != std::size_t(l.width) * std::size_t(l.height) * 4)
            return bad_input("environment", what + " level " + std::to_string(i) + " is " + std::to_string(l.width) +
                                                "x" + std::to_string(l.height) + ", not a mip of level 0");
        levels.push_back({static_cast<std::uint32_t>(l.width), static_cast<std::uint32_t>(l.height), offset});
        offset += l.rgba.size() * sizeof(std::uint16_t);
        pixels.push_back(l.rgba);
    }
    return upload_levels(ctx, pixels, levels);
}

Result<GpuEnvironment> upload_environment(const Context& ctx, const BakedEnvironment& baked) {
    GpuEnvironment gpu;
    Result<Image> specular = upload_chain(ctx, baked.levels, "specular");
    if (!specular) return specular.error();
    gpu.specular = std::move(specular).value();
    Result<Image> sheen = upload_chain(ctx, baked.sheen, "sheen");
    if (!sheen) return sheen.error();
    gpu.sheen = std::move(sheen).value();
    gpu.sh = baked.sh;
    gpu.levels = gpu.specular.desc.mip_levels;
    return gpu;
}

Result<GpuEnvironment> empty_environment(const Context& ctx) {
    using namespace environment_upload;
    GpuEnvironment gpu;
    Result<Image> specular = upload_levels(ctx, {{0.0f, 0.0f, 0.0f, 1.0f}}, {{1, 1, 0}});
    if (!specular) return specular.error();
    gpu.specular = std::move(specular).value();
    Result<Image> sheen = upload_levels(ctx, {{0.0f, 0.0f, 0.0f, 1.0f}}, {{1, 1, 0}});
    if (!sheen) return sheen.error();
    gpu.sheen = std::move(sheen).value();
    return gpu;
}

Result<Image> upload_brdf_lut(const Context& ctx, const std::vector<glm::vec3>& lut, std::uint32_t size) {
    using namespace environment_upload;
    std::vector<float> rgba;
    rgba.reserve(lut.size() * 4);
    for (const glm::vec3& v : lut) rgba.insert(rgba.end(), {v.x, v.y, v.z, 1.0f});
    return upload_levels(ctx, {rgba}, {{size, size, 0}});
}

Owned<VkSampler> create_environment_sampler(const Context& ctx) {
    return environment_upload::sampler(ctx, VK_SAMPLER_ADDRESS_MODE_REPEAT, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE);
}

Owned<VkSampler> create_lut_sampler(const Context& ctx) {
    return environment_upload::sampler(ctx, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE,
                                       VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE);
}

}  // namespace ocop::render
