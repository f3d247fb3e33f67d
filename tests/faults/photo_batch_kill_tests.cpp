// kill -9 in the middle of `showroom photos` (issue 8): every photo and sidecar left in the
// folder is complete and valid (or absent), no temporary is left under a photo's name, and a
// rerun completes the batch, skipping the photos that were finished without rewriting them.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "photo/image_io.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path batchkill_catalogue = fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json";

// A thumbnail-sized copy of marketplace-white, as the photos tests use: quick to render.
fs::path batchkill_preset(const fs::path& dir) {
    const fs::path path = dir / "small.preset.json";
    std::ofstream(path) << R"({"format": "ocop-photo-preset/1", "name": "small", "size": [96, 96],
        "file": {"type": "jpeg", "quality": 90}, "background": "white", "rig": "catalogue-soft", "supersampling": 1})";
    return path;
}

// Starts showroom with `args` (its output to `log`); returns its pid.
pid_t batchkill_start(const std::vector<std::string>& args, const fs::path& log) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
        }
        std::vector<char*> argv;
        const std::string binary = ocop::test::showroom_binary().string();
        argv.push_back(const_cast<char*>(binary.c_str()));
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(binary.c_str(), argv.data());
        ::_exit(127);
    }
    return pid;
}

// The photos in `dir` (not hidden, not the contact sheet).
std::vector<fs::path> batchkill_photos(const fs::path& dir) {
    std::vector<fs::path> photos;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        const std::string name = e.path().filename().string();
        if (name[0] != '.' && e.path().extension() == ".jpg" && name != "contact-sheet.jpg") photos.push_back(e.path());
    }
    return photos;
}

struct BatchkillStamp {
    ino_t inode = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const BatchkillStamp&) const = default;
};

BatchkillStamp batchkill_stamp(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return {st.st_ino, std::int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// Every visible file is a complete photo or sidecar: photos decode, sidecars parse and name a
// photo that is there. Hidden leftovers may only be write_file_atomic's temporaries.
void batchkill_check_folder(const fs::path& dir) {
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        INFO(name);
        if (name[0] == '.') {
            CHECK_FALSE(ocop::atomic_write_target(name).empty());
            continue;
        }
        if (e.path().extension() == ".jpg") {
            const ocop::Result<ocop::render::Pixels> pixels = ocop::photo::read_photo(e.path());
            INFO((pixels ? std::string() : pixels.error().message()));
            CHECK(pixels.ok());
        } else if (e.path().extension() == ".json") {
            std::ifstream in(e.path());
            const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
            CHECK(doc.is_object());
            CHECK(doc.contains("inputs_hash"));
            CHECK(fs::exists(fs::path(e.path()).replace_extension(".jpg")));
        } else {
            FAIL("an unexpected file in the batch folder");
        }
    }
}

}  // namespace

TEST_CASE("A photo batch killed with SIGKILL leaves only complete files and its rerun skips them", "[faults]") {
    const fs::path dir = ocop::test::scratch_dir("faults_batch_kill_" + std::to_string(::getpid()));
    const fs::path out = dir / "out";
    const std::vector<std::string> args = {"photos", "--catalogue", batchkill_catalogue.string(), "--preset",
                                           batchkill_preset(dir).string(), "--only",
                                           "HT-TRAY-01,BT-BOWL-01,TK-GIFTBOX-01,CM-TRAY-01", "--angles",
                                           "front,side,above", "--cpu", "--out", out.string()};
    const pid_t pid = batchkill_start(args, dir / "first.log");
    REQUIRE(pid > 0);
    // Killed as soon as the first photo is there: the batch is then in the middle of its sidecar
    // or of the next photo.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (batchkill_photos(out).empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    REQUIRE_FALSE(batchkill_photos(out).empty());
    batchkill_check_folder(out);

    // The finished ones: a photo with its sidecar.
    std::map<fs::path, BatchkillStamp> finished;
    for (const fs::path& photo : batchkill_photos(out))
        if (fs::exists(fs::path(photo).replace_extension(".json"))) finished[photo] = batchkill_stamp(photo);

    std::string output;
    std::string command = ocop::test::showroom_binary().string();
    for (const std::string& a : args) command += " '" + a + "'";
    REQUIRE(ocop::test::run_command(command, &output) == 0);
    INFO(output);
    CHECK(output.find("rendered, " + std::to_string(finished.size()) + " already done, 0 failed") != std::string::npos);
    batchkill_check_folder(out);
    CHECK(batchkill_photos(out).size() == 12);  // 4 products x 3 angles
    for (const auto& [photo, stamp] : finished) {
        INFO(photo.string());
        CHECK(batchkill_stamp(photo) == stamp);  // skipped, not rewritten
    }
    // The rerun removed what the killed write left behind.
    for (const fs::directory_entry& e : fs::directory_iterator(out)) CHECK(e.path().filename().string()[0] != '.');
}
