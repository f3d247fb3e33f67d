#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

// The shadow catcher: a square on the floor under the products, made from the vertex index.
layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };

layout(location = 0) out vec2 out_uv;

void main() {
    const vec2 corners[6] = vec2[](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
    vec2 c = corners[gl_VertexIndex];
    vec4 area = frame.shadow_area;
    vec3 world = vec3(area.x + c.x * area.y, area.w, area.z + c.y * area.y);
    out_uv = c * 0.5 + 0.5;
    gl_Position = frame.view_proj * vec4(world, 1.0);
}
