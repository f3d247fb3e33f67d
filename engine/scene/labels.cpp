#include "scene/labels.h"

#include "core/colour.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <glm/gtc/constants.hpp>

#include "assets/image.h"

namespace ocop::scene {

namespace {

glm::vec4 labels_rgba(glm::vec3 srgb, float alpha = 1.0f) { return glm::vec4(srgb, alpha); }

// IEC 61966-2-1: the brand's colours are sRGB, materials are linear.
glm::vec3 labels_linear(glm::vec3 srgb) { return srgb_to_linear(srgb); }

glm::vec2 labels_cubic(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d, float t) {
    const float s = 1.0f - t;
    return s * s * s * a + 3.0f * s * s * t * b + 3.0f * s * t * t * c + t * t * t * d;
}

// A lotus petal: rounded at its base, pointed at its tip. `base` is where it springs from,
// `angle` its lean from upright (radians, positive to the right), `length` and `width` its size.
std::vector<glm::vec2> labels_petal(glm::vec2 base, float angle, float length, float width) {
    std::vector<glm::vec2> local;
    constexpr int steps = 24;
    const glm::vec2 tip(0.0f, -length);
    for (int i = 0; i <= steps; ++i)  // right edge, base to tip
        local.push_back(labels_cubic({0.0f, 0.0f}, {width * 0.95f, -length * 0.12f}, {width * 0.55f, -length * 0.72f},
                                     tip, float(i) / steps));
    for (int i = 1; i < steps; ++i)  // left edge, tip to base
        local.push_back(labels_cubic(tip, {-width * 0.55f, -length * 0.72f}, {-width * 0.95f, -length * 0.12f},
                                     {0.0f, 0.0f}, float(i) / steps));
    const float c = std::cos(angle), s = std::sin(angle);
    std::vector<glm::vec2> points;
    // Listed right edge first with y up the screen: counter-clockwise, as star_contour.
    for (auto it = local.rbegin(); it != local.rend(); ++it) points.push_back(base + glm::vec2(c * it->x - s * it->y, s * it->x + c * it->y));
    return points;
}

// A ring between two circles: the inner contour runs the other way and cuts the hole.
void labels_ring(assets::Image& image, glm::vec2 centre, float outer, float inner, glm::vec4 colour) {
    const std::vector<glm::vec2> contours[2] = {ellipse_contour(centre, glm::vec2(outer), 192),
                                                ellipse_contour(centre, glm::vec2(inner), 192, true)};
    fill_contours(image, contours, colour);
}

// `count` of 5 stars filled, the rest outlined: the OCOP rating as visitors read it.
void labels_stars(assets::Image& image, glm::vec2 first_centre, float radius, float spacing, int filled,
                  glm::vec4 colour) {
    for (int i = 0; i < 5; ++i) {
        const glm::vec2 c = first_centre + glm::vec2(spacing * float(i), 0.0f);
        if (i < filled) {
            fill_polygon(image, star_contour(c, radius), colour);
        } else {
            // An outline: the same star, smaller and reversed, cuts the hole. Its centre sits a
            // little low so that the stroke looks even at the points and in the notches.
            const std::vector<glm::vec2> contours[2] = {star_contour(c, radius),
                                                        star_contour(c + glm::vec2(0.0f, radius * 0.05f), radius * 0.56f, 0.4f, true)};
            fill_contours(image, contours, colour);
        }
    }
}

// The emblem drawn into the square [origin, origin + size): a lacquer-red roundel with a
// gold lotus, "OCOP" and "HÀ NỘI". Vector shapes, so it is crisp at any size.
void labels_emblem(assets::Image& image, const Brand& brand, const Font& bold, glm::vec2 origin, float size) {
    const float s = size / 512.0f;  // designed on a 512 px grid
    const glm::vec2 centre = origin + glm::vec2(256.0f * s);
    const glm::vec4 red = labels_rgba(brand.primary), gold = labels_rgba(brand.secondary),
                    paper = labels_rgba(brand.paper);
    fill_polygon(image, ellipse_contour(centre, glm::vec2(254.0f * s), 256), red);
    labels_ring(image, centre, 236.0f * s, 228.0f * s, gold);
    labels_ring(image, centre, 221.0f * s, 219.0f * s, gold);

    // The lotus (sen), Vietnam's national flower: five petals from one base, back ones first,
    // each front petal cut out of the ones behind by a red halo.
    const glm::vec2 base = origin + glm::vec2(256.0f, 262.0f) * s;
    struct Petal {
        float angle_deg, length, width;
    };
    const Petal petals[] = {{-62, 118, 50}, {62, 118, 50}, {-31, 150, 52}, {31, 150, 52}, {0, 176, 54}};
    for (const Petal& p : petals) {
        const float a = glm::radians(p.angle_deg);
        const glm::vec2 nudge = 8.0f * s * glm::vec2(std::sin(a), std::cos(a));
        fill_polygon(image, labels_petal(base + nudge, a, (p.length + 10.0f) * s, (p.width + 9.0f) * s), red);
        fill_polygon(image, labels_petal(base, a, p.length * s, p.width * s), gold);
    }
    // Water under the flower.
    fill_polygon(image, rounded_rect_contour(origin + glm::vec2(150.0f, 270.0f) * s, origin + glm::vec2(362.0f, 278.0f) * s, 4.0f * s), gold);
    fill_polygon(image, rounded_rect_contour(origin + glm::vec2(192.0f, 286.0f) * s, origin + glm::vec2(320.0f, 292.0f) * s, 3.0f * s), gold);

    TextStyle ocop{&bold, 84.0f * s, paper, 0.04f};
    draw_text_aligned(image, ocop, "OCOP", centre.x, origin.y + 378.0f * s, Align::Centre);
    TextStyle city{&bold, 36.0f * s, gold, 0.22f};
    // Tracking adds space after the last letter too when centring by advance: shift it back.
    draw_text_aligned(image, city, "HÀ NỘI", centre.x + 0.11f * city.size_px, origin.y + 438.0f * s, Align::Centre);
}

// The brand's logo in the square [min, min + size): its PNG scaled, or the emblem drawn at
// that size when the brand names no PNG.
void labels_logo(assets::Image& image, const LabelKit& kit, glm::vec2 min, float size) {
    if (kit.logo.rgba8.empty())
        labels_emblem(image, kit.brand, kit.bold, min, size);
    else
        draw_image(image, kit.logo, min, glm::vec2(size));
}

std::string labels_place(const Product& product) {
    std::string place = product.commune;
    if (!product.district.empty()) place += (place.empty() ? "" : ", ") + product.district;
    return place;
}

}  // namespace

void draw_ocop_stars(assets::Image& image, glm::vec2 first_centre, float radius, float spacing, int filled,
                     glm::vec4 colour) {
    labels_stars(image, first_centre, radius, spacing, filled, colour);
}

void draw_brand_logo(assets::Image& image, const LabelKit& kit, glm::vec2 min, float size) {
    labels_logo(image, kit, min, size);
}

Result<LabelKit> load_label_kit(const Brand& brand, FontCache& fonts) {
    Result<Font> regular = fonts.get(brand.font_regular);
    if (!regular) return regular.error();
    Result<Font> bold = fonts.get(brand.font_bold);
    if (!bold) return bold.error();
    assets::Image logo;  // empty: the emblem is drawn at each label's own size (labels_logo)
    if (!brand.logo.empty()) {
        Result<assets::Image> loaded = assets::load_image_file(brand.logo);
        if (!loaded) return loaded.error();
        logo = std::move(loaded.value());
    }
    return LabelKit{brand, regular.value(), bold.value(), std::move(logo)};
}

Result<assets::Image> draw_logo(const Brand& brand, FontCache& fonts, int size_px) {
    Result<Font> bold = fonts.get(brand.font_bold);
    if (!bold) return bold.error();
    size_px = std::clamp(size_px, 16, 4096);
    assets::Image image = make_canvas(size_px, size_px, glm::vec4(brand.primary, 0.0f), "logo");
    labels_emblem(image, brand, bold.value(), glm::vec2(0.0f), float(size_px));
    return image;
}

assets::Image price_tag_image(const Product& product, const LabelKit& kit, int width_px) {
    const Brand& brand = kit.brand;
    const int width = std::clamp(width_px, 64, 8192);
    const int height = int(std::lround(width * 0.6f));
    const float u = float(width) / 512.0f;  // designed on a 512 px grid
    const float margin = 24.0f * u;
    const glm::vec4 ink = labels_rgba(brand.ink), paper = labels_rgba(brand.paper),
                    red = labels_rgba(brand.primary), gold = labels_rgba(brand.secondary);
    assets::Image image = make_canvas(width, height, paper, "price-tag-" + product.sku);

    // Logo in the top right corner.
    const float logo_size = 68.0f * u;
    labels_logo(image, kit, {width - margin - logo_size + 4.0f * u, margin - 6.0f * u}, logo_size);

    // The band at the foot and the producer's line above it, then the names in the space left.
    const float band_top = height - 72.0f * u;
    const float rule_y = band_top - 42.0f * u;

    // Vietnamese name: bold, up to two lines of balanced length, shrinking to fit beside the logo.
    TextStyle name{&kit.bold, 36.0f * u, ink, 0.0f, 1.16f};
    const float name_width = width - 2.0f * margin - logo_size - 16.0f * u;
    const FittedText vi = fit_text(name, product.name.vi, {name_width, 2.0f * 1.16f * 36.0f * u}, 2, 17.0f * u);
    name.size_px = vi.size_px;
    std::vector<std::string> vi_lines = wrap_text_balanced(name, product.name.vi, name_width);
    if (vi_lines.size() > 2) {  // longer than even the smallest size allows: cut, visibly
        vi_lines.resize(2);
        vi_lines[1] += "…";
    }
    // English name: regular, smaller, in a softer ink.
    TextStyle english{&kit.regular, 17.0f * u, labels_rgba(brand.ink, 0.68f)};
    const FittedText en = fit_text(english, product.name.en, {name_width, 2.0f * 17.0f * u}, 1, 11.0f * u);
    english.size_px = en.size_px;

    // The block from the first line's cap height to the English baseline, centred between the
    // top margin and the rule (Noto's capitals are 0.714 em).
    const float cap = 0.714f * name.size_px;
    const float en_gap = english.size_px * 1.8f;
    const float block = cap + float(vi_lines.size() - 1) * name.size_px * name.line_spacing + en_gap;
    float baseline = std::max(margin, margin + 0.5f * (rule_y - margin - block) - 4.0f * u) + cap;
    for (const std::string& line : vi_lines) {
        draw_text(image, name, line, {margin, baseline});
        baseline += name.size_px * name.line_spacing;
    }
    baseline += -name.size_px * name.line_spacing + en_gap;
    if (!en.lines.empty()) draw_text(image, english, en.lines.front(), {margin, baseline});
    fill_rect(image, {margin, rule_y}, {width - margin, rule_y + std::max(1.0f, 1.0f * u)}, labels_rgba(brand.secondary, 0.7f));

    // The band: stars and rating on the left, the price on the right.
    fill_rect(image, {0.0f, band_top}, {float(width), float(height)}, red);
    fill_rect(image, {0.0f, band_top - 3.0f * u}, {float(width), band_top - 1.5f * u}, gold);

    // Producer and commune, above the band.
    TextStyle producer{&kit.regular, 14.5f * u, labels_rgba(brand.ink, 0.85f)};
    std::string maker = product.producer;
    const std::string place = labels_place(product);
    if (!place.empty()) maker += (maker.empty() ? "" : "  ·  ") + place;
    const FittedText made = fit_text(producer, maker, {width - 2.0f * margin, 20.0f * u}, 1, 10.0f * u);
    producer.size_px = made.size_px;
    if (!made.lines.empty()) draw_text(image, producer, made.lines.front(), {margin, band_top - 15.0f * u});

    const int stars = std::clamp(product.ocop_stars, 0, 5);
    const float star_radius = 10.5f * u;
    labels_stars(image, {margin + star_radius, band_top + 25.0f * u}, star_radius, 24.0f * u, stars, gold);
    TextStyle rating{&kit.bold, 13.0f * u, labels_rgba(brand.paper, 0.92f), 0.06f};
    draw_text(image, rating, "OCOP " + std::to_string(product.ocop_stars) + " sao", {margin, band_top + 58.0f * u});

    TextStyle price{&kit.bold, 34.0f * u, paper};
    const std::string price_text = format_price_vnd(product.price_vnd);
    const FittedText fitted_price = fit_text(price, price_text, {width * 0.55f, 40.0f * u}, 1, 18.0f * u);
    price.size_px = fitted_price.size_px;
    draw_text_aligned(image, price, price_text, width - margin, band_top + 49.0f * u, Align::Right);
    return image;
}

assets::Image price_tag_image(const Product& product, const Brand& brand, int width_px) {
    FontCache fonts;
    Result<LabelKit> kit = load_label_kit(brand, fonts);
    if (!kit) return assets::placeholder_image("price-tag-" + product.sku + ": " + kit.error().message());
    return price_tag_image(product, *kit, width_px);
}

namespace {

// The tent card around a face already drawn (or a placeholder when the brand's files are missing).
assets::Model labels_tent_card(const Product& product, const Brand& brand, assets::Image face_image) {
    assets::Model model;
    model.source = "price tag " + product.sku;
    model.format = "OCOP price tag (generated)";
    model.images.push_back(std::move(face_image));

    const float lean = glm::radians(tag_card_lean_deg);
    const float half_w = 0.5f * tag_card_width;
    const float top = tag_card_height * std::cos(lean);
    const float foot = tag_card_height * std::sin(lean);  // each panel's foot in front of / behind the ridge
    const glm::vec3 front_normal(0.0f, std::sin(lean), std::cos(lean));
    const glm::vec3 back_normal(0.0f, std::sin(lean), -std::cos(lean));
    constexpr float card = 0.0004f;  // the card's thickness: its inner faces sit this far inside

    assets::Material face;
    face.name = "tag-face";
    face.metallic = 0.0f;
    face.roughness = 0.6f;
    face.base_color_texture.image = 0;
    face.base_color_texture.wrap_s = face.base_color_texture.wrap_t = assets::Wrap::ClampToEdge;
    assets::Material back;
    back.name = "tag-back";
    back.base_color = glm::vec4(labels_linear(brand.primary), 1.0f);
    back.metallic = 0.0f;
    back.roughness = 0.6f;
    assets::Material inside;
    inside.name = "tag-inside";
    inside.base_color = glm::vec4(labels_linear(brand.paper), 1.0f);
    inside.metallic = 0.0f;
    inside.roughness = 0.8f;
    model.materials = {face, back, inside};

    // One quad: corners counter-clockwise seen from where `normal` points; uv (0,0) top left.
    auto quad = [](assets::Mesh& mesh, const std::array<glm::vec3, 4>& corners, glm::vec3 normal) {
        const auto first = std::uint32_t(mesh.positions.size());
        const glm::vec2 uvs[4] = {{0, 1}, {1, 1}, {1, 0}, {0, 0}};
        for (int i = 0; i < 4; ++i) {
            mesh.positions.push_back(corners[std::size_t(i)]);
            mesh.normals.push_back(normal);
            mesh.uv0.push_back(uvs[i]);
        }
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) mesh.indices.push_back(first + i);
    };
    assets::Mesh front_mesh{.name = "tag-face", .material = 0};
    quad(front_mesh, {glm::vec3(-half_w, 0, foot), {half_w, 0, foot}, {half_w, top, 0}, {-half_w, top, 0}},
         front_normal);
    assets::Mesh back_mesh{.name = "tag-back", .material = 1};
    quad(back_mesh, {glm::vec3(half_w, 0, -foot), {-half_w, 0, -foot}, {-half_w, top, 0}, {half_w, top, 0}},
         back_normal);
    assets::Mesh inside_mesh{.name = "tag-inside", .material = 2};
    // Inner faces: moved straight back (front panel) or forward (back panel), so that they too
    // stand on y = 0.
    const glm::vec3 fi(0.0f, 0.0f, -card), bi(0.0f, 0.0f, card);
    quad(inside_mesh, {glm::vec3(half_w, 0, foot) + fi, glm::vec3(-half_w, 0, foot) + fi, glm::vec3(-half_w, top, 0) + fi,
                       glm::vec3(half_w, top, 0) + fi},
         -front_normal);
    quad(inside_mesh, {glm::vec3(-half_w, 0, -foot) + bi, glm::vec3(half_w, 0, -foot) + bi, glm::vec3(half_w, top, 0) + bi,
                       glm::vec3(-half_w, top, 0) + bi},
         -back_normal);
    model.meshes = {std::move(front_mesh), std::move(back_mesh), std::move(inside_mesh)};
    assets::add_root_node_for_all_meshes(model, "price-tag-" + product.sku);
    return model;
}

}  // namespace

assets::Model price_tag_model(const Product& product, const LabelKit& kit) {
    return labels_tent_card(product, kit.brand, price_tag_image(product, kit, 512));
}

assets::Model price_tag_model(const Product& product, const Brand& brand) {
    return labels_tent_card(product, brand, price_tag_image(product, brand, 512));
}

assets::Image sign_image(const LocalText& text, const LabelKit& kit, int width_px, int height_px) {
    const Brand& brand = kit.brand;
    const int width = std::clamp(width_px, 16, 8192), height = std::clamp(height_px, 16, 8192);
    const float h = float(height);
    const glm::vec4 red = labels_rgba(brand.primary), gold = labels_rgba(brand.secondary),
                    paper = labels_rgba(brand.paper);
    assets::Image image = make_canvas(width, height, red, "sign");

    // A gold hairline frame inset from the edge, as on a lacquered board.
    const float inset = std::max(2.0f, 0.06f * h), line = std::max(1.0f, 0.012f * h);
    const std::vector<glm::vec2> frame[2] = {
        rounded_rect_contour(glm::vec2(inset), glm::vec2(width - inset, height - inset), 0.04f * h),
        rounded_rect_contour(glm::vec2(inset + line), glm::vec2(width - inset - line, height - inset - line),
                             0.04f * h - line, true)};
    fill_contours(image, frame, gold);

    const float logo_size = 0.64f * h;
    const float pad = 0.18f * h;
    labels_logo(image, kit, {pad, 0.5f * (h - logo_size)}, logo_size);
    const float left = pad + logo_size + 0.14f * h;
    const float box_width = width - left - pad;

    TextStyle title{&kit.bold, 0.34f * h, paper, 0.0f, 1.15f};
    TextStyle subtitle{&kit.regular, 0.19f * h, gold, 0.02f};
    // A long title wraps to a second line before it shrinks too far: a sign never drops words.
    const bool two = !text.en.empty();
    const FittedText t = fit_text(title, text.vi, {box_width, (two ? 0.56f : 0.8f) * h}, 2, 0.07f * h);
    title.size_px = t.size_px;
    const float advance = title.line_spacing * title.size_px;
    const float title_block = 0.714f * title.size_px + advance * float(std::max<std::size_t>(t.lines.size(), 1) - 1);
    const auto draw_title = [&](float first_baseline) {
        for (std::size_t i = 0; i < t.lines.size(); ++i)
            draw_text(image, title, t.lines[i], {left, first_baseline + advance * float(i)});
    };
    if (!two) {
        // Cap height centred on the board (Noto's caps are about 0.714 em).
        draw_title(0.5f * (h - title_block) + 0.714f * title.size_px);
        return image;
    }
    const FittedText s = fit_text(subtitle, text.en, {box_width, subtitle.size_px * 1.2f}, 1, 0.05f * h);
    subtitle.size_px = s.size_px;
    const float gap = 0.16f * h;
    const float block = title_block + gap + 0.714f * subtitle.size_px;
    const float top = 0.5f * (h - block);
    draw_title(top + 0.714f * title.size_px);
    draw_text(image, subtitle, s.lines.empty() ? "" : s.lines.front(), {left, top + block});
    return image;
}

assets::Image sign_image(const LocalText& text, const Brand& brand, int width_px, int height_px) {
    FontCache fonts;
    Result<LabelKit> kit = load_label_kit(brand, fonts);
    if (!kit) return assets::placeholder_image("sign: " + kit.error().message());
    return sign_image(text, *kit, width_px, height_px);
}

}  // namespace ocop::scene
