// Photo presets (`scenes/studio/*.preset.json`, format `ocop-photo-preset/1`): everything that
// makes two photos of a batch alike: size, file type, background, light rig, fill, lens,
// exposure (fixed, never automatic), tone mapper, supersampling, shadow, overlay, angles, naming.
// The shipped presets are embedded in the binaries; a path to a .preset.json works too.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/result.h"
#include "photo/angles.h"
#include "photo/image_io.h"
#include "photo/studio.h"
#include "scene/scene.h"

namespace ocop::photo {

enum class Background { White, Transparent, Colour, InCentre };

struct Preset {
    std::string name;
    std::string description;
    std::uint32_t width = 2000;
    std::uint32_t height = 2000;
    PhotoFormat format = PhotoFormat::Jpeg;
    int quality = 92;
    int png_bits = 8;
    Background background = Background::White;
    glm::vec3 background_srgb{1.0f};  // Background::Colour, sRGB 0..1
    std::string rig = "catalogue-soft";
    LightAdjust lights;              // "lights": {"scale", "kelvin", "turn_deg", "raise_deg"}
    float fill = 0.85f;              // the product's silhouette, larger side, as a share of the frame
    float vertical_fov_deg = 25.0f;  // a fixed lens for every photo of the preset
    float exposure_ev = 0.0f;
    scene::ToneMapping tone_mapping = scene::ToneMapping::PbrNeutral;
    std::uint32_t supersampling = 2;
    bool shadow = false;             // the soft contact shadow under the product
    bool overlay = false;            // the brand strip (never on marketplace photos)
    std::vector<std::string> angles; // empty: each product's category angle set
    std::string naming = "{sku}_{angle}";  // file name without extension: {sku} {angle} {preset} {frame}
    // The raw JSON text: part of every photo's input hash, so editing a preset re-renders.
    std::string source_text;
    // The file it was read from (absolute), empty for a built-in preset: sidecars name it, so
    // that `showroom qa` finds the preset again.
    std::string source_file;
};

// Errors name `source` and the JSON path ("background.colour: must be #RRGGBB").
Result<Preset> parse_preset(std::string_view json_text, const std::string& source);

// A built-in preset by name ("marketplace-white", ...), else a path to a .preset.json file.
Result<Preset> load_preset(const std::string& name_or_path);
std::vector<std::string> builtin_preset_names();

// The studio settings for one photo: the preset's look and light rig, the angle's camera, the
// turntable turned by `extra_turn_deg` more (turntable sequences). BadInput for an unknown rig.
Result<PhotoSettings> photo_settings(const Preset& preset, const Angle& angle, float extra_turn_deg = 0.0f);

// The photo's file name for the preset's naming pattern (no directory, with the extension).
std::string photo_file_name(const Preset& preset, std::string_view sku, std::string_view angle, int frame = -1);

}  // namespace ocop::photo
