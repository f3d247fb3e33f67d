#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(set = kSetFrame, binding = kBindingContactShadow) uniform sampler2D contact_shadow;

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

// Black with the shadow's darkness as alpha: over a backdrop it darkens it, over a transparent
// background it puts the shadow into the alpha channel (a shadow catcher).
void main() {
    float darkness = textureLod(contact_shadow, in_uv, frame.shadow_params.z).r;
    vec2 edge = min(in_uv, 1.0 - in_uv);
    float fade = smoothstep(0.0, 0.2, min(edge.x, edge.y));  // no hard border at the square's edge
    out_color = vec4(0.0, 0.0, 0.0, darkness * fade * frame.shadow_params.x);
}
