// Making scans engine-ready after import: meshoptimizer's pipeline per mesh and texture sizes.
// Plain functions over a Mesh or a Model; assets::import runs them (ImportOptions).
#pragma once

#include <cstddef>

#include <string>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

struct LodSettings {
    std::size_t model_triangles_above = 1'000'000;  // models this heavy get LOD chains
    std::size_t smallest_triangles = 50'000;  // the model's coarsest level, shared among its meshes
    float max_error = 0.05f;  // relative to the mesh's extent, summed over the chain
};

// meshoptimizer's documented order (STYLE.md): index (meshopt_generateVertexRemapMulti welds
// vertices equal in every attribute) -> simplify (when `lod_smallest_triangles` > 0: levels
// of about half the previous one's triangles, each simplified from the one before, down to
// that many triangles or until meshopt_simplify cannot reduce further; Lod::error is the
// summed error bound) -> vertex cache (every level) -> overdraw (threshold 1.05) -> vertex
// fetch. Every attribute is kept aligned with the positions. Meshes with indices out of
// range, a partial triangle, or an attribute array of the wrong size are left as they are.
void optimise_mesh(Mesh& mesh, std::size_t lod_smallest_triangles = 0, float lod_max_error = 0.05f);

// A LOD chain alone, over the mesh's current indices and vertices (replaces mesh.lods).
void build_lods(Mesh& mesh, std::size_t smallest_triangles, float max_error = 0.05f);

// optimise_mesh for every mesh of the model, meshes with identical contents processed once
// (a file that instances one geometry with several materials holds copies), the rest in
// parallel. LOD chains when the model (each mesh once) has more than
// settings.model_triangles_above triangles: each mesh gets its share of
// settings.smallest_triangles, in proportion to its triangles.
void optimise_model(Model& model, const LodSettings& settings = {});

// A lighter model for views where the product is small on screen (a centre, a tour): each mesh
// simplified (meshopt_simplify, relative error up to `max_error`) towards its share of
// `max_triangles`, in proportion to its triangles, and its unused vertices dropped. Meshes
// already within their share are kept as they are; LOD chains are dropped. Returns the
// triangles after.
std::size_t simplify_model(Model& model, std::size_t max_triangles, float max_error = 0.02f);

// simplify_model until the model has at most `max_triangles`: when small parts kept whole or
// the error bound leave it over, it aims lower and allows more error. BadInput naming `source`
// when it cannot (the model is then as simple as it got).
Status fit_triangle_budget(Model& model, std::size_t max_triangles, const std::string& source);

// Downscales every image whose width or height exceeds `max_side` (0 = no limit) to fit,
// keeping its aspect ratio, with stb_image_resize: sRGB-aware for images that a colour slot
// uses (base colour, emissive, sheen colour, specular colour), linear for data and HDR. The
// encoded bytes are dropped (export re-encodes). Adds a warning per image; returns how many.
int downscale_textures(Model& model, int max_side);

}  // namespace ocop::assets
