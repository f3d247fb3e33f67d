// Scan normalisation (units, up axis, base at origin) and normals for meshes that lack them.
#pragma once

#include "assets/import.h"
#include "assets/model.h"

namespace ocop::assets {

// Applies `options` as one new root node over the model's roots, in this order: scale to
// metres, rotate Z-up to Y-up, then move the base to the origin. No node is added when the
// result is the identity.
void apply_import_options(Model& model, const ImportOptions& options);

// Rotates a Z-up point or direction to Y-up: (x, y, z) -> (x, z, -y), a proper rotation
// (-90° about X), so handedness and winding are kept.
glm::vec3 z_up_to_y_up(const glm::vec3& v);

// Fills `mesh.normals` when it is empty: each vertex gets the area-weighted sum of the
// normals of the triangles that use its index, so shared vertices come out smooth and
// unshared ones flat. Vertices on no (or only degenerate) triangles get +Y.
void fill_missing_normals(Mesh& mesh);

}  // namespace ocop::assets
