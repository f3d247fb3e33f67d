// The compute-shader bake (render/environment_bake_gpu.h) against the CPU bake it twins: the
// same specular and sheen levels of the same sizes, the same spherical harmonics and the same
// BRDF table, to float rounding, on whatever device the tests run (lavapipe in CI).
#include <algorithm>
#include <cmath>

#include "assets/image.h"
#include "gpu_support.h"
#include "render/environment_bake.h"
#include "render/environment_bake_gpu.h"
#include "support.h"

namespace {

using ocop::render::BakedEnvironment;
using ocop::render::BakeSettings;

// A studio-like HDR: a dim gradient sky, a floor, and a small, very bright softbox (radiance
// 200) whose blur at every roughness tests the levels of detail; seeded noise on top.
ocop::assets::Image gpubake_studio(int width, int height) {
    ocop::assets::Image image;
    image.width = width;
    image.height = height;
    image.rgba32f.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    std::uint32_t seed = 12345u;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            seed = seed * 1664525u + 1013904223u;
            const float noise = float(seed >> 8) / float(1u << 24);
            const float v = 1.0f - (float(y) + 0.5f) / float(height);
            glm::vec3 c = v > 0.5f ? glm::vec3(0.3f, 0.4f, 0.6f) * v : glm::vec3(0.2f, 0.15f, 0.1f);
            c *= 0.8f + 0.4f * noise;
            const bool softbox = std::abs(x - width / 3) < width / 40 + 1 && std::abs(y - height / 4) < height / 30 + 1;
            if (softbox) c = glm::vec3(200.0f, 190.0f, 170.0f);
            float* p = &image.rgba32f[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4];
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
            p[3] = 1.0f;
        }
    return image;
}

// The share of texels (per channel) of `b` further from `a` than 1 % of their value plus 1 % of
// the level's mean.
double gpubake_share_off(const ocop::render::EnvironmentLevel& a, const ocop::render::EnvironmentLevel& b) {
    double mean = 0.0;
    for (float v : a.rgba) mean += v;
    mean /= double(a.rgba.size());
    std::size_t off = 0;
    for (std::size_t i = 0; i < a.rgba.size(); ++i)
        if (std::abs(a.rgba[i] - b.rgba[i]) > 0.01 * std::abs(a.rgba[i]) + 0.01 * mean) ++off;
    return double(off) / double(a.rgba.size());
}

}  // namespace

TEST_CASE("The compute-shader bake gives the CPU bake's levels and irradiance", "[render][ibl]") {
    ocop::test::TestGpu gpu;
    const ocop::assets::Image hdr = gpubake_studio(256, 128);
    const BakeSettings settings{.base_width = 128, .level_count = 5, .samples = 128};
    const BakedEnvironment cpu = ocop::render::bake_environment(hdr, settings);
    const ocop::Result<BakedEnvironment> device = ocop::render::bake_environment_gpu(*gpu.ctx, hdr, settings);
    REQUIRE(device.ok());
    REQUIRE(device->levels.size() == cpu.levels.size());
    for (std::size_t i = 0; i < cpu.levels.size(); ++i) {
        INFO("level " << i);
        REQUIRE(device->levels[i].width == cpu.levels[i].width);
        REQUIRE(device->levels[i].height == cpu.levels[i].height);
        // Float against double, and the device's atan and asin: 0.2 % at the softbox's peak on
        // lavapipe. A wrong sample, level of detail or frame would be off everywhere.
        CHECK(gpubake_share_off(cpu.levels[i], device->levels[i]) == 0.0);
    }
    REQUIRE(device->sheen.size() == cpu.sheen.size());
    for (std::size_t i = 0; i < cpu.sheen.size(); ++i) {
        INFO("sheen level " << i);
        REQUIRE(device->sheen[i].width == cpu.sheen[i].width);
        CHECK(gpubake_share_off(cpu.sheen[i], device->sheen[i]) == 0.0);
    }
    for (std::size_t i = 0; i < 9; ++i)
        for (int c = 0; c < 3; ++c) {
            INFO("coefficient " << i << " channel " << c);
            CHECK(std::abs(device->sh[i][c] - cpu.sh[i][c]) <= 1e-4f * std::abs(cpu.sh[0][c]) + 1e-6f);
        }

    // Deterministic on one device: the same input gives the same bits.
    const ocop::Result<BakedEnvironment> again = ocop::render::bake_environment_gpu(*gpu.ctx, hdr, settings);
    REQUIRE(again.ok());
    for (std::size_t i = 0; i < cpu.levels.size(); ++i) CHECK(again->levels[i].rgba == device->levels[i].rgba);
}

TEST_CASE("The compute-shader bake keeps a uniform environment uniform and refuses nothing it cannot read",
          "[render][ibl]") {
    ocop::test::TestGpu gpu;
    ocop::assets::Image white;
    white.width = 64;
    white.height = 32;
    white.rgba32f.assign(64 * 32 * 4, 1.0f);
    const ocop::Result<BakedEnvironment> baked =
        ocop::render::bake_environment_gpu(*gpu.ctx, white, {.base_width = 32, .level_count = 3, .samples = 64});
    REQUIRE(baked.ok());
    for (const ocop::render::EnvironmentLevel& level : baked->levels)
        for (float v : level.rgba) REQUIRE(std::abs(v - 1.0f) < 1e-4f);
    for (const ocop::render::EnvironmentLevel& level : baked->sheen)
        for (float v : level.rgba) REQUIRE(std::abs(v - 1.0f) < 1e-4f);
    // Y00 * sh[0] = 1 for every normal; the higher bands as small as the CPU's sum leaves them.
    CHECK(std::abs(baked->sh[0].r * 0.282095f - 1.0f) < 1e-4f);
    const BakedEnvironment cpu = ocop::render::bake_environment(white, {.base_width = 32, .level_count = 3, .samples = 64});
    for (std::size_t i = 1; i < 9; ++i) CHECK(std::abs(baked->sh[i].g - cpu.sh[i].g) < 1e-5f);

    ocop::assets::Image broken;  // pixels missing: black, as on the CPU
    broken.width = 64;
    broken.height = 32;
    const ocop::Result<BakedEnvironment> black = ocop::render::bake_environment_gpu(*gpu.ctx, broken);
    REQUIRE(black.ok());
    CHECK(black->levels[0].rgba[0] == 0.0f);
}

TEST_CASE("The BRDF table computed on the device matches the CPU's", "[render][ibl]") {
    ocop::test::TestGpu gpu;
    constexpr int size = 32;
    const std::vector<glm::vec3> cpu = ocop::render::brdf_lut(size);
    const ocop::Result<std::vector<glm::vec3>> device = ocop::render::brdf_lut_gpu(*gpu.ctx, size);
    REQUIRE(device.ok());
    REQUIRE(device->size() == cpu.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < cpu.size(); ++i)
        for (int c = 0; c < 3; ++c) worst = std::max(worst, double(std::abs(device.value()[i][c] - cpu[i][c])));
    CHECK(worst < 2e-3);
}
