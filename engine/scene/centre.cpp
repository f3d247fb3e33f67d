// The `ocop-centre/1` layout file: reading with schema errors that give the JSON path, writing
// with a stable key order, and the plan geometry of room outlines. Format: docs/centre-format.md.
#include "scene/centre.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <initializer_list>
#include <limits>
#include <map>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "scene/fixtures.h"

namespace ocop::scene {

namespace centre_detail {

using nlohmann::json;
using ordered_json = nlohmann::ordered_json;

constexpr std::string_view kCentreFormat = "ocop-centre/1";
constexpr std::uint64_t kMaxCentreBytes = 16ull << 20;  // a rich centre is ~100 KB
constexpr int kMaxJsonDepth = 32;                       // the format nests 5 deep

std::string join_path(const std::string& where, std::string_view key) {
    return where.empty() ? std::string(key) : where + "." + std::string(key);
}

std::string index_path(const std::string& where, std::size_t i) { return where + "[" + std::to_string(i) + "]"; }

std::string format_limit(double v) {
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

// What a number may be; `describe()` is the error's reason.
struct NumberRule {
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool min_exclusive = false;

    bool accepts(double v) const { return std::isfinite(v) && (min_exclusive ? v > min : v >= min) && v <= max; }
    std::string describe() const {
        const bool low = std::isfinite(min), high = std::isfinite(max);
        if (low && high) return "expected a number between " + format_limit(min) + " and " + format_limit(max);
        if (low) return std::string("expected a number ") + (min_exclusive ? "> " : ">= ") + format_limit(min);
        if (high) return "expected a number <= " + format_limit(max);
        return "expected a finite number";
    }
};

constexpr NumberRule kAnyNumber{};
constexpr NumberRule kPositive{0.0, std::numeric_limits<double>::infinity(), true};
constexpr NumberRule kNonNegative{0.0, std::numeric_limits<double>::infinity(), false};
constexpr NumberRule kAngle{-360.0, 360.0, false};

// Reads one centre file, keeping the first error with the JSON path where it happened.
struct CentreReader {
    std::string file;
    std::optional<Error> error;

    bool fail(const std::string& where, const std::string& reason) {
        if (!error) error = bad_input(file, reason, where);
        return false;
    }

    // An object with the required keys present and no key outside the two lists (a typo in a
    // key would otherwise be silently ignored).
    bool object(const json& j, const std::string& where, std::initializer_list<std::string_view> required,
                std::initializer_list<std::string_view> optional) {
        if (!j.is_object()) return fail(where.empty() ? "(top level)" : where, "expected an object");
        for (std::string_view key : required)
            if (!j.contains(key)) return fail(join_path(where, key), "missing");
        for (const auto& item : j.items()) {
            const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture those
            const auto listed = [&](std::initializer_list<std::string_view> keys) {
                return std::find(keys.begin(), keys.end(), key) != keys.end();
            };
            if (!listed(required) && !listed(optional)) {
                std::string known;
                for (std::string_view k : required) known += (known.empty() ? "" : ", ") + std::string(k);
                for (std::string_view k : optional) known += (known.empty() ? "" : ", ") + std::string(k);
                return fail(join_path(where, key), "unknown key (expected one of: " + known + ")");
            }
        }
        return true;
    }

    bool string(const json& v, const std::string& where, std::string& out) {
        if (!v.is_string() || v.get_ref<const std::string&>().empty()) return fail(where, "expected a non-empty string");
        out = v.get<std::string>();
        return true;
    }

    bool number(const json& v, const std::string& where, float& out, const NumberRule& rule) {
        if (!v.is_number()) return fail(where, rule.describe());
        const double d = v.get<double>();
        // A value beyond float's range would become infinite when stored.
        if (!rule.accepts(d) || !std::isfinite(static_cast<float>(d))) return fail(where, rule.describe());
        out = static_cast<float>(d);
        return true;
    }

    bool integer(const json& v, const std::string& where, int& out, int min, int max) {
        if (!v.is_number_integer() || v.get<std::int64_t>() < min || v.get<std::int64_t>() > max)
            return fail(where, "expected an integer between " + std::to_string(min) + " and " + std::to_string(max));
        out = static_cast<int>(v.get<std::int64_t>());
        return true;
    }

    bool boolean(const json& v, const std::string& where, bool& out) {
        if (!v.is_boolean()) return fail(where, "expected true or false");
        out = v.get<bool>();
        return true;
    }

    template <int N>
    bool vector(const json& v, const std::string& where, glm::vec<N, float>& out, const NumberRule& rule) {
        if (!v.is_array() || v.size() != N) return fail(where, "expected an array of " + std::to_string(N) + " numbers");
        for (int i = 0; i < N; ++i)
            if (!number(v[std::size_t(i)], index_path(where, std::size_t(i)), out[i], rule)) return false;
        return true;
    }

    bool local_text(const json& v, const std::string& where, LocalText& out) {
        if (!object(v, where, {"vi", "en"}, {})) return false;
        return string(v["vi"], join_path(where, "vi"), out.vi) && string(v["en"], join_path(where, "en"), out.en);
    }

    bool array(const json& v, const std::string& where) {
        return v.is_array() ? true : fail(where, "expected an array");
    }

    // Ids are unique within their kind (rooms, zones, fixtures, waypoints).
    bool unique(std::map<std::string, std::string>& seen, const std::string& id, const std::string& where) {
        const auto [it, inserted] = seen.emplace(id, where);
        return inserted ? true : fail(where, "duplicate id '" + id + "' (also " + it->second + ")");
    }
};

std::string known_fixture_types() {
    std::string known;
    for (const FixtureType& type : fixture_types()) known += (known.empty() ? "" : ", ") + std::string(type.name);
    return known;
}

bool read_room(CentreReader& r, const json& j, const std::string& where, Room& room) {
    if (!r.object(j, where, {"id", "outline"}, {"height", "floor", "walls", "doors"})) return false;
    if (!r.string(j["id"], join_path(where, "id"), room.id)) return false;
    const std::string outline_where = join_path(where, "outline");
    if (!r.array(j["outline"], outline_where)) return false;
    if (j["outline"].size() < 3) return r.fail(outline_where, "expected at least 3 points [x, z]");
    for (std::size_t i = 0; i < j["outline"].size(); ++i) {
        glm::vec2 p{0.0f};
        if (!r.vector<2>(j["outline"][i], index_path(outline_where, i), p, kAnyNumber)) return false;
        room.outline.push_back(p);
    }
    for (std::size_t i = 0; i < room.outline.size(); ++i)
        if (glm::all(glm::equal(room.outline[i], room.outline[(i + 1) % room.outline.size()])))
            return r.fail(index_path(outline_where, (i + 1) % room.outline.size()), "repeats the previous point");
    if (const auto crossing = outline_crossing(room.outline))
        return r.fail(outline_where, "the outline crosses itself (walls " + std::to_string(crossing->first) +
                                         " and " + std::to_string(crossing->second) + ")");
    if (outline_area(room.outline) < 1e-4f) return r.fail(outline_where, "the outline encloses no area");
    if (j.contains("height") && !r.number(j["height"], join_path(where, "height"), room.height_m, kPositive))
        return false;
    if (j.contains("floor") && !r.string(j["floor"], join_path(where, "floor"), room.floor)) return false;
    if (j.contains("walls") && !r.string(j["walls"], join_path(where, "walls"), room.walls)) return false;
    if (!j.contains("doors")) return true;
    const std::string doors_where = join_path(where, "doors");
    if (!r.array(j["doors"], doors_where)) return false;
    for (std::size_t i = 0; i < j["doors"].size(); ++i) {
        const json& d = j["doors"][i];
        const std::string dw = index_path(doors_where, i);
        Door door;
        if (!r.object(d, dw, {"wall", "at", "width"}, {"entrance"})) return false;
        if (!r.integer(d["wall"], join_path(dw, "wall"), door.wall, 0, int(room.outline.size()) - 1)) return false;
        if (!r.number(d["at"], join_path(dw, "at"), door.at_m, kNonNegative)) return false;
        if (!r.number(d["width"], join_path(dw, "width"), door.width_m, kPositive)) return false;
        if (d.contains("entrance") && !r.boolean(d["entrance"], join_path(dw, "entrance"), door.entrance))
            return false;
        const glm::vec2 a = room.outline[std::size_t(door.wall)];
        const glm::vec2 b = room.outline[(std::size_t(door.wall) + 1) % room.outline.size()];
        const float wall_length = glm::distance(a, b);
        if (door.at_m + door.width_m > wall_length + 0.01f)
            return r.fail(dw, "the door runs past the end of wall " + std::to_string(door.wall) + " (" +
                                  format_limit(std::round(wall_length * 100.0) / 100.0) + " m long)");
        room.doors.push_back(door);
    }
    return true;
}

bool read_zone(CentreReader& r, const json& j, const std::string& where, Zone& zone) {
    if (!r.object(j, where, {"id", "function", "room", "rect"}, {"name"})) return false;
    if (!r.string(j["id"], join_path(where, "id"), zone.id)) return false;
    std::string function;
    if (!r.string(j["function"], join_path(where, "function"), function)) return false;
    const auto parsed = zone_function_from_string(function);
    if (!parsed)
        return r.fail(join_path(where, "function"), "unknown zone function '" + function +
                                                        "' (known: display-sale, workshop, demonstration, photography)");
    zone.function = *parsed;
    if (!r.string(j["room"], join_path(where, "room"), zone.room)) return false;
    const std::string rect_where = join_path(where, "rect");
    const json& rect = j["rect"];
    if (!rect.is_array() || rect.size() != 2) return r.fail(rect_where, "expected [[x0, z0], [x1, z1]]");
    if (!r.vector<2>(rect[0], index_path(rect_where, 0), zone.min, kAnyNumber)) return false;
    if (!r.vector<2>(rect[1], index_path(rect_where, 1), zone.max, kAnyNumber)) return false;
    if (!(zone.min.x < zone.max.x && zone.min.y < zone.max.y))
        return r.fail(rect_where, "expected [[x0, z0], [x1, z1]] with x0 < x1 and z0 < z1");
    return !j.contains("name") || r.local_text(j["name"], join_path(where, "name"), zone.name);
}

bool read_fixture(CentreReader& r, const json& j, const std::string& where, Fixture& fixture) {
    if (!r.object(j, where, {"id", "type", "pos", "zone"}, {"size", "yaw_deg", "text", "graphic"})) return false;
    if (!r.string(j["id"], join_path(where, "id"), fixture.id)) return false;
    if (!r.string(j["type"], join_path(where, "type"), fixture.type)) return false;
    const FixtureType* type = find_fixture_type(fixture.type);
    if (!type)
        return r.fail(join_path(where, "type"),
                      "unknown fixture type '" + fixture.type + "' (known: " + known_fixture_types() + ")");
    fixture.size = type->default_size;
    if (j.contains("size") && !r.vector<3>(j["size"], join_path(where, "size"), fixture.size, kPositive)) return false;
    if (!r.vector<3>(j["pos"], join_path(where, "pos"), fixture.pos, kAnyNumber)) return false;
    if (fixture.pos.y < 0.0f) return r.fail(index_path(join_path(where, "pos"), 1), "expected a number >= 0");
    if (j.contains("yaw_deg") && !r.number(j["yaw_deg"], join_path(where, "yaw_deg"), fixture.yaw_deg, kAngle))
        return false;
    if (!r.string(j["zone"], join_path(where, "zone"), fixture.zone)) return false;
    if (j.contains("text") && !r.local_text(j["text"], join_path(where, "text"), fixture.text)) return false;
    return !j.contains("graphic") || r.string(j["graphic"], join_path(where, "graphic"), fixture.graphic);
}

bool read_placement(CentreReader& r, const json& j, const std::string& where, Placement& placement) {
    if (!r.object(j, where, {"product", "on", "slot"}, {"yaw_deg", "label"})) return false;
    if (!r.string(j["product"], join_path(where, "product"), placement.product)) return false;
    if (!r.string(j["on"], join_path(where, "on"), placement.on)) return false;
    if (!r.integer(j["slot"], join_path(where, "slot"), placement.slot, 0, 9999)) return false;
    if (j.contains("yaw_deg") && !r.number(j["yaw_deg"], join_path(where, "yaw_deg"), placement.yaw_deg, kAngle))
        return false;
    return !j.contains("label") || r.boolean(j["label"], join_path(where, "label"), placement.label);
}

bool read_light(CentreReader& r, const json& j, const std::string& where, CentreLight& light) {
    if (!r.object(j, where, {"type", "pos"}, {"aim", "aim_at", "intensity_cd", "intensity_lux", "kelvin", "cone_deg"}))
        return false;
    std::string type;
    if (!r.string(j["type"], join_path(where, "type"), type)) return false;
    if (type == "spot") light.type = CentreLight::Type::Spot;
    else if (type == "point") light.type = CentreLight::Type::Point;
    else if (type == "directional") light.type = CentreLight::Type::Directional;
    else return r.fail(join_path(where, "type"), "unknown light type '" + type + "' (known: spot, point, directional)");
    if (!r.vector<3>(j["pos"], join_path(where, "pos"), light.pos, kAnyNumber)) return false;
    // Physical units, as KHR_lights_punctual: candela for spot and point, lux for directional.
    const bool directional = light.type == CentreLight::Type::Directional;
    const char* unit_key = directional ? "intensity_lux" : "intensity_cd";
    const char* other_key = directional ? "intensity_cd" : "intensity_lux";
    if (j.contains(other_key))
        return r.fail(join_path(where, other_key),
                      directional ? "a directional light's intensity is intensity_lux (lux)"
                                  : "a " + type + " light's intensity is intensity_cd (candela)");
    if (!j.contains(unit_key)) return r.fail(join_path(where, unit_key), "missing");
    if (!r.number(j[unit_key], join_path(where, unit_key), light.intensity, kPositive)) return false;
    if (j.contains("kelvin") &&
        !r.number(j["kelvin"], join_path(where, "kelvin"), light.kelvin, NumberRule{1000.0, 40000.0, false}))
        return false;
    if (j.contains("aim") && j.contains("aim_at"))
        return r.fail(join_path(where, "aim_at"), "give either aim (a fixture id) or aim_at, not both");
    if (light.type == CentreLight::Type::Point && (j.contains("aim") || j.contains("aim_at")))
        return r.fail(join_path(where, j.contains("aim") ? "aim" : "aim_at"), "a point light shines every way: no aim");
    if (light.type == CentreLight::Type::Spot && !j.contains("aim") && !j.contains("aim_at"))
        return r.fail(join_path(where, "aim"), "missing (a spot needs aim, a fixture id, or aim_at [x, y, z])");
    if (j.contains("aim") && !r.string(j["aim"], join_path(where, "aim"), light.aim)) return false;
    if (j.contains("aim_at")) {
        glm::vec3 at{0.0f};
        if (!r.vector<3>(j["aim_at"], join_path(where, "aim_at"), at, kAnyNumber)) return false;
        if (glm::all(glm::equal(at, light.pos))) return r.fail(join_path(where, "aim_at"), "is the light's own position");
        light.aim_at = at;
    }
    if (j.contains("cone_deg")) {
        if (light.type != CentreLight::Type::Spot) return r.fail(join_path(where, "cone_deg"), "only spot lights have a cone");
        if (!r.number(j["cone_deg"], join_path(where, "cone_deg"), light.cone_deg, NumberRule{1.0, 179.0, false}))
            return false;
    }
    return true;
}

bool read_environment(CentreReader& r, const json& j, const std::string& where, CentreEnvironment& env) {
    if (!r.object(j, where, {}, {"type", "rig", "hdr", "exposure_ev"})) return false;
    if (j.contains("type") && !r.string(j["type"], join_path(where, "type"), env.type)) return false;
    if (env.type != "studio" && env.type != "hdr")
        return r.fail(join_path(where, "type"), "unknown environment type '" + env.type + "' (known: studio, hdr)");
    if (j.contains("rig") && !r.string(j["rig"], join_path(where, "rig"), env.rig)) return false;
    if (j.contains("hdr") && !r.string(j["hdr"], join_path(where, "hdr"), env.hdr)) return false;
    if (env.type == "hdr" && env.hdr.empty()) return r.fail(join_path(where, "hdr"), "missing (type is \"hdr\")");
    return !j.contains("exposure_ev") ||
           r.number(j["exposure_ev"], join_path(where, "exposure_ev"), env.exposure_ev, NumberRule{-20.0, 20.0, false});
}

bool read_tour(CentreReader& r, const json& j, const std::string& where, Tour& tour) {
    if (!r.object(j, where, {"waypoints"}, {"start"})) return false;
    const std::string wps_where = join_path(where, "waypoints");
    if (!r.array(j["waypoints"], wps_where)) return false;
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < j["waypoints"].size(); ++i) {
        const json& w = j["waypoints"][i];
        const std::string ww = index_path(wps_where, i);
        Waypoint wp;
        if (!r.object(w, ww, {"id", "pos", "look_at", "caption"}, {})) return false;
        if (!r.string(w["id"], join_path(ww, "id"), wp.id) || !r.unique(ids, wp.id, join_path(ww, "id"))) return false;
        if (!r.vector<3>(w["pos"], join_path(ww, "pos"), wp.pos, kAnyNumber)) return false;
        if (!r.vector<3>(w["look_at"], join_path(ww, "look_at"), wp.look_at, kAnyNumber)) return false;
        if (glm::all(glm::equal(wp.pos, wp.look_at))) return r.fail(join_path(ww, "look_at"), "is the eye position itself");
        if (!r.local_text(w["caption"], join_path(ww, "caption"), wp.caption)) return false;
        tour.waypoints.push_back(std::move(wp));
    }
    if (j.contains("start") && !r.string(j["start"], join_path(where, "start"), tour.start)) return false;
    if (tour.start.empty() && !tour.waypoints.empty()) return r.fail(join_path(where, "start"), "missing");
    return true;
}

// Reads a list of objects with `read_one`, checking that their ids are unique.
template <typename T, typename ReadOne>
bool read_list(CentreReader& r, const json& doc, const char* key, std::vector<T>& out, ReadOne read_one) {
    if (!doc.contains(key)) return true;
    if (!r.array(doc[key], key)) return false;
    std::map<std::string, std::string> ids;
    for (std::size_t i = 0; i < doc[key].size(); ++i) {
        T item;
        const std::string where = index_path(key, i);
        if (!read_one(r, doc[key][i], where, item)) return false;
        if constexpr (requires { item.id; })
            if (!r.unique(ids, item.id, join_path(where, "id"))) return false;
        out.push_back(std::move(item));
    }
    return true;
}

// Every id a layout names must exist: zone.room, fixture.zone, placement.on, light.aim, tour.start.
bool check_references(CentreReader& r, const Centre& c) {
    for (std::size_t i = 0; i < c.zones.size(); ++i)
        if (!c.find_room(c.zones[i].room))
            return r.fail(index_path("zones", i) + ".room", "no room has the id '" + c.zones[i].room + "'");
    for (std::size_t i = 0; i < c.fixtures.size(); ++i)
        if (!c.find_zone(c.fixtures[i].zone))
            return r.fail(index_path("fixtures", i) + ".zone", "no zone has the id '" + c.fixtures[i].zone + "'");
    for (std::size_t i = 0; i < c.placements.size(); ++i)
        if (!c.find_fixture(c.placements[i].on))
            return r.fail(index_path("placements", i) + ".on", "no fixture has the id '" + c.placements[i].on + "'");
    for (std::size_t i = 0; i < c.lights.size(); ++i)
        if (!c.lights[i].aim.empty() && !c.find_fixture(c.lights[i].aim))
            return r.fail(index_path("lights", i) + ".aim", "no fixture has the id '" + c.lights[i].aim + "'");
    if (!c.tour.start.empty() && !c.find_waypoint(c.tour.start))
        return r.fail("tour.start", "no waypoint has the id '" + c.tour.start + "'");
    return true;
}

bool read_centre(CentreReader& r, const json& doc, Centre& c) {
    if (!doc.is_object()) return r.fail("(top level)", "expected an object");
    // The version first: a newer file fails on its version, not on a key this build lacks.
    if (!doc.contains("format")) return r.fail("format", "missing (expected \"ocop-centre/1\")");
    const json& format = doc["format"];
    if (!format.is_string()) return r.fail("format", "expected the string \"ocop-centre/1\"");
    const std::string version = format.get<std::string>();
    if (version != kCentreFormat) {
        if (version.rfind("ocop-centre/", 0) == 0)
            return r.fail("format", "unknown version '" + version + "' (this build reads ocop-centre/1)");
        return r.fail("format", "'" + version + "' is not a centre layout (expected \"ocop-centre/1\")");
    }
    if (!r.object(doc, "", {"format", "name", "commune", "district", "catalogue", "rooms", "zones"},
                  {"brand", "fixtures", "placements", "lights", "environment", "tour"}))
        return false;
    if (!r.local_text(doc["name"], "name", c.name)) return false;
    if (!r.string(doc["commune"], "commune", c.commune) || !r.string(doc["district"], "district", c.district))
        return false;
    if (!r.string(doc["catalogue"], "catalogue", c.catalogue)) return false;
    if (doc.contains("brand") && !r.string(doc["brand"], "brand", c.brand)) return false;
    if (!read_list(r, doc, "rooms", c.rooms, read_room)) return false;
    if (c.rooms.empty()) return r.fail("rooms", "expected at least one room");
    if (!read_list(r, doc, "zones", c.zones, read_zone)) return false;
    if (!read_list(r, doc, "fixtures", c.fixtures, read_fixture)) return false;
    if (!read_list(r, doc, "placements", c.placements, read_placement)) return false;
    if (!read_list(r, doc, "lights", c.lights, read_light)) return false;
    if (doc.contains("environment") && !read_environment(r, doc["environment"], "environment", c.environment))
        return false;
    if (doc.contains("tour") && !read_tour(r, doc["tour"], "tour", c.tour)) return false;
    return check_references(r, c);
}

// nlohmann's recursive parser would overflow the stack on absurd nesting: refuse it first.
bool nesting_within(std::string_view text, int max_depth) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (in_string) {
            if (ch == '\\') ++i;
            else if (ch == '"') in_string = false;
        } else if (ch == '"') {
            in_string = true;
        } else if (ch == '[' || ch == '{') {
            if (++depth > max_depth) return false;
        } else if (ch == ']' || ch == '}') {
            --depth;
        }
    }
    return true;
}

// "line L, column C" of a byte offset (1-based, as nlohmann reports it).
std::string text_position(std::string_view text, std::size_t byte) {
    const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// Floats as the shortest decimal that reads back to the same float (0.1f is written 0.1, not
// 0.10000000149011612), whole numbers as integers: round trips are exact and files stay tidy.
ordered_json number_json(float v) {
    if (v == std::floor(v) && std::fabs(v) < 1e9f) return static_cast<std::int64_t>(v);
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::strtod(std::string(buf, res.ptr).c_str(), nullptr);
}

template <int N>
ordered_json vector_json(const glm::vec<N, float>& v) {
    ordered_json a = ordered_json::array();
    for (int i = 0; i < N; ++i) a.push_back(number_json(v[i]));
    return a;
}

ordered_json text_json(const LocalText& t) { return ordered_json{{"vi", t.vi}, {"en", t.en}}; }

ordered_json room_json(const Room& room) {
    ordered_json outline = ordered_json::array();
    for (const glm::vec2& p : room.outline) outline.push_back(vector_json(p));
    ordered_json doors = ordered_json::array();
    for (const Door& d : room.doors) {
        ordered_json door{{"wall", d.wall}, {"at", number_json(d.at_m)}, {"width", number_json(d.width_m)}};
        if (d.entrance) door["entrance"] = true;
        doors.push_back(std::move(door));
    }
    return ordered_json{{"id", room.id},         {"outline", std::move(outline)}, {"height", number_json(room.height_m)},
                        {"floor", room.floor},   {"walls", room.walls},           {"doors", std::move(doors)}};
}

ordered_json fixture_json(const Fixture& f) {
    ordered_json j{{"id", f.id}, {"type", f.type}, {"size", vector_json(f.size)}, {"pos", vector_json(f.pos)}};
    if (f.yaw_deg != 0.0f) j["yaw_deg"] = number_json(f.yaw_deg);
    j["zone"] = f.zone;
    if (!f.text.vi.empty() || !f.text.en.empty()) j["text"] = text_json(f.text);
    if (!f.graphic.empty()) j["graphic"] = f.graphic;
    return j;
}

ordered_json light_json(const CentreLight& l) {
    const char* type = l.type == CentreLight::Type::Spot ? "spot" : l.type == CentreLight::Type::Point ? "point"
                                                                                                       : "directional";
    ordered_json j{{"type", type}, {"pos", vector_json(l.pos)}};
    if (!l.aim.empty()) j["aim"] = l.aim;
    if (l.aim_at) j["aim_at"] = vector_json(*l.aim_at);
    j[l.type == CentreLight::Type::Directional ? "intensity_lux" : "intensity_cd"] = number_json(l.intensity);
    j["kelvin"] = number_json(l.kelvin);
    if (l.type == CentreLight::Type::Spot) j["cone_deg"] = number_json(l.cone_deg);
    return j;
}

// Twice the signed area of triangle (a, b, p): > 0 when p is left of a->b.
double plan_cross(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p) {
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

bool plan_on_segment(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p) {
    constexpr double eps = 1e-9;
    return std::fabs(plan_cross(a, b, p)) <= eps * std::max(1.0, glm::length(b - a)) &&
           p.x >= std::min(a.x, b.x) - eps && p.x <= std::max(a.x, b.x) + eps && p.y >= std::min(a.y, b.y) - eps &&
           p.y <= std::max(a.y, b.y) + eps;
}

// Segments a-b and c-d share at least one point.
bool plan_segments_meet(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d) {
    const double d1 = plan_cross(c, d, a), d2 = plan_cross(c, d, b);
    const double d3 = plan_cross(a, b, c), d4 = plan_cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
    return plan_on_segment(c, d, a) || plan_on_segment(c, d, b) || plan_on_segment(a, b, c) || plan_on_segment(a, b, d);
}

float plan_segment_distance(glm::vec2 a, glm::vec2 b, glm::vec2 p) {
    const glm::vec2 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::distance(p, a + t * ab);
}

}  // namespace centre_detail

std::string_view to_string(ZoneFunction function) {
    switch (function) {
        case ZoneFunction::DisplaySale: return "display-sale";
        case ZoneFunction::Workshop: return "workshop";
        case ZoneFunction::Demonstration: return "demonstration";
        case ZoneFunction::Photography: return "photography";
    }
    return "display-sale";
}

std::optional<ZoneFunction> zone_function_from_string(std::string_view text) {
    for (ZoneFunction f : {ZoneFunction::DisplaySale, ZoneFunction::Workshop, ZoneFunction::Demonstration,
                           ZoneFunction::Photography})
        if (to_string(f) == text) return f;
    return std::nullopt;
}

const Fixture* Centre::find_fixture(std::string_view id) const {
    for (const Fixture& f : fixtures)
        if (f.id == id) return &f;
    return nullptr;
}

const Zone* Centre::find_zone(std::string_view id) const {
    for (const Zone& z : zones)
        if (z.id == id) return &z;
    return nullptr;
}

const Room* Centre::find_room(std::string_view id) const {
    for (const Room& r : rooms)
        if (r.id == id) return &r;
    return nullptr;
}

const Waypoint* Centre::find_waypoint(std::string_view id) const {
    for (const Waypoint& w : tour.waypoints)
        if (w.id == id) return &w;
    return nullptr;
}

Result<Centre> parse_centre(std::string_view text, const std::filesystem::path& source) {
    using namespace centre_detail;
    CentreReader reader{source.string(), std::nullopt};
    if (!nesting_within(text, kMaxJsonDepth))
        return bad_input(reader.file, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    json doc;
    try {
        doc = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's message is "[json.exception.parse_error.101] parse error at ...: REASON".
        std::string reason = e.what();
        if (const std::size_t colon = reason.find(": "); colon != std::string::npos) reason = reason.substr(colon + 2);
        return bad_input(reader.file, "broken JSON: " + reason, text_position(text, e.byte));
    } catch (const json::exception& e) {
        // A number too large for a double ("number overflow parsing '1e999'"): point at it.
        std::string reason = e.what();
        if (const std::size_t bracket = reason.find("] "); bracket != std::string::npos) reason = reason.substr(bracket + 2);
        std::string where;
        if (const std::size_t q0 = reason.find('\''), q1 = reason.rfind('\''); q0 != std::string::npos && q1 > q0)
            if (const std::size_t at = text.find(reason.substr(q0 + 1, q1 - q0 - 1)); at != std::string_view::npos)
                where = text_position(text, at + 1);
        return bad_input(reader.file, "broken JSON: " + reason, where);
    }
    Centre centre;
    centre.source = source;
    try {
        if (!read_centre(reader, doc, centre)) return *reader.error;
    } catch (const json::exception& e) {  // not expected: every access is checked first
        return bad_input(reader.file, std::string("unexpected JSON shape: ") + e.what());
    }
    return centre;
}

Result<Centre> load_centre(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path, centre_detail::kMaxCentreBytes);
    if (!bytes) return bytes.error();
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    return parse_centre(text, path);
}

std::string centre_to_json(const Centre& c) {
    using namespace centre_detail;
    ordered_json doc;
    doc["format"] = kCentreFormat;
    doc["name"] = text_json(c.name);
    doc["commune"] = c.commune;
    doc["district"] = c.district;
    doc["catalogue"] = c.catalogue;
    if (!c.brand.empty()) doc["brand"] = c.brand;
    doc["rooms"] = ordered_json::array();
    for (const Room& room : c.rooms) doc["rooms"].push_back(room_json(room));
    doc["zones"] = ordered_json::array();
    for (const Zone& z : c.zones) {
        ordered_json j{{"id", z.id},
                       {"function", to_string(z.function)},
                       {"room", z.room},
                       {"rect", ordered_json::array({vector_json(z.min), vector_json(z.max)})}};
        if (!z.name.vi.empty() || !z.name.en.empty()) j["name"] = text_json(z.name);
        doc["zones"].push_back(std::move(j));
    }
    doc["fixtures"] = ordered_json::array();
    for (const Fixture& f : c.fixtures) doc["fixtures"].push_back(fixture_json(f));
    doc["placements"] = ordered_json::array();
    for (const Placement& p : c.placements) {
        ordered_json j{{"product", p.product}, {"on", p.on}, {"slot", p.slot}};
        if (p.yaw_deg != 0.0f) j["yaw_deg"] = number_json(p.yaw_deg);
        j["label"] = p.label;
        doc["placements"].push_back(std::move(j));
    }
    doc["lights"] = ordered_json::array();
    for (const CentreLight& l : c.lights) doc["lights"].push_back(light_json(l));
    ordered_json env{{"type", c.environment.type}, {"rig", c.environment.rig}};
    if (!c.environment.hdr.empty()) env["hdr"] = c.environment.hdr;
    env["exposure_ev"] = number_json(c.environment.exposure_ev);
    doc["environment"] = std::move(env);
    ordered_json tour = ordered_json::object();
    if (!c.tour.start.empty()) tour["start"] = c.tour.start;
    tour["waypoints"] = ordered_json::array();
    for (const Waypoint& w : c.tour.waypoints)
        tour["waypoints"].push_back(ordered_json{{"id", w.id},
                                                 {"pos", vector_json(w.pos)},
                                                 {"look_at", vector_json(w.look_at)},
                                                 {"caption", text_json(w.caption)}});
    doc["tour"] = std::move(tour);
    // Vietnamese stays readable UTF-8 in the file; invalid bytes become U+FFFD, never a throw.
    return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

Status save_centre(const Centre& centre, const std::filesystem::path& path) {
    return write_file_atomic(path, centre_to_json(centre));
}

std::filesystem::path catalogue_path(const Centre& centre) {
    return centre.source.parent_path() / centre.catalogue;
}

std::filesystem::path brand_path(const Centre& centre) {
    if (centre.brand.empty()) return {};
    return centre.source.parent_path() / centre.brand;
}

float outline_area(std::span<const glm::vec2> outline) {
    double twice = 0.0;
    for (std::size_t i = 0; i < outline.size(); ++i) {
        const glm::dvec2 a = outline[i], b = outline[(i + 1) % outline.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return static_cast<float>(std::fabs(twice) * 0.5);
}

bool outline_contains(std::span<const glm::vec2> outline, glm::vec2 p) {
    bool inside = false;
    for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
        const glm::vec2 a = outline[i], b = outline[j];
        if (centre_detail::plan_segment_distance(a, b, p) < 1e-4f) return true;  // on a wall
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

float outline_wall_distance(std::span<const glm::vec2> outline, glm::vec2 p) {
    float best = std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < outline.size(); ++i)
        best = std::min(best, centre_detail::plan_segment_distance(outline[i], outline[(i + 1) % outline.size()], p));
    return best;
}

std::optional<std::pair<int, int>> outline_crossing(std::span<const glm::vec2> outline) {
    using namespace centre_detail;
    const std::size_t n = outline.size();
    for (std::size_t i = 0; i < n; ++i) {
        const glm::dvec2 a = outline[i], b = outline[(i + 1) % n];
        for (std::size_t j = i + 1; j < n; ++j) {
            const glm::dvec2 c = outline[j], d = outline[(j + 1) % n];
            const bool next = j == i + 1, wraps = i == 0 && j == n - 1;
            if (next || wraps) {
                // Neighbours share a corner; they cross only if one folds back onto the other.
                const glm::dvec2 own_i = next ? a : b, own_j = next ? d : c;
                if (plan_on_segment(a, b, own_j) || plan_on_segment(c, d, own_i)) return std::pair{int(i), int(j)};
                continue;
            }
            if (plan_segments_meet(a, b, c, d)) return std::pair{int(i), int(j)};
        }
    }
    return std::nullopt;
}

}  // namespace ocop::scene
