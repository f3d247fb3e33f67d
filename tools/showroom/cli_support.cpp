#include "cli_support.h"

#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "assets/import.h"
#include "core/files.h"
#include "scene/build.h"

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

Result<const scene::Product*> find_product(const std::string& model, const scene::Catalogue* catalogue) {
    if (const scene::Product* p = catalogue ? catalogue->find(model) : nullptr) return p;
    if (std::filesystem::exists(model)) return static_cast<const scene::Product*>(nullptr);
    return bad_input(model, catalogue ? "neither a model file nor a SKU of " + catalogue->source.string()
                                      : "no such file (give --catalogue to name a SKU)");
}

Result<assets::Model> import_product_or_file(const std::string& model, const scene::Catalogue* catalogue,
                                             const scene::Product* product) {
    if (product && catalogue) return scene::import_product(*catalogue, *product, samples_dir());
    return assets::import(model);
}

}  // namespace ocop::cli
