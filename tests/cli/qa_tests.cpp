// `showroom qa` as a user meets it: a table and a summary line, exit 0 when every photo passes,
// 1 when a check fails, 2 for a missing folder or an unknown preset, and --json that parses.
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace ocop;

namespace {

constexpr std::uint32_t kQaCliSide = 300;

struct QaRun {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

std::string qa_cli_quote(const fs::path& p) { return "'" + p.string() + "'"; }

QaRun qa_cli_run(const std::string& args) {
    const fs::path dir = test::scratch_dir("qa_run_" + std::to_string(::getpid()));
    QaRun r;
    r.exit_code = test::run_command("(" + test::showroom_binary().string() + " qa " + args + " 2>" +
                                        qa_cli_quote(dir / "stderr.txt") + ")",
                                    &r.out);
    std::ifstream err(dir / "stderr.txt");
    r.err.assign(std::istreambuf_iterator<char>(err), {});
    return r;
}

// A small white-background PNG preset, as a .preset.json the sidecars name by path.
fs::path qa_cli_preset(const fs::path& dir) {
    const json preset = {{"format", "ocop-photo-preset/1"},
                         {"name", "qa-cli"},
                         {"description", "QA test photos"},
                         {"size", {kQaCliSide, kQaCliSide}},
                         {"file", {{"type", "png"}, {"bits", 8}}},
                         {"background", "white"},
                         {"rig", "catalogue-soft"},
                         {"fill", 0.85},
                         {"vertical_fov_deg", 25},
                         {"exposure_ev", 0},
                         {"tone_mapping", "pbr-neutral"},
                         {"supersampling", 2},
                         {"shadow", false},
                         {"overlay", false},
                         {"naming", "{sku}_{angle}"}};
    const fs::path path = dir / "qa-cli.preset.json";
    std::ofstream(path) << preset.dump(2);
    return path;
}

// A grey disc on white filling 85%, its centre `dy` (a share of the frame) below the middle;
// with its sidecar naming `preset`.
void qa_cli_photo(const fs::path& path, const fs::path& preset, float dy = 0.0f) {
    render::Pixels p{kQaCliSide, kQaCliSide, std::vector<std::uint8_t>(std::size_t(kQaCliSide) * kQaCliSide * 4, 255)};
    const float r = 0.425f * kQaCliSide, cx = 0.5f * kQaCliSide, cy = (0.5f + dy) * kQaCliSide;
    for (std::uint32_t y = 0; y < kQaCliSide; ++y)
        for (std::uint32_t x = 0; x < kQaCliSide; ++x) {
            const float ex = float(x) + 0.5f - cx, ey = float(y) + 0.5f - cy;
            if (ex * ex + ey * ey > r * r) continue;
            for (int c = 0; c < 3; ++c) p.rgba8[(std::size_t(y) * kQaCliSide + x) * 4 + std::size_t(c)] = 120;
        }
    REQUIRE(photo::write_png(path, p).ok());
    const json sidecar = {{"format", "ocop-photo/1"},  {"file", path.filename().string()},
                          {"preset", preset.string()}, {"angle", "front"},
                          {"frame", nullptr},          {"size", {kQaCliSide, kQaCliSide}},
                          {"exposure_ev", 0.0},        {"rig", "catalogue-soft"},
                          {"tone_mapping", "pbr-neutral"}};
    fs::path sidecar_path = path;
    std::ofstream(sidecar_path.replace_extension(".json")) << sidecar.dump(2);
}

}  // namespace

TEST_CASE("showroom qa: a folder of good photos exits 0 with a table and a summary", "[cli][qa]") {
    const fs::path dir = test::scratch_dir("qa_cli_good_" + std::to_string(::getpid()));
    const fs::path preset = qa_cli_preset(dir);
    qa_cli_photo(dir / "BT-VASE-01_front.png", preset);
    qa_cli_photo(dir / "BT-VASE-01_side.png", preset);
    const QaRun r = qa_cli_run(qa_cli_quote(dir));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("SIZE BACK FILL CENT EDGE EXPO") != std::string::npos);
    CHECK(r.out.find("BT-VASE-01_front.png") != std::string::npos);
    CHECK(r.out.find("PASS PASS PASS PASS PASS PASS") != std::string::npos);
    CHECK(r.out.find("FAIL") == std::string::npos);
    CHECK(r.out.find("2 photos, 0 failed\n") != std::string::npos);
    CHECK(r.err.empty());
}

TEST_CASE("showroom qa: a failed check exits 1 and names the photo and the check", "[cli][qa]") {
    const fs::path dir = test::scratch_dir("qa_cli_bad_" + std::to_string(::getpid()));
    const fs::path preset = qa_cli_preset(dir);
    qa_cli_photo(dir / "a.png", preset);
    qa_cli_photo(dir / "b.png", preset, 0.05f);
    const QaRun r = qa_cli_run(qa_cli_quote(dir) + " --preset " + qa_cli_quote(preset));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("b.png: centring: centre off by +0.000 across, +0.050 down (at most 0.010)") !=
          std::string::npos);
    CHECK(r.out.find("2 photos, 1 failed\n") != std::string::npos);
}

TEST_CASE("showroom qa: a missing folder or an unknown preset exits 2 with one line", "[cli][qa]") {
    const fs::path dir = test::scratch_dir("qa_cli_input_" + std::to_string(::getpid()));
    QaRun r = qa_cli_run(qa_cli_quote(dir / "absent"));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("absent: not a folder") != std::string::npos);

    qa_cli_photo(dir / "a.png", qa_cli_preset(dir));
    r = qa_cli_run(qa_cli_quote(dir) + " --preset no-such-preset");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("no-such-preset") != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);

    r = qa_cli_run("");
    CHECK(r.exit_code == 2);
}

TEST_CASE("showroom qa --json parses and says what the table says", "[cli][qa]") {
    const fs::path dir = test::scratch_dir("qa_cli_json_" + std::to_string(::getpid()));
    const fs::path preset = qa_cli_preset(dir);
    qa_cli_photo(dir / "a.png", preset);
    qa_cli_photo(dir / "b.png", preset, 0.05f);
    const QaRun r = qa_cli_run(qa_cli_quote(dir) + " --json");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    const json report = json::parse(r.out);
    CHECK(report["pass"] == false);
    REQUIRE(report["photos"].size() == 2);
    const json& a = report["photos"][0];
    CHECK(a["file"] == "a.png");
    CHECK(a["preset"] == "qa-cli");
    CHECK(a["pass"] == true);
    CHECK(a["fill"].get<double>() == Approx(0.85).margin(0.01));
    CHECK(a["checks"].size() == 6);
    const json& b = report["photos"][1];
    CHECK(b["pass"] == false);
    bool centring_failed = false;
    for (const json& c : b["checks"]) centring_failed |= c["name"] == "centring" && c["pass"] == false;
    CHECK(centring_failed);
    CHECK(report["batch_checks"].size() == 4);
    CHECK(report["summary"]["photos"] == 2);
    CHECK(report["summary"]["failed"] == 1);
}

TEST_CASE("showroom qa --help has an example", "[cli][qa]") {
    const QaRun r = qa_cli_run("--help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Example") != std::string::npos);
    CHECK(r.out.find("--preset") != std::string::npos);
}
