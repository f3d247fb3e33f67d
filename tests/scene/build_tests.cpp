// scene::build and the room geometry: a centre layout becomes the scene the renderer draws.
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/build.h"
#include "scene/fixtures.h"
#include "scene/room_model.h"
#include "support.h"

using namespace ocop;

namespace {

// One 8 x 6 m room with a door, four zones, a plinth holding the small glazed vase.
scene::Centre build_test_centre() {
    scene::Centre c;
    c.source = "test.centre.json";
    c.name = {"Trung tâm thử", "Test centre"};
    scene::Room room;
    room.id = "hall";
    room.outline = {{0, 0}, {8, 0}, {8, 6}, {0, 6}};
    room.height_m = 4.0f;
    room.doors.push_back({.wall = 0, .at_m = 3.0f, .width_m = 2.0f, .entrance = true});
    c.rooms.push_back(room);
    c.zones.push_back({"sale", scene::ZoneFunction::DisplaySale, "hall", {0, 0}, {4, 6}, {}});
    c.zones.push_back({"ws", scene::ZoneFunction::Workshop, "hall", {4, 0}, {8, 2}, {}});
    c.zones.push_back({"demo", scene::ZoneFunction::Demonstration, "hall", {4, 2}, {8, 4}, {}});
    c.zones.push_back({"photo", scene::ZoneFunction::Photography, "hall", {4, 4}, {8, 6}, {}});
    scene::Fixture plinth;
    plinth.id = "plinth-1";
    plinth.type = "plinth";
    plinth.size = {0.5f, 1.0f, 0.5f};
    plinth.pos = {2.0f, 0.0f, 3.0f};
    plinth.yaw_deg = 90.0f;
    plinth.zone = "sale";
    c.fixtures.push_back(plinth);
    c.placements.push_back({"TEST-VASE", "plinth-1", 0, 0.0f, true});
    c.tour.start = "entrance";
    c.tour.waypoints.push_back({"entrance", {4.0f, 1.6f, 0.5f}, {2.0f, 1.0f, 3.0f}, {"Lối vào", "Entrance"}});
    return c;
}

scene::Catalogue build_test_catalogue() {
    scene::Catalogue cat;
    cat.source = "test.json";
    scene::Product p;
    p.sku = "TEST-VASE";
    p.name = {"Bình gốm", "Vase"};
    p.commune = "Bát Tràng";
    p.district = "Gia Lâm";
    p.producer = "HTX Gốm";
    p.category = "ceramics";
    p.ocop_stars = 4;
    p.price_vnd = 850000;
    p.dimensions_cm = {19.6f, 29.8f, 19.6f};
    p.model = "@samples/glazed_vase.glb";
    cat.products.push_back(p);
    return cat;
}

Bounds world_bounds(const scene::ProductInstance& p) {
    Bounds b;
    const Bounds local = p.model->bounds();
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner{(i & 1) ? local.max.x : local.min.x, (i & 2) ? local.max.y : local.min.y,
                               (i & 4) ? local.max.z : local.min.z};
        b.add(glm::vec3(p.transform * glm::vec4(corner, 1.0f)));
    }
    return b;
}

}  // namespace

TEST_CASE("a centre becomes rooms, fixtures, products standing on their slots and price tags", "[scene]") {
    const scene::Centre centre = build_test_centre();
    const scene::Catalogue catalogue = build_test_catalogue();
    scene::ProductLibrary library(test::samples_dir());
    Result<scene::CentreScene> built = scene::build(centre, catalogue, scene::default_brand(), library);
    REQUIRE(built.ok());
    const scene::Scene& s = built->scene;
    // room, plinth, vase, tag
    REQUIRE(s.products.size() == 4u);
    CHECK(built->placements == 1u);

    const Bounds vase = world_bounds(s.products[2]);
    const float top = centre.fixtures[0].size.y;
    CHECK(std::abs(vase.min.y - top) < 0.002f);  // on the plinth, not floating or sunk
    CHECK(std::abs(vase.centre().x - 2.0f) < 0.01f);
    CHECK(std::abs(vase.centre().z - 3.0f) < 0.01f);
    CHECK(std::abs(vase.size().y - 0.298f) < 0.01f);  // the catalogue's real size

    const Bounds tag = world_bounds(s.products[3]);
    CHECK(std::abs(tag.min.y - top) < 0.01f);
    CHECK(tag.max.y < top + 0.12f);

    CHECK(s.camera.position == glm::vec3(4.0f, 1.6f, 0.5f));
    CHECK(s.camera.target == glm::vec3(2.0f, 1.0f, 3.0f));
}

TEST_CASE("a centre with more than 16 lights draws the 16 nearest the view and says so", "[scene]") {
    scene::Centre centre = build_test_centre();
    for (int i = 0; i < 20; ++i) {
        scene::CentreLight l;
        l.pos = {0.2f + 0.35f * static_cast<float>(i), 3.8f, 3.0f};
        l.aim = "plinth-1";
        l.intensity = 800.0f;
        centre.lights.push_back(l);
    }
    scene::ProductLibrary library(test::samples_dir());
    Result<scene::CentreScene> built = scene::build(centre, build_test_catalogue(), scene::default_brand(), library);
    REQUIRE(built.ok());
    CHECK(built->scene.lights.size() == 16u);
    REQUIRE(built->warnings.size() == 1u);
    CHECK(built->warnings[0].find("4 of 20 lights") != std::string::npos);
    // A spot aimed at the plinth points just above its slot, where the product stands.
    const scene::Light& l = built->scene.lights[0];
    const glm::vec3 to_top = glm::normalize(glm::vec3(2.0f, 1.15f, 3.0f) - l.position);
    CHECK(glm::dot(l.direction, to_top) > 0.9999f);
}

TEST_CASE("building a centre names the waypoint, product or slot that does not exist", "[scene]") {
    scene::ProductLibrary library(test::samples_dir());
    const scene::Catalogue catalogue = build_test_catalogue();
    scene::Centre centre = build_test_centre();
    Result<scene::CentreScene> r = scene::build(centre, catalogue, scene::default_brand(), library, {"nowhere"});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message().find("no waypoint \"nowhere\" (the tour has: entrance)") != std::string::npos);

    centre.placements[0].product = "NO-SUCH";
    r = scene::build(centre, catalogue, scene::default_brand(), library);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where == "placements[0].product");

    centre = build_test_centre();
    centre.placements[0].slot = 7;
    r = scene::build(centre, catalogue, scene::default_brand(), library);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where == "placements[0].slot");
}

TEST_CASE("a room's floor covers its outline and its walls leave the door open", "[scene]") {
    scene::Room room;
    room.id = "l-shape";
    room.outline = {{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 8}, {0, 8}};  // 40 + 16 = 56 m²
    room.height_m = 3.0f;
    room.doors.push_back({.wall = 0, .at_m = 2.0f, .width_m = 1.5f, .entrance = true});
    const assets::Model m = scene::room_model(room);
    // The surfaces come in pieces of at most 2 m × 2 m of the plan (lit by the lamps that reach them).
    double area = 0.0;
    std::size_t floor_pieces = 0, wall_triangles = 0;
    for (const assets::Mesh& mesh : m.meshes) {
        glm::vec3 lo(1e9f), hi(-1e9f);
        for (const glm::vec3& p : mesh.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);
        CHECK(hi.x - lo.x <= 2.0f + 1e-4f);
        CHECK(hi.z - lo.z <= 2.0f + 1e-4f);
        if (mesh.name == "floor") {
            ++floor_pieces;
            for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
                const glm::vec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                                c = mesh.positions[mesh.indices[t + 2]];
                const glm::vec3 n = glm::cross(b - a, c - a);
                CHECK(n.y > 0.0f);  // faces up
                area += 0.5 * glm::length(n);
            }
        }
        if (mesh.name != "walls") continue;
        // Nothing of the wall below the lintel inside the door's span (x 2..3.5 on the z = 0 wall).
        for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
            ++wall_triangles;
            glm::vec3 tlo(1e9f), thi(-1e9f);
            for (int k = 0; k < 3; ++k) {
                tlo = glm::min(tlo, mesh.positions[mesh.indices[t + k]]);
                thi = glm::max(thi, mesh.positions[mesh.indices[t + k]]);
            }
            const bool on_door_wall = thi.z < 1e-4f;
            const bool overlaps_door = tlo.x < 3.5f - 1e-4f && thi.x > 2.0f + 1e-4f;
            if (on_door_wall && overlaps_door) CHECK(tlo.y >= 2.2f - 1e-4f);
        }
    }
    CHECK(std::abs(area - 56.0) < 1e-3);
    CHECK(floor_pieces == 14);  // the 5 x 4 squares of the plan, less the 6 outside the L
    CHECK(wall_triangles > 0);
}
