// The image-based light's bake by compute shaders on a Vulkan device: the same BakedEnvironment
// as bake_environment (render/environment_bake.h), with the same sizes, samples and levels of
// detail, agreeing with it to float rounding. The source's pyramid and level 0 (area averages)
// are made on the CPU as for that bake; the spherical-harmonic projection, every GGX-prefiltered
// level and the Charlie-prefiltered sheen chain (the bulk of the work: hundreds of lookups a
// texel) run on the device, and come back to the host for the disk cache and the upload.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"
#include "render/environment_bake.h"

namespace ocop::render {

class Context;

// Whether `ctx`'s device can run bake_environment_gpu: it must filter RGBA32F images linearly
// (lavapipe and desktop GPUs do; some mobile ones do not).
bool can_bake_environment_gpu(const Context& ctx);

// A Failure when the device is lost or out of memory, or cannot run the bake; an image that is not RGBA float pixels
// of its size bakes as black, as on the CPU.
Result<BakedEnvironment> bake_environment_gpu(const Context& ctx, const assets::Image& hdr,
                                              const BakeSettings& settings = {});

// bake_environment_gpu on `ctx` (which must outlive the baker), for load_baked_environment.
EnvironmentBaker gpu_environment_baker(const Context& ctx);

// brdf_lut(size) computed on the device (size x size texels, the same layout and samples).
Result<std::vector<glm::vec3>> brdf_lut_gpu(const Context& ctx, int size = 64);

}  // namespace ocop::render
