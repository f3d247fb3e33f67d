// The in-centre photo: a product where visitors see it, on its fixture in a centre that
// displays it, under the centre's lights, framed from the front of its fixture.
#pragma once

#include <string_view>

#include "core/result.h"
#include "photo/angles.h"
#include "photo/preset.h"
#include "scene/build.h"

namespace ocop::photo {

// The centre's scene with the camera on the first placement of `sku`: the preset's lens and
// fill, the angle's elevation, turned about the product by the angle's turntable angle.
// BadInput when the centre does not display the product.
Result<scene::Scene> in_centre_scene(const scene::Centre& centre, const scene::Catalogue& catalogue,
                                     const scene::Brand& brand, scene::ProductLibrary& library, std::string_view sku,
                                     const Preset& preset, const Angle& angle);

}  // namespace ocop::photo
