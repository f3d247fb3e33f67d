#include "photo/studio.h"

#include "core/colour.h"
#include "core/parallel.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/packing.hpp>

namespace ocop::photo {

namespace {

// The default catalogue rig, in world space (the camera looks along -Z from slightly above):
// a warm-neutral key from the upper left, a soft dome and a large softbox above-front-left
// whose reflection draws the long highlight a glazed surface needs.
void add_white_studio_rig(scene::Scene& s) {
    s.lights.push_back({.direction = glm::normalize(glm::vec3(0.55f, -0.75f, -0.45f)),
                        .colour = {1.0f, 0.98f, 0.95f},
                        .intensity = 2.2f});
    s.lights.push_back({.direction = glm::normalize(glm::vec3(-0.6f, -0.2f, -0.5f)),
                        .colour = {0.95f, 0.97f, 1.0f},
                        .intensity = 0.5f});
    s.environment.studio = {.sky = {0.55f, 0.55f, 0.56f},
                            .ground = {0.30f, 0.30f, 0.30f},
                            .softbox_direction = glm::normalize(glm::vec3(-0.5f, 0.7f, 0.6f)),
                            .softbox_radius_rad = 0.30f,
                            .softbox_radiance = {2.5f, 2.5f, 2.5f}};
}

}  // namespace

glm::mat4 turntable_transform(const Bounds& b, float degrees) {
    const glm::vec3 pivot{b.centre().x, b.min.y, b.centre().z};
    return glm::translate(glm::mat4(1.0f), pivot) *
           glm::rotate(glm::mat4(1.0f), glm::radians(degrees), glm::vec3(0, 1, 0)) *
           glm::translate(glm::mat4(1.0f), -pivot);
}

namespace {

scene::Camera orbit_camera(const scene::Scene& s, const PhotoSettings& settings) {
    const Orbit& orbit = *settings.orbit;
    const float aspect = float(settings.width) / float(settings.height);
    if (!orbit.radius_m)
        return frame_products(s, {.fill = settings.fill,
                                  .elevation_deg = 90.0f - orbit.phi_deg,
                                  .azimuth_deg = orbit.theta_deg,
                                  .vertical_fov_deg = settings.vertical_fov_deg,
                                  .aspect = aspect});
    const Bounds b = scene::bounds(s);
    const glm::vec3 target = settings.target.value_or(b.empty() ? glm::vec3(0.0f) : b.centre());
    const float theta = glm::radians(orbit.theta_deg);
    const float phi = glm::radians(orbit.phi_deg);
    scene::Camera camera;
    camera.target = target;
    camera.position = target + *orbit.radius_m * glm::vec3(std::sin(phi) * std::sin(theta), std::cos(phi),
                                                           std::sin(phi) * std::cos(theta));
    camera.vertical_fov_deg = settings.vertical_fov_deg;
    // Depth range: the product's bounding sphere, seen from the camera.
    const float radius = b.empty() ? 1.0f : std::max(0.5f * glm::length(b.size()), 1e-4f);
    const float distance = b.empty() ? *orbit.radius_m : glm::length(camera.position - b.centre());
    camera.far_m = distance + 1.5f * radius;
    camera.near_m = std::max(distance - 1.5f * radius, 1e-4f * camera.far_m);
    return camera;
}

// The cylinder about the turntable's axis that holds every pose of the product: rings of
// points at its base and top, as far out as its farthest vertex.
std::vector<glm::vec3> turning_cylinder(const assets::Model& model) {
    const Bounds b = model.bounds();
    const glm::vec2 axis{b.centre().x, b.centre().z};
    float radius = 0.0f;
    for (const glm::vec3& p : model_points(model, glm::mat4(1.0f)))
        radius = std::max(radius, glm::length(glm::vec2(p.x, p.z) - axis));
    std::vector<glm::vec3> points;
    constexpr int kSteps = 72;
    for (int i = 0; i < kSteps; ++i) {
        const float a = 6.28318531f * float(i) / float(kSteps);
        const glm::vec2 xz = axis + radius * glm::vec2(std::cos(a), std::sin(a));
        points.push_back({xz.x, b.min.y, xz.y});
        points.push_back({xz.x, b.max.y, xz.y});
    }
    return points;
}

}  // namespace

scene::Scene studio_scene(std::shared_ptr<const assets::Model> model, const PhotoSettings& settings) {
    scene::Scene s;
    const glm::mat4 turntable = model ? turntable_transform(model->bounds(), settings.turntable_deg) : glm::mat4(1.0f);
    s.products.push_back({std::move(model), turntable});
    add_white_studio_rig(s);
    if (settings.rig) {
        s.lights = settings.rig->lights;
        s.environment = settings.rig->environment;
    }
    if (!settings.lights) s.lights.clear();
    if (settings.environment.kind != scene::Environment::Kind::Studio) s.environment = settings.environment;
    s.background = settings.background;
    s.exposure = std::exp2(settings.exposure_ev);
    s.tone_mapping = settings.tone_mapping;
    if (settings.shadow) s.contact_shadow = {.opacity = 0.45f, .softness = 0.5f};
    s.light_shadows = settings.light_shadows;
    const FramingRequest framing{.fill = settings.fill,
                                 .elevation_deg = settings.elevation_deg,
                                 .vertical_fov_deg = settings.vertical_fov_deg,
                                 .aspect = float(settings.width) / float(settings.height)};
    if (settings.orbit)
        s.camera = orbit_camera(s, settings);
    else if (settings.frame_whole_turn && s.products.front().model)
        s.camera = frame_points(turning_cylinder(*s.products.front().model), framing);
    else
        s.camera = frame_products(s, framing);
    if (!settings.orbit) s.camera.lens_shift.y += 2.0f * settings.raise;  // NDC spans 2 a frame
    return s;
}

Result<render::Pixels> shoot(render::Renderer& renderer, std::shared_ptr<const assets::Model> model,
                             const PhotoSettings& settings, scene::Camera* camera) {
    const scene::Scene s = studio_scene(std::move(model), settings);
    if (camera) *camera = s.camera;
    return shoot_scene(renderer, s, settings);
}

Result<render::Pixels> shoot_scene(render::Renderer& renderer, const scene::Scene& s, const PhotoSettings& settings) {
    const std::uint32_t factor = std::max(settings.supersampling, 1u);
    // Supersampled frames are averaged down: one sample a pixel is enough for them.
    Result<render::LinearPixels> frame =
        renderer.render_linear(s, settings.width * factor, settings.height * factor, factor == 1);
    if (!frame) return frame.error();
    return finish_photo(frame.value(), factor, settings.sixteen_bits);
}

render::Pixels finish_photo(const render::LinearPixels& frame, std::uint32_t factor, bool sixteen_bits) {
    factor = std::max(factor, 1u);
    // Encoded through the half-float tables: the frame holds halves, so an unaveraged pixel
    // comes out exactly as drawn, and no pow() runs per pixel.
    const render::HalfTables tables = render::make_half_tables();
    const std::vector<float>& linear = tables.linear;
    const std::vector<std::uint8_t>& srgb8 = tables.srgb8;
    const std::vector<std::uint16_t>& srgb16 = tables.srgb16;
    render::Pixels out{frame.width / factor, frame.height / factor, {}, {}};
    const std::size_t channels = std::size_t(out.width) * out.height * 4;
    out.rgba8.resize(channels);
    if (sixteen_bits) out.rgba16.resize(channels);
    const float samples = float(factor * factor);
    // Rows on every core: a 2048² photo from a 4096² frame is 0.2 s on one.
    parallel_for(out.height, [&](std::size_t out_row) {
        const auto y = static_cast<std::uint32_t>(out_row);
        for (std::uint32_t x = 0; x < out.width; ++x) {
            std::array<float, 4> sum{};
            for (std::uint32_t sy = 0; sy < factor; ++sy) {
                const std::uint16_t* row =
                    &frame.rgba_half[(std::size_t(y * factor + sy) * frame.width + std::size_t(x) * factor) * 4];
                for (std::uint32_t sx = 0; sx < factor * 4; ++sx) sum[sx % 4] += linear[row[sx]];
            }
            const std::size_t o = (std::size_t(y) * out.width + x) * 4;
            const float straight = sum[3] > 0.0f ? 1.0f / sum[3] : 0.0f;  // premultiplied sum over alpha sum
            for (std::size_t c = 0; c < 3; ++c) {
                const std::uint16_t half = glm::packHalf1x16(std::clamp(sum[c] * straight, 0.0f, 1.0f));
                out.rgba8[o + c] = srgb8[half];
                if (sixteen_bits) out.rgba16[o + c] = srgb16[half];
            }
            const float alpha = std::clamp(sum[3] / samples, 0.0f, 1.0f);
            out.rgba8[o + 3] = static_cast<std::uint8_t>(std::lround(alpha * 255.0f));
            if (sixteen_bits) out.rgba16[o + 3] = static_cast<std::uint16_t>(std::lround(alpha * 65535.0f));
        }
    });
    return out;
}

}  // namespace ocop::photo
