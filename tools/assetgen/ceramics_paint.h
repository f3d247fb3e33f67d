// What a Bát Tràng potter paints and what the kiln does to it: cobalt brushwork (lotus pond,
// lotus-petal panels, chrysanthemum scroll, banana leaves, cloud collar), crackle networks,
// iron speckles, throwing rings and the scan-like grain of a photographed glaze.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "generators.h"
#include "lathe.h"

namespace ocop::samples {

// A cell of a painted band: x across from the cell's centre, y up from the band's lower edge,
// both in metres on the surface; w and h the cell's size.
struct MotifCell {
    float x = 0, y = 0, w = 0, h = 0;
    int index = 0;  // which repeat round the pot (for variation between repeats)
};
MotifCell motif_cell(const Lathe& lathe, float u, const LatheRow& row, float lo_s, float hi_s, int repeats,
                     float phase = 0.0f);

// Cobalt amounts in 0..1: outlines near 1, washes 0.3-0.6, 0 = bare glaze.
float lotus_pond_ink(const MotifCell& c);         // flowers, round leaves, stems, buds, water weed
float lotus_petal_panels_ink(const MotifCell& c); // cánh sen round the foot
float chrysanthemum_scroll_ink(const MotifCell& c);
float banana_leaf_ink(const MotifCell& c);
float cloud_collar_ink(const MotifCell& c);

// Ink with the hand in it: brush loads vary along the stroke, cobalt heaps and bleeds.
float cobalt_variation(glm::vec3 p, float ink);
// Cobalt over white glaze, sRGB 0..1: pale wash to near-black heaped strokes.
glm::vec3 cobalt_on_glaze(glm::vec3 glaze, float ink);

// Crack darkness 0..1 of a two-scale crackle network (men rạn), seamless in u.
float crackle_network(float u, const LatheRow& row, int cells_around, std::uint32_t seed);

// Iron speckles: dark spots where iron grains melt through a glaze, 0..1.
float iron_speckles(glm::vec3 p, float density, std::uint32_t seed);

// Throwing rings: the faint spiral ridges a potter's fingers leave, height in metres.
float throwing_rings(float u, const LatheRow& row, float pitch, float amplitude);

// Fine grain of a scanned texture (sensor noise, dust, pinholes) as a factor near 1.
float scan_grain(float u, const LatheRow& row, std::uint32_t seed);

// Unglazed stoneware of the foot, sRGB 0..1: buff to orange where the kiln flashed it.
glm::vec3 biscuit_colour(glm::vec3 p, glm::vec3 tint);

// ---------------------------------------------------------------------------------------------
// Thrown pots: profile zones, the vessel profile, irregularity, material and file plumbing.

enum PotZone { kUnderside, kFoot, kOuter, kLip, kInner, kFloor, kLidTop, kLidUnder, kKnob, kPotZones };

// A thrown vessel: recessed underside, unglazed foot ring, outer wall from the control points,
// rounded lip, the inside down to `inner_floor_y` and the cavity floor.
struct Vessel {
    std::vector<glm::vec2> outer_control;  // (radius, height) from the foot's outer edge to the rim
    float wall = 0.005f;
    float foot_inner_radius = 0.04f;
    float underside_height = 0.005f;
    float inner_floor_y = 0.01f;
    int outer_rows = 120;
    int inner_rows = 60;
};
std::vector<LatheSegment> pot_profile(const Vessel& v);

// Arc length on the outside at height y (for painting bands at real heights).
float pot_s_at(const Lathe& lathe, float y);

// Hand-thrown, not machined: a slightly oval, slightly leaning wall whose thickness varies.
std::function<float(float, const LatheRow&)> pot_irregularity(float height, float scale, std::uint32_t seed);

std::vector<float> pot_texture_weights();

// R occlusion (profile AO with scan noise), G roughness, B metallic 0.
glm::vec4 pot_orm(float u, const LatheRow& row, float glaze_roughness, bool glazed);

// A glaze material with these images (-1 = none); v never wraps on a lathe.
assets::Material pot_material(const std::string& name, int base, int orm, int normal);

SampleFile pot_sample(std::string name, FileFormat format, std::string units, std::string up, assets::Model model);

// Jade celadon: darker and greener where the glaze pools (incisions, hollows), paler on edges.
glm::vec3 celadon_colour(glm::vec3 p, float u, const LatheRow& row, float pool, float thin);

}  // namespace ocop::samples
