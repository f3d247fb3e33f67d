// `showroom export CENTRE` and `showroom tour CENTRE`: the centre GLB (validator, three.js's
// GLTFLoader under Node, our own importer), its size budget, and the tour folder.
#include <unistd.h>

#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "assets/import.h"
#include "core/files.h"
#include "scene/centre.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {

const fs::path centres_dir = fs::path(OCOP_SOURCE_DIR) / "scenes/centres";

int centre_run(const std::string& args, std::string* output) {
    return ocop::test::run_command(ocop::test::showroom_binary().string() + " " + args + " 2>&1", output);
}


// Triangles a viewer draws: every node's mesh, each time a node places it.
std::size_t drawn_triangles(const nlohmann::json& doc, int node) {
    const nlohmann::json& n = doc["nodes"][node];
    std::size_t triangles = 0;
    if (n.contains("mesh"))
        for (const auto& p : doc["meshes"][n["mesh"].get<int>()]["primitives"])
            triangles += doc["accessors"][p["indices"].get<int>()]["count"].get<std::size_t>() / 3;
    for (const auto& child : n.value("children", nlohmann::json::array())) triangles += drawn_triangles(doc, child.get<int>());
    return triangles;
}


}  // namespace

TEST_CASE("showroom export CENTRE: validator clean; three.js and our importer see every item, light, waypoint and zone",
          "[cli][export][centre]") {
    const fs::path dir = ocop::test::scratch_dir("export_centre_" + std::to_string(::getpid()));
    const fs::path centre_file = centres_dir / "phu-nghia.centre.json";
    const fs::path out = dir / "phu-nghia.glb";
    std::string output;
    REQUIRE(centre_run("export " + centre_file.string() + " -o " + out.string(), &output) == 0);
    INFO(output);
    ocop::Result<ocop::scene::Centre> centre = ocop::scene::load_centre(centre_file);
    REQUIRE(centre.ok());
    ocop::test::check_validator_clean(out);

    const nlohmann::json doc = ocop::test::glb_json(out);
    const nlohmann::json& root = doc["nodes"][0];
    CHECK(root["extras"]["ocop_centre"]["name"]["vi"] == centre->name.vi);
    std::size_t products = 0, waypoints = 0, zones = 0, lights = 0, with_mesh = 0;
    std::set<std::string> skus;
    for (const auto& child : root["children"]) {
        const nlohmann::json& node = doc["nodes"][child.get<int>()];
        const nlohmann::json extras = node.value("extras", nlohmann::json::object());
        if (extras.contains("ocop")) {
            ++products;
            skus.insert(extras["ocop"]["sku"].get<std::string>());
            CHECK(node["name"] == extras["ocop"]["sku"]);
            CHECK(extras["ocop"]["price_vnd"].get<long long>() > 0);
        }
        if (extras.contains("waypoint")) {
            ++waypoints;
            CHECK(node.contains("camera"));
        }
        if (extras.contains("zone")) ++zones;
        if (node.contains("extensions")) ++lights;
        if (node.value("children", nlohmann::json::array()).size() > 0) ++with_mesh;
    }
    CHECK(products == centre->placements.size());
    CHECK(waypoints == centre->tour.waypoints.size());
    CHECK(zones == centre->zones.size());
    CHECK(lights == centre->lights.size());
    CHECK(doc["extensions"]["KHR_lights_punctual"]["lights"].size() == centre->lights.size());
    // Instancing: fixtures of one size and a product on several slots share their meshes.
    CHECK(doc["meshes"].size() < with_mesh);
    const std::size_t drawn = drawn_triangles(doc, 0);

    std::string counts;
    REQUIRE(ocop::test::run_command("node " + (fs::path(OCOP_SOURCE_DIR) / "tools/three-count.mjs").string() + " " +
                                        out.string(),
                                    &counts) == 0);
    INFO(counts);
    const nlohmann::json three = nlohmann::json::parse(counts);
    CHECK(three["triangles"].get<std::size_t>() == drawn);
    CHECK(three["lights"].get<std::size_t>() == centre->lights.size());
    CHECK(three["cameras"].get<std::size_t>() == centre->tour.waypoints.size());
    CHECK(three["products"].get<std::size_t>() == centre->placements.size());
    CHECK(three["waypoints"].get<std::size_t>() == centre->tour.waypoints.size());
    CHECK(three["zones"].get<std::size_t>() == centre->zones.size());

    // Round trip through our own importer: the same triangles drawn and materials.
    ocop::Result<ocop::assets::Model> model = ocop::assets::import(out);
    REQUIRE(model.ok());
    CHECK(model->drawn_triangle_count() == drawn);
    CHECK(model->materials.size() == doc["materials"].size());
}

TEST_CASE("showroom export CENTRE: the largest sample centres stay within 30 MB", "[cli][export][centre]") {
    // Bát Tràng and Vạn Phúc place the most products (67 and 62); docs/export.md lists all nine.
    const fs::path dir = ocop::test::scratch_dir("export_centre_size_" + std::to_string(::getpid()));
    for (const char* name : {"bat-trang", "van-phuc"}) {
        const fs::path out = dir / (std::string(name) + ".glb");
        std::string output;
        REQUIRE(centre_run("export " + (centres_dir / (std::string(name) + ".centre.json")).string() + " -o " + out.string(),
                           &output) == 0);
        INFO(output);
        CHECK(fs::file_size(out) <= 30'000'000u);
    }
}

TEST_CASE("showroom export CENTRE: product options and a broken centre are refused", "[cli][export][centre]") {
    const fs::path dir = ocop::test::scratch_dir("export_centre_bad_" + std::to_string(::getpid()));
    std::string output;
    CHECK(centre_run("export " + (centres_dir / "phu-nghia.centre.json").string() + " --web -o " + (dir / "x.glb").string(),
                     &output) == 2);
    CHECK(output.find("--web") != std::string::npos);
    {
        std::ofstream(dir / "broken.centre.json") << "{\"format\": \"ocop-centre/1\", \"rooms\": [";
    }
    CHECK(centre_run("export " + (dir / "broken.centre.json").string() + " -o " + (dir / "x.glb").string(), &output) == 2);
    CHECK(output.find("broken.centre.json") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.glb"));
}

TEST_CASE("showroom tour: a static folder with the app, the centre, a web GLB per product and tour.json", "[cli][tour]") {
    const fs::path dir = ocop::test::scratch_dir("tour_" + std::to_string(::getpid()));
    const fs::path centre_file = centres_dir / "phu-nghia.centre.json";
    const fs::path out = dir / "tour";
    std::string output;
    REQUIRE(centre_run("tour " + centre_file.string() + " -o " + out.string(), &output) == 0);
    INFO(output);
    for (const char* file : {"index.html", "tour.js", "tour.css", "tour.json", "centre.glb"}) CHECK(fs::exists(out / file));
    ocop::Result<ocop::scene::Centre> centre = ocop::scene::load_centre(centre_file);
    REQUIRE(centre.ok());
    std::ifstream in(out / "tour.json");
    const nlohmann::json tour = nlohmann::json::parse(in);
    CHECK(tour["format"] == "ocop-tour/1");
    CHECK(tour["centre"]["name"]["vi"] == centre->name.vi);
    CHECK(tour["waypoints"].size() == centre->tour.waypoints.size());
    CHECK(tour["walls"].size() >= 4);
    CHECK(fs::exists(out / tour["brand"]["font_regular"].get<std::string>()));
    ocop::test::check_validator_clean(out / "centre.glb");  // WebP, quantized, meshopt-compressed
    std::set<std::string> placed;
    for (const ocop::scene::Placement& p : centre->placements) placed.insert(p.product);
    CHECK(tour["products"].size() == placed.size());
    for (const auto& [sku, card] : tour["products"].items()) {
        CHECK(placed.count(sku) == 1);
        CHECK_FALSE(card["name"]["vi"].get<std::string>().empty());
        CHECK(card["price"].get<std::string>().find("₫") != std::string::npos);
        const fs::path glb = out / card["model"].get<std::string>();
        REQUIRE(fs::exists(glb));
        CHECK(fs::file_size(glb) <= 4u << 20);
        ocop::test::check_validator_clean(glb);
    }

    // A second run replaces the tour and leaves nothing beside it (the folder written "tour/").
    REQUIRE(centre_run("tour " + centre_file.string() + " -o " + out.string() + "/", &output) == 0);
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++entries;
    CHECK(entries == 1);

    // A folder that is not a tour is not overwritten.
    fs::create_directories(dir / "photos");
    std::ofstream(dir / "photos" / "keep.txt") << "mine";
    CHECK(centre_run("tour " + centre_file.string() + " -o " + (dir / "photos").string(), &output) == 2);
    CHECK(output.find("not a tour") != std::string::npos);
    CHECK(fs::exists(dir / "photos" / "keep.txt"));
}
