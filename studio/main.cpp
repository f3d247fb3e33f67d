// showroom-studio: the desktop app. For now a product preview in a window, drawn by the same
// renderer and studio rig as `showroom photo`; the Layout, Studio and Tour modes build on it.
//   showroom-studio [MODEL] [--size WxH] [--frames N --screenshot OUT.png]
#include <cstdio>
#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>
#include <GLFW/glfw3.h>

#include "assets/import.h"
#include "core/files.h"
#include "photo/image_size.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "render/context.h"
#include "render/renderer.h"
#include "render/swapchain.h"

namespace fs = std::filesystem;
using namespace ocop;

namespace {

int report(const Error& e) {
    std::fprintf(stderr, "showroom-studio: %s\n", e.message().c_str());
    return e.exit_code();
}

// The generated sample, found next to the binary (build/bin/../samples) from any folder.
fs::path default_model(const char* argv0) {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) exe = fs::absolute(argv0);
    return exe.parent_path().parent_path() / "samples" / "glazed_vase.glb";
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

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"OCOP Showroom studio: preview a product as the catalogue photo will show it.", "showroom-studio"};
    app.set_version_flag("--version", std::string("showroom-studio ") + OCOP_VERSION);
    std::string model_path;
    std::string size = "1024x768";
    int frames = 0;
    std::string screenshot_path;
    app.add_option("MODEL", model_path, "The product model (default: the bundled glazed vase)");
    app.add_option("--size", size, "Window size WxH")->capture_default_str();
    app.add_option("--frames", frames, "Quit after this many frames (0 = when the window closes)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--screenshot", screenshot_path, "Write the last frame to this PNG");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return e.get_exit_code() == 0 ? app.exit(e) : (std::fprintf(stderr, "showroom-studio: %s\n", e.what()), 2);
    }
    Result<photo::ImageSize> window_size = photo::parse_image_size(size, "--size", 8192);
    if (!window_size) return report(window_size.error());
    if (!screenshot_path.empty() && lower_extension(screenshot_path) != ".png")
        return report(bad_input(screenshot_path, "the screenshot must end in .png"));
    if (model_path.empty()) model_path = default_model(argv[0]).string();

    Result<assets::Model> imported = assets::import(model_path);
    if (!imported) return report(imported.error());
    auto model = std::make_shared<const assets::Model>(std::move(imported).value());

    GlfwSession glfw;
    if (!glfw.ok || !glfwVulkanSupported())
        return report(failure("window", "no display with Vulkan here (is DISPLAY set? try xvfb-run)"));
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    const std::string title = "OCOP Showroom — " + fs::path(model_path).filename().string();
    Window window{glfwCreateWindow(int(window_size->width), int(window_size->height), title.c_str(), nullptr, nullptr)};
    if (!window.handle) return report(failure("window", "cannot open a window"));

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.window = window.handle});
    if (!ctx) return report(ctx.error());
    int exit_code = 0;
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return report(renderer.error());
        std::unique_ptr<render::Swapchain> swapchain;
        scene::Scene scene;  // framed once per window size; each frame only turns the product
        const Bounds product_bounds = model->bounds();
        render::Pixels last_frame;
        for (int frame = 0; !glfwWindowShouldClose(window.handle) && (frames == 0 || frame < frames);) {
            glfwPollEvents();
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
                scene = photo::studio_scene(model, {.width = swapchain->extent().width,
                                                    .height = swapchain->extent().height});
            }
            // The product turns slowly, by frame count (not time), so screenshots are repeatable.
            scene.products[0].transform = photo::turntable_transform(product_bounds, 0.5f * float(frame));
            const bool last = frames > 0 && frame + 1 == frames;
            Result<render::Renderer::Presented> shown = (*renderer)->render_to_window(
                scene, *swapchain, last && !screenshot_path.empty() ? &last_frame : nullptr);
            if (!shown) return report(shown.error());
            if (*shown == render::Renderer::Presented::Outdated) {
                swapchain.reset();  // the window changed size: frame and draw again
                continue;
            }
            ++frame;
        }
        if (!screenshot_path.empty() && !last_frame.rgba8.empty()) {
            if (Status st = photo::write_png(screenshot_path, last_frame); !st) return report(st.error());
            std::printf("wrote %s (%ux%u)\n", screenshot_path.c_str(), last_frame.width, last_frame.height);
        }
    }
    if (const int n = (*ctx)->validation_messages(); n > 0) {
        std::fprintf(stderr, "showroom-studio: %d Vulkan validation message(s)\n", n);
        exit_code = 1;
    }
    return exit_code;
}
