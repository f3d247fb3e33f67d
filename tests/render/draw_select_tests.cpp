// Frustum culling and level-of-detail choice (render/draw_select.h): what is outside the view
// is skipped, what is inside or on its edge is drawn, and far meshes draw coarser levels only
// while the difference stays under half a pixel; a culled scene renders the same pixels.
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/process.h"
#include "gpu_support.h"
#include "render/draw_select.h"
#include "support.h"

using namespace ocop;

namespace {

// A camera at the origin looking down -Z, 60° vertical field, 16:9, near 0.1 m, far 50 m.
std::array<glm::vec4, 6> draw_select_planes() {
    scene::Camera camera;
    camera.position = {0.0f, 0.0f, 0.0f};
    camera.target = {0.0f, 0.0f, -1.0f};
    camera.vertical_fov_deg = 60.0f;
    camera.near_m = 0.1f;
    camera.far_m = 50.0f;
    return render::frustum_planes(camera.projection(16.0f / 9.0f) * camera.view());
}

// A lathed shape of many triangles: a sphere of radius 0.5 m at the origin.
assets::Model draw_select_sphere(int rings) {
    assets::Model m;
    m.source = "sphere";
    assets::Mesh mesh;
    for (int r = 0; r <= rings; ++r)
        for (int s = 0; s <= 2 * rings; ++s) {
            const float theta = float(M_PI) * float(r) / float(rings), phi = float(M_PI) * float(s) / float(rings);
            const glm::vec3 n{std::sin(theta) * std::cos(phi), std::cos(theta), std::sin(theta) * std::sin(phi)};
            mesh.positions.push_back(0.5f * n);
            mesh.normals.push_back(n);
        }
    const int row = 2 * rings + 1;
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < 2 * rings; ++s) {
            const std::uint32_t a = std::uint32_t(r * row + s), b = a + std::uint32_t(row);
            mesh.indices.insert(mesh.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
        }
    mesh.material = 0;
    m.meshes.push_back(std::move(mesh));
    assets::Material grey;
    grey.base_color = glm::vec4(0.6f, 0.6f, 0.6f, 1.0f);
    grey.roughness = 0.5f;
    m.materials.push_back(grey);
    return m;
}

}  // namespace

TEST_CASE("frustum culling skips spheres outside the view and keeps those inside or on its edge", "[render][culling]") {
    const auto planes = draw_select_planes();
    CHECK_FALSE(render::sphere_outside(planes, {0, 0, -5}, 0.1f));     // straight ahead
    CHECK(render::sphere_outside(planes, {0, 0, 5}, 1.0f));            // behind the camera
    CHECK(render::sphere_outside(planes, {100, 0, -5}, 1.0f));         // far to the right
    CHECK(render::sphere_outside(planes, {0, -50, -5}, 1.0f));         // far below
    CHECK(render::sphere_outside(planes, {0, 0, -60}, 1.0f));          // beyond the far plane
    // The view's right edge at 5 m is x = 5 * tan(30°) * 16/9 = 5.13 m: a sphere centred just
    // outside it still reaches in.
    CHECK_FALSE(render::sphere_outside(planes, {5.4f, 0, -5}, 0.5f));
    CHECK(render::sphere_outside(planes, {6.0f, 0, -5}, 0.5f));
    CHECK_FALSE(render::sphere_outside(planes, {0, 0, 0.05f}, 0.2f));  // around the camera
}

TEST_CASE("level of detail: the coarsest level whose error stays under half a pixel", "[render][lod]") {
    const std::vector<render::GpuDraw::Level> lods{{0, 0, 0.001f}, {0, 0, 0.01f}, {0, 0, 0.05f}};
    // A 1 m mesh, 1000 pixels per metre at 1 m: its error in pixels is error * 1000 / distance.
    CHECK(render::level_of_detail(lods, 1.0f, 1.0f, 1000.0f) == 0);    // 1 px for the finest level
    CHECK(render::level_of_detail(lods, 1.0f, 2.0f, 1000.0f) == 1);    // 0.5 px: just allowed
    CHECK(render::level_of_detail(lods, 1.0f, 10.0f, 1000.0f) == 1);   // the second would be 1 px
    CHECK(render::level_of_detail(lods, 1.0f, 20.0f, 1000.0f) == 2);
    CHECK(render::level_of_detail(lods, 1.0f, 1000.0f, 1000.0f) == 3);
    CHECK(render::level_of_detail(lods, 2.0f, 20.0f, 1000.0f) == 1);   // a larger mesh keeps more
    CHECK(render::level_of_detail(lods, 1.0f, 1000.0f, 0.0f) == 0);    // no scale given: full
    CHECK(render::level_of_detail(lods, 1.0f, -1.0f, 1000.0f) == 0);   // the camera inside it
    CHECK(render::level_of_detail({}, 1.0f, 1000.0f, 1000.0f) == 0);  // nothing coarser
}

TEST_CASE("culling and levels of detail leave the picture as it was", "[render][culling][lod]") {
    test::TestGpu gpu;
    auto full = std::make_shared<const assets::Model>(draw_select_sphere(96));
    assets::Model with_lods = draw_select_sphere(96);
    assets::build_lods(with_lods.meshes[0], 64);
    REQUIRE(with_lods.meshes[0].lods.size() >= 3);
    // What the renderer will choose below: the sphere's nearest point 5.5 m away, 160 px for 20°.
    std::vector<render::GpuDraw::Level> levels;
    for (const assets::Mesh::Lod& l : with_lods.meshes[0].lods) levels.push_back({0, 0, l.error});
    const std::size_t level =
        render::level_of_detail(levels, 1.0f, 5.5f, 160.0f / (2.0f * std::tan(glm::radians(10.0f))));
    INFO("level " << level << " of " << levels.size());
    REQUIRE(level >= 1);
    auto lodded = std::make_shared<const assets::Model>(std::move(with_lods));

    scene::Scene s;
    s.camera.position = {0.0f, 0.0f, 6.0f};
    s.camera.target = {0.0f, 0.0f, 0.0f};
    s.camera.vertical_fov_deg = 20.0f;
    s.contact_shadow.opacity = 0.0f;
    s.products.push_back({full, glm::mat4(1.0f)});
    Result<render::Pixels> alone = gpu.renderer->render_offscreen(s, 160, 160);
    REQUIRE(alone.ok());
    const auto pixel = [](const render::Pixels& p, int x, int y) {
        const std::size_t i = (std::size_t(y) * p.width + std::size_t(x)) * 4;
        return glm::ivec3(p.rgba8[i], p.rgba8[i + 1], p.rgba8[i + 2]);
    };
    REQUIRE(pixel(*alone, 80, 80) != pixel(*alone, 2, 2));  // the sphere is there, on the background

    // A second sphere behind the camera and one far off to the side: skipped, same pixels.
    s.products.push_back({full, glm::translate(glm::mat4(1.0f), glm::vec3(0.0f, 0.0f, 12.0f))});
    s.products.push_back({full, glm::translate(glm::mat4(1.0f), glm::vec3(40.0f, 0.0f, 0.0f))});
    Result<render::Pixels> with_hidden = gpu.renderer->render_offscreen(s, 160, 160);
    REQUIRE(with_hidden.ok());
    CHECK(with_hidden->rgba8 == alone->rgba8);

    // The sphere with levels, 6 m away on 160 px: a coarser level may draw, and the picture
    // differs by no more than the edge pixels it may move.
    s.products = {{lodded, glm::mat4(1.0f)}};
    Result<render::Pixels> lod = gpu.renderer->render_offscreen(s, 160, 160);
    REQUIRE(lod.ok());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < lod->rgba8.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(lod->rgba8[i + c]) - int(alone->rgba8[i + c])));
        if (worst > 24) ++differ;
    }
    INFO(differ << " pixels differ by more than 24 levels");
    CHECK(differ < 60);  // the sphere's outline is about 400 pixels
}
