// showroom render: a view inside a centre, from one of its tour waypoints.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "core/log.h"

namespace ocop::cli {

struct RenderArgs {
    std::string centre;
    std::string out;
    std::string waypoint;  // empty: the tour's start
    std::string size = "1920x1080";
    bool cpu = false;
    unsigned samples = 1;
    assets::ImportLimits limits;
};

CLI::App* add_render_command(CLI::App& app, RenderArgs& args);

// Returns the process exit code (0, 1 failure while working, 2 bad input).
int run_render(const RenderArgs& args, const Log& log);

}  // namespace ocop::cli
