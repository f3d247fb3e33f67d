#include "qa_command.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "photo/preset.h"
#include "photo/qa.h"

namespace ocop::cli {

namespace qa_command_detail {

// The table's check columns: the check's name and its four-letter heading.
constexpr std::array<std::pair<const char*, const char*>, 6> kQaColumns{{{"size", "SIZE"},
                                                                         {"background", "BACK"},
                                                                         {"fill", "FILL"},
                                                                         {"centring", "CENT"},
                                                                         {"edges", "EDGE"},
                                                                         {"exposure", "EXPO"}}};

const photo::QaCheck* qa_find_check(const photo::PhotoQa& q, const char* name) {
    const auto it =
        std::find_if(q.checks.begin(), q.checks.end(), [&](const photo::QaCheck& c) { return c.name == name; });
    return it == q.checks.end() ? nullptr : &*it;
}

std::string qa_preset_list() {
    std::string list;
    for (const std::string& name : photo::builtin_preset_names()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

// One row a photo: the measures, then PASS, FAIL or - (not checked for this preset) a check;
// below the table one line for each failed check, with its detail.
void qa_print_table(const photo::QaReport& report) {
    int name_width = 5;
    for (const photo::PhotoQa& q : report.photos)
        name_width = std::max(name_width, int(q.file.filename().string().size()));
    std::printf("%-*s  %5s  %6s  %5s ", name_width, "photo", "fill", "offset", "lum");
    for (const auto& [name, heading] : kQaColumns) std::printf(" %-4s", heading);
    std::printf("\n");
    for (const photo::PhotoQa& q : report.photos) {
        const std::string file = q.file.filename().string();
        if (!qa_find_check(q, "size")) {  // never measured: unreadable, or no preset
            std::printf("%-*s  (not checked)\n", name_width, file.c_str());
            continue;
        }
        std::printf("%-*s  %5.3f  %6.3f  %5.3f ", name_width, file.c_str(), double(q.fill), double(q.centre_offset),
                    double(q.product_luminance));
        for (const auto& [name, heading] : kQaColumns) {
            const photo::QaCheck* c = qa_find_check(q, name);
            std::printf(" %-4s", !c ? "?" : c->skipped ? "-" : c->pass ? "PASS" : "FAIL");
        }
        std::printf("\n");
    }
    bool first = true;
    const auto failure_line = [&](const std::string& who, const photo::QaCheck& c) {
        if (first) std::printf("\n");
        first = false;
        std::printf("%s%s: %s\n", who.c_str(), c.name.c_str(), c.detail.c_str());
    };
    for (const photo::PhotoQa& q : report.photos)
        for (const photo::QaCheck& c : q.checks)
            if (!c.pass) failure_line(q.file.filename().string() + ": ", c);
    for (const photo::QaCheck& c : report.batch_checks)  // "batch exposure_ev: ..."
        if (!c.pass) failure_line("", c);
}

std::string qa_summary(const photo::QaReport& report) {
    std::string line = std::to_string(report.photos.size()) + (report.photos.size() == 1 ? " photo, " : " photos, ") +
                       std::to_string(report.failed_photos()) + " failed";
    const auto batch_failed = std::count_if(report.batch_checks.begin(), report.batch_checks.end(),
                                            [](const photo::QaCheck& c) { return !c.pass; });
    if (batch_failed > 0)
        line += "; " + std::to_string(batch_failed) + (batch_failed == 1 ? " batch check" : " batch checks") +
                " failed";
    return line;
}

// 4 decimals: a share of the frame to a fifth of a pixel at 2000 px, without float noise.
double qa_rounded(float v) { return std::round(double(v) * 1e4) / 1e4; }

nlohmann::ordered_json qa_check_json(const photo::QaCheck& c) {
    return {{"name", c.name}, {"pass", c.pass}, {"skipped", c.skipped}, {"detail", c.detail}};
}

void qa_print_json(const QaArgs& args, const photo::QaReport& report) {
    using nlohmann::ordered_json;
    ordered_json out;
    out["folder"] = args.dir;
    out["preset"] = args.preset.empty() ? ordered_json() : ordered_json(args.preset);
    out["pass"] = report.pass();
    out["photos"] = ordered_json::array();
    for (const photo::PhotoQa& q : report.photos) {
        ordered_json p;
        p["file"] = q.file.filename().string();
        p["preset"] = q.preset;
        p["pass"] = q.pass();
        p["size"] = {q.width, q.height};
        p["fill"] = qa_rounded(q.fill);
        p["centre_offset"] = qa_rounded(q.centre_offset);
        p["luminance"] = qa_rounded(q.product_luminance);
        p["checks"] = ordered_json::array();
        for (const photo::QaCheck& c : q.checks) p["checks"].push_back(qa_check_json(c));
        out["photos"].push_back(std::move(p));
    }
    out["batch_checks"] = ordered_json::array();
    for (const photo::QaCheck& c : report.batch_checks) out["batch_checks"].push_back(qa_check_json(c));
    out["summary"] = {
        {"photos", report.photos.size()}, {"failed", report.failed_photos()}, {"text", qa_summary(report)}};
    std::puts(out.dump(2, ' ', false, ordered_json::error_handler_t::replace).c_str());
}

}  // namespace qa_command_detail

CLI::App* add_qa_command(CLI::App& app, QaArgs& args) {
    CLI::App* qa = app.add_subcommand(
        "qa", "Check a folder of catalogue photos against their preset, and the batch for consistency");
    qa->add_option("DIR", args.dir, "The folder of photos (.jpg, .png, .webp, each with its NAME.json sidecar)")
        ->required();
    qa->add_option("--preset", args.preset,
                   "Check every photo against this preset (" + qa_command_detail::qa_preset_list() +
                       ", or a .preset.json); default: the preset each photo's sidecar names");
    qa->add_flag("--json", args.json, "Print {\"pass\", \"photos\": [...], \"batch_checks\": [...]} on stdout");
    qa->footer(
        "Each photo: its size; a pure background beyond 16 px of the product, 32 in WebP (white 255,\n"
        "alpha 0 or the preset's colour); the product's fill and centring; that it clears the border;\n"
        "clipped and crushed pixels. The batch: one exposure, rig, tone mapping and size a preset.\n"
        "Contact sheets (contact-sheet*, *_sheet) are left out.\n"
        "Exit codes: 0 all pass, 1 a check fails, 2 bad input.\n"
        "Example:\n"
        "  showroom qa photos/\n"
        "  showroom qa photos/ --preset marketplace-white --json > qa.json");
    return qa;
}

int run_qa(const QaArgs& args, const Log& log) {
    using namespace qa_command_detail;
    const auto start = std::chrono::steady_clock::now();
    std::optional<photo::Preset> preset;
    if (!args.preset.empty()) {
        Result<photo::Preset> loaded = photo::load_preset(args.preset);
        if (!loaded) return report(loaded.error());
        preset = std::move(loaded).value();
    }
    Result<photo::QaReport> qa = photo::check_folder(args.dir, preset);
    if (!qa) return report(qa.error());
    if (args.json) {
        qa_print_json(args, *qa);
    } else {
        qa_print_table(*qa);
        std::printf("%s\n", qa_summary(*qa).c_str());
        char line[96];
        std::snprintf(line, sizeof line, "checked in %.2f s",
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        log.debug(line);
    }
    return qa->pass() ? 0 : 1;
}

}  // namespace ocop::cli
