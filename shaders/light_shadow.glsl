// How much of light i reaches a point: its shadow map, filtered (percentage-closer filtering,
// Reeves et al. 1987) by four bilinear depth comparisons half a texel apart, so the shadow's
// edge is a smooth ramp three texels wide instead of a staircase. Four taps, not a larger
// kernel: on the CPU rasteriser (lavapipe) a tap's code costs time even where it does not run.
// Needs `frame` (FrameUniforms) and `light_shadows` (sampler2DArrayShadow) declared before.
// `i`: the light's slot, which is its map's layer.
float light_visibility(int i, vec3 position, vec3 normal, vec3 light_position) {
    vec4 s = frame.light_shadow[i];
    // Normal offset (Holbein, "Normal Offset Shadows", 2011): moving the lookup a texel out
    // of the surface keeps it from shadowing itself at grazing angles without a large depth bias.
    float texel = s.w > 0.5 ? s.y * length(position - light_position) : s.y;
    vec4 clip = frame.shadow_view_proj[i] * vec4(position + normal * (1.5 * texel), 1.0);
    if (clip.w <= 0.0) return 1.0;
    vec3 ndc = clip.xyz / clip.w;
    vec2 uv = ndc.xy * 0.5 + 0.5;
    if (ndc.z >= 1.0 || any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) return 1.0;
    // Four bilinear comparisons half a texel apart: a tent over 3x3 texels.
    vec2 h = vec2(0.5 * s.z);
    float lit = texture(light_shadows, vec4(uv + vec2(-h.x, -h.y), float(i), ndc.z)) +
                texture(light_shadows, vec4(uv + vec2(h.x, -h.y), float(i), ndc.z)) +
                texture(light_shadows, vec4(uv + vec2(-h.x, h.y), float(i), ndc.z)) +
                texture(light_shadows, vec4(uv + vec2(h.x, h.y), float(i), ndc.z));
    return 0.25 * lit;
}
