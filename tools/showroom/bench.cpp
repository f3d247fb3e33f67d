#include "bench.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <system_error>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "assets/image.h"
#include "assets/import.h"
#include "photo/studio.h"
#include "render/context.h"
#include "render/environment_bake.h"
#include "render/environment_bake_gpu.h"
#include "render/renderer.h"

namespace ocop::cli {

double median_of(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

namespace {

double seconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

// Runs `body` `runs` times and reports the median and the fastest, in seconds.
nlohmann::json time_runs(int runs, const std::function<bool()>& body) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        if (!body()) return nullptr;
        t.push_back(seconds(start, Clock::now()));
    }
    std::sort(t.begin(), t.end());
    return {{"runs", runs}, {"median_s", t[t.size() / 2]}, {"min_s", t.front()}};
}

// The process's resident memory now (/proc/self/statm), in bytes; 0 where unknown.
std::uint64_t current_rss_bytes() {
    std::FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f) return 0;
    unsigned long long pages_total = 0, pages_resident = 0;
    const int read = std::fscanf(f, "%llu %llu", &pages_total, &pages_resident);
    std::fclose(f);
    if (read != 2) return 0;
    return pages_resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

// The most resident memory the process has held so far (getrusage: ru_maxrss is in KiB on Linux).
std::uint64_t peak_rss_bytes() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024u;
}

int fail(const Error& e) {
    std::fprintf(stderr, "showroom: %s\n", e.message().c_str());
    return e.exit_code();
}

}  // namespace

int run_bench(const BenchArgs& args, const Log& log) {
    if (args.what == "export") return run_bench_export(args, log);
    nlohmann::json out{{"bench", args.what}, {"model", args.model}};
    std::error_code size_error;
    const std::uintmax_t file_bytes = std::filesystem::file_size(args.model, size_error);
    if (!size_error) out["file_bytes"] = file_bytes;
    // Memory of the first import in this fresh process: ru_maxrss right after it, and how far
    // it rose above what the process held before it (the binary, its libraries, the heap so far).
    const std::uint64_t rss_before = current_rss_bytes();
    const auto import_start = Clock::now();
    assets::ImportOptions options;
    options.limits = args.limits;
    Result<assets::Model> first = assets::import(args.model, options);
    if (!first) return fail(first.error());
    out["first_import_s"] = seconds(import_start, Clock::now());
    const std::uint64_t peak = peak_rss_bytes();
    out["rss_before_import_bytes"] = rss_before;
    out["peak_rss_bytes"] = peak;
    out["import_peak_extra_bytes"] = peak > rss_before ? peak - rss_before : 0;
    out["model_rss_bytes"] = current_rss_bytes();  // with the imported model still held
    if (!size_error && file_bytes > 0) {
        const double file = static_cast<double>(file_bytes);
        out["peak_rss_per_file_byte"] = static_cast<double>(peak) / file;
        out["import_peak_extra_per_file_byte"] = static_cast<double>(peak > rss_before ? peak - rss_before : 0) / file;
    }
    out["triangles"] = first->triangle_count();
    out["vertices"] = [&] {
        std::size_t n = 0;
        for (const assets::Mesh& mesh : first->meshes) n += mesh.positions.size();
        return n;
    }();
    auto model = std::make_shared<const assets::Model>(std::move(first).value());

    if (args.what == "import") {
        Error error;
        out["import"] = time_runs(args.runs, [&] {
            Result<assets::Model> m = assets::import(args.model, options);
            if (!m) error = m.error();
            return m.ok();
        });
        if (out["import"].is_null()) return fail(error);
    } else if (args.what == "render") {
        Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
        if (!ctx) return fail(ctx.error());
        out["device"] = (*ctx)->device_name();
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return fail(renderer.error());
        photo::PhotoSettings settings{.width = args.width, .height = args.height};
        settings.supersampling = args.samples;
        if (!args.environment.empty()) {
            settings.environment.kind = scene::Environment::Kind::Image;
            settings.environment.image = args.environment;
            // The bake (or the cache read) of the environment as the renderer makes it, timed
            // apart from the photos.
            const auto bake_start = Clock::now();
            Result<render::BakedEnvironment> baked = render::load_baked_environment(
                args.environment, render::default_environment_cache_dir(), {}, (*renderer)->environment_baker());
            if (!baked) return fail(baked.error());
            out["environment_load_s"] = seconds(bake_start, Clock::now());
            out["environment_baker"] = (*renderer)->environment_baker().name;
            const auto fresh_start = Clock::now();  // a CPU bake without the cache: read, decode, bake
            Result<assets::Image> hdr = assets::load_hdr_image(args.environment);
            if (!hdr) return fail(hdr.error());
            (void)render::bake_environment(hdr.value());
            out["environment_bake_cpu_s"] = seconds(fresh_start, Clock::now());
            // The same bake by compute shaders on the device (pipelines made, source uploaded
            // and levels read back included; the HDR already decoded).
            const auto compute_start = Clock::now();
            Result<render::BakedEnvironment> computed = render::bake_environment_gpu(**ctx, hdr.value());
            if (!computed) return fail(computed.error());
            out["environment_bake_compute_s"] = seconds(compute_start, Clock::now());
            const auto lut_start = Clock::now();
            (void)render::brdf_lut(64);
            out["brdf_table_cpu_s"] = seconds(lut_start, Clock::now());
            const auto lut_compute_start = Clock::now();
            Result<std::vector<glm::vec3>> lut = render::brdf_lut_gpu(**ctx, 64);
            if (!lut) return fail(lut.error());
            out["brdf_table_compute_s"] = seconds(lut_compute_start, Clock::now());
            out["environment"] = args.environment;
        }
        out["samples"] = args.samples;
        out["contact_shadow"] = settings.shadow;
        out["light_shadows"] = settings.light_shadows;  // the key lights' shadow maps
        out["size"] = std::to_string(args.width) + "x" + std::to_string(args.height);
        // The first photo pays for the upload (buffers, textures, mip maps); later ones do not.
        const auto first_start = Clock::now();
        Result<render::Pixels> p = photo::shoot(**renderer, model, settings);
        if (!p) return fail(p.error());
        out["first_photo_s"] = seconds(first_start, Clock::now());
        Error error;
        std::vector<double> gpu_ms;  // the GPU's own time for each photo's frame, where it keeps timestamps
        out["photo"] = time_runs(args.runs, [&] {
            Result<render::Pixels> again = photo::shoot(**renderer, model, settings);
            if (!again) error = again.error();
            if (std::optional<double> ms = (*renderer)->last_gpu_ms()) gpu_ms.push_back(*ms);
            return again.ok();
        });
        if (!gpu_ms.empty()) out["photo_gpu_ms_median"] = median_of(gpu_ms);
        if (out["photo"].is_null()) return fail(error);
    } else {
        return fail(bad_input("bench", "unknown benchmark '" + args.what + "' (import, render, export)"));
    }
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace ocop::cli
