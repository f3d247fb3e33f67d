#include "cli_support.h"

#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "core/files.h"

namespace ocop::cli {

int report(const Error& e) {
    std::fprintf(stderr, "showroom: %s\n", e.message().c_str());
    return e.exit_code();
}

Status check_output(const std::filesystem::path& out, const std::string& extension) {
    namespace fs = std::filesystem;
    if (lower_extension(out) != extension) return bad_input(out.string(), "the output must end in " + extension);
    const fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return bad_input(out.string(), "its folder does not exist");
    if (fs::is_directory(out, ec)) return bad_input(out.string(), "is a folder");
    return Ok{};
}

std::filesystem::path samples_dir() {
    if (const char* env = std::getenv("OCOP_SAMPLES_DIR"); env && *env) return env;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path("samples") : exe.parent_path().parent_path() / "samples";
}

}  // namespace ocop::cli
