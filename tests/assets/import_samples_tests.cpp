// The importers on real scans and sample models (../shared/testdata, skipped when absent) and
// on small OBJ/PLY files written here.
#include <cmath>
#include <fstream>
#include <string_view>

#include "assets/import.h"
#include "assets/tangents.h"
#include "support.h"

using ocop::assets::import;
using ocop::assets::ImportOptions;
using ocop::assets::Model;
using ocop::assets::UpAxis;

namespace {

// Every vertex attribute is either absent or one per position, normals are unit length, and
// tangents (when present) are unit, orthogonal to the normal and carry a ±1 sign. Counted per
// mesh, not asserted per vertex: a million Catch assertions would take seconds.
void assets_check_mesh_invariants(const Model& model) {
    for (const auto& mesh : model.meshes) {
        INFO("mesh " << mesh.name);
        REQUIRE(mesh.indices.size() % 3 == 0);
        REQUIRE(mesh.normals.size() == mesh.positions.size());
        REQUIRE((mesh.uv0.empty() || mesh.uv0.size() == mesh.positions.size()));
        REQUIRE((mesh.tangents.empty() || mesh.tangents.size() == mesh.positions.size()));
        std::size_t bad_indices = 0, bad_normals = 0, bad_tangents = 0;
        for (std::uint32_t index : mesh.indices) bad_indices += index >= mesh.positions.size();
        for (const glm::vec3& n : mesh.normals) bad_normals += !(std::abs(glm::length(n) - 1.0f) < 1e-3f);
        for (std::size_t v = 0; v < mesh.tangents.size(); ++v) {
            const glm::vec4& t = mesh.tangents[v];
            bad_tangents += !(std::abs(glm::length(glm::vec3(t)) - 1.0f) < 1e-3f) || std::abs(t.w) != 1.0f;
        }
        CHECK(bad_indices == 0);
        CHECK(bad_normals == 0);
        CHECK(bad_tangents == 0);
        REQUIRE((mesh.material >= -1 && mesh.material < static_cast<int>(model.materials.size())));
    }
    for (const auto& image : model.images)
        REQUIRE(image.rgba8.size() == static_cast<std::size_t>(image.width) * image.height * 4);
}

// A 2 × 2 × 2 cube centred on (10, 20, 30), six quads wound counter-clockwise seen from outside.
constexpr float assets_cube_corners[8][3] = {{9, 19, 29}, {11, 19, 29}, {11, 21, 29}, {9, 21, 29},
                                              {9, 19, 31}, {11, 19, 31}, {11, 21, 31}, {9, 21, 31}};
constexpr int assets_cube_quads[6][4] = {{0, 3, 2, 1}, {4, 5, 6, 7}, {0, 1, 5, 4},
                                         {3, 7, 6, 2}, {0, 4, 7, 3}, {1, 2, 6, 5}};

std::filesystem::path assets_write_cube_obj(const std::filesystem::path& dir) {
    const auto path = dir / "cube.obj";
    std::ofstream out(path);
    for (const auto& c : assets_cube_corners) out << "v " << c[0] << ' ' << c[1] << ' ' << c[2] << '\n';
    out << "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n";
    for (const auto& q : assets_cube_quads)
        out << "f " << q[0] + 1 << "/1 " << q[1] + 1 << "/2 " << q[2] + 1 << "/3 " << q[3] + 1 << "/4\n";
    return path;
}

std::filesystem::path assets_write_cube_ply(const std::filesystem::path& dir) {
    const auto path = dir / "cube.ply";
    std::ofstream out(path);
    out << "ply\nformat ascii 1.0\nelement vertex 8\nproperty float x\nproperty float y\n"
           "property float z\nelement face 6\nproperty list uchar int vertex_indices\nend_header\n";
    for (const auto& c : assets_cube_corners) out << c[0] << ' ' << c[1] << ' ' << c[2] << '\n';
    for (const auto& q : assets_cube_quads) out << "4 " << q[0] << ' ' << q[1] << ' ' << q[2] << ' ' << q[3] << '\n';
    return path;
}

void assets_check_cube(const Model& model, glm::vec3 centre) {
    REQUIRE(model.triangle_count() == 12);
    const ocop::Bounds bounds = model.bounds();
    CHECK(glm::length(bounds.size() - glm::vec3(2.0f)) < 1e-5f);
    CHECK(glm::length(bounds.centre() - centre) < 1e-5f);
    assets_check_mesh_invariants(model);
    // Counter-clockwise faces seen from outside: every face normal points away from the centre
    // (in model space, where the nodes place the mesh; none of them mirrors).
    for (const auto& instance : model.instances()) {
        const auto& mesh = model.meshes[static_cast<std::size_t>(instance.mesh)];
        const auto place = [&](std::uint32_t i) { return glm::vec3(instance.world * glm::vec4(mesh.positions[i], 1)); };
        for (std::size_t i = 0; i < mesh.indices.size(); i += 3) {
            const glm::vec3 a = place(mesh.indices[i]), b = place(mesh.indices[i + 1]), c = place(mesh.indices[i + 2]);
            CHECK(glm::dot(glm::cross(b - a, c - a), (a + b + c) / 3.0f - centre) > 0.0f);
        }
    }
}

const ImportOptions assets_as_authored{1.0f, UpAxis::Y, false};

}  // namespace

TEST_CASE("OBJ cube: 12 triangles, right bounds, normals and flipped UVs", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_obj_cube");
    const auto result = import(assets_write_cube_obj(dir), assets_as_authored);
    REQUIRE(result.ok());
    assets_check_cube(result.value(), {10, 20, 30});
    // OBJ's v runs up the image; the model keeps glTF's convention, v down.
    bool found_top_left = false;
    for (const auto& mesh : result->meshes) {
        REQUIRE(mesh.uv0.size() == mesh.positions.size());
        for (const glm::vec2& uv : mesh.uv0) found_top_left |= uv == glm::vec2(0.0f, 1.0f);
    }
    CHECK(found_top_left);
}

TEST_CASE("PLY cube: 12 triangles, right bounds, normals", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_ply_cube");
    const auto result = import(assets_write_cube_ply(dir), assets_as_authored);
    REQUIRE(result.ok());
    assets_check_cube(result.value(), {10, 20, 30});
}

TEST_CASE("Import options: centimetres, Z up, base at origin", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_options");
    const auto obj = assets_write_cube_obj(dir);

    SECTION("base at origin by default") {
        const auto result = import(obj);
        REQUIRE(result.ok());
        const ocop::Bounds b = result->bounds();
        CHECK(std::abs(b.min.y) < 1e-5f);
        CHECK(std::abs(b.centre().x) < 1e-5f);
        CHECK(std::abs(b.centre().z) < 1e-5f);
        assets_check_cube(result.value(), {0, 1, 0});
    }
    SECTION("unit scale") {
        const auto result = import(obj, {0.01f, UpAxis::Y, false});
        REQUIRE(result.ok());
        const ocop::Bounds b = result->bounds();
        CHECK(glm::length(b.size() - glm::vec3(0.02f)) < 1e-6f);
        CHECK(glm::length(b.centre() - glm::vec3(0.1f, 0.2f, 0.3f)) < 1e-5f);
    }
    SECTION("Z up becomes Y up, keeping handedness") {
        const auto result = import(obj, {1.0f, UpAxis::Z, false});
        REQUIRE(result.ok());
        // (x, y, z) -> (x, z, -y): the centre (10, 20, 30) lands at (10, 30, -20).
        assets_check_cube(result.value(), {10, 30, -20});
    }
    SECTION("a non-positive unit scale is bad input") {
        const auto result = import(obj, {0.0f, UpAxis::Y, true});
        REQUIRE(!result.ok());
        CHECK(result.error().kind == ocop::Error::Kind::BadInput);
    }
}

TEST_CASE("TeaSet01 scan: meshes, JPEG textures kept encoded, bounds in metres", "[assets]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    const auto result = import(data / "models/TeaSet01-scan/tea_set_01_1k.gltf", assets_as_authored);
    REQUIRE(result.ok());
    const Model& model = result.value();
    CHECK(model.meshes.size() == 10);
    CHECK(model.triangle_count() > 35'000);
    CHECK(model.triangle_count() < 45'000);
    REQUIRE(model.images.size() == 3);
    for (const auto& image : model.images) {
        CHECK(image.mime_type == "image/jpeg");
        CHECK(!image.encoded.empty());
        CHECK(image.width == 1024);
    }
    REQUIRE(model.materials.size() == 1);
    const auto& material = model.materials[0];
    CHECK(material.double_sided);
    CHECK(material.base_color_texture.present());
    CHECK(material.metallic_roughness_texture.present());
    CHECK(material.normal_texture.present());
    // A tea set on a table: tens of centimetres, not millimetres or kilometres.
    const glm::vec3 size = model.bounds().size();
    CHECK(size.x > 0.3f);
    CHECK(size.x < 2.0f);
    CHECK(size.y > 0.05f);
    CHECK(size.y < 0.5f);
    // The file has a normal map but no tangents: they are generated.
    for (const auto& mesh : model.meshes) CHECK(mesh.tangents.size() == mesh.positions.size());
    assets_check_mesh_invariants(model);
}

TEST_CASE("Avocado: tiny, PNG textures, tangents from the file", "[assets]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    const auto result = import(data / "models/Avocado/glTF/Avocado.gltf");
    REQUIRE(result.ok());
    const Model& model = result.value();
    CHECK(model.triangle_count() == 682);
    const glm::vec3 size = model.bounds().size();
    CHECK(size.y > 0.05f);
    CHECK(size.y < 0.07f);
    CHECK(std::abs(model.bounds().min.y) < 1e-6f);  // base at origin
    REQUIRE(model.images.size() == 3);
    for (const auto& image : model.images) CHECK(image.mime_type == "image/png");
    REQUIRE(model.meshes.size() == 1);
    CHECK(model.meshes[0].material == 0);
    CHECK(model.meshes[0].tangents.size() == model.meshes[0].positions.size());
    assets_check_mesh_invariants(model);
}

TEST_CASE("Sample models import with consistent attributes", "[assets]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    for (const char* name : {"AlphaBlendModeTest/glTF-Binary/AlphaBlendModeTest.glb",
                             "ClearCoatTest/glTF-Binary/ClearCoatTest.glb",
                             "TextureCoordinateTest/glTF-Binary/TextureCoordinateTest.glb",
                             "NormalTangentMirrorTest/glTF-Binary/NormalTangentMirrorTest.glb",
                             "SheenCloth/glTF/SheenCloth.gltf"}) {
        INFO(name);
        const auto result = import(data / "models" / name);
        REQUIRE(result.ok());
        CHECK(result->triangle_count() > 0);
        assets_check_mesh_invariants(result.value());
        if (std::string_view(name).starts_with("AlphaBlendModeTest")) {
            int masked = 0, blended = 0;
            for (const auto& m : result->materials) {
                masked += m.alpha_mode == ocop::assets::AlphaMode::Mask;
                blended += m.alpha_mode == ocop::assets::AlphaMode::Blend;
            }
            CHECK(masked > 0);
            CHECK(blended > 0);
        }
    }
}

TEST_CASE("Generated tangents agree with the tangents authored in NormalTangentMirrorTest", "[assets]") {
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    const auto result = import(data / "models/NormalTangentMirrorTest/glTF-Binary/NormalTangentMirrorTest.glb");
    REQUIRE(result.ok());
    std::size_t compared = 0, same_sign = 0, same_direction = 0;
    for (const auto& authored : result->meshes) {
        REQUIRE(authored.tangents.size() == authored.positions.size());
        ocop::assets::Mesh generated = authored;
        generated.tangents.clear();
        ocop::assets::generate_tangents(generated);
        for (std::size_t v = 0; v < authored.tangents.size(); ++v) {
            ++compared;
            same_sign += authored.tangents[v].w == generated.tangents[v].w;
            same_direction += glm::dot(glm::vec3(authored.tangents[v]), glm::vec3(generated.tangents[v])) > 0.9f;
        }
    }
    REQUIRE(compared > 0);
    // MikkTSpace splits vertices differently at seams, so a few may differ; the sign convention must not.
    CHECK(same_sign > compared * 95 / 100);
    CHECK(same_direction > compared * 90 / 100);
}

TEST_CASE("A million-triangle model imports whole", "[assets]") {
    // How fast is a benchmark's business: showroom bench import (docs/benchmarks.md).
    OCOP_REQUIRE_SHARED_TESTDATA(data);
    const auto result = import(data / "models/MetalRoughSpheresNoTextures/glTF-Binary/MetalRoughSpheresNoTextures.glb");
    REQUIRE(result.ok());
    CHECK(result->triangle_count() > 1'000'000);
}
