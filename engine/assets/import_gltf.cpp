#include "assets/import_gltf.h"

#include <climits>
#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <sstream>

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include "assets/gltf_accessors.h"
#include "assets/image.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::gltf_import {

using namespace gltf_accessors;

// Encoded bytes of images given by URI, as tinygltf hands them to the image callback.
// Images stored in a bufferView are read later from a range we have checked ourselves,
// because tinygltf does not check that range before pointing at it.
struct EncodedImages {
    std::vector<std::vector<std::uint8_t>> bytes;  // by glTF image index
    std::vector<std::string> mime_types;
};

bool keep_encoded_image(tinygltf::Image* image, const int image_index, std::string*, std::string*,
                        int, int, const unsigned char* bytes, int size, void* user_data) {
    auto* kept = static_cast<EncodedImages*>(user_data);
    if (image_index < 0) return true;
    const auto slot = static_cast<std::size_t>(image_index);
    if (kept->bytes.size() <= slot) {
        kept->bytes.resize(slot + 1);
        kept->mime_types.resize(slot + 1);
    }
    if (image->bufferView >= 0 || bytes == nullptr || size <= 0) return true;
    kept->bytes[slot].assign(bytes, bytes + size);
    kept->mime_types[slot] = image->mimeType;
    return true;
}

// tinygltf's messages come as newline-separated sentences; ours are one line.
std::string one_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (char& c : text)
        if (c == '\n') c = ';';
    return text;
}

Result<tinygltf::Model> parse(const std::filesystem::path& path, EncodedImages& kept,
                              std::vector<std::string>& warnings) {
    const std::string file = path.string();
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    if (!bytes) return bytes.error();
    const std::vector<std::uint8_t>& data = bytes.value();
    if (data.empty()) return bad_input(file, "the file is empty");
    if (data.size() > UINT_MAX) return bad_input(file, "glTF files over 4 GiB are not supported");

    tinygltf::TinyGLTF loader;
    loader.SetImageLoader(&keep_encoded_image, &kept);
    tinygltf::Model gltf;
    std::string error, warning;
    const std::string base_dir = path.parent_path().string();
    const bool binary = data.size() >= 4 && std::memcmp(data.data(), "glTF", 4) == 0;
    bool loaded = false;
    try {
        loaded = binary ? loader.LoadBinaryFromMemory(&gltf, &error, &warning, data.data(),
                                                      static_cast<unsigned>(data.size()), base_dir)
                        : loader.LoadASCIIFromString(&gltf, &error, &warning,
                                                     reinterpret_cast<const char*>(data.data()),
                                                     static_cast<unsigned>(data.size()), base_dir);
    } catch (const std::bad_alloc&) {
        return failure(file, "out of memory while parsing glTF");
    } catch (const std::exception& e) {
        return bad_input(file, std::string("not a valid glTF file: ") + e.what());
    }
    if (!loaded) {
        if (error.empty()) error = "unknown reason";
        const char* kind = binary ? "not a valid GLB file: " : "not a valid glTF file: ";
        if (lower_extension(path) == ".glb" && !binary)
            return bad_input(file, "not a GLB file: it does not start with the 'glTF' magic");
        return bad_input(file, kind + one_line(error));
    }
    std::istringstream lines(warning);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) warnings.push_back(line);
    return gltf;
}

Status check_required_extensions(const tinygltf::Model& gltf, const std::string& file,
                                 std::vector<std::string>& warnings) {
    for (const std::string& name : gltf.extensionsRequired) {
        if (name == "KHR_mesh_quantization" || name.starts_with("KHR_materials_")) continue;
        if (name == "KHR_draco_mesh_compression" || name == "EXT_meshopt_compression" ||
            name == "KHR_texture_basisu" || name == "EXT_texture_webp")
            return bad_input(file, "requires extension " + name + ", which is not supported");
        warnings.push_back("required extension " + name + " is not supported; ignored");
    }
    return Ok{};
}

// The conversion's state: the parsed file, the model being filled, and which glTF image
// became which model image (-1: none).
struct Converter {
    const tinygltf::Model& gltf;
    const EncodedImages& kept;
    std::string file;
    Model& model;
    std::vector<int> image_slots;
    std::size_t nodes_visited = 0;
    // glTF mesh -> the model meshes (one per primitive), read once however many nodes use it.
    std::vector<std::optional<std::vector<int>>> mesh_slots;
};

std::span<const std::uint8_t> buffer_view_bytes(const tinygltf::Model& gltf, int view_index) {
    if (view_index < 0 || static_cast<std::size_t>(view_index) >= gltf.bufferViews.size()) return {};
    const tinygltf::BufferView& view = gltf.bufferViews[static_cast<std::size_t>(view_index)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= gltf.buffers.size()) return {};
    const auto& buffer = gltf.buffers[static_cast<std::size_t>(view.buffer)].data;
    if (view.byteOffset > buffer.size() || view.byteLength > buffer.size() - view.byteOffset)
        return {};
    return {buffer.data() + view.byteOffset, view.byteLength};
}

// The glTF images that some material's texture uses.
std::vector<bool> referenced_images(const tinygltf::Model& gltf) {
    std::vector<bool> used(gltf.images.size(), false);
    const auto mark = [&](int texture) {
        if (texture < 0 || static_cast<std::size_t>(texture) >= gltf.textures.size()) return;
        const int source = gltf.textures[static_cast<std::size_t>(texture)].source;
        if (source >= 0 && static_cast<std::size_t>(source) < used.size()) used[static_cast<std::size_t>(source)] = true;
    };
    for (const tinygltf::Material& m : gltf.materials) {
        mark(m.pbrMetallicRoughness.baseColorTexture.index);
        mark(m.pbrMetallicRoughness.metallicRoughnessTexture.index);
        mark(m.normalTexture.index);
        mark(m.occlusionTexture.index);
        mark(m.emissiveTexture.index);
    }
    return used;
}

// Decodes every referenced image (in parallel) into the model and fills `image_slots`. An image
// that is missing or cannot be decoded gets slot -1 and a warning: a broken texture should not
// lose the model.
void decode_referenced_images(Converter& c) {
    const std::vector<bool> used = referenced_images(c.gltf);
    std::vector<std::size_t> indices;
    std::vector<std::span<const std::uint8_t>> encoded;
    std::vector<std::string> wheres;
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) continue;
        const tinygltf::Image& source = c.gltf.images[i];
        std::span<const std::uint8_t> bytes;
        if (source.bufferView >= 0)
            bytes = buffer_view_bytes(c.gltf, source.bufferView);
        else if (i < c.kept.bytes.size())
            bytes = c.kept.bytes[i];
        if (bytes.empty()) {
            c.model.warnings.push_back("image " + std::to_string(i) + " ('" + source.uri +
                                       "') could not be read; texture dropped");
            continue;
        }
        indices.push_back(i);
        encoded.push_back(bytes);
        wheres.push_back("image " + std::to_string(i));
    }
    std::vector<Result<Image>> decoded = decode_images(encoded, c.file, wheres);
    for (std::size_t k = 0; k < decoded.size(); ++k) {
        if (!decoded[k]) {
            c.model.warnings.push_back(wheres[k] + ": " + decoded[k].error().reason + "; texture dropped");
            continue;
        }
        const tinygltf::Image& source = c.gltf.images[indices[k]];
        decoded[k]->name = !source.name.empty() ? source.name : source.uri;
        c.image_slots[indices[k]] = static_cast<int>(c.model.images.size());
        c.model.images.push_back(std::move(decoded[k].value()));
    }
}

int image_slot(const Converter& c, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= c.image_slots.size()) return -1;
    return c.image_slots[static_cast<std::size_t>(index)];
}

Wrap wrap_mode(int gl_wrap) {
    switch (gl_wrap) {
        case TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE: return Wrap::ClampToEdge;
        case TINYGLTF_TEXTURE_WRAP_MIRRORED_REPEAT: return Wrap::MirroredRepeat;
        default: return Wrap::Repeat;
    }
}

TextureRef texture_ref(Converter& c, int texture_index, int texcoord, const std::string& where) {
    TextureRef ref;
    if (texture_index < 0) return ref;
    if (static_cast<std::size_t>(texture_index) >= c.gltf.textures.size()) {
        c.model.warnings.push_back(where + " refers to texture " + std::to_string(texture_index) +
                                   ", which does not exist; dropped");
        return ref;
    }
    const tinygltf::Texture& texture = c.gltf.textures[static_cast<std::size_t>(texture_index)];
    ref.image = image_slot(c, texture.source);
    if (texture.source < 0)
        c.model.warnings.push_back(where + " uses a texture with no PNG/JPEG source; dropped");
    if (texture.sampler >= 0 && static_cast<std::size_t>(texture.sampler) < c.gltf.samplers.size()) {
        const tinygltf::Sampler& sampler = c.gltf.samplers[static_cast<std::size_t>(texture.sampler)];
        ref.wrap_s = wrap_mode(sampler.wrapS);
        ref.wrap_t = wrap_mode(sampler.wrapT);
    }
    ref.texcoord = texcoord;
    if (texcoord != 0)
        c.model.warnings.push_back(where + " uses TEXCOORD_" + std::to_string(texcoord) +
                                   "; only TEXCOORD_0 is kept");
    return ref;
}

glm::vec4 vec4_or(const std::vector<double>& v, glm::vec4 fallback) {
    return v.size() == 4 ? glm::vec4(v[0], v[1], v[2], v[3]) : fallback;
}

Material read_material(Converter& c, const tinygltf::Material& m, std::size_t index) {
    const std::string where = "material " + std::to_string(index);
    const tinygltf::PbrMetallicRoughness& pbr = m.pbrMetallicRoughness;
    Material out;
    out.name = m.name;
    out.base_color = vec4_or(pbr.baseColorFactor, glm::vec4(1.0f));
    out.metallic = static_cast<float>(pbr.metallicFactor);
    out.roughness = static_cast<float>(pbr.roughnessFactor);
    if (m.emissiveFactor.size() == 3)
        out.emissive = glm::vec3(m.emissiveFactor[0], m.emissiveFactor[1], m.emissiveFactor[2]);
    out.normal_scale = static_cast<float>(m.normalTexture.scale);
    out.occlusion_strength = static_cast<float>(m.occlusionTexture.strength);
    out.alpha_mode = m.alphaMode == "MASK"    ? AlphaMode::Mask
                     : m.alphaMode == "BLEND" ? AlphaMode::Blend
                                              : AlphaMode::Opaque;
    out.alpha_cutoff = static_cast<float>(m.alphaCutoff);
    out.double_sided = m.doubleSided;
    out.base_color_texture = texture_ref(c, pbr.baseColorTexture.index, pbr.baseColorTexture.texCoord, where);
    out.metallic_roughness_texture = texture_ref(c, pbr.metallicRoughnessTexture.index,
                                                 pbr.metallicRoughnessTexture.texCoord, where);
    out.normal_texture = texture_ref(c, m.normalTexture.index, m.normalTexture.texCoord, where);
    out.occlusion_texture = texture_ref(c, m.occlusionTexture.index, m.occlusionTexture.texCoord, where);
    out.emissive_texture = texture_ref(c, m.emissiveTexture.index, m.emissiveTexture.texCoord, where);
    return out;
}

// The triangle list of a primitive, from its indices in `mode` (glTF 2.0 §3.7.2.1: strips and
// fans are expanded with the spec's vertex order so front faces stay counter-clockwise).
std::vector<std::uint32_t> triangle_list(const std::vector<std::uint32_t>& in, int mode) {
    if (mode == TINYGLTF_MODE_TRIANGLES) return {in.begin(), in.end() - static_cast<long>(in.size() % 3)};
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; in.size() >= 3 && i < in.size() - 2; ++i) {
        if (mode == TINYGLTF_MODE_TRIANGLE_STRIP)
            out.insert(out.end(), {in[i], in[i + 1 + i % 2], in[i + 2 - i % 2]});
        else
            out.insert(out.end(), {in[i + 1], in[i + 2], in[0]});
    }
    return out;
}

template <int N>
Status read_attribute(const Converter& c, const tinygltf::Primitive& prim, const char* name,
                      std::size_t vertex_count, const std::string& where,
                      std::vector<glm::vec<N, float>>& out) {
    const auto found = prim.attributes.find(name);
    if (found == prim.attributes.end()) return Ok{};
    Result<AccessorData> data = view_accessor(c.gltf, found->second, N, c.file, where);
    if (!data) return data.error();
    if (data->count != vertex_count)
        return bad_input(c.file,
                         std::string(name) + " has " + std::to_string(data->count) +
                             " elements but POSITION has " + std::to_string(vertex_count),
                         accessor_where(where, found->second));
    out = read_vectors<N>(data.value());
    return Ok{};
}

Result<Mesh> read_primitive(const Converter& c, const tinygltf::Primitive& prim,
                            const std::string& where) {
    Mesh mesh;
    const auto position = prim.attributes.find("POSITION");
    if (position == prim.attributes.end()) return bad_input(c.file, "has no POSITION attribute", where);
    Result<AccessorData> positions = view_accessor(c.gltf, position->second, 3, c.file, where);
    if (!positions) return positions.error();
    if (positions->count > UINT32_MAX) return bad_input(c.file, "has too many vertices", where);
    mesh.positions = read_vectors<3>(positions.value());
    const std::size_t vertex_count = mesh.positions.size();

    if (Status s = read_attribute<3>(c, prim, "NORMAL", vertex_count, where, mesh.normals); !s) return s.error();
    // Tangents without normals are meaningless (glTF 2.0 §3.7.2.1): the importer derives both.
    if (!mesh.normals.empty())
        if (Status s = read_attribute<4>(c, prim, "TANGENT", vertex_count, where, mesh.tangents); !s)
            return s.error();
    if (Status s = read_attribute<2>(c, prim, "TEXCOORD_0", vertex_count, where, mesh.uv0); !s) return s.error();

    std::vector<std::uint32_t> indices;
    if (prim.indices >= 0) {
        Result<AccessorData> data = view_accessor(c.gltf, prim.indices, 1, c.file, where);
        if (!data) return data.error();
        Result<std::vector<std::uint32_t>> read =
            read_indices(data.value(), vertex_count, c.file, accessor_where(where, prim.indices));
        if (!read) return read.error();
        indices = std::move(read.value());
    } else {
        indices.resize(vertex_count);
        for (std::size_t i = 0; i < vertex_count; ++i) indices[i] = static_cast<std::uint32_t>(i);
    }
    mesh.indices = triangle_list(indices, prim.mode);

    if (prim.material >= 0 && static_cast<std::size_t>(prim.material) >= c.gltf.materials.size())
        return bad_input(c.file, "refers to material " + std::to_string(prim.material) +
                                     ", which does not exist", where);
    mesh.material = prim.material;
    return mesh;
}

glm::mat4 local_transform(const tinygltf::Node& node) {
    glm::mat4 m(1.0f);
    if (node.matrix.size() == 16) {  // column-major, as glm stores it
        for (int i = 0; i < 16; ++i) m[i / 4][i % 4] = static_cast<float>(node.matrix[static_cast<std::size_t>(i)]);
        return m;
    }
    if (node.translation.size() == 3)
        m = glm::translate(m, glm::vec3(node.translation[0], node.translation[1], node.translation[2]));
    if (node.rotation.size() == 4) {
        const glm::quat q(static_cast<float>(node.rotation[3]), static_cast<float>(node.rotation[0]),
                          static_cast<float>(node.rotation[1]), static_cast<float>(node.rotation[2]));
        if (glm::length(q) > 0.0f) m *= glm::mat4_cast(glm::normalize(q));
    }
    if (node.scale.size() == 3) m = glm::scale(m, glm::vec3(node.scale[0], node.scale[1], node.scale[2]));
    return m;
}

// The model meshes for glTF mesh `mesh_index`, read on first use.
Result<std::vector<int>> mesh_slots(Converter& c, int mesh_index, const std::string& where) {
    if (mesh_index < 0 || static_cast<std::size_t>(mesh_index) >= c.gltf.meshes.size())
        return bad_input(c.file, "refers to mesh " + std::to_string(mesh_index) + ", which does not exist",
                         where);
    std::optional<std::vector<int>>& slots = c.mesh_slots[static_cast<std::size_t>(mesh_index)];
    if (slots) return *slots;
    slots.emplace();
    const tinygltf::Mesh& source = c.gltf.meshes[static_cast<std::size_t>(mesh_index)];
    for (std::size_t p = 0; p < source.primitives.size(); ++p) {
        const tinygltf::Primitive& prim = source.primitives[p];
        const std::string at = "mesh " + std::to_string(mesh_index) + " primitive " + std::to_string(p);
        if (prim.mode != TINYGLTF_MODE_TRIANGLES && prim.mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
            prim.mode != TINYGLTF_MODE_TRIANGLE_FAN) {
            c.model.warnings.push_back(at + ": points and lines are not drawn; skipped");
            continue;
        }
        Result<Mesh> mesh = read_primitive(c, prim, at);
        if (!mesh) return mesh.error();
        mesh->name = source.name.empty() ? "mesh " + std::to_string(mesh_index) : source.name;
        if (source.primitives.size() > 1) mesh->name += " #" + std::to_string(p);
        slots->push_back(static_cast<int>(c.model.meshes.size()));
        c.model.meshes.push_back(std::move(mesh.value()));
    }
    return *slots;
}

// Deep enough for any real file; a deeper chain is a malformed (or hostile) one.
constexpr int max_node_depth = 256;
constexpr std::size_t max_node_visits = 1'000'000;

Status add_node(Converter& c, int node_index, int parent, int depth) {
    const std::string where = "node " + std::to_string(node_index);
    if (node_index < 0 || static_cast<std::size_t>(node_index) >= c.gltf.nodes.size())
        return bad_input(c.file, "refers to a node that does not exist", where);
    if (depth > max_node_depth)
        return bad_input(c.file, "the node hierarchy is deeper than " + std::to_string(max_node_depth) +
                                     " levels or has a cycle", where);
    // A node listed under several parents (invalid glTF) is copied under each; a hostile file
    // could make that exponential, so the copies are counted.
    if (++c.nodes_visited > max_node_visits)
        return bad_input(c.file, "the node hierarchy instances more than " +
                                     std::to_string(max_node_visits) + " nodes", where);
    const tinygltf::Node& node = c.gltf.nodes[static_cast<std::size_t>(node_index)];
    Node out;
    out.name = node.name.empty() ? where : node.name;
    out.parent = parent;
    out.local = local_transform(node);
    if (!std::isfinite(out.local[0][0] + out.local[1][1] + out.local[2][2] + out.local[3][0] + out.local[3][1] +
                       out.local[3][2]))
        return bad_input(c.file, "has a transform that is not a finite number", where);
    if (node.mesh >= 0) {
        Result<std::vector<int>> meshes = mesh_slots(c, node.mesh, where);
        if (!meshes) return meshes.error();
        out.meshes = std::move(meshes).value();
    }
    const int slot = static_cast<int>(c.model.nodes.size());
    c.model.nodes.push_back(std::move(out));
    for (int child : node.children)
        if (Status s = add_node(c, child, slot, depth + 1); !s) return s;
    return Ok{};
}

// The default scene's roots; scene 0 when there is no default; every root node when there are
// no scenes; and every mesh untransformed when there are not even nodes.
Status add_scene(Converter& c) {
    const auto& scenes = c.gltf.scenes;
    if (!scenes.empty()) {
        const std::size_t chosen = c.gltf.defaultScene >= 0 &&
                                           static_cast<std::size_t>(c.gltf.defaultScene) < scenes.size()
                                       ? static_cast<std::size_t>(c.gltf.defaultScene)
                                       : 0;
        for (int root : scenes[chosen].nodes)
            if (Status s = add_node(c, root, -1, 0); !s) return s;
        return Ok{};
    }
    if (c.gltf.nodes.empty()) {
        for (std::size_t m = 0; m < c.gltf.meshes.size(); ++m) {
            const std::string where = "mesh " + std::to_string(m);
            Result<std::vector<int>> meshes = mesh_slots(c, static_cast<int>(m), where);
            if (!meshes) return meshes.error();
            c.model.nodes.push_back(Node{where, -1, glm::mat4(1.0f), std::move(meshes).value()});
        }
        return Ok{};
    }
    std::vector<bool> is_child(c.gltf.nodes.size(), false);
    for (const tinygltf::Node& node : c.gltf.nodes)
        for (int child : node.children)
            if (child >= 0 && static_cast<std::size_t>(child) < is_child.size()) is_child[static_cast<std::size_t>(child)] = true;
    for (std::size_t n = 0; n < c.gltf.nodes.size(); ++n)
        if (!is_child[n])
            if (Status s = add_node(c, static_cast<int>(n), -1, 0); !s) return s;
    return Ok{};
}

}  // namespace ocop::assets::gltf_import

namespace ocop::assets {

Result<Model> import_gltf(const std::filesystem::path& path) {
    using namespace gltf_import;
    Model model;
    model.source = path.string();
    EncodedImages kept;
    Result<tinygltf::Model> gltf = parse(path, kept, model.warnings);
    if (!gltf) return gltf.error();
    if (Status s = check_required_extensions(gltf.value(), model.source, model.warnings); !s)
        return s.error();

    Converter converter{gltf.value(), kept, model.source, model, std::vector<int>(gltf->images.size(), -1), 0,
                        std::vector<std::optional<std::vector<int>>>(gltf->meshes.size())};
    decode_referenced_images(converter);
    for (std::size_t m = 0; m < gltf->materials.size(); ++m)
        model.materials.push_back(read_material(converter, gltf->materials[m], m));
    if (Status s = add_scene(converter); !s) return s.error();
    return model;
}

}  // namespace ocop::assets
