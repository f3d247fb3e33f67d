// Small deterministic building blocks shared by the sample generators: hash noise, fractal
// noise and an RGBA8 canvas. Integer hashing only (no std::rand, no time), so every run
// gives the same bytes.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace ocop::samples {

constexpr float kPi = 3.14159265358979f;

// A 32-bit integer hash (Wang / Jenkins style mixing).
inline std::uint32_t hash_u32(std::uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// Uniform in [0, 1) from integer coordinates and a seed.
inline float hash01(int x, int y, int z, std::uint32_t seed) {
    std::uint32_t h = hash_u32(static_cast<std::uint32_t>(x) * 0x8da6b343U ^
                               static_cast<std::uint32_t>(y) * 0xd8163841U ^
                               static_cast<std::uint32_t>(z) * 0xcb1ab31fU ^ seed * 0x9e3779b9U);
    return static_cast<float>(h >> 8) * (1.0f / 16777216.0f);
}

inline float smooth5(float t) { return t * t * t * (t * (t * 6.0f - 15.0f) + 10.0f); }

// Value noise in [0, 1), smooth (quintic), on the integer lattice.
inline float value_noise(glm::vec3 p, std::uint32_t seed) {
    const glm::vec3 i = glm::floor(p);
    const glm::vec3 f = p - i;
    const int x = static_cast<int>(i.x), y = static_cast<int>(i.y), z = static_cast<int>(i.z);
    const float u = smooth5(f.x), v = smooth5(f.y), w = smooth5(f.z);
    auto h = [&](int dx, int dy, int dz) { return hash01(x + dx, y + dy, z + dz, seed); };
    const float x00 = h(0, 0, 0) + (h(1, 0, 0) - h(0, 0, 0)) * u;
    const float x10 = h(0, 1, 0) + (h(1, 1, 0) - h(0, 1, 0)) * u;
    const float x01 = h(0, 0, 1) + (h(1, 0, 1) - h(0, 0, 1)) * u;
    const float x11 = h(0, 1, 1) + (h(1, 1, 1) - h(0, 1, 1)) * u;
    const float y0 = x00 + (x10 - x00) * v;
    const float y1 = x01 + (x11 - x01) * v;
    return y0 + (y1 - y0) * w;
}

// Fractal sum of `octaves` value-noise layers, in [0, 1).
inline float fbm(glm::vec3 p, int octaves, std::uint32_t seed) {
    float sum = 0.0f, amplitude = 0.5f, norm = 0.0f;
    for (int o = 0; o < octaves; ++o) {
        sum += amplitude * value_noise(p, seed + static_cast<std::uint32_t>(o) * 101U);
        norm += amplitude;
        amplitude *= 0.5f;
        p *= 2.03f;
    }
    return sum / norm;
}

// An RGBA8 image being painted; `to_image` hands it to a Model (export encodes it as PNG).
struct Canvas {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;

    Canvas(int w, int h, glm::u8vec4 fill = {255, 255, 255, 255})
        : width(w), height(h), rgba(static_cast<std::size_t>(w) * h * 4) {
        for (std::size_t i = 0; i < rgba.size(); i += 4) {
            rgba[i] = fill.r, rgba[i + 1] = fill.g, rgba[i + 2] = fill.b, rgba[i + 3] = fill.a;
        }
    }
    std::uint8_t* at(int x, int y) { return &rgba[(static_cast<std::size_t>(y) * width + x) * 4]; }
    void set(int x, int y, glm::vec4 c) {  // c in 0..1 (already encoded: sRGB for colour slots)
        std::uint8_t* p = at(x, y);
        for (int k = 0; k < 4; ++k) {
            p[k] = static_cast<std::uint8_t>(std::lround(std::clamp(c[k], 0.0f, 1.0f) * 255.0f));
        }
    }
    assets::Image to_image(std::string name) && {
        assets::Image image;
        image.name = std::move(name);
        image.width = width;
        image.height = height;
        image.rgba8 = std::move(rgba);
        return image;
    }
};

}  // namespace ocop::samples
