// Private to engine/assets: the Assimp importer behind assets::import (.obj .ply .fbx .stl .dae .3ds and
// whatever else Assimp reads).
#pragma once

#include <filesystem>
#include <string>

#include "assets/import.h"
#include "assets/model.h"
#include "core/result.h"

struct aiMetadata;

namespace ocop::assets {

// Whether Assimp has a reader for this extension (lower case, with the dot: ".3ds"), for
// "whatever else Assimp reads". Asks Assimp once per process.
bool assimp_reads(const std::string& lower_extension);

// Metres per file unit from the scene's metadata ("UnitScaleFactor", FBX's centimetres per
// unit), or 0 when the file does not say. import_assimp applies it to the root nodes, so an
// FBX arrives in metres; ImportOptions::unit_scale multiplies on top.
float assimp_unit_scale_from_metadata(const aiMetadata* metadata, const std::string& lower_extension);

// Reads the file with node transforms baked in and UVs flipped to glTF's convention
// ((0,0) at the image's top-left). Options are not applied here, but a unit the file states
// (FBX) is: the root nodes are scaled to metres, with a note in Model::warnings.
Result<Model> import_assimp(const std::filesystem::path& path, const ImportLimits& limits = {});

}  // namespace ocop::assets
