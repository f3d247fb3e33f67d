// Layout mode: the designer's outliner, inspector, product library and criteria check around
// the 3D view of the centre, with selection, moves, rotation, duplication and deletion in the
// view. Every change goes through App::edit, so every change can be undone.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/app.h"
#include "edit/edits.h"
#include "scene/fixtures.h"
#include "view/picking.h"

namespace ocop::studio {

namespace {

constexpr const char* kProductPayload = "OCOP_SKU";

ImU32 zone_colour(scene::ZoneFunction function, float alpha) {
    // The same four colours as the criteria report and the web tour's zone markers.
    switch (function) {
    case scene::ZoneFunction::DisplaySale: return ImGui::GetColorU32(ui_colour(0.95f, 0.65f, 0.20f, alpha));
    case scene::ZoneFunction::Workshop: return ImGui::GetColorU32(ui_colour(0.30f, 0.70f, 0.35f, alpha));
    case scene::ZoneFunction::Demonstration: return ImGui::GetColorU32(ui_colour(0.35f, 0.55f, 0.95f, alpha));
    case scene::ZoneFunction::Photography: return ImGui::GetColorU32(ui_colour(0.85f, 0.35f, 0.75f, alpha));
    }
    return ImGui::GetColorU32(ui_colour(1.0f, 1.0f, 1.0f, alpha));
}

bool selected(const App& app, const ObjectRef& ref) {
    return std::find(app.selection.begin(), app.selection.end(), ref) != app.selection.end();
}

void select(App& app, const ObjectRef& ref) {
    if (ImGui::GetIO().KeyCtrl) {
        const auto it = std::find(app.selection.begin(), app.selection.end(), ref);
        if (it == app.selection.end()) app.selection.push_back(ref);
        else app.selection.erase(it);
    } else {
        app.selection = {ref};
    }
}

void outliner_item(App& app, const ObjectRef& ref, const std::string& label, bool leaf = true) {
    ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
    if (leaf) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
    if (selected(app, ref)) flags |= ImGuiTreeNodeFlags_Selected;
    const bool open = ImGui::TreeNodeEx((label + "##" + describe(ref)).c_str(), flags);
    if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) select(app, ref);
    if (!leaf && open) {
        for (const scene::Placement& p : app.centre().placements) {
            if (p.on != ref.id) continue;
            const scene::Product* product = app.catalogue.find(p.product);
            const std::string name = product ? pick(app.language, product->name) : p.product;
            outliner_item(app, placement_ref(p.on, p.slot), std::to_string(p.slot) + ": " + name);
        }
        ImGui::TreePop();
    }
}

void outliner(App& app) {
    const Language l = app.language;
    const scene::Centre& c = app.centre();
    if (ImGui::CollapsingHeader(say(l, {"Rooms###rooms", "Phòng###rooms"}), ImGuiTreeNodeFlags_DefaultOpen))
        for (const scene::Room& r : c.rooms) outliner_item(app, room_ref(r.id), r.id);
    if (ImGui::CollapsingHeader(say(l, {"Zones###zones", "Khu vực###zones"}), ImGuiTreeNodeFlags_DefaultOpen))
        for (const scene::Zone& z : c.zones) {
            const std::string& name = pick(l, z.name);
            outliner_item(app, zone_ref(z.id), name.empty() ? z.id : z.id + " — " + name);
        }
    if (ImGui::CollapsingHeader(say(l, {"Fixtures and products###fixtures", "Vật trưng bày và sản phẩm###fixtures"}),
                                ImGuiTreeNodeFlags_DefaultOpen))
        for (const scene::Fixture& f : c.fixtures) {
            const bool holds = !scene::fixture_slots(f).empty();
            outliner_item(app, fixture_ref(f.id), f.id + " (" + f.type + ")", !holds);
        }
    if (ImGui::CollapsingHeader(say(l, {"Lights###lights", "Đèn###lights"})))
        for (std::size_t i = 0; i < c.lights.size(); ++i)
            outliner_item(app, light_ref(int(i)), std::string(say(l, {"Light ", "Đèn "})) + std::to_string(i + 1));
    if (ImGui::CollapsingHeader(say(l, {"Tour waypoints###waypoints", "Điểm dừng tham quan###waypoints"})))
        for (const scene::Waypoint& w : c.tour.waypoints) outliner_item(app, waypoint_ref(w.id), w.id);
}

// A numeric field that edits the document: one undo step per drag or typed value.
bool edit_floats(App& app, const char* label, float* values, int count, float speed, const std::string& edit_label,
                 const std::function<Status(scene::Centre&)>& change) {
    bool changed = false;
    if (count == 1) changed = ImGui::DragFloat(label, values, speed);
    else changed = ImGui::DragFloat3(label, values, speed);
    if (ImGui::IsItemActivated()) app.document.begin_gesture();
    if (changed) app.edit(edit_label, change);
    if (ImGui::IsItemDeactivated()) app.document.end_gesture();
    return changed;
}

void product_card(App& app, const scene::Product& p) {
    const Language l = app.language;
    const ImGuiLayer* no_ui = nullptr;
    (void)no_ui;
    ImGui::TextWrapped("%s", pick(l, p.name).c_str());
    ImGui::TextDisabled("%s", (l == Language::Vi ? p.name.en : p.name.vi).c_str());
    ImGui::Text("%s: %s", say(l, {"SKU", "Mã"}), p.sku.c_str());
    ImGui::Text("OCOP %d★ (%d)", p.ocop_stars, p.ocop_year);
    ImGui::Text("%s: %s", say(l, {"Price", "Giá"}), scene::format_price_vnd(p.price_vnd).c_str());
    ImGui::Text("%s: %s", say(l, {"Producer", "Nhà sản xuất"}), p.producer.c_str());
    ImGui::Text("%s: %s, %s", say(l, {"Commune", "Xã"}), p.commune.c_str(), p.district.c_str());
    ImGui::Text("%s: %.0f × %.0f × %.0f cm", say(l, {"Size", "Kích thước"}), double(p.dimensions_cm.x),
                double(p.dimensions_cm.y), double(p.dimensions_cm.z));
    ImGui::TextWrapped("%s", pick(l, p.story).c_str());
}

void inspector(App& app) {
    const Language l = app.language;
    if (app.selection.empty()) {
        ImGui::TextWrapped("%s", say(l, {"Select an object in the view or the outliner.",
                                         "Chọn một đối tượng trong khung nhìn hoặc danh sách."}));
        return;
    }
    if (app.selection.size() > 1) {
        ImGui::Text(say(l, {"%zu objects selected", "Đã chọn %zu đối tượng"}), app.selection.size());
        return;
    }
    const ObjectRef ref = app.selection.front();
    const scene::Centre& c = app.centre();
    ImGui::TextUnformatted(describe(ref).c_str());
    ImGui::Separator();
    if (ref.kind == ObjectRef::Kind::Fixture) {
        const scene::Fixture* f = c.find_fixture(ref.id);
        if (!f) return;
        ImGui::Text("%s: %s", say(l, {"Type", "Loại"}), f->type.c_str());
        ImGui::Text("%s: %s", say(l, {"Zone", "Khu vực"}), f->zone.c_str());
        float pos[3] = {f->pos.x, f->pos.y, f->pos.z};
        float yaw = f->yaw_deg;
        float size[3] = {f->size.x, f->size.y, f->size.z};
        const std::string id = f->id;
        edit_floats(app, say(l, {"Position (m)", "Vị trí (m)"}), pos, 3, 0.01f, "Move " + id,
                    [&](scene::Centre& cc) { return move_fixture(cc, id, {pos[0], pos[1], pos[2]}, yaw); });
        edit_floats(app, say(l, {"Rotation (°)", "Góc xoay (°)"}), &yaw, 1, 1.0f, "Rotate " + id,
                    [&](scene::Centre& cc) { return move_fixture(cc, id, {pos[0], pos[1], pos[2]}, yaw); });
        edit_floats(app, say(l, {"Size (m)", "Kích thước (m)"}), size, 3, 0.01f, "Resize " + id,
                    [&](scene::Centre& cc) { return set_fixture_size(cc, id, {size[0], size[1], size[2]}); });
        return;
    }
    if (ref.kind == ObjectRef::Kind::Placement) {
        const scene::Placement* p = find_placement(c, ref.id, ref.index);
        if (!p) return;
        if (const scene::Product* product = app.catalogue.find(p->product)) product_card(app, *product);
        ImGui::Separator();
        bool label = p->label;
        if (ImGui::Checkbox(say(l, {"Price tag", "Thẻ giá"}), &label)) {
            const ObjectRef r = ref;
            app.edit(label ? "Show price tag" : "Hide price tag", [r, label](scene::Centre& cc) {
                for (scene::Placement& pl : cc.placements)
                    if (pl.on == r.id && pl.slot == r.index) pl.label = label;
                return Status(Ok{});
            });
        }
        return;
    }
    if (ref.kind == ObjectRef::Kind::Light && ref.index < int(c.lights.size())) {
        const scene::CentreLight& light = c.lights[std::size_t(ref.index)];
        float pos[3] = {light.pos.x, light.pos.y, light.pos.z};
        const int index = ref.index;
        edit_floats(app, say(l, {"Position (m)", "Vị trí (m)"}), pos, 3, 0.01f, "Move light",
                    [&](scene::Centre& cc) { return move_light(cc, index, {pos[0], pos[1], pos[2]}); });
        float intensity = light.intensity, kelvin = light.kelvin;
        edit_floats(app, say(l, {"Intensity (cd)", "Cường độ (cd)"}), &intensity, 1, 5.0f, "Light intensity",
                    [&](scene::Centre& cc) {
                        cc.lights[std::size_t(index)].intensity = std::max(intensity, 0.0f);
                        return Status(Ok{});
                    });
        edit_floats(app, say(l, {"Colour (K)", "Nhiệt độ màu (K)"}), &kelvin, 1, 20.0f, "Light colour",
                    [&](scene::Centre& cc) {
                        cc.lights[std::size_t(index)].kelvin = std::clamp(kelvin, 1000.0f, 40000.0f);
                        return Status(Ok{});
                    });
        return;
    }
    if (ref.kind == ObjectRef::Kind::Zone) {
        if (const scene::Zone* z = c.find_zone(ref.id)) {
            ImGui::Text("%s", std::string(scene::to_string(z->function)).c_str());
            ImGui::Text("%.2f × %.2f m", double(z->max.x - z->min.x), double(z->max.y - z->min.y));
        }
        return;
    }
    if (ref.kind == ObjectRef::Kind::Room) {
        if (const scene::Room* r = c.find_room(ref.id))
            ImGui::Text("%.1f m², %s %.2f m", double(scene::outline_area(r->outline)), say(l, {"height", "cao"}),
                        double(r->height_m));
        return;
    }
    if (ref.kind == ObjectRef::Kind::Waypoint) {
        if (const scene::Waypoint* w = c.find_waypoint(ref.id)) ImGui::TextWrapped("%s", pick(l, w->caption).c_str());
    }
}

void product_library(App& app, const ImGuiLayer& ui) {
    const Language l = app.language;
    ImGui::TextWrapped("%s", say(l, {"Drag a product onto a fixture in the view.",
                                     "Kéo sản phẩm lên một vật trưng bày trong khung nhìn."}));
    const float cell = 84.0f * ImGui::GetIO().FontGlobalScale * (ImGui::GetFontSize() / 16.0f);
    const int columns = std::max(1, int(ImGui::GetContentRegionAvail().x / (cell + 8.0f)));
    if (!ImGui::BeginTable("library", columns)) return;
    for (const scene::Product& p : app.catalogue.products) {
        ImGui::TableNextColumn();
        ImGui::PushID(p.sku.c_str());
        const auto pic = app.picture_of.find(p.sku);
        if (pic != app.picture_of.end() && pic->second < ui.pictures().size()) {
            const Picture& picture = ui.pictures()[pic->second];
            ImGui::ImageButton(picture.texture, {cell, cell}, picture.uv0, picture.uv1, 0);
        } else {
            ImGui::Button(p.sku.c_str(), {cell, cell});
        }
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload(kProductPayload, p.sku.c_str(), p.sku.size() + 1);
            ImGui::TextUnformatted(pick(l, p.name).c_str());
            ImGui::EndDragDropSource();
        }
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            product_card(app, p);
            ImGui::EndTooltip();
        }
        ImGui::TextWrapped("%s", pick(l, p.name).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!app.dropped.empty()) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", say(l, {"Imported by drop (preview them in Studio mode; add them to the catalogue to place them):",
                                         "Đã nhập bằng cách thả tệp (xem trước ở chế độ Chụp ảnh; thêm vào danh mục để đặt):"}));
        for (const App::DroppedModel& m : app.dropped)
            ImGui::BulletText("%s (%zu %s)", m.name.c_str(), m.model->triangle_count(), say(l, {"triangles", "tam giác"}));
    }
}

void check_panel(App& app) {
    const Language l = app.language;
    if (app.findings.empty()) {
        ImGui::TextColored(ui_colour(0.4f, 0.9f, 0.4f, 1.0f), "%s",
                           say(l, {"The layout meets every criterion.", "Bố trí đạt mọi tiêu chí."}));
        return;
    }
    ImGui::Text(say(l, {"%zu findings: click one to select its object.", "%zu vấn đề: nhấp để chọn đối tượng."}),
                app.findings.size());
    for (std::size_t i = 0; i < app.findings.size(); ++i) {
        const scene::Finding& f = app.findings[i];
        const std::string label = "[" + f.rule + "] " + f.message + "##finding" + std::to_string(i);
        if (ImGui::Selectable(label.c_str())) {
            if (const std::optional<ObjectRef> ref = object_at_path(app.centre(), f.where)) app.selection = {*ref};
            app.orbit.target = {f.at.x, 0.0f, f.at.y};
        }
        if (ImGui::IsItemHovered() && !f.object.empty()) ImGui::SetTooltip("%s (%s)", f.object.c_str(), f.where.c_str());
    }
}

std::vector<ObjectRef> selected_fixtures(const App& app) {
    std::vector<ObjectRef> out;
    for (const ObjectRef& r : app.selection)
        if (r.kind == ObjectRef::Kind::Fixture) out.push_back(r);
    return out;
}

scene::Camera view_camera(const App& app) { return app.flying ? app.fly.camera() : app.orbit.camera(); }

// The gizmo of the first selected fixture, in screen pixels: its two floor axes (X red, Z blue)
// at a fixed length on screen, and a ring around them that turns it.
struct GizmoScreen {
    glm::vec2 origin, x_end, z_end;
    float ring_radius = 0.0f;
};

std::optional<GizmoScreen> gizmo(const App& app, ViewArea area) {
    const std::vector<ObjectRef> fixtures = selected_fixtures(app);
    if (fixtures.empty()) return std::nullopt;
    const scene::Fixture* f = app.centre().find_fixture(fixtures.front().id);
    if (!f) return std::nullopt;
    const scene::Camera cam = view_camera(app);
    const glm::vec2 vp{area.width, area.height};
    const glm::vec3 base{f->pos.x, 0.02f, f->pos.z};
    const auto o = project(cam, base, vp), x = project(cam, base + glm::vec3(0.25f, 0, 0), vp),
               z = project(cam, base + glm::vec3(0, 0, 0.25f), vp);
    if (!o || !x || !z) return std::nullopt;
    const float length = 70.0f * ImGui::GetFontSize() / 16.0f;
    const auto end = [&](glm::vec2 p) {
        const glm::vec2 d = p - *o;
        return *o + (glm::length(d) > 1e-3f ? d / glm::length(d) : glm::vec2(1, 0)) * length;
    };
    const glm::vec2 at{area.x, area.y};
    return GizmoScreen{*o + at, end(*x) + at, end(*z) + at, length * 0.55f};
}

float segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
    const glm::vec2 ab = b - a;
    const float t = std::clamp(glm::dot(p - a, ab) / std::max(glm::dot(ab, ab), 1e-6f), 0.0f, 1.0f);
    return glm::length(p - (a + t * ab));
}

void draw_overlays(const App& app, ViewArea area) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const scene::Camera cam = view_camera(app);
    const glm::vec2 vp{area.width, area.height};
    const glm::vec2 at{area.x, area.y};
    draw->PushClipRect({area.x, area.y}, {area.x + area.width, area.y + area.height});
    const auto floor_polygon = [&](std::span<const glm::vec2> corners, ImU32 fill, ImU32 line, float y) {
        std::vector<ImVec2> points;
        for (glm::vec2 c : corners) {
            const std::optional<glm::vec2> p = project(cam, {c.x, y, c.y}, vp);
            if (!p) return;  // behind the camera: skip rather than draw it inside out
            points.push_back({p->x + at.x, p->y + at.y});
        }
        if (fill) draw->AddConvexPolyFilled(points.data(), int(points.size()), fill);
        draw->AddPolyline(points.data(), int(points.size()), line, ImDrawFlags_Closed, 2.0f);
    };
    for (const scene::Zone& z : app.centre().zones) {
        const glm::vec2 corners[] = {z.min, {z.max.x, z.min.y}, z.max, {z.min.x, z.max.y}};
        floor_polygon(corners, zone_colour(z.function, 0.18f), zone_colour(z.function, 0.8f), 0.005f);
    }
    const ImU32 highlight = ui_colour32(255, 215, 50, 255);
    for (const ObjectRef& r : app.selection) {
        if (r.kind == ObjectRef::Kind::Fixture) {
            const scene::Fixture* f = app.centre().find_fixture(r.id);
            if (!f) continue;
            // The fixture's box: its footprint at the bottom and at the top, and the uprights.
            const std::array<glm::vec2, 4> fp = scene::fixture_footprint(*f);
            const float y0 = f->pos.y + 0.01f, y1 = f->pos.y + f->size.y;
            floor_polygon(fp, 0, highlight, y0);
            floor_polygon(fp, 0, highlight, y1);
            for (glm::vec2 c : fp) {
                const auto a = project(cam, {c.x, y0, c.y}, vp), b = project(cam, {c.x, y1, c.y}, vp);
                if (a && b) draw->AddLine({a->x + at.x, a->y + at.y}, {b->x + at.x, b->y + at.y}, highlight, 2.0f);
            }
        } else if (r.kind == ObjectRef::Kind::Placement) {
            const scene::Fixture* f = app.centre().find_fixture(r.id);
            const std::vector<scene::Slot> slots = f ? scene::fixture_slots(*f) : std::vector<scene::Slot>{};
            if (r.index < 0 || r.index >= int(slots.size())) continue;
            const glm::vec3 p = glm::vec3(scene::fixture_transform(*f) * glm::vec4(slots[std::size_t(r.index)].position, 1.0f));
            if (const auto s = project(cam, p, vp)) draw->AddCircle({s->x + at.x, s->y + at.y}, 12.0f, highlight, 24, 3.0f);
        }
    }
    if (const std::optional<GizmoScreen> g = gizmo(app, area)) {
        const auto arrow = [&](glm::vec2 end, ImU32 colour, int axis) {
            const float width = app.drag_axis == axis ? 5.0f : 3.0f;
            draw->AddLine({g->origin.x, g->origin.y}, {end.x, end.y}, colour, width);
            draw->AddCircleFilled({end.x, end.y}, 7.0f, colour);
        };
        draw->AddCircle({g->origin.x, g->origin.y}, g->ring_radius, ui_colour32(250, 210, 60, 255), 48,
                        app.drag_axis == 3 ? 5.0f : 3.0f);
        arrow(g->x_end, ui_colour32(230, 60, 60, 255), 1);
        arrow(g->z_end, ui_colour32(60, 120, 240, 255), 2);
        draw->AddCircleFilled({g->origin.x, g->origin.y}, 5.0f, ui_colour32(255, 255, 255, 255));
    }
    draw->PopClipRect();
}

void drop_target(App& app, ViewArea area) {
    const ImGuiPayload* payload = ImGui::GetDragDropPayload();
    if (!payload || !payload->IsDataType(kProductPayload)) return;
    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({area.width, area.height});
    ImGui::SetNextWindowBgAlpha(0.0f);
    ImGui::Begin("##drop", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::InvisibleButton("##dropzone", {area.width, area.height});
    if (ImGui::BeginDragDropTarget()) {
        if (const ImGuiPayload* dropped = ImGui::AcceptDragDropPayload(kProductPayload)) {
            const std::string sku(static_cast<const char*>(dropped->Data));
            const ImVec2 mouse = ImGui::GetMousePos();
            const Ray ray = pixel_ray(view_camera(app), {mouse.x - area.x, mouse.y - area.y}, {area.width, area.height});
            const std::optional<FixtureHit> hit = pick_fixture(app.centre(), ray, FixturePick::HoldingProducts);
            if (!hit) {
                app.say_status(say(app.language, {"Drop the product on a shelf, table, plinth or vitrine.",
                                                  "Hãy thả sản phẩm lên kệ, bàn, bục hoặc tủ kính."}));
            } else {
                const scene::Fixture* f = app.centre().find_fixture(hit->fixture);
                std::optional<int> slot = f ? nearest_slot(*f, hit->point) : std::nullopt;
                if (slot && find_placement(app.centre(), hit->fixture, *slot)) slot.reset();  // taken: the first free one
                ObjectRef placed;
                if (app.edit("Place " + sku, [&](scene::Centre& c) {
                        Result<ObjectRef> r = place_product(c, app.catalogue, sku, hit->fixture, slot);
                        if (!r) return Status(r.error());
                        placed = *r;
                        return Status(Ok{});
                    }))
                    app.selection = {placed};
            }
        }
        ImGui::EndDragDropTarget();
    }
    ImGui::End();
}

void keys(App& app) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (app.pressed(GLFW_KEY_TAB)) {
        if (!app.flying) app.fly = FlyCamera::from(app.orbit.camera());
        app.flying = !app.flying;
    }
    if (app.pressed(GLFW_KEY_F) && app.built) app.orbit.frame(scene::bounds(app.built->scene));
    if (app.flying) return;  // W A S D belong to the fly camera
    if (app.pressed(GLFW_KEY_DELETE) && !app.selection.empty()) {
        const std::vector<ObjectRef> doomed = app.selection;
        if (app.edit("Delete " + std::to_string(doomed.size()) + " object(s)",
                     [&doomed](scene::Centre& c) { return delete_objects(c, doomed); }))
            app.selection.clear();
    }
    if (app.pressed(GLFW_KEY_D, GLFW_MOD_CONTROL) && !app.selection.empty()) {
        const std::vector<ObjectRef> originals = app.selection;
        std::vector<ObjectRef> copies;
        if (app.edit("Duplicate " + std::to_string(originals.size()) + " object(s)", [&](scene::Centre& c) {
                Result<std::vector<ObjectRef>> r = duplicate_objects(c, originals);
                if (!r) return Status(r.error());
                copies = *r;
                return Status(Ok{});
            }))
            app.selection = copies;
    }
    if (app.pressed(GLFW_KEY_R) || app.pressed(GLFW_KEY_R, GLFW_MOD_SHIFT)) {
        const std::vector<ObjectRef> fixtures = selected_fixtures(app);
        const float step = app.pressed(GLFW_KEY_R, GLFW_MOD_SHIFT) ? -app.rotation_step_deg : app.rotation_step_deg;
        if (!fixtures.empty())
            app.edit("Rotate", [&](scene::Centre& c) {
                for (const ObjectRef& r : fixtures) {
                    const scene::Fixture* f = c.find_fixture(r.id);
                    if (!f) continue;
                    if (Status s = move_fixture(c, r.id, f->pos, snap_angle_deg(f->yaw_deg + step, app.rotation_step_deg)); !s)
                        return s;
                }
                return Status(Ok{});
            });
    }
}

void view_input(App& app, ViewArea area, float seconds) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    const bool inside = mouse.x >= area.x && mouse.y >= area.y && mouse.x < area.x + area.width &&
                        mouse.y < area.y + area.height && !io.WantCaptureMouse;
    const glm::vec2 pixel{mouse.x - area.x, mouse.y - area.y};
    const glm::vec2 vp{area.width, area.height};
    if (app.flying) {
        const auto held = [](int key) { return ImGui::IsKeyDown(key) ? 1.0f : 0.0f; };
        if (!io.WantTextInput)
            app.fly.move(held(GLFW_KEY_W) - held(GLFW_KEY_S), held(GLFW_KEY_D) - held(GLFW_KEY_A),
                         held(GLFW_KEY_E) - held(GLFW_KEY_Q), seconds, io.KeyShift ? 8.0f : 3.0f);
        if (inside && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f))
            app.fly.look(io.MouseDelta.x, io.MouseDelta.y);
        return;
    }
    if (inside && io.MouseWheel != 0.0f) app.orbit.zoom(io.MouseWheel);
    if (inside || ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
        const bool pan = ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0.0f) ||
                         (io.KeyShift && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f));
        if (pan) app.orbit.pan(io.MouseDelta.x, io.MouseDelta.y, area.height);
        else if (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0.0f)) app.orbit.rotate(io.MouseDelta.x, io.MouseDelta.y);
    }
    const scene::Camera cam = app.orbit.camera();

    // Press: on a gizmo arrow (axis move), on a selected fixture (free move), or select.
    if (inside && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        app.drag_axis = 0;
        bool on_selection = false;
        if (const std::optional<GizmoScreen> g = gizmo(app, area)) {
            const glm::vec2 m{mouse.x, mouse.y};
            if (segment_distance(m, g->origin, g->x_end) < 8.0f) app.drag_axis = 1, on_selection = true;
            else if (segment_distance(m, g->origin, g->z_end) < 8.0f) app.drag_axis = 2, on_selection = true;
            else if (std::abs(glm::length(m - g->origin) - g->ring_radius) < 6.0f) app.drag_axis = 3, on_selection = true;
        }
        const std::optional<FixtureHit> hit = pick_fixture(app.centre(), pixel_ray(cam, pixel, vp));
        if (!on_selection && hit && selected(app, fixture_ref(hit->fixture)) && !io.KeyCtrl) on_selection = true;
        if (on_selection) {
            const std::optional<glm::vec3> floor = hit_floor(pixel_ray(cam, pixel, vp));
            app.dragging = floor.has_value();
            app.drag_start_floor = floor ? glm::vec2(floor->x, floor->z) : glm::vec2(0.0f);
            app.drag_start_pos.clear();
            app.drag_start_yaw.clear();
            for (const ObjectRef& r : selected_fixtures(app)) {
                app.drag_start_pos.push_back(app.centre().find_fixture(r.id)->pos);
                app.drag_start_yaw.push_back(app.centre().find_fixture(r.id)->yaw_deg);
            }
            app.drag_start_mouse = {mouse.x, mouse.y};
            if (app.drag_axis == 3) app.dragging = true;  // turning needs no floor point
            if (app.dragging) app.document.begin_gesture();
        } else if (hit) {
            // A product on the fixture, when the click is close to one of its slots.
            const scene::Fixture* f = app.centre().find_fixture(hit->fixture);
            const std::optional<int> slot = f ? nearest_slot(*f, hit->point) : std::nullopt;
            if (slot && find_placement(app.centre(), hit->fixture, *slot) &&
                selected(app, fixture_ref(hit->fixture)) == false && hit->point.y > 0.05f)
                select(app, placement_ref(hit->fixture, *slot));
            else
                select(app, fixture_ref(hit->fixture));
        } else if (!io.KeyCtrl) {
            app.selection.clear();
        }
    }
    if (app.dragging && app.drag_axis == 3 && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        // The ring: half a degree a pixel to the right, in rotation steps (Alt: free).
        const float turn = 0.5f * (mouse.x - app.drag_start_mouse.x);
        const float step = io.KeyAlt ? 0.0f : app.rotation_step_deg;
        const std::vector<ObjectRef> fixtures = selected_fixtures(app);
        const std::vector<float> yaws = app.drag_start_yaw;
        app.edit("Rotate", [&](scene::Centre& c) {
            for (std::size_t i = 0; i < fixtures.size() && i < yaws.size(); ++i) {
                const scene::Fixture* f = c.find_fixture(fixtures[i].id);
                if (!f) continue;
                if (Status s = move_fixture(c, fixtures[i].id, f->pos, snap_angle_deg(yaws[i] - turn, step)); !s) return s;
            }
            return Status(Ok{});
        });
    } else if (app.dragging && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
        if (const std::optional<glm::vec3> floor = hit_floor(pixel_ray(cam, pixel, vp))) {
            glm::vec2 delta = glm::vec2(floor->x, floor->z) - app.drag_start_floor;
            const int axis = app.drag_axis != 0           ? app.drag_axis
                             : ImGui::IsKeyDown(GLFW_KEY_X) ? 1
                             : ImGui::IsKeyDown(GLFW_KEY_Z) ? 2
                                                            : 0;
            if (axis == 1) delta.y = 0.0f;
            if (axis == 2) delta.x = 0.0f;
            const float grid = io.KeyAlt ? 0.0f : app.grid_m;
            const std::vector<ObjectRef> fixtures = selected_fixtures(app);
            const std::vector<glm::vec3> starts = app.drag_start_pos;
            app.edit("Move", [&](scene::Centre& c) {
                for (std::size_t i = 0; i < fixtures.size() && i < starts.size(); ++i) {
                    const scene::Fixture* f = c.find_fixture(fixtures[i].id);
                    if (!f) continue;
                    const glm::vec3 to{snap(starts[i].x + delta.x, grid), starts[i].y, snap(starts[i].z + delta.y, grid)};
                    if (Status s = move_fixture(c, fixtures[i].id, to, f->yaw_deg); !s) return s;
                }
                return Status(Ok{});
            });
        }
    }
    if (app.dragging && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
        app.document.end_gesture();
        app.dragging = false;
        app.drag_axis = 0;
    }
}

}  // namespace

ViewArea layout_mode(App& app, const ImGuiLayer& ui, ViewArea area) {
    const float scale = ImGui::GetFontSize() / 16.0f;
    const float left_w = 270.0f * scale, right_w = 330.0f * scale;
    const Language l = app.language;
    const ImGuiWindowFlags panel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse;

    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({left_w, area.height});
    if (ImGui::Begin(say(l, {"Outliner###outliner", "Danh sách###outliner"}), nullptr, panel)) outliner(app);
    ImGui::End();

    ImGui::SetNextWindowPos({area.x + area.width - right_w, area.y});
    ImGui::SetNextWindowSize({right_w, area.height});
    if (ImGui::Begin(say(l, {"Properties###right", "Thuộc tính###right"}), nullptr, panel)) {
        if (ImGui::BeginTabBar("tabs")) {
            if (ImGui::BeginTabItem(say(l, {"Inspector###inspector", "Chi tiết###inspector"}))) {
                inspector(app);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(say(l, {"Library###library", "Thư viện###library"}))) {
                product_library(app, ui);
                ImGui::EndTabItem();
            }
            const std::string check = std::string(say(l, {"Check", "Kiểm tra"})) + " (" +
                                      std::to_string(app.findings.size()) + ")###check";
            if (ImGui::BeginTabItem(check.c_str())) {
                check_panel(app);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        ImGui::Separator();
        ImGui::SliderFloat(say(l, {"Grid (m)", "Lưới (m)"}), &app.grid_m, 0.0f, 1.0f, "%.2f");
        ImGui::SliderFloat(say(l, {"Rotation step (°)", "Bước xoay (°)"}), &app.rotation_step_deg, 1.0f, 90.0f, "%.0f");
    }
    ImGui::End();

    const ViewArea view{area.x + left_w, area.y, std::max(1.0f, area.width - left_w - right_w), area.height};
    keys(app);
    view_input(app, view, ImGui::GetIO().DeltaTime);
    drop_target(app, view);
    draw_overlays(app, view);
    if (app.flying) {
        ImGui::GetForegroundDrawList()->AddText({view.x + 10, view.y + 10}, ui_colour32(255, 255, 255, 230),
                                                say(l, {"Fly camera: W A S D, Q E, right drag. Tab: back to orbit.",
                                                        "Camera bay: W A S D, Q E, kéo phải. Tab: về camera xoay."}));
    }
    return view;
}

}  // namespace ocop::studio
