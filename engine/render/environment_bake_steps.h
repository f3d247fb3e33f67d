// The parts of a bake that the CPU bake (environment_bake.cpp) and the compute-shader bake
// (environment_bake_gpu.cpp) share, so that both make the same levels of the same sizes from
// the same source pyramid. Internal to the render module.
#pragma once

#include <array>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "render/environment_bake.h"

namespace ocop::render::environment_bake {

constexpr double pi = 3.14159265358979323846;

// The prefilter samples a pyramid whose base is the source, area-averaged down to this width
// when wider: with the default settings no sample asks for a texel even a quarter as fine
// (Krivanek & Colbert's level of detail), and a 16k HDRI's pyramid would cost 2.7 GiB.
constexpr int max_pyramid_width = 4096;

// Samples read one pyramid level coarser than Krivanek & Colbert's choice (Babylon.js's factor 4
// in solid angle): with 256 samples theirs leaves visible streaks, ghosts of a bright ceiling
// light along the sample pattern, at roughness 0.4 (photo_studio_01). Energy is unchanged.
constexpr double lod_bias = 1.0;

// Radiance above this is clamped so that sums of many samples stay finite in float.
constexpr float max_radiance = 1e30f;

// The header's real SH constants, used for projection too, so that evaluating with them
// gives back exactly what was projected.
constexpr double sh_c0 = 0.282095, sh_c1 = 0.488603, sh_c2 = 1.092548, sh_c3 = 0.315392, sh_c4 = 0.546274;

// The sizes a bake has for given settings: the level count is reduced until the last level is
// at least 8x4, and level 0's height is a multiple of 2^(levels - 1), so every level is
// exactly a mip of level 0 with width = 2 * height (what upload_environment requires).
struct Layout {
    int width0 = 0;
    int height0 = 0;
    int levels = 0;
    int samples = 0;

    int width(int level) const { return width0 >> level; }
    int height(int level) const { return height0 >> level; }
};

Layout layout_for(const BakeSettings& settings);

// The sheen chain's sizes: 128x64 down to 8x4, sheen roughness 0, 0.25, ..., 1. The Charlie lobe
// is wide at every roughness (a ring around the normal), so small levels hold it. The same for
// every bake: it depends on the lobe, not on the HDR or the bake's settings.
Layout sheen_layout();

// Sheen samples are spread uniformly over the hemisphere (the lobe peaks near grazing, where
// importance sampling by the half vector would not help): this many for every texel.
constexpr int sheen_samples = 512;

// Whether `hdr` holds RGBA float pixels of its size; a bake of anything else is black.
bool is_bakeable(const assets::Image& hdr);

// The source, cleaned (NaN, infinite and negative texels are black) and at most
// max_pyramid_width wide, then halved (solid-angle-weighted area average) down to 1x1.
std::vector<EnvironmentLevel> build_pyramid(const assets::Image& hdr);

// Level 0 of a bake: the source area-averaged to the layout's size, or enlarged bilinearly
// from the pyramid's base when smaller.
EnvironmentLevel base_level(const assets::Image& hdr, const EnvironmentLevel& pyramid_base, const Layout& layout);

// The solid angle of one texel of row `row` of a width x height equirect.
double row_solid_angle(int row, int width, int height);

// The SH irradiance / pi from the radiance's projection onto bands 0-2 (27 sums: coefficient i,
// channel c at i * 3 + c): the clamped-cosine convolution (Ramamoorthi & Hanrahan 2001).
std::array<glm::vec3, 9> irradiance_from_projection(const std::array<double, 27>& projection);

// A uniform bake of the layout's sizes (uniform_environment).
BakedEnvironment uniform_bake(glm::vec3 value, const Layout& layout);

}  // namespace ocop::render::environment_bake
