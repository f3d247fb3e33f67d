// scene::Centre: the layout of one OCOP centre as a designer stages it, read from and written
// to an `ocop-centre/1` JSON file (docs/centre-format.md). Units: metres, +Y up; plan
// coordinates (x, z) on the floor. CPU only.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "scene/catalogue.h"

namespace ocop::scene {

// The four functional spaces every centre has (DOMAIN.md).
enum class ZoneFunction { DisplaySale, Workshop, Demonstration, Photography };
std::string_view to_string(ZoneFunction function);  // "display-sale", "workshop", ...
std::optional<ZoneFunction> zone_function_from_string(std::string_view text);

// An opening in a room's wall. Wall i runs from outline[i] to outline[i+1] (the last one back
// to outline[0]); the door spans [at_m, at_m + width_m] measured from the wall's start.
struct Door {
    int wall = 0;
    float at_m = 0.0f;
    float width_m = 1.0f;
    bool entrance = false;  // visitors come in here (reachability starts at an entrance)

    bool operator==(const Door&) const = default;
};

struct Room {
    std::string id;
    std::vector<glm::vec2> outline;  // (x, z), a simple polygon, counter-clockwise seen from above
    float height_m = 3.5f;
    std::string floor = "terrazzo";  // finish names: fixtures.h lists the known ones
    std::string walls = "lime-plaster";
    std::vector<Door> doors;

    bool operator==(const Room&) const = default;
};

struct Zone {
    std::string id;
    ZoneFunction function = ZoneFunction::DisplaySale;
    std::string room;
    glm::vec2 min{0.0f};  // axis-aligned rectangle on the floor, (x, z)
    glm::vec2 max{0.0f};
    LocalText name;       // optional, for signs and the tour

    bool operator==(const Zone&) const = default;
};

// A piece of furniture from the fixture library (fixtures.h), placed on the floor or a wall.
struct Fixture {
    std::string id;
    std::string type;         // "plinth", "wall-shelf", "vitrine", ... (fixtures.h)
    glm::vec3 size{1.0f};     // width (x), height (y), depth (z) before rotation, metres
    glm::vec3 pos{0.0f};      // centre of the footprint; y = 0 on the floor, or the mounting height
    float yaw_deg = 0.0f;     // about +Y; the fixture's front faces +Z before rotation
    std::string zone;
    LocalText text;           // signs, wall panels and information panels print this
    std::string graphic;      // wall panels: a built-in graphic name or an image path

    bool operator==(const Fixture&) const = default;
};

// A product standing on a fixture's slot.
struct Placement {
    std::string product;  // SKU in the centre's catalogue
    std::string on;       // fixture id
    int slot = 0;
    float yaw_deg = 0.0f;  // about +Y, relative to the fixture
    bool label = true;     // a price tag in front of it

    bool operator==(const Placement&) const = default;
};

struct CentreLight {
    enum class Type { Spot, Point, Directional };
    Type type = Type::Spot;
    glm::vec3 pos{0.0f};
    std::string aim;                // a fixture id to aim at (spot); or use aim_at
    std::optional<glm::vec3> aim_at;
    float intensity = 500.0f;       // candela (spot, point) or lux (directional)
    float kelvin = 3500.0f;
    float cone_deg = 30.0f;         // spot: full outer cone angle

    bool operator==(const CentreLight&) const = default;
};

struct CentreEnvironment {
    std::string type = "studio";  // "studio" (a light rig) or "hdr"
    std::string rig = "gallery-soft";
    std::string hdr;              // path relative to the centre file, for "hdr"
    float exposure_ev = 0.0f;

    bool operator==(const CentreEnvironment&) const = default;
};

struct Waypoint {
    std::string id;
    glm::vec3 pos{0.0f, 1.6f, 0.0f};  // eye position
    glm::vec3 look_at{0.0f, 1.4f, 1.0f};
    LocalText caption;

    bool operator==(const Waypoint&) const = default;
};

struct Tour {
    std::string start;  // waypoint id
    std::vector<Waypoint> waypoints;

    bool operator==(const Tour&) const = default;
};

struct Centre {
    std::filesystem::path source;
    LocalText name;
    std::string commune;
    std::string district;
    std::string catalogue;  // path relative to the centre file
    std::string brand;      // path relative to the centre file
    std::vector<Room> rooms;
    std::vector<Zone> zones;
    std::vector<Fixture> fixtures;
    std::vector<Placement> placements;
    std::vector<CentreLight> lights;
    CentreEnvironment environment;
    Tour tour;

    bool operator==(const Centre&) const = default;  // `source` included

    const Fixture* find_fixture(std::string_view id) const;
    const Zone* find_zone(std::string_view id) const;
    const Room* find_room(std::string_view id) const;
    const Waypoint* find_waypoint(std::string_view id) const;
};

// Schema validation: every error is BadInput naming the file and the JSON path
// ("fixtures[3].size[1]") with one reason; an unknown format version, a missing field, a wrong
// type, an unknown zone function or fixture type, a duplicate id, a reference to an id that
// does not exist. Layout rules (spaces, walkways, overlaps) are the criteria check's job.
Result<Centre> load_centre(const std::filesystem::path& path);
Result<Centre> parse_centre(std::string_view text, const std::filesystem::path& source);

std::string centre_to_json(const Centre& centre);  // parse_centre(centre_to_json(c)) == c
Status save_centre(const Centre& centre, const std::filesystem::path& path);  // atomic

// Paths named by the centre, resolved against its folder.
std::filesystem::path catalogue_path(const Centre& centre);
std::filesystem::path brand_path(const Centre& centre);

// Plan geometry of a room outline (x, z), shared by the parser, the criteria check and the scene
// builder. Outlines may run either way round; these functions do not care.
float outline_area(std::span<const glm::vec2> outline);                 // m²
bool outline_contains(std::span<const glm::vec2> outline, glm::vec2 p);  // inside or on a wall
// Distance from p to the nearest wall segment of the outline (doors not considered).
float outline_wall_distance(std::span<const glm::vec2> outline, glm::vec2 p);
// The first two walls that cross or touch (not counting neighbours sharing a corner), or
// nullopt for a simple polygon. Walls are numbered as in Door::wall.
std::optional<std::pair<int, int>> outline_crossing(std::span<const glm::vec2> outline);

}  // namespace ocop::scene
