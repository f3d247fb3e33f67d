#include "export/centre_glb.h"

#include <map>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "core/decimal.h"

namespace ocop::exporter {
namespace {

using Json = nlohmann::ordered_json;

Json local_text_json(const scene::LocalText& text) { return {{"vi", text.vi}, {"en", text.en}}; }

std::string item_node_name(const scene::SceneItem& item) {
    switch (item.kind) {
        case scene::SceneItem::Kind::Room: return "room:" + item.id;
        case scene::SceneItem::Kind::Fixture: return "fixture:" + item.id;
        case scene::SceneItem::Kind::Product: return item.id;
        case scene::SceneItem::Kind::PriceTag: return "tag:" + item.id;
    }
    return item.id;
}

}  // namespace

GlbScene centre_glb_scene(const scene::Centre& centre, const scene::Catalogue& catalogue,
                          const scene::CentreScene& built) {
    GlbScene out;
    out.name = centre.name.en.empty() ? centre.name.vi : centre.name.en;
    if (out.name.empty()) out.name = centre.source.stem().stem().string();
    out.copyright = "© " + (centre.name.vi.empty() ? out.name : centre.name.vi) +
                    (centre.commune.empty() ? std::string() : ", " + centre.commune);
    out.extras = {{"ocop_centre",
                   {{"name", local_text_json(centre.name)},
                    {"commune", centre.commune},
                    {"district", centre.district},
                    {"start", centre.tour.start}}}};

    std::map<const assets::Model*, int> model_index;
    const std::vector<scene::ProductInstance>& instances = built.scene.products;
    for (std::size_t i = 0; i < instances.size(); ++i) {
        const assets::Model* model = instances[i].model.get();
        auto [it, fresh] = model_index.try_emplace(model, static_cast<int>(out.models.size()));
        if (fresh) out.models.push_back(model);
        GlbNode node{.name = {}, .transform = instances[i].transform, .model = it->second, .light = {},
                     .camera_vertical_fov_deg = {}, .extras = nullptr};
        if (i < built.items.size()) {
            const scene::SceneItem& item = built.items[i];
            node.name = item_node_name(item);
            if (item.kind == scene::SceneItem::Kind::Product)
                if (const scene::Product* product = catalogue.find(item.id))
                    node.extras = {{"ocop", product_extras(*product)}};
        }
        out.nodes.push_back(std::move(node));
    }

    for (std::size_t i = 0; i < built.all_lights.size(); ++i) {
        const scene::Light& light = built.all_lights[i];
        out.nodes.push_back({.name = "light:" + std::to_string(i),
                             .transform = node_looking_along(light.position, light.direction),
                             .model = -1, .light = light, .camera_vertical_fov_deg = {}, .extras = nullptr});
    }

    const std::vector<scene::Waypoint>& waypoints = centre.tour.waypoints;
    for (std::size_t i = 0; i < waypoints.size(); ++i) {
        const scene::Waypoint& w = waypoints[i];
        out.nodes.push_back({.name = "waypoint:" + w.id,
                             .transform = node_looking_along(w.pos, w.look_at - w.pos),
                             .model = -1, .light = {},
                             .camera_vertical_fov_deg = built.scene.camera.vertical_fov_deg,
                             .extras = {{"waypoint",
                                         {{"id", w.id},
                                          {"order", i},
                                          {"start", w.id == centre.tour.start},
                                          {"caption", local_text_json(w.caption)},
                                          {"look_at", {shortest_double(w.look_at.x), shortest_double(w.look_at.y), shortest_double(w.look_at.z)}}}}}});
    }

    for (const scene::Zone& zone : centre.zones) {
        const glm::vec2 middle = 0.5f * (zone.min + zone.max);
        out.nodes.push_back({.name = "zone:" + zone.id,
                             .transform = glm::translate(glm::mat4(1.0f), glm::vec3(middle.x, 0.0f, middle.y)),
                             .model = -1, .light = {}, .camera_vertical_fov_deg = {},
                             .extras = {{"zone",
                                         {{"id", zone.id},
                                          {"function", std::string(scene::to_string(zone.function))},
                                          {"room", zone.room},
                                          {"name", local_text_json(zone.name)},
                                          {"min", {shortest_double(zone.min.x), shortest_double(zone.min.y)}},
                                          {"max", {shortest_double(zone.max.x), shortest_double(zone.max.y)}}}}}});
    }
    return out;
}

}  // namespace ocop::exporter
