#version 450
#extension GL_GOOGLE_include_directive : require
#include "shared.h"

layout(set = kSetFrame, binding = kBindingFrame) uniform Frame { FrameUniforms frame; };
layout(push_constant) uniform Draw { DrawConstants draw; };

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_tangent;
layout(location = 3) in vec2 in_uv0;
layout(location = 4) in vec2 in_uv1;
layout(location = 5) in vec4 in_colour;

layout(location = 0) out vec3 out_world_position;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_tangent;
layout(location = 3) out vec2 out_uv0;
layout(location = 4) out vec2 out_uv1;
layout(location = 5) out vec4 out_colour;

void main() {
    vec4 world = draw.model * vec4(in_position, 1.0);
    // Node transforms may scale unevenly: normals go by the inverse transpose. A mirroring
    // transform flips the tangent frame's handedness.
    mat3 m = mat3(draw.model);
    mat3 normal_matrix = transpose(inverse(m));
    out_world_position = world.xyz;
    out_normal = normal_matrix * in_normal;
    out_tangent = vec4(m * in_tangent.xyz, determinant(m) < 0.0 ? -in_tangent.w : in_tangent.w);
    out_uv0 = in_uv0;
    out_uv1 = in_uv1;
    out_colour = in_colour;
    gl_Position = frame.view_proj * world;
}
