#include "render/upload.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <tuple>
#include <utility>

#include "render/context.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace {

VkSamplerAddressMode address_mode(assets::Wrap w) {
    switch (w) {
        case assets::Wrap::ClampToEdge: return VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        case assets::Wrap::MirroredRepeat: return VK_SAMPLER_ADDRESS_MODE_MIRRORED_REPEAT;
        case assets::Wrap::Repeat: break;
    }
    return VK_SAMPLER_ADDRESS_MODE_REPEAT;
}

bool can_blit_mips(const Context& ctx, VkFormat format) {
    VkFormatProperties props;
    vkGetPhysicalDeviceFormatProperties(ctx.physical_device(), format, &props);
    const VkFormatFeatureFlags need = VK_FORMAT_FEATURE_BLIT_SRC_BIT | VK_FORMAT_FEATURE_BLIT_DST_BIT |
                                      VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    return (props.optimalTilingFeatures & need) == need;
}

// Copies `staging` (at `offset`) into mip 0 of `image`, fills the other mips by halving blits
// and leaves the whole image ready for sampling in fragment shaders.
void record_texture_upload(VkCommandBuffer cmd, const Image& image, VkBuffer staging, VkDeviceSize offset) {
    const ImageDesc& d = image.desc;
    barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_UNDEFINED, .to = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                  .dst_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, .dst_access = VK_ACCESS_2_TRANSFER_WRITE_BIT});
    const VkBufferImageCopy region{.bufferOffset = offset,
                                   .imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1},
                                   .imageExtent = {d.width, d.height, 1}};
    vkCmdCopyBufferToImage(cmd, staging, image.image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
    std::int32_t w = static_cast<std::int32_t>(d.width);
    std::int32_t h = static_cast<std::int32_t>(d.height);
    for (std::uint32_t mip = 1; mip < d.mip_levels; ++mip) {
        barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT, .dst_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                      .dst_access = VK_ACCESS_2_TRANSFER_READ_BIT, .first_mip = mip - 1, .mip_count = 1});
        const std::int32_t nw = std::max(w / 2, 1);
        const std::int32_t nh = std::max(h / 2, 1);
        const VkImageBlit blit{.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip - 1, 0, 1},
                               .srcOffsets = {{0, 0, 0}, {w, h, 1}},
                               .dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, mip, 0, 1},
                               .dstOffsets = {{0, 0, 0}, {nw, nh, 1}}};
        vkCmdBlitImage(cmd, image.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image.image,
                       VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
        barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                      .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, .src_stage = VK_PIPELINE_STAGE_2_BLIT_BIT,
                      .src_access = VK_ACCESS_2_TRANSFER_READ_BIT,
                      .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                      .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, .first_mip = mip - 1, .mip_count = 1});
        w = nw;
        h = nh;
    }
    barrier(cmd, {.image = image.image, .from = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                  .to = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL,
                  .src_stage = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, .src_access = VK_ACCESS_2_TRANSFER_WRITE_BIT,
                  .dst_stage = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                  .dst_access = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT, .first_mip = d.mip_levels - 1, .mip_count = 1});
}

Result<Image> create_texture(const Context& ctx, std::uint32_t w, std::uint32_t h, VkFormat format) {
    const bool mips = can_blit_mips(ctx, format);
    return create_image(ctx, {.width = w, .height = h, .format = format,
                              .usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                                       VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                              .mip_levels = mips ? mip_count(w, h) : 1});
}

Result<Image> solid_texture(const Context& ctx, std::array<std::uint8_t, 4> rgba) {
    Result<Image> image = create_texture(ctx, 1, 1, VK_FORMAT_R8G8B8A8_UNORM);
    if (!image) return image.error();
    Result<Buffer> staging = create_buffer(ctx, 4, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Upload);
    if (!staging) return staging.error();
    std::memcpy(staging->mapped, rgba.data(), 4);
    const Status uploaded =
        ctx.run_one_time([&](VkCommandBuffer cmd) { record_texture_upload(cmd, *image, staging->buffer, 0); });
    if (!uploaded) return uploaded.error();
    return image;
}

static_assert(std::tuple_size_v<decltype(assets::texture_slots(assets::Material{}))> == gpu::kMaterialTextureCount,
              "assets::texture_slots lists the shader's texture slots, in the same order");

// KHR_texture_transform as the extension defines it: translation * rotation * scale, the
// rotation counter-clockwise in UV space; the two rows of the 2x3 result, with the UV set.
void uv_transform_rows(const assets::TextureRef& ref, glm::vec4& row0, glm::vec4& row1) {
    const assets::TextureTransform& t = ref.transform;
    const float c = std::cos(t.rotation), s = std::sin(t.rotation);
    // Columns of the 3x3 matrix T * R * S (glm is column-major, as GLSL).
    const glm::mat3 translation(1, 0, 0, 0, 1, 0, t.offset.x, t.offset.y, 1);
    const glm::mat3 rotation(c, s, 0, -s, c, 0, 0, 0, 1);
    const glm::mat3 scale(t.scale.x, 0, 0, 0, t.scale.y, 0, 0, 0, 1);
    const glm::mat3 m = translation * rotation * scale;
    row0 = {m[0][0], m[1][0], m[2][0], ref.texcoord == 1 ? 1.0f : 0.0f};
    row1 = {m[0][1], m[1][1], m[2][1], 0.0f};
}

// The gpu::kMaterial* modes of a material: its pipeline's specialization.
std::uint32_t material_mode_bits(const assets::Material& m) {
    std::uint32_t modes = 0;
    if (m.alpha_mode == assets::AlphaMode::Mask) modes |= gpu::kMaterialAlphaMask;
    if (m.alpha_mode == assets::AlphaMode::Blend) modes |= gpu::kMaterialAlphaBlend;
    if (m.unlit) modes |= gpu::kMaterialUnlit;
    if (m.sheen.enabled) modes |= gpu::kMaterialSheen;
    if (m.clearcoat.enabled && m.clearcoat.factor > 0.0f) modes |= gpu::kMaterialClearcoat;
    if (m.transmission.enabled && m.transmission.factor > 0.0f) modes |= gpu::kMaterialTransmission;
    if (m.iridescence.enabled && m.iridescence.factor > 0.0f) modes |= gpu::kMaterialIridescence;
    const assets::TextureRef &orm = m.metallic_roughness_texture, &ao = m.occlusion_texture;
    if (orm.present() && orm.image == ao.image && orm.texcoord == ao.texcoord && orm.wrap_s == ao.wrap_s &&
        orm.wrap_t == ao.wrap_t && orm.transform.offset == ao.transform.offset &&
        orm.transform.rotation == ao.transform.rotation && orm.transform.scale == ao.transform.scale)
        modes |= gpu::kMaterialOcclusionInMetallicRoughness;  // one fetch serves both (glTF's packed ORM)
    return modes;
}

gpu::MaterialUniforms material_uniforms(const assets::Material& m) {
    gpu::MaterialUniforms u{};
    u.base_color = m.base_color;
    u.emissive = glm::vec4(m.emissive * m.emissive_strength, 0.0f);
    u.pbr = {m.metallic, m.roughness, m.normal_scale, m.occlusion_strength};
    u.flags = {0.0f, 0.0f, m.alpha_cutoff, 0.0f};
    u.specular = m.specular.enabled ? glm::vec4(m.specular.colour, m.specular.factor) : glm::vec4(1.0f);
    u.ior_clearcoat = {m.ior, m.clearcoat.factor, m.clearcoat.roughness, m.clearcoat.normal_scale};
    u.sheen = glm::vec4(m.sheen.colour, m.sheen.roughness);
    u.transmission = {m.transmission.factor, m.volume.enabled ? m.volume.thickness : 0.0f,
                      m.volume.enabled ? m.volume.attenuation_distance : 0.0f, 0.0f};
    u.attenuation_colour = glm::vec4(m.volume.attenuation_colour, 0.0f);
    u.iridescence = {m.iridescence.factor, m.iridescence.ior, m.iridescence.thickness_min_nm,
                     m.iridescence.thickness_max_nm};
    const auto slots = assets::texture_slots(m);
    for (std::size_t slot = 0; slot < slots.size(); ++slot)
        uv_transform_rows(*slots[slot].ref, u.uv_transform[2 * slot], u.uv_transform[2 * slot + 1]);
    return u;
}

}  // namespace

Result<MaterialDefaults> create_material_defaults(const Context& ctx) {
    MaterialDefaults d;
    VkPhysicalDeviceFeatures features;
    vkGetPhysicalDeviceFeatures(ctx.physical_device(), &features);
    const assets::Wrap wraps[] = {assets::Wrap::Repeat, assets::Wrap::ClampToEdge, assets::Wrap::MirroredRepeat};
    for (int colour = 0; colour < 2; ++colour) {
        const bool anisotropic = colour == 1 && features.samplerAnisotropy;
        for (int s = 0; s < 3; ++s) {
            for (int t = 0; t < 3; ++t) {
                const VkSamplerCreateInfo info{
                    .sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO,
                    .magFilter = VK_FILTER_LINEAR,
                    .minFilter = VK_FILTER_LINEAR,
                    .mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR,
                    .addressModeU = address_mode(wraps[s]),
                    .addressModeV = address_mode(wraps[t]),
                    .addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT,
                    .anisotropyEnable = anisotropic,
                    .maxAnisotropy = anisotropic ? 8.0f : 1.0f,
                    .maxLod = VK_LOD_CLAMP_NONE};
                VkSampler sampler;
                VK_CHECK(vkCreateSampler(ctx.device(), &info, nullptr, &sampler));
                d.samplers[colour * 9 + s * 3 + t] = {ctx.device(), sampler, vkDestroySampler};
            }
        }
    }
    Result<Image> white = solid_texture(ctx, {255, 255, 255, 255});
    if (!white) return white.error();
    d.white = std::move(white).value();
    Result<Image> flat_normal = solid_texture(ctx, {128, 128, 255, 255});
    if (!flat_normal) return flat_normal.error();
    d.flat_normal = std::move(flat_normal).value();
    return d;
}

Result<GpuModel> upload_model(const Context& ctx, const assets::Model& model, const MaterialDefaults& defaults,
                              VkDescriptorSetLayout material_layout) {
    GpuModel gpu;

    // Which images become which textures: the same image read as colour (sRGB) and as data
    // (linear) needs two Vulkan formats, so a texture is an (image, sRGB?) pair.
    std::map<std::pair<int, bool>, std::uint32_t> texture_of;
    std::vector<std::pair<int, bool>> texture_keys;
    auto want_texture = [&](const assets::TextureRef& ref, bool srgb) {
        if (!ref.present() || ref.image >= static_cast<int>(model.images.size())) return;
        const assets::Image& img = model.images[static_cast<std::size_t>(ref.image)];
        if (img.width <= 0 || img.height <= 0 || img.rgba8.size() != std::size_t(img.width) * img.height * 4) return;
        const auto key = std::make_pair(ref.image, srgb);
        if (texture_of.emplace(key, static_cast<std::uint32_t>(texture_keys.size())).second) texture_keys.push_back(key);
    };
    for (const assets::Material& m : model.materials)
        for (const assets::MaterialSlot& slot : assets::texture_slots(m)) want_texture(*slot.ref, slot.srgb);

    // Vertices and indices, all meshes in one pair of buffers.
    std::vector<GpuVertex> vertices;
    std::vector<std::uint32_t> indices;
    const auto default_material = static_cast<std::uint32_t>(model.materials.size());
    for (const assets::Mesh& mesh : model.meshes) {
        GpuDraw draw{.first_index = static_cast<std::uint32_t>(indices.size()),
                     .index_count = static_cast<std::uint32_t>(mesh.indices.size()),
                     .vertex_offset = static_cast<std::int32_t>(vertices.size()),
                     .material = mesh.material >= 0 && mesh.material < static_cast<int>(model.materials.size())
                                     ? static_cast<std::uint32_t>(mesh.material)
                                     : default_material,
                     .has_tangents = !mesh.tangents.empty() && mesh.tangents.size() == mesh.positions.size()};
        Bounds bounds;
        for (const glm::vec3& p : mesh.positions) bounds.add(p);
        if (!bounds.empty()) {
            draw.centre = bounds.centre();
            draw.radius = 0.5f * glm::length(bounds.size());
            draw.extent = std::max({bounds.size().x, bounds.size().y, bounds.size().z});  // as meshopt_simplifyScale
        }
        if (mesh.indices.empty()) {
            gpu.draws.push_back(draw);
            continue;
        }
        // The levels follow the full mesh in the index buffer and use its vertices.
        std::size_t lod_index = indices.size() + mesh.indices.size();
        for (const assets::Mesh::Lod& lod : mesh.lods) {
            draw.lods.push_back({static_cast<std::uint32_t>(lod_index), static_cast<std::uint32_t>(lod.indices.size()),
                                 lod.error});
            lod_index += lod.indices.size();
        }
        gpu.draws.push_back(draw);
        const std::size_t n = mesh.positions.size();
        for (std::size_t i = 0; i < n; ++i) {
            vertices.push_back({.position = mesh.positions[i],
                                .normal = i < mesh.normals.size() ? mesh.normals[i] : glm::vec3(0, 1, 0),
                                .tangent = i < mesh.tangents.size() ? mesh.tangents[i] : glm::vec4(1, 0, 0, 1),
                                .uv0 = i < mesh.uv0.size() ? mesh.uv0[i] : glm::vec2(0),
                                .uv1 = i < mesh.uv1.size() ? mesh.uv1[i] : glm::vec2(0),
                                .colour = i < mesh.colours.size() ? mesh.colours[i] : glm::vec4(1)});
        }
        indices.insert(indices.end(), mesh.indices.begin(), mesh.indices.end());
        for (const assets::Mesh::Lod& lod : mesh.lods) indices.insert(indices.end(), lod.indices.begin(), lod.indices.end());
    }
    gpu.instances = model.instances();
    for (const assets::MeshInstance& instance : gpu.instances)
        gpu.triangle_count += model.meshes[static_cast<std::size_t>(instance.mesh)].triangle_count();
    if (gpu.triangle_count == 0) return bad_input(model.source, "holds no triangles to draw");
    gpu.bounds = model.bounds();

    // One staging buffer for everything, then one submit.
    const VkDeviceSize vertex_bytes = vertices.size() * sizeof(GpuVertex);
    const VkDeviceSize index_bytes = indices.size() * sizeof(std::uint32_t);
    VkDeviceSize staging_size = vertex_bytes + index_bytes;
    std::vector<VkDeviceSize> texture_offsets;
    for (const auto& [image, srgb] : texture_keys) {
        texture_offsets.push_back(staging_size);
        staging_size += model.images[static_cast<std::size_t>(image)].rgba8.size();
    }
    Result<Buffer> staged = create_buffer(ctx, staging_size, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, MemoryUse::Upload);
    if (!staged) return staged.error();
    const Buffer& staging = staged.value();
    auto* dst = static_cast<std::uint8_t*>(staging.mapped);
    std::memcpy(dst, vertices.data(), vertex_bytes);
    std::memcpy(dst + vertex_bytes, indices.data(), index_bytes);
    for (std::size_t t = 0; t < texture_keys.size(); ++t) {
        const assets::Image& img = model.images[static_cast<std::size_t>(texture_keys[t].first)];
        std::memcpy(dst + texture_offsets[t], img.rgba8.data(), img.rgba8.size());
        Result<Image> texture =
            create_texture(ctx, static_cast<std::uint32_t>(img.width), static_cast<std::uint32_t>(img.height),
                           texture_keys[t].second ? VK_FORMAT_R8G8B8A8_SRGB : VK_FORMAT_R8G8B8A8_UNORM);
        if (!texture) return texture.error();
        gpu.textures.push_back(std::move(texture).value());
    }
    Result<Buffer> vertex_buffer = create_buffer(
        ctx, vertex_bytes, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Device);
    if (!vertex_buffer) return vertex_buffer.error();
    gpu.vertices = std::move(vertex_buffer).value();
    Result<Buffer> index_buffer = create_buffer(
        ctx, index_bytes, VK_BUFFER_USAGE_INDEX_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT, MemoryUse::Device);
    if (!index_buffer) return index_buffer.error();
    gpu.indices = std::move(index_buffer).value();
    const Status uploaded = ctx.run_one_time([&](VkCommandBuffer cmd) {
        const VkBufferCopy vcopy{.srcOffset = 0, .dstOffset = 0, .size = vertex_bytes};
        vkCmdCopyBuffer(cmd, staging.buffer, gpu.vertices.buffer, 1, &vcopy);
        const VkBufferCopy icopy{.srcOffset = vertex_bytes, .dstOffset = 0, .size = index_bytes};
        vkCmdCopyBuffer(cmd, staging.buffer, gpu.indices.buffer, 1, &icopy);
        for (std::size_t t = 0; t < gpu.textures.size(); ++t)
            record_texture_upload(cmd, gpu.textures[t], staging.buffer, texture_offsets[t]);
        const VkMemoryBarrier2 buffers_ready{.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER_2,
                                             .srcStageMask = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                                             .srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT,
                                             .dstStageMask = VK_PIPELINE_STAGE_2_VERTEX_INPUT_BIT,
                                             .dstAccessMask = VK_ACCESS_2_VERTEX_ATTRIBUTE_READ_BIT |
                                                              VK_ACCESS_2_INDEX_READ_BIT};
        const VkDependencyInfo dep{.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO,
                                   .memoryBarrierCount = 1,
                                   .pMemoryBarriers = &buffers_ready};
        vkCmdPipelineBarrier2(cmd, &dep);
    });
    if (!uploaded) return uploaded.error();

    // Materials: one MaterialUniforms each in one buffer, and one descriptor set each.
    const auto material_count = static_cast<std::uint32_t>(model.materials.size() + 1);
    const VkDeviceSize alignment = std::max<VkDeviceSize>(ctx.properties().limits.minUniformBufferOffsetAlignment, 16);
    const VkDeviceSize stride = (sizeof(gpu::MaterialUniforms) + alignment - 1) / alignment * alignment;
    Result<Buffer> uniforms =
        create_buffer(ctx, stride * material_count, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, MemoryUse::Upload);
    if (!uniforms) return uniforms.error();
    gpu.material_uniforms = std::move(uniforms).value();
    const std::array<VkDescriptorPoolSize, 2> pool_sizes{
        {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, material_count},
         {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, material_count * gpu::kMaterialTextureCount}}};
    const VkDescriptorPoolCreateInfo pool_info{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
                                               .maxSets = material_count,
                                               .poolSizeCount = static_cast<std::uint32_t>(pool_sizes.size()),
                                               .pPoolSizes = pool_sizes.data()};
    VkDescriptorPool pool;
    VK_CHECK(vkCreateDescriptorPool(ctx.device(), &pool_info, nullptr, &pool));
    gpu.descriptor_pool = {ctx.device(), pool, vkDestroyDescriptorPool};

    const assets::Material fallback;  // glTF's default material: white, metallic 1, rough 1
    for (std::uint32_t mi = 0; mi < material_count; ++mi) {
        const assets::Material& m = mi < model.materials.size() ? model.materials[mi] : fallback;
        GpuMaterial g;
        g.pass = m.alpha_mode == assets::AlphaMode::Blend ? MaterialPass::Blend : MaterialPass::Opaque;
        if (m.transmission.enabled && m.transmission.factor > 0.0f) g.pass = MaterialPass::Transmit;
        g.double_sided = m.double_sided;

        gpu::MaterialUniforms u = material_uniforms(m);
        std::array<VkDescriptorImageInfo, gpu::kMaterialTextureCount> infos{};
        int texture_bits = 0;
        const auto slots = assets::texture_slots(m);
        for (int slot = 0; slot < gpu::kMaterialTextureCount; ++slot) {
            const assets::MaterialSlot& s = slots[static_cast<std::size_t>(slot)];
            const auto it = texture_of.find({s.ref->image, s.srgb});
            if (s.ref->present() && it != texture_of.end()) {
                infos[static_cast<std::size_t>(slot)] = {defaults.sampler(s.ref->wrap_s, s.ref->wrap_t, s.srgb),
                                                         gpu.textures[it->second].view,
                                                         VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
                texture_bits |= 1 << slot;
            } else {
                const Image& stand_in = slot == gpu::kSlotNormal || slot == gpu::kSlotClearcoatNormal
                                            ? defaults.flat_normal
                                            : defaults.white;
                const VkSampler plain = defaults.sampler(assets::Wrap::Repeat, assets::Wrap::Repeat, false);
                infos[static_cast<std::size_t>(slot)] = {plain, stand_in.view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
            }
        }
        g.texture_bits = static_cast<std::uint32_t>(texture_bits);
        g.mode_bits = material_mode_bits(m);
        std::memcpy(static_cast<std::uint8_t*>(gpu.material_uniforms.mapped) + stride * mi, &u, sizeof(u));

        const VkDescriptorSetAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
                                                .descriptorPool = pool,
                                                .descriptorSetCount = 1,
                                                .pSetLayouts = &material_layout};
        VK_CHECK(vkAllocateDescriptorSets(ctx.device(), &alloc, &g.descriptor_set));
        const VkDescriptorBufferInfo buffer_info{gpu.material_uniforms.buffer, stride * mi,
                                                 sizeof(gpu::MaterialUniforms)};
        std::array<VkWriteDescriptorSet, 1 + gpu::kMaterialTextureCount> writes{};
        writes[0] = {.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
                     .dstSet = g.descriptor_set,
                     .dstBinding = gpu::kBindingMaterial,
                     .descriptorCount = 1,
                     .descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER,
                     .pBufferInfo = &buffer_info};
        for (std::uint32_t b = 0; b < gpu::kMaterialTextureCount; ++b)
            writes[1 + b] = {.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
                             .dstSet = g.descriptor_set,
                             .dstBinding = 1 + b,
                             .descriptorCount = 1,
                             .descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER,
                             .pImageInfo = &infos[b]};
        vkUpdateDescriptorSets(ctx.device(), static_cast<std::uint32_t>(writes.size()), writes.data(), 0, nullptr);
        gpu.materials.push_back(g);
    }
    return gpu;
}

}  // namespace ocop::render
