// Camera angles of a catalogue photo. The camera and the lights stay put and the product turns
// on the turntable, so every angle of every product is lit alike; `elevation_deg` raises the
// camera. A detail shot frames the upper middle of the product, closer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ocop::photo {

struct Angle {
    std::string id;
    float turntable_deg = 0.0f;  // the product turns by this much (+: its left side comes to the camera)
    float elevation_deg = 15.0f; // camera above the horizon
    float zoom = 1.0f;           // > 1: a detail, the fill times this
};

// front, three-quarter-left, three-quarter-right, side, back, top, detail, above (flat items
// from straight overhead). BadInput listing the known ids otherwise.
Result<Angle> angle_by_id(std::string_view id);
std::vector<std::string> angle_ids();

// The angles shot for a catalogue category by default ("ceramics", "lacquer", "silk"...):
// plates, trays and panels are also shot from above.
std::vector<std::string> category_angles(std::string_view category);

// "front,side" -> the angles; BadInput naming `source` and the unknown id.
Result<std::vector<Angle>> parse_angle_list(std::string_view list, const std::string& source);

}  // namespace ocop::photo
