// assets::import(path, options) -> Model: every supported scan format through one door.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/result.h"

namespace ocop::assets {

// Which way the scan's "up" points; it is turned to +Y by proper rotations (handedness and
// winding kept): Z -> -90° about X, NegZ -> +90° about X, X -> +90° about Z.
enum class UpAxis { Y, Z, NegZ, X };

// The length unit of the file's coordinates. `Scale` means "use ImportOptions::unit_scale";
// `FromFile` trusts the format where it defines one (glTF: metres) and otherwise falls back
// to unit_scale with a warning that the units were guessed.
enum class Units { Scale, Millimetres, Centimetres, Metres, Inches, FromFile };

// "mm", "cm", "m", "in" (also "inch", "inches", "file"), as the catalogue writes them.
std::optional<Units> parse_units(std::string_view text);
// "y", "z", "-z", "x" (case-insensitive).
std::optional<UpAxis> parse_up_axis(std::string_view text);
// Metres per unit; 0 for Scale and FromFile (they need the options or the file).
float metres_per_unit(Units units);

// What one import may cost. Files come from anyone with a scanner: beyond a limit the import is
// refused with BadInput naming the file, the size found and the limit, before the memory for it
// is asked for (never an out-of-memory kill). The defaults are above any real scan; 0 is no limit.
struct ImportLimits {
    std::uint64_t max_triangles = 50'000'000;           // of the model's meshes, each counted once
    std::uint64_t max_texture_pixels = 16384ull * 16384;  // width x height of one texture
    std::uint64_t max_file_bytes = 2ull << 30;            // the model file, and each file it names
    // How the message names the triangle limit: showroom's flag, which `export` spells
    // --max-import-triangles (its --max-triangles is the simplification budget).
    std::string triangles_flag = "--max-triangles";
};

// "61,000,000": counts in messages, grouped by threes.
std::string grouped(std::uint64_t n);
// The refusals, worded once: "has 61,000,000 triangles, more than the limit of 50,000,000
// (--max-triangles)" and the like.
std::string triangles_over_limit(std::uint64_t triangles, const ImportLimits& limits);
std::string texture_over_limit(std::uint64_t width, std::uint64_t height, const ImportLimits& limits);
std::string file_over_limit(std::uint64_t bytes, const ImportLimits& limits);

struct ImportOptions {
    // Scale from the file's units to metres. glTF is metres by definition; OBJ/PLY/STL carry no
    // unit, so the catalogue says what the scanner used (0.01 for centimetres, 0.001 for mm).
    // Keep these three fields first and in this order: callers use `{1.0f, UpAxis::Y, false}`.
    float unit_scale = 1.0f;
    UpAxis up = UpAxis::Y;  // Z-up scans are rotated to Y-up
    // Move the model so its pivot is the centre of its base: bounds centred on X/Z, lowest
    // point at y = 0. Products are then placed on plinths and turntables by their base.
    bool base_at_origin = true;

    // A named unit instead of unit_scale (anything but Scale overrides unit_scale).
    Units units = Units::Scale;
    // Turn the model about +Y (after the up axis is fixed) so its front faces +Z.
    float front_yaw_degrees = 0.0f;
    // The product's real size in metres (the catalogue's dimensions_cm / 100, as x, y, z after
    // the up axis is fixed; 0 = unknown): the model is scaled uniformly so that its largest
    // dimension matches the largest given one, with a warning when the proportions disagree
    // by more than 10%. Overrides the unit scale.
    std::optional<glm::vec3> real_size_m;

    // Where the file has no normals: faces meeting at more than this angle keep a hard edge.
    float crease_angle_degrees = 60.0f;
    // meshoptimizer: weld duplicate vertices, order for the vertex cache, overdraw and vertex
    // fetch, and build a LOD chain (Mesh::lods) for models above 1M triangles. Off only for
    // tools that must keep the file's vertex order.
    bool optimise = true;
    // The LOD chain above: for the renderer. Exports that simplify to their own budget, and
    // write no LODs, skip its cost (seconds for a 1M-triangle scan).
    bool build_lods = true;
    // Textures with a side above this are downscaled (with a warning); 0 = no limit.
    int max_texture_side = 8192;
    ImportLimits limits;
};

// The extensions we read, lower case with the dot.
bool is_supported_model(const std::filesystem::path& path);
std::string supported_model_list();  // ".glb, .gltf, .obj, ..." for help and error texts

// Errors: BadInput for a missing/unreadable file, an unknown extension, a malformed model
// (naming the file and, where known, the part of it) or one beyond options.limits (checked as
// early as the format allows: the file size before reading; glTF's accessor counts and image
// headers before decoding; PLY and binary STL headers before Assimp; other formats after
// Assimp parsed them, each texture's header before it is decoded); Failure for anything else.
// The pipeline after the format's importer: normals where missing (crease angle), tangents
// where a normal map needs them, meshoptimizer (index, simplify to LODs, vertex cache,
// overdraw, vertex fetch), textures above the maximum side downscaled, then the
// normalisation as one root node (units, up axis, front yaw, real size, base at origin).
Result<Model> import(const std::filesystem::path& path, const ImportOptions& options = {});

}  // namespace ocop::assets
