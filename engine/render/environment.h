// Image-based light on the GPU: the baked environment's prefiltered specular and sheen equirects
// (one mip per roughness step) with its spherical harmonics, and the BRDF lookup table. The renderer
// holds one of each and binds them in the frame's descriptor set.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/environment_bake.h"
#include "render/resources.h"

namespace ocop::render {

class Context;

struct GpuEnvironment {
    Image specular;                  // RGBA16F, mip i = perceptual roughness i / (levels - 1)
    Image sheen;                     // RGBA16F, mip i = sheen roughness i / (its mips - 1)
    std::array<glm::vec3, 9> sh{};   // irradiance / pi
    std::uint32_t levels = 1;
};

// Uploads a bake; BadInput when its levels do not halve in size from one to the next.
Result<GpuEnvironment> upload_environment(const Context& ctx, const BakedEnvironment& baked);

// A 1x1 black stand-in, bound while the analytic studio dome lights the scene.
Result<GpuEnvironment> empty_environment(const Context& ctx);

// brdf_lut(size) as a size x size RGBA16F texture (x: n.v, y: roughness).
Result<Image> upload_brdf_lut(const Context& ctx, const std::vector<glm::vec3>& lut, std::uint32_t size);

// Linear filtering and mips; repeat across the equirect's seam, clamp at the poles.
Owned<VkSampler> create_environment_sampler(const Context& ctx);
// Linear, clamped: for lookup tables.
Owned<VkSampler> create_lut_sampler(const Context& ctx);

}  // namespace ocop::render
