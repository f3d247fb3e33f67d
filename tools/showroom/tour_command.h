// showroom tour: a centre as a static web folder that visitors open in a browser
// (docs/tour.md).
#pragma once

#include <string>

#include "assets/import.h"
#include "core/log.h"

namespace CLI {
class App;
}

namespace ocop::cli {

struct TourArgs {
    std::string centre;
    std::string out;  // the folder
    assets::ImportLimits limits;
};

CLI::App* add_tour_command(CLI::App& app, TourArgs& args);

// Exit codes: 0 written, 1 failure (the web app not built, a product GLB over budget), 2 bad input.
int run_tour(const TourArgs& args, const Log& log);

}  // namespace ocop::cli
