#include "app/app.h"

#include <algorithm>
#include <cstdio>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "export/tour_data.h"
#include "view/scene_follow.h"
#include "photo/angles.h"
#include "photo/light_rig.h"

namespace ocop::studio {

namespace {

// The centre view draws dozens of products at once: a light version of each is plenty there.
constexpr std::size_t kCentreViewTriangles = 20000;

}  // namespace

const char* mode_name(Mode mode) {
    switch (mode) {
    case Mode::Layout: return "layout";
    case Mode::Studio: return "studio";
    case Mode::Tour: return "tour";
    }
    return "layout";
}

App::App(render::Renderer& renderer_, Document document_, scene::Catalogue catalogue_, scene::Brand brand_,
         std::filesystem::path samples_dir)
    : renderer(renderer_),
      document(std::move(document_)),
      catalogue(std::move(catalogue_)),
      brand(std::move(brand_)),
      library(samples_dir, kCentreViewTriangles, 512),
      studio_library(samples_dir) {
    if (!catalogue.products.empty()) studio.sku = catalogue.products.front().sku;
    studio.out_dir = document.path().parent_path() / "photos";
}

bool App::pressed(int key, int mods) const {
    if (ImGui::GetIO().WantTextInput) return false;
    constexpr int kChord = GLFW_MOD_CONTROL | GLFW_MOD_SHIFT | GLFW_MOD_ALT;
    for (const KeyPress& k : keys)
        if (k.key == key && (k.mods & kChord) == mods) return true;
    return false;
}

bool App::edit(const std::string& label, const std::function<Status(scene::Centre&)>& change) {
    if (Status s = document.apply(label, change); !s) {
        say_status(s.error().reason);
        return false;
    }
    say_status(label);
    return true;
}

void refresh(App& app) {
    if (app.built && app.built_from == app.centre() && !(app.built_moved && !app.document.in_gesture())) return;
    if (app.built && app.document.in_gesture() && follow_moved_fixtures(app.built_from, app.centre(), *app.built)) {
        app.built_from = app.centre();
        app.built_moved = true;  // a full build follows the gesture
        return;
    }
    app.built_moved = false;
    app.built_from = app.centre();
    app.findings = scene::check_centre(app.centre(), app.catalogue);
    Result<scene::CentreScene> built = scene::build(app.centre(), app.catalogue, app.brand, app.library);
    if (!built) {
        // A layout the builder refuses (a product with no model) still shows its last good
        // state; the findings panel says what is wrong.
        app.say_status(built.error().message());
        return;
    }
    app.built = std::move(built).value();
    // Selections of objects that an undo or a delete took away go.
    std::erase_if(app.selection, [&app](const ObjectRef& r) { return !exists(app.centre(), r); });
    app.tour.ready = false;
}

namespace {

Result<photo::Preset> studio_preset(App& app) {
    if (!app.studio.base_preset || app.studio.base_preset->name != app.studio.preset_name) {
        Result<photo::Preset> loaded = photo::load_preset(app.studio.preset_name);
        if (!loaded) return loaded;
        app.studio.base_preset = std::move(loaded).value();
    }
    Result<photo::Preset> preset = *app.studio.base_preset;
    preset->rig = app.studio.rig_name;
    preset->exposure_ev = app.studio.exposure_ev;
    preset->shadow = app.studio.shadow;
    if (app.studio.backdrop == 1) {
        preset->background = photo::Background::Colour;
        preset->background_srgb = app.studio.backdrop_srgb;
    }
    preset->lights = {.scale = app.studio.light_scale,
                      .kelvin = app.studio.kelvin,
                      .turn_deg = app.studio.light_azimuth_deg,
                      .raise_deg = app.studio.light_elevation_deg};
    return preset;
}

}  // namespace

Result<photo::Preset> current_preset(App& app) { return studio_preset(app); }

Result<std::shared_ptr<const assets::Model>> studio_model(App& app) {
    if (app.studio.dropped && *app.studio.dropped < app.dropped.size()) return app.dropped[*app.studio.dropped].model;
    const scene::Product* product = app.catalogue.find(app.studio.sku);
    if (!product) return bad_input(app.catalogue.source.string(), "no product '" + app.studio.sku + "' in the catalogue");
    return app.studio_library.model(app.catalogue, *product);
}

Result<const scene::Scene*> view_scene(App& app, ViewArea area) {
    switch (app.mode) {
    case Mode::Layout:
    case Mode::Tour: {
        if (!app.built) return failure(app.document.path().string(), "the centre could not be built");
        app.built->scene.camera = app.mode == Mode::Tour ? app.tour.walker.camera()
                                  : app.flying          ? app.fly.camera()
                                                        : app.orbit.camera();
        return &app.built->scene;
    }
    case Mode::Studio: {
        Result<photo::Preset> preset = studio_preset(app);
        if (!preset) return preset.error();
        // Everything the studio view is made from: unchanged, last frame's scene stands.
        const StudioState& s = app.studio;
        char key[512];
        std::snprintf(key, sizeof key, "%s|%d|%s|%s|%.0fx%.0f|%s|%.3f|%d|%.3f|%.1f|%.2f|%.2f|%d|%.3f,%.3f,%.3f",
                      s.sku.c_str(), s.dropped ? int(*s.dropped) : -1, s.angle.c_str(), s.preset_name.c_str(),
                      double(area.width), double(area.height), s.rig_name.c_str(), double(s.exposure_ev), int(s.shadow),
                      double(s.light_scale), double(s.kelvin), double(s.light_azimuth_deg),
                      double(s.light_elevation_deg), s.backdrop, double(s.backdrop_srgb.r), double(s.backdrop_srgb.g),
                      double(s.backdrop_srgb.b));
        if (key == app.studio.scene_key) return &app.studio.scene;
        Result<std::shared_ptr<const assets::Model>> model = studio_model(app);
        if (!model) return model.error();
        Result<photo::Angle> angle = photo::angle_by_id(app.studio.angle);
        if (!angle) return angle.error();
        Result<photo::PhotoSettings> settings = photo::photo_settings(*preset, *angle);
        if (!settings) return settings.error();
        // The photo's own framing at the view's size: the same camera, rig and exposure.
        settings->width = std::uint32_t(std::max(1.0f, area.width));
        settings->height = std::uint32_t(std::max(1.0f, area.height));
        app.studio.scene = photo::studio_scene(*model, *settings);
        // A transparent photo shows on grey here (the window has no alpha); the file keeps it.
        if (app.studio.scene.background.a < 1.0f) app.studio.scene.background = glm::vec4(glm::vec3(0.5f), 1.0f);
        app.studio.scene_key = key;
        return &app.studio.scene;
    }
    }
    return failure("studio", "unknown mode");
}

}  // namespace ocop::studio
