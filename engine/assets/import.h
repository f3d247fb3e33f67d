// assets::import(path, options) -> Model: every supported scan format through one door.
#pragma once

#include <filesystem>
#include <string>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

enum class UpAxis { Y, Z };

struct ImportOptions {
    // Scale from the file's units to metres. glTF is metres by definition; OBJ/PLY/STL carry no
    // unit, so the catalogue says what the scanner used (0.01 for centimetres, 0.001 for mm).
    float unit_scale = 1.0f;
    UpAxis up = UpAxis::Y;  // Z-up scans are rotated to Y-up
    // Move the model so its pivot is the centre of its base: bounds centred on X/Z, lowest
    // point at y = 0. Products are then placed on plinths and turntables by their base.
    bool base_at_origin = true;
};

// The extensions we read, lower case with the dot.
bool is_supported_model(const std::filesystem::path& path);
std::string supported_model_list();  // ".glb, .gltf, .obj, ..." for help and error texts

// Errors: BadInput for a missing/unreadable file, an unknown extension, or a malformed model
// (naming the file and, where known, the part of it); Failure for anything else.
Result<Model> import(const std::filesystem::path& path, const ImportOptions& options = {});

}  // namespace ocop::assets
