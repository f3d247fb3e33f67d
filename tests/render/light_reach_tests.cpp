// Per-draw light lists (render/light_reach.h): a light is left out of a draw only where it
// gives no light at all, and the list packs shadowed lights first, four bits a slot.
#include <cmath>
#include <random>

#include "render/light_reach.h"
#include "support.h"

using namespace ocop;

namespace {

scene::Light spot_down(float outer_deg, float range_m = 0.0f) {
    scene::Light l;
    l.type = scene::Light::Type::Spot;
    l.position = {0.0f, 3.0f, 0.0f};
    l.direction = {0.0f, -1.0f, 0.0f};
    l.outer_cone_deg = outer_deg;
    l.inner_cone_deg = 0.5f * outer_deg;
    l.range_m = range_m;
    return l;
}

// As pbr.frag's punctual_light: does any light arrive at p?
bool lit_at(const scene::Light& l, glm::vec3 p) {
    const glm::vec3 to_point = p - l.position;
    const float d = glm::length(to_point);
    if (l.range_m > 0.0f && d >= l.range_m) return false;
    if (l.type != scene::Light::Type::Spot) return true;
    return glm::dot(glm::normalize(l.direction), to_point / d) > std::cos(glm::radians(l.outer_cone_deg));
}

}  // namespace

TEST_CASE("A spot reaches what lies in its cone and not what lies beside, behind or beyond its range") {
    const render::LightReach spot = render::light_reach(spot_down(20.0f));
    CHECK(render::reaches(spot, {0.0f, 0.0f, 0.0f}, 0.1f));      // on the axis below
    CHECK(render::reaches(spot, {1.05f, 0.0f, 0.0f}, 0.1f));     // the cone is 1.09 m wide at the floor
    CHECK_FALSE(render::reaches(spot, {1.4f, 0.0f, 0.0f}, 0.1f));  // beside it
    CHECK(render::reaches(spot, {1.4f, 0.0f, 0.0f}, 0.4f));        // a larger sphere overlaps it
    CHECK_FALSE(render::reaches(spot, {0.0f, 4.0f, 0.0f}, 0.5f));  // behind the lamp
    CHECK(render::reaches(spot, {0.0f, 3.2f, 0.0f}, 0.5f));        // around the lamp itself

    const render::LightReach short_spot = render::light_reach(spot_down(20.0f, 2.0f));
    CHECK_FALSE(render::reaches(short_spot, {0.0f, 0.0f, 0.0f}, 0.5f));  // 3 m away, range 2 m
    CHECK(render::reaches(short_spot, {0.0f, 0.0f, 0.0f}, 1.1f));

    scene::Light sun;
    CHECK(render::reaches(render::light_reach(sun), {100.0f, -50.0f, 3.0f}, 0.0f));
    scene::Light bulb;
    bulb.type = scene::Light::Type::Point;
    CHECK(render::reaches(render::light_reach(bulb), {100.0f, -50.0f, 3.0f}, 0.0f));
    bulb.range_m = 5.0f;
    CHECK_FALSE(render::reaches(render::light_reach(bulb), {100.0f, -50.0f, 3.0f}, 1.0f));
}

TEST_CASE("A sphere a light does not reach holds no point that the light lights") {
    std::mt19937 random(7);
    std::uniform_real_distribution<float> coord(-4.0f, 4.0f), unit(-1.0f, 1.0f), size(0.02f, 1.5f);
    const std::array<scene::Light, 3> lights{spot_down(15.0f), spot_down(60.0f, 3.5f), spot_down(90.0f)};
    int rejected = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        const scene::Light& light = lights[std::size_t(trial) % lights.size()];
        const glm::vec3 centre{coord(random), coord(random), coord(random)};
        const float radius = size(random);
        if (render::reaches(render::light_reach(light), centre, radius)) continue;
        ++rejected;
        for (int sample = 0; sample < 200; ++sample) {
            glm::vec3 offset{unit(random), unit(random), unit(random)};
            if (glm::length(offset) > 1.0f) continue;
            INFO("trial " << trial << " sample " << sample);
            REQUIRE_FALSE(lit_at(light, centre + radius * offset));
        }
    }
    CHECK(rejected > 500);  // the test tested something
}

TEST_CASE("A draw's light list marks its shadowed lights by bit and lists the others, a slot in four bits") {
    std::vector<render::LightReach> lights;
    for (int i = 0; i < 16; ++i) {
        scene::Light l = spot_down(10.0f);
        l.position.x = float(i) * 10.0f;  // each spot over its own patch of floor
        lights.push_back(render::light_reach(l));
    }
    // Everything: 3 shadowed, 13 others.
    const glm::uvec4 all = render::draw_lights(lights, 3, {75.0f, 0.0f, 0.0f}, 100.0f);
    CHECK(all.x == 13u);
    CHECK(all.y == 0x7u);
    CHECK(all.z == 0xa9876543u);
    CHECK(all.w == 0xfedcbu);
    // Under lamps 2 (shadowed) and 9 only.
    lights[9].position = lights[2].position;
    const glm::uvec4 two = render::draw_lights(lights, 3, {20.0f, 0.0f, 0.0f}, 0.3f);
    CHECK(two.x == 1u);
    CHECK(two.y == 0x4u);
    CHECK(two.z == 0x9u);
    CHECK(two.w == 0u);
    // Nothing reaches.
    CHECK(render::draw_lights(lights, 3, {5.0f, 0.0f, 0.0f}, 0.3f) == glm::uvec4(0u));
}
