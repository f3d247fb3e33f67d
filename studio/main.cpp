// showroom-studio: the desktop app. Layout (designers), Studio (catalogue photos) and Tour
// (what visitors get) modes over one centre, drawn by the same renderer as `showroom photo`,
// with Dear ImGui around the view.
//   showroom-studio [CENTRE] [--mode layout|studio|tour] [--lang en|vi] [--size WxH]
//                   [--product SKU] [--recover] [--frames N --screenshot OUT.png]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "app/app.h"
#include "app/thumbnails.h"
#include "core/files.h"
#include "photo/image_size.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "render/context.h"
#include "render/renderer.h"
#include "render/swapchain.h"
#include "ui/imgui_layer.h"
#include "view/draft_resolution.h"

namespace fs = std::filesystem;
using namespace ocop;
using namespace ocop::studio;

namespace {

int report(const Error& e) {
    std::fprintf(stderr, "showroom-studio: %s\n", e.message().c_str());
    return e.exit_code();
}

fs::path install_root(const char* argv0) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0);
    return exe.parent_path().parent_path();  // build/bin/.. = build
}

fs::path samples_dir(const char* argv0) {
    if (const char* env = std::getenv("OCOP_SAMPLES_DIR"); env && *env) return env;
    return install_root(argv0) / "samples";
}

// GLFW is a process-wide library: initialised once here, in main's scope, and nowhere else.
struct GlfwSession {
    bool ok = glfwInit() == GLFW_TRUE;
    ~GlfwSession() {
        if (ok) glfwTerminate();
    }
};

struct Window {
    GLFWwindow* handle = nullptr;
    ~Window() {
        if (handle) glfwDestroyWindow(handle);
    }
};

// What GLFW's callbacks collect between frames: files dropped on the window, and key presses
// (ImGui's own callbacks, installed after these, chain to them).
struct WindowEvents {
    std::vector<std::string> paths;
    std::vector<App::KeyPress> keys;
};

void on_drop(GLFWwindow* window, int count, const char** paths) {
    auto* events = static_cast<WindowEvents*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) events->paths.emplace_back(paths[i]);
}

void on_key(GLFWwindow* window, int key, int, int action, int mods) {
    auto* events = static_cast<WindowEvents*>(glfwGetWindowUserPointer(window));
    if (action == GLFW_PRESS) events->keys.push_back({key, mods});
}

Result<scene::Brand> brand_of(const scene::Centre& centre) {
    return centre.brand.empty() ? Result<scene::Brand>(scene::default_brand()) : scene::load_brand(scene::brand_path(centre));
}

// Whether two cameras show the same view (a drag or a walk moves one).
bool same_view(const scene::Camera& a, const scene::Camera& b) {
    return a.position == b.position && a.target == b.target && a.up == b.up &&
           a.vertical_fov_deg == b.vertical_fov_deg && a.lens_shift == b.lens_shift;
}

// A dropped centre file opens in place of the current one (after the save question); a dropped
// model is imported into the session's library.
void handle_drops(App& app, WindowEvents& drops) {
    for (const std::string& path : drops.paths) {
        if (path.ends_with(".centre.json")) {
            app.open_request = path;
            continue;
        }
        Result<assets::Model> model = assets::import(path);
        if (!model) {
            app.say_status(model.error().message());
            continue;
        }
        app.dropped.push_back({fs::path(path).filename().string(),
                               std::make_shared<const assets::Model>(std::move(model).value())});
        app.say_status(std::string(say(app.language, {"Imported ", "Đã nhập "})) + path);
    }
    drops.paths.clear();
}

// The centre at `path` with its catalogue and brand, ready to edit; `recover` takes the
// autosave of an earlier session that did not save.
Result<std::unique_ptr<App>> open_app(render::Renderer& renderer, const fs::path& path, bool recover,
                                      const fs::path& samples) {
    Result<Document> document = recover ? Document::recover(path) : Document::open(path);
    if (!document) return document.error();
    Result<scene::Catalogue> catalogue = scene::load_catalogue(scene::catalogue_path(document->centre()));
    if (!catalogue) return catalogue.error();
    Result<scene::Brand> brand = brand_of(document->centre());
    if (!brand) return brand.error();
    auto app = std::make_unique<App>(renderer, std::move(document).value(), std::move(catalogue).value(),
                                     std::move(brand).value(), samples);
    refresh(*app);
    if (app->built) app->orbit.frame(scene::bounds(app->built->scene));
    return app;
}

void recovery_prompt(App& app, std::optional<fs::path>& recovery) {
    if (!recovery) return;
    const Language l = app.language;
    ImGui::OpenPopup("###recover");
    if (ImGui::BeginPopupModal(say(l, {"Unsaved changes found###recover", "Có thay đổi chưa lưu###recover"}), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted(say(l, {"The studio closed without saving this centre. Recover the changes?",
                                       "Studio đã đóng mà chưa lưu trung tâm này. Khôi phục các thay đổi?"}));
        ImGui::TextDisabled("%s", recovery->string().c_str());
        if (ImGui::Button(say(l, {"Recover", "Khôi phục"}))) {
            Result<Document> recovered = Document::recover(app.document.path());
            if (recovered) app.document = std::move(recovered).value();
            else app.say_status(recovered.error().message());
            recovery.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button(say(l, {"Discard", "Bỏ qua"}))) {
            std::error_code ec;
            fs::remove(*recovery, ec);
            recovery.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"OCOP Showroom studio: lay out a centre, light and shoot its products, walk its tour.", "showroom-studio"};
    cli.set_version_flag("--version", std::string("showroom-studio ") + OCOP_VERSION);
    std::string centre_path = std::string(OCOP_SCENES_DIR) + "/centres/bat-trang.centre.json";
    std::string mode_text = "layout", lang_text = "en", size = "1280x800", screenshot_path, product;
    std::string photos_dir, select_path;
    int frames = 0, autosave_seconds = 30;
    bool recover = false;
    cli.add_option("CENTRE", centre_path, "The centre layout (.centre.json); default: the Bát Tràng centre");
    cli.add_option("--mode", mode_text, "layout, studio or tour")->check(CLI::IsMember({"layout", "studio", "tour"}))
        ->capture_default_str();
    cli.add_option("--lang", lang_text, "en or vi")->check(CLI::IsMember({"en", "vi"}))->capture_default_str();
    cli.add_option("--size", size, "Window size WxH")->capture_default_str();
    cli.add_option("--product", product, "Studio mode: the product (SKU) to show");
    cli.add_option("--select", select_path,
                   "Layout mode: select this object, named by its JSON path as `showroom check` gives it (fixtures[4])");
    cli.add_option("--photos", photos_dir, "Studio mode: where photos go (default: photos/ beside the centre)");
    cli.add_option("--autosave", autosave_seconds, "Seconds between autosaves of unsaved edits")
        ->check(CLI::Range(1, 3600))->capture_default_str();
    cli.add_flag("--recover", recover, "Recover the autosaved changes of a session that did not save");
    cli.add_option("--frames", frames, "Quit after this many frames (0 = when the window closes)")
        ->check(CLI::NonNegativeNumber);
    cli.add_option("--screenshot", screenshot_path, "Write the last frame, UI included, to this PNG");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return e.get_exit_code() == 0 ? cli.exit(e) : (std::fprintf(stderr, "showroom-studio: %s\n", e.what()), 2);
    }
    Result<photo::ImageSize> window_size = photo::parse_image_size(size, "--size", 8192);
    if (!window_size) return report(window_size.error());
    if (!screenshot_path.empty() && lower_extension(screenshot_path) != ".png")
        return report(bad_input(screenshot_path, "the screenshot must end in .png"));

    // Files are checked before any window opens: a wrong path is one line, display or not.
    std::optional<fs::path> recovery = Document::recovery_for(centre_path);
    recover = recover && recovery;
    if (recover) recovery.reset();
    Result<Document> document = recover ? Document::recover(centre_path) : Document::open(centre_path);
    if (!document) return report(document.error());
    Result<scene::Catalogue> catalogue = scene::load_catalogue(scene::catalogue_path(document->centre()));
    if (!catalogue) return report(catalogue.error());
    std::optional<ObjectRef> selected;
    if (!select_path.empty() && !(selected = object_at_path(document->centre(), select_path)))
        return report(bad_input(centre_path, "no object at " + select_path, "--select"));
    Result<scene::Brand> brand = brand_of(document->centre());
    if (!brand) return report(brand.error());
    if (!product.empty() && !catalogue->find(product))
        return report(bad_input(product, "no such product in " + catalogue->source.string()));

    GlfwSession glfw;
    if (!glfw.ok || !glfwVulkanSupported())
        return report(failure("window", "no display with Vulkan here (is DISPLAY set? try xvfb-run)"));
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: a window of the same size in points
    const std::string title = "OCOP Showroom Studio — " + fs::path(centre_path).filename().string();
    Window window{glfwCreateWindow(int(window_size->width), int(window_size->height), title.c_str(), nullptr, nullptr)};
    if (!window.handle) return report(failure("window", "cannot open a window"));
    WindowEvents events;
    glfwSetWindowUserPointer(window.handle, &events);
    glfwSetDropCallback(window.handle, on_drop);
    glfwSetKeyCallback(window.handle, on_key);

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.window = window.handle});
    if (!ctx) return report(ctx.error());
    int exit_code = 0;
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return report(renderer.error());
        Result<std::unique_ptr<App>> opened = open_app(**renderer, centre_path, recover, samples_dir(argv[0]));
        if (!opened) return report(opened.error());
        std::unique_ptr<App> app = std::move(opened).value();
        app->mode = mode_text == "studio" ? Mode::Studio : mode_text == "tour" ? Mode::Tour : Mode::Layout;
        app->language = lang_text == "vi" ? Language::Vi : Language::En;
        if (!product.empty()) app->studio.sku = product;
        if (!photos_dir.empty()) app->studio.out_dir = photos_dir;
        if (selected) {
            app->selection = {*selected};
            if (const scene::Fixture* f = app->centre().find_fixture(selected->id))
                app->orbit.target = f->pos + glm::vec3(0.0f, 0.5f * f->size.y, 0.0f);  // the middle of its box
        }

        float content_scale = 1.0f, unused = 1.0f;
        glfwGetWindowContentScale(window.handle, &content_scale, &unused);
        std::unique_ptr<render::Swapchain> swapchain;
        std::unique_ptr<ImGuiLayer> ui;
        const auto thumbnails_of = [&renderer](App& a) {
            std::vector<render::Pixels> pictures;
            for (Thumbnail& t : product_thumbnails(**renderer, a.catalogue, a.library, 96, default_thumbnail_cache_dir())) {
                a.picture_of[t.sku] = pictures.size();
                pictures.push_back(std::move(t.pixels));
            }
            return pictures;
        };
        std::vector<render::Pixels> thumbnails = thumbnails_of(*app);
        const char* frame_log = std::getenv("OCOP_STUDIO_FRAME_LOG");
        render::Pixels last_frame;
        const scene::Scene nothing;  // what the view shows when its scene cannot be made
        auto last_time = std::chrono::steady_clock::now();
        std::optional<scene::Camera> last_camera;  // the view's camera last frame, to tell when it moves
        for (int frame = 0; !app->quit && !glfwWindowShouldClose(window.handle) && (frames == 0 || frame < frames);) {
            glfwPollEvents();
            if (app->open_confirmed) {
                // Another centre: a new App (its own undo history and library) in the same
                // window, on the same device; the UI is made again for its thumbnails.
                const fs::path next = *app->open_request;
                app->open_request.reset();
                app->open_confirmed = false;
                Result<std::unique_ptr<App>> other = open_app(**renderer, next, false, samples_dir(argv[0]));
                if (!other) {
                    app->say_status(other.error().message());
                } else {
                    (*other)->mode = app->mode;
                    (*other)->language = app->language;
                    app = std::move(other).value();
                    ui.reset();
                    thumbnails = thumbnails_of(*app);
                    recovery = Document::recovery_for(next);
                    const std::string new_title = "OCOP Showroom Studio — " + next.filename().string();
                    glfwSetWindowTitle(window.handle, new_title.c_str());
                }
            }
            int fb_w = 0, fb_h = 0;
            glfwGetFramebufferSize(window.handle, &fb_w, &fb_h);
            if (fb_w == 0 || fb_h == 0) {  // minimised: nothing to draw into
                glfwWaitEvents();
                continue;
            }
            if (!swapchain) {
                Result<std::unique_ptr<render::Swapchain>> sc =
                    render::Swapchain::create(**ctx, std::uint32_t(fb_w), std::uint32_t(fb_h));
                if (!sc) return report(sc.error());
                swapchain = std::move(sc).value();
            }
            if (!ui) {
                const fs::path noto = "/usr/share/fonts/truetype/noto";
                Result<std::unique_ptr<ImGuiLayer>> made = ImGuiLayer::create(
                    **ctx, window.handle, *swapchain,
                    {.scale = content_scale,
                     .font = app->brand.font_regular.empty() ? noto / "NotoSans-Regular.ttf" : app->brand.font_regular,
                     .font_bold = app->brand.font_bold.empty() ? noto / "NotoSans-Bold.ttf" : app->brand.font_bold,
                     .symbols = noto / "NotoSansSymbols2-Regular.ttf",
                     .pictures = thumbnails});
                if (!made) return report(made.error());
                ui = std::move(made).value();
            }
            const auto now = std::chrono::steady_clock::now();
            const float seconds = std::chrono::duration<float>(now - last_time).count();
            last_time = now;
            handle_drops(*app, events);
            // One key press a frame, in the order they came: Delete then Ctrl+S saves the
            // deletion, however slow the frame they both arrived in.
            app->keys.clear();
            if (!events.keys.empty()) {
                app->keys.push_back(events.keys.front());
                events.keys.erase(events.keys.begin());
            }
            refresh(*app);

            ui->begin_frame();
            const ViewArea shell = draw_shell(*app, *ui, (*ctx)->device_name());
            const ViewArea view = app->mode == Mode::Layout   ? layout_mode(*app, *ui, shell)
                                  : app->mode == Mode::Studio ? studio_mode(*app, *ui, shell)
                                                             : tour_mode(*app, *ui, shell, std::min(seconds, 0.1f));
            recovery_prompt(*app, recovery);
            ui->end_frame();

            Result<const scene::Scene*> viewed = view_scene(*app, view);
            if (!viewed) app->say_status(viewed.error().message());
            const scene::Scene& scene = viewed ? **viewed : nothing;
            app->triangles = 0;
            for (const scene::ProductInstance& p : scene.products)
                if (p.model) app->triangles += p.model->drawn_triangle_count();
            // ImGui measures in window points; the renderer in framebuffer pixels.
            const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
            const VkRect2D viewport{{std::int32_t(view.x * fb_scale.x), std::int32_t(view.y * fb_scale.y)},
                                    {std::uint32_t(std::max(1.0f, view.width * fb_scale.x)),
                                     std::uint32_t(std::max(1.0f, view.height * fb_scale.y))}};
            const bool last = frames > 0 && frame + 1 == frames;
            // While the view moves (a walk, any drag: an orbit, a product, a slider), a draft at
            // fewer pixels where frames are slow; the whole view again on the first still frame.
            // A click alone is no drag: it does not blur the view for a frame.
            const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
                                  ImGui::IsMouseDragging(ImGuiMouseButton_Right) ||
                                  ImGui::IsMouseDragging(ImGuiMouseButton_Middle);
            const bool moving = (last_camera && !same_view(*last_camera, scene.camera)) || dragging;
            last_camera = scene.camera;
            app->resolution = next_draft_resolution(app->resolution, app->frame_ms, moving);
            const auto start = std::chrono::steady_clock::now();
            Result<render::Renderer::Presented> shown = (*renderer)->render_to_window(
                scene, *swapchain,
                {.viewport = viewport,
                 .resolution = app->resolution,
                 .surround = glm::vec3(0.06f),
                 .overlay = [&](VkCommandBuffer cmd, std::uint32_t image) { ui->record(cmd, *swapchain, image); },
                 .screenshot = last && !screenshot_path.empty() ? &last_frame : nullptr});
            if (!shown) return report(shown.error());
            app->frame_ms = std::chrono::duration<float, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (*shown == render::Renderer::Presented::Outdated) {
                swapchain.reset();  // the window changed size: a new swapchain, then draw again
                continue;
            }
            if (app->document.dirty() && now - app->last_autosave > std::chrono::seconds(autosave_seconds)) {
                if (Status s = app->document.autosave(); !s) app->say_status(s.error().message());
                app->last_autosave = now;
            }
            ++frame;
            // For scripts that drive the window (tests/studio/ui_drive.sh): the frames shown so
            // far, so they wait on the app rather than on a clock.
            if (frame_log) (void)write_file_atomic(frame_log, std::to_string(frame) + "\n");
        }
        if (!screenshot_path.empty() && !last_frame.rgba8.empty()) {
            if (Status st = photo::write_png(screenshot_path, last_frame); !st) return report(st.error());
            std::printf("wrote %s (%ux%u)\n", screenshot_path.c_str(), last_frame.width, last_frame.height);
        }
        // Closing with unsaved edits keeps them in the autosave, offered again on the next start.
        if (app->document.dirty())
            if (Status s = app->document.autosave(); !s) std::fprintf(stderr, "showroom-studio: %s\n", s.error().message().c_str());
        ui.reset();
        swapchain.reset();
    }
    if (const int n = (*ctx)->validation_messages(); n > 0) {
        std::fprintf(stderr, "showroom-studio: %d Vulkan validation message(s)\n", n);
        exit_code = 1;
    }
    return exit_code;
}
