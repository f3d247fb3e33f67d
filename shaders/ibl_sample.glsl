// What the compute-shader bake's shaders share: the source pyramid, a mip chain of RGBA float
// texels sampled as render/environment_bake.cpp reads it (bilinear within a level, linear
// between two levels, repeating across the equirect's seam in u, clamped at the poles in v),
// and the equirect mapping of its header: u = atan2(d.z, d.x) / 2pi + 0.5,
// v = asin(d.y) / pi + 0.5, v = 1 the top row.
const float pi = 3.14159265358979;

// Mip 0 is the pyramid level `first_lod` (the finest ones stay on the CPU when too large).
layout(set = 0, binding = 0) uniform sampler2D pyramid;

// Trilinear radiance at equirect (u, v) and pyramid level of detail `lod` (>= first_lod).
vec3 pyramid_radiance(vec2 uv, float lod, int first_lod) {
    return textureLod(pyramid, vec2(uv.x, 1.0 - uv.y), lod - float(first_lod)).rgb;
}

vec2 equirect_uv(vec3 d) {
    // atan(0, 0) is undefined in GLSL; the poles' u does not matter.
    float u = (d.x == 0.0 && d.z == 0.0) ? 0.5 : atan(d.z, d.x) / (2.0 * pi) + 0.5;
    return vec2(u, asin(clamp(d.y, -1.0, 1.0)) / pi + 0.5);
}

// The direction at the centre of texel (x, y) of a width x height equirect.
vec3 texel_direction(ivec2 xy, int width, int height) {
    float lat = 0.5 * pi - (float(xy.y) + 0.5) * pi / float(height);
    float phi = ((float(xy.x) + 0.5) / float(width) - 0.5) * 2.0 * pi;
    return vec3(cos(lat) * cos(phi), sin(lat), cos(lat) * sin(phi));
}

// The second coordinate of the Hammersley point k (van der Corput, base 2).
float radical_inverse(int k) { return float(bitfieldReverse(uint(k))) * 2.3283064365386963e-10; }
