// Shared by C++ and GLSL: binding numbers and the layout of every uniform block. Only vec4 and
// mat4 members, so std140 and the C++ layout agree without padding rules to remember.
#ifndef OCOP_SHADERS_SHARED_H
#define OCOP_SHADERS_SHARED_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace ocop::gpu {
using vec4 = glm::vec4;
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
OCOP_CONST kFrameBindingCount = 3;

// FrameUniforms.environment.x
OCOP_CONST kEnvironmentStudio = 0;  // the analytic studio dome
OCOP_CONST kEnvironmentBaked = 1;   // spherical harmonics + the prefiltered equirect

// FrameUniforms.environment.z
OCOP_CONST kToneMapPbrNeutral = 0;
OCOP_CONST kToneMapAces = 1;
OCOP_CONST kToneMapLinear = 2;

OCOP_CONST kBindingBaseColor = 0;
OCOP_CONST kBindingMetallicRoughness = 1;
OCOP_CONST kBindingNormal = 2;
OCOP_CONST kBindingOcclusion = 3;
OCOP_CONST kBindingEmissive = 4;
OCOP_CONST kMaterialTextureCount = 5;

OCOP_CONST kMaxLights = 4;

// Material flags (DrawConstants.flags.x): which textures are real, the alpha mode.
OCOP_CONST kFlagBaseColorTexture = 1;
OCOP_CONST kFlagMetallicRoughnessTexture = 2;
OCOP_CONST kFlagNormalTexture = 4;
OCOP_CONST kFlagOcclusionTexture = 8;
OCOP_CONST kFlagEmissiveTexture = 16;
OCOP_CONST kFlagAlphaMask = 32;
OCOP_CONST kFlagHasTangents = 64;
OCOP_CONST kFlagAlphaBlend = 128;

// Per frame: the camera, the lights and the studio environment (set 0, binding 0).
struct FrameUniforms {
    mat4 view_proj;
    vec4 camera_position;             // xyz, w unused
    vec4 light_direction[kMaxLights]; // xyz: direction light travels, w: 1 = on
    vec4 light_radiance[kMaxLights];  // rgb: illuminance in lux * colour, w unused
    vec4 environment;                 // x: kEnvironment*, y: last specular mip, z: kToneMap*, w: exposure (linear)
    vec4 sh[9];                       // baked irradiance / pi as spherical harmonics (rgb), bands 0-2
    vec4 env_sky;                     // rgb: radiance of the studio dome above, w unused
    vec4 env_ground;                  // rgb: radiance below the horizon
    vec4 softbox_direction;           // xyz: towards the main softbox, w: its angular radius (rad)
    vec4 softbox_radiance;            // rgb, w unused
};

// Per draw, as push constants: 128 bytes, the minimum every device gives.
struct DrawConstants {
    mat4 model;
    vec4 base_color;
    vec4 emissive;                 // rgb, w unused
    vec4 metallic_roughness;       // x metallic, y roughness, z normal scale, w occlusion strength
    vec4 flags;                    // x: kFlag* bits (as float), y: alpha cutoff
};

#ifdef __cplusplus
static_assert(sizeof(DrawConstants) == 128, "push constants must stay within 128 bytes");
}  // namespace ocop::gpu
#endif

#endif
