// The `showroom` binary as a user meets it: exit codes, one-line errors, outputs on disk.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "gpu_support.h"
#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;

namespace {

struct CliRun {
    int exit_code = -1;
    std::string output;
};

CliRun cli_run(const std::string& args) {
    CliRun r;
    r.exit_code = test::run_command(test::showroom_binary().string() + " " + args, &r.output);
    return r;
}

std::string cli_quote(const fs::path& p) { return "'" + p.string() + "'"; }

int cli_line_count(const std::string& text) {
    int n = 0;
    for (char c : text) n += c == '\n';
    return n;
}

// An error is exactly one line that names the file.
void cli_check_bad_input(const std::string& args, const std::string& must_name) {
    const CliRun r = cli_run(args);
    INFO("showroom " << args << "\n" << r.output);
    CHECK(r.exit_code == 2);
    CHECK(cli_line_count(r.output) == 1);
    CHECK(r.output.find(must_name) != std::string::npos);
}

}  // namespace

TEST_CASE("showroom --version, --help and command help exit 0", "[cli]") {
    CliRun r = cli_run("--version");
    CHECK(r.exit_code == 0);
    CHECK(r.output.rfind("showroom ", 0) == 0);
    r = cli_run("--help");
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("photo") != std::string::npos);
    CHECK(r.output.find("export") != std::string::npos);
    r = cli_run("photo --help");
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("--size") != std::string::npos);
    r = cli_run("export --help");
    CHECK(r.exit_code == 0);
}

TEST_CASE("usage mistakes exit 2 with one line", "[cli]") {
    const fs::path dir = test::scratch_dir("cli_usage");
    cli_check_bad_input("", "showroom");
    cli_check_bad_input("frobnicate", "frobnicate");
    cli_check_bad_input("photo", "MODEL");
    const std::string vase = cli_quote(test::samples_dir() / "glazed_vase.glb");
    cli_check_bad_input("photo " + vase + " -o " + cli_quote(dir / "a.png") + " --size 12by12", "--size");
    cli_check_bad_input("photo " + vase + " -o " + cli_quote(dir / "a.png") + " --size 0x100", "--size");
    cli_check_bad_input("photo " + vase + " -o " + cli_quote(dir / "a.jpg"), "a.jpg");
    cli_check_bad_input("photo " + vase + " -o " + cli_quote(dir / "missing" / "a.png"), "a.png");
    cli_check_bad_input("export " + vase + " -o " + cli_quote(dir / "a.gltf"), "a.gltf");
}

TEST_CASE("missing, unreadable and unknown model files exit 2 naming the file", "[cli]") {
    const fs::path dir = test::scratch_dir("cli_bad_files");
    const std::string out = " -o " + cli_quote(dir / "out.png");
    cli_check_bad_input("photo " + cli_quote(dir / "nothing-here.glb") + out, "nothing-here.glb");
    cli_check_bad_input("export " + cli_quote(dir / "nothing-here.obj") + " -o " + cli_quote(dir / "o.glb"),
                        "nothing-here.obj");

    const fs::path unknown = dir / "vase.xyz";
    std::ofstream(unknown) << "not a model";
    cli_check_bad_input("photo " + cli_quote(unknown) + out, "vase.xyz");

    // Unreadable: permissions where they bite (not as root), and a FIFO, which must be refused
    // before anything tries to read it (reading would hang).
    const fs::path fifo = dir / "pipe.glb";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    cli_check_bad_input("photo " + cli_quote(fifo) + out, "pipe.glb");
    if (::geteuid() != 0) {
        const fs::path locked = dir / "locked.glb";
        fs::copy_file(test::samples_dir() / "glazed_vase.glb", locked);
        fs::permissions(locked, fs::perms::none);
        cli_check_bad_input("photo " + cli_quote(locked) + out, "locked.glb");
    }
    cli_check_bad_input("photo " + cli_quote(dir) + out, dir.filename().string());

    const fs::path broken = dir / "broken.glb";
    std::ofstream(broken, std::ios::binary) << "glTF\x02\x00\x00\x00garbage";
    cli_check_bad_input("photo " + cli_quote(broken) + out, "broken.glb");
    CHECK_FALSE(fs::exists(dir / "out.png"));  // nothing half-written
}

TEST_CASE("showroom photo writes a framed PNG of the sample product", "[cli]") {
    const fs::path dir = test::scratch_dir("cli_photo");
    const fs::path out = dir / "vase.png";
    const CliRun r = cli_run("photo " + cli_quote(test::samples_dir() / "glazed_vase.glb") + " -o " + cli_quote(out) +
                             " --size 320x240 --no-shadow");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    Result<render::Pixels> p = photo::read_png(out);
    REQUIRE(p.ok());
    CHECK(p->width == 320);
    CHECK(p->height == 240);
    CHECK(test::border_is_white(*p));
    const test::PixelRect rect = test::non_white_rect(*p);
    CHECK(std::abs(double(rect.height()) / 240.0 - 0.85) <= 0.02);  // a tall vase fills the height
}

TEST_CASE("showroom photo of the tea-set scan: 1024x1024, white border, centred, 85%", "[cli][shared]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    const fs::path dir = test::scratch_dir("cli_tea");
    const fs::path out = dir / "tea.png";
    const CliRun r = cli_run("photo " + cli_quote(data / "models/TeaSet01-scan/tea_set_01_1k.gltf") + " -o " +
                             cli_quote(out) + " --size 1024x1024 --no-shadow");
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    Result<render::Pixels> p = photo::read_png(out);
    REQUIRE(p.ok());
    REQUIRE(p->width == 1024);
    REQUIRE(p->height == 1024);
    CHECK(test::border_is_white(*p));
    const test::PixelRect rect = test::non_white_rect(*p);
    const double share = std::max(rect.width(), rect.height()) / 1024.0;
    INFO("box " << rect.x0 << "," << rect.y0 << " .. " << rect.x1 << "," << rect.y1);
    CHECK(std::abs(share - 0.85) <= 0.02);
    CHECK(std::abs((rect.x0 + rect.x1 + 1) / 2048.0 - 0.5) <= 0.01);
    CHECK(std::abs((rect.y0 + rect.y1 + 1) / 2048.0 - 0.5) <= 0.01);
}

TEST_CASE("showroom export writes a GLB the Khronos validator accepts", "[cli][export]") {
    const fs::path dir = test::scratch_dir("cli_export");
    const fs::path out = dir / "vase.glb";
    const CliRun r = cli_run("export " + cli_quote(test::samples_dir() / "glazed_vase.glb") + " -o " + cli_quote(out));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::string report;
    const int rc = test::run_command("node " + cli_quote(fs::path(OCOP_SOURCE_DIR) / "tools/validate-gltf.mjs") + " " +
                                         cli_quote(out),
                                     &report);
    INFO(report);
    CHECK(rc == 0);
    CHECK(report.find("\"errors\":0") != std::string::npos);
}
