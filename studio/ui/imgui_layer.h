// The studio's UI layer: Dear ImGui (Debian's 1.86, with its GLFW and Vulkan backends) drawn on
// top of the renderer's frame in the window. The Vulkan backend of 1.86 needs a classic render
// pass, so that pass, its framebuffers and ImGui's descriptor pool live here, in studio/, and the
// engine stays on dynamic rendering.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include <imgui.h>
#include <vulkan/vulkan.h>

#include "core/result.h"
#include "render/context.h"
#include "render/renderer.h"
#include "render/resources.h"
#include "render/swapchain.h"

struct GLFWwindow;

namespace ocop::studio {

struct ImGuiOptions {
    float scale = 1.0f;  // HiDPI: the window's content scale
    std::filesystem::path font;       // a TrueType font covering Vietnamese (Noto Sans)
    std::filesystem::path font_bold;
    std::filesystem::path symbols;    // ★ ✓ ✗, merged into both (Noto Sans Symbols 2); optional
    // Small pictures (product thumbnails rendered by the engine), packed into the font atlas
    // so that ImGui draws them with its own texture: 1.86's backend has no user textures.
    std::vector<render::Pixels> pictures;
};

// A colour for ImGui, given as sRGB the way colours are written everywhere: the window's
// images are sRGB, so ImGui's output is encoded by the GPU and its inputs must be linear.
ImVec4 ui_colour(float r, float g, float b, float a = 1.0f);
ImU32 ui_colour32(int r, int g, int b, int a = 255);

// Where a picture lies in the atlas, ready for ImGui::Image.
struct Picture {
    ImTextureID texture = nullptr;
    ImVec2 uv0, uv1;
    ImVec2 size;  // pixels
};

class ImGuiLayer {
public:
    // `ctx` and `window` must outlive the layer. The window's callbacks are chained by ImGui.
    static Result<std::unique_ptr<ImGuiLayer>> create(render::Context& ctx, GLFWwindow* window,
                                                      const render::Swapchain& swapchain, const ImGuiOptions& options);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    void begin_frame();  // before any ImGui call of the frame
    void end_frame();    // ImGui::Render: call before the renderer draws the window
    // The renderer's overlay: records the UI into the swapchain image.
    void record(VkCommandBuffer cmd, const render::Swapchain& swapchain, std::uint32_t image_index);

    const std::vector<Picture>& pictures() const { return pictures_; }
    ImFont* bold() const { return bold_; }

private:
    explicit ImGuiLayer(render::Context& ctx) : ctx_(ctx) {}
    void make_framebuffers(const render::Swapchain& swapchain);

    render::Context& ctx_;
    render::Owned<VkDescriptorPool> pool_;
    render::Owned<VkRenderPass> pass_;
    VkSwapchainKHR framebuffers_for_ = VK_NULL_HANDLE;
    std::vector<render::Owned<VkFramebuffer>> framebuffers_;
    std::vector<Picture> pictures_;
    ImFont* bold_ = nullptr;
    bool glfw_ready_ = false;
    bool vulkan_ready_ = false;
};

}  // namespace ocop::studio
