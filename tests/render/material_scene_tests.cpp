// Golden images of material scenes built in code: sphere grids of metal x roughness, sheen
// colours, clearcoat over colours, glass and mother-of-pearl. Each was looked at before it was
// kept; a change in shading shows up here first.
#include <cmath>
#include <functional>

#include "gpu_support.h"
#include "support.h"

using namespace ocop;

namespace {

// `rows` x 5 spheres; material(row, column) says what each is made of.
std::shared_ptr<const assets::Model> matscene_grid(int rows,
                                                   const std::function<assets::Material(int, int)>& material) {
    assets::Model m;
    m.source = "material grid";
    for (int row = 0; row < rows; ++row)
        for (int col = 0; col < 5; ++col) {
            assets::Mesh mesh = test::uv_sphere({float(col) - 2.0f, float(rows - 1) * 0.5f - float(row), 0.0f}, 0.42f);
            mesh.material = static_cast<int>(m.materials.size());
            m.meshes.push_back(std::move(mesh));
            m.materials.push_back(material(row, col));
        }
    return std::make_shared<const assets::Model>(std::move(m));
}

// A coloured backdrop behind the spheres, so glass shows what is behind it.
assets::Mesh matscene_backdrop() {
    assets::Mesh quad;
    quad.positions = {{-3.0f, -1.5f, -1.0f}, {3.0f, -1.5f, -1.0f}, {3.0f, 1.5f, -1.0f}, {-3.0f, 1.5f, -1.0f}};
    quad.normals.assign(4, {0.0f, 0.0f, 1.0f});
    quad.indices = {0, 1, 2, 0, 2, 3};
    return quad;
}

render::Pixels matscene_render(test::TestGpu& gpu, std::shared_ptr<const assets::Model> model, int rows) {
    scene::Scene s;
    s.products.push_back({std::move(model), glm::mat4(1.0f)});
    s.lights.push_back({.direction = glm::normalize(glm::vec3(0.5f, -0.7f, -0.5f)), .colour = glm::vec3(1.0f),
                        .intensity = 2.0f});
    s.camera.position = {0.0f, 0.0f, 12.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(0.5f * float(rows) / 12.0f));
    s.camera.near_m = 5.0f;
    s.camera.far_m = 20.0f;
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 400, static_cast<std::uint32_t>(80 * rows));
    REQUIRE(p.ok());
    return std::move(p).value();
}

assets::Material matscene_plain(glm::vec3 colour, float metallic, float roughness) {
    assets::Material m;
    m.base_color = glm::vec4(colour, 1.0f);
    m.metallic = metallic;
    m.roughness = roughness;
    return m;
}

}  // namespace

TEST_CASE("golden: metal and dielectric spheres from smooth to rough", "[render][material]") {
    test::TestGpu gpu;
    const auto model = matscene_grid(2, [](int row, int col) {
        return matscene_plain({0.95f, 0.64f, 0.54f}, row == 0 ? 1.0f : 0.0f, float(col) / 4.0f);
    });
    test::check_golden(matscene_render(gpu, model, 2), "render/metal_roughness");
}

TEST_CASE("golden: sheen colours over dark cloth (KHR_materials_sheen)", "[render][material]") {
    test::TestGpu gpu;
    const glm::vec3 colours[5] = {{1, 1, 1}, {1, 0.2f, 0.2f}, {0.9f, 0.75f, 0.3f}, {0.3f, 0.5f, 1}, {0, 0, 0}};
    const auto model = matscene_grid(2, [&](int row, int col) {
        assets::Material m = matscene_plain({0.05f, 0.05f, 0.12f}, 0.0f, 0.9f);
        m.sheen.enabled = true;
        m.sheen.colour = colours[col];
        m.sheen.roughness = row == 0 ? 0.3f : 0.8f;
        return m;
    });
    test::check_golden(matscene_render(gpu, model, 2), "render/sheen");
}

TEST_CASE("golden: clearcoat over colours, without and with the coat (KHR_materials_clearcoat)", "[render][material]") {
    test::TestGpu gpu;
    const glm::vec3 colours[5] = {{0.6f, 0.02f, 0.02f}, {0.02f, 0.02f, 0.02f}, {0.1f, 0.25f, 0.6f},
                                  {0.8f, 0.6f, 0.2f}, {0.9f, 0.9f, 0.85f}};
    const auto model = matscene_grid(2, [&](int row, int col) {
        assets::Material m = matscene_plain(colours[col], 0.0f, 0.6f);
        if (row == 1) {
            m.clearcoat.enabled = true;
            m.clearcoat.factor = 1.0f;
            m.clearcoat.roughness = 0.05f;
        }
        return m;
    });
    test::check_golden(matscene_render(gpu, model, 2), "render/clearcoat");
}

TEST_CASE("golden: glass over a backdrop and mother-of-pearl (transmission, volume, iridescence)", "[render][material]") {
    test::TestGpu gpu;
    auto model = std::make_shared<assets::Model>(*matscene_grid(2, [](int row, int col) {
        if (row == 0) {
            assets::Material glass = matscene_plain({1.0f, 1.0f, 1.0f}, 0.0f, float(col) * 0.1f);
            glass.transmission.enabled = true;
            glass.transmission.factor = 1.0f;
            glass.volume.enabled = col >= 3;
            glass.volume.thickness = 0.5f;
            glass.volume.attenuation_distance = 0.5f;
            glass.volume.attenuation_colour = {0.5f, 0.9f, 0.7f};
            return glass;
        }
        assets::Material pearl = matscene_plain({0.9f, 0.88f, 0.85f}, 0.0f, 0.25f);
        pearl.iridescence.enabled = true;
        pearl.iridescence.factor = float(col) / 4.0f;
        pearl.iridescence.ior = 1.3f;
        pearl.iridescence.thickness_min_nm = 200.0f;
        pearl.iridescence.thickness_max_nm = 500.0f;
        return pearl;
    }));
    assets::Mesh backdrop = matscene_backdrop();
    backdrop.material = static_cast<int>(model->materials.size());
    model->meshes.push_back(std::move(backdrop));
    model->materials.push_back(matscene_plain({0.8f, 0.2f, 0.1f}, 0.0f, 0.8f));
    const render::Pixels p = matscene_render(gpu, model, 2);
    // Clear glass lets the red backdrop through at its centre: the sphere's centre is red-ish.
    const std::uint8_t* centre = &p.rgba8[(std::size_t(40) * 400 + 40) * 4];
    CHECK(centre[0] > centre[2] + 40);
    test::check_golden(p, "render/glass_pearl");
}

TEST_CASE("the same scene renders to identical pixels twice on the same device", "[render]") {
    test::TestGpu gpu;
    const auto model = matscene_grid(2, [](int row, int col) {
        assets::Material m = matscene_plain({0.7f, 0.3f, 0.2f}, row == 0 ? 1.0f : 0.0f, float(col) / 4.0f);
        m.sheen.enabled = row == 1;
        m.sheen.colour = glm::vec3(0.8f);
        m.sheen.roughness = 0.5f;
        return m;
    });
    const render::Pixels first = matscene_render(gpu, model, 2);
    const render::Pixels second = matscene_render(gpu, model, 2);
    CHECK(first.rgba8 == second.rgba8);
}

// glTF's packed ORM: an occlusion texture that is the metallic-roughness image is fetched once
// (kMaterialOcclusionInMetallicRoughness). Its red channel must still be the occlusion: the same
// spheres with the occlusion in a second, identical image render to the same pixels, and
// without occlusion to other ones.
TEST_CASE("a packed occlusion-roughness-metallic texture shades as two separate ones", "[render][material]") {
    test::TestGpu gpu;
    assets::Image orm{"orm", 8, 8, {}, {}, {}, "", 8, false};
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)  // occlusion in stripes, roughness across, metallic half way down
            orm.rgba8.insert(orm.rgba8.end(), {std::uint8_t(x % 2 ? 255 : 40), std::uint8_t(30 + 28 * x),
                                               std::uint8_t(y < 4 ? 255 : 0), 255});
    const auto spheres = [&](int occlusion_image) {
        auto grid = matscene_grid(1, [&](int, int col) {
            assets::Material m = matscene_plain({0.8f, 0.6f, 0.3f}, 1.0f, 1.0f);
            m.metallic_roughness_texture.image = 0;
            m.occlusion_texture.image = occlusion_image;
            m.occlusion_strength = 0.25f * float(col + 1) - 0.25f;
            return m;
        });
        assets::Model model = *grid;
        model.images = {orm, orm};
        return std::make_shared<const assets::Model>(std::move(model));
    };
    const render::Pixels packed = matscene_render(gpu, spheres(0), 1);
    const render::Pixels separate = matscene_render(gpu, spheres(1), 1);
    const render::Pixels none = matscene_render(gpu, spheres(-1), 1);
    CHECK(packed.rgba8 == separate.rgba8);
    CHECK(packed.rgba8 != none.rgba8);
}
