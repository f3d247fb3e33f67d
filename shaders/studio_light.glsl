// Lighting for the studio: GGX specular + Lambert diffuse for punctual lights, and an analytic
// studio dome (sky, ground, one softbox) for image-based light. References:
// - glTF 2.0 spec, Appendix B (BRDF implementation): GGX D, height-correlated Smith V, Schlick F.
// - Karis, "Physically Based Shading on Mobile" (2014): analytic split-sum environment BRDF.
// - Khronos PBR Neutral tone mapper (KhronosGroup/ToneMapping, 2024).

const float kPi = 3.14159265358979;

struct SurfacePoint {
    vec3 n;
    vec3 v;
    vec3 diffuse_color;
    vec3 f0;
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

// Radiance from a light arriving along `l` (towards the light) with illuminance `e`.
vec3 direct_light(SurfacePoint s, vec3 l, vec3 e) {
    float n_dot_l = dot(s.n, l);
    if (n_dot_l <= 0.0) return vec3(0.0);
    vec3 h = normalize(l + s.v);
    float n_dot_v = max(dot(s.n, s.v), 1e-4);
    float n_dot_h = max(dot(s.n, h), 0.0);
    float v_dot_h = max(dot(s.v, h), 0.0);
    vec3 f = f_schlick(s.f0, v_dot_h);
    vec3 specular = f * d_ggx(n_dot_h, s.alpha) * v_smith_ggx_correlated(n_dot_v, n_dot_l, s.alpha);
    vec3 diffuse = (1.0 - f) * s.diffuse_color / kPi;
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

vec2 env_brdf_approx(float n_dot_v, float roughness) {
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * n_dot_v)) * r.x + r.y;
    return vec2(-1.04, 1.04) * a004 + r.zw;
}

vec3 studio_ambient(SurfacePoint s, FrameUniforms frame) {
    float n_dot_v = max(dot(s.n, s.v), 1e-4);
    vec3 r = reflect(-s.v, s.n);
    vec2 ab = env_brdf_approx(n_dot_v, s.roughness);
    vec3 specular = studio_dome(r, s.roughness, frame) * (s.f0 * ab.x + ab.y);
    // Irradiance / pi of the dome around the normal: the dome blurred as far as it goes.
    vec3 diffuse = studio_dome(s.n, 1.0, frame) * s.diffuse_color * (1.0 - s.f0 * ab.x - ab.y);
    return diffuse + specular;
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
