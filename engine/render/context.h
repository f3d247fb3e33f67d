// The Vulkan instance, device and queue everything else renders with. Vulkan 1.3 core only
// (dynamic rendering, synchronization2, extended dynamic state): what Mesa's lavapipe offers,
// so the same code runs on a CPU-only CI machine and on any real GPU.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include <vulkan/vulkan.h>

#include "core/log.h"
#include "core/result.h"

struct GLFWwindow;

namespace ocop::render {

struct ContextOptions {
    // Enables VK_LAYER_KHRONOS_validation and counts its messages. The environment variable
    // OCOP_VALIDATION=1 turns this on too (the test suite sets it for every test).
    bool validation = false;
    bool prefer_cpu = false;         // pick lavapipe even when a GPU is present
    GLFWwindow* window = nullptr;    // when set, a surface is made and the queue must present
    Log log;
};

// Move-only owner of the device. Destroying it waits for the device to be idle.
class Context {
public:
    static Result<std::unique_ptr<Context>> create(const ContextOptions& options);
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    VkInstance instance() const { return instance_; }
    VkPhysicalDevice physical_device() const { return physical_; }
    VkDevice device() const { return device_; }
    VkQueue queue() const { return queue_; }
    std::uint32_t queue_family() const { return queue_family_; }
    VkSurfaceKHR surface() const { return surface_; }
    const VkPhysicalDeviceProperties& properties() const { return properties_; }
    std::string device_name() const { return properties_.deviceName; }
    bool is_cpu() const { return properties_.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU; }
    bool validation_enabled() const { return messenger_ != VK_NULL_HANDLE; }

    // Warnings and errors the validation layer reported so far. Tests require 0.
    int validation_messages() const { return validation_messages_.load(); }

    std::uint32_t find_memory_type(std::uint32_t type_bits, VkMemoryPropertyFlags flags) const;

    // Records `record` into a one-time command buffer, submits it and waits for it to finish.
    template <typename Record>
    void submit_and_wait(Record&& record) const {
        VkCommandBuffer cmd = begin_one_time();
        record(cmd);
        end_one_time(cmd);
    }

private:
    Context() = default;
    VkCommandBuffer begin_one_time() const;
    void end_one_time(VkCommandBuffer cmd) const;
    static VKAPI_ATTR VkBool32 VKAPI_CALL on_validation_message(
        VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT types,
        const VkDebugUtilsMessengerCallbackDataEXT* data, void* user);

    VkInstance instance_ = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
    VkSurfaceKHR surface_ = VK_NULL_HANDLE;
    VkPhysicalDevice physical_ = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties properties_{};
    VkPhysicalDeviceMemoryProperties memory_{};
    VkDevice device_ = VK_NULL_HANDLE;
    VkQueue queue_ = VK_NULL_HANDLE;
    std::uint32_t queue_family_ = 0;
    VkCommandPool one_time_pool_ = VK_NULL_HANDLE;
    VkFence one_time_fence_ = VK_NULL_HANDLE;
    std::atomic<int> validation_messages_{0};
    Log log_;
};

}  // namespace ocop::render
