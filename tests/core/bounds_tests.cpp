// core/bounds.h: the box around a placed box.
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "core/bounds.h"
#include "support.h"

using namespace ocop;

TEST_CASE("a box placed by a transform holds every corner of the box it came from", "[bounds]") {
    Bounds unit;
    unit.add(glm::vec3(-1.0f, 0.0f, -0.5f));
    unit.add(glm::vec3(1.0f, 2.0f, 0.5f));
    const Bounds moved = transformed(unit, glm::translate(glm::mat4(1.0f), glm::vec3(3.0f, 0.0f, 0.0f)));
    CHECK(moved.min == glm::vec3(2.0f, 0.0f, -0.5f));
    CHECK(moved.max == glm::vec3(4.0f, 2.0f, 0.5f));
    // A quarter turn about +Y swaps the x and z extents.
    const Bounds turned = transformed(unit, glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(0, 1, 0)));
    CHECK(std::abs(turned.size().x - 1.0f) < 1e-5f);
    CHECK(std::abs(turned.size().z - 2.0f) < 1e-5f);
    CHECK(transformed(Bounds{}, glm::mat4(2.0f)).empty());
}
