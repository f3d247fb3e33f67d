// Cloth for the textile and food samples: surfaces sampled on a grid (drape as displacement, no
// simulation), and the Vạn Phúc silk painter (weave in the normal map, jacquard or brocade motifs,
// fibre-level colour noise, baked occlusion). Deterministic like every generator.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"

namespace ocop::samples::cloth {

// π without the name `kPi`: vase.cpp keeps a file-local one that a unity build would make ambiguous.
constexpr float kClothPi = 3.14159265358979f;

// A parametric surface, (u, v) in [0, 1]², sampled on (columns + 1) x (rows + 1) vertices.
// The front face is the side cross(dP/du, dP/dv) points to (counter-clockwise winding).
struct Grid {
    int columns = 1;
    int rows = 1;
    bool wrap_u = false;         // a tube: column `columns` is column 0 again (normals see across)
    glm::vec4 uv_rect{0, 0, 1, 1};  // where (u, v) lands in the texture atlas: x0, y0, x1, y1
};
using Surface = std::function<glm::vec3(float u, float v)>;

// Positions, normals and tangents from the grid (central differences), UVs in the atlas rect.
assets::Mesh grid_mesh(std::string name, const Grid& grid, const Surface& surface);

// Appends `part` to `into` (same material): fewer meshes, fewer draws.
void append_mesh(assets::Mesh& into, const assets::Mesh& part);

// Adds the other side of a sheet as its own triangles (normals reversed, winding flipped), for
// formats without a double-sided flag (OBJ, PLY): a folded cloth shows both of its sides.
void add_back_faces(assets::Mesh& mesh);

// Moves a mesh (normals and tangents follow; no mirroring).
void transform_mesh(assets::Mesh& mesh, const glm::mat4& transform);

// A tube of `radius` along a polyline (rolled hems, bamboo ties, poles), closed around.
assets::Mesh tube_mesh(std::string name, const std::vector<glm::vec3>& path, float radius,
                       int around, glm::vec4 uv_rect = {0, 0, 1, 1});

// A solid of revolution about +Y through (radius, height) points listed bottom to top; the
// bottom and top are closed when the first/last radius is zero. u around from the front (+Z).
assets::Mesh lathe_mesh(std::string name, const std::vector<glm::vec2>& profile, int around,
                        glm::vec4 uv_rect = {0, 0, 1, 1});

// An axis-aligned box, outward normals, for hidden fillers and simple parts.
assets::Mesh box_mesh(std::string name, glm::vec3 min, glm::vec3 max);

// Cloth folded back and forth into a flat stack (a bolt of silk on the shop shelf, a folded
// scarf): layers along X joined by round fold loops at alternate ends, cut edges at ±Z.
struct FoldedStack {
    float width = 0.4f;     // x, fold loop to fold loop
    float depth = 0.28f;    // z, edge to edge
    int layers = 20;
    float spacing = 0.003f;  // between layers
    float top_wave = 0.002f;  // soft unevenness of the top layer
    float edge_jitter = 0.0015f;  // layers never line up exactly at the cut edges
    int across = 18;          // grid steps along a layer
    int loop_steps = 8;       // along a fold loop
    int along = 36;           // along z
    std::uint32_t seed = 1;
};
// The stack as one mesh standing on y = 0, centred on X/Z; UVs are metres / `tile_m` (repeat).
assets::Mesh folded_stack_mesh(const FoldedStack& stack, float tile_m, const std::string& name);
// Top of the stack's top layer at (x, z), for things laid on it.
float folded_stack_top(const FoldedStack& stack, float x, float z);

enum class Motif {
    Plain,     // plain satin silk
    Tho,       // Vạn Phúc jacquard: round "chữ thọ" medallions with small plum flowers between
    Floral,    // Vạn Phúc jacquard: a lotus-and-cloud scroll
    Brocade,   // Trạch Xá gấm: gold-thread medallions and scrolls on a coloured ground
};

struct SilkLook {
    glm::vec3 colour{0.6f, 0.05f, 0.06f};  // the dyed fibre, sRGB 0..1
    Motif motif = Motif::Plain;
    float motif_period = 0.07f;              // metres between medallions
    glm::vec3 motif_colour{0.8f, 0.62f, 0.25f};  // brocade thread (sRGB); jacquard shifts the ground
    float thread_pitch = 0.0011f;            // metres: exaggerated so the weave reads in close-ups
    float roughness = 0.58f;                 // of the ground weave
    bool sheen = true;                       // silk; false for the dress form's linen cover
    float tile_m = 0.0f;  // > 0: the painter makes a seamless tile of this size (repeat UVs)
    std::uint32_t seed = 1;
};

// What the painter needs for a texel: where it lies on the cloth (metres along u and v) and
// the occlusion baked there. `valid == false` leaves the ground colour (atlas padding).
struct ClothPoint {
    glm::vec2 metres{0.0f};
    float occlusion = 1.0f;
    bool valid = true;
};
// One garment part in the atlas: its rect (as in Grid::uv_rect), its size in metres along u
// and v, and its baked occlusion over (u, v).
struct AtlasPart {
    glm::vec4 uv_rect{0, 0, 1, 1};
    glm::vec2 size_m{1.0f};
    std::function<float(float u, float v)> occlusion;  // may be empty: 1 everywhere
};

struct SilkMaps {
    assets::Image base_colour;  // sRGB
    assets::Image normal;       // tangent space, +Y towards smaller v (glTF)
    assets::Image orm;          // occlusion, roughness, metallic
};
// Paints an atlas of `parts` (texels outside every part take the nearest part's edge).
SilkMaps paint_silk(const SilkLook& look, int size, const std::vector<AtlasPart>& parts,
                    const std::string& name);

// Adds the maps to `model` and returns a silk material: sheen of the fibre's colour
// (KHR_materials_sheen, roughness 0.4), base roughness from the ORM map, double-sided.
int add_silk_material(assets::Model& model, SilkMaps maps, const std::string& name,
                      const SilkLook& look);

// A 0..1 value that varies slowly and without pattern: scan-like mottling.
float mottle(glm::vec2 metres, float scale, std::uint32_t seed);

// Fine wood with an oil finish for stands, poles and bases: grain along v.
struct WoodLook {
    glm::vec3 light{0.55f, 0.36f, 0.22f};  // sRGB
    glm::vec3 dark{0.33f, 0.19f, 0.11f};
    float roughness = 0.45f;
    std::uint32_t seed = 7;
};
int add_wood_material(assets::Model& model, const WoodLook& look, int size, const std::string& name);

// Encodes a tangent-space normal (unit, z up) as a normal-map texel.
glm::vec4 encode_normal(glm::vec3 n);

}  // namespace ocop::samples::cloth
