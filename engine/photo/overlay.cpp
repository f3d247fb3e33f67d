#include "photo/overlay.h"

#include <algorithm>
#include <utility>

#include "scene/text.h"

namespace ocop::photo {

void draw_brand_overlay(render::Pixels& photo, const scene::Product& product, const scene::LabelKit& kit) {
    assets::Image image{.name = {}, .width = static_cast<int>(photo.width), .height = static_cast<int>(photo.height),
                        .rgba8 = std::move(photo.rgba8)};
    const float h = float(image.height) * kOverlayBandShare;  // the band
    const float top = float(image.height) - h;
    const float w = float(image.width);
    const scene::Brand& brand = kit.brand;
    scene::fill_rect(image, {0.0f, top}, {w, float(image.height)}, glm::vec4(brand.paper, 1.0f));
    scene::fill_rect(image, {0.0f, top}, {w, top + std::max(2.0f, h * 0.04f)}, glm::vec4(brand.primary, 1.0f));

    const float margin = h * 0.18f;
    const float logo = h - 2.0f * margin;
    scene::draw_brand_logo(image, kit, {margin, top + margin}, logo);

    // Names on the left after the logo; stars and the commune on the right.
    const float text_x = margin * 2.0f + logo;
    const float right = w - margin;
    const float stars_width = h * 0.16f * 5.0f;
    const float name_width = right - stars_width - margin - text_x;
    scene::TextStyle name{&kit.bold, h * 0.25f, glm::vec4(brand.ink, 1.0f)};
    const scene::FittedText fitted = scene::fit_text(name, product.name.vi, {name_width, h * 0.32f}, 1, h * 0.14f);
    name.size_px = fitted.size_px;
    scene::draw_text(image, name, fitted.lines.empty() ? product.name.vi : fitted.lines.front(), {text_x, top + h * 0.45f});
    scene::TextStyle english{&kit.regular, std::min(fitted.size_px, h * 0.17f), glm::vec4(brand.ink * 0.6f + 0.3f, 1.0f)};
    scene::draw_text(image, english, product.name.en, {text_x, top + h * 0.75f});

    const float star_radius = h * 0.07f;
    scene::draw_ocop_stars(image, {right - stars_width + star_radius, top + h * 0.36f}, star_radius, h * 0.16f,
                           std::clamp(product.ocop_stars, 0, 5), glm::vec4(brand.secondary, 1.0f));
    scene::TextStyle place{&kit.regular, h * 0.15f, glm::vec4(brand.ink, 1.0f)};
    scene::draw_text_aligned(image, place, "OCOP " + std::to_string(product.ocop_stars) + " sao · " + product.commune,
                             right, top + h * 0.75f, scene::Align::Right);
    photo.rgba8 = std::move(image.rgba8);
    // The band is drawn in 8 bits: in a 16-bit photo its rows take those values.
    if (photo.rgba16.size() == photo.rgba8.size())
        for (std::size_t i = std::size_t(top) * photo.width * 4; i < photo.rgba8.size(); ++i)
            photo.rgba16[i] = static_cast<std::uint16_t>(photo.rgba8[i] * 257);
}

}  // namespace ocop::photo
