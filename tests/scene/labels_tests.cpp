// Labels and the shared brand: UTF-8, Vietnamese letters in Noto Sans, text drawing, the brand
// kit and the price tags and signs drawn with it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <stb_image_write.h>
#include <zlib.h>

#include "assets/image.h"
#include "core/files.h"
#include "scene/brand.h"
#include "scene/labels.h"
#include "scene/text.h"
#include "support.h"

using namespace ocop;
using namespace ocop::scene;
namespace fs = std::filesystem;

namespace {

// NFC, as Python's unicodedata writes it: 12 vowels x 6 tones, lower and upper, then đ Đ.
const std::string labels_vietnamese_nfc =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹ"
    "êềếểễệiìíỉĩịoòóỏõọôồốổỗộ"
    "ơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸ"
    "ÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘ"
    "ƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ"
    "đĐ"
    ;
const std::string labels_vietnamese_nfd =
    "aa\u0300a\u0301a\u0309a\u0303a\u0323a\u0306a\u0306\u0300a\u0306\u0301a\u0306\u0309a\u0306\u0303a\u0323\u0306"
    "a\u0302a\u0302\u0300a\u0302\u0301a\u0302\u0309a\u0302\u0303a\u0323\u0302ee\u0300e\u0301e\u0309e\u0303e\u0323"
    "e\u0302e\u0302\u0300e\u0302\u0301e\u0302\u0309e\u0302\u0303e\u0323\u0302ii\u0300i\u0301i\u0309i\u0303i\u0323"
    "oo\u0300o\u0301o\u0309o\u0303o\u0323o\u0302o\u0302\u0300o\u0302\u0301o\u0302\u0309o\u0302\u0303o\u0323\u0302"
    "o\u031Bo\u031B\u0300o\u031B\u0301o\u031B\u0309o\u031B\u0303o\u031B\u0323uu\u0300u\u0301u\u0309u\u0303u\u0323"
    "u\u031Bu\u031B\u0300u\u031B\u0301u\u031B\u0309u\u031B\u0303u\u031B\u0323yy\u0300y\u0301y\u0309y\u0303y\u0323"
    "AA\u0300A\u0301A\u0309A\u0303A\u0323A\u0306A\u0306\u0300A\u0306\u0301A\u0306\u0309A\u0306\u0303A\u0323\u0306"
    "A\u0302A\u0302\u0300A\u0302\u0301A\u0302\u0309A\u0302\u0303A\u0323\u0302EE\u0300E\u0301E\u0309E\u0303E\u0323"
    "E\u0302E\u0302\u0300E\u0302\u0301E\u0302\u0309E\u0302\u0303E\u0323\u0302II\u0300I\u0301I\u0309I\u0303I\u0323"
    "OO\u0300O\u0301O\u0309O\u0303O\u0323O\u0302O\u0302\u0300O\u0302\u0301O\u0302\u0309O\u0302\u0303O\u0323\u0302"
    "O\u031BO\u031B\u0300O\u031B\u0301O\u031B\u0309O\u031B\u0303O\u031B\u0323UU\u0300U\u0301U\u0309U\u0303U\u0323"
    "U\u031BU\u031B\u0300U\u031B\u0301U\u031B\u0309U\u031B\u0303U\u031B\u0323YY\u0300Y\u0301Y\u0309Y\u0303Y\u0323"
    "\u0111\u0110"
    ;

const fs::path labels_brand_file = fs::path(OCOP_SOURCE_DIR) / "assets" / "brand" / "hanoi-ocop.json";

const Font& labels_font(bool bold) {
    // Loaded once for the whole binary (tests only; the engine keeps no global cache).
    static const Font regular = Font::load(default_brand().font_regular).value();
    static const Font heavy = Font::load(default_brand().font_bold).value();
    return bold ? heavy : regular;
}

const LabelKit& labels_kit() {
    static FontCache fonts;
    static const LabelKit kit = load_label_kit(default_brand(), fonts).value();
    return kit;
}

// The rectangle of pixels whose alpha is not zero.
PixelRect labels_alpha_rect(const assets::Image& image) {
    PixelRect r{image.width, image.height, 0, 0};
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (image.rgba8[(std::size_t(y) * image.width + x) * 4 + 3] != 0)
                r = {std::min(r.x0, x), std::min(r.y0, y), std::max(r.x1, x + 1), std::max(r.y1, y + 1)};
    return r.empty() ? PixelRect{} : r;
}

std::size_t labels_count_near(const assets::Image& image, glm::vec3 srgb, int tolerance) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < image.rgba8.size(); i += 4) {
        bool near = true;
        for (int c = 0; c < 3; ++c)
            near = near && std::abs(int(image.rgba8[i + std::size_t(c)]) - int(std::lround(srgb[c] * 255.0f))) <= tolerance;
        n += near;
    }
    return n;
}

// A PNG as small as zlib makes it (stb_image_write's own deflate makes the logo half as large
// again): each of the five PNG row filters tried for the whole image, the smallest kept.
std::vector<std::uint8_t> labels_encode_png_small(const assets::Image& image) {
    const std::size_t stride = std::size_t(image.width) * 4;
    std::vector<std::uint8_t> best_idat;
    for (int filter = 0; filter <= 4; ++filter) {
        std::vector<std::uint8_t> raw;
        for (int y = 0; y < image.height; ++y) {
            raw.push_back(std::uint8_t(filter));
            const std::uint8_t* row = &image.rgba8[std::size_t(y) * stride];
            const std::uint8_t* up = y > 0 ? row - stride : nullptr;
            for (std::size_t x = 0; x < stride; ++x) {
                const int a = x >= 4 ? row[x - 4] : 0, b = up ? up[x] : 0, c = up && x >= 4 ? up[x - 4] : 0;
                const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
                const int paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
                const int predictor[5] = {0, a, b, (a + b) / 2, paeth};
                raw.push_back(std::uint8_t(row[x] - predictor[filter]));
            }
        }
        uLongf size = compressBound(uLong(raw.size()));
        std::vector<std::uint8_t> idat(size);
        REQUIRE(compress2(idat.data(), &size, raw.data(), uLong(raw.size()), 9) == Z_OK);
        idat.resize(size);
        if (best_idat.empty() || idat.size() < best_idat.size()) best_idat = std::move(idat);
    }
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto chunk = [&](const char* type, const std::vector<std::uint8_t>& data) {
        const auto be32 = [&](std::uint32_t v) {
            for (int s = 24; s >= 0; s -= 8) png.push_back(std::uint8_t(v >> s));
        };
        be32(std::uint32_t(data.size()));
        const std::size_t start = png.size();
        png.insert(png.end(), type, type + 4);
        png.insert(png.end(), data.begin(), data.end());
        be32(std::uint32_t(crc32(0, png.data() + start, uInt(png.size() - start))));
    };
    std::vector<std::uint8_t> header;
    for (std::uint32_t v : {std::uint32_t(image.width), std::uint32_t(image.height)})
        for (int s = 24; s >= 0; s -= 8) header.push_back(std::uint8_t(v >> s));
    header.insert(header.end(), {8, 6, 0, 0, 0});  // 8 bits, RGBA, deflate, no interlace
    chunk("IHDR", header);
    chunk("IDAT", best_idat);
    chunk("IEND", {});
    return png;
}

void labels_write_png(const fs::path& path, const assets::Image& image) {
    fs::create_directories(path.parent_path());
    REQUIRE(stbi_write_png(path.string().c_str(), image.width, image.height, 4, image.rgba8.data(), image.width * 4));
}

Product labels_vase() {
    Product p;
    p.sku = "BT-VASE-LOTUS";
    p.name = {"Bình gốm men lam vẽ hoa sen — Bát Tràng", "Blue-glaze ceramic vase with lotus painting"};
    p.commune = "Bát Tràng";
    p.district = "Gia Lâm";
    p.producer = "HTX Gốm sứ Bát Tràng";
    p.producer_type = ProducerType::Cooperative;
    p.category = "ceramics";
    p.ocop_stars = 5;
    p.price_vnd = 2850000;
    return p;
}

}  // namespace

// ---- UTF-8 and Vietnamese ---------------------------------------------------------------

TEST_CASE("labels: UTF-8 decodes one to four byte letters", "[scene][labels]") {
    CHECK(decode_utf8("Hà Nội ₫ 😀") == std::u32string{U'H', U'à', U' ', U'N', U'ộ', U'i', U' ', 0x20AB, U' ', 0x1F600});
    CHECK(decode_utf8("") == std::u32string{});
    CHECK(encode_utf8(decode_utf8("Đặc sản Vạn Phúc 😀")) == "Đặc sản Vạn Phúc 😀");
    CHECK(encode_utf8(U"\xD800") == "\xEF\xBF\xBD");  // a lone surrogate is not encodable
}

TEST_CASE("labels: invalid UTF-8 becomes U+FFFD, one per broken part", "[scene][labels]") {
    const char32_t R = replacement_character;
    CHECK(decode_utf8("a\x80" "b") == std::u32string{U'a', R, U'b'});            // stray continuation
    CHECK(decode_utf8("\xC0\xAF") == std::u32string{R, R});                      // overlong '/'
    CHECK(decode_utf8("\xE0\x80\xAF") == std::u32string{R, R, R});               // overlong, 3 bytes
    CHECK(decode_utf8("\xED\xA0\x80") == std::u32string{R, R, R});               // a surrogate
    CHECK(decode_utf8("\xF4\x90\x80\x80") == std::u32string{R, R, R, R});        // above U+10FFFF
    CHECK(decode_utf8("\xF5\xFF" "x") == std::u32string{R, R, U'x'});
    CHECK(decode_utf8("\xE1\xBA" "x") == std::u32string{R, U'x'});               // cut short, then ASCII
    CHECK(decode_utf8("\xC3" "\xE1\xBB\x99") == std::u32string{R, U'ộ'});        // cut short, then a letter
}

TEST_CASE("labels: UTF-8 cut short at the end of the text", "[scene][labels]") {
    const char32_t R = replacement_character;
    CHECK(decode_utf8("N\xE1\xBB") == std::u32string{U'N', R});
    CHECK(decode_utf8("\xF0\x9F\x98") == std::u32string{R});
    CHECK(decode_utf8("\xC3") == std::u32string{R});
    // Every prefix of a valid text decodes without reading past its end.
    const std::string text = "Gốm Bát Tràng 😀";
    for (std::size_t n = 0; n <= text.size(); ++n) CHECK(decode_utf8(text.substr(0, n)).size() <= n);
}

TEST_CASE("labels: decomposed Vietnamese composes to NFC", "[scene][labels]") {
    CHECK(decode_utf8(labels_vietnamese_nfc).size() == 146);
    CHECK(encode_utf8(compose_vietnamese(decode_utf8(labels_vietnamese_nfd))) == labels_vietnamese_nfc);
    CHECK(encode_utf8(compose_vietnamese(decode_utf8(labels_vietnamese_nfc))) == labels_vietnamese_nfc);
    // Marks in the other order (tone first, then the circumflex) still make the letter.
    CHECK(encode_utf8(compose_vietnamese(decode_utf8("a\u0302\u0323 e\u0301\u0302 O\u0303\u031B"))) == "ậ ế Ỡ");
    // What is not a Vietnamese letter stays as it was.
    CHECK(encode_utf8(compose_vietnamese(decode_utf8("x\u0301 \u0301a \u00E1\u0301"))) == "x\u0301 \u0301a \u00E1\u0301");
}

TEST_CASE("labels: Noto Sans has a glyph for every Vietnamese letter", "[scene][labels]") {
    const std::u32string letters = decode_utf8(labels_vietnamese_nfc + "₫·—…");
    for (bool bold : {false, true}) {
        const Font& font = labels_font(bold);
        for (char32_t cp : letters) {
            INFO(font.path() << " U+" << std::hex << std::uint32_t(cp));
            CHECK(font.glyph(cp) != 0);
        }
        CHECK(font.glyph(0x10FFFD) == 0);  // a private-use letter: .notdef
    }
}

// ---- Fonts and text ---------------------------------------------------------------------

TEST_CASE("labels: an unreadable font is a clear error", "[scene][labels]") {
    Result<Font> missing = Font::load("/nonexistent/NotoSans-Regular.ttf");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::BadInput);
    CHECK(missing.error().file == "/nonexistent/NotoSans-Regular.ttf");
    Result<Font> not_font = Font::load(labels_brand_file);
    REQUIRE_FALSE(not_font.ok());
    CHECK(not_font.error().reason == "not a TrueType or OpenType font");

    FontCache cache;
    REQUIRE(cache.get(default_brand().font_bold).ok());
    REQUIRE(cache.get(default_brand().font_bold).ok());
    CHECK(cache.size() == 1);
    CHECK_FALSE(cache.get("/nonexistent.ttf").ok());
    CHECK(cache.size() == 1);
}

TEST_CASE("labels: drawn text has ink exactly where its glyphs are", "[scene][labels]") {
    assets::Image image = make_canvas(200, 150, glm::vec4(1.0f, 1.0f, 1.0f, 0.0f));
    const TextStyle style{&labels_font(false), 100.0f, {0.0f, 0.0f, 0.0f, 1.0f}};
    const PixelRect changed = draw_text(image, style, "H", {10.0f, 100.0f});
    const PixelRect inked = labels_alpha_rect(image);
    CHECK(inked == changed);
    CHECK(inked == text_ink_bounds(style, "H", {10.0f, 100.0f}));
    // Noto Sans's capitals are 714/1000 em: 71.4 px, so the top row is partly covered.
    CHECK(inked.y0 == 100 - 72);
    CHECK(inked.y1 == 100);
    // The stems are solid ink; the counter between them is clean.
    const auto alpha = [&](int x, int y) { return image.rgba8[(std::size_t(y) * 200 + x) * 4 + 3]; };
    CHECK(alpha(inked.x0 + 4, 60) == 255);
    CHECK(alpha(inked.x1 - 4, 60) == 255);
    CHECK(alpha((inked.x0 + inked.x1) / 2, 40) == 0);
    // Everything outside the rectangle is untouched.
    for (int y = 0; y < 150; ++y)
        for (int x = 0; x < 200; ++x)
            if (x < inked.x0 || x >= inked.x1 || y < inked.y0 || y >= inked.y1) {
                const std::uint8_t* p = &image.rgba8[(std::size_t(y) * 200 + x) * 4];
                REQUIRE((p[0] == 255 && p[1] == 255 && p[2] == 255 && p[3] == 0));
            }
}

TEST_CASE("labels: diacritics are drawn above and below the letter", "[scene][labels]") {
    const TextStyle style{&labels_font(true), 80.0f};
    const PixelRect o = text_ink_bounds(style, "O", {0.0f, 100.0f});
    const PixelRect stacked = text_ink_bounds(style, "Ộ", {0.0f, 100.0f});
    CHECK(stacked.y0 < o.y0 - 10);  // the circumflex
    CHECK(stacked.y1 > o.y1 + 8);   // the dot below
    // Decomposed input draws the same pixels as the precomposed letter.
    assets::Image a = make_canvas(120, 160, glm::vec4(1.0f));
    assets::Image b = make_canvas(120, 160, glm::vec4(1.0f));
    draw_text(a, style, "Ộ", {10.0f, 110.0f});
    draw_text(b, style, "O\u0323\u0302", {10.0f, 110.0f});
    CHECK(a.rgba8 == b.rgba8);
}

TEST_CASE("labels: kerning, tracking and clipping", "[scene][labels]") {
    TextStyle style{&labels_font(false), 40.0f};
    CHECK(measure_text(style, "AV") < measure_text(style, "A") + measure_text(style, "V") - 1.0f);
    const float plain = measure_text(style, "OCOP");
    style.tracking_em = 0.1f;
    CHECK(measure_text(style, "OCOP") == Approx(plain + 3 * 4.0f).margin(1e-3));
    // Text running off every edge is clipped, not written out of bounds.
    assets::Image small = make_canvas(16, 16, glm::vec4(1.0f));
    const PixelRect r = draw_text(small, style, "Bát Tràng", {-20.0f, 30.0f});
    CHECK(r.x0 >= 0);
    CHECK(r.x1 <= 16);
    CHECK(r.y1 <= 16);
}

TEST_CASE("labels: wrapping and fitting to a box", "[scene][labels]") {
    const TextStyle style{&labels_font(true), 30.0f};
    const std::string name = "Bình gốm men lam vẽ hoa sen — Bát Tràng";
    const std::vector<std::string> lines = wrap_text(style, name, 300.0f);
    REQUIRE(lines.size() >= 2);
    std::string joined;
    for (const std::string& line : lines) {
        CHECK(measure_text(style, line) <= 300.0f);
        joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == name);
    CHECK(wrap_text(style, "một\nhai", 1000.0f) == std::vector<std::string>{"một", "hai"});

    const FittedText roomy = fit_text(style, "Gốm", {400.0f, 100.0f}, 1, 10.0f);
    CHECK(roomy.fits);
    CHECK(roomy.size_px == 30.0f);
    const FittedText tight = fit_text(style, name, {300.0f, 80.0f}, 2, 10.0f);
    CHECK(tight.fits);
    CHECK(tight.size_px < 30.0f);
    CHECK(tight.lines.size() <= 2);
    const FittedText hopeless = fit_text(style, name, {20.0f, 10.0f}, 1, 12.0f);
    CHECK_FALSE(hopeless.fits);
    CHECK(hopeless.size_px == 12.0f);
}

TEST_CASE("labels: shapes fill what they cover, antialiased", "[scene][labels]") {
    assets::Image image = make_canvas(20, 20, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    fill_rect(image, {2.0f, 3.0f}, {10.0f, 7.5f}, glm::vec4(1.0f));
    const auto red = [&](int x, int y) { return int(image.rgba8[(std::size_t(y) * 20 + x) * 4]); };
    CHECK(red(2, 3) == 255);
    CHECK(red(9, 6) == 255);
    CHECK(red(5, 7) == 128);  // half a pixel covered
    CHECK(red(10, 5) == 0);
    CHECK(red(1, 5) == 0);
    CHECK(red(5, 2) == 0);
    // A ring: the reversed inner contour cuts a hole.
    assets::Image ring = make_canvas(40, 40, glm::vec4(0.0f, 0.0f, 0.0f, 1.0f));
    const std::vector<glm::vec2> contours[2] = {ellipse_contour({20, 20}, {15, 15}), ellipse_contour({20, 20}, {8, 8}, 96, true)};
    fill_contours(ring, contours, glm::vec4(1.0f));
    CHECK(ring.rgba8[(20 * 40 + 20) * 4] == 0);
    CHECK(ring.rgba8[(20 * 40 + 31) * 4] == 255);
}

// ---- The brand --------------------------------------------------------------------------

TEST_CASE("labels: the shipped brand loads and equals default_brand()", "[scene][labels][brand]") {
    Result<Brand> shipped = load_brand(labels_brand_file);
    if (!shipped) FAIL(shipped.error().message());
    CHECK(shipped->logo == labels_brand_file.parent_path().lexically_normal() / "hanoi-ocop-logo.png");
    Brand expected = default_brand();
    expected.logo = shipped->logo;  // the compiled-in brand draws its logo instead of reading it
    CHECK(same_brand(*shipped, expected));
    CHECK(to_hex_colour(shipped->primary) == "#8E1B16");
    CHECK(shipped->name == LocalText{"OCOP Hà Nội", "Hanoi OCOP"});
}

TEST_CASE("labels: the shipped logo is what draw_logo makes", "[scene][labels][brand]") {
    const fs::path logo = labels_brand_file.parent_path() / "hanoi-ocop-logo.png";
    CHECK(fs::file_size(logo) <= 40u * 1024u);
    Result<assets::Image> file = assets::load_image_file(logo);
    REQUIRE(file.ok());
    FontCache fonts;
    Result<assets::Image> drawn = draw_logo(default_brand(), fonts, 512);
    REQUIRE(drawn.ok());
    REQUIRE(file->width == 512);
    REQUIRE(file->height == 512);
    int worst = 0;
    for (std::size_t i = 0; i < drawn->rgba8.size(); ++i)
        worst = std::max(worst, std::abs(int(drawn->rgba8[i]) - int(file->rgba8[i])));
    CHECK(worst <= 1);  // run `ocop_tests "[.make-logo]"` after changing the emblem
}

TEST_CASE("labels: brand file errors name the JSON path", "[scene][labels][brand]") {
    const std::string good = R"({"format": "ocop-brand/1", "name": {"vi": "OCOP Hà Nội", "en": "Hanoi OCOP"},
        "colours": {"primary": "#8E1B16", "secondary": "#C59A3C", "paper": "#F6EFE2", "ink": "#221B17"},
        "fonts": {"regular": "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                  "bold": "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"},
        "logo": "hanoi-ocop-logo.png"})";
    REQUIRE(parse_brand_json(good, labels_brand_file).ok());
    const auto where = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        Result<Brand> b = parse_brand_json(text, labels_brand_file);
        REQUIRE_FALSE(b.ok());
        CHECK(b.error().kind == Error::Kind::BadInput);
        CHECK(b.error().file == labels_brand_file.string());
        return b.error().where;
    };
    CHECK(where("ocop-brand/1", "ocop-brand/2") == "format");
    CHECK(where("\"#F6EFE2\"", "\"#F6EFE\"") == "colours.paper");
    CHECK(where("\"#221B17\"", "\"221B17!\"") == "colours.ink");
    CHECK(where("\"#8E1B16\"", "17") == "colours.primary");
    CHECK(where("\"ink\": \"#221B17\"", "\"inc\": \"#221B17\"") == "colours.inc");
    CHECK(where("NotoSans-Bold.ttf", "NotoSans-Missing.ttf") == "fonts.bold");
    CHECK(where("hanoi-ocop-logo.png", "no-such-logo.png") == "logo");
    CHECK(where("\"en\": \"Hanoi OCOP\"", "\"en\": \"\"") == "name.en");
    CHECK(where("\"logo\"", "\"motto\": 1, \"logo\"") == "motto");
    CHECK(where("{\"format\"", "[{\"format\"") .rfind("byte", 0) == 0);
    // A number too large for any type threw out of the parser (tools/fuzz, json): now bad input.
    CHECK(where("\"#8E1B16\"", "9" + std::string(400, '6')) == "");
    CHECK_FALSE(load_brand("/nonexistent/brand.json").ok());
    CHECK_FALSE(parse_hex_colour("#12345G").ok());
    CHECK(to_hex_colour(parse_hex_colour("#c59a3c").value()) == "#C59A3C");
}

// ---- Tags, cards and signs --------------------------------------------------------------

TEST_CASE("labels: a price tag in the brand's colours, the same every time", "[scene][labels]") {
    const Product vase = labels_vase();
    const assets::Image tag = price_tag_image(vase, labels_kit());
    CHECK(tag.width == 512);
    CHECK(tag.height == 307);
    CHECK_FALSE(tag.placeholder);
    const Brand& brand = labels_kit().brand;
    CHECK(labels_count_near(tag, brand.paper, 0) > 512u * 307u / 3u);   // the face
    CHECK(labels_count_near(tag, brand.ink, 8) > 1500u);                // the name
    CHECK(labels_count_near(tag, brand.primary, 0) > 512u * 60u);       // the band
    CHECK(labels_count_near(tag, brand.secondary, 2) > 5u * 150u);      // the stars
    CHECK(tag.rgba8 == price_tag_image(vase, labels_kit()).rgba8);
    CHECK(tag.rgba8 == price_tag_image(vase, default_brand()).rgba8);
    const assets::Image big = price_tag_image(vase, labels_kit(), 1024);
    CHECK(big.width == 1024);
    CHECK(big.height == 614);
}

TEST_CASE("labels: more stars, more gold", "[scene][labels]") {
    Product p = labels_vase();
    p.ocop_stars = 3;
    const std::size_t three = labels_count_near(price_tag_image(p, labels_kit()), labels_kit().brand.secondary, 2);
    p.ocop_stars = 4;
    const std::size_t four = labels_count_near(price_tag_image(p, labels_kit()), labels_kit().brand.secondary, 2);
    CHECK(four > three + 30u);
}

TEST_CASE("labels: a brand whose font is missing gives a visible placeholder tag", "[scene][labels]") {
    Brand broken = default_brand();
    broken.font_bold = "/nonexistent/Bold.ttf";
    const assets::Image tag = price_tag_image(labels_vase(), broken);
    CHECK(tag.placeholder);
    CHECK(tag.name.find("/nonexistent/Bold.ttf") != std::string::npos);
    const assets::Model card = price_tag_model(labels_vase(), broken);
    CHECK(card.images.at(0).placeholder);
}

TEST_CASE("labels: the tent card stands on its base, facing +Z, leaning back", "[scene][labels]") {
    const assets::Model card = price_tag_model(labels_vase(), labels_kit());
    const Bounds b = card.bounds();
    const float lean = glm::radians(15.0f);
    CHECK(b.min.x == Approx(-0.05f));
    CHECK(b.max.x == Approx(0.05f));
    CHECK(b.min.y == Approx(0.0f).margin(1e-6));
    CHECK(b.max.y == Approx(0.06f * std::cos(lean)));
    CHECK(b.max.z == Approx(0.06f * std::sin(lean)));
    CHECK(b.min.z == Approx(-b.max.z));
    REQUIRE(card.materials.size() == 3);
    const assets::Material& face = card.materials[0];
    CHECK(face.base_color_texture.image == 0);
    CHECK(face.roughness == 0.6f);
    CHECK(face.metallic == 0.0f);
    CHECK_FALSE(face.unlit);
    CHECK(card.images.at(0).width == 512);
    // The face's normal leans up and towards +Z, and its texture's top edge is at the top.
    const assets::Mesh& front = card.meshes.at(0);
    CHECK(front.normals[0].z == Approx(std::cos(lean)));
    CHECK(front.normals[0].y == Approx(std::sin(lean)));
    for (std::size_t i = 0; i < front.positions.size(); ++i) CHECK((front.uv0[i].y == 0.0f) == (front.positions[i].y > 0.03f));
    // Triangles wind counter-clockwise seen from outside.
    for (const assets::Mesh& mesh : card.meshes)
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            const glm::vec3 a = mesh.positions[mesh.indices[t]], b2 = mesh.positions[mesh.indices[t + 1]],
                            c = mesh.positions[mesh.indices[t + 2]];
            CHECK(glm::dot(glm::cross(b2 - a, c - a), mesh.normals[mesh.indices[t]]) > 0.0f);
        }
}

TEST_CASE("labels: a sign in the brand's colours", "[scene][labels]") {
    const LocalText text{"Trưng bày và bán sản phẩm", "Display and sale"};
    const assets::Image sign = sign_image(text, labels_kit(), 1024, 256);
    CHECK(sign.width == 1024);
    CHECK(sign.height == 256);
    CHECK(labels_count_near(sign, labels_kit().brand.primary, 0) > 1024u * 256u / 2u);
    CHECK(labels_count_near(sign, labels_kit().brand.paper, 4) > 2000u);
    CHECK(sign.rgba8 == sign_image(text, default_brand(), 1024, 256).rgba8);
    const assets::Image one_line = sign_image({"Chụp ảnh sản phẩm", ""}, labels_kit(), 800, 160);
    CHECK(one_line.height == 160);
}

// ---- For people to look at, and to remake the logo ----------------------------------------

TEST_CASE("labels: write the sample tag and sign to /tmp/labels", "[.look]") {
    labels_write_png("/tmp/labels/tag-vase.png", price_tag_image(labels_vase(), labels_kit()));
    labels_write_png("/tmp/labels/tag-vase-1024.png", price_tag_image(labels_vase(), labels_kit(), 1024));
    Product silk = labels_vase();
    silk.name = {"Khăn lụa tơ tằm Vạn Phúc", "Van Phuc mulberry silk scarf"};
    silk.producer = "Hộ kinh doanh Nguyễn Thị Hằng";
    silk.commune = "Vạn Phúc";
    silk.district = "Hà Đông";
    silk.ocop_stars = 4;
    silk.price_vnd = 450000;
    labels_write_png("/tmp/labels/tag-silk.png", price_tag_image(silk, labels_kit()));
    labels_write_png("/tmp/labels/sign.png", sign_image({"Trưng bày và bán sản phẩm", "Display and sale"}, labels_kit(), 1024, 256));
    labels_write_png("/tmp/labels/letters.png", [] {
        assets::Image image = make_canvas(1400, 260, glm::vec4(1.0f));
        const TextStyle style{&labels_font(false), 34.0f};
        const std::string all = labels_vietnamese_nfc;
        const std::u32string letters = decode_utf8(all);
        for (int row = 0; row < 4; ++row)
            draw_text(image, style, encode_utf8(std::u32string_view(letters).substr(std::size_t(row) * 36, 36)),
                      {10.0f, 50.0f + 60.0f * float(row)});
        return image;
    }());
    FontCache fonts;
    labels_write_png("/tmp/labels/logo.png", draw_logo(default_brand(), fonts, 512).value());
}

TEST_CASE("labels: remake assets/brand/hanoi-ocop-logo.png", "[.make-logo]") {
    FontCache fonts;
    const assets::Image logo = draw_logo(default_brand(), fonts, 512).value();
    const std::vector<std::uint8_t> png = labels_encode_png_small(logo);
    REQUIRE(png.size() <= 40u * 1024u);
    REQUIRE(write_file_atomic(labels_brand_file.parent_path() / "hanoi-ocop-logo.png", png).ok());
}
