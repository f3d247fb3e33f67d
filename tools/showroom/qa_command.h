// showroom qa: does a folder of catalogue photos meet its preset (size, pure background, fill,
// centring, exposure) and is the batch consistent (the same exposure, rig, tone mapping)?
#pragma once

#include <string>

#include "core/log.h"

namespace CLI {
class App;
}

namespace ocop::cli {

struct QaArgs {
    std::string dir;
    std::string preset;  // empty: each photo's sidecar names its preset
    bool json = false;
};

// Registers `qa DIR [--preset P] [--json]` on the app.
CLI::App* add_qa_command(CLI::App& app, QaArgs& args);

// Exit codes: 0 every check passes, 1 a check fails, 2 bad input (no such folder, no photos in
// it, an unknown preset).
int run_qa(const QaArgs& args, const Log& log);

}  // namespace ocop::cli
