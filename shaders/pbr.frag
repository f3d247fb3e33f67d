#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"
#include "studio_light.glsl"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(set = kSetFrame, binding = kBindingSpecularEnvironment) uniform sampler2D specular_environment;
layout(set = kSetFrame, binding = kBindingBrdfLut) uniform sampler2D brdf_lut;
layout(push_constant) uniform Draw { DrawConstants draw; };

layout(set = kSetMaterial, binding = kBindingBaseColor) uniform sampler2D base_color_texture;
layout(set = kSetMaterial, binding = kBindingMetallicRoughness) uniform sampler2D metallic_roughness_texture;
layout(set = kSetMaterial, binding = kBindingNormal) uniform sampler2D normal_texture;
layout(set = kSetMaterial, binding = kBindingOcclusion) uniform sampler2D occlusion_texture;
layout(set = kSetMaterial, binding = kBindingEmissive) uniform sampler2D emissive_texture;

layout(location = 0) in vec3 in_world_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_tangent;
layout(location = 3) in vec2 in_uv;
layout(location = 4) in vec4 in_colour;  // COLOR_0, white when the mesh has none

layout(location = 0) out vec4 out_color;

bool has_flag(int flag) { return (int(draw.flags.x) & flag) != 0; }

// The shading normal: the geometric normal, perturbed by the normal map. Without tangents the
// tangent frame comes from screen-space derivatives of position and UV (Schüler, "Normal
// Mapping Without Precomputed Tangents", ShaderX5, 2006).
vec3 shading_normal(vec3 view_dir) {
    vec3 n = normalize(in_normal);
    if (!gl_FrontFacing) n = -n;  // double-sided materials show their back faces lit correctly
    if (!has_flag(kFlagNormalTexture)) return n;

    vec3 t;
    vec3 b;
    if (has_flag(kFlagHasTangents)) {
        t = normalize(in_tangent.xyz - n * dot(n, in_tangent.xyz));
        b = cross(n, t) * (in_tangent.w < 0.0 ? -1.0 : 1.0);
        if (!gl_FrontFacing) b = -b;
    } else {
        vec3 dp1 = dFdx(in_world_position);
        vec3 dp2 = dFdy(in_world_position);
        vec2 duv1 = dFdx(in_uv);
        vec2 duv2 = dFdy(in_uv);
        vec3 dp2perp = cross(dp2, n);
        vec3 dp1perp = cross(n, dp1);
        t = dp2perp * duv1.x + dp1perp * duv2.x;
        b = dp2perp * duv1.y + dp1perp * duv2.y;
        float scale = inversesqrt(max(max(dot(t, t), dot(b, b)), 1e-20));
        t *= scale;
        b *= scale;
        // glTF UVs have v pointing down the image: the bitangent follows -v.
        b = -b;
    }
    vec3 m = texture(normal_texture, in_uv).xyz * 2.0 - 1.0;
    m.xy *= draw.metallic_roughness.z;
    vec3 perturbed = normalize(mat3(t, b, n) * m);
    return any(isnan(perturbed)) ? n : perturbed;
}

void main() {
    vec4 base_color = draw.base_color * in_colour;  // glTF: vertex colour multiplies base colour
    if (has_flag(kFlagBaseColorTexture)) base_color *= texture(base_color_texture, in_uv);
    if (has_flag(kFlagAlphaMask) && base_color.a < draw.flags.y) discard;

    float metallic = draw.metallic_roughness.x;
    float roughness = draw.metallic_roughness.y;
    if (has_flag(kFlagMetallicRoughnessTexture)) {
        vec4 mr = texture(metallic_roughness_texture, in_uv);
        roughness *= mr.g;
        metallic *= mr.b;
    }
    metallic = clamp(metallic, 0.0, 1.0);
    roughness = clamp(roughness, 0.03, 1.0);  // a perfect mirror aliases; 0.03 keeps a highlight

    float occlusion = 1.0;
    if (has_flag(kFlagOcclusionTexture)) {
        occlusion = 1.0 + draw.metallic_roughness.w * (texture(occlusion_texture, in_uv).r - 1.0);
    }
    vec3 emissive = draw.emissive.rgb;
    if (has_flag(kFlagEmissiveTexture)) emissive *= texture(emissive_texture, in_uv).rgb;

    vec3 v = normalize(frame.camera_position.xyz - in_world_position);
    vec3 n = shading_normal(v);

    SurfacePoint s;
    s.n = n;
    s.v = v;
    s.diffuse_color = base_color.rgb * (1.0 - metallic);
    s.f0 = mix(vec3(0.04), base_color.rgb, metallic);  // glTF: dielectric F0 = 0.04 (ior 1.5)
    s.alpha = roughness * roughness;
    s.roughness = roughness;

    vec3 color = vec3(0.0);
    for (int i = 0; i < kMaxLights; ++i) {
        if (frame.light_direction[i].w == 0.0) continue;
        color += direct_light(s, -normalize(frame.light_direction[i].xyz), frame.light_radiance[i].rgb);
    }
    float n_dot_v = max(dot(n, v), 1e-4);
    vec2 brdf = texture(brdf_lut, vec2(n_dot_v, roughness)).xy;
    vec3 r = reflect(-v, n);
    vec3 radiance;
    vec3 irradiance;
    if (int(frame.environment.x) == kEnvironmentBaked) {
        radiance = textureLod(specular_environment, equirect_uv(r), roughness * frame.environment.y).rgb;
        irradiance = sh_irradiance(n, frame);
    } else {
        radiance = studio_dome(r, roughness, frame);
        irradiance = studio_dome(n, 1.0, frame);  // the dome blurred as far as it goes
    }
    color += occlusion * image_based_light(s, radiance, irradiance, brdf);
    color += emissive;

    color *= frame.environment.w;  // exposure: fixed per preset, never automatic
    // Opaque and masked surfaces cover the background fully (glTF ignores their alpha).
    float alpha = has_flag(kFlagAlphaBlend) ? base_color.a : 1.0;
    out_color = vec4(tonemap(color, int(frame.environment.z)), alpha);
}
