// A lost Vulkan device and an out-of-device-memory allocation (issue 8) end in a clear error
// and exit 1, never a hang or an abort. The faults are made on purpose (render::Fault, the
// OCOP_FAULT environment variable): the driver itself is never harmed.
#include <unistd.h>

#include <algorithm>

#include "render/context.h"
#include "render/renderer.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace ocop;

namespace {

struct DeviceFaultRun {
    int exit_code = -1;
    std::string output;
};

// `timeout` turns a hang into exit code 124 instead of a stuck test.
DeviceFaultRun devfault_run(const std::string& environment, const std::string& args) {
    DeviceFaultRun r;
    r.exit_code = test::run_command(environment + " timeout 120 " + test::showroom_binary().string() + " " + args,
                                    &r.output);
    return r;
}

int devfault_lines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

std::unique_ptr<render::Context> devfault_context(render::Fault fault) {
    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = true, .fault = fault});
    INFO((ctx ? std::string() : ctx.error().message()));
    REQUIRE(ctx.ok());
    return std::move(ctx).value();
}

}  // namespace

TEST_CASE("showroom photo exits 1 with one line when the device is lost or out of memory", "[faults]") {
    const fs::path dir = test::scratch_dir("faults_device_" + std::to_string(::getpid()));
    const std::string bowl = (test::samples_dir() / "bt-bowl-brown.ply").string();
    const struct {
        const char* fault;
        const char* words;
    } cases[] = {{"device-lost", "VK_ERROR_DEVICE_LOST"}, {"out-of-device-memory", "VK_ERROR_OUT_OF_DEVICE_MEMORY"}};
    for (const auto& c : cases) {
        const fs::path out = dir / (std::string(c.fault) + ".png");
        const DeviceFaultRun r =
            devfault_run(std::string("OCOP_FAULT=") + c.fault, "photo " + bowl + " --cpu --size 64x64 -o " + out.string());
        INFO(c.fault << ": " << r.output);
        CHECK(r.exit_code == 1);
        CHECK(devfault_lines(r.output) == 1);
        CHECK(r.output.rfind("showroom: Vulkan: ", 0) == 0);
        CHECK(r.output.find(c.words) != std::string::npos);
        CHECK(r.output.find("made on purpose by OCOP_FAULT") != std::string::npos);
        CHECK_FALSE(fs::exists(out));
    }
    // A photo batch says it in the same one line.
    const DeviceFaultRun batch =
        devfault_run("OCOP_FAULT=device-lost", "photos --catalogue " + std::string(OCOP_SOURCE_DIR) +
                                                   "/assets/catalogue/hanoi.json --only BT-BOWL-01 --cpu -q --out " +
                                                   (dir / "batch").string());
    INFO(batch.output);
    CHECK(batch.exit_code == 1);
    CHECK(devfault_lines(batch.output) == 1);
    CHECK(batch.output.find("VK_ERROR_DEVICE_LOST") != std::string::npos);

    const DeviceFaultRun unknown = devfault_run("OCOP_FAULT=melted", "photo " + bowl + " --cpu -o " + (dir / "x.png").string());
    INFO(unknown.output);
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.output.find("OCOP_FAULT: 'melted' is not device-lost or out-of-device-memory") != std::string::npos);
}

TEST_CASE("A lost device fails the renderer and stays lost", "[faults]") {
    std::unique_ptr<render::Context> ctx = devfault_context(render::Fault::DeviceLost);
    Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(*ctx);
    REQUIRE_FALSE(renderer.ok());
    CHECK(renderer.error().kind == Error::Kind::Failure);
    CHECK(renderer.error().reason.find("VK_ERROR_DEVICE_LOST") != std::string::npos);
    CHECK(ctx->lost());
    // Every later use fails at once, without asking the device.
    Result<std::unique_ptr<render::Renderer>> again = render::Renderer::create(*ctx);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().reason.find("VK_ERROR_DEVICE_LOST") != std::string::npos);
    CHECK(ctx->validation_messages() == 0);
}

TEST_CASE("Out of device memory fails one large allocation and the next frame renders", "[faults]") {
    std::unique_ptr<render::Context> ctx = devfault_context(render::Fault::OutOfDeviceMemory);
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(*ctx);  // small allocations only
        INFO((renderer ? std::string() : renderer.error().message()));
        REQUIRE(renderer.ok());
        const scene::Scene empty;
        Result<render::Pixels> refused = (*renderer)->render_offscreen(empty, 1024, 1024);  // a 16 MB MSAA target
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().kind == Error::Kind::Failure);
        CHECK(refused.error().reason.find("out of GPU memory while allocating") != std::string::npos);
        CHECK(refused.error().reason.find("VK_ERROR_OUT_OF_DEVICE_MEMORY") != std::string::npos);
        CHECK_FALSE(ctx->lost());
        Result<render::Pixels> drawn = (*renderer)->render_offscreen(empty, 1024, 1024);
        INFO((drawn ? std::string() : drawn.error().message()));
        CHECK(drawn.ok());
    }
    CHECK(ctx->validation_messages() == 0);
}
