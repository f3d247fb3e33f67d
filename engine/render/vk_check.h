// VK_CHECK is for calls that cannot fail on a working driver (the impossible cases): it prints
// file:line, the call and the VkResult, then aborts. Expected failures go through Result.
#pragma once

#include <vulkan/vulkan.h>

namespace ocop::render {

[[noreturn]] void vk_check_failed(VkResult result, const char* call, const char* file, int line);
const char* vk_result_name(VkResult result);

}  // namespace ocop::render

#define VK_CHECK(call)                                                                 \
    do {                                                                               \
        const VkResult vk_check_result_ = (call);                                      \
        if (vk_check_result_ != VK_SUCCESS)                                            \
            ::ocop::render::vk_check_failed(vk_check_result_, #call, __FILE__, __LINE__); \
    } while (0)
