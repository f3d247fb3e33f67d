#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawConstants draw; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_tangent;
layout(location = 3) in vec2 in_uv;

layout(location = 0) out vec3 out_world_position;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_tangent;
layout(location = 3) out vec2 out_uv;

void main() {
    vec4 world = draw.model * vec4(in_position, 1.0);
    // The model matrix is a rotation, uniform scale and translation (product placement), so the
    // upper 3x3 transforms normals correctly once renormalised.
    mat3 m = mat3(draw.model);
    out_world_position = world.xyz;
    out_normal = m * in_normal;
    out_tangent = vec4(m * in_tangent.xyz, in_tangent.w);
    out_uv = in_uv;
    gl_Position = frame.view_proj * world;
}
