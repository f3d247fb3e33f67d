// The `ocop-centre/1` reader and writer: a valid layout, one schema mistake at a time (each
// error names the JSON path), broken JSON, and exact round trips.
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "scene/centre.h"
#include "scene/fixtures.h"
#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace ocop;
using namespace ocop::scene;

namespace {

const fs::path centre_test_small = fs::path(OCOP_SOURCE_DIR) / "tests/scene/data/small.centre.json";

std::string centre_test_read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

json centre_test_doc() { return json::parse(centre_test_read(centre_test_small)); }

// Parses the small layout after `mutate` and expects BadInput at `where` with `reason` in it.
void centre_test_rejects(const std::function<void(json&)>& mutate, const std::string& where, const std::string& reason) {
    json doc = centre_test_doc();
    mutate(doc);
    const Result<Centre> c = parse_centre(doc.dump(), "mutated.centre.json");
    INFO("expected " << where << ": " << reason);
    REQUIRE_FALSE(c.ok());
    INFO("got " << c.error().message());
    CHECK(c.error().kind == Error::Kind::BadInput);
    CHECK(c.error().file == "mutated.centre.json");
    CHECK(c.error().where == where);
    CHECK(c.error().reason.find(reason) != std::string::npos);
}

Error centre_test_text_error(const std::string& text) {
    const Result<Centre> c = parse_centre(text, "broken.centre.json");
    REQUIRE_FALSE(c.ok());
    return c.error();
}

}  // namespace

TEST_CASE("the small test layout parses with every field", "[scene][centre]") {
    const Result<Centre> loaded = load_centre(centre_test_small);
    REQUIRE(loaded.ok());
    const Centre& c = loaded.value();
    CHECK(c.name.vi == "Trung tâm OCOP thử nghiệm");
    CHECK(c.commune == "Bát Tràng");
    REQUIRE(c.rooms.size() == 1);
    CHECK(c.rooms[0].outline.size() == 4);
    CHECK(c.rooms[0].height_m == 4.2f);
    REQUIRE(c.rooms[0].doors.size() == 1);
    CHECK(c.rooms[0].doors[0].entrance);
    CHECK(c.rooms[0].doors[0].width_m == 2.0f);
    REQUIRE(c.zones.size() == 4);
    CHECK(c.zones[0].function == ZoneFunction::DisplaySale);
    CHECK(c.zones[3].function == ZoneFunction::Photography);
    CHECK(c.zones[0].name.en == "Display and sale");
    CHECK(c.zones[1].max == glm::vec2(16.0f, 4.0f));
    REQUIRE(c.fixtures.size() == 13);
    // No size: the type's default.
    CHECK(c.fixtures[1].size == find_fixture_type("plinth")->default_size);
    CHECK(c.fixtures[2].size == find_fixture_type("wall-shelf")->default_size);
    CHECK(c.fixtures[1].yaw_deg == 45.0f);
    CHECK(c.fixtures[5].text.vi == "Gốm Bát Tràng");
    REQUIRE(c.placements.size() == 8);
    CHECK(c.placements[0].yaw_deg == 15.0f);
    CHECK_FALSE(c.placements[6].label);
    REQUIRE(c.lights.size() == 3);
    CHECK(c.lights[0].type == CentreLight::Type::Spot);
    CHECK(c.lights[0].aim == "plinth-1");
    CHECK(c.lights[0].intensity == 900.0f);
    CHECK(c.lights[0].cone_deg == 28.0f);
    CHECK(c.lights[1].type == CentreLight::Type::Point);
    CHECK(c.lights[2].type == CentreLight::Type::Directional);
    REQUIRE(c.lights[2].aim_at.has_value());
    CHECK(*c.lights[2].aim_at == glm::vec3(8.0f, 0.0f, 5.0f));
    CHECK(c.lights[2].intensity == 150.0f);
    CHECK(c.environment.rig == "gallery-soft");
    CHECK(c.tour.start == "entrance");
    REQUIRE(c.tour.waypoints.size() == 2);
    CHECK(c.tour.waypoints[1].caption.en == "The product photo corner");
    CHECK(c.find_fixture("sweep-1") == &c.fixtures[11]);
    CHECK(c.find_fixture("nothing") == nullptr);
    CHECK(c.find_zone("demo") == &c.zones[2]);
    CHECK(c.find_waypoint("studio") == &c.tour.waypoints[1]);
}

TEST_CASE("catalogue and brand paths resolve against the centre's folder", "[scene][centre]") {
    const Result<Centre> c = load_centre(centre_test_small);
    REQUIRE(c.ok());
    CHECK(fs::weakly_canonical(catalogue_path(c.value())) ==
          fs::weakly_canonical(fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json"));
    CHECK(fs::weakly_canonical(brand_path(c.value())) ==
          fs::weakly_canonical(fs::path(OCOP_SOURCE_DIR) / "assets/brand/hanoi-ocop.json"));
}

TEST_CASE("a centre round-trips exactly through centre_to_json and save_centre", "[scene][centre]") {
    const Result<Centre> first = load_centre(centre_test_small);
    REQUIRE(first.ok());
    const std::string text = centre_to_json(first.value());
    const Result<Centre> second = parse_centre(text, centre_test_small);
    REQUIRE(second.ok());
    CHECK(second.value() == first.value());
    CHECK(centre_to_json(second.value()) == text);  // stable key order and numbers
    // Numbers keep their short decimal form; whole numbers stay whole; UTF-8 stays readable.
    CHECK(text.find("\"pos\": [\n        0.175,") != std::string::npos);
    CHECK(text.find("\"height\": 4.2,") != std::string::npos);
    CHECK(text.find("Bát Tràng") != std::string::npos);
    CHECK(text.rfind("{\n  \"format\": \"ocop-centre/1\",\n  \"name\": {", 0) == 0);

    // Awkward floats survive too.
    Centre odd = first.value();
    odd.fixtures[0].pos = {0.1f, 0.0f, 1.0f / 3.0f};
    odd.fixtures[0].yaw_deg = -123.456f;
    odd.rooms[0].height_m = 3.0000002f;
    odd.environment.exposure_ev = -0.7f;
    const fs::path dir = test::scratch_dir("centre_round_trip");
    const fs::path saved = dir / "odd.centre.json";
    REQUIRE(save_centre(odd, saved).ok());
    Result<Centre> back = load_centre(saved);
    REQUIRE(back.ok());
    back->source = odd.source;
    CHECK(back.value() == odd);
    CHECK(back->fixtures[0].pos.z == 1.0f / 3.0f);
    CHECK(back->rooms[0].height_m == 3.0000002f);
    // The write is atomic: no temporary left beside the file.
    int files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
    CHECK(files == 1);
}

TEST_CASE("the shipped centres round-trip exactly", "[scene][centre]") {
    const fs::path dir = fs::path(OCOP_SOURCE_DIR) / "scenes/centres";
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().string().find(".centre.json") == std::string::npos) continue;
        const Result<Centre> c = load_centre(entry.path());
        INFO(entry.path() << ": " << (c.ok() ? "" : c.error().message()));
        REQUIRE(c.ok());
        const std::string text = centre_to_json(c.value());
        const Result<Centre> back = parse_centre(text, entry.path());
        REQUIRE(back.ok());
        CHECK(back.value() == c.value());
        CHECK(centre_to_json(back.value()) == text);
        ++count;
    }
    CHECK(count == 9);
}

TEST_CASE("every schema mistake names its JSON path", "[scene][centre]") {
    centre_test_rejects([](json& d) { d["fixtures"][3]["size"] = {1.6, -1, 0.8}; }, "fixtures[3].size[1]",
                        "expected a number > 0");
    centre_test_rejects([](json& d) { d["fixtures"][3]["size"] = {1, 2}; }, "fixtures[3].size",
                        "expected an array of 3 numbers");
    centre_test_rejects([](json& d) { d["zones"][0]["functon"] = "workshop"; }, "zones[0].functon", "unknown key");
    centre_test_rejects([](json& d) { d["colour"] = "red"; }, "colour", "unknown key");
    centre_test_rejects([](json& d) { d["format"] = "ocop-centre/2"; }, "format", "unknown version 'ocop-centre/2'");
    centre_test_rejects([](json& d) { d["format"] = "ocop-catalogue/1"; }, "format", "not a centre layout");
    centre_test_rejects([](json& d) { d.erase("format"); }, "format", "missing");
    centre_test_rejects([](json& d) { d["fixtures"][1]["id"] = "plinth-1"; }, "fixtures[1].id",
                        "duplicate id 'plinth-1' (also fixtures[0].id)");
    centre_test_rejects([](json& d) { d["zones"][2]["id"] = "sale"; }, "zones[2].id", "duplicate id 'sale'");
    centre_test_rejects([](json& d) { d["tour"]["waypoints"][1]["id"] = "entrance"; }, "tour.waypoints[1].id",
                        "duplicate id");
    centre_test_rejects([](json& d) { d["zones"][1]["room"] = "atrium"; }, "zones[1].room", "'atrium'");
    centre_test_rejects([](json& d) { d["fixtures"][0]["zone"] = "cafe"; }, "fixtures[0].zone", "'cafe'");
    centre_test_rejects([](json& d) { d["placements"][2]["on"] = "plinth-9"; }, "placements[2].on", "'plinth-9'");
    centre_test_rejects([](json& d) { d["lights"][0]["aim"] = "ghost"; }, "lights[0].aim", "'ghost'");
    centre_test_rejects([](json& d) { d["tour"]["start"] = "roof"; }, "tour.start", "'roof'");
    centre_test_rejects([](json& d) { d["zones"][0]["function"] = "cafe"; }, "zones[0].function",
                        "unknown zone function 'cafe' (known: display-sale, workshop, demonstration, photography)");
    centre_test_rejects([](json& d) { d["fixtures"][0]["type"] = "sofa"; }, "fixtures[0].type",
                        "unknown fixture type 'sofa' (known: plinth,");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"] = {{0, 0}, {5, 0}}; }, "rooms[0].outline",
                        "at least 3 points");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"] = {{0, 0}, {16, 10}, {16, 0}, {0, 10}}; },
                        "rooms[0].outline", "crosses itself");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"] = {{0, 0}, {5, 0}, {10, 0}}; }, "rooms[0].outline",
                        "crosses itself (walls 0 and 2)");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"] = {{0, 0}, {0.001, 0}, {0, 0.001}}; },
                        "rooms[0].outline", "no area");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"][2] = {16, 0}; }, "rooms[0].outline[2]",
                        "repeats the previous point");
    centre_test_rejects([](json& d) { d["rooms"][0]["outline"][1] = {16, "0"}; }, "rooms[0].outline[1][1]",
                        "expected a finite number");
    centre_test_rejects([](json& d) { d["rooms"][0].erase("id"); }, "rooms[0].id", "missing");
    centre_test_rejects([](json& d) { d["rooms"][0]["doors"][0]["at"] = 15; }, "rooms[0].doors[0]",
                        "runs past the end of wall 0");
    centre_test_rejects([](json& d) { d["rooms"][0]["doors"][0]["wall"] = 4; }, "rooms[0].doors[0].wall",
                        "between 0 and 3");
    centre_test_rejects([](json& d) { d["rooms"] = json::array(); }, "rooms", "at least one room");
    centre_test_rejects([](json& d) { d["commune"] = 5; }, "commune", "expected a non-empty string");
    centre_test_rejects([](json& d) { d["name"].erase("en"); }, "name.en", "missing");
    centre_test_rejects([](json& d) { d["zones"][1]["rect"] = {{16, 0}, {9, 4}}; }, "zones[1].rect", "x0 < x1");
    centre_test_rejects([](json& d) { d["placements"][0]["slot"] = 1.5; }, "placements[0].slot", "integer");
    centre_test_rejects([](json& d) { d["placements"][0]["label"] = "yes"; }, "placements[0].label", "true or false");
    centre_test_rejects([](json& d) { d["lights"][0]["type"] = "laser"; }, "lights[0].type", "unknown light type");
    centre_test_rejects([](json& d) { d["lights"][0]["intensity_lux"] = 5; }, "lights[0].intensity_lux",
                        "intensity_cd (candela)");
    centre_test_rejects([](json& d) { d["lights"][0].erase("aim"); }, "lights[0].aim", "a spot needs aim");
    centre_test_rejects([](json& d) { d["lights"][1]["cone_deg"] = 20; }, "lights[1].cone_deg", "only spot");
    centre_test_rejects([](json& d) { d["environment"]["type"] = "hdr"; }, "environment.hdr", "missing");
    centre_test_rejects([](json& d) { d["tour"].erase("start"); }, "tour.start", "missing");
}

TEST_CASE("numbers beyond float range are not accepted", "[scene][centre]") {
    const std::string text = centre_test_read(centre_test_small);
    const std::string height = "\"height\": 4.2";
    REQUIRE(text.find(height) != std::string::npos);
    const auto with_height = [&](const std::string& value) {
        std::string t = text;
        t.replace(t.find(height), height.size(), "\"height\": " + value);
        return parse_centre(t, "huge.centre.json");
    };
    // Beyond a double: the JSON reader refuses it, and the error points at the number.
    for (const char* huge : {"1e999", "-1e400"}) {
        const Result<Centre> c = with_height(huge);
        INFO(huge);
        REQUIRE_FALSE(c.ok());
        CHECK(c.error().where == "line 15, column 17");
        CHECK(c.error().reason.find("number overflow") != std::string::npos);
    }
    // A double but not a float.
    const Result<Centre> c = with_height("1e39");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().where == "rooms[0].height");
    CHECK(c.error().reason == "expected a number > 0");
}

TEST_CASE("broken JSON gives the line and column, and never throws", "[scene][centre]") {
    std::string text = centre_test_read(centre_test_small);
    // Drop the comma after the commune (line 7): the district on line 8 is unexpected.
    const std::string commune = "\"commune\": \"Bát Tràng\",";
    text.replace(text.find(commune), commune.size(), "\"commune\": \"Bát Tràng\"");
    Error e = centre_test_text_error(text);
    INFO(e.message());
    CHECK(e.kind == Error::Kind::BadInput);
    CHECK(e.file == "broken.centre.json");
    CHECK(e.where == "line 8, column 12");
    CHECK(e.reason.find("broken JSON") != std::string::npos);

    e = centre_test_text_error("");
    CHECK(e.where == "line 1, column 1");
    e = centre_test_text_error("{\"format\": \"ocop-centre/1\",\n \"name\": ");
    CHECK(e.where.rfind("line 2", 0) == 0);
    e = centre_test_text_error(std::string(100000, '['));
    CHECK(e.reason.find("nested deeper") != std::string::npos);
    e = centre_test_text_error("[1, 2]");
    CHECK(e.where == "(top level)");
    e = centre_test_text_error("{\"format\": \"ocop-centre/1\", \"name\": \"\xff\xfe\"}");
    CHECK(e.kind == Error::Kind::BadInput);
    const Result<Centre> missing = load_centre("/nonexistent/x.centre.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file.find("x.centre.json") != std::string::npos);
}

TEST_CASE("outline geometry: area, inside, wall distance, crossings", "[scene][centre]") {
    const std::vector<glm::vec2> l_shape{{0, 0}, {10, 0}, {10, 4}, {4, 4}, {4, 10}, {0, 10}};
    CHECK(outline_area(l_shape) == Approx(64.0f));
    std::vector<glm::vec2> reversed(l_shape.rbegin(), l_shape.rend());
    CHECK(outline_area(reversed) == Approx(64.0f));
    CHECK(outline_contains(l_shape, {2, 8}));
    CHECK_FALSE(outline_contains(l_shape, {8, 8}));
    CHECK(outline_contains(l_shape, {10, 2}));  // on a wall
    CHECK(outline_contains(reversed, {2, 2}));
    CHECK(outline_wall_distance(l_shape, {2, 2}) == Approx(2.0f));
    CHECK(outline_wall_distance(l_shape, {5, 5}) == Approx(1.0f));
    CHECK_FALSE(outline_crossing(l_shape).has_value());
    const std::vector<glm::vec2> bow{{0, 0}, {4, 4}, {4, 0}, {0, 4}};
    REQUIRE(outline_crossing(bow).has_value());
    CHECK(*outline_crossing(bow) == std::pair{0, 2});
    const std::vector<glm::vec2> folded{{0, 0}, {6, 0}, {3, 0}, {3, 3}};  // wall 1 runs back over wall 0
    CHECK(outline_crossing(folded).has_value());
}
