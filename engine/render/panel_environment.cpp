#include "render/panel_environment.h"

#include <algorithm>
#include <cmath>

namespace ocop::render {

namespace panel_detail {

constexpr float kPi = 3.14159265358979f;

// A panel's own frame: its centre direction, and right/up across it (up towards +Y).
struct PanelFrame {
    glm::vec3 centre;
    glm::vec3 right;
    glm::vec3 up;
};

PanelFrame panel_frame(const scene::EnvironmentPanel& panel) {
    const glm::vec3 c = glm::normalize(panel.direction);
    glm::vec3 right = glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), c);
    if (glm::length(right) < 1e-4f) right = glm::vec3(1.0f, 0.0f, 0.0f);  // straight overhead
    right = glm::normalize(right);
    return {c, right, glm::cross(c, right)};
}

// How much of direction d lies inside the panel, 0..1, with a soft edge of about a degree.
float coverage(const scene::EnvironmentPanel& panel, const PanelFrame& f, glm::vec3 d) {
    const float forward = glm::dot(d, f.centre);
    if (forward <= 0.0f) return 0.0f;
    const float x = std::atan2(glm::dot(d, f.right), forward) * 180.0f / kPi;
    const float y = std::atan2(glm::dot(d, f.up), forward) * 180.0f / kPi;
    const float half_w = 0.5f * panel.width_deg, half_h = 0.5f * panel.height_deg;
    const float edge = 0.75f;
    if (panel.round) {
        const float r = std::sqrt((x * x) / (half_w * half_w) + (y * y) / (half_h * half_h));
        const float outside_deg = (r - 1.0f) * std::min(half_w, half_h);
        return std::clamp(0.5f - outside_deg / edge, 0.0f, 1.0f);
    }
    const float outside_deg = std::max(std::abs(x) - half_w, std::abs(y) - half_h);
    return std::clamp(0.5f - outside_deg / edge, 0.0f, 1.0f);
}

}  // namespace panel_detail

assets::Image panel_environment_image(const scene::Environment& environment, int width) {
    using namespace panel_detail;
    width = std::max(width, 8);
    const int height = width / 2;
    std::vector<PanelFrame> frames;
    for (const scene::EnvironmentPanel& p : environment.panels) frames.push_back(panel_frame(p));
    assets::Image image;
    image.name = "studio panels";
    image.width = width;
    image.height = height;
    image.rgba32f.resize(std::size_t(width) * std::size_t(height) * 4);
    for (int row = 0; row < height; ++row) {
        // Row 0 is the top (v = 1): latitude from +90 to -90 degrees.
        const float latitude = kPi * (0.5f - (float(row) + 0.5f) / float(height));
        const glm::vec3 base = glm::mix(environment.floor_radiance, environment.wall_radiance,
                                        std::clamp(0.5f + latitude / (10.0f * kPi / 180.0f), 0.0f, 1.0f));
        for (int column = 0; column < width; ++column) {
            // u = atan2(d.z, d.x) / 2pi + 0.5 (environment_bake.h)
            const float longitude = 2.0f * kPi * ((float(column) + 0.5f) / float(width) - 0.5f);
            const glm::vec3 d{std::cos(latitude) * std::cos(longitude), std::sin(latitude),
                              std::cos(latitude) * std::sin(longitude)};
            glm::vec3 radiance = base;
            for (std::size_t i = 0; i < environment.panels.size(); ++i) {
                const float c = coverage(environment.panels[i], frames[i], d);
                radiance = glm::mix(radiance, environment.panels[i].radiance, c);
            }
            float* px = &image.rgba32f[(std::size_t(row) * std::size_t(width) + std::size_t(column)) * 4];
            px[0] = radiance.r;
            px[1] = radiance.g;
            px[2] = radiance.b;
            px[3] = 1.0f;
        }
    }
    return image;
}

}  // namespace ocop::render
