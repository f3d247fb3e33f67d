#include "render/vk_check.h"

#include <cstdio>
#include <cstdlib>

namespace ocop::render {

// Debian 12's Vulkan headers lack vk_enum_string_helper.h: name the results we can meet.
const char* vk_result_name(VkResult result) {
    switch (result) {
#define OCOP_VK_RESULT(name) \
    case name: return #name;
        OCOP_VK_RESULT(VK_SUCCESS)
        OCOP_VK_RESULT(VK_NOT_READY)
        OCOP_VK_RESULT(VK_TIMEOUT)
        OCOP_VK_RESULT(VK_INCOMPLETE)
        OCOP_VK_RESULT(VK_SUBOPTIMAL_KHR)
        OCOP_VK_RESULT(VK_ERROR_OUT_OF_HOST_MEMORY)
        OCOP_VK_RESULT(VK_ERROR_OUT_OF_DEVICE_MEMORY)
        OCOP_VK_RESULT(VK_ERROR_INITIALIZATION_FAILED)
        OCOP_VK_RESULT(VK_ERROR_DEVICE_LOST)
        OCOP_VK_RESULT(VK_ERROR_MEMORY_MAP_FAILED)
        OCOP_VK_RESULT(VK_ERROR_LAYER_NOT_PRESENT)
        OCOP_VK_RESULT(VK_ERROR_EXTENSION_NOT_PRESENT)
        OCOP_VK_RESULT(VK_ERROR_FEATURE_NOT_PRESENT)
        OCOP_VK_RESULT(VK_ERROR_INCOMPATIBLE_DRIVER)
        OCOP_VK_RESULT(VK_ERROR_TOO_MANY_OBJECTS)
        OCOP_VK_RESULT(VK_ERROR_FORMAT_NOT_SUPPORTED)
        OCOP_VK_RESULT(VK_ERROR_FRAGMENTED_POOL)
        OCOP_VK_RESULT(VK_ERROR_OUT_OF_POOL_MEMORY)
        OCOP_VK_RESULT(VK_ERROR_SURFACE_LOST_KHR)
        OCOP_VK_RESULT(VK_ERROR_NATIVE_WINDOW_IN_USE_KHR)
        OCOP_VK_RESULT(VK_ERROR_OUT_OF_DATE_KHR)
#undef OCOP_VK_RESULT
        default: return "VkResult (unnamed)";
    }
}

void vk_check_failed(VkResult result, const char* call, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: %s failed: %s (%d)\n", file, line, call, vk_result_name(result),
                 static_cast<int>(result));
    std::abort();
}

}  // namespace ocop::render
