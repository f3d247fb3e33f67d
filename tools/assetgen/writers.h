// Writing a SampleFile as a scanner would hand it over: in its own format, units and up axis.
// The generators build in metres, +Y up; the writers convert (z-up: (x, y, z) -> (x, -z, y),
// the inverse of the importer's z_up_to_y_up) and scale before writing. Every file is
// written atomically (core/files.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"
#include "generators.h"

namespace ocop::samples {

// Writes `sample` into `dir`: NAME.glb; NAME.gltf + NAME.bin + PNGs; NAME.obj + NAME.mtl +
// PNGs; or a binary PLY with vertex colours. BadInput for an unknown unit or up axis.
Status write_sample(SampleFile sample, const std::filesystem::path& dir);

// The model flattened (every instance baked into its own mesh) and converted from metres,
// +Y up to `units` and `up`: what the file holds.
Result<assets::Model> to_file_space(assets::Model model, const std::string& units, const std::string& up);

// PNG bytes of an RGBA8 image (stb_image_write).
Result<std::vector<std::uint8_t>> encode_png(const assets::Image& image);

// The writers for the text and mesh formats (writers_obj_ply.cpp); `model` is in file space.
Status write_obj(const assets::Model& model, const std::filesystem::path& obj_path);
Status write_ply(const assets::Model& model, const std::filesystem::path& ply_path);

}  // namespace ocop::samples
