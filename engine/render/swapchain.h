// The window's swapchain. Frames are drawn offscreen (the same target photos use) and blitted
// here, so the window shows exactly what a photo would hold.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/result.h"
#include "render/resources.h"

namespace ocop::render {

class Context;

class Swapchain {
public:
    // `ctx` must have been created with a window. width x height is the framebuffer size.
    static Result<std::unique_ptr<Swapchain>> create(const Context& ctx, std::uint32_t width, std::uint32_t height);
    ~Swapchain();
    Swapchain(const Swapchain&) = delete;
    Swapchain& operator=(const Swapchain&) = delete;

    VkSwapchainKHR handle() const { return swapchain_; }
    VkExtent2D extent() const { return extent_; }
    VkImage image(std::uint32_t index) const { return images_[index]; }
    VkSemaphore image_acquired() const { return image_acquired_; }
    VkSemaphore render_done(std::uint32_t index) const { return render_done_[index]; }

private:
    explicit Swapchain(const Context& ctx) : ctx_(ctx) {}
    const Context& ctx_;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    VkExtent2D extent_{};
    std::vector<VkImage> images_;
    // One frame is in flight at a time (the renderer waits for it), so one acquire semaphore
    // suffices; "render done" is per image, because presentation holds it until the image
    // comes back.
    Owned<VkSemaphore> image_acquired_;
    std::vector<Owned<VkSemaphore>> render_done_;
};

}  // namespace ocop::render
