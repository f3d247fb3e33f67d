// Contact sheets: many photos as captioned thumbnails on one page, to see at a glance whether
// a batch looks like one consistent catalogue (and every turntable frame of a product).
#pragma once

#include <string>
#include <vector>

#include "render/renderer.h"
#include "scene/text.h"

namespace ocop::photo {

struct SheetCell {
    std::string caption;
    render::Pixels pixels;  // a thumbnail, at most cell_px a side
};

// Area-averaged (in linear light) down to fit `max_side` pixels; transparent pixels are shown
// over a light checkerboard, so a cut-out's edge and shadow can be judged.
render::Pixels thumbnail(const render::Pixels& photo, int max_side);

// Cells in rows of `columns`, each thumbnail centred in a cell_px square with its caption
// below (no caption without a font). White paper, opaque.
render::Pixels contact_sheet(const std::vector<SheetCell>& cells, int columns, int cell_px, const scene::Font* font);

}  // namespace ocop::photo
