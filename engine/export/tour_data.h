// tour.json (`ocop-tour/1`): what the browser tour needs besides the centre GLB: names and
// captions in both languages, the brand, where visitors may walk, and each product's card
// (docs/tour.md). CPU only.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "scene/brand.h"
#include "scene/build.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

namespace ocop::exporter {

// Files of the tour folder that tour.json names, relative to it; empty: absent (null).
struct TourFiles {
    std::string scene = "centre.glb";
    std::string logo;
    std::string font_regular;
    std::string font_bold;
    std::map<std::string, std::string> product_models;  // SKU -> "products/SKU.glb"
};

// Wall segments in plan (x0, z0, x1, z1), doors cut out: every room's walls, in outline order.
std::vector<glm::vec4> walkable_walls(const scene::Centre& centre);

nlohmann::ordered_json tour_json(const scene::Centre& centre, const scene::Catalogue& catalogue,
                                 const scene::Brand& brand, const scene::CentreScene& built,
                                 const TourFiles& files);

}  // namespace ocop::exporter
