// Geometry for the fibre and wood samples (fibre_wood.cpp): strands swept along paths (rattan,
// bamboo, binding), rounded boxes (carved wood), a polygoniser for smooth signed-distance
// figures (the gilded statue) and the chart atlas a scanner's texture bake would give it.
// Everything is deterministic: the same inputs give the same vertices in the same order.
#pragma once

#include <cstdint>
#include <functional>
#include <glm/glm.hpp>
#include <vector>

#include "assets/model.h"

namespace ocop::samples::weave {

// One vertex with every attribute the samples use; colours are linear RGBA (PLY vertex colour).
struct Vertex {
    glm::vec3 position{0.0f};
    glm::vec3 normal{0.0f, 1.0f, 0.0f};
    glm::vec2 uv{0.0f};
    glm::vec4 colour{1.0f};
};

std::uint32_t add_vertex(assets::Mesh& mesh, const Vertex& v);
// Two triangles a-b-c, a-c-d (counter-clockwise seen from the front).
void add_quad(assets::Mesh& mesh, std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d);
// Appends `from` (indices shifted); both must carry the same attributes.
void append_mesh(assets::Mesh& into, const assets::Mesh& from);

// A closed cross-section in the sweep's (side, binormal) plane, counter-clockwise, with the
// outward normal of each point.
struct Section {
    std::vector<glm::vec2> points;
    std::vector<glm::vec2> normals;
};
// |x/a|^e + |y/b|^e = 1: e = 2 an ellipse (a round cane), e = 4-6 a flat strip with rounded edges.
Section superellipse_section(float half_side, float half_binormal, float exponent, int count);

// A path to sweep a section along; `sides` gives the direction of the section's first axis at
// each point (it is made orthogonal to the path). Empty sides: parallel transport.
struct Path {
    std::vector<glm::vec3> points;
    std::vector<glm::vec3> sides;
    bool closed = false;
};

// What a sweep asks of the caller for each vertex: the ring (index along the path), the arc
// length there (metres) and the section point index.
using StrandColour = std::function<glm::vec4(std::size_t ring, float arc, std::size_t k)>;

// Sweeps `section` along `path` (uv: u round the section, v = arc length * v_per_metre). Open
// paths get flat end caps. The seam ring and column are duplicated so textures do not wrap badly.
void sweep(assets::Mesh& mesh, const Path& path, const Section& section, float v_per_metre,
           const StrandColour& colour = {});

// A box of half extents `half` centred at `centre` with edges rounded to `radius`, from a cube
// whose faces are gridded finely on the bevels; uv by box projection, `uv_per_metre`, 0.5 at
// the box's centre (a box under 1 / uv_per_metre wide never crosses a texture seam).
void rounded_box(assets::Mesh& mesh, glm::vec3 centre, glm::vec3 half, float radius, float uv_per_metre,
                 int bevel_steps = 4);

// Naive surface nets (Gibson 1998, "Constrained elastic surface nets") over a signed distance
// function (negative inside) sampled every `cell` metres in [lo, hi]: one vertex per cell the
// surface crosses, pulled onto the surface by a Newton step, one quad per crossed grid edge.
// Blocks of cells far from the surface (|distance| above their radius) are skipped, so the cost
// follows the surface area. Normals come from the distance gradient.
using DistanceField = std::function<float(glm::vec3)>;
assets::Mesh polygonise(const DistanceField& sdf, glm::vec3 lo, glm::vec3 hi, float cell);

// A scanner-style texture atlas: triangles grouped into charts by their dominant axis (six
// directions, speckle merged into neighbours), each chart projected onto its plane and packed
// by shelves into a size x size image. Vertices on chart borders are split; `source_vertex`
// says which original vertex each new one copies. `texels` tells, for every texel, the triangle
// covering it (-1: none) and the barycentric weights there, for baking.
struct Atlas {
    int size = 0;
    std::vector<std::uint32_t> source_vertex;
    struct Texel {
        std::int32_t triangle = -1;
        glm::vec3 weights{0.0f};
    };
    std::vector<Texel> texels;
    std::size_t chart_count = 0;
};
Atlas unwrap_charts(assets::Mesh& mesh, int size, int padding_texels = 3);

// Fills empty texels (no triangle) from covered neighbours, `passes` texels deep: the gutter
// that keeps bilinear filtering and mipmaps from bleeding the background into the charts.
void dilate_rgba(std::vector<std::uint8_t>& rgba, const Atlas& atlas, int passes);

}  // namespace ocop::samples::weave
