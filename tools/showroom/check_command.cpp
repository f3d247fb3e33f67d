#include "check_command.h"

#include <algorithm>
#include <cstdio>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli_support.h"
#include "scene/catalogue.h"
#include "scene/centre.h"
#include "scene/criteria.h"

namespace ocop::cli {

namespace check_detail {

std::string check_plan_position(glm::vec2 at) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "(%.2f, %.2f)", double(at.x), double(at.y));
    return buf;
}

// "3 findings: labels 1, walkway 2" in the order the rules run.
std::string check_summary(const std::vector<scene::Finding>& findings) {
    std::vector<std::pair<std::string, int>> counts;
    for (const scene::Finding& f : findings) {
        auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == f.rule; });
        if (it == counts.end()) counts.emplace_back(f.rule, 1);
        else ++it->second;
    }
    std::string out = std::to_string(findings.size()) + (findings.size() == 1 ? " finding: " : " findings: ");
    for (std::size_t i = 0; i < counts.size(); ++i)
        out += (i ? ", " : "") + counts[i].first + " " + std::to_string(counts[i].second);
    return out;
}

}  // namespace check_detail

CLI::App* add_check_command(CLI::App& app, CheckArgs& args) {
    CLI::App* check = app.add_subcommand(
        "check", "Check a centre layout: the schema, then the centre criteria (docs/criteria.md)");
    check->add_option("CENTRE", args.centre, "The layout (.centre.json, format ocop-centre/1)")->required();
    check->add_flag("--json", args.json, "Print {\"centre\", \"compliant\", \"findings\": [...]} on stdout");
    check->footer(
        "The four functional spaces with their minimum areas, placements on fixture slots, overlaps,\n"
        "1.2 m wheelchair walkways from the entrance, complete OCOP price tags, tour waypoints.\n"
        "Exit codes: 0 compliant, 1 findings, 2 bad input.\n"
        "Example:\n"
        "  showroom check scenes/centres/bat-trang.centre.json\n"
        "  showroom check scenes/centres/bat-trang.centre.json --json > report.json");
    return check;
}

int run_check(const CheckArgs& args) {
    using namespace check_detail;
    Result<scene::Centre> centre = scene::load_centre(args.centre);
    if (!centre) return report(centre.error());
    Result<scene::Catalogue> catalogue = load_catalogue_of(*centre, args.centre);
    if (!catalogue) return report(catalogue.error());
    const std::vector<scene::Finding> findings = scene::check_centre(*centre, *catalogue);
    if (args.json) {
        nlohmann::ordered_json out;
        out["centre"] = args.centre;
        out["compliant"] = findings.empty();
        out["findings"] = nlohmann::ordered_json::array();
        for (const scene::Finding& f : findings)
            out["findings"].push_back({{"rule", f.rule},
                                       {"object", f.object},
                                       {"where", f.where},
                                       {"at", {f.at.x, f.at.y}},
                                       {"message", f.message}});
        std::puts(out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    } else {
        for (const scene::Finding& f : findings)
            std::printf("%s: %s (%s) at %s: [%s] %s\n", args.centre.c_str(), f.where.c_str(), f.object.c_str(),
                        check_plan_position(f.at).c_str(), f.rule.c_str(), f.message.c_str());
        if (findings.empty())
            std::printf("%s: compliant (%zu zones, %zu fixtures, %zu placements)\n", args.centre.c_str(),
                        centre->zones.size(), centre->fixtures.size(), centre->placements.size());
        else
            std::printf("%s: not compliant, %s\n", args.centre.c_str(), check_summary(findings).c_str());
    }
    return findings.empty() ? 0 : 1;
}

}  // namespace ocop::cli
