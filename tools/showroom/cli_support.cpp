#include "cli_support.h"

#include <cstdio>
#include <cstdlib>
#include <system_error>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "core/files.h"
#include "scene/build.h"

namespace ocop::cli {

int report(const Error& e) {
    std::fprintf(stderr, "showroom: %s\n", e.message().c_str());
    return e.exit_code();
}

void add_import_limit_options(CLI::App& command, assets::ImportLimits& limits, const std::string& triangles_flag) {
    limits.triangles_flag = triangles_flag;
    command.add_option(triangles_flag, limits.max_triangles, "Refuse a model with more triangles than this")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 40));
    command.add_option("--max-texture-pixels", limits.max_texture_pixels,
                       "Refuse a model with a texture of more pixels (width x height) than this")
        ->capture_default_str()
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 40));
    command
        .add_option_function<std::uint64_t>(
            "--max-file-mb", [&limits](const std::uint64_t& mb) { limits.max_file_bytes = mb << 20; },
            "Refuse a model file (or a file it names) larger than this many MB [" +
                std::to_string(limits.max_file_bytes >> 20) + "]")
        ->check(CLI::Range(std::uint64_t(1), std::uint64_t(1) << 30));
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

namespace {

// The folder above the binary's `bin` (build/), or "." when /proc is not there.
std::filesystem::path install_root() {
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path(".") : exe.parent_path().parent_path();
}

}  // namespace

std::filesystem::path samples_dir() {
    if (const char* env = std::getenv("OCOP_SAMPLES_DIR"); env && *env) return env;
    return install_root() / "samples";
}

std::filesystem::path share_dir() {
    if (const char* env = std::getenv("OCOP_SHARE_DIR"); env && *env) return env;
    return install_root() / "share" / "ocop";
}

Result<scene::Catalogue> load_catalogue_of(const scene::Centre& centre, const std::string& centre_path) {
    Result<scene::Catalogue> catalogue = scene::load_catalogue(scene::catalogue_path(centre));
    if (catalogue) return catalogue;
    // The catalogue is the centre's input too: say which centre named it.
    Error e = catalogue.error();
    if (e.kind == Error::Kind::BadInput && e.file != centre_path) e.reason += " (the catalogue of " + centre_path + ")";
    return e;
}

Result<CentreFiles> load_centre_files(const std::string& centre_path) {
    Result<scene::Centre> centre = scene::load_centre(centre_path);
    if (!centre) return centre.error();
    Result<scene::Catalogue> catalogue = load_catalogue_of(*centre, centre_path);
    if (!catalogue) return catalogue.error();
    Result<scene::Brand> brand = centre->brand.empty() ? Result<scene::Brand>(scene::default_brand())
                                                       : scene::load_brand(scene::brand_path(*centre));
    if (!brand) return brand.error();
    return CentreFiles{std::move(centre).value(), std::move(catalogue).value(), std::move(brand).value()};
}

Result<const scene::Product*> find_product(const std::string& model, const scene::Catalogue* catalogue) {
    if (const scene::Product* p = catalogue ? catalogue->find(model) : nullptr) return p;
    if (std::filesystem::exists(model)) return static_cast<const scene::Product*>(nullptr);
    return bad_input(model, catalogue ? "neither a model file nor a SKU of " + catalogue->source.string()
                                      : "no such file (give --catalogue to name a SKU)");
}

Result<assets::Model> import_product_or_file(const std::string& model, const scene::Catalogue* catalogue,
                                             const scene::Product* product, const assets::ImportOptions& base) {
    if (product && catalogue) return scene::import_product(*catalogue, *product, samples_dir(), base);
    return assets::import(model, base);
}

}  // namespace ocop::cli
