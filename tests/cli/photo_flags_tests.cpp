// `showroom photo` with the reference-comparison flags: the camera lands where
// <model-viewer>'s camera-orbit puts it, in the file's own coordinates.
#include <cmath>
#include <string>
#include <vector>

#include "export/glb_writer.h"
#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;

namespace {

// A 1 m cube centred at the origin (in the file's coordinates), grey, rough.
fs::path flags_write_cube(const fs::path& dir) {
    assets::Model m;
    m.source = "cube";
    assets::Mesh mesh;
    const glm::vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const glm::vec3& n : normals) {
        const glm::vec3 u = std::abs(n.y) > 0.5f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 v = glm::cross(n, u);
        const auto base = static_cast<std::uint32_t>(mesh.positions.size());
        for (const glm::vec2 c : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
            mesh.positions.push_back(0.5f * (n + c.x * u + c.y * v));
            mesh.normals.push_back(n);
        }
        // Counter-clockwise seen from outside: u x v = n for these corner orders, else flip.
        const bool ccw = glm::dot(glm::cross(u, v), n) > 0.0f;
        if (ccw) mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
        else mesh.indices.insert(mesh.indices.end(), {base, base + 2, base + 1, base, base + 3, base + 2});
    }
    mesh.material = 0;
    m.meshes.push_back(std::move(mesh));
    assets::Material grey;
    grey.base_color = glm::vec4(0.5f, 0.5f, 0.5f, 1.0f);
    grey.metallic = 0.0f;
    m.materials.push_back(grey);
    assets::add_root_node_for_all_meshes(m);
    const fs::path path = dir / "cube.glb";
    REQUIRE(exporter::write_glb(m, path).ok());
    return path;
}

// Columns and rows with an opaque pixel: the silhouette's box.
struct FlagsBox {
    int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};

FlagsBox flags_opaque_box(const render::Pixels& p) {
    FlagsBox b;
    for (std::uint32_t y = 0; y < p.height; ++y)
        for (std::uint32_t x = 0; x < p.width; ++x)
            if (p.rgba8[(std::size_t(y) * p.width + x) * 4 + 3] >= 128) {
                b.x0 = std::min(b.x0, int(x));
                b.x1 = std::max(b.x1, int(x));
                b.y0 = std::min(b.y0, int(y));
                b.y1 = std::max(b.y1, int(y));
            }
    return b;
}

int flags_run(const std::string& args, std::string* output) {
    return test::run_command(test::showroom_binary().string() + " photo " + args, output);
}

}  // namespace

TEST_CASE("photo --orbit --fov --target --keep-coordinates frames as model-viewer's camera-orbit", "[cli][photo]") {
    const fs::path dir = test::scratch_dir("photo_flags_orbit");
    const fs::path cube = flags_write_cube(dir);
    const fs::path out = dir / "front.png";
    // Camera at (0.25, 0, 4) looking at (0.25, 0, 0): the front face (z = 0.5, 3.5 m away) spans
    // x -0.75 .. 0.25 and y -0.5 .. 0.5 relative to the axis. At fov 30 on 400 px:
    // pixel = 200 + 200 * offset / (3.5 tan 15deg).
    std::string output;
    const int code = flags_run("'" + cube.string() + "' -o '" + out.string() +
                                   "' --size 400x400 --orbit 0,90,4 --fov 30 --target 0.25,0,0 --keep-coordinates"
                                   " --environment white --no-lights --background transparent --exposure 0"
                                   " --tonemap pbr-neutral --no-shadow",
                               &output);
    INFO(output);
    REQUIRE(code == 0);
    Result<render::Pixels> p = photo::read_png(out);
    REQUIRE(p.ok());
    const FlagsBox b = flags_opaque_box(p.value());
    const double k = 200.0 / (3.5 * std::tan(15.0 * 3.14159265358979 / 180.0));
    CHECK(std::abs(b.x0 - (200.0 - 0.75 * k)) <= 1.5);
    CHECK(std::abs(b.x1 + 1 - (200.0 + 0.25 * k)) <= 1.5);
    CHECK(std::abs(b.y0 - (200.0 - 0.5 * k)) <= 1.5);
    CHECK(std::abs(b.y1 + 1 - (200.0 + 0.5 * k)) <= 1.5);
    // A transparent background stays transparent.
    CHECK(p->rgba8[3] == 0);
}

TEST_CASE("photo from above (phi 0 is straight down) and from the side (theta 90 is +X)", "[cli][photo]") {
    const fs::path dir = test::scratch_dir("photo_flags_side");
    const fs::path cube = flags_write_cube(dir);
    std::string output;
    // Seen from +X at 4 m, level, target at the centre: a centred square, as from the front.
    const fs::path side = dir / "side.png";
    REQUIRE(flags_run("'" + cube.string() + "' -o '" + side.string() +
                          "' --size 200x200 --orbit 90,90,4 --fov 30 --keep-coordinates --background transparent",
                      &output) == 0);
    Result<render::Pixels> p = photo::read_png(side);
    REQUIRE(p.ok());
    const FlagsBox b = flags_opaque_box(p.value());
    CHECK(std::abs((b.x0 + b.x1 + 1) / 2.0 - 100.0) <= 1.0);
    CHECK(std::abs((b.y0 + b.y1 + 1) / 2.0 - 100.0) <= 1.0);
}

TEST_CASE("photo refuses malformed reference flags with one line and exit 2", "[cli][photo]") {
    const fs::path dir = test::scratch_dir("photo_flags_bad");
    const fs::path cube = flags_write_cube(dir);
    const std::string base = "'" + cube.string() + "' -o '" + (dir / "x.png").string() + "' ";
    for (const std::string bad : {"--orbit 1", "--orbit a,b", "--orbit 0,90,-1", "--target 1,2", "--fov 0",
                                  "--tonemap filmic", "--background pink", "--environment sky.png",
                                  "--environment missing.hdr", "--samples 9", "--exposure 99"}) {
        std::string output;
        const int code = flags_run(base + bad, &output);
        INFO(bad << "\n" << output);
        CHECK(code == 2);
        CHECK(std::count(output.begin(), output.end(), '\n') == 1);
    }
}

TEST_CASE("photo --samples 2 averages down to the asked size, background still exactly white", "[cli][photo]") {
    const fs::path dir = test::scratch_dir("photo_flags_samples");
    const fs::path cube = flags_write_cube(dir);
    const fs::path out = dir / "ss.png";
    std::string output;
    REQUIRE(flags_run("'" + cube.string() + "' -o '" + out.string() + "' --size 160x120 --samples 2", &output) == 0);
    Result<render::Pixels> p = photo::read_png(out);
    REQUIRE(p.ok());
    CHECK(p->width == 160);
    CHECK(p->height == 120);
    CHECK(p->rgba8[0] == 255);
    CHECK(p->rgba8[1] == 255);
    CHECK(p->rgba8[2] == 255);
}

TEST_CASE("photo without --samples supersamples twice, as the presets do, and once where twice passes 8192", "[cli][photo]") {
    const fs::path dir = test::scratch_dir("photo_flags_default_samples");
    const fs::path cube = flags_write_cube(dir);
    const auto shoot = [&](const std::string& name, const std::string& flags) {
        const fs::path out = dir / name;
        std::string output;
        REQUIRE(flags_run("'" + cube.string() + "' -o '" + out.string() + "' " + flags, &output) == 0);
        Result<render::Pixels> p = photo::read_png(out);
        REQUIRE(p.ok());
        return p->rgba8;
    };
    const std::vector<std::uint8_t> by_default = shoot("default.png", "--size 96x96");
    CHECK(by_default == shoot("two.png", "--size 96x96 --samples 2"));
    CHECK(by_default != shoot("one.png", "--size 96x96 --samples 1"));
    // 4100 pixels wide: twice would be 8200, so one sample (4x MSAA) instead of an error.
    CHECK(shoot("wide_default.png", "--size 4100x8") == shoot("wide_one.png", "--size 4100x8 --samples 1"));
}
