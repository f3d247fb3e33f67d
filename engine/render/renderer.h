// render::Renderer draws a scene::Scene. One renderer serves the CLI, the tests and (later) the
// studio window: what a photo preview shows is what a batch writes.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "render/contact_shadow.h"
#include "render/context.h"
#include "render/environment.h"
#include "render/light_shadows.h"
#include "render/offscreen.h"
#include "render/pbr_pass.h"
#include "render/swapchain.h"
#include "render/upload.h"
#include "scene/scene.h"

namespace ocop::render {

// RGBA8, sRGB-encoded, row 0 at the top. `rgba16`, where a photo was made at 16 bits: the
// same pixels, each channel sRGB-encoded in 16 bits (rgba8 is it rounded); else empty.
struct Pixels {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> rgba8;
    std::vector<std::uint16_t> rgba16;
};

// A frame as drawn: RGBA half floats (IEEE binary16 bits), linear light, colour premultiplied
// by alpha, row 0 at the top. What photos are averaged and encoded from. A view: of the
// renderer's readback memory (valid until it draws again), or of a test's own values.
struct LinearPixels {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::span<const std::uint16_t> rgba_half;
};

// How a frame goes into the window. The scene is drawn at the size of `viewport` (the
// whole window when its extent is 0) and copied there; the rest of the window is cleared to
// `surround` (linear RGB). `overlay` then draws on top (the studio's UI): it gets the
// swapchain image's index, in COLOR_ATTACHMENT_OPTIMAL layout, and must leave it so.
// With `screenshot` set, the window as shown, overlay included, is read back. `resolution` below
// 1 draws the scene at that fraction of the viewport's width and height and scales it up
// (bilinear): a draft while the view moves on a slow device (studio/view/draft_resolution.h).
struct WindowFrame {
    VkRect2D viewport{};
    float resolution = 1.0f;
    glm::vec3 surround{0.1f};
    std::function<void(VkCommandBuffer cmd, std::uint32_t image_index)> overlay;
    Pixels* screenshot = nullptr;
};

class Renderer {
public:
    // `ctx` must outlive the renderer. `light_loop`: chosen by the device unless a test forces it.
    static Result<std::unique_ptr<Renderer>> create(Context& ctx, LightLoop light_loop = LightLoop::ForDevice);
    ~Renderer();
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    // Renders the scene offscreen at width x height and reads the pixels back. With
    // `multisample` false there is one sample a pixel: for frames that are supersampled and
    // averaged down anyway (4x MSAA on top would cost 4x the memory for little gain).
    Result<Pixels> render_offscreen(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                                    bool multisample = true);

    // The same frame as render_offscreen, read back as drawn (linear half floats), without a
    // copy: the pixels stay valid until this renderer draws again.
    Result<LinearPixels> render_linear(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                                       bool multisample = true);

    // Renders as render_offscreen does, without the readback: what a window frame costs.
    Status draw_offscreen(const scene::Scene& scene, std::uint32_t width, std::uint32_t height);

    // The GPU's time for the last frame's drawing (its first command to its last, readback
    // left out), from timestamps; nothing where the queue keeps none or no frame was drawn.
    std::optional<double> last_gpu_ms() const { return last_gpu_ms_; }
    // How this renderer bakes an HDR (compute shaders where the device can; the benchmarks time it).
    const EnvironmentBaker& environment_baker() const { return environment_baker_; }

    // Draws the scene into the window: the same offscreen frame as a photo, blitted to the
    // swapchain. `Outdated` means the window changed size: make a new Swapchain and draw again.
    enum class Presented { Shown, Outdated };
    Result<Presented> render_to_window(const scene::Scene& scene, Swapchain& swapchain, const WindowFrame& frame = {});

    Context& context() const { return ctx_; }

private:
    explicit Renderer(Context& ctx) : ctx_(ctx) {}
    // The model on the GPU, uploaded on first use and kept while the model lives.
    Result<const GpuModel*> gpu_model(const std::shared_ptr<const assets::Model>& model);
    // Makes the scene's environment the bound one: baked (or read from the disk cache) and
    // uploaded when it differs from the last frame's, else nothing.
    Status use_environment(const scene::Environment& environment);
    // Points the frame's descriptor set at the environment, the LUT and the shadow maps.
    void bind_frame_textures();
    // `scene_bounds`: scene::bounds(scene), for the contact shadow's square.
    void write_frame_uniforms(const scene::Scene& scene, const Bounds& scene_bounds, float aspect,
                              const std::vector<ShadowedLight>& shadowed);
    // Uploads what the scene needs, then begins the command buffer and records the frame into
    // the offscreen target (sized width x height), leaving `resolved` ready to be read.
    Status record_frame(const scene::Scene& scene, std::uint32_t width, std::uint32_t height,
                        VkSampleCountFlagBits samples);
    // record_frame, then the copy to the readback buffer, submitted and waited for.
    Status draw_and_read_back(const scene::Scene& scene, std::uint32_t width, std::uint32_t height, bool multisample);
    // Device lost or hung: a Failure (render::Context::submit_and_wait_for).
    Status submit_and_wait(VkSemaphore wait, VkSemaphore signal);

    Context& ctx_;
    MaterialDefaults defaults_;
    PbrPipeline pbr_;
    Buffer frame_uniforms_;
    Owned<VkDescriptorPool> frame_pool_;
    VkDescriptorSet frame_set_ = VK_NULL_HANDLE;
    Image brdf_lut_;
    Owned<VkSampler> lut_sampler_;
    Owned<VkSampler> environment_sampler_;
    ContactShadow contact_shadow_;
    LightShadows light_shadows_;
    std::uint64_t uploads_ = 0;  // models uploaded so far (shadow_content_key)
    GpuEnvironment environment_;
    EnvironmentBaker environment_baker_;  // compute shaders where the device can, else the CPU
    scene::Environment baked_from_;  // what environment_ was made from (default: the studio dome)
    Owned<VkCommandPool> command_pool_;
    VkCommandBuffer command_buffer_ = VK_NULL_HANDLE;
    Owned<VkFence> frame_fence_;
    std::unique_ptr<OffscreenTarget> offscreen_;  // kept while the size stays the same
    Buffer window_readback_;                      // window screenshots, grown as needed
    // Keyed by the model's address; the weak_ptr tells when the model is gone and its
    // slot may be reused, so a freed-and-reallocated Model never draws stale geometry.
    struct CachedModel {
        std::weak_ptr<const assets::Model> owner;
        GpuModel gpu;
    };
    std::map<const assets::Model*, CachedModel> models_;
    std::vector<PbrDraw> draws_;  // this frame's, kept so that a frame allocates none
    // Where each of this frame's light slots can reach (write_frame_uniforms), for the draws' lists.
    std::array<LightReach, gpu::kMaxLights> light_reach_{};
    std::size_t light_reach_count_ = 0;
    HalfTables half_tables_;      // the readback's half floats to sRGB
    Owned<VkQueryPool> timestamps_;
    std::uint32_t timestamp_bits_ = 0;
    std::optional<double> last_gpu_ms_;
};

}  // namespace ocop::render
