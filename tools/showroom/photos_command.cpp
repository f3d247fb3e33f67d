#include "photos_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli_support.h"
#include "photo/batch.h"
#include "render/context.h"
#include "scene/catalogue.h"

namespace ocop::cli {

namespace {

std::string duration_text(double seconds) {
    const long s = std::lround(std::max(seconds, 0.0));
    char text[32];
    if (s >= 3600) std::snprintf(text, sizeof text, "%ldh%02ldm", s / 3600, s / 60 % 60);
    else if (s >= 60) std::snprintf(text, sizeof text, "%ldm%02lds", s / 60, s % 60);
    else std::snprintf(text, sizeof text, "%lds", s);
    return text;
}

// A progress bar redrawn in place on a terminal; one log line per photo otherwise (CI logs,
// a Kubernetes pod's log), so nothing floods a file with carriage returns.
class BatchProgress {
public:
    explicit BatchProgress(const Log& log) : log_(log), terminal_(isatty(fileno(stderr)) != 0) {}

    void operator()(const photo::BatchEvent& e) {
        if (e.status == photo::BatchEvent::Status::Rendered) {
            render_seconds_ += e.seconds;
            ++rendered_;
        }
        const std::string& name = e.job->file_name;
        if (e.status == photo::BatchEvent::Status::Failed) {
            clear_line();
            std::fprintf(stderr, "showroom: %s: %s\n", name.c_str(), e.error.c_str());
        }
        // The ETA assumes what is left must be rendered, at the mean time a photo so far.
        const double per_photo = rendered_ > 0 ? render_seconds_ / double(rendered_) : 0.0;
        const double eta = per_photo * double(e.total - e.done);
        if (!terminal_) {
            if (e.status == photo::BatchEvent::Status::Rendered) {
                char line[160];
                std::snprintf(line, sizeof line, "[%zu/%zu] %s (%.2f s, ETA %s)", e.done, e.total, name.c_str(), e.seconds,
                              duration_text(eta).c_str());
                log_.info(line);
            }
            return;
        }
        constexpr int kWidth = 28;
        const int filled = e.total ? static_cast<int>(kWidth * e.done / e.total) : kWidth;
        std::string bar = std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(kWidth - filled), '-');
        std::fprintf(stderr, "\r\033[K[%s] %zu/%zu %3d%%  ETA %s  %s", bar.c_str(), e.done, e.total,
                     e.total ? static_cast<int>(100 * e.done / e.total) : 100, duration_text(eta).c_str(), name.c_str());
        if (e.done == e.total) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    void clear_line() const {
        if (terminal_) std::fputs("\r\033[K", stderr);
    }

    const Log& log_;
    bool terminal_;
    double render_seconds_ = 0.0;
    std::size_t rendered_ = 0;
};

}  // namespace

CLI::App* add_photos_command(CLI::App& app, PhotosArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "photos", "Shoot a catalogue with a preset: every product x angle, resumable, --shard I/N for many machines");
    cmd->add_option("--catalogue", args.catalogue, "The catalogue (.json or .csv)")->required();
    std::string presets;
    for (const std::string& p : photo::builtin_preset_names()) presets += (presets.empty() ? "" : ", ") + p;
    cmd->add_option("--preset", args.preset, "A preset (" + presets + ") or a .preset.json file")->capture_default_str();
    cmd->add_option("-o,--out", args.out, "Output folder (photos, sidecar JSON, contact-sheet.jpg)")->required();
    std::string angles;
    for (const std::string& a : photo::angle_ids()) angles += (angles.empty() ? "" : ", ") + a;
    cmd->add_option("--angles", args.angles, "Angles, comma-separated (" + angles +
                                                 "); default: the preset's, else each product category's set");
    cmd->add_option("--shard", args.shard,
                    "I/N: only this machine's share of the products (0-based; e.g. $JOB_COMPLETION_INDEX/4)");
    cmd->add_option("--turntable", args.turntable, "N frames a product, a full turn (24 or 36), plus a sheet and an MP4")
        ->check(CLI::Range(2, 360));
    cmd->add_option("--only", args.only, "Only these SKUs, comma-separated");
    cmd->add_flag("--cpu", args.cpu, "Render on the CPU (Mesa lavapipe) even when a GPU is present");
    add_import_limit_options(*cmd, args.limits);
    return cmd;
}

int run_photos(const PhotosArgs& args, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    Result<scene::Catalogue> catalogue = scene::load_catalogue(args.catalogue);
    if (!catalogue) return report(catalogue.error());
    if (!args.only.empty()) {
        std::vector<scene::Product> kept;
        std::stringstream list(args.only);
        for (std::string sku; std::getline(list, sku, ',');) {
            const scene::Product* p = catalogue->find(sku);
            if (!p) return report(bad_input(args.catalogue, "--only: no product '" + sku + "' in the catalogue"));
            kept.push_back(*p);
        }
        catalogue->products = std::move(kept);
    }
    photo::BatchOptions options;
    options.out_dir = args.out;
    options.samples_dir = samples_dir();
    options.limits = args.limits;
    Result<photo::Preset> preset = photo::load_preset(args.preset);
    if (!preset) return report(preset.error());
    options.preset = std::move(preset).value();
    if (options.preset.background == photo::Background::InCentre)
        return report(bad_input("preset '" + options.preset.name + "'",
                                "in-centre photos are taken in a centre: use showroom photo SKU --preset in-centre"));
    if (!args.angles.empty()) {
        Result<std::vector<photo::Angle>> angles = photo::parse_angle_list(args.angles, "--angles");
        if (!angles) return report(angles.error());
        options.angles = std::move(angles).value();
    }
    if (!args.shard.empty()) {
        Result<photo::Shard> shard = photo::parse_shard(args.shard);
        if (!shard) return report(shard.error());
        options.shard = shard.value();
    }
    options.turntable_frames = args.turntable;

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return report(ctx.error());
    log.debug("rendering on " + (*ctx)->device_name());
    Result<photo::BatchSummary> summary = [&]() -> Result<photo::BatchSummary> {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return renderer.error();
        BatchProgress progress(log);
        return photo::run_batch(**renderer, catalogue.value(), options,
                                [&progress](const photo::BatchEvent& e) { progress(e); });
    }();
    if (!summary) return report(summary.error());
    for (const std::string& e : summary->errors) std::fprintf(stderr, "showroom: %s\n", e.c_str());
    char line[256];
    std::snprintf(line, sizeof line, "%s: %zu rendered, %zu already done, %zu failed in %.1f s", args.out.c_str(),
                  summary->rendered, summary->skipped, summary->failed,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    log.info(line);
    for (const std::string& extra : summary->extras) log.info("wrote " + (std::filesystem::path(args.out) / extra).string());
    if (const int n = (*ctx)->validation_messages(); n > 0) {
        std::fprintf(stderr, "showroom: %d Vulkan validation message(s) during the batch\n", n);
        return 1;
    }
    return summary->failed > 0 || !summary->errors.empty() ? 1 : 0;
}

}  // namespace ocop::cli
