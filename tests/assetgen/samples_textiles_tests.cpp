// The Vạn Phúc silk, Trạch Xá áo dài and Tranh Khúc food samples (tools/assetgen/textiles.cpp,
// food.cpp): real sizes from the catalogue's table, scan density for the heroes, silk with
// sheen, bit-for-bit determinism, and the written files importing at the right size.
#include <algorithm>
#include <array>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "assetgen/generators.h"
#include "assets/import.h"
#include "support.h"

namespace {

using ocop::samples::FileFormat;
using ocop::samples::SampleFile;

struct TextileEntry {
    SampleFile (*make)();
    const char* file;
    FileFormat format;
    const char* units;
    const char* up;
    glm::vec3 size_cm;  // width x height x depth, +Y up
    bool hero;
    bool silk;  // its cloth must use KHR_materials_sheen
};

const std::array<TextileEntry, 8> kTextileTable{{
    {ocop::samples::make_vp_scarf_on_stand, "vp-scarf-on-stand.glb", FileFormat::Glb, "m", "y", {40, 55, 30}, true, true},
    {ocop::samples::make_vp_silk_bolts, "vp-silk-bolts.gltf", FileFormat::Gltf, "m", "y", {45, 18, 30}, false, true},
    {ocop::samples::make_vp_ao_dai, "vp-ao-dai-dress-form.glb", FileFormat::Glb, "m", "y", {50, 165, 35}, true, true},
    {ocop::samples::make_vp_scarf_folded, "vp-scarf-folded.obj", FileFormat::Obj, "cm", "y", {25, 4, 18}, false, true},
    {ocop::samples::make_tx_ao_dai_brocade, "tx-ao-dai-brocade.glb", FileFormat::Glb, "m", "y", {50, 165, 35}, false, true},
    {ocop::samples::make_tk_banh_chung, "tk-banh-chung.glb", FileFormat::Glb, "m", "y", {18, 7, 18}, false, false},
    {ocop::samples::make_tk_gift_box, "tk-gift-box.gltf", FileFormat::Gltf, "m", "y", {40, 14, 30}, false, false},
    {ocop::samples::make_tk_banh_day, "tk-banh-day.ply", FileFormat::Ply, "mm", "z", {20, 4, 20}, false, false},
}};

const TextileEntry& textile_entry(const std::string& file) {
    for (const TextileEntry& e : kTextileTable)
        if (file == e.file) return e;
    FAIL("no table entry for " << file);
    return kTextileTable[0];
}

void textile_check_size(const glm::vec3& size_m, const glm::vec3& want_cm, const std::string& what) {
    for (int axis = 0; axis < 3; ++axis) {
        INFO(what << " axis " << axis << ": " << size_m[axis] * 100.0f << " cm, table " << want_cm[axis] << " cm");
        CHECK(size_m[axis] * 100.0f == Approx(want_cm[axis]).epsilon(0.05));
    }
}

// Mean of one channel of an RGBA8 image, 0..1.
float textile_channel_mean(const ocop::assets::Image& image, int channel) {
    double sum = 0.0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < image.rgba8.size(); i += 4) sum += image.rgba8[i];
    return static_cast<float>(sum / (static_cast<double>(image.rgba8.size() / 4) * 255.0));
}

void textile_check_generated(const std::string& file) {
    const TextileEntry& e = textile_entry(file);
    const SampleFile sample = e.make();
    REQUIRE(sample.name == e.file);
    CHECK(sample.format == e.format);
    CHECK(sample.units == e.units);
    CHECK(sample.up == e.up);

    const ocop::Bounds bounds = sample.model.bounds();
    textile_check_size(bounds.size(), e.size_cm, file);
    // Base centred at the origin, standing on y = 0.
    CHECK(bounds.min.y == Approx(0.0f).margin(0.002));
    CHECK(bounds.centre().x == Approx(0.0f).margin(0.01));
    CHECK(bounds.centre().z == Approx(0.0f).margin(0.01));

    const std::size_t triangles = sample.model.triangle_count();
    int largest = 0;
    for (const ocop::assets::Image& image : sample.model.images) largest = std::max(largest, image.width);
    if (e.hero) {
        CHECK(triangles >= 200000u);
        CHECK(largest == 2048);
    } else {
        CHECK(triangles >= 20000u);
        CHECK(triangles <= 150000u);
        if (e.format == FileFormat::Ply) CHECK(sample.model.images.empty());
        else CHECK(largest == 1024);
    }
    if (e.format == FileFormat::Ply) {
        for (const ocop::assets::Mesh& mesh : sample.model.meshes) CHECK(mesh.colours.size() == mesh.positions.size());
    }

    if (e.silk) {
        int sheen = 0;
        for (const ocop::assets::Material& m : sample.model.materials) {
            if (!m.sheen.enabled) continue;
            ++sheen;
            CHECK(m.sheen.roughness >= 0.3f);
            CHECK(m.sheen.roughness <= 0.5f);
            CHECK(m.double_sided);
            // Roughness and metallic come from the packed map: silk ~0.5-0.7, no metal.
            REQUIRE(m.metallic_roughness_texture.present());
            const ocop::assets::Image& orm = sample.model.images[static_cast<std::size_t>(m.metallic_roughness_texture.image)];
            const float roughness = textile_channel_mean(orm, 1) * m.roughness;
            CHECK(roughness >= 0.45f);
            CHECK(roughness <= 0.72f);
            if (file != "tx-ao-dai-brocade.glb" || m.name != "ao_dai_silk") CHECK(textile_channel_mean(orm, 2) < 0.01f);
            else CHECK(textile_channel_mean(orm, 2) > 0.02f);  // the brocade's gold thread
            CHECK(m.normal_texture.present());                    // the weave
            CHECK(m.occlusion_texture.present());                 // baked occlusion
        }
        CHECK(sheen >= 1);
    }
}

bool textile_same_model(const ocop::assets::Model& a, const ocop::assets::Model& b) {
    if (a.meshes.size() != b.meshes.size() || a.images.size() != b.images.size() ||
        a.materials.size() != b.materials.size())
        return false;
    for (std::size_t i = 0; i < a.meshes.size(); ++i) {
        const ocop::assets::Mesh &x = a.meshes[i], &y = b.meshes[i];
        if (x.positions != y.positions || x.normals != y.normals || x.tangents != y.tangents || x.uv0 != y.uv0 ||
            x.colours != y.colours || x.indices != y.indices || x.material != y.material)
            return false;
    }
    for (std::size_t i = 0; i < a.images.size(); ++i)
        if (a.images[i].rgba8 != b.images[i].rgba8 || a.images[i].width != b.images[i].width) return false;
    for (std::size_t i = 0; i < a.materials.size(); ++i)
        if (a.materials[i].name != b.materials[i].name || a.materials[i].sheen.colour != b.materials[i].sheen.colour)
            return false;
    return true;
}

void textile_check_deterministic(const std::string& file) {
    const TextileEntry& e = textile_entry(file);
    const SampleFile first = e.make();
    const SampleFile second = e.make();
    CHECK(textile_same_model(first.model, second.model));
}

// When the build has written the samples, they import at the table's size with its units/up.
void textile_check_file(const std::string& file) {
    const TextileEntry& e = textile_entry(file);
    const std::filesystem::path path = ocop::test::samples_dir() / e.file;
    if (!std::filesystem::exists(path)) OCOP_SKIP(path.string() + " not generated yet: skipped");
    ocop::assets::ImportOptions options;
    options.units = *ocop::assets::parse_units(e.units);
    options.up = *ocop::assets::parse_up_axis(e.up);
    const auto model = ocop::assets::import(path, options);
    REQUIRE(model);
    textile_check_size(model->bounds().size(), e.size_cm, path.string());
    CHECK(model->bounds().min.y == Approx(0.0f).margin(1e-4));
    if (e.hero) CHECK(model->triangle_count() >= 200000u);
    if (e.format == FileFormat::Glb || e.format == FileFormat::Gltf) {
        bool sheen = false;
        for (const ocop::assets::Material& m : model->materials) sheen = sheen || m.sheen.enabled;
        CHECK(sheen == e.silk);
    }
    if (e.format == FileFormat::Ply) {
        for (const ocop::assets::Mesh& mesh : model->meshes) CHECK(mesh.colours.size() == mesh.positions.size());
    }
}

}  // namespace

// One case per product and check, so each stays short and ctest names what failed.
#define OCOP_TEXTILE_CASES(FILE)                                                            \
    TEST_CASE("samples textiles: " FILE " matches the table", "[assetgen][textiles]") {     \
        textile_check_generated(FILE);                                                      \
    }                                                                                       \
    TEST_CASE("samples textiles: " FILE " is deterministic", "[assetgen][textiles]") {      \
        textile_check_deterministic(FILE);                                                  \
    }                                                                                       \
    TEST_CASE("samples textiles: " FILE " imports at its size", "[assetgen][textiles]") {   \
        textile_check_file(FILE);                                                           \
    }

OCOP_TEXTILE_CASES("vp-scarf-on-stand.glb")
OCOP_TEXTILE_CASES("vp-silk-bolts.gltf")
OCOP_TEXTILE_CASES("vp-ao-dai-dress-form.glb")
OCOP_TEXTILE_CASES("vp-scarf-folded.obj")
OCOP_TEXTILE_CASES("tx-ao-dai-brocade.glb")
OCOP_TEXTILE_CASES("tk-banh-chung.glb")
OCOP_TEXTILE_CASES("tk-gift-box.gltf")
OCOP_TEXTILE_CASES("tk-banh-day.ply")

TEST_CASE("samples textiles: a model differing in one texel is not the same", "[assetgen][textiles]") {
    // The determinism check must be able to fail.
    const SampleFile a = ocop::samples::make_tk_gift_box();
    SampleFile b = ocop::samples::make_tk_gift_box();
    REQUIRE(textile_same_model(a.model, b.model));
    b.model.images[0].rgba8[12345] ^= 1;
    CHECK_FALSE(textile_same_model(a.model, b.model));
}
