// photo::Studio: a product, a fixed light rig and a framed camera -> a catalogue photo.
// Every photo of every product uses the same rig and exposure, so a catalogue is consistent.
#pragma once

#include <cstdint>
#include <memory>

#include "assets/model.h"
#include "core/result.h"
#include "photo/framing.h"
#include "render/renderer.h"
#include "scene/scene.h"

namespace ocop::photo {

struct PhotoSettings {
    std::uint32_t width = 2048;
    std::uint32_t height = 2048;
    float fill = 0.85f;
    // The product turns on a turntable (about its base centre) while camera and lights stay
    // put: every angle of every product is lit the same way.
    float turntable_deg = 0.0f;
    float elevation_deg = 20.0f;
    float exposure = 1.0f;
};

// The turntable: a product with these bounds turned by `degrees` about the vertical axis
// through the centre of its base. (Bounds, measured once: a preview turns it every frame.)
glm::mat4 turntable_transform(const Bounds& product_bounds, float degrees);

// The scene for one catalogue photo: the product on the turntable, the default white-studio
// rig (key light, dome, softbox), the camera framed for `settings`, a pure white background.
scene::Scene studio_scene(std::shared_ptr<const assets::Model> model, const PhotoSettings& settings);

Result<render::Pixels> shoot(render::Renderer& renderer, std::shared_ptr<const assets::Model> model,
                             const PhotoSettings& settings);

}  // namespace ocop::photo
