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
    VkFormat format() const { return format_; }  // B8G8R8A8_SRGB or R8G8B8A8_SRGB
    std::uint32_t min_image_count() const { return min_image_count_; }
    std::uint32_t image_count() const { return std::uint32_t(images_.size()); }
    VkImage image(std::uint32_t index) const { return images_[index]; }
    // For an overlay drawn on top of the frame (the studio's UI) in a render pass.
    VkImageView view(std::uint32_t index) const { return views_[index]; }
    // Whether the shown frame can be copied back (screenshots with the UI in them).
    bool readable() const { return readable_; }
    VkSemaphore image_acquired() const { return image_acquired_; }
    VkSemaphore render_done(std::uint32_t index) const { return render_done_[index]; }

private:
    explicit Swapchain(const Context& ctx) : ctx_(ctx) {}
    const Context& ctx_;
    VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
    VkExtent2D extent_{};
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    std::uint32_t min_image_count_ = 2;
    bool readable_ = false;
    std::vector<VkImage> images_;
    std::vector<Owned<VkImageView>> views_;
    // One frame is in flight at a time (the renderer waits for it), so one acquire semaphore
    // suffices; "render done" is per image, because presentation holds it until the image
    // comes back.
    Owned<VkSemaphore> image_acquired_;
    std::vector<Owned<VkSemaphore>> render_done_;
};

}  // namespace ocop::render
