// The edits of the Layout mode as free functions on a Centre, each a complete edit: it checks
// everything first and changes the centre only when all of it can be done, so the centre is
// never left half-edited. Every edit keeps the centre schema-valid (parse_centre(centre_to_json(c))
// accepts it, docs/centre-format.md); one that would break the schema is refused. Errors are
// BadInput naming the centre file, with one plain sentence for the status bar as the reason.
// CPU only.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "edit/object_ref.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

namespace ocop::studio {

float snap(float value, float step);              // step <= 0: value unchanged
float snap_angle_deg(float degrees, float step);  // result wrapped to [0, 360); step <= 0: no snapping

// The first slot of the fixture with no placement; nullopt when it has no slots or all are taken
// (or there is no such fixture).
std::optional<int> first_free_slot(const scene::Centre& centre, std::string_view fixture);

// Places the catalogue's product on the fixture: at `slot`, or the first free slot. Errors: unknown
// SKU, unknown fixture, a fixture without slots, slot out of range or taken, no free slot.
Result<ObjectRef> place_product(scene::Centre& centre, const scene::Catalogue& catalogue, std::string_view sku,
                                std::string_view fixture, std::optional<int> slot = std::nullopt);

// Moves a placement to another fixture/slot (same rules; its own slot counts as free). Its
// turn and price tag go with it.
Result<ObjectRef> move_placement(scene::Centre& centre, const ObjectRef& placement, std::string_view fixture,
                                 std::optional<int> slot = std::nullopt);

// Sets a fixture's position and yaw. A floor fixture stands on the floor (y = 0 whatever is
// given); a wall fixture takes y as given, its mounting height (>= 0). A yaw outside
// [-360, 360] is wrapped. A fixture moved out of its zone's rectangle into another zone's
// joins that zone (the criteria check wants fixtures inside their zone).
Status move_fixture(scene::Centre& centre, std::string_view fixture, glm::vec3 pos, float yaw_deg);

// Moves light `index`; a light aimed at a point (aim_at) keeps aiming at it.
Status move_light(scene::Centre& centre, int index, glm::vec3 pos);

// Each side > 0. Refused when a product would be left on a slot the new size no longer has.
Status set_fixture_size(scene::Centre& centre, std::string_view fixture, glm::vec3 size);

// A new fixture of a library type (fixtures.h) with its default size at pos (y as move_fixture),
// in the zone whose rectangle contains pos, else in the first zone of the room that contains pos
// (the format needs every fixture in a zone); outside every room it is an error.
// id = type + "-" + n, the first n from 1 that is unique.
Result<ObjectRef> add_fixture(scene::Centre& centre, std::string_view type, glm::vec3 pos);

// Deletes the objects. A fixture takes its placements with it, and a light aimed at it keeps
// pointing where it did (aim becomes aim_at); a zone or room that is still referenced (fixtures
// in the zone, zones in the room, not counting those deleted with it) is an error naming the
// first reference, and so is the last room; a waypoint that is the tour's start moves the start
// to the first remaining waypoint. An object that does not exist is an error.
Status delete_objects(scene::Centre& centre, std::span<const ObjectRef> objects);

// Copies of fixtures (with their placements), lights and waypoints, moved by `offset` (x, z) on
// the floor, with new unique ids ("plinth-3" -> "plinth-3-2", then "-3", ...); a placement copied
// on its own goes to the next free slot of the same fixture (after its own, wrapping round),
// unless its fixture is copied too (then the copy is the one on the fixture's copy). A copied
// light aimed at a fixture that is copied too aims at the copy. Rooms and zones cannot be
// copied. Returns the copies' refs in the order of `objects`.
Result<std::vector<ObjectRef>> duplicate_objects(scene::Centre& centre, std::span<const ObjectRef> objects,
                                                 glm::vec2 offset = {0.5f, 0.5f});

// The schema check every edit ends with: parse_centre(centre_to_json(centre), centre.source).
Status check_schema(const scene::Centre& centre);

}  // namespace ocop::studio
