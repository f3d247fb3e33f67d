#include "tour_command.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <span>
#include <system_error>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "centre_export.h"
#include "cli_support.h"
#include "core/files.h"
#include "export/tour_data.h"
#include "export/web_glb.h"

namespace ocop::cli {
namespace {

namespace fs = std::filesystem;

// The web app the build bundles (tools/tour): copied as it is into every tour.
constexpr const char* kAppFiles[] = {"index.html", "tour.js", "tour.css"};

// Visitors download every byte: WebP textures and quantized, meshopt-compressed geometry, which
// every browser the tour runs in decodes (the app carries three's MeshoptDecoder).
constexpr exporter::GlbEncoding kTourEncoding{exporter::TextureEncoding::WebP, true, true};

Status copy_into(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    if (!ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) return failure(to.string(), "cannot copy " + from.string() + ": " + ec.message());
    return Ok{};
}

// Each placed product once, in the catalogue's order, as a web GLB for the detail view.
Result<std::map<std::string, std::string>> write_product_glbs(const BuiltCentre& centre, const fs::path& dir,
                                                              const assets::ImportLimits& limits, const Log& log) {
    std::set<std::string> placed;
    for (const scene::SceneItem& item : centre.built.items)
        if (item.kind == scene::SceneItem::Kind::Product) placed.insert(item.id);
    std::map<std::string, std::string> files;
    std::size_t done = 0;
    for (const scene::Product& product : centre.files.catalogue.products) {
        if (!placed.count(product.sku)) continue;
        assets::ImportOptions no_lods;  // a GLB carries no LOD chain
        no_lods.build_lods = false;
        no_lods.limits = limits;
        Result<assets::Model> model = scene::import_product(centre.files.catalogue, product, samples_dir(), no_lods);
        if (!model) return model.error();
        const exporter::GlbOptions options{
            .name = product.sku, .generator = {}, .product = &product, .encoding = kTourEncoding};
        Result<exporter::BudgetedGlb> glb = exporter::encode_glb_within(*model, exporter::kWebBudget, options, product.sku);
        if (!glb && glb.error().kind == Error::Kind::BadInput) {
            // Over the triangle budget (a mesh the simplifier cannot reduce further): the detail
            // view still shows it, as far as it went.
            log.warn(glb.error().message() + "; its detail view keeps " + std::to_string(model->triangle_count()));
            exporter::GlbBudget budget = exporter::kWebBudget;
            budget.max_triangles = 0;
            budget.max_bytes = 0;
            glb = exporter::encode_glb_within(*model, budget, options, product.sku);
        }
        if (!glb) return glb.error();
        const std::string file = "products/" + product.sku + ".glb";
        if (Status s = write_file_atomic(dir / file, std::span<const std::uint8_t>(glb->bytes)); !s) return s.error();
        files.emplace(product.sku, file);
        char line[200];
        std::snprintf(line, sizeof line, "[%zu/%zu] %s: %zu triangles, %.2f MB", ++done, placed.size(),
                      product.sku.c_str(), model->triangle_count(), double(glb->bytes.size()) / 1e6);
        log.info(line);
    }
    return files;
}

// The folder is written beside the target and moved into place at the end, so a failed run
// leaves the previous tour as it was. An existing folder is replaced only if it is a tour.
Status check_tour_folder(const fs::path& out) {
    std::error_code ec;
    if (!fs::exists(out, ec)) {
        const fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
        if (!fs::is_directory(parent, ec)) return bad_input(out.string(), "its parent folder does not exist");
        return Ok{};
    }
    if (!fs::is_directory(out, ec)) return bad_input(out.string(), "is a file, not a folder");
    if (!fs::is_empty(out, ec) && !fs::exists(out / "tour.json", ec))
        return bad_input(out.string(), "is a folder that is not a tour (no tour.json): choose an empty or new folder");
    return Ok{};
}

Status move_into_place(const fs::path& staging, const fs::path& out) {
    std::error_code ec;
    const fs::path old = out.string() + ".old-" + std::to_string(::getpid());
    const bool replacing = fs::exists(out, ec);
    if (replacing) fs::rename(out, old, ec);
    if (!ec) fs::rename(staging, out, ec);
    if (ec) return failure(out.string(), "cannot move the new tour into place: " + ec.message());
    if (replacing) fs::remove_all(old, ec);
    return Ok{};
}

}  // namespace

CLI::App* add_tour_command(CLI::App& app, TourArgs& args) {
    CLI::App* cmd = app.add_subcommand("tour", "Write a centre as a web tour: a static folder that opens in a browser");
    cmd->add_option("CENTRE", args.centre, "The centre layout (.centre.json)")->required();
    cmd->add_option("-o,--out", args.out, "The folder to write (created; a previous tour there is replaced)")->required();
    cmd->footer(
        "The folder holds index.html, the centre GLB, a web GLB of each product for its 3D view,\n"
        "tour.json and the web app (three.js, bundled at build time: no network at run time).\n"
        "Serve it from any static host, e.g.:  python3 -m http.server -d DIR  (docs/tour.md)\n"
        "Example: showroom tour scenes/centres/bat-trang.centre.json -o bat-trang-tour");
    add_import_limit_options(*cmd, args.limits);
    return cmd;
}

int run_tour(const TourArgs& args, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    fs::path out = fs::path(args.out).lexically_normal();
    if (!out.has_filename()) out = out.parent_path();  // "tour/" names the folder "tour"
    if (Status s = check_tour_folder(out); !s) return report(s.error());
    const fs::path app = share_dir() / "tour";
    for (const char* file : kAppFiles)
        if (!fs::exists(app / file))
            return report(failure((app / file).string(), "the tour's web app was not built (tools/bootstrap installs "
                                                        "its npm packages; then build again)"));

    Result<BuiltCentre> centre = build_centre_for_web(args.centre, args.limits, log);
    if (!centre) return report(centre.error());

    const fs::path staging = out.string() + ".partial-" + std::to_string(::getpid());
    std::error_code ec;
    fs::remove_all(staging, ec);
    fs::create_directories(staging / "products", ec);
    if (ec) return report(failure(staging.string(), "cannot create the folder: " + ec.message()));
    const auto fail = [&](const Error& e) {
        fs::remove_all(staging, ec);
        return report(e);
    };

    Result<std::size_t> scene_bytes = write_centre_glb(*centre, staging / "centre.glb", kTourEncoding);
    if (!scene_bytes) return fail(scene_bytes.error());
    char line[256];
    std::snprintf(line, sizeof line, "centre.glb: %zu items, %.2f MB", centre->built.items.size(), double(*scene_bytes) / 1e6);
    log.info(line);

    exporter::TourFiles files;
    Result<std::map<std::string, std::string>> products = write_product_glbs(*centre, staging, args.limits, log);
    if (!products) return fail(products.error());
    files.product_models = std::move(products).value();

    const scene::Brand& brand = centre->files.brand;
    const auto copy_brand_file = [&](const fs::path& from, const std::string& to, std::string& name) -> Status {
        if (from.empty() || !fs::exists(from)) return Ok{};
        name = to;
        return copy_into(from, staging / to);
    };
    if (Status s = copy_brand_file(brand.font_regular, "fonts/" + brand.font_regular.filename().string(), files.font_regular); !s)
        return fail(s.error());
    if (Status s = copy_brand_file(brand.font_bold, "fonts/" + brand.font_bold.filename().string(), files.font_bold); !s)
        return fail(s.error());
    if (Status s = copy_brand_file(brand.logo, "brand/logo" + brand.logo.extension().string(), files.logo); !s)
        return fail(s.error());

    const std::string json =
        exporter::tour_json(centre->files.centre, centre->files.catalogue, brand, centre->built, files).dump(1, ' ');
    if (Status s = write_file_atomic(staging / "tour.json", std::span(reinterpret_cast<const std::uint8_t*>(json.data()), json.size())); !s)
        return fail(s.error());
    for (const char* file : kAppFiles)
        if (Status s = copy_into(app / file, staging / file); !s) return fail(s.error());
    if (Status s = move_into_place(staging, out); !s) return fail(s.error());

    std::snprintf(line, sizeof line, "wrote %s (%zu products) in %.1f s; serve it with: python3 -m http.server -d %s",
                  out.c_str(), files.product_models.size(),
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), out.c_str());
    log.info(line);
    return 0;
}

}  // namespace ocop::cli
