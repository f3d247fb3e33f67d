// export::encode_glb / write_glb: the GLB container byte by byte, round trips through our own
// importer, the Khronos validator, and the errors for bad input.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assets/import.h"
#include "export/glb_writer.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using ocop::assets::Model;

std::uint32_t glb_u32_at(const std::vector<std::uint8_t>& bytes, std::size_t offset) {
    REQUIRE(offset + 4 <= bytes.size());
    return std::uint32_t(bytes[offset]) | std::uint32_t(bytes[offset + 1]) << 8 |
           std::uint32_t(bytes[offset + 2]) << 16 | std::uint32_t(bytes[offset + 3]) << 24;
}

// A 0.1 m cube, one face per 4 vertices (flat normals), with a 4x4 checker texture used by two
// materials (so the writer must share one image and one texture) and an image nobody uses.
Model glb_textured_cube() {
    Model model;
    model.source = "textured_cube (test)";
    ocop::assets::Mesh mesh;
    mesh.name = "cube";
    const glm::vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    for (int face = 0; face < 6; ++face) {
        const glm::vec3 n = axes[face % 3] * (face < 3 ? 1.0f : -1.0f);
        const glm::vec3 t = axes[(face + 1) % 3] * (face < 3 ? 1.0f : -1.0f);
        const glm::vec3 b = glm::cross(n, t);
        const auto first = static_cast<std::uint32_t>(mesh.positions.size());
        const glm::vec2 corners[4] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (const glm::vec2& c : corners) {
            mesh.positions.push_back(0.05f * (n + c.x * t + c.y * b) + glm::vec3(0, 0.05f, 0));
            mesh.normals.push_back(n);
            mesh.tangents.push_back(glm::vec4(t, 1.0f));
            mesh.uv0.push_back(0.5f * (c + 1.0f));
        }
        mesh.indices.insert(mesh.indices.end(),
                            {first, first + 1, first + 2, first, first + 2, first + 3});
    }
    mesh.material = 0;
    model.meshes.push_back(mesh);
    mesh.name = "cube_copy";
    mesh.material = 1;
    model.meshes.push_back(mesh);

    ocop::assets::Image checker{"checker", 4, 4, std::vector<std::uint8_t>(64, 255), {}, {}};
    for (int i = 0; i < 16; i += 2) checker.rgba8[i * 4] = 0;
    model.images.push_back(checker);
    model.images.push_back({"unused", 2, 2, std::vector<std::uint8_t>(16, 128), {}, {}});

    ocop::assets::Material glazed;
    glazed.name = "glazed";
    glazed.metallic = 0.0f;
    glazed.roughness = 0.1f;
    glazed.base_color_texture.image = 0;
    glazed.base_color_texture.wrap_s = ocop::assets::Wrap::ClampToEdge;
    glazed.normal_texture = glazed.base_color_texture;  // same image and wraps: one texture
    glazed.normal_scale = 0.5f;
    glazed.double_sided = true;
    model.materials.push_back(glazed);
    glazed.name = "glazed_again";
    glazed.alpha_mode = ocop::assets::AlphaMode::Mask;
    glazed.alpha_cutoff = 0.3f;
    model.materials.push_back(glazed);
    return model;
}

// The validator's JSON line from tools/validate-gltf.mjs (its last line that starts with '{').
nlohmann::json glb_validator_report(const fs::path& glb, int* exit_code) {
    std::string output;
    *exit_code = ocop::test::run_command("node \"" + std::string(OCOP_SOURCE_DIR) +
                                             "/tools/validate-gltf.mjs\" \"" + glb.string() + "\"",
                                         &output);
    INFO("validator output: " << output);
    const std::size_t start =
        output.rfind("\n{") == std::string::npos ? output.find('{') : output.rfind("\n{") + 1;
    REQUIRE(*exit_code != 2);  // 2 = could not validate: run tools/bootstrap (npm ci in tools/node)
    REQUIRE(start != std::string::npos);
    return nlohmann::json::parse(output.substr(start), nullptr, false);
}

void glb_require_valid(const fs::path& glb) {
    int exit_code = -1;
    const nlohmann::json report = glb_validator_report(glb, &exit_code);
    INFO(glb << ": " << report.dump());
    REQUIRE(report.is_object());
    CHECK(report["errors"] == 0);
    CHECK(report["warnings"] == 0);
    CHECK(exit_code == 0);
}

Model glb_import_or_fail(const fs::path& path) {
    ocop::Result<Model> model = ocop::assets::import(path);
    if (!model) FAIL(model.error().message());
    return std::move(model).value();
}

// Writes `model` as GLB, reads it back and checks nothing was lost that the importer keeps.
fs::path glb_round_trip(const Model& model, const fs::path& out) {
    const ocop::Status written = ocop::exporter::write_glb(model, out);
    if (!written) FAIL(written.error().message());
    const Model back = glb_import_or_fail(out);
    CHECK(back.triangle_count() == model.triangle_count());
    const ocop::Bounds a = model.bounds(), b = back.bounds();
    for (int axis = 0; axis < 3; ++axis) {
        CHECK(std::abs(a.min[axis] - b.min[axis]) <= 1e-5f);
        CHECK(std::abs(a.max[axis] - b.max[axis]) <= 1e-5f);
    }
    return out;
}

}  // namespace

TEST_CASE("GLB container: header, chunks, padding and alignment", "[export]") {
    const ocop::Result<std::vector<std::uint8_t>> encoded =
        ocop::exporter::encode_glb(glb_textured_cube());
    if (!encoded) FAIL(encoded.error().message());
    const std::vector<std::uint8_t>& glb = encoded.value();

    // glTF 2.0 §4.4.2: magic "glTF", version 2, total length.
    CHECK(glb_u32_at(glb, 0) == 0x46546C67u);
    CHECK(glb_u32_at(glb, 4) == 2u);
    CHECK(glb_u32_at(glb, 8) == glb.size());
    // §4.4.3: the JSON chunk first, padded with spaces to 4 bytes; then the BIN chunk.
    const std::uint32_t json_length = glb_u32_at(glb, 12);
    CHECK(glb_u32_at(glb, 16) == 0x4E4F534Au);
    CHECK(json_length % 4 == 0);
    const std::string json_text(glb.begin() + 20, glb.begin() + 20 + json_length);
    CHECK(json_text.find_last_not_of(' ') == json_text.find_last_of('}'));
    const std::size_t bin_header = 20 + json_length;
    const std::uint32_t bin_length = glb_u32_at(glb, bin_header);
    CHECK(glb_u32_at(glb, bin_header + 4) == 0x004E4942u);
    CHECK(bin_length % 4 == 0);
    CHECK(bin_header + 8 + bin_length == glb.size());

    const nlohmann::json gltf = nlohmann::json::parse(json_text);
    CHECK(gltf["asset"]["version"] == "2.0");
    CHECK(gltf["asset"]["generator"].get<std::string>().rfind("OCOP Showroom ", 0) == 0);
    CHECK(gltf["buffers"].size() == 1);
    CHECK(gltf["buffers"][0].count("uri") == 0);
    CHECK(gltf["buffers"][0]["byteLength"].get<std::uint32_t>() <= bin_length);
    for (const nlohmann::json& view : gltf["bufferViews"]) {
        CHECK(view["byteOffset"].get<std::size_t>() % 4 == 0);
        CHECK(view.count("byteStride") == 0);  // tightly packed
    }
    const nlohmann::json& primitive = gltf["meshes"][0]["primitives"][0];
    const nlohmann::json& position =
        gltf["accessors"][primitive["attributes"]["POSITION"].get<int>()];
    CHECK(position["min"] == nlohmann::json::array({-0.05f, 0.0f, -0.05f}));
    CHECK(position["max"] == nlohmann::json::array({0.05f, 0.1f, 0.05f}));
    CHECK(gltf["accessors"][primitive["indices"].get<int>()]["componentType"] == 5123);
    CHECK(primitive["attributes"].contains("TANGENT"));

    // One image (the unused one is not written), one sampler, one texture shared by both materials.
    CHECK(gltf["images"].size() == 1);
    CHECK(gltf["textures"].size() == 1);
    CHECK(gltf["samplers"].size() == 1);
    CHECK(gltf["samplers"][0]["wrapS"] == 33071);
    CHECK(gltf["samplers"][0].count("wrapT") == 0);  // REPEAT is the default
    const nlohmann::json& image_view =
        gltf["bufferViews"][gltf["images"][0]["bufferView"].get<int>()];
    const std::size_t png_at = bin_header + 8 + image_view["byteOffset"].get<std::size_t>();
    CHECK(gltf["images"][0]["mimeType"] == "image/png");
    CHECK(std::memcmp(&glb[png_at], "\x89PNG", 4) == 0);

    const nlohmann::json& glazed = gltf["materials"][0];
    CHECK(glazed["pbrMetallicRoughness"]["metallicFactor"] == 0.0);
    CHECK(glazed["normalTexture"]["scale"] == 0.5);
    CHECK(glazed["doubleSided"] == true);
    CHECK(glazed.count("alphaMode") == 0);
    CHECK(gltf["materials"][1]["alphaMode"] == "MASK");
    CHECK(gltf["materials"][1]["alphaCutoff"].get<double>() == Approx(0.3));
}

TEST_CASE("GLB indices switch to 32 bits past 65535 vertices", "[export]") {
    Model model;
    ocop::assets::Mesh mesh;
    mesh.positions.resize(70000, glm::vec3(0.0f));
    mesh.positions[69999] = glm::vec3(1, 0, 0);
    mesh.positions[1] = glm::vec3(0, 1, 0);
    mesh.indices = {0, 69999, 1};
    model.meshes.push_back(mesh);
    const ocop::Result<std::vector<std::uint8_t>> encoded = ocop::exporter::encode_glb(model);
    if (!encoded) FAIL(encoded.error().message());
    const std::uint32_t json_length = glb_u32_at(encoded.value(), 12);
    const nlohmann::json gltf = nlohmann::json::parse(
        std::string(encoded.value().begin() + 20, encoded.value().begin() + 20 + json_length));
    CHECK(gltf["accessors"][gltf["meshes"][0]["primitives"][0]["indices"].get<int>()]
              ["componentType"] == 5125);
}

TEST_CASE("GLB of a generated cube passes the Khronos validator", "[export]") {
    const fs::path out = ocop::test::scratch_dir("export_cube") / "cube.glb";
    const ocop::Status written = ocop::exporter::write_glb(glb_textured_cube(), out);
    if (!written) FAIL(written.error().message());
    glb_require_valid(out);
}

TEST_CASE("GLB round trip of the generated sample vase", "[export]") {
    const fs::path sample = ocop::test::samples_dir() / "glazed_vase.glb";
    glb_require_valid(sample);
    const Model vase = glb_import_or_fail(sample);
    CHECK(vase.triangle_count() > 10000);
    CHECK(vase.bounds().size().y == Approx(0.30).margin(0.01));
    const fs::path again =
        glb_round_trip(vase, ocop::test::scratch_dir("export_vase") / "vase_again.glb");
    glb_require_valid(again);
}

TEST_CASE("GLB round trip of the scanned tea set", "[export]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path tea_set = testdata / "models" / "TeaSet01-scan" / "tea_set_01_1k.gltf";
    if (!fs::exists(tea_set))
        OCOP_SKIP("TeaSet01-scan is absent from the shared test data: skipped");
    const fs::path out = glb_round_trip(glb_import_or_fail(tea_set),
                                        ocop::test::scratch_dir("export_tea_set") / "tea_set.glb");
    int exit_code = -1;
    const nlohmann::json report = glb_validator_report(out, &exit_code);
    INFO(report.dump());
    CHECK(report["errors"] == 0);
    CHECK(exit_code == 0);
}

TEST_CASE("GLB export refuses bad input with a reason", "[export]") {
    SECTION("an empty model") {
        const auto encoded = ocop::exporter::encode_glb(Model{});
        REQUIRE_FALSE(encoded.ok());
        CHECK(encoded.error().kind == ocop::Error::Kind::BadInput);
        CHECK(encoded.error().reason.find("no meshes") != std::string::npos);
    }
    SECTION("a mesh with no triangles") {
        Model model;
        model.meshes.emplace_back();
        model.meshes[0].name = "empty";
        model.meshes[0].positions.resize(3);
        const auto encoded = ocop::exporter::encode_glb(model);
        REQUIRE_FALSE(encoded.ok());
        CHECK(encoded.error().kind == ocop::Error::Kind::BadInput);
        CHECK(encoded.error().message().find("mesh 0 'empty'") != std::string::npos);
    }
    SECTION("an index past the vertices") {
        Model model = glb_textured_cube();
        model.meshes[0].indices[5] = 1000;
        const auto encoded = ocop::exporter::encode_glb(model);
        REQUIRE_FALSE(encoded.ok());
        CHECK(encoded.error().message().find("index 1000") != std::string::npos);
    }
    SECTION("a folder that does not exist") {
        const fs::path out =
            ocop::test::scratch_dir("export_missing") / "no_such_folder" / "out.glb";
        const ocop::Status written = ocop::exporter::write_glb(glb_textured_cube(), out);
        REQUIRE_FALSE(written.ok());
        CHECK(written.error().message().find(out.string()) != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
}
