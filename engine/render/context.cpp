#include "render/context.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "core/sanitizers.h"
#include "render/vk_check.h"

namespace ocop::render {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool env_flag(const char* name) {
    const char* v = std::getenv(name);
    return v && *v && std::strcmp(v, "0") != 0;
}

bool has_layer(const char* name) {
    std::uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    for (const VkLayerProperties& l : layers)
        if (std::strcmp(l.layerName, name) == 0) return true;
    return false;
}

// What this renderer needs from a device, checked before it is chosen (STYLE.md: features
// checked at device creation, so a missing one is a clear message, not a crash later).
std::string missing_features(VkPhysicalDevice pd) {
    VkPhysicalDeviceProperties props;
    vkGetPhysicalDeviceProperties(pd, &props);
    if (props.apiVersion < VK_API_VERSION_1_3) return "Vulkan 1.3";
    VkPhysicalDeviceVulkan13Features f13{.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
    VkPhysicalDeviceFeatures2 f2{.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, .pNext = &f13};
    vkGetPhysicalDeviceFeatures2(pd, &f2);
    if (!f13.dynamicRendering) return "dynamicRendering";
    if (!f13.synchronization2) return "synchronization2";
    if (!f13.maintenance4) return "maintenance4";  // glslc's Vulkan 1.3 compute shaders declare LocalSizeId
    if (!(props.limits.framebufferColorSampleCounts & VK_SAMPLE_COUNT_4_BIT) ||
        !(props.limits.framebufferDepthSampleCounts & VK_SAMPLE_COUNT_4_BIT))
        return "4x MSAA";
    // The PBR fragment shader's layout has 16 material textures and 5 of the frame (pbr_pass.cpp).
    if (props.limits.maxPerStageDescriptorSamplers < 21 || props.limits.maxPerStageDescriptorSampledImages < 21)
        return "21 samplers per shader stage";
    return {};
}

// OCOP_FAULT (tests/faults): unset or empty is no fault.
Result<Fault> fault_from_environment(Fault given) {
    const char* v = std::getenv("OCOP_FAULT");
    if (!v || !*v) return given;
    if (std::strcmp(v, "device-lost") == 0) return Fault::DeviceLost;
    if (std::strcmp(v, "out-of-device-memory") == 0) return Fault::OutOfDeviceMemory;
    return bad_input("OCOP_FAULT", std::string("'") + v + "' is not device-lost or out-of-device-memory");
}

int device_rank(const VkPhysicalDeviceProperties& p, bool prefer_cpu) {
    switch (p.deviceType) {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return prefer_cpu ? 1 : 4;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return prefer_cpu ? 1 : 3;
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return prefer_cpu ? 5 : 2;
        default: return 1;
    }
}

// LeakSanitizer reports at exit, after the Vulkan loader has unloaded the driver and the
// layers, so their own leaks would show as "<unknown module>" and could not be suppressed.
// Sanitizer builds keep them loaded (tests/lsan.supp names them); other builds do nothing.
void keep_vulkan_libraries_loaded_for_leak_reports() {
#if OCOP_ADDRESS_SANITIZER
    for (const char* name : {"libvulkan_lvp.so", "libVkLayer_khronos_validation.so"})
        dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);  // no-op when not loaded
#endif
}

}  // namespace

VKAPI_ATTR VkBool32 VKAPI_CALL Context::on_validation_message(
    VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT,
    const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
    auto* self = static_cast<Context*>(user);
    if (severity >= VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
        self->validation_messages_.fetch_add(1);
        std::fprintf(stderr, "vulkan validation: %s\n", data->pMessage ? data->pMessage : "?");
    }
    return VK_FALSE;
}

Result<std::unique_ptr<Context>> Context::create(const ContextOptions& options) {
    std::unique_ptr<Context> ctx(new Context());
    ctx->log_ = options.log;
    Result<Fault> fault = fault_from_environment(options.fault);
    if (!fault) return fault.error();
    ctx->pending_fault_ = fault.value();
    ctx->gpu_timeout_ns_ = options.gpu_timeout_ns;
    const bool validation = options.validation || env_flag("OCOP_VALIDATION");

    std::vector<const char*> extensions;
    std::vector<const char*> layers;
    if (options.window) {
        std::uint32_t n = 0;
        const char** glfw_ext = glfwGetRequiredInstanceExtensions(&n);
        if (!glfw_ext) return failure("Vulkan", "the window system offers no Vulkan surface");
        extensions.assign(glfw_ext, glfw_ext + n);
    }
    if (validation) {
        if (!has_layer(kValidationLayer))
            return failure("Vulkan", std::string(kValidationLayer) +
                                         " is not installed (tools/bootstrap installs vulkan-validationlayers)");
        layers.push_back(kValidationLayer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }

    const VkApplicationInfo app{.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO,
                                .pApplicationName = "OCOP Showroom",
                                .applicationVersion = VK_MAKE_VERSION(0, 1, 0),
                                .pEngineName = "ocop",
                                .engineVersion = VK_MAKE_VERSION(0, 1, 0),
                                .apiVersion = VK_API_VERSION_1_3};
    const VkDebugUtilsMessengerCreateInfoEXT messenger_info{
        .sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT,
        .messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                           VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
        .messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT,
        .pfnUserCallback = &Context::on_validation_message,
        .pUserData = ctx.get()};
    // Synchronization validation catches missing barriers that the core checks cannot see.
    const VkValidationFeatureEnableEXT enabled_checks[] = {
        VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT};
    const VkValidationFeaturesEXT validation_features{
        .sType = VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT,
        .pNext = &messenger_info,
        .enabledValidationFeatureCount = 1,
        .pEnabledValidationFeatures = enabled_checks};
    const VkInstanceCreateInfo instance_info{
        .sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
        .pNext = validation ? &validation_features : nullptr,
        .pApplicationInfo = &app,
        .enabledLayerCount = static_cast<std::uint32_t>(layers.size()),
        .ppEnabledLayerNames = layers.data(),
        .enabledExtensionCount = static_cast<std::uint32_t>(extensions.size()),
        .ppEnabledExtensionNames = extensions.data()};
    if (VkResult r = vkCreateInstance(&instance_info, nullptr, &ctx->instance_); r != VK_SUCCESS)
        return failure("Vulkan", std::string("cannot create an instance (") + vk_result_name(r) +
                                     "): is a Vulkan driver installed? (mesa-vulkan-drivers)");
    if (validation) {
        auto create_messenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(ctx->instance_, "vkCreateDebugUtilsMessengerEXT"));
        VK_CHECK(create_messenger(ctx->instance_, &messenger_info, nullptr, &ctx->messenger_));
    }
    if (options.window) {
        if (VkResult r = glfwCreateWindowSurface(ctx->instance_, options.window, nullptr, &ctx->surface_);
            r != VK_SUCCESS)
            return failure("Vulkan", std::string("cannot create a window surface: ") + vk_result_name(r));
    }

    // Choose the device: the best-ranked one with every feature we use and a queue that
    // draws (and presents, in window mode).
    std::uint32_t count = 0;
    vkEnumeratePhysicalDevices(ctx->instance_, &count, nullptr);
    std::vector<VkPhysicalDevice> devices(count);
    vkEnumeratePhysicalDevices(ctx->instance_, &count, devices.data());
    int best_rank = -1;
    std::string rejected;
    for (VkPhysicalDevice pd : devices) {
        VkPhysicalDeviceProperties props;
        vkGetPhysicalDeviceProperties(pd, &props);
        if (std::string missing = missing_features(pd); !missing.empty()) {
            rejected += std::string(rejected.empty() ? "" : "; ") + props.deviceName + " lacks " + missing;
            continue;
        }
        std::uint32_t nq = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(pd, &nq, nullptr);
        std::vector<VkQueueFamilyProperties> families(nq);
        vkGetPhysicalDeviceQueueFamilyProperties(pd, &nq, families.data());
        for (std::uint32_t i = 0; i < nq; ++i) {
            if (!(families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT)) continue;
            if (ctx->surface_) {
                VkBool32 present = VK_FALSE;
                vkGetPhysicalDeviceSurfaceSupportKHR(pd, i, ctx->surface_, &present);
                if (!present) continue;
            }
            const int rank = device_rank(props, options.prefer_cpu);
            if (rank > best_rank) {
                best_rank = rank;
                ctx->physical_ = pd;
                ctx->queue_family_ = i;
                ctx->properties_ = props;
            }
            break;
        }
    }
    if (!ctx->physical_)
        return failure("Vulkan", rejected.empty() ? "no device can draw here"
                                                  : "no usable device: " + rejected);
    vkGetPhysicalDeviceMemoryProperties(ctx->physical_, &ctx->memory_);

    VkPhysicalDeviceFeatures supported{};
    vkGetPhysicalDeviceFeatures(ctx->physical_, &supported);
    VkPhysicalDeviceVulkan13Features f13{.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES,
                                         .synchronization2 = VK_TRUE,
                                         .dynamicRendering = VK_TRUE,
                                         .maintenance4 = VK_TRUE};
    const VkPhysicalDeviceFeatures2 features{
        .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2,
        .pNext = &f13,
        .features = {.samplerAnisotropy = supported.samplerAnisotropy}};
    const float priority = 1.0f;
    const VkDeviceQueueCreateInfo queue_info{.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
                                             .queueFamilyIndex = ctx->queue_family_,
                                             .queueCount = 1,
                                             .pQueuePriorities = &priority};
    std::vector<const char*> device_extensions;
    if (ctx->surface_) device_extensions.push_back(VK_KHR_SWAPCHAIN_EXTENSION_NAME);
    const VkDeviceCreateInfo device_info{
        .sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
        .pNext = &features,
        .queueCreateInfoCount = 1,
        .pQueueCreateInfos = &queue_info,
        .enabledExtensionCount = static_cast<std::uint32_t>(device_extensions.size()),
        .ppEnabledExtensionNames = device_extensions.data()};
    if (VkResult r = vkCreateDevice(ctx->physical_, &device_info, nullptr, &ctx->device_); r != VK_SUCCESS)
        return failure("Vulkan", std::string("cannot create the device: ") + vk_result_name(r));
    vkGetDeviceQueue(ctx->device_, ctx->queue_family_, 0, &ctx->queue_);
    keep_vulkan_libraries_loaded_for_leak_reports();

    const VkCommandPoolCreateInfo pool_info{.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
                                            .flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT,
                                            .queueFamilyIndex = ctx->queue_family_};
    VK_CHECK(vkCreateCommandPool(ctx->device_, &pool_info, nullptr, &ctx->one_time_pool_));
    const VkFenceCreateInfo fence_info{.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    VK_CHECK(vkCreateFence(ctx->device_, &fence_info, nullptr, &ctx->one_time_fence_));

    ctx->log_.debug(std::string("Vulkan device: ") + ctx->properties_.deviceName +
                    (validation ? " (validation on)" : ""));
    return ctx;
}

Context::~Context() {
    if (device_) {
        wait_idle();
        vkDestroyFence(device_, one_time_fence_, nullptr);
        vkDestroyCommandPool(device_, one_time_pool_, nullptr);
        vkDestroyDevice(device_, nullptr);
    }
    if (surface_) vkDestroySurfaceKHR(instance_, surface_, nullptr);
    if (messenger_) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(instance_, "vkDestroyDebugUtilsMessengerEXT"));
        destroy(instance_, messenger_, nullptr);
    }
    if (instance_) vkDestroyInstance(instance_, nullptr);
}

std::uint32_t Context::find_memory_type(std::uint32_t type_bits, VkMemoryPropertyFlags flags) const {
    for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
        if ((type_bits & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & flags) == flags) return i;
    return UINT32_MAX;
}

VkCommandBuffer Context::begin_one_time() const {
    const VkCommandBufferAllocateInfo alloc{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
                                            .commandPool = one_time_pool_,
                                            .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
                                            .commandBufferCount = 1};
    VkCommandBuffer cmd;
    VK_CHECK(vkAllocateCommandBuffers(device_, &alloc, &cmd));
    const VkCommandBufferBeginInfo begin{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                         .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
    VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
    return cmd;
}

Status Context::end_one_time(VkCommandBuffer cmd) const {
    VK_CHECK(vkEndCommandBuffer(cmd));
    const VkCommandBufferSubmitInfo cmd_info{.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO,
                                             .commandBuffer = cmd};
    const VkSubmitInfo2 submit{.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO_2,
                               .commandBufferInfoCount = 1,
                               .pCommandBufferInfos = &cmd_info};
    Status done = submit_and_wait_for(submit, one_time_fence_);
    // A command buffer the GPU may still read (lost or hung) is left to the pool's destruction.
    if (done) vkFreeCommandBuffers(device_, one_time_pool_, 1, &cmd);
    return done;
}

Status Context::submit_and_wait_for(const VkSubmitInfo2& submit, VkFence fence) const {
    if (lost()) return lost_error();
    Fault device_lost = Fault::DeviceLost;
    if (pending_fault_.compare_exchange_strong(device_lost, Fault::None)) {
        fault_made_ = true;
        lost_ = VK_ERROR_DEVICE_LOST;
        return failure_of(VK_ERROR_DEVICE_LOST, "submitting work to the queue");
    }
    VkResult r = vkQueueSubmit2(queue_, 1, &submit, fence);
    if (r != VK_SUCCESS) {
        if (r == VK_ERROR_DEVICE_LOST) lost_ = r;
        return failure_of(r, "submitting work to the queue");
    }
    // A finite wait: a GPU that never finishes must not hang a batch for ever.
    r = vkWaitForFences(device_, 1, &fence, VK_TRUE, gpu_timeout_ns_);
    if (r != VK_SUCCESS) {
        if (r == VK_ERROR_DEVICE_LOST || r == VK_TIMEOUT) lost_ = r;
        return failure_of(r, "waiting for the GPU");
    }
    VK_CHECK(vkResetFences(device_, 1, &fence));
    return Ok{};
}

VkResult Context::allocate_memory(const VkMemoryAllocateInfo& info, VkDeviceMemory* memory) const {
    if (lost()) return VK_ERROR_DEVICE_LOST;
    Fault out_of_memory = Fault::OutOfDeviceMemory;
    if (info.allocationSize >= kLargeAllocation &&
        pending_fault_.compare_exchange_strong(out_of_memory, Fault::None)) {
        fault_made_ = true;
        return VK_ERROR_OUT_OF_DEVICE_MEMORY;
    }
    return vkAllocateMemory(device_, &info, nullptr, memory);
}

void Context::wait_idle() const {
    if (lost()) return;
    const VkResult r = vkDeviceWaitIdle(device_);
    if (r == VK_ERROR_DEVICE_LOST) lost_ = r;
}

Error Context::failure_of(VkResult result, const std::string& doing) const {
    std::string reason;
    switch (result) {
        case VK_ERROR_DEVICE_LOST:
            reason = "the GPU was lost while " + doing + " (VK_ERROR_DEVICE_LOST: a driver reset or a GPU fault)";
            break;
        case VK_TIMEOUT: {
            char text[160];
            std::snprintf(text, sizeof text, "the GPU did not finish within %.0f s while %s: it hung",
                          double(gpu_timeout_ns_) * 1e-9, doing.c_str());
            reason = text;
            break;
        }
        case VK_ERROR_OUT_OF_DEVICE_MEMORY:
            reason = "out of GPU memory while " + doing + " (VK_ERROR_OUT_OF_DEVICE_MEMORY)";
            break;
        case VK_ERROR_OUT_OF_HOST_MEMORY:
            reason = "out of memory while " + doing + " (VK_ERROR_OUT_OF_HOST_MEMORY)";
            break;
        default: reason = doing + " failed: " + vk_result_name(result); break;
    }
    // A made device loss explains every later failure; a made allocation failure only its own.
    const bool made = result == VK_ERROR_OUT_OF_DEVICE_MEMORY ? fault_made_.exchange(false) : fault_made_.load();
    if (made) reason += ", made on purpose by OCOP_FAULT";
    return failure("Vulkan", reason);
}

}  // namespace ocop::render
