#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// A key light's shadow map: depth only, the scene as the light sees it.
layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawConstants draw; };

layout(location = 0) in vec3 in_position;

void main() {
    gl_Position = frame.shadow_view_proj[int(draw.flags.y)] * draw.model * vec4(in_position, 1.0);
}
