// The state of the studio app: the centre being edited, what the window shows, and each mode's
// own state. ImGui draws it every frame (the UI is a function of this state); every change
// to the centre goes through the Document, so it can be undone.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/document.h"
#include "edit/object_ref.h"
#include "photo/preset.h"
#include "photo/qa.h"
#include "photo/studio.h"
#include "render/renderer.h"
#include "scene/brand.h"
#include "scene/build.h"
#include "scene/catalogue.h"
#include "scene/criteria.h"
#include "ui/imgui_layer.h"
#include "ui/words.h"
#include "view/fly_camera.h"
#include "view/orbit_camera.h"
#include "view/walker.h"

namespace ocop::studio {

enum class Mode { Layout, Studio, Tour };
const char* mode_name(Mode mode);  // "layout", "studio", "tour"

// Studio mode: one product, a preset and a rig, adjusted live; the batch runs product by product
// between frames so that the window stays responsive and the batch can be cancelled.
struct StudioState {
    std::string sku;
    std::string preset_name = "marketplace-white";
    std::string loaded_preset;  // the preset whose look the controls below were last set from
    std::string rig_name = "catalogue-soft";
    std::string angle = "three-quarter-left";
    float exposure_ev = 0.0f;
    float light_scale = 1.0f;   // the rig's lights, all together
    float kelvin = 0.0f;        // one colour temperature for the rig; 0: the rig's own colours
    float light_azimuth_deg = 0.0f;  // turns the rig's key light about the product
    float light_elevation_deg = 0.0f;
    bool shadow = true;
    // The backdrop: the preset's own (0), or a colour the staff picked (1), sRGB.
    int backdrop = 0;
    glm::vec3 backdrop_srgb{0.92f, 0.90f, 0.86f};
    std::filesystem::path out_dir;  // where photos go: <centre folder>/photos/<preset>
    // The batch in progress: the catalogue's products from `next`, one per frame.
    bool batch_running = false;
    std::size_t batch_next = 0;
    std::size_t batch_done = 0;
    std::size_t batch_failed = 0;
    std::optional<photo::QaReport> qa;  // of out_dir, after a batch or a shot
    std::string last_photo;
    std::optional<std::size_t> dropped;  // previewing App::dropped[i] instead of a catalogue product
    // Kept between frames: the preset as read (for preset_name), and the view's scene with what
    // it was made from, so an unchanged frame parses and frames nothing again.
    std::optional<photo::Preset> base_preset;
    scene::Scene scene;
    std::string scene_key;
};

// Tour mode: the visitor walking, the waypoint they last hopped to, the product card open.
struct TourState {
    Walker walker;
    WalkWorld world;
    std::string waypoint;
    std::string card_sku;
    bool ready = false;
};

struct App {
    App(render::Renderer& renderer_, Document document_, scene::Catalogue catalogue_, scene::Brand brand_,
        std::filesystem::path samples_dir);

    render::Renderer& renderer;
    Document document;
    scene::Catalogue catalogue;
    scene::Brand brand;
    scene::ProductLibrary library;  // light versions for the centre view
    scene::ProductLibrary studio_library;  // full detail for studio photos

    Mode mode = Mode::Layout;
    Language language = Language::En;
    bool show_help = false;
    bool quit = false;

    // What the window shows: rebuilt when the centre changes.
    scene::Centre built_from;
    std::optional<scene::CentreScene> built;
    bool built_moved = false;     // fixtures were moved in the scene during a drag: build again after it
    std::vector<scene::Finding> findings;
    std::string status;           // one line in the status bar: the last message or error
    float frame_ms = 0.0f;
    float resolution = 1.0f;      // of the 3D view this frame: below 1, a draft while it moves
    std::size_t triangles = 0;    // drawn this frame

    // Layout mode.
    std::vector<ObjectRef> selection;
    OrbitCamera orbit;
    FlyCamera fly;
    bool flying = false;
    float grid_m = 0.1f;           // snapping for moves (Alt: free)
    float rotation_step_deg = 15.0f;
    bool dragging = false;         // a move gesture is open on the document
    glm::vec2 drag_start_floor{0.0f};
    std::vector<glm::vec3> drag_start_pos;  // of each selected fixture
    std::vector<float> drag_start_yaw;
    glm::vec2 drag_start_mouse{0.0f};
    int drag_axis = 0;             // 0: free, 1: X only, 2: Z only, 3: turning on the ring

    StudioState studio;
    TourState tour;
    // Models dropped on the window: imported, listed in the library and previewable in Studio
    // mode (a catalogue entry is what makes one placeable and shootable).
    struct DroppedModel {
        std::string name;
        std::shared_ptr<const assets::Model> model;
    };
    std::vector<DroppedModel> dropped;

    // Opening another centre: from the Open dialog or a dropped .centre.json. With unsaved
    // edits the user is asked first; `open_confirmed` tells main to switch.
    std::optional<std::filesystem::path> open_request;
    bool open_confirmed = false;
    bool open_dialog = false;
    std::filesystem::path dialog_dir;
    std::map<std::string, std::size_t> picture_of;  // SKU -> index in the UI layer's pictures

    std::chrono::steady_clock::time_point last_autosave = std::chrono::steady_clock::now();

    // Keys pressed since the last frame, as GLFW reported them. ImGui 1.86 only samples whether
    // a key is down at each frame, so a quick press between two slow frames (a big centre on a
    // CPU renderer) would be lost; shortcuts read these instead.
    struct KeyPress {
        int key = 0;
        int mods = 0;  // GLFW_MOD_*
    };
    std::vector<KeyPress> keys;
    // A shortcut: `key` pressed this frame with exactly these modifiers among Ctrl, Shift, Alt,
    // and no text field taking the keyboard.
    bool pressed(int key, int mods = 0) const;

    const scene::Centre& centre() const { return document.centre(); }
    void say_status(std::string message) { status = std::move(message); }
    // Applies an edit through the document; an error goes to the status bar.
    bool edit(const std::string& label, const std::function<Status(scene::Centre&)>& change);
};

// The area of the window the 3D view takes after the panels of the mode (pixels).
struct ViewArea {
    float x = 0, y = 0, width = 1, height = 1;
};

// Each frame: the UI of the mode (panels, input), then the scene for the view area.
void refresh(App& app);  // rebuilds the centre scene and the criteria findings when the centre changed
ViewArea draw_shell(App& app, const ImGuiLayer& ui, const std::string& device_name);  // menus, status bar, help
ViewArea layout_mode(App& app, const ImGuiLayer& ui, ViewArea area);
ViewArea studio_mode(App& app, const ImGuiLayer& ui, ViewArea area);
ViewArea tour_mode(App& app, const ImGuiLayer& ui, ViewArea area, float seconds);
void open_centre_ui(App& app);  // the Open dialog and the save-changes question (open_dialog.cpp)
// The scene the 3D view shows for the mode, framed for `area`; it lives in `app` until the next call.
Result<const scene::Scene*> view_scene(App& app, ViewArea area);
// The studio's preset as the panel has adjusted it.
Result<photo::Preset> current_preset(App& app);

}  // namespace ocop::studio
