// The Vulkan instance, device and queue everything else renders with. Vulkan 1.3 core only
// (dynamic rendering, synchronization2, extended dynamic state): what Mesa's lavapipe offers,
// so the same code runs on a CPU-only CI machine and on any real GPU.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

#include <vulkan/vulkan.h>

#include "core/log.h"
#include "core/result.h"

struct GLFWwindow;

namespace ocop::render {

// A fault made on purpose, to test that it ends in a clear error and not in a hang or an abort
// (tests/faults): DeviceLost makes the next queue submit report VK_ERROR_DEVICE_LOST;
// OutOfDeviceMemory makes the next allocation of kLargeAllocation bytes or more report
// VK_ERROR_OUT_OF_DEVICE_MEMORY. Nothing is really lost: the driver is never asked.
enum class Fault { None, DeviceLost, OutOfDeviceMemory };
inline constexpr std::uint64_t kLargeAllocation = 1u << 20;

struct ContextOptions {
    // Enables VK_LAYER_KHRONOS_validation and counts its messages. The environment variable
    // OCOP_VALIDATION=1 turns this on too (the test suite sets it for every test).
    bool validation = false;
    bool prefer_cpu = false;         // pick lavapipe even when a GPU is present
    GLFWwindow* window = nullptr;    // when set, a surface is made and the queue must present
    Log log;
    // The environment variable OCOP_FAULT=device-lost|out-of-device-memory sets it too (read
    // once, here); any other value is refused.
    Fault fault = Fault::None;
    // A wait for the GPU longer than this means it hung: the device then counts as lost. A CPU
    // (lavapipe) takes about a minute for the largest photo; ten is a GPU that stopped.
    std::uint64_t gpu_timeout_ns = 600'000'000'000ull;
};

// Move-only owner of the device. Destroying it waits for the device to be idle (unless it is
// lost: a hung device may never be).
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
    // A lost device (or out of memory) is a Failure (the device then stays lost).
    template <typename Record>
    Status run_one_time(Record&& record) const {
        VkCommandBuffer cmd = begin_one_time();
        std::forward<Record>(record)(cmd);
        return end_one_time(cmd);
    }
    // The same where nothing can be reported (the studio UI's font upload): a failure leaves
    // the device lost, and the next frame says so.
    template <typename Record>
    void submit_and_wait(Record&& record) const {
        (void)run_one_time(std::forward<Record>(record));
    }

    // Submits and waits for `fence` (then resets it), within options.gpu_timeout_ns. Device
    // lost or hung: a Failure, and every later submit fails at once (lost() is true).
    Status submit_and_wait_for(const VkSubmitInfo2& submit, VkFence fence) const;
    // vkAllocateMemory, with the out-of-device-memory fault.
    VkResult allocate_memory(const VkMemoryAllocateInfo& info, VkDeviceMemory* memory) const;
    // vkDeviceWaitIdle, except on a lost device (a hung one may never be idle).
    void wait_idle() const;
    bool lost() const { return lost_.load() != VK_SUCCESS; }
    std::uint64_t gpu_timeout_ns() const { return gpu_timeout_ns_; }
    // Why the device is lost (a Failure), for a call made after it was.
    Error lost_error() const { return failure_of(lost_.load(), "drawing"); }
    // A Failure for a Vulkan call that returned `result` while `doing` ("allocating 12.0 MB"):
    // what it means for the user, and the result's name; a made fault says it was made.
    Error failure_of(VkResult result, const std::string& doing) const;

private:
    Context() = default;
    VkCommandBuffer begin_one_time() const;
    Status end_one_time(VkCommandBuffer cmd) const;
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
    mutable std::atomic<Fault> pending_fault_{Fault::None};  // made once, then None
    mutable std::atomic<bool> fault_made_{false};
    mutable std::atomic<VkResult> lost_{VK_SUCCESS};         // DEVICE_LOST or TIMEOUT once lost
    std::uint64_t gpu_timeout_ns_ = 0;
};

}  // namespace ocop::render
