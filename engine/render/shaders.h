// SPIR-V of every shader, compiled by glslc at build time and embedded in the binary.
#pragma once

#include <cstdint>
#include <span>

namespace ocop::render::shaders {

std::span<const std::uint32_t> pbr_vert();
std::span<const std::uint32_t> pbr_frag();
std::span<const std::uint32_t> shadow_caster_vert();
std::span<const std::uint32_t> shadow_caster_frag();
std::span<const std::uint32_t> shadow_receiver_vert();
std::span<const std::uint32_t> shadow_receiver_frag();

}  // namespace ocop::render::shaders
