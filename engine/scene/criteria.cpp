// The centre criteria check. Each rule is one function; docs/criteria.md documents every rule
// and the reason for each threshold.
#include "scene/criteria.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <utility>

#include "scene/fixtures.h"

namespace ocop::scene {

namespace criteria_detail {

using Quad = std::array<glm::vec2, 4>;

std::string criteria_metres(float v, int decimals = 2) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, double(v));
    return buf;
}

std::string criteria_index(const char* list, std::size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; }

glm::vec2 plan(glm::vec3 p) { return {p.x, p.z}; }

glm::vec2 zone_centre(const Zone& z) { return 0.5f * (z.min + z.max); }

// Where the centre "is" for findings about it as a whole: the middle of its first room.
glm::vec2 centre_middle(const Centre& c) {
    if (c.rooms.empty() || c.rooms[0].outline.empty()) return glm::vec2(0.0f);
    glm::vec2 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (glm::vec2 p : c.rooms[0].outline) lo = glm::min(lo, p), hi = glm::max(hi, p);
    return 0.5f * (lo + hi);
}

// The fixture's half extents and the rotation of fixture_footprint (rotateY about +Y).
struct FixtureFrame {
    glm::vec2 centre;
    glm::vec2 half;
    float c, s;
    // World plan point -> fixture plan coordinates (x, z).
    glm::vec2 to_local(glm::vec2 p) const {
        const glm::vec2 d = p - centre;
        return {d.x * c - d.y * s, d.x * s + d.y * c};
    }
    glm::vec2 to_world(glm::vec2 l) const { return centre + glm::vec2(l.x * c + l.y * s, -l.x * s + l.y * c); }
    // Distance from p to the footprint (0 inside).
    float distance(glm::vec2 p) const {
        const glm::vec2 l = glm::abs(to_local(p)) - half;
        return glm::length(glm::max(l, glm::vec2(0.0f)));
    }
};

FixtureFrame fixture_frame(const Fixture& f) {
    const float yaw = glm::radians(f.yaw_deg);
    return {plan(f.pos), 0.5f * glm::vec2(f.size.x, f.size.z), std::cos(yaw), std::sin(yaw)};
}

// Separating-axis test of two convex quads: how deep they interpenetrate (<= 0: apart).
float quad_penetration(const Quad& a, const Quad& b) {
    float depth = std::numeric_limits<float>::max();
    for (const Quad* q : {&a, &b})
        for (std::size_t i = 0; i < 2; ++i) {  // a rectangle has two edge directions
            const glm::vec2 e = (*q)[i + 1] - (*q)[i];
            const float len = glm::length(e);
            if (len <= 0.0f) continue;
            const glm::vec2 axis{-e.y / len, e.x / len};
            float amin = std::numeric_limits<float>::max(), amax = std::numeric_limits<float>::lowest();
            float bmin = amin, bmax = amax;
            for (glm::vec2 p : a) amin = std::min(amin, glm::dot(p, axis)), amax = std::max(amax, glm::dot(p, axis));
            for (glm::vec2 p : b) bmin = std::min(bmin, glm::dot(p, axis)), bmax = std::max(bmax, glm::dot(p, axis));
            depth = std::min(depth, std::min(amax, bmax) - std::max(amin, bmin));
        }
    return depth;
}

struct Checker {
    const Centre& centre;
    const Catalogue& catalogue;
    std::vector<Finding> findings;

    void add(const char* rule, std::string object, std::string where, glm::vec2 at, std::string message) {
        findings.push_back({rule, std::move(object), std::move(where), at, std::move(message)});
    }

    const Room* room_of(const Fixture& f) const {
        const Zone* z = centre.find_zone(f.zone);
        return z ? centre.find_room(z->room) : nullptr;
    }
};

// four-spaces: the four functional spaces of DOMAIN.md.
void check_four_spaces(Checker& k) {
    for (ZoneFunction f : {ZoneFunction::DisplaySale, ZoneFunction::Workshop, ZoneFunction::Demonstration,
                           ZoneFunction::Photography}) {
        const bool present = std::any_of(k.centre.zones.begin(), k.centre.zones.end(),
                                         [&](const Zone& z) { return z.function == f; });
        if (!present)
            k.add("four-spaces", "centre", "zones", centre_middle(k.centre),
                  "No zone has the function " + std::string(to_string(f)) +
                      ": every centre needs all four functional spaces.");
    }
}

// zone-area: enough floor for each function, and every zone inside its room.
void check_zone_areas(Checker& k) {
    for (ZoneFunction f : {ZoneFunction::DisplaySale, ZoneFunction::Workshop, ZoneFunction::Demonstration,
                           ZoneFunction::Photography}) {
        // The finding points at the function's largest zone, the one to enlarge.
        float area = 0.0f, largest_area = -1.0f;
        std::size_t largest = k.centre.zones.size();
        for (std::size_t i = 0; i < k.centre.zones.size(); ++i) {
            const Zone& z = k.centre.zones[i];
            if (z.function != f) continue;
            const float a = (z.max.x - z.min.x) * (z.max.y - z.min.y);
            area += a;
            if (a > largest_area) largest = i, largest_area = a;
        }
        if (largest == k.centre.zones.size() || area >= minimum_zone_area(f) - 1e-3f) continue;
        const Zone& z = k.centre.zones[largest];
        k.add("zone-area", "zone " + z.id, criteria_index("zones", largest), zone_centre(z),
              "The " + std::string(to_string(f)) + " space has " + criteria_metres(area, 1) + " m², less than the " +
                  criteria_metres(minimum_zone_area(f), 0) + " m² it needs.");
    }
    for (std::size_t i = 0; i < k.centre.zones.size(); ++i) {
        const Zone& z = k.centre.zones[i];
        const Room* room = k.centre.find_room(z.room);
        if (!room) continue;
        const Quad corners{{z.min, {z.max.x, z.min.y}, z.max, {z.min.x, z.max.y}}};
        bool inside = std::all_of(corners.begin(), corners.end(),
                                  [&](glm::vec2 p) { return outline_contains(room->outline, p); });
        // A corner of an L-shaped room poking into the rectangle.
        for (glm::vec2 p : room->outline)
            inside = inside && !(p.x > z.min.x + 1e-3f && p.x < z.max.x - 1e-3f && p.y > z.min.y + 1e-3f &&
                                 p.y < z.max.y - 1e-3f);
        if (!inside)
            k.add("zone-area", "zone " + z.id, criteria_index("zones", i), zone_centre(z),
                  "The zone's rectangle reaches outside the outline of room " + room->id + ".");
    }
}

// placement: a known product on an existing slot of a fixture that holds products, fitting it,
// alone on it; and every fixture standing inside its zone.
void check_placements(Checker& k) {
    std::map<std::pair<std::string, int>, std::size_t> taken;
    for (std::size_t i = 0; i < k.centre.placements.size(); ++i) {
        const Placement& p = k.centre.placements[i];
        const std::string where = criteria_index("placements", i);
        const std::string object = "product " + p.product;
        const Fixture* f = k.centre.find_fixture(p.on);
        const glm::vec2 at = f ? plan(f->pos) : centre_middle(k.centre);
        const Product* product = k.catalogue.find(p.product);
        if (!product)
            k.add("placement", object, where + ".product", at,
                  "The SKU " + p.product + " is not in the catalogue " + k.catalogue.source.filename().string() + ".");
        if (!f) {
            k.add("placement", object, where + ".on", at, "No fixture has the id '" + p.on + "'.");
            continue;
        }
        const FixtureType* type = find_fixture_type(f->type);
        if (!type || !type->holds_products) {
            k.add("placement", object, where + ".on", at,
                  "Fixture " + f->id + " is a " + f->type + ", which holds no products.");
            continue;
        }
        const std::vector<Slot> slots = fixture_slots(*f);
        if (p.slot < 0 || std::size_t(p.slot) >= slots.size()) {
            k.add("placement", object, where + ".slot", at,
                  "Fixture " + f->id + " has " + std::to_string(slots.size()) + " slots (0 to " +
                      std::to_string(int(slots.size()) - 1) + "), not slot " + std::to_string(p.slot) + ".");
            continue;
        }
        const auto [it, first] = taken.emplace(std::pair{p.on, p.slot}, i);
        if (!first)
            k.add("placement", object, where + ".slot", at,
                  "Slot " + std::to_string(p.slot) + " of fixture " + f->id + " already holds placements[" +
                      std::to_string(it->second) + "].");
        if (!product) continue;
        // The product's footprint turned by its yaw, against the slot's free space.
        const Slot& slot = slots[std::size_t(p.slot)];
        const glm::vec3 dim = product->dimensions_cm / 100.0f;
        const float yaw = glm::radians(p.yaw_deg);
        const float ca = std::fabs(std::cos(yaw)), sa = std::fabs(std::sin(yaw));
        const glm::vec2 extent{dim.x * ca + dim.z * sa, dim.x * sa + dim.z * ca};
        if (extent.x > slot.max_footprint.x + kOverlapTolerance || extent.y > slot.max_footprint.y + kOverlapTolerance)
            k.add("placement", object, where, at,
                  p.product + " is " + criteria_metres(extent.x) + " x " + criteria_metres(extent.y) +
                      " m across but slot " + std::to_string(p.slot) + " of " + f->id + " has room for " +
                      criteria_metres(slot.max_footprint.x) + " x " + criteria_metres(slot.max_footprint.y) + " m.");
        if (dim.y > slot.max_height_m + kOverlapTolerance)
            k.add("placement", object, where, at,
                  p.product + " is " + criteria_metres(dim.y) + " m tall but slot " + std::to_string(p.slot) + " of " +
                      f->id + " has " + criteria_metres(slot.max_height_m) + " m of clear height.");
    }
    for (std::size_t i = 0; i < k.centre.fixtures.size(); ++i) {
        const Fixture& f = k.centre.fixtures[i];
        const Zone* z = k.centre.find_zone(f.zone);
        if (!z) continue;
        float outside = 0.0f;
        for (glm::vec2 p : fixture_footprint(f)) {
            const glm::vec2 beyond = glm::max(z->min - p, p - z->max);
            outside = std::max({outside, beyond.x, beyond.y});
        }
        if (outside > kOverlapTolerance)
            k.add("placement", "fixture " + f.id, criteria_index("fixtures", i), plan(f.pos),
                  "The fixture stands " + criteria_metres(outside) + " m outside its zone " + z->id + ".");
    }
}

// overlap: fixtures do not interpenetrate each other, or the walls of their room.
void check_overlaps(Checker& k) {
    const std::vector<Fixture>& fixtures = k.centre.fixtures;
    std::vector<Quad> quads;
    for (const Fixture& f : fixtures) quads.push_back(fixture_footprint(f));
    for (std::size_t i = 0; i < fixtures.size(); ++i)
        for (std::size_t j = i + 1; j < fixtures.size(); ++j) {
            const Fixture &a = fixtures[i], &b = fixtures[j];
            // A wall shelf above a low plinth does not clash: heights must overlap too.
            const float vertical = std::min(a.pos.y + a.size.y, b.pos.y + b.size.y) - std::max(a.pos.y, b.pos.y);
            if (vertical <= kOverlapTolerance) continue;
            const float depth = quad_penetration(quads[i], quads[j]);
            if (depth > kOverlapTolerance)
                k.add("overlap", "fixture " + b.id, criteria_index("fixtures", j), 0.5f * (plan(a.pos) + plan(b.pos)),
                      "Fixture " + b.id + " runs " + criteria_metres(depth) + " m into fixture " + a.id + " (" +
                          criteria_index("fixtures", i) + ").");
        }
    for (std::size_t i = 0; i < fixtures.size(); ++i) {
        const Fixture& f = fixtures[i];
        const Room* room = k.room_of(f);
        if (!room) continue;
        const std::string where = criteria_index("fixtures", i);
        float through = 0.0f;  // how far the footprint reaches beyond the walls
        for (glm::vec2 p : quads[i])
            if (!outline_contains(room->outline, p)) through = std::max(through, outline_wall_distance(room->outline, p));
        // A wall corner inside the footprint (an L-shaped room) also means the fixture crosses it.
        const FixtureFrame frame = fixture_frame(f);
        for (glm::vec2 corner : room->outline) {
            const glm::vec2 l = glm::abs(frame.to_local(corner));
            if (l.x < frame.half.x - kOverlapTolerance && l.y < frame.half.y - kOverlapTolerance)
                through = std::max(through, std::min(frame.half.x - l.x, frame.half.y - l.y));
        }
        if (through > kOverlapTolerance) {
            k.add("overlap", "fixture " + f.id, where, plan(f.pos),
                  "The fixture goes " + criteria_metres(through) + " m through a wall of room " + room->id + ".");
            continue;
        }
        const FixtureType* type = find_fixture_type(f.type);
        if (type && type->mount == FixtureMount::Wall) {
            // Its back (fixture space -Z) hangs on a wall.
            const float gap = outline_wall_distance(room->outline, frame.to_world({0.0f, -frame.half.y}));
            if (gap > 0.05f)
                k.add("overlap", "fixture " + f.id, where, plan(f.pos),
                      "A " + f.type + " hangs on a wall, but its back is " + criteria_metres(gap) +
                          " m from the nearest wall of room " + room->id + ".");
        }
    }
}

// The walkway grid: cells of kWalkwayCell over the rooms and a margin outside. One byte of
// flags per cell keeps a 30 x 20 m centre's grid (about 300k cells) small and quick to clear.
struct WalkwayGrid {
    enum : std::uint8_t { kObstacle = 1, kOpen = 2, kPassable = 4, kReached = 8 };  // open: in a room or a porch
    glm::vec2 origin{0.0f};
    int nx = 0, ny = 0;
    float cell = kWalkwayCell;
    std::vector<std::uint8_t> flags;

    std::size_t index(int i, int j) const { return std::size_t(j) * std::size_t(nx) + std::size_t(i); }
    bool has(int i, int j, std::uint8_t flag) const { return (flags[index(i, j)] & flag) != 0; }
    glm::vec2 centre_of(int i, int j) const { return origin + (glm::vec2(float(i), float(j)) + 0.5f) * cell; }
    glm::ivec2 cell_of(glm::vec2 p) const { return glm::ivec2(glm::floor((p - origin) / cell)); }
    bool valid(glm::ivec2 c) const { return c.x >= 0 && c.y >= 0 && c.x < nx && c.y < ny; }

    // Calls fn(i, j, centre) for the cells whose centres lie in the box [lo, hi].
    template <typename Fn>
    void for_cells(glm::vec2 lo, glm::vec2 hi, Fn fn) const {
        const glm::vec2 a_f = glm::max(glm::ceil((lo - origin) / cell - 0.5f), glm::vec2(0.0f));
        const glm::vec2 b_f = glm::min(glm::floor((hi - origin) / cell - 0.5f), glm::vec2(float(nx - 1), float(ny - 1)));
        for (int j = int(a_f.y); j <= int(b_f.y); ++j)
            for (int i = int(a_f.x); i <= int(b_f.x); ++i) fn(i, j, centre_of(i, j));
    }
};

// Squared 1-D distance transform of a sampled function: Felzenszwalb & Huttenlocher,
// "Distance Transforms of Sampled Functions", Theory of Computing 8 (2012), algorithm 1.
// v: the parabolas of the lower envelope, z: where each one takes over.
void walkway_distance_1d(const float* f, float* d, int n, std::vector<int>& v, std::vector<float>& z) {
    constexpr float inf = std::numeric_limits<float>::infinity();
    const auto meet = [&](int q, int p) {
        return ((f[q] + float(q) * float(q)) - (f[p] + float(p) * float(p))) / (2.0f * float(q - p));
    };
    std::size_t k = 0;
    v[0] = 0;
    z[0] = -inf;
    z[1] = inf;
    for (int q = 1; q < n; ++q) {
        float s = meet(q, v[k]);
        while (s <= z[k]) s = meet(q, v[--k]);
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = inf;
    }
    k = 0;
    for (int q = 0; q < n; ++q) {
        while (z[k + 1] < float(q)) ++k;
        d[q] = float(q - v[k]) * float(q - v[k]) + f[v[k]];
    }
}

// Marks the cells at least `need` metres from every obstacle as passable (exact Euclidean
// distance in cells, two separable passes).
void walkway_mark_passable(WalkwayGrid& g, float need) {
    // "Far" must exceed any squared distance in the grid yet stay where floats still count
    // whole cells, since the envelope subtracts these values from each other.
    const float far = 2.0f * (float(g.nx) * float(g.nx) + float(g.ny) * float(g.ny)) + 1.0f;
    std::vector<float> field(g.flags.size());
    for (std::size_t i = 0; i < field.size(); ++i) field[i] = (g.flags[i] & WalkwayGrid::kObstacle) ? 0.0f : far;
    const auto n = static_cast<std::size_t>(std::max(g.nx, g.ny));
    std::vector<float> f(n), d(n), z(n + 1);
    std::vector<int> v(n);
    for (int i = 0; i < g.nx; ++i) {  // columns
        for (int j = 0; j < g.ny; ++j) f[std::size_t(j)] = field[g.index(i, j)];
        walkway_distance_1d(f.data(), d.data(), g.ny, v, z);
        for (int j = 0; j < g.ny; ++j) field[g.index(i, j)] = d[std::size_t(j)];
    }
    const float need_cells2 = (need / g.cell) * (need / g.cell);
    for (int j = 0; j < g.ny; ++j) {  // rows: contiguous
        const float* row = &field[g.index(0, j)];
        walkway_distance_1d(row, d.data(), g.nx, v, z);
        for (int i = 0; i < g.nx; ++i)
            if (d[std::size_t(i)] >= need_cells2) g.flags[g.index(i, j)] |= WalkwayGrid::kPassable;
    }
}

float walkway_segment_distance(glm::vec2 a, glm::vec2 b, glm::vec2 p) {
    const glm::vec2 ab = b - a;
    const float len2 = glm::dot(ab, ab);
    const float t = len2 > 0.0f ? std::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
    return glm::distance(p, a + t * ab);
}

// Flags the cells whose centres lie inside the outline, a row at a time (even-odd crossings).
void walkway_fill_outline(WalkwayGrid& g, const std::vector<glm::vec2>& outline, std::uint8_t flag) {
    std::vector<float> xs;
    for (int j = 0; j < g.ny; ++j) {
        const float y = g.centre_of(0, j).y;
        xs.clear();
        for (std::size_t e = 0, f = outline.size() - 1; e < outline.size(); f = e++) {
            const glm::vec2 a = outline[e], b = outline[f];
            if ((a.y > y) != (b.y > y)) xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
        std::sort(xs.begin(), xs.end());
        for (std::size_t k = 0; k + 1 < xs.size(); k += 2) {
            // Cells whose centres lie between the two crossings.
            const int i0 = std::max(0, int(std::ceil((xs[k] - g.origin.x) / g.cell - 0.5f)));
            const int i1 = std::min(g.nx - 1, int(std::floor((xs[k + 1] - g.origin.x) / g.cell - 0.5f)));
            for (int i = i0; i <= i1; ++i) g.flags[g.index(i, j)] |= flag;
        }
    }
}

// A layout edited in the app may be checked before it is saved and parsed again: skip what the
// schema would refuse rather than index outside an outline.
bool criteria_door_valid(const Room& r, const Door& d) {
    return r.outline.size() >= 3 && d.wall >= 0 && std::size_t(d.wall) < r.outline.size() &&
           r.outline[std::size_t(d.wall)] != r.outline[(std::size_t(d.wall) + 1) % r.outline.size()];
}

bool criteria_rooms_valid(const Centre& c) {
    if (c.rooms.empty()) return false;
    for (const Room& r : c.rooms) {
        if (r.outline.size() < 3) return false;
        for (glm::vec2 p : r.outline)
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) return false;
    }
    return true;
}

struct Entrance {
    const Room* room;
    std::size_t room_index, door_index;
    glm::vec2 mid, along, outward;
    float width;
};

std::vector<Entrance> walkway_entrances(const Centre& c) {
    bool any_marked = false;
    for (const Room& r : c.rooms)
        for (const Door& d : r.doors) any_marked = any_marked || d.entrance;
    std::vector<Entrance> out;
    for (std::size_t ri = 0; ri < c.rooms.size(); ++ri) {
        const Room& r = c.rooms[ri];
        for (std::size_t di = 0; di < r.doors.size(); ++di) {
            const Door& d = r.doors[di];
            if ((any_marked && !d.entrance) || !criteria_door_valid(r, d)) continue;
            const glm::vec2 a = r.outline[std::size_t(d.wall)];
            const glm::vec2 b = r.outline[(std::size_t(d.wall) + 1) % r.outline.size()];
            const glm::vec2 along = glm::normalize(b - a);
            const glm::vec2 mid = a + along * (d.at_m + 0.5f * d.width_m);
            glm::vec2 outward{along.y, -along.x};
            if (outline_contains(r.outline, mid + 0.3f * outward)) outward = -outward;
            out.push_back({&r, ri, di, mid, along, outward, d.width_m});
        }
    }
    return out;
}

// Rasterises walls (door gaps open) and fixtures, finds the cells where a 1.2 m wide
// wheelchair path fits and floods them from the entrances.
WalkwayGrid walkway_grid(const Centre& c, const std::vector<Entrance>& entrances) {
    constexpr float margin = 1.6f;  // room outside for the entrances' porches
    constexpr float max_cells = 4.0e6f;  // a 100 x 100 m building at 5 cm; larger ones get coarser cells
    glm::vec2 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const Room& r : c.rooms)
        for (glm::vec2 p : r.outline) lo = glm::min(lo, p), hi = glm::max(hi, p);
    WalkwayGrid g;
    const glm::vec2 extent = hi - lo + 2.0f * margin;
    g.cell = std::max(kWalkwayCell, std::sqrt(extent.x * extent.y / max_cells));
    g.origin = lo - margin;
    g.nx = std::max(1, int(std::ceil(extent.x / g.cell)));
    g.ny = std::max(1, int(std::ceil(extent.y / g.cell)));
    g.flags.assign(std::size_t(g.nx) * std::size_t(g.ny), 0);

    const float touch = 0.5f * g.cell * std::sqrt(2.0f);  // a cell touching a line has its centre this close
    for (const Room& r : c.rooms) {
        walkway_fill_outline(g, r.outline, WalkwayGrid::kOpen);
        for (std::size_t w = 0; w < r.outline.size(); ++w) {
            const glm::vec2 a = r.outline[w], b = r.outline[(w + 1) % r.outline.size()];
            g.for_cells(glm::min(a, b) - touch, glm::max(a, b) + touch, [&](int i, int j, glm::vec2 p) {
                if (walkway_segment_distance(a, b, p) <= touch) g.flags[g.index(i, j)] |= WalkwayGrid::kObstacle;
            });
        }
    }
    // Door gaps, from every room: a door in a shared wall opens both rooms' walls.
    for (const Room& r : c.rooms)
        for (const Door& d : r.doors) {
            if (!criteria_door_valid(r, d)) continue;
            const glm::vec2 a = r.outline[std::size_t(d.wall)];
            const glm::vec2 b = r.outline[(std::size_t(d.wall) + 1) % r.outline.size()];
            const glm::vec2 along = glm::normalize(b - a), across{along.y, -along.x};
            const glm::vec2 s = a + along * d.at_m, e = s + along * d.width_m;
            g.for_cells(glm::min(s, e) - 2.0f * g.cell, glm::max(s, e) + 2.0f * g.cell, [&](int i, int j, glm::vec2 p) {
                const float u = glm::dot(p - s, along), t = glm::dot(p - s, across);
                if (u > touch && u < d.width_m - touch && std::fabs(t) <= touch)
                    g.flags[g.index(i, j)] &= std::uint8_t(~WalkwayGrid::kObstacle);
            });
        }
    for (const Entrance& en : entrances)  // the porch outside an entrance, 1.5 m deep
        g.for_cells(en.mid - glm::vec2(2.0f + 0.5f * en.width), en.mid + glm::vec2(2.0f + 0.5f * en.width),
                    [&](int i, int j, glm::vec2 p) {
                        const float u = glm::dot(p - en.mid, en.along), t = glm::dot(p - en.mid, en.outward);
                        if (std::fabs(u) <= 0.5f * en.width && t >= 0.0f && t <= 1.5f)
                            g.flags[g.index(i, j)] |= WalkwayGrid::kOpen;
                    });
    // Fixtures standing in the way (anything starting below head height), grown by half a cell.
    for (const Fixture& f : c.fixtures) {
        if (f.pos.y >= 2.1f) continue;
        const FixtureFrame frame = fixture_frame(f);
        const float reach = glm::length(frame.half) + g.cell;
        g.for_cells(frame.centre - reach, frame.centre + reach, [&](int i, int j, glm::vec2 p) {
            const glm::vec2 l = glm::abs(frame.to_local(p));
            if (l.x <= frame.half.x + 0.5f * g.cell && l.y <= frame.half.y + 0.5f * g.cell)
                g.flags[g.index(i, j)] |= WalkwayGrid::kObstacle;
        });
    }
    // Cell centres lie up to half a cell inside an obstacle's rasterised edge: hence the allowance.
    walkway_mark_passable(g, 0.5f * kWalkwayClearWidth - 0.5f * g.cell);

    constexpr std::uint8_t walkable = WalkwayGrid::kOpen | WalkwayGrid::kPassable;
    std::vector<glm::ivec2> stack;  // flood fill; the order does not matter
    const auto visit = [&](glm::ivec2 q) {
        if (!g.valid(q)) return;
        std::uint8_t& cell = g.flags[g.index(q.x, q.y)];
        if ((cell & walkable) != walkable || (cell & (WalkwayGrid::kReached | WalkwayGrid::kObstacle))) return;
        cell |= WalkwayGrid::kReached;
        stack.push_back(q);
    };
    for (const Entrance& en : entrances) visit(g.cell_of(en.mid + 1.0f * en.outward));
    while (!stack.empty()) {
        const glm::ivec2 p = stack.back();
        stack.pop_back();
        visit(p + glm::ivec2(1, 0));
        visit(p - glm::ivec2(1, 0));
        visit(p + glm::ivec2(0, 1));
        visit(p - glm::ivec2(0, 1));
    }
    return g;
}

// walkway: 1.2 m clear paths from an entrance to every zone and to every fixture with products.
void check_walkways(Checker& k) {
    const Centre& c = k.centre;
    const std::vector<Entrance> entrances = walkway_entrances(c);
    if (entrances.empty()) {
        k.add("walkway", "centre", "rooms", centre_middle(c),
              "The centre has no door, so no zone can be reached from an entrance.");
        return;
    }
    const WalkwayGrid g = walkway_grid(c, entrances);
    for (const Entrance& en : entrances) {
        bool inside = false;
        g.for_cells(en.mid - 1.5f, en.mid + 1.5f, [&](int i, int j, glm::vec2 p) {
            inside = inside || (g.has(i, j, WalkwayGrid::kReached) && outline_contains(en.room->outline, p));
        });
        if (!inside)
            k.add("walkway", "door " + std::to_string(en.door_index) + " of room " + en.room->id,
                  criteria_index("rooms", en.room_index) + "." + criteria_index("doors", en.door_index), en.mid,
                  "A wheelchair cannot come in through this entrance: it is " + criteria_metres(en.width) +
                      " m wide or blocked, and the path needs " + criteria_metres(kWalkwayClearWidth, 1) + " m clear.");
    }
    for (std::size_t zi = 0; zi < c.zones.size(); ++zi) {
        const Zone& z = c.zones[zi];
        bool reached = false;
        g.for_cells(z.min, z.max, [&](int i, int j, glm::vec2) { reached = reached || g.has(i, j, WalkwayGrid::kReached); });
        if (!reached)
            k.add("walkway", "zone " + z.id, criteria_index("zones", zi), zone_centre(z),
                  "No path " + criteria_metres(kWalkwayClearWidth, 1) + " m wide leads from an entrance into this zone.");
    }
    for (std::size_t fi = 0; fi < c.fixtures.size(); ++fi) {
        const Fixture& f = c.fixtures[fi];
        const bool holds = std::any_of(c.placements.begin(), c.placements.end(),
                                       [&](const Placement& p) { return p.on == f.id; });
        if (!holds) continue;
        const FixtureFrame frame = fixture_frame(f);
        const float reach = glm::length(frame.half) + kReachDistance + g.cell;
        bool near = false;
        g.for_cells(frame.centre - reach, frame.centre + reach, [&](int i, int j, glm::vec2 p) {
            near = near || (g.has(i, j, WalkwayGrid::kReached) && frame.distance(p) <= kReachDistance);
        });
        if (!near)
            k.add("walkway", "fixture " + f.id, criteria_index("fixtures", fi), frame.centre,
                  "A wheelchair cannot come within " + criteria_metres(kReachDistance, 1) +
                      " m of this fixture's products on a path " + criteria_metres(kWalkwayClearWidth, 1) + " m wide.");
    }
}

// labels: every product on sale has a tag, and the tag has everything OCOP asks it to show.
void check_labels(Checker& k) {
    for (std::size_t i = 0; i < k.centre.placements.size(); ++i) {
        const Placement& p = k.centre.placements[i];
        const Fixture* f = k.centre.find_fixture(p.on);
        const Zone* z = f ? k.centre.find_zone(f->zone) : nullptr;
        const Product* product = k.catalogue.find(p.product);
        if (!z || z->function != ZoneFunction::DisplaySale || !product) continue;  // unknown SKUs: placement rule
        const std::string where = criteria_index("placements", i);
        const std::string object = "product " + p.product;
        if (!p.label)
            k.add("labels", object, where + ".label", plan(f->pos),
                  "The product is on sale in zone " + z->id + " but has no price tag (label is false).");
        std::vector<std::string> missing;
        if (product->name.vi.empty()) missing.emplace_back("name.vi");
        if (product->name.en.empty()) missing.emplace_back("name.en");
        if (product->ocop_stars < 3 || product->ocop_stars > 5)
            missing.emplace_back("ocop_stars (" + std::to_string(product->ocop_stars) + ", expected 3 to 5)");
        if (product->producer.empty()) missing.emplace_back("producer");
        if (product->commune.empty()) missing.emplace_back("commune");
        if (product->price_vnd <= 0) missing.emplace_back("price_vnd");
        for (const std::string& field : missing)
            k.add("labels", object, where, plan(f->pos),
                  "Its price tag lacks the catalogue's " + field + ", which an OCOP tag must show.");
    }
}

// tour: visitors have somewhere to start, and every waypoint stands in a room.
void check_tour(Checker& k) {
    if (k.centre.tour.waypoints.empty()) {
        k.add("tour", "tour", "tour.waypoints", centre_middle(k.centre), "The tour has no waypoint to start from.");
        return;
    }
    for (std::size_t i = 0; i < k.centre.tour.waypoints.size(); ++i) {
        const Waypoint& w = k.centre.tour.waypoints[i];
        const bool inside = std::any_of(k.centre.rooms.begin(), k.centre.rooms.end(),
                                        [&](const Room& r) { return outline_contains(r.outline, plan(w.pos)); });
        if (!inside)
            k.add("tour", "waypoint " + w.id, criteria_index("tour.waypoints", i), plan(w.pos),
                  "The waypoint stands outside every room.");
    }
}

}  // namespace criteria_detail

float minimum_zone_area(ZoneFunction function) {
    switch (function) {
        case ZoneFunction::DisplaySale: return 40.0f;
        case ZoneFunction::Workshop: return 15.0f;
        case ZoneFunction::Demonstration: return 15.0f;
        case ZoneFunction::Photography: return 6.0f;
    }
    return 0.0f;
}

std::vector<Finding> check_centre(const Centre& centre, const Catalogue& catalogue) {
    using namespace criteria_detail;
    Checker k{centre, catalogue, {}};
    check_four_spaces(k);
    check_zone_areas(k);
    check_placements(k);
    check_overlaps(k);
    if (criteria_rooms_valid(centre)) check_walkways(k);
    check_labels(k);
    check_tour(k);
    return std::move(k.findings);
}

}  // namespace ocop::scene
