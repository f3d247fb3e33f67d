// Per-vertex tangents for normal mapping, for meshes whose file carries none.
#pragma once

#include "assets/model.h"

namespace ocop::assets {

// Fills `mesh.tangents` (xyz unit and orthogonal to the normal, w = ±1 bitangent sign, as in
// glTF: bitangent = cross(normal, tangent.xyz) * w) from positions, normals, uv0 and indices,
// giving MikkTSpace-equivalent results (Morten S. Mikkelsen, "Simulation of Wrinkled Surfaces
// Revisited", 2008): each triangle's ∂P/∂u is projected onto the plane of the vertex normal,
// normalised and summed per vertex weighted by the triangle's angle at that corner; a vertex
// whose triangles disagree on handedness (a mirrored UV seam) or whose tangents point more
// than 90° apart is split, its copies appended after the existing vertices with every
// attribute, so the first positions.size() vertices keep their indices. Does nothing when the
// mesh lacks normals or uv0. Degenerate UVs get a tangent that is still unit length and
// orthogonal to the normal, never NaN.
void generate_tangents(Mesh& mesh);

}  // namespace ocop::assets
