#include "export/tour_data.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include <glm/gtc/constants.hpp>

#include "core/decimal.h"

#include "scene/fixtures.h"

namespace ocop::exporter {
namespace {

using Json = nlohmann::ordered_json;

constexpr float kEyeHeightM = 1.6f;

Json text_json(const scene::LocalText& text) { return {{"vi", text.vi}, {"en", text.en}}; }
double num(float v) { return shortest_double(v); }
Json vec3_array(glm::vec3 v) { return {num(v.x), num(v.y), num(v.z)}; }
Json vec2_array(glm::vec2 v) { return {num(v.x), num(v.y)}; }
Json file_or_null(const std::string& file) { return file.empty() ? Json(nullptr) : Json(file); }

// Ambient light for the web renderer's hemisphere light: irradiance (pi x the mean radiance)
// from above and below, from the same interior environment the photos use.
std::pair<glm::vec3, glm::vec3> hemisphere_irradiance(const scene::Environment& e) {
    if (e.kind != scene::Environment::Kind::Panels) return {glm::vec3(100.0f), glm::vec3(60.0f)};
    glm::vec3 above = e.wall_radiance;
    for (const scene::EnvironmentPanel& panel : e.panels) {
        if (panel.direction.y <= 0.0f) continue;
        // The panel's share of the upper hemisphere, roughly (its angular extent over 180 x 90).
        const float share = std::min(1.0f, panel.width_deg * panel.height_deg / (180.0f * 90.0f));
        above = glm::mix(above, panel.radiance, share);
    }
    return {glm::pi<float>() * above, glm::pi<float>() * e.floor_radiance};
}

Json product_card(const scene::Product& p, const std::string& model) {
    return {{"name", text_json(p.name)},
            {"category", p.category},
            {"stars", p.ocop_stars},
            {"ocop_year", p.ocop_year},
            {"producer", p.producer},
            {"commune", p.commune},
            {"district", p.district},
            {"price_vnd", p.price_vnd},
            {"price", scene::format_price_vnd(p.price_vnd)},
            {"story", text_json(p.story)},
            {"dimensions_cm", vec3_array(p.dimensions_cm)},
            {"model", file_or_null(model)}};
}

}  // namespace

std::vector<glm::vec4> walkable_walls(const scene::Centre& centre) {
    std::vector<glm::vec4> walls;
    for (const scene::Room& room : centre.rooms) {
        const std::size_t n = room.outline.size();
        for (std::size_t i = 0; i < n; ++i) {
            const glm::vec2 a = room.outline[i], b = room.outline[(i + 1) % n];
            const float length = glm::length(b - a);
            if (length < 1e-4f) continue;
            std::vector<std::pair<float, float>> openings;
            for (const scene::Door& door : room.doors)
                if (door.wall == static_cast<int>(i)) openings.emplace_back(door.at_m, door.at_m + door.width_m);
            std::sort(openings.begin(), openings.end());
            float from = 0.0f;
            const auto add = [&](float t0, float t1) {
                t0 = std::clamp(t0, 0.0f, length);
                t1 = std::clamp(t1, 0.0f, length);
                if (t1 - t0 < 1e-3f) return;
                const glm::vec2 p0 = a + (b - a) * (t0 / length), p1 = a + (b - a) * (t1 / length);
                walls.emplace_back(p0.x, p0.y, p1.x, p1.y);
            };
            for (const auto& [start, end] : openings) {
                add(from, start);
                from = std::max(from, end);
            }
            add(from, length);
        }
    }
    return walls;
}

Json tour_json(const scene::Centre& centre, const scene::Catalogue& catalogue, const scene::Brand& brand,
               const scene::CentreScene& built, const TourFiles& files) {
    Json doc;
    doc["format"] = "ocop-tour/1";
    doc["centre"] = {{"name", text_json(centre.name)}, {"commune", centre.commune}, {"district", centre.district}};
    doc["brand"] = {{"name", text_json(brand.name)},
                    {"primary", scene::to_hex_colour(brand.primary)},
                    {"secondary", scene::to_hex_colour(brand.secondary)},
                    {"paper", scene::to_hex_colour(brand.paper)},
                    {"ink", scene::to_hex_colour(brand.ink)},
                    {"logo", file_or_null(files.logo)},
                    {"font_regular", file_or_null(files.font_regular)},
                    {"font_bold", file_or_null(files.font_bold)}};
    doc["scene"] = files.scene;
    doc["eye_height_m"] = num(kEyeHeightM);
    doc["exposure"] = num(built.scene.exposure);
    const auto [sky, ground] = hemisphere_irradiance(built.scene.environment);
    doc["ambient"] = {{"sky", vec3_array(sky)}, {"ground", vec3_array(ground)}};
    doc["start"] = centre.tour.start.empty() && !centre.tour.waypoints.empty() ? centre.tour.waypoints.front().id
                                                                               : centre.tour.start;
    Json waypoints = Json::array();
    for (const scene::Waypoint& w : centre.tour.waypoints)
        waypoints.push_back({{"id", w.id}, {"pos", vec3_array(w.pos)}, {"look_at", vec3_array(w.look_at)},
                             {"caption", text_json(w.caption)}});
    doc["waypoints"] = std::move(waypoints);
    Json zones = Json::array();
    for (const scene::Zone& z : centre.zones)
        zones.push_back({{"id", z.id},
                         {"function", std::string(scene::to_string(z.function))},
                         {"room", z.room},
                         {"name", text_json(z.name)},
                         {"min", vec2_array(z.min)},
                         {"max", vec2_array(z.max)}});
    doc["zones"] = std::move(zones);
    Json walls = Json::array();
    for (const glm::vec4& w : walkable_walls(centre)) walls.push_back({num(w.x), num(w.y), num(w.z), num(w.w)});
    doc["walls"] = std::move(walls);
    // Floor fixtures block the way; wall fixtures stand against a wall that already does.
    Json obstacles = Json::array();
    for (const scene::Fixture& f : centre.fixtures) {
        const scene::FixtureType* type = scene::find_fixture_type(f.type);
        if (!type || type->mount != scene::FixtureMount::Floor) continue;
        obstacles.push_back({{"id", f.id},
                             {"centre", vec2_array({f.pos.x, f.pos.z})},
                             {"half_size", vec2_array(0.5f * glm::vec2(f.size.x, f.size.z))},
                             {"yaw_deg", num(f.yaw_deg)}});
    }
    doc["obstacles"] = std::move(obstacles);
    Json products = Json::object();
    std::set<std::string> placed;
    for (const scene::SceneItem& item : built.items)
        if (item.kind == scene::SceneItem::Kind::Product) placed.insert(item.id);
    for (const scene::Product& p : catalogue.products) {
        if (!placed.count(p.sku)) continue;
        const auto model = files.product_models.find(p.sku);
        products[p.sku] = product_card(p, model == files.product_models.end() ? std::string() : model->second);
    }
    doc["products"] = std::move(products);
    return doc;
}

}  // namespace ocop::exporter
