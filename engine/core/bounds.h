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

// The box around `b` placed by `m`: its 8 corners, transformed. Exact under a translation, and
// a box that still holds what `b` held under a turn or any other transform.
inline Bounds transformed(const Bounds& b, const glm::mat4& m) {
    Bounds out;
    if (b.empty()) return out;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 c{corner & 1 ? b.max.x : b.min.x, corner & 2 ? b.max.y : b.min.y,
                          corner & 4 ? b.max.z : b.min.z};
        out.add(glm::vec3(m * glm::vec4(c, 1.0f)));
    }
    return out;
}

}  // namespace ocop
