// The frame around every mode: the menu bar (file, edit, mode, language), the status bar, the
// help overlay with the shortcuts, and the keys that work everywhere.
#include <cmath>
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/app.h"

namespace ocop::studio {

namespace {

void save(App& app) {
    if (Status s = app.document.save(); !s) app.say_status(s.error().message());
    else app.say_status(std::string(say(app.language, {"Saved ", "Đã lưu "})) + app.document.path().filename().string());
}

void undo(App& app) {
    const std::string label = app.document.undo_label();
    if (app.document.undo()) app.say_status(std::string(say(app.language, {"Undone: ", "Đã hoàn tác: "})) + label);
}

void redo(App& app) {
    const std::string label = app.document.redo_label();
    if (app.document.redo()) app.say_status(std::string(say(app.language, {"Redone: ", "Đã làm lại: "})) + label);
}

struct Shortcut {
    Words keys;
    Words what;
};

// One list for the help overlay, so that it cannot drift from what the keys do.
constexpr Shortcut kShortcuts[] = {
    {{"F1", "F1"}, {"Show or hide this help", "Hiện hoặc ẩn trợ giúp này"}},
    {{"1 / 2 / 3", "1 / 2 / 3"}, {"Layout, Studio, Tour mode", "Chế độ Bố trí, Chụp ảnh, Tham quan"}},
    {{"Ctrl+O, drop a file", "Ctrl+O, thả tệp"}, {"Open another centre", "Mở trung tâm khác"}},
    {{"Ctrl+S", "Ctrl+S"}, {"Save the centre", "Lưu trung tâm"}},
    {{"Ctrl+Z / Ctrl+Shift+Z", "Ctrl+Z / Ctrl+Shift+Z"}, {"Undo / redo", "Hoàn tác / làm lại"}},
    {{"Right drag", "Kéo chuột phải"}, {"Orbit the camera", "Xoay camera"}},
    {{"Middle drag, Shift+right drag", "Kéo chuột giữa, Shift+kéo phải"}, {"Pan", "Dịch chuyển khung nhìn"}},
    {{"Wheel", "Con lăn"}, {"Zoom", "Phóng to, thu nhỏ"}},
    {{"F", "F"}, {"Frame the whole centre", "Xem toàn bộ trung tâm"}},
    {{"Tab", "Tab"}, {"Fly camera (W A S D, Q E) on or off", "Bật, tắt camera bay (W A S D, Q E)"}},
    {{"Click, Ctrl+click", "Nhấp, Ctrl+nhấp"}, {"Select, add to the selection", "Chọn, chọn thêm"}},
    {{"Drag a selected fixture", "Kéo vật trưng bày đã chọn"},
     {"Move it on the floor (X or Z: along one axis, Alt: off the grid)",
      "Di chuyển trên sàn (X hoặc Z: theo một trục, Alt: không bám lưới)"}},
    {{"R / Shift+R", "R / Shift+R"}, {"Rotate the selection by the step", "Xoay vùng chọn theo bước góc"}},
    {{"Ctrl+D", "Ctrl+D"}, {"Duplicate the selection", "Nhân bản vùng chọn"}},
    {{"Delete", "Delete"}, {"Delete the selection", "Xoá vùng chọn"}},
    {{"Drag a product from the library", "Kéo sản phẩm từ thư viện"},
     {"Place it on the fixture under the cursor", "Đặt lên vật trưng bày dưới con trỏ"}},
    {{"W A S D, mouse drag (Tour)", "W A S D, kéo chuột (Tham quan)"}, {"Walk, look around", "Đi, nhìn quanh"}},
};

void help_overlay(App& app) {
    if (!app.show_help) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos({vp->Size.x * 0.5f, vp->Size.y * 0.5f}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    if (ImGui::Begin(say(app.language, {"Shortcuts###help", "Phím tắt###help"}), &app.show_help,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
            for (const Shortcut& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(say(app.language, s.keys));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(say(app.language, s.what));
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

void menu_bar(App& app) {
    if (!ImGui::BeginMainMenuBar()) return;
    const Language l = app.language;
    if (ImGui::BeginMenu(say(l, {"File###file", "Tệp###file"}))) {
        if (ImGui::MenuItem(say(l, {"Open…", "Mở…"}), "Ctrl+O")) app.open_dialog = true;
        if (ImGui::MenuItem(say(l, {"Save", "Lưu"}), "Ctrl+S", false, true)) save(app);
        if (ImGui::MenuItem(say(l, {"Quit", "Thoát"}), "Ctrl+Q")) app.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(say(l, {"Edit###edit", "Sửa###edit"}))) {
        const std::string undo_text = std::string(say(l, {"Undo ", "Hoàn tác "})) + app.document.undo_label();
        const std::string redo_text = std::string(say(l, {"Redo ", "Làm lại "})) + app.document.redo_label();
        if (ImGui::MenuItem(undo_text.c_str(), "Ctrl+Z", false, app.document.can_undo())) undo(app);
        if (ImGui::MenuItem(redo_text.c_str(), "Ctrl+Shift+Z", false, app.document.can_redo())) redo(app);
        ImGui::EndMenu();
    }
    const Words modes[] = {{"Layout", "Bố trí"}, {"Studio", "Chụp ảnh"}, {"Tour", "Tham quan"}};
    for (int i = 0; i < 3; ++i) {
        const std::string label = std::string(say(l, modes[i])) + "###mode" + std::to_string(i);
        if (ImGui::MenuItem(label.c_str(), nullptr, int(app.mode) == i)) app.mode = Mode(i);
    }
    ImGui::Separator();
    if (ImGui::MenuItem("English", nullptr, l == Language::En)) app.language = Language::En;
    if (ImGui::MenuItem("Tiếng Việt", nullptr, l == Language::Vi)) app.language = Language::Vi;
    ImGui::Separator();
    if (ImGui::MenuItem(say(l, {"Help (F1)###helpmenu", "Trợ giúp (F1)###helpmenu"}))) app.show_help = !app.show_help;
    ImGui::EndMainMenuBar();
}

float status_bar(App& app, const std::string& device_name) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float height = ImGui::GetFrameHeight() + 2.0f * ImGui::GetStyle().WindowPadding.y;
    ImGui::SetNextWindowPos({vp->Pos.x, vp->Pos.y + vp->Size.y - height});
    ImGui::SetNextWindowSize({vp->Size.x, height});
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
    const std::string& name = pick(app.language, app.centre().name);
    ImGui::Text("%s%s  |  %.1f ms  |  %s  |  %zu %s", name.c_str(), app.document.dirty() ? " *" : "",
                double(app.frame_ms), device_name.c_str(), app.triangles, say(app.language, {"triangles", "tam giác"}));
    if (app.resolution < 1.0f) {
        ImGui::SameLine();
        ImGui::Text("  |  %s %d%%", say(app.language, {"draft", "bản nháp"}), int(std::lround(app.resolution * 100.0f)));
    }
    if (!app.status.empty()) {
        ImGui::SameLine();
        ImGui::TextUnformatted(("  |  " + app.status).c_str());
    }
    ImGui::End();
    return height;
}

}  // namespace

ViewArea draw_shell(App& app, const ImGuiLayer&, const std::string& device_name) {
    if (app.pressed(GLFW_KEY_F1)) app.show_help = !app.show_help;
    if (app.pressed(GLFW_KEY_S, GLFW_MOD_CONTROL)) save(app);
    if (app.pressed(GLFW_KEY_O, GLFW_MOD_CONTROL)) app.open_dialog = true;
    if (app.pressed(GLFW_KEY_Q, GLFW_MOD_CONTROL)) app.quit = true;
    if (app.pressed(GLFW_KEY_Z, GLFW_MOD_CONTROL)) undo(app);
    if (app.pressed(GLFW_KEY_Z, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT) || app.pressed(GLFW_KEY_Y, GLFW_MOD_CONTROL)) redo(app);
    for (int i = 0; i < 3; ++i)
        if (app.pressed(GLFW_KEY_1 + i)) app.mode = Mode(i);
    menu_bar(app);
    const float bottom = status_bar(app, device_name);
    help_overlay(app);
    open_centre_ui(app);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float top = ImGui::GetFrameHeight();  // the menu bar
    return {0.0f, top, vp->Size.x, vp->Size.y - top - bottom};
}

}  // namespace ocop::studio
