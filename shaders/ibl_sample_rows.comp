#version 460
// Where each sample of a prefilter reads (GGX's importance samples, or the Charlie sheen lobe's),
// for the first texel of every row of one level: every texel of a row sees the same pattern
// turned about +Y (the tangent frame is built from +Y), so texel x reads at u + x / width with
// v, level of detail and weight unchanged. ibl_prefilter.comp then needs no trigonometry per
// texel. The compute-shader twin of ggx_samples, charlie_samples and the start of prefilter_row
// in engine/render/environment_bake.cpp (same samples, same levels of detail, same frame), where
// the reasoning is written down: filtered importance sampling (Krivanek & Colbert 2008) of the
// split-sum prefilter with n = v = r (Karis 2013).
layout(local_size_x = 64) in;

#include "ibl_sample.glsl"
#include "ibl_prefilter_push.glsl"

// Per row and sample: (u of the first texel, v, level of detail, weight); weight 0 for a sample
// that counts for nothing (below the horizon).
layout(std430, set = 0, binding = 1) writeonly buffer SampleRows { vec4 entry[]; } sample_rows;

void main() {
    int k = int(gl_GlobalInvocationID.x), row = int(gl_GlobalInvocationID.y);
    if (k >= p.samples || row >= p.height) return;
    vec3 n = texel_direction(ivec2(0, row), p.width, p.height);
    vec3 t = normalize(vec3(n.z, 0.0, -n.x));
    vec3 b = cross(n, t);
    vec3 local;
    float weight = 0.0, lod = 0.0;
    if (p.lobe == kLobeCharlie) {
        // Charlie (charlie_samples): l uniform over the hemisphere, weight D(h) n.l, each sample
        // 2pi / samples of solid angle.
        float a = max(p.roughness * p.roughness, 1e-3);
        float n_dot_l = 1.0 - radical_inverse(k);
        float sin_l = sqrt(max(0.0, 1.0 - n_dot_l * n_dot_l));
        float phi = 2.0 * pi * float(k) / float(p.samples);
        local = vec3(sin_l * cos(phi), sin_l * sin(phi), n_dot_l);
        vec3 h = normalize(local + vec3(0.0, 0.0, 1.0));
        float sin2_h = max(0.0, 1.0 - h.z * h.z);
        weight = pow(min(2.0 * sin2_h, 1.0), 0.5 / a) * n_dot_l;  // D over its largest value here
        lod = 0.5 * log2(2.0 * pi / float(p.samples) / p.texel_solid_angle) + p.lod_bias;
    } else {
        // GGX (ggx_samples): importance samples of the half vector, weight n.l.
        float alpha = p.roughness * p.roughness, a2 = alpha * alpha;
        float xi = radical_inverse(k);
        float cos_h = sqrt((1.0 - xi) / (1.0 + (a2 - 1.0) * xi));
        float sin_h = sqrt(max(0.0, 1.0 - cos_h * cos_h));
        float phi = 2.0 * pi * float(k) / float(p.samples);
        vec3 h = vec3(sin_h * cos(phi), sin_h * sin(phi), cos_h);
        local = 2.0 * cos_h * h - vec3(0.0, 0.0, 1.0);  // reflect(-n, h)
        float denominator = cos_h * cos_h * (a2 - 1.0) + 1.0;
        float d = a2 / (pi * denominator * denominator);
        weight = max(local.z, 0.0);
        lod = 0.5 * log2(4.0 / (float(p.samples) * d) / p.texel_solid_angle) + p.lod_bias;
    }
    vec4 entry = vec4(0.0);
    if (weight > 0.0) {
        lod = max(clamp(lod, 0.0, float(p.top_lod)), float(p.first_lod));
        entry = vec4(equirect_uv(t * local.x + b * local.y + n * local.z), lod, weight);
    }
    sample_rows.entry[p.first_entry + row * p.samples + k] = entry;
}
