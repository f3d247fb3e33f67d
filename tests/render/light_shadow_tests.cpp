// The key lights' shadow maps (render/light_shadows.h): where each map looks, which lights get
// one, and on the GPU that an occluder darkens the floor behind it and nothing else: no acne
// on lit surfaces, glass lets the light through, and a moved occluder moves its shadow (the
// maps kept between frames are redrawn when the scene changes).
#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "scene/scene.h"
#include "gpu_support.h"
#include "render/light_shadows.h"
#include "support.h"

using namespace ocop;

namespace {

glm::vec3 shadow_ndc(const glm::mat4& view_proj, glm::vec3 p) {
    const glm::vec4 clip = view_proj * glm::vec4(p, 1.0f);
    return glm::vec3(clip) / clip.w;
}

assets::Model shadow_quad(const char* name, float half, float height, bool blended) {
    assets::Model m;
    m.source = name;
    assets::Mesh quad;
    quad.positions = {{-half, height, half}, {half, height, half}, {half, height, -half}, {-half, height, -half}};
    quad.normals.assign(4, {0, 1, 0});
    quad.indices = {0, 1, 2, 0, 2, 3};
    quad.material = 0;
    m.meshes.push_back(quad);
    assets::Material material;
    material.metallic = 0.0f;
    material.roughness = 1.0f;
    if (blended) {
        material.alpha_mode = assets::AlphaMode::Blend;
        material.base_color.a = 0.3f;
    }
    m.materials.push_back(material);
    return m;
}

// A white, rough 4 m floor seen from straight above (200 px, 50 px a metre, +x to the right,
// +z down the image), lit by nothing but a directional light travelling along +x and down at
// 45°, with a 0.5 m square tile 0.5 m above the floor at x = -0.5: its shadow falls on the
// floor's centre.
scene::Scene shadow_scene(bool blended_tile) {
    scene::Scene s;
    s.products.push_back({std::make_shared<const assets::Model>(shadow_quad("floor", 2.0f, 0.0f, false)), glm::mat4(1.0f)});
    s.products.push_back({std::make_shared<const assets::Model>(shadow_quad("tile", 0.25f, 0.5f, blended_tile)),
                          glm::translate(glm::mat4(1.0f), glm::vec3(-0.5f, 0.0f, 0.0f))});
    s.lights.push_back({.type = scene::Light::Type::Directional,
                        .direction = glm::normalize(glm::vec3(1.0f, -1.0f, 0.0f)),
                        .intensity = 1.0f});
    s.environment.kind = scene::Environment::Kind::Uniform;
    s.environment.uniform_radiance = glm::vec3(0.0f);
    s.tone_mapping = scene::ToneMapping::Linear;
    s.camera.position = {0.0f, 10.0f, 0.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    s.camera.up = {0.0f, 0.0f, -1.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(2.0f / 10.0f));
    s.camera.near_m = 5.0f;
    s.camera.far_m = 15.0f;
    return s;
}

float shadow_linear(const render::Pixels& p, int x, int y) {
    const float v = float(p.rgba8[(std::size_t(y) * 200 + std::size_t(x)) * 4 + 1]) / 255.0f;
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

constexpr float kLitFloor = 0.70710678f / 3.14159265f;  // Lambert: E cos 45° / pi

}  // namespace

TEST_CASE("shadow view: a spot's map is centred on its axis and holds the scene in front of it", "[render][shadow]") {
    const Bounds scene_bounds{{-2.0f, 0.0f, -2.0f}, {2.0f, 1.0f, 2.0f}};
    const scene::Light spot{.type = scene::Light::Type::Spot,
                            .direction = {0.0f, -1.0f, 0.0f},
                            .position = {0.0f, 3.0f, 0.0f},
                            .outer_cone_deg = 30.0f};
    const std::optional<render::ShadowView> view = render::shadow_view(spot, scene_bounds);
    REQUIRE(view.has_value());
    CHECK(view->perspective);
    const glm::vec3 on_axis = shadow_ndc(view->view_proj, {0.0f, 0.0f, 0.0f});
    CHECK(on_axis.x == Approx(0.0f).margin(1e-5));
    CHECK(on_axis.y == Approx(0.0f).margin(1e-5));
    CHECK(on_axis.z > 0.0f);
    CHECK(on_axis.z <= 1.0f);
    // The cone's edge on the floor (3 tan 30° = 1.73 m out) is inside the map, 45° out is not.
    CHECK(std::abs(shadow_ndc(view->view_proj, {1.7f, 0.0f, 0.0f}).x) < 1.0f);
    CHECK(std::abs(shadow_ndc(view->view_proj, {3.0f, 0.0f, 0.0f}).x) > 1.0f);
    // A texel at 1 m: 2 tan(32°) over the map.
    CHECK(view->texel_m == Approx(2.0f * std::tan(glm::radians(32.0f)) / float(render::kShadowMapSize)));

    const scene::Light away{.type = scene::Light::Type::Spot, .direction = {0.0f, 1.0f, 0.0f}, .position = {0.0f, 3.0f, 0.0f}};
    CHECK_FALSE(render::shadow_view(away, scene_bounds).has_value());
    const scene::Light point{.type = scene::Light::Type::Point, .position = {0.0f, 3.0f, 0.0f}};
    CHECK_FALSE(render::shadow_view(point, scene_bounds).has_value());
    CHECK_FALSE(render::shadow_view(spot, Bounds{}).has_value());
}

TEST_CASE("shadow view: a directional light's box holds every corner of the scene", "[render][shadow]") {
    const Bounds scene_bounds{{-3.0f, 0.0f, -1.0f}, {5.0f, 2.0f, 4.0f}};
    const scene::Light sun{.type = scene::Light::Type::Directional, .direction = {0.3f, -1.0f, 0.2f}};
    const std::optional<render::ShadowView> view = render::shadow_view(sun, scene_bounds);
    REQUIRE(view.has_value());
    CHECK_FALSE(view->perspective);
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{i & 1 ? 5.0f : -3.0f, i & 2 ? 2.0f : 0.0f, i & 4 ? 4.0f : -1.0f};
        const glm::vec3 ndc = shadow_ndc(view->view_proj, corner);
        INFO("corner " << i << ": " << ndc.x << ", " << ndc.y << ", " << ndc.z);
        CHECK(std::abs(ndc.x) < 1.0f);
        CHECK(std::abs(ndc.y) < 1.0f);
        CHECK(ndc.z > 0.0f);
        CHECK(ndc.z < 1.0f);
    }
    // Nearer the light is smaller depth: the top of the scene before its floor.
    CHECK(shadow_ndc(view->view_proj, {1.0f, 2.0f, 1.5f}).z < shadow_ndc(view->view_proj, {1.0f, 0.0f, 1.5f}).z);
}

TEST_CASE("shadowed lights: the first four directional or spot lights of the sixteen drawn", "[render][shadow]") {
    const Bounds scene_bounds{{-1.0f, 0.0f, -1.0f}, {1.0f, 1.0f, 1.0f}};
    std::vector<scene::Light> lights;
    lights.push_back({.type = scene::Light::Type::Point, .position = {0.0f, 2.0f, 0.0f}});
    lights.push_back({.type = scene::Light::Type::Directional});
    lights.push_back({.type = scene::Light::Type::Directional, .intensity = 0.0f});  // off: no map
    for (int i = 0; i < 5; ++i)
        lights.push_back({.type = scene::Light::Type::Spot, .position = {float(i), 3.0f, 0.0f}});
    const std::vector<render::ShadowedLight> shadowed = render::shadowed_lights(lights, scene_bounds);
    REQUIRE(shadowed.size() == 4);
    CHECK(shadowed[0].light == 1);
    CHECK(shadowed[1].light == 3);
    CHECK(shadowed[2].light == 4);
    CHECK(shadowed[3].light == 5);
    for (std::size_t i = 0; i < shadowed.size(); ++i) CHECK(shadowed[i].layer == i);
    // A light past the sixteen drawn casts nothing.
    std::vector<scene::Light> many(16, scene::Light{.type = scene::Light::Type::Point});
    many.push_back({.type = scene::Light::Type::Directional});
    CHECK(render::shadowed_lights(many, scene_bounds).empty());
}

TEST_CASE("a directional light's shadow: the tile darkens the floor behind it, the lit floor stays even",
          "[render][shadow]") {
    test::TestGpu gpu;
    scene::Scene s = shadow_scene(false);
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    // The tile (x -0.75..-0.25) throws its shadow 0.5 m along +x: x -0.25..0.25 on the floor.
    INFO("shadow " << shadow_linear(*p, 100, 100) << ", lit " << shadow_linear(*p, 150, 100));
    CHECK(shadow_linear(*p, 100, 100) < 0.02f * kLitFloor);
    CHECK(shadow_linear(*p, 100, 110) < 0.02f * kLitFloor);
    // Everywhere else the floor is lit as without shadows: no acne.
    float lowest = 1.0f, highest = 0.0f;
    for (int y = 20; y < 180; y += 4)
        for (int x = 120; x < 180; x += 4) {
            lowest = std::min(lowest, shadow_linear(*p, x, y));
            highest = std::max(highest, shadow_linear(*p, x, y));
        }
    INFO("lit floor " << lowest << " .. " << highest);
    CHECK(lowest == Approx(kLitFloor).epsilon(0.05));
    CHECK(highest == Approx(kLitFloor).epsilon(0.05));
    // The shadow's edge where it should be, z = 0.25 (px 112.5), give or take a pixel: no
    // gap between an object and its shadow from the biases.
    CHECK(shadow_linear(*p, 100, 111) < 0.5f * kLitFloor);
    CHECK(shadow_linear(*p, 100, 114) > 0.5f * kLitFloor);

    s.light_shadows = false;
    Result<render::Pixels> off = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(off.ok());
    CHECK(shadow_linear(*off, 100, 100) == Approx(kLitFloor).epsilon(0.05));
}

TEST_CASE("a spot light's shadow, and glass casts none", "[render][shadow]") {
    test::TestGpu gpu;
    scene::Scene s = shadow_scene(false);
    // Straight down from 1 m above the tile's centre.
    s.lights = {{.type = scene::Light::Type::Spot,
                 .direction = {0.0f, -1.0f, 0.0f},
                 .intensity = 1.0f,
                 .position = {-0.5f, 1.5f, 0.0f},
                 .inner_cone_deg = 40.0f,
                 .outer_cone_deg = 50.0f}};
    // From 1 m above the tile, the floor 1.5 m below gets its shadow 1.5 times as large:
    // x -0.875..-0.125, z -0.375..0.375. The tile hides the middle of it from the camera; the
    // strip beyond its edge at z 0.25..0.375 (px 113..118) shows.
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    const float lit = shadow_linear(*p, 75, 140);  // z = 0.8: in the spot's inner cone
    INFO("shadow " << shadow_linear(*p, 75, 116) << ", lit " << lit);
    CHECK(lit > 0.05f);
    CHECK(shadow_linear(*p, 75, 116) < 0.02f * lit);

    scene::Scene glass = shadow_scene(true);
    glass.lights = s.lights;
    Result<render::Pixels> through = gpu.renderer->render_offscreen(glass, 200, 200);
    REQUIRE(through.ok());
    CHECK(shadow_linear(*through, 75, 116) > 0.5f * lit);
}

TEST_CASE("shadow maps kept between frames follow the scene: a moved tile moves its shadow", "[render][shadow]") {
    test::TestGpu gpu;
    scene::Scene s = shadow_scene(false);
    Result<render::Pixels> first = gpu.renderer->render_offscreen(s, 200, 200);
    Result<render::Pixels> again = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(first.ok());
    REQUIRE(again.ok());
    CHECK(first->rgba8 == again->rgba8);
    // The tile 1 m further along +z: its shadow leaves the floor's centre.
    s.products[1].transform = glm::translate(glm::mat4(1.0f), glm::vec3(-0.5f, 0.0f, 1.0f));
    Result<render::Pixels> moved = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(moved.ok());
    CHECK(shadow_linear(*moved, 100, 100) == Approx(kLitFloor).epsilon(0.05));
    CHECK(shadow_linear(*moved, 100, 150) < 0.02f * kLitFloor);
}
