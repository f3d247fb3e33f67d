// export::write_glb: an assets::Model as one self-contained glTF 2.0 binary (.glb) for shops,
// web viewers and the tour. (The namespace is `exporter` because `export` is a C++ keyword.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "assets/model.h"
#include "core/result.h"
#include "scene/catalogue.h"

namespace ocop::exporter {

struct GlbOptions {
    // The product's name on the root node; empty = the stem of Model::source, else "model".
    std::string name;
    // asset.generator; empty = "OCOP Showroom <version>".
    std::string generator;
    // The product's catalogue data, written to the root node's extras ("ocop": sku, names,
    // stars, producer, commune, price...) and its producer to asset.copyright; none: neither.
    const scene::Product* product = nullptr;
};

// Layout of what is written: one scene whose root node (named after the product) has one
// child node per Mesh, each with a glTF mesh of one primitive. Per-Mesh nodes keep the part
// names visible in viewers and give each part a place for its own extras; the root node is
// where product metadata goes. Only images that a material uses are written.
//
// Errors: BadInput (naming Model::source and the mesh/material/image) for an empty model, a
// mesh without triangles, attribute arrays of the wrong length, an index or texture reference
// out of range, an image with neither pixels nor PNG/JPEG bytes; Failure for anything else.
Result<std::vector<std::uint8_t>> encode_glb(const assets::Model& model,
                                             const GlbOptions& options = {});

// encode_glb, then an atomic write to `path` (core/files.h); errors name `path`.
Status write_glb(const assets::Model& model, const std::filesystem::path& path,
                 const GlbOptions& options = {});

}  // namespace ocop::exporter
