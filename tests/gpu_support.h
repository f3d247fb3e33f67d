// Rendering in tests: a context with the validation layer on, and image checks.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "render/context.h"
#include "render/renderer.h"

namespace ocop::test {

// A lavapipe-or-GPU context with validation on. Its destructor fails the running test if the
// validation layer said anything at all.
struct TestGpu {
    // `light_loop`: the device's own unless a test forces one (render/pbr_pass.h).
    explicit TestGpu(render::LightLoop light_loop = render::LightLoop::ForDevice);
    ~TestGpu();
    std::unique_ptr<render::Context> ctx;
    std::unique_ptr<render::Renderer> renderer;
};

// A UV sphere of `radius` about `centre` with smooth normals and UVs (the seam column
// duplicated), for material and lighting tests. Its material is left to the caller.
assets::Mesh uv_sphere(glm::vec3 centre, float radius, int segments = 48, int rings = 24);

// The bounding box of pixels that are not exactly RGB 255, in pixels; empty() if none.
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // inclusive
    bool empty() const { return x1 < x0; }
    int width() const { return x1 - x0 + 1; }
    int height() const { return y1 - y0 + 1; }
};
PixelRect non_white_rect(const render::Pixels& p);
bool border_is_white(const render::Pixels& p);  // every pixel of the outermost ring is RGB 255

struct ImageDifference {
    double mean_abs = 0.0;         // mean |a-b| over RGB, in 0..255 units
    double share_over_16 = 0.0;    // share of pixels with any channel off by more than 16
};
ImageDifference compare(const render::Pixels& a, const render::Pixels& b);

// Compares with tests/golden/<name>.png. With OCOP_UPDATE_GOLDEN=1 it (re)writes the golden
// instead. The render is also written to the test-output folder for people to look at.
void check_golden(const render::Pixels& rendered, const std::string& name);

}  // namespace ocop::test
