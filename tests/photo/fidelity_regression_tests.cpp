// Fidelity cannot silently drop: our renders of the generated glazed vase and lacquer box against
// Blender Cycles renders of the same files, views and light, made once with the fidelity harness
// (docs/fidelity.md, "The regression in the suite") and committed with its environment.
#include <cmath>

#include "assets/import.h"
#include "gpu_support.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "support.h"

using namespace ocop;

namespace {

// sRGB 8-bit over white -> CIELAB (D65), for a colour difference people can read.
glm::vec3 fidreg_lab(const std::uint8_t* rgba) {
    const float a = float(rgba[3]) / 255.0f;
    glm::vec3 linear;
    for (int c = 0; c < 3; ++c) {
        const float v = float(rgba[c]) / 255.0f;
        const float l = v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
        linear[c] = l * a + (1.0f - a);  // composited over white in linear light
    }
    const glm::vec3 xyz{0.4124f * linear.r + 0.3576f * linear.g + 0.1805f * linear.b,
                        0.2126f * linear.r + 0.7152f * linear.g + 0.0722f * linear.b,
                        0.0193f * linear.r + 0.1192f * linear.g + 0.9505f * linear.b};
    const glm::vec3 white{0.95047f, 1.0f, 1.08883f};
    const auto f = [](float t) { return t > 0.008856f ? std::cbrt(t) : 7.787f * t + 16.0f / 116.0f; };
    const glm::vec3 n = xyz / white;
    return {116.0f * f(n.y) - 16.0f, 500.0f * (f(n.x) - f(n.y)), 200.0f * (f(n.y) - f(n.z))};
}

// What the harness printed for the file (reference.sh's NAME_view.txt): the orbit, in the
// file's own coordinates, that Cycles rendered from.
struct FidelityView {
    float theta_deg, phi_deg, radius_m;
    glm::vec3 target;
};

// Our 256x256 render of SAMPLE against the committed Cycles render GOLDEN: the mean CIE76 colour
// difference over product pixels (opaque in either image), composited over white.
double fidreg_mean_delta_e(const std::string& sample, const std::string& golden_png, FidelityView view) {
    const std::filesystem::path golden = std::filesystem::path(OCOP_SOURCE_DIR) / "tests/golden/fidelity";
    Result<render::Pixels> cycles = photo::read_png(golden / golden_png);
    REQUIRE(cycles.ok());
    Result<assets::Model> imported =
        assets::import(test::samples_dir() / sample, {1.0f, assets::UpAxis::Y, false});  // file's coordinates
    REQUIRE(imported.ok());
    test::TestGpu gpu;
    photo::PhotoSettings settings{.width = 256, .height = 256, .shadow = false};
    settings.orbit = photo::Orbit{view.theta_deg, view.phi_deg, view.radius_m};
    settings.target = view.target;
    settings.vertical_fov_deg = 30.0f;
    settings.lights = false;
    settings.background = glm::vec4(0.0f);
    settings.environment.kind = scene::Environment::Kind::Image;
    settings.environment.image = golden / "studio_softbox.hdr";
    Result<render::Pixels> ours =
        photo::shoot(*gpu.renderer, std::make_shared<const assets::Model>(std::move(imported).value()), settings);
    REQUIRE(ours.ok());
    REQUIRE(ours->rgba8.size() == cycles->rgba8.size());
    double total = 0.0;
    std::size_t product = 0;
    for (std::size_t i = 0; i < std::size_t(256) * 256; ++i) {
        const std::uint8_t* a = &ours->rgba8[i * 4];
        const std::uint8_t* b = &cycles->rgba8[i * 4];
        if (a[3] < 128 && b[3] < 128) continue;  // product pixels: opaque in either image
        total += glm::length(fidreg_lab(a) - fidreg_lab(b));
        ++product;
    }
    INFO("product pixels " << product);
    CHECK(product > 15000);
    return total / double(std::max<std::size_t>(product, 1));
}

}  // namespace

TEST_CASE("fidelity regression: the glazed vase stays close to its Cycles reference", "[photo][fidelity]") {
    const double delta_e = fidreg_mean_delta_e("glazed_vase.glb", "glazed_vase_cycles.png",
                                               {40.0f, 65.0f, 0.673068f, glm::vec3(0.0f, 0.150713f, 0.0f)});
    INFO("mean dE76 against Cycles " << delta_e);
    // Measured 3.4 when this test was written (CIEDE2000 2.59 by the harness's compare.py; the
    // Cycles noise floor is about 1): a drop in fidelity shows up as a rise here.
    CHECK(delta_e < 4.0);
}

TEST_CASE("fidelity regression: the lacquer box stays close to its Cycles reference", "[photo][fidelity]") {
    // Hạ Thái lacquer: clear coat over dark red and black, gold lines, eggshell inlay.
    const double delta_e = fidreg_mean_delta_e("ht-box-eggshell.glb", "lacquer_box_cycles.png",
                                               {40.0f, 65.0f, 0.603318f, glm::vec3(0.0f, 0.05f, 0.0f)});
    INFO("mean dE76 against Cycles " << delta_e);
    // Measured 7.87 when this test was written (compare.py: SSIM 0.910 / CIEDE2000 5.37, where
    // model-viewer gets 0.957 / 3.73: our coat reflects too much on the lid, docs/fidelity.md).
    CHECK(delta_e < 8.5);
}
