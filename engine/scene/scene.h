// scene::Scene: what the renderer draws. Products (shared models placed by a transform), the
// lights, the studio environment, the camera and the background. No Vulkan here.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace ocop::scene {

// A pinhole camera. `lens_shift` moves the image window in normalised device units (like a
// shift lens), so a product can be centred exactly without tilting the view.
struct Camera {
    glm::vec3 position{0.0f, 0.0f, 1.0f};
    glm::vec3 target{0.0f};
    glm::vec3 up{0.0f, 1.0f, 0.0f};
    float vertical_fov_deg = 30.0f;
    float near_m = 0.01f;
    float far_m = 100.0f;
    glm::vec2 lens_shift{0.0f};

    glm::mat4 view() const;
    // Vulkan clip space: y down, depth 0..1.
    glm::mat4 projection(float aspect) const;
};

// A punctual light as KHR_lights_punctual defines it: directional (a distant softbox or the
// sun), point, or spot with a cone. `intensity` is illuminance for a directional light (lux)
// and luminous intensity for point and spot lights (candela, so illuminance = intensity / d²
// at distance d), in the renderer's units, which the exposure scales.
struct Light {
    enum class Type { Directional, Point, Spot };
    Type type = Type::Directional;
    glm::vec3 direction{0.0f, -1.0f, 0.0f};  // where the light travels (directional, spot)
    glm::vec3 colour{1.0f};
    float intensity = 1.0f;
    glm::vec3 position{0.0f};  // point, spot
    float range_m = 0.0f;      // 0: no limit (point, spot)
    float inner_cone_deg = 0.0f;
    float outer_cone_deg = 45.0f;  // spot: full light inside the inner cone, none beyond the outer
};

// The procedural studio: a dome brighter above than below, with one round softbox.
struct StudioEnvironment {
    glm::vec3 sky{0.6f};
    glm::vec3 ground{0.25f};
    glm::vec3 softbox_direction{-0.4f, 0.8f, 0.6f};  // towards the softbox
    float softbox_radius_rad = 0.35f;
    glm::vec3 softbox_radiance{3.0f};
};

// A softbox or strip light seen from the product: an emissive panel of the studio
// environment, so that glaze and lacquer reflect its real shape.
struct EnvironmentPanel {
    glm::vec3 direction{0.0f, 1.0f, 0.0f};  // from the product towards the panel's centre
    float width_deg = 30.0f;                // angular size, horizontally and vertically
    float height_deg = 30.0f;
    bool round = false;                     // an ellipse instead of a rectangle
    glm::vec3 radiance{1.0f};               // linear RGB
    bool operator==(const EnvironmentPanel&) const = default;
};

// The light that surrounds the products: the analytic studio dome, a uniform radiance (the
// "white" furnace of the tests), an equirectangular HDR file, or a studio of emissive panels
// (a light rig). The renderer bakes the last two into image-based light once per content.
struct Environment {
    enum class Kind { Studio, Uniform, Image, Panels };
    Kind kind = Kind::Studio;
    StudioEnvironment studio;
    glm::vec3 uniform_radiance{1.0f};
    std::filesystem::path image;  // a Radiance .hdr, for Kind::Image
    // Kind::Panels: the studio's walls above the horizon, its floor below, and the panels.
    glm::vec3 wall_radiance{0.5f};
    glm::vec3 floor_radiance{0.3f};
    std::vector<EnvironmentPanel> panels;
};

// How linear radiance becomes the display's 0..1: Khronos PBR Neutral (the catalogue default:
// colours stay true), ACES (filmic, Hill's fit as three.js has it), or none (clamped).
enum class ToneMapping { PbrNeutral, Aces, Linear };
// Their names in presets, sidecars and --tonemap: "pbr-neutral", "aces", "linear".
std::string_view tone_mapping_name(ToneMapping tone_mapping);
std::optional<ToneMapping> tone_mapping_from_name(std::string_view name);

// A soft shadow on the floor under the products, where they stand (the studio's contact
// shadow). Over a transparent background it lands in the alpha channel.
struct ContactShadow {
    float opacity = 0.0f;   // 0: none
    float softness = 0.5f;  // 0: crisp .. 1: very soft
};

struct ProductInstance {
    std::shared_ptr<const assets::Model> model;
    glm::mat4 transform{1.0f};  // model space -> world (metres, Y up)
};

struct Scene {
    std::vector<ProductInstance> products;
    std::vector<Light> lights;  // the first kMaxLights (16) are drawn
    Environment environment;
    Camera camera;
    glm::vec4 background{1.0f};  // linear RGBA; (1,1,1,1) writes exactly 255 white; alpha 0: transparent
    // A linear multiplier (2^EV), fixed per preset: never automatic, so photos stay consistent.
    float exposure = 1.0f;
    ToneMapping tone_mapping = ToneMapping::PbrNeutral;
    ContactShadow contact_shadow;
    // The key lights (the first four directional or spot lights) cast shadow maps.
    bool light_shadows = true;
};

// World-space bounds of everything in the scene.
Bounds bounds(const Scene& scene);

}  // namespace ocop::scene
