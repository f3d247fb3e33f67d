// showroom photos: a catalogue shot with a preset: every product x angle (or a turntable),
// resumable, shardable, with a progress bar on a terminal and quiet log lines otherwise.
#pragma once

#include <string>

#include "assets/import.h"
#include "core/log.h"

namespace CLI {
class App;
}

namespace ocop::cli {

struct PhotosArgs {
    std::string catalogue;
    std::string preset = "marketplace-white";
    std::string out;
    std::string angles;  // "front,side"; empty: the preset's or each category's set
    std::string shard;   // "I/N"
    int turntable = 0;   // frames a product
    std::string only;    // "SKU,SKU": just these products
    bool cpu = false;
    assets::ImportLimits limits;
};

CLI::App* add_photos_command(CLI::App& app, PhotosArgs& args);

// Exit codes: 0 every photo written, 1 some failed, 2 bad input (catalogue, preset, angles, shard).
int run_photos(const PhotosArgs& args, const Log& log);

}  // namespace ocop::cli
