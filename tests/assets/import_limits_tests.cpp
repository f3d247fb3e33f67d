// Import limits (issue 8): a model beyond its triangle, texture-pixel or file-size limit is
// refused with BadInput naming the file, what it has and the limit, checked before the memory
// is asked for; within them nothing changes. On the shipped samples (every format) and on
// small hand-made files whose headers claim more than they hold.
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "assets/import.h"
#include "support.h"

namespace fs = std::filesystem;
using ocop::assets::ImportLimits;
using ocop::assets::ImportOptions;

namespace {

ImportOptions limits_options(std::uint64_t triangles, std::uint64_t pixels, std::uint64_t bytes) {
    ImportOptions options;
    options.limits.max_triangles = triangles;
    options.limits.max_texture_pixels = pixels;
    options.limits.max_file_bytes = bytes;
    return options;
}

// The import is refused as bad input, naming `file` and holding `words`.
void limits_check_refused(const fs::path& model, const ImportOptions& options, const std::string& file,
                          const std::string& words) {
    const ocop::Result<ocop::assets::Model> imported = ocop::assets::import(model, options);
    INFO(model.string() << (imported ? std::string(": imported") : ": " + imported.error().message()));
    REQUIRE_FALSE(imported.ok());
    CHECK(imported.error().kind == ocop::Error::Kind::BadInput);
    CHECK(imported.error().file.find(file) != std::string::npos);
    CHECK(imported.error().reason.find(words) != std::string::npos);
}

void limits_write(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

TEST_CASE("A tiny triangle limit refuses every sample format with its count and the limit", "[limits]") {
    const fs::path samples = ocop::test::samples_dir();
    const ImportOptions tiny = limits_options(1000, 0, 0);
    // glTF and GLB from the JSON's accessor counts, PLY from its header, OBJ after Assimp parsed it.
    for (const char* name : {"bt-vase-blue-white.glb", "bt-tea-set-celadon.gltf", "bt-bowl-brown.ply",
                             "tu-carved-box.obj"})
        limits_check_refused(samples / name, tiny, name, "triangles, more than the limit of 1,000 (--max-triangles)");
    ImportOptions named = tiny;
    named.limits.triangles_flag = "--max-import-triangles";
    limits_check_refused(samples / "bt-vase-blue-white.glb", named, "bt-vase-blue-white.glb", "(--max-import-triangles)");
}

TEST_CASE("A tiny texture limit refuses embedded, external and OBJ textures before decoding", "[limits]") {
    const fs::path samples = ocop::test::samples_dir();
    const ImportOptions tiny = limits_options(0, 64 * 64, 0);
    const std::string words = "pixels), more than the limit of 4,096 (--max-texture-pixels)";
    limits_check_refused(samples / "bt-vase-blue-white.glb", tiny, "bt-vase-blue-white.glb", words);
    limits_check_refused(samples / "bt-tea-set-celadon.gltf", tiny, "bt-tea-set-celadon.gltf", words);
    limits_check_refused(samples / "tu-carved-box.obj", tiny, "tu-carved-box_", words);
}

TEST_CASE("A tiny file limit refuses the model file, and a file it names, before reading them", "[limits]") {
    const fs::path samples = ocop::test::samples_dir();
    limits_check_refused(samples / "bt-bowl-brown.ply", limits_options(0, 0, 1000), "bt-bowl-brown.ply",
                         "bytes, more than the limit of 1,000 bytes (--max-file-mb)");
    limits_check_refused(samples / "bt-vase-blue-white.glb", limits_options(0, 0, 1u << 20), "bt-vase-blue-white.glb",
                         "MB, more than the limit of 1 MB (--max-file-mb)");
    // The .gltf (13 KB) is within 100 KB; its .bin (4 MB) is not.
    limits_check_refused(samples / "bt-tea-set-celadon.gltf", limits_options(0, 0, 100'000), "bt-tea-set-celadon.bin",
                         "more than the limit of 100,000 bytes (--max-file-mb)");
}

TEST_CASE("Within generous limits the samples import as before", "[limits]") {
    const fs::path samples = ocop::test::samples_dir();
    const ImportLimits defaults;
    CHECK(defaults.max_triangles == 50'000'000u);
    CHECK(defaults.max_texture_pixels == 16384u * 16384u);
    CHECK(defaults.max_file_bytes == 2ull << 30);
    for (const char* name : {"bt-vase-blue-white.glb", "bt-tea-set-celadon.gltf", "bt-bowl-brown.ply"}) {
        INFO(name);
        const auto plain = ocop::assets::import(samples / name);
        REQUIRE(plain.ok());
        // Exactly at the model's own figures: still imported.
        std::uint64_t pixels = 0;
        for (const auto& image : plain->images) pixels = std::max<std::uint64_t>(pixels, std::uint64_t(image.width) * image.height);
        const auto at_limit =
            ocop::assets::import(samples / name, limits_options(plain->triangle_count(), pixels, 64u << 20));
        INFO((at_limit ? std::string() : at_limit.error().message()));
        REQUIRE(at_limit.ok());
        CHECK(at_limit->triangle_count() == plain->triangle_count());
        CHECK(at_limit->images.size() == plain->images.size());
    }
}

TEST_CASE("A glTF whose accessors claim 61 million triangles is refused before its buffer is read", "[limits]") {
    const fs::path dir = ocop::test::scratch_dir("limits_claims");
    // Four bytes of buffer: the claim alone is refused, with the default limit.
    const nlohmann::json doc = {
        {"asset", {{"version", "2.0"}}},
        {"buffers", {{{"uri", "data:application/octet-stream;base64,AAAAAA=="}, {"byteLength", 4}}}},
        {"bufferViews", {{{"buffer", 0}, {"byteLength", 4}}}},
        {"accessors",
         {{{"bufferView", 0}, {"componentType", 5126}, {"count", 3}, {"type", "VEC3"}},
          {{"bufferView", 0}, {"componentType", 5125}, {"count", 183'000'000}, {"type", "SCALAR"}}}},
        {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}}}, {"indices", 1}}}}}}},
        {"nodes", {{{"mesh", 0}}}},
        {"scenes", {{{"nodes", {0}}}}}};
    limits_write(dir / "claims.gltf", doc.dump());
    limits_check_refused(dir / "claims.gltf", {}, "claims.gltf",
                         "has 61,000,000 triangles, more than the limit of 50,000,000 (--max-triangles)");

    // A PLY header that claims 61 million faces, refused by its header.
    limits_write(dir / "claims.ply",
                 "ply\nformat binary_little_endian 1.0\nelement vertex 3\nproperty float x\nproperty float y\n"
                 "property float z\nelement face 61000000\nproperty list uchar int vertex_indices\nend_header\n");
    limits_check_refused(dir / "claims.ply", {}, "claims.ply",
                         "has 61,000,000 triangles, more than the limit of 50,000,000 (--max-triangles)");

    // A binary STL of two triangles: its count at byte 80 is read before Assimp.
    std::string stl(84 + 2 * 50, '\0');
    stl[80] = 2;
    limits_write(dir / "two.stl", stl);
    limits_check_refused(dir / "two.stl", limits_options(1, 0, 0), "two.stl", "has 2 triangles, more than the limit of 1");

    // A PNG header of 20000 x 20000 RGB pixels (and no pixels): refused from its header alone
    // (stb's info gives up on it as "too large", the IHDR chunk still says the size).
    const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                 0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 2, 0, 0, 0, 0, 0, 0, 0};
    limits_write(dir / "huge.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
    limits_write(dir / "huge.obj", "mtllib huge.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
                                   "usemtl m\nf 1/1 2/2 3/3\n");
    limits_write(dir / "huge.mtl", "newmtl m\nKd 1 1 1\nmap_Kd huge.png\n");
    limits_check_refused(dir / "huge.obj", {}, "huge.png",
                         "has a 20000x20000 texture (400,000,000 pixels), more than the limit of 268,435,456");
}

TEST_CASE("grouped writes counts with thousands separators", "[limits]") {
    CHECK(ocop::assets::grouped(0) == "0");
    CHECK(ocop::assets::grouped(999) == "999");
    CHECK(ocop::assets::grouped(1000) == "1,000");
    CHECK(ocop::assets::grouped(61'000'000) == "61,000,000");
    CHECK(ocop::assets::grouped(18'446'744'073'709'551'615ull) == "18,446,744,073,709,551,615");
}
