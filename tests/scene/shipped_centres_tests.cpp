// The nine shipped centre layouts (scenes/centres, docs/centres.md): each loads, has the four
// functional spaces, passes the criteria check with no finding, stocks only catalogue SKUs and
// offers a tour that starts at its entrance.
#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "scene/catalogue.h"
#include "scene/centre.h"
#include "scene/criteria.h"
#include "support.h"

using namespace ocop;

namespace {

const std::filesystem::path kShippedCentresDir = std::filesystem::path(OCOP_SOURCE_DIR) / "scenes/centres";

// The 2023 sites (DOMAIN.md); the first three are the richly staged ones.
constexpr std::array<const char*, 9> kShippedCentreSlugs{"bat-trang", "van-phuc",  "duyen-thai",
                                                         "chuyen-my", "phu-nghia", "duyen-ha",
                                                         "di-trach",  "van-ha",    "hoa-lam"};
constexpr std::size_t kShippedRichCentres = 3;

std::filesystem::path shipped_centre_path(const std::string& slug) {
    return kShippedCentresDir / (slug + ".centre.json");
}

std::string shipped_centre_findings(const std::vector<scene::Finding>& findings) {
    std::string text;
    for (const scene::Finding& f : findings)
        text += "  [" + f.rule + "] " + f.where + " (" + f.object + "): " + f.message + "\n";
    return text;
}

}  // namespace

TEST_CASE("the centres folder holds exactly the nine 2023 sites", "[scene][centres]") {
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(kShippedCentresDir)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".centre.json")) found.insert(name.substr(0, name.size() - std::string(".centre.json").size()));
    }
    const std::set<std::string> expected(kShippedCentreSlugs.begin(), kShippedCentreSlugs.end());
    CHECK(found == expected);
}

TEST_CASE("every shipped centre loads, is compliant and has its tour", "[scene][centres]") {
    const std::size_t index = GENERATE(range(std::size_t{0}, kShippedCentreSlugs.size()));
    const std::string slug = kShippedCentreSlugs[index];
    INFO("centre " << slug);

    Result<scene::Centre> centre = scene::load_centre(shipped_centre_path(slug));
    if (!centre) FAIL(centre.error().where << ": " << centre.error().reason);
    const scene::Centre& c = centre.value();
    CHECK(!c.name.vi.empty());
    CHECK(!c.name.en.empty());

    // The shipped catalogue, named relative to the centre file.
    CHECK(std::filesystem::weakly_canonical(scene::catalogue_path(c)) ==
          std::filesystem::weakly_canonical(std::filesystem::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json"));
    Result<scene::Catalogue> catalogue = scene::load_catalogue(scene::catalogue_path(c));
    if (!catalogue) FAIL(catalogue.error().where << ": " << catalogue.error().reason);

    SECTION("the four functional spaces, each with a named zone and a sign") {
        for (scene::ZoneFunction f : {scene::ZoneFunction::DisplaySale, scene::ZoneFunction::Workshop,
                                      scene::ZoneFunction::Demonstration, scene::ZoneFunction::Photography}) {
            INFO("function " << scene::to_string(f));
            CHECK(std::any_of(c.zones.begin(), c.zones.end(), [&](const scene::Zone& z) { return z.function == f; }));
        }
        for (const scene::Zone& z : c.zones) {
            INFO("zone " << z.id);
            CHECK(!z.name.vi.empty());
            CHECK(!z.name.en.empty());
            CHECK(std::any_of(c.fixtures.begin(), c.fixtures.end(), [&](const scene::Fixture& f) {
                return f.type == "sign" && f.zone == z.id && !f.text.vi.empty() && !f.text.en.empty();
            }));
        }
    }

    SECTION("the criteria check finds nothing") {
        const std::vector<scene::Finding> findings = scene::check_centre(c, catalogue.value());
        INFO("findings:\n" << shipped_centre_findings(findings));
        CHECK(findings.empty());
    }

    SECTION("placements: catalogue SKUs, as many as the centre's staging calls for") {
        for (const scene::Placement& p : c.placements) {
            INFO("placement of " << p.product << " on " << p.on);
            CHECK(catalogue->find(p.product) != nullptr);
        }
        if (index < kShippedRichCentres) {
            CHECK(c.placements.size() >= 30);
        } else {
            CHECK(c.placements.size() >= 10);
            CHECK(c.placements.size() <= 20);
        }
    }

    SECTION("an entrance, and lights aimed at fixtures that exist") {
        bool entrance = false;
        for (const scene::Room& r : c.rooms)
            for (const scene::Door& d : r.doors) entrance = entrance || d.entrance;
        CHECK(entrance);
        CHECK(!c.lights.empty());
        for (const scene::CentreLight& l : c.lights)
            if (!l.aim.empty()) CHECK(c.find_fixture(l.aim) != nullptr);
    }

    SECTION("the tour starts at the entrance and visits every space") {
        CHECK(c.tour.waypoints.size() >= 4);
        REQUIRE(c.find_waypoint(c.tour.start) != nullptr);
        REQUIRE(!c.tour.waypoints.empty());
        CHECK(c.tour.waypoints.front().id == c.tour.start);
        CHECK(c.tour.start == "entrance");
        for (const char* id : {"sale", "workshop", "demo", "photo"}) CHECK(c.find_waypoint(id) != nullptr);
        for (const scene::Waypoint& w : c.tour.waypoints) {
            INFO("waypoint " << w.id);
            CHECK(w.pos.y == 1.6f);  // eye height
            CHECK(!w.caption.vi.empty());
            CHECK(!w.caption.en.empty());
        }
    }
}
