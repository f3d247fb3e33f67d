// The node hierarchy: kept at import, instancing stored once, round-tripped through GLB.
#include <glm/gtc/matrix_transform.hpp>

#include "assets/import.h"
#include "export/glb_writer.h"
#include "gpu_support.h"
#include "support.h"

using namespace ocop;

namespace {

// One triangle mesh drawn by two nodes under a parent: "instancing".
assets::Model hierarchy_two_instances() {
    assets::Model m;
    m.source = "instances";
    assets::Mesh tri;
    tri.name = "leaf";
    tri.positions = {{0, 0, 0}, {0.1f, 0, 0}, {0, 0.1f, 0}};
    tri.normals.assign(3, {0, 0, 1});
    tri.indices = {0, 1, 2};
    m.meshes.push_back(tri);
    m.nodes.push_back({"stem", -1, glm::translate(glm::mat4(1.0f), {0, 1, 0}), {}});
    m.nodes.push_back({"left", 0, glm::translate(glm::mat4(1.0f), {-1, 0, 0}), {0}});
    m.nodes.push_back({"right", 0, glm::translate(glm::mat4(1.0f), {1, 0, 0}), {0}});
    return m;
}

}  // namespace

TEST_CASE("a mesh drawn by two nodes is stored once and drawn twice", "[assets]") {
    const assets::Model m = hierarchy_two_instances();
    CHECK(m.triangle_count() == 1);
    CHECK(m.drawn_triangle_count() == 2);
    const std::vector<assets::MeshInstance> instances = m.instances();
    REQUIRE(instances.size() == 2);
    CHECK(glm::vec3(instances[0].world[3]) == glm::vec3(-1, 1, 0));
    CHECK(glm::vec3(instances[1].world[3]) == glm::vec3(1, 1, 0));
    const Bounds b = m.bounds();
    CHECK(b.min.x == Approx(-1.0f));
    CHECK(b.max.x == Approx(1.1f));
    CHECK(b.min.y == Approx(1.0f));
}

TEST_CASE("hierarchy and instancing survive GLB export and import", "[assets][export]") {
    const auto dir = test::scratch_dir("hierarchy_round_trip");
    const auto path = dir / "instances.glb";
    REQUIRE(exporter::write_glb(hierarchy_two_instances(), path).ok());
    const Result<assets::Model> back = assets::import(path, {.base_at_origin = false});
    REQUIRE(back.ok());
    CHECK(back->meshes.size() == 1);  // still one mesh
    CHECK(back->drawn_triangle_count() == 2);
    bool left = false, right = false;
    for (const assets::Node& n : back->nodes) {
        left = left || n.name == "left";
        right = right || n.name == "right";
    }
    CHECK((left && right));
    const Bounds b = back->bounds();
    CHECK(b.min.x == Approx(-1.0f));
    CHECK(b.max.x == Approx(1.1f));
    CHECK(b.min.y == Approx(1.0f));
}

TEST_CASE("normalisation is one root node; the vertices stay as the file had them", "[assets]") {
    const auto dir = test::scratch_dir("hierarchy_normalise");
    const auto path = dir / "raised.glb";
    REQUIRE(exporter::write_glb(hierarchy_two_instances(), path).ok());
    const Result<assets::Model> raw = assets::import(path, {.base_at_origin = false});
    const Result<assets::Model> normal = assets::import(path, {.unit_scale = 0.5f});
    REQUIRE(raw.ok());
    REQUIRE(normal.ok());
    CHECK(normal->meshes[0].positions == raw->meshes[0].positions);
    REQUIRE(normal->nodes.size() == raw->nodes.size() + 1);
    CHECK(normal->nodes.back().name == "normalised");
    const Bounds b = normal->bounds();
    CHECK(b.min.y == Approx(0.0f).margin(1e-6));
    CHECK(b.centre().x == Approx(0.0f).margin(1e-6));
    CHECK(b.size().x == Approx(1.05f));  // (1.1 - -1) * 0.5
}

TEST_CASE("a mirroring node still shows the front of its triangles", "[render]") {
    test::TestGpu gpu;
    assets::Model m;
    assets::Mesh quad;
    quad.positions = {{-0.5f, -0.5f, 0}, {0.5f, -0.5f, 0}, {0.5f, 0.5f, 0}, {-0.5f, 0.5f, 0}};
    quad.normals.assign(4, {0, 0, 1});
    quad.indices = {0, 1, 2, 0, 2, 3};
    m.meshes.push_back(quad);
    assets::Material black;
    black.base_color = {0, 0, 0, 1};
    m.materials.push_back(black);
    m.meshes[0].material = 0;
    // Mirrored in X: the triangles wind clockwise on screen but still face the camera (+Z).
    m.nodes.push_back({"mirror", -1, glm::scale(glm::mat4(1.0f), {-1, 1, 1}), {0}});
    scene::Scene s;
    s.products.push_back({std::make_shared<const assets::Model>(std::move(m)), glm::mat4(1.0f)});
    s.camera.position = {0, 0, 2};
    Result<render::Pixels> p = gpu.renderer->render_offscreen(s, 64, 64);
    REQUIRE(p.ok());
    CHECK_FALSE(test::non_white_rect(*p).empty());  // culled away if the winding were not flipped
}
