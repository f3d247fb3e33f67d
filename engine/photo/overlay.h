// The brand strip on social and web photos: the brand's paper colour along the bottom, the
// logo, the product's Vietnamese and English names, its OCOP stars and its commune, in the
// brand's typeface and colours (assets/brand/): the same identity as the tags and signs.
// Never on marketplace photos (their rules forbid text and logos).
#pragma once

#include "render/renderer.h"
#include "scene/catalogue.h"
#include "scene/labels.h"

namespace ocop::photo {

// The strip's height as a share of the photo's height (QA leaves it out of background checks).
inline constexpr float kOverlayBandShare = 0.12f;

void draw_brand_overlay(render::Pixels& photo, const scene::Product& product, const scene::LabelKit& kit);

}  // namespace ocop::photo
