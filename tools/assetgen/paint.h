// Painting helpers for the craft samples, on top of procedural.h: sRGB encoding, cellular
// (Worley) noise for crackle glaze, eggshell tiles and shell pieces, and small shape functions.
#pragma once

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>

#include "procedural.h"

namespace ocop::samples {

// IEC 61966-2-1 sRGB transfer function, one channel in [0, 1].
inline float linear_to_srgb(float c) {
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}
inline float srgb_to_linear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
// An sRGB colour written as 0..255 bytes (how a glaze swatch is measured) to linear.
inline glm::vec3 srgb_bytes(float r, float g, float b) {
    return {srgb_to_linear(r / 255.0f), srgb_to_linear(g / 255.0f), srgb_to_linear(b / 255.0f)};
}

// The two nearest feature points of 3D cellular noise: F2 - F1 is small along the cell
// borders (cracks, gaps between tiles); `cell` identifies the nearest cell (for its colour).
struct Cells {
    float f1 = 1e9f;
    float f2 = 1e9f;
    std::uint32_t cell = 0;
};

inline Cells cellular(glm::vec3 p, std::uint32_t seed, float jitter = 0.85f) {
    const glm::vec3 i = glm::floor(p);
    Cells out;
    for (int dz = -1; dz <= 1; ++dz)
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                const int cx = static_cast<int>(i.x) + dx, cy = static_cast<int>(i.y) + dy, cz = static_cast<int>(i.z) + dz;
                const glm::vec3 feature(static_cast<float>(cx) + 0.5f + jitter * (hash01(cx, cy, cz, seed) - 0.5f),
                                        static_cast<float>(cy) + 0.5f + jitter * (hash01(cx, cy, cz, seed + 1) - 0.5f),
                                        static_cast<float>(cz) + 0.5f + jitter * (hash01(cx, cy, cz, seed + 2) - 0.5f));
                const glm::vec3 d = feature - p;
                const float dist = glm::dot(d, d);
                if (dist < out.f1) {
                    out.f2 = out.f1;
                    out.f1 = dist;
                    out.cell = hash_u32(static_cast<std::uint32_t>(cx) * 73856093U ^ static_cast<std::uint32_t>(cy) * 19349663U ^
                                        static_cast<std::uint32_t>(cz) * 83492791U ^ seed);
                } else if (dist < out.f2) {
                    out.f2 = dist;
                }
            }
    out.f1 = std::sqrt(out.f1);
    out.f2 = std::sqrt(out.f2);
    return out;
}

// 2D cellular noise (9 cells): tiles on flat lids. With `period` > 0 it repeats every
// `period` cells in x (seamless round a lathe in (u * period, t * period)).
inline Cells cellular2(glm::vec2 p, std::uint32_t seed, float jitter = 0.85f, int period = 0) {
    const glm::vec2 i = glm::floor(p);
    Cells out;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int x = static_cast<int>(i.x) + dx, cy = static_cast<int>(i.y) + dy;
            const int cx = period > 0 ? ((x % period) + period) % period : x;
            const glm::vec2 feature(static_cast<float>(x) + 0.5f + jitter * (hash01(cx, cy, 0, seed) - 0.5f),
                                    static_cast<float>(cy) + 0.5f + jitter * (hash01(cx, cy, 0, seed + 1) - 0.5f));
            const glm::vec2 d = feature - p;
            const float dist = glm::dot(d, d);
            if (dist < out.f1) {
                out.f2 = out.f1;
                out.f1 = dist;
                out.cell = hash_u32(static_cast<std::uint32_t>(cx) * 73856093U ^ static_cast<std::uint32_t>(cy) * 19349663U ^ seed);
            } else if (dist < out.f2) {
                out.f2 = dist;
            }
        }
    out.f1 = std::sqrt(out.f1);
    out.f2 = std::sqrt(out.f2);
    return out;
}

// Fractal noise in [0, 1) that is seamless round a lathe: u in [0, 1) turns once round a circle
// of `cells` cells, t runs along (one unit = one circumference, lathe.h's conformal t).
inline float periodic_noise(float u, float t, float cells, int octaves, std::uint32_t seed) {
    const float radius = cells / (2.0f * kPi);
    return fbm(glm::vec3(radius * std::cos(2.0f * kPi * u), radius * std::sin(2.0f * kPi * u), t * cells), octaves, seed);
}

inline float cell01(std::uint32_t cell, std::uint32_t salt) {
    return static_cast<float>(hash_u32(cell ^ (salt * 0x9e3779b9U)) >> 8) * (1.0f / 16777216.0f);
}

// 1 inside a line of half-width `w` around distance 0, anti-aliased over `aa`.
inline float line_mask(float distance, float w, float aa) {
    return 1.0f - glm::smoothstep(w, w + aa, std::abs(distance));
}

// A 2D fractal noise (z fixed) centred on 0: -0.5..0.5.
inline float fbm2(glm::vec2 p, int octaves, std::uint32_t seed) { return fbm(glm::vec3(p, 0.37f), octaves, seed) - 0.5f; }

}  // namespace ocop::samples
