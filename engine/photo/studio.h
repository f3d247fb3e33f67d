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

// The largest side of a frame drawn for a photo: the output size times its supersampling.
constexpr std::uint32_t kMaxRenderSide = 8192;

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
    // Size times supersampling stays within kMaxRenderSide.
    std::uint32_t supersampling = 1;
    // Keep 16 bits a channel (Pixels::rgba16) for a 16-bit PNG; else 8 bits only.
    bool sixteen_bits = false;
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

// A frame as drawn to a photo's pixels: each factor x factor block averaged in linear light (a
// box filter; 1 keeps the pixels), the colour made straight (the frame's colour is multiplied by
// coverage, as the MSAA resolve and blending average with the transparent-black clear colour,
// and PNG wants it divided by its alpha), then sRGB-encoded in 8 bits, and in 16 bits too
// (Pixels::rgba16) with `sixteen_bits`. Over an opaque background every alpha is 1 and only the
// averaging and the encoding do anything.
render::Pixels finish_photo(const render::LinearPixels& frame, std::uint32_t factor, bool sixteen_bits);

}  // namespace ocop::photo
