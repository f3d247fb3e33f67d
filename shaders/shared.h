// Shared by C++ and GLSL: binding numbers and the layout of every uniform block. Only vec4, uvec4
// and mat4 members, so std140 and the C++ layout agree without padding rules to remember.
#ifndef OCOP_SHADERS_SHARED_H
#define OCOP_SHADERS_SHARED_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace ocop::gpu {
using vec4 = glm::vec4;
using uvec4 = glm::uvec4;
using mat4 = glm::mat4;
#define OCOP_CONST constexpr int
#else
#define OCOP_CONST const int
#endif

OCOP_CONST kSetFrame = 0;
OCOP_CONST kSetMaterial = 1;

OCOP_CONST kBindingFrame = 0;
OCOP_CONST kBindingSpecularEnvironment = 1;  // GGX-prefiltered equirect, one mip per roughness step
OCOP_CONST kBindingBrdfLut = 2;              // (split-sum A, B, sheen albedo) by (n.v, roughness)
OCOP_CONST kBindingContactShadow = 3;      // the floor's soft contact shadow, mipmapped for blur
OCOP_CONST kBindingLightShadows = 4;       // the key lights' shadow maps: depth, one layer a light
OCOP_CONST kBindingSheenEnvironment = 5;   // Charlie-prefiltered equirect, one mip per sheen roughness step
OCOP_CONST kFrameBindingCount = 6;

// FrameUniforms.environment.x
OCOP_CONST kEnvironmentStudio = 0;  // the analytic studio dome
OCOP_CONST kEnvironmentBaked = 1;   // spherical harmonics + the prefiltered equirect

// FrameUniforms.environment.z
OCOP_CONST kToneMapPbrNeutral = 0;
OCOP_CONST kToneMapAces = 1;
OCOP_CONST kToneMapLinear = 2;

// Set 1, per material: the factors (binding 0), then one texture per slot (binding 1 + slot).
OCOP_CONST kBindingMaterial = 0;
OCOP_CONST kSlotBaseColor = 0;
OCOP_CONST kSlotMetallicRoughness = 1;
OCOP_CONST kSlotNormal = 2;
OCOP_CONST kSlotOcclusion = 3;
OCOP_CONST kSlotEmissive = 4;
OCOP_CONST kSlotClearcoat = 5;
OCOP_CONST kSlotClearcoatRoughness = 6;
OCOP_CONST kSlotClearcoatNormal = 7;
OCOP_CONST kSlotSheenColour = 8;
OCOP_CONST kSlotSheenRoughness = 9;
OCOP_CONST kSlotSpecular = 10;
OCOP_CONST kSlotSpecularColour = 11;
OCOP_CONST kSlotTransmission = 12;
OCOP_CONST kSlotThickness = 13;
OCOP_CONST kSlotIridescence = 14;
OCOP_CONST kSlotIridescenceThickness = 15;
OCOP_CONST kMaterialTextureCount = 16;

OCOP_CONST kMaxLights = 16;
// The first this many directional or spot lights of a scene cast shadow maps.
OCOP_CONST kMaxShadowedLights = 4;

// FrameUniforms.light_params.x
OCOP_CONST kLightOff = 0;
OCOP_CONST kLightDirectional = 1;
OCOP_CONST kLightPoint = 2;
OCOP_CONST kLightSpot = 3;

// The material's modes and extensions (pbr.frag's specialization constant kModeBits).
OCOP_CONST kMaterialAlphaMask = 1;
OCOP_CONST kMaterialAlphaBlend = 2;
OCOP_CONST kMaterialUnlit = 4;
OCOP_CONST kMaterialSheen = 8;
OCOP_CONST kMaterialClearcoat = 16;
OCOP_CONST kMaterialTransmission = 32;
OCOP_CONST kMaterialIridescence = 64;
// The occlusion texture is the metallic-roughness one (glTF's packed ORM): one fetch serves both.
OCOP_CONST kMaterialOcclusionInMetallicRoughness = 128;

// DrawConstants.flags.x
OCOP_CONST kDrawHasTangents = 1;

// Per frame: the camera, the lights and the studio environment (set 0, binding 0).
struct FrameUniforms {
    mat4 view_proj;
    vec4 camera_position;             // xyz, w unused
    vec4 light_position[kMaxLights];  // xyz (point, spot), w unused
    vec4 light_direction[kMaxLights]; // xyz: where the light travels (directional, spot), w unused
    vec4 light_radiance[kMaxLights];  // rgb: colour * intensity (lux or candela), w unused
    vec4 light_params[kMaxLights];    // x kLight*, y range (0: none), z cos inner cone, w cos outer cone
    vec4 environment;                 // x: kEnvironment*, y: last specular mip, z: kToneMap*, w: exposure (linear)
    vec4 sh[9];                       // baked irradiance / pi as spherical harmonics (rgb), bands 0-2
    vec4 shadow_area;                 // contact shadow square: x, z centre, y half size (m), w floor height
    vec4 shadow_params;               // x opacity (0: none), y falloff height (m), z blur (mip level)
    vec4 env_sky;                     // rgb: radiance of the studio dome above, w unused
    vec4 env_ground;                  // rgb: radiance below the horizon
    vec4 softbox_direction;           // xyz: towards the main softbox, w: its angular radius (rad)
    vec4 softbox_radiance;            // rgb, w unused
    // Per light with a shadow map (the first slots: a light's map layer is its slot; how many
    // is pbr.frag's specialization constant kShadowedLights): y how far a point moves along its normal before the lookup, per
    // metre from the light (spot) or in metres (directional): about a texel, so a surface does
    // not shadow itself; z the filter's step (a texel in UV); w 1 for a perspective (spot) map,
    // 0 for an orthographic (directional) one; x unused.
    vec4 light_shadow[kMaxShadowedLights];
    mat4 shadow_view_proj[kMaxShadowedLights];  // world -> the shadow map's clip space
};

// Per material (set 1, binding 0): every factor of glTF's metallic-roughness and the
// extensions the products need. Which slots and modes a material uses are the pipeline's
// specialization constants (pbr.frag), not uniforms.
struct MaterialUniforms {
    vec4 base_color;
    vec4 emissive;            // rgb, emissive_strength applied; w unused
    vec4 pbr;                 // x metallic, y roughness, z normal scale, w occlusion strength
    vec4 flags;               // z: alpha cutoff; x, y, w unused
    vec4 specular;            // rgb: KHR_materials_specular colour, w: specular factor
    vec4 ior_clearcoat;       // x ior, y clearcoat factor, z clearcoat roughness, w clearcoat normal scale
    vec4 sheen;               // rgb colour, w roughness
    vec4 transmission;        // x factor, y thickness (m), z attenuation distance (m, 0 = none), w unused
    vec4 attenuation_colour;  // rgb
    vec4 iridescence;         // x factor, y ior, z thickness min (nm), w thickness max (nm)
    // Per slot, the two rows of its KHR_texture_transform as a 2x3 matrix (row 0 then row 1);
    // row 0's w is the UV set (0 or 1).
    vec4 uv_transform[2 * kMaterialTextureCount];
};

// Per draw, as push constants.
struct DrawConstants {
    mat4 model;
    vec4 flags;  // x: kDraw* bits; y: the shadow map drawn into (light_shadow.vert)
    // The frame's lights that reach the mesh (render/light_reach.h): y a bit for each slot with
    // a shadow map (the first kMaxShadowedLights) that does; x how many others do; z, w their
    // slots, 4 bits each, the first in z's lowest bits.
    uvec4 lights;
};

#ifdef __cplusplus
static_assert(sizeof(DrawConstants) <= 128, "push constants must stay within 128 bytes");
}  // namespace ocop::gpu
#endif

#endif
