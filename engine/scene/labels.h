// Price tags and signs drawn to textures with the brand's Vietnamese-capable font (Noto, from
// Debian): every diacritic right (ă â đ ê ô ơ ư and the five tones). CPU only.
#pragma once

#include "assets/model.h"
#include "scene/brand.h"
#include "scene/catalogue.h"
#include "scene/text.h"

namespace ocop::scene {

// What drawing labels needs, loaded once per brand and kept by the caller (a centre's tags,
// a photo batch): the brand's two fonts and its logo.
struct LabelKit {
    Brand brand;
    Font regular;
    Font bold;
    assets::Image logo;  // the brand's PNG; empty when it names none: draw_logo's emblem is
                         // then drawn at each label's size, as crisp as the text
};

// Errors name the font or logo file that could not be read.
Result<LabelKit> load_label_kit(const Brand& brand, FontCache& fonts);

// Five OCOP stars in a row, `filled` of them solid and the rest outlined (tags, photo overlays).
void draw_ocop_stars(assets::Image& image, glm::vec2 first_centre, float radius, float spacing, int filled,
                     glm::vec4 colour);
// The brand's logo in the square [min, min + size).
void draw_brand_logo(assets::Image& image, const LabelKit& kit, glm::vec2 min, float size);

// The brand's emblem, square: a lacquer-red roundel with a gold lotus, "OCOP" and "HÀ NỘI".
// assets/brand/hanoi-ocop-logo.png is this image for default_brand() at 512 px
// (assets/brand/README.md says how to make it again).
Result<assets::Image> draw_logo(const Brand& brand, FontCache& fonts, int size_px = 512);

// The tag's face: name in Vietnamese (large) and English, OCOP stars, producer, commune and the
// price in VND ("1.250.000 ₫"), on the brand's paper colour with its logo. Width x width*0.6.
assets::Image price_tag_image(const Product& product, const LabelKit& kit, int width_px = 512);
// The same, loading the brand's fonts and logo for this one tag. When they cannot be read the
// tag is a visible placeholder (assets::placeholder_image, named after the error).
assets::Image price_tag_image(const Product& product, const Brand& brand, int width_px = 512);

// A small tent card (about 10 x 6 cm, leaning back) carrying the tag: model space origin at
// the centre of its base on the shelf, facing +Z, in metres.
assets::Model price_tag_model(const Product& product, const LabelKit& kit);
assets::Model price_tag_model(const Product& product, const Brand& brand);

// The tent card's measures: the face is tag_card_width x tag_card_height (metres, along the
// slope), leaning back by tag_card_lean_deg from the vertical.
inline constexpr float tag_card_width = 0.10f;
inline constexpr float tag_card_height = 0.06f;
inline constexpr float tag_card_lean_deg = 15.0f;

// A sign's face: a title (and an optional second line) in the brand's colours.
assets::Image sign_image(const LocalText& text, const LabelKit& kit, int width_px, int height_px);
assets::Image sign_image(const LocalText& text, const Brand& brand, int width_px, int height_px);

}  // namespace ocop::scene
