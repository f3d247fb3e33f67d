// Auto-framing: place the camera so the product fills a given share of the frame, centred.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/scene.h"

namespace ocop::photo {

struct FramingRequest {
    float fill = 0.85f;             // the product's larger side, as a share of that frame side
    float elevation_deg = 20.0f;    // camera above the horizon, looking down at the product
    float azimuth_deg = 0.0f;       // about +Y from the front (+Z), towards +X (model-viewer's theta)
    float vertical_fov_deg = 25.0f; // a short telephoto: little perspective distortion
    float aspect = 1.0f;            // width / height of the frame
};

// Where the product lands in the image: [0,1]² from the top-left corner, as the renderer's
// rasteriser will place it (vertices are the silhouette's extremes for a triangle mesh).
struct ImageRect {
    glm::vec2 min{1.0f};
    glm::vec2 max{0.0f};
    glm::vec2 size() const { return max - min; }
};

// A camera looking at the product's front (which faces +Z; turned by `azimuth_deg`) from `elevation_deg`,
// at a distance and with a lens shift such that the products' projection is centred and its
// larger relative extent, max(width / frame width, height / frame height), equals `fill`.
scene::Camera frame_products(const scene::Scene& scene, const FramingRequest& request);

// The same for a set of world points standing for the product (its vertices, or the bounding
// cylinder it sweeps on a turning turntable, so that every frame of a sequence is framed alike).
scene::Camera frame_points(const std::vector<glm::vec3>& points, const FramingRequest& request);

// The vertices of every product of the scene, in world space.
std::vector<glm::vec3> product_points(const scene::Scene& scene);
// The vertices of a model placed by `transform` (every instance of every mesh).
std::vector<glm::vec3> model_points(const assets::Model& model, const glm::mat4& transform);

ImageRect projected_rect(const scene::Scene& scene, const scene::Camera& camera, float aspect);

}  // namespace ocop::photo
