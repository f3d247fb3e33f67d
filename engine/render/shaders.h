// SPIR-V of every shader, compiled by glslc at build time and embedded in the binary.
#pragma once

#include <cstdint>
#include <span>

#include "render/resources.h"

namespace ocop::render {
class Context;
}

namespace ocop::render::shaders {

// A shader module of SPIR-V words (one of the functions below).
Owned<VkShaderModule> module(const Context& ctx, std::span<const std::uint32_t> spirv);


std::span<const std::uint32_t> pbr_vert();
std::span<const std::uint32_t> pbr_frag();
std::span<const std::uint32_t> shadow_caster_vert();
std::span<const std::uint32_t> shadow_caster_frag();
std::span<const std::uint32_t> shadow_receiver_vert();
std::span<const std::uint32_t> shadow_receiver_frag();
std::span<const std::uint32_t> light_shadow_vert();
std::span<const std::uint32_t> ibl_sample_rows_comp();
std::span<const std::uint32_t> ibl_prefilter_comp();
std::span<const std::uint32_t> ibl_irradiance_comp();
std::span<const std::uint32_t> brdf_lut_comp();

}  // namespace ocop::render::shaders
