#version 460
// The projection of one row of a pyramid level onto the real SH bands 0-2: the compute-shader
// twin of project_irradiance in engine/render/environment_bake.cpp. One workgroup a row; the
// CPU weights each row by its solid angle and adds the rows in order, in double (the solid
// angle of a row near a pole is a difference of two sines close to 1, which float would lose),
// then applies the cosine convolution; so the sum does not depend on scheduling either.
layout(local_size_x = 64) in;

#include "ibl_sample.glsl"

layout(std430, set = 0, binding = 1) writeonly buffer Rows { float value[]; } rows;  // 27 a row

shared float partial[64][27];

void main() {
    ivec2 s = textureSize(pyramid, 0);  // the pyramid's first uploaded level, its base on the CPU too
    int row = int(gl_WorkGroupID.x);
    uint lane = gl_LocalInvocationID.x;
    float sum[27];
    for (int i = 0; i < 27; ++i) sum[i] = 0.0;
    for (int x = int(lane); x < s.x; x += 64) {
        vec3 d = texel_direction(ivec2(x, row), s.x, s.y);
        float y_lm[9] = float[9](0.282095, 0.488603 * d.y, 0.488603 * d.z, 0.488603 * d.x, 1.092548 * d.x * d.y,
                                 1.092548 * d.y * d.z, 0.315392 * (3.0 * d.z * d.z - 1.0), 1.092548 * d.x * d.z,
                                 0.546274 * (d.x * d.x - d.y * d.y));
        vec3 c = texelFetch(pyramid, ivec2(x, row), 0).rgb;
        for (int i = 0; i < 9; ++i) {
            sum[i * 3 + 0] += y_lm[i] * c.r;
            sum[i * 3 + 1] += y_lm[i] * c.g;
            sum[i * 3 + 2] += y_lm[i] * c.b;
        }
    }
    for (int i = 0; i < 27; ++i) partial[lane][i] = sum[i];
    barrier();
    for (uint stride = 32u; stride > 0u; stride >>= 1u) {
        if (lane < stride)
            for (int i = 0; i < 27; ++i) partial[lane][i] += partial[lane + stride][i];
        barrier();
    }
    if (lane == 0u)
        for (int i = 0; i < 27; ++i) rows.value[row * 27 + i] = partial[0][i];
}
