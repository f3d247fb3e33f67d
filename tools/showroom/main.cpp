// showroom: the command-line face of the engine. Exit codes (DESIGN.md): 0 success,
// 1 failure while working, 2 bad input or usage, always with one line naming the file.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

#include "assets/import.h"
#include "bench.h"
#include "check_command.h"
#include "export_command.h"
#include "cli_support.h"
#include "inspect.h"
#include "photo_command.h"
#include "photos_command.h"
#include "qa_command.h"
#include "tour_command.h"
#include "render_command.h"
#include "core/files.h"
#include "core/log.h"
#include "photo/image_size.h"

namespace fs = std::filesystem;
using namespace ocop;
using ocop::cli::report;

int main(int argc, char** argv) {
    CLI::App app{"OCOP Showroom: catalogue photos and web-ready 3D of Hanoi's craft-village products.\n"
                 "Models: " + assets::supported_model_list() + ". Units: metres, +Y up.",
                 "showroom"};
    app.set_version_flag("--version", std::string("showroom ") + OCOP_VERSION);
    app.require_subcommand(1);
    app.fallthrough();  // --verbose and --quiet work after the command too
    bool verbose = false;
    bool quiet = false;
    app.add_flag("-v,--verbose", verbose, "Say more about what happens (device, timings)");
    app.add_flag("-q,--quiet", quiet, "Print errors only");

    cli::PhotoArgs photo_args;
    CLI::App* photo = cli::add_photo_command(app, photo_args);

    cli::PhotosArgs photos_args;
    CLI::App* photos = cli::add_photos_command(app, photos_args);

    cli::RenderArgs render_args;
    CLI::App* render = cli::add_render_command(app, render_args);

    cli::ExportArgs export_args;
    CLI::App* exp = cli::add_export_command(app, export_args);

    cli::InspectArgs inspect_args;
    CLI::App* inspect = app.add_subcommand(
        "inspect", "What models hold: format, triangles, materials, textures, bounds (m), warnings");
    inspect->add_option("FILE", inspect_args.files, "Models (" + assets::supported_model_list() + ")")
        ->required();
    inspect->add_flag("--json", inspect_args.json, "Print a JSON array, one object per file");
    cli::add_import_limit_options(*inspect, inspect_args.limits);

    cli::CheckArgs check_args;
    CLI::App* check = cli::add_check_command(app, check_args);

    cli::QaArgs qa_args;
    CLI::App* qa = cli::add_qa_command(app, qa_args);
    cli::TourArgs tour_args;
    CLI::App* tour = cli::add_tour_command(app, tour_args);

    cli::BenchArgs bench_args;
    std::string bench_size = "2048x2048";
    CLI::App* bench =
        app.add_subcommand("bench", "Measure import, render or export of a model, a photo batch or a centre view; prints JSON");
    bench->add_option("WHAT", bench_args.what, "import, render, export, photos or scene")
        ->required()
        ->check(CLI::IsMember({"import", "render", "export", "photos", "scene"}));
    bench->add_option("MODEL", bench_args.model, "The model to measure (photos: the catalogue; scene: a .centre.json)")
        ->required();
    bench->add_option("--preset", bench_args.preset, "Preset for 'photos'")->capture_default_str();
    bench->add_option("--products", bench_args.products, "Products for 'photos' (the catalogue's first N)")
        ->capture_default_str()
        ->check(CLI::Range(1, 100000));
    bench->add_option("--size", bench_size, "Image size for 'render' and 'scene'")->capture_default_str();
    bench->add_option("--runs", bench_args.runs, "Timed runs after the first")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    bool bench_json = true;
    bench->add_flag("--json", bench_json, "Print JSON (the only output format; accepted for scripts)");
    bench->add_flag("--cpu", bench_args.cpu, "Render on the CPU (Mesa lavapipe) even when a GPU is present");
    bench->add_flag("--no-shadow", bench_args.no_shadow, "For 'scene': no shadow maps for the key lights");
    bench->add_option("--samples", bench_args.samples, "Supersampling factor for 'render' (1 to 4)")
        ->capture_default_str()
        ->check(CLI::Range(1, 4));
    bench->add_option("--environment", bench_args.environment,
                      "A Radiance .hdr for 'render' (image-based light; its bake is timed too)");
    cli::add_bench_export_options(*bench, bench_args);
    cli::add_import_limit_options(*bench, bench_args.limits);

    // CLI11 reports an unknown command as "a subcommand is required"; name it instead.
    if (argc > 1 && argv[1][0] != '-') {
        std::string commands;
        bool known = false;
        for (const CLI::App* sub : app.get_subcommands({})) {
            known = known || sub->get_name() == argv[1];
            commands += (commands.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            std::fprintf(stderr, "showroom: unknown command '%s' (commands: %s; see showroom --help)\n", argv[1],
                         commands.c_str());
            return 2;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::fputs(app.help().c_str(), stdout);
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
        return 0;
    } catch (const CLI::CallForVersion& e) {
        std::puts(e.what());
        return 0;
    } catch (const CLI::ParseError& e) {
        // Subcommand help is thrown as CallForHelp from the subcommand's own parse; the
        // remaining parse errors are usage mistakes: one line, exit 2.
        std::fprintf(stderr, "showroom: %s (see showroom --help)\n", e.what());
        return 2;
    }

    Log log;
    log.level = quiet ? LogLevel::Quiet : verbose ? LogLevel::Debug : LogLevel::Info;
    log.out = stdout;
    if (*photo) return cli::run_photo(photo_args, log);
    if (*photos) return cli::run_photos(photos_args, log);
    if (*render) return cli::run_render(render_args, log);
    if (*exp) return cli::run_export(export_args, log);
    if (*inspect) return cli::run_inspect(inspect_args);
    if (*check) return cli::run_check(check_args);
    if (*qa) return cli::run_qa(qa_args, log);
    if (*tour) return cli::run_tour(tour_args, log);
    if (*bench) {
        Result<photo::ImageSize> size = photo::parse_image_size(bench_size, "--size");
        if (!size) return report(size.error());
        bench_args.width = size->width;
        bench_args.height = size->height;
        log.level = LogLevel::Quiet;  // stdout carries the JSON only
        if (bench_args.what == "photos") return cli::run_bench_photos(bench_args, log);
        if (bench_args.what == "scene") return cli::run_bench_scene(bench_args, log);
        return cli::run_bench(bench_args, log);
    }
    return 2;
}
