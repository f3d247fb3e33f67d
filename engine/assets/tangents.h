// Per-vertex tangents for normal mapping, for meshes whose file carries none.
#pragma once

#include "assets/model.h"

namespace ocop::assets {

// Fills `mesh.tangents` (xyz unit and orthogonal to the normal, w = ±1 bitangent sign, as in
// glTF: bitangent = cross(normal, tangent.xyz) * w) from positions, normals, uv0 and indices.
// Does nothing when the mesh lacks normals or uv0. Degenerate UVs get a tangent that is still
// unit length and orthogonal to the normal, never NaN.
void generate_tangents(Mesh& mesh);

}  // namespace ocop::assets
