#include "photo/qa.h"

#include "core/colour.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "core/parallel.h"
#include "photo/angles.h"
#include "photo/image_io.h"
#include "photo/overlay.h"

namespace ocop::photo {

namespace qa_detail {

using nlohmann::json;

// The product is what differs clearly from the background; the background itself must be exact
// (white, alpha 0) or within a JPEG's rounding of the preset's colour.
constexpr std::uint8_t kWhiteProductBelow = 250;  // a channel below this on white: product
// JPEG (q92) and WebP (q88) tint the white just outside a silhouette down to 241 (measured on
// rendered products at 500 to 2000 px): in a lossy file "clearly" is further from white, or
// the tint widens the product by up to 6 px a side, a 400 px photo's whole fill tolerance.
constexpr std::uint8_t kLossyWhiteProductBelow = 240;
constexpr std::uint8_t kOpaqueAlpha = 128;        // alpha from this on, over transparent: product
constexpr int kColourProductDistance = 24;        // max channel difference from the colour: product
constexpr int kColourBackgroundTolerance = 4;     // max channel difference still the colour
// A contact shadow over transparent is black in colour, its darkness in the alpha (below ~0.5).
constexpr std::uint8_t kShadowMaxChannel = 48;
constexpr std::uint8_t kClippedFrom = 254;  // a product pixel's brightest channel: clipped
constexpr std::uint8_t kCrushedTo = 2;       // ... crushed
constexpr int kExposureInset = 2;            // px: exposure is measured inside the silhouette's edge
constexpr std::size_t kOddOnesNamed = 5;  // a batch check names this many odd photos, then counts

struct BackgroundModel {
    Background kind = Background::White;
    std::array<int, 3> rgb{255, 255, 255};  // Background::Colour, 8-bit sRGB
    int rows = 0;  // rows checked from the top: the brand strip below them is neither product nor backdrop
    std::uint8_t white_below = kWhiteProductBelow;
};

struct ProductBox {
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // inclusive pixel bounds; empty when x1 < x0
    std::size_t pixels = 0;
    bool empty() const { return x1 < x0; }
};

BackgroundModel qa_background_model(const Preset& preset, std::uint32_t height) {
    const float strip = preset.overlay ? kOverlayBandShare : 0.0f;
    const bool lossy = preset.format != PhotoFormat::Png;
    BackgroundModel m{preset.background, {}, int(std::floor(float(height) * (1.0f - strip))),
                      lossy ? kLossyWhiteProductBelow : kWhiteProductBelow};
    for (int c = 0; c < 3; ++c)
        m.rgb[std::size_t(c)] = int(std::lround(std::clamp(preset.background_srgb[c], 0.0f, 1.0f) * 255.0f));
    return m;
}

int qa_colour_distance(const std::uint8_t* px, const BackgroundModel& m) {
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(px[c]) - m.rgb[std::size_t(c)]));
    return d;
}

bool qa_is_product(const std::uint8_t* px, const BackgroundModel& m) {
    switch (m.kind) {
        case Background::White:
            return px[0] < m.white_below || px[1] < m.white_below || px[2] < m.white_below;
        case Background::Transparent: return px[3] >= kOpaqueAlpha;
        case Background::Colour: return qa_colour_distance(px, m) > kColourProductDistance;
        case Background::InCentre: return true;  // the whole frame: a room, not a backdrop
    }
    return true;
}

bool qa_is_background(const std::uint8_t* px, const BackgroundModel& m) {
    switch (m.kind) {
        case Background::White: return px[0] == 255 && px[1] == 255 && px[2] == 255;
        case Background::Transparent:
            return px[3] == 0 || (px[3] < kOpaqueAlpha && std::max({px[0], px[1], px[2]}) <= kShadowMaxChannel);
        case Background::Colour: return qa_colour_distance(px, m) <= kColourBackgroundTolerance;
        case Background::InCentre: return true;
    }
    return true;
}

const std::uint8_t* qa_pixel(const render::Pixels& p, int x, int y) {
    return &p.rgba8[(std::size_t(y) * p.width + std::size_t(x)) * 4];
}

ProductBox qa_product_box(const render::Pixels& p, const BackgroundModel& m) {
    ProductBox b{int(p.width), int(p.height), -1, -1, 0};
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < int(p.width); ++x) {
            if (!qa_is_product(qa_pixel(p, x, y), m)) continue;
            b.x0 = std::min(b.x0, x);
            b.y0 = std::min(b.y0, y);
            b.x1 = std::max(b.x1, x);
            b.y1 = std::max(b.y1, y);
            ++b.pixels;
        }
    return b;
}

std::string qa_format(const char* pattern, double a, double b = 0.0, double c = 0.0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, pattern, a, b, c);
    return buf;
}

QaCheck qa_skipped(const char* name, const std::string& why) { return {name, true, "not checked: " + why, true}; }

QaCheck qa_check_size(const render::Pixels& p, const Preset& preset) {
    const bool pass = p.width == preset.width && p.height == preset.height;
    return {"size", pass,
            std::to_string(p.width) + "x" + std::to_string(p.height) + (pass ? "" : ", ") +
                (pass ? "" : "the preset wants " + std::to_string(preset.width) + "x" + std::to_string(preset.height))};
}

std::string qa_rgba_text(const std::uint8_t* px, bool alpha) {
    std::string s = alpha ? "RGBA(" : "RGB(";
    for (int c = 0; c < (alpha ? 4 : 3); ++c) s += (c ? "," : "") + std::to_string(px[c]);
    return s + ")";
}

// Everything outside the product's box grown by the margin must be background. (With no
// product found, the whole frame.)
QaCheck qa_check_background(const render::Pixels& p, const BackgroundModel& m, const ProductBox& box, int margin) {
    if (m.kind == Background::InCentre) return qa_skipped("background", "the product stands in a centre room");
    std::size_t bad = 0;
    int first_x = -1, first_y = -1;
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < int(p.width); ++x) {
            const bool near_product = !box.empty() && x >= box.x0 - margin && x <= box.x1 + margin &&
                                      y >= box.y0 - margin && y <= box.y1 + margin;
            if (near_product || qa_is_background(qa_pixel(p, x, y), m)) continue;
            if (bad++ == 0) first_x = x, first_y = y;
        }
    const char* want = m.kind == Background::White         ? "pure white RGB(255,255,255)"
                       : m.kind == Background::Transparent ? "alpha 0 (or a dark contact shadow)"
                                                           : "the preset's colour";
    if (bad == 0) return {"background", true, std::string("all ") + want + " beyond " + std::to_string(margin) +
                                                   " px of the product"};
    return {"background", false,
            std::to_string(bad) + " pixel" + (bad == 1 ? "" : "s") + " beyond " + std::to_string(margin) +
                " px of the product not " + want + ", the first at (" + std::to_string(first_x) + ", " +
                std::to_string(first_y) + "): " +
                qa_rgba_text(qa_pixel(p, first_x, first_y), m.kind == Background::Transparent)};
}

// Fill and centring only mean something when the whole product is framed on a backdrop.
std::optional<std::string> qa_framing_skip_reason(const Preset& preset) {
    if (preset.background == Background::InCentre) return "the product stands in a centre room";
    if (preset.fill > 1.0f) return "a close-up, cropped on purpose (fill " + qa_format("%.2f", preset.fill) + ")";
    return std::nullopt;
}

// A turntable frame is framed for the whole turn: each pose fills at most the target.
QaCheck qa_check_fill(float fill, const Preset& preset, QaFraming framing, const ProductBox& box, float relative) {
    if (auto why = qa_framing_skip_reason(preset)) return qa_skipped("fill", *why);
    if (box.empty()) return {"fill", false, "no product found: every pixel is background"};
    const float allowed = relative * preset.fill;
    if (framing == QaFraming::WholeTurn)
        return {"fill", fill <= preset.fill + allowed,
                qa_format("fill %.3f (a turntable frame: at most %.3f + %.3f)", fill, preset.fill, allowed)};
    return {"fill", std::abs(fill - preset.fill) <= allowed,
            qa_format("fill %.3f (target %.3f +/- %.3f)", fill, preset.fill, allowed)};
}

QaCheck qa_check_centring(float dx, float dy, const Preset& preset, QaFraming framing, const ProductBox& box,
                          float allowed) {
    if (auto why = qa_framing_skip_reason(preset)) return qa_skipped("centring", *why);
    if (framing == QaFraming::WholeTurn)
        return qa_skipped("centring", "a turntable frame: the turn is centred, not each pose");
    if (box.empty()) return {"centring", false, "no product found: every pixel is background"};
    return {"centring", std::abs(dx) <= allowed && std::abs(dy) <= allowed,
            qa_format("centre off by %+.3f across, %+.3f down (at most %.3f)", dx, dy, allowed)};
}

QaCheck qa_check_edges(const render::Pixels& p, const BackgroundModel& m, const Preset& preset, const ProductBox& box) {
    if (auto why = qa_framing_skip_reason(preset)) return qa_skipped("edges", *why);
    if (box.empty()) return {"edges", false, "no product found: every pixel is background"};
    std::string sides;
    const auto add = [&](bool touches, const char* side) {
        if (touches) sides += (sides.empty() ? "" : ", ") + std::string(side);
    };
    add(box.y0 == 0, "top");
    add(box.y1 == m.rows - 1, m.rows < int(p.height) ? "the brand strip" : "bottom");
    add(box.x0 == 0, "left");
    add(box.x1 == int(p.width) - 1, "right");
    if (sides.empty()) return {"edges", true, "the product clears the border"};
    return {"edges", false, "the product touches the border: " + sides};
}

// IEC 61966-2-1 sRGB decoding, then Rec.709 relative luminance.
float qa_srgb_to_linear(std::uint8_t v) { return srgb_to_linear(float(v) / 255.0f); }

struct ExposureStats {
    std::size_t pixels = 0;
    std::size_t clipped = 0;
    std::size_t crushed = 0;
    double luminance_sum = 0.0;
};

// The product's mask shrunk by `radius` px: the pixels whose whole (2r+1)² neighbourhood is
// product (beyond the frame counts as product: a close-up is cropped, not edged). Exposure is
// measured there: the silhouette's anti-aliased blends with white, and a JPEG's ringing just
// outside it (RGB(254,255,249)), are neither product colour nor clipping.
std::vector<std::uint8_t> qa_interior_mask(const render::Pixels& p, const BackgroundModel& m, int radius) {
    const int w = int(p.width), h = m.rows;
    std::vector<std::uint8_t> mask(std::size_t(w) * std::size_t(h));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            mask[std::size_t(y) * std::size_t(w) + std::size_t(x)] = qa_is_product(qa_pixel(p, x, y), m);
    // Separable erosion: a running count of background pixels along rows, then along columns.
    const auto erode = [&](int lines, int length, auto index) {
        std::vector<std::uint8_t> out(mask.size());
        std::vector<int> holes(std::size_t(length) + 1);
        for (int l = 0; l < lines; ++l) {
            for (int i = 0; i < length; ++i) holes[std::size_t(i) + 1] = holes[std::size_t(i)] + !mask[index(l, i)];
            for (int i = 0; i < length; ++i) {
                const int lo = std::max(i - radius, 0), hi = std::min(i + radius, length - 1);
                out[index(l, i)] = holes[std::size_t(hi) + 1] == holes[std::size_t(lo)];
            }
        }
        mask = std::move(out);
    };
    erode(h, w, [w](int y, int x) { return std::size_t(y) * std::size_t(w) + std::size_t(x); });
    erode(w, h, [w](int x, int y) { return std::size_t(y) * std::size_t(w) + std::size_t(x); });
    return mask;
}

ExposureStats qa_exposure_stats(const render::Pixels& p, const BackgroundModel& m) {
    std::array<float, 256> linear{};
    for (int v = 0; v < 256; ++v) linear[std::size_t(v)] = qa_srgb_to_linear(std::uint8_t(v));
    const auto measure = [&](const std::vector<std::uint8_t>* inside) {
        ExposureStats s;
        const std::size_t count = std::size_t(p.width) * std::size_t(m.rows);
        for (std::size_t i = 0; i < count; ++i) {
            const std::uint8_t* px = &p.rgba8[i * 4];
            if (inside ? !(*inside)[i] : !qa_is_product(px, m)) continue;
            const std::uint8_t top = std::max({px[0], px[1], px[2]});
            ++s.pixels;
            s.clipped += top >= kClippedFrom;
            s.crushed += top <= kCrushedTo;
            s.luminance_sum += 0.2126 * linear[px[0]] + 0.7152 * linear[px[1]] + 0.0722 * linear[px[2]];
        }
        return s;
    };
    const std::vector<std::uint8_t> interior = qa_interior_mask(p, m, kExposureInset);
    const ExposureStats s = measure(&interior);
    return s.pixels > 0 ? s : measure(nullptr);  // a product too thin to shrink: all of it
}

QaCheck qa_check_exposure(const ExposureStats& s, const QaTolerances& t, bool whole_frame) {
    if (s.pixels == 0) return {"exposure", false, "no product pixels to measure"};
    const double clipped = double(s.clipped) / double(s.pixels);
    const double crushed = double(s.crushed) / double(s.pixels);
    const bool pass = clipped <= t.clipped_share && crushed <= t.crushed_share;
    return {"exposure", pass,
            qa_format("%.1f%% clipped (at most %.0f%%), ", clipped * 100.0, t.clipped_share * 100.0) +
                qa_format("%.1f%% crushed (at most %.0f%%) ", crushed * 100.0, t.crushed_share * 100.0) +
                (whole_frame ? "of the whole frame" : "of the product's pixels") +
                qa_format(", mean luminance %.3f", s.luminance_sum / double(s.pixels))};
}

// --- the batch ---

struct BatchValue {
    std::string value;  // as printed, so that 0 and 0.0 compare equal
    std::string file;
};

// "marketplace-white: exposure_ev differs in a.jpg (0.5), b.jpg (0.5); 0 in the other 10".
QaCheck qa_batch_property(const std::string& preset, const char* property, const std::vector<BatchValue>& values) {
    std::map<std::string, std::size_t> counts;
    for (const BatchValue& v : values) ++counts[v.value];
    std::string common = values.front().value;  // the most common value; ties: the first photo's
    for (const auto& [value, n] : counts)
        if (n > counts[common]) common = value;
    const std::string name = std::string("batch ") + property;
    if (counts.size() == 1)
        return {name, true,
                preset + ": " + property + " " + common + " in all " + std::to_string(values.size()) + " photos"};
    std::string odd;
    std::size_t named = 0, odd_count = 0;
    for (const BatchValue& v : values) {
        if (v.value == common) continue;
        ++odd_count;
        if (named++ < kOddOnesNamed) odd += (odd.empty() ? "" : ", ") + v.file + " (" + v.value + ")";
    }
    if (odd_count > kOddOnesNamed) odd += " and " + std::to_string(odd_count - kOddOnesNamed) + " more";
    return {name, false,
            preset + ": " + property + " differs in " + odd + "; " + common + " in the other " +
                std::to_string(counts[common])};
}

std::string qa_number_text(float v) { return qa_format("%g", double(v)); }

// The photo files of a folder, by name.
std::vector<std::filesystem::path> qa_photo_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    // Incremented by hand: the range-for's operator++ throws on an unreadable entry.
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec)) {
        const std::filesystem::directory_entry& entry = *it;
        std::error_code type_ec;
        if (!entry.is_regular_file(type_ec)) continue;
        const std::string ext = lower_extension(entry.path());
        if (ext != ".jpg" && ext != ".jpeg" && ext != ".png" && ext != ".webp") continue;
        // Contact sheets: the batch's (contact-sheet.jpg) and each turntable's (SKU_turntable_sheet.jpg).
        const std::string stem = entry.path().stem().string();
        if (stem.starts_with("contact-sheet") || stem.ends_with("_sheet")) continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Reads NAME.json beside the photo: nothing when absent, a failing "sidecar" check when malformed.
std::optional<QaCheck> qa_read_sidecar(PhotoQa& q) {
    std::filesystem::path path = q.file;
    path.replace_extension(".json");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 1u << 20);
    if (!bytes) return QaCheck{"sidecar", false, bytes.error().message()};
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    Result<PhotoSidecar> sidecar = parse_photo_sidecar(text, path.string());
    if (!sidecar) return QaCheck{"sidecar", false, sidecar.error().message()};
    q.sidecar = std::move(sidecar).value();
    if (q.sidecar->file != q.file.filename().string())
        return QaCheck{"sidecar", false,
                       path.string() + ": file: names '" + q.sidecar->file + "', not this photo"};
    return std::nullopt;
}

// The preset as this photo was made: a detail angle zooms in (the fill times the zoom, > 1:
// cropped on purpose), and the file's own format says how much its compression rings.
Preset qa_preset_for_photo(const Preset& preset, const PhotoQa& q) {
    Preset p = preset;
    if (q.sidecar && !q.sidecar->angle.empty())
        if (Result<Angle> angle = angle_by_id(q.sidecar->angle)) p.fill *= angle->zoom;
    const std::string ext = lower_extension(q.file);
    p.format = ext == ".png" ? PhotoFormat::Png : ext == ".webp" ? PhotoFormat::Webp : PhotoFormat::Jpeg;
    return p;
}

struct PresetChoice {
    const Preset* preset = nullptr;
    std::optional<QaCheck> failure;  // why there is none
};

// The given preset, else the sidecar's, loaded once per name.
PresetChoice qa_choose_preset(const PhotoQa& q, const std::optional<Preset>& given,
                              std::map<std::string, Result<Preset>>& loaded) {
    if (given) return {&*given, std::nullopt};
    if (!q.sidecar || q.sidecar->preset.empty())
        return {nullptr, QaCheck{"preset", false,
                                 "no preset: give --preset, or write a sidecar " +
                                     q.file.stem().string() + ".json naming one"}};
    // A batch made with a preset file names the file; a built-in preset, its name.
    const std::string& name = q.sidecar->preset_file.empty() ? q.sidecar->preset : q.sidecar->preset_file;
    auto it = loaded.find(name);
    if (it == loaded.end()) it = loaded.emplace(name, load_preset(name)).first;
    if (!it->second) return {nullptr, QaCheck{"preset", false, it->second.error().message()}};
    return {&it->second.value(), std::nullopt};
}

}  // namespace qa_detail

bool PhotoQa::pass() const {
    return std::all_of(checks.begin(), checks.end(), [](const QaCheck& c) { return c.pass; });
}

bool QaReport::pass() const {
    return std::all_of(photos.begin(), photos.end(), [](const PhotoQa& p) { return p.pass(); }) &&
           std::all_of(batch_checks.begin(), batch_checks.end(), [](const QaCheck& c) { return c.pass; });
}

std::size_t QaReport::failed_photos() const {
    return std::size_t(std::count_if(photos.begin(), photos.end(), [](const PhotoQa& p) { return !p.pass(); }));
}

Result<PhotoSidecar> parse_photo_sidecar(std::string_view json_text, const std::string& source) {
    using qa_detail::json;
    const json doc = json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return bad_input(source, "not a JSON object");
    if (doc.value("format", json()) != "ocop-photo/1") return bad_input(source, "format: must be \"ocop-photo/1\"");
    const auto string_at = [&](const char* key, bool required, std::string& out) -> std::optional<Error> {
        const auto it = doc.find(key);
        if (it == doc.end() || it->is_null())
            return required ? std::optional(bad_input(source, "is missing", key)) : std::nullopt;
        if (!it->is_string()) return bad_input(source, "must be a string", key);
        out = it->get<std::string>();
        return std::nullopt;
    };
    PhotoSidecar s;
    if (auto e = string_at("file", true, s.file)) return *e;
    if (auto e = string_at("preset", false, s.preset)) return *e;
    if (auto e = string_at("preset_file", false, s.preset_file)) return *e;
    if (auto e = string_at("angle", false, s.angle)) return *e;
    const auto frame = doc.find("frame");
    if (frame != doc.end() && !frame->is_null()) {
        if (!frame->is_number_unsigned() || frame->get<std::uint64_t>() > 100000)
            return bad_input(source, "must be null or a frame number", "frame");
        s.frame = frame->get<int>();
    }
    if (auto e = string_at("rig", true, s.rig)) return *e;
    if (auto e = string_at("tone_mapping", true, s.tone_mapping)) return *e;
    const auto ev = doc.find("exposure_ev");
    if (ev == doc.end()) return bad_input(source, "is missing", "exposure_ev");
    if (!ev->is_number() || !std::isfinite(ev->get<double>()))
        return bad_input(source, "must be a number", "exposure_ev");
    s.exposure_ev = ev->get<float>();
    const auto size = doc.find("size");
    if (size == doc.end()) return bad_input(source, "is missing", "size");
    if (!size->is_array() || size->size() != 2 || !(*size)[0].is_number_unsigned() ||
        !(*size)[1].is_number_unsigned())
        return bad_input(source, "must be [width, height] in pixels", "size");
    s.width = (*size)[0].get<std::uint32_t>();
    s.height = (*size)[1].get<std::uint32_t>();
    return s;
}

PhotoQa check_photo(const render::Pixels& pixels, const Preset& preset, const QaTolerances& tolerances,
                    QaFraming framing) {
    using namespace qa_detail;
    PhotoQa q;
    q.preset = preset.name;
    q.width = pixels.width;
    q.height = pixels.height;
    const std::size_t count = std::size_t(pixels.width) * pixels.height;
    if (count == 0 || pixels.rgba8.size() != count * 4) {
        q.checks.push_back({"size", false, "no pixels"});
        return q;
    }
    const BackgroundModel model = qa_background_model(preset, pixels.height);
    const bool in_centre = preset.background == Background::InCentre;
    const ProductBox box = in_centre ? ProductBox{} : qa_product_box(pixels, model);
    float dx = 0.0f, dy = 0.0f;
    if (!box.empty()) {
        const float w = float(pixels.width), h = float(pixels.height);
        q.fill = std::max(float(box.x1 - box.x0 + 1) / w, float(box.y1 - box.y0 + 1) / h);
        dx = (0.5f * float(box.x0 + box.x1 + 1) - 0.5f * w) / w;
        // Centred in the rows above the brand strip, when there is one.
        dy = (0.5f * float(box.y0 + box.y1 + 1) - 0.5f * float(model.rows)) / h;
        q.centre_offset = std::max(std::abs(dx), std::abs(dy));
    }
    const ExposureStats exposure = qa_exposure_stats(pixels, model);
    if (exposure.pixels > 0) q.product_luminance = float(exposure.luminance_sum / double(exposure.pixels));

    q.checks.push_back(qa_check_size(pixels, preset));
    const int margin = preset.format == PhotoFormat::Webp ? tolerances.webp_margin_px : tolerances.margin_px;
    q.checks.push_back(qa_check_background(pixels, model, box, margin));
    q.checks.push_back(qa_check_fill(q.fill, preset, framing, box, tolerances.fill_relative));
    q.checks.push_back(qa_check_centring(dx, dy, preset, framing, box, tolerances.centre_share));
    q.checks.push_back(qa_check_edges(pixels, model, preset, box));
    q.checks.push_back(qa_check_exposure(exposure, tolerances, in_centre));
    return q;
}

std::vector<QaCheck> check_batch(const std::vector<PhotoQa>& photos) {
    using namespace qa_detail;
    std::vector<std::string> presets;  // in order of first appearance
    for (const PhotoQa& q : photos)
        if (!q.preset.empty() && std::find(presets.begin(), presets.end(), q.preset) == presets.end())
            presets.push_back(q.preset);
    std::vector<QaCheck> checks;
    for (const std::string& preset : presets) {
        std::vector<BatchValue> ev, rig, tone, size;
        for (const PhotoQa& q : photos) {
            if (q.preset != preset) continue;
            const std::string file = q.file.filename().string();
            if (q.width > 0) size.push_back({std::to_string(q.width) + "x" + std::to_string(q.height), file});
            if (!q.sidecar) continue;
            ev.push_back({qa_number_text(q.sidecar->exposure_ev), file});
            rig.push_back({q.sidecar->rig, file});
            tone.push_back({q.sidecar->tone_mapping, file});
        }
        if (!ev.empty()) checks.push_back(qa_batch_property(preset, "exposure_ev", ev));
        if (!rig.empty()) checks.push_back(qa_batch_property(preset, "rig", rig));
        if (!tone.empty()) checks.push_back(qa_batch_property(preset, "tone_mapping", tone));
        if (!size.empty()) checks.push_back(qa_batch_property(preset, "size", size));
    }
    return checks;
}

Result<QaReport> check_folder(const std::filesystem::path& dir, const std::optional<Preset>& preset,
                              const QaTolerances& tolerances) {
    using namespace qa_detail;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return bad_input(dir.string(), "not a folder");
    const std::vector<std::filesystem::path> files = qa_photo_files(dir);
    if (files.empty()) return bad_input(dir.string(), "no photos (.jpg, .png, .webp) in the folder");

    // Sidecars and presets first, one thread (presets are shared); then the pixels, in parallel.
    QaReport report;
    report.photos.resize(files.size());
    std::vector<const Preset*> chosen(files.size(), nullptr);
    std::map<std::string, Result<Preset>> loaded;
    for (std::size_t i = 0; i < files.size(); ++i) {
        PhotoQa& q = report.photos[i];
        q.file = files[i];
        const std::optional<QaCheck> bad_sidecar = qa_read_sidecar(q);
        if (bad_sidecar) q.checks.push_back(*bad_sidecar);
        PresetChoice choice = qa_choose_preset(q, preset, loaded);
        chosen[i] = choice.preset;
        if (choice.failure && !(bad_sidecar && !q.sidecar)) {  // a malformed sidecar says it already
            if (q.sidecar) q.preset = q.sidecar->preset;  // the unknown one, for the report
            q.checks.push_back(std::move(*choice.failure));
        }
    }
    parallel_for(files.size(), [&](std::size_t i) {
        PhotoQa& q = report.photos[i];
        if (!chosen[i]) return;
        Result<render::Pixels> pixels = read_photo(q.file);
        if (!pixels) {
            q.preset = chosen[i]->name;
            q.checks.push_back({"read", false, pixels.error().message()});
            return;
        }
        const QaFraming framing = q.sidecar && q.sidecar->frame >= 0 ? QaFraming::WholeTurn : QaFraming::Product;
        PhotoQa checked = check_photo(*pixels, qa_preset_for_photo(*chosen[i], q), tolerances, framing);
        checked.file = std::move(q.file);
        checked.sidecar = std::move(q.sidecar);
        checked.checks.insert(checked.checks.begin(), q.checks.begin(), q.checks.end());
        q = std::move(checked);
    });
    report.batch_checks = check_batch(report.photos);
    return report;
}

}  // namespace ocop::photo
