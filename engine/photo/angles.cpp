#include "photo/angles.h"

#include <array>

namespace ocop::photo {

namespace {

// Front and sides from a little above, as a customer looks at a product on a table. The
// turntable turns the product, not the camera: +45 brings the product's side on the viewer's
// left towards the camera.
const std::array<Angle, 8> kAngles{{
    {"front", 0.0f, 15.0f, 1.0f},
    {"three-quarter-left", 45.0f, 15.0f, 1.0f},
    {"three-quarter-right", -45.0f, 15.0f, 1.0f},
    {"side", 90.0f, 15.0f, 1.0f},
    {"back", 180.0f, 15.0f, 1.0f},
    {"top", 20.0f, 50.0f, 1.0f},  // from high up: the inside of a bowl, the lid of a box
    {"detail", 30.0f, 25.0f, 2.0f},
    {"above", 0.0f, 89.0f, 1.0f},  // straight down (89: a camera's up stays defined)
}};

}  // namespace

std::vector<std::string> angle_ids() {
    std::vector<std::string> ids;
    for (const Angle& a : kAngles) ids.push_back(a.id);
    return ids;
}

Result<Angle> angle_by_id(std::string_view id) {
    for (const Angle& a : kAngles)
        if (a.id == id) return a;
    std::string known;
    for (const Angle& a : kAngles) known += (known.empty() ? "" : ", ") + a.id;
    return bad_input("angle '" + std::string(id) + "'", "unknown angle (known: " + known + ")");
}

std::vector<std::string> category_angles(std::string_view category) {
    // Four angles a product: what a shop page shows. Flat things (trays, panels, boxes, food,
    // baskets) are also shot from straight above; garments from the back.
    if (category == "ceramics") return {"front", "three-quarter-left", "side", "top"};
    if (category == "lacquer" || category == "mother-of-pearl")
        return {"front", "three-quarter-left", "three-quarter-right", "above"};
    if (category == "silk" || category == "ao-dai") return {"front", "three-quarter-left", "side", "back"};
    if (category == "food" || category == "rattan") return {"front", "three-quarter-left", "side", "above"};
    return {"front", "three-quarter-left", "three-quarter-right", "back"};
}

Result<std::vector<Angle>> parse_angle_list(std::string_view list, const std::string& source) {
    std::vector<Angle> angles;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        const std::string_view id = list.substr(start, comma - start);
        if (id.empty()) return bad_input(source, "an empty angle in '" + std::string(list) + "'");
        Result<Angle> angle = angle_by_id(id);
        if (!angle) return bad_input(source, angle.error().message());
        angles.push_back(angle.value());
        start = comma + 1;
    }
    return angles;
}

}  // namespace ocop::photo
