// A studio of emissive panels (softboxes, strips) drawn into an equirectangular image, which
// then goes through the same bake as an HDR file: the studio's light and its reflections come
// from one description.
#pragma once

#include "assets/model.h"
#include "scene/scene.h"

namespace ocop::render {

// `width` x width/2 RGBA32F, the equirect convention of environment_bake.h: walls above the
// horizon, floor below (a soft blend across it), panels on top with antialiased edges.
assets::Image panel_environment_image(const scene::Environment& environment, int width = 1024);

}  // namespace ocop::render
