// The CPU bake of a studio HDRI into SH irradiance and GGX-prefiltered levels, its disk cache,
// and the BRDF lookup table (render/environment_bake.h). No GPU: small images, small settings.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <random>

#include "assets/image.h"
#include "render/environment_bake.h"
#include "support.h"

namespace {

namespace envbake_fs = std::filesystem;
using ocop::render::BakedEnvironment;
using ocop::render::BakeSettings;
using ocop::render::EnvironmentLevel;

constexpr double envbake_pi = 3.14159265358979323846;

// Small enough for a test, large enough for three distinct levels: 32x16, 16x8, 8x4.
constexpr BakeSettings envbake_small{.base_width = 32, .level_count = 3, .samples = 64};

// An equirect image of `pixel(x, y)`, row 0 at the top.
ocop::assets::Image envbake_image(int width, int height, const std::function<glm::vec3(int, int)>& pixel) {
    ocop::assets::Image image;
    image.width = width;
    image.height = height;
    image.rgba32f.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const glm::vec3 c = pixel(x, y);
            float* p = &image.rgba32f[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                       static_cast<std::size_t>(x)) * 4];
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
            p[3] = 1.0f;
        }
    return image;
}

// The irradiance / pi the renderer computes from the coefficients (the header's basis).
glm::vec3 envbake_eval_sh(const std::array<glm::vec3, 9>& sh, glm::vec3 d) {
    const std::array<float, 9> y = {0.282095f,
                                    0.488603f * d.y,
                                    0.488603f * d.z,
                                    0.488603f * d.x,
                                    1.092548f * d.x * d.y,
                                    1.092548f * d.y * d.z,
                                    0.315392f * (3.0f * d.z * d.z - 1.0f),
                                    1.092548f * d.x * d.z,
                                    0.546274f * (d.x * d.x - d.y * d.y)};
    glm::vec3 sum(0.0f);
    for (std::size_t i = 0; i < 9; ++i) sum += sh[i] * y[i];
    return sum;
}

glm::vec3 envbake_texel(const EnvironmentLevel& level, int x, int y) {
    const float* p = &level.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(level.width) +
                                  static_cast<std::size_t>(x)) * 4];
    return {p[0], p[1], p[2]};
}

// The mean radiance over the sphere, each texel weighted by its solid angle.
glm::dvec3 envbake_mean(const float* rgba, int width, int height) {
    glm::dvec3 sum(0.0);
    for (int y = 0; y < height; ++y) {
        const double top = std::sin(0.5 * envbake_pi - y * envbake_pi / height);
        const double bottom = std::sin(0.5 * envbake_pi - (y + 1) * envbake_pi / height);
        for (int x = 0; x < width; ++x) {
            const float* p = rgba + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                                     static_cast<std::size_t>(x)) * 4;
            sum += glm::dvec3(p[0], p[1], p[2]) * (top - bottom);
        }
    }
    return sum / (2.0 * width);
}

// The level's texel with the largest red value.
std::pair<int, int> envbake_brightest(const EnvironmentLevel& level) {
    std::pair<int, int> best{0, 0};
    float best_value = -1.0f;
    for (int y = 0; y < level.height; ++y)
        for (int x = 0; x < level.width; ++x)
            if (envbake_texel(level, x, y).r > best_value) {
                best_value = envbake_texel(level, x, y).r;
                best = {x, y};
            }
    return best;
}

bool envbake_all_finite(const BakedEnvironment& baked) {
    for (const glm::vec3& c : baked.sh)
        if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.z)) return false;
    for (const EnvironmentLevel& level : baked.levels)
        for (float v : level.rgba)
            if (!std::isfinite(v) || v < 0.0f) return false;
    return true;
}

bool envbake_identical(const BakedEnvironment& a, const BakedEnvironment& b) {
    if (std::memcmp(a.sh.data(), b.sh.data(), sizeof(a.sh)) != 0 || a.levels.size() != b.levels.size() ||
        a.sheen.size() != b.sheen.size())
        return false;
    for (std::size_t i = 0; i < a.levels.size() + a.sheen.size(); ++i) {
        const bool sheen = i >= a.levels.size();
        const EnvironmentLevel& la = sheen ? a.sheen[i - a.levels.size()] : a.levels[i];
        const EnvironmentLevel& lb = sheen ? b.sheen[i - b.levels.size()] : b.levels[i];
        if (la.width != lb.width || la.height != lb.height || la.rgba.size() != lb.rgba.size() ||
            std::memcmp(la.rgba.data(), lb.rgba.data(), la.rgba.size() * sizeof(float)) != 0)
            return false;
    }
    return true;
}

// A Radiance .hdr with flat (not run-length encoded) RGBE scanlines, as stb_image reads them.
// Width at least 8, and no pixel may start with the bytes 2, 2 (the mark of an RLE scanline).
void envbake_write_hdr(const envbake_fs::path& path, int width, int height,
                       const std::function<glm::vec3(int, int)>& pixel) {
    std::ofstream out(path, std::ios::binary);
    out << "#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n-Y " << height << " +X " << width << "\n";
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const glm::vec3 c = pixel(x, y);
            const float v = std::max({c.r, c.g, c.b});
            std::array<unsigned char, 4> rgbe{0, 0, 0, 0};
            if (v > 1e-32f) {
                int exponent = 0;
                const float scale = std::frexp(v, &exponent) * 256.0f / v;
                rgbe = {static_cast<unsigned char>(c.r * scale), static_cast<unsigned char>(c.g * scale),
                        static_cast<unsigned char>(c.b * scale), static_cast<unsigned char>(exponent + 128)};
            }
            out.write(reinterpret_cast<const char*>(rgbe.data()), 4);
        }
}

std::vector<envbake_fs::path> envbake_files_in(const envbake_fs::path& dir) {
    std::vector<envbake_fs::path> files;
    if (envbake_fs::exists(dir))
        for (const auto& entry : envbake_fs::directory_iterator(dir)) files.push_back(entry.path());
    return files;
}

}  // namespace

TEST_CASE("environment bake: a uniform HDR gives SH and every level of that radiance", "[render][environment]") {
    const glm::vec3 radiance(0.3f, 0.5f, 0.7f);
    const ocop::assets::Image hdr = envbake_image(64, 32, [&](int, int) { return radiance; });
    const BakedEnvironment baked = ocop::render::bake_environment(hdr, envbake_small);
    REQUIRE(baked.levels.size() == 3);
    CHECK(baked.levels[0].width == 32);
    CHECK(baked.levels[0].height == 16);
    CHECK(baked.levels[1].width == 16);
    CHECK(baked.levels[2].width == 8);
    CHECK(baked.levels[2].height == 4);

    std::mt19937 random(7);
    std::normal_distribution<float> gaussian;
    for (int i = 0; i < 20; ++i) {
        const glm::vec3 n = glm::normalize(glm::vec3(gaussian(random), gaussian(random), gaussian(random)));
        const glm::vec3 e = envbake_eval_sh(baked.sh, n);
        INFO("normal " << n.x << ", " << n.y << ", " << n.z << " gives " << e.x << ", " << e.y << ", " << e.z);
        for (int c = 0; c < 3; ++c) CHECK(std::abs(e[c] - radiance[c]) < 0.01f * radiance[c]);
    }
    for (std::size_t i = 0; i < baked.levels.size(); ++i) {
        const EnvironmentLevel& level = baked.levels[i];
        REQUIRE(level.rgba.size() == static_cast<std::size_t>(level.width * level.height * 4));
        float worst = 0.0f;
        for (int y = 0; y < level.height; ++y)
            for (int x = 0; x < level.width; ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::abs(envbake_texel(level, x, y)[c] - radiance[c]) / radiance[c]);
        INFO("level " << i);
        CHECK(worst < 0.01f);
    }
}

TEST_CASE("environment bake: uniform_environment has a bake's sizes and the value everywhere", "[render][environment]") {
    const glm::vec3 value(0.25f, 1.0f, 4.0f);
    const BakedEnvironment uniform = ocop::render::uniform_environment(value, envbake_small);
    const BakedEnvironment baked =
        ocop::render::bake_environment(envbake_image(16, 8, [](int, int) { return glm::vec3(1.0f); }), envbake_small);
    REQUIRE(uniform.levels.size() == baked.levels.size());
    for (std::size_t i = 0; i < uniform.levels.size(); ++i) {
        CHECK(uniform.levels[i].width == baked.levels[i].width);
        CHECK(uniform.levels[i].height == baked.levels[i].height);
        for (std::size_t t = 0; t < uniform.levels[i].rgba.size(); t += 4) {
            REQUIRE(uniform.levels[i].rgba[t] == value.r);
            REQUIRE(uniform.levels[i].rgba[t + 2] == value.b);
            REQUIRE(uniform.levels[i].rgba[t + 3] == 1.0f);
        }
    }
    // The sheen chain: 128x64 down to 8x4 (sheen roughness 0, 0.25 ... 1), the value everywhere; and
    // a bake of a uniform HDR keeps it uniform (each texel is a normalised weighted average).
    REQUIRE(uniform.sheen.size() == 5);
    REQUIRE(baked.sheen.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(uniform.sheen[i].width == (128 >> i));
        CHECK(baked.sheen[i].height == (64 >> i));
        for (std::size_t t = 0; t < uniform.sheen[i].rgba.size(); t += 4) REQUIRE(uniform.sheen[i].rgba[t + 1] == value.g);
        for (float v : baked.sheen[i].rgba) REQUIRE(v == Approx(1.0f).epsilon(1e-5));
    }
    for (const glm::vec3 n : {glm::vec3(1, 0, 0), glm::vec3(0, -1, 0), glm::normalize(glm::vec3(1, 2, 3))}) {
        const glm::vec3 e = envbake_eval_sh(uniform.sh, n);
        for (int c = 0; c < 3; ++c) CHECK(e[c] == Approx(value[c]).epsilon(1e-5));
    }
    // The default settings: 512x256 down to 16x8, six levels, each exactly half the one before.
    const BakedEnvironment defaults = ocop::render::uniform_environment(value);
    REQUIRE(defaults.levels.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
        CHECK(defaults.levels[i].width == 512 >> i);
        CHECK(defaults.levels[i].height == 256 >> i);
    }
}

TEST_CASE("environment bake: a bright patch at +X lights +X and sits in the centre column and keeps its energy",
          "[render][environment]") {
    // 64x32: columns 30-33 straddle u = 0.5 (+X), rows 14-17 straddle the horizon.
    const ocop::assets::Image hdr = envbake_image(64, 32, [](int x, int y) {
        return x >= 30 && x <= 33 && y >= 14 && y <= 17 ? glm::vec3(100.0f) : glm::vec3(0.0f);
    });
    // A small bright patch read from coarse pyramid levels loses a little to their bilinear
    // reconstruction: about 1% at 512 samples, 3% at 128.
    const BakeSettings settings{.base_width = 64, .level_count = 3, .samples = 512};
    const BakedEnvironment baked = ocop::render::bake_environment(hdr, settings);
    REQUIRE(baked.levels.size() == 3);

    const float toward = envbake_eval_sh(baked.sh, {1, 0, 0}).r, away = envbake_eval_sh(baked.sh, {-1, 0, 0}).r;
    INFO("SH +X " << toward << ", -X " << away);
    CHECK(toward > 0.0f);
    CHECK(toward > 5.0f * std::max(away, 0.0f));
    CHECK(toward > envbake_eval_sh(baked.sh, {0, 0, 1}).r);
    CHECK(toward > envbake_eval_sh(baked.sh, {0, 1, 0}).r);

    const glm::dvec3 source_mean = envbake_mean(hdr.rgba32f.data(), hdr.width, hdr.height);
    for (std::size_t i = 0; i < baked.levels.size(); ++i) {
        const EnvironmentLevel& level = baked.levels[i];
        const auto [x, y] = envbake_brightest(level);
        INFO("level " << i << ": brightest texel " << x << ", " << y);
        // The patch spans u, v in 0.5 +- 1/32; a coarse level's nearest texel centre is half a texel off.
        CHECK(std::abs((x + 0.5) / level.width - 0.5) <= 0.5 / level.width + 0.04);
        CHECK(std::abs((y + 0.5) / level.height - 0.5) <= 0.5 / level.height + 0.04);
        const glm::dvec3 mean = envbake_mean(level.rgba.data(), level.width, level.height);
        INFO("mean radiance " << mean.r << " against the source's " << source_mean.r);
        CHECK(std::abs(mean.r / source_mean.r - 1.0) < 0.03);
    }
    // Rougher is blurrier: the peak falls from level to level.
    CHECK(envbake_texel(baked.levels[1], 32 / 2, 16 / 2).r < envbake_texel(baked.levels[0], 64 / 2, 32 / 2).r);
    CHECK(envbake_texel(baked.levels[2], 16 / 2, 8 / 2).r < envbake_texel(baked.levels[1], 32 / 2, 16 / 2).r);
}

TEST_CASE("environment bake: +Y is the top row and +Z is three quarters across", "[render][environment]") {
    // The top half lit, the bottom half black.
    const BakedEnvironment sky = ocop::render::bake_environment(
        envbake_image(64, 32, [](int, int y) { return y < 16 ? glm::vec3(1.0f) : glm::vec3(0.0f); }), envbake_small);
    const float up = envbake_eval_sh(sky.sh, {0, 1, 0}).r, down = envbake_eval_sh(sky.sh, {0, -1, 0}).r;
    INFO("SH +Y " << up << ", -Y " << down);
    CHECK(up == Approx(1.0f).margin(0.1f));  // a white floor under a white sky: 1
    CHECK(std::abs(down) < 0.1f);
    CHECK(up > 10.0f * std::abs(down));
    for (const EnvironmentLevel& level : sky.levels)
        CHECK(envbake_texel(level, 0, 0).r > envbake_texel(level, 0, level.height - 1).r + 0.5f);

    // A patch at +Z: u = atan2(1, 0) / 2pi + 0.5 = 0.75, on the horizon.
    const BakedEnvironment patch = ocop::render::bake_environment(
        envbake_image(64, 32, [](int x, int y) {
            return x >= 46 && x <= 49 && y >= 14 && y <= 17 ? glm::vec3(50.0f) : glm::vec3(0.0f);
        }),
        envbake_small);
    CHECK(envbake_eval_sh(patch.sh, {0, 0, 1}).r > 5.0f * std::max(0.0f, envbake_eval_sh(patch.sh, {0, 0, -1}).r));
    CHECK(envbake_eval_sh(patch.sh, {0, 0, 1}).r > envbake_eval_sh(patch.sh, {1, 0, 0}).r);
    for (const EnvironmentLevel& level : patch.levels) {
        const auto [x, y] = envbake_brightest(level);
        INFO(level.width << "x" << level.height << ": brightest texel " << x << ", " << y);
        CHECK(std::abs((x + 0.5) / level.width - 0.75) <= 0.5 / level.width + 0.04);
        CHECK(std::abs((y + 0.5) / level.height - 0.5) <= 0.5 / level.height + 0.04);
    }
}

TEST_CASE("environment bake: the same input bakes to the same bytes", "[render][environment]") {
    std::mt19937 random(11);
    std::exponential_distribution<float> radiance(1.0f);
    const ocop::assets::Image hdr =
        envbake_image(48, 24, [&](int, int) { return glm::vec3(radiance(random), radiance(random), radiance(random)); });
    const BakedEnvironment a = ocop::render::bake_environment(hdr, envbake_small);
    const BakedEnvironment b = ocop::render::bake_environment(hdr, envbake_small);
    CHECK(envbake_identical(a, b));
    CHECK(envbake_all_finite(a));
}

TEST_CASE("environment bake: NaN and infinite and negative and tiny inputs bake to finite values", "[render][environment]") {
    constexpr float nan = std::numeric_limits<float>::quiet_NaN();
    constexpr float inf = std::numeric_limits<float>::infinity();
    const ocop::assets::Image hostile = envbake_image(40, 20, [&](int x, int y) {
        switch ((x + 3 * y) % 6) {
            case 0: return glm::vec3(nan, 1.0f, 2.0f);
            case 1: return glm::vec3(inf, -inf, 1.0f);
            case 2: return glm::vec3(-5.0f, 3.0f, nan);
            case 3: return glm::vec3(3e38f, 1.0f, 1.0f);
            default: return glm::vec3(0.5f);
        }
    });
    const BakedEnvironment baked = ocop::render::bake_environment(hostile, envbake_small);
    CHECK(envbake_all_finite(baked));

    // 2x1: one texel towards -Z, one towards +Z; and 1x1.
    const BakedEnvironment tiny = ocop::render::bake_environment(
        envbake_image(2, 1, [](int x, int) { return glm::vec3(x == 0 ? 1.0f : 3.0f); }), envbake_small);
    REQUIRE(tiny.levels.size() == 3);
    CHECK(envbake_all_finite(tiny));
    CHECK(envbake_eval_sh(tiny.sh, {0, 0, 1}).r > envbake_eval_sh(tiny.sh, {0, 0, -1}).r);
    const glm::dvec3 tiny_mean = envbake_mean(tiny.levels[0].rgba.data(), tiny.levels[0].width, tiny.levels[0].height);
    CHECK(tiny_mean.r == Approx(2.0).epsilon(0.001));  // enlarged, energy kept
    CHECK(envbake_all_finite(
        ocop::render::bake_environment(envbake_image(1, 1, [](int, int) { return glm::vec3(1.0f); }), envbake_small)));

    // Pixels that do not match the size bake as black instead of reading past the end.
    ocop::assets::Image short_pixels = envbake_image(8, 4, [](int, int) { return glm::vec3(1.0f); });
    short_pixels.rgba32f.resize(10);
    const BakedEnvironment black = ocop::render::bake_environment(short_pixels, envbake_small);
    REQUIRE(black.levels.size() == 3);
    CHECK(black.levels[0].rgba[0] == 0.0f);
}

TEST_CASE("environment bake: the disk cache is written and read back and rebuilt when damaged", "[render][environment]") {
    const envbake_fs::path dir = ocop::test::scratch_dir("environment_bake_cache");
    const envbake_fs::path hdr_path = dir / "studio.hdr";
    const envbake_fs::path cache = dir / "cache";
    envbake_write_hdr(hdr_path, 32, 16, [](int x, int y) {
        return x >= 14 && x <= 17 && y < 8 ? glm::vec3(8.0f, 4.0f, 2.0f) : glm::vec3(0.25f, 0.5f, 0.75f);
    });
    const ocop::Result<ocop::assets::Image> decoded = ocop::assets::load_hdr_image(hdr_path);
    REQUIRE(decoded.ok());
    REQUIRE(decoded->width == 32);
    REQUIRE(decoded->height == 16);
    CHECK(decoded->rgba32f[0] == Approx(0.25f).epsilon(0.01));
    CHECK(decoded->rgba32f[(16 * 0 + 15) * 4] == Approx(8.0f).epsilon(0.01));
    const BakedEnvironment expected = ocop::render::bake_environment(decoded.value(), envbake_small);

    const ocop::Result<BakedEnvironment> first = ocop::render::load_baked_environment(hdr_path, cache, envbake_small);
    REQUIRE(first.ok());
    CHECK(envbake_identical(first.value(), expected));
    REQUIRE(envbake_files_in(cache).size() == 1);
    const envbake_fs::path cache_file = envbake_files_in(cache)[0];
    CHECK(cache_file.extension() == ".ibl");
    CHECK(cache_file.stem().string().size() == 16);
    const auto written = envbake_fs::last_write_time(cache_file);
    const auto full_size = envbake_fs::file_size(cache_file);

    // A hit: read back identical, the file untouched. A renamed copy of the HDR hits too.
    const ocop::Result<BakedEnvironment> second = ocop::render::load_baked_environment(hdr_path, cache, envbake_small);
    REQUIRE(second.ok());
    CHECK(envbake_identical(second.value(), expected));
    CHECK(envbake_fs::last_write_time(cache_file) == written);
    envbake_fs::copy_file(hdr_path, dir / "renamed.hdr");
    REQUIRE(ocop::render::load_baked_environment(dir / "renamed.hdr", cache, envbake_small).ok());
    CHECK(envbake_files_in(cache).size() == 1);

    // Other settings are another key.
    BakeSettings other = envbake_small;
    other.samples = 32;
    REQUIRE(ocop::render::load_baked_environment(hdr_path, cache, other).ok());
    CHECK(envbake_files_in(cache).size() == 2);

    // Truncated: ignored, baked again, rewritten whole.
    envbake_fs::resize_file(cache_file, full_size / 2);
    const ocop::Result<BakedEnvironment> truncated = ocop::render::load_baked_environment(hdr_path, cache, envbake_small);
    REQUIRE(truncated.ok());
    CHECK(envbake_identical(truncated.value(), expected));
    CHECK(envbake_fs::file_size(cache_file) == full_size);

    // One flipped byte in the pixels: the checksum refuses it.
    {
        std::fstream file(cache_file, std::ios::in | std::ios::out | std::ios::binary);
        file.seekp(static_cast<std::streamoff>(full_size / 2));
        file.put('\x7f');
        file.put('\x7f');
    }
    const ocop::Result<BakedEnvironment> flipped = ocop::render::load_baked_environment(hdr_path, cache, envbake_small);
    REQUIRE(flipped.ok());
    CHECK(envbake_identical(flipped.value(), expected));

    // A cache that cannot be written (its folder would be under a file) is not an error.
    const ocop::Result<BakedEnvironment> unwritable =
        ocop::render::load_baked_environment(hdr_path, hdr_path / "cache", envbake_small);
    REQUIRE(unwritable.ok());
    CHECK(envbake_identical(unwritable.value(), expected));

    // A missing HDR is the error, naming the file.
    const ocop::Result<BakedEnvironment> missing =
        ocop::render::load_baked_environment(dir / "missing.hdr", cache, envbake_small);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == ocop::Error::Kind::BadInput);
    CHECK(missing.error().message().find("missing.hdr") != std::string::npos);
    // And a file that is not an HDR.
    std::ofstream(dir / "not.hdr") << "hello";
    CHECK_FALSE(ocop::render::load_baked_environment(dir / "not.hdr", cache, envbake_small).ok());
}

TEST_CASE("environment bake: the cache folder follows XDG_CACHE_HOME and then HOME", "[render][environment]") {
    const auto saved = [](const char* name) {
        const char* v = std::getenv(name);
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
    const std::optional<std::string> xdg = saved("XDG_CACHE_HOME"), home = saved("HOME");
    setenv("XDG_CACHE_HOME", "/var/cache/someone", 1);
    CHECK(ocop::render::default_environment_cache_dir() == envbake_fs::path("/var/cache/someone/ocop-showroom/ibl"));
    setenv("XDG_CACHE_HOME", "", 1);
    setenv("HOME", "/home/someone", 1);
    CHECK(ocop::render::default_environment_cache_dir() == envbake_fs::path("/home/someone/.cache/ocop-showroom/ibl"));
    unsetenv("HOME");
    CHECK(ocop::render::default_environment_cache_dir().filename() == "ocop-showroom-ibl");
    for (const auto& [name, value] : {std::pair{"XDG_CACHE_HOME", xdg}, std::pair{"HOME", home}}) {
        if (value)
            setenv(name, value->c_str(), 1);
        else
            unsetenv(name);
    }
}

TEST_CASE("brdf lut: the split sum is 1 head-on when smooth and falls with roughness and sheen albedo is at most 1",
          "[render][environment][brdf]") {
    constexpr int size = 64;
    const std::vector<glm::vec3> lut = ocop::render::brdf_lut(size);
    REQUIRE(lut.size() == static_cast<std::size_t>(size * size));
    const auto at = [&](int n_dot_v, int roughness) { return lut[static_cast<std::size_t>(roughness * size + n_dot_v)]; };

    const glm::vec3 head_on_smooth = at(size - 1, 0);
    CHECK(head_on_smooth.x + head_on_smooth.y == Approx(1.0f).epsilon(0.02));
    CHECK(head_on_smooth.y < 0.01f);  // F0 = 1 gets the whole A + B; F0 = 0 nearly nothing at normal incidence
    // At 75 degrees (n.v = 0.26) rougher loses more to shadowing. (Closer to grazing it does not:
    // with height-correlated Smith, A + B for alpha = 1 climbs back to 1 as n.v goes to 0.)
    float previous = 2.0f;
    for (int roughness : {4, 16, 32, 48, 63}) {
        const glm::vec3 grazing = at(16, roughness);
        INFO("roughness row " << roughness << ": A + B = " << grazing.x + grazing.y);
        CHECK(grazing.x + grazing.y < previous);
        previous = grazing.x + grazing.y;
    }
    // Closed form for alpha = 1 head-on (D = 1/pi, V = 0.5 / (n.l + 1)): 1 - ln 2.
    const glm::vec3 rough_head_on = at(size - 1, size - 1);
    CHECK(rough_head_on.x + rough_head_on.y == Approx(1.0f - std::log(2.0f)).margin(0.02f));
    for (const glm::vec3& v : lut) {
        REQUIRE(std::isfinite(v.x));
        REQUIRE(std::isfinite(v.y));
        REQUIRE(std::isfinite(v.z));
        REQUIRE(v.x >= 0.0f);
        REQUIRE(v.y >= 0.0f);
        REQUIRE(v.x + v.y <= 1.02f);
        REQUIRE(v.z >= 0.0f);
        REQUIRE(v.z <= 1.0f);
    }
    // Rough sheen reflects more than smooth sheen head-on (the Charlie lobe widens).
    CHECK(at(size - 1, size - 1).z > at(size - 1, 4).z);
    CHECK(ocop::render::brdf_lut(8) == ocop::render::brdf_lut(8));  // deterministic
    CHECK(ocop::render::brdf_lut(0).empty());
}

TEST_CASE("environment bake: the sheen chain gathers around the normal", "[render][environment]") {
    // Radiance 1 above the horizon, 0 below: a normal pointing up sees the lit half with the whole
    // lobe, one pointing down sees none of it, and one lying in the horizon half of it. At sheen
    // roughness 0 the lobe (with n = v) is a thin ring 90 degrees from the normal, so there every
    // normal sees half lit, half dark: up and down alike read the horizon.
    const BakedEnvironment baked = ocop::render::bake_environment(
        envbake_image(64, 32, [](int, int y) { return glm::vec3(y < 16 ? 1.0f : 0.0f); }), envbake_small);
    REQUIRE(baked.sheen.size() == 5);
    for (std::size_t i = 0; i < baked.sheen.size(); ++i) {
        INFO("sheen level " << i);
        const EnvironmentLevel& level = baked.sheen[i];
        const auto at = [&](int x, int y) {
            return level.rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(level.width) + static_cast<std::size_t>(x)) * 4];
        };
        if (i == 0) {
            CHECK(at(0, 0) == Approx(0.5f).margin(0.15f));
            CHECK(at(0, level.height - 1) == Approx(0.5f).margin(0.15f));
            continue;
        }
        CHECK(at(0, 0) > 0.75f);                              // the top row: normals near +Y
        CHECK(at(0, level.height - 1) < 0.25f);               // the bottom row
        const float side = 0.5f * (at(level.width / 3, level.height / 2 - 1) + at(level.width / 3, level.height / 2));
        CHECK(side == Approx(0.5f).margin(0.15f));            // the two rows either side of the horizon
    }
}
