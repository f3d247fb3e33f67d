// photo::Studio: a product, a fixed light rig and a framed camera -> a catalogue photo.
// Every photo of every product uses the same rig and exposure, so a catalogue is consistent.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "assets/model.h"
#include "core/result.h"
#include "photo/framing.h"
#include "photo/light_rig.h"
#include "render/renderer.h"
#include "scene/scene.h"

namespace ocop::photo {

// A camera on a sphere about a target, as <model-viewer>'s camera-orbit (three.js Spherical):
// camera = target + radius * (sin(phi) sin(theta), cos(phi), sin(phi) cos(theta)). theta 0 looks
// at the front (+Z side) and grows towards +X; phi is from +Y (90: level, less: looking down).
struct Orbit {
    float theta_deg = 0.0f;
    float phi_deg = 70.0f;
    std::optional<float> radius_m;  // none: as far as the product needs to fill the frame
};

struct PhotoSettings {
    std::uint32_t width = 2048;
    std::uint32_t height = 2048;
    float fill = 0.85f;
    // The product turns on a turntable (about its base centre) while camera and lights stay
    // put: every angle of every product is lit the same way.
    float turntable_deg = 0.0f;
    float elevation_deg = 20.0f;
    // Frame the whole cylinder the product sweeps on the turntable, not its current pose: every
    // frame of a turntable sequence then has the same camera and the product the same size.
    bool frame_whole_turn = false;
    // Raises the framed product's centre by this share of the frame's height: centred in the
    // part above a brand strip along the bottom.
    float raise = 0.0f;
    // Instead of the framed front view: an exact orbit camera (reference comparisons).
    std::optional<Orbit> orbit;
    std::optional<glm::vec3> target;  // the orbit's centre; default: the centre of the bounds
    float vertical_fov_deg = 25.0f;
    float exposure_ev = 0.0f;  // the radiance is scaled by 2^EV
    scene::ToneMapping tone_mapping = scene::ToneMapping::PbrNeutral;
    scene::Environment environment;  // default: the studio dome and softbox
    std::optional<LightRig> rig;     // a light rig instead: its panels and its lights
    bool lights = true;              // the rig's key and fill lights
    bool shadow = true;              // the soft contact shadow on the floor under the product
    bool light_shadows = true;       // the key lights' shadow maps (the product shading itself)
    glm::vec4 background{1.0f};      // linear RGBA; alpha 0: transparent
    // Rendered at this many times the size in each direction, then averaged down (in linear
    // light) to the output size: smoother edges and texture detail than 4x MSAA alone.
    std::uint32_t supersampling = 1;
};

// The turntable: a product with these bounds turned by `degrees` about the vertical axis
// through the centre of its base. (Bounds, measured once: a preview turns it every frame.)
glm::mat4 turntable_transform(const Bounds& product_bounds, float degrees);

// The scene for one catalogue photo: the product on the turntable, the default white-studio
// rig (key light, dome, softbox) unless the settings say otherwise, the camera framed for
// `settings`, the background.
scene::Scene studio_scene(std::shared_ptr<const assets::Model> model, const PhotoSettings& settings);

// `camera`, when given, receives the camera the photo was taken with (sidecars).
Result<render::Pixels> shoot(render::Renderer& renderer, std::shared_ptr<const assets::Model> model,
                             const PhotoSettings& settings, scene::Camera* camera = nullptr);

// Renders a prepared scene (a product in its centre) as a photo: supersampled and averaged
// down as `settings` say, straight alpha when the background is transparent.
Result<render::Pixels> shoot_scene(render::Renderer& renderer, const scene::Scene& scene, const PhotoSettings& settings);

// The renderer's pixels over a transparent background hold colour multiplied by coverage (the
// MSAA resolve and blending average with the clear colour, transparent black). PNG wants
// straight alpha: each colour divided by its alpha, in linear light.
render::Pixels unpremultiply(const render::Pixels& pixels);

// Averages each factor x factor block of `pixels` (sRGB-encoded RGBA8, straight alpha) in
// linear light, weighted by alpha so a transparent background does not darken the edges.
render::Pixels downsample(const render::Pixels& pixels, std::uint32_t factor);

}  // namespace ocop::photo
