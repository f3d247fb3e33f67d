#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "gpu_support.h"
#include "support.h"

using namespace ocop;

namespace {

// A unit quad facing +Z, centred at the origin, with one plain material.
std::shared_ptr<const assets::Model> render_test_quad(glm::vec4 colour) {
    assets::Model m;
    m.source = "quad";
    assets::Mesh mesh;
    mesh.positions = {{-0.5f, -0.5f, 0.0f}, {0.5f, -0.5f, 0.0f}, {0.5f, 0.5f, 0.0f}, {-0.5f, 0.5f, 0.0f}};
    mesh.normals.assign(4, {0.0f, 0.0f, 1.0f});
    mesh.uv0 = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    mesh.indices = {0, 1, 2, 0, 2, 3};
    mesh.material = 0;
    m.meshes.push_back(mesh);
    assets::Material mat;
    mat.base_color = colour;
    mat.metallic = 0.0f;
    mat.roughness = 1.0f;
    mat.emissive = glm::vec3(colour);  // unlit look: the colour shows through any light
    m.materials.push_back(mat);
    return std::make_shared<const assets::Model>(std::move(m));
}

}  // namespace

TEST_CASE("an empty scene on white reads back exactly RGB 255 everywhere", "[render]") {
    test::TestGpu gpu;
    scene::Scene s;
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 64, 48);
    REQUIRE(p.ok());
    CHECK(p->width == 64);
    CHECK(p->height == 48);
    REQUIRE(p->rgba8.size() == 64u * 48u * 4u);
    CHECK(test::non_white_rect(*p).empty());
}

TEST_CASE("a quad seen head-on lands where the camera says, upright and centred", "[render]") {
    test::TestGpu gpu;
    scene::Scene s;
    s.background = glm::vec4(1.0f);
    s.products.push_back({render_test_quad({0.0f, 0.0f, 0.0f, 1.0f}),
                          glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.25f, 0.0f))});
    s.camera.position = {0.0f, 0.0f, 2.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(0.5f));  // the frame spans 2 m at z=0
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    const test::PixelRect r = test::non_white_rect(*p);
    // The quad spans x -0.5..0.5 (pixels 50..149) and y -0.25..0.75 (rows 25..124, y down).
    CHECK(std::abs(r.x0 - 50) <= 1);
    CHECK(std::abs(r.x1 - 149) <= 1);
    CHECK(std::abs(r.y0 - 25) <= 1);
    CHECK(std::abs(r.y1 - 124) <= 1);
}

TEST_CASE("lens shift moves the image without changing its size", "[render]") {
    test::TestGpu gpu;
    scene::Scene s;
    s.products.push_back({render_test_quad({0.0f, 0.0f, 0.0f, 1.0f}), glm::mat4(1.0f)});
    s.camera.position = {0.0f, 0.0f, 2.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(0.5f));
    s.camera.lens_shift = {0.5f, 0.25f};  // a quarter frame right, an eighth up
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    const test::PixelRect r = test::non_white_rect(*p);
    CHECK(std::abs(r.x0 - 100) <= 1);
    CHECK(std::abs(r.y0 - 25) <= 1);
    CHECK(std::abs(r.width() - 100) <= 1);
}

TEST_CASE("a size the device cannot render is bad input, not a crash", "[render]") {
    test::TestGpu gpu;
    scene::Scene s;
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 0, 10);
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().kind == Error::Kind::BadInput);
}

TEST_CASE("the validation layer is really on: a misuse is counted", "[render]") {
    // Without this, "zero validation messages" could mean "no layer at all".
    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.validation = true});
    REQUIRE(ctx.ok());
    REQUIRE((*ctx)->validation_enabled());
    const VkBufferCreateInfo info{.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
                                  .size = 0,  // VUID-VkBufferCreateInfo-size-00912: must be > 0
                                  .usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                  .sharingMode = VK_SHARING_MODE_EXCLUSIVE};
    VkBuffer buffer = VK_NULL_HANDLE;
    const VkResult r = vkCreateBuffer((*ctx)->device(), &info, nullptr, &buffer);
    if (r == VK_SUCCESS) vkDestroyBuffer((*ctx)->device(), buffer, nullptr);
    CHECK((*ctx)->validation_messages() > 0);
}

TEST_CASE("a frame drawn without readback reports the GPU's time, and the next readback shows that frame", "[render]") {
    test::TestGpu gpu;
    scene::Scene s;
    s.background = glm::vec4(1.0f);
    s.products.push_back({render_test_quad({0.0f, 0.0f, 0.0f, 1.0f}), glm::mat4(1.0f)});
    s.camera.position = {0.0f, 0.0f, 2.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    CHECK_FALSE(gpu.renderer->last_gpu_ms().has_value());  // nothing drawn yet
    REQUIRE(gpu.renderer->draw_offscreen(s, 96, 64).ok());
    // Lavapipe keeps timestamps (as every GPU we know does): the frame took some time.
    const std::optional<double> gpu_ms = gpu.renderer->last_gpu_ms();
    REQUIRE(gpu_ms.has_value());
    CHECK(*gpu_ms > 0.0);
    CHECK(*gpu_ms < 60'000.0);
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 96, 64);
    REQUIRE(p.ok());
    CHECK_FALSE(test::non_white_rect(*p).empty());  // the quad, drawn by the same renderer
}
