// The Layout mode's edits. Each works on a copy of what it changes and commits only when every
// check has passed, ending with the schema check, so a refused edit leaves the centre as it was.
#include "edit/edits.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "scene/fixtures.h"

namespace ocop::studio {

namespace {

using scene::Centre;
using scene::Fixture;
using scene::Placement;

Error edit_error(const Centre& centre, std::string reason) { return bad_input(centre.source.string(), std::move(reason)); }

std::string edit_metres(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", double(v));
    return buf;
}

bool edit_finite(glm::vec3 v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

Fixture* edit_fixture(Centre& centre, std::string_view id) {
    for (Fixture& f : centre.fixtures)
        if (f.id == id) return &f;
    return nullptr;
}

bool edit_zone_contains(const scene::Zone& zone, glm::vec2 p) {
    return p.x >= zone.min.x && p.x <= zone.max.x && p.y >= zone.min.y && p.y <= zone.max.y;
}

const scene::Zone* edit_zone_at(const Centre& centre, glm::vec2 p) {
    for (const scene::Zone& z : centre.zones)
        if (edit_zone_contains(z, p)) return &z;
    return nullptr;
}

// A fixture that has left its zone's rectangle for another zone's joins that zone; anywhere
// else (a walkway between zones, the edge of the room) it keeps its zone.
void edit_update_zone(const Centre& centre, Fixture& fixture) {
    const glm::vec2 p{fixture.pos.x, fixture.pos.z};
    if (const scene::Zone* own = centre.find_zone(fixture.zone); own && edit_zone_contains(*own, p)) return;
    if (const scene::Zone* other = edit_zone_at(centre, p)) fixture.zone = other->id;
}

// A floor fixture stands on the floor; a wall fixture hangs at the height it is given.
Result<glm::vec3> edit_fixture_position(const Centre& centre, std::string_view type, glm::vec3 pos) {
    if (!edit_finite(pos)) return edit_error(centre, "The position is not a finite number.");
    const scene::FixtureType* t = scene::find_fixture_type(type);
    if (!t || t->mount == scene::FixtureMount::Floor) return glm::vec3(pos.x, 0.0f, pos.z);
    if (pos.y < 0.0f) return edit_error(centre, "A wall fixture cannot hang below the floor.");
    return pos;
}

// Where a light aimed at a fixture points (scene/build.cpp, fixture_aim_point): the middle of
// its slots a little above them, or the fixture's middle when it has none.
glm::vec3 edit_aim_point(const Fixture& f) {
    const std::vector<scene::Slot> slots = scene::fixture_slots(f);
    if (slots.empty()) return f.pos + glm::vec3(0.0f, 0.5f * f.size.y, 0.0f);
    glm::vec3 sum(0.0f);
    for (const scene::Slot& slot : slots) sum += slot.position;
    const glm::vec3 middle = sum / static_cast<float>(slots.size()) + glm::vec3(0.0f, 0.15f, 0.0f);
    return glm::vec3(scene::fixture_transform(f) * glm::vec4(middle, 1.0f));
}

// The first free slot of `fixture` from `start` on, wrapping round; `moving` counts as absent.
std::optional<int> edit_free_slot(const Centre& centre, const Fixture& fixture, int start, const Placement* moving) {
    const int count = static_cast<int>(scene::fixture_slots(fixture).size());
    for (int k = 0; k < count; ++k) {
        const int slot = (start + k) % count;
        const bool taken = std::any_of(centre.placements.begin(), centre.placements.end(), [&](const Placement& p) {
            return &p != moving && p.on == fixture.id && p.slot == slot;
        });
        if (!taken) return slot;
    }
    return std::nullopt;
}

// The slot a product may go to on `fixture`: `slot` when it exists and is free, else the first
// free one. `moving` (a placement being moved) does not take its own slot.
Result<int> edit_target_slot(const Centre& centre, std::string_view fixture, std::optional<int> slot,
                             const Placement* moving) {
    const Fixture* f = centre.find_fixture(fixture);
    if (!f) return edit_error(centre, "No fixture has the id '" + std::string(fixture) + "'.");
    const int count = static_cast<int>(scene::fixture_slots(*f).size());
    if (count == 0) return edit_error(centre, "Fixture " + f->id + " is a " + f->type + ", which holds no products.");
    if (!slot) {
        const std::optional<int> free = edit_free_slot(centre, *f, 0, moving);
        if (!free) return edit_error(centre, "Every slot of fixture " + f->id + " is taken.");
        return *free;
    }
    if (*slot < 0 || *slot >= count)
        return edit_error(centre, "Fixture " + f->id + " has " +
                                      (count == 1 ? std::string("one slot (slot 0)")
                                                  : std::to_string(count) + " slots (0 to " + std::to_string(count - 1) + ")") +
                                      ", not slot " + std::to_string(*slot) + ".");
    for (const Placement& p : centre.placements)
        if (&p != moving && p.on == f->id && p.slot == *slot)
            return edit_error(centre, "Slot " + std::to_string(*slot) + " of fixture " + f->id + " already holds " +
                                          p.product + ".");
    return *slot;
}

// `base` + "-2", "-3", ... : the first that `taken` does not know.
std::string edit_unique_id(const std::string& base, const std::function<bool(const std::string&)>& taken, int first) {
    for (int n = first;; ++n) {
        std::string id = base + "-" + std::to_string(n);
        if (!taken(id)) return id;
    }
}

// Commits `edited` when it passes the schema check.
Status edit_commit(Centre& centre, Centre&& edited) {
    if (Status s = check_schema(edited); !s) return s;
    centre = std::move(edited);
    return Ok{};
}

}  // namespace

Status check_schema(const Centre& centre) {
    Result<Centre> parsed = scene::parse_centre(scene::centre_to_json(centre), centre.source);
    if (!parsed) return parsed.error();
    return Ok{};
}

float snap(float value, float step) {
    if (!(step > 0.0f) || !std::isfinite(step) || !std::isfinite(value)) return value;
    return std::round(value / step) * step;
}

float snap_angle_deg(float degrees, float step) {
    if (!std::isfinite(degrees)) return 0.0f;
    float d = std::fmod(snap(degrees, step), 360.0f);
    if (d < 0.0f) d += 360.0f;
    if (d >= 360.0f) d = 0.0f;  // -1e-6 + 360 rounds to 360 in float
    return d;
}

std::optional<int> first_free_slot(const Centre& centre, std::string_view fixture) {
    const Fixture* f = centre.find_fixture(fixture);
    if (!f) return std::nullopt;
    return edit_free_slot(centre, *f, 0, nullptr);
}

Result<ObjectRef> place_product(Centre& centre, const scene::Catalogue& catalogue, std::string_view sku,
                                std::string_view fixture, std::optional<int> slot) {
    if (!catalogue.find(sku))
        return edit_error(centre, "The catalogue has no product with the SKU '" + std::string(sku) + "'.");
    Result<int> target = edit_target_slot(centre, fixture, slot, nullptr);
    if (!target) return target.error();
    Centre edited = centre;
    Placement p;
    p.product = std::string(sku);
    p.on = std::string(fixture);
    p.slot = *target;
    edited.placements.push_back(std::move(p));
    if (Status s = edit_commit(centre, std::move(edited)); !s) return s.error();
    return placement_ref(std::string(fixture), *target);
}

Result<ObjectRef> move_placement(Centre& centre, const ObjectRef& placement, std::string_view fixture,
                                 std::optional<int> slot) {
    if (placement.kind != ObjectRef::Kind::Placement)
        return edit_error(centre, "Only a product can be moved to a slot, not a " + describe(placement) + ".");
    const Placement* moving = find_placement(centre, placement.id, placement.index);
    if (!moving) return edit_error(centre, "There is no " + describe(placement) + ".");
    Result<int> target = edit_target_slot(centre, fixture, slot, moving);
    if (!target) return target.error();
    Centre edited = centre;
    Placement& p = edited.placements[std::size_t(moving - centre.placements.data())];
    p.on = std::string(fixture);
    p.slot = *target;
    if (Status s = edit_commit(centre, std::move(edited)); !s) return s.error();
    return placement_ref(std::string(fixture), *target);
}

Status move_fixture(Centre& centre, std::string_view fixture, glm::vec3 pos, float yaw_deg) {
    const Fixture* f = centre.find_fixture(fixture);
    if (!f) return edit_error(centre, "No fixture has the id '" + std::string(fixture) + "'.");
    if (!std::isfinite(yaw_deg)) return edit_error(centre, "The angle is not a finite number.");
    Result<glm::vec3> at = edit_fixture_position(centre, f->type, pos);
    if (!at) return at.error();
    Centre edited = centre;
    Fixture& e = *edit_fixture(edited, fixture);
    e.pos = *at;
    e.yaw_deg = (yaw_deg < -360.0f || yaw_deg > 360.0f) ? std::fmod(yaw_deg, 360.0f) : yaw_deg;
    edit_update_zone(edited, e);
    return edit_commit(centre, std::move(edited));
}

Status move_light(Centre& centre, int index, glm::vec3 pos) {
    if (index < 0 || std::size_t(index) >= centre.lights.size())
        return edit_error(centre, "There is no light " + std::to_string(index) + ".");
    if (!edit_finite(pos)) return edit_error(centre, "The position is not a finite number.");
    const scene::CentreLight& light = centre.lights[std::size_t(index)];
    if (light.aim_at && glm::all(glm::equal(*light.aim_at, pos)))
        return edit_error(centre, "A light cannot stand on the point it aims at.");
    Centre edited = centre;
    edited.lights[std::size_t(index)].pos = pos;
    return edit_commit(centre, std::move(edited));
}

Status set_fixture_size(Centre& centre, std::string_view fixture, glm::vec3 size) {
    const Fixture* f = centre.find_fixture(fixture);
    if (!f) return edit_error(centre, "No fixture has the id '" + std::string(fixture) + "'.");
    if (!edit_finite(size) || !(size.x > 0.0f && size.y > 0.0f && size.z > 0.0f))
        return edit_error(centre, "Each side of a fixture must be longer than 0 m.");
    Fixture resized = *f;
    resized.size = size;
    const int before = static_cast<int>(scene::fixture_slots(*f).size());
    const int after = static_cast<int>(scene::fixture_slots(resized).size());
    for (const Placement& p : centre.placements)
        if (p.on == f->id && p.slot < before && p.slot >= after)
            return edit_error(centre, "At that size fixture " + f->id + " has " + std::to_string(after) +
                                          " slots, but " + p.product + " stands on slot " + std::to_string(p.slot) +
                                          ".");
    Centre edited = centre;
    edit_fixture(edited, fixture)->size = size;
    return edit_commit(centre, std::move(edited));
}

Result<ObjectRef> add_fixture(Centre& centre, std::string_view type, glm::vec3 pos) {
    const scene::FixtureType* t = scene::find_fixture_type(type);
    if (!t) return edit_error(centre, "There is no fixture type '" + std::string(type) + "'.");
    Result<glm::vec3> at = edit_fixture_position(centre, type, pos);
    if (!at) return at.error();
    const glm::vec2 plan{at->x, at->z};
    std::string zone;
    if (const scene::Zone* z = edit_zone_at(centre, plan)) {
        zone = z->id;
    } else {
        const auto room = std::find_if(centre.rooms.begin(), centre.rooms.end(),
                                       [&](const scene::Room& r) { return scene::outline_contains(r.outline, plan); });
        if (room == centre.rooms.end())
            return edit_error(centre, "The point (" + edit_metres(plan.x) + ", " + edit_metres(plan.y) +
                                          ") is outside every room.");
        const auto first = std::find_if(centre.zones.begin(), centre.zones.end(),
                                        [&](const scene::Zone& candidate) { return candidate.room == room->id; });
        if (first == centre.zones.end())
            return edit_error(centre, "Room " + room->id + " has no zone to put the fixture in.");
        zone = first->id;
    }
    Centre edited = centre;
    Fixture f;
    f.type = std::string(type);
    f.id = edit_unique_id(f.type, [&](const std::string& id) { return centre.find_fixture(id) != nullptr; }, 1);
    f.size = t->default_size;
    f.pos = *at;
    f.zone = zone;
    const std::string id = f.id;
    edited.fixtures.push_back(std::move(f));
    if (Status s = edit_commit(centre, std::move(edited)); !s) return s.error();
    return fixture_ref(id);
}

Status delete_objects(Centre& centre, std::span<const ObjectRef> objects) {
    std::set<std::string> fixtures, zones, rooms, waypoints;
    std::set<std::pair<std::string, int>> placements;
    std::set<int> lights;
    std::vector<std::string> zone_order, room_order;  // as asked, for the error naming the first reference
    for (const ObjectRef& ref : objects) {
        if (!exists(centre, ref)) return edit_error(centre, "There is no " + describe(ref) + ".");
        switch (ref.kind) {
            case ObjectRef::Kind::Fixture: fixtures.insert(ref.id); break;
            case ObjectRef::Kind::Placement: placements.emplace(ref.id, ref.index); break;
            case ObjectRef::Kind::Zone:
                if (zones.insert(ref.id).second) zone_order.push_back(ref.id);
                break;
            case ObjectRef::Kind::Room:
                if (rooms.insert(ref.id).second) room_order.push_back(ref.id);
                break;
            case ObjectRef::Kind::Light: lights.insert(ref.index); break;
            case ObjectRef::Kind::Waypoint: waypoints.insert(ref.id); break;
        }
    }
    if (objects.empty()) return Ok{};
    Centre edited = centre;

    // Lights aimed at a deleted fixture keep pointing where they did.
    for (std::size_t i = 0; i < edited.lights.size(); ++i) {
        scene::CentreLight& l = edited.lights[i];
        if (l.aim.empty() || !fixtures.count(l.aim) || lights.count(int(i))) continue;
        glm::vec3 target = edit_aim_point(*centre.find_fixture(l.aim));
        if (glm::all(glm::equal(target, l.pos))) target = l.pos + glm::vec3(0.0f, -1.0f, 0.0f);
        l.aim.clear();
        l.aim_at = target;
    }
    std::erase_if(edited.placements, [&](const Placement& p) {
        return fixtures.count(p.on) > 0 || placements.count({p.on, p.slot}) > 0;
    });
    std::erase_if(edited.fixtures, [&](const Fixture& f) { return fixtures.count(f.id) > 0; });

    for (const std::string& zone : zone_order)
        for (const Fixture& f : edited.fixtures)
            if (f.zone == zone)
                return edit_error(centre, "Zone " + zone + " still holds fixture " + f.id +
                                              ": move or delete its fixtures first.");
    std::erase_if(edited.zones, [&](const scene::Zone& z) { return zones.count(z.id) > 0; });
    for (const std::string& room : room_order)
        for (const scene::Zone& z : edited.zones)
            if (z.room == room)
                return edit_error(centre, "Room " + room + " still holds zone " + z.id + ": delete its zones first.");
    std::erase_if(edited.rooms, [&](const scene::Room& r) { return rooms.count(r.id) > 0; });
    if (edited.rooms.empty()) return edit_error(centre, "A centre needs at least one room.");

    for (auto it = lights.rbegin(); it != lights.rend(); ++it)
        edited.lights.erase(edited.lights.begin() + *it);

    std::erase_if(edited.tour.waypoints, [&](const scene::Waypoint& w) { return waypoints.count(w.id) > 0; });
    if (waypoints.count(edited.tour.start))
        edited.tour.start = edited.tour.waypoints.empty() ? std::string() : edited.tour.waypoints.front().id;
    return edit_commit(centre, std::move(edited));
}

Result<std::vector<ObjectRef>> duplicate_objects(Centre& centre, std::span<const ObjectRef> objects, glm::vec2 offset) {
    if (!std::isfinite(offset.x) || !std::isfinite(offset.y))
        return edit_error(centre, "The offset is not a finite number.");
    // Each object once, in the order asked.
    std::vector<ObjectRef> unique;
    for (const ObjectRef& ref : objects) {
        if (!exists(centre, ref)) return edit_error(centre, "There is no " + describe(ref) + ".");
        if (ref.kind == ObjectRef::Kind::Room || ref.kind == ObjectRef::Kind::Zone)
            return edit_error(centre, "Rooms and zones cannot be duplicated, only fixtures, products, lights and "
                                      "waypoints.");
        if (std::find(unique.begin(), unique.end(), ref) == unique.end()) unique.push_back(ref);
    }
    Centre edited = centre;
    const glm::vec3 shift{offset.x, 0.0f, offset.y};

    // The copies' ids first, so that placements and lights can follow their fixture's copy.
    std::map<std::string, std::string> fixture_copies;
    for (const ObjectRef& ref : unique)
        if (ref.kind == ObjectRef::Kind::Fixture)
            fixture_copies[ref.id] = edit_unique_id(
                ref.id,
                [&](const std::string& id) {
                    if (edited.find_fixture(id)) return true;
                    for (const auto& copy : fixture_copies)
                        if (copy.second == id) return true;
                    return false;
                },
                2);

    std::vector<ObjectRef> out;
    for (const ObjectRef& ref : unique) {
        switch (ref.kind) {
            case ObjectRef::Kind::Fixture: {
                Fixture copy = *centre.find_fixture(ref.id);
                copy.id = fixture_copies[ref.id];
                copy.pos += shift;
                edit_update_zone(edited, copy);
                for (const Placement& p : centre.placements)
                    if (p.on == ref.id) {
                        Placement pc = p;
                        pc.on = copy.id;
                        edited.placements.push_back(std::move(pc));
                    }
                out.push_back(fixture_ref(copy.id));
                edited.fixtures.push_back(std::move(copy));
                break;
            }
            case ObjectRef::Kind::Placement: {
                if (const auto it = fixture_copies.find(ref.id); it != fixture_copies.end()) {
                    out.push_back(placement_ref(it->second, ref.index));  // copied with its fixture
                    break;
                }
                const Fixture& f = *edited.find_fixture(ref.id);
                const std::optional<int> slot = edit_free_slot(edited, f, ref.index + 1, nullptr);
                if (!slot) return edit_error(centre, "Every slot of fixture " + f.id + " is taken.");
                Placement copy = *find_placement(edited, ref.id, ref.index);
                copy.slot = *slot;
                edited.placements.push_back(std::move(copy));
                out.push_back(placement_ref(ref.id, *slot));
                break;
            }
            case ObjectRef::Kind::Light: {
                scene::CentreLight copy = centre.lights[std::size_t(ref.index)];
                copy.pos += shift;
                if (copy.aim_at) *copy.aim_at += shift;
                if (const auto it = fixture_copies.find(copy.aim); it != fixture_copies.end()) copy.aim = it->second;
                edited.lights.push_back(std::move(copy));
                out.push_back(light_ref(static_cast<int>(edited.lights.size()) - 1));
                break;
            }
            case ObjectRef::Kind::Waypoint: {
                scene::Waypoint copy = *centre.find_waypoint(ref.id);
                copy.id = edit_unique_id(
                    ref.id, [&](const std::string& id) { return edited.find_waypoint(id) != nullptr; }, 2);
                copy.pos += shift;
                copy.look_at += shift;
                out.push_back(waypoint_ref(copy.id));
                edited.tour.waypoints.push_back(std::move(copy));
                break;
            }
            case ObjectRef::Kind::Room:
            case ObjectRef::Kind::Zone: break;  // refused above
        }
    }
    if (Status s = edit_commit(centre, std::move(edited)); !s) return s.error();
    return out;
}

}  // namespace ocop::studio
