// What can be selected and edited in a centre, named the way the layout file names it: an
// ObjectRef stays valid across undo (it holds ids, not pointers) and a criteria finding's JSON
// path turns into one, so the app can select what a finding is about. CPU only.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "scene/centre.h"

namespace ocop::studio {

struct ObjectRef {
    enum class Kind { Room, Zone, Fixture, Placement, Light, Waypoint };
    Kind kind = Kind::Fixture;
    std::string id;  // room, zone, fixture or waypoint id; for a Placement: the fixture it stands on
    int index = 0;   // Placement: its slot; Light: its index in Centre::lights; else 0
    auto operator<=>(const ObjectRef&) const = default;
};

ObjectRef room_ref(std::string id);
ObjectRef zone_ref(std::string id);
ObjectRef fixture_ref(std::string id);
ObjectRef placement_ref(std::string fixture, int slot);
ObjectRef light_ref(int index);
ObjectRef waypoint_ref(std::string id);

bool exists(const scene::Centre& centre, const ObjectRef& ref);

// "fixture plinth-3", "product on plinth-3, slot 1", "light 4" (its index in the file),
// "zone sale", "room hall", "waypoint entrance".
std::string describe(const ObjectRef& ref);

// The object a criteria finding is about, from its JSON path: "fixtures[4]" (also
// "fixtures[4].size[1]"), "placements[2]", "zones[1]", "rooms[0]" (also "rooms[0].doors[1]"),
// "lights[3]", "tour.waypoints[2]"; nullopt for anything else or an index out of range.
std::optional<ObjectRef> object_at_path(const scene::Centre& centre, std::string_view where);

// The reverse: the object's JSON path in the centre file ("fixtures[4]"), or "" when it does
// not exist. A placement is the first one on that fixture and slot.
std::string path_of(const scene::Centre& centre, const ObjectRef& ref);

// The first placement on that fixture's slot, or nullptr.
const scene::Placement* find_placement(const scene::Centre& centre, std::string_view fixture, int slot);

}  // namespace ocop::studio
