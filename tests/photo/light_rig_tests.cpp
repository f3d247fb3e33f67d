// Light rigs as data, colour temperature, and straight alpha in transparent photos.
#include <cmath>

#include <glm/gtc/packing.hpp>

#include "core/colour.h"
#include "gpu_support.h"
#include "photo/light_rig.h"
#include "photo/preset.h"
#include "photo/studio.h"
#include "support.h"

using namespace ocop;

TEST_CASE("every built-in light rig parses, with panels, and the five studio rigs are there", "[photo][rig]") {
    const std::vector<std::string> names = photo::builtin_light_rig_names();
    for (const char* expected : {"catalogue-soft", "three-point", "rim-dramatic", "silk-grazing", "glaze-highlight"})
        CHECK(std::find(names.begin(), names.end(), expected) != names.end());
    for (const std::string& name : names) {
        Result<photo::LightRig> rig = photo::builtin_light_rig(name);
        INFO(name);
        REQUIRE(rig.ok());
        CHECK(rig->name == name);
        CHECK_FALSE(rig->environment.panels.empty());
        CHECK(rig->environment.kind == scene::Environment::Kind::Panels);
    }
    Result<photo::LightRig> unknown = photo::builtin_light_rig("disco");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message().find("catalogue-soft") != std::string::npos);
}

TEST_CASE("a malformed rig names the JSON path of what is wrong", "[photo][rig]") {
    const auto error_of = [](const std::string& text) {
        Result<photo::LightRig> rig = photo::parse_light_rig(text, "test.rig.json");
        REQUIRE_FALSE(rig.ok());
        return rig.error().message();
    };
    CHECK(error_of("[1, 2]").find("test.rig.json") != std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/9"})").find("format") != std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "panels": [{"azimuth_deg": 0}]})").find("panels[0].elevation_deg") !=
          std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "panels": [{"azimuth_deg": 0, "elevation_deg": 10,
        "width_deg": 10, "height_deg": 10, "radiance": "bright"}]})")
              .find("panels[0].radiance: must be a number") != std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "lights": [{"type": "spot"}]})").find("lights[0].type") !=
          std::string::npos);
    // Found by tools/fuzz (json): a number where a string belongs threw out of the parser.
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "panels": [{"azimuth_deg": 0, "elevation_deg": 10,
        "width_deg": 10, "height_deg": 10, "radiance": 1, "shape": 500}]})")
              .find("panels[0].shape: must be a string") != std::string::npos);
    CHECK(error_of(R"({"format": 1})").find("format") != std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "name": 7})").find("name: must be a string") != std::string::npos);
    CHECK(error_of(R"({"format": "ocop-light-rig/1", "lights": [{"type": true}]})").find("lights[0].type") !=
          std::string::npos);
}

TEST_CASE("a photo preset whose format is not a string is bad input, not a crash", "[photo][preset]") {
    // Found by tools/fuzz (json).
    Result<photo::Preset> preset = photo::parse_preset(R"({"format": 1})", "test.preset.json");
    REQUIRE_FALSE(preset.ok());
    CHECK(preset.error().message().find("format") != std::string::npos);
}

TEST_CASE("colour temperature: 6500 K is near white, 3000 K warm, 10000 K cool, luminance 1", "[photo][rig]") {
    // A black body at 6504 K sits a little off D65 (daylight is not on the Planckian locus).
    const glm::vec3 d65 = photo::kelvin_to_rgb(6504.0f);
    CHECK(d65.r == Approx(1.0f).margin(0.05));
    CHECK(d65.g == Approx(1.0f).margin(0.05));
    CHECK(d65.b == Approx(1.0f).margin(0.05));
    const glm::vec3 warm = photo::kelvin_to_rgb(3000.0f);
    const glm::vec3 cool = photo::kelvin_to_rgb(10000.0f);
    CHECK(warm.r > warm.b * 1.5f);
    CHECK(cool.b > cool.r);
    for (const glm::vec3 c : {warm, cool, d65})
        CHECK(0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b == Approx(1.0f).margin(1e-4));
}

TEST_CASE("a light rig's softboxes light the product and show in glaze as panel shapes", "[photo][rig][render]") {
    test::TestGpu gpu;
    auto model = std::make_shared<assets::Model>();
    // A glossy black sphere: what it reflects is the rig's environment.
    assets::Mesh sphere = test::uv_sphere(glm::vec3(0.0f, 0.1f, 0.0f), 0.1f);
    sphere.material = 0;
    model->meshes.push_back(sphere);
    assets::Material glaze;
    glaze.base_color = glm::vec4(0.02f, 0.02f, 0.02f, 1.0f);
    glaze.metallic = 0.0f;
    glaze.roughness = 0.05f;
    model->materials.push_back(glaze);
    photo::PhotoSettings settings{.width = 256, .height = 256, .shadow = false};
    Result<photo::LightRig> rig = photo::builtin_light_rig("glaze-highlight");
    REQUIRE(rig.ok());
    settings.rig = rig.value();
    Result<render::Pixels> p = photo::shoot(*gpu.renderer, model, settings);
    REQUIRE(p.ok());
    // The two tall strips either side of the camera: bright vertical highlights left and right
    // of the centre, dark glaze between them.
    const auto luma = [&](int x, int y) {
        const std::uint8_t* px = &p->rgba8[(std::size_t(y) * 256 + std::size_t(x)) * 4];
        return (int(px[0]) + int(px[1]) + int(px[2])) / 3;
    };
    int brightest_left = 0, brightest_right = 0;
    for (int x = 60; x < 128; ++x) brightest_left = std::max(brightest_left, luma(x, 128));
    for (int x = 128; x < 196; ++x) brightest_right = std::max(brightest_right, luma(x, 128));
    INFO("left " << brightest_left << ", right " << brightest_right << ", centre " << luma(128, 128));
    // Glaze reflects 4% at normal incidence: a strip of radiance 9 reads about 150 of 255.
    CHECK(brightest_left > 130);
    CHECK(brightest_right > 110);
    CHECK(brightest_left > brightest_right);  // the left strip is the brighter one
    CHECK(luma(128, 128) < 60);
    test::check_golden(p.value(), "photo/rig_glaze_highlight");
}

TEST_CASE("transparent photos hold straight alpha: an edge keeps its colour", "[photo]") {
    // As drawn: a premultiplied linear 0.25 at alpha 0.5 is 0.5 straight (sRGB 188 of 255).
    const auto half = [](float v) { return static_cast<std::uint16_t>(glm::packHalf1x16(v)); };
    const std::vector<std::uint16_t> halves{half(0.25f), half(0.25f), half(0.25f), half(0.5f), 0, 0, 0, 0};
    const render::LinearPixels frame{2, 1, halves};
    const render::Pixels straight = photo::finish_photo(frame, 1, true);
    CHECK(std::abs(int(straight.rgba8[0]) - 188) <= 1);
    CHECK(straight.rgba8[3] == 128);
    CHECK(std::abs(int(straight.rgba16[0]) - int(std::lround(linear_to_srgb(0.5f) * 65535.0f))) <= 16);
    CHECK(straight.rgba16[3] == 32768);
    CHECK(straight.rgba8[4] == 0);  // fully transparent pixels are transparent black
    CHECK(straight.rgba8[7] == 0);
}

TEST_CASE("supersampled photos average in linear light, weighted by coverage", "[photo]") {
    // A 2x2 block: two white samples, two transparent ones. The pixel is white at half alpha
    // (not grey: the transparent samples add no colour), and mid-grey samples average as light.
    const auto half = [](float v) { return static_cast<std::uint16_t>(glm::packHalf1x16(v)); };
    const std::uint16_t one = half(1.0f), zero = half(0.0f), grey = half(0.2f);
    const std::vector<std::uint16_t> halves{one,  one,  one,  one, zero, zero, zero, zero, grey, grey, grey,
                                            one,  one,  one,  one, one,  zero, zero, zero, zero, one,  one,
                                            one,  one,  grey, grey, grey, one, one,  one,  one,  one};
    const render::LinearPixels frame{4, 2, halves};
    const render::Pixels p = photo::finish_photo(frame, 2, true);
    REQUIRE(p.width == 2);
    REQUIRE(p.height == 1);
    CHECK(p.rgba8[0] == 255);
    CHECK(p.rgba8[3] == 128);
    CHECK(p.rgba16[0] == 65535);
    // (0.2 + 1) / 2 = 0.6 in linear light: sRGB 203, where averaging the encoded values would give 190.
    CHECK(std::abs(int(p.rgba8[4]) - int(linear_to_srgb8(0.6f))) <= 1);
    CHECK(p.rgba8[7] == 255);
}

TEST_CASE("a preset's light adjustment scales, recolours and turns the rig the studio app set", "[photo][rig]") {
    const std::string base = R"({"format": "ocop-photo-preset/1", "name": "adjusted", "rig": "three-point")";
    Result<photo::Preset> plain = photo::parse_preset(base + "}", "plain");
    Result<photo::Preset> adjusted = photo::parse_preset(
        base + R"(, "lights": {"scale": 2, "kelvin": 3000, "turn_deg": 90, "raise_deg": 10}})", "adjusted");
    REQUIRE(plain.ok());
    REQUIRE(adjusted.ok());
    CHECK(adjusted->lights.scale == 2.0f);
    Result<photo::PhotoSettings> a = photo::photo_settings(*plain, photo::angle_by_id("front").value());
    Result<photo::PhotoSettings> b = photo::photo_settings(*adjusted, photo::angle_by_id("front").value());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(a->rig->lights.size() == b->rig->lights.size());
    for (std::size_t i = 0; i < a->rig->lights.size(); ++i) {
        const scene::Light& before = a->rig->lights[i];
        const scene::Light& after = b->rig->lights[i];
        CHECK(after.intensity == Approx(2.0 * double(before.intensity)));
        CHECK(after.colour.r > after.colour.b);  // 3000 K is warm
        // Turned a quarter about +Y and raised by 10 degrees (until the zenith clamps it).
        const float az_before = std::atan2(-before.direction.x, -before.direction.z);
        const float az_after = std::atan2(-after.direction.x, -after.direction.z);
        float turned = (az_after - az_before) * 180.0f / 3.14159265f;
        turned = std::fmod(turned + 540.0f, 360.0f) - 180.0f;
        const float el_before = std::asin(-before.direction.y) * 180.0f / 3.14159265f;
        if (el_before < 75.0f) CHECK(turned == Approx(90.0).margin(0.1));
        CHECK(double(std::asin(-after.direction.y) * 180.0f / 3.14159265f) ==
              Approx(double(std::min(el_before + 10.0f, 89.0f))).margin(0.1));
    }
    Result<photo::Preset> bad =
        photo::parse_preset(base + R"(, "lights": {"kelvin": 100}})", "bad");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().reason.find("lights.kelvin") != std::string::npos);
}
