// Hạ Thái lacquer (Duyên Thái) and Chuyên Mỹ mother-of-pearl: turned boxes, trays and a vase,
// lacquered, inlaid and polished. Sizes are the catalogue's, metres, base at y = 0.
#include <cmath>

#include "ceramics_paint.h"
#include "generators.h"
#include "lacquer_paint.h"
#include "paint.h"

namespace ocop::samples {
namespace {

// Flat coordinates on a top: x across, y away from the viewer (front is +Z).
glm::vec2 lq_top(const Lathe& lathe, float u, const LatheRow& row) {
    const glm::vec3 p = lathe.point(u, row);
    return {p.x, -p.z};
}

// A rounded-rectangle frame line: distance to the rectangle of half-size `half`, corner radius r.
float lq_frame_distance(glm::vec2 q, glm::vec2 half, float r) {
    const glm::vec2 d = glm::abs(q) - half + glm::vec2(r);
    return glm::length(glm::max(d, glm::vec2(0.0f))) + std::min(std::max(d.x, d.y), 0.0f) - r;
}

// The lid top of the eggshell box: a gold frame round a lotus in eggshell on black.
LacquerTexel eggshell_lid(glm::vec3 p, glm::vec2 q) {
    const float frame = lq_frame_distance(q, {0.094f, 0.064f}, 0.01f);
    if (std::abs(frame) < 0.0008f) return gold_leaf(q, 0.02f);
    if (frame < -0.0035f) {
        const float ink = lotus_pond_ink({q.x, q.y + 0.052f, 0.19f, 0.11f, 0});
        LacquerTexel shell;
        if (ink > 0.85f) return lacquer_red(p);              // the outlines are cinnabar lines
        if (ink > 0.15f && eggshell(q, ink > 0.5f ? 0.55f : 0.0f, &shell)) return shell;  // leaves toasted
    }
    if (frame > 0.0f && frame < 0.0045f) {  // a border of tiles outside the frame
        LacquerTexel shell;
        if (eggshell(q, 0.2f, &shell)) return shell;
    }
    return lacquer_black(p);
}

}  // namespace

SampleFile make_ht_box_eggshell() {
    LacquerBox box = lacquer_box({0.24f, 0.10f, 0.18f}, 0.032f, 384, 0.002f);
    LacquerCanvases canvases(2048);
    const glm::vec4 lid_rect(0.0f, 0.0f, 1.0f, 0.62f), body_rect(0.0f, 0.62f, 1.0f, 1.0f);
    lacquer_paint(canvases, lid_rect, box.lid, [&](float u, const LatheRow& row) {
        const glm::vec3 p = box.lid.point(u, row);
        LacquerTexel t = row.zone == 2 ? eggshell_lid(p, lq_top(box.lid, u, row)) : lacquer_red(p);
        if (row.zone == 1 && std::abs(p.y - 0.0735f) < 0.0007f) t = gold_leaf({u * 0.84f, p.y}, 0.02f);
        t.colour *= scan_grain(u, row, 1301u);
        return t;
    });
    lacquer_paint(canvases, body_rect, box.body, [&](float u, const LatheRow& row) {
        const glm::vec3 p = box.body.point(u, row);
        LacquerTexel t = row.zone == 0 ? lacquer_black(p) : lacquer_red(p);
        if (row.zone == 1 && std::abs(p.y - 0.006f) < 0.0006f) t = gold_leaf({u * 0.84f, p.y}, 0.02f);
        t.colour *= scan_grain(u, row, 1302u);
        return t;
    });
    lathe_fit_uv(box.lid.mesh, lid_rect);
    lathe_fit_uv(box.body.mesh, body_rect);
    assets::Model model;
    model.materials.push_back(lacquer_material(model, std::move(canvases), "eggshell_lacquer", false));
    box.body.mesh.material = box.lid.mesh.material = 0;
    model.meshes.push_back(std::move(box.body.mesh));
    model.meshes.push_back(std::move(box.lid.mesh));
    return lacquer_sample("ht-box-eggshell.glb", FileFormat::Glb, "m", std::move(model));
}

SampleFile make_ht_tray_gold_leaf() {
    LatheSettings settings;
    settings.around = 320;
    settings.footprint = {6.0f, {1.0f, 0.7f}};
    LatheSegment tray{lathe_rounded({{0.0f, 0.0f}, {0.192f, 0.0f}, {0.2f, 0.04f}, {0.193f, 0.04f}, {0.186f, 0.008f}, {0.0f, 0.008f}},
                                    0.003f, 8, 0.0035f),
                      0, {}};
    Lathe lathe = make_lathe({tray}, settings, "tray");
    LacquerCanvases canvases(1024);
    lacquer_paint(canvases, {0.0f, 0.0f, 1.0f, 1.0f}, lathe, [&](float u, const LatheRow& row) {
        const glm::vec3 p = lathe.point(u, row);
        const glm::vec2 q = lq_top(lathe, u, row);
        LacquerTexel t = lacquer_black(p);
        const bool floor = std::abs(p.y - 0.008f) < 1e-4f && row.normal.y > 0.9f;
        if (p.y > 0.0385f) t = gold_leaf(q, 0.025f);  // the gilded rim
        if (floor) {
            // A lotus branch in gold leaf on the floor, a gold line round it.
            const float ink = lotus_pond_ink({q.x + 0.01f, q.y + 0.07f, 0.30f, 0.14f, 0});
            const float frame = lq_frame_distance(q, {0.165f, 0.112f}, 0.02f);
            if (ink > 0.12f || std::abs(frame) < 0.0009f) {
                t = gold_leaf(q, 0.025f);
                if (ink > 0.85f) t.colour *= 0.55f;  // outlines scratched through to the lacquer
            }
        }
        t.colour *= scan_grain(u, row, 1311u);
        return t;
    });
    assets::Model model;
    model.materials.push_back(lacquer_material(model, std::move(canvases), "gold_leaf_lacquer", false));
    lathe.mesh.material = 0;
    model.meshes.push_back(std::move(lathe.mesh));
    return lacquer_sample("ht-tray-gold-leaf.gltf", FileFormat::Gltf, "m", std::move(model));
}

SampleFile make_ht_vase_lacquer() {
    Vessel v;  // a turned wooden core, lacquered
    v.outer_control = {{0.040f, 0.000f}, {0.039f, 0.006f}, {0.048f, 0.025f}, {0.064f, 0.070f}, {0.069f, 0.115f},
                       {0.062f, 0.165f}, {0.043f, 0.215f}, {0.030f, 0.250f}, {0.028f, 0.280f}, {0.032f, 0.305f}, {0.036f, 0.318f}};
    v.wall = 0.004f, v.foot_inner_radius = 0.034f, v.underside_height = 0.004f;
    v.inner_floor_y = 0.27f, v.outer_rows = 150, v.inner_rows = 12;
    LatheSettings settings;
    settings.around = 240;
    settings.zone_texture_weight = pot_texture_weights();
    Lathe lathe = make_lathe(pot_profile(v), settings, "vase");
    LacquerCanvases canvases(1024);
    const auto band = [](float y, float lo, float hi) { return y > lo && y < hi; };
    lacquer_paint(canvases, {0.0f, 0.0f, 1.0f, 1.0f}, lathe, [&](float u, const LatheRow& row) {
        const glm::vec3 p = lathe.point(u, row);
        LacquerTexel t = lacquer_red(p);
        if (row.zone == kInner || row.zone == kFloor || row.zone == kUnderside || row.zone == kFoot) t = lacquer_black(p);
        const float y = row.p.y;
        if (row.zone == kOuter || row.zone == kLip) {
            if (band(y, 0.012f, 0.020f) || band(y, 0.112f, 0.118f) || band(y, 0.240f, 0.247f) || y > 0.310f || row.zone == kLip)
                t = gold_leaf({u * 0.4f, y}, 0.02f);
            else if (band(y, 0.250f, 0.300f))
                t = lacquer_black(p);
        }
        t.colour *= scan_grain(u, row, 1321u) * (0.6f + 0.4f * row.occlusion);  // OBJ: occlusion baked in
        return t;
    });
    assets::Model model;
    assets::Material m = lacquer_material(model, std::move(canvases), "red_lacquer", false);
    m.metallic = 0.0f;  // OBJ carries one metallic value: the gold bands stay dielectric
    m.roughness = 0.35f;
    m.metallic_roughness_texture = {};
    m.occlusion_texture = {};
    model.images.pop_back();  // the ORM image is not written to OBJ
    model.materials.push_back(m);
    lathe.mesh.material = 0;
    model.meshes.push_back(std::move(lathe.mesh));
    return lacquer_sample("ht-vase-lacquer.obj", FileFormat::Obj, "cm", std::move(model));
}

SampleFile make_cm_box_pearl_inlay() {
    LacquerBox box = lacquer_box({0.28f, 0.12f, 0.20f}, 0.04f, 256, 0.003f);
    LacquerCanvases canvases(1024);
    const glm::vec4 lid_rect(0.0f, 0.0f, 1.0f, 0.62f), body_rect(0.0f, 0.62f, 1.0f, 1.0f);
    lacquer_paint(canvases, lid_rect, box.lid, [&](float u, const LatheRow& row) {
        const glm::vec3 p = box.lid.point(u, row);
        LacquerTexel t = lacquer_wood(p);
        if (row.zone == 2) {
            const glm::vec2 q = lq_top(box.lid, u, row);
            const int piece = plum_branch_piece(q, 1.15f);
            if (piece > 0) t = mother_of_pearl(q, static_cast<std::uint32_t>(piece));
            if (piece < 0) t.colour *= 0.5f;
            // A border of small diamonds of shell.
            const float frame = lq_frame_distance(q, {0.118f, 0.080f}, 0.008f);
            const float along = (std::abs(q.x) > 0.11f ? q.y : q.x) / 0.008f;
            const float diamond = std::abs(along - std::round(along)) * 0.008f + std::abs(frame);
            if (diamond < 0.0028f) t = mother_of_pearl(q, static_cast<std::uint32_t>(500 + std::lround(along)));
        }
        t.colour *= scan_grain(u, row, 1331u);
        return t;
    });
    lacquer_paint(canvases, body_rect, box.body, [&](float u, const LatheRow& row) {
        LacquerTexel t = lacquer_wood(box.body.point(u, row));
        t.colour *= scan_grain(u, row, 1332u);
        return t;
    });
    lathe_fit_uv(box.lid.mesh, lid_rect);
    lathe_fit_uv(box.body.mesh, body_rect);
    assets::Model model;
    assets::Material m = lacquer_material(model, std::move(canvases), "pearl_inlay_wood", true);
    m.clearcoat.factor = 0.6f;  // an oiled and waxed wood, less glassy than lacquer
    m.clearcoat.roughness = 0.12f;
    model.materials.push_back(m);
    box.body.mesh.material = box.lid.mesh.material = 0;
    model.meshes.push_back(std::move(box.body.mesh));
    model.meshes.push_back(std::move(box.lid.mesh));
    return lacquer_sample("cm-box-pearl-inlay.glb", FileFormat::Glb, "m", std::move(model));
}

SampleFile make_cm_tray_pearl() {
    LatheSettings settings;
    settings.around = 384;
    LatheSegment tray{lathe_rounded({{0.0f, 0.0f}, {0.172f, 0.0f}, {0.18f, 0.05f}, {0.173f, 0.05f}, {0.166f, 0.010f}, {0.0f, 0.010f}},
                                    0.003f, 8, 0.003f),
                      0, {}};
    Lathe lathe = make_lathe({tray}, settings, "tray");
    LacquerCanvases canvases(1024);
    lacquer_paint(canvases, {0.0f, 0.0f, 1.0f, 1.0f}, lathe, [&](float u, const LatheRow& row) {
        const glm::vec3 p = lathe.point(u, row);
        const glm::vec2 q = lq_top(lathe, u, row);
        LacquerTexel t = lacquer_black(p);
        if (std::abs(p.y - 0.010f) < 1e-4f && row.normal.y > 0.9f) {
            const int piece = plum_branch_piece(q, 1.15f);
            if (piece > 0) t = mother_of_pearl(q, static_cast<std::uint32_t>(piece));
            // A ring of shell lozenges near the wall.
            const float r = glm::length(q);
            const float along = u * 96.0f;
            if (std::abs(r - 0.148f) < 0.004f * (1.0f - 2.0f * std::abs(along - std::round(along))))
                t = mother_of_pearl(q, static_cast<std::uint32_t>(700 + std::lround(along)));
        }
        t.colour *= scan_grain(u, row, 1341u);
        return t;
    });
    assets::Model model;
    model.materials.push_back(lacquer_material(model, std::move(canvases), "pearl_inlay_lacquer", true));
    lathe.mesh.material = 0;
    model.meshes.push_back(std::move(lathe.mesh));
    return lacquer_sample("cm-tray-pearl.gltf", FileFormat::Gltf, "m", std::move(model));
}

}  // namespace ocop::samples
