// The printed faces of wall panels and information panels: the brand's sign (labels.h) above
// or below a simple poster drawn procedurally. `graphic` names a built-in poster (docs/fixtures.md):
// "bat-trang-kiln", "van-phuc-loom", "lacquer-layers"; any other name draws the brand pattern.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "scene/fixture_geometry.h"
#include "scene/labels.h"

namespace ocop::scene {

namespace {

using PosterPaint = glm::vec3 (*)(glm::vec2 uv, const Brand& brand);  // sRGB of a point, uv in 0..1

float poster_hash(int x, int y) {
    std::uint32_t h = static_cast<std::uint32_t>(x) * 0x8da6b343U ^ static_cast<std::uint32_t>(y) * 0xd8163841U;
    h ^= h >> 16, h *= 0x7feb352dU, h ^= h >> 15, h *= 0x846ca68bU, h ^= h >> 16;
    return static_cast<float>(h >> 8) * (1.0f / 16777216.0f);
}

glm::vec3 poster_mix(glm::vec3 a, glm::vec3 b, float t) { return a + (b - a) * std::clamp(t, 0.0f, 1.0f); }

// Bát Tràng: a brick kiln at dusk with its fire-mouth glowing, blue-and-white vases in front.
glm::vec3 poster_kiln(glm::vec2 uv, const Brand&) {
    glm::vec3 c = poster_mix({0.98f, 0.78f, 0.45f}, {0.72f, 0.30f, 0.16f}, uv.y * 1.2f);
    const glm::vec2 dome{(uv.x - 0.5f) / 0.36f, (uv.y - 0.78f) / 0.5f};
    if (dome.x * dome.x + dome.y * dome.y < 1.0f && uv.y < 0.78f + 0.001f) {
        // Brick courses, offset every other row.
        const float row = std::floor(uv.y * 40.0f);
        const float col = std::floor(uv.x * 18.0f + (static_cast<int>(row) % 2) * 0.5f);
        const bool mortar = std::fmod(uv.y * 40.0f, 1.0f) < 0.12f ||
                            std::fmod(uv.x * 18.0f + (static_cast<int>(row) % 2) * 0.5f, 1.0f) < 0.06f;
        c = mortar ? glm::vec3(0.55f, 0.45f, 0.38f)
                   : poster_mix({0.55f, 0.22f, 0.14f}, {0.68f, 0.32f, 0.2f}, poster_hash(int(col), int(row)));
        const glm::vec2 mouth{(uv.x - 0.5f) / 0.1f, (uv.y - 0.78f) / 0.2f};
        if (mouth.x * mouth.x + mouth.y * mouth.y < 1.0f)
            c = poster_mix({1.0f, 0.92f, 0.5f}, {0.95f, 0.45f, 0.1f}, std::sqrt(mouth.x * mouth.x + mouth.y * mouth.y));
    }
    if (uv.y > 0.78f) c = poster_mix({0.45f, 0.33f, 0.25f}, {0.3f, 0.22f, 0.17f}, (uv.y - 0.78f) * 5.0f);
    // Two vases: a profile of radius r(y), white porcelain with cobalt bands.
    for (const float cx : {0.2f, 0.8f}) {
        const float t = (uv.y - 0.55f) / 0.3f;  // 0 top .. 1 base
        if (t < 0.0f || t > 1.0f) continue;
        const float r = 0.035f + 0.07f * std::sin(3.14159f * std::min(1.0f, t * 1.1f)) * (t > 0.15f ? 1.0f : 0.6f);
        if (std::abs(uv.x - cx) < r) {
            const float band = std::sin(t * 40.0f + std::sin((uv.x - cx) * 60.0f) * 1.5f);
            c = band > 0.55f || (t > 0.4f && t < 0.55f) ? glm::vec3(0.12f, 0.22f, 0.55f) : glm::vec3(0.95f, 0.95f, 0.93f);
        }
    }
    return c;
}

// Vạn Phúc: cream warp threads on indigo, a woven brocade band with a diamond motif.
glm::vec3 poster_loom(glm::vec2 uv, const Brand& brand) {
    glm::vec3 c{0.08f, 0.12f, 0.3f};
    if (std::fmod(uv.x * 90.0f, 1.0f) < 0.35f) c = {0.9f, 0.86f, 0.75f};
    if (uv.y > 0.45f && uv.y < 0.85f) {
        const glm::vec2 p{uv.x * 8.0f, (uv.y - 0.45f) * 8.0f};
        const float dx = std::abs(std::fmod(p.x, 1.0f) - 0.5f), dy = std::abs(std::fmod(p.y, 1.0f) - 0.5f);
        const float diamond = dx + dy;
        c = diamond < 0.22f ? brand.secondary : diamond < 0.3f ? glm::vec3(0.95f, 0.9f, 0.8f) : glm::vec3(0.62f, 0.1f, 0.12f);
        if (std::fmod(uv.y * 200.0f, 1.0f) < 0.2f) c *= 0.85f;  // the weft's rib
    }
    return c;
}

// Hạ Thái lacquer: the layers of a lacquered board in section, eggshell and gold leaf on top.
glm::vec3 poster_lacquer(glm::vec2 uv, const Brand&) {
    const float y = uv.y + 0.015f * std::sin(uv.x * 9.0f);
    if (y < 0.18f) {  // eggshell inlay: small cracked tiles
        const int tx = static_cast<int>(uv.x * 30.0f), ty = static_cast<int>(y * 40.0f);
        const float gx = std::fmod(uv.x * 30.0f, 1.0f), gy = std::fmod(y * 40.0f, 1.0f);
        const bool crack = gx < 0.08f || gy < 0.1f;
        return crack ? glm::vec3(0.08f, 0.05f, 0.04f) : poster_mix({0.92f, 0.88f, 0.8f}, {0.98f, 0.96f, 0.9f}, poster_hash(tx, ty));
    }
    if (y < 0.3f) return poster_mix({0.85f, 0.66f, 0.25f}, {0.98f, 0.84f, 0.45f}, poster_hash(int(uv.x * 60.0f), 3));
    if (y < 0.5f) return {0.48f, 0.06f, 0.05f};
    if (y < 0.56f) return {0.12f, 0.08f, 0.06f};
    if (y < 0.75f) return {0.05f, 0.04f, 0.035f};
    if (y < 0.82f) return {0.55f, 0.42f, 0.3f};  // the clay-and-lacquer ground
    return poster_mix({0.62f, 0.45f, 0.3f}, {0.5f, 0.36f, 0.24f}, std::sin(uv.x * 80.0f + y * 10.0f) * 0.5f + 0.5f);
}

// Any other graphic: the brand's paper with diagonal bands of its colours.
glm::vec3 poster_brand(glm::vec2 uv, const Brand& brand) {
    const float d = std::fmod(uv.x + uv.y * 1.3f, 0.25f) / 0.25f;
    return d < 0.15f ? brand.primary : d < 0.2f ? brand.secondary : brand.paper;
}

PosterPaint poster_for(std::string_view graphic) {
    if (graphic == "bat-trang-kiln") return poster_kiln;
    if (graphic == "van-phuc-loom") return poster_loom;
    if (graphic == "lacquer-layers") return poster_lacquer;
    return poster_brand;
}

// Paints rows [y0, y1) of `image` with a poster, 2x2 samples a pixel (sRGB averaged: fine for
// the flat areas these posters have).
void poster_paint(assets::Image& image, int y0, int y1, PosterPaint paint, const Brand& brand) {
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < image.width; ++x) {
            glm::vec3 sum(0.0f);
            for (int s = 0; s < 4; ++s) {
                const glm::vec2 uv{(static_cast<float>(x) + 0.25f + 0.5f * static_cast<float>(s & 1)) / image.width,
                                   (static_cast<float>(y - y0) + 0.25f + 0.5f * static_cast<float>(s >> 1)) /
                                       static_cast<float>(y1 - y0)};
                sum += paint(uv, brand);
            }
            std::uint8_t* p = &image.rgba8[(static_cast<std::size_t>(y) * image.width + x) * 4];
            for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(std::clamp(sum[k] * 0.25f, 0.0f, 1.0f) * 255.0f));
            p[3] = 255;
        }
}

void poster_blit(assets::Image& dst, const assets::Image& src, int y0) {
    if (src.width != dst.width || src.rgba8.size() != static_cast<std::size_t>(src.width) * src.height * 4) return;
    for (int y = 0; y < src.height && y0 + y < dst.height; ++y)
        std::memcpy(&dst.rgba8[(static_cast<std::size_t>(y0 + y) * dst.width) * 4],
                    &src.rgba8[static_cast<std::size_t>(y) * src.width * 4], static_cast<std::size_t>(src.width) * 4);
}

assets::Image poster_canvas(int width, int height, const std::string& name) {
    assets::Image image;
    image.name = name;
    image.width = width;
    image.height = height;
    image.rgba8.assign(static_cast<std::size_t>(width) * height * 4, 255);
    return image;
}

// Paragraph-like grey bars and a picture block, so an information panel reads as one from afar.
void poster_text_block(assets::Image& image, int y0, int y1, const Brand& brand) {
    const glm::vec3 paper = brand.paper, ink = brand.ink;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < image.width; ++x) {
            const float u = static_cast<float>(x) / image.width, v = static_cast<float>(y - y0) / (y1 - y0);
            glm::vec3 c = paper;
            if (u > 0.08f && u < 0.92f && v > 0.05f && v < 0.42f)  // the picture: a warm photo-like block
                c = poster_mix({0.75f, 0.55f, 0.35f}, {0.35f, 0.22f, 0.15f}, v * 2.0f + 0.3f * std::sin(u * 12.0f));
            const float line = std::fmod(v * 24.0f, 1.0f);
            const int row = static_cast<int>(v * 24.0f);
            const float end = 0.92f - 0.25f * poster_hash(row, 7) * static_cast<float>(row % 4 == 3);
            if (v > 0.5f && v < 0.95f && line > 0.35f && line < 0.65f && u > 0.08f && u < end)
                c = poster_mix(paper, ink, 0.55f);
            std::uint8_t* p = &image.rgba8[(static_cast<std::size_t>(y) * image.width + x) * 4];
            for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(std::clamp(c[k], 0.0f, 1.0f) * 255.0f));
        }
}

}  // namespace

assets::Image fixture_panel_image(const Fixture& fixture, const Brand& brand, glm::vec2 face_m, bool information) {
    // About 256 pixels a metre, at most 1024 on the long side: readable, and small on the GPU.
    const float scale = std::min(256.0f, 1024.0f / std::max(face_m.x, face_m.y));
    const int width = std::max(32, static_cast<int>(std::lround(face_m.x * scale)));
    const int height = std::max(32, static_cast<int>(std::lround(face_m.y * scale)));
    assets::Image image = poster_canvas(width, height, fixture.type + "-face");
    // The sign band: as tall as a sign board (its text is laid out for about 2:1 .. 4:1).
    const int band = std::clamp(static_cast<int>(std::lround(0.42f * width)), 16, height / 2);
    const assets::Image sign = sign_image(fixture.text, brand, width, band);
    if (information) {
        poster_blit(image, sign, 0);
        if (fixture.graphic.empty()) poster_text_block(image, band, height, brand);
        else poster_paint(image, band, height, poster_for(fixture.graphic), brand);
    } else if (fixture.graphic.empty()) {
        poster_paint(image, 0, height - band, poster_brand, brand);
        poster_blit(image, sign, height - band);
    } else {
        poster_paint(image, 0, height - band, poster_for(fixture.graphic), brand);
        poster_blit(image, sign, height - band);
    }
    return image;
}

assets::Image fixture_slide_image(const Fixture& fixture, const Brand& brand, int width_px, int height_px) {
    // The sign is laid out for a wide board, so on a 16:9 slide it is a band across the middle,
    // on the brand's paper with a line of its colour at the foot.
    assets::Image image = poster_canvas(width_px, height_px, fixture.type + "-slide");
    for (int y = 0; y < height_px; ++y)
        for (int x = 0; x < width_px; ++x) {
            const glm::vec3 c = y > height_px * 92 / 100 ? brand.primary : y > height_px * 90 / 100 ? brand.secondary : brand.paper;
            std::uint8_t* p = &image.rgba8[(static_cast<std::size_t>(y) * width_px + x) * 4];
            for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(std::clamp(c[k], 0.0f, 1.0f) * 255.0f));
        }
    const int band = std::max(16, width_px / 3);
    poster_blit(image, sign_image(fixture.text, brand, width_px, std::min(band, height_px)), std::max(0, (height_px - band) * 45 / 100));
    return image;
}

}  // namespace ocop::scene
