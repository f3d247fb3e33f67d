// Price tags and signs drawn to textures with the brand's Vietnamese-capable font (Noto, from
// Debian): every diacritic right (ă â đ ê ô ơ ư and the five tones). CPU only.
#pragma once

#include "assets/model.h"
#include "scene/brand.h"
#include "scene/catalogue.h"

namespace ocop::scene {

// The tag's face: name in Vietnamese (large) and English, OCOP stars, producer, commune and the
// price in VND ("1.250.000 ₫"), on the brand's paper colour with its logo. Width x width*0.6.
assets::Image price_tag_image(const Product& product, const Brand& brand, int width_px = 512);

// A small tent card (about 10 x 6 cm, leaning back) carrying the tag: model space origin at
// the centre of its base on the shelf, facing +Z, in metres.
assets::Model price_tag_model(const Product& product, const Brand& brand);

// A sign's face: a title (and an optional second line) in the brand's colours.
assets::Image sign_image(const LocalText& text, const Brand& brand, int width_px, int height_px);

}  // namespace ocop::scene
