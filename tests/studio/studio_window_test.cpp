// showroom-studio in a real window (under Xvfb, on lavapipe, with the validation layer on): each
// mode draws the centre and the UI, the screenshot holds what the window showed, and any
// validation message makes the app exit 1. Look at the screenshots in build/test-output/studio_window_*/.
#include <cmath>
#include <set>

#include "gpu_support.h"
#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;

namespace {

fs::path studio_binary() { return fs::path(OCOP_BINARY_DIR) / "bin" / "showroom-studio"; }
fs::path centre_file(const std::string& site) {
    return fs::path(OCOP_SOURCE_DIR) / "scenes" / "centres" / (site + ".centre.json");
}

bool have_xvfb() {
    std::string found;
    return test::run_command("command -v xvfb-run", &found) == 0;
}

// Runs the app under Xvfb and reads its screenshot.
render::Pixels run_studio(const std::string& args, const fs::path& shot) {
    std::string output;
    // OCOP_VALIDATION=1 (set by ctest) reaches the app: any validation message makes it exit 1.
    const int rc = test::run_command("xvfb-run -a -s '-screen 0 1280x900x24' '" + studio_binary().string() + "' " + args +
                                         " --frames 3 --screenshot '" + shot.string() + "'",
                                     &output);
    INFO(output);
    REQUIRE(rc == 0);
    Result<render::Pixels> p = photo::read_png(shot);
    REQUIRE(p.ok());
    return std::move(p).value();
}

const std::uint8_t* at(const render::Pixels& p, int x, int y) {
    return &p.rgba8[(std::size_t(y) * p.width + std::size_t(x)) * 4];
}

// Distinct colours in a rectangle: a drawn view has thousands, a flat fill has one.
std::size_t colour_count(const render::Pixels& p, int x0, int y0, int x1, int y1) {
    std::set<std::uint32_t> colours;
    for (int y = y0; y < y1; y += 2)
        for (int x = x0; x < x1; x += 2) {
            const std::uint8_t* c = at(p, x, y);
            colours.insert(std::uint32_t(c[0]) << 16 | std::uint32_t(c[1]) << 8 | c[2]);
        }
    return colours.size();
}

bool is_white(const std::uint8_t* c) { return c[0] == 255 && c[1] == 255 && c[2] == 255; }

}  // namespace

TEST_CASE("showroom-studio layout mode draws the centre between the outliner and the inspector", "[studio]") {
    if (!have_xvfb()) OCOP_SKIP("xvfb-run is not installed: skipped");
    const fs::path dir = test::scratch_dir("studio_window_layout");
    const render::Pixels p = run_studio("'" + centre_file("phu-nghia").string() + "' --mode layout --size 1000x700",
                                        dir / "layout.png");
    REQUIRE(p.width == 1000);
    REQUIRE(p.height == 700);
    // ImGui's dark panels at the left and right, the menu bar on top: few colours, all dark.
    const std::uint8_t* menu = at(p, 990, 8);
    CHECK(int(menu[0]) < 80);
    double panel_light = 0.0;
    for (int y = 100; y < 650; ++y) panel_light += at(p, 5, y)[1];  // the outliner's margin
    CHECK(panel_light / 550.0 < 80.0);
    // The centre in between: a rendered room has many colours.
    CHECK(colour_count(p, 350, 150, 650, 550) > 500);
}

TEST_CASE("showroom-studio studio mode shows the preset's photo: its shape, pure white, the fill guide", "[studio]") {
    if (!have_xvfb()) OCOP_SKIP("xvfb-run is not installed: skipped");
    const fs::path dir = test::scratch_dir("studio_window_studio");
    const render::Pixels p = run_studio("'" + centre_file("bat-trang").string() +
                                            "' --mode studio --product BT-VASE-01 --size 1100x700 --photos '" +
                                            (dir / "photos").string() + "'",
                                        dir / "studio.png");
    // marketplace-white is square: walk out from the middle of the view along its row and
    // column to where the white photo ends.
    // A row just inside the photo's top edge: the first white pixel down the window's middle.
    int row = 30;
    while (row < int(p.height) - 1 && !is_white(at(p, int(p.width) / 2, row))) ++row;
    row += 4;
    int cx = 0;  // the middle of the view: between the two panels, found as the widest white run
    int best = 0;
    for (int x = 0, run = 0; x < int(p.width); ++x) {
        run = is_white(at(p, x, row)) ? run + 1 : 0;
        if (run > best) best = run, cx = x - run / 2;
    }
    REQUIRE(best > 300);
    int left = cx, right = cx, top = row, bottom = row;
    while (left > 0 && is_white(at(p, left - 1, row))) --left;
    while (right + 1 < int(p.width) && is_white(at(p, right + 1, row))) ++right;
    while (top > 0 && is_white(at(p, left + 2, top - 1))) --top;
    while (bottom + 1 < int(p.height) && is_white(at(p, left + 2, bottom + 1))) ++bottom;
    const int w = right - left + 1, h = bottom - top + 1;
    INFO("photo area " << left << "," << top << " " << w << "x" << h);
    CHECK(std::abs(w - h) <= 2);  // 2000x2000
    CHECK(w > 400);
    // The fill guide: a blue box at 85% of the frame, centred; its left edge crosses the row
    // through the middle at 7.5% of the width.
    const int mid_y = top + h / 2;
    const int guide_x = left + int(std::lround(0.075 * w));
    bool guide_found = false;
    for (int x = guide_x - 3; x <= guide_x + 3; ++x) {
        const std::uint8_t* c = at(p, x, mid_y);
        if (c[2] > 200 && c[0] < 150) guide_found = true;
    }
    CHECK(guide_found);
    // The vase stands in the middle of the photo (the guide lines left out).
    const int guide_right = right - int(std::lround(0.075 * w));
    int first = -1, last = -1;
    for (int x = left + 5; x < right - 5; ++x) {
        if (std::abs(x - guide_x) < 4 || std::abs(x - guide_right) < 4) continue;
        if (!is_white(at(p, x, mid_y))) {
            if (first < 0) first = x;
            last = x;
        }
    }
    REQUIRE(first > 0);
    CHECK(std::abs((first + last) / 2 - (left + right) / 2) < w / 20);
}

TEST_CASE("showroom-studio tour mode walks in from the start waypoint, in Vietnamese", "[studio]") {
    if (!have_xvfb()) OCOP_SKIP("xvfb-run is not installed: skipped");
    const fs::path dir = test::scratch_dir("studio_window_tour");
    const render::Pixels p = run_studio("'" + centre_file("bat-trang").string() + "' --mode tour --lang vi --size 1000x650",
                                        dir / "tour.png");
    // The room fills the window above the waypoint bar.
    CHECK(colour_count(p, 50, 80, 950, 550) > 1000);
}

TEST_CASE("showroom-studio refuses a missing centre and a wrong mode with one line", "[studio]") {
    std::string output;
    int rc = test::run_command("'" + studio_binary().string() + "' /nonexistent/x.centre.json --frames 1", &output);
    INFO(output);
    CHECK(rc != 0);
    CHECK(output.find("showroom-studio: ") == 0);
    CHECK(output.find("/nonexistent/x.centre.json") != std::string::npos);
    rc = test::run_command("'" + studio_binary().string() + "' --mode gallery --frames 1", &output);
    CHECK(rc == 2);
    CHECK(output.find("--mode") != std::string::npos);
}

TEST_CASE("showroom-studio without a display fails with one line, not a crash", "[studio]") {
    std::string output;
    const int rc = test::run_command("env -u DISPLAY -u WAYLAND_DISPLAY '" + studio_binary().string() + "' --frames 1", &output);
    INFO(output);
    CHECK(rc == 1);
    CHECK(output.find("showroom-studio: ") == 0);
}
