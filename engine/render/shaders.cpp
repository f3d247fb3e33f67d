#include "render/shaders.h"

#include "render/context.h"
#include "render/vk_check.h"

namespace ocop::render::shaders {

namespace {
// Each .inc is glslc's "-mfmt=num" output: the SPIR-V words, comma separated.
constexpr std::uint32_t kPbrVert[] = {
#include "pbr.vert.inc"
};
constexpr std::uint32_t kPbrFrag[] = {
#include "pbr.frag.inc"
};
constexpr std::uint32_t kShadowCasterVert[] = {
#include "shadow_caster.vert.inc"
};
constexpr std::uint32_t kShadowCasterFrag[] = {
#include "shadow_caster.frag.inc"
};
constexpr std::uint32_t kShadowReceiverVert[] = {
#include "shadow_receiver.vert.inc"
};
constexpr std::uint32_t kShadowReceiverFrag[] = {
#include "shadow_receiver.frag.inc"
};
constexpr std::uint32_t kLightShadowVert[] = {
#include "light_shadow.vert.inc"
};
constexpr std::uint32_t kIblSampleRowsComp[] = {
#include "ibl_sample_rows.comp.inc"
};
constexpr std::uint32_t kIblPrefilterComp[] = {
#include "ibl_prefilter.comp.inc"
};
constexpr std::uint32_t kIblIrradianceComp[] = {
#include "ibl_irradiance.comp.inc"
};
constexpr std::uint32_t kBrdfLutComp[] = {
#include "brdf_lut.comp.inc"
};
}  // namespace

Owned<VkShaderModule> module(const Context& ctx, std::span<const std::uint32_t> spirv) {
    const VkShaderModuleCreateInfo info{.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
                                        .codeSize = spirv.size_bytes(),
                                        .pCode = spirv.data()};
    VkShaderModule m;
    VK_CHECK(vkCreateShaderModule(ctx.device(), &info, nullptr, &m));
    return {ctx.device(), m, vkDestroyShaderModule};
}

std::span<const std::uint32_t> pbr_vert() { return kPbrVert; }
std::span<const std::uint32_t> pbr_frag() { return kPbrFrag; }
std::span<const std::uint32_t> shadow_caster_vert() { return kShadowCasterVert; }
std::span<const std::uint32_t> shadow_caster_frag() { return kShadowCasterFrag; }
std::span<const std::uint32_t> shadow_receiver_vert() { return kShadowReceiverVert; }
std::span<const std::uint32_t> shadow_receiver_frag() { return kShadowReceiverFrag; }
std::span<const std::uint32_t> light_shadow_vert() { return kLightShadowVert; }
std::span<const std::uint32_t> ibl_sample_rows_comp() { return kIblSampleRowsComp; }
std::span<const std::uint32_t> ibl_prefilter_comp() { return kIblPrefilterComp; }
std::span<const std::uint32_t> ibl_irradiance_comp() { return kIblIrradianceComp; }
std::span<const std::uint32_t> brdf_lut_comp() { return kBrdfLutComp; }

}  // namespace ocop::render::shaders
