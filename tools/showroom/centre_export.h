// A centre built for the web: `showroom export CENTRE` and `showroom tour` write the same GLB.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "cli_support.h"
#include "core/log.h"
#include "core/result.h"
#include "export/glb_writer.h"
#include "scene/build.h"

namespace ocop::cli {

struct BuiltCentre {
    CentreFiles files;
    scene::CentreScene built;
};

// Loads the centre and builds its scene with light products (each scan at most 20,000
// triangles, textures at most 512: in a room a product is small; the tour's detail view loads
// its full web GLB). Warnings go to `log`.
Result<BuiltCentre> build_centre_for_web(const std::string& centre_path, const assets::ImportLimits& limits,
                                         const Log& log);


// Writes the centre GLB atomically; returns its size in bytes.
Result<std::size_t> write_centre_glb(const BuiltCentre& centre, const std::filesystem::path& out,
                                     const exporter::GlbEncoding& encoding);

// `showroom export CENTRE.centre.json -o OUT.glb`: exit code as run_export's.
int run_export_centre(const std::string& centre_path, const std::string& out, const exporter::GlbEncoding& encoding,
                      const assets::ImportLimits& limits, const Log& log);

}  // namespace ocop::cli
