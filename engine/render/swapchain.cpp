#include "render/swapchain.h"

#include <algorithm>

#include "render/context.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace {

Owned<VkSemaphore> make_semaphore(const Context& ctx) {
    const VkSemaphoreCreateInfo info{.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore s;
    VK_CHECK(vkCreateSemaphore(ctx.device(), &info, nullptr, &s));
    return {ctx.device(), s, vkDestroySemaphore};
}

}  // namespace

Result<std::unique_ptr<Swapchain>> Swapchain::create(const Context& ctx, std::uint32_t width, std::uint32_t height) {
    if (!ctx.surface()) return failure("window", "the Vulkan context has no window surface");
    std::unique_ptr<Swapchain> sc(new Swapchain(ctx));

    VkSurfaceCapabilitiesKHR caps;
    VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(ctx.physical_device(), ctx.surface(), &caps));
    if (!(caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_DST_BIT))
        return failure("window", "the window's images cannot be drawn by a copy on " + ctx.device_name());
    std::uint32_t count = 0;
    vkGetPhysicalDeviceSurfaceFormatsKHR(ctx.physical_device(), ctx.surface(), &count, nullptr);
    std::vector<VkSurfaceFormatKHR> formats(count);
    vkGetPhysicalDeviceSurfaceFormatsKHR(ctx.physical_device(), ctx.surface(), &count, formats.data());
    // An sRGB swapchain keeps the blit from our sRGB target exact (the bytes stay the bytes).
    auto chosen = std::find_if(formats.begin(), formats.end(), [](const VkSurfaceFormatKHR& f) {
        return (f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
               f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
    });
    if (chosen == formats.end())
        return failure("window", "the window offers no 8-bit sRGB format on " + ctx.device_name());

    sc->extent_ = caps.currentExtent;
    if (sc->extent_.width == UINT32_MAX) {
        sc->extent_ = {std::clamp(width, caps.minImageExtent.width, caps.maxImageExtent.width),
                       std::clamp(height, caps.minImageExtent.height, caps.maxImageExtent.height)};
    }
    // Drawn by a blit, then an overlay renders on top; copied back for screenshots when allowed.
    sc->readable_ = (caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT) != 0;
    const VkImageUsageFlags usage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                                    (sc->readable_ ? VkImageUsageFlags(VK_IMAGE_USAGE_TRANSFER_SRC_BIT) : 0u);
    std::uint32_t image_count = caps.minImageCount + 1;
    if (caps.maxImageCount > 0) image_count = std::min(image_count, caps.maxImageCount);
    const VkSwapchainCreateInfoKHR info{.sType = VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR,
                                        .surface = ctx.surface(),
                                        .minImageCount = image_count,
                                        .imageFormat = chosen->format,
                                        .imageColorSpace = chosen->colorSpace,
                                        .imageExtent = sc->extent_,
                                        .imageArrayLayers = 1,
                                        .imageUsage = usage,
                                        .imageSharingMode = VK_SHARING_MODE_EXCLUSIVE,
                                        .preTransform = caps.currentTransform,
                                        .compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR,
                                        .presentMode = VK_PRESENT_MODE_FIFO_KHR,  // always there
                                        .clipped = VK_TRUE};
    if (VkResult r = vkCreateSwapchainKHR(ctx.device(), &info, nullptr, &sc->swapchain_); r != VK_SUCCESS)
        return failure("window", std::string("cannot create the swapchain: ") + vk_result_name(r));
    vkGetSwapchainImagesKHR(ctx.device(), sc->swapchain_, &count, nullptr);
    sc->images_.resize(count);
    vkGetSwapchainImagesKHR(ctx.device(), sc->swapchain_, &count, sc->images_.data());
    sc->format_ = chosen->format;
    sc->min_image_count_ = image_count;
    for (VkImage image : sc->images_) {
        const VkImageViewCreateInfo view{.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
                                         .image = image,
                                         .viewType = VK_IMAGE_VIEW_TYPE_2D,
                                         .format = sc->format_,
                                         .subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1}};
        VkImageView v;
        VK_CHECK(vkCreateImageView(ctx.device(), &view, nullptr, &v));
        sc->views_.emplace_back(ctx.device(), v, vkDestroyImageView);
    }
    sc->image_acquired_ = make_semaphore(ctx);
    for (std::uint32_t i = 0; i < count; ++i) sc->render_done_.push_back(make_semaphore(ctx));
    return sc;
}

Swapchain::~Swapchain() {
    ctx_.wait_idle();
    views_.clear();  // before the images they view go with the swapchain
    if (swapchain_) vkDestroySwapchainKHR(ctx_.device(), swapchain_, nullptr);
}

}  // namespace ocop::render
