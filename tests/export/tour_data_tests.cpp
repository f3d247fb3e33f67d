// tour.json's walls (doors cut out) and the node orientation of lights and cameras.
#include <catch2/catch.hpp>

#include <glm/gtc/matrix_transform.hpp>

#include "export/glb_writer.h"
#include "export/tour_data.h"

TEST_CASE("Tour walls: each room wall in plan, with its doors cut out", "[export][tour]") {
    ocop::scene::Centre centre;
    ocop::scene::Room room;
    room.id = "hall";
    room.outline = {{0.0f, 0.0f}, {10.0f, 0.0f}, {10.0f, 6.0f}, {0.0f, 6.0f}};
    room.doors = {{.wall = 0, .at_m = 2.0f, .width_m = 1.5f, .entrance = true}, {.wall = 0, .at_m = 6.0f, .width_m = 1.0f}};
    centre.rooms.push_back(room);
    const std::vector<glm::vec4> walls = ocop::exporter::walkable_walls(centre);
    REQUIRE(walls.size() == 6);  // wall 0 in three pieces, the other three whole
    CHECK(walls[0] == glm::vec4(0.0f, 0.0f, 2.0f, 0.0f));
    CHECK(walls[1] == glm::vec4(3.5f, 0.0f, 6.0f, 0.0f));
    CHECK(walls[2] == glm::vec4(7.0f, 0.0f, 10.0f, 0.0f));
    CHECK(walls[3] == glm::vec4(10.0f, 0.0f, 10.0f, 6.0f));
}

TEST_CASE("Lights and cameras in a GLB look along the node's -Z with +Y up", "[export][tour]") {
    const glm::vec3 direction = glm::normalize(glm::vec3(1.0f, -2.0f, 0.5f));
    const glm::mat4 m = ocop::exporter::node_looking_along({1.0f, 3.0f, 2.0f}, direction);
    const glm::vec3 forward = -glm::vec3(m[2]);
    CHECK(glm::length(forward - direction) < 1e-5f);
    CHECK(glm::vec3(m[3]) == glm::vec3(1.0f, 3.0f, 2.0f));
    CHECK(glm::abs(glm::determinant(glm::mat3(m)) - 1.0f) < 1e-5f);  // a rotation: no scale, no mirror
    CHECK(m[1].y > 0.0f);                                             // up stays up
    const glm::mat4 down = ocop::exporter::node_looking_along({0.0f, 3.0f, 0.0f}, {0.0f, -1.0f, 0.0f});
    CHECK(glm::length(-glm::vec3(down[2]) - glm::vec3(0.0f, -1.0f, 0.0f)) < 1e-5f);
}
