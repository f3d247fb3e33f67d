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

// The thresholds the rules use (docs/criteria.md gives the reason for each number).
float minimum_zone_area(ZoneFunction function);  // m², summed over the zones of that function
inline constexpr float kWalkwayClearWidth = 1.2f;  // m, a wheelchair and a person passing
inline constexpr float kWalkwayCell = 0.05f;       // m, the walkway grid's resolution
inline constexpr float kReachDistance = 0.9f;      // m, from a wheelchair to a fixture's edge
inline constexpr float kOverlapTolerance = 0.01f;  // m, what a fitter can touch without a clash

// Every finding; an empty list means the layout is compliant.
std::vector<Finding> check_centre(const Centre& centre, const Catalogue& catalogue);

}  // namespace ocop::scene
