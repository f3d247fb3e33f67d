#include "centre_export.h"

#include <chrono>
#include <cstdio>
#include <span>

#include "core/files.h"
#include "export/centre_glb.h"

namespace ocop::cli {
namespace {

constexpr std::size_t kWebCentreProductTriangles = 20'000;
constexpr int kWebCentreProductTexture = 512;

}  // namespace

Result<BuiltCentre> build_centre_for_web(const std::string& centre_path, const assets::ImportLimits& limits,
                                         const Log& log) {
    Result<CentreFiles> files = load_centre_files(centre_path);
    if (!files) return files.error();
    scene::ProductLibrary library(samples_dir(), kWebCentreProductTriangles, kWebCentreProductTexture);
    library.set_import_limits(limits);
    Result<scene::CentreScene> built = scene::build(files->centre, files->catalogue, files->brand, library);
    if (!built) return built.error();
    // The 16-light limit is the desktop renderer's: the GLB carries every light.
    for (const std::string& w : built->warnings)
        if (w.find("lights are not drawn") == std::string::npos) log.warn(centre_path + ": " + w);
    return BuiltCentre{std::move(files).value(), std::move(built).value()};
}

Result<std::size_t> write_centre_glb(const BuiltCentre& centre, const std::filesystem::path& out,
                                     const exporter::GlbEncoding& encoding) {
    exporter::GlbScene scene = exporter::centre_glb_scene(centre.files.centre, centre.files.catalogue, centre.built);
    scene.encoding = encoding;
    Result<std::vector<std::uint8_t>> glb = exporter::encode_scene_glb(scene);
    if (!glb) return glb.error();
    if (Status s = write_file_atomic(out, std::span<const std::uint8_t>(*glb)); !s) return s.error();
    return glb->size();
}

int run_export_centre(const std::string& centre_path, const std::string& out, const exporter::GlbEncoding& encoding,
                      const assets::ImportLimits& limits, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    if (Status s = check_output(out, ".glb"); !s) return report(s.error());
    Result<BuiltCentre> centre = build_centre_for_web(centre_path, limits, log);
    if (!centre) return report(centre.error());
    Result<std::size_t> bytes = write_centre_glb(*centre, out, encoding);
    if (!bytes) return report(bytes.error());
    std::size_t triangles = 0;
    for (const scene::ProductInstance& p : centre->built.scene.products) triangles += p.model->triangle_count();
    char line[320];
    std::snprintf(line, sizeof line, "wrote %s (%zu items, %zu products placed, %zu lights, %zu triangles drawn, %.2f MB) in %.2f s",
                  out.c_str(), centre->built.items.size(), centre->built.placements, centre->built.all_lights.size(),
                  triangles, double(*bytes) / 1e6,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    log.info(line);
    return 0;
}

}  // namespace ocop::cli
