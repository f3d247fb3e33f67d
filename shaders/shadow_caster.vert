#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// The contact shadow's caster pass: the products seen from straight below, orthographic, over
// the shadow's square on the floor. Each fragment remembers how close to the floor it is.
layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawConstants draw; };

layout(location = 0) in vec3 in_position;

layout(location = 0) out float out_height;

void main() {
    vec4 world = draw.model * vec4(in_position, 1.0);
    vec4 area = frame.shadow_area;  // x, z: centre; y: half size; w: floor height
    out_height = world.y - area.w;
    gl_Position = vec4((world.x - area.x) / area.y, (world.z - area.z) / area.y, 0.5, 1.0);
}
