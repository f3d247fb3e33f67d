#include "gpu_support.h"

#include <cmath>
#include <cstdlib>

#include "photo/png.h"
#include "support.h"

namespace ocop::test {

namespace fs = std::filesystem;

TestGpu::TestGpu(render::LightLoop light_loop) {
    Result<std::unique_ptr<render::Context>> c = render::Context::create({.validation = true});
    if (!c) FAIL(c.error().message());
    ctx = std::move(c).value();
    Result<std::unique_ptr<render::Renderer>> r = render::Renderer::create(*ctx, light_loop);
    if (!r) FAIL(r.error().message());
    renderer = std::move(r).value();
}

TestGpu::~TestGpu() {
    renderer.reset();
    if (ctx) CHECK(ctx->validation_messages() == 0);
}

PixelRect non_white_rect(const render::Pixels& p) {
    PixelRect r{int(p.width), int(p.height), -1, -1};
    for (std::uint32_t y = 0; y < p.height; ++y) {
        for (std::uint32_t x = 0; x < p.width; ++x) {
            const std::uint8_t* px = &p.rgba8[(std::size_t(y) * p.width + x) * 4];
            if (px[0] == 255 && px[1] == 255 && px[2] == 255) continue;
            r.x0 = std::min(r.x0, int(x));
            r.y0 = std::min(r.y0, int(y));
            r.x1 = std::max(r.x1, int(x));
            r.y1 = std::max(r.y1, int(y));
        }
    }
    return r;
}

bool border_is_white(const render::Pixels& p) {
    auto white = [&](std::uint32_t x, std::uint32_t y) {
        const std::uint8_t* px = &p.rgba8[(std::size_t(y) * p.width + x) * 4];
        return px[0] == 255 && px[1] == 255 && px[2] == 255;
    };
    for (std::uint32_t x = 0; x < p.width; ++x)
        if (!white(x, 0) || !white(x, p.height - 1)) return false;
    for (std::uint32_t y = 0; y < p.height; ++y)
        if (!white(0, y) || !white(p.width - 1, y)) return false;
    return true;
}

ImageDifference compare(const render::Pixels& a, const render::Pixels& b) {
    REQUIRE(a.width == b.width);
    REQUIRE(a.height == b.height);
    ImageDifference d;
    const std::size_t n = std::size_t(a.width) * a.height;
    std::size_t over = 0;
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) {
            const int diff = std::abs(int(a.rgba8[i * 4 + c]) - int(b.rgba8[i * 4 + c]));
            sum += diff;
            worst = std::max(worst, diff);
        }
        if (worst > 16) ++over;
    }
    d.mean_abs = sum / double(n * 3);
    d.share_over_16 = double(over) / double(n);
    return d;
}

void check_golden(const render::Pixels& rendered, const std::string& name) {
    const fs::path golden = fs::path(OCOP_SOURCE_DIR) / "tests" / "golden" / (name + ".png");
    const fs::path look = fs::path(OCOP_BINARY_DIR) / "test-output" / "golden" / (name + ".png");
    fs::create_directories(look.parent_path());
    REQUIRE(photo::write_png(look, rendered).ok());
    const char* update = std::getenv("OCOP_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        fs::create_directories(golden.parent_path());
        REQUIRE(photo::write_png(golden, rendered).ok());
        WARN("golden image updated: " << golden);
        return;
    }
    Result<render::Pixels> expected = photo::read_png(golden);
    INFO("golden " << golden << " (rerun with OCOP_UPDATE_GOLDEN=1 to accept " << look << ")");
    REQUIRE(expected.ok());
    const ImageDifference d = compare(rendered, *expected);
    INFO("mean difference " << d.mean_abs << ", share of pixels off by >16: " << d.share_over_16);
    // Tolerances allow for rasteriser and driver differences (lavapipe versions, GPUs), not
    // for a changed look: a moved highlight or a wrong texture fails.
    CHECK(d.mean_abs < 1.5);
    CHECK(d.share_over_16 < 0.01);
}

assets::Mesh uv_sphere(glm::vec3 centre, float radius, int segments, int rings) {
    constexpr float pi = 3.14159265358979f;
    assets::Mesh mesh;
    for (int y = 0; y <= rings; ++y)
        for (int x = 0; x <= segments; ++x) {
            const float theta = pi * float(y) / float(rings);
            const float phi = 2.0f * pi * float(x) / float(segments);
            const glm::vec3 n{std::sin(theta) * std::cos(phi), std::cos(theta), -std::sin(theta) * std::sin(phi)};
            mesh.positions.push_back(centre + n * radius);
            mesh.normals.push_back(n);
            mesh.uv0.push_back({float(x) / float(segments), float(y) / float(rings)});
        }
    const auto at = [&](int y, int x) { return static_cast<std::uint32_t>(y * (segments + 1) + x); };
    for (int y = 0; y < rings; ++y)
        for (int x = 0; x < segments; ++x)
            mesh.indices.insert(mesh.indices.end(),
                                {at(y, x), at(y + 1, x), at(y + 1, x + 1), at(y, x), at(y + 1, x + 1), at(y, x + 1)});
    return mesh;
}

}  // namespace ocop::test
