#include "assets/import_assimp.h"

#include <cmath>
#include <exception>
#include <fstream>
#include <map>
#include <new>
#include <stdexcept>

#include <assimp/DefaultIOSystem.h>
#include <assimp/IOStream.hpp>
#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <glm/gtc/matrix_inverse.hpp>

#include "assets/image.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::assimp_import {

namespace fs = std::filesystem;

// Triangles only, welded (so normals are smooth where the scan is), with normals wherever the
// file has none. The node hierarchy is kept (not flattened by PreTransformVertices), as in the
// glTF path.
constexpr unsigned import_flags = aiProcess_Triangulate | aiProcess_JoinIdenticalVertices |
                                  aiProcess_GenSmoothNormals | aiProcess_SortByPType |
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

class BudgetedIOSystem : public Assimp::IOSystem {
public:
    explicit BudgetedIOSystem(std::uint64_t budget) : budget_(budget) {}
    bool Exists(const char* file) const override { return files_.Exists(file); }
    char getOsSeparator() const override { return files_.getOsSeparator(); }
    bool ComparePaths(const char* one, const char* second) const override {
        return files_.ComparePaths(one, second);
    }
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        Assimp::IOStream* stream = files_.Open(file, mode);
        return stream ? new BudgetedStream(stream, files_, budget_) : nullptr;
    }
    void Close(Assimp::IOStream* stream) override { delete stream; }

private:
    Assimp::DefaultIOSystem files_;
    std::uint64_t budget_;
};

struct Converter {
    const aiScene& scene;
    fs::path folder;  // textures are found relative to the model's folder
    std::string file;
    Model& model;
    std::map<std::string, int> image_by_path;  // each texture file is loaded once
    std::map<unsigned, int> mesh_by_index;     // Assimp mesh -> model mesh (-1: nothing to draw)
};

glm::mat4 to_glm(const aiMatrix4x4& m) {
    // Assimp's matrices are row-major, glm's column-major.
    glm::mat4 out;
    for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 4; ++col) out[col][row] = m[static_cast<unsigned>(row)][static_cast<unsigned>(col)];
    return out;
}

// An embedded texture: compressed (PNG/JPEG bytes, mHeight == 0) or raw BGRA texels.
Result<Image> embedded_image(const aiTexture& texture, const std::string& file, const std::string& where) {
    if (texture.mHeight == 0) {
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(texture.pcData);
        return decode_image(std::span(bytes, texture.mWidth), file, where);
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

// Windows exporters write "textures\\wood.jpg"; some write absolute paths from another machine.
fs::path find_texture_file(const fs::path& folder, std::string written) {
    for (char& ch : written)
        if (ch == '\\') ch = '/';
    const fs::path as_written(written);
    std::error_code ec;
    const fs::path relative = as_written.is_absolute() ? as_written : folder / as_written;
    if (fs::is_regular_file(relative, ec)) return relative;
    const fs::path beside = folder / as_written.filename();
    if (fs::is_regular_file(beside, ec)) return beside;
    return relative;
}

// The model image for a texture path from the file; -1 with a warning when it cannot be had:
// a missing texture should not lose the model.
int image_for(Converter& c, const std::string& written, const std::string& where) {
    const aiTexture* embedded = c.scene.GetEmbeddedTexture(written.c_str());
    const std::string key = embedded ? "*embedded*" + written : find_texture_file(c.folder, written).string();
    if (const auto found = c.image_by_path.find(key); found != c.image_by_path.end()) return found->second;
    int& slot = c.image_by_path[key];
    slot = -1;

    Result<Image> image = embedded ? embedded_image(*embedded, c.file, where) : load_image_file(key);
    if (!image) {
        c.model.warnings.push_back(where + ": texture '" + written + "': " + image.error().reason +
                                   "; dropped");
        return slot;
    }
    image->name = fs::path(written).filename().string();
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
        if (uv_index != 0)
            c.model.warnings.push_back(where + " uses UV channel " + std::to_string(uv_index) +
                                       "; only the first is kept");
        return ref;
    }
    return ref;
}

Material read_material(Converter& c, const aiMaterial& source, unsigned index) {
    const std::string where = "material " + std::to_string(index);
    Material out;
    out.name = source.GetName().C_Str();
    aiColor4D colour;
    if (source.Get(AI_MATKEY_BASE_COLOR, colour) == AI_SUCCESS ||
        source.Get(AI_MATKEY_COLOR_DIFFUSE, colour) == AI_SUCCESS)
        out.base_color = glm::vec4(colour.r, colour.g, colour.b, 1.0f);
    ai_real value = 1;
    if (source.Get(AI_MATKEY_OPACITY, value) == AI_SUCCESS && value < 1.0f && value >= 0.0f) {
        out.base_color.a = value;
        out.alpha_mode = AlphaMode::Blend;
    }
    // OBJ, PLY, STL and most FBX/DAE materials are not metal; glTF's default of 1 would make
    // every scan look like chrome.
    out.metallic = 0.0f;
    if (source.Get(AI_MATKEY_METALLIC_FACTOR, value) == AI_SUCCESS) out.metallic = value;
    if (source.Get(AI_MATKEY_ROUGHNESS_FACTOR, value) == AI_SUCCESS)
        out.roughness = value;
    else if (source.Get(AI_MATKEY_SHININESS, value) == AI_SUCCESS && value > 0.0f)
        // Blinn-Phong exponent to GGX/Beckmann roughness: alpha = sqrt(2 / (n + 2)) (Walter et
        // al. 2007, "Microfacet Models for Refraction", §5.2); roughness = sqrt(alpha).
        out.roughness = std::sqrt(std::sqrt(2.0f / (value + 2.0f)));
    aiColor3D emissive;
    if (source.Get(AI_MATKEY_COLOR_EMISSIVE, emissive) == AI_SUCCESS)
        out.emissive = glm::vec3(emissive.r, emissive.g, emissive.b);
    int two_sided = 0;
    if (source.Get(AI_MATKEY_TWOSIDED, two_sided) == AI_SUCCESS) out.double_sided = two_sided != 0;

    out.base_color_texture = texture_ref(c, source, {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}, where);
    out.normal_texture = texture_ref(c, source, {aiTextureType_NORMALS, aiTextureType_NORMAL_CAMERA}, where);
    out.emissive_texture = texture_ref(c, source, {aiTextureType_EMISSIVE, aiTextureType_EMISSION_COLOR}, where);
    out.occlusion_texture = texture_ref(c, source, {aiTextureType_AMBIENT_OCCLUSION}, where);
    // Separate metalness and roughness images would need repacking into glTF's one image.
    if (source.GetTextureCount(aiTextureType_METALNESS) > 0 ||
        source.GetTextureCount(aiTextureType_DIFFUSE_ROUGHNESS) > 0)
        c.model.warnings.push_back(where + ": separate metalness/roughness images are not used");
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
Status check_ply_header(const fs::path& path) {
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
    return Ok{};
}

std::string importer_error(const Assimp::Importer& importer) {
    std::string text = importer.GetErrorString();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    return text.empty() ? "the file could not be read" : text;
}

}  // namespace ocop::assets::assimp_import

namespace ocop::assets {

Result<Model> import_assimp(const std::filesystem::path& path) {
    using namespace assimp_import;
    Model model;
    model.source = path.string();
    if (lower_extension(path) == ".ply")
        if (Status s = check_ply_header(path); !s) return s.error();
    try {
        Assimp::Importer importer;
        // Enough for any real file (the readers take the file in one or a few large reads):
        // 100k operations plus one per 64 bytes of the model.
        std::error_code ec;
        const std::uint64_t size = std::filesystem::file_size(path, ec);
        importer.SetIOHandler(new BudgetedIOSystem(100'000 + (ec ? 0 : size / 64)));  // the importer owns it
        // Points and lines are dropped by SortByPType instead of reaching us as meshes.
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        const bool ply = lower_extension(path) == ".ply";
        const aiScene* scene = importer.ReadFile(path.string(), ply ? ply_flags : import_flags);
        if (!scene) return bad_input(model.source, importer_error(importer));
        if ((scene->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !scene->mRootNode)
            return bad_input(model.source, "the file is incomplete: " + importer_error(importer));

        Converter converter{*scene, path.parent_path(), model.source, model, {}, {}};
        for (unsigned m = 0; m < scene->mNumMaterials; ++m)
            model.materials.push_back(scene->mMaterials[m] ? read_material(converter, *scene->mMaterials[m], m)
                                                           : Material{});
        add_node(converter, *scene->mRootNode, -1, 0);
    } catch (const std::bad_alloc&) {
        return failure(model.source, "out of memory while importing");
    } catch (const std::exception& e) {
        return bad_input(model.source, e.what());
    }
    return model;
}

}  // namespace ocop::assets
