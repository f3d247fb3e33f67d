// Light rigs (`scenes/studio/rigs/*.rig.json`, format `ocop-light-rig/1`): the studio's
// softboxes and strips as emissive panels of the environment, plus its directional lights,
// colour from kelvin. Directions are relative to the product's front as the camera sees it:
// azimuth 0 is on the camera's side (+Z), growing towards the camera's right (+X); elevation
// is above the horizon. The built-in rigs are embedded in the binary. The camera is white-balanced
// for 6500 K: 6500 K renders neutral white, lower is warmer, higher cooler (the catalogue rigs
// use 6500 K so that product colours stay true; rim-dramatic is warm on purpose).
#pragma once

#include "core/colour.h"

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "scene/scene.h"

namespace ocop::photo {

struct LightRig {
    std::string name;
    std::string description;
    scene::Environment environment;  // Kind::Panels
    std::vector<scene::Light> lights;  // directional
};

// Parses a rig; errors name `source` and the JSON path ("panels[2].kelvin").
Result<LightRig> parse_light_rig(std::string_view json_text, const std::string& source);

// A built-in rig by name ("catalogue-soft", ...); BadInput listing the names when unknown.
Result<LightRig> builtin_light_rig(const std::string& name);
std::vector<std::string> builtin_light_rig_names();

using ocop::kelvin_to_rgb;  // core/colour.h: rigs give colour temperatures in kelvin

// Direction from azimuth and elevation in degrees (the rig convention above).
glm::vec3 rig_direction(float azimuth_deg, float elevation_deg);

}  // namespace ocop::photo
