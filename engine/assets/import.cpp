#include "assets/import.h"

#include <cstdint>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <exception>
#include <new>
#include <string_view>
#include <system_error>

#include "assets/import_assimp.h"
#include "assets/import_gltf.h"
#include "assets/normalise.h"
#include "assets/process.h"
#include "assets/tangents.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::import_door {

constexpr std::array<std::string_view, 2> gltf_extensions = {".glb", ".gltf"};
constexpr std::array<std::string_view, 6> assimp_extensions = {".obj", ".ply", ".fbx", ".stl", ".dae", ".3ds"};

bool is_one_of(const std::string& extension, std::span<const std::string_view> list) {
    for (std::string_view candidate : list)
        if (extension == candidate) return true;
    return false;
}

// Non-finite positions would poison bounds, framing and every photo made from the model.
Status check_finite(const Model& model) {
    for (std::size_t m = 0; m < model.meshes.size(); ++m)
        for (const glm::vec3& p : model.meshes[m].positions)
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
                return bad_input(model.source, "holds a vertex position that is not a finite number",
                                 "mesh " + std::to_string(m) + " ('" + model.meshes[m].name + "')");
    return Ok{};
}

// A normal map (the base one or clearcoat's) needs a tangent frame.
bool uses_normal_texture(const Model& model, const Mesh& mesh) {
    if (mesh.material < 0 || static_cast<std::size_t>(mesh.material) >= model.materials.size()) return false;
    const Material& m = model.materials[static_cast<std::size_t>(mesh.material)];
    return m.normal_texture.present() || m.clearcoat.normal_texture.present();
}

// What every importer leaves to the end: normals where the file had none, tangents where a
// normal map needs them and the file had none.
void complete_vertex_attributes(Model& model, float crease_angle_degrees) {
    std::size_t without_normals = 0;
    for (Mesh& mesh : model.meshes) {
        if (mesh.normals.size() != mesh.positions.size()) {
            mesh.normals.clear();
            mesh.tangents.clear();
            fill_missing_normals(mesh, crease_angle_degrees);
            ++without_normals;
        }
        if (mesh.tangents.size() != mesh.positions.size()) mesh.tangents.clear();
        if (mesh.tangents.empty() && !mesh.uv0.empty() && uses_normal_texture(model, mesh))
            generate_tangents(mesh);
    }
    // Said once per file: a scan of a thousand parts should not give a thousand lines.
    if (without_normals > 0)
        model.warnings.push_back("no normals in " + std::to_string(without_normals) + " of " +
                                 std::to_string(model.meshes.size()) + " mesh(es): smooth normals generated (crease " +
                                 std::to_string(static_cast<int>(std::lround(crease_angle_degrees))) + " degrees)");
}

Result<Model> import_by_extension(const std::filesystem::path& path, const ImportLimits& limits) {
    const std::string extension = lower_extension(path);
    if (is_one_of(extension, gltf_extensions)) return import_gltf(path, limits);
    if (is_one_of(extension, assimp_extensions) || assimp_reads(extension)) return import_assimp(path, limits);
    const std::string shown = extension.empty() ? "(none)" : "'" + extension + "'";
    return bad_input(path.string(),
                     "unknown model extension " + shown + " (supported: " + supported_model_list() + ")");
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Options that cannot be applied are the caller's mistake, named before the file is read.
Status check_options(const std::filesystem::path& path, const ImportOptions& options) {
    if (options.units == Units::Scale || options.units == Units::FromFile)
        if (!std::isfinite(options.unit_scale) || options.unit_scale <= 0.0f)
            return bad_input(path.string(), "unit scale must be a positive number, not " +
                                                std::to_string(options.unit_scale));
    if (!std::isfinite(options.front_yaw_degrees))
        return bad_input(path.string(), "front yaw must be a finite number of degrees");
    if (!(options.crease_angle_degrees >= 0.0f && options.crease_angle_degrees <= 180.0f))
        return bad_input(path.string(), "crease angle must be between 0 and 180 degrees");
    if (options.max_texture_side < 0)
        return bad_input(path.string(), "maximum texture side must be 0 (no limit) or positive");
    if (options.real_size_m) {
        const glm::vec3 size = *options.real_size_m;
        const bool finite = std::isfinite(size.x) && std::isfinite(size.y) && std::isfinite(size.z);
        if (!finite || std::min({size.x, size.y, size.z}) < 0.0f || std::max({size.x, size.y, size.z}) <= 0.0f)
            return bad_input(path.string(), "real size must be non-negative with at least one dimension above 0");
    }
    return Ok{};
}

}  // namespace ocop::assets::import_door

namespace ocop::assets {

std::string grouped(std::uint64_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string triangles_over_limit(std::uint64_t triangles, const ImportLimits& limits) {
    return "has " + grouped(triangles) + " triangles, more than the limit of " + grouped(limits.max_triangles) + " (" +
           limits.triangles_flag + ")";
}

std::string texture_over_limit(std::uint64_t width, std::uint64_t height, const ImportLimits& limits) {
    return "has a " + std::to_string(width) + "x" + std::to_string(height) + " texture (" + grouped(width * height) +
           " pixels), more than the limit of " + grouped(limits.max_texture_pixels) + " (--max-texture-pixels)";
}

std::string file_over_limit(std::uint64_t bytes, const ImportLimits& limits) {
    char text[160];
    std::snprintf(text, sizeof text, "is %.1f MB, more than the limit of %s MB (--max-file-mb)",
                  double(bytes) / double(1 << 20), grouped(limits.max_file_bytes >> 20).c_str());
    // A limit below 1 MB (tests) would read "0 MB": say it in bytes instead.
    if (limits.max_file_bytes < (1u << 20))
        std::snprintf(text, sizeof text, "is %s bytes, more than the limit of %s bytes (--max-file-mb)",
                      grouped(bytes).c_str(), grouped(limits.max_file_bytes).c_str());
    return text;
}

std::optional<Units> parse_units(std::string_view text) {
    const std::string t = import_door::lower(text);
    if (t == "mm" || t == "millimetre" || t == "millimetres" || t == "millimeters") return Units::Millimetres;
    if (t == "cm" || t == "centimetre" || t == "centimetres" || t == "centimeters") return Units::Centimetres;
    if (t == "m" || t == "metre" || t == "metres" || t == "meters") return Units::Metres;
    if (t == "in" || t == "inch" || t == "inches") return Units::Inches;
    if (t == "file") return Units::FromFile;
    return std::nullopt;
}

std::optional<UpAxis> parse_up_axis(std::string_view text) {
    const std::string t = import_door::lower(text);
    if (t == "y" || t == "+y") return UpAxis::Y;
    if (t == "z" || t == "+z") return UpAxis::Z;
    if (t == "-z") return UpAxis::NegZ;
    if (t == "x" || t == "+x") return UpAxis::X;
    return std::nullopt;
}

float metres_per_unit(Units units) {
    switch (units) {
        case Units::Millimetres: return 0.001f;
        case Units::Centimetres: return 0.01f;
        case Units::Metres: return 1.0f;
        case Units::Inches: return 0.0254f;
        case Units::Scale:
        case Units::FromFile: return 0.0f;
    }
    return 0.0f;
}

// The listed extensions, and whatever else Assimp says it reads.
bool is_supported_model(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    return import_door::is_one_of(extension, import_door::gltf_extensions) ||
           import_door::is_one_of(extension, import_door::assimp_extensions) || assimp_reads(extension);
}

std::string supported_model_list() {
    std::string list;
    for (auto extensions : {std::span<const std::string_view>(import_door::gltf_extensions),
                            std::span<const std::string_view>(import_door::assimp_extensions)})
        for (std::string_view extension : extensions) {
            if (!list.empty()) list += ", ";
            list += extension;
        }
    return list + " and the other formats Assimp reads";
}

Result<Model> import(const std::filesystem::path& path, const ImportOptions& options) {
    using namespace import_door;
    // One clear message for a missing file, a folder or an unreadable file, whatever the format.
    if (Status readable = check_readable(path); !readable) return readable.error();
    if (Status valid = check_options(path, options); !valid) return valid.error();
    const ImportLimits& limits = options.limits;
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (!ec && limits.max_file_bytes > 0 && bytes > limits.max_file_bytes)
        return bad_input(path.string(), file_over_limit(bytes, limits));
    try {
        Result<Model> model = import_by_extension(path, limits);
        if (!model) return model;
        if (model->triangle_count() == 0) return bad_input(path.string(), "holds no triangles");
        // The importers check what the format tells before its data is read; this is the
        // last word for every format (a triangle strip, a polygon split by Assimp).
        if (limits.max_triangles > 0 && model->triangle_count() > limits.max_triangles)
            return bad_input(path.string(), triangles_over_limit(model->triangle_count(), limits));
        if (Status s = check_finite(model.value()); !s) return s.error();
        complete_vertex_attributes(model.value(), options.crease_angle_degrees);  // normals, tangents
        if (options.optimise)  // index, LODs, cache, overdraw, fetch
            optimise_model(model.value(), options.build_lods ? LodSettings{} : LodSettings{.model_triangles_above = SIZE_MAX});
        downscale_textures(model.value(), options.max_texture_side);
        apply_import_options(model.value(), options);  // one root node: units, up, front, size, base
        return model;
    } catch (const std::bad_alloc&) {
        return failure(path.string(), "out of memory while importing");
    } catch (const std::exception& e) {
        return failure(path.string(), std::string("import failed: ") + e.what());
    }
}

}  // namespace ocop::assets
