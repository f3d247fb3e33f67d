#include "photo/in_centre.h"

#include <cmath>

#include "photo/framing.h"

namespace ocop::photo {

Result<scene::Scene> in_centre_scene(const scene::Centre& centre, const scene::Catalogue& catalogue,
                                     const scene::Brand& brand, scene::ProductLibrary& library, std::string_view sku,
                                     const Preset& preset, const Angle& angle) {
    const std::string file = centre.source.string();
    const scene::Placement* placement = nullptr;
    for (const scene::Placement& p : centre.placements)
        if (p.product == sku) {
            placement = &p;
            break;
        }
    if (!placement) return bad_input(file, "the centre displays no product '" + std::string(sku) + "'");
    const scene::Fixture* fixture = nullptr;
    for (const scene::Fixture& f : centre.fixtures)
        if (f.id == placement->on) fixture = &f;
    const scene::Product* product = catalogue.find(sku);
    if (!fixture || !product) return bad_input(file, "placement of '" + std::string(sku) + "' is not valid: run showroom check");

    Result<scene::CentreScene> built = scene::build(centre, catalogue, brand, library, {});
    if (!built) return built.error();
    Result<std::shared_ptr<const assets::Model>> light = library.model(catalogue, *product);
    if (!light) return light.error();
    // The library may keep lighter versions for the room; the product photographed is the scan.
    Result<assets::Model> full = scene::import_product(catalogue, *product, library.samples_dir());
    if (!full) return full.error();
    const auto model = std::make_shared<const assets::Model>(std::move(full).value());

    // The product's own vertices where it stands: the framing follows its silhouette.
    const glm::mat4 world = scene::placement_transform(*fixture, *placement);
    const std::vector<glm::vec3> points = model_points(*model, world);
    // Seen from the fixture's front (+Z of the fixture), turned as the angle says.
    const glm::vec3 front = glm::vec3(world * glm::vec4(0.0f, 0.0f, 1.0f, 0.0f));
    const float azimuth = glm::degrees(std::atan2(front.x, front.z)) - angle.turntable_deg;
    scene::Scene s = std::move(built->scene);
    for (scene::ProductInstance& instance : s.products)
        if (instance.model == *light && instance.transform == world) instance.model = model;
    s.camera = frame_points(points, {.fill = preset.fill * angle.zoom,
                                     .elevation_deg = angle.elevation_deg,
                                     .azimuth_deg = azimuth,
                                     .vertical_fov_deg = preset.vertical_fov_deg,
                                     .aspect = float(preset.width) / float(preset.height)});
    // The room behind the product is the background: open the depth range to all of it.
    s.camera.near_m = 0.05f;
    s.camera.far_m = 200.0f;
    s.exposure *= std::exp2(preset.exposure_ev);
    return s;
}

}  // namespace ocop::photo
