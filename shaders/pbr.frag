#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"
#include "studio_light.glsl"
#include "material_lobes.glsl"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(set = kSetFrame, binding = kBindingSpecularEnvironment) uniform sampler2D specular_environment;
layout(set = kSetFrame, binding = kBindingBrdfLut) uniform sampler2D brdf_lut;
layout(set = kSetFrame, binding = kBindingLightShadows) uniform sampler2DArrayShadow light_shadows;
layout(set = kSetFrame, binding = kBindingSheenEnvironment) uniform sampler2D sheen_environment;
#include "light_shadow.glsl"

layout(set = kSetMaterial, binding = kBindingMaterial) uniform Material { MaterialUniforms material; };
layout(set = kSetMaterial, binding = 1 + kSlotBaseColor) uniform sampler2D base_color_texture;
layout(set = kSetMaterial, binding = 1 + kSlotMetallicRoughness) uniform sampler2D metallic_roughness_texture;
layout(set = kSetMaterial, binding = 1 + kSlotNormal) uniform sampler2D normal_texture;
layout(set = kSetMaterial, binding = 1 + kSlotOcclusion) uniform sampler2D occlusion_texture;
layout(set = kSetMaterial, binding = 1 + kSlotEmissive) uniform sampler2D emissive_texture;
layout(set = kSetMaterial, binding = 1 + kSlotClearcoat) uniform sampler2D clearcoat_texture;
layout(set = kSetMaterial, binding = 1 + kSlotClearcoatRoughness) uniform sampler2D clearcoat_roughness_texture;
layout(set = kSetMaterial, binding = 1 + kSlotClearcoatNormal) uniform sampler2D clearcoat_normal_texture;
layout(set = kSetMaterial, binding = 1 + kSlotSheenColour) uniform sampler2D sheen_colour_texture;
layout(set = kSetMaterial, binding = 1 + kSlotSheenRoughness) uniform sampler2D sheen_roughness_texture;
layout(set = kSetMaterial, binding = 1 + kSlotSpecular) uniform sampler2D specular_texture;
layout(set = kSetMaterial, binding = 1 + kSlotSpecularColour) uniform sampler2D specular_colour_texture;
layout(set = kSetMaterial, binding = 1 + kSlotTransmission) uniform sampler2D transmission_texture;
layout(set = kSetMaterial, binding = 1 + kSlotThickness) uniform sampler2D thickness_texture;
layout(set = kSetMaterial, binding = 1 + kSlotIridescence) uniform sampler2D iridescence_texture;
layout(set = kSetMaterial, binding = 1 + kSlotIridescenceThickness) uniform sampler2D iridescence_thickness_texture;

layout(push_constant) uniform Draw { DrawConstants draw; };

layout(location = 0) in vec3 in_world_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_tangent;
layout(location = 3) in vec2 in_uv0;
layout(location = 4) in vec2 in_uv1;
layout(location = 5) in vec4 in_colour;  // COLOR_0, white when the mesh has none

layout(location = 0) out vec4 out_color;

// Which texture slots and which kMaterial* modes the material uses: specialization constants,
// so each material's pipeline carries only the code it needs (a CPU rasteriser would otherwise
// run every lobe and fetch every texture under a mask).
layout(constant_id = 0) const int kTextureBits = 0;
layout(constant_id = 1) const int kModeBits = 0;
// How many lights, in the first slots, have a shadow map: only their code is there.
layout(constant_id = 2) const int kShadowedLights = 0;
// How many of the first slots hold a light: an unrolled loop runs only theirs.
layout(constant_id = 3) const int kLightSlots = 0;
// 1: loop over the draw's own list of lights (DrawConstants.lights); 0: over the slots,
// unrolled (render/pbr_pass.h, FrameLighting, says which frame gets which).
layout(constant_id = 4) const int kDrawLightLists = 0;

bool has_texture(int slot) { return (kTextureBits & (1 << slot)) != 0; }
bool has_mode(int bit) { return (kModeBits & bit) != 0; }

// The slot's UV set through its KHR_texture_transform.
vec2 slot_uv(int slot) {
    vec4 row0 = material.uv_transform[2 * slot];
    vec4 row1 = material.uv_transform[2 * slot + 1];
    vec3 uv = vec3(row0.w > 0.5 ? in_uv1 : in_uv0, 1.0);
    return vec2(dot(row0.xyz, uv), dot(row1.xyz, uv));
}

// The texture of a slot, or `absent` when the material has none there. Which slots are present
// is uniform for a draw, so the implicit derivatives stay defined.
vec4 sample_slot(sampler2D t, int slot, vec4 absent) { return has_texture(slot) ? texture(t, slot_uv(slot)) : absent; }

// The tangent frame at this point for the UVs of `slot`. Without tangents it comes from
// screen-space derivatives of position and UV (Schüler, "Normal Mapping Without Precomputed
// Tangents", ShaderX5, 2006).
mat3 tangent_frame(vec3 n, int slot) {
    vec3 t;
    vec3 b;
    if ((int(draw.flags.x) & kDrawHasTangents) != 0) {
        t = normalize(in_tangent.xyz - n * dot(n, in_tangent.xyz));
        b = cross(n, t) * (in_tangent.w < 0.0 ? -1.0 : 1.0);
        if (!gl_FrontFacing) b = -b;
    } else {
        vec2 uv = slot_uv(slot);
        vec3 dp1 = dFdx(in_world_position);
        vec3 dp2 = dFdy(in_world_position);
        vec2 duv1 = dFdx(uv);
        vec2 duv2 = dFdy(uv);
        vec3 dp2perp = cross(dp2, n);
        vec3 dp1perp = cross(n, dp1);
        t = dp2perp * duv1.x + dp1perp * duv2.x;
        b = dp2perp * duv1.y + dp1perp * duv2.y;
        float scale = inversesqrt(max(max(dot(t, t), dot(b, b)), 1e-20));
        t *= scale;
        b *= scale;
        b = -b;  // glTF UVs have v pointing down the image: the bitangent follows -v
    }
    return mat3(t, b, n);
}

vec3 perturbed_normal(vec3 n, sampler2D map, int slot, float scale) {
    vec3 m = texture(map, slot_uv(slot)).xyz * 2.0 - 1.0;
    m.xy *= scale;
    vec3 p = normalize(tangent_frame(n, slot) * m);
    return any(isnan(p)) ? n : p;
}

// The shading normal `n` bent towards the geometric normal `g` (facing the viewer) just enough that
// the mirror reflection of `v` leaves the surface at least min(0.9 g.v, 0.01) above its plane,
// with n's azimuth about g kept: what Cycles does to every BSDF normal (ensure_valid_reflection in
// its kernel, Blender 2.8-3.x), so that a normal-mapped or smoothly interpolated normal that
// tilts away from the eye no longer reflects from below the surface, where the light is hidden.
// With n = (s, z) in the (tangential, g) plane and i = (ix, iz) the view there, r.g = t
// gives 4 a z^4 - 4 (ix^2 + k iz) z^2 + k^2 = 0 with k = t + iz and a = ix^2 + iz^2.
vec3 valid_reflection_normal(vec3 n, vec3 g, vec3 v) {
    float iz = dot(v, g);
    float t = min(0.9 * iz, 0.01);
    if (dot(reflect(-v, n), g) >= t) return n;
    vec3 x = n - dot(n, g) * g;
    float x_len = length(x);
    if (x_len < 1e-6) return g;
    x /= x_len;
    float ix = dot(v, x);
    float a = ix * ix + iz * iz;
    if (a < 1e-8) return g;
    float b = sqrt(max(ix * ix * (a - t * t), 0.0));
    float c = ix * ix + (t + iz) * iz;
    float z1 = (c + b) / (2.0 * a);
    float z2 = (c - b) / (2.0 * a);
    bool ok1 = z1 > 1e-5 && z1 <= 1.0 + 1e-5;
    bool ok2 = z2 > 1e-5 && z2 <= 1.0 + 1e-5;
    if (!ok1 && !ok2) return g;
    vec2 n1 = vec2(sqrt(max(1.0 - z1, 0.0)), sqrt(max(z1, 0.0)));
    vec2 n2 = vec2(sqrt(max(1.0 - z2, 0.0)), sqrt(max(z2, 0.0)));
    vec2 m;
    if (ok1 && ok2) {
        // Squaring can admit a root that does not solve r.g = t: of two that leave the
        // surface keep the lower reflection (the least bend), else the one leaving it.
        float r1 = 2.0 * dot(n1, vec2(ix, iz)) * n1.y - iz;
        float r2 = 2.0 * dot(n2, vec2(ix, iz)) * n2.y - iz;
        if (r1 >= 1e-5 && r2 >= 1e-5) m = r1 < r2 ? n1 : n2;
        else m = r1 > r2 ? n1 : n2;
    } else {
        m = ok1 ? n1 : n2;
    }
    return normalize(m.x * x + m.y * g);
}

vec3 environment_radiance(vec3 dir, float roughness) {
    if (int(frame.environment.x) == kEnvironmentBaked)
        return textureLod(specular_environment, equirect_uv(dir), roughness * frame.environment.y).rgb;
    return studio_dome(dir, roughness, frame);
}

// What the sheen lobe gathers from the environment around normal n, over the lobe's albedo E: the
// Charlie-prefiltered equirect (environment_bake.h) where one is baked; the studio dome has none,
// so there it is the dome's cosine-weighted average, as for diffuse light.
vec3 environment_sheen(vec3 n, float sheen_roughness) {
    if (int(frame.environment.x) == kEnvironmentBaked)
        return textureLod(sheen_environment, equirect_uv(n), sheen_roughness * float(textureQueryLevels(sheen_environment) - 1)).rgb;
    return studio_dome(n, 1.0, frame);
}

vec3 environment_irradiance(vec3 n) {
    if (int(frame.environment.x) == kEnvironmentBaked) return sh_irradiance(n, frame);
    return studio_dome(n, 1.0, frame);  // the dome blurred as far as it goes
}

float max3(vec3 v) { return max(v.r, max(v.g, v.b)); }

// The draw's k-th light: its slot in the frame's arrays (DrawConstants.lights).
int draw_light_slot(int k) {
    uint word = k < 8 ? draw.lights.z : draw.lights.w;
    return int((word >> uint(4 * (k & 7))) & 15u);
}

// What the punctual lights give each lobe.
struct Lit {
    vec3 base;
    vec3 sheen;
    vec3 coat;
};

// Adds light `i` (its slot): through its shadow map when `shadowed`, to the base surface `s`,
// the sheen and the clearcoat `c` that the material has: one light's direction, falloff and
// shadow serve every lobe.
void add_light(inout Lit lit, int i, bool shadowed, SurfacePoint s, SurfacePoint c, vec3 ng, float diffuse_share,
               vec3 sheen_colour, float sheen_roughness) {
    vec3 l;
    vec3 e;
    if (!punctual_light(frame, i, in_world_position, l, e) || max3(e) <= 0.0) return;
    if (shadowed) e *= light_visibility(i, in_world_position, ng, frame.light_position[i].xyz);
    lit.base += direct_light(s, l, e, diffuse_share);
    if (has_mode(kMaterialSheen)) lit.sheen += sheen_direct(s.n, s.v, l, sheen_colour, sheen_roughness, e);
    if (has_mode(kMaterialClearcoat)) lit.coat += direct_light(c, l, e, 1.0);
}

void main() {
    vec4 base_color = material.base_color * in_colour * sample_slot(base_color_texture, kSlotBaseColor, vec4(1.0));
    if (has_mode(kMaterialAlphaMask) && base_color.a < material.flags.z) discard;
    bool blended = has_mode(kMaterialAlphaBlend);
    if (has_mode(kMaterialUnlit)) {  // KHR_materials_unlit: the colour as it is, no light, no tone curve
        out_color = vec4(clamp(base_color.rgb, 0.0, 1.0), blended ? base_color.a : 1.0);
        return;
    }

    vec4 mr = sample_slot(metallic_roughness_texture, kSlotMetallicRoughness, vec4(1.0));
    float metallic = clamp(material.pbr.x * mr.b, 0.0, 1.0);
    float roughness = clamp(material.pbr.y * mr.g, 0.03, 1.0);  // a perfect mirror aliases
    float occluded = has_mode(kMaterialOcclusionInMetallicRoughness) ? mr.r
                                                                      : sample_slot(occlusion_texture, kSlotOcclusion, vec4(1.0)).r;
    float occlusion = 1.0 + material.pbr.w * (occluded - 1.0);
    vec3 emissive = material.emissive.rgb * sample_slot(emissive_texture, kSlotEmissive, vec4(1.0)).rgb;

    vec3 v = normalize(frame.camera_position.xyz - in_world_position);
    vec3 ng = normalize(in_normal);
    if (!gl_FrontFacing) ng = -ng;  // double-sided materials show their back faces lit correctly
    // The triangle's own normal, facing the eye (Cycles' Ng): the plane the reflections must leave.
    vec3 face = cross(dFdx(in_world_position), dFdy(in_world_position));
    face = dot(face, face) > 1e-30 ? normalize(face) : ng;
    if (dot(face, v) < 0.0) face = -face;
    vec3 n = has_texture(kSlotNormal) ? perturbed_normal(ng, normal_texture, kSlotNormal, material.pbr.z) : ng;
    n = valid_reflection_normal(n, face, v);
    float n_dot_v = max(dot(n, v), 1e-4);

    // KHR_materials_ior and _specular: the dielectric's F0 and the weight of its specular lobe.
    float ior = material.ior_clearcoat.x;
    vec3 specular_colour = material.specular.rgb * sample_slot(specular_colour_texture, kSlotSpecularColour, vec4(1.0)).rgb;
    float specular_weight = material.specular.w * sample_slot(specular_texture, kSlotSpecular, vec4(1.0)).a;
    vec3 f0_dielectric = min(vec3(ior_to_fresnel0(ior, 1.0)) * specular_colour, vec3(1.0));

    SurfacePoint s;
    s.n = n;
    s.v = v;
    s.diffuse_color = base_color.rgb * (1.0 - metallic);
    s.f0 = mix(f0_dielectric, base_color.rgb, metallic);
    s.specular_weight = mix(specular_weight, 1.0, metallic);
    s.alpha = roughness * roughness;
    s.roughness = roughness;

    // KHR_materials_iridescence: the thin film's Fresnel takes the place of the base's.
    if (has_mode(kMaterialIridescence)) {
        float factor = material.iridescence.x * sample_slot(iridescence_texture, kSlotIridescence, vec4(1.0)).r;
        float thickness = mix(material.iridescence.z, material.iridescence.w,
                              sample_slot(iridescence_thickness_texture, kSlotIridescenceThickness, vec4(1.0)).g);
        vec3 film = eval_iridescence(1.0, material.iridescence.y, n_dot_v, thickness, s.f0);
        s.f0 = mix(s.f0, film, factor);
    }

    // KHR_materials_transmission (+ volume): the share of light that passes through. What lies
    // behind shows through by blending (the surface is drawn after everything opaque, back to
    // front); the colour of the glass tints what it reflects and its thickness darkens it.
    float transmission = 0.0;
    if (has_mode(kMaterialTransmission))
        transmission = material.transmission.x * sample_slot(transmission_texture, kSlotTransmission, vec4(1.0)).r;

    vec3 sheen_colour = vec3(0.0);
    float sheen_roughness = 0.0;
    float sheen_scaling = 1.0;
    if (has_mode(kMaterialSheen)) {
        sheen_colour = material.sheen.rgb * sample_slot(sheen_colour_texture, kSlotSheenColour, vec4(1.0)).rgb;
        sheen_roughness = material.sheen.w * sample_slot(sheen_roughness_texture, kSlotSheenRoughness, vec4(1.0)).a;
        float sheen_albedo = texture(brdf_lut, vec2(n_dot_v, sheen_roughness)).b;
        sheen_scaling = 1.0 - max3(sheen_colour) * sheen_albedo;
    }

    // KHR_materials_clearcoat: a smooth layer with its own normal over everything below.
    float coat = 0.0;
    SurfacePoint c = s;  // the coat, when the material has one
    if (has_mode(kMaterialClearcoat)) {
        coat = material.ior_clearcoat.y * sample_slot(clearcoat_texture, kSlotClearcoat, vec4(1.0)).r;
        float coat_roughness = clamp(material.ior_clearcoat.z *
                                         sample_slot(clearcoat_roughness_texture, kSlotClearcoatRoughness, vec4(1.0)).g,
                                     0.03, 1.0);
        vec3 cn = has_texture(kSlotClearcoatNormal)
                      ? perturbed_normal(ng, clearcoat_normal_texture, kSlotClearcoatNormal, material.ior_clearcoat.w)
                      : ng;
        c.n = valid_reflection_normal(cn, face, v);
        c.v = v;
        c.diffuse_color = vec3(0.0);
        c.f0 = vec3(0.04);
        c.specular_weight = 1.0;
        c.alpha = coat_roughness * coat_roughness;
        c.roughness = coat_roughness;
    }

    // The punctual lights: on a GPU those that reach this draw, the shadowed ones first; on
    // lavapipe, or where every light reaches everywhere, each slot in use.
    Lit lit = Lit(vec3(0.0), vec3(0.0), vec3(0.0));
    if (kDrawLightLists != 0) {
        // The shadowed slots by their constant index, unrolled, each skipped where the draw's
        // bit says it does not reach; then the draw's list of the others.
        for (int i = 0; i < kShadowedLights; ++i)
            if ((draw.lights.y & (1u << i)) != 0u)
                add_light(lit, i, true, s, c, ng, 1.0 - transmission, sheen_colour, sheen_roughness);
        for (int k = 0; k < int(draw.lights.x); ++k)
            add_light(lit, draw_light_slot(k), false, s, c, ng, 1.0 - transmission, sheen_colour, sheen_roughness);
    } else {
        // Up to the constant kMaxLights, not to kLightSlots: lavapipe unrolls only the first.
        for (int i = 0; i < kMaxLights; ++i)
            if (i < kLightSlots)
                add_light(lit, i, i < kShadowedLights, s, c, ng, 1.0 - transmission, sheen_colour, sheen_roughness);
    }

    vec3 color = lit.base;
    vec3 sheen = lit.sheen;
    vec2 brdf = texture(brdf_lut, vec2(n_dot_v, roughness)).xy;
    vec3 ibl_radiance = environment_radiance(reflect(-v, n), roughness);
    color += occlusion * image_based_light(s, ibl_radiance, environment_irradiance(n), brdf, 1.0 - transmission);
    if (has_mode(kMaterialSheen)) {
        float sheen_albedo = texture(brdf_lut, vec2(n_dot_v, sheen_roughness)).b;
        // Split sum, as for the specular lobe: the Charlie-prefiltered radiance times the lobe's
        // directional albedo (the glTF sample viewer's sheen IBL).
        sheen += occlusion * sheen_colour * sheen_albedo * environment_sheen(n, sheen_roughness);
    }
    color = color * sheen_scaling + sheen;

    if (has_mode(kMaterialClearcoat)) {
        float cn_dot_v = max(dot(c.n, v), 1e-4);
        vec2 coat_brdf = texture(brdf_lut, vec2(cn_dot_v, c.roughness)).xy;
        vec3 coat_light = lit.coat +
                          occlusion * environment_radiance(reflect(-v, c.n), c.roughness) * (0.04 * coat_brdf.x + coat_brdf.y);
        float coat_fresnel = f_schlick(vec3(0.04), cn_dot_v).x;
        color = color * (1.0 - coat * coat_fresnel) + coat * coat_light;
    }
    color += emissive;

    float alpha = blended ? base_color.a : 1.0;
    if (transmission > 0.0) {
        // Premultiplied: what is behind comes through with the transmitted share, less what
        // the surface reflects at this angle, tinted by the volume's attenuation.
        float fresnel = max3(f_schlick(s.f0, n_dot_v)) * s.specular_weight;
        vec3 through = vec3(transmission * (1.0 - fresnel));
        if (material.transmission.z > 0.0 && material.transmission.y > 0.0)
            through *= pow(material.attenuation_colour.rgb, vec3(material.transmission.y / material.transmission.z));
        through *= base_color.rgb;
        alpha = 1.0 - max3(through);
    }
    color *= frame.environment.w;  // exposure: fixed per preset, never automatic
    // Clamped as an 8-bit target would store it: the half-float target keeps what lies beyond.
    out_color = clamp(vec4(tonemap(color, int(frame.environment.z)), alpha), 0.0, 1.0);
}
