// Text drawn into RGBA8 images with a TrueType font (stb_truetype): UTF-8 in, NFC Vietnamese
// (precomposed letters) drawn with the font's own glyphs. CPU only.
//
// Also the few shapes labels need (filled polygons, rectangles, scaled images), so that tags,
// signs and the logo are drawn by one small rasteriser: deterministic, antialiased, sRGB.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::scene {

// ---- Unicode ----------------------------------------------------------------------------

inline constexpr char32_t replacement_character = U'\uFFFD';

// UTF-8 to code points. Every ill-formed part (a stray continuation byte, an overlong form, a
// surrogate, a value above U+10FFFF, a sequence cut short) becomes one U+FFFD, as the Unicode
// standard recommends ("maximal subpart"); the decoder never reads past the end.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// Vietnamese letters typed decomposed (a base letter followed by U+0302 circumflex, U+0306
// breve, U+031B horn and/or a tone mark U+0300, U+0301, U+0303, U+0309, U+0323, in any order)
// become their precomposed NFC letters ("e" U+0302 U+0301 -> "ế"); anything else is kept.
std::u32string compose_vietnamese(std::u32string_view text);

// ---- Fonts ------------------------------------------------------------------------------

// A TrueType font read from a file. Immutable; copies share the file's bytes.
class Font {
public:
    // BadInput naming the file when it cannot be read or is not a TrueType/OpenType font.
    static Result<Font> load(const std::filesystem::path& path);

    const std::filesystem::path& path() const;
    int glyph(char32_t code_point) const;  // 0 = .notdef: the font has no such letter
    // Vertical metrics for a size in pixels per em, in pixels (ascent up, descent down, both > 0).
    float ascent(float size_px) const;
    float descent(float size_px) const;

    struct Impl;  // stb_truetype's state: kept out of this header

private:
    explicit Font(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
    friend const Impl& font_impl(const Font& font);
};

// Loaded fonts by path, owned by the caller (a batch of tags, the studio): each file is read
// once per cache, and nothing is global.
class FontCache {
public:
    Result<Font> get(const std::filesystem::path& path);
    std::size_t size() const { return fonts_.size(); }

private:
    std::map<std::filesystem::path, Font> fonts_;
};

// ---- Text -------------------------------------------------------------------------------

// How a run of text looks. Colours are sRGB 0..1 with straight alpha.
struct TextStyle {
    const Font* font = nullptr;
    float size_px = 16.0f;       // pixels per em
    glm::vec4 colour{0.0f, 0.0f, 0.0f, 1.0f};
    float tracking_em = 0.0f;    // extra space after each letter but the last, in em
    float line_spacing = 1.25f;  // baseline to baseline, in em
};

// Pixels [x0, x1) x [y0, y1); empty when x0 >= x1 or y0 >= y1.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x0 >= x1 || y0 >= y1; }
    bool operator==(const PixelRect&) const = default;
};

// The pen's advance over the text, with kerning and tracking, in pixels.
float measure_text(const TextStyle& style, std::string_view utf8);

// The pixels draw_text may touch when its pen starts at `origin` (x at the left, y on the
// baseline): the union of the glyphs' bitmap boxes, not clipped to any image.
PixelRect text_ink_bounds(const TextStyle& style, std::string_view utf8, glm::vec2 origin);

// Draws one line of text, antialiased (subpixel positions, the font's kerning), blending the
// style's colour over the image; clipped to the image. Returns the pixels it changed (clipped).
PixelRect draw_text(assets::Image& image, const TextStyle& style, std::string_view utf8, glm::vec2 origin);

enum class Align { Left, Centre, Right };

// Draws a line aligned on `x` (its left end, centre or right end).
PixelRect draw_text_aligned(assets::Image& image, const TextStyle& style, std::string_view utf8, float x,
                            float baseline, Align align);

// Greedy line breaking at spaces (and at '\n', always) so that each line fits `max_width`
// pixels; a single word wider than that gets a line of its own (fit_text shrinks it).
std::vector<std::string> wrap_text(const TextStyle& style, std::string_view utf8, float max_width);

// The same number of lines as wrap_text, with their lengths evened out (CSS's
// `text-wrap: balance`): "Khăn lụa tơ tằm / Vạn Phúc", not "Khăn lụa tơ tằm Vạn / Phúc".
std::vector<std::string> wrap_text_balanced(const TextStyle& style, std::string_view utf8, float max_width);

struct FittedText {
    float size_px = 0.0f;
    std::vector<std::string> lines;
    bool fits = false;  // false: even `min_size_px` overflows the box (lines are at that size)
};

// The largest size <= style.size_px (down to min_size_px, in steps of 2%) at which the text,
// wrapped to box.x, needs at most `max_lines` lines whose height (lines x line_spacing)
// fits box.y.
FittedText fit_text(const TextStyle& style, std::string_view utf8, glm::vec2 box, int max_lines,
                    float min_size_px);

// ---- Shapes -----------------------------------------------------------------------------

// A new image filled with one sRGB colour (alpha from colour.a).
assets::Image make_canvas(int width, int height, glm::vec4 colour, std::string name = {});

// Blends `colour` over one pixel with a coverage in 0..1 (straight alpha, sRGB).
void blend_pixel(assets::Image& image, int x, int y, glm::vec4 colour, float coverage);

// Fills closed contours by the non-zero winding rule (a contour running the other way cuts a
// hole), antialiased with exact horizontal coverage and 16 rows of samples per pixel.
void fill_contours(assets::Image& image, std::span<const std::vector<glm::vec2>> contours, glm::vec4 colour);
void fill_polygon(assets::Image& image, std::span<const glm::vec2> points, glm::vec4 colour);

// Contours for common shapes (counter-clockwise on screen unless `reversed`).
std::vector<glm::vec2> ellipse_contour(glm::vec2 centre, glm::vec2 radii, int segments = 96, bool reversed = false);
std::vector<glm::vec2> rounded_rect_contour(glm::vec2 min, glm::vec2 max, float radius, bool reversed = false);
// A five-pointed star, point up; `inner_ratio` is the inner radius over the outer one.
std::vector<glm::vec2> star_contour(glm::vec2 centre, float radius, float inner_ratio = 0.4f, bool reversed = false);

void fill_rect(assets::Image& image, glm::vec2 min, glm::vec2 max, glm::vec4 colour);

// Draws `source` scaled into the rectangle [min, min + size), area-averaged (a 512 px logo
// drawn at 60 px stays smooth), blended by its alpha.
void draw_image(assets::Image& image, const assets::Image& source, glm::vec2 min, glm::vec2 size);

}  // namespace ocop::scene
