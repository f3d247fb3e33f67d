// ObjectRef: constructors, existence, descriptions and the JSON paths of criteria findings.
#include "edit/object_ref.h"

#include <charconv>
#include <utility>

namespace ocop::studio {

namespace {

// "LIST[N]" at the start of `where`, followed by the end or by a deeper path ("." or "["):
// N, or nullopt.
std::optional<std::size_t> ref_list_index(std::string_view where, std::string_view list) {
    if (where.size() <= list.size() + 2 || where.substr(0, list.size()) != list || where[list.size()] != '[')
        return std::nullopt;
    const std::string_view rest = where.substr(list.size() + 1);
    const std::size_t close = rest.find(']');
    if (close == 0 || close == std::string_view::npos) return std::nullopt;
    for (std::size_t i = 0; i < close; ++i)
        if (rest[i] < '0' || rest[i] > '9') return std::nullopt;
    std::size_t index = 0;
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + close, index);
    if (ec != std::errc() || ptr != rest.data() + close) return std::nullopt;
    const std::string_view after = rest.substr(close + 1);
    if (!after.empty() && after[0] != '.' && after[0] != '[') return std::nullopt;
    return index;
}

std::string ref_index_path(std::string_view list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

}  // namespace

ObjectRef room_ref(std::string id) { return {ObjectRef::Kind::Room, std::move(id), 0}; }
ObjectRef zone_ref(std::string id) { return {ObjectRef::Kind::Zone, std::move(id), 0}; }
ObjectRef fixture_ref(std::string id) { return {ObjectRef::Kind::Fixture, std::move(id), 0}; }
ObjectRef placement_ref(std::string fixture, int slot) { return {ObjectRef::Kind::Placement, std::move(fixture), slot}; }
ObjectRef light_ref(int index) { return {ObjectRef::Kind::Light, std::string(), index}; }
ObjectRef waypoint_ref(std::string id) { return {ObjectRef::Kind::Waypoint, std::move(id), 0}; }

const scene::Placement* find_placement(const scene::Centre& centre, std::string_view fixture, int slot) {
    for (const scene::Placement& p : centre.placements)
        if (p.on == fixture && p.slot == slot) return &p;
    return nullptr;
}

bool exists(const scene::Centre& centre, const ObjectRef& ref) {
    switch (ref.kind) {
        case ObjectRef::Kind::Room: return centre.find_room(ref.id) != nullptr;
        case ObjectRef::Kind::Zone: return centre.find_zone(ref.id) != nullptr;
        case ObjectRef::Kind::Fixture: return centre.find_fixture(ref.id) != nullptr;
        case ObjectRef::Kind::Placement: return find_placement(centre, ref.id, ref.index) != nullptr;
        case ObjectRef::Kind::Light: return ref.index >= 0 && std::size_t(ref.index) < centre.lights.size();
        case ObjectRef::Kind::Waypoint: return centre.find_waypoint(ref.id) != nullptr;
    }
    return false;
}

std::string describe(const ObjectRef& ref) {
    switch (ref.kind) {
        case ObjectRef::Kind::Room: return "room " + ref.id;
        case ObjectRef::Kind::Zone: return "zone " + ref.id;
        case ObjectRef::Kind::Fixture: return "fixture " + ref.id;
        case ObjectRef::Kind::Placement: return "product on " + ref.id + ", slot " + std::to_string(ref.index);
        case ObjectRef::Kind::Light: return "light " + std::to_string(ref.index);
        case ObjectRef::Kind::Waypoint: return "waypoint " + ref.id;
    }
    return "object";
}

std::optional<ObjectRef> object_at_path(const scene::Centre& centre, std::string_view where) {
    if (const auto i = ref_list_index(where, "rooms"))
        return *i < centre.rooms.size() ? std::optional(room_ref(centre.rooms[*i].id)) : std::nullopt;
    if (const auto i = ref_list_index(where, "zones"))
        return *i < centre.zones.size() ? std::optional(zone_ref(centre.zones[*i].id)) : std::nullopt;
    if (const auto i = ref_list_index(where, "fixtures"))
        return *i < centre.fixtures.size() ? std::optional(fixture_ref(centre.fixtures[*i].id)) : std::nullopt;
    if (const auto i = ref_list_index(where, "placements")) {
        if (*i >= centre.placements.size()) return std::nullopt;
        const scene::Placement& p = centre.placements[*i];
        return placement_ref(p.on, p.slot);
    }
    if (const auto i = ref_list_index(where, "lights"))
        return *i < centre.lights.size() ? std::optional(light_ref(int(*i))) : std::nullopt;
    if (const auto i = ref_list_index(where, "tour.waypoints"))
        return *i < centre.tour.waypoints.size() ? std::optional(waypoint_ref(centre.tour.waypoints[*i].id))
                                                 : std::nullopt;
    return std::nullopt;
}

std::string path_of(const scene::Centre& centre, const ObjectRef& ref) {
    const auto find_id = [&](const auto& list, std::string_view name) -> std::string {
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == ref.id) return ref_index_path(name, i);
        return {};
    };
    switch (ref.kind) {
        case ObjectRef::Kind::Room: return find_id(centre.rooms, "rooms");
        case ObjectRef::Kind::Zone: return find_id(centre.zones, "zones");
        case ObjectRef::Kind::Fixture: return find_id(centre.fixtures, "fixtures");
        case ObjectRef::Kind::Waypoint: return find_id(centre.tour.waypoints, "tour.waypoints");
        case ObjectRef::Kind::Placement:
            for (std::size_t i = 0; i < centre.placements.size(); ++i)
                if (centre.placements[i].on == ref.id && centre.placements[i].slot == ref.index)
                    return ref_index_path("placements", i);
            return {};
        case ObjectRef::Kind::Light:
            return exists(centre, ref) ? ref_index_path("lights", std::size_t(ref.index)) : std::string();
    }
    return {};
}

}  // namespace ocop::studio
