// GLB export writes back what the glTF importer reads: TEXCOORD_1, COLOR_0, texCoord indices,
// KHR_texture_transform and the KHR_materials_* extensions. A round trip keeps them, and the
// Khronos validator finds no error in any export, the Khronos samples' included.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "assets/import.h"
#include "core/files.h"
#include "export/glb_writer.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using ocop::assets::Material;
using ocop::assets::Model;
using ocop::assets::TextureRef;

// The validator's JSON report (tools/validate-gltf.mjs prints it as its last line).
nlohmann::json glbext_validate(const fs::path& glb) {
    std::string output;
    const int exit_code = ocop::test::run_command(
        "node \"" + std::string(OCOP_SOURCE_DIR) + "/tools/validate-gltf.mjs\" \"" + glb.string() + "\"", &output);
    INFO("validator output: " << output);
    REQUIRE(exit_code != 2);  // 2 = could not validate: run tools/bootstrap (npm ci in tools/node)
    const std::size_t start = output.rfind("\n{") == std::string::npos ? output.find('{') : output.rfind("\n{") + 1;
    REQUIRE(start != std::string::npos);
    return nlohmann::json::parse(output.substr(start), nullptr, false);
}

void glbext_require_no_errors(const fs::path& glb) {
    const nlohmann::json report = glbext_validate(glb);
    INFO(glb << ": " << report.dump());
    REQUIRE(report.is_object());
    CHECK(report["errors"] == 0);
}

Model glbext_import(const fs::path& path) {
    ocop::Result<Model> model = ocop::assets::import(path);
    if (!model) FAIL(model.error().message());
    return std::move(model).value();
}

nlohmann::json glbext_json(const fs::path& glb) {
    ocop::Result<std::vector<std::uint8_t>> bytes = ocop::read_file(glb);
    REQUIRE(bytes.ok());
    const auto& b = bytes.value();
    REQUIRE(b.size() > 20);
    const std::uint32_t length = std::uint32_t(b[12]) | std::uint32_t(b[13]) << 8 | std::uint32_t(b[14]) << 16 |
                                 std::uint32_t(b[15]) << 24;
    return nlohmann::json::parse(std::string(b.begin() + 20, b.begin() + 20 + length));
}

// A quad with both UV sets and vertex colours, and one material using every extension, with
// textures on both UV sets, transformed.
Model glbext_everything() {
    Model model;
    model.source = "everything (test)";
    ocop::assets::Mesh mesh;
    mesh.name = "quad";
    mesh.positions = {{0, 0, 0}, {0.1f, 0, 0}, {0.1f, 0.1f, 0}, {0, 0.1f, 0}};
    mesh.normals.assign(4, glm::vec3(0, 0, 1));
    mesh.uv0 = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
    mesh.uv1 = {{0, 0.5f}, {0.5f, 0.5f}, {0.5f, 0}, {0, 0}};
    mesh.colours = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 0.5f}, {1, 1, 1, 1}};
    mesh.indices = {0, 1, 2, 0, 2, 3};
    mesh.material = 0;
    model.meshes.push_back(mesh);
    model.images.push_back({"grey", 2, 2, std::vector<std::uint8_t>(16, 128), {}, {}});
    model.images.push_back({"white", 2, 2, std::vector<std::uint8_t>(16, 255), {}, {}});

    TextureRef plain;
    plain.image = 0;
    TextureRef moved = plain;
    moved.image = 1;
    moved.texcoord = 1;
    moved.transform.offset = {0.25f, 0.5f};
    moved.transform.rotation = 1.5f;
    moved.transform.scale = {2.0f, -2.0f};

    Material m;
    m.name = "everything";
    m.base_color = {0.8f, 0.6f, 0.4f, 1.0f};
    m.metallic = 0.0f;
    m.roughness = 0.3f;
    m.emissive = {0.5f, 0.25f, 0.0f};
    m.base_color_texture = moved;
    m.occlusion_texture = plain;
    m.occlusion_texture.texcoord = 1;
    m.emissive_strength = 4.0f;
    m.ior = 1.7f;
    m.sheen = {true, {0.9f, 0.8f, 0.7f}, 0.4f, plain, moved};
    m.clearcoat = {true, 0.8f, 0.2f, plain, moved, plain, 0.6f};
    m.specular = {true, 0.7f, {0.9f, 1.0f, 0.8f}, moved, plain};
    m.transmission = {true, 0.5f, plain};
    m.volume = {true, 0.02f, moved, 0.3f, {0.9f, 0.5f, 0.4f}};
    m.iridescence = {true, 0.6f, plain, 1.4f, 120.0f, 380.0f, moved};
    model.materials.push_back(m);
    Material unlit;
    unlit.name = "unlit";
    unlit.unlit = true;
    model.materials.push_back(unlit);
    ocop::assets::Mesh second = mesh;
    second.name = "quad_unlit";
    second.material = 1;
    second.uv1.clear();
    second.colours.clear();
    model.meshes.push_back(second);
    ocop::assets::add_root_node_for_all_meshes(model);
    return model;
}

void glbext_check_ref(const TextureRef& a, const TextureRef& b, const char* slot) {
    INFO(slot);
    CHECK(a.present() == b.present());
    CHECK(a.texcoord == b.texcoord);
    CHECK(a.transform.offset == b.transform.offset);
    CHECK(a.transform.rotation == b.transform.rotation);
    CHECK(a.transform.scale == b.transform.scale);
    CHECK(a.wrap_s == b.wrap_s);
    CHECK(a.wrap_t == b.wrap_t);
}

// Everything the model holds of a material, except which image index a texture got (export
// may renumber images).
void glbext_check_material(const Material& a, const Material& b) {
    INFO("material " << a.name);
    CHECK(a.name == b.name);
    CHECK(a.base_color == b.base_color);
    CHECK(a.metallic == b.metallic);
    CHECK(a.roughness == b.roughness);
    CHECK(glm::length(a.emissive * a.emissive_strength - b.emissive * b.emissive_strength) < 1e-5f);
    CHECK(a.unlit == b.unlit);
    CHECK(a.ior == b.ior);
    glbext_check_ref(a.base_color_texture, b.base_color_texture, "base colour");
    glbext_check_ref(a.metallic_roughness_texture, b.metallic_roughness_texture, "metallic-roughness");
    glbext_check_ref(a.normal_texture, b.normal_texture, "normal");
    glbext_check_ref(a.occlusion_texture, b.occlusion_texture, "occlusion");
    glbext_check_ref(a.emissive_texture, b.emissive_texture, "emissive");
    CHECK(a.sheen.enabled == b.sheen.enabled);
    CHECK(a.sheen.colour == b.sheen.colour);
    CHECK(a.sheen.roughness == b.sheen.roughness);
    glbext_check_ref(a.sheen.colour_texture, b.sheen.colour_texture, "sheen colour");
    glbext_check_ref(a.sheen.roughness_texture, b.sheen.roughness_texture, "sheen roughness");
    CHECK(a.clearcoat.enabled == b.clearcoat.enabled);
    CHECK(a.clearcoat.factor == b.clearcoat.factor);
    CHECK(a.clearcoat.roughness == b.clearcoat.roughness);
    CHECK(a.clearcoat.normal_scale == b.clearcoat.normal_scale);
    glbext_check_ref(a.clearcoat.texture, b.clearcoat.texture, "clearcoat");
    glbext_check_ref(a.clearcoat.roughness_texture, b.clearcoat.roughness_texture, "clearcoat roughness");
    glbext_check_ref(a.clearcoat.normal_texture, b.clearcoat.normal_texture, "clearcoat normal");
    CHECK(a.specular.enabled == b.specular.enabled);
    CHECK(a.specular.factor == b.specular.factor);
    CHECK(a.specular.colour == b.specular.colour);
    glbext_check_ref(a.specular.texture, b.specular.texture, "specular");
    glbext_check_ref(a.specular.colour_texture, b.specular.colour_texture, "specular colour");
    CHECK(a.transmission.enabled == b.transmission.enabled);
    CHECK(a.transmission.factor == b.transmission.factor);
    glbext_check_ref(a.transmission.texture, b.transmission.texture, "transmission");
    CHECK(a.volume.enabled == b.volume.enabled);
    CHECK(a.volume.thickness == b.volume.thickness);
    CHECK(a.volume.attenuation_distance == b.volume.attenuation_distance);
    CHECK(a.volume.attenuation_colour == b.volume.attenuation_colour);
    glbext_check_ref(a.volume.thickness_texture, b.volume.thickness_texture, "thickness");
    CHECK(a.iridescence.enabled == b.iridescence.enabled);
    CHECK(a.iridescence.factor == b.iridescence.factor);
    CHECK(a.iridescence.ior == b.iridescence.ior);
    CHECK(a.iridescence.thickness_min_nm == b.iridescence.thickness_min_nm);
    CHECK(a.iridescence.thickness_max_nm == b.iridescence.thickness_max_nm);
    glbext_check_ref(a.iridescence.texture, b.iridescence.texture, "iridescence");
    glbext_check_ref(a.iridescence.thickness_texture, b.iridescence.thickness_texture, "iridescence thickness");
}

// Writes `model`, checks the validator finds no error, reads it back and compares.
Model glbext_round_trip(const Model& model, const fs::path& out) {
    const ocop::Status written = ocop::exporter::write_glb(model, out);
    if (!written) FAIL(written.error().message());
    glbext_require_no_errors(out);
    Model back = glbext_import(out);
    REQUIRE(back.materials.size() == model.materials.size());
    for (std::size_t i = 0; i < model.materials.size(); ++i) glbext_check_material(model.materials[i], back.materials[i]);
    CHECK(back.triangle_count() == model.triangle_count());
    return back;
}

}  // namespace

TEST_CASE("GLB export round-trips UV sets, colours, texture transforms and material extensions", "[gltf]") {
    const Model model = glbext_everything();
    const fs::path out = ocop::test::scratch_dir("glb_extensions_everything") / "everything.glb";
    const Model back = glbext_round_trip(model, out);
    REQUIRE(back.meshes.size() == 2);
    const auto& mesh = back.meshes[0];
    CHECK(mesh.uv1 == model.meshes[0].uv1);
    CHECK(mesh.colours == model.meshes[0].colours);
    CHECK(back.meshes[1].uv1.empty());
    CHECK(back.meshes[1].colours.empty());

    const nlohmann::json gltf = glbext_json(out);
    const std::vector<std::string> used = gltf["extensionsUsed"];
    for (const char* name : {"KHR_texture_transform", "KHR_materials_emissive_strength", "KHR_materials_unlit",
                             "KHR_materials_ior", "KHR_materials_sheen", "KHR_materials_clearcoat",
                             "KHR_materials_specular", "KHR_materials_transmission", "KHR_materials_volume",
                             "KHR_materials_iridescence"})
        CHECK(std::find(used.begin(), used.end(), name) != used.end());
    CHECK_FALSE(gltf.contains("extensionsRequired"));
    // Only values other than the defaults are written.
    const nlohmann::json& unlit = gltf["materials"][1];
    CHECK(unlit["extensions"].size() == 1);
    CHECK(unlit["extensions"]["KHR_materials_unlit"] == nlohmann::json::object());
    const nlohmann::json& base = gltf["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"];
    CHECK(base["texCoord"] == 1);
    CHECK_FALSE(gltf["materials"][0]["occlusionTexture"].contains("extensions"));
}

TEST_CASE("GLB export of a model with no extensions lists none", "[gltf]") {
    Model model = glbext_everything();
    model.materials = {Material{}};
    model.meshes.resize(1);
    model.meshes[0].uv1.clear();
    model.nodes.clear();
    ocop::assets::add_root_node_for_all_meshes(model);
    const fs::path out = ocop::test::scratch_dir("glb_extensions_none") / "plain.glb";
    const ocop::Status written = ocop::exporter::write_glb(model, out);
    if (!written) FAIL(written.error().message());
    const nlohmann::json gltf = glbext_json(out);
    CHECK_FALSE(gltf.contains("extensionsUsed"));
    CHECK(gltf["materials"][0].size() == 0);
    glbext_require_no_errors(out);
}

TEST_CASE("GLB export of the Khronos extension samples: validator clean, values kept", "[gltf]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    int exported = 0;
    for (const char* name : {"ClearCoatTest", "SheenCloth", "TextureCoordinateTest", "GlassVaseFlowers",
                             "ClearcoatWicker", "AlphaBlendModeTest"}) {
        INFO(name);
        fs::path path;
        for (const char* variant : {"glTF-Binary", "glTF"})
            for (const char* ext : {".glb", ".gltf"})
                if (const fs::path p = testdata / "models" / name / variant / (std::string(name) + ext);
                    path.empty() && fs::exists(p))
                    path = p;
        if (path.empty()) continue;
        const Model model = glbext_import(path);
        const fs::path out = ocop::test::scratch_dir(std::string("glb_extensions_") + name) / (std::string(name) + ".glb");
        glbext_round_trip(model, out);
        ++exported;
    }
    if (exported == 0) OCOP_SKIP("none of the Khronos extension samples is present: skipped");
}
