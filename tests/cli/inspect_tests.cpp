// `showroom inspect`: counts agree with the Khronos validator (glTF) and with Assimp's own
// `assimp info` (other formats); bad files are reported and skipped; --json is well formed.
#include <unistd.h>

#include <fstream>
#include <regex>

#include <nlohmann/json.hpp>

#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path inspect_assimp_models = "/usr/share/assimp/models";

std::string inspect_quote(const fs::path& p) { return "'" + p.string() + "'"; }

// Runs `showroom inspect --json FILE...`; stdout (the JSON) and stderr kept apart.
struct InspectRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

InspectRun inspect_run(const std::vector<fs::path>& files, const std::string& name) {
    const fs::path dir = ocop::test::scratch_dir(name);
    std::string command = ocop::test::showroom_binary().string() + " inspect --json";
    for (const fs::path& f : files) command += " " + inspect_quote(f);
    // In a subshell: run_command sends stderr to the output after our redirection.
    InspectRun r;
    r.exit_code = ocop::test::run_command("(" + command + " 2>" + inspect_quote(dir / "stderr.txt") + ")", &r.out);
    std::ifstream err(dir / "stderr.txt");
    r.err.assign(std::istreambuf_iterator<char>(err), {});
    return r;
}

json inspect_json(const fs::path& file) {
    // ctest runs tests in parallel processes: a folder per process, or one test's scratch_dir
    // wipes the other's files.
    const InspectRun r = inspect_run({file}, "inspect_one_" + std::to_string(::getpid()));
    INFO(file << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    const json parsed = json::parse(r.out);
    REQUIRE(parsed.is_array());
    REQUIRE(parsed.size() == 1);
    return parsed[0];
}

// The validator's info.totalTriangleCount, or -1 when the validator cannot run.
long long inspect_validator_triangles(const fs::path& file) {
    std::string out;
    const int code = ocop::test::run_command(
        "(node " + inspect_quote(fs::path(OCOP_SOURCE_DIR) / "tools/validate-gltf.mjs") + " " + inspect_quote(file) +
            " 2>/dev/null)",
        &out);
    if (code == 2 || out.empty()) return -1;
    const json report = json::parse(out, nullptr, false);
    if (report.is_discarded() || !report.contains("triangles") || !report["triangles"].is_number()) return -1;
    return report["triangles"].get<long long>();
}

// `assimp info` prints "Faces:  N" after triangulating; -1 when it cannot run.
long long inspect_assimp_faces(const fs::path& file) {
    std::string out;
    if (ocop::test::run_command("(assimp info " + inspect_quote(file) + " 2>/dev/null)", &out) != 0) return -1;
    std::smatch m;
    static const std::regex faces(R"(\nFaces:\s+(\d+))");
    if (!std::regex_search(out, m, faces)) return -1;
    return std::stoll(m[1].str());
}

void inspect_check_against_validator(const std::vector<fs::path>& files) {
    for (const fs::path& file : files) {
        INFO(file);
        const long long expected = inspect_validator_triangles(file);
        if (expected < 0) OCOP_SKIP("the glTF validator is not installed (tools/bootstrap): skipped");
        const json report = inspect_json(file);
        CHECK(report["triangles"].get<long long>() == expected);
    }
}

}  // namespace

TEST_CASE("inspect counts the triangles the Khronos validator counts (shared test data)", "[inspect]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(data / "models")) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".gltf" || ext == ".glb")) files.push_back(entry.path());
    }
    REQUIRE(!files.empty());
    inspect_check_against_validator(files);
}

TEST_CASE("inspect counts the triangles the Khronos validator counts (Debian's glTF2 models)", "[inspect]") {
    if (!fs::is_directory(inspect_assimp_models / "glTF2")) OCOP_SKIP("assimp-testmodels is not installed: skipped");
    std::vector<fs::path> files;
    for (const char* name : {"BoxTextured-glTF/BoxTextured.gltf", "BoxTextured-glTF-Binary/BoxTextured.glb",
                             "BoxTextured-glTF-Embedded/BoxTextured.gltf", "BoxTexcoords-glTF/boxTexcoords.gltf",
                             "ClearCoat-glTF/ClearCoatTest.gltf", "textureTransform/TextureTransformTest.gltf",
                             "2CylinderEngine-glTF-Binary/2CylinderEngine.glb"})
        if (fs::exists(inspect_assimp_models / "glTF2" / name)) files.push_back(inspect_assimp_models / "glTF2" / name);
    inspect_check_against_validator(files);
}

TEST_CASE("inspect counts the triangles `assimp info` counts (OBJ, PLY, STL, 3DS, DAE, FBX)", "[inspect]") {
    if (!fs::is_directory(inspect_assimp_models)) OCOP_SKIP("assimp-testmodels is not installed: skipped");
    // Files without degenerate triangles or repeated meshes: `assimp info` turns the former
    // into lines and merges the latter (FindDegenerates, FindInstances); inspect keeps both
    // and reports degenerate triangles as a warning.
    int compared = 0;
    for (const char* name :
         {"OBJ/box.obj", "OBJ/WusonOBJ.obj", "OBJ/concave_polygon.obj", "PLY/cube.ply", "PLY/cube_binary.ply",
          "PLY/Wuson.ply", "STL/Spider_binary.stl", "STL/Wuson.stl", "STL/3DSMaxExport.STL", "3DS/fels.3ds",
          "3DS/cubes_with_alpha.3DS", "Collada/duck.dae", "Collada/sphere.dae", "Collada/teapot_instancenodes.DAE",
          "FBX/box.fbx", "FBX/huesitos.fbx", "FBX/maxPbrMaterial_metalRough.fbx"}) {
        const fs::path file = inspect_assimp_models / name;
        if (!fs::exists(file)) continue;
        INFO(file);
        const long long expected = inspect_assimp_faces(file);
        if (expected < 0) OCOP_SKIP("`assimp info` (assimp-utils) is not installed: skipped");
        const json report = inspect_json(file);
        CHECK(report["triangles"].get<long long>() == expected);
        ++compared;
    }
    CHECK(compared >= 10);
}

TEST_CASE("inspect goes on past a bad file, exits 2, and its JSON has every field", "[inspect]") {
    const fs::path dir = ocop::test::scratch_dir("inspect_good_bad");
    {
        std::ofstream good(dir / "tile.obj");
        good << "v 0 0 0\nv 0.1 0 0\nv 0.1 0.1 0\nv 0 0.1 0\nf 1 2 3 4\n";
        std::ofstream bad(dir / "broken.ply");
        bad << "ply\nformat ascii 1.0\nelement vertex 99999999\n";
    }
    const InspectRun r = inspect_run({dir / "broken.ply", dir / "tile.obj"}, "inspect_good_bad_run");
    INFO(r.out << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find("broken.ply") != std::string::npos);
    const json parsed = json::parse(r.out);
    REQUIRE(parsed.size() == 2);
    CHECK(parsed[0]["file"].get<std::string>().find("broken.ply") != std::string::npos);
    CHECK(parsed[0].contains("error"));
    const json& good = parsed[1];
    for (const char* field : {"file", "format", "triangles", "vertices", "meshes", "materials", "textures",
                              "extensions", "bounds_m", "warnings", "load_s"})
        CHECK(good.contains(field));
    CHECK(good["format"] == "Wavefront OBJ");
    CHECK(good["triangles"] == 2);
    CHECK(std::abs(good["bounds_m"]["size"][0].get<double>() - 0.1) < 1e-5);
    bool units = false;
    for (const json& w : good["warnings"]) units |= w.get<std::string>().find("units") != std::string::npos;
    CHECK(units);

    // The text form: the same facts for people, same exit code.
    std::string text;
    const int code = ocop::test::run_command(ocop::test::showroom_binary().string() + " inspect " +
                                                 inspect_quote(dir / "tile.obj") + " " +
                                                 inspect_quote(dir / "missing.obj"),
                                             &text);
    CHECK(code == 2);
    CHECK(text.find("Wavefront OBJ") != std::string::npos);
    CHECK(text.find("missing.obj") != std::string::npos);
}

TEST_CASE("inspect reports a missing texture, degenerate triangles, missing normals and texture colour spaces",
          "[inspect]") {
    const fs::path dir = ocop::test::scratch_dir("inspect_warnings");
    {
        std::ofstream mtl(dir / "bowl.mtl");
        mtl << "newmtl m\nKd 1 1 1\nmap_Kd nowhere.png\n";
        std::ofstream obj(dir / "bowl.obj");
        obj << "mtllib bowl.mtl\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 2 0 0\nvt 0 0\nvt 1 0\nvt 1 1\n"
               "usemtl m\nf 1/1 2/2 3/3\nf 1/1 2/2 4/3\n";
    }
    const json report = inspect_json(dir / "bowl.obj");
    REQUIRE(report["textures"].size() == 1);
    CHECK(report["textures"][0]["placeholder"] == true);
    CHECK(report["textures"][0]["colour_space"] == "sRGB");
    CHECK(report["degenerate_triangles"] == 1);
    std::string all;
    for (const json& w : report["warnings"]) all += w.get<std::string>() + "\n";
    INFO(all);
    CHECK(all.find("placeholder") != std::string::npos);
    CHECK(all.find("degenerate") != std::string::npos);
    CHECK(all.find("no normals in 1 of 1 mesh(es): smooth normals generated") != std::string::npos);
}
