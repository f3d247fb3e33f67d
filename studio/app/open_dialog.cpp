// Opening another centre: a small file browser for .centre.json files (GLFW has no native
// dialog, and Debian's ImGui has no file dialog), and the "save your changes?" question that
// comes before leaving a centre with unsaved edits.
#include <algorithm>
#include <system_error>

#include <imgui.h>

#include "app/app.h"

namespace ocop::studio {

namespace {

namespace fs = std::filesystem;

struct Listing {
    std::vector<fs::path> folders;
    std::vector<fs::path> centres;
};

// The folder's subfolders and centre files, sorted; unreadable entries are skipped.
Listing list_folder(const fs::path& dir) {
    Listing out;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) continue;
        std::error_code type_ec;
        if (it->is_directory(type_ec)) out.folders.push_back(p);
        else if (p.filename().string().ends_with(".centre.json")) out.centres.push_back(p);
    }
    std::sort(out.folders.begin(), out.folders.end());
    std::sort(out.centres.begin(), out.centres.end());
    return out;
}

void file_dialog(App& app) {
    const Language l = app.language;
    if (app.open_dialog) {
        ImGui::OpenPopup("###open");
        app.open_dialog = false;
        if (app.dialog_dir.empty()) app.dialog_dir = app.document.path().parent_path();
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize({vp->Size.x * 0.5f, vp->Size.y * 0.6f}, ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(say(l, {"Open a centre###open", "Mở trung tâm###open"}))) return;
    ImGui::TextWrapped("%s", app.dialog_dir.string().c_str());
    if (ImGui::Button(say(l, {"Up", "Lên trên"})) && app.dialog_dir.has_parent_path())
        app.dialog_dir = app.dialog_dir.parent_path();
    const Listing listing = list_folder(app.dialog_dir);
    ImGui::BeginChild("##files", {0.0f, -ImGui::GetFrameHeightWithSpacing()}, true);
    for (const fs::path& f : listing.folders)
        if (ImGui::Selectable(("[" + f.filename().string() + "]").c_str())) app.dialog_dir = f;
    for (const fs::path& c : listing.centres)
        if (ImGui::Selectable(c.filename().string().c_str(), false, ImGuiSelectableFlags_DontClosePopups)) {
            app.open_request = c;
            ImGui::CloseCurrentPopup();
        }
    if (listing.centres.empty() && listing.folders.empty())
        ImGui::TextDisabled("%s", say(l, {"No centre files here.", "Không có tệp trung tâm ở đây."}));
    ImGui::EndChild();
    if (ImGui::Button(say(l, {"Cancel", "Huỷ"}))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void save_question(App& app) {
    if (!app.open_request || app.open_confirmed) return;
    if (!app.document.dirty()) {
        app.open_confirmed = true;
        return;
    }
    const Language l = app.language;
    ImGui::OpenPopup("###save-first");
    if (!ImGui::BeginPopupModal(say(l, {"Unsaved changes###save-first", "Thay đổi chưa lưu###save-first"}), nullptr,
                                ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::Text(say(l, {"Save the changes to %s before opening another centre?",
                        "Lưu các thay đổi của %s trước khi mở trung tâm khác?"}),
                app.document.path().filename().string().c_str());
    if (ImGui::Button(say(l, {"Save", "Lưu"}))) {
        if (Status s = app.document.save(); !s) {
            app.say_status(s.error().message());
            app.open_request.reset();
        } else {
            app.open_confirmed = true;
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(say(l, {"Don't save", "Không lưu"}))) {
        app.open_confirmed = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(say(l, {"Cancel", "Huỷ"}))) {
        app.open_request.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

void open_centre_ui(App& app) {
    file_dialog(app);
    save_question(app);
}

}  // namespace ocop::studio
