#include "render_command.h"

#include <chrono>
#include <cstdio>

#include "cli_support.h"
#include "photo/image_size.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "render/renderer.h"
#include "scene/brand.h"
#include "scene/build.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

namespace ocop::cli {

CLI::App* add_render_command(CLI::App& app, RenderArgs& args) {
    CLI::App* render = app.add_subcommand("render", "A view inside a centre from a tour waypoint, as a PNG");
    render->add_option("CENTRE", args.centre, "The centre layout (.centre.json)")->required();
    render->add_option("-o,--out", args.out, "Output .png file")->required();
    render->add_option("--waypoint", args.waypoint, "Tour waypoint id (default: the tour's start)");
    render->add_option("--size", args.size, "Image size WxH")->capture_default_str();
    render->add_option("--samples", args.samples, "Supersampling factor, 1 to 4")
        ->capture_default_str()
        ->check(CLI::Range(1, 4));
    render->add_flag("--cpu", args.cpu, "Render on the CPU (Mesa lavapipe) even when a GPU is present");
    add_import_limit_options(*render, args.limits);
    render->footer("Example: showroom render scenes/centres/bat-trang.centre.json -o bat-trang.png --waypoint sale");
    return render;
}

int run_render(const RenderArgs& args, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    Result<photo::ImageSize> size = photo::parse_image_size(args.size, "--size");
    if (!size) return report(size.error());
    if (std::max(size->width, size->height) * args.samples > photo::kMaxRenderSide)
        return report(bad_input("--samples", "size times samples must stay within 8192 pixels a side"));
    if (Status s = check_output(args.out, ".png"); !s) return report(s.error());

    Result<CentreFiles> files = load_centre_files(args.centre);
    if (!files) return report(files.error());
    scene::ProductLibrary library(samples_dir(), kCentreProductTriangles);
    library.set_import_limits(args.limits);
    const float aspect = static_cast<float>(size->width) / static_cast<float>(size->height);
    Result<scene::CentreScene> built =
        scene::build(files->centre, files->catalogue, files->brand, library, {args.waypoint, aspect});
    if (!built) return report(built.error());
    for (const std::string& w : built->warnings) log.warn(args.centre + ": " + w);

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return report(ctx.error());
    log.debug("rendering on " + (*ctx)->device_name());
    int exit_code = 0;
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return report(renderer.error());
        Result<render::LinearPixels> frame = (*renderer)->render_linear(
            built->scene, size->width * args.samples, size->height * args.samples, args.samples == 1);
        if (!frame) return report(frame.error());
        const render::Pixels image = photo::finish_photo(*frame, args.samples, false);
        if (Status s = photo::write_png(args.out, image); !s) return report(s.error());
        std::size_t triangles = 0;
        for (const scene::ProductInstance& p : built->scene.products) triangles += p.model->drawn_triangle_count();
        char line[320];
        std::snprintf(line, sizeof line, "wrote %s (%ux%u, %zu products placed, %zu triangles) in %.2f s",
                      args.out.c_str(), size->width, size->height, built->placements, triangles,
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        log.info(line);
    }
    if (const int n = (*ctx)->validation_messages(); n > 0) {
        std::fprintf(stderr, "showroom: %d Vulkan validation message(s) while rendering %s\n", n, args.centre.c_str());
        exit_code = 1;
    }
    return exit_code;
}

}  // namespace ocop::cli
