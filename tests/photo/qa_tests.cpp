// Photo QA on synthetic photos: a grey disc on a backdrop, then each way a photo can go wrong
// failing the check that names it (and only that one where the fault is alone).
#include <cmath>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "photo/image_io.h"
#include "photo/png.h"
#include "photo/qa.h"
#include "support.h"

using namespace ocop;
namespace fs = std::filesystem;

namespace {

// Small photos (every test well under a second), large enough that the 16 px margin around a
// product filling 85% leaves a band of background to check.
constexpr std::uint32_t kQaSide = 400;

struct QaRgba {
    std::uint8_t r, g, b, a;
};

photo::Preset qa_test_preset(photo::Background background = photo::Background::White, float fill = 0.85f) {
    photo::Preset p;
    p.name = "qa-test";
    p.width = kQaSide;
    p.height = kQaSide;
    p.background = background;
    p.fill = fill;
    return p;
}

render::Pixels qa_fill(std::uint32_t w, std::uint32_t h, QaRgba c) {
    render::Pixels p{w, h, std::vector<std::uint8_t>(std::size_t(w) * h * 4)};
    for (std::size_t i = 0; i < std::size_t(w) * h; ++i) {
        p.rgba8[i * 4 + 0] = c.r;
        p.rgba8[i * 4 + 1] = c.g;
        p.rgba8[i * 4 + 2] = c.b;
        p.rgba8[i * 4 + 3] = c.a;
    }
    return p;
}

void qa_set(render::Pixels& p, int x, int y, QaRgba c) {
    if (x < 0 || y < 0 || x >= int(p.width) || y >= int(p.height)) return;
    std::uint8_t* px = &p.rgba8[(std::size_t(y) * p.width + std::size_t(x)) * 4];
    px[0] = c.r, px[1] = c.g, px[2] = c.b, px[3] = c.a;
}

// An ellipse centred at (cx, cy) in pixels: pixel centres inside it take `colour(x, y)`.
void qa_ellipse(render::Pixels& p, float cx, float cy, float rx, float ry,
                const std::function<QaRgba(int, int)>& colour) {
    for (int y = 0; y < int(p.height); ++y)
        for (int x = 0; x < int(p.width); ++x) {
            const float dx = (float(x) + 0.5f - cx) / rx, dy = (float(y) + 0.5f - cy) / ry;
            if (dx * dx + dy * dy <= 1.0f) qa_set(p, x, y, colour(x, y));
        }
}

// A mid-grey disc of the given fill, centred at (cx, cy) as shares of the frame.
render::Pixels qa_disc(float fill = 0.85f, float cx = 0.5f, float cy = 0.5f, QaRgba background = {255, 255, 255, 255},
                       QaRgba disc = {128, 128, 128, 255}) {
    render::Pixels p = qa_fill(kQaSide, kQaSide, background);
    const float r = 0.5f * fill * float(kQaSide);
    qa_ellipse(p, cx * float(kQaSide), cy * float(kQaSide), r, r, [&](int, int) { return disc; });
    return p;
}

const photo::QaCheck& qa_check(const photo::PhotoQa& q, const std::string& name) {
    for (const photo::QaCheck& c : q.checks)
        if (c.name == name) return c;
    FAIL("no check named " << name);
    return q.checks.front();
}

// Every check passes but those named.
void qa_expect_failures(const photo::PhotoQa& q, const std::vector<std::string>& failing) {
    for (const photo::QaCheck& c : q.checks) {
        INFO(c.name << ": " << c.detail);
        const bool expected = std::find(failing.begin(), failing.end(), c.name) != failing.end();
        CHECK(c.pass == !expected);
    }
    CHECK(q.pass() == failing.empty());
}

// NAME.json as the studio writes it beside NAME.png.
void qa_write_sidecar(const fs::path& photo, const std::string& preset,
                      const std::function<void(nlohmann::json&)>& change = {}) {
    nlohmann::json doc = {{"format", "ocop-photo/1"},
                          {"file", photo.filename().string()},
                          {"preset", preset},
                          {"angle", "front"},
                          {"frame", nullptr},
                          {"size", {kQaSide, kQaSide}},
                          {"product", {{"sku", "BT-VASE-01"}, {"category", "ceramics"}}},
                          {"exposure_ev", 0.0},
                          {"rig", "catalogue-soft"},
                          {"tone_mapping", "pbr-neutral"},
                          {"software", "showroom test"},
                          {"inputs_hash", "0123456789abcdef"}};
    if (change) change(doc);
    fs::path path = photo;
    std::ofstream(path.replace_extension(".json")) << doc.dump(2);
}

void qa_write(const fs::path& path, const render::Pixels& p) {
    const Status s = photo::write_png(path, p);
    REQUIRE(s.ok());
}

}  // namespace

TEST_CASE("photo QA: a grey disc on pure white at the preset's fill passes every check", "[photo][qa]") {
    const photo::PhotoQa q = photo::check_photo(qa_disc(), qa_test_preset());
    qa_expect_failures(q, {});
    CHECK(q.checks.size() == 6);
    CHECK(q.fill == Approx(0.85).margin(0.006));
    CHECK(q.centre_offset <= 0.003f);
    // sRGB 128 is 0.216 linear: a grey's luminance.
    CHECK(q.product_luminance == Approx(0.216).margin(0.002));
    CHECK(qa_check(q, "fill").detail.find("target 0.850") != std::string::npos);
}

TEST_CASE("photo QA: an off-centre product fails centring only", "[photo][qa]") {
    const photo::PhotoQa q = photo::check_photo(qa_disc(0.85f, 0.5f, 0.53f), qa_test_preset());
    qa_expect_failures(q, {"centring"});
    CHECK(q.centre_offset == Approx(0.03).margin(0.006));
    CHECK(qa_check(q, "centring").detail.find("down") != std::string::npos);
}

TEST_CASE("photo QA: a product too small or too large fails fill", "[photo][qa]") {
    qa_expect_failures(photo::check_photo(qa_disc(0.80f), qa_test_preset()), {"fill"});
    qa_expect_failures(photo::check_photo(qa_disc(0.90f), qa_test_preset()), {"fill"});
    // Within 2% (relative) of the target passes.
    qa_expect_failures(photo::check_photo(qa_disc(0.86f), qa_test_preset()), {});
}

TEST_CASE("photo QA: a product touching the border fails edges and says which", "[photo][qa]") {
    // The right fill, but pushed up against the top: its box starts at row 0.
    const photo::PhotoQa q = photo::check_photo(qa_disc(0.85f, 0.5f, 0.42f), qa_test_preset());
    CHECK_FALSE(qa_check(q, "edges").pass);
    CHECK(qa_check(q, "edges").detail == "the product touches the border: top");
    CHECK(qa_check(q, "fill").pass);
    CHECK(qa_check(q, "background").pass);
}

TEST_CASE("photo QA: one stray 254 pixel in a white background fails background", "[photo][qa]") {
    render::Pixels p = qa_disc();
    qa_set(p, 3, 190, {255, 254, 255, 255});
    const photo::PhotoQa q = photo::check_photo(p, qa_test_preset());
    qa_expect_failures(q, {"background"});
    CHECK(qa_check(q, "background").detail.find("1 pixel beyond 16 px") != std::string::npos);
    CHECK(qa_check(q, "background").detail.find("(3, 190): RGB(255,254,255)") != std::string::npos);

    // Near the product (JPEG ringing) an off-white pixel is allowed.
    render::Pixels near = qa_disc();
    qa_set(near, 200, 200 - 170 - 6, {252, 252, 252, 255});
    qa_expect_failures(photo::check_photo(near, qa_test_preset()), {});
}

TEST_CASE("photo QA: the wrong size fails size", "[photo][qa]") {
    photo::Preset wide = qa_test_preset();
    wide.width = 480;
    const photo::PhotoQa q = photo::check_photo(qa_disc(), wide);
    CHECK_FALSE(qa_check(q, "size").pass);
    CHECK(qa_check(q, "size").detail == "400x400, the preset wants 480x400");
}

TEST_CASE("photo QA: a transparent cut-out with its contact shadow in the alpha passes", "[photo][qa]") {
    const auto with_shadow = [](QaRgba shadow) {
        render::Pixels p = qa_disc(0.85f, 0.5f, 0.5f, {0, 0, 0, 0}, {150, 90, 60, 255});
        // The shadow spreads wider than the product's box plus the margin, under it.
        qa_ellipse(p, 200.0f, 370.0f, 198.0f, 28.0f, [&](int x, int y) {
            const std::uint8_t* px = &p.rgba8[(std::size_t(y) * p.width + std::size_t(x)) * 4];
            return px[3] == 255 ? QaRgba{px[0], px[1], px[2], 255} : shadow;
        });
        return p;
    };
    const photo::Preset preset = qa_test_preset(photo::Background::Transparent);
    const photo::PhotoQa q = photo::check_photo(with_shadow({0, 0, 0, 90}), preset);
    qa_expect_failures(q, {});
    CHECK(q.fill == Approx(0.85).margin(0.006));

    // A grey haze where only a dark shadow may be is a background fault, counted.
    const photo::PhotoQa grey = photo::check_photo(with_shadow({128, 128, 128, 90}), preset);
    qa_expect_failures(grey, {"background"});
    CHECK(qa_check(grey, "background").detail.find(" pixels beyond 16 px") != std::string::npos);
    // A coloured speck far from the product fails too.
    render::Pixels speck = with_shadow({0, 0, 0, 90});
    qa_set(speck, 2, 2, {200, 30, 30, 40});
    CHECK_FALSE(qa_check(photo::check_photo(speck, preset), "background").pass);
}

TEST_CASE("photo QA: a colour backdrop passes within a JPEG's rounding and leaves the brand strip out",
          "[photo][qa]") {
    photo::Preset preset = qa_test_preset(photo::Background::Colour, 0.72f);
    preset.background_srgb = glm::vec3(243.0f, 238.0f, 228.0f) / 255.0f;  // #F3EEE4, social-4x5
    preset.overlay = true;
    // Centred in the rows above the strip, as the studio frames it (PhotoSettings::raise).
    render::Pixels p = qa_disc(0.72f, 0.5f, 0.44f, {243, 238, 228, 255});
    for (std::uint32_t y = 0; y < kQaSide; ++y)  // JPEG noise: +/-2 on the backdrop
        for (std::uint32_t x = 0; x < 10; ++x) qa_set(p, int(x), int(y), {245, 236, 229, 255});
    for (std::uint32_t y = 352; y < kQaSide; ++y)  // the strip: the bottom 12%, brand red
        for (std::uint32_t x = 0; x < kQaSide; ++x) qa_set(p, int(x), int(y), {142, 27, 23, 255});
    qa_expect_failures(photo::check_photo(p, preset), {});

    preset.overlay = false;  // without the strip the red band is a product far too wide
    const photo::PhotoQa q = photo::check_photo(p, preset);
    CHECK_FALSE(qa_check(q, "fill").pass);
    CHECK_FALSE(qa_check(q, "edges").pass);
}

TEST_CASE("photo QA: clipped highlights and crushed shadows fail exposure", "[photo][qa]") {
    // Half the disc a saturated red whose red channel is clipped at 255.
    render::Pixels hot = qa_disc();
    qa_ellipse(hot, 200.0f, 200.0f, 170.0f, 80.0f, [](int, int) { return QaRgba{255, 40, 40, 255}; });
    photo::PhotoQa q = photo::check_photo(hot, qa_test_preset());
    qa_expect_failures(q, {"exposure"});
    CHECK(qa_check(q, "exposure").detail.find("clipped (at most 3%)") != std::string::npos);

    q = photo::check_photo(qa_disc(0.85f, 0.5f, 0.5f, {255, 255, 255, 255}, {1, 2, 0, 255}), qa_test_preset());
    qa_expect_failures(q, {"exposure"});
    CHECK(qa_check(q, "exposure").detail.find("100.0% crushed") != std::string::npos);
    CHECK(q.product_luminance < 0.001f);
}

TEST_CASE("photo QA: a close-up and a photo in a centre skip what does not apply to them", "[photo][qa]") {
    // fill 1.7: the product overflows the frame on purpose.
    const photo::PhotoQa detail = photo::check_photo(qa_disc(1.7f), qa_test_preset(photo::Background::White, 1.7f));
    qa_expect_failures(detail, {});
    for (const char* name : {"fill", "centring", "edges"}) CHECK(qa_check(detail, name).skipped);
    CHECK_FALSE(qa_check(detail, "background").skipped);

    render::Pixels room = qa_disc(0.5f, 0.3f, 0.6f, {90, 70, 50, 255});
    qa_set(room, 0, 0, {200, 10, 10, 255});
    const photo::PhotoQa centre = photo::check_photo(room, qa_test_preset(photo::Background::InCentre, 0.55f));
    qa_expect_failures(centre, {});
    for (const char* name : {"background", "fill", "centring", "edges"}) CHECK(qa_check(centre, name).skipped);
    CHECK(qa_check(centre, "exposure").detail.find("whole frame") != std::string::npos);
}

TEST_CASE("photo QA: a sidecar is read, and a malformed one is named", "[photo][qa]") {
    const std::string good = R"({"format": "ocop-photo/1", "file": "a.jpg", "preset": "marketplace-white",
        "angle": "detail", "size": [2000, 2000], "exposure_ev": -0.5, "rig": "catalogue-soft",
        "tone_mapping": "aces"})";
    Result<photo::PhotoSidecar> s = photo::parse_photo_sidecar(good, "a.json");
    REQUIRE(s.ok());
    CHECK(s->file == "a.jpg");
    CHECK(s->preset == "marketplace-white");
    CHECK(s->angle == "detail");
    CHECK(s->exposure_ev == -0.5f);
    CHECK(s->tone_mapping == "aces");
    CHECK(s->width == 2000);

    CHECK(photo::parse_photo_sidecar("{", "a.json").error().message() == "a.json: not a JSON object");
    CHECK(photo::parse_photo_sidecar(R"({"format": "ocop-photo/2"})", "a.json").error().reason.find("format") !=
          std::string::npos);
    std::string bad = good;
    bad.replace(bad.find("-0.5"), 4, "\"-0.5\"");
    CHECK(photo::parse_photo_sidecar(bad, "a.json").error().message() == "a.json: exposure_ev: must be a number");
}

TEST_CASE("photo QA: a batch with one differing exposure_ev fails the batch check naming it", "[photo][qa]") {
    const fs::path dir = test::scratch_dir("qa_batch");
    for (const char* name : {"a", "b", "c"}) {
        const fs::path photo = dir / (std::string(name) + ".png");
        qa_write(photo, qa_disc());
        qa_write_sidecar(photo, "qa-test", [&](nlohmann::json& d) {
            if (std::string(name) == "b") d["exposure_ev"] = 0.5;
        });
    }
    qa_write(dir / "contact-sheet.png", qa_disc(0.3f));  // not a photo of the batch
    Result<photo::QaReport> report = photo::check_folder(dir, qa_test_preset());
    REQUIRE(report.ok());
    REQUIRE(report->photos.size() == 3);
    CHECK(report->failed_photos() == 0);
    CHECK_FALSE(report->pass());
    bool found = false;
    for (const photo::QaCheck& c : report->batch_checks) {
        INFO(c.name << ": " << c.detail);
        if (c.name == "batch exposure_ev") {
            found = true;
            CHECK_FALSE(c.pass);
            CHECK(c.detail == "qa-test: exposure_ev differs in b.png (0.5); 0 in the other 2");
        } else {
            CHECK(c.pass);
        }
    }
    CHECK(found);

    qa_write_sidecar(dir / "b.png", "qa-test");
    report = photo::check_folder(dir, qa_test_preset());
    REQUIRE(report.ok());
    CHECK(report->pass());
}

TEST_CASE("photo QA: a folder's bad photos and sidecars fail those photos, never the run", "[photo][qa]") {
    const fs::path dir = test::scratch_dir("qa_folder");
    qa_write(dir / "good.png", qa_disc());
    qa_write_sidecar(dir / "good.png", "qa-test");
    std::ofstream(dir / "broken.png") << "not a PNG at all";
    qa_write(dir / "malformed.png", qa_disc());
    std::ofstream(dir / "malformed.json") << "{\"format\": \"ocop-photo/1\", ";
    qa_write(dir / "renamed.png", qa_disc());
    qa_write_sidecar(dir / "renamed.png", "qa-test", [](nlohmann::json& d) { d["file"] = "other.png"; });
    qa_write(dir / "orphan.png", qa_disc());
    std::ofstream(dir / "notes.txt") << "not a photo";

    // With a preset every readable photo is checked; without, the orphan has none.
    Result<photo::QaReport> report = photo::check_folder(dir, qa_test_preset());
    REQUIRE(report.ok());
    REQUIRE(report->photos.size() == 5);
    const auto photo_named = [&](const std::string& name) -> const photo::PhotoQa& {
        for (const photo::PhotoQa& q : report->photos)
            if (q.file.filename() == name) return q;
        FAIL("no photo " << name);
        return report->photos.front();
    };
    CHECK(photo_named("good.png").pass());
    CHECK(photo_named("orphan.png").pass());
    CHECK_FALSE(qa_check(photo_named("broken.png"), "read").pass);
    CHECK(qa_check(photo_named("broken.png"), "read").detail.find("broken.png") != std::string::npos);
    CHECK_FALSE(qa_check(photo_named("malformed.png"), "sidecar").pass);
    CHECK(qa_check(photo_named("malformed.png"), "fill").pass);  // the pixels are still checked
    CHECK(qa_check(photo_named("renamed.png"), "sidecar").detail.find("'other.png'") != std::string::npos);
    CHECK(report->failed_photos() == 3);

    report = photo::check_folder(dir, std::nullopt);
    REQUIRE(report.ok());
    CHECK(qa_check(photo_named("orphan.png"), "preset").detail.find("give --preset") != std::string::npos);
    // The sidecar names a preset that does not exist: said, not crashed on.
    CHECK(qa_check(photo_named("good.png"), "preset").detail.find("qa-test") != std::string::npos);

    CHECK(photo::check_folder(dir / "absent", std::nullopt).error().kind == Error::Kind::BadInput);
    const fs::path empty = test::scratch_dir("qa_empty");
    CHECK(photo::check_folder(empty, std::nullopt).error().reason.find("no photos") != std::string::npos);
}

TEST_CASE("photo QA: a detail angle's sidecar skips fill, centring and edges", "[photo][qa]") {
    const fs::path dir = test::scratch_dir("qa_detail_angle");
    qa_write(dir / "a_detail.png", qa_disc(1.7f));
    qa_write_sidecar(dir / "a_detail.png", "qa-test", [](nlohmann::json& d) { d["angle"] = "detail"; });
    Result<photo::QaReport> report = photo::check_folder(dir, qa_test_preset());
    REQUIRE(report.ok());
    CHECK(report->pass());
    CHECK(qa_check(report->photos[0], "fill").skipped);
}

TEST_CASE("photo QA: JPEG and WebP photos on white pass despite their compression", "[photo][qa]") {
    const fs::path dir = test::scratch_dir("qa_lossy");
    // A shaded, anti-aliased disc, as a rendered product is: compression rings around its edge.
    render::Pixels p = qa_fill(kQaSide, kQaSide, {255, 255, 255, 255});
    for (int y = 0; y < int(kQaSide); ++y)
        for (int x = 0; x < int(kQaSide); ++x) {
            int inside = 0;  // of 4x4 samples
            for (int s = 0; s < 16; ++s) {
                const float dx = float(x) + (float(s % 4) + 0.5f) / 4.0f - 200.0f;
                const float dy = float(y) + (float(s / 4) + 0.5f) / 4.0f - 200.0f;
                inside += dx * dx + dy * dy <= 170.0f * 170.0f;
            }
            const auto blend = [&](int c) { return std::uint8_t((c * inside + 255 * (16 - inside)) / 16); };
            qa_set(p, x, y, {blend(40 + x / 3), blend(60 + y / 4), blend(150 - x / 4), 255});
        }
    for (const photo::PhotoFormat format : {photo::PhotoFormat::Jpeg, photo::PhotoFormat::Webp}) {
        const fs::path path = dir / ("photo" + std::string(photo::format_extension(format)));
        // The qualities of marketplace-white (JPEG) and web-catalogue (WebP).
        const int quality = format == photo::PhotoFormat::Jpeg ? 92 : 88;
        REQUIRE(photo::write_photo(path, p, {.format = format, .quality = quality}).ok());
        Result<photo::QaReport> report = photo::check_folder(dir, qa_test_preset());
        REQUIRE(report.ok());
        const photo::PhotoQa& q = report->photos.back();
        INFO(path);
        qa_expect_failures(q, {});
        CHECK(q.fill == Approx(0.85).margin(0.008));
        fs::remove(path);
    }
}

TEST_CASE("photo QA: turntable frames fill at most the target and their sheet is left out", "[photo][qa]") {
    const fs::path dir = test::scratch_dir("qa_turntable");
    // Framed for the whole turn: a pose narrower than the target, off the axis, is right.
    qa_write(dir / "a_turntable_000.png", qa_disc(0.70f, 0.46f, 0.5f));
    qa_write_sidecar(dir / "a_turntable_000.png", "qa-test", [](nlohmann::json& d) { d["frame"] = 0; });
    qa_write(dir / "a_turntable_001.png", qa_disc(0.92f));
    qa_write_sidecar(dir / "a_turntable_001.png", "qa-test", [](nlohmann::json& d) { d["frame"] = 1; });
    qa_write(dir / "a_turntable_sheet.png", qa_disc(0.2f));
    Result<photo::QaReport> report = photo::check_folder(dir, qa_test_preset());
    REQUIRE(report.ok());
    REQUIRE(report->photos.size() == 2);
    qa_expect_failures(report->photos[0], {});
    CHECK(qa_check(report->photos[0], "centring").skipped);
    CHECK(qa_check(report->photos[0], "fill").detail.find("at most") != std::string::npos);
    qa_expect_failures(report->photos[1], {"fill"});
}
