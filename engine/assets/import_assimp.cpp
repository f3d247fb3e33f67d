#include "assets/import_assimp.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>
#include <map>
#include <set>
#include <string_view>
#include <vector>
#include <new>
#include <stdexcept>

#include <assimp/DefaultIOSystem.h>
#include <assimp/IOStream.hpp>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/metadata.h>
#include <assimp/GltfMaterial.h>
#include <assimp/importerdesc.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "assets/image.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::assimp_import {

namespace fs = std::filesystem;

// Triangles only, welded. Normals a file lacks are made after import by our own crease-angle
// step (assets/normalise.h), the same for every format, so Assimp's smoothing is not asked for.
// The node hierarchy is kept (not flattened by PreTransformVertices), as in the glTF path.
constexpr unsigned import_flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices | aiProcess_SortByPType |
                                  aiProcess_ValidateDataStructure | aiProcess_FindInvalidData;
// Assimp 5.2's Triangulate step aborts the process (a live ai_assert in Debian's build) on a
// damaged ASCII PLY face list (found by fuzzing), so PLY polygons are triangulated by us.
constexpr unsigned ply_flags = import_flags & ~static_cast<unsigned>(aiProcess_Triangulate | aiProcess_SortByPType);

// Some of Assimp's readers loop forever on a truncated file (the binary PLY reader seeks and
// reads at the end of the file again and again). Every stream operation is charged to a budget
// far above what a real file needs; when it runs out, the read is abandoned with an exception,
// which Assimp turns into an import error.
class BudgetedStream : public Assimp::IOStream {
public:
    BudgetedStream(Assimp::IOStream* inner, Assimp::IOSystem& owner, std::uint64_t& budget)
        : inner_(inner), owner_(owner), budget_(budget) {}
    ~BudgetedStream() override { owner_.Close(inner_); }
    size_t Read(void* buffer, size_t size, size_t count) override {
        charge(1 + size * count / 4096);
        return inner_->Read(buffer, size, count);
    }
    size_t Write(const void* buffer, size_t size, size_t count) override {
        charge(1);
        return inner_->Write(buffer, size, count);
    }
    aiReturn Seek(size_t offset, aiOrigin origin) override {
        charge(1);
        return inner_->Seek(offset, origin);
    }
    size_t Tell() const override { return inner_->Tell(); }
    size_t FileSize() const override { return inner_->FileSize(); }
    void Flush() override { inner_->Flush(); }

private:
    void charge(std::uint64_t cost) {
        if (budget_ < cost) throw std::runtime_error("the reader made no progress (a truncated or damaged file)");
        budget_ -= cost;
    }
    Assimp::IOStream* inner_;
    Assimp::IOSystem& owner_;
    std::uint64_t& budget_;
};

// Whether `path` lies inside `folder` once both are resolved (symbolic links, "..").
bool is_inside(const fs::path& folder, const fs::path& path) {
    std::error_code ec;
    const fs::path base = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, ec);
    const fs::path full = fs::weakly_canonical(path.is_absolute() ? path : fs::absolute(path, ec), ec);
    if (ec) return false;
    const auto mismatch = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
    return mismatch.first == base.end();
}

// Assimp opens the files a model names (an OBJ's mtllib, a COLLADA's images). Like the glTF
// path, only files inside the model's folder may be read: a file naming "../../etc/passwd"
// or an absolute path finds nothing there, and the model says so in a warning.
class BudgetedIOSystem : public Assimp::IOSystem {
public:
    BudgetedIOSystem(std::uint64_t budget, fs::path folder) : budget_(budget), folder_(std::move(folder)) {}
    bool Exists(const char* file) const override { return allowed(file) && files_.Exists(file); }
    char getOsSeparator() const override { return files_.getOsSeparator(); }
    bool ComparePaths(const char* one, const char* second) const override {
        return files_.ComparePaths(one, second);
    }
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (std::string_view(mode).find_first_of("wa+") != std::string_view::npos) return nullptr;  // read only
        if (!allowed(file)) {
            refused.push_back(file);
            return nullptr;
        }
        Assimp::IOStream* stream = files_.Open(file, mode);
        return stream ? new BudgetedStream(stream, files_, budget_) : nullptr;
    }
    void Close(Assimp::IOStream* stream) override { delete stream; }

    std::vector<std::string> refused;  // files outside the folder that the reader asked for

private:
    bool allowed(const char* file) const { return file && is_inside(folder_, fs::path(file)); }
    Assimp::DefaultIOSystem files_;
    std::uint64_t budget_;
    fs::path folder_;
};

struct Converter {
    const aiScene& scene;
    fs::path folder;  // textures are found relative to the model's folder
    std::string file;
    Model& model;
    std::map<std::string, int> image_by_path;  // each texture file is loaded once
    std::map<unsigned, int> mesh_by_index;     // Assimp mesh -> model mesh (-1: nothing to draw)
    const ImportLimits& limits;
    Status refused = Ok{};  // the first texture beyond a limit: the import fails with it
};

glm::mat4 to_glm(const aiMatrix4x4& m) {
    // Assimp's matrices are row-major, glm's column-major.
    glm::mat4 out;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) out[col][row] = m[static_cast<unsigned>(row)][static_cast<unsigned>(col)];
    return out;
}

// An embedded texture: compressed (PNG/JPEG bytes, mHeight == 0) or raw BGRA texels.
Result<Image> embedded_image(Converter& c, const aiTexture& texture, const std::string& where) {
    const std::string& file = c.file;
    if (texture.mHeight == 0) {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(texture.pcData);
        if (Status s = check_image_pixels(std::span(bytes, texture.mWidth), c.limits, file, where); !s) {
            c.refused = s;
            return s.error();
        }
        return decode_image(std::span(bytes, texture.mWidth), file, where);
    }
    if (c.limits.max_texture_pixels > 0 &&
        std::uint64_t(texture.mWidth) * texture.mHeight > c.limits.max_texture_pixels) {
        c.refused = bad_input(file, texture_over_limit(texture.mWidth, texture.mHeight, c.limits), where);
        return c.refused.error();
    }
    if (texture.mWidth > static_cast<unsigned>(max_image_side) ||
        texture.mHeight > static_cast<unsigned>(max_image_side))
        return bad_input(file, "embedded image is larger than the supported size", where);
    Image image;
    image.width = static_cast<int>(texture.mWidth);
    image.height = static_cast<int>(texture.mHeight);
    image.rgba8.reserve(static_cast<std::size_t>(texture.mWidth) * texture.mHeight * 4);
    for (std::size_t i = 0; i < static_cast<std::size_t>(texture.mWidth) * texture.mHeight; ++i) {
        const aiTexel& t = texture.pcData[i];
        image.rgba8.insert(image.rgba8.end(), {t.r, t.g, t.b, t.a});
    }
    return image;
}

// IEC 61966-2-1 sRGB decoding; vertex colours and Phong colours are stored sRGB-encoded.
float srgb_to_linear(float c) {
    if (!std::isfinite(c)) return 0.0f;
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

glm::vec3 srgb_to_linear(const aiColor3D& c) {
    return {srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b)};
}

// Windows exporters write "textures\\wood.jpg"; some write absolute paths from another machine.
// Only files inside the model's folder are read: an absolute or escaping path is looked for
// by its file name beside the model, else it is missing (and becomes a placeholder).
fs::path find_texture_file(const fs::path& folder, std::string written) {
    for (char& ch : written)
        if (ch == '\\') ch = '/';
    const fs::path as_written(written);
    std::error_code ec;
    const fs::path relative = folder / as_written.relative_path();
    if (!as_written.is_absolute() && is_inside(folder, relative) && fs::is_regular_file(relative, ec)) return relative;
    return folder / as_written.filename();
}

// A texture file, its size and its header checked against the limits before it is decoded.
Result<Image> texture_file_image(Converter& c, const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return bad_input(path.string(), "is missing");
    const std::uintmax_t bytes = fs::file_size(path, ec);
    if (!ec && c.limits.max_file_bytes > 0 && bytes > c.limits.max_file_bytes) {
        c.refused = bad_input(path.string(), file_over_limit(bytes, c.limits));
        return c.refused.error();
    }
    Result<std::vector<std::uint8_t>> encoded = read_file(path, 1ull << 30);
    if (!encoded) return encoded.error();
    if (Status s = check_image_pixels(encoded.value(), c.limits, path.string()); !s) {
        c.refused = s;
        return s.error();
    }
    return decode_image(encoded.value(), path.string());
}

// The model image for a texture path from the file; -1 with a warning when it cannot be had:
// a missing texture should not lose the model.
int image_for(Converter& c, const std::string& written, const std::string& where) {
    const aiTexture* embedded = c.scene.GetEmbeddedTexture(written.c_str());
    const std::string key = embedded ? "*embedded*" + written : find_texture_file(c.folder, written).string();
    if (const auto found = c.image_by_path.find(key); found != c.image_by_path.end()) return found->second;
    int& slot = c.image_by_path[key];
    slot = -1;

    Result<Image> image = embedded ? embedded_image(c, *embedded, where) : texture_file_image(c, key);
    if (!c.refused) return -1;  // the import fails: nothing more to load
    if (!image) {
        // The model still loads, with a checker where the texture was: visible in every photo,
        // so nobody ships a product with a silently missing texture.
        c.model.warnings.push_back(where + ": texture '" + written + "': " + image.error().reason +
                                   "; a placeholder is used");
        image = placeholder_image(written);
    }
    std::string name = written;
    std::replace(name.begin(), name.end(), '\\', '/');
    image->name = fs::path(name).filename().string();
    slot = static_cast<int>(c.model.images.size());
    c.model.images.push_back(std::move(image.value()));
    return slot;
}

Wrap wrap_mode(aiTextureMapMode mode) {
    switch (mode) {
        case aiTextureMapMode_Clamp: return Wrap::ClampToEdge;
        case aiTextureMapMode_Mirror: return Wrap::MirroredRepeat;
        default: return Wrap::Repeat;
    }
}

// The first texture of `types` (in order of preference) that the material has.
TextureRef texture_ref(Converter& c, const aiMaterial& material, std::initializer_list<aiTextureType> types,
                       const std::string& where) {
    TextureRef ref;
    for (aiTextureType type : types) {
        if (material.GetTextureCount(type) == 0) continue;
        aiString path;
        unsigned uv_index = 0;
        aiTextureMapMode modes[3] = {aiTextureMapMode_Wrap, aiTextureMapMode_Wrap, aiTextureMapMode_Wrap};
        if (material.GetTexture(type, 0, &path, nullptr, &uv_index, nullptr, nullptr, modes) != AI_SUCCESS)
            continue;
        if (path.length == 0) continue;
        ref.image = image_for(c, path.C_Str(), where);
        ref.wrap_s = wrap_mode(modes[0]);
        ref.wrap_t = wrap_mode(modes[1]);
        if (uv_index <= 1) {
            ref.texcoord = static_cast<int>(uv_index);
        } else {
            c.model.warnings.push_back(where + " uses UV channel " + std::to_string(uv_index) +
                                       "; only the first two are kept, so it reads the first");
        }
        return ref;
    }
    return ref;
}

bool has_key(const aiMaterial& material, const char* key, unsigned type, unsigned index) {
    const aiMaterialProperty* property = nullptr;
    return aiGetMaterialProperty(&material, key, type, index, &property) == AI_SUCCESS;
}

bool get_float(const aiMaterial& material, const char* key, unsigned type, unsigned index, float& out) {
    ai_real value = 0;
    if (material.Get(key, type, index, value) != AI_SUCCESS || !std::isfinite(value)) return false;
    out = static_cast<float>(value);
    return true;
}

// The path of a material's first texture of `type`, empty when it has none.
std::string texture_path(const aiMaterial& material, aiTextureType type, unsigned index = 0) {
    aiString path;
    if (material.GetTextureCount(type) <= index || material.GetTexture(type, index, &path) != AI_SUCCESS) return {};
    return path.C_Str();
}

// Metallic-roughness as the file states it: glTF 2.0, FBX from 3ds Max/Maya PBR materials,
// Blender's Principled BSDF. Factors are linear, as in glTF. See docs/import.md.
void read_pbr(Converter& c, const aiMaterial& source, const std::string& where, Material& out) {
    aiColor4D colour;
    aiColor3D diffuse;
    if (source.Get(AI_MATKEY_BASE_COLOR, colour) == AI_SUCCESS)
        out.base_color = glm::vec4(colour.r, colour.g, colour.b, colour.a);
    else if (source.Get(AI_MATKEY_COLOR_DIFFUSE, diffuse) == AI_SUCCESS)
        out.base_color = glm::vec4(srgb_to_linear(diffuse), 1.0f);
    out.metallic = 0.0f;
    get_float(source, AI_MATKEY_METALLIC_FACTOR, out.metallic);
    float glossiness = 0.0f;
    if (!get_float(source, AI_MATKEY_ROUGHNESS_FACTOR, out.roughness) &&
        get_float(source, AI_MATKEY_GLOSSINESS_FACTOR, glossiness))
        out.roughness = 1.0f - glossiness;  // specular-glossiness: glossiness = 1 - roughness
    aiColor3D emissive;
    if (source.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS)
        out.emissive = glm::vec3(emissive.r, emissive.g, emissive.b);
    if (float ior = 0.0f; get_float(source, AI_MATKEY_REFRACTI, ior) && ior >= 1.0f && ior <= 5.0f && ior != 1.5f)
        out.ior = ior;

    // glTF packs roughness (G) and metalness (B) in one image; Assimp lists it under both
    // types (and UNKNOWN). The same file under both is that packed image; two different files
    // would need repacking.
    const std::string metalness = texture_path(source, aiTextureType_METALNESS);
    const std::string roughness = texture_path(source, aiTextureType_DIFFUSE_ROUGHNESS);
    const std::string packed = texture_path(source, aiTextureType_UNKNOWN);
    if (!metalness.empty() && metalness == roughness)
        out.metallic_roughness_texture = texture_ref(c, source, {aiTextureType_METALNESS}, where);
    else if (metalness.empty() && roughness.empty() && !packed.empty())
        out.metallic_roughness_texture = texture_ref(c, source, {aiTextureType_UNKNOWN}, where);
    else if (!metalness.empty() || !roughness.empty())
        c.model.warnings.push_back(where + ": separate metalness/roughness images are not used");

    if (aiColor3D sheen; source.Get(AI_MATKEY_SHEEN_COLOR_FACTOR, sheen) == AI_SUCCESS) {
        out.sheen.enabled = true;
        out.sheen.colour = glm::vec3(sheen.r, sheen.g, sheen.b);
        get_float(source, AI_MATKEY_SHEEN_ROUGHNESS_FACTOR, out.sheen.roughness);
        out.sheen.colour_texture = texture_ref(c, source, {aiTextureType_SHEEN}, where);
    }
    if (get_float(source, AI_MATKEY_CLEARCOAT_FACTOR, out.clearcoat.factor)) {
        out.clearcoat.enabled = true;
        get_float(source, AI_MATKEY_CLEARCOAT_ROUGHNESS_FACTOR, out.clearcoat.roughness);
        out.clearcoat.texture = texture_ref(c, source, {aiTextureType_CLEARCOAT}, where);
    }
    if (get_float(source, AI_MATKEY_TRANSMISSION_FACTOR, out.transmission.factor)) {
        out.transmission.enabled = true;
        out.transmission.texture = texture_ref(c, source, {aiTextureType_TRANSMISSION}, where);
    }
    if (get_float(source, AI_MATKEY_VOLUME_THICKNESS_FACTOR, out.volume.thickness)) {
        out.volume.enabled = true;
        get_float(source, AI_MATKEY_VOLUME_ATTENUATION_DISTANCE, out.volume.attenuation_distance);
        if (aiColor3D a; source.Get(AI_MATKEY_VOLUME_ATTENUATION_COLOR, a) == AI_SUCCESS)
            out.volume.attenuation_colour = glm::vec3(a.r, a.g, a.b);
    }
}

// Phong/Blinn/Lambert materials (OBJ's MTL, 3DS, most FBX and DAE): converted by the rules in
// docs/import.md. Their colours were picked in sRGB colour pickers, so they are decoded.
void read_phong(const aiMaterial& source, bool has_diffuse_texture, Material& out) {
    aiColor3D diffuse;
    // The texture replaces the colour (as in Maya, 3ds Max, Blender and COLLADA); exporters
    // write a grey Kd beside map_Kd that would otherwise darken the texture.
    if (!has_diffuse_texture && source.Get(AI_MATKEY_COLOR_DIFFUSE, diffuse) == AI_SUCCESS)
        out.base_color = glm::vec4(srgb_to_linear(diffuse), 1.0f);
    // OBJ, PLY, STL and most FBX/DAE materials are not metal; glTF's default of 1 would make
    // every scan look like chrome.
    out.metallic = 0.0f;
    int shading = aiShadingMode_Gouraud;
    source.Get(AI_MATKEY_SHADING_MODEL, shading);
    const bool highlights = shading == aiShadingMode_Phong || shading == aiShadingMode_Blinn;
    float shininess = 0.0f;
    if (highlights && get_float(source, AI_MATKEY_SHININESS, shininess) && shininess > 0.0f)
        // Blinn-Phong exponent to GGX/Beckmann roughness: alpha = sqrt(2 / (n + 2)) (Walter et
        // al. 2007, "Microfacet Models for Refraction", §5.2); roughness = sqrt(alpha).
        out.roughness = std::sqrt(std::sqrt(2.0f / (shininess + 2.0f)));
    aiColor3D specular;
    if (highlights && source.Get(AI_MATKEY_COLOR_SPECULAR, specular) == AI_SUCCESS) {
        float strength = 1.0f;
        get_float(source, AI_MATKEY_SHININESS_STRENGTH, strength);
        strength = std::isfinite(strength) ? std::max(strength, 0.0f) : 1.0f;
        const glm::vec3 ks = glm::clamp(glm::vec3(specular.r, specular.g, specular.b) * strength, 0.0f, 16.0f);
        const float peak = std::max({ks.r, ks.g, ks.b});
        // Ks 0.5 is Blender's "Specular 0.5", which is glTF's 4% dielectric reflectance
        // (factor 1); the level is the raw Ks, the tint its decoded colour. Black Ks is left
        // alone: OBJ's reader cannot tell it from a missing Ks.
        if (peak > 0.0f) {
            const float factor = std::min(1.0f, 2.0f * peak);
            const glm::vec3 tint = srgb_to_linear(aiColor3D(ks.r / peak, ks.g / peak, ks.b / peak));
            if (factor < 0.999f || glm::any(glm::lessThan(tint, glm::vec3(0.999f)))) {
                out.specular.enabled = true;
                out.specular.factor = factor;
                out.specular.colour = tint;
            }
        }
    }
    aiColor3D emissive;
    if (source.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS) out.emissive = srgb_to_linear(emissive);
}

Material read_material(Converter& c, const aiMaterial& source, unsigned index) {
    const std::string where = "material " + std::to_string(index);
    Material out;
    out.name = source.GetName().C_Str();
    int shading = 0;
    source.Get(AI_MATKEY_SHADING_MODEL, shading);
    const bool pbr = shading == aiShadingMode_PBR_BRDF || has_key(source, AI_MATKEY_METALLIC_FACTOR) ||
                     has_key(source, AI_MATKEY_ROUGHNESS_FACTOR) || has_key(source, AI_MATKEY_BASE_COLOR);
    out.base_color_texture = texture_ref(c, source, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, where);
    if (pbr)
        read_pbr(c, source, where, out);
    else
        read_phong(source, out.base_color_texture.present(), out);
    if (shading == aiShadingMode_Unlit) out.unlit = true;  // glTF's KHR_materials_unlit, OBJ's illum 0
    if (float strength = 1.0f; get_float(source, AI_MATKEY_EMISSIVE_INTENSITY, strength) && strength >= 0.0f)
        out.emissive_strength = strength;

    ai_real value = 1;
    if (source.Get(AI_MATKEY_OPACITY, value) == AI_SUCCESS && value < 1.0f && value >= 0.0f) {
        out.base_color.a = value;
        out.alpha_mode = AlphaMode::Blend;
    } else if (out.base_color.a < 1.0f) {
        out.alpha_mode = AlphaMode::Blend;
    }
    int two_sided = 0;
    if (source.Get(AI_MATKEY_TWOSIDED, two_sided) == AI_SUCCESS) out.double_sided = two_sided != 0;

    out.normal_texture = texture_ref(c, source, {aiTextureType_NORMALS, aiTextureType_NORMAL_CAMERA}, where);
    out.emissive_texture = texture_ref(c, source, {aiTextureType_EMISSIVE, aiTextureType_EMISSION_COLOR}, where);
    out.occlusion_texture = texture_ref(c, source, {aiTextureType_AMBIENT_OCCLUSION}, where);
    return out;
}

Mesh read_mesh(const aiMesh& source) {
    Mesh mesh;
    mesh.name = source.mName.C_Str();
    mesh.material = static_cast<int>(source.mMaterialIndex);
    const unsigned n = source.mNumVertices;
    mesh.positions.reserve(n);
    for (unsigned i = 0; i < n; ++i)
        mesh.positions.emplace_back(source.mVertices[i].x, source.mVertices[i].y, source.mVertices[i].z);
    if (source.HasNormals()) {
        mesh.normals.reserve(n);
        for (unsigned i = 0; i < n; ++i)
            mesh.normals.emplace_back(source.mNormals[i].x, source.mNormals[i].y, source.mNormals[i].z);
    }
    if (source.HasTextureCoords(0)) {
        mesh.uv0.reserve(n);
        // Assimp puts v = 0 at the image's bottom, glTF at its top.
        for (unsigned i = 0; i < n; ++i)
            mesh.uv0.emplace_back(source.mTextureCoords[0][i].x, 1.0f - source.mTextureCoords[0][i].y);
    }
    if (source.HasTextureCoords(1)) {
        mesh.uv1.reserve(n);
        for (unsigned i = 0; i < n; ++i)
            mesh.uv1.emplace_back(source.mTextureCoords[1][i].x, 1.0f - source.mTextureCoords[1][i].y);
    }
    if (source.HasVertexColors(0)) {
        // Scanners write 8-bit sRGB colours (Assimp scales them to 0..1); the model keeps
        // linear RGBA like glTF's COLOR_0. Alpha is linear already.
        mesh.colours.reserve(n);
        for (unsigned i = 0; i < n; ++i) {
            const aiColor4D& c = source.mColors[0][i];
            mesh.colours.emplace_back(srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b),
                                      std::isfinite(c.a) ? std::clamp(c.a, 0.0f, 1.0f) : 1.0f);
        }
    }
    mesh.indices.reserve(static_cast<std::size_t>(source.mNumFaces) * 3);
    for (unsigned f = 0; f < source.mNumFaces; ++f) {
        const aiFace& face = source.mFaces[f];
        if (face.mNumIndices < 3) continue;  // points and lines left over by SortByPType
        bool in_range = true;
        for (unsigned k = 0; k < face.mNumIndices; ++k) in_range = in_range && face.mIndices[k] < n;
        if (!in_range) continue;
        // Polygons reach here only from PLY (see ply_flags): a fan, as scanners' quads are convex.
        for (unsigned k = 2; k < face.mNumIndices; ++k)
            mesh.indices.insert(mesh.indices.end(), {face.mIndices[0], face.mIndices[k - 1], face.mIndices[k]});
    }
    return mesh;
}

// The model mesh for Assimp mesh `index`, read on first use; -1 when it has no triangles.
int mesh_slot(Converter& c, unsigned index) {
    if (auto found = c.mesh_by_index.find(index); found != c.mesh_by_index.end()) return found->second;
    int slot = -1;
    if (index < c.scene.mNumMeshes && c.scene.mMeshes[index]) {
        const aiMesh& source = *c.scene.mMeshes[index];
        if (source.mPrimitiveTypes & (aiPrimitiveType_TRIANGLE | aiPrimitiveType_POLYGON)) {
            Mesh mesh = read_mesh(source);
            if (!mesh.indices.empty()) {
                if (mesh.material >= static_cast<int>(c.model.materials.size())) mesh.material = -1;
                if (mesh.name.empty()) mesh.name = "mesh " + std::to_string(index);
                slot = static_cast<int>(c.model.meshes.size());
                c.model.meshes.push_back(std::move(mesh));
            }
        }
    }
    c.mesh_by_index.emplace(index, slot);
    return slot;
}

constexpr int max_node_depth = 256;

void add_node(Converter& c, const aiNode& node, int parent, int depth) {
    if (depth > max_node_depth) {
        c.model.warnings.push_back("node hierarchy deeper than " + std::to_string(max_node_depth) +
                                   " levels; the rest is skipped");
        return;
    }
    Node out;
    out.name = node.mName.length > 0 ? node.mName.C_Str() : "node " + std::to_string(c.model.nodes.size());
    out.parent = parent;
    out.local = to_glm(node.mTransformation);
    for (unsigned i = 0; i < node.mNumMeshes; ++i)
        if (const int slot = mesh_slot(c, node.mMeshes[i]); slot >= 0) out.meshes.push_back(slot);
    const int self = static_cast<int>(c.model.nodes.size());
    c.model.nodes.push_back(std::move(out));
    for (unsigned i = 0; i < node.mNumChildren; ++i)
        if (node.mChildren[i]) add_node(c, *node.mChildren[i], self, depth + 1);
}

// Assimp 5.2's PLY reader runs past its buffer when the header has no "end_header" line
// (found by fuzzing), so a PLY header is checked here before Assimp sees the file.
std::uint64_t ply_scalar_bytes(const std::string& type) {
    if (type == "char" || type == "uchar" || type == "int8" || type == "uint8") return 1;
    if (type == "short" || type == "ushort" || type == "int16" || type == "uint16") return 2;
    if (type == "double" || type == "float64") return 8;
    return 4;  // int, uint, float and their sized names
}

// Assimp 5.2 believes a PLY header's counts: "element vertex 4000000000" in a 200-byte file
// makes it ask for 48 GB (found by the hostile-file tests). Each element's records take at
// least so many bytes (binary: its scalars and list counts; ASCII: a digit and a separator
// per property), so counts the rest of the file cannot hold are refused before Assimp runs.
Status check_ply_counts(const fs::path& path, const std::string& header, std::size_t header_bytes,
                        const ImportLimits& limits) {
    std::error_code ec;
    const std::uint64_t file_bytes = fs::file_size(path, ec);
    if (ec) return bad_input(path.string(), "cannot be read");
    const std::uint64_t body_bytes = file_bytes > header_bytes ? file_bytes - header_bytes : 0;
    std::istringstream lines(header);
    std::string line;
    bool ascii = true;
    std::string element;
    std::uint64_t count = 0;
    std::uint64_t record = 0;
    std::uint64_t needed = 0;
    std::set<std::string> elements;
    const auto close_element = [&] {
        if (!element.empty()) needed += count * std::max<std::uint64_t>(record, 1);
    };
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string keyword;
        words >> keyword;
        if (keyword == "format") {
            std::string kind;
            words >> kind;
            ascii = kind == "ascii";
        } else if (keyword == "element") {
            close_element();
            std::string claimed;
            words >> element >> claimed;
            // Assimp 5.2 frees memory it does not own when an element comes twice (two "element
            // vertex" lines; found by tools/fuzz, model): the process dies in malloc.
            if (!elements.insert(element).second)
                return bad_input(path.string(), "damaged PLY header: element '" + element + "' is declared twice");
            // A count beyond 10^12 is nothing a scanner writes; refuse before any arithmetic.
            if (claimed.empty() || claimed.size() > 12 || claimed.find_first_not_of("0123456789") != std::string::npos)
                return bad_input(path.string(), "damaged PLY header: element '" + element + "' has count '" +
                                                    claimed + "'");
            count = std::stoull(claimed);
            record = 0;
            // Every face is one triangle or more: the limit is known before a byte is parsed.
            if (element == "face" && limits.max_triangles > 0 && count > limits.max_triangles)
                return bad_input(path.string(), triangles_over_limit(count, limits));
        } else if (keyword == "property") {
            std::string type;
            words >> type;
            if (ascii) {
                record += 2;
            } else if (type == "list") {
                std::string count_type;
                words >> count_type;
                record += ply_scalar_bytes(count_type);
            } else {
                record += ply_scalar_bytes(type);
            }
        }
    }
    close_element();
    if (needed > body_bytes)
        return bad_input(path.string(), "damaged PLY file: its header claims at least " + std::to_string(needed) +
                                            " bytes of data, but only " + std::to_string(body_bytes) + " follow");
    return Ok{};
}

// Assimp 5.2 reads an ASCII PLY body as one stream of numbers, lines ignored: a row with a
// value too many or too few shifts every later one, a face's index count becomes whatever number
// lands there, and its post-processing then crashed (a segmentation fault on a 3 KB cube; found
// by tools/fuzz, model). So each record is checked to be one line with its properties' numbers:
// a list's count a non-negative integer, a face's vertex indices integers below the vertex count.
Status check_ply_ascii_body(const fs::path& path, const std::string& header, std::size_t body_offset) {
    struct Element {
        std::string name;
        std::uint64_t count = 0;
        std::vector<std::pair<bool, std::string>> properties;  // (is a list, name)
    };
    std::vector<Element> elements;
    std::istringstream header_lines(header);
    for (std::string line; std::getline(header_lines, line);) {
        std::istringstream words(line);
        std::string keyword;
        words >> keyword;
        if (keyword == "element") {
            Element e;
            words >> e.name >> e.count;  // the count was checked before
            elements.push_back(e);
        } else if (keyword == "property" && !elements.empty()) {
            std::string type, name;
            words >> type;
            if (type == "list") words >> type >> type;  // count type, item type
            words >> name;
            elements.back().properties.push_back({line.find(" list ") != std::string::npos, name});
        }
    }
    std::uint64_t vertices = 0;
    for (const Element& e : elements)
        if (e.name == "vertex") vertices = e.count;

    std::ifstream in(path, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(body_offset));
    std::string line;
    std::uint64_t line_number = static_cast<std::uint64_t>(std::count(header.begin(), header.end(), '\n')) + 1;
    std::vector<double> values;
    for (const Element& e : elements) {
        for (std::uint64_t r = 0; r < e.count; ++r) {
            const auto bad = [&](const std::string& why) {
                return bad_input(path.string(), "damaged ASCII PLY: " + e.name + " " + std::to_string(r) + " " + why,
                                 "line " + std::to_string(line_number));
            };
            do {  // blank lines between records are tolerated
                if (!std::getline(in, line)) return bad("is missing (the file ends early)");
                ++line_number;
            } while (line.find_first_not_of(" \t\r") == std::string::npos);
            values.clear();
            const char* at = line.c_str();
            while (true) {
                while (*at == ' ' || *at == '\t' || *at == '\r') ++at;
                if (*at == '\0') break;
                char* end = nullptr;
                const double v = std::strtod(at, &end);
                if (end == at || !(*end == ' ' || *end == '\t' || *end == '\r' || *end == '\0'))
                    return bad("holds something that is not a number");
                values.push_back(v);
                at = end;
            }
            std::size_t next = 0;
            for (const auto& [is_list, name] : e.properties) {
                if (next >= values.size()) return bad("has fewer values than its properties");
                if (!is_list) {
                    ++next;
                    continue;
                }
                const double n = values[next++];
                if (!(n >= 0.0) || n != std::floor(n) || n > double(values.size() - next))
                    return bad("has a list count that is not the number of values after it");
                const bool indices = e.name == "face" && (name == "vertex_indices" || name == "vertex_index");
                for (std::size_t k = 0; k < std::size_t(n); ++k, ++next) {
                    const double index = values[next];
                    if (indices && (!(index >= 0.0) || index != std::floor(index) || index >= double(vertices)))
                        return bad("has a vertex index that is not one of the " + std::to_string(vertices) + " vertices");
                }
            }
            if (next != values.size()) return bad("has more values than its properties");
        }
    }
    return Ok{};
}

Status check_ply_header(const fs::path& path, const ImportLimits& limits) {
    std::ifstream in(path, std::ios::binary);
    std::string header(64 * 1024, '\0');
    in.read(header.data(), static_cast<std::streamsize>(header.size()));
    header.resize(static_cast<std::size_t>(in.gcount()));
    if (!header.starts_with("ply\n") && !header.starts_with("ply\r\n"))
        return bad_input(path.string(), "not a PLY file: it does not start with 'ply'");
    const std::size_t end = header.find("\nend_header");
    const std::size_t after = end == std::string::npos ? end : end + 11;
    if (after == std::string::npos || after >= header.size() ||
        (header[after] != '\n' && header[after] != '\r'))
        return bad_input(path.string(), "damaged PLY header: no 'end_header' line in its first 64 KiB");
    if (Status s = check_ply_counts(path, header.substr(0, end), after, limits); !s) return s;
    if (header.find("\nformat ascii") == std::string::npos || header.find("\nformat ascii") > end) return Ok{};
    return check_ply_ascii_body(path, header.substr(0, end), after + (header[after] == '\r' ? 2 : 1));
}

// The value of attribute NAME in the XML tag that starts at `tag` ("" when absent).
std::string xml_attribute(const std::string& text, std::size_t tag, const std::string& name) {
    const std::size_t close = text.find('>', tag);
    const std::size_t at = text.find(" " + name + "=\"", tag);
    if (at == std::string::npos || at > close) return {};
    const std::size_t from = at + name.size() + 3, to = text.find('"', from);
    return to == std::string::npos ? std::string() : text.substr(from, to - from);
}

// "line N" of the text position `at`, for an error message.
std::string xml_line(const std::string& text, std::size_t at) {
    return "line " + std::to_string(1 + std::count(text.begin(), text.begin() + std::ptrdiff_t(at), '\n'));
}

// Assimp 5.2's Collada reader looks up a skinned vertex's weights by its position index without
// a bound: a skin with fewer <vertex_weights> than its mesh has positions (count="6" on a cube of
// 8) crashed it (segmentation fault; found by tools/fuzz, model). Each skin's weights are checked
// against its <vcount> list and its geometry's position count.
Status check_collada_skins(const fs::path& path, const std::string& text) {
    for (std::size_t skin = text.find("<skin "); skin != std::string::npos; skin = text.find("<skin ", skin + 1)) {
        const std::size_t end = text.find("</skin>", skin);
        const std::size_t weights = text.find("<vertex_weights", skin);
        if (end == std::string::npos || weights == std::string::npos || weights > end) continue;
        const auto line = [&](std::size_t at) { return xml_line(text, at); };
        const std::string claimed = xml_attribute(text, weights, "count");
        char* stop = nullptr;
        const unsigned long long count = std::strtoull(claimed.c_str(), &stop, 10);
        if (claimed.empty() || *stop != '\0')
            return bad_input(path.string(), "a skin's <vertex_weights> has count '" + claimed + "'", line(weights));
        const std::size_t vcount = text.find("<vcount>", weights);
        if (vcount != std::string::npos && vcount < end) {
            std::istringstream numbers(text.substr(vcount + 8, text.find("</vcount>", vcount) - vcount - 8));
            unsigned long long listed = 0;
            for (std::string word; numbers >> word;) ++listed;
            if (listed != count)
                return bad_input(path.string(), "a skin's <vertex_weights> count is " + claimed + " but its <vcount> lists " +
                                                    std::to_string(listed), line(weights));
        }
        // The skinned geometry's positions: <geometry id> > <vertices> POSITION input > its source's accessor.
        const std::string geometry_id = xml_attribute(text, skin, "source");
        if (geometry_id.size() < 2 || geometry_id[0] != '#') continue;
        const std::size_t geometry = text.find("<geometry id=\"" + geometry_id.substr(1) + "\"");
        const std::size_t geometry_end = text.find("</geometry>", geometry);
        if (geometry == std::string::npos || geometry_end == std::string::npos) continue;
        const std::size_t vertices = text.find("<vertices", geometry);
        const std::size_t position = text.find("semantic=\"POSITION\"", vertices);
        if (vertices > geometry_end || position > geometry_end) continue;
        const std::size_t input = text.rfind('<', position);
        const std::string source_id = xml_attribute(text, input, "source");
        if (source_id.size() < 2) continue;
        const std::size_t source = text.find("<source id=\"" + source_id.substr(1) + "\"", geometry);
        const std::size_t accessor = text.find("<accessor", source);
        if (source > geometry_end || accessor > geometry_end) continue;
        const std::string positions = xml_attribute(text, accessor, "count");
        const unsigned long long position_count = std::strtoull(positions.c_str(), nullptr, 10);
        if (count < position_count)
            return bad_input(path.string(), "a skin weighs " + claimed + " vertices of a mesh with " + positions + " positions",
                             line(weights));
    }
    return Ok{};
}

// Assimp 5.2's Collada reader sizes a value array (<float_array>, <int_array>, <Name_array>…) by
// its count attribute, read as a number from its leading digits, and then lets accessors index it
// without a bound: a normals array with count="?72" (read as 0) read address 0 (found by
// tools/fuzz, model). Each array's count must be plain decimal, and every accessor of it must fit:
// offset + count × stride values.
Status check_collada_arrays(const fs::path& path, const std::string& text) {
    const auto line = [&](std::size_t at) { return xml_line(text, at); };
    const auto decimal = [](const std::string& value, unsigned long long& out) {
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (value.empty() || value.size() > 18 || !std::all_of(value.begin(), value.end(), digit)) return false;
        out = std::stoull(value);
        return true;
    };
    std::map<std::string, unsigned long long> sizes;  // array id → count
    for (std::size_t at = text.find("_array"); at != std::string::npos; at = text.find("_array", at + 1)) {
        const std::size_t tag = text.rfind('<', at);
        if (tag == std::string::npos || text[tag + 1] == '/' || text.find_first_of(" \t\r\n>", tag) != at + 6) continue;
        const std::string count = xml_attribute(text, tag, "count");
        unsigned long long n = 0;
        if (!decimal(count, n))
            return bad_input(path.string(), "a <" + text.substr(tag + 1, at + 5 - tag) + "> has count '" + count + "'",
                             line(tag));
        if (const std::string id = xml_attribute(text, tag, "id"); !id.empty()) sizes[id] = n;
    }
    for (std::size_t at = text.find("<accessor"); at != std::string::npos; at = text.find("<accessor", at + 1)) {
        const std::string source = xml_attribute(text, at, "source");
        const auto array = source.size() > 1 && source[0] == '#' ? sizes.find(source.substr(1)) : sizes.end();
        if (array == sizes.end()) continue;  // another file's, or none: Assimp reports that
        unsigned long long count = 0, stride = 1, offset = 0;
        const std::string count_text = xml_attribute(text, at, "count");
        const std::string stride_text = xml_attribute(text, at, "stride"), offset_text = xml_attribute(text, at, "offset");
        if (!decimal(count_text, count) || (!stride_text.empty() && !decimal(stride_text, stride)) ||
            (!offset_text.empty() && !decimal(offset_text, offset)))
            return bad_input(path.string(),
                             "an <accessor> of '" + source + "' has a count, stride or offset that is not a plain number", line(at));
        const unsigned long long holds = array->second;
        if (count > 0 && (offset > holds || stride == 0 || count > (holds - offset) / stride))
            return bad_input(path.string(),
                             "an <accessor> reads " + count_text + " × " + std::to_string(stride) + " values from offset " +
                                 std::to_string(offset) + " of '" + source + "', which holds " + std::to_string(holds),
                             line(at));
    }
    return Ok{};
}

// Assimp 5.2's Collada reader loops for ever, growing memory, on an index list (<p>, <v>,
// <vcount>, <h>) that holds anything but integers: one "n" in a cube's <p> did it (found by
// tools/fuzz, model). Such a list is refused here, with the line it is on.
Status check_collada_index_lists(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (Status s = check_collada_skins(path, text); !s) return s;
    if (Status s = check_collada_arrays(path, text); !s) return s;
    for (const char* tag : {"<p>", "<v>", "<vcount>", "<h>"}) {
        const std::string close = std::string("</") + (tag + 1);
        for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at + 1)) {
            const std::size_t from = at + std::strlen(tag);
            const std::size_t to = text.find(close, from);
            if (to == std::string::npos) break;  // unclosed: the XML parser says so
            const auto bad = std::find_if(text.begin() + static_cast<std::ptrdiff_t>(from),
                                          text.begin() + static_cast<std::ptrdiff_t>(to), [](char c) {
                                              return !(std::isdigit(static_cast<unsigned char>(c)) ||
                                                       std::isspace(static_cast<unsigned char>(c)) || c == '-');
                                          });
            if (bad != text.begin() + static_cast<std::ptrdiff_t>(to)) {
                return bad_input(path.string(), std::string(tag) + " holds '" + std::string(1, *bad) +
                                                    "' where only integer indices belong",
                                 xml_line(text, static_cast<std::size_t>(bad - text.begin())));
            }
        }
    }
    return Ok{};
}

// Assimp 5.2's ASCII FBX reader frees an embedded texture (a Video's Content, base64 in quoted
// strings) twice when the text does not decode to the length it promises: a space, or an '='
// before the end (found by tools/fuzz, model). Each string is checked to be plain padded base64.
Status check_fbx_embedded_content(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string magic(18, '\0');
    in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
    if (magic == "Kaydara FBX Binary") return Ok{};  // binary Content is raw bytes: not read here
    in.clear();
    in.seekg(0);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto is_base64 = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/'; };
    for (std::size_t at = text.find("Content:"); at != std::string::npos; at = text.find("Content:", at + 1)) {
        std::size_t i = at + 8;
        while (true) {
            while (i < text.size() && (std::isspace(static_cast<unsigned char>(text[i])) || text[i] == ',')) ++i;
            if (i >= text.size() || text[i] != '"') break;
            const std::size_t from = i + 1, to = text.find('"', from);
            if (to == std::string::npos) break;  // unclosed: the tokenizer says so
            const std::string_view data(text.data() + from, to - from);
            std::size_t padding = 0;  // at most two '=' at the end
            while (padding < 2 && padding < data.size() && data[data.size() - 1 - padding] == '=') ++padding;
            const bool plain = data.size() % 4 == 0 &&
                               std::all_of(data.begin(), data.end() - static_cast<std::ptrdiff_t>(padding), is_base64);
            if (!plain) {
                const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(from), '\n');
                return bad_input(path.string(), "an embedded texture (Content) is not valid base64",
                                 "line " + std::to_string(line));
            }
            i = to + 1;
        }
    }
    return Ok{};
}

// Assimp 5.2's 3DS reader reserves a keyframe track's key count before reading a key: a 38-byte
// track that claims 4 billion keys asked for 103 GB (found by tools/fuzz, model). Each key takes
// at least 6 bytes (frame and flags), so the count is checked against the track's own length.
Status check_3ds_track_counts(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto u16 = [&](std::size_t at) { return std::uint32_t(std::uint8_t(data[at])) | std::uint32_t(std::uint8_t(data[at + 1])) << 8; };
    const auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
    constexpr std::size_t header = 6, before_count = 10;  // chunk id and length; track flags and reserved words
    // Chunks: main (0x4D4D), keyframer (0xB000) and its node tags (0xB001-0xB007) hold others;
    // 0xB020-0xB029 are the tracks (position, rotation, scale, fov, roll, colour, morph, hotspot, falloff, hide).
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, data.size()}};
    while (!spans.empty()) {
        auto [at, end] = spans.back();
        spans.pop_back();
        while (at + header <= end) {
            const std::uint32_t id = u16(at);
            const std::size_t length = std::clamp<std::size_t>(u32(at + 2), header, end - at);
            if (id == 0x4D4D || (id >= 0xB000 && id <= 0xB007)) spans.push_back({at + header, at + length});
            if (id >= 0xB020 && id <= 0xB029 && at + header + before_count + 4 <= at + length) {
                const std::uint64_t keys = u32(at + header + before_count);
                if (keys * 6 > length)
                    return bad_input(path.string(), "damaged 3DS keyframe track: it claims " + std::to_string(keys) +
                                                        " keys in " + std::to_string(length) + " bytes",
                                     "byte " + std::to_string(at));
            }
            at += length;
        }
    }
    return Ok{};
}

// Assimp 5.2's OFF reader believes the header's counts: a 309-byte file that claims 3.5
// billion vertices (assimp-testmodels' invalid/OutOfMemory.off) keeps it busy for minutes.
// A vertex takes at least 6 bytes ("0 0 0\n") and a face 8 ("3 0 1 2\n").
Status check_off_counts(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return Ok{};
    std::vector<unsigned long long> counts;
    std::size_t i = 0;
    bool keyword = false;
    while (i < head.size() && counts.size() < 2) {
        const char ch = head[i];
        if (ch == '#') {
            while (i < head.size() && head[i] != '\n') ++i;
        } else if (std::isspace(static_cast<unsigned char>(ch))) {
            ++i;
        } else {
            std::size_t end = i;
            while (end < head.size() && !std::isspace(static_cast<unsigned char>(head[end]))) ++end;
            const std::string token = head.substr(i, end - i);
            if (!keyword) {
                if (!token.ends_with("OFF")) return Ok{};  // not the plain OFF the check knows
                keyword = true;
            } else {
                // Read as Assimp reads it: the leading digits ("6,0" is 6), in a 32-bit unsigned
                // that wraps ("3535352353538" is 594,268,930 vertices).
                if (token.empty() || token[0] < '0' || token[0] > '9') return Ok{};  // Assimp says what is wrong
                std::uint32_t value = 0;
                for (std::size_t k = 0; k < token.size() && token[k] >= '0' && token[k] <= '9'; ++k)
                    value = value * 10u + std::uint32_t(token[k] - '0');
                counts.push_back(value);
            }
            i = end;
        }
    }
    if (counts.size() == 2 && counts[0] * 6 + counts[1] * 8 > size)
        return bad_input(path.string(), "claims " + std::to_string(counts[0]) + " vertices and " +
                                            std::to_string(counts[1]) + " faces, more than its " +
                                            std::to_string(size) + " bytes can hold");
    return Ok{};
}

// A binary STL states its triangle count at byte 80 (a uint32 after the 80-byte header); the
// file is that one when its size is exactly 84 + 50 bytes a triangle.
Status check_stl_count(const fs::path& path, const ImportLimits& limits) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec || size < 84 || limits.max_triangles == 0) return Ok{};
    std::ifstream in(path, std::ios::binary);
    std::uint8_t head[84] = {};
    if (!in.read(reinterpret_cast<char*>(head), sizeof head)) return Ok{};
    const std::uint64_t count = std::uint64_t(head[80]) | std::uint64_t(head[81]) << 8 | std::uint64_t(head[82]) << 16 |
                                std::uint64_t(head[83]) << 24;
    if (size == 84 + 50 * count && count > limits.max_triangles)
        return bad_input(path.string(), triangles_over_limit(count, limits));
    return Ok{};
}

// What the file is, for people: the common formats by name, the rest as Assimp calls them.
std::string format_name(const fs::path& path, const Assimp::Importer& importer) {
    const std::string extension = lower_extension(path);
    std::ifstream in(path, std::ios::binary);
    std::string head(512, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (extension == ".obj") return "Wavefront OBJ";
    if (extension == ".ply")
        return head.find("format ascii") != std::string::npos ? "Stanford PLY (ASCII)" : "Stanford PLY (binary)";
    if (extension == ".fbx")
        return head.starts_with("Kaydara FBX Binary") ? "Autodesk FBX (binary)" : "Autodesk FBX (ASCII)";
    if (extension == ".stl") {
        // A binary STL may begin with "solid" too; an ASCII one has "facet" soon after.
        const bool ascii = head.starts_with("solid") && head.find("facet") != std::string::npos;
        return ascii ? "STL (ASCII)" : "STL (binary)";
    }
    if (extension == ".dae") return "COLLADA";
    if (extension == ".3ds") return "Autodesk 3DS";
    const aiImporterDesc* description = importer.GetImporterInfo(
        static_cast<std::size_t>(importer.GetImporterIndex(extension.c_str())));
    if (description && description->mName && description->mName[0]) return description->mName;
    return extension.empty() ? "unknown (read by Assimp)" : extension.substr(1) + " (read by Assimp)";
}

std::string importer_error(const Assimp::Importer& importer) {
    std::string text = importer.GetErrorString();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    // Assimp catches the allocation failure itself: a count in the file asked for more memory than exists.
    if (text == "std::bad_alloc") return "damaged: a size or count in it asks for more memory than the machine has";
    return text.empty() ? "the file could not be read" : text;
}

// Scales the file's root so that the model is in metres, when the file says what its unit is.
void apply_unit_scale(const aiScene& scene, const fs::path& path, Model& model) {
    const float metres_per_unit = assimp_unit_scale_from_metadata(scene.mMetaData, lower_extension(path));
    if (metres_per_unit <= 0.0f) return;
    if (metres_per_unit != 1.0f)
        for (Node& node : model.nodes)
            if (node.parent < 0) node.local = glm::scale(glm::mat4(1.0f), glm::vec3(metres_per_unit)) * node.local;
    char line[160];
    std::snprintf(line, sizeof line, "units from the file: 1 unit = %g m (FBX UnitScaleFactor); scaled to metres",
                  static_cast<double>(metres_per_unit));
    model.warnings.emplace_back(line);
}

}  // namespace ocop::assets::assimp_import

namespace ocop::assets {

float assimp_unit_scale_from_metadata(const aiMetadata* metadata, const std::string& lower_extension) {
    // Only FBX defines the key's meaning (centimetres per unit); COLLADA's <unit> is applied
    // by Assimp itself.
    if (!metadata || lower_extension != ".fbx") return 0.0f;
    double centimetres = 0.0;
    for (unsigned i = 0; i < metadata->mNumProperties; ++i) {
        if (std::string_view(metadata->mKeys[i].C_Str()) != "UnitScaleFactor") continue;
        const aiMetadataEntry& entry = metadata->mValues[i];
        if (!entry.mData) return 0.0f;
        switch (entry.mType) {
            case AI_FLOAT: centimetres = *static_cast<const float*>(entry.mData); break;
            case AI_DOUBLE: centimetres = *static_cast<const double*>(entry.mData); break;
            case AI_INT32: centimetres = *static_cast<const std::int32_t*>(entry.mData); break;
            default: return 0.0f;
        }
    }
    // Anything outside a nanometre..kilometre per unit is a damaged header, not a unit.
    if (!std::isfinite(centimetres) || centimetres < 1e-7 || centimetres > 1e5) return 0.0f;
    return static_cast<float>(centimetres * 0.01);
}

bool assimp_reads(const std::string& lower_extension) {
    // Asked once: an Importer registers every reader when it is made.
    static const std::set<std::string> extensions = [] {
        std::set<std::string> out;
        Assimp::Importer importer;
        std::string list;  // "*.3ds;*.obj;..."
        importer.GetExtensionList(list);
        std::size_t start = 0;
        while (start < list.size()) {
            std::size_t end = list.find(';', start);
            if (end == std::string::npos) end = list.size();
            std::string item = list.substr(start, end - start);
            if (item.starts_with("*")) item.erase(0, 1);
            for (char& ch : item) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            if (item.size() > 1) out.insert(item);
            start = end + 1;
        }
        return out;
    }();
    return extensions.contains(lower_extension);
}

Result<Model> import_assimp(const std::filesystem::path& path, const ImportLimits& limits) {
    using namespace assimp_import;
    Model model;
    model.source = path.string();
    if (lower_extension(path) == ".ply")
        if (Status s = check_ply_header(path, limits); !s) return s.error();
    if (lower_extension(path) == ".stl")
        if (Status s = check_stl_count(path, limits); !s) return s.error();
    if (lower_extension(path) == ".off")
        if (Status s = check_off_counts(path); !s) return s.error();
    if (lower_extension(path) == ".dae")
        if (Status s = check_collada_index_lists(path); !s) return s.error();
    if (lower_extension(path) == ".fbx")
        if (Status s = check_fbx_embedded_content(path); !s) return s.error();
    if (lower_extension(path) == ".3ds")
        if (Status s = check_3ds_track_counts(path); !s) return s.error();
    try {
        Assimp::Importer importer;
        // Enough for any real file (the readers take the file in one or a few large reads):
        // 100k operations plus one per 64 bytes of the model.
        std::error_code ec;
        const std::uint64_t size = std::filesystem::file_size(path, ec);
        auto* io = new BudgetedIOSystem(100'000 + (ec ? 0 : size / 64), path.parent_path());
        importer.SetIOHandler(io);  // the importer owns it
        // Points and lines are dropped by SortByPType instead of reaching us as meshes.
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        const bool ply = lower_extension(path) == ".ply";
        const aiScene* scene = importer.ReadFile(path.string(), ply ? ply_flags : import_flags);
        if (!scene) return bad_input(model.source, importer_error(importer));
        if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
            return bad_input(model.source, "the file is incomplete: " + importer_error(importer));

        // Parsed, not yet converted: the copy into our meshes would double what Assimp holds.
        std::uint64_t faces = 0;
        for (unsigned m = 0; m < scene->mNumMeshes; ++m)
            if (scene->mMeshes[m]) faces += scene->mMeshes[m]->mNumFaces;
        if (limits.max_triangles > 0 && faces > limits.max_triangles)
            return bad_input(model.source, triangles_over_limit(faces, limits));

        Converter converter{*scene, path.parent_path(), model.source, model, {}, {}, limits};
        for (unsigned m = 0; m < scene->mNumMaterials && converter.refused; ++m)
            model.materials.push_back(scene->mMaterials[m] ? read_material(converter, *scene->mMaterials[m], m)
                                                           : Material{});
        if (!converter.refused) return converter.refused.error();
        add_node(converter, *scene->mRootNode, -1, 0);
        model.format = format_name(path, importer);
        apply_unit_scale(*scene, path, model);
        for (const std::string& outside : io->refused)
            model.warnings.push_back("refers to a file outside its folder, not read: " + outside);
    } catch (const std::bad_alloc&) {
        return failure(model.source, "out of memory while importing");
    } catch (const std::exception& e) {
        return bad_input(model.source, e.what());
    }
    return model;
}

}  // namespace ocop::assets
