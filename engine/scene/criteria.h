// The centre criteria check (`showroom check`): does a layout meet what the city asks of a
// centre? Rules and their thresholds: docs/criteria.md. CPU only.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/catalogue.h"
#include "scene/centre.h"

namespace ocop::scene {

struct Finding {
    std::string rule;     // "four-spaces", "zone-area", "placement", "overlap", "walkway", ...
    std::string object;   // what it is about, e.g. "fixture plinth-3"
    std::string where;    // JSON path in the centre file, e.g. "fixtures[4]"
    glm::vec2 at{0.0f};   // plan position (x, z) in metres, for the app to point at
    std::string message;  // one sentence
};

// Every finding; an empty list means the layout is compliant.
std::vector<Finding> check_centre(const Centre& centre, const Catalogue& catalogue);

}  // namespace ocop::scene
