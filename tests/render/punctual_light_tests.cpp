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

TEST_CASE("lights looped over each draw's list light every pixel as a loop over every slot does", "[render][lights]") {
    // A floor in 16 tiles (each its own draw), a lacquered and a silk sphere, and sixteen
    // coloured spots and points, the first two spots with shadow maps: each draw sees a few.
    assets::Model m;
    m.source = "tiles";
    assets::Material floor;
    floor.base_color = {0.8f, 0.8f, 0.8f, 1.0f};
    floor.metallic = 0.0f;
    floor.roughness = 0.6f;
    assets::Material lacquer;
    lacquer.base_color = {0.5f, 0.05f, 0.03f, 1.0f};
    lacquer.metallic = 0.0f;
    lacquer.roughness = 0.5f;
    lacquer.clearcoat = {.enabled = true, .factor = 1.0f, .roughness = 0.05f};
    assets::Material silk = floor;
    silk.base_color = {0.2f, 0.3f, 0.6f, 1.0f};
    silk.sheen = {.enabled = true, .colour = {1.0f, 0.9f, 0.7f}, .roughness = 0.4f};
    m.materials = {floor, lacquer, silk};
    for (int tx = 0; tx < 4; ++tx)
        for (int tz = 0; tz < 4; ++tz) {
            const float x0 = -2.0f + float(tx), z0 = -2.0f + float(tz);
            assets::Mesh tile;
            tile.positions = {{x0, 0, z0 + 1}, {x0 + 1, 0, z0 + 1}, {x0 + 1, 0, z0}, {x0, 0, z0}};
            tile.normals.assign(4, {0, 1, 0});
            tile.indices = {0, 1, 2, 0, 2, 3};
            tile.material = 0;
            m.meshes.push_back(tile);
        }
    m.meshes.push_back(test::uv_sphere({-0.7f, 0.4f, 0.2f}, 0.4f));
    m.meshes.back().material = 1;
    m.meshes.push_back(test::uv_sphere({0.8f, 0.35f, -0.5f}, 0.35f));
    m.meshes.back().material = 2;
    scene::Scene s = punctual_floor_scene();
    s.products.front().model = std::make_shared<const assets::Model>(std::move(m));
    s.camera.position = {0.0f, 4.0f, 3.0f};
    s.camera.up = {0.0f, 1.0f, 0.0f};
    s.camera.vertical_fov_deg = 50.0f;
    s.camera.near_m = 0.5f;
    s.environment.uniform_radiance = glm::vec3(0.05f);
    s.tone_mapping = scene::ToneMapping::PbrNeutral;
    for (int i = 0; i < 16; ++i) {
        const float x = -1.5f + float(i % 4), z = -1.5f + float(i / 4);
        const glm::vec3 colour{0.4f + 0.6f * float(i % 3 == 0), 0.4f + 0.6f * float(i % 3 == 1), 0.4f + 0.6f * float(i % 3 == 2)};
        if (i % 5 == 4)
            s.lights.push_back({.type = scene::Light::Type::Point, .colour = colour, .intensity = 0.3f,
                                .position = {x, 0.8f, z}, .range_m = 1.2f});
        else
            s.lights.push_back({.type = scene::Light::Type::Spot, .direction = {0.1f, -1.0f, 0.05f}, .colour = colour,
                                .intensity = 1.5f, .position = {x, 1.6f, z}, .inner_cone_deg = 10.0f,
                                .outer_cone_deg = 18.0f});
    }
    s.light_shadows = true;
    render::Pixels every_slot;
    {
        test::TestGpu gpu(render::LightLoop::EverySlot);
        Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 240, 180);
        REQUIRE(p.ok());
        every_slot = std::move(p).value();
    }
    test::TestGpu gpu(render::LightLoop::DrawLists);
    Result<render::Pixels> lists = gpu.renderer->render_offscreen(s, 240, 180);
    REQUIRE(lists.ok());
    test::check_golden(*lists, "lights_per_draw");  // to look at: the pools of light, the spheres
    const test::ImageDifference d = test::compare(*lists, every_slot);
    INFO("mean |a-b| " << d.mean_abs << ", share over 16 " << d.share_over_16);
    CHECK(d.mean_abs < 0.05);
    CHECK(d.share_over_16 == 0.0);
}
