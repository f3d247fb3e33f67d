// The glTF importer keeps everything assets::Model holds: TEXCOORD_1, COLOR_0, texture
// transforms, the KHR_materials_* extensions; refuses URIs that leave the model's folder and
// extensions it cannot decode; and shows a placeholder for a missing texture. Hand-written files
// are made here; the Khronos samples come from ../shared/testdata (skipped when absent).
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include <stb_image_write.h>

#include "assets/image.h"
#include "assets/import.h"
#include "support.h"

namespace {

namespace fs = std::filesystem;
using ocop::assets::Material;
using ocop::assets::Model;

void gltffid_write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}


template <typename T>
void gltffid_append(std::vector<std::uint8_t>& out, const std::vector<T>& values) {
    const auto* first = reinterpret_cast<const std::uint8_t*>(values.data());
    out.insert(out.end(), first, first + values.size() * sizeof(T));
}

void gltffid_write_png(const fs::path& path) {
    std::vector<std::uint8_t> rgba(4 * 4 * 4, 200);
    REQUIRE(stbi_write_png(path.string().c_str(), 4, 4, 4, rgba.data(), 16) != 0);
}

// One triangle in tri.gltf: geometry and UV sets in tri.bin (external), COLOR_0 (unsigned byte,
// normalized, VEC4) and the indices in a data: URI buffer; a material whose base colour texture
// (tex.png, next to the file) reads TEXCOORD_1 through KHR_texture_transform. `edit` may change
// the JSON before it is written.
struct GltffidFiles {
    fs::path dir;
    fs::path gltf;
};

GltffidFiles gltffid_write_triangle(const std::string& name,
                                    const std::function<void(nlohmann::json&)>& edit = {}) {
    const fs::path dir = ocop::test::scratch_dir("gltf_fidelity_" + name) / "model";
    fs::create_directories(dir);
    const std::vector<float> positions = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    const std::vector<float> uv0 = {0, 0, 1, 0, 0, 1};
    const std::vector<float> uv1 = {0.5f, 0.25f, 0.75f, 0.25f, 0.5f, 1.0f};
    std::vector<std::uint8_t> bin;
    gltffid_append(bin, positions);
    gltffid_append(bin, uv0);
    gltffid_append(bin, uv1);
    gltffid_write_bytes(dir / "tri.bin", bin);
    std::vector<std::uint8_t> embedded = {255, 128, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0};
    gltffid_append(embedded, std::vector<std::uint16_t>{0, 1, 2});
    gltffid_write_png(dir / "tex.png");

    nlohmann::json doc = {
        {"asset", {{"version", "2.0"}}},
        {"extensionsUsed", {"KHR_texture_transform"}},
        {"scene", 0},
        {"scenes", {{{"nodes", {0}}}}},
        {"nodes", {{{"mesh", 0}}}},
        {"meshes",
         {{{"primitives",
            {{{"attributes", {{"POSITION", 0}, {"TEXCOORD_0", 1}, {"TEXCOORD_1", 2}, {"COLOR_0", 3}}},
              {"indices", 4},
              {"material", 0}}}}}}},
        {"materials",
         {{{"name", "lacquer"},
           {"pbrMetallicRoughness",
            {{"baseColorTexture",
              {{"index", 0},
               {"texCoord", 1},
               {"extensions",
                {{"KHR_texture_transform", {{"offset", {0.5, 0.25}}, {"rotation", 0.5}, {"scale", {2, 3}}}}}}}}}}}}},
        {"textures", {{{"source", 0}}}},
        {"images", {{{"uri", "tex.png"}}}},
        {"buffers",
         {{{"uri", "tri.bin"}, {"byteLength", bin.size()}},
          {{"uri", "data:application/octet-stream;base64," + ocop::test::base64(embedded)},
           {"byteLength", embedded.size()}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 36}},
          {{"buffer", 0}, {"byteOffset", 36}, {"byteLength", 24}},
          {{"buffer", 0}, {"byteOffset", 60}, {"byteLength", 24}},
          {{"buffer", 1}, {"byteOffset", 0}, {"byteLength", 12}},
          {{"buffer", 1}, {"byteOffset", 12}, {"byteLength", 6}}}},
        {"accessors",
         {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"},
           {"min", {0, 0, 0}}, {"max", {1, 1, 0}}},
          {{"bufferView", 1}, {"componentType", 5126}, {"count", 3}, {"type", "VEC2"}},
          {{"bufferView", 2}, {"componentType", 5126}, {"count", 3}, {"type", "VEC2"}},
          {{"bufferView", 3}, {"componentType", 5121}, {"normalized", true}, {"count", 3}, {"type", "VEC4"}},
          {{"bufferView", 4}, {"componentType", 5123}, {"count", 3}, {"type", "SCALAR"}}}}};
    if (edit) edit(doc);
    const fs::path gltf = dir / "tri.gltf";
    std::ofstream(gltf) << doc.dump(1);
    return {dir, gltf};
}

Model gltffid_import(const fs::path& path) {
    ocop::Result<Model> model = ocop::assets::import(path);
    if (!model) FAIL(model.error().message());
    return std::move(model).value();
}

bool gltffid_has_warning(const Model& model, const std::string& text) {
    for (const std::string& w : model.warnings)
        if (w.find(text) != std::string::npos) return true;
    return false;
}

// The error of importing `path`, which must fail as bad input.
std::string gltffid_refusal(const fs::path& path) {
    const ocop::Result<Model> model = ocop::assets::import(path);
    REQUIRE_FALSE(model.ok());
    CHECK(model.error().kind == ocop::Error::Kind::BadInput);
    return model.error().message();
}

fs::path gltffid_sample(const fs::path& testdata, const std::string& name) {
    for (const char* variant : {"glTF-Binary", "glTF"}) {
        const fs::path dir = testdata / "models" / name / variant;
        for (const char* ext : {".glb", ".gltf"})
            if (fs::exists(dir / (name + ext))) return dir / (name + ext);
    }
    return {};
}

// A PNG with 16 bits per channel, written by hand (stored deflate blocks: no zlib needed).
std::vector<std::uint8_t> gltffid_png16(int width, int height) {
    std::vector<std::uint8_t> raw;
    for (int y = 0; y < height; ++y) {
        raw.push_back(0);  // filter: none
        for (int x = 0; x < width * 3; ++x) {
            raw.push_back(static_cast<std::uint8_t>(x * 40));
            raw.push_back(0x80);
        }
    }
    const auto crc = [](const std::vector<std::uint8_t>& bytes) {
        std::uint32_t c = 0xFFFFFFFFu;
        for (std::uint8_t b : bytes) {
            c ^= b;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xFFFFFFFFu;
    };
    const auto be32 = [](std::vector<std::uint8_t>& out, std::uint32_t v) {
        for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<std::uint8_t>(v >> s));
    };
    std::vector<std::uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const auto chunk = [&](const char* type, const std::vector<std::uint8_t>& data) {
        be32(png, static_cast<std::uint32_t>(data.size()));
        std::vector<std::uint8_t> typed(type, type + 4);
        typed.insert(typed.end(), data.begin(), data.end());
        png.insert(png.end(), typed.begin(), typed.end());
        be32(png, crc(typed));
    };
    std::vector<std::uint8_t> ihdr;
    be32(ihdr, static_cast<std::uint32_t>(width));
    be32(ihdr, static_cast<std::uint32_t>(height));
    ihdr.insert(ihdr.end(), {16, 2, 0, 0, 0});  // 16-bit RGB
    chunk("IHDR", ihdr);
    std::vector<std::uint8_t> z = {0x78, 0x01, 0x01};
    const auto len = static_cast<std::uint16_t>(raw.size());
    z.insert(z.end(), {static_cast<std::uint8_t>(len), static_cast<std::uint8_t>(len >> 8),
                       static_cast<std::uint8_t>(~len), static_cast<std::uint8_t>(~len >> 8)});
    z.insert(z.end(), raw.begin(), raw.end());
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t v : raw) {
        a = (a + v) % 65521;
        b = (b + a) % 65521;
    }
    be32(z, b << 16 | a);
    chunk("IDAT", z);
    chunk("IEND", {});
    return png;
}

}  // namespace

TEST_CASE("glTF keeps TEXCOORD_1, normalized COLOR_0, data: buffers and texture transforms", "[gltf]") {
    const Model model = gltffid_import(gltffid_write_triangle("full").gltf);
    CHECK(model.format == "glTF 2.0 (JSON)");
    CHECK(model.extensions_used == std::vector<std::string>{"KHR_texture_transform"});
    REQUIRE(model.meshes.size() == 1);
    const auto& mesh = model.meshes[0];
    REQUIRE(mesh.uv1.size() == 3);
    CHECK(mesh.uv1[2] == glm::vec2(0.5f, 1.0f));
    REQUIRE(mesh.colours.size() == 3);
    CHECK(mesh.colours[0].r == 1.0f);
    CHECK(mesh.colours[0].g == Approx(128 / 255.0));
    CHECK(mesh.colours[1].a == Approx(128 / 255.0));
    CHECK(mesh.colours[2] == glm::vec4(0, 0, 1, 0));
    REQUIRE(model.materials.size() == 1);
    const auto& texture = model.materials[0].base_color_texture;
    REQUIRE(texture.present());
    CHECK(texture.texcoord == 1);
    CHECK(texture.transform.offset == glm::vec2(0.5f, 0.25f));
    CHECK(texture.transform.rotation == 0.5f);
    CHECK(texture.transform.scale == glm::vec2(2.0f, 3.0f));
    CHECK_FALSE(model.images[static_cast<std::size_t>(texture.image)].placeholder);
    CHECK_FALSE(gltffid_has_warning(model, "TEXCOORD"));
}

TEST_CASE("glTF COLOR_0 as VEC3 unsigned short gets alpha 1; transform texCoord overrides", "[gltf]") {
    const auto files = gltffid_write_triangle("vec3", [](nlohmann::json& doc) {
        // Colours as three unsigned shorts: 18 bytes in the data: buffer's first 12 + indices'
        // 6 would not fit, so the colours move to a buffer of their own.
        std::vector<std::uint8_t> shorts;
        gltffid_append(shorts, std::vector<std::uint16_t>{65535, 0, 0, 0, 65535, 0, 0, 0, 32768});
        doc["buffers"].push_back({{"uri", "data:application/octet-stream;base64," + ocop::test::base64(shorts)},
                                  {"byteLength", shorts.size()}});
        doc["bufferViews"].push_back({{"buffer", 2}, {"byteOffset", 0}, {"byteLength", shorts.size()}});
        doc["accessors"][3] = {{"bufferView", 5}, {"componentType", 5123}, {"normalized", true},
                               {"count", 3}, {"type", "VEC3"}};
        auto& info = doc["materials"][0]["pbrMetallicRoughness"]["baseColorTexture"];
        info["texCoord"] = 0;
        info["extensions"]["KHR_texture_transform"]["texCoord"] = 1;
    });
    const Model model = gltffid_import(files.gltf);
    const auto& colours = model.meshes.at(0).colours;
    REQUIRE(colours.size() == 3);
    CHECK(colours[0] == glm::vec4(1, 0, 0, 1));
    CHECK(colours[2].b == Approx(32768 / 65535.0));
    CHECK(colours[2].a == 1.0f);
    CHECK(model.materials.at(0).base_color_texture.texcoord == 1);
}

TEST_CASE("glTF URIs outside the model's folder are refused before any file is opened", "[gltf]") {
    for (const std::string uri : {"../x.bin", "%2E%2E/x.bin", "sub/../../x.bin", "/etc/passwd",
                                  "http://example.com/x.bin", "https://example.com/x.bin",
                                  "file:///etc/passwd", "C:/x.bin"}) {
        INFO(uri);
        const auto files = gltffid_write_triangle("escape", [&](nlohmann::json& doc) {
            doc["buffers"][0]["uri"] = uri;
        });
        // The file the URI names exists, so only the check can stop it.
        fs::copy_file(files.dir / "tri.bin", files.dir.parent_path() / "x.bin");
        const std::string message = gltffid_refusal(files.gltf);
        CHECK(message.find("refers to a file outside its folder: " + uri) != std::string::npos);
    }
    SECTION("an image URI as well") {
        const auto files = gltffid_write_triangle("escape_image", [](nlohmann::json& doc) {
            doc["images"][0]["uri"] = "../tex.png";
        });
        fs::copy_file(files.dir / "tex.png", files.dir.parent_path() / "tex.png");
        CHECK(gltffid_refusal(files.gltf).find("outside its folder: ../tex.png") != std::string::npos);
    }
    SECTION("a path that stays inside after normalisation loads") {
        const auto files = gltffid_write_triangle("inside", [](nlohmann::json& doc) {
            doc["buffers"][0]["uri"] = "sub/../tri.bin";
        });
        fs::create_directories(files.dir / "sub");
        CHECK(gltffid_import(files.gltf).triangle_count() == 1);
    }
}

TEST_CASE("glTF missing texture gives a placeholder and a warning; a missing .bin is refused", "[gltf]") {
    SECTION("texture") {
        const auto files = gltffid_write_triangle("missing_texture", [](nlohmann::json& doc) {
            doc["images"][0]["uri"] = "no_such_texture.png";
        });
        const Model model = gltffid_import(files.gltf);
        CHECK(model.triangle_count() == 1);
        const auto& texture = model.materials.at(0).base_color_texture;
        REQUIRE(texture.present());
        const auto& image = model.images.at(static_cast<std::size_t>(texture.image));
        CHECK(image.placeholder);
        CHECK(image.width == 64);
        CHECK(image.rgba8.size() == 64u * 64u * 4u);
        CHECK(gltffid_has_warning(model, "no_such_texture.png"));
    }
    SECTION("buffer") {
        const auto files = gltffid_write_triangle("missing_bin", [](nlohmann::json& doc) {
            doc["buffers"][0]["uri"] = "no_such.bin";
        });
        CHECK(gltffid_refusal(files.gltf).find("no_such.bin") != std::string::npos);
    }
}

TEST_CASE("glTF extensions we cannot decode: refused when required, fallback when only used", "[gltf]") {
    for (const std::string name : {"KHR_draco_mesh_compression", "EXT_meshopt_compression",
                                   "KHR_texture_basisu", "EXT_texture_webp"}) {
        INFO(name);
        const auto required = gltffid_write_triangle("required", [&](nlohmann::json& doc) {
            doc["extensionsUsed"].push_back(name);
            doc["extensionsRequired"] = {name};
        });
        CHECK(gltffid_refusal(required.gltf).find("unsupported: " + name) != std::string::npos);
    }
    const auto used = gltffid_write_triangle("used", [](nlohmann::json& doc) {
        doc["extensionsUsed"].push_back("KHR_draco_mesh_compression");
        doc["meshes"][0]["primitives"][0]["extensions"] = {
            {"KHR_draco_mesh_compression", {{"bufferView", 0}, {"attributes", {{"POSITION", 0}}}}}};
    });
    const Model model = gltffid_import(used.gltf);
    CHECK(model.triangle_count() == 1);
    CHECK(gltffid_has_warning(model, "KHR_draco_mesh_compression"));
    const auto texture_transform_required = gltffid_write_triangle("transform_required", [](nlohmann::json& doc) {
        doc["extensionsRequired"] = {"KHR_texture_transform"};
    });
    CHECK_FALSE(gltffid_has_warning(gltffid_import(texture_transform_required.gltf), "KHR_texture_transform"));
}

TEST_CASE("glTF punctual lights are reported as not used, and the model still loads", "[gltf]") {
    const auto lit = gltffid_write_triangle("lit", [](nlohmann::json& doc) {
        doc["extensionsUsed"].push_back("KHR_lights_punctual");
        doc["extensions"]["KHR_lights_punctual"]["lights"] = {{{"type", "point"}, {"intensity", 40.0}},
                                                              {{"type", "directional"}}};
        doc["nodes"][0]["extensions"]["KHR_lights_punctual"]["light"] = 0;
    });
    const Model model = gltffid_import(lit.gltf);
    CHECK(model.triangle_count() == 1);
    CHECK(gltffid_has_warning(model, "2 punctual light(s) (KHR_lights_punctual) not used"));
    CHECK_FALSE(gltffid_has_warning(gltffid_import(gltffid_write_triangle("unlit").gltf),
                                    "KHR_lights_punctual"));
}

TEST_CASE("16-bit PNG decodes to 8 bits with source_bits 16; Radiance .hdr loads as float", "[gltf]") {
    const std::vector<std::uint8_t> png = gltffid_png16(3, 2);
    const ocop::Result<ocop::assets::Image> image = ocop::assets::decode_image(png, "png16 (test)");
    if (!image) FAIL(image.error().message());
    CHECK(image->source_bits == 16);
    CHECK(image->width == 3);
    CHECK(image->rgba8.size() == 3u * 2u * 4u);
    CHECK(image->rgba8[4] == 120);  // the high byte of the second pixel's red
    CHECK(image->mime_type == "image/png");
    CHECK(image->encoded == png);

    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path hdri = testdata / "hdri" / "studio_small_08_1k.hdr";
    if (!fs::exists(hdri)) OCOP_SKIP("studio_small_08_1k.hdr is absent: skipped");
    const ocop::Result<ocop::assets::Image> hdr = ocop::assets::load_hdr_image(hdri);
    if (!hdr) FAIL(hdr.error().message());
    CHECK(hdr->width == 1024);
    CHECK(hdr->height == 512);
    REQUIRE(hdr->rgba32f.size() == 1024u * 512u * 4u);
    CHECK(hdr->rgba8.empty());
    float brightest = 0.0f;
    for (std::size_t i = 0; i < hdr->rgba32f.size(); i += 4) brightest = std::max(brightest, hdr->rgba32f[i]);
    CHECK(brightest > 1.0f);  // a studio HDRI holds lights far above white
    CHECK(hdr->rgba32f[3] == 1.0f);
    CHECK_FALSE(ocop::assets::load_hdr_image(testdata / "models" / "SheenCloth" / "glTF" /
                                             "technicalFabricSmall_sheen_256.png")
                    .ok());
}

TEST_CASE("glTF samples: ClearCoatTest clearcoat factors and textures", "[gltf]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path path = gltffid_sample(testdata, "ClearCoatTest");
    if (path.empty()) OCOP_SKIP("ClearCoatTest is absent: skipped");
    const Model model = gltffid_import(path);
    CHECK(model.format == "glTF 2.0 (binary)");
    CHECK(model.extensions_used == std::vector<std::string>{"KHR_materials_clearcoat"});
    const auto named = [&](const std::string& name) -> const Material& {
        for (const Material& m : model.materials)
            if (m.name == name) return m;
        FAIL("no material " << name);
        return model.materials.front();
    };
    CHECK_FALSE(named("Simple_Base").clearcoat.enabled);
    const Material& simple = named("Simple_Coated");
    CHECK(simple.clearcoat.enabled);
    CHECK(simple.clearcoat.factor == 1.0f);
    CHECK(simple.clearcoat.roughness == Approx(0.03));
    CHECK(named("Partial_Coated").clearcoat.texture.present());
    CHECK(named("RoughVariations_Coated").clearcoat.roughness_texture.present());
    CHECK(named("RoughVariations_Coated").clearcoat.roughness == 1.0f);
    CHECK(named("CoatNorm_Coated").clearcoat.normal_texture.present());
    CHECK(named("CoatNorm_Coated").clearcoat.normal_scale == 1.0f);
    CHECK_FALSE(named("CoatNorm_Coated").normal_texture.present());
    const Material& shared = named("SharedNorm_Coated");
    CHECK(shared.clearcoat.normal_texture.image == shared.normal_texture.image);
}

TEST_CASE("glTF samples: SheenCloth sheen and KHR_texture_transform on every texture", "[gltf]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path path = gltffid_sample(testdata, "SheenCloth");
    if (path.empty()) OCOP_SKIP("SheenCloth is absent: skipped");
    const Model model = gltffid_import(path);
    CHECK(model.format == "glTF 2.0 (JSON)");
    REQUIRE(model.materials.size() == 1);
    const Material& m = model.materials[0];
    CHECK(m.sheen.enabled);
    CHECK(m.sheen.colour == glm::vec3(1.0f));
    CHECK(m.sheen.roughness == 1.0f);
    REQUIRE(m.sheen.colour_texture.present());
    CHECK(m.sheen.roughness_texture.image == m.sheen.colour_texture.image);
    for (const auto* ref : {&m.base_color_texture, &m.metallic_roughness_texture, &m.normal_texture,
                            &m.occlusion_texture, &m.sheen.colour_texture, &m.sheen.roughness_texture}) {
        REQUIRE(ref->present());
        CHECK(ref->transform.scale == glm::vec2(30.0f, -30.0f));
        CHECK(ref->transform.offset == glm::vec2(0.0f));
        CHECK(ref->texcoord == 0);
    }
    CHECK(model.warnings.empty());
}

TEST_CASE("glTF samples: TextureCoordinateTest reads its UVs and textures", "[gltf]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path path = gltffid_sample(testdata, "TextureCoordinateTest");
    if (path.empty()) OCOP_SKIP("TextureCoordinateTest is absent: skipped");
    const Model model = gltffid_import(path);
    CHECK(model.materials.size() == 5);
    CHECK(model.images.size() == 1);
    int textured = 0;
    for (const Material& m : model.materials) {
        textured += m.base_color_texture.present();
        CHECK(m.base_color_texture.texcoord == 0);
        CHECK(m.base_color_texture.transform.is_identity());
    }
    CHECK(textured == 4);
    for (const auto& mesh : model.meshes)
        if (mesh.material >= 0 && model.materials[static_cast<std::size_t>(mesh.material)].base_color_texture.present())
            CHECK(mesh.uv0.size() == mesh.positions.size());
    CHECK(model.warnings.empty());
}

TEST_CASE("glTF samples: GlassVaseFlowers transmission and volume; ClearcoatWicker", "[gltf]") {
    OCOP_REQUIRE_SHARED_TESTDATA(testdata);
    const fs::path vase = gltffid_sample(testdata, "GlassVaseFlowers");
    if (vase.empty()) OCOP_SKIP("GlassVaseFlowers is absent: skipped");
    const Model model = gltffid_import(vase);
    const Material* glass = nullptr;
    for (const Material& m : model.materials)
        if (m.name == "GlassTransmission") glass = &m;
    REQUIRE(glass);
    CHECK(glass->transmission.enabled);
    CHECK(glass->transmission.factor == 1.0f);
    CHECK(glass->volume.enabled);
    CHECK(glass->volume.thickness == Approx(0.075));
    CHECK(glass->volume.thickness_texture.present());
    CHECK(glass->volume.attenuation_distance == 0.0f);  // infinite
    CHECK(glass->volume.attenuation_colour == glm::vec3(1.0f));
    CHECK_FALSE(glass->sheen.enabled);

    const fs::path wicker = gltffid_sample(testdata, "ClearcoatWicker");
    if (wicker.empty()) OCOP_SKIP("ClearcoatWicker is absent: skipped");
    const Model coated = gltffid_import(wicker);
    REQUIRE(coated.materials.size() == 1);
    CHECK(coated.materials[0].clearcoat.enabled);
    CHECK(coated.materials[0].clearcoat.roughness == Approx(0.1));
    CHECK(coated.materials[0].clearcoat.normal_texture.present());
}
