// Point and spot lights as KHR_lights_punctual defines them: 1/d² falloff, a range window,
// spot cones, sixteen at once.
#include <cmath>

#include "gpu_support.h"
#include "support.h"

using namespace ocop;

namespace {

// A white, rough 4 m floor at y = 0, seen from straight above; 200 px across.
scene::Scene punctual_floor_scene() {
    assets::Model m;
    m.source = "floor";
    assets::Mesh quad;
    quad.positions = {{-2, 0, 2}, {2, 0, 2}, {2, 0, -2}, {-2, 0, -2}};
    quad.normals.assign(4, {0, 1, 0});
    quad.indices = {0, 1, 2, 0, 2, 3};
    quad.material = 0;
    m.meshes.push_back(quad);
    assets::Material white;
    white.metallic = 0.0f;
    white.roughness = 1.0f;
    m.materials.push_back(white);
    scene::Scene s;
    s.products.push_back({std::make_shared<const assets::Model>(std::move(m)), glm::mat4(1.0f)});
    s.environment.kind = scene::Environment::Kind::Uniform;
    s.environment.uniform_radiance = glm::vec3(0.0f);  // only the lights
    s.tone_mapping = scene::ToneMapping::Linear;
    s.camera.position = {0.0f, 10.0f, 0.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    s.camera.up = {0.0f, 0.0f, -1.0f};
    s.camera.vertical_fov_deg = 2.0f * glm::degrees(std::atan(2.0f / 10.0f));
    s.camera.near_m = 5.0f;
    s.camera.far_m = 15.0f;
    return s;
}

// Linear radiance at pixel (x, y) of a 200x200 render.
float punctual_linear(const render::Pixels& p, int x, int y) {
    const float v = float(p.rgba8[(std::size_t(y) * 200 + std::size_t(x)) * 4 + 1]) / 255.0f;
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

TEST_CASE("a point light falls off with the square of the distance", "[render][lights]") {
    test::TestGpu gpu;
    scene::Scene s = punctual_floor_scene();
    s.lights.push_back({.type = scene::Light::Type::Point, .intensity = 1.0f, .position = {0.0f, 1.0f, 0.0f}});
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    // Lambert: radiance = albedo/pi * I cos(theta) / d². Under the light d = 1, cos 1; at
    // 1 m to the side d² = 2, cos = 1/sqrt2: a ratio of 2 sqrt2.
    const float under = punctual_linear(*p, 100, 100);
    const float aside = punctual_linear(*p, 150, 100);  // 1 m to the side (50 px a metre)
    INFO("under " << under << ", aside " << aside);
    CHECK(under == Approx(1.0f / 3.14159265f).epsilon(0.06));
    CHECK(under / aside == Approx(2.0f * std::sqrt(2.0f)).epsilon(0.08));
}

TEST_CASE("a spot light lights its cone only, and its range cuts it off", "[render][lights]") {
    test::TestGpu gpu;
    scene::Scene s = punctual_floor_scene();
    s.lights.push_back({.type = scene::Light::Type::Spot,
                        .direction = {0.0f, -1.0f, 0.0f},
                        .intensity = 1.0f,
                        .position = {0.0f, 1.0f, 0.0f},
                        .inner_cone_deg = 20.0f,
                        .outer_cone_deg = 30.0f});
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(p.ok());
    // The outer cone meets the floor tan(30°) = 0.577 m from the centre (29 px).
    CHECK(punctual_linear(*p, 100, 100) > 0.25f);
    CHECK(punctual_linear(*p, 100 + 40, 100) == 0.0f);
    // With a range of 0.9 m the floor, 1 m away, gets nothing.
    s.lights[0].range_m = 0.9f;
    Result<render::Pixels> cut = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(cut.ok());
    CHECK(punctual_linear(*cut, 100, 100) == 0.0f);
}

TEST_CASE("sixteen lights all count; a seventeenth is left out", "[render][lights]") {
    test::TestGpu gpu;
    scene::Scene s = punctual_floor_scene();
    for (int i = 0; i < 16; ++i)
        s.lights.push_back({.type = scene::Light::Type::Point, .intensity = 0.05f, .position = {0.0f, 1.0f, 0.0f}});
    Result<render::Pixels> sixteen = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(sixteen.ok());
    CHECK(punctual_linear(*sixteen, 100, 100) == Approx(16 * 0.05f / 3.14159265f).epsilon(0.06));
    s.lights.push_back({.type = scene::Light::Type::Point, .intensity = 5.0f, .position = {0.0f, 1.0f, 0.0f}});
    Result<render::Pixels> seventeen = gpu.renderer->render_offscreen(s, 200, 200);
    REQUIRE(seventeen.ok());
    CHECK(punctual_linear(*seventeen, 100, 100) == Approx(punctual_linear(*sixteen, 100, 100)).epsilon(0.02));
}
