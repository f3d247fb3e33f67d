#include <cmath>
#include <set>

#include "assets/import.h"
#include "gpu_support.h"
#include "photo/framing.h"
#include "photo/studio.h"
#include "support.h"

using namespace ocop;

namespace {

// Checks the catalogue rules on a photo: pure white border, product centred and filling 85%
// of the frame's longer relative side. (Measured without the contact shadow, which reaches a
// little past the product on the floor: "photo_test_shadow" checks that one.)
void photo_check_framing(const render::Pixels& p, float fill) {
    REQUIRE(test::border_is_white(p));
    const test::PixelRect r = test::non_white_rect(p);
    REQUIRE_FALSE(r.empty());
    const double share = std::max(double(r.width()) / p.width, double(r.height()) / p.height);
    INFO("product box " << r.x0 << "," << r.y0 << " .. " << r.x1 << "," << r.y1 << " fills " << share);
    CHECK(std::abs(share - fill) <= 0.02);
    const double cx = 0.5 * (r.x0 + r.x1 + 1) / p.width;
    const double cy = 0.5 * (r.y0 + r.y1 + 1) / p.height;
    CHECK(std::abs(cx - 0.5) <= 0.01);
    CHECK(std::abs(cy - 0.5) <= 0.01);
}

std::shared_ptr<const assets::Model> photo_import(const std::filesystem::path& path) {
    Result<assets::Model> m = assets::import(path);
    INFO(path);
    if (!m) FAIL(m.error().message());
    return std::make_shared<const assets::Model>(std::move(m).value());
}

}  // namespace

TEST_CASE("framing centres a wide product and fills 85% of the frame", "[photo]") {
    // A flat, wide box: the framing must fit its width, not its height.
    assets::Model m;
    assets::Mesh mesh;
    for (int i = 0; i < 8; ++i)
        mesh.positions.push_back({(i & 1) ? 0.6f : -0.6f, (i & 2) ? 0.1f : 0.0f, (i & 4) ? 0.2f : -0.2f});
    mesh.indices = {0, 1, 3, 0, 3, 2, 4, 6, 7, 4, 7, 5, 0, 4, 5, 0, 5, 1,
                    2, 3, 7, 2, 7, 6, 0, 2, 6, 0, 6, 4, 1, 5, 7, 1, 7, 3};
    m.meshes.push_back(mesh);
    auto model = std::make_shared<const assets::Model>(std::move(m));
    const photo::PhotoSettings settings{.width = 400, .height = 300};
    const scene::Scene s = photo::studio_scene(model, settings);
    const photo::ImageRect r = photo::projected_rect(s, s.camera, 400.0f / 300.0f);
    CHECK(std::max(r.size().x, r.size().y) == Approx(0.85).margin(1e-3));
    CHECK(0.5f * (r.min.x + r.max.x) == Approx(0.5).margin(1e-3));
    CHECK(0.5f * (r.min.y + r.max.y) == Approx(0.5).margin(1e-3));
}

TEST_CASE("photo of the generated glazed vase matches its golden image", "[photo]") {
    test::TestGpu gpu;
    auto model = photo_import(test::samples_dir() / "glazed_vase.glb");
    Result<render::Pixels> p = photo::shoot(*gpu.renderer, model, {.width = 256, .height = 256, .shadow = false});
    REQUIRE(p.ok());
    photo_check_framing(*p, 0.85f);
    test::check_golden(*p, "photo/glazed_vase_256");
}

TEST_CASE("photo of the tea-set scan matches its golden image", "[photo][shared]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    test::TestGpu gpu;
    auto model = photo_import(data / "models/TeaSet01-scan/tea_set_01_1k.gltf");
    Result<render::Pixels> p = photo::shoot(*gpu.renderer, model, {.width = 256, .height = 256, .shadow = false});
    REQUIRE(p.ok());
    photo_check_framing(*p, 0.85f);
    test::check_golden(*p, "photo/tea_set_256");
}

TEST_CASE("a turned product stays framed and centred", "[photo]") {
    test::TestGpu gpu;
    auto model = photo_import(test::samples_dir() / "glazed_vase.glb");
    for (const float angle : {45.0f, 180.0f}) {
        Result<render::Pixels> p =
            photo::shoot(*gpu.renderer, model, {.width = 160, .height = 200, .turntable_deg = angle, .shadow = false});
        REQUIRE(p.ok());
        photo_check_framing(*p, 0.85f);
    }
}

TEST_CASE("the contact shadow darkens the floor under the product, inside a pure white border", "[photo]") {
    test::TestGpu gpu;
    auto model = photo_import(test::samples_dir() / "glazed_vase.glb");
    for (const float angle : {0.0f, 90.0f}) {
        Result<render::Pixels> white = photo::shoot(*gpu.renderer, model, {.width = 320, .height = 240, .turntable_deg = angle});
        REQUIRE(white.ok());
        CHECK(test::border_is_white(*white));
    }
    // Over a transparent background the shadow is in the alpha channel, below the product's foot.
    photo::PhotoSettings transparent{.width = 256, .height = 256};
    transparent.background = glm::vec4(0.0f);
    Result<render::Pixels> with = photo::shoot(*gpu.renderer, model, transparent);
    transparent.shadow = false;
    Result<render::Pixels> without = photo::shoot(*gpu.renderer, model, transparent);
    REQUIRE(with.ok());
    REQUIRE(without.ok());
    std::size_t shadow_pixels = 0;
    for (std::size_t i = 0; i < std::size_t(256) * 256; ++i)
        shadow_pixels += without->rgba8[i * 4 + 3] == 0 && with->rgba8[i * 4 + 3] > 8 ? 1 : 0;
    INFO("pixels that only the shadow covers: " << shadow_pixels);
    CHECK(shadow_pixels > 200);
}

TEST_CASE("a 16-bit photo holds more than 8 bits: its shading has more levels, and its 8 bits are it rounded",
          "[photo]") {
    test::TestGpu gpu;
    auto model = photo_import(test::samples_dir() / "glazed_vase.glb");
    photo::PhotoSettings settings{.width = 256, .height = 256, .shadow = false};
    settings.sixteen_bits = true;
    Result<render::Pixels> p = photo::shoot(*gpu.renderer, model, settings);
    REQUIRE(p.ok());
    REQUIRE(p->rgba16.size() == p->rgba8.size());
    std::set<std::uint16_t> levels16;
    std::set<std::uint8_t> levels8;
    int off_by_more_than_one = 0;
    for (std::size_t i = 0; i < p->rgba8.size(); ++i) {
        if (i % 4 == 1) {  // green: the glaze's shading, over the whole vase
            levels16.insert(p->rgba16[i]);
            levels8.insert(p->rgba8[i]);
        }
        off_by_more_than_one += std::abs(int(p->rgba8[i]) - int(std::lround(p->rgba16[i] / 257.0))) > 1;
    }
    INFO(levels8.size() << " levels in 8 bits, " << levels16.size() << " in 16");
    CHECK(off_by_more_than_one == 0);
    // A widened 8-bit photo would have as many levels as the 8-bit one; a true one has several
    // 16-bit levels within most 8-bit steps.
    CHECK(levels16.size() > 3 * levels8.size());
    // And the same photo at 8 bits is the same pixels.
    settings.sixteen_bits = false;
    Result<render::Pixels> p8 = photo::shoot(*gpu.renderer, model, settings);
    REQUIRE(p8.ok());
    CHECK(p8->rgba16.empty());
    CHECK(p8->rgba8 == p->rgba8);
}
