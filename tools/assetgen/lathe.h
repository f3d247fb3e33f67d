// Turned and thrown shapes: a (radius, height) profile swept round a footprint, as a potter's
// wheel or a lacquer turner makes them; with hand-made irregularity, baked occlusion and
// texture painting in the lathe's own (u around, v along the profile) parametrisation.
// Also a tube swept along a path (spouts, handles, knobs). Shared by the sample generators.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "procedural.h"

namespace ocop::samples {

// One smooth run of the profile: (radius, height) points in metres, from the underside centre
// out, up the outside, over the lip and down the inside, so that the right-hand normal of the
// walking direction faces out. A crease separates consecutive segments.
struct LatheSegment {
    std::vector<glm::vec2> points;
    int zone = 0;  // the generator's own meaning (foot, body, lid, inside, ...)
    std::vector<int> point_zones;  // per point when not empty (outside, lip, inside of one smooth wall)
};

// A footprint shape: a superellipse |x|^n + |z|^n = 1 scaled by `scale` (n = 2: a circle;
// n = 6..10: a rounded rectangle for boxes and trays).
struct Footprint {
    float exponent = 2.0f;
    glm::vec2 scale{1.0f};
};

// One ring of the lathe (one profile point), or a blend of two when looked up by v.
struct LatheRow {
    glm::vec2 p{0.0f};       // (radius, height), metres, undisplaced
    glm::vec2 normal{0.0f};  // unit, in the profile plane
    int zone = 0;
    float s = 0.0f;          // arc length along the profile from its start, metres
    float v = 0.0f;          // texture coordinate (0 at the top of the image)
    float occlusion = 1.0f;  // ambient occlusion baked from the profile (1 = open)
    // Conformal coordinate: the integral of ds / circumference. (u, t) keeps shapes round
    // (cells, speckles, cracks) however the radius changes, and is seamless in u.
    float t = 0.0f;
};

struct LatheSettings {
    int around = 128;  // columns round the footprint
    Footprint footprint;
    // Texture rows per metre of profile, by zone (missing zones get 1): keeps detail where it shows.
    std::vector<float> zone_texture_weight;
    // Offset along the surface normal, metres, as a function of (u, row): uneven walls,
    // throwing rings, lobes. Empty = none.
    std::function<float(float u, const LatheRow& row)> displacement;
};

struct Lathe {
    assets::Mesh mesh;
    std::vector<LatheRow> rows;  // one per profile point, in order
    std::vector<glm::vec2> footprint_points;  // around + 1 unit points, even by arc length
    float footprint_length = 0.0f;            // perimeter of the unit footprint

    LatheRow row_at(float v) const;  // interpolated between the rings around v
    // The undisplaced surface point at (u, row), metres.
    glm::vec3 point(float u, const LatheRow& row) const;
    // Surface metres round the footprint at this row: u * circumference.
    float circumference(const LatheRow& row) const { return row.p.x * footprint_length; }
};

Lathe make_lathe(const std::vector<LatheSegment>& profile, const LatheSettings& settings, const std::string& name);

// Profile building.
std::vector<glm::vec2> lathe_spline(std::span<const glm::vec2> control, int steps_per_span);  // Catmull-Rom
std::vector<glm::vec2> lathe_resample(const std::vector<glm::vec2>& dense, int count);       // even arc length
std::vector<glm::vec2> lathe_line(glm::vec2 from, glm::vec2 to, int count);
// The wall's inside: `outer` offset inwards by `wall`, walked the other way (top down).
std::vector<glm::vec2> lathe_inner_wall(const std::vector<glm::vec2>& outer, float wall);
// A polyline through `corners` with every inner corner rounded by a fillet of `radius`
// (`arc_points` points each) and straight runs subdivided every `spacing` metres: turned
// and lacquered edges are never knife-sharp, and one smooth segment keeps normals soft.
std::vector<glm::vec2> lathe_rounded(const std::vector<glm::vec2>& corners, float radius, int arc_points, float spacing);
// A rounded lip from the end of `outer` to the start of its inner wall (half circle).
std::vector<glm::vec2> lathe_lip(const std::vector<glm::vec2>& outer, float wall, int count);

// Paints every texel of an RGBA image (u across, v down) from the row under it: rows run in
// parallel. `colour` returns RGBA in 0..1, already encoded (sRGB for colour slots).
assets::Image paint_lathe(const Lathe& lathe, int width, int height, const std::string& name,
                          const std::function<glm::vec4(float u, const LatheRow& row)>& colour);

// The same, into the rectangle `rect` (x0, y0, x1, y1 in 0..1) of a shared atlas; then
// lathe_fit_uv moves the lathe's UVs there.
void paint_lathe_into(Canvas& canvas, glm::vec4 rect, const Lathe& lathe,
                      const std::function<glm::vec4(float u, const LatheRow& row)>& colour);
void lathe_fit_uv(assets::Mesh& mesh, glm::vec4 rect);

// Linear vertex colours (PLY scans) from an sRGB colour function of (u, row).
void lathe_vertex_colours(Lathe& lathe, const std::function<glm::vec3(float u, const LatheRow& row)>& srgb);

// A tangent-space normal map (+Y towards smaller v) from a height field in metres.
assets::Image lathe_normal_map(const Lathe& lathe, int width, int height, const std::string& name,
                               const std::function<float(float u, const LatheRow& row)>& height_m);

// A closed tube along `path` with a radius per path point (ends capped by shrinking to the
// axis when the end radius is 0). UV: u round, v along the path, mapped into `uv_rect`
// (x0, y0, x1, y1) of the texture. Normals from the geometry.
assets::Mesh sweep_tube(const std::vector<glm::vec3>& path, const std::vector<float>& radius, int around,
                        glm::vec4 uv_rect, const std::string& name);

// Smooth per-vertex normals of a regular grid of vertices from `first`, row by row (`columns`
// vertices a row; with `wrap` the last column duplicates the first): cross(d/dcolumn, d/drow): used by the lathe and the tube.
void grid_normals(assets::Mesh& mesh, std::size_t first, int rows, int columns, bool wrap);

}  // namespace ocop::samples
