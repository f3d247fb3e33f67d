// showroom export: a product as a GLB for online shops: a model file, or a SKU of a catalogue
// (its catalogue data in the GLB), optionally lightened for the web.
#pragma once

#include <cstddef>
#include <string>

#include "assets/import.h"
#include "core/log.h"

namespace CLI {
class App;
}

namespace ocop::cli {

struct ExportArgs {
    std::string model;  // a model file, or a SKU with --catalogue
    std::string out;
    std::string catalogue;
    bool web = false;               // at most 50k triangles, textures at most 2048, file at most 4 MB
    std::size_t max_triangles = 0;  // 0: as many as the model has (--web: 50,000)
    int max_texture = 0;            // 0: as they are (--web: 2048)
    bool webp = false;              // every texture as WebP (EXT_texture_webp)
    bool meshopt = false;           // geometry compressed (EXT_meshopt_compression)
    bool quantize = false;          // vertices quantized (KHR_mesh_quantization); --web implies it
    assets::ImportLimits limits;    // --max-import-triangles, --max-texture-pixels, --max-file-mb
};

CLI::App* add_export_command(CLI::App& app, ExportArgs& args);

// Exit codes: 0 written, 1 failure (a web GLB that cannot fit 4 MB), 2 bad input.
int run_export(const ExportArgs& args, const Log& log);

}  // namespace ocop::cli
