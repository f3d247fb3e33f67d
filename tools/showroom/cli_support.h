// What every showroom command shares: one-line errors and checking an output path.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace ocop::cli {

// Prints "showroom: <file>: <reason>" on stderr and returns the exit code (DESIGN.md).
int report(const Error& e);

// The output must be a file we can write with the expected extension, in a folder that exists.
Status check_output(const std::filesystem::path& out, const std::string& extension);

// The generated sample products (tools/assetgen): $OCOP_SAMPLES_DIR, else the `samples` folder
// beside the binary's `bin` folder (build/samples), so the CLI runs from any working directory.
std::filesystem::path samples_dir();

}  // namespace ocop::cli
