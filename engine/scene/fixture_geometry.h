// Private to the fixture library (fixtures.cpp, fixture_*.cpp): the proportions that both the
// slots and the geometry depend on, a small mesh builder for furniture (bevelled boxes, lathed
// round parts, rods, extruded profiles, printed faces) and the fixtures' materials.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "scene/brand.h"
#include "scene/centre.h"
#include "scene/fixtures.h"

namespace ocop::scene {

// ---- proportions shared by slots and geometry (fixture space, metres) ----

struct WallShelfLayout {
    int boards = 4;
    float side_m = 0.018f;   // side panels
    float back_m = 0.012f;   // back panel, against the wall at z = -depth/2
    float kick_m = 0.08f;    // recessed plinth under the lowest board
    float board_m = 0.025f;  // board thickness
    float spacing_m = 0.0f;  // from one board's underside to the next
    float inner_width_m = 0.0f;
    float board_depth_m = 0.0f;
    float board_z_m = 0.0f;  // centre of a board's depth
};
WallShelfLayout wall_shelf_layout(glm::vec3 size);

struct VitrineLayout {
    float base_m = 0.9f;    // cabinet base height (its top is the lowest level)
    float cap_m = 0.05f;    // lit top cap
    float frame_m = 0.025f; // corner posts
    float shelf_m = 0.01f;  // glass shelf thickness
    int levels = 3;         // the deck plus the glass shelves
    std::array<float, 3> level_y_m{};  // where products stand on each level
    float clear_height_m = 0.0f;
    float inner_width_m = 0.0f;
    float inner_depth_m = 0.0f;
};
VitrineLayout vitrine_layout(glm::vec3 size);

struct FoodDisplayLayout {
    float table_top_m = 0.0f;
    float front_tier_y_m = 0.0f;  // the back tier is at the fixture's height
    float tier_depth_m = 0.0f;
    float front_tier_z_m = 0.0f;
    float back_tier_z_m = 0.0f;
};
FoodDisplayLayout food_display_layout(glm::vec3 size);

float potters_wheel_head_diameter(glm::vec3 size);

struct PhotoSweepLayout {
    float table_top_m = 0.0f;
    float sweep_radius_m = 0.0f;
    float turntable_radius_m = 0.0f;
    float turntable_top_m = 0.0f;
    float turntable_z_m = 0.0f;
};
PhotoSweepLayout photo_sweep_layout(glm::vec3 size);

// ---- the mesh builder ----

// Collects triangles per material (one mesh per material), in fixture space, through an
// optional placement frame (for tilted or rotated parts). Every vertex gets a unit normal and
// a UV in metres (textures repeat per metre unless a part sets its own UVs).
class FixtureBuilder {
public:
    int material(const assets::Material& m);  // the same name -> the same index
    int image(assets::Image image);

    void set_frame(const glm::mat4& frame);
    void reset_frame() { set_frame(glm::mat4(1.0f)); }

    // An axis-aligned box with its 12 edges chamfered by `bevel` (flat facets that catch a
    // highlight like a real sanded edge). `uv_scale` multiplies the metre UVs.
    void box(int material, glm::vec3 min, glm::vec3 max, float bevel = 0.0f, glm::vec2 uv_scale = glm::vec2(1.0f));
    // A solid of revolution about +Y through `base`: profile points (radius, height) from
    // bottom to top; a radius of 0 closes the end. Normals are smoothed across profile corners
    // sharper than `crease_deg` only where the turn is gentler.
    void lathe(int material, glm::vec3 base, std::span<const glm::vec2> profile, int segments,
               float crease_deg = 35.0f);
    void cylinder(int material, glm::vec3 base, float radius, float height, int segments, float bevel = 0.0f);
    // A round rod from a to b (legs, stands, threads).
    void rod(int material, glm::vec3 a, glm::vec3 b, float radius, int segments = 8);
    // A profile in the (z, y) plane extruded along x from x0 to x1 (a sweep, a riser),
    // smooth across gentle turns; front faces point to the profile's left when walking it.
    void extrude_x(int material, std::span<const glm::vec2> profile_zy, float x0, float x1, float crease_deg = 35.0f);
    // A flat rectangle facing `normal` with UVs (0,0) top-left .. (1,1) bottom-right; corners
    // counter-clockwise seen from the front: bottom-left, bottom-right, top-right, top-left.
    void quad(int material, glm::vec3 bl, glm::vec3 br, glm::vec3 tr, glm::vec3 tl);
    void triangle_fan_polygon(int material, std::span<const glm::vec3> ccw, glm::vec3 normal);

    assets::Model finish(const std::string& name) &&;

private:
    assets::Mesh& mesh_for(int material);
    std::uint32_t vertex(assets::Mesh& m, glm::vec3 p, glm::vec3 n, glm::vec2 uv);

    glm::mat4 frame_{1.0f};
    glm::mat3 normal_frame_{1.0f};  // inverse transpose of frame_, for normals under scaling
    std::vector<assets::Mesh> meshes_;  // indexed by material
    std::vector<assets::Material> materials_;
    std::vector<assets::Image> images_;
};

// ---- materials ----

assets::Material fixture_paint(const std::string& name, glm::vec3 srgb, float roughness = 0.45f);
assets::Material fixture_metal(const std::string& name, glm::vec3 srgb, float roughness = 0.35f);
assets::Material fixture_glass();
assets::Material fixture_emissive(const std::string& name, glm::vec3 srgb, float strength);
// Oiled wood with a procedural grain texture (deterministic), added to the builder.
int fixture_wood(FixtureBuilder& b, const std::string& name, glm::vec3 srgb, std::uint32_t seed);
// A printed face: `image` as the base colour, matte paper or print on board.
int fixture_print(FixtureBuilder& b, const std::string& name, assets::Image image);
glm::vec3 fixture_srgb_to_linear(glm::vec3 srgb);

// ---- printed faces (fixture_posters.cpp) ----

// The face of a wall panel (a poster above the sign band) or of an information panel (the sign
// band above a text-and-picture layout, or above the poster when `graphic` names one), for a
// face of `face_m` metres.
assets::Image fixture_panel_image(const Fixture& fixture, const Brand& brand, glm::vec2 face_m, bool information);
// A workshop screen's slide: the sign across the middle of the brand's paper.
assets::Image fixture_slide_image(const Fixture& fixture, const Brand& brand, int width_px, int height_px);

// ---- geometry per type ----

void build_fixture_geometry(FixtureBuilder& b, const FixtureType& type, glm::vec3 size, const Fixture& fixture,
                            const Brand& brand);
// fixture_furniture.cpp: display and sale furniture.
bool build_furniture(FixtureBuilder& b, std::string_view type, glm::vec3 size, const Brand& brand);
// fixture_craft.cpp: demonstration, photography, signs and panels.
bool build_craft_fixture(FixtureBuilder& b, std::string_view type, glm::vec3 size, const Fixture& fixture,
                         const Brand& brand);

}  // namespace ocop::scene
