// A procedural Bát Tràng-style blue-and-white glazed vase: the bundled sample product, so a fresh
// checkout has something to photograph, export and test without any scanned data.
#pragma once

#include "assets/model.h"

namespace ocop::samples {

// Deterministic: the same model, bit for bit, on every run. About 0.30 m tall, base at y = 0,
// centred on X/Z; one mesh (outside, lip and visible inside of the neck), a 1024x1024 base-colour
// image and a packed occlusion/roughness/metallic image.
assets::Model make_glazed_vase();

}  // namespace ocop::samples
