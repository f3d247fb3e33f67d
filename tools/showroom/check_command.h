// showroom check: does a centre layout meet the centre criteria (docs/criteria.md)?
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace ocop::cli {

struct CheckArgs {
    std::string centre;
    bool json = false;
};

// Registers `check CENTRE [--json]` on the app.
CLI::App* add_check_command(CLI::App& app, CheckArgs& args);

// Exit codes: 0 compliant, 1 findings, 2 bad input (a schema error: one line naming the file
// and the JSON path).
int run_check(const CheckArgs& args);

}  // namespace ocop::cli
