// Private to engine/assets: the glTF 2.0 importer behind assets::import.
#pragma once

#include <filesystem>

#include "assets/import.h"
#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

// Reads a .gltf or .glb (chosen by the file's first bytes, not its name) with node transforms
// baked in. Normals may be missing (import fills them); options are not applied here.
Result<Model> import_gltf(const std::filesystem::path& path, const ImportLimits& limits = {});

}  // namespace ocop::assets
