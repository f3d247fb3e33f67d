#include "assets/import.h"

#include <array>
#include <cmath>
#include <exception>
#include <new>
#include <string_view>

#include "assets/import_assimp.h"
#include "assets/import_gltf.h"
#include "assets/normalise.h"
#include "assets/tangents.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::import_door {

constexpr std::array<std::string_view, 2> gltf_extensions = {".glb", ".gltf"};
constexpr std::array<std::string_view, 5> assimp_extensions = {".obj", ".ply", ".fbx", ".stl", ".dae"};

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

bool uses_normal_texture(const Model& model, const Mesh& mesh) {
    return mesh.material >= 0 && static_cast<std::size_t>(mesh.material) < model.materials.size() &&
           model.materials[static_cast<std::size_t>(mesh.material)].normal_texture.present();
}

// What every importer leaves to the end: normals where the file had none, tangents where a
// normal map needs them and the file had none.
void complete_vertex_attributes(Model& model) {
    for (Mesh& mesh : model.meshes) {
        if (mesh.normals.size() != mesh.positions.size()) {
            mesh.normals.clear();
            mesh.tangents.clear();
            fill_missing_normals(mesh);
        }
        if (mesh.tangents.size() != mesh.positions.size()) mesh.tangents.clear();
        if (mesh.tangents.empty() && !mesh.uv0.empty() && uses_normal_texture(model, mesh))
            generate_tangents(mesh);
    }
}

Result<Model> import_by_extension(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    if (is_one_of(extension, gltf_extensions)) return import_gltf(path);
    if (is_one_of(extension, assimp_extensions)) return import_assimp(path);
    const std::string shown = extension.empty() ? "(none)" : "'" + extension + "'";
    return bad_input(path.string(),
                     "unknown model extension " + shown + " (supported: " + supported_model_list() + ")");
}

}  // namespace ocop::assets::import_door

namespace ocop::assets {

bool is_supported_model(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    return import_door::is_one_of(extension, import_door::gltf_extensions) ||
           import_door::is_one_of(extension, import_door::assimp_extensions);
}

std::string supported_model_list() {
    std::string list;
    for (auto extensions : {std::span<const std::string_view>(import_door::gltf_extensions),
                            std::span<const std::string_view>(import_door::assimp_extensions)})
        for (std::string_view extension : extensions) {
            if (!list.empty()) list += ", ";
            list += extension;
        }
    return list;
}

Result<Model> import(const std::filesystem::path& path, const ImportOptions& options) {
    using namespace import_door;
    // One clear message for a missing file, a folder or an unreadable file, whatever the format.
    if (Status readable = check_readable(path); !readable) return readable.error();
    if (!std::isfinite(options.unit_scale) || options.unit_scale <= 0.0f)
        return bad_input(path.string(), "unit scale must be a positive number, not " +
                                            std::to_string(options.unit_scale));
    try {
        Result<Model> model = import_by_extension(path);
        if (!model) return model;
        if (model->triangle_count() == 0) return bad_input(path.string(), "holds no triangles");
        if (Status s = check_finite(model.value()); !s) return s.error();
        complete_vertex_attributes(model.value());
        apply_import_options(model.value(), options);
        return model;
    } catch (const std::bad_alloc&) {
        return failure(path.string(), "out of memory while importing");
    } catch (const std::exception& e) {
        return failure(path.string(), std::string("import failed: ") + e.what());
    }
}

}  // namespace ocop::assets
