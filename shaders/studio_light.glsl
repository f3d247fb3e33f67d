// Lighting for the studio: GGX specular + Lambert diffuse for punctual lights, and image-based
// light from either the analytic studio dome (sky, ground, one softbox) or a baked HDR
// environment (spherical harmonics for diffuse, a GGX-prefiltered equirect for specular).
// References:
// - glTF 2.0 spec, Appendix B (BRDF implementation): GGX D, height-correlated Smith V, Schlick F.
// - Karis, "Real Shading in Unreal Engine 4" (2013): the split-sum approximation.
// - Fdez-Aguera, "A Multiple-Scattering Microfacet Model for Real-Time Image-based Lighting"
//   (JCGT 8(1), 2019): energy lost to single scattering at high roughness given back, so a
//   rough white sphere does not darken in a white furnace.
// - Ramamoorthi & Hanrahan, "An Efficient Representation for Irradiance Environment Maps" (2001).
// - Khronos PBR Neutral tone mapper (KhronosGroup/ToneMapping, 2024); ACES as Stephen Hill's
//   fit of the RRT + ODT (the form three.js uses).

const float kPi = 3.14159265358979;

struct SurfacePoint {
    vec3 n;
    vec3 v;
    vec3 diffuse_color;
    vec3 f0;
    float specular_weight;  // KHR_materials_specular; 1 for metals
    float alpha;      // roughness squared
    float roughness;  // perceptual
};

float d_ggx(float n_dot_h, float alpha) {
    float a2 = alpha * alpha;
    float d = n_dot_h * n_dot_h * (a2 - 1.0) + 1.0;
    return a2 / (kPi * d * d);
}

float v_smith_ggx_correlated(float n_dot_v, float n_dot_l, float alpha) {
    float a2 = alpha * alpha;
    float ggx_v = n_dot_l * sqrt(n_dot_v * n_dot_v * (1.0 - a2) + a2);
    float ggx_l = n_dot_v * sqrt(n_dot_l * n_dot_l * (1.0 - a2) + a2);
    float sum = ggx_v + ggx_l;
    return sum > 0.0 ? 0.5 / sum : 0.0;
}

vec3 f_schlick(vec3 f0, float v_dot_h) {
    return f0 + (1.0 - f0) * pow(clamp(1.0 - v_dot_h, 0.0, 1.0), 5.0);
}

// Radiance from a light arriving along `l` (towards the light) with illuminance `e`. Only
// `diffuse_share` of the diffuse lobe remains where a transmissive surface lets light through.
vec3 direct_light(SurfacePoint s, vec3 l, vec3 e, float diffuse_share) {
    float n_dot_l = dot(s.n, l);
    if (n_dot_l <= 0.0) return vec3(0.0);
    vec3 h = normalize(l + s.v);
    float n_dot_v = max(dot(s.n, s.v), 1e-4);
    float n_dot_h = max(dot(s.n, h), 0.0);
    float v_dot_h = max(dot(s.v, h), 0.0);
    vec3 f = s.specular_weight * f_schlick(s.f0, v_dot_h);
    vec3 specular = f * d_ggx(n_dot_h, s.alpha) * v_smith_ggx_correlated(n_dot_v, n_dot_l, s.alpha);
    vec3 diffuse = diffuse_share * (1.0 - f) * s.diffuse_color / kPi;
    return (diffuse + specular) * e * n_dot_l;
}

// The studio dome seen along `dir`, pre-blurred for a lobe of the given roughness: a soft
// horizon between ground and sky, plus one round softbox whose edge widens with roughness
// while its total energy stays the same.
vec3 studio_dome(vec3 dir, float roughness, FrameUniforms frame) {
    float blur = 0.05 + 1.2 * roughness * roughness;
    vec3 dome = mix(frame.env_ground.rgb, frame.env_sky.rgb, smoothstep(-blur - 0.1, blur + 0.1, dir.y));
    float radius = frame.softbox_direction.w;
    float wide = radius + blur;
    float c = dot(dir, normalize(frame.softbox_direction.xyz));
    float inside = smoothstep(cos(wide), cos(max(radius - blur, 0.0) * 0.5), c);
    float energy = (1.0 - cos(radius)) / (1.0 - cos(wide));
    return dome + frame.softbox_radiance.rgb * inside * energy;
}

// Where direction d (+Y up) lands in an equirect texture whose row 0 is the top (v = 1):
// three.js's equirectUv, the convention of the fidelity harness and of Blender.
vec2 equirect_uv(vec3 d) {
    float u = atan(d.z, d.x) / (2.0 * kPi) + 0.5;
    float v = asin(clamp(d.y, -1.0, 1.0)) / kPi + 0.5;
    return vec2(u, 1.0 - v);
}

vec3 sh_irradiance(vec3 n, FrameUniforms frame) {
    return max(frame.sh[0].rgb * 0.282095 +
               frame.sh[1].rgb * (0.488603 * n.y) + frame.sh[2].rgb * (0.488603 * n.z) +
               frame.sh[3].rgb * (0.488603 * n.x) +
               frame.sh[4].rgb * (1.092548 * n.x * n.y) + frame.sh[5].rgb * (1.092548 * n.y * n.z) +
               frame.sh[6].rgb * (0.315392 * (3.0 * n.z * n.z - 1.0)) +
               frame.sh[7].rgb * (1.092548 * n.x * n.z) + frame.sh[8].rgb * (0.546274 * (n.x * n.x - n.y * n.y)),
               vec3(0.0));
}

// Image-based light for a surface point: `radiance` is the environment prefiltered for the
// point's roughness along the reflected ray, `irradiance` the environment's cosine-weighted
// average around the normal (irradiance / pi), `brdf` the LUT's (A, B) at (n.v, roughness).
vec3 image_based_light(SurfacePoint s, vec3 radiance, vec3 irradiance, vec2 brdf, float diffuse_share) {
    float n_dot_v = max(dot(s.n, s.v), 1e-4);
    // Fdez-Aguera 2019, roughness-dependent Fresnel (section 5) and multiple scattering, with
    // KHR_materials_specular's weight as the Khronos sample viewer applies it.
    vec3 fr = max(vec3(1.0 - s.roughness), s.f0) - s.f0;
    vec3 k_s = s.f0 + fr * pow(1.0 - n_dot_v, 5.0);
    vec3 fss_ess = s.specular_weight * (k_s * brdf.x + brdf.y);
    float ems = 1.0 - (brdf.x + brdf.y);
    vec3 f_avg = s.specular_weight * (s.f0 + (1.0 - s.f0) / 21.0);
    vec3 fms_ems = ems * fss_ess * f_avg / (1.0 - f_avg * ems);
    vec3 k_d = diffuse_share * s.diffuse_color * (1.0 - fss_ess - fms_ems);
    return fss_ess * radiance + (fms_ems + k_d) * irradiance;
}

vec3 aces_tonemap(vec3 color) {
    const mat3 to_aces = mat3(vec3(0.59719, 0.07600, 0.02840), vec3(0.35458, 0.90834, 0.13383),
                              vec3(0.04823, 0.01566, 0.83777));
    const mat3 from_aces = mat3(vec3(1.60475, -0.10208, -0.00327), vec3(-0.53108, 1.10813, -0.07276),
                                vec3(-0.07367, -0.00605, 1.07602));
    color = to_aces * (color / 0.6);
    vec3 a = color * (color + 0.0245786) - 0.000090537;
    vec3 b = color * (0.983729 * color + 0.4329510) + 0.238081;
    return clamp(from_aces * (a / b), 0.0, 1.0);
}

vec3 pbr_neutral_tonemap(vec3 color) {
    const float start_compression = 0.8 - 0.04;
    const float desaturation = 0.15;
    float x = min(color.r, min(color.g, color.b));
    float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
    color -= offset;
    float peak = max(color.r, max(color.g, color.b));
    if (peak < start_compression) return color;
    const float d = 1.0 - start_compression;
    float new_peak = 1.0 - d * d / (peak + d - start_compression);
    color *= new_peak / peak;
    float g = 1.0 - 1.0 / (desaturation * (peak - new_peak) + 1.0);
    return mix(color, new_peak * vec3(1.0), g);
}

vec3 tonemap(vec3 color, int mode) {
    if (mode == kToneMapAces) return aces_tonemap(color);
    if (mode == kToneMapLinear) return clamp(color, 0.0, 1.0);
    return pbr_neutral_tonemap(color);
}

// Light i at point p (KHR_lights_punctual): the direction towards it and the illuminance it
// brings; false when the slot is unused. Point and spot lights fall off with 1/d², windowed
// to zero at their range; spots fade from the inner to the outer cone.
bool punctual_light(FrameUniforms frame, int i, vec3 p, out vec3 l, out vec3 e) {
    vec4 params = frame.light_params[i];
    int type = int(params.x);
    l = vec3(0.0, 1.0, 0.0);
    e = vec3(0.0);
    if (type == kLightOff) return false;
    e = frame.light_radiance[i].rgb;
    if (type == kLightDirectional) {
        l = -normalize(frame.light_direction[i].xyz);
        return true;
    }
    vec3 to_light = frame.light_position[i].xyz - p;
    float d2 = max(dot(to_light, to_light), 1e-8);
    l = to_light * inversesqrt(d2);
    float attenuation = 1.0 / d2;
    if (params.y > 0.0) {
        float ratio = d2 / (params.y * params.y);
        float window = clamp(1.0 - ratio * ratio, 0.0, 1.0);
        attenuation *= window * window;
    }
    if (type == kLightSpot) {
        float cos_angle = dot(normalize(frame.light_direction[i].xyz), -l);
        float t = clamp((cos_angle - params.w) / max(params.z - params.w, 1e-4), 0.0, 1.0);
        attenuation *= t * t;
    }
    e *= attenuation;
    return true;
}
