// Image-based light, baked from an equirectangular HDR (a studio HDRI): what the PBR shader
// samples instead of the whole environment. This file's bake runs on the CPU and holds the
// derivations; the renderer bakes with its twin in compute shaders where the device can
// (render/environment_bake_gpu.h), and tests compare the two. No Vulkan here: the renderer
// uploads the result (render/environment.h). Baked once per HDR content and kept in a disk
// cache, so a batch of a thousand photos, or the studio app, pays for the bake once.
//
// Conventions (the same as three.js/model-viewer and Blender, ../shared/tools/fidelity):
// a world direction d (+Y up) looks up u = atan2(d.z, d.x) / 2pi + 0.5, v = asin(d.y) / pi + 0.5,
// where v = 1 is the top row of the image. Radiance is linear, in the file's units.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::render {

// One level of the prefiltered specular chain: equirectangular, RGBA32F (alpha 1), row 0 at
// the top (v = 1), width = 2 * height.
struct EnvironmentLevel {
    int width = 0;
    int height = 0;
    std::vector<float> rgba;  // width * height * 4
};

struct BakedEnvironment {
    // Irradiance as 9 real spherical-harmonic coefficients (bands 0-2), already convolved with
    // the clamped cosine and divided by pi: the Lambertian outgoing radiance of a white surface
    // with normal n is sum_i sh[i] * Y_i(n) (Ramamoorthi & Hanrahan 2001). Y_i in the order
    // Y00, Y1-1, Y10, Y11, Y2-2, Y2-1, Y20, Y21, Y22 with the usual constants
    // (0.282095; 0.488603 y, z, x; 1.092548 xy, yz; 0.315392 (3z^2 - 1); 1.092548 xz; 0.546274 (x^2 - y^2)).
    std::array<glm::vec3, 9> sh{};
    // GGX-prefiltered radiance (split-sum, n = v = r), level i for perceptual roughness
    // i / (levels.size() - 1); level 0 is the environment itself, downsampled.
    std::vector<EnvironmentLevel> levels;
    // Charlie-prefiltered radiance for the sheen lobe (Estevez & Kulla 2017), looked up along the
    // normal: level i (a mip chain from 128x64) for sheen roughness i / (sheen.size() - 1).
    std::vector<EnvironmentLevel> sheen;
};

// Values out of range are clamped (base_width 8..16384, level_count 1..12, samples 1..65536);
// level 0's height is rounded down to a multiple of 2^(level_count - 1), and level_count is
// lowered until the last level is at least 8x4, so every level is exactly a mip of level 0.
struct BakeSettings {
    int base_width = 512;   // width of level 0 (height = width / 2)
    int level_count = 6;    // roughness 0, 0.2, ..., 1; each level half the size of the previous
    int samples = 256;      // GGX importance samples per texel of levels >= 1
};

// Bakes `hdr` (Image::rgba32f, as assets::load_hdr_image gives it). Deterministic: the same
// input and settings give identical bytes. Uses every core.
BakedEnvironment bake_environment(const assets::Image& hdr, const BakeSettings& settings = {});

// A uniform environment of radiance `value` everywhere (the "white" furnace environment).
BakedEnvironment uniform_environment(glm::vec3 value, const BakeSettings& settings = {});

// What makes a bake: bake_environment on the CPU, or a device's compute shaders
// (render/environment_bake_gpu.h). The two agree to float rounding, not to the bit, so the
// name is part of the cache key: a photo never mixes one's cached bake with the other's.
struct EnvironmentBaker {
    std::string name;
    std::function<Result<BakedEnvironment>(const assets::Image&, const BakeSettings&)> bake;
};
EnvironmentBaker cpu_environment_baker();

// The bake of the HDR file at `hdr_path`, from `cache_dir` when a bake of the same file content,
// settings and baker is there, else baked and written there atomically (a cache that cannot be
// written is not an error: the bake is returned anyway). The key is a hash of the file's bytes,
// the settings and the baker's name, so a renamed file still hits and an edited one misses. A
// cache file that is truncated or corrupt is baked again. An empty `cache_dir` bakes without a
// cache.
Result<BakedEnvironment> load_baked_environment(const std::filesystem::path& hdr_path,
                                                const std::filesystem::path& cache_dir,
                                                const BakeSettings& settings = {},
                                                const EnvironmentBaker& baker = cpu_environment_baker());

// The per-user cache folder: $XDG_CACHE_HOME/ocop-showroom/ibl, else ~/.cache/ocop-showroom/ibl,
// else (no $HOME) the temporary folder's ocop-showroom-ibl.
std::filesystem::path default_environment_cache_dir();

// The split-sum scale and bias of the GGX specular BRDF (height-correlated Smith, Karis 2013),
// integrated numerically, and the directional albedo of the Charlie sheen lobe with the
// Neubelt-Pettineo visibility (the Khronos glTF sample viewer's sheen E): a size x size table,
// x = n.v (texel centres, (i + 0.5) / size), y = perceptual roughness ((j + 0.5) / size), row j
// at index j * size + i, as (A, B, sheen E). Deterministic. Sheen E is stored as min(E, 1): near
// grazing at low sheen roughness that visibility term makes the integral exceed 1.
std::vector<glm::vec3> brdf_lut(int size = 64);

}  // namespace ocop::render
