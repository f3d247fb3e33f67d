// Tour mode: what a visitor of the web tour gets, in the window: walk with W A S D (walls and
// fixtures stop you, as in the browser), look by dragging, hop between the tour's waypoints
// with their captions, click a product for its card.
#include <algorithm>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/app.h"
#include "edit/object_ref.h"
#include "export/tour_data.h"
#include "scene/fixtures.h"
#include "view/picking.h"

namespace ocop::studio {

namespace {

void start_tour(App& app) {
    const scene::Centre& c = app.centre();
    app.tour.world = WalkWorld::of(c, exporter::walkable_walls(c));
    const scene::Waypoint* start = c.find_waypoint(app.tour.waypoint.empty() ? c.tour.start : app.tour.waypoint);
    if (!start && !c.tour.waypoints.empty()) start = &c.tour.waypoints.front();
    if (start) {
        app.tour.walker.hop_to(*start);
        app.tour.waypoint = start->id;
    }
    app.tour.ready = true;
}

// The product whose slot is nearest to where the click hit a fixture (within reach of a hand).
std::string clicked_product(const App& app, const Ray& ray) {
    const std::optional<FixtureHit> hit = pick_fixture(app.centre(), ray);
    if (!hit) return {};
    const scene::Fixture* f = app.centre().find_fixture(hit->fixture);
    const std::optional<int> slot = f ? nearest_slot(*f, hit->point) : std::nullopt;
    if (!slot) return {};
    const scene::Placement* p = find_placement(app.centre(), hit->fixture, *slot);
    return p ? p->product : std::string();
}

void card(App& app) {
    const scene::Product* p = app.catalogue.find(app.tour.card_sku);
    if (!p) return;
    const Language l = app.language;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = 340.0f * ImGui::GetFontSize() / 16.0f;
    ImGui::SetNextWindowPos({vp->Size.x - w - 16.0f, 48.0f}, ImGuiCond_Always);
    ImGui::SetNextWindowSize({w, 0.0f});
    bool open = true;
    if (ImGui::Begin(say(l, {"Product###card", "Sản phẩm###card"}), &open, ImGuiWindowFlags_NoCollapse)) {
        ImGui::PushTextWrapPos();
        ImGui::TextUnformatted(pick(l, p->name).c_str());
        ImGui::TextDisabled("%s", (l == Language::Vi ? p->name.en : p->name.vi).c_str());
        ImGui::TextUnformatted("OCOP ");
        for (int i = 0; i < 5; ++i) {
            ImGui::SameLine(0, 0);
            ImGui::TextColored(i < p->ocop_stars ? ui_colour(1.0f, 0.78f, 0.2f) : ui_colour(0.5f, 0.5f, 0.5f),
                               i < p->ocop_stars ? "★" : "☆");
        }
        ImGui::Text("%s", scene::format_price_vnd(p->price_vnd).c_str());
        ImGui::Text("%s — %s, %s", p->producer.c_str(), p->commune.c_str(), p->district.c_str());
        ImGui::Separator();
        ImGui::TextUnformatted(pick(l, p->story).c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    if (!open) app.tour.card_sku.clear();
}

}  // namespace

ViewArea tour_mode(App& app, const ImGuiLayer&, ViewArea area, float seconds) {
    if (!app.tour.ready) start_tour(app);
    const Language l = app.language;
    const scene::Centre& c = app.centre();
    ImGuiIO& io = ImGui::GetIO();

    // Waypoints along the bottom, the current caption on top.
    const float bar_h = ImGui::GetFrameHeightWithSpacing() + 2.0f * ImGui::GetStyle().WindowPadding.y;
    ImGui::SetNextWindowPos({area.x, area.y + area.height - bar_h});
    ImGui::SetNextWindowSize({area.width, bar_h});
    ImGui::Begin("##waypoints", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    for (std::size_t i = 0; i < c.tour.waypoints.size(); ++i) {
        const scene::Waypoint& w = c.tour.waypoints[i];
        if (i > 0) ImGui::SameLine();
        const std::string label = std::to_string(i + 1) + "##wp" + w.id;
        const bool current = w.id == app.tour.waypoint;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_ButtonActive]);
        if (ImGui::Button(label.c_str())) {
            app.tour.walker.hop_to(w);
            app.tour.waypoint = w.id;
        }
        if (current) ImGui::PopStyleColor();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", pick(l, w.caption).c_str());
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", say(l, {"W A S D: walk, drag: look, click a product: its card",
                                      "W A S D: đi, kéo chuột: nhìn, nhấp sản phẩm: xem thẻ"}));
    ImGui::End();
    if (const scene::Waypoint* w = c.find_waypoint(app.tour.waypoint)) {
        const std::string& caption = pick(l, w->caption);
        if (!caption.empty()) {
            ImGui::SetNextWindowPos({area.x + area.width * 0.5f, area.y + 12.0f}, ImGuiCond_Always, {0.5f, 0.0f});
            ImGui::SetNextWindowBgAlpha(0.6f);
            ImGui::Begin("##caption", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoMove);
            ImGui::TextUnformatted(caption.c_str());
            ImGui::End();
        }
    }
    card(app);

    const ViewArea view{area.x, area.y, area.width, area.height - bar_h};
    const ImVec2 mouse = io.MousePos;
    const bool inside = mouse.x >= view.x && mouse.y >= view.y && mouse.x < view.x + view.width &&
                        mouse.y < view.y + view.height && !io.WantCaptureMouse;
    if (!io.WantTextInput) {
        const auto held = [](int a, int b) { return ImGui::IsKeyDown(a) || ImGui::IsKeyDown(b) ? 1.0f : 0.0f; };
        const float forward = held(GLFW_KEY_W, GLFW_KEY_UP) - held(GLFW_KEY_S, GLFW_KEY_DOWN);
        const float right = held(GLFW_KEY_D, GLFW_KEY_RIGHT) - held(GLFW_KEY_A, GLFW_KEY_LEFT);
        if (forward != 0.0f || right != 0.0f) app.tour.walker.walk(app.tour.world, forward, right, seconds);
    }
    if (inside && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) app.tour.walker.look(-io.MouseDelta.x, -io.MouseDelta.y);  // grab the world, as the web tour does
    if (inside && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.0f) {
        const Ray ray = pixel_ray(app.tour.walker.camera(), {mouse.x - view.x, mouse.y - view.y}, {view.width, view.height});
        const std::string sku = clicked_product(app, ray);
        if (!sku.empty()) app.tour.card_sku = sku;
    }
    return view;
}

}  // namespace ocop::studio
