#include "scene/build.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/import.h"
#include "assets/process.h"
#include "core/colour.h"
#include "scene/fixtures.h"
#include "scene/labels.h"
#include "scene/room_model.h"

namespace ocop::scene {
namespace build_detail {

constexpr std::size_t kMaxDrawnLights = 16;  // the renderer's limit (shaders/shared.h)
// A centre's exposure_ev is a compensation around EV100 7, a well-lit shop interior; the
// photographic exposure 1 / (1.2 * 2^EV100) then maps its lux and candela to the display.
constexpr float kInteriorEv100 = 7.0f;
constexpr float kEyeFovDeg = 55.0f;

std::string placement_where(std::size_t index) { return "placements[" + std::to_string(index) + "]"; }

// Where a light aimed at a fixture points: the middle of its slots, a little above them (where
// the products are); a fixture without slots at its middle.
glm::vec3 fixture_aim_point(const Fixture& f) {
    const std::vector<Slot> slots = fixture_slots(f);
    if (slots.empty()) return f.pos + glm::vec3(0.0f, 0.5f * f.size.y, 0.0f);
    glm::vec3 sum(0.0f);
    for (const Slot& slot : slots) sum += slot.position;
    const glm::vec3 middle = sum / static_cast<float>(slots.size()) + glm::vec3(0.0f, 0.15f, 0.0f);
    return glm::vec3(fixture_transform(f) * glm::vec4(middle, 1.0f));
}

// Where a tag stands on the slot: in front of the product, inside the slot's depth.
glm::vec3 tag_offset(const Product& product, const Slot& slot) {
    const float half_depth = product.dimensions_cm.z / 200.0f;
    const float front = slot.max_footprint.y * 0.5f - 0.035f;
    return {std::min(product.dimensions_cm.x / 200.0f + 0.06f, slot.max_footprint.x * 0.5f - 0.05f) *
                (half_depth + 0.05f > front ? 1.0f : 0.0f),
            0.0f, std::max(0.0f, std::min(half_depth + 0.05f, front))};
}

Light centre_light(const Centre& centre, const CentreLight& l) {
    Light light;
    light.colour = kelvin_to_rgb(l.kelvin);
    light.intensity = l.intensity;
    light.position = l.pos;
    glm::vec3 target = l.pos + glm::vec3(0.0f, -1.0f, 0.0f);
    if (l.aim_at) target = *l.aim_at;
    else if (const Fixture* f = centre.find_fixture(l.aim)) target = fixture_aim_point(*f);
    const glm::vec3 d = target - l.pos;
    light.direction = glm::length(d) > 1e-4f ? glm::normalize(d) : glm::vec3(0.0f, -1.0f, 0.0f);
    switch (l.type) {
        case CentreLight::Type::Spot:
            light.type = Light::Type::Spot;
            light.outer_cone_deg = 0.5f * l.cone_deg;
            light.inner_cone_deg = 0.35f * l.cone_deg;
            break;
        case CentreLight::Type::Point: light.type = Light::Type::Point; break;
        case CentreLight::Type::Directional: light.type = Light::Type::Directional; break;
    }
    return light;
}

// The interior's ambient light: warm walls and floor, the ceiling's panels overhead. Values
// are radiance in the same units as the lights (about 150 lux of ambient light).
Environment interior_environment(const CentreEnvironment& env, const Centre& centre) {
    Environment e;
    if (env.type == "hdr" && !env.hdr.empty()) {
        e.kind = Environment::Kind::Image;
        e.image = centre.source.parent_path() / env.hdr;
        return e;
    }
    const bool daylight = env.rig == "daylight";
    const glm::vec3 warm = kelvin_to_rgb(daylight ? 5500.0f : 3800.0f);
    e.kind = Environment::Kind::Panels;
    e.wall_radiance = 30.0f * warm;
    e.floor_radiance = 40.0f * warm;  // the lit floor is what the ceiling sees
    e.panels.push_back({.direction = {0.0f, 1.0f, 0.0f}, .width_deg = 110.0f, .height_deg = 110.0f,
                        .round = true, .radiance = 60.0f * warm});
    return e;
}

}  // namespace build_detail

Result<assets::Model> import_product(const Catalogue& catalogue, const Product& product,
                                     const std::filesystem::path& samples_dir, assets::ImportOptions base) {
    assets::ImportOptions& options = base;
    if (auto units = assets::parse_units(product.units)) options.units = *units;
    if (auto up = assets::parse_up_axis(product.up)) options.up = *up;
    options.real_size_m = product.dimensions_cm / 100.0f;
    return assets::import(model_path(catalogue, product, samples_dir), options);
}

Result<std::shared_ptr<const assets::Model>> ProductLibrary::model(const Catalogue& catalogue, const Product& product) {
    const std::string key = model_path(catalogue, product, samples_dir_).string();
    if (auto it = models_.find(key); it != models_.end()) return it->second;
    assets::ImportOptions options;
    options.limits = limits_;
    Result<assets::Model> imported = import_product(catalogue, product, samples_dir_, options);
    if (!imported) return imported.error();
    if (max_triangles_ > 0 && imported->triangle_count() > max_triangles_) {
        (void)assets::fit_triangle_budget(imported.value(), max_triangles_, key);  // as light as it gets
        assets::downscale_textures(imported.value(), max_texture_);
    }
    // Coarser levels for the far end of a room: the renderer picks one by screen size.
    if (max_triangles_ > 0)
        for (assets::Mesh& mesh : imported->meshes) assets::build_lods(mesh, 64);
    auto shared = std::make_shared<const assets::Model>(std::move(imported).value());
    models_.emplace(key, shared);
    return shared;
}

glm::mat4 placement_transform(const Fixture& fixture, const Placement& placement) {
    const std::vector<Slot> slots = fixture_slots(fixture);
    glm::mat4 m = fixture_transform(fixture);
    if (placement.slot >= 0 && placement.slot < static_cast<int>(slots.size()))
        m = glm::translate(m, slots[static_cast<std::size_t>(placement.slot)].position);
    return glm::rotate(m, glm::radians(placement.yaw_deg), glm::vec3(0.0f, 1.0f, 0.0f));
}

Result<CentreScene> build(const Centre& centre, const Catalogue& catalogue, const Brand& brand,
                          ProductLibrary& library, const BuildOptions& options) {
    using namespace build_detail;
    const std::string file = centre.source.string();
    CentreScene out;
    Scene& scene = out.scene;

    for (const Room& room : centre.rooms) {
        scene.products.push_back({std::make_shared<const assets::Model>(room_model(room)), glm::mat4(1.0f)});
        out.items.push_back({SceneItem::Kind::Room, room.id});
    }

    // Fixtures of the same type, size and print share one model.
    std::map<std::string, std::shared_ptr<const assets::Model>> fixture_models;
    for (const Fixture& f : centre.fixtures) {
        const std::string key = f.type + "|" + std::to_string(f.size.x) + "," + std::to_string(f.size.y) + "," +
                                std::to_string(f.size.z) + "|" + f.text.vi + "|" + f.text.en + "|" + f.graphic;
        auto [it, fresh] = fixture_models.try_emplace(key);
        if (fresh) it->second = std::make_shared<const assets::Model>(fixture_model(f, brand));
        scene.products.push_back({it->second, fixture_transform(f)});
        out.items.push_back({SceneItem::Kind::Fixture, f.id});
    }

    std::map<std::string, std::shared_ptr<const assets::Model>> tags;
    for (std::size_t i = 0; i < centre.placements.size(); ++i) {
        const Placement& p = centre.placements[i];
        const Product* product = catalogue.find(p.product);
        if (!product) return bad_input(file, "no product " + p.product + " in the catalogue", placement_where(i) + ".product");
        const Fixture* fixture = centre.find_fixture(p.on);
        if (!fixture) return bad_input(file, "no fixture " + p.on, placement_where(i) + ".on");
        const std::vector<Slot> slots = fixture_slots(*fixture);
        if (p.slot < 0 || p.slot >= static_cast<int>(slots.size()))
            return bad_input(file, "fixture " + p.on + " has no slot " + std::to_string(p.slot), placement_where(i) + ".slot");
        Result<std::shared_ptr<const assets::Model>> model = library.model(catalogue, *product);
        if (!model) return model.error();
        const glm::mat4 transform = placement_transform(*fixture, p);
        scene.products.push_back({*model, transform});
        out.items.push_back({SceneItem::Kind::Product, product->sku, p.on});
        ++out.placements;
        if (p.label) {
            auto [it, fresh] = tags.try_emplace(product->sku);
            if (fresh) it->second = std::make_shared<const assets::Model>(price_tag_model(*product, brand));
            const Slot& slot = slots[static_cast<std::size_t>(p.slot)];
            const glm::mat4 on_slot = glm::translate(fixture_transform(*fixture), slot.position);
            scene.products.push_back({it->second, glm::translate(on_slot, tag_offset(*product, slot))});
            out.items.push_back({SceneItem::Kind::PriceTag, product->sku, p.on});
        }
    }

    // The camera.
    const Waypoint* waypoint = nullptr;
    const std::string wanted = options.waypoint.empty() ? centre.tour.start : options.waypoint;
    waypoint = centre.find_waypoint(wanted);
    if (!waypoint && options.waypoint.empty() && !centre.tour.waypoints.empty()) waypoint = &centre.tour.waypoints.front();
    if (!waypoint) {
        std::string known;
        for (const Waypoint& w : centre.tour.waypoints) known += (known.empty() ? "" : ", ") + w.id;
        return bad_input(file, "no waypoint \"" + wanted + "\" (the tour has: " + (known.empty() ? "none" : known) + ")", "tour");
    }
    scene.camera.position = waypoint->pos;
    scene.camera.target = waypoint->look_at;
    scene.camera.vertical_fov_deg = kEyeFovDeg;
    scene.camera.near_m = 0.05f;
    scene.camera.far_m = 200.0f;

    // The lights nearest the eye, directional ones first: the renderer draws 16.
    std::vector<Light> lights;
    for (const CentreLight& l : centre.lights) lights.push_back(centre_light(centre, l));
    out.all_lights = lights;
    std::stable_sort(lights.begin(), lights.end(), [&](const Light& a, const Light& b) {
        const bool da = a.type == Light::Type::Directional, db = b.type == Light::Type::Directional;
        if (da != db) return da;
        return glm::length(a.position - waypoint->look_at) < glm::length(b.position - waypoint->look_at);
    });
    if (lights.size() > kMaxDrawnLights) {
        out.warnings.push_back(std::to_string(lights.size() - kMaxDrawnLights) + " of " + std::to_string(lights.size()) +
                               " lights are not drawn from this waypoint (the renderer draws the 16 nearest)");
        lights.resize(kMaxDrawnLights);
    }
    scene.lights = std::move(lights);

    scene.environment = interior_environment(centre.environment, centre);
    scene.exposure = std::exp2(centre.environment.exposure_ev) / (1.2f * std::exp2(kInteriorEv100));
    scene.tone_mapping = ToneMapping::PbrNeutral;
    scene.background = {0.05f, 0.05f, 0.05f, 1.0f};
    scene.contact_shadow.opacity = 0.0f;
    return out;
}

}  // namespace ocop::scene
