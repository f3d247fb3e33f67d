// showroom photo: one catalogue photo of a model, or (with the reference flags) a render under
// the same light, camera and tone mapping as <model-viewer> and Blender for comparisons.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "core/log.h"

namespace ocop::cli {

struct PhotoArgs {
    std::string model;
    std::string out;
    std::string size = "2048x2048";
    float turntable_deg = 0.0f;
    bool cpu = false;
    std::string environment = "studio";
    std::string orbit;  // "THETA,PHI[,RADIUS]"
    float fov_deg = 25.0f;
    std::string target;  // "X,Y,Z"
    bool keep_coordinates = false;
    float exposure_ev = 0.0f;
    std::string tonemap = "pbr-neutral";
    bool no_lights = false;
    bool no_shadow = false;
    std::string background = "white";
    // Supersampling factor; unset: 2, as every preset renders (on lavapipe also faster than
    // 4x MSAA for scans of small triangles, docs/benchmarks.md), or 1 where twice the size
    // would pass photo::kMaxRenderSide.
    std::optional<unsigned> samples;
    int bits = 8;  // the PNG's bits a channel: 8 or 16 (rendered in half floats, so 16 are real)
    // Catalogue photography (issue 5): a preset, an angle, a SKU from a catalogue.
    std::string preset;     // a built-in preset or a .preset.json; set: the reference flags are ignored
    std::string angle;      // default: the preset's first angle, else "front"
    std::string catalogue;  // MODEL may then be a SKU
    std::string centre;     // the in-centre preset: the centre layout that displays the product
    bool size_given = false;
    assets::ImportLimits limits;  // --max-triangles, --max-texture-pixels, --max-file-mb
};

CLI::App* add_photo_command(CLI::App& app, PhotoArgs& args);

// Returns the process exit code (0, 1 failure while working, 2 bad input).
int run_photo(const PhotoArgs& args, const Log& log);

}  // namespace ocop::cli
