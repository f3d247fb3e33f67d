#version 460
// One GGX-prefiltered level of the image-based light: per texel, the weighted sum of trilinear
// reads (the sampler's) of the source pyramid where ibl_sample_rows.comp placed its row's samples, over the sum
// of the weights (Karis 2013). The compute-shader twin of prefilter_row in
// engine/render/environment_bake.cpp.
// A workgroup is part of one row, so that its invocations read the same samples.
layout(local_size_x = 64) in;

#include "ibl_sample.glsl"
#include "ibl_prefilter_push.glsl"

layout(std430, set = 0, binding = 1) readonly buffer SampleRows { vec4 entry[]; } sample_rows;
layout(std430, set = 0, binding = 2) writeonly buffer Level { vec4 texel[]; } level;

void main() {
    ivec2 xy = ivec2(gl_GlobalInvocationID.xy);
    if (xy.x >= p.width || xy.y >= p.height) return;
    float du = float(xy.x) / float(p.width);
    vec3 sum = vec3(0.0);
    float weight_sum = 0.0;
    int first = p.first_entry + xy.y * p.samples;
    for (int k = 0; k < p.samples; ++k) {
        vec4 s = sample_rows.entry[first + k];
        if (s.w <= 0.0) continue;
        vec3 c = pyramid_radiance(vec2(fract(s.x + du), s.y), s.z, p.first_lod);
        sum += s.w * c;
        weight_sum += s.w;
    }
    level.texel[p.first_texel + xy.y * p.width + xy.x] = vec4(sum / weight_sum, 1.0);
}
