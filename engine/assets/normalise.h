// Scan normalisation (units, up axis, front, real size, base at origin) and normals for meshes
// that lack them.
#pragma once

#include "assets/import.h"
#include "assets/model.h"

namespace ocop::assets {

// Metres per file unit for these options and this model: the named unit, else unit_scale
// (Units::FromFile: 1 for glTF, which is metres by definition, else unit_scale with a
// warning added to the model that the unit was guessed).
float resolve_unit_scale(Model& model, const ImportOptions& options);

// Applies `options` as one new root node over the model's roots, in this order: scale to
// metres, turn the up axis to +Y, turn the front to +Z (yaw about Y), scale to the real size,
// then move the base to the origin. The vertices are not rewritten. No node is added when
// the result is the identity. A real size whose proportions disagree with the model's by more
// than 10% on some axis adds a warning to the model.
void apply_import_options(Model& model, const ImportOptions& options);

// Rotates a Z-up point or direction to Y-up: (x, y, z) -> (x, z, -y), a proper rotation
// (-90° about X), so handedness and winding are kept.
glm::vec3 z_up_to_y_up(const glm::vec3& v);

// The proper rotation that takes `up` to +Y (identity for UpAxis::Y).
glm::mat3 up_axis_to_y_up(UpAxis up);

// Fills `mesh.normals` when it is empty. Each corner of a triangle gets the sum of the unit
// normals of the triangles around the same position (welded by exact position, so UV seams
// stay smooth), weighted by each triangle's angle at that corner (Thürmer & Wüthrich 1998:
// independent of how the surface was tessellated), counting only triangles whose normal is
// within `crease_angle_degrees` of the corner's own triangle. A vertex whose corners come out
// with different normals is split (every attribute copied, appended after the existing
// vertices), so hard edges stay hard: a cube of 8 vertices becomes 24. Vertices on no (or
// only degenerate) triangles get +Y.
void fill_missing_normals(Mesh& mesh, float crease_angle_degrees = 60.0f);

}  // namespace ocop::assets
