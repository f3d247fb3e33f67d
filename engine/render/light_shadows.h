// The key lights' shadow maps. The first four directional or spot lights of a scene each get a
// depth image of the scene as that light sees it; pbr.frag compares against it, filtered over
// a few texels (PCF), to darken what the light does not reach: a vase's shadow on its plinth,
// a teapot's on the cup beside it. Point lights cast none (they would need six faces each).
// The maps depend on the lights and the geometry only, not on the camera: a frame that moves
// the camera only reuses them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/bounds.h"
#include "render/pbr_pass.h"
#include "render/resources.h"
#include "scene/scene.h"
#include "shared.h"

namespace ocop::render {

class Context;

constexpr std::uint32_t kShadowMapSize = 1024;
constexpr VkFormat kShadowMapFormat = VK_FORMAT_D32_SFLOAT;

// Where a light's shadow map looks from.
struct ShadowView {
    glm::mat4 view_proj{1.0f};  // world -> Vulkan clip space (depth 0..1)
    glm::vec3 eye{0.0f};        // the light's position (spot); the map's centre (directional)
    // A texel's size in metres: at one metre from the light for a spot, everywhere for a
    // directional light. The shader's normal offset and the caster's level of detail use it.
    float texel_m = 0.0f;
    bool perspective = false;  // a spot's cone; else a directional light's box
};

// The shadow view of `light` over the scene's bounds, or nothing when it casts no map: a point
// light, an empty scene, or a spot that none of the scene lies in front of.
std::optional<ShadowView> shadow_view(const scene::Light& light, const Bounds& scene_bounds);

// One light that casts a shadow map: its index in the scene's lights and its map's layer.
struct ShadowedLight {
    std::size_t light = 0;
    std::uint32_t layer = 0;
    ShadowView view;
};

// The first gpu::kMaxShadowedLights directional or spot lights among the drawn ones (the first
// gpu::kMaxLights) that have a shadow view, in the scene's order: a centre lists the lights
// nearest the view first, a light rig its key light first.
std::vector<ShadowedLight> shadowed_lights(const std::vector<scene::Light>& lights, const Bounds& scene_bounds);

struct LightShadows {
    Image maps;  // kShadowMapFormat, kShadowMapSize² (or 1² until needed), one layer per shadowed light
    std::array<Owned<VkImageView>, gpu::kMaxShadowedLights> layer_views;  // each light's depth target
    Owned<VkSampler> sampler;  // compares depth, filters linearly: each lookup is a 2x2 PCF
    Owned<VkPipeline> caster;  // depth only
    // What the maps hold now (shadow_content_key), 0 for nothing: an unchanged scene is not
    // drawn again.
    std::uint64_t content = 0;
};

// Maps of `size`² texels: kShadowMapSize to draw shadows, 1 as a stand-in that costs no memory
// until a scene has a key light. The caster pipeline uses the PBR pipeline's layout (the
// frame's set, the draw's push constants).
Result<LightShadows> create_light_shadows(const Context& ctx, const PbrPipeline& pbr, std::uint32_t size);

// A key for what the maps would hold: the lights' views and every draw (model and transform).
// `uploads` counts the renderer's model uploads, so a model re-uploaded at the address of a
// freed one never matches.
std::uint64_t shadow_content_key(const std::vector<PbrDraw>& draws, const std::vector<ShadowedLight>& lights,
                                 std::uint64_t uploads);

// Before the main pass: draws each shadowed light's map from its view (the frame uniforms'
// shadow_view_proj) and leaves the maps ready to be sampled. Opaque and masked materials cast;
// blended and transmissive ones (vitrine glass) let the light through.
void record_light_shadows(VkCommandBuffer cmd, const LightShadows& shadows, const PbrPipeline& pbr,
                          VkDescriptorSet frame_set, const std::vector<PbrDraw>& draws,
                          const std::vector<ShadowedLight>& lights);

}  // namespace ocop::render
