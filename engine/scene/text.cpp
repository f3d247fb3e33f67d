#include "scene/text.h"

#include <algorithm>
#include <array>
#include <cmath>

// The stb_truetype implementation is compiled into Debian's libstb (linked through
// pkg-config's `stb`, as stb_image and stb_image_write are): defining
// STB_TRUETYPE_IMPLEMENTATION here as well would put a second copy in the program.
#include <stb_truetype.h>

#include "core/files.h"

namespace ocop::scene {

// ---- Unicode ----------------------------------------------------------------------------

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    const std::size_t n = text.size();
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < n) {
        const unsigned char b = byte(i);
        if (b < 0x80) {
            out.push_back(b);
            ++i;
            continue;
        }
        // Lead byte: how many continuation bytes follow and the range allowed for the first
        // of them (which excludes overlong forms, surrogates and values above U+10FFFF).
        int extra = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        char32_t cp = 0;
        if (b >= 0xC2 && b <= 0xDF) {
            extra = 1;
            cp = b & 0x1Fu;
        } else if (b >= 0xE0 && b <= 0xEF) {
            extra = 2;
            cp = b & 0x0Fu;
            if (b == 0xE0) lo = 0xA0;
            if (b == 0xED) hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            extra = 3;
            cp = b & 0x07u;
            if (b == 0xF0) lo = 0x90;
            if (b == 0xF4) hi = 0x8F;
        } else {
            out.push_back(replacement_character);
            ++i;
            continue;
        }
        std::size_t k = i + 1;
        bool good = true;
        for (int e = 0; e < extra; ++e, ++k) {
            if (k >= n) {
                good = false;
                break;
            }
            const unsigned char c = byte(k);
            const unsigned char min = e == 0 ? lo : 0x80;
            const unsigned char max = e == 0 ? hi : 0xBF;
            if (c < min || c > max) {
                good = false;
                break;
            }
            cp = (cp << 6) | (c & 0x3Fu);
        }
        // A broken sequence is replaced once; the byte that broke it is read again.
        out.push_back(good ? cp : replacement_character);
        i = k;
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text) {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = replacement_character;
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

namespace {

// Every Vietnamese vowel: a row per letter (the plain vowel or one with its circumflex, breve or
// horn), a column per tone: none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng
// (dot below). Generated from Python's unicodedata.normalize("NFC", base + mark).
constexpr std::array<std::array<char32_t, 6>, 24> text_vietnamese_vowels{{
    {{0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1}},  // a à á ả ã ạ
    {{0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7}},  // ă ằ ắ ẳ ẵ ặ
    {{0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD}},  // â ầ ấ ẩ ẫ ậ
    {{0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9}},  // e è é ẻ ẽ ẹ
    {{0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7}},  // ê ề ế ể ễ ệ
    {{0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB}},  // i ì í ỉ ĩ ị
    {{0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD}},  // o ò ó ỏ õ ọ
    {{0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9}},  // ô ồ ố ổ ỗ ộ
    {{0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3}},  // ơ ờ ớ ở ỡ ợ
    {{0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5}},  // u ù ú ủ ũ ụ
    {{0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1}},  // ư ừ ứ ử ữ ự
    {{0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5}},  // y ỳ ý ỷ ỹ ỵ
    {{0x0041, 0x00C0, 0x00C1, 0x1EA2, 0x00C3, 0x1EA0}},  // A À Á Ả Ã Ạ
    {{0x0102, 0x1EB0, 0x1EAE, 0x1EB2, 0x1EB4, 0x1EB6}},  // Ă Ằ Ắ Ẳ Ẵ Ặ
    {{0x00C2, 0x1EA6, 0x1EA4, 0x1EA8, 0x1EAA, 0x1EAC}},  // Â Ầ Ấ Ẩ Ẫ Ậ
    {{0x0045, 0x00C8, 0x00C9, 0x1EBA, 0x1EBC, 0x1EB8}},  // E È É Ẻ Ẽ Ẹ
    {{0x00CA, 0x1EC0, 0x1EBE, 0x1EC2, 0x1EC4, 0x1EC6}},  // Ê Ề Ế Ể Ễ Ệ
    {{0x0049, 0x00CC, 0x00CD, 0x1EC8, 0x0128, 0x1ECA}},  // I Ì Í Ỉ Ĩ Ị
    {{0x004F, 0x00D2, 0x00D3, 0x1ECE, 0x00D5, 0x1ECC}},  // O Ò Ó Ỏ Õ Ọ
    {{0x00D4, 0x1ED2, 0x1ED0, 0x1ED4, 0x1ED6, 0x1ED8}},  // Ô Ồ Ố Ổ Ỗ Ộ
    {{0x01A0, 0x1EDC, 0x1EDA, 0x1EDE, 0x1EE0, 0x1EE2}},  // Ơ Ờ Ớ Ở Ỡ Ợ
    {{0x0055, 0x00D9, 0x00DA, 0x1EE6, 0x0168, 0x1EE4}},  // U Ù Ú Ủ Ũ Ụ
    {{0x01AF, 0x1EEA, 0x1EE8, 0x1EEC, 0x1EEE, 0x1EF0}},  // Ư Ừ Ứ Ử Ữ Ự
    {{0x0059, 0x1EF2, 0x00DD, 0x1EF6, 0x1EF8, 0x1EF4}},  // Y Ỳ Ý Ỷ Ỹ Ỵ
}};

struct TextVowel {
    int row = -1;
    int tone = 0;
};

TextVowel text_find_vowel(char32_t cp) {
    for (int r = 0; r < int(text_vietnamese_vowels.size()); ++r)
        for (int t = 0; t < 6; ++t)
            if (text_vietnamese_vowels[r][t] == cp) return {r, t};
    return {};
}

// The tone column a combining mark selects, or 0. U+0340/U+0341 are the deprecated
// canonical equivalents of U+0300/U+0301 that old keyboards still send.
int text_tone_of_mark(char32_t mark) {
    switch (mark) {
        case 0x0300: case 0x0340: return 1;
        case 0x0301: case 0x0341: return 2;
        case 0x0309: return 3;
        case 0x0303: return 4;
        case 0x0323: return 5;
        default: return 0;
    }
}

// The row a vowel moves to when a circumflex, breve or horn is added, or -1.
int text_modified_row(int row, char32_t mark) {
    const int upper = row >= 12 ? 12 : 0;
    const int r = row - upper;
    int to = -1;
    if (r == 0 && mark == 0x0306) to = 1;       // a -> ă
    else if (r == 0 && mark == 0x0302) to = 2;  // a -> â
    else if (r == 3 && mark == 0x0302) to = 4;  // e -> ê
    else if (r == 6 && mark == 0x0302) to = 7;  // o -> ô
    else if (r == 6 && mark == 0x031B) to = 8;  // o -> ơ
    else if (r == 9 && mark == 0x031B) to = 10; // u -> ư
    return to < 0 ? -1 : to + upper;
}

bool text_is_combining_mark(char32_t cp) { return cp >= 0x0300 && cp <= 0x036F; }

}  // namespace

std::u32string compose_vietnamese(std::u32string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (char32_t cp : text) {
        if (text_is_combining_mark(cp) && !out.empty()) {
            const TextVowel v = text_find_vowel(out.back());
            if (v.row >= 0) {
                const int tone = text_tone_of_mark(cp);
                if (tone != 0 && v.tone == 0) {
                    out.back() = text_vietnamese_vowels[v.row][tone];
                    continue;
                }
                const int row = text_modified_row(v.row, cp);
                if (row >= 0) {
                    out.back() = text_vietnamese_vowels[row][v.tone];
                    continue;
                }
            }
        }
        out.push_back(cp);
    }
    return out;
}

// ---- Fonts ------------------------------------------------------------------------------

namespace {

// stb_truetype trusts the table directory it is given: check that every table lies inside the
// file before handing the bytes over (a truncated download must not read past the end).
bool text_tables_inside(const std::vector<std::uint8_t>& bytes, std::size_t offset) {
    const auto u16 = [&](std::size_t at) { return std::uint32_t(bytes[at]) << 8 | bytes[at + 1]; };
    const auto u32 = [&](std::size_t at) { return u16(at) << 16 | u16(at + 2); };
    if (offset + 12 > bytes.size()) return false;
    const std::size_t tables = u16(offset + 4);
    if (tables == 0 || offset + 12 + tables * 16 > bytes.size()) return false;
    for (std::size_t t = 0; t < tables; ++t) {
        const std::size_t record = offset + 12 + t * 16;
        if (std::uint64_t(u32(record + 8)) + u32(record + 12) > bytes.size()) return false;
    }
    return true;
}

}  // namespace

struct Font::Impl {
    std::filesystem::path path;
    std::vector<std::uint8_t> bytes;
    stbtt_fontinfo info{};
    int ascent = 0, descent = 0, line_gap = 0;  // font units
};

const Font::Impl& font_impl(const Font& font) { return *font.impl_; }

Result<Font> Font::load(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 64u << 20);
    if (!bytes) return bytes.error();
    auto impl = std::make_shared<Impl>();
    impl->path = path;
    impl->bytes = std::move(bytes.value());
    const int offset = impl->bytes.size() >= 12 ? stbtt_GetFontOffsetForIndex(impl->bytes.data(), 0) : -1;
    if (offset < 0 || !text_tables_inside(impl->bytes, std::size_t(offset)) ||
        !stbtt_InitFont(&impl->info, impl->bytes.data(), offset))
        return bad_input(path.string(), "not a TrueType or OpenType font");
    stbtt_GetFontVMetrics(&impl->info, &impl->ascent, &impl->descent, &impl->line_gap);
    return Font(std::move(impl));
}

const std::filesystem::path& Font::path() const { return impl_->path; }

int Font::glyph(char32_t code_point) const {
    return stbtt_FindGlyphIndex(&impl_->info, static_cast<int>(code_point));
}

float Font::ascent(float size_px) const {
    return impl_->ascent * stbtt_ScaleForMappingEmToPixels(&impl_->info, size_px);
}

float Font::descent(float size_px) const {
    return -impl_->descent * stbtt_ScaleForMappingEmToPixels(&impl_->info, size_px);
}

Result<Font> FontCache::get(const std::filesystem::path& path) {
    if (auto it = fonts_.find(path); it != fonts_.end()) return it->second;
    Result<Font> font = Font::load(path);
    if (font) fonts_.emplace(path, font.value());
    return font;
}

// ---- Text layout --------------------------------------------------------------------------

namespace {

// A glyph placed on the line: its pen position relative to the line's origin.
struct TextPlacedGlyph {
    int glyph = 0;
    float x = 0.0f;
};

struct TextLine {
    std::vector<TextPlacedGlyph> glyphs;
    float advance = 0.0f;
};

// Lays out one line: NFC-composed code points, kerning, tracking. A combining mark left over
// (one Vietnamese does not use) is centred over the glyph before it instead of advancing.
TextLine text_layout(const TextStyle& style, std::string_view utf8) {
    TextLine line;
    if (!style.font) return line;
    const stbtt_fontinfo& info = font_impl(*style.font).info;
    const float scale = stbtt_ScaleForMappingEmToPixels(&info, style.size_px);
    const std::u32string text = compose_vietnamese(decode_utf8(utf8));
    float pen = 0.0f;
    int previous = -1;
    float previous_centre = 0.0f;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char32_t cp = text[i];
        if (cp == U'\n' || cp == U'\r') continue;
        const int g = stbtt_FindGlyphIndex(&info, static_cast<int>(cp));
        int advance = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&info, g, &advance, &lsb);
        if (text_is_combining_mark(cp) && previous >= 0) {
            int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            stbtt_GetGlyphBox(&info, g, &x0, &y0, &x1, &y1);
            line.glyphs.push_back({g, previous_centre - 0.5f * (x0 + x1) * scale});
            continue;
        }
        if (previous >= 0) {
            pen += stbtt_GetGlyphKernAdvance(&info, previous, g) * scale;
            pen += style.tracking_em * style.size_px;
        }
        line.glyphs.push_back({g, pen});
        previous_centre = pen + 0.5f * advance * scale;
        pen += advance * scale;
        previous = g;
    }
    line.advance = pen;
    return line;
}

}  // namespace

float measure_text(const TextStyle& style, std::string_view utf8) { return text_layout(style, utf8).advance; }

PixelRect text_ink_bounds(const TextStyle& style, std::string_view utf8, glm::vec2 origin) {
    PixelRect box{0, 0, 0, 0};
    if (!style.font) return box;
    const stbtt_fontinfo& info = font_impl(*style.font).info;
    const float scale = stbtt_ScaleForMappingEmToPixels(&info, style.size_px);
    bool first = true;
    for (const TextPlacedGlyph& pg : text_layout(style, utf8).glyphs) {
        const float gx = origin.x + pg.x;
        const float fx = std::floor(gx), fy = std::floor(origin.y);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&info, pg.glyph, scale, scale, gx - fx, origin.y - fy, &x0, &y0, &x1, &y1);
        if (x0 >= x1 || y0 >= y1) continue;  // a space
        const PixelRect r{int(fx) + x0, int(fy) + y0, int(fx) + x1, int(fy) + y1};
        if (first) box = r;
        box = {std::min(box.x0, r.x0), std::min(box.y0, r.y0), std::max(box.x1, r.x1), std::max(box.y1, r.y1)};
        first = false;
    }
    return box;
}

PixelRect draw_text(assets::Image& image, const TextStyle& style, std::string_view utf8, glm::vec2 origin) {
    PixelRect changed{image.width, image.height, 0, 0};
    if (!style.font || image.rgba8.size() != std::size_t(image.width) * image.height * 4) return {};
    const stbtt_fontinfo& info = font_impl(*style.font).info;
    const float scale = stbtt_ScaleForMappingEmToPixels(&info, style.size_px);
    std::vector<unsigned char> coverage;
    for (const TextPlacedGlyph& pg : text_layout(style, utf8).glyphs) {
        const float gx = origin.x + pg.x;
        const float fx = std::floor(gx), fy = std::floor(origin.y);
        const float sx = gx - fx, sy = origin.y - fy;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&info, pg.glyph, scale, scale, sx, sy, &x0, &y0, &x1, &y1);
        const int w = x1 - x0, h = y1 - y0;
        if (w <= 0 || h <= 0) continue;
        coverage.assign(std::size_t(w) * h, 0);
        stbtt_MakeGlyphBitmapSubpixel(&info, coverage.data(), w, h, w, scale, scale, sx, sy, pg.glyph);
        const int left = int(fx) + x0, top = int(fy) + y0;
        for (int y = 0; y < h; ++y) {
            const int iy = top + y;
            if (iy < 0 || iy >= image.height) continue;
            for (int x = 0; x < w; ++x) {
                const int ix = left + x;
                const unsigned char c = coverage[std::size_t(y) * w + x];
                if (c == 0 || ix < 0 || ix >= image.width) continue;
                blend_pixel(image, ix, iy, style.colour, c / 255.0f);
                changed = {std::min(changed.x0, ix), std::min(changed.y0, iy), std::max(changed.x1, ix + 1),
                           std::max(changed.y1, iy + 1)};
            }
        }
    }
    return changed.empty() ? PixelRect{} : changed;
}

PixelRect draw_text_aligned(assets::Image& image, const TextStyle& style, std::string_view utf8, float x,
                            float baseline, Align align) {
    const float width = measure_text(style, utf8);
    const float left = align == Align::Left ? x : align == Align::Centre ? x - 0.5f * width : x - width;
    return draw_text(image, style, utf8, {left, baseline});
}

std::vector<std::string> wrap_text(const TextStyle& style, std::string_view utf8, float max_width) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        const std::size_t end = std::min(utf8.find('\n', start), utf8.size());
        const std::string_view paragraph = utf8.substr(start, end - start);
        std::string line;
        std::size_t i = 0;
        while (i < paragraph.size()) {
            const std::size_t space = std::min(paragraph.find(' ', i), paragraph.size());
            const std::string_view word = paragraph.substr(i, space - i);
            i = space + 1;
            if (word.empty()) continue;
            std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
            if (!line.empty() && measure_text(style, candidate) > max_width) {
                lines.push_back(std::move(line));
                line = std::string(word);
            } else {
                line = std::move(candidate);
            }
        }
        lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string> wrap_text_balanced(const TextStyle& style, std::string_view utf8, float max_width) {
    std::vector<std::string> best = wrap_text(style, utf8, max_width);
    if (best.size() < 2) return best;
    // The narrowest width that still needs no more lines, to half a pixel.
    float lo = 0.0f, hi = max_width;
    while (hi - lo > 0.5f) {
        const float mid = 0.5f * (lo + hi);
        std::vector<std::string> lines = wrap_text(style, utf8, mid);
        if (lines.size() <= best.size()) {
            hi = mid;
            best = std::move(lines);
        } else {
            lo = mid;
        }
    }
    return best;
}

FittedText fit_text(const TextStyle& style, std::string_view utf8, glm::vec2 box, int max_lines,
                    float min_size_px) {
    FittedText fitted;
    TextStyle s = style;
    min_size_px = std::max(min_size_px, 1.0f);
    for (float size = style.size_px;; size *= 0.98f) {
        s.size_px = std::max(size, min_size_px);
        fitted.size_px = s.size_px;
        fitted.lines = wrap_text(s, utf8, box.x);
        bool fits = int(fitted.lines.size()) <= max_lines &&
                    float(fitted.lines.size()) * s.line_spacing * s.size_px <= box.y;
        for (const std::string& line : fitted.lines) fits = fits && measure_text(s, line) <= box.x;
        if (fits || s.size_px <= min_size_px) {
            fitted.fits = fits;
            return fitted;
        }
    }
}

// ---- Shapes -----------------------------------------------------------------------------

namespace {

std::uint8_t text_to_byte(float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

}  // namespace

assets::Image make_canvas(int width, int height, glm::vec4 colour, std::string name) {
    assets::Image image;
    image.name = std::move(name);
    image.width = std::max(width, 0);
    image.height = std::max(height, 0);
    image.rgba8.resize(std::size_t(image.width) * image.height * 4);
    const std::array<std::uint8_t, 4> px{text_to_byte(colour.r), text_to_byte(colour.g), text_to_byte(colour.b),
                                         text_to_byte(colour.a)};
    for (std::size_t i = 0; i < image.rgba8.size(); i += 4) std::copy(px.begin(), px.end(), image.rgba8.begin() + i);
    return image;
}

void blend_pixel(assets::Image& image, int x, int y, glm::vec4 colour, float coverage) {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return;
    const float a = std::clamp(coverage, 0.0f, 1.0f) * std::clamp(colour.a, 0.0f, 1.0f);
    if (a <= 0.0f) return;
    std::uint8_t* p = &image.rgba8[(std::size_t(y) * image.width + x) * 4];
    const float da = p[3] / 255.0f;
    const float out_a = a + da * (1.0f - a);
    for (int c = 0; c < 3; ++c) {
        const float d = p[c] / 255.0f;
        const float v = out_a > 0.0f ? (colour[c] * a + d * da * (1.0f - a)) / out_a : 0.0f;
        p[c] = text_to_byte(v);
    }
    p[3] = text_to_byte(out_a);
}

void fill_contours(assets::Image& image, std::span<const std::vector<glm::vec2>> contours, glm::vec4 colour) {
    constexpr int rows_per_pixel = 16;
    constexpr float row_weight = 1.0f / rows_per_pixel;
    struct Edge {
        glm::vec2 a, b;  // a.y < b.y
        int winding;
    };
    std::vector<Edge> edges;
    glm::vec2 lo(1e30f), hi(-1e30f);
    for (const std::vector<glm::vec2>& contour : contours) {
        for (std::size_t i = 0; i < contour.size(); ++i) {
            const glm::vec2 a = contour[i], b = contour[(i + 1) % contour.size()];
            lo = glm::min(lo, a), hi = glm::max(hi, a);
            if (a.y == b.y) continue;
            edges.push_back(a.y < b.y ? Edge{a, b, 1} : Edge{b, a, -1});
        }
    }
    if (edges.empty()) return;
    const int x_begin = std::max(0, int(std::floor(lo.x))), x_end = std::min(image.width, int(std::ceil(hi.x)) + 1);
    const int y_begin = std::max(0, int(std::floor(lo.y))), y_end = std::min(image.height, int(std::ceil(hi.y)) + 1);
    if (x_begin >= x_end || y_begin >= y_end) return;
    // The edges that reach into each pixel row, so a row looks at a handful, not all of them.
    std::vector<std::vector<std::uint32_t>> row_edges(std::size_t(y_end - y_begin));
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const int first = std::max(y_begin, int(std::floor(edges[i].a.y)));
        const int last = std::min(y_end - 1, int(std::floor(edges[i].b.y)));
        for (int y = first; y <= last; ++y) row_edges[std::size_t(y - y_begin)].push_back(std::uint32_t(i));
    }
    // Per row: partial coverage of the pixels where a span starts or ends, and a running sum
    // (`interior`, a difference array) for the pixels a span covers whole.
    const std::size_t w = std::size_t(x_end - x_begin);
    std::vector<float> partial(w), interior(w + 1);
    std::vector<std::pair<float, int>> crossings;
    for (int y = y_begin; y < y_end; ++y) {
        const std::vector<std::uint32_t>& here = row_edges[std::size_t(y - y_begin)];
        if (here.empty()) continue;
        std::fill(partial.begin(), partial.end(), 0.0f);
        std::fill(interior.begin(), interior.end(), 0.0f);
        for (int sub = 0; sub < rows_per_pixel; ++sub) {
            const float sy = float(y) + (float(sub) + 0.5f) * row_weight;
            crossings.clear();
            for (std::uint32_t i : here) {
                const Edge& e = edges[i];
                if (sy < e.a.y || sy >= e.b.y) continue;
                const float t = (sy - e.a.y) / (e.b.y - e.a.y);
                crossings.push_back({e.a.x + t * (e.b.x - e.a.x), e.winding});
            }
            std::sort(crossings.begin(), crossings.end());
            int winding = 0;
            for (std::size_t i = 0; i + 1 < crossings.size(); ++i) {
                winding += crossings[i].second;
                if (winding == 0) continue;
                // Exact horizontal coverage of the span [x0, x1) on this row of samples.
                const float x0 = std::clamp(crossings[i].first, float(x_begin), float(x_end));
                const float x1 = std::clamp(crossings[i + 1].first, float(x_begin), float(x_end));
                if (x1 <= x0) continue;
                const int p0 = int(std::floor(x0)), p1 = int(std::floor(x1));
                if (p0 == p1) {
                    partial[std::size_t(p0 - x_begin)] += (x1 - x0) * row_weight;
                    continue;
                }
                partial[std::size_t(p0 - x_begin)] += (float(p0 + 1) - x0) * row_weight;
                if (p1 < x_end) partial[std::size_t(p1 - x_begin)] += (x1 - float(p1)) * row_weight;
                interior[std::size_t(p0 + 1 - x_begin)] += row_weight;
                interior[std::size_t(p1 - x_begin)] -= row_weight;
            }
        }
        float run = 0.0f;
        for (std::size_t i = 0; i < w; ++i) {
            run += interior[i];
            const float coverage = run + partial[i];
            if (coverage > 1e-4f) blend_pixel(image, x_begin + int(i), y, colour, coverage);
        }
    }
}

void fill_polygon(assets::Image& image, std::span<const glm::vec2> points, glm::vec4 colour) {
    const std::vector<glm::vec2> contour(points.begin(), points.end());
    fill_contours(image, std::span<const std::vector<glm::vec2>>(&contour, 1), colour);
}

std::vector<glm::vec2> ellipse_contour(glm::vec2 centre, glm::vec2 radii, int segments, bool reversed) {
    std::vector<glm::vec2> points;
    segments = std::max(segments, 3);
    for (int i = 0; i < segments; ++i) {
        // Screen y points down: decreasing angles run counter-clockwise on screen.
        const float a = (reversed ? 1.0f : -1.0f) * 6.28318530718f * float(i) / float(segments);
        points.push_back(centre + radii * glm::vec2(std::cos(a), std::sin(a)));
    }
    return points;
}

std::vector<glm::vec2> rounded_rect_contour(glm::vec2 min, glm::vec2 max, float radius, bool reversed) {
    radius = std::clamp(radius, 0.0f, 0.5f * std::min(max.x - min.x, max.y - min.y));
    std::vector<glm::vec2> points;
    const glm::vec2 corners[4] = {{max.x - radius, min.y + radius}, {min.x + radius, min.y + radius},
                                  {min.x + radius, max.y - radius}, {max.x - radius, max.y - radius}};
    constexpr int steps = 8;
    for (int c = 0; c < 4; ++c)
        for (int s = 0; s <= steps; ++s) {
            const float a = -1.57079632679f * (float(c) + float(s) / steps);
            points.push_back(corners[c] + radius * glm::vec2(std::cos(a), std::sin(a)));
        }
    if (reversed) std::reverse(points.begin(), points.end());
    return points;
}

std::vector<glm::vec2> star_contour(glm::vec2 centre, float radius, float inner_ratio, bool reversed) {
    std::vector<glm::vec2> points;
    for (int i = 0; i < 10; ++i) {
        const float r = i % 2 == 0 ? radius : radius * inner_ratio;
        const float a = -1.57079632679f - (reversed ? -1.0f : 1.0f) * 0.62831853072f * float(i);
        points.push_back(centre + r * glm::vec2(std::cos(a), std::sin(a)));
    }
    return points;
}

void fill_rect(assets::Image& image, glm::vec2 min, glm::vec2 max, glm::vec4 colour) {
    const glm::vec2 points[4] = {{min.x, min.y}, {min.x, max.y}, {max.x, max.y}, {max.x, min.y}};
    fill_polygon(image, points, colour);
}

void draw_image(assets::Image& image, const assets::Image& source, glm::vec2 min, glm::vec2 size) {
    if (source.width <= 0 || source.height <= 0 || size.x <= 0.0f || size.y <= 0.0f ||
        source.rgba8.size() != std::size_t(source.width) * source.height * 4)
        return;
    const glm::vec2 step = glm::vec2(source.width, source.height) / size;  // source pixels per pixel
    const int x_begin = std::max(0, int(std::floor(min.x))), x_end = std::min(image.width, int(std::ceil(min.x + size.x)));
    const int y_begin = std::max(0, int(std::floor(min.y))), y_end = std::min(image.height, int(std::ceil(min.y + size.y)));
    for (int y = y_begin; y < y_end; ++y) {
        const float sy0 = std::max(0.0f, (y - min.y) * step.y), sy1 = std::min(float(source.height), (y + 1 - min.y) * step.y);
        for (int x = x_begin; x < x_end; ++x) {
            const float sx0 = std::max(0.0f, (x - min.x) * step.x), sx1 = std::min(float(source.width), (x + 1 - min.x) * step.x);
            if (sx1 <= sx0 || sy1 <= sy0) continue;
            // Area-weighted average of the source pixels under this pixel, premultiplied.
            glm::vec4 sum(0.0f);
            float area = 0.0f;
            for (int sy = int(sy0); sy < int(std::ceil(sy1)); ++sy) {
                const float wy = std::min(sy1, sy + 1.0f) - std::max(sy0, float(sy));
                for (int sx = int(sx0); sx < int(std::ceil(sx1)); ++sx) {
                    const float wx = std::min(sx1, sx + 1.0f) - std::max(sx0, float(sx));
                    const std::uint8_t* p = &source.rgba8[(std::size_t(sy) * source.width + sx) * 4];
                    const float a = p[3] / 255.0f;
                    sum += wx * wy * glm::vec4(p[0] / 255.0f * a, p[1] / 255.0f * a, p[2] / 255.0f * a, a);
                }
                area += wy * (sx1 - sx0);
            }
            // Pixels only partly inside the rectangle are covered in proportion.
            const float inside = area / (step.x * step.y);
            if (sum.a <= 0.0f) continue;
            blend_pixel(image, x, y, glm::vec4(glm::vec3(sum) / sum.a, 1.0f), sum.a / area * inside);
        }
    }
}

}  // namespace ocop::scene
