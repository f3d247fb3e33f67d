// The studio's edits on the shipped Phu Nghia centre, without a window: placing, moving,
// deleting, duplicating and adding, each leaving a schema-valid centre or, when refused, the
// centre as it was; and the findings of the criteria check turned into selectable objects.
#include <algorithm>
#include <cmath>
#include <limits>

#include "edit/edits.h"
#include "edit/object_ref.h"
#include "scene/catalogue.h"
#include "scene/centre.h"
#include "scene/criteria.h"
#include "scene/fixtures.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;
using namespace ocop::scene;
using namespace ocop::studio;

namespace {

const fs::path edits_test_phu_nghia = fs::path(OCOP_SOURCE_DIR) / "scenes/centres/phu-nghia.centre.json";

struct EditsTestInputs {
    Centre centre;
    Catalogue catalogue;
};

EditsTestInputs edits_test_inputs() {
    Result<Centre> centre = load_centre(edits_test_phu_nghia);
    INFO((centre.ok() ? std::string() : centre.error().message()));
    REQUIRE(centre.ok());
    Result<Catalogue> catalogue = load_catalogue(catalogue_path(*centre));
    INFO((catalogue.ok() ? std::string() : catalogue.error().message()));
    REQUIRE(catalogue.ok());
    return {std::move(centre).value(), std::move(catalogue).value()};
}

// The centre is still what the format accepts, and reads back equal.
void edits_test_round_trip(const Centre& c) {
    Result<Centre> back = parse_centre(centre_to_json(c), c.source);
    INFO((back.ok() ? std::string() : back.error().message()));
    REQUIRE(back.ok());
    CHECK(*back == c);
}

// A refused edit: BadInput with one sentence, and the centre untouched.
void edits_test_refused(const Status& s, const Centre& before, const Centre& after, const std::string& words) {
    REQUIRE_FALSE(s.ok());
    INFO(s.error().message());
    CHECK(s.error().kind == Error::Kind::BadInput);
    CHECK(s.error().reason.find(words) != std::string::npos);
    CHECK(s.error().reason.back() == '.');
    CHECK(after == before);
}

template <typename T>
Status edits_test_status(const Result<T>& r) {
    if (!r) return r.error();
    return Ok{};
}

std::size_t edits_test_count_on(const Centre& c, const std::string& fixture) {
    return std::size_t(std::count_if(c.placements.begin(), c.placements.end(),
                                     [&](const Placement& p) { return p.on == fixture; }));
}

}  // namespace

TEST_CASE("Snapping rounds to the grid and wraps angles into one turn", "[studio]") {
    CHECK(snap(1.26f, 0.25f) == Approx(1.25f));
    CHECK(snap(-0.13f, 0.25f) == Approx(-0.25f));
    CHECK(snap(1.26f, 0.0f) == 1.26f);
    CHECK(snap(1.26f, -1.0f) == 1.26f);
    CHECK(snap_angle_deg(-90.0f, 15.0f) == Approx(270.0f));
    CHECK(snap_angle_deg(359.0f, 15.0f) == 0.0f);
    CHECK(snap_angle_deg(725.0f, 0.0f) == Approx(5.0f));
    CHECK(snap_angle_deg(97.0f, 45.0f) == Approx(90.0f));
    for (float d : {-720.0f, -360.0f, -0.0001f, 0.0f, 359.9999f, 360.0f, 1e6f}) {
        const float a = snap_angle_deg(d, 0.0f);
        CHECK(a >= 0.0f);
        CHECK(a < 360.0f);
    }
}

TEST_CASE("Placing a product takes the first free slot of the fixture", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    // pv-shelf-1 holds products on slots 6 and 8 only.
    REQUIRE(first_free_slot(c, "pv-shelf-1") == 0);
    Result<ObjectRef> a = place_product(c, in.catalogue, "PV-TRAY-01", "pv-shelf-1");
    REQUIRE(a.ok());
    CHECK(*a == placement_ref("pv-shelf-1", 0));
    CHECK(describe(*a) == "product on pv-shelf-1, slot 0");
    Result<ObjectRef> b = place_product(c, in.catalogue, "PV-BASKET-01", "pv-shelf-1");
    REQUIRE(b.ok());
    CHECK(b->index == 1);
    const Placement* p = find_placement(c, "pv-shelf-1", 1);
    REQUIRE(p);
    CHECK(p->product == "PV-BASKET-01");
    CHECK(p->label);
    CHECK(first_free_slot(c, "pv-shelf-1") == 2);
    // The three slots of pv-table-1 are all taken; a sign has none.
    CHECK_FALSE(first_free_slot(c, "pv-table-1").has_value());
    CHECK_FALSE(first_free_slot(c, "pv-sign-sale").has_value());
    CHECK_FALSE(first_free_slot(c, "no-such-fixture").has_value());
    const Centre before = c;
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-table-1")), before, c,
                       "Every slot of fixture pv-table-1 is taken");
    edits_test_round_trip(c);
}

TEST_CASE("Placing a product at an explicit slot, a taken slot or with an unknown SKU", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    const int shelf_slots = int(fixture_slots(*c.find_fixture("pv-shelf-2")).size());
    REQUIRE(shelf_slots > 11);
    Result<ObjectRef> at = place_product(c, in.catalogue, "PV-TRAY-01", "pv-shelf-2", 3);
    REQUIRE(at.ok());
    CHECK(*at == placement_ref("pv-shelf-2", 3));
    REQUIRE(find_placement(c, "pv-shelf-2", 3));
    CHECK(find_placement(c, "pv-shelf-2", 3)->product == "PV-TRAY-01");
    edits_test_round_trip(c);

    const Centre before = c;
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-shelf-2", 7)), before, c,
                       "Slot 7 of fixture pv-shelf-2 already holds PV-BASKET-01");
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-shelf-2", shelf_slots)),
                       before, c, "not slot " + std::to_string(shelf_slots));
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-shelf-2", -1)), before, c,
                       "not slot -1");
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "NO-SUCH-SKU", "pv-shelf-2")), before, c,
                       "no product with the SKU 'NO-SUCH-SKU'");
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-ghost")), before, c,
                       "No fixture has the id 'pv-ghost'");
    edits_test_refused(edits_test_status(place_product(c, in.catalogue, "PV-TRAY-01", "pv-sign-sale")), before, c,
                       "holds no products");
}

TEST_CASE("Moving a fixture snaps to the grid, stands floor fixtures on the floor and changes zone", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    const glm::vec3 dragged{3.62f, 0.7f, 6.38f};
    REQUIRE(move_fixture(c, "pv-plinth-1", {snap(dragged.x, 0.25f), dragged.y, snap(dragged.z, 0.25f)},
                         snap_angle_deg(92.0f, 15.0f))
                .ok());
    const Fixture* f = c.find_fixture("pv-plinth-1");
    REQUIRE(f);
    CHECK(f->pos == glm::vec3(3.5f, 0.0f, 6.5f));  // a plinth stands on the floor
    CHECK(f->yaw_deg == Approx(90.0f));
    CHECK(f->zone == "sale");
    edits_test_round_trip(c);

    // A wall panel keeps the mounting height it is given.
    REQUIRE(move_fixture(c, "pv-story", {6.5f, 1.25f, 14.98f}, 180.0f).ok());
    CHECK(c.find_fixture("pv-story")->pos == glm::vec3(6.5f, 1.25f, 14.98f));

    // Into the workshop's rectangle: the plinth now belongs to the workshop.
    REQUIRE(move_fixture(c, "pv-plinth-1", {14.0f, 0.0f, 4.2f}, 0.0f).ok());
    CHECK(c.find_fixture("pv-plinth-1")->zone == "workshop");
    // A yaw beyond the format's [-360, 360] is wrapped.
    REQUIRE(move_fixture(c, "pv-plinth-1", {14.0f, 0.0f, 4.2f}, 450.0f).ok());
    CHECK(c.find_fixture("pv-plinth-1")->yaw_deg == Approx(90.0f));
    edits_test_round_trip(c);

    const Centre before = c;
    edits_test_refused(move_fixture(c, "pv-story", {6.5f, -0.5f, 14.98f}, 180.0f), before, c, "below the floor");
    edits_test_refused(move_fixture(c, "pv-plinth-2", {std::numeric_limits<float>::quiet_NaN(), 0.0f, 1.0f}, 0.0f),
                       before, c, "not a finite number");
    edits_test_refused(move_fixture(c, "pv-plinth-2", {1.0f, 0.0f, 1.0f}, std::numeric_limits<float>::infinity()),
                       before, c, "not a finite number");
    edits_test_refused(move_fixture(c, "pv-ghost", {1.0f, 0.0f, 1.0f}, 0.0f), before, c, "No fixture");
}

TEST_CASE("Moving a product to another fixture keeps its tag and frees its slot", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    Placement original = *find_placement(c, "pv-ws-table-1", 1);  // label: false
    Result<ObjectRef> moved = move_placement(c, placement_ref("pv-ws-table-1", 1), "pv-shelf-1");
    REQUIRE(moved.ok());
    CHECK(*moved == placement_ref("pv-shelf-1", 0));
    CHECK_FALSE(find_placement(c, "pv-ws-table-1", 1));
    const Placement* p = find_placement(c, "pv-shelf-1", 0);
    REQUIRE(p);
    CHECK(p->product == original.product);
    CHECK(p->label == original.label);
    CHECK(c.placements.size() == 20);
    edits_test_round_trip(c);

    // On its own fixture, its own slot counts as free.
    Result<ObjectRef> same = move_placement(c, *moved, "pv-shelf-1", 0);
    REQUIRE(same.ok());
    CHECK(*same == *moved);
    Result<ObjectRef> along = move_placement(c, *moved, "pv-shelf-1", 4);
    REQUIRE(along.ok());
    CHECK(find_placement(c, "pv-shelf-1", 4));
    CHECK_FALSE(find_placement(c, "pv-shelf-1", 0));

    const Centre before = c;
    edits_test_refused(edits_test_status(move_placement(c, *along, "pv-table-1", 1)), before, c, "already holds");
    edits_test_refused(edits_test_status(move_placement(c, *along, "pv-table-1")), before, c, "is taken");
    edits_test_refused(edits_test_status(move_placement(c, *along, "pv-chair-s1")), before, c, "holds no products");
    edits_test_refused(edits_test_status(move_placement(c, placement_ref("pv-shelf-1", 0), "pv-shelf-2")), before, c,
                       "There is no product on pv-shelf-1, slot 0");
    edits_test_refused(edits_test_status(move_placement(c, fixture_ref("pv-plinth-1"), "pv-shelf-2")), before, c,
                       "Only a product");
}

TEST_CASE("Deleting a fixture takes its products with it and its light keeps pointing there", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    REQUIRE(edits_test_count_on(c, "pv-table-1") == 3);
    REQUIRE(c.lights[0].aim == "pv-table-1");
    const std::size_t fixtures = c.fixtures.size(), placements = c.placements.size();
    const ObjectRef table = fixture_ref("pv-table-1");
    REQUIRE(delete_objects(c, std::span(&table, 1)).ok());
    CHECK_FALSE(c.find_fixture("pv-table-1"));
    CHECK_FALSE(exists(c, table));
    CHECK(c.fixtures.size() == fixtures - 1);
    CHECK(c.placements.size() == placements - 3);
    CHECK(edits_test_count_on(c, "pv-table-1") == 0);
    // The spot aimed at the table now aims at the point it lit: over the table's slots.
    CHECK(c.lights[0].aim.empty());
    REQUIRE(c.lights[0].aim_at.has_value());
    CHECK(c.lights[0].aim_at->x == Approx(4.0f).margin(0.01f));
    CHECK(c.lights[0].aim_at->y == Approx(0.9f).margin(0.01f));
    CHECK(c.lights[0].aim_at->z == Approx(10.5f).margin(0.01f));
    edits_test_round_trip(c);

    // A product and a light on their own.
    const std::vector<ObjectRef> some{placement_ref("pv-bench", 1), light_ref(11), light_ref(1)};
    REQUIRE(delete_objects(c, some).ok());
    CHECK_FALSE(find_placement(c, "pv-bench", 1));
    CHECK(find_placement(c, "pv-bench", 0));
    CHECK(c.lights.size() == 10);
    CHECK(c.lights[1].aim == "pv-plinth-1");  // the one after the deleted light 1
    edits_test_round_trip(c);

    const Centre before = c;
    const ObjectRef gone = fixture_ref("pv-table-1");
    edits_test_refused(delete_objects(c, std::span(&gone, 1)), before, c, "There is no fixture pv-table-1");
}

TEST_CASE("Deleting a zone or room that is still referenced is refused naming the first reference", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    const Centre before = c;
    const ObjectRef sale = zone_ref("sale");
    edits_test_refused(delete_objects(c, std::span(&sale, 1)), before, c, "Zone sale still holds fixture pv-table-1");
    const ObjectRef hall = room_ref(c.rooms[0].id);
    edits_test_refused(delete_objects(c, std::span(&hall, 1)), before, c,
                       "Room " + hall.id + " still holds zone sale");

    // The photography zone with every fixture in it goes at once.
    std::vector<ObjectRef> photo{zone_ref("photo")};
    for (const Fixture& f : c.fixtures)
        if (f.zone == "photo") photo.push_back(fixture_ref(f.id));
    REQUIRE(photo.size() == 5);
    REQUIRE(delete_objects(c, photo).ok());
    CHECK_FALSE(c.find_zone("photo"));
    CHECK(c.zones.size() == 3);
    CHECK_FALSE(c.find_fixture("pv-sweep"));
    CHECK(edits_test_count_on(c, "pv-sweep") == 0);
    edits_test_round_trip(c);
}

TEST_CASE("Deleting the tour's start moves the start to the first remaining waypoint", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    REQUIRE(c.tour.start == "entrance");
    const ObjectRef entrance = waypoint_ref("entrance");
    REQUIRE(delete_objects(c, std::span(&entrance, 1)).ok());
    CHECK_FALSE(c.find_waypoint("entrance"));
    CHECK(c.tour.start == "sale");
    edits_test_round_trip(c);
    std::vector<ObjectRef> rest;
    for (const Waypoint& w : c.tour.waypoints) rest.push_back(waypoint_ref(w.id));
    REQUIRE(delete_objects(c, rest).ok());
    CHECK(c.tour.waypoints.empty());
    CHECK(c.tour.start.empty());
    edits_test_round_trip(c);
}

TEST_CASE("Duplicating gives unique ids, offset copies and a valid centre", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    const std::vector<ObjectRef> picked{fixture_ref("pv-plinth-1"), light_ref(2), waypoint_ref("sale"),
                                        placement_ref("pv-shelf-1", 6)};
    REQUIRE(c.lights[2].aim == "pv-plinth-1");
    const std::size_t lights = c.lights.size(), placements = c.placements.size();
    Result<std::vector<ObjectRef>> copies = duplicate_objects(c, picked);
    INFO((copies.ok() ? std::string() : copies.error().message()));
    REQUIRE(copies.ok());
    REQUIRE(copies->size() == 4);
    CHECK((*copies)[0] == fixture_ref("pv-plinth-1-2"));
    CHECK((*copies)[1] == light_ref(int(lights)));
    CHECK((*copies)[2] == waypoint_ref("sale-2"));
    CHECK((*copies)[3] == placement_ref("pv-shelf-1", 7));  // the next free slot after 6
    for (const ObjectRef& ref : *copies) CHECK(exists(c, ref));

    const Fixture& original = *c.find_fixture("pv-plinth-1");
    const Fixture& copy = *c.find_fixture("pv-plinth-1-2");
    CHECK(copy.pos.x == Approx(original.pos.x + 0.5f));
    CHECK(copy.pos.z == Approx(original.pos.z + 0.5f));
    CHECK(copy.size == original.size);
    CHECK(copy.zone == original.zone);
    CHECK(edits_test_count_on(c, "pv-plinth-1-2") == 1);  // its product came along
    CHECK(c.lights.back().aim == "pv-plinth-1-2");         // the light follows its fixture's copy
    CHECK(c.lights.back().pos.x == Approx(c.lights[2].pos.x + 0.5f));
    CHECK(c.placements.size() == placements + 2);
    CHECK(c.find_waypoint("sale-2")->pos.z == Approx(c.find_waypoint("sale")->pos.z + 0.5f));
    edits_test_round_trip(c);

    // Again: the next id, and a product copied with its fixture is not copied twice.
    const std::vector<ObjectRef> again{placement_ref("pv-plinth-1", 0), fixture_ref("pv-plinth-1")};
    Result<std::vector<ObjectRef>> more = duplicate_objects(c, again, {1.0f, 0.0f});
    REQUIRE(more.ok());
    REQUIRE(more->size() == 2);
    CHECK((*more)[1] == fixture_ref("pv-plinth-1-3"));
    CHECK((*more)[0] == placement_ref("pv-plinth-1-3", 0));
    CHECK(edits_test_count_on(c, "pv-plinth-1") == 1);
    CHECK(edits_test_count_on(c, "pv-plinth-1-3") == 1);
    edits_test_round_trip(c);

    // Every id is still unique (the schema check would refuse a duplicate).
    std::vector<std::string> ids;
    for (const Fixture& f : c.fixtures) ids.push_back(f.id);
    std::sort(ids.begin(), ids.end());
    CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());

    const Centre before = c;
    const ObjectRef zone = zone_ref("sale");
    edits_test_refused(edits_test_status(duplicate_objects(c, std::span(&zone, 1))), before, c, "cannot be duplicated");
    const ObjectRef full = placement_ref("pv-table-1", 0);
    edits_test_refused(edits_test_status(duplicate_objects(c, std::span(&full, 1))), before, c, "is taken");
}

TEST_CASE("Adding a fixture names it after its type and puts it in the zone under it", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    Result<ObjectRef> a = add_fixture(c, "plinth", {14.0f, 0.3f, 7.0f});
    REQUIRE(a.ok());
    CHECK(*a == fixture_ref("plinth-1"));
    const Fixture* f = c.find_fixture("plinth-1");
    REQUIRE(f);
    CHECK(f->zone == "demo");
    CHECK(f->pos == glm::vec3(14.0f, 0.0f, 7.0f));
    CHECK(f->size == find_fixture_type("plinth")->default_size);
    Result<ObjectRef> b = add_fixture(c, "plinth", {15.0f, 0.0f, 7.0f});
    REQUIRE(b.ok());
    CHECK(b->id == "plinth-2");
    Result<ObjectRef> panel = add_fixture(c, "wall-panel", {10.0f, 1.2f, 14.98f});
    REQUIRE(panel.ok());
    CHECK(c.find_fixture(panel->id)->pos.y == Approx(1.2f));
    edits_test_round_trip(c);

    // A point of the room that no zone covers: the room's first zone.
    c.zones[0].max = {5.0f, 15.0f};
    Result<ObjectRef> between = add_fixture(c, "chair", {8.0f, 0.0f, 8.0f});
    REQUIRE(between.ok());
    CHECK(c.find_fixture(between->id)->zone == "sale");
    edits_test_round_trip(c);

    const Centre before = c;
    edits_test_refused(edits_test_status(add_fixture(c, "throne", {8.0f, 0.0f, 8.0f})), before, c,
                       "no fixture type 'throne'");
    edits_test_refused(edits_test_status(add_fixture(c, "plinth", {-5.0f, 0.0f, -5.0f})), before, c,
                       "outside every room");
}

TEST_CASE("Resizing a fixture keeps every side positive and every product on a slot", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    REQUIRE(set_fixture_size(c, "pv-plinth-1", {0.6f, 0.8f, 0.6f}).ok());
    CHECK(c.find_fixture("pv-plinth-1")->size == glm::vec3(0.6f, 0.8f, 0.6f));
    edits_test_round_trip(c);
    const Centre before = c;
    edits_test_refused(set_fixture_size(c, "pv-plinth-1", {0.6f, 0.0f, 0.6f}), before, c, "longer than 0 m");
    edits_test_refused(set_fixture_size(c, "pv-plinth-1", {-1.0f, 1.0f, 1.0f}), before, c, "longer than 0 m");
    // A narrow shelf has fewer slots than the products on pv-shelf-2 need (slot 11).
    edits_test_refused(set_fixture_size(c, "pv-shelf-2", {0.3f, 2.0f, 0.4f}), before, c, "stands on slot");
}

TEST_CASE("Moving a light keeps it off the point it aims at", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    REQUIRE(move_light(c, 0, {4.5f, 3.5f, 9.0f}).ok());
    CHECK(c.lights[0].pos == glm::vec3(4.5f, 3.5f, 9.0f));
    edits_test_round_trip(c);
    const Centre before = c;
    REQUIRE(c.lights[6].aim_at.has_value());
    edits_test_refused(move_light(c, 6, *c.lights[6].aim_at), before, c, "the point it aims at");
    edits_test_refused(move_light(c, 99, {1.0f, 1.0f, 1.0f}), before, c, "There is no light 99");
}

TEST_CASE("References describe their objects and name their paths", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    const Centre& c = in.centre;
    CHECK(describe(fixture_ref("plinth-3")) == "fixture plinth-3");
    CHECK(describe(placement_ref("plinth-3", 1)) == "product on plinth-3, slot 1");
    CHECK(describe(light_ref(4)) == "light 4");
    CHECK(describe(zone_ref("sale")) == "zone sale");
    CHECK(describe(waypoint_ref("entrance")) == "waypoint entrance");
    CHECK(exists(c, placement_ref("pv-shelf-2", 11)));
    CHECK_FALSE(exists(c, placement_ref("pv-shelf-2", 10)));
    CHECK(exists(c, light_ref(11)));
    CHECK_FALSE(exists(c, light_ref(12)));
    CHECK_FALSE(exists(c, light_ref(-1)));
    CHECK(exists(c, room_ref(c.rooms[0].id)));

    CHECK(object_at_path(c, "fixtures[4]") == fixture_ref(c.fixtures[4].id));
    CHECK(object_at_path(c, "fixtures[4].size[1]") == fixture_ref(c.fixtures[4].id));
    CHECK(object_at_path(c, "placements[2]") == placement_ref("pv-table-1", 2));
    CHECK(object_at_path(c, "placements[2].slot") == placement_ref("pv-table-1", 2));
    CHECK(object_at_path(c, "zones[1]") == zone_ref("workshop"));
    CHECK(object_at_path(c, "rooms[0]") == room_ref(c.rooms[0].id));
    CHECK(object_at_path(c, "rooms[0].doors[0]") == room_ref(c.rooms[0].id));
    CHECK(object_at_path(c, "lights[3]") == light_ref(3));
    CHECK(object_at_path(c, "tour.waypoints[2]") == waypoint_ref("workshop"));
    for (const char* nothing : {"fixtures[999]", "lights[12]", "fixtures", "fixtures[]", "fixtures[x]", "fixtures[1",
                                "fixturesx[1]", "fixtures[1]x", "waypoints[0]", "tour", "zones", "rooms", "",
                                "fixtures[-1]", "fixtures[99999999999999999999999]"})
        CHECK_FALSE(object_at_path(c, nothing).has_value());

    CHECK(path_of(c, fixture_ref(c.fixtures[4].id)) == "fixtures[4]");
    CHECK(path_of(c, placement_ref("pv-table-1", 2)) == "placements[2]");
    CHECK(path_of(c, waypoint_ref("workshop")) == "tour.waypoints[2]");
    CHECK(path_of(c, light_ref(3)) == "lights[3]");
    CHECK(path_of(c, fixture_ref("pv-ghost")).empty());
}

TEST_CASE("Each finding of the criteria check on a broken layout selects the object it is about", "[studio]") {
    EditsTestInputs in = edits_test_inputs();
    Centre& c = in.centre;
    // Break it: two plinths on top of each other, a table pushed through the wall, a product on
    // a slot the shelf lacks, a zone too small and a waypoint outside the room.
    REQUIRE(move_fixture(c, "pv-plinth-2", c.find_fixture("pv-plinth-1")->pos, 0.0f).ok());
    REQUIRE(move_fixture(c, "pv-table-2", {7.5f, 0.0f, 14.9f}, 180.0f).ok());
    c.placements.push_back({"PV-TRAY-01", "pv-shelf-1", 40, 0.0f, true});
    c.zones[3].min = {18.0f, 13.0f};
    c.tour.waypoints[1].pos = {-3.0f, 1.6f, -3.0f};
    edits_test_round_trip(c);
    const std::vector<Finding> findings = check_centre(c, in.catalogue);
    REQUIRE_FALSE(findings.empty());

    std::string list;
    for (const Finding& f : findings) list += f.rule + " | " + f.where + " | " + f.object + "\n";
    INFO(list);
    std::vector<ObjectRef> selected;
    for (const Finding& f : findings) {
        const std::optional<ObjectRef> ref = object_at_path(c, f.where);
        if (!ref) continue;
        CHECK(exists(c, *ref));
        // The finding names what the ref describes (a product's finding names its SKU instead).
        if (ref->kind != ObjectRef::Kind::Placement && ref->kind != ObjectRef::Kind::Room)
            CHECK(f.object == describe(*ref));
        CHECK(f.where.rfind(path_of(c, *ref), 0) == 0);
        selected.push_back(*ref);
    }
    const auto found = [&](const ObjectRef& ref) {
        return std::find(selected.begin(), selected.end(), ref) != selected.end();
    };
    CHECK(found(fixture_ref("pv-plinth-2")));
    CHECK(found(fixture_ref("pv-table-2")));
    CHECK(found(placement_ref("pv-shelf-1", 40)));
    CHECK(found(zone_ref("photo")));
    CHECK(found(waypoint_ref(c.tour.waypoints[1].id)));
}
