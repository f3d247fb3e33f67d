#include "photo/studio.h"

#include <glm/gtc/matrix_transform.hpp>

namespace ocop::photo {

namespace {

// The default catalogue rig, in world space (the camera looks along -Z from slightly above):
// a warm-neutral key from the upper left, a soft dome and a large softbox above-front-left
// whose reflection draws the long highlight a glazed surface needs.
void add_white_studio_rig(scene::Scene& s) {
    s.lights.push_back({.direction = glm::normalize(glm::vec3(0.55f, -0.75f, -0.45f)),
                        .colour = {1.0f, 0.98f, 0.95f},
                        .illuminance = 2.2f});
    s.lights.push_back({.direction = glm::normalize(glm::vec3(-0.6f, -0.2f, -0.5f)),
                        .colour = {0.95f, 0.97f, 1.0f},
                        .illuminance = 0.5f});
    s.environment = {.sky = {0.55f, 0.55f, 0.56f},
                     .ground = {0.30f, 0.30f, 0.30f},
                     .softbox_direction = glm::normalize(glm::vec3(-0.5f, 0.7f, 0.6f)),
                     .softbox_radius_rad = 0.30f,
                     .softbox_radiance = {2.5f, 2.5f, 2.5f}};
}

}  // namespace

glm::mat4 turntable_transform(const Bounds& b, float degrees) {
    const glm::vec3 pivot{b.centre().x, b.min.y, b.centre().z};
    return glm::translate(glm::mat4(1.0f), pivot) *
           glm::rotate(glm::mat4(1.0f), glm::radians(degrees), glm::vec3(0, 1, 0)) *
           glm::translate(glm::mat4(1.0f), -pivot);
}

scene::Scene studio_scene(std::shared_ptr<const assets::Model> model, const PhotoSettings& settings) {
    scene::Scene s;
    const glm::mat4 turntable = model ? turntable_transform(model->bounds(), settings.turntable_deg) : glm::mat4(1.0f);
    s.products.push_back({std::move(model), turntable});
    add_white_studio_rig(s);
    s.background = glm::vec4(1.0f);
    s.exposure = settings.exposure;
    s.camera = frame_products(s, {.fill = settings.fill,
                                  .elevation_deg = settings.elevation_deg,
                                  .aspect = float(settings.width) / float(settings.height)});
    return s;
}

Result<render::Pixels> shoot(render::Renderer& renderer, std::shared_ptr<const assets::Model> model,
                             const PhotoSettings& settings) {
    const scene::Scene s = studio_scene(std::move(model), settings);
    return renderer.render_offscreen(s, settings.width, settings.height);
}

}  // namespace ocop::photo
