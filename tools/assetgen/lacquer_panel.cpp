// HT-PANEL-01: a Hạ Thái lacquer painting (sơn mài) of a village by a river, 60 x 40 cm in a
// thin frame on two foot blocks: 60 x 45 x 15 cm overall. The painting is laid the way the
// craft does it: gold-leaf glow under the sky, eggshell for the moon and walls, cinnabar roofs,
// silver leaf on the water, then polished flat under a clear coat.
#include <array>
#include <cmath>

#include "core/parallel.h"
#include "generators.h"
#include "lacquer_paint.h"
#include "paint.h"

namespace ocop::samples {
namespace {

constexpr float kLqpWidth = 0.60f, kLqpHeight = 0.40f, kLqpBottom = 0.045f, kLqpDepth = 0.018f;
constexpr float kLqpPaintingRows = 0.667f;  // the painting's share of the atlas (1.5 : 1, as the panel)

// A rectangle of quads from `origin` along `eu` and `ev` (front = cross(eu, ev)).
void lqp_face(assets::Mesh& mesh, glm::vec3 origin, glm::vec3 eu, glm::vec3 ev, int nu, int nv, glm::vec4 uv_rect) {
    const auto first = static_cast<std::uint32_t>(mesh.positions.size());
    const glm::vec3 normal = glm::normalize(glm::cross(eu, ev));
    const glm::vec3 tangent = glm::normalize(eu);
    for (int j = 0; j <= nv; ++j)
        for (int i = 0; i <= nu; ++i) {
            const float a = static_cast<float>(i) / static_cast<float>(nu), b = static_cast<float>(j) / static_cast<float>(nv);
            mesh.positions.push_back(origin + a * eu + b * ev);
            mesh.normals.push_back(normal);
            mesh.tangents.push_back(glm::vec4(tangent, 1.0f));
            mesh.uv0.push_back({glm::mix(uv_rect.x, uv_rect.z, a), glm::mix(uv_rect.w, uv_rect.y, b)});
        }
    const auto row = static_cast<std::uint32_t>(nu + 1);
    for (int j = 0; j < nv; ++j)
        for (int i = 0; i < nu; ++i) {
            const std::uint32_t a = first + static_cast<std::uint32_t>(j) * row + static_cast<std::uint32_t>(i), b = a + 1;
            const std::uint32_t d = a + row, c = d + 1;
            mesh.indices.insert(mesh.indices.end(), {a, b, c, a, c, d});
        }
}

// An axis-aligned block; the front face (+Z) may get its own UV rectangle and grid.
void lqp_block(assets::Mesh& mesh, glm::vec3 lo, glm::vec3 hi, glm::vec4 front_rect, glm::vec4 rect, int front_nu = 2, int front_nv = 2) {
    const glm::vec3 s = hi - lo;
    lqp_face(mesh, {lo.x, lo.y, hi.z}, {s.x, 0, 0}, {0, s.y, 0}, front_nu, front_nv, front_rect);
    lqp_face(mesh, {hi.x, lo.y, lo.z}, {-s.x, 0, 0}, {0, s.y, 0}, 2, 2, rect);
    lqp_face(mesh, {lo.x, hi.y, hi.z}, {s.x, 0, 0}, {0, 0, -s.z}, 2, 2, rect);
    lqp_face(mesh, {lo.x, lo.y, lo.z}, {s.x, 0, 0}, {0, 0, s.z}, 2, 2, rect);
    lqp_face(mesh, {hi.x, lo.y, hi.z}, {0, 0, -s.z}, {0, s.y, 0}, 2, 2, rect);
    lqp_face(mesh, {lo.x, lo.y, lo.z}, {0, 0, s.z}, {0, s.y, 0}, 2, 2, rect);
}

float lqp_ridge(float x, float base, float height, float frequency, std::uint32_t seed) {
    return base + height * fbm(glm::vec3(x * frequency, 0.3f, 0.7f), 4, seed);
}

// The painting at (x, y) metres from its lower-left corner.
LacquerTexel village_painting(float x, float y) {
    const glm::vec3 p(x, y, 0.0f);
    const float mottle = 0.85f + 0.3f * fbm(glm::vec3(x * 30.0f, y * 30.0f, 0.2f), 3, 1401u);  // sanded layers
    LacquerTexel t = lacquer_black(p);
    // Sky: gold leaf glowing through the lacquer towards the horizon, an eggshell moon.
    const float glow = glm::smoothstep(0.36f, 0.20f, y);
    t.colour = glm::mix(t.colour, glm::vec3(0.55f, 0.36f, 0.13f) * mottle, glow * 0.85f);
    t.metallic = 0.5f * glow;
    const glm::vec2 moon(0.43f, 0.325f);
    if (glm::distance(glm::vec2(x, y), moon) < 0.028f) {
        LacquerTexel shell;
        if (eggshell({x, y}, 0.0f, &shell)) return shell;
        return lacquer_black(p);
    }
    // Far hills in brown-red lacquer.
    if (y < lqp_ridge(x, 0.19f, 0.07f, 5.0f, 1402u)) {
        t.colour = glm::vec3(0.26f, 0.09f, 0.05f) * mottle;
        t.metallic = 0.0f;
    }
    // The bamboo grove that hides the village, gold stalks.
    if (y < lqp_ridge(x, 0.13f, 0.06f, 22.0f, 1403u) && y > 0.085f) {
        t.colour = glm::vec3(0.08f, 0.10f, 0.05f) * mottle;
        t.metallic = 0.0f;
        const float k = std::floor(x / 0.011f);
        const float stalk = x - (k + 0.5f) * 0.011f - 0.15f * (y - 0.1f) * (hash01(static_cast<int>(k), 1, 0, 1404u) - 0.5f);
        if (std::abs(stalk) < 0.0009f && hash01(static_cast<int>(k), 2, 0, 1404u) < 0.6f) return gold_leaf({x, y}, 0.03f);
    }
    // Houses: eggshell walls, cinnabar roofs, dark doors.
    constexpr std::array<glm::vec3, 4> kLqpHouses{{{0.09f, 0.085f, 0.05f}, {0.21f, 0.088f, 0.042f}, {0.355f, 0.086f, 0.056f}, {0.49f, 0.09f, 0.04f}}};
    for (const glm::vec3& h : kLqpHouses) {
        const float dx = x - h.x, wall_h = 0.45f * h.z, roof_h = 0.4f * h.z;
        if (std::abs(dx) < 0.5f * h.z && y > h.y && y < h.y + wall_h) {
            if (std::abs(dx) < 0.07f * h.z && y < h.y + 0.6f * wall_h) return lacquer_black(p);
            LacquerTexel shell;
            if (eggshell({x, y}, 0.15f, &shell)) return shell;
            return lacquer_black(p);
        }
        const float roof_y = y - (h.y + wall_h);
        if (roof_y >= 0.0f && roof_y < roof_h && std::abs(dx) < 0.62f * h.z * (1.0f - 0.55f * roof_y / roof_h)) {
            LacquerTexel roof = lacquer_red(p);
            roof.colour *= mottle;
            return roof;
        }
    }
    // The river: silver leaf in streaks, a boat.
    if (y < 0.085f && y > 0.035f) {
        const float streak = fbm(glm::vec3(x * 8.0f, y * 160.0f, 0.4f), 3, 1405u);
        t = lacquer_black(p);
        if (streak > 0.52f) {
            t.colour = glm::vec3(0.72f, 0.70f, 0.64f) * (0.8f + 0.3f * streak);
            t.metallic = 0.9f;
            t.roughness = 0.3f;
        }
        if (std::abs(y - 0.058f - 0.004f * std::cos((x - 0.3f) * 60.0f)) < 0.004f && std::abs(x - 0.3f) < 0.045f) return lacquer_black(p);
    }
    // Foreground bank: cinnabar with dark flowers.
    if (y < lqp_ridge(x, 0.02f, 0.025f, 9.0f, 1406u)) {
        t = lacquer_red(p);
        const Cells flower = cellular2(glm::vec2(x, y) / 0.012f, 1407u);
        if (flower.f1 < 0.18f) t.colour = glm::vec3(0.9f, 0.85f, 0.7f) * 0.8f;
        t.colour *= mottle;
    }
    return t;
}

}  // namespace

SampleFile make_ht_painting_panel() {
    LacquerCanvases canvases(1024);
    const int rows = static_cast<int>(std::lround(kLqpPaintingRows * 1024.0f));
    parallel_for(1024, [&](std::size_t k) {
        const int y = static_cast<int>(k);
        for (int x = 0; x < 1024; ++x) {
            LacquerTexel t;
            float occlusion = 1.0f;
            if (y < rows) {
                const float px = (static_cast<float>(x) + 0.5f) / 1024.0f * kLqpWidth;
                const float py = (1.0f - (static_cast<float>(y) + 0.5f) / static_cast<float>(rows)) * kLqpHeight;
                t = village_painting(px, py);
                // The frame shades the painting's edge a little.
                const float edge = std::min({px, kLqpWidth - px, py, kLqpHeight - py});
                occlusion = 0.75f + 0.25f * glm::smoothstep(0.012f, 0.03f, edge);
            } else {
                const glm::vec3 p(static_cast<float>(x) * 0.0005f, static_cast<float>(y) * 0.0005f, 0.0f);
                t = x < 512 ? lacquer_red(p) : lacquer_black(p);
                t.colour *= x < 512 ? 0.55f : 1.0f;  // the frame: a darker, brown-red lacquer
            }
            const float grain = 1.0f + 0.03f * (hash01(x, y, 0, 1408u) - 0.5f);
            canvases.base.set(x, y, glm::vec4(t.colour * grain, 1.0f));
            canvases.orm.set(x, y, {occlusion, t.roughness, t.metallic, 1.0f});
        }
    });

    assets::Mesh mesh;
    mesh.name = "painting";
    const glm::vec4 painting(0.0f, 0.0f, 1.0f, kLqpPaintingRows), frame(0.02f, 0.7f, 0.48f, 0.98f), black(0.52f, 0.7f, 0.98f, 0.98f);
    const float half_w = 0.5f * kLqpWidth, half_d = 0.5f * kLqpDepth, top = kLqpBottom + kLqpHeight;
    lqp_block(mesh, {-half_w, kLqpBottom, -half_d}, {half_w, top, half_d}, painting, black, 240, 160);
    // The frame, standing proud of the painting by 4 mm.
    constexpr float kLqpBar = 0.014f;
    const float zf = half_d + 0.004f;
    lqp_block(mesh, {-half_w - 0.004f, top - kLqpBar, -half_d - 0.002f}, {half_w + 0.004f, top + 0.004f, zf}, frame, frame);
    lqp_block(mesh, {-half_w - 0.004f, kLqpBottom - 0.004f, -half_d - 0.002f}, {half_w + 0.004f, kLqpBottom + kLqpBar, zf}, frame, frame);
    lqp_block(mesh, {-half_w - 0.004f, kLqpBottom, -half_d - 0.002f}, {-half_w + kLqpBar, top, zf}, frame, frame);
    lqp_block(mesh, {half_w - kLqpBar, kLqpBottom, -half_d - 0.002f}, {half_w + 0.004f, top, zf}, frame, frame);
    // Two foot blocks the panel stands in.
    for (const float x : {-0.2f, 0.2f}) lqp_block(mesh, {x - 0.03f, 0.0f, -0.075f}, {x + 0.03f, 0.055f, 0.075f}, frame, frame);

    assets::Model model;
    model.materials.push_back(lacquer_material(model, std::move(canvases), "lacquer_painting", false));
    for (assets::TextureRef* ref : {&model.materials[0].base_color_texture, &model.materials[0].metallic_roughness_texture,
                                    &model.materials[0].occlusion_texture})
        ref->wrap_t = assets::Wrap::ClampToEdge, ref->wrap_s = assets::Wrap::ClampToEdge;
    mesh.material = 0;
    model.meshes.push_back(std::move(mesh));
    return lacquer_sample("ht-painting-panel.glb", FileFormat::Glb, "m", std::move(model));
}

}  // namespace ocop::samples
