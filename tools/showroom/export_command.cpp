#include "export_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "centre_export.h"
#include "cli_support.h"
#include "core/files.h"
#include "export/glb_writer.h"
#include "export/web_glb.h"
#include "scene/build.h"

namespace ocop::cli {

CLI::App* add_export_command(CLI::App& app, ExportArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "export", "Write a product or a whole centre as a binary glTF (GLB): metres, +Y up, base at the origin");
    cmd->add_option("MODEL", args.model,
                    "The product model (" + assets::supported_model_list() +
                        "), a SKU with --catalogue, or a centre (.centre.json)")
        ->required();
    cmd->add_option("-o,--out", args.out, "Output .glb file")->required();
    cmd->add_option("--catalogue", args.catalogue, "A catalogue: MODEL may be a SKU, whose data goes into the GLB");
    cmd->add_flag("--web", args.web, "For online shops: at most 50,000 triangles, textures at most 2048, at most 4 MB");
    cmd->add_option("--max-triangles", args.max_triangles, "Simplify to at most this many triangles (meshoptimizer)")
        ->check(CLI::Range(std::size_t(100), std::size_t(100'000'000)));
    cmd->add_option("--max-texture", args.max_texture, "Scale textures down to at most this many pixels a side")
        ->check(CLI::Range(16, 16384));
    cmd->add_flag("--webp", args.webp,
                  "Textures as WebP (EXT_texture_webp, required): smaller; browsers read it, older tools may not");
    cmd->add_flag("--quantize", args.quantize,
                  "16-bit positions, 8-bit normals (KHR_mesh_quantization, required): half the geometry bytes; --web does it");
    cmd->add_flag("--meshopt", args.meshopt,
                  "Compress geometry (EXT_meshopt_compression, required): three.js and gltfpack read it");
    add_import_limit_options(*cmd, args.limits, "--max-import-triangles");
    cmd->footer(
        "Examples:\n"
        "  showroom export BT-VASE-01 --catalogue assets/catalogue/hanoi.json --web -o vase.glb\n"
        "  showroom export scan.ply --max-triangles 100000 -o scan.glb\n"
        "  showroom export scenes/centres/bat-trang.centre.json -o bat-trang.glb\n"
        "A centre GLB holds rooms, fixtures, price tags, light products, lights (KHR_lights_punctual),\n"
        "tour waypoints as cameras and zones, with their data in node extras (docs/export.md).");
    return cmd;
}

int run_export(const ExportArgs& args, const Log& log) {
    if (args.model.ends_with(".centre.json")) {
        if (args.web || args.max_triangles || args.max_texture || !args.catalogue.empty())
            return report(bad_input(args.model, "a centre is exported as it is: --web, --max-triangles, "
                                                "--max-texture and --catalogue are for products"));
        // A centre GLB is for web viewers: quantized, colour as JPEG unless --webp.
        const exporter::GlbEncoding encoding{
            args.webp ? exporter::TextureEncoding::WebP : exporter::TextureEncoding::Compact, args.meshopt, true};
        return run_export_centre(args.model, args.out, encoding, args.limits, log);
    }
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
    assets::ImportOptions no_lods;  // a GLB carries no LOD chain
    no_lods.build_lods = false;
    no_lods.limits = args.limits;
    Result<assets::Model> imported =
        import_product_or_file(args.model, catalogue ? &*catalogue : nullptr, product, no_lods);
    if (!imported) return report(imported.error());
    for (const std::string& w : imported->warnings) log.warn(args.model + ": " + w);
    assets::Model& model = imported.value();

    exporter::GlbBudget budget{args.max_triangles, args.max_texture, 0};
    if (args.web) {
        const exporter::GlbBudget& web = exporter::kWebBudget;
        budget.max_triangles = budget.max_triangles ? std::min(budget.max_triangles, web.max_triangles) : web.max_triangles;
        budget.max_texture = budget.max_texture ? std::min(budget.max_texture, web.max_texture) : web.max_texture;
        budget.max_bytes = web.max_bytes;
    }
    // Web budgets want colour as JPEG; otherwise the textures stay as they came.
    const exporter::TextureEncoding textures = args.webp  ? exporter::TextureEncoding::WebP
                                               : args.web ? exporter::TextureEncoding::Compact
                                                          : exporter::TextureEncoding::AsImported;
    const exporter::GlbOptions options{.name = product ? product->sku : std::string(),
                                       .generator = {},
                                       .product = product,
                                       .encoding = {textures, args.meshopt, args.quantize || args.web}};
    Result<exporter::BudgetedGlb> glb = exporter::encode_glb_within(model, budget, options, args.model);
    if (!glb) return report(glb.error());
    const int max_texture = glb->max_texture;
    if (Status s = write_file_atomic(args.out, std::span<const std::uint8_t>(glb->bytes)); !s) return report(s.error());
    char line[256];
    std::snprintf(line, sizeof line, "wrote %s (%zu triangles, %zu images%s, %.2f MB) in %.2f s", args.out.c_str(),
                  model.triangle_count(), model.images.size(),
                  max_texture > 0 ? (", textures <= " + std::to_string(max_texture)).c_str() : "",
                  double(glb->bytes.size()) / 1e6, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    log.info(line);
    return 0;
}

}  // namespace ocop::cli
