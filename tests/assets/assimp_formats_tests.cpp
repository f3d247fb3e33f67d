// The Assimp importer on files written here (PLY colours, OBJ + MTL textures) and on Debian's
// assimp-testmodels (skipped when /usr/share/assimp/models is absent).
#include <cmath>
#include <fstream>
#include <map>

#include "assets/import.h"
#include "assets/import_assimp.h"
#include "photo/png.h"
#include "support.h"

namespace fs = std::filesystem;
using ocop::assets::import;
using ocop::assets::ImportOptions;
using ocop::assets::Model;
using ocop::assets::UpAxis;

namespace {

const fs::path assimpfmt_models = "/usr/share/assimp/models";
const ImportOptions assimpfmt_as_authored{1.0f, UpAxis::Y, false};

float assimpfmt_srgb_to_linear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

// Four vertices of a unit quad, each with its own 8-bit sRGB colour.
struct AssimpfmtVertex {
    float x, y, z;
    std::uint8_t r, g, b, a;
};
constexpr AssimpfmtVertex assimpfmt_quad[4] = {
    {0, 0, 0, 255, 0, 0, 255}, {1, 0, 0, 0, 128, 0, 255}, {1, 1, 0, 0, 0, 64, 128}, {0, 1, 0, 200, 200, 200, 0}};

const char* assimpfmt_ply_header(const char* format) {
    static std::string header;
    header = std::string("ply\nformat ") + format +
             " 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
             "property uchar red\nproperty uchar green\nproperty uchar blue\nproperty uchar alpha\n"
             "element face 1\nproperty list uchar int vertex_indices\nend_header\n";
    return header.c_str();
}

fs::path assimpfmt_write_ascii_ply(const fs::path& dir) {
    const fs::path path = dir / "colours_ascii.ply";
    std::ofstream out(path);
    out << assimpfmt_ply_header("ascii");
    for (const auto& v : assimpfmt_quad)
        out << v.x << ' ' << v.y << ' ' << v.z << ' ' << int(v.r) << ' ' << int(v.g) << ' ' << int(v.b) << ' '
            << int(v.a) << '\n';
    out << "4 0 1 2 3\n";
    return path;
}

fs::path assimpfmt_write_binary_ply(const fs::path& dir) {
    const fs::path path = dir / "colours_binary.ply";
    std::ofstream out(path, std::ios::binary);
    out << assimpfmt_ply_header("binary_little_endian");
    for (const auto& v : assimpfmt_quad) {
        const float xyz[3] = {v.x, v.y, v.z};
        out.write(reinterpret_cast<const char*>(xyz), sizeof xyz);  // x86/ARM: little-endian
        const std::uint8_t rgba[4] = {v.r, v.g, v.b, v.a};
        out.write(reinterpret_cast<const char*>(rgba), sizeof rgba);
    }
    const std::uint8_t n = 4;
    const std::int32_t face[4] = {0, 1, 2, 3};
    out.write(reinterpret_cast<const char*>(&n), 1);
    out.write(reinterpret_cast<const char*>(face), sizeof face);
    return path;
}

// Every vertex's colour is the linear value of the colour written at its position.
void assimpfmt_check_quad_colours(const Model& model) {
    REQUIRE(model.triangle_count() == 2);
    std::size_t checked = 0;
    for (const auto& mesh : model.meshes) {
        REQUIRE(mesh.colours.size() == mesh.positions.size());
        for (std::size_t i = 0; i < mesh.positions.size(); ++i)
            for (const auto& v : assimpfmt_quad) {
                if (glm::length(mesh.positions[i] - glm::vec3(v.x, v.y, v.z)) > 1e-6f) continue;
                const glm::vec4 want(assimpfmt_srgb_to_linear(v.r / 255.0f), assimpfmt_srgb_to_linear(v.g / 255.0f),
                                     assimpfmt_srgb_to_linear(v.b / 255.0f), v.a / 255.0f);
                INFO("vertex " << i);
                CHECK(glm::length(mesh.colours[i] - want) < 1e-3f);
                ++checked;
            }
    }
    CHECK(checked >= 4);
}

void assimpfmt_check_sane(const Model& model, const fs::path& path) {
    INFO(path);
    CHECK(!model.format.empty());
    CHECK(model.triangle_count() > 0);
    const ocop::Bounds bounds = model.bounds();
    REQUIRE(!bounds.empty());
    const glm::vec3 size = bounds.size();
    for (int axis = 0; axis < 3; ++axis) {
        CHECK(std::isfinite(size[axis]));
        CHECK(size[axis] >= 0.0f);
        CHECK(size[axis] < 10000.0f);
    }
    CHECK(std::max({size.x, size.y, size.z}) > 0.0f);
    for (const auto& mesh : model.meshes) {
        CHECK(mesh.normals.size() == mesh.positions.size());
        CHECK((mesh.uv1.empty() || mesh.uv1.size() == mesh.positions.size()));
        CHECK((mesh.colours.empty() || mesh.colours.size() == mesh.positions.size()));
    }
}

#define ASSIMPFMT_REQUIRE_MODELS() \
    if (!fs::is_directory(assimpfmt_models)) OCOP_SKIP("assimp-testmodels is not installed: skipped")

}  // namespace

TEST_CASE("PLY vertex colours, ASCII and binary, are decoded from sRGB to linear", "[assimp]") {
    const fs::path dir = ocop::test::scratch_dir("assimpfmt_ply_colours");
    SECTION("ASCII") {
        const auto model = import(assimpfmt_write_ascii_ply(dir), assimpfmt_as_authored);
        REQUIRE(model.ok());
        CHECK(model->format == "Stanford PLY (ASCII)");
        assimpfmt_check_quad_colours(model.value());
    }
    SECTION("binary") {
        const auto model = import(assimpfmt_write_binary_ply(dir), assimpfmt_as_authored);
        REQUIRE(model.ok());
        CHECK(model->format == "Stanford PLY (binary)");
        assimpfmt_check_quad_colours(model.value());
    }
}

TEST_CASE("OBJ + MTL: a texture beside the model, a missing one becomes a placeholder", "[assimp]") {
    const fs::path dir = ocop::test::scratch_dir("assimpfmt_obj_mtl");
    fs::create_directories(dir / "tex");
    ocop::render::Pixels pixels{4, 4, std::vector<std::uint8_t>(4 * 4 * 4, 200)};
    REQUIRE(ocop::photo::write_png(dir / "tex" / "glaze.png", pixels).ok());
    {
        std::ofstream mtl(dir / "vase.mtl");
        mtl << "newmtl glazed\nKd 0.8 0.8 0.8\nKs 0.5 0.5 0.5\nNs 100\nillum 2\nmap_Kd tex/glaze.png\n"
               "newmtl lacquer\nKd 0.5 0.1 0.1\nillum 1\nmap_Kd tex/gone.png\n"
               "newmtl clay\nKd 0.73 0.4 0.2\nKs 0.1 0.1 0.1\nNs 10\nillum 2\n";
        std::ofstream obj(dir / "vase.obj");
        obj << "mtllib vase.mtl\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
               "usemtl glazed\nf 1/1 2/2 3/3\nusemtl lacquer\nf 1/1 3/3 4/4\nusemtl clay\nf 1/1 2/2 4/4\n";
    }
    const auto result = import(dir / "vase.obj", assimpfmt_as_authored);
    REQUIRE(result.ok());
    const Model& model = result.value();
    CHECK(model.format == "Wavefront OBJ");
    std::map<std::string, const ocop::assets::Material*> by_name;
    for (const auto& m : model.materials) by_name[m.name] = &m;
    REQUIRE(by_name.count("glazed"));
    REQUIRE(by_name.count("lacquer"));
    REQUIRE(by_name.count("clay"));

    const auto& glazed = *by_name["glazed"];
    REQUIRE(glazed.base_color_texture.present());
    const auto& glaze_image = model.images[static_cast<std::size_t>(glazed.base_color_texture.image)];
    CHECK(!glaze_image.placeholder);
    CHECK(glaze_image.width == 4);
    CHECK(glazed.base_color == glm::vec4(1.0f));  // the texture replaces Kd
    CHECK(glazed.metallic == 0.0f);
    CHECK(glazed.roughness < 0.5f);  // Ns 100 is fairly glossy
    CHECK(!glazed.specular.enabled);  // Ks 0.5 is glTF's default reflectance

    const auto& lacquer = *by_name["lacquer"];
    REQUIRE(lacquer.base_color_texture.present());
    const auto& placeholder = model.images[static_cast<std::size_t>(lacquer.base_color_texture.image)];
    CHECK(placeholder.placeholder);
    CHECK(placeholder.width == 64);
    CHECK(placeholder.height == 64);
    REQUIRE(placeholder.rgba8.size() == 64 * 64 * 4);
    CHECK(placeholder.rgba8[0] == 255);  // magenta at the corner, black beside it
    CHECK(placeholder.rgba8[1] == 0);
    CHECK(placeholder.rgba8[2] == 255);
    CHECK(placeholder.rgba8[8 * 4] == 0);
    bool warned = false;
    for (const auto& w : model.warnings) warned |= w.find("gone.png") != std::string::npos;
    CHECK(warned);
    CHECK(lacquer.roughness == 1.0f);  // illum 1: no highlights

    const auto& clay = *by_name["clay"];
    CHECK(!clay.base_color_texture.present());
    CHECK(std::abs(clay.base_color.r - assimpfmt_srgb_to_linear(0.73f)) < 1e-3f);
    CHECK(clay.specular.enabled);  // Ks 0.1: weaker than glTF's 4%
    CHECK(std::abs(clay.specular.factor - 0.2f) < 1e-3f);
}

TEST_CASE("assimp_reads knows Assimp's extensions", "[assimp]") {
    CHECK(ocop::assets::assimp_reads(".3ds"));
    CHECK(ocop::assets::assimp_reads(".obj"));
    CHECK(ocop::assets::assimp_reads(".off"));
    CHECK(!ocop::assets::assimp_reads(".docx"));
    CHECK(!ocop::assets::assimp_reads(""));
}

TEST_CASE("3DS, DAE, FBX and STL samples load with sane bounds", "[assimp]") {
    ASSIMPFMT_REQUIRE_MODELS();
    const std::pair<const char*, const char*> samples[] = {
        {"3DS/fels.3ds", "Autodesk 3DS"},           {"3DS/RotatingCube.3DS", "Autodesk 3DS"},
        {"Collada/duck.dae", "COLLADA"},            {"Collada/cube_with_2UVs.DAE", "COLLADA"},
        {"FBX/box.fbx", "Autodesk FBX (binary)"},   {"FBX/phong_cube.fbx", "Autodesk FBX"},
        {"FBX/maxPbrMaterial_metalRough.fbx", "Autodesk FBX"}, {"STL/Spider_binary.stl", "STL (binary)"},
        {"STL/Spider_ascii.stl", "STL (ASCII)"},    {"OBJ/spider.obj", "Wavefront OBJ"},
        {"PLY/Wuson.ply", "Stanford PLY"},          {"OFF/Cube.off", ""}};
    for (const auto& [name, format] : samples) {
        const fs::path path = assimpfmt_models / name;
        INFO(path);
        if (!fs::exists(path)) continue;
        const auto model = import(path);
        REQUIRE(model.ok());
        CHECK(model->format.starts_with(format));
        assimpfmt_check_sane(model.value(), path);
    }
}

TEST_CASE("A second UV set reaches Mesh::uv1; FBX units become metres", "[assimp]") {
    ASSIMPFMT_REQUIRE_MODELS();
    const fs::path two_uvs = assimpfmt_models / "Collada/cube_with_2UVs.DAE";
    if (fs::exists(two_uvs)) {
        const auto model = import(two_uvs);
        REQUIRE(model.ok());
        bool has_uv1 = false;
        for (const auto& mesh : model->meshes) has_uv1 |= !mesh.uv1.empty();
        CHECK(has_uv1);
        for (const auto& w : model->warnings) CHECK(w.find("UV channel 1") == std::string::npos);
    }
    const fs::path fbx = assimpfmt_models / "FBX/box.fbx";
    if (fs::exists(fbx)) {
        const auto model = import(fbx);
        REQUIRE(model.ok());
        bool noted = false;
        for (const auto& w : model->warnings) noted |= w.starts_with("units from the file");
        CHECK(noted);
    }
}

TEST_CASE("Every file in assimp-testmodels' invalid folder imports or is bad input naming it", "[assimp]") {
    ASSIMPFMT_REQUIRE_MODELS();
    const fs::path dir = assimpfmt_models / "invalid";
    if (!fs::is_directory(dir)) OCOP_SKIP("no invalid/ folder: skipped");
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        ++files;
        INFO(entry.path());
        const auto model = import(entry.path());
        if (model.ok()) {
            CHECK(model->triangle_count() > 0);
            continue;
        }
        CHECK(model.error().kind == ocop::Error::Kind::BadInput);
        CHECK(model.error().message().find(entry.path().filename().string()) != std::string::npos);
        CHECK(model.error().message().find('\n') == std::string::npos);
    }
    CHECK(files > 5);
}
