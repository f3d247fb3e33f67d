// The offscreen target photos are drawn into: 4x MSAA colour and depth, resolved into a
// single-sample sRGB image, copied to a host buffer and read back as RGBA8.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/resources.h"

namespace ocop::render {

class Context;

constexpr VkFormat kColourFormat = VK_FORMAT_R8G8B8A8_SRGB;  // linear in shaders, sRGB in memory
constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
constexpr VkSampleCountFlagBits kSamples = VK_SAMPLE_COUNT_4_BIT;  // lavapipe's maximum

struct OffscreenTarget {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    VkSampleCountFlagBits samples = kSamples;
    Image colour_msaa;  // absent with one sample: the frame is drawn straight into `resolved`
    Image depth_msaa;
    Image resolved;
    Buffer readback;
};

// BadInput when the size is zero or beyond what the device can render. `samples` is kSamples
// (4x MSAA) or 1 (for supersampled photos, whose averaging already smooths the edges).
Result<OffscreenTarget> create_offscreen_target(const Context& ctx, std::uint32_t width, std::uint32_t height,
                                                VkSampleCountFlagBits samples = kSamples);

// Starts dynamic rendering into the target, cleared to `clear` (linear RGBA).
void begin_offscreen(VkCommandBuffer cmd, const OffscreenTarget& target, const glm::vec4& clear);

// Ends rendering (the MSAA resolve happens here) and leaves `resolved` ready to be copied
// from (TRANSFER_SRC_OPTIMAL): to the readback buffer, or blitted to a window.
void end_offscreen(VkCommandBuffer cmd, const OffscreenTarget& target);

// Copies `resolved` to the readback buffer, visible to the host once the submit finishes.
void copy_to_readback(VkCommandBuffer cmd, const OffscreenTarget& target);
// Copies an image in TRANSFER_SRC_OPTIMAL layout into a host-visible buffer, readable by the
// host once the submit finishes (the window's screenshot uses it too).
void copy_image_to_host(VkCommandBuffer cmd, VkImage image, VkExtent2D extent, VkBuffer buffer);

// The pixels, row 0 at the top, 4 bytes each (sRGB-encoded RGBA8). Call after the submit finished.
std::vector<std::uint8_t> read_pixels(const OffscreenTarget& target);

}  // namespace ocop::render
