// showroom-studio in a real window (under Xvfb): the window path of the renderer draws what
// the photo path draws, with no validation message.
#include "gpu_support.h"
#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;

TEST_CASE("showroom-studio draws the sample product in a window and screenshots it", "[studio]") {
    std::string found;
    if (test::run_command("command -v xvfb-run", &found) != 0) OCOP_SKIP("xvfb-run is not installed: skipped");
    const fs::path dir = test::scratch_dir("studio_window");
    const fs::path shot = dir / "studio.png";
    const fs::path studio = fs::path(OCOP_BINARY_DIR) / "bin" / "showroom-studio";
    std::string output;
    // OCOP_VALIDATION=1 (set by ctest) reaches the app: any validation message makes it exit 1.
    const int rc = test::run_command("xvfb-run -a -s '-screen 0 1024x768x24' '" + studio.string() + "' '" +
                                         (test::samples_dir() / "glazed_vase.glb").string() +
                                         "' --size 400x300 --frames 3 --screenshot '" + shot.string() + "'",
                                     &output);
    INFO(output);
    REQUIRE(rc == 0);
    Result<render::Pixels> p = photo::read_png(shot);
    REQUIRE(p.ok());
    CHECK(p->width == 400);
    CHECK(p->height == 300);
    CHECK(test::border_is_white(*p));
    const test::PixelRect r = test::non_white_rect(*p);
    // The vase fills 85% of the height; its contact shadow on the floor reaches a little lower.
    CHECK(double(r.height()) / 300.0 >= 0.83);
    CHECK(double(r.height()) / 300.0 <= 0.92);
}

TEST_CASE("showroom-studio without a display fails with one line, not a crash", "[studio]") {
    const fs::path studio = fs::path(OCOP_BINARY_DIR) / "bin" / "showroom-studio";
    std::string output;
    const int rc = test::run_command("env -u DISPLAY -u WAYLAND_DISPLAY '" + studio.string() + "' --frames 1", &output);
    INFO(output);
    CHECK(rc == 1);
    CHECK(output.find("showroom-studio: ") == 0);
}
