// The scanner formats: Wavefront OBJ + MTL with PNG textures, and binary little-endian PLY
// with sRGB vertex colours (as photogrammetry tools write them).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <string>

#include "core/files.h"
#include "paint.h"
#include "writers.h"

namespace ocop::samples {
namespace {

namespace fs = std::filesystem;

// Fixed-point text with `digits` decimals: deterministic and short.
void obj_append(std::string& out, float value, int digits) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, digits);
    out.append(buffer, result.ptr);
}

void obj_append(std::string& out, std::size_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

std::string obj_material_name(const assets::Material& m, std::size_t index) {
    std::string name = m.name.empty() ? "material_" + std::to_string(index) : m.name;
    std::replace_if(name.begin(), name.end(), [](char c) { return c == ' ' || c == '\t'; }, '_');
    return name;
}

// Mean of one channel of an image (the packed roughness of a glTF material, for OBJ's Pr).
float obj_channel_mean(const assets::Image& image, int channel) {
    if (image.rgba8.empty()) return 1.0f;
    double sum = 0.0;
    for (std::size_t i = static_cast<std::size_t>(channel); i < image.rgba8.size(); i += 4) sum += image.rgba8[i];
    return static_cast<float>(sum / (static_cast<double>(image.rgba8.size() / 4) * 255.0));
}

std::uint8_t ply_srgb_byte(float linear) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(linear_to_srgb(std::clamp(linear, 0.0f, 1.0f)), 0.0f, 1.0f) * 255.0f));
}

void ply_put(std::vector<std::uint8_t>& out, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out.insert(out.end(), bytes, bytes + size);  // the host is little-endian (x86-64, arm64)
}

}  // namespace

Status write_obj(const assets::Model& model, const fs::path& obj_path) {
    const std::string stem = obj_path.stem().string();
    const fs::path dir = obj_path.parent_path();
    // Textures: each image a material uses, once, as STEM_N.png.
    std::map<int, std::string> texture_file;
    const auto texture = [&](const assets::TextureRef& ref) -> Result<std::string> {
        if (!ref.present()) return std::string();
        if (auto it = texture_file.find(ref.image); it != texture_file.end()) return it->second;
        const assets::Image& image = model.images[static_cast<std::size_t>(ref.image)];
        Result<std::vector<std::uint8_t>> png = encode_png(image);
        if (!png) return png.error();
        const std::string name = stem + "_" + std::to_string(texture_file.size()) + ".png";
        if (Status s = write_file_atomic(dir / name, png.value()); !s) return s.error();
        texture_file[ref.image] = name;
        return name;
    };

    std::string mtl = "# " + stem + ": PBR extension of MTL (Pr roughness, Pm metallic)\n";
    for (std::size_t i = 0; i < model.materials.size(); ++i) {
        const assets::Material& m = model.materials[i];
        Result<std::string> base = texture(m.base_color_texture);
        Result<std::string> normal = texture(m.normal_texture);
        if (!base) return base.error();
        if (!normal) return normal.error();
        float roughness = m.roughness, metallic = m.metallic;
        if (m.metallic_roughness_texture.present()) {
            const assets::Image& mr = model.images[static_cast<std::size_t>(m.metallic_roughness_texture.image)];
            roughness *= obj_channel_mean(mr, 1);
            metallic *= obj_channel_mean(mr, 2);
        }
        const glm::vec3 kd = base.value().empty()
                                 ? glm::vec3(linear_to_srgb(m.base_color.r), linear_to_srgb(m.base_color.g),
                                             linear_to_srgb(m.base_color.b))
                                 : glm::vec3(1.0f);
        mtl += "\nnewmtl " + obj_material_name(m, i) + "\nKd ";
        for (int c = 0; c < 3; ++c) obj_append(mtl, kd[c], 4), mtl += c < 2 ? " " : "\n";
        mtl += "Ks 0.5000 0.5000 0.5000\nPr ";
        obj_append(mtl, roughness, 4);
        mtl += "\nPm ";
        obj_append(mtl, metallic, 4);
        if (m.clearcoat.enabled) {
            mtl += "\nPc ";
            obj_append(mtl, m.clearcoat.factor, 4);
            mtl += "\nPcr ";
            obj_append(mtl, m.clearcoat.roughness, 4);
        }
        mtl += "\nillum 2\n";
        if (!base.value().empty()) mtl += "map_Kd " + base.value() + "\n";
        if (!normal.value().empty()) mtl += "norm " + normal.value() + "\n";
    }
    if (Status s = write_file_atomic(dir / (stem + ".mtl"), mtl); !s) return s;

    std::string obj = "# " + stem + " (OCOP Showroom assetgen)\nmtllib " + stem + ".mtl\n";
    std::size_t base_index = 1;
    for (const assets::Mesh& mesh : model.meshes) {
        obj += "o " + (mesh.name.empty() ? std::string("mesh") : mesh.name) + "\n";
        for (const glm::vec3& p : mesh.positions) {
            obj += "v ";
            obj_append(obj, p.x, 5), obj += ' ', obj_append(obj, p.y, 5), obj += ' ', obj_append(obj, p.z, 5);
            obj += '\n';
        }
        for (const glm::vec2& t : mesh.uv0) {  // OBJ's V runs up the image, glTF's down
            obj += "vt ";
            obj_append(obj, t.x, 5), obj += ' ', obj_append(obj, 1.0f - t.y, 5);
            obj += '\n';
        }
        for (const glm::vec3& n : mesh.normals) {
            obj += "vn ";
            obj_append(obj, n.x, 4), obj += ' ', obj_append(obj, n.y, 4), obj += ' ', obj_append(obj, n.z, 4);
            obj += '\n';
        }
        if (mesh.material >= 0)
            obj += "usemtl " + obj_material_name(model.materials[static_cast<std::size_t>(mesh.material)],
                                                 static_cast<std::size_t>(mesh.material)) + "\n";
        const bool has_uv = !mesh.uv0.empty(), has_normal = !mesh.normals.empty();
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
            obj += 'f';
            for (int k = 0; k < 3; ++k) {
                const std::size_t index = base_index + mesh.indices[i + static_cast<std::size_t>(k)];
                obj += ' ';
                obj_append(obj, index);
                if (has_uv || has_normal) obj += '/';
                if (has_uv) obj_append(obj, index);
                if (has_normal) obj += '/', obj_append(obj, index);
            }
            obj += '\n';
        }
        base_index += mesh.positions.size();
    }
    return write_file_atomic(obj_path, obj);
}

Status write_ply(const assets::Model& model, const fs::path& ply_path) {
    std::size_t vertices = 0, faces = 0;
    for (const assets::Mesh& mesh : model.meshes) vertices += mesh.positions.size(), faces += mesh.triangle_count();
    const std::string header = "ply\nformat binary_little_endian 1.0\ncomment OCOP Showroom assetgen\n"
                               "element vertex " + std::to_string(vertices) +
                               "\nproperty float x\nproperty float y\nproperty float z\n"
                               "property float nx\nproperty float ny\nproperty float nz\n"
                               "property uchar red\nproperty uchar green\nproperty uchar blue\n"
                               "element face " + std::to_string(faces) +
                               "\nproperty list uchar int vertex_indices\nend_header\n";
    std::vector<std::uint8_t> out(header.begin(), header.end());
    out.reserve(out.size() + vertices * 27 + faces * 13);
    for (const assets::Mesh& mesh : model.meshes) {
        glm::vec4 fallback(1.0f);
        if (mesh.material >= 0) fallback = model.materials[static_cast<std::size_t>(mesh.material)].base_color;
        for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
            ply_put(out, &mesh.positions[i], 12);
            const glm::vec3 n = mesh.normals.empty() ? glm::vec3(0.0f, 0.0f, 1.0f) : mesh.normals[i];
            ply_put(out, &n, 12);
            const glm::vec4 c = mesh.colours.empty() ? fallback : mesh.colours[i];
            for (int k = 0; k < 3; ++k) out.push_back(ply_srgb_byte(c[k]));
        }
    }
    std::int32_t base = 0;
    for (const assets::Mesh& mesh : model.meshes) {
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
            out.push_back(3);
            for (int k = 0; k < 3; ++k) {
                const std::int32_t index = base + static_cast<std::int32_t>(mesh.indices[i + static_cast<std::size_t>(k)]);
                ply_put(out, &index, 4);
            }
        }
        base += static_cast<std::int32_t>(mesh.positions.size());
    }
    return write_file_atomic(ply_path, out);
}

}  // namespace ocop::samples
