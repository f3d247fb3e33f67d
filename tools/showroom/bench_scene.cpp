// `showroom bench scene CENTRE`: frames per second of a centre view, as the studio app and a
// walk through the centre draw it (issue 10: a 1280x720 view of >= 1M triangles and 16 lights).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench.h"
#include "cli_support.h"
#include "render/context.h"
#include "render/renderer.h"
#include "scene/build.h"

namespace ocop::cli {

namespace {

int fail_scene(const Error& e) {
    std::fprintf(stderr, "showroom: %s\n", e.message().c_str());
    return e.exit_code();
}

}  // namespace

int run_bench_scene(const BenchArgs& args, const Log& log) {
    Result<CentreFiles> files = load_centre_files(args.model);
    if (!files) return fail_scene(files.error());
    scene::ProductLibrary library(samples_dir(), kCentreProductTriangles);
    library.set_import_limits(args.limits);
    const float aspect = float(args.width) / float(args.height);

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return fail_scene(ctx.error());
    Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
    if (!renderer) return fail_scene(renderer.error());

    nlohmann::json out{{"bench", "scene"}, {"centre", args.model}, {"device", (*ctx)->device_name()},
                       {"size", std::to_string(args.width) + "x" + std::to_string(args.height)},
                       {"light_shadows", !args.no_shadow}};
    // Every waypoint of the tour: a view into a full room and one facing a wall both count.
    std::vector<double> all, all_gpu_ms, all_read_back;
    for (const scene::Waypoint& waypoint : files->centre.tour.waypoints) {
        const auto build_start = Clock::now();
        Result<scene::CentreScene> built =
            scene::build(files->centre, files->catalogue, files->brand, library, {waypoint.id, aspect});
        if (!built) return fail_scene(built.error());
        built->scene.light_shadows = !args.no_shadow;
        const double build_s = std::chrono::duration<double>(Clock::now() - build_start).count();
        std::size_t triangles = 0;
        for (const scene::ProductInstance& p : built->scene.products) triangles += p.model->drawn_triangle_count();
        // The first frame uploads what it has not seen. Then the timed frames: drawn as a window
        // draws them (no readback), with the GPU's own time where it keeps timestamps; then
        // drawn and read back, as a photo is.
        if (Result<render::Pixels> first = (*renderer)->render_offscreen(built->scene, args.width, args.height); !first)
            return fail_scene(first.error());
        // Before the first view's timed frames, a second of frames: a GPU left idle runs at low
        // clocks until it has been busy a while (on an H200 the first view measured 26 ms a
        // frame at 1280x720 where the others took 2-6 ms, and the same with a constant shader).
        if (all.empty())
            for (const auto warm_start = Clock::now(); Clock::now() - warm_start < std::chrono::seconds(1);)
                if (Status drawn = (*renderer)->draw_offscreen(built->scene, args.width, args.height); !drawn)
                    return fail_scene(drawn.error());
        std::vector<double> frames, gpu_ms, read_back;
        for (int i = 0; i < args.runs; ++i) {
            const auto start = Clock::now();
            if (Status drawn = (*renderer)->draw_offscreen(built->scene, args.width, args.height); !drawn)
                return fail_scene(drawn.error());
            frames.push_back(std::chrono::duration<double>(Clock::now() - start).count());
            if (std::optional<double> gpu = (*renderer)->last_gpu_ms()) gpu_ms.push_back(*gpu);
        }
        for (int i = 0; i < args.runs; ++i) {
            const auto start = Clock::now();
            Result<render::Pixels> frame = (*renderer)->render_offscreen(built->scene, args.width, args.height);
            if (!frame) return fail_scene(frame.error());
            read_back.push_back(std::chrono::duration<double>(Clock::now() - start).count());
        }
        const double median = median_of(frames);
        all.insert(all.end(), frames.begin(), frames.end());
        all_gpu_ms.insert(all_gpu_ms.end(), gpu_ms.begin(), gpu_ms.end());
        all_read_back.insert(all_read_back.end(), read_back.begin(), read_back.end());
        nlohmann::json row{{"waypoint", waypoint.id},
                           {"scene_triangles", triangles},
                           {"lights", built->scene.lights.size()},
                           {"scene_build_s", build_s},
                           {"frame_median_s", median},
                           {"fps", 1.0 / median},
                           {"fps_with_readback", 1.0 / median_of(read_back)}};
        if (!gpu_ms.empty()) row["gpu_ms_median"] = median_of(gpu_ms);
        out["waypoints"].push_back(row);
    }
    if (all.empty()) return fail_scene(bad_input(args.model, "has no tour waypoints to view the centre from"));
    out["runs_per_waypoint"] = args.runs;
    out["frame_median_s"] = median_of(all);
    out["fps"] = 1.0 / median_of(all);
    out["fps_with_readback"] = 1.0 / median_of(all_read_back);
    if (!all_gpu_ms.empty()) out["gpu_ms_median"] = median_of(all_gpu_ms);
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace ocop::cli
