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

// What the studio app's light controls change on a rig, kept in a preset ("lights" object):
// every light and panel brighter or darker together, one colour temperature for all of them
// (0: the rig's own), and the whole rig turned about the product and raised or lowered, as a
// photographer moves a light stand around the turntable.
struct LightAdjust {
    float scale = 1.0f;
    float kelvin = 0.0f;
    float turn_deg = 0.0f;   // about +Y, the way azimuth grows
    float raise_deg = 0.0f;  // towards the zenith (negative: lower)
    bool operator==(const LightAdjust&) const = default;
};
void adjust_rig(LightRig& rig, const LightAdjust& adjust);

// Direction from azimuth and elevation in degrees (the rig convention above).
glm::vec3 rig_direction(float azimuth_deg, float elevation_deg);

}  // namespace ocop::photo
