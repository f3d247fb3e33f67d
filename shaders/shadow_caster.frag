#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };

layout(location = 0) in float out_height;
layout(location = 0) out vec4 out_darkness;

// Darkest where the product touches the floor, fading with height (blended with MAX, so the
// lowest surface over a point wins without a depth buffer).
void main() {
    float h = max(out_height, 0.0) / max(frame.shadow_params.y, 1e-4);
    out_darkness = vec4(exp(-3.0 * h));
}
