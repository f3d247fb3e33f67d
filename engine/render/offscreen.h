// The offscreen target photos are drawn into: 4x MSAA colour and depth, resolved into a
// single-sample image of linear half floats, copied to a host buffer and read back: as sRGB
// RGBA8, or as the half floats themselves (16-bit photos, supersampling in linear light).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "render/resources.h"

namespace ocop::render {

class Context;

// Linear light in half floats: more than 8 bits where a photo is written at 16 (an sRGB 8-bit
// target would round every value to 8 bits before the photo could be averaged or encoded).
constexpr VkFormat kColourFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
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

// What each of the 65536 half-float bit patterns of a linear value becomes: the float (NaN as
// 0), and clamped to 0..1 then rounded: sRGB-encoded in 8 or 16 bits, or scaled to 8 bits (alpha,
// which is coverage, not light). Built once (65536 pow() calls), then a pixel is table lookups.
struct HalfTables {
    std::vector<float> linear;
    std::vector<std::uint8_t> srgb8;
    std::vector<std::uint16_t> srgb16;
    std::vector<std::uint8_t> unorm8;
};
HalfTables make_half_tables();

// The pixels, row 0 at the top, 4 bytes each (sRGB-encoded RGBA8, alpha premultiplied as
// drawn). Call after the submit finished.
std::vector<std::uint8_t> read_pixels(const OffscreenTarget& target, const HalfTables& tables);
// The same pixels as drawn: RGBA half floats (IEEE binary16 bits), linear, premultiplied; in
// the readback buffer, until the target is drawn into again.
std::span<const std::uint16_t> read_linear(const OffscreenTarget& target);

}  // namespace ocop::render
