#include "render/environment_bake_gpu.h"

#include <array>
#include <cstring>

#include "render/compute.h"
#include "render/context.h"
#include "render/environment.h"
#include "render/environment_bake_steps.h"
#include "render/resources.h"
#include "render/shaders.h"

// Named, not anonymous: the unity build puts every render source in one translation unit.
namespace ocop::render::environment_bake_gpu {

// The push constants of shaders/ibl_sample_rows.comp and ibl_prefilter.comp
// (shaders/ibl_prefilter_push.glsl), in their order.
struct PrefilterPush {
    std::int32_t width = 0;
    std::int32_t height = 0;
    std::int32_t first_texel = 0;
    std::int32_t first_entry = 0;
    std::int32_t samples = 0;
    float roughness = 0.0f;
    float texel_solid_angle = 0.0f;
    float lod_bias = 0.0f;
    std::int32_t first_lod = 0;
    std::int32_t top_lod = 0;
    std::int32_t lobe = 0;  // a Lobe
};

// shaders/ibl_prefilter_push.glsl's kLobeGgx and kLobeCharlie.
enum class Lobe : std::int32_t { Ggx = 0, Charlie = 1 };

// shaders/brdf_lut.comp's.
struct LutPush {
    std::int32_t size = 0;
    std::int32_t ggx_samples = 0;
    std::int32_t sheen_samples = 0;
};

// Filtered linearly by the sampler: every Vulkan device can store it, most can filter it
// (can_bake_environment_gpu).
constexpr VkFormat kPyramidFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

constexpr std::uint32_t groups(int count, int per_group) {
    return static_cast<std::uint32_t>((count + per_group - 1) / per_group);
}

VkDeviceSize level_bytes(const EnvironmentLevel& level) { return level.rgba.size() * sizeof(float); }

// A device-local storage buffer that a shader writes, and the host-visible buffer it is copied
// into for the CPU to read.
struct Staged {
    Buffer device;
    Buffer host;
};

Result<Staged> readback_pair(const Context& ctx, VkDeviceSize bytes) {
    Result<Buffer> device =
        create_buffer(ctx, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Device);
    if (!device) return device.error();
    Result<Buffer> host = create_buffer(ctx, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Readback);
    if (!host) return host.error();
    return Staged{std::move(device).value(), std::move(host).value()};
}

void copy_whole(VkCommandBuffer cmd, const Buffer& from, const Buffer& to) {
    const VkBufferCopy region{0, 0, from.size};
    vkCmdCopyBuffer(cmd, from.buffer, to.buffer, 1, &region);
}

}  // namespace ocop::render::environment_bake_gpu

namespace ocop::render {

bool can_bake_environment_gpu(const Context& ctx) {
    VkFormatProperties properties;
    vkGetPhysicalDeviceFormatProperties(ctx.physical_device(), environment_bake_gpu::kPyramidFormat, &properties);
    return (properties.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT) != 0;
}

Result<BakedEnvironment> bake_environment_gpu(const Context& ctx, const assets::Image& hdr, const BakeSettings& settings) {
    namespace steps = environment_bake;
    using namespace environment_bake_gpu;
    if (!can_bake_environment_gpu(ctx))
        return failure("environment", "this device cannot filter RGBA float images: bake on the CPU");
    const steps::Layout layout = steps::layout_for(settings);
    if (!steps::is_bakeable(hdr)) return steps::uniform_bake(glm::vec3(0.0f), layout);
    const std::vector<EnvironmentLevel> pyramid = steps::build_pyramid(hdr);
    BakedEnvironment baked;
    baked.levels.push_back(steps::base_level(hdr, pyramid[0], layout));

    // The pyramid goes to the device as one mip-mapped image, sampled as the CPU bake samples it.
    // A 4096-wide base is 134 MB of RGBA floats; where the device's images cannot be that large,
    // the finest levels stay behind and the samples that would read them read the next one.
    const auto max_side = static_cast<int>(ctx.properties().limits.maxImageDimension2D);
    std::size_t first = 0;
    while (first + 1 < pyramid.size() && pyramid[first].width > max_side) ++first;
    VkDeviceSize pyramid_bytes = 0;
    for (std::size_t i = first; i < pyramid.size(); ++i) pyramid_bytes += level_bytes(pyramid[i]);
    Result<Buffer> upload = create_buffer(ctx, pyramid_bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Upload);
    if (!upload) return upload.error();
    std::vector<VkBufferImageCopy> regions;
    {
        auto* dst = static_cast<std::uint8_t*>(upload->mapped);
        VkDeviceSize offset = 0;
        for (std::size_t i = first; i < pyramid.size(); ++i) {
            std::memcpy(dst + offset, pyramid[i].rgba.data(), level_bytes(pyramid[i]));
            regions.push_back({.bufferOffset = offset,
                               .imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, static_cast<std::uint32_t>(i - first), 0, 1},
                               .imageExtent = {static_cast<std::uint32_t>(pyramid[i].width),
                                               static_cast<std::uint32_t>(pyramid[i].height), 1}});
            offset += level_bytes(pyramid[i]);
        }
    }
    Result<Image> source = create_image(ctx, {.width = static_cast<std::uint32_t>(pyramid[first].width),
                                              .height = static_cast<std::uint32_t>(pyramid[first].height),
                                              .format = kPyramidFormat,
                                              .usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                              .mip_levels = static_cast<std::uint32_t>(pyramid.size() - first)});
    if (!source) return source.error();
    const Owned<VkSampler> sampler = create_environment_sampler(ctx);

    // Levels 1.., then the sheen chain, one after another in one buffer; the irradiance's per-row
    // sums in another.
    std::vector<PrefilterPush> pushes;
    VkDeviceSize level_texels = 0, sample_entries = 0;
    const double texel_solid_angle = 4.0 * steps::pi / (double(pyramid[0].width) * pyramid[0].height);
    const auto add_level = [&](int width, int height, int samples, double roughness, Lobe lobe) {
        pushes.push_back({.width = width,
                          .height = height,
                          .first_texel = static_cast<std::int32_t>(level_texels),
                          .first_entry = static_cast<std::int32_t>(sample_entries),
                          .samples = samples,
                          .roughness = static_cast<float>(roughness),
                          .texel_solid_angle = static_cast<float>(texel_solid_angle),
                          .lod_bias = static_cast<float>(steps::lod_bias),
                          .first_lod = static_cast<std::int32_t>(first),
                          .top_lod = static_cast<std::int32_t>(pyramid.size() - 1),
                          .lobe = static_cast<std::int32_t>(lobe)});
        level_texels += static_cast<VkDeviceSize>(width) * static_cast<VkDeviceSize>(height);
        sample_entries += static_cast<VkDeviceSize>(height) * static_cast<VkDeviceSize>(samples);
    };
    for (int i = 1; i < layout.levels; ++i)
        add_level(layout.width(i), layout.height(i), layout.samples, double(i) / (layout.levels - 1), Lobe::Ggx);
    const steps::Layout sheen = steps::sheen_layout();
    for (int i = 0; i < sheen.levels; ++i)
        add_level(sheen.width(i), sheen.height(i), sheen.samples, sheen.levels > 1 ? double(i) / (sheen.levels - 1) : 1.0,
                  Lobe::Charlie);
    const int sh_rows = pyramid[first].height;
    Result<Staged> levels = readback_pair(ctx, std::max<VkDeviceSize>(level_texels, 1) * 4 * sizeof(float));
    if (!levels) return levels.error();
    Result<Staged> rows = readback_pair(ctx, static_cast<VkDeviceSize>(sh_rows) * 27 * sizeof(float));
    if (!rows) return rows.error();
    Result<Buffer> sample_rows = create_buffer(ctx, std::max<VkDeviceSize>(sample_entries, 1) * 4 * sizeof(float),
                                               VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, MemoryUse::Device);
    if (!sample_rows) return sample_rows.error();

    using enum ComputeBinding;
    const std::array<ComputeBinding, 2> read_write{SampledImage, StorageBuffer};
    const std::array<ComputeBinding, 3> read_read_write{SampledImage, StorageBuffer, StorageBuffer};
    const ComputePipeline place = create_compute_pipeline(ctx, shaders::ibl_sample_rows_comp(), read_write, sizeof(PrefilterPush));
    const ComputePipeline prefilter =
        create_compute_pipeline(ctx, shaders::ibl_prefilter_comp(), read_read_write, sizeof(PrefilterPush));
    const ComputePipeline irradiance = create_compute_pipeline(ctx, shaders::ibl_irradiance_comp(), read_write, 0);
    const Owned<VkDescriptorPool> pool = create_compute_pool(ctx, 3, 4, 3);
    const BoundResource pyramid_image{.view = source->view, .sampler = sampler};
    const std::array<BoundResource, 2> place_resources{pyramid_image, {.buffer = sample_rows->buffer}};
    const std::array<BoundResource, 3> prefilter_resources{pyramid_image, {.buffer = sample_rows->buffer},
                                                           {.buffer = levels->device.buffer}};
    const std::array<BoundResource, 2> irradiance_resources{pyramid_image, {.buffer = rows->device.buffer}};
    const VkDescriptorSet place_set = compute_set(ctx, pool, place, place_resources);
    const VkDescriptorSet prefilter_set = compute_set(ctx, pool, prefilter, prefilter_resources);
    const VkDescriptorSet irradiance_set = compute_set(ctx, pool, irradiance, irradiance_resources);

    const Status ran = ctx.run_one_time([&](VkCommandBuffer cmd) {
        barrier(cmd, {.image = source->image, .from = VK_IMAGE_LAYOUT_UNDEFINED,
                      .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, .dst_stage = VK_PIPELINE_STAGE_2_COPY_BIT,
                      .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT});
        vkCmdCopyBufferToImage(cmd, upload->buffer, source->image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                               static_cast<std::uint32_t>(regions.size()), regions.data());
        barrier(cmd, {.image = source->image, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_COPY_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
        for (const PrefilterPush& push : pushes)
            dispatch(cmd, place, place_set, &push, sizeof(push), groups(push.samples, 64), static_cast<std::uint32_t>(push.height));
        memory_barrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                       VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
        for (const PrefilterPush& push : pushes)
            dispatch(cmd, prefilter, prefilter_set, &push, sizeof(push), groups(push.width, 64),
                     static_cast<std::uint32_t>(push.height));
        dispatch(cmd, irradiance, irradiance_set, nullptr, 0, static_cast<std::uint32_t>(sh_rows));
        memory_barrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                       VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        copy_whole(cmd, levels->device, levels->host);
        copy_whole(cmd, rows->device, rows->host);
        memory_barrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                       VK_ACCESS_2_HOST_READ_BIT);
    });
    if (!ran) return ran.error();

    const auto* level_texel = static_cast<const float*>(levels->host.mapped);
    for (const PrefilterPush& push : pushes) {
        EnvironmentLevel level;
        level.width = push.width;
        level.height = push.height;
        const std::size_t floats = static_cast<std::size_t>(push.width) * static_cast<std::size_t>(push.height) * 4;
        level.rgba.assign(level_texel + static_cast<std::size_t>(push.first_texel) * 4,
                          level_texel + static_cast<std::size_t>(push.first_texel) * 4 + floats);
        (push.lobe == static_cast<std::int32_t>(Lobe::Charlie) ? baked.sheen : baked.levels).push_back(std::move(level));
    }
    // Each row weighted by its solid angle and added in order, in double, as on the CPU.
    std::array<double, 27> projection{};
    const auto* row_sums = static_cast<const float*>(rows->host.mapped);
    const int sh_width = pyramid[first].width;
    for (int row = 0; row < sh_rows; ++row) {
        const double solid_angle = steps::row_solid_angle(row, sh_width, sh_rows);
        for (std::size_t i = 0; i < 27; ++i)
            projection[i] += solid_angle * row_sums[static_cast<std::size_t>(row) * 27 + i];
    }
    baked.sh = steps::irradiance_from_projection(projection);
    return baked;
}

EnvironmentBaker gpu_environment_baker(const Context& ctx) {
    return {"vulkan-compute", [&ctx](const assets::Image& hdr, const BakeSettings& settings) {
                return bake_environment_gpu(ctx, hdr, settings);
            }};
}

Result<std::vector<glm::vec3>> brdf_lut_gpu(const Context& ctx, int size) {
    using namespace environment_bake_gpu;
    if (size <= 0) return std::vector<glm::vec3>{};
    const auto texels = static_cast<std::size_t>(size) * static_cast<std::size_t>(size);
    Result<Staged> table = readback_pair(ctx, texels * 4 * sizeof(float));
    if (!table) return table.error();
    const std::array<ComputeBinding, 1> bindings{ComputeBinding::StorageBuffer};
    const ComputePipeline pipeline = create_compute_pipeline(ctx, shaders::brdf_lut_comp(), bindings, sizeof(LutPush));
    const Owned<VkDescriptorPool> pool = create_compute_pool(ctx, 1, 1, 0);
    const std::array<BoundResource, 1> resources{BoundResource{.buffer = table->device.buffer}};
    const VkDescriptorSet set = compute_set(ctx, pool, pipeline, resources);
    // The CPU table's sample counts (brdf_lut).
    const LutPush push{.size = size, .ggx_samples = 512, .sheen_samples = 1024};
    const Status ran = ctx.run_one_time([&](VkCommandBuffer cmd) {
        dispatch(cmd, pipeline, set, &push, sizeof(push), groups(size, 8), groups(size, 8));
        memory_barrier(cmd, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT, VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                       VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
        copy_whole(cmd, table->device, table->host);
        memory_barrier(cmd, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_HOST_BIT,
                       VK_ACCESS_2_HOST_READ_BIT);
    });
    if (!ran) return ran.error();
    std::vector<glm::vec3> lut(texels);
    const auto* values = static_cast<const float*>(table->host.mapped);
    for (std::size_t i = 0; i < texels; ++i) lut[i] = glm::vec3(values[i * 4], values[i * 4 + 1], values[i * 4 + 2]);
    return lut;
}

}  // namespace ocop::render
