// --max-triangles, --max-texture-pixels and --max-file-mb on the showroom commands that import
// (issue 8): tiny limits make the shipped samples fail with one line naming the file and the
// limit, and the exit code of bad input; a run within them is unaffected.
#include <unistd.h>

#include <algorithm>

#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path limits_catalogue = fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json";
const fs::path limits_centre = fs::path(OCOP_SOURCE_DIR) / "scenes/centres/phu-nghia.centre.json";

struct LimitsRun {
    int exit_code = -1;
    std::string output;
};

LimitsRun limits_run(const std::string& args) {
    LimitsRun r;
    r.exit_code = ocop::test::run_command(ocop::test::showroom_binary().string() + " " + args, &r.output);
    return r;
}

int limits_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// Exit 2, one line "showroom: FILE: ..." holding `words`, and no output written.
void limits_check_refused(const std::string& args, const std::string& file, const std::string& words,
                          const fs::path& out = {}) {
    const LimitsRun r = limits_run(args);
    INFO("showroom " << args << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(limits_lines(r.output) == 1);
    CHECK(r.output.rfind("showroom: ", 0) == 0);
    CHECK(r.output.find(file) != std::string::npos);
    CHECK(r.output.find(words) != std::string::npos);
    if (!out.empty()) CHECK_FALSE(fs::exists(out));
}

}  // namespace

TEST_CASE("Tiny import limits refuse the samples on every command that imports, with one line", "[limits][cli]") {
    const fs::path dir = ocop::test::scratch_dir("limits_cli_" + std::to_string(::getpid()));
    const fs::path samples = ocop::test::samples_dir();
    const std::string vase = (samples / "bt-vase-blue-white.glb").string();
    const std::string bowl = (samples / "bt-bowl-brown.ply").string();
    const std::string triangles = "triangles, more than the limit of 1,000 (--max-triangles)";

    limits_check_refused("inspect " + vase + " --max-triangles 1000", "bt-vase-blue-white.glb", triangles);
    limits_check_refused("photo " + bowl + " --cpu --size 64x64 --max-triangles 1000 -o " + (dir / "bowl.png").string(),
                         "bt-bowl-brown.ply", triangles, dir / "bowl.png");
    limits_check_refused("photo BT-BOWL-01 --catalogue " + limits_catalogue.string() +
                             " --preset marketplace-white --size 64x64 --cpu --max-file-mb 1 -o " + (dir / "bowl.jpg").string(),
                         "bt-bowl-brown.ply", "MB, more than the limit of 1 MB (--max-file-mb)", dir / "bowl.jpg");
    limits_check_refused("export " + vase + " --max-texture-pixels 4096 -o " + (dir / "vase.glb").string(),
                         "bt-vase-blue-white.glb", "more than the limit of 4,096 (--max-texture-pixels)",
                         dir / "vase.glb");
    // export's --max-triangles is its simplification budget: the import limit has its own name.
    limits_check_refused("export " + vase + " --max-import-triangles 1000 -o " + (dir / "vase.glb").string(),
                         "bt-vase-blue-white.glb", "more than the limit of 1,000 (--max-import-triangles)",
                         dir / "vase.glb");
    limits_check_refused("export " + limits_centre.string() + " --max-file-mb 1 -o " + (dir / "centre.glb").string(),
                         "MB, more than the limit of 1 MB (--max-file-mb)", "(--max-file-mb)", dir / "centre.glb");
    limits_check_refused("render " + limits_centre.string() + " --cpu --size 64x36 --max-triangles 1000 -o " +
                             (dir / "centre.png").string(),
                         "triangles, more than the limit of 1,000", triangles, dir / "centre.png");
    limits_check_refused("tour " + limits_centre.string() + " --max-texture-pixels 4096 -o " + (dir / "tour").string(),
                         "(--max-texture-pixels)", "more than the limit of 4,096", dir / "tour");
    CHECK(limits_run("photo " + bowl + " --max-triangles 0 -o " + (dir / "x.png").string()).exit_code == 2);
}

TEST_CASE("showroom photos reports a product over a limit as a failed photo and goes on", "[limits][cli]") {
    const fs::path dir = ocop::test::scratch_dir("limits_photos_" + std::to_string(::getpid()));
    const LimitsRun r = limits_run("photos --catalogue " + limits_catalogue.string() +
                                   " --only HT-TRAY-01 --angles front --cpu --max-texture-pixels 4096 --out " +
                                   (dir / "out").string());
    INFO(r.output);
    CHECK(r.exit_code == 1);  // a batch with failed photos
    CHECK(r.output.find("more than the limit of 4,096 (--max-texture-pixels)") != std::string::npos);
    CHECK(r.output.find("0 rendered, 0 already done, 1 failed") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out/HT-TRAY-01_front.jpg"));
}

TEST_CASE("Within the limits, given or default, the commands run as before", "[limits][cli]") {
    const fs::path dir = ocop::test::scratch_dir("limits_within_" + std::to_string(::getpid()));
    const std::string bowl = (ocop::test::samples_dir() / "bt-bowl-brown.ply").string();
    LimitsRun r = limits_run("inspect " + bowl);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    r = limits_run("photo " + bowl + " --cpu --size 64x64 --max-triangles 50000000 --max-texture-pixels 268435456 "
                   "--max-file-mb 2048 -o " + (dir / "bowl.png").string());
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(dir / "bowl.png"));
    r = limits_run("export --help");
    CHECK(r.output.find("--max-import-triangles") != std::string::npos);
    CHECK(r.output.find("--max-file-mb") != std::string::npos);
}
