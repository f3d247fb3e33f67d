// showroom inspect: what a model holds, for people (text) or scripts (--json).
#pragma once

#include <string>
#include <vector>

#include "assets/import.h"

namespace ocop::cli {

struct InspectArgs {
    std::vector<std::string> files;
    bool json = false;
    assets::ImportLimits limits;
};

// Inspects every file, going on past bad ones (each failure is one line on stderr and, with
// --json, an object with "error"). Returns 2 when any file failed, 0 otherwise.
int run_inspect(const InspectArgs& args);

}  // namespace ocop::cli
