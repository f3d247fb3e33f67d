// Axis-aligned bounds in metres. Empty until the first point is added.
#pragma once

#include <glm/glm.hpp>
#include <limits>

namespace ocop {

struct Bounds {
    glm::vec3 min{std::numeric_limits<float>::max()};
    glm::vec3 max{std::numeric_limits<float>::lowest()};

    bool empty() const { return min.x > max.x; }
    void add(const glm::vec3& p) {
        min = glm::min(min, p);
        max = glm::max(max, p);
    }
    void add(const Bounds& b) {
        if (b.empty()) return;
        add(b.min);
        add(b.max);
    }
    glm::vec3 size() const { return empty() ? glm::vec3(0) : max - min; }
    glm::vec3 centre() const { return empty() ? glm::vec3(0) : 0.5f * (min + max); }
};

}  // namespace ocop
