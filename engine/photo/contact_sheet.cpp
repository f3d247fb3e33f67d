#include "photo/contact_sheet.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/colour.h"

namespace ocop::photo {

render::Pixels thumbnail(const render::Pixels& photo, int max_side) {
    const float scale = std::min(1.0f, float(max_side) / float(std::max(photo.width, photo.height)));
    render::Pixels out;
    out.width = std::max(1u, static_cast<std::uint32_t>(std::lround(float(photo.width) * scale)));
    out.height = std::max(1u, static_cast<std::uint32_t>(std::lround(float(photo.height) * scale)));
    out.rgba8.resize(std::size_t(out.width) * out.height * 4);
    std::array<float, 256> linear{};
    for (int i = 0; i < 256; ++i) linear[std::size_t(i)] = srgb_to_linear(float(i) / 255.0f);
    // Each output pixel averages the source pixels its footprint covers (whole pixels).
    for (std::uint32_t y = 0; y < out.height; ++y) {
        const std::uint32_t y0 = y * photo.height / out.height;
        const std::uint32_t y1 = std::max(y0 + 1, (y + 1) * photo.height / out.height);
        for (std::uint32_t x = 0; x < out.width; ++x) {
            const std::uint32_t x0 = x * photo.width / out.width;
            const std::uint32_t x1 = std::max(x0 + 1, (x + 1) * photo.width / out.width);
            // Over a checkerboard: a transparent photo's edge and shadow stay visible.
            const float check = ((x / 8 + y / 8) % 2 == 0) ? 0.85f : 0.7f;
            glm::vec3 sum{0.0f};
            for (std::uint32_t sy = y0; sy < y1; ++sy)
                for (std::uint32_t sx = x0; sx < x1; ++sx) {
                    const std::uint8_t* p = &photo.rgba8[(std::size_t(sy) * photo.width + sx) * 4];
                    const float a = float(p[3]) / 255.0f;
                    sum += glm::vec3(linear[p[0]], linear[p[1]], linear[p[2]]) * a + glm::vec3(check * (1.0f - a));
                }
            sum /= float((y1 - y0) * (x1 - x0));
            std::uint8_t* o = &out.rgba8[(std::size_t(y) * out.width + x) * 4];
            o[0] = linear_to_srgb8(sum.r);
            o[1] = linear_to_srgb8(sum.g);
            o[2] = linear_to_srgb8(sum.b);
            o[3] = 255;
        }
    }
    return out;
}

render::Pixels contact_sheet(const std::vector<SheetCell>& cells, int columns, int cell_px, const scene::Font* font) {
    columns = std::max(1, std::min(columns, static_cast<int>(cells.size())));
    const int rows = (static_cast<int>(cells.size()) + columns - 1) / columns;
    const int gap = cell_px / 16;
    const int caption = font ? cell_px / 10 : 0;
    const int cell_w = cell_px + gap, cell_h = cell_px + caption + gap;
    assets::Image page = scene::make_canvas(columns * cell_w + gap, rows * cell_h + gap, glm::vec4(1.0f));
    const scene::TextStyle style{.font = font, .size_px = float(caption) * 0.62f, .colour = {0.2f, 0.2f, 0.2f, 1.0f}};
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const int cx = gap + static_cast<int>(i % std::size_t(columns)) * cell_w;
        const int cy = gap + static_cast<int>(i / std::size_t(columns)) * cell_h;
        const render::Pixels& t = cells[i].pixels;
        const int ox = cx + (cell_px - static_cast<int>(t.width)) / 2, oy = cy + (cell_px - static_cast<int>(t.height)) / 2;
        for (std::uint32_t y = 0; y < t.height; ++y)
            for (std::uint32_t x = 0; x < t.width; ++x) {
                const int px = ox + static_cast<int>(x), py = oy + static_cast<int>(y);
                if (px < 0 || py < 0 || px >= page.width || py >= page.height) continue;
                std::copy_n(&t.rgba8[(std::size_t(y) * t.width + x) * 4], 4,
                            &page.rgba8[(std::size_t(py) * std::size_t(page.width) + std::size_t(px)) * 4]);
            }
        // A hairline frame: white products on white photos still show where each cell is.
        const glm::vec4 line{0.86f, 0.86f, 0.86f, 1.0f};
        scene::fill_rect(page, glm::vec2(cx - 1, cy - 1), glm::vec2(cx + cell_px + 1, cy), line);
        scene::fill_rect(page, glm::vec2(cx - 1, cy + cell_px), glm::vec2(cx + cell_px + 1, cy + cell_px + 1), line);
        scene::fill_rect(page, glm::vec2(cx - 1, cy), glm::vec2(cx, cy + cell_px), line);
        scene::fill_rect(page, glm::vec2(cx + cell_px, cy), glm::vec2(cx + cell_px + 1, cy + cell_px), line);
        if (font)
            scene::draw_text_aligned(page, style, cells[i].caption, float(cx + cell_px / 2),
                                     float(cy + cell_px) + float(caption) * 0.75f, scene::Align::Centre);
    }
    return {static_cast<std::uint32_t>(page.width), static_cast<std::uint32_t>(page.height), std::move(page.rgba8)};
}

}  // namespace ocop::photo
