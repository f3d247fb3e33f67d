// Missing, unreadable and corrupt textures (issue 8): a glTF and an OBJ whose texture cannot be
// had still import, with a warning naming the texture, and show the magenta-and-black
// placeholder, which `showroom photo` renders visibly. chmod 000 is skipped for root (root
// reads anyway); a folder under the texture's name and a corrupt PNG fail for everyone.
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include "assets/import.h"
#include "photo/image_io.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

// A 10 cm upright square facing +Z (the camera's front), textured with tex.png over its whole face.
void texfault_write_gltf(const fs::path& path) {
    const std::vector<float> positions = {-0.05f, 0, 0, 0.05f, 0, 0, 0.05f, 0.1f, 0, -0.05f, 0.1f, 0};
    const std::vector<float> uvs = {0, 1, 1, 1, 1, 0, 0, 0};
    const std::vector<std::uint16_t> indices = {0, 1, 2, 0, 2, 3};
    std::vector<std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(positions.data()),
                                    reinterpret_cast<const std::uint8_t*>(positions.data()) + 48);
    bytes.insert(bytes.end(), reinterpret_cast<const std::uint8_t*>(uvs.data()),
                 reinterpret_cast<const std::uint8_t*>(uvs.data()) + 32);
    bytes.insert(bytes.end(), reinterpret_cast<const std::uint8_t*>(indices.data()),
                 reinterpret_cast<const std::uint8_t*>(indices.data()) + 12);
    const nlohmann::json doc = {
        {"asset", {{"version", "2.0"}}},
        {"buffers", {{{"uri", "data:application/octet-stream;base64," + ocop::test::base64(bytes)}, {"byteLength", 92}}}},
        {"bufferViews",
         {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", 48}},
          {{"buffer", 0}, {"byteOffset", 48}, {"byteLength", 32}},
          {{"buffer", 0}, {"byteOffset", 80}, {"byteLength", 12}}}},
        {"accessors",
         {{{"bufferView", 0}, {"componentType", 5126}, {"count", 4}, {"type", "VEC3"}, {"min", {-0.05, 0, 0}},
           {"max", {0.05, 0.1, 0}}},
          {{"bufferView", 1}, {"componentType", 5126}, {"count", 4}, {"type", "VEC2"}},
          {{"bufferView", 2}, {"componentType", 5123}, {"count", 6}, {"type", "SCALAR"}}}},
        {"images", {{{"uri", "tex.png"}}}},
        {"textures", {{{"source", 0}}}},
        {"materials",
         {{{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 0}}}, {"metallicFactor", 0.0}}},
           {"doubleSided", true}}}},
        {"meshes", {{{"primitives", {{{"attributes", {{"POSITION", 0}, {"TEXCOORD_0", 1}}}, {"indices", 2}, {"material", 0}}}}}}},
        {"nodes", {{{"mesh", 0}}}},
        {"scenes", {{{"nodes", {0}}}}}};
    std::ofstream(path) << doc.dump(1);
}

// The same square as an OBJ with an MTL naming tex.png.
void texfault_write_obj(const fs::path& path) {
    std::ofstream(path) << "mtllib square.mtl\nv -0.05 0 0\nv 0.05 0 0\nv 0.05 0.1 0\nv -0.05 0.1 0\n"
                           "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nusemtl tex\nf 1/1 2/2 3/3 4/4\n";
    std::ofstream(path.parent_path() / "square.mtl") << "newmtl tex\nKd 1 1 1\nmap_Kd tex.png\n";
}

void texfault_write_grey_png(const fs::path& path) {
    std::vector<std::uint8_t> rgba(16 * 16 * 4, 180);
    REQUIRE(stbi_write_png(path.string().c_str(), 16, 16, 4, rgba.data(), 16 * 4) != 0);
}

// The share of the photo's pixels that read as the placeholder's magenta (red and blue well
// above green), whatever the light.
double texfault_magenta_share(const fs::path& png) {
    const ocop::Result<ocop::render::Pixels> pixels = ocop::photo::read_photo(png);
    REQUIRE(pixels.ok());
    std::size_t magenta = 0;
    const std::size_t count = pixels->rgba8.size() / 4;
    for (std::size_t i = 0; i < count; ++i) {
        const int r = pixels->rgba8[i * 4], g = pixels->rgba8[i * 4 + 1], b = pixels->rgba8[i * 4 + 2];
        magenta += r > g + 60 && b > g + 60;
    }
    return double(magenta) / double(count);
}

struct TexfaultCase {
    const char* name;
    std::function<void(const fs::path&)> make;  // makes tex.png (or fails to)
    const char* why;                            // in the warning
};

}  // namespace

TEST_CASE("A glTF or OBJ whose texture is missing, unreadable or corrupt loads with a visible placeholder", "[faults]") {
    std::vector<TexfaultCase> cases = {
        {"missing", [](const fs::path&) {}, "missing"},
        {"folder", [](const fs::path& tex) { fs::create_directories(tex); }, "folder"},
        {"corrupt", [](const fs::path& tex) { std::ofstream(tex) << "not a PNG at all"; }, "cannot be decoded"},
    };
    if (::geteuid() != 0)
        cases.push_back({"unreadable",
                         [](const fs::path& tex) {
                             texfault_write_grey_png(tex);
                             REQUIRE(::chmod(tex.c_str(), 0) == 0);
                         },
                         "Permission denied"});
    else
        WARN("running as root: the chmod 000 case is skipped (root reads the file anyway)");

    for (const char* format : {"gltf", "obj"}) {
        for (const TexfaultCase& c : cases) {
            INFO(format << " " << c.name);
            const fs::path dir = ocop::test::scratch_dir(std::string("faults_texture_") + format + "_" + c.name);
            const fs::path model = dir / (std::string("square.") + format);
            if (std::string(format) == "gltf") texfault_write_gltf(model);
            else texfault_write_obj(model);
            c.make(dir / "tex.png");

            const ocop::Result<ocop::assets::Model> imported = ocop::assets::import(model);
            INFO((imported ? std::string() : imported.error().message()));
            REQUIRE(imported.ok());
            REQUIRE(imported->meshes.size() == 1);
            const auto& texture =
                imported->materials.at(static_cast<std::size_t>(imported->meshes[0].material)).base_color_texture;
            REQUIRE(texture.present());
            CHECK(imported->images.at(static_cast<std::size_t>(texture.image)).placeholder);
            std::string warnings;
            for (const std::string& w : imported->warnings) warnings += w + "\n";
            INFO(warnings);
            CHECK(warnings.find("tex.png") != std::string::npos);
            CHECK(warnings.find(c.why) != std::string::npos);
            CHECK(warnings.find("placeholder") != std::string::npos);

            std::string output;
            const fs::path photo = dir / "photo.png";
            CHECK(ocop::test::run_command(ocop::test::showroom_binary().string() + " photo '" + model.string() +
                                              "' --cpu --size 96x96 -o '" + photo.string() + "'",
                                          &output) == 0);
            INFO(output);
            CHECK(output.find("placeholder") != std::string::npos);  // the warning, on the terminal
            CHECK(texfault_magenta_share(photo) > 0.1);
        }
    }
}

TEST_CASE("The placeholder check sees no magenta where the texture is there", "[faults]") {
    for (const char* format : {"gltf", "obj"}) {
        INFO(format);
        const fs::path dir = ocop::test::scratch_dir(std::string("faults_texture_") + format + "_present");
        const fs::path model = dir / (std::string("square.") + format);
        if (std::string(format) == "gltf") texfault_write_gltf(model);
        else texfault_write_obj(model);
        texfault_write_grey_png(dir / "tex.png");
        std::string output;
        const fs::path photo = dir / "photo.png";
        REQUIRE(ocop::test::run_command(ocop::test::showroom_binary().string() + " photo '" + model.string() +
                                            "' --cpu --size 96x96 -o '" + photo.string() + "'",
                                        &output) == 0);
        INFO(output);
        CHECK(output.find("placeholder") == std::string::npos);
        CHECK(texfault_magenta_share(photo) < 0.01);
    }
}
