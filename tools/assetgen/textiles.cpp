// Vạn Phúc silk (Hà Đông) and Trạch Xá áo dài (Hòa Lâm): a scarf draped over a wooden T-stand,
// folded bolts, a folded scarf, and áo dài on dress forms. Drape is displacement (gravity folds
// as sums of sines plus noise), not simulation; every number below is a constant.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <glm/gtc/matrix_transform.hpp>

#include "cloth.h"
#include "generators.h"
#include "procedural.h"

namespace ocop::samples {
namespace {

using cloth::kClothPi;

// ---------------------------------------------------------------------------------------------
// VP-SCARF-01: a scarf over the crossbar of a small turned-wood T-stand.

constexpr float kScarfWidth = 0.34f;
constexpr float kScarfBarY = 0.535f;
constexpr float kScarfBarRadius = 0.0115f;

// The scarf's centre line in the (z, y) plane: up from the front end, over the bar, down the back.
struct ScarfDrape {
    glm::vec2 centre{0.0f, kScarfBarY};
    float radius = kScarfBarRadius + 0.0016f;
    glm::vec2 front_end{0.118f, 0.135f};
    glm::vec2 back_end{-0.110f, 0.105f};
    glm::vec2 front_touch{}, back_touch{};
    float front_angle = 0, back_angle = 0;
    float front_length = 0, arc_length = 0, back_length = 0;

    ScarfDrape() {
        const auto touch = [&](glm::vec2 end, float sign) {
            const glm::vec2 d = end - centre;
            return std::atan2(d.y, d.x) + sign * std::acos(radius / glm::length(d));
        };
        front_angle = touch(front_end, 1.0f);
        back_angle = touch(back_end, -1.0f) + 2.0f * kClothPi;
        front_touch = centre + radius * glm::vec2(std::cos(front_angle), std::sin(front_angle));
        back_touch = centre + radius * glm::vec2(std::cos(back_angle), std::sin(back_angle));
        front_length = glm::distance(front_end, front_touch);
        arc_length = radius * (back_angle - front_angle);
        back_length = glm::distance(back_end, back_touch);
    }
    float length() const { return front_length + arc_length + back_length; }

    // Folds on a hanging side, in units of their amplitude; `h` metres below the bar.
    float folds(float t, float h, bool front) const {
        const float phase = front ? 0.0f : 2.1f;
        // Two deep pleats where the hand that hung it gathered the cloth, then finer folds.
        const float pleat = std::exp(-std::pow((t - (front ? 0.06f : -0.05f)) / 0.03f, 2.0f)) -
                            0.8f * std::exp(-std::pow((t + (front ? 0.09f : -0.1f)) / 0.025f, 2.0f));
        return 0.5f * std::sin(2.0f * kClothPi * t / 0.12f + phase + 1.6f * h) +
               0.3f * std::sin(2.0f * kClothPi * t / 0.052f + 1.3f * phase - 2.8f * h) +
               0.12f * std::sin(2.0f * kClothPi * t / 0.023f + 0.4f + 5.0f * h) + 0.6f * pleat +
               0.5f * (fbm(glm::vec3(t * 9.0f, h * 3.5f, front ? 0.5f : 4.5f), 2, 31) - 0.5f);
    }
    // How far below the bar a point of the length `s` hangs (0 on the bar), and which side.
    float hang(float s, bool* front) const {
        *front = s < front_length + 0.5f * arc_length;
        if (s < front_length) return front_length - s;
        if (s > front_length + arc_length) return s - front_length - arc_length;
        return 0.0f;
    }
    float fold_growth(float h) const { return glm::smoothstep(0.0f, 0.2f, h); }

    // A point of the scarf: `s` metres along from the front end, `t` across (0 = middle).
    glm::vec3 position(float s, float t) const {
        glm::vec2 p, outward;
        if (s < front_length) {
            const glm::vec2 dir = glm::normalize(front_touch - front_end);
            p = front_end + dir * s;
            outward = {dir.y, -dir.x};
        } else if (s < front_length + arc_length) {
            const float a = front_angle + (s - front_length) / radius;
            outward = {std::cos(a), std::sin(a)};
            p = centre + radius * outward;
        } else {
            const glm::vec2 dir = glm::normalize(back_end - back_touch);
            p = back_touch + dir * (s - front_length - arc_length);
            outward = {dir.y, -dir.x};
        }
        bool front = true;
        const float h = hang(s, &front);
        const float g = fold_growth(h);
        const float side_length = front ? front_length : back_length;
        const float amplitude = 0.034f * g * (0.5f + 0.5f * h / side_length);
        // Silk bellies out a little from the bar before it falls straight.
        const float belly = 0.01f * std::sin(kClothPi * std::min(h / side_length, 1.0f));
        const float d = amplitude * folds(t, h, front) + belly;
        // Folds take up width: the hanging cloth is narrower than the cloth on the bar.
        const float x = t * (1.0f - 0.1f * g) + 0.008f * g * std::sin(3.0f * h + (front ? 0.0f : 1.0f));
        // The hem does not hang quite level: one corner a little lower, as it settled.
        const float tilt = (front ? 0.02f : -0.014f) * (t / kScarfWidth) * g;
        const glm::vec2 q = p + outward * d;
        return {x, q.y + tilt, q.x};
    }
    float occlusion(float s, float t) const {
        bool front = true;
        const float h = hang(s, &front);
        const float g = fold_growth(h);
        const float valley = std::max(0.0f, -folds(t, h, front));
        // The cloth next to the bar is shaded by the other side hanging close by.
        const float near_bar = 1.0f - 0.25f * std::exp(-h / 0.04f) * (h > 0.0f ? 1.0f : 0.0f);
        return (1.0f - 0.4f * g * valley) * near_bar;
    }
};

// Six pieces along the length, each its own rect in a 2 x 3 atlas: texels come out nearly square.
constexpr int kScarfPieces = 6;
glm::vec4 scarf_piece_rect(int piece) {
    constexpr float kInset = 8.0f / 2048.0f;
    const float x0 = 0.5f * static_cast<float>(piece % 2), y0 = static_cast<float>(piece / 2) / 3.0f;
    return {x0 + kInset, y0 + kInset, x0 + 0.5f - kInset, y0 + 1.0f / 3.0f - kInset};
}

assets::Mesh scarf_stand_mesh() {
    // A turned base with a bevelled rim, a slim pole, and a crossbar with ball finials.
    const std::vector<glm::vec2> base{{0.0f, 0.0f},      {0.104f, 0.0f},   {0.109f, 0.002f},
                                      {0.110f, 0.006f},  {0.110f, 0.013f}, {0.107f, 0.018f},
                                      {0.098f, 0.021f},  {0.060f, 0.024f}, {0.024f, 0.026f},
                                      {0.017f, 0.030f},  {0.015f, 0.036f}, {0.0105f, 0.044f},
                                      {0.0100f, 0.30f},  {0.0096f, 0.52f}, {0.0125f, 0.528f},
                                      {0.0125f, 0.538f}, {0.0f, 0.542f}};
    assets::Mesh stand = cloth::lathe_mesh("scarf_stand", base, 64);
    // The base is cut from a plank: its grain runs straight across the top, not round it.
    for (std::size_t k = 0; k < stand.positions.size(); ++k)
        if (stand.positions[k].y < 0.045f)
            stand.uv0[k] = glm::vec2(stand.positions[k].x, stand.positions[k].z) * 2.2f + 0.5f;
    // The crossbar's profile along its own axis: a ball finial, a neck, the bar, and mirrored.
    std::vector<glm::vec2> bar;
    constexpr float kBall = 0.0155f, kBallCentre = 0.1895f;
    for (int i = 0; i <= 12; ++i) {
        const float a = 0.85f * kClothPi * static_cast<float>(i) / 12.0f;
        bar.push_back({kBall * std::sin(a), -kBallCentre - kBall * std::cos(a)});
    }
    bar.push_back({0.0085f, -0.1725f});
    bar.push_back({kScarfBarRadius, -0.1675f});
    const std::size_t one_end = bar.size();
    for (std::size_t i = one_end; i-- > 0;) bar.push_back({bar[i].x, -bar[i].y});
    assets::Mesh crossbar = cloth::lathe_mesh("scarf_crossbar", bar, 48);
    // Lathe axis +Y turned onto +X, then lifted to the bar's height.
    cloth::transform_mesh(crossbar, glm::translate(glm::mat4(1.0f), glm::vec3(0, kScarfBarY, 0)) *
                                        glm::rotate(glm::mat4(1.0f), -0.5f * kClothPi, glm::vec3(0, 0, 1)));
    cloth::append_mesh(stand, crossbar);
    return stand;
}


// ---------------------------------------------------------------------------------------------
// Áo dài on a dress form: a linen-covered torso form with a wooden neck cap, on a pole and a
// round base; the dress (fitted bodice, mandarin collar, long sleeves, front and back flaps
// split from the waist) over wide white silk trousers.

// The form's horizontal section at a height: half-width, half-depth, centre's z.
struct AoDaiFormSection {
    float y, a, b, c;
};
constexpr std::array<AoDaiFormSection, 15> kAoDaiFormSections{{{0.985f, 0.150f, 0.105f, 0.000f},
                                                     {1.040f, 0.166f, 0.114f, -0.004f},
                                                     {1.110f, 0.158f, 0.106f, -0.004f},
                                                     {1.180f, 0.136f, 0.092f, 0.000f},
                                                     {1.230f, 0.128f, 0.088f, 0.002f},
                                                     {1.290f, 0.140f, 0.098f, 0.006f},
                                                     {1.350f, 0.152f, 0.106f, 0.008f},
                                                     {1.400f, 0.158f, 0.100f, 0.004f},
                                                     {1.445f, 0.170f, 0.088f, 0.000f},
                                                     {1.475f, 0.168f, 0.078f, -0.004f},
                                                     {1.505f, 0.120f, 0.066f, -0.006f},
                                                     {1.528f, 0.070f, 0.056f, -0.006f},
                                                     {1.548f, 0.053f, 0.050f, -0.004f},
                                                     {1.600f, 0.049f, 0.047f, -0.002f},
                                                     {1.625f, 0.049f, 0.047f, -0.002f}}};

AoDaiFormSection aodai_form_section(float y) {
    const auto& s = kAoDaiFormSections;
    y = std::clamp(y, s.front().y, s.back().y);
    std::size_t i = 0;
    while (i + 2 < s.size() && s[i + 1].y < y) ++i;
    const float t = (y - s[i].y) / (s[i + 1].y - s[i].y);
    // Catmull-Rom through the sections: no kinks where one meets the next.
    const auto at = [&](std::size_t k) { return s[std::min(k, s.size() - 1)]; };
    const AoDaiFormSection p0 = at(i == 0 ? 0 : i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
    const auto cr = [&](float AoDaiFormSection::*f) {
        return 0.5f * (2.0f * p1.*f + (p2.*f - p0.*f) * t + (2.0f * p0.*f - 5.0f * p1.*f + 4.0f * p2.*f - p3.*f) * t * t +
                       (3.0f * p1.*f - p0.*f - 3.0f * p2.*f + p3.*f) * t * t * t);
    };
    return {y, cr(&AoDaiFormSection::a), cr(&AoDaiFormSection::b), cr(&AoDaiFormSection::c)};
}

// A point on the form (offset outwards by `offset`): `theta` from the front (+Z) towards +X.
glm::vec3 aodai_form_point(float y, float theta, float offset) {
    const AoDaiFormSection s = aodai_form_section(y);
    const float st = std::sin(theta), ct = std::cos(theta);
    constexpr float kSquare = 0.8f;  // a torso is boxier than an ellipse
    const float x = std::copysign(std::pow(std::abs(st), kSquare), st);
    const float z = std::copysign(std::pow(std::abs(ct), kSquare), ct);
    // The bust, two soft bumps at the front.
    const float bust = 0.022f * std::exp(-std::pow((y - 1.365f) / 0.05f, 2.0f)) *
                       (std::exp(-std::pow((theta - 0.42f) / 0.32f, 2.0f)) + std::exp(-std::pow((theta + 0.42f) / 0.32f, 2.0f)));
    return {x * (s.a + offset), y, s.c + z * (s.b + offset) + bust * std::max(ct, 0.0f)};
}

struct AoDaiStyle {
    std::string file;
    cloth::SilkLook dress;
    float detail = 1.0f;  // grid density: heroes at scan density, the others lighter
    int atlas = 2048;
    std::uint32_t seed = 1;
};

constexpr float kAoDaiWaistY = 1.225f;
constexpr float kAoDaiHipY = 1.02f;
constexpr float kAoDaiHemY = 0.30f;

// The front (side = +1) or back (side = -1) flap: on the body from the waist to the hip, then
// hanging free, a little flared, with folds that deepen towards the hem.
glm::vec3 aodai_flap_point(float u, float v, float side, std::uint32_t seed) {
    const float y = glm::mix(kAoDaiWaistY + 0.012f, kAoDaiHemY, v);  // overlaps the bodice at the waist
    const float across = 2.0f * u - 1.0f;  // -1 .. 1 across the flap
    const float theta_max = glm::mix(1.5708f, 1.40f, glm::smoothstep(kAoDaiWaistY, kAoDaiHipY, y));
    const float theta = (side > 0.0f ? 0.0f : kClothPi) + side * across * theta_max;
    const float body_y = std::max(y, kAoDaiHipY);
    glm::vec3 on_body = aodai_form_point(body_y, theta, 0.006f);
    const float fall = std::max(0.0f, kAoDaiHipY - y);  // metres below the hip
    // Hanging: the hip's curve relaxes into a shallow arc, wider and a little forward.
    const glm::vec3 hip = aodai_form_point(kAoDaiHipY, theta, 0.006f);
    const float relax = glm::smoothstep(0.0f, 0.4f, fall);
    const float width = 0.185f + 0.025f * std::min(fall / 0.7f, 1.0f);
    const glm::vec3 hanging(width * across, y, side * (0.075f + 0.035f * std::min(fall / 0.7f, 1.0f) + 0.05f * (1.0f - across * across)));
    glm::vec3 p = glm::mix(glm::vec3(hip.x, y, hip.z), hanging, relax);
    if (fall <= 0.0f) p = on_body;
    // Folds: long soft ones, deeper towards the hem, and a gentle swing of the whole flap.
    const float amplitude = 0.016f * glm::smoothstep(0.0f, 0.5f, fall);
    const float folds = 0.6f * std::sin(across * 7.5f + (side > 0.0f ? 0.3f : 1.9f) + fall * 1.3f) +
                        0.3f * std::sin(across * 17.0f + 2.0f - fall * 2.0f) +
                        0.4f * (fbm(glm::vec3(across * 3.0f, fall * 2.0f, side), 2, seed) - 0.5f);
    p.z += side * amplitude * folds;
    p.x += 0.01f * fall * std::sin(1.3f * fall + side);
    return p;
}

float aodai_flap_occlusion(float u, float v, float side, std::uint32_t seed) {
    const float y = glm::mix(kAoDaiWaistY, kAoDaiHemY, v);
    const float fall = std::max(0.0f, kAoDaiHipY - y);
    const float across = 2.0f * u - 1.0f;
    const float folds = 0.6f * std::sin(across * 7.5f + (side > 0.0f ? 0.3f : 1.9f) + fall * 1.3f) +
                        0.3f * std::sin(across * 17.0f + 2.0f - fall * 2.0f) +
                        0.4f * (fbm(glm::vec3(across * 3.0f, fall * 2.0f, side), 2, seed) - 0.5f);
    const float edge = 1.0f - 0.15f * glm::smoothstep(0.8f, 1.0f, std::abs(across));
    return (1.0f - 0.35f * glm::smoothstep(0.0f, 0.5f, fall) * std::max(0.0f, -folds)) * edge;
}

// A sleeve hanging from the shoulder, an empty tube flattened by its own weight.
glm::vec3 aodai_sleeve_point(float u, float v, float side) {
    // Starts inside the shoulder, so the seam sits where the bodice turns down to the arm.
    const glm::vec3 p0(side * 0.10f, 1.478f, -0.004f), p1(side * 0.205f, 1.462f, 0.0f), p2(side * 0.222f, 0.915f, 0.03f);
    const float w = 1.0f - v;
    const glm::vec3 centre = w * w * p0 + 2.0f * w * v * p1 + v * v * p2;
    const glm::vec3 tangent = glm::normalize(2.0f * w * (p1 - p0) + 2.0f * v * (p2 - p1));
    const glm::vec3 across = glm::normalize(glm::cross(tangent, glm::vec3(0, 0, 1))) * side;
    const glm::vec3 forward = glm::normalize(glm::cross(across, tangent)) * side;
    const float angle = 2.0f * kClothPi * u;
    const float half_width = glm::mix(0.058f, 0.045f, v);
    const float half_depth = glm::mix(0.028f, 0.045f, glm::smoothstep(0.0f, 0.12f, v)) - 0.022f * glm::smoothstep(0.1f, 1.0f, v);
    const float crease = 1.0f + 0.06f * std::sin(5.0f * angle + 9.0f * v) * v;
    return centre + (across * std::sin(angle) * half_depth + forward * std::cos(angle) * half_width) * crease;
}

// The trousers: the hip section narrowing into two wide legs (the crotch where they part).
glm::vec3 aodai_trouser_body_point(float u, float v) {
    const float y = glm::mix(1.05f, 0.80f, v);
    const float theta = 2.0f * kClothPi * u;
    const glm::vec3 hip = aodai_form_point(std::max(y, 0.99f), theta, 0.002f);
    // Where the ray at theta meets the outline of two touching leg circles.
    constexpr float kLeg = 0.086f;
    const glm::vec2 dir(std::sin(theta), std::cos(theta));
    const float cx = dir.x >= 0.0f ? kLeg : -kLeg;
    const float b = dir.x * cx;
    const float reach = b + std::sqrt(std::max(0.0f, b * b - (cx * cx - kLeg * kLeg)));
    const glm::vec2 legs = dir * reach * glm::vec2(1.0f, 0.95f);
    const float split = glm::smoothstep(0.0f, 1.0f, v);
    const glm::vec2 q = glm::mix(glm::vec2(hip.x, hip.z), legs, split);
    return {q.x, y, q.y};
}

glm::vec3 aodai_trouser_leg_point(float u, float v, float side) {
    const float y = glm::mix(0.80f, 0.048f, v);
    const float theta = 2.0f * kClothPi * u;
    const float radius = 0.086f + 0.006f * v;
    const float folds = (0.007f * std::sin(7.0f * theta + 3.0f * v + side) + 0.004f * std::sin(13.0f * theta - 5.0f * v)) *
                        glm::smoothstep(0.0f, 0.4f, v);
    const float r = radius + folds;
    return {side * (0.086f + 0.006f * v) + r * std::sin(theta), y, 0.95f * r * std::cos(theta)};
}

SampleFile make_ao_dai_on_form(const AoDaiStyle& style) {
    assets::Model model;
    model.source = style.file + " (generated)";
    const float detail = style.detail;
    const auto n = [detail](int count) { return std::max(8, static_cast<int>(std::lround(count * detail))); };
    const std::uint32_t seed = style.seed;

    // The dress's atlas: flaps, sleeves, bodice and collar, each with its baked occlusion.
    const glm::vec4 front_rect{0.004f, 0.004f, 0.296f, 0.616f}, back_rect{0.304f, 0.004f, 0.596f, 0.616f},
        left_sleeve{0.604f, 0.004f, 0.796f, 0.596f}, right_sleeve{0.804f, 0.004f, 0.996f, 0.596f},
        bodice_rect{0.004f, 0.624f, 0.696f, 0.856f}, collar_rect{0.004f, 0.864f, 0.696f, 0.956f},
        hem_rect{0.704f, 0.624f, 0.996f, 0.70f};
    std::vector<cloth::AtlasPart> parts{
        {front_rect, {0.42f, 0.93f}, [seed](float u, float v) { return aodai_flap_occlusion(u, v, 1.0f, seed); }},
        {back_rect, {0.42f, 0.93f}, [seed](float u, float v) { return aodai_flap_occlusion(u, v, -1.0f, seed); }},
        {left_sleeve, {0.33f, 0.6f}, [](float u, float v) {
             return 1.0f - 0.3f * std::pow(std::max(0.0f, -std::sin(2.0f * kClothPi * u)), 2.0f) - 0.25f * std::exp(-v / 0.06f);
         }},
        {right_sleeve, {0.33f, 0.6f}, [](float u, float v) {
             return 1.0f - 0.3f * std::pow(std::max(0.0f, -std::sin(2.0f * kClothPi * u)), 2.0f) - 0.25f * std::exp(-v / 0.06f);
         }},
        {bodice_rect, {0.9f, 0.33f}, [](float u, float v) {
             const float y = glm::mix(kAoDaiWaistY, 1.548f, 1.0f - v);
             const float side = std::abs(std::sin(2.0f * kClothPi * u));
             const float armpit = std::exp(-std::pow((y - 1.43f) / 0.05f, 2.0f)) * std::pow(side, 8.0f);
             const float under_bust = std::exp(-std::pow((y - 1.305f) / 0.02f, 2.0f)) * std::max(0.0f, std::cos(2.0f * kClothPi * u));
             return 1.0f - 0.45f * armpit - 0.2f * under_bust - 0.2f * glm::smoothstep(1.52f, 1.548f, y);
         }},
        {collar_rect, {0.34f, 0.05f}, [](float, float v) { return 0.8f + 0.2f * v; }},
        {hem_rect, {0.1f, 0.01f}, {}}};
    const int dress = cloth::add_silk_material(model, cloth::paint_silk(style.dress, style.atlas, parts, "ao_dai"),
                                               "ao_dai_silk", style.dress);

    assets::Mesh gown;
    gown.name = "ao_dai";
    // Bodice: the form's shape, 5 mm out, with faint drag lines at the waist and under the arms.
    cloth::append_mesh(gown, cloth::grid_mesh("bodice", {n(200), n(110), true, bodice_rect}, [](float u, float v) {
        const float y = glm::mix(kAoDaiWaistY, 1.548f, 1.0f - v);
        const float theta = 2.0f * kClothPi * u;
        const float drag = 0.0015f * std::sin(60.0f * y + 3.0f * std::sin(theta)) * std::exp(-std::pow((y - 1.25f) / 0.05f, 2.0f));
        return aodai_form_point(y, theta, 0.005f + drag);
    }));
    // Mandarin collar (cổ đứng), open at the front with rounded corners.
    cloth::append_mesh(gown, cloth::grid_mesh("collar", {n(120), n(14), false, collar_rect}, [](float u, float v) {
        const float theta = glm::mix(0.12f, 2.0f * kClothPi - 0.12f, u);
        const float end = std::min(u, 1.0f - u);
        const float height = 0.045f * std::sqrt(std::clamp(end / 0.03f, 0.0f, 1.0f));
        const float y = 1.545f + height * (1.0f - v);
        return aodai_form_point(y, theta, 0.007f - 0.002f * (1.0f - v));
    }));
    for (float side : {1.0f, -1.0f}) {
        cloth::append_mesh(gown, cloth::grid_mesh("flap", {n(110), n(230), false, side > 0 ? front_rect : back_rect},
                                                  [side, seed](float u, float v) { return aodai_flap_point(u, v, side, seed); }));
        std::vector<glm::vec3> hem;
        for (int i = 0; i <= 120; ++i) hem.push_back(aodai_flap_point(static_cast<float>(i) / 120.0f, 1.0f, side, seed));
        cloth::append_mesh(gown, cloth::tube_mesh("flap_hem", hem, 0.0015f, 6, hem_rect));
        cloth::append_mesh(gown, cloth::grid_mesh("sleeve", {n(56), n(150), true, side > 0 ? right_sleeve : left_sleeve},
                                                  [side](float u, float v) { return aodai_sleeve_point(u, v, side); }));
    }
    gown.material = dress;

    // White silk trousers (quần lụa), their own 1K map.
    cloth::SilkLook white;
    white.colour = {0.93f, 0.92f, 0.88f};
    white.seed = seed + 50;
    const std::vector<cloth::AtlasPart> trouser_parts{
        {{0.004f, 0.004f, 0.996f, 0.3f}, {0.9f, 0.28f}, [](float, float v) { return 0.55f + 0.35f * v; }},
        {{0.004f, 0.31f, 0.496f, 0.996f}, {0.55f, 0.75f}, [](float u, float v) {
             return (0.75f + 0.25f * v) * (1.0f - 0.3f * std::pow(std::max(0.0f, -std::sin(2.0f * kClothPi * u)), 3.0f));
         }},
        {{0.504f, 0.31f, 0.996f, 0.996f}, {0.55f, 0.75f}, [](float u, float v) {
             return (0.75f + 0.25f * v) * (1.0f - 0.3f * std::pow(std::max(0.0f, std::sin(2.0f * kClothPi * u)), 3.0f));
         }}};
    const int trouser_silk = cloth::add_silk_material(model, cloth::paint_silk(white, 1024, trouser_parts, "trousers"),
                                                      "white_silk_trousers", white);
    assets::Mesh trousers;
    trousers.name = "trousers";
    cloth::append_mesh(trousers, cloth::grid_mesh("trouser_body", {n(160), n(50), true, trouser_parts[0].uv_rect}, aodai_trouser_body_point));
    for (float side : {-1.0f, 1.0f})
        cloth::append_mesh(trousers, cloth::grid_mesh("trouser_leg", {n(96), n(180), true, trouser_parts[side < 0 ? 1 : 2].uv_rect},
                                                      [side](float u, float v) { return aodai_trouser_leg_point(u, v, side); }));
    trousers.material = trouser_silk;

    // The dress form: linen-covered torso and neck, wooden neck cap, pole and round base.
    cloth::SilkLook linen;
    linen.colour = {0.78f, 0.72f, 0.62f};
    linen.roughness = 0.85f;
    linen.sheen = false;
    linen.thread_pitch = 0.0016f;
    linen.tile_m = 0.1f;
    linen.seed = seed + 60;
    const int form_cover = cloth::add_silk_material(model, cloth::paint_silk(linen, 512, {}, "form_linen"), "dress_form_linen", linen);
    model.materials[static_cast<std::size_t>(form_cover)].double_sided = false;
    assets::Mesh form = cloth::grid_mesh("dress_form", {n(120), n(70), true, {0, 0, 9.0f, 6.5f}}, [](float u, float v) {
        return aodai_form_point(glm::mix(0.985f, 1.625f, v), 2.0f * kClothPi * u, 0.0f);
    });
    form.material = form_cover;
    const int wood = cloth::add_wood_material(model, {{0.45f, 0.28f, 0.16f}, {0.25f, 0.14f, 0.08f}, 0.4f, seed + 70}, 1024, "form_wood");
    assets::Mesh stand = cloth::lathe_mesh("form_base", {{0.0f, 0.0f}, {0.166f, 0.0f}, {0.171f, 0.004f}, {0.172f, 0.022f},
                                                         {0.168f, 0.030f}, {0.150f, 0.036f}, {0.05f, 0.040f}, {0.03f, 0.046f},
                                                         {0.016f, 0.05f}, {0.013f, 0.06f}, {0.013f, 0.99f}, {0.0f, 0.995f}}, n(64));
    for (std::size_t k = 0; k < stand.positions.size(); ++k)
        if (stand.positions[k].y < 0.047f) stand.uv0[k] = glm::vec2(stand.positions[k].x, stand.positions[k].z) * 1.6f + 0.5f;
    cloth::append_mesh(stand, cloth::lathe_mesh("neck_cap", {{0.047f, 1.618f}, {0.053f, 1.622f}, {0.055f, 1.632f},
                                                            {0.050f, 1.643f}, {0.030f, 1.649f}, {0.0f, 1.650f}}, n(64)));
    stand.material = wood;

    model.meshes.push_back(std::move(gown));
    model.meshes.push_back(std::move(trousers));
    model.meshes.push_back(std::move(form));
    model.meshes.push_back(std::move(stand));
    assets::add_root_node_for_all_meshes(model, style.file.substr(0, style.file.find('.')));
    return {style.file, FileFormat::Glb, std::move(model), "m", "y"};
}

}  // namespace

SampleFile make_vp_scarf_on_stand() {
    const ScarfDrape drape;
    const float length = drape.length();
    const float piece_length = length / kScarfPieces;

    assets::Model model;
    model.source = "vp-scarf-on-stand (generated)";
    cloth::SilkLook look;
    look.colour = {0.07f, 0.42f, 0.40f};  // jade (ngọc bích)
    look.motif = cloth::Motif::Tho;
    look.motif_period = 0.075f;
    look.seed = 101;

    std::vector<cloth::AtlasPart> parts;
    for (int k = 0; k < kScarfPieces; ++k) {
        const float s0 = piece_length * static_cast<float>(k);
        parts.push_back({scarf_piece_rect(k), {kScarfWidth, piece_length}, [&drape, s0, piece_length](float u, float v) {
                             return drape.occlusion(s0 + v * piece_length, (u - 0.5f) * kScarfWidth);
                         }});
    }
    const int silk = cloth::add_silk_material(model, cloth::paint_silk(look, 2048, parts, "scarf_silk"),
                                              "van_phuc_silk_jade", look);
    const int wood = cloth::add_wood_material(model, {}, 1024, "stand_wood");

    assets::Mesh scarf;
    scarf.name = "scarf";
    for (int k = 0; k < kScarfPieces; ++k) {
        const float s0 = piece_length * static_cast<float>(k);
        const cloth::Grid grid{170, 100, false, scarf_piece_rect(k)};
        cloth::append_mesh(scarf, cloth::grid_mesh("scarf_piece", grid, [&](float u, float v) {
                               return drape.position(s0 + v * piece_length, (u - 0.5f) * kScarfWidth);
                           }));
    }
    // Rolled hems along both edges and across both ends, and a knotted fringe at each end.
    const glm::vec4 hem_rect = scarf_piece_rect(2);
    for (float t : {-0.5f * kScarfWidth, 0.5f * kScarfWidth}) {
        std::vector<glm::vec3> edge;
        for (int i = 0; i <= 300; ++i) edge.push_back(drape.position(length * static_cast<float>(i) / 300.0f, t));
        cloth::append_mesh(scarf, cloth::tube_mesh("scarf_hem", edge, 0.0012f, 6, hem_rect));
    }
    for (float s : {0.0f, length}) {
        std::vector<glm::vec3> end;
        for (int i = 0; i <= 60; ++i)
            end.push_back(drape.position(s, (static_cast<float>(i) / 60.0f - 0.5f) * kScarfWidth));
        cloth::append_mesh(scarf, cloth::tube_mesh("scarf_end_hem", end, 0.0014f, 6, hem_rect));
        const glm::vec3 down = glm::normalize(drape.position(s == 0.0f ? 0.0f : length, 0.0f) -
                                              drape.position(s == 0.0f ? 0.01f : length - 0.01f, 0.0f));
        for (int k = 0; k < 56; ++k) {
            const float t = (static_cast<float>(k) + 0.5f) / 56.0f * kScarfWidth - 0.5f * kScarfWidth;
            const glm::vec3 root = drape.position(s, t);
            const float sway = 0.004f * (hash01(k, s == 0.0f ? 0 : 1, 0, 77) - 0.5f);
            const float strand = 0.028f + 0.006f * hash01(k, 3, s == 0.0f ? 0 : 1, 78);
            std::vector<glm::vec3> path;
            for (int i = 0; i <= 6; ++i) {
                const float f = static_cast<float>(i) / 6.0f;
                path.push_back(root + down * (strand * f) + glm::vec3(sway * f * f, 0.0f, 0.0f));
            }
            cloth::append_mesh(scarf, cloth::tube_mesh("scarf_fringe", path, 0.0009f, 5, hem_rect));
        }
    }
    scarf.material = silk;
    assets::Mesh stand = scarf_stand_mesh();
    stand.material = wood;
    model.meshes.push_back(std::move(scarf));
    model.meshes.push_back(std::move(stand));
    assets::add_root_node_for_all_meshes(model, "vp_scarf_on_stand");
    return {"vp-scarf-on-stand.glb", FileFormat::Glb, std::move(model), "m", "y"};
}

SampleFile make_vp_silk_bolts() {
    assets::Model model;
    model.source = "vp-silk-bolts (generated)";
    struct Bolt {
        glm::vec3 colour;
        cloth::Motif motif;
        float yaw, dx, dz;
    };
    // Golden satin, jade with the lotus scroll, crimson lụa vân on top, as a shop stacks them.
    const std::array<Bolt, 3> bolts{{{{0.86f, 0.66f, 0.22f}, cloth::Motif::Plain, 0.0f, 0.0f, 0.0f},
                                     {{0.10f, 0.40f, 0.36f}, cloth::Motif::Floral, 0.05f, 0.012f, -0.004f},
                                     {{0.58f, 0.05f, 0.09f}, cloth::Motif::Tho, -0.06f, -0.008f, 0.006f}}};
    constexpr float kTile = 0.14f;
    float base_y = 0.0f;
    for (std::size_t k = 0; k < bolts.size(); ++k) {
        cloth::SilkLook look;
        look.colour = bolts[k].colour;
        look.motif = bolts[k].motif;
        look.motif_period = 0.07f;
        look.tile_m = kTile;
        look.seed = 200 + static_cast<std::uint32_t>(k);
        const int silk = cloth::add_silk_material(model, cloth::paint_silk(look, 1024, {}, "bolt_" + std::to_string(k)),
                                                  "van_phuc_silk_bolt_" + std::to_string(k), look);
        cloth::FoldedStack stack;
        // Built with its fold loops at ±X, then turned so the soft loops face the customer.
        stack.width = 0.262f;
        stack.depth = 0.41f;
        stack.layers = 14;
        stack.spacing = 0.0041f;
        stack.top_wave = 0.003f;
        stack.seed = 300 + static_cast<std::uint32_t>(k);
        assets::Mesh bolt = cloth::folded_stack_mesh(stack, kTile, "silk_bolt");
        // Between the layers the cloth is in its own shadow: a dark filler seen at the cut edges.
        assets::Mesh core = cloth::box_mesh("bolt_core", {-0.5f * stack.width, 0.0015f, -0.5f * stack.depth + 0.002f},
                                            {0.5f * stack.width, stack.spacing * (static_cast<float>(stack.layers) - 0.6f),
                                             0.5f * stack.depth - 0.002f});
        const glm::mat4 place = glm::translate(glm::mat4(1.0f), glm::vec3(bolts[k].dx, base_y, bolts[k].dz)) *
                                glm::rotate(glm::mat4(1.0f), bolts[k].yaw + 0.5f * kClothPi, glm::vec3(0, 1, 0));
        cloth::transform_mesh(bolt, place);
        cloth::transform_mesh(core, place);
        bolt.material = silk;
        assets::Material shade;
        shade.name = "bolt_core_" + std::to_string(k);
        shade.base_color = glm::vec4(glm::pow(look.colour, glm::vec3(2.2f)) * 0.25f, 1.0f);
        shade.metallic = 0.0f;
        shade.roughness = 0.9f;
        model.materials.push_back(shade);
        core.material = static_cast<int>(model.materials.size()) - 1;
        model.meshes.push_back(std::move(bolt));
        model.meshes.push_back(std::move(core));
        base_y += stack.spacing * static_cast<float>(stack.layers) + 0.0012f;
    }
    assets::add_root_node_for_all_meshes(model, "vp_silk_bolts");
    return {"vp-silk-bolts.gltf", FileFormat::Gltf, std::move(model), "m", "y"};
}
SampleFile make_vp_ao_dai() {
    AoDaiStyle style;
    style.file = "vp-ao-dai-dress-form.glb";
    style.dress.colour = {0.62f, 0.05f, 0.08f};  // deep red lụa, a faint lotus scroll in the weave
    style.dress.motif = cloth::Motif::Floral;
    style.dress.motif_period = 0.09f;
    style.dress.seed = 501;
    style.detail = 1.0f;
    style.atlas = 2048;
    style.seed = 502;
    return make_ao_dai_on_form(style);
}
SampleFile make_vp_scarf_folded() {
    assets::Model model;
    model.source = "vp-scarf-folded (generated)";
    cloth::SilkLook look;
    look.colour = {0.86f, 0.45f, 0.55f};  // lotus pink (hồng sen)
    look.motif = cloth::Motif::Floral;
    look.motif_period = 0.05f;
    look.tile_m = 0.1f;
    look.seed = 401;
    const int silk = cloth::add_silk_material(model, cloth::paint_silk(look, 1024, {}, "folded_scarf"),
                                              "van_phuc_silk_pink", look);
    cloth::FoldedStack stack;
    stack.width = 0.166f;  // turned below: the fold loops face the front
    stack.depth = 0.242f;
    stack.layers = 10;
    stack.spacing = 0.0039f;
    stack.top_wave = 0.004f;
    stack.edge_jitter = 0.002f;
    stack.across = 40;
    stack.loop_steps = 10;
    stack.along = 60;
    stack.seed = 402;
    assets::Mesh scarf = cloth::folded_stack_mesh(stack, look.tile_m, "folded_scarf");
    cloth::add_back_faces(scarf);  // OBJ has no double-sided flag
    // The fringed end lies across the top and spills a little over the right-hand cut edge.
    const float edge = 0.5f * stack.depth;
    for (int k = 0; k < 40; ++k) {
        const float x = -0.07f + 0.14f * (static_cast<float>(k) + 0.5f) / 40.0f;
        const float reach = 0.012f + 0.01f * hash01(k, 0, 0, 403);
        const float sway = 0.006f * (hash01(k, 1, 0, 403) - 0.5f);
        std::vector<glm::vec3> path;
        for (int i = 0; i <= 10; ++i) {
            const float f = static_cast<float>(i) / 10.0f;
            const float z = edge - 0.012f + (0.012f + reach) * f;
            const float over = std::max(0.0f, z - edge);  // past the edge it droops
            const float top = cloth::folded_stack_top(stack, x, std::min(z, edge)) + 0.0009f;
            path.push_back({x + sway * f * f, top - 0.6f * over - 18.0f * over * over, std::min(z, edge + 0.6f * over)});
        }
        cloth::append_mesh(scarf, cloth::tube_mesh("scarf_fringe", path, 0.0008f, 5, {0.1f, 0.1f, 0.2f, 0.2f}));
    }
    scarf.material = silk;
    assets::Mesh core = cloth::box_mesh("scarf_core", {-0.5f * stack.width, 0.0015f, -0.5f * stack.depth + 0.002f},
                                        {0.5f * stack.width, stack.spacing * (static_cast<float>(stack.layers) - 0.6f),
                                         0.5f * stack.depth - 0.002f});
    assets::Material shade;
    shade.name = "folded_scarf_core";
    shade.base_color = glm::vec4(glm::pow(look.colour, glm::vec3(2.2f)) * 0.3f, 1.0f);
    shade.metallic = 0.0f;
    shade.roughness = 0.9f;
    model.materials.push_back(shade);
    core.material = 1;
    const glm::mat4 turn = glm::rotate(glm::mat4(1.0f), 0.5f * kClothPi, glm::vec3(0, 1, 0));
    cloth::transform_mesh(scarf, turn);
    cloth::transform_mesh(core, turn);
    model.meshes.push_back(std::move(scarf));
    model.meshes.push_back(std::move(core));
    assets::add_root_node_for_all_meshes(model, "vp_scarf_folded");
    return {"vp-scarf-folded.obj", FileFormat::Obj, std::move(model), "cm", "y"};
}
SampleFile make_tx_ao_dai_brocade() {
    AoDaiStyle style;
    style.file = "tx-ao-dai-brocade.glb";
    style.dress.colour = {0.08f, 0.16f, 0.42f};  // royal blue gấm with gold thread
    style.dress.motif = cloth::Motif::Brocade;
    style.dress.motif_colour = {0.86f, 0.68f, 0.30f};
    style.dress.motif_period = 0.068f;
    style.dress.roughness = 0.5f;
    style.dress.seed = 601;
    style.detail = 0.68f;
    style.atlas = 1024;
    style.seed = 602;
    return make_ao_dai_on_form(style);
}

}  // namespace ocop::samples
