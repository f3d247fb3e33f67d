#version 460
// The BRDF lookup table: the split-sum scale and bias of the GGX specular (height-correlated
// Smith, Karis 2013) and the directional albedo of the Charlie sheen lobe (Neubelt-Pettineo
// visibility), for x = n.v and y = perceptual roughness at texel centres. The compute-shader
// twin of integrate_split_sum and integrate_sheen_albedo in engine/render/environment_bake.cpp,
// which say why each estimator is the one it is; the same samples, in float.
layout(local_size_x = 8, local_size_y = 8) in;

const float pi = 3.14159265358979;

layout(std430, set = 0, binding = 0) writeonly buffer Table { vec4 texel[]; } table;  // (A, B, sheen E, 0)

layout(push_constant) uniform Push {
    int size;
    int ggx_samples;
    int sheen_samples;
} p;

float radical_inverse(int k) { return float(bitfieldReverse(uint(k))) * 2.3283064365386963e-10; }

vec2 split_sum(float n_dot_v, float roughness) {
    float alpha = roughness * roughness, a2 = alpha * alpha;
    vec3 v = vec3(sqrt(max(0.0, 1.0 - n_dot_v * n_dot_v)), 0.0, n_dot_v);
    vec2 sum = vec2(0.0);
    for (int k = 0; k < p.ggx_samples; ++k) {
        float xi = radical_inverse(k);
        float cos_h = sqrt((1.0 - xi) / (1.0 + (a2 - 1.0) * xi));
        float sin_h = sqrt(max(0.0, 1.0 - cos_h * cos_h));
        float phi = 2.0 * pi * float(k) / float(p.ggx_samples);
        vec3 h = vec3(sin_h * cos(phi), sin_h * sin(phi), cos_h);
        float v_dot_h = dot(v, h);
        vec3 l = 2.0 * v_dot_h * h - v;
        float n_dot_l = l.z;
        if (n_dot_l <= 0.0 || v_dot_h <= 0.0) continue;
        float visibility = 0.5 / (n_dot_l * sqrt(n_dot_v * n_dot_v * (1.0 - a2) + a2) +
                                  n_dot_v * sqrt(n_dot_l * n_dot_l * (1.0 - a2) + a2));
        float g = 4.0 * visibility * n_dot_l * v_dot_h / cos_h;
        float fresnel = pow(1.0 - v_dot_h, 5.0);
        sum += vec2((1.0 - fresnel) * g, fresnel * g);
    }
    return sum / float(p.ggx_samples);
}

float sheen_albedo(float n_dot_v, float roughness) {
    float a = max(roughness * roughness, 1e-3);
    vec3 v = vec3(sqrt(max(0.0, 1.0 - n_dot_v * n_dot_v)), 0.0, n_dot_v);
    float sum = 0.0;
    for (int k = 0; k < p.sheen_samples; ++k) {
        float n_dot_l = 1.0 - radical_inverse(k);  // in (0, 1]
        float sin_l = sqrt(max(0.0, 1.0 - n_dot_l * n_dot_l));
        float phi = 2.0 * pi * float(k) / float(p.sheen_samples);
        vec3 l = vec3(sin_l * cos(phi), sin_l * sin(phi), n_dot_l);
        vec3 h = normalize(l + v);
        float sin2_h = max(0.0, 1.0 - h.z * h.z);
        float d = (2.0 + 1.0 / a) * pow(sin2_h, 0.5 / a) / (2.0 * pi);
        float visibility = 1.0 / (4.0 * (n_dot_l + n_dot_v - n_dot_l * n_dot_v));
        sum += d * visibility * n_dot_l;
    }
    return sum * 2.0 * pi / float(p.sheen_samples);
}

void main() {
    ivec2 ij = ivec2(gl_GlobalInvocationID.xy);
    if (ij.x >= p.size || ij.y >= p.size) return;
    float n_dot_v = (float(ij.x) + 0.5) / float(p.size);
    float roughness = (float(ij.y) + 0.5) / float(p.size);
    table.texel[ij.y * p.size + ij.x] = vec4(split_sum(n_dot_v, roughness), min(sheen_albedo(n_dot_v, roughness), 1.0), 0.0);
}
