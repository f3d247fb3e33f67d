// What every showroom command shares: one-line errors and checking an output path.
#pragma once

#include <filesystem>
#include <string>

#include "assets/import.h"
#include "assets/model.h"
#include "core/result.h"
#include "scene/brand.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

namespace CLI {
class App;
}

namespace ocop::cli {

// Prints "showroom: <file>: <reason>" on stderr and returns the exit code (DESIGN.md).
int report(const Error& e);

// --max-triangles N, --max-texture-pixels N and --max-file-mb N on a command that imports
// models: beyond them an import is refused with one line naming the file and the limit
// (assets::ImportLimits). `export` spells the first --max-import-triangles: its --max-triangles
// is the simplification budget.
void add_import_limit_options(CLI::App& command, assets::ImportLimits& limits,
                              const std::string& triangles_flag = "--max-triangles");

// The output must be a file we can write with the expected extension, in a folder that exists.
Status check_output(const std::filesystem::path& out, const std::string& extension);

// The generated sample products (tools/assetgen): $OCOP_SAMPLES_DIR, else the `samples` folder
// beside the binary's `bin` folder (build/samples), so the CLI runs from any working directory.
std::filesystem::path samples_dir();

// Products in a centre are small on screen: a lighter version of each scan keeps a room of
// thirty heroes quick to draw on a CPU without a visible difference at this distance.
constexpr std::size_t kCentreProductTriangles = 20'000;

// MODEL of `photo` and `export`: a SKU of the catalogue (when one is given) or a model file.
// The product, or nullptr for a file; BadInput when MODEL is neither.
Result<const scene::Product*> find_product(const std::string& model, const scene::Catalogue* catalogue);
// Imports it: a product with the catalogue's units, up axis and real size, a file as it is.
Result<assets::Model> import_product_or_file(const std::string& model, const scene::Catalogue* catalogue,
                                             const scene::Product* product, const assets::ImportOptions& base = {});

// The catalogue a centre names; its errors say which centre named it.
Result<scene::Catalogue> load_catalogue_of(const scene::Centre& centre, const std::string& centre_path);

// A centre layout with the catalogue and brand it names (the shipped brand when it names none).
struct CentreFiles {
    scene::Centre centre;
    scene::Catalogue catalogue;
    scene::Brand brand;
};
Result<CentreFiles> load_centre_files(const std::string& centre_path);

// What the build installs beside the binary: $OCOP_SHARE_DIR, else build/share/ocop (the
// browser tour's web app).
std::filesystem::path share_dir();

}  // namespace ocop::cli
