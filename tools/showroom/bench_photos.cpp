// showroom bench photos: a catalogue batch timed end to end (see bench.h).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "bench.h"
#include "cli_support.h"
#include "photo/batch.h"
#include "render/context.h"
#include "scene/catalogue.h"

namespace ocop::cli {

int run_bench_photos(const BenchArgs& args, const Log& log) {
    Result<scene::Catalogue> catalogue = scene::load_catalogue(args.model);
    if (!catalogue) return report(catalogue.error());
    if (catalogue->products.size() > std::size_t(args.products)) catalogue->products.resize(std::size_t(args.products));
    photo::BatchOptions options;
    Result<photo::Preset> preset = photo::load_preset(args.preset);
    if (!preset) return report(preset.error());
    options.preset = std::move(preset).value();
    options.samples_dir = samples_dir();
    options.contact_sheet = false;  // the photos only
    options.limits = args.limits;
    options.out_dir = std::filesystem::temp_directory_path() / ("ocop-bench-photos-" + std::to_string(getpid()));
    std::filesystem::remove_all(options.out_dir);

    const auto start = Clock::now();
    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return report(ctx.error());
    nlohmann::json out{{"bench", "photos"}, {"catalogue", args.model}, {"preset", options.preset.name},
                       {"device", (*ctx)->device_name()},
                       {"size", std::to_string(options.preset.width) + "x" + std::to_string(options.preset.height)},
                       {"supersampling", options.preset.supersampling}};
    std::vector<double> per_photo;
    Result<photo::BatchSummary> summary = [&]() -> Result<photo::BatchSummary> {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return renderer.error();
        return photo::run_batch(**renderer, catalogue.value(), options, [&per_photo](const photo::BatchEvent& e) {
            if (e.status == photo::BatchEvent::Status::Rendered) per_photo.push_back(e.seconds);
        });
    }();
    const double total = std::chrono::duration<double>(Clock::now() - start).count();
    std::error_code ignored;
    std::filesystem::remove_all(options.out_dir, ignored);
    if (!summary) return report(summary.error());
    if (summary->failed > 0 || per_photo.empty())
        return report(failure(args.model, std::to_string(summary->failed) + " photo(s) failed"));
    const double first = per_photo.front();
    std::sort(per_photo.begin(), per_photo.end());
    out["products"] = catalogue->products.size();
    out["photos"] = summary->rendered;
    out["total_s"] = total;  // device start, imports, bakes, every photo
    out["photos_per_minute"] = 60.0 * double(summary->rendered) / total;
    out["first_photo_s"] = first;
    out["photo_median_s"] = per_photo[per_photo.size() / 2];
    out["photo_min_s"] = per_photo.front();
    out["photo_max_s"] = per_photo.back();
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace ocop::cli
