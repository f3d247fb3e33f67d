// What Hạ Thái and Chuyên Mỹ lacquerers lay on: black and cinnabar lacquer polished under a
// clear coat, gold leaf with its sheet seams, crushed eggshell tiles and cut mother-of-pearl.
// Shared by lacquer.cpp (turned boxes, trays, the vase) and lacquer_panel.cpp (the painting).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <glm/glm.hpp>

#include "generators.h"
#include "lathe.h"
#include "procedural.h"

namespace ocop::samples {

// One texel of a lacquered surface: colour (sRGB 0..1) and the layers under the clear coat.
struct LacquerTexel {
    glm::vec3 colour{0.0f};
    float roughness = 0.35f;  // under the clear coat
    float metallic = 0.0f;    // gold and silver leaf
    float pearl = 0.0f;       // KHR_materials_iridescence factor (mother-of-pearl)
    float thickness = 0.5f;   // iridescence film thickness, 0..1 of its range
};

// The textures of a lacquered object: base colour, occlusion-roughness-metallic, iridescence
// (R factor, G thickness).
struct LacquerCanvases {
    Canvas base, orm, pearl;
    explicit LacquerCanvases(int size) : base(size, size), orm(size, size), pearl(size, size, {0, 0, 0, 255}) {}
};

// Paints a lathe's rectangle of the atlas; occlusion comes from the lathe's profile.
void lacquer_paint(LacquerCanvases& canvases, glm::vec4 rect, const Lathe& lathe,
                   const std::function<LacquerTexel(float u, const LatheRow& row)>& texel);

// Surfaces, at a point p (metres) of the object.
LacquerTexel lacquer_black(glm::vec3 p);
LacquerTexel lacquer_red(glm::vec3 p);    // cinnabar (son son)
LacquerTexel lacquer_wood(glm::vec3 p);   // dark rosewood under a thin polish
// Gold leaf laid in sheets (`sheet` metres), seams and a fine crackle; q the flat coordinates.
LacquerTexel gold_leaf(glm::vec2 q, float sheet);
// Crushed eggshell tiles pressed into the lacquer; `toast` 0..1 browns them (shading).
// Returns false in the gaps between tiles (the lacquer shows).
bool eggshell(glm::vec2 q, float toast, LacquerTexel* out);
// A cut piece of mother-of-pearl: pearly white with growth lines, iridescent.
LacquerTexel mother_of_pearl(glm::vec2 q, std::uint32_t piece);

// Plum-blossom branch inlay in flat coordinates (metres, centred): 0 outside, else the id + 1
// of the shell piece (petal, branch segment) under q; negative in the cut lines between pieces.
int plum_branch_piece(glm::vec2 q, float scale);

// The images and a material with clear coat (and iridescence when `pearl`).
assets::Material lacquer_material(assets::Model& model, LacquerCanvases&& canvases, const std::string& name, bool pearl);

// A lacquered box: body and overhanging lid, both turned on a rounded-rectangle footprint.
// Sizes in metres (width x, height y, depth z); the lid covers the top `lid_height`.
struct LacquerBox {
    Lathe body;
    Lathe lid;
};
LacquerBox lacquer_box(glm::vec3 size, float lid_height, int around, float spacing);

SampleFile lacquer_sample(std::string name, FileFormat format, std::string units, assets::Model model);

}  // namespace ocop::samples
