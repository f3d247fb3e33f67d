// Private to engine/assets: the Assimp importer behind assets::import (.obj .ply .fbx .stl .dae).
#pragma once

#include <filesystem>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

// Reads the file with node transforms baked in and UVs flipped to glTF's convention
// ((0,0) at the image's top-left). Options are not applied here.
Result<Model> import_assimp(const std::filesystem::path& path);

}  // namespace ocop::assets
