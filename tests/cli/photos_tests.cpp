// `showroom photos` and `showroom photo --preset` as a user meets them: exit codes, resume,
// a SKU from the catalogue, the in-centre preset.
#include <unistd.h>

#include <fstream>

#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path photos_catalogue = fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json";

int photos_run(const std::string& args, std::string* output) {
    return ocop::test::run_command(ocop::test::showroom_binary().string() + " " + args + " 2>&1", output);
}

// A thumbnail-sized copy of marketplace-white: the same look, quick to render.
fs::path photos_small_preset(const fs::path& dir) {
    const fs::path path = dir / "small.preset.json";
    std::ofstream(path) << R"({"format": "ocop-photo-preset/1", "name": "small", "size": [96, 96],
        "file": {"type": "jpeg", "quality": 90}, "background": "white", "rig": "catalogue-soft", "supersampling": 1})";
    return path;
}

}  // namespace

TEST_CASE("showroom photos: bad input exits 2 with a reason naming it", "[cli][photos]") {
    const fs::path dir = ocop::test::scratch_dir("photos_bad_" + std::to_string(::getpid()));
    const std::string base = "photos --catalogue " + photos_catalogue.string() + " --out " + (dir / "out").string();
    std::string out;
    CHECK(photos_run(base + " --preset polaroid", &out) == 2);
    CHECK(out.find("polaroid") != std::string::npos);
    CHECK(photos_run(base + " --shard 2/2", &out) == 2);
    CHECK(out.find("--shard") != std::string::npos);
    CHECK(photos_run(base + " --angles front,sideways", &out) == 2);
    CHECK(out.find("sideways") != std::string::npos);
    CHECK(photos_run(base + " --only NO-SUCH-SKU", &out) == 2);
    CHECK(out.find("NO-SUCH-SKU") != std::string::npos);
    CHECK(photos_run("photos --catalogue /nonexistent.json --out " + dir.string(), &out) == 2);
    CHECK(out.find("/nonexistent.json") != std::string::npos);
    CHECK(photos_run(base + " --preset in-centre", &out) == 2);
}

TEST_CASE("showroom photos renders a batch, then a rerun renders nothing", "[cli][photos]") {
    const fs::path dir = ocop::test::scratch_dir("photos_run_" + std::to_string(::getpid()));
    const std::string command = "photos --catalogue " + photos_catalogue.string() + " --preset " +
                                photos_small_preset(dir).string() + " --only HT-TRAY-01 --angles front,above --cpu --out " +
                                (dir / "out").string();
    std::string out;
    REQUIRE(photos_run(command, &out) == 0);
    CHECK(out.find("2 rendered, 0 already done, 0 failed") != std::string::npos);
    CHECK(fs::exists(dir / "out/HT-TRAY-01_front.jpg"));
    CHECK(fs::exists(dir / "out/HT-TRAY-01_above.json"));
    CHECK(fs::exists(dir / "out/contact-sheet.jpg"));
    REQUIRE(photos_run(command, &out) == 0);
    CHECK(out.find("0 rendered, 2 already done, 0 failed") != std::string::npos);
    // QA finds the preset file through the sidecars.
    CHECK(photos_run("qa " + (dir / "out").string(), &out) == 0);
    CHECK(out.find("2 photos, 0 failed") != std::string::npos);
}

TEST_CASE("showroom photo takes a SKU and a preset, and the in-centre preset needs its centre", "[cli][photos]") {
    const fs::path dir = ocop::test::scratch_dir("photo_preset_" + std::to_string(::getpid()));
    std::string out;
    REQUIRE(photos_run("photo HT-TRAY-01 --catalogue " + photos_catalogue.string() +
                           " --preset marketplace-white --size 96x96 --angle above --cpu -o " + (dir / "tray.webp").string(),
                       &out) == 0);
    CHECK(fs::exists(dir / "tray.webp"));
    CHECK(photos_run("photo HT-TRAY-01 --preset marketplace-white -o " + (dir / "x.jpg").string(), &out) == 2);
    CHECK(out.find("--catalogue") != std::string::npos);
    CHECK(photos_run("photo HT-TRAY-01 --catalogue " + photos_catalogue.string() + " --preset in-centre -o " +
                         (dir / "x.jpg").string(),
                     &out) == 2);
    CHECK(out.find("--centre") != std::string::npos);
    const fs::path centre = fs::path(OCOP_SOURCE_DIR) / "scenes/centres/phu-nghia.centre.json";
    REQUIRE(photos_run("photo PV-TRAY-01 --centre " + centre.string() + " --preset in-centre --size 160x120 --cpu -o " +
                           (dir / "in-centre.jpg").string(),
                       &out) == 0);
    CHECK(fs::exists(dir / "in-centre.jpg"));
}
