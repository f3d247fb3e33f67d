// Image-based light through the whole renderer: the white furnace, the HDR's orientation, and
// the exposure and tone-mapping settings.
#include <cmath>
#include <fstream>

#include <stb_image_write.h>

#include "gpu_support.h"
#include "support.h"

using namespace ocop;

namespace {

// Ten white spheres in two rows: metals on top, dielectrics below, roughness 0 ... 1 left to right.
std::shared_ptr<const assets::Model> ibl_furnace_spheres() {
    assets::Model m;
    m.source = "furnace spheres";
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 5; ++col) {
            assets::Mesh mesh =
                test::uv_sphere(glm::vec3(float(col) - 2.0f, row == 0 ? 0.5f : -0.5f, 0.0f), 0.4f, 64, 32);
            mesh.material = static_cast<int>(m.materials.size());
            m.meshes.push_back(std::move(mesh));
            assets::Material mat;
            mat.base_color = glm::vec4(1.0f);
            mat.metallic = row == 0 ? 1.0f : 0.0f;
            mat.roughness = float(col) / 4.0f;
            m.materials.push_back(mat);
        }
    return std::make_shared<const assets::Model>(std::move(m));
}

scene::Scene ibl_furnace_scene() {
    scene::Scene s;
    s.products.push_back({ibl_furnace_spheres(), glm::mat4(1.0f)});
    s.environment.kind = scene::Environment::Kind::Uniform;
    s.environment.uniform_radiance = glm::vec3(1.0f);
    s.tone_mapping = scene::ToneMapping::Linear;
    s.camera.position = {0.0f, 0.0f, 20.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(1.0f / 20.0f));  // 2 m tall at z = 0
    s.camera.near_m = 15.0f;
    s.camera.far_m = 25.0f;
    return s;
}

// A Radiance file: red where a direction has x > 0 (the middle half of the columns, by the
// equirect convention), blue where x < 0.
std::filesystem::path ibl_write_halves_hdr(const std::filesystem::path& dir) {
    const int w = 64, h = 32;
    std::vector<float> rgb(std::size_t(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool positive_x = x >= w / 4 && x < 3 * w / 4;
            float* p = &rgb[(std::size_t(y) * w + x) * 3];
            p[0] = positive_x ? 1.0f : 0.0f;
            p[1] = 0.0f;
            p[2] = positive_x ? 0.0f : 1.0f;
        }
    const std::filesystem::path path = dir / "halves.hdr";
    REQUIRE(stbi_write_hdr(path.c_str(), w, h, 3, rgb.data()) != 0);
    return path;
}

}  // namespace

TEST_CASE("white furnace: white spheres of every roughness vanish in a uniform white environment", "[render][ibl]") {
    test::TestGpu gpu;
    scene::Scene s = ibl_furnace_scene();
    s.background = glm::vec4(1.0f);
    Result<render::Pixels> white = gpu.renderer->render_offscreen(s, 500, 200);
    REQUIRE(white.ok());
    s.background = glm::vec4(0.0f);  // the spheres' footprint: where alpha is not 0
    Result<render::Pixels> mask = gpu.renderer->render_offscreen(s, 500, 200);
    REQUIRE(mask.ok());
    std::size_t covered = 0, below_95 = 0, below_85 = 0;
    int darkest = 255;
    for (std::size_t i = 0; i < std::size_t(500) * 200; ++i) {
        if (mask->rgba8[i * 4 + 3] == 0) continue;
        ++covered;
        const int v = std::min({white->rgba8[i * 4], white->rgba8[i * 4 + 1], white->rgba8[i * 4 + 2]});
        darkest = std::min(darkest, v);
        below_95 += v < 0.95 * 255.0 ? 1 : 0;
        below_85 += v < 0.85 * 255.0 ? 1 : 0;
    }
    INFO("covered " << covered << ", below 95%: " << below_95 << ", below 85%: " << below_85 << ", darkest " << darkest);
    CHECK(covered > 10000);  // ten spheres of ~40 px radius
    CHECK(double(below_95) < 0.02 * double(covered));
    CHECK(below_85 == 0);
    test::check_golden(white.value(), "render/white_furnace");
}

TEST_CASE("an HDR environment is oriented as three.js and Blender have it (+X at the image centre)", "[render][ibl]") {
    const std::filesystem::path dir = test::scratch_dir("ibl_halves");
    const std::filesystem::path hdr = ibl_write_halves_hdr(dir);
    test::TestGpu gpu;
    scene::Scene s = ibl_furnace_scene();
    s.environment.kind = scene::Environment::Kind::Image;
    s.environment.image = hdr;
    // Seen from +Z, a mirror sphere's right half reflects directions with x > 0 (red), its
    // left half x < 0 (blue). A mirrored lookup would swap them.
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 500, 200);
    REQUIRE(p.ok());
    // The metal sphere of roughness 0 is the top-left one: centre at pixel (50, 50), radius 40.
    const auto pixel = [&](int x, int y) { return &p->rgba8[(std::size_t(y) * 500 + std::size_t(x)) * 4]; };
    const std::uint8_t* right = pixel(50 + 25, 50);
    const std::uint8_t* left = pixel(50 - 25, 50);
    INFO("right " << int(right[0]) << "," << int(right[1]) << "," << int(right[2]) << "; left " << int(left[0]) << ","
                  << int(left[1]) << "," << int(left[2]));
    CHECK(right[0] > right[2] + 100);
    CHECK(left[2] > left[0] + 100);
}

TEST_CASE("exposure doubles the linear radiance per EV; linear tone mapping clamps", "[render][ibl]") {
    test::TestGpu gpu;
    scene::Scene s = ibl_furnace_scene();
    s.environment.uniform_radiance = glm::vec3(0.25f);
    s.background = glm::vec4(0.0f);
    const auto centre_value = [&](float exposure) {
        s.exposure = exposure;
        Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 500, 200);
        REQUIRE(p.ok());
        // A rough dielectric sphere (bottom row, right): radiance 0.25 * exposure everywhere.
        return int(p->rgba8[(std::size_t(150) * 500 + 450) * 4]);
    };
    // sRGB encodings of 0.25, 0.5 and 1.0 (clamped from 2.0).
    CHECK(std::abs(centre_value(1.0f) - 137) <= 2);
    CHECK(std::abs(centre_value(2.0f) - 188) <= 2);
    CHECK(centre_value(8.0f) == 255);
}
