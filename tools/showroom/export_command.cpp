#include "export_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "assets/process.h"
#include "cli_support.h"
#include "core/files.h"
#include "export/glb_writer.h"
#include "scene/build.h"

namespace ocop::cli {

namespace {

// What --web promises an online shop (issue 6): a model a phone loads quickly.
constexpr std::size_t kWebTriangles = 50'000;
constexpr int kWebTexture = 2048;
constexpr std::size_t kWebBytes = 4u << 20;

// simplify_model aims each mesh at its share, which can land a little over the total (small
// meshes kept whole) or stop at its error bound: aim lower, allowing more error, until it fits.
Status fit_triangle_budget(assets::Model& model, std::size_t max_triangles, const std::string& source) {
    float max_error = 0.02f;
    std::size_t target = max_triangles;
    for (int attempt = 0; attempt < 6 && model.triangle_count() > max_triangles; ++attempt) {
        const std::size_t before = model.triangle_count();
        assets::simplify_model(model, target, max_error);
        const std::size_t after = model.triangle_count();
        if (after > max_triangles) target = std::max<std::size_t>(1, target * max_triangles / after * 95 / 100);
        if (after == before) max_error *= 4.0f;  // stuck at the error bound
    }
    if (model.triangle_count() > max_triangles)
        return bad_input(source, "cannot simplify to " + std::to_string(max_triangles) + " triangles (it keeps " +
                                     std::to_string(model.triangle_count()) + ")");
    return Ok{};
}

}  // namespace

CLI::App* add_export_command(CLI::App& app, ExportArgs& args) {
    CLI::App* cmd = app.add_subcommand("export", "Write a product as a binary glTF (GLB): metres, +Y up, base at the origin");
    cmd->add_option("MODEL", args.model,
                    "The product model (" + assets::supported_model_list() + "), or a SKU with --catalogue")
        ->required();
    cmd->add_option("-o,--out", args.out, "Output .glb file")->required();
    cmd->add_option("--catalogue", args.catalogue, "A catalogue: MODEL may be a SKU, whose data goes into the GLB");
    cmd->add_flag("--web", args.web, "For online shops: at most 50,000 triangles, textures at most 2048, at most 4 MB");
    cmd->add_option("--max-triangles", args.max_triangles, "Simplify to at most this many triangles (meshoptimizer)")
        ->check(CLI::Range(std::size_t(100), std::size_t(100'000'000)));
    cmd->add_option("--max-texture", args.max_texture, "Scale textures down to at most this many pixels a side")
        ->check(CLI::Range(16, 16384));
    return cmd;
}

int run_export(const ExportArgs& args, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    if (Status s = check_output(args.out, ".glb"); !s) return report(s.error());
    std::optional<scene::Catalogue> catalogue;
    if (!args.catalogue.empty()) {
        Result<scene::Catalogue> c = scene::load_catalogue(args.catalogue);
        if (!c) return report(c.error());
        catalogue = std::move(c).value();
    }
    Result<const scene::Product*> found = find_product(args.model, catalogue ? &*catalogue : nullptr);
    if (!found) return report(found.error());
    const scene::Product* product = found.value();
    Result<assets::Model> imported = import_product_or_file(args.model, catalogue ? &*catalogue : nullptr, product);
    if (!imported) return report(imported.error());
    for (const std::string& w : imported->warnings) log.warn(args.model + ": " + w);
    assets::Model& model = imported.value();

    std::size_t max_triangles = args.max_triangles;
    int max_texture = args.max_texture;
    if (args.web) {
        max_triangles = max_triangles ? std::min(max_triangles, kWebTriangles) : kWebTriangles;
        max_texture = max_texture ? std::min(max_texture, kWebTexture) : kWebTexture;
    }
    if (max_triangles > 0)
        if (Status s = fit_triangle_budget(model, max_triangles, args.model); !s) return report(s.error());
    if (max_texture > 0) assets::downscale_textures(model, max_texture);
    const exporter::GlbOptions options{.name = product ? product->sku : std::string(), .generator = {}, .product = product};
    Result<std::vector<std::uint8_t>> glb = exporter::encode_glb(model, options);
    // The web budget: halve the textures until the file fits (geometry is already at 50k).
    while (glb && args.web && glb->size() > kWebBytes && max_texture > 256) {
        max_texture /= 2;
        assets::downscale_textures(model, max_texture);
        glb = exporter::encode_glb(model, options);
    }
    if (!glb) return report(glb.error());
    if (args.web && glb->size() > kWebBytes)
        return report(failure(args.out, "the web GLB is " + std::to_string(glb->size() >> 10) +
                                            " KiB even with 256-pixel textures: over the 4 MiB budget"));
    if (Status s = write_file_atomic(args.out, std::span<const std::uint8_t>(*glb)); !s) return report(s.error());
    char line[256];
    std::snprintf(line, sizeof line, "wrote %s (%zu triangles, %zu images%s, %.2f MB) in %.2f s", args.out.c_str(),
                  model.triangle_count(), model.images.size(),
                  max_texture > 0 ? (", textures <= " + std::to_string(max_texture)).c_str() : "",
                  double(glb->size()) / 1e6, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    log.info(line);
    return 0;
}

}  // namespace ocop::cli
