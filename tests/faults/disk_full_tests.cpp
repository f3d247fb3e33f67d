// A full disk (issue 8): `showroom photos` and `showroom export` into a 2 MB tmpfs that is
// full. Each says so in one line naming the file ("No space left on device") and exits 1;
// nothing half-written is left under a final name, and what was written before is intact.
// The tmpfs is mounted without root in a user and mount namespace (unshare); where that is
// refused (a locked-down CI runner), the test is skipped.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/files.h"
#include "photo/image_io.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path diskfull_catalogue = fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json";

std::string diskfull_read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int diskfull_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::string diskfull_quote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

TEST_CASE("Photos and an export into a full disk fail in one line and leave earlier files intact", "[faults]") {
    if (ocop::test::run_command("command -v unshare") != 0) OCOP_SKIP("unshare is not installed: skipped");
    const fs::path dir = ocop::test::scratch_dir("faults_disk_full_" + std::to_string(::getpid()));
    const fs::path mnt = dir / "tmpfs";
    const fs::path keep = dir / "kept";  // outside the tmpfs: what the checks read after it is gone
    fs::create_directories(mnt);
    fs::create_directories(keep);
    const fs::path preset = dir / "small.preset.json";
    std::ofstream(preset) << R"({"format": "ocop-photo-preset/1", "name": "small", "size": [96, 96],
        "file": {"type": "jpeg", "quality": 90}, "background": "white", "rig": "catalogue-soft", "supersampling": 1})";
    const std::string showroom = diskfull_quote(ocop::test::showroom_binary()) + " -q";
    const std::string photos = showroom + " photos --catalogue " + diskfull_quote(diskfull_catalogue) + " --preset " +
                               diskfull_quote(preset) + " --cpu --out " + diskfull_quote(mnt / "photos");
    const std::string bowl = diskfull_quote(ocop::test::samples_dir() / "bt-bowl-brown.ply");
    const std::string export_bowl = showroom + " export " + bowl + " --max-triangles 200 -o ";
    const std::string k = keep.string() + "/";

    // Everything runs inside the namespace, where the tmpfs exists: earlier outputs first, then
    // the disk is filled, then the same commands again. 77: no namespace or no mount here.
    const std::string script =
        "mount -t tmpfs -o size=2m tmpfs " + diskfull_quote(mnt) + " || exit 77\n" +
        photos + " --only BT-BOWL-01 --angles front > " + k + "earlier.log 2>&1 || exit 10\n" +
        export_bowl + diskfull_quote(mnt / "earlier.glb") + " >> " + k + "earlier.log 2>&1 || exit 11\n" +
        "cp -r " + diskfull_quote(mnt) + " " + k + "before || exit 12\n" +
        "dd if=/dev/zero of=" + diskfull_quote(mnt / "filler") + " bs=4k > /dev/null 2>&1\n" +
        photos + " --only BT-BOWL-01,HT-TRAY-01 --angles front,side > " + k + "photos.err 2>&1; echo $? > " + k +
        "photos.rc\n" + export_bowl + diskfull_quote(mnt / "earlier.glb") + " > " + k + "replace.err 2>&1; echo $? > " +
        k + "replace.rc\n" + export_bowl + diskfull_quote(mnt / "new.glb") + " > " + k + "new.err 2>&1; echo $? > " + k +
        "new.rc\n" + "rm " + diskfull_quote(mnt / "filler") + "\n" + "cp -r " + diskfull_quote(mnt) + " " + k +
        "after || exit 13\n";
    std::ofstream(dir / "script.sh") << script;
    std::string output;
    const int rc = ocop::test::run_command("unshare --user --map-root-user --mount sh " + diskfull_quote(dir / "script.sh"),
                                           &output);
    INFO(output << diskfull_read(keep / "earlier.log"));
    if (rc == 77 || (rc == 1 && output.find("unshare") != std::string::npos))
        OCOP_SKIP("no user and mount namespace to mount a tmpfs in: skipped");
    REQUIRE(rc == 0);

    // The batch: one line naming the photo it could not write, exit 1.
    const std::string photos_err = diskfull_read(keep / "photos.err");
    INFO(photos_err);
    CHECK(diskfull_read(keep / "photos.rc") == "1\n");
    CHECK(diskfull_lines(photos_err) == 1);
    CHECK(photos_err.find("No space left on device") != std::string::npos);
    CHECK(photos_err.find((mnt / "photos").string()) != std::string::npos);
    // The exports: one line naming the GLB, exit 1.
    for (const char* name : {"replace", "new"}) {
        const std::string err = diskfull_read(keep / (std::string(name) + ".err"));
        INFO(name << ": " << err);
        CHECK(diskfull_read(keep / (std::string(name) + ".rc")) == "1\n");
        CHECK(diskfull_lines(err) == 1);
        CHECK(err.find("No space left on device") != std::string::npos);
        CHECK(err.find(std::string(name) == "new" ? "new.glb" : "earlier.glb") != std::string::npos);
    }

    // Earlier outputs byte for byte as they were; nothing new under a final name, no temporary.
    const fs::path before = keep / "before", after = keep / "after";
    CHECK_FALSE(fs::exists(after / "new.glb"));
    std::vector<std::string> names_before, names_after;
    for (const auto& e : fs::recursive_directory_iterator(before))
        names_before.push_back(fs::relative(e.path(), before).string());
    for (const auto& e : fs::recursive_directory_iterator(after)) {
        const std::string name = fs::relative(e.path(), after).string();
        names_after.push_back(name);
        if (e.is_regular_file()) CHECK(diskfull_read(e.path()) == diskfull_read(before / name));
    }
    std::sort(names_before.begin(), names_before.end());
    std::sort(names_after.begin(), names_after.end());
    CHECK(names_after == names_before);
    CHECK(ocop::photo::read_photo(after / "photos/BT-BOWL-01_front.jpg").ok());
}
