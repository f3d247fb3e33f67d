// Broken inputs must give one clear BadInput naming the file, never a crash or a wild read.
#include <cstring>
#include <fstream>

#include "assets/import.h"
#include "support.h"

using ocop::assets::import;

namespace {

// One triangle: 3 float positions (36 bytes) then 3 u16 indices (6 bytes, padded to 8).
struct AssetsTriangleSpec {
    std::size_t position_count = 3;  // what the accessor claims
    std::uint16_t indices[3] = {0, 1, 2};
};

std::vector<std::uint8_t> assets_triangle_bin(const AssetsTriangleSpec& spec) {
    const float positions[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    std::vector<std::uint8_t> bin(44, 0);
    std::memcpy(bin.data(), positions, sizeof positions);
    std::memcpy(bin.data() + 36, spec.indices, sizeof spec.indices);
    return bin;
}

std::string assets_triangle_json(const AssetsTriangleSpec& spec, const std::string& buffer_uri) {
    const std::string uri = buffer_uri.empty() ? "" : "\"uri\": \"" + buffer_uri + "\", ";
    return R"({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
  "nodes": [{"mesh": 0}],
  "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
  "buffers": [{)" + uri + R"("byteLength": 44}],
  "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 36},
                  {"buffer": 0, "byteOffset": 36, "byteLength": 6}],
  "accessors": [{"bufferView": 0, "componentType": 5126, "count": )" +
           std::to_string(spec.position_count) + R"(, "type": "VEC3"},
                {"bufferView": 1, "componentType": 5123, "count": 3, "type": "SCALAR"}]})";
}

void assets_write_bytes(const std::filesystem::path& path, const void* data, std::size_t size) {
    std::ofstream out(path, std::ios::binary);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
}

void assets_write_text(const std::filesystem::path& path, const std::string& text) {
    assets_write_bytes(path, text.data(), text.size());
}

std::filesystem::path assets_write_triangle_gltf(const std::filesystem::path& dir, const std::string& name,
                                                 const AssetsTriangleSpec& spec) {
    const std::vector<std::uint8_t> bin = assets_triangle_bin(spec);
    assets_write_bytes(dir / (name + ".bin"), bin.data(), bin.size());
    const auto path = dir / (name + ".gltf");
    assets_write_text(path, assets_triangle_json(spec, name + ".bin"));
    return path;
}

// GLB 2.0 container (glTF 2.0 §4.4): 12-byte header, a JSON chunk padded with spaces, a BIN chunk.
std::vector<std::uint8_t> assets_triangle_glb(const AssetsTriangleSpec& spec) {
    std::string json = assets_triangle_json(spec, "");
    while (json.size() % 4) json += ' ';
    const std::vector<std::uint8_t> bin = assets_triangle_bin(spec);
    const std::uint32_t words[] = {0x46546C67,  // "glTF"
                                   2,
                                   static_cast<std::uint32_t>(12 + 8 + json.size() + 8 + bin.size()),
                                   static_cast<std::uint32_t>(json.size()),
                                   0x4E4F534A};  // "JSON"
    const std::uint32_t bin_header[] = {static_cast<std::uint32_t>(bin.size()), 0x004E4942};  // "BIN\0"
    // Little-endian words, as the x86/ARM machines we build on store them.
    std::vector<std::uint8_t> glb(sizeof words + json.size() + sizeof bin_header + bin.size());
    std::uint8_t* at = glb.data();
    at = static_cast<std::uint8_t*>(std::memcpy(at, words, sizeof words)) + sizeof words;
    at = static_cast<std::uint8_t*>(std::memcpy(at, json.data(), json.size())) + json.size();
    at = static_cast<std::uint8_t*>(std::memcpy(at, bin_header, sizeof bin_header)) + sizeof bin_header;
    std::memcpy(at, bin.data(), bin.size());
    return glb;
}

// The failure every malformed input must give: BadInput, with the file's name in the message.
void assets_require_bad_input(const std::filesystem::path& path) {
    const auto result = import(path);
    INFO(path.string());
    REQUIRE(!result.ok());
    INFO(result.error().message());
    CHECK(result.error().kind == ocop::Error::Kind::BadInput);
    CHECK(result.error().message().find(path.filename().string()) != std::string::npos);
    CHECK(!result.error().reason.empty());
}

}  // namespace

TEST_CASE("The well-formed triangle used by the malformed cases imports", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_triangle_ok");
    const auto gltf = import(assets_write_triangle_gltf(dir, "triangle", {}));
    REQUIRE(gltf.ok());
    CHECK(gltf->triangle_count() == 1);
    const auto bytes = assets_triangle_glb({});
    assets_write_bytes(dir / "triangle.glb", bytes.data(), bytes.size());
    const auto glb = import(dir / "triangle.glb");
    REQUIRE(glb.ok());
    CHECK(glb->triangle_count() == 1);
}

TEST_CASE("Malformed glTF and GLB files are bad input", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_malformed_gltf");

    SECTION("empty files") {
        for (const char* name : {"empty.glb", "empty.gltf", "empty.obj", "empty.ply", "empty.stl"}) {
            assets_write_text(dir / name, "");
            assets_require_bad_input(dir / name);
        }
    }
    SECTION("truncated GLB") {
        const auto bytes = assets_triangle_glb({});
        for (std::size_t keep : {std::size_t{4}, std::size_t{19}, std::size_t{40}, bytes.size() - 8}) {
            assets_write_bytes(dir / "truncated.glb", bytes.data(), keep);
            assets_require_bad_input(dir / "truncated.glb");
        }
    }
    SECTION("GLB with the wrong magic") {
        auto bytes = assets_triangle_glb({});
        std::memcpy(bytes.data(), "gLtf", 4);
        assets_write_bytes(dir / "magic.glb", bytes.data(), bytes.size());
        assets_require_bad_input(dir / "magic.glb");
    }
    SECTION("invalid JSON") {
        assets_write_text(dir / "broken.gltf", R"({"asset": {"version": "2.0"}, "meshes": [)");
        assets_require_bad_input(dir / "broken.gltf");
    }
    SECTION("accessor reaching past its buffer") {
        AssetsTriangleSpec spec;
        spec.position_count = 1000;
        assets_require_bad_input(assets_write_triangle_gltf(dir, "past_end", spec));
        const auto bytes = assets_triangle_glb(spec);
        assets_write_bytes(dir / "past_end.glb", bytes.data(), bytes.size());
        assets_require_bad_input(dir / "past_end.glb");
    }
    SECTION("index out of range, naming the mesh") {
        AssetsTriangleSpec spec;
        spec.indices[2] = 7;
        const auto path = assets_write_triangle_gltf(dir, "bad_index", spec);
        assets_require_bad_input(path);
        const auto result = import(path);
        REQUIRE(!result.ok());
        CHECK(result.error().where.find("mesh 0 primitive 0") != std::string::npos);
    }
    SECTION("missing .bin next to the .gltf") {
        const auto path = assets_write_triangle_gltf(dir, "no_bin", {});
        std::filesystem::remove(dir / "no_bin.bin");
        assets_require_bad_input(path);
    }
    SECTION("references to things that do not exist") {
        std::string json = assets_triangle_json({}, "refs.bin");
        const auto bin = assets_triangle_bin({});
        assets_write_bytes(dir / "refs.bin", bin.data(), bin.size());
        json.replace(json.find("\"mesh\": 0"), 9, "\"mesh\": 5");
        assets_write_text(dir / "refs.gltf", json);
        assets_require_bad_input(dir / "refs.gltf");
        json = assets_triangle_json({}, "refs.bin");
        json.replace(json.find("\"nodes\": [0]"), 12, "\"nodes\": [9]");
        assets_write_text(dir / "refs2.gltf", json);
        assets_require_bad_input(dir / "refs2.gltf");
    }
    SECTION("a node that is its own child") {
        std::string json = assets_triangle_json({}, "cycle.bin");
        const auto bin = assets_triangle_bin({});
        assets_write_bytes(dir / "cycle.bin", bin.data(), bin.size());
        json.replace(json.find("{\"mesh\": 0}"), 11, "{\"mesh\": 0, \"children\": [0]}");
        assets_write_text(dir / "cycle.gltf", json);
        assets_require_bad_input(dir / "cycle.gltf");
    }
}

TEST_CASE("Garbage, missing files, folders and unknown extensions are bad input", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_malformed_other");

    SECTION("garbage OBJ, PLY, STL, FBX, DAE") {
        const std::string garbage = "this is not a model\n\x01\x02\x03 }{ 42 nonsense\n";
        for (const char* name : {"garbage.obj", "garbage.ply", "garbage.stl", "garbage.fbx", "garbage.dae",
                                 "garbage.gltf", "garbage.glb"}) {
            assets_write_text(dir / name, garbage);
            assets_require_bad_input(dir / name);
        }
    }
    SECTION("a binary PLY cut off inside its header (Assimp 5.2 loops forever on it)") {
        assets_write_text(dir / "cut.ply", "ply\nformat binary_little_endian 1.0\ncomment cut off here");
        assets_require_bad_input(dir / "cut.ply");
    }
    SECTION("an OBJ with vertices but no faces") {
        assets_write_text(dir / "points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n");
        assets_require_bad_input(dir / "points.obj");
    }
    SECTION("missing file") { assets_require_bad_input(dir / "no_such_model.glb"); }
    SECTION("a folder") {
        std::filesystem::create_directories(dir / "folder.gltf");
        assets_require_bad_input(dir / "folder.gltf");
    }
    SECTION("unknown extension") {
        assets_write_text(dir / "model.xyz", "whatever");
        assets_require_bad_input(dir / "model.xyz");
        const auto result = import(dir / "model.xyz");
        CHECK(result.error().reason.find(".xyz") != std::string::npos);
        CHECK(result.error().reason.find(".glb") != std::string::npos);
    }
    SECTION("supported extensions, case-insensitive") {
        CHECK(ocop::assets::is_supported_model("Vase.GLB"));
        CHECK(ocop::assets::is_supported_model("scan.ply"));
        CHECK(!ocop::assets::is_supported_model("photo.png"));
        CHECK(ocop::assets::supported_model_list().find(".dae") != std::string::npos);
    }
}

TEST_CASE("Randomly damaged GLB files never crash the importer", "[assets]") {
    const auto dir = ocop::test::scratch_dir("assets_damaged_glb");
    const std::vector<std::uint8_t> original = assets_triangle_glb({});
    std::uint32_t state = 12345;  // a fixed xorshift sequence: the same damage on every run
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    };
    int rejected = 0;
    for (int round = 0; round < 300; ++round) {
        std::vector<std::uint8_t> damaged = original;
        for (int hits = 1 + static_cast<int>(next() % 4); hits > 0; --hits)
            damaged[next() % damaged.size()] = static_cast<std::uint8_t>(next());
        assets_write_bytes(dir / "damaged.glb", damaged.data(), damaged.size());
        const auto result = import(dir / "damaged.glb");
        if (!result.ok()) {
            ++rejected;
            INFO(result.error().message());
            REQUIRE(result.error().kind == ocop::Error::Kind::BadInput);
        }
    }
    CHECK(rejected > 0);
}
