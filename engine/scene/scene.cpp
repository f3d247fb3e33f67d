#include "scene/scene.h"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace ocop::scene {

glm::mat4 Camera::view() const { return glm::lookAtRH(position, target, up); }

glm::mat4 Camera::projection(float aspect) const {
    const float f = 1.0f / std::tan(glm::radians(vertical_fov_deg) * 0.5f);
    glm::mat4 p(0.0f);
    p[0][0] = f / aspect;
    p[1][1] = -f;  // Vulkan's y axis points down
    // Lens shift: x_ndc += shift.x for every depth, so clip.x gains shift.x * w = shift.x * -z.
    p[2][0] = -lens_shift.x;
    p[2][1] = lens_shift.y;  // +shift.y moves the image up, i.e. towards -y in Vulkan NDC
    p[2][2] = far_m / (near_m - far_m);
    p[2][3] = -1.0f;
    p[3][2] = near_m * far_m / (near_m - far_m);
    return p;
}

Bounds bounds(const Scene& scene) {
    Bounds b;
    for (const ProductInstance& p : scene.products) {
        if (!p.model) continue;
        b.add(transformed(p.model->bounds(), p.transform));
    }
    return b;
}

std::string_view tone_mapping_name(ToneMapping tone_mapping) {
    switch (tone_mapping) {
    case ToneMapping::PbrNeutral: return "pbr-neutral";
    case ToneMapping::Aces: return "aces";
    case ToneMapping::Linear: return "linear";
    }
    return "pbr-neutral";
}

std::optional<ToneMapping> tone_mapping_from_name(std::string_view name) {
    for (const ToneMapping t : {ToneMapping::PbrNeutral, ToneMapping::Aces, ToneMapping::Linear})
        if (tone_mapping_name(t) == name) return t;
    return std::nullopt;
}

}  // namespace ocop::scene
