// glTF 2.0 binary writer. Section numbers refer to the glTF 2.0 specification
// (https://registry.khronos.org/glTF/specs/2.0/glTF-2.0.html).
#include "export/glb_writer.h"

#include <stb_image_write.h>
#include <webp/encode.h>
#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <utility>

#include "assets/tangents.h"
#include "core/decimal.h"
#include "core/files.h"

#include <glm/gtc/constants.hpp>

namespace ocop::exporter {
namespace {

using Json = nlohmann::ordered_json;
using assets::Image;
using assets::Material;
using assets::Mesh;
using assets::Model;
using assets::Node;
using assets::TextureRef;

// §5.1.2 accessor.componentType and §5.11.3 bufferView.target values.
constexpr int kComponentByte = 5120;
constexpr int kComponentUnsignedByte = 5121;
constexpr int kComponentUnsignedShort = 5123;
constexpr int kComponentUnsignedInt = 5125;
constexpr int kComponentFloat = 5126;
constexpr int kTargetArrayBuffer = 34962;
constexpr int kTargetElementArrayBuffer = 34963;
constexpr int kNoTarget = 0;

// §5.26 sampler values.
constexpr int kFilterLinear = 9729;
constexpr int kFilterLinearMipmapLinear = 9987;

// §4.4 GLB file format.
constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kGlbVersion = 2;
constexpr std::uint32_t kChunkJson = 0x4E4F534A;  // "JSON"
constexpr std::uint32_t kChunkBin = 0x004E4942;   // "BIN\0"
constexpr std::size_t kGlbHeaderBytes = 12;
constexpr std::size_t kChunkHeaderBytes = 8;

void pad_to_4(std::vector<std::uint8_t>& bytes, std::uint8_t filler) {
    while (bytes.size() % 4 != 0) bytes.push_back(filler);
}

template <typename T>
std::span<const std::uint8_t> as_bytes_of(const std::vector<T>& values) {
    return {reinterpret_cast<const std::uint8_t*>(values.data()), values.size() * sizeof(T)};
}

std::string mesh_where(std::size_t index, const Mesh& mesh) {
    std::string where = "mesh " + std::to_string(index);
    if (!mesh.name.empty()) where += " '" + mesh.name + "'";
    return where;
}

// ---------------------------------------------------------------------------------------------
// Checks first, so that encoding itself cannot meet malformed input.

Status check_texture_ref(const Model& model, const TextureRef& ref, const std::string& where) {
    if (!ref.present()) return Ok{};
    if (static_cast<std::size_t>(ref.image) >= model.images.size())
        return bad_input(model.source,
                         "names image " + std::to_string(ref.image) + " but the model has " +
                             std::to_string(model.images.size()),
                         where);
    return Ok{};
}

// Every texture slot of a material, core and extensions.
std::array<const TextureRef*, 16> texture_refs(const Material& m) {
    return {&m.base_color_texture,         &m.metallic_roughness_texture,  &m.normal_texture,
            &m.occlusion_texture,          &m.emissive_texture,            &m.sheen.colour_texture,
            &m.sheen.roughness_texture,    &m.clearcoat.texture,           &m.clearcoat.roughness_texture,
            &m.clearcoat.normal_texture,   &m.specular.texture,            &m.specular.colour_texture,
            &m.transmission.texture,       &m.volume.thickness_texture,    &m.iridescence.texture,
            &m.iridescence.thickness_texture};
}

Status check_material(const Model& model, std::size_t index) {
    const Material& m = model.materials[index];
    const std::string where = "material " + std::to_string(index);
    for (const TextureRef* ref : texture_refs(m))
        if (Status s = check_texture_ref(model, *ref, where); !s) return s;
    return Ok{};
}

template <typename T>
Status check_attribute_count(const Model& model, const std::vector<T>& attribute,
                             std::size_t vertex_count, const char* what, const std::string& where) {
    if (attribute.empty() || attribute.size() == vertex_count) return Ok{};
    return bad_input(model.source,
                     "has " + std::to_string(attribute.size()) + " " + what + " for " +
                         std::to_string(vertex_count) + " positions",
                     where);
}

Status check_mesh(const Model& model, std::size_t index) {
    const Mesh& mesh = model.meshes[index];
    const std::string where = mesh_where(index, mesh);
    if (mesh.positions.empty() || mesh.indices.empty())
        return bad_input(model.source, "has no triangles", where);
    if (mesh.indices.size() % 3 != 0)
        return bad_input(model.source,
                         "has " + std::to_string(mesh.indices.size()) +
                             " indices, not a multiple of 3 (a triangle list)",
                         where);
    const std::size_t n = mesh.positions.size();
    if (Status s = check_attribute_count(model, mesh.normals, n, "normals", where); !s) return s;
    if (Status s = check_attribute_count(model, mesh.tangents, n, "tangents", where); !s) return s;
    if (Status s = check_attribute_count(model, mesh.uv0, n, "texture coordinates", where); !s)
        return s;
    if (Status s = check_attribute_count(model, mesh.uv1, n, "second texture coordinates", where); !s)
        return s;
    if (Status s = check_attribute_count(model, mesh.colours, n, "vertex colours", where); !s)
        return s;
    const auto largest = std::max_element(mesh.indices.begin(), mesh.indices.end());
    if (*largest >= n)
        return bad_input(
            model.source,
            "index " + std::to_string(*largest) + " is past its " + std::to_string(n) + " vertices",
            where);
    for (const glm::vec3& p : mesh.positions)
        if (!std::isfinite(p.x) || !std::isfinite(p.y) || !std::isfinite(p.z))
            return bad_input(model.source, "has a position that is not a finite number", where);
    if (mesh.material < -1 || mesh.material >= static_cast<int>(model.materials.size()))
        return bad_input(model.source,
                         "uses material " + std::to_string(mesh.material) + " but the model has " +
                             std::to_string(model.materials.size()),
                         where);
    return Ok{};
}

Status check_model(const Model& model) {
    if (model.meshes.empty()) return bad_input(model.source, "the model has no meshes to export");
    for (std::size_t i = 0; i < model.meshes.size(); ++i)
        if (Status s = check_mesh(model, i); !s) return s;
    for (std::size_t i = 0; i < model.materials.size(); ++i)
        if (Status s = check_material(model, i); !s) return s;
    return Ok{};
}

// ---------------------------------------------------------------------------------------------
// Vertex data as glTF requires it.

// §3.7.2.1: NORMAL must be unit length. Importers promise that; a zero normal from a
// degenerate scan triangle still has to become *some* unit vector.
std::vector<glm::vec3> unit_normals(const std::vector<glm::vec3>& normals) {
    std::vector<glm::vec3> out(normals.size());
    std::transform(normals.begin(), normals.end(), out.begin(), [](const glm::vec3& n) {
        const float len = glm::length(n);
        return std::isfinite(len) && len > 1e-12f ? n / len : glm::vec3(0, 1, 0);
    });
    return out;
}

// §3.7.2.1: TANGENT xyz must be unit length and w exactly +1 or -1 (the bitangent sign).
std::vector<glm::vec4> unit_tangents(const std::vector<glm::vec4>& tangents) {
    std::vector<glm::vec4> out(tangents.size());
    std::transform(tangents.begin(), tangents.end(), out.begin(), [](const glm::vec4& t) {
        const glm::vec3 xyz(t);
        const float len = glm::length(xyz);
        const glm::vec3 unit = std::isfinite(len) && len > 1e-12f ? xyz / len : glm::vec3(1, 0, 0);
        return glm::vec4(unit, t.w < 0.0f ? -1.0f : 1.0f);
    });
    return out;
}

// COLOR_0 as float VEC4 (§3.7.2.1): each component within [0, 1].
std::vector<glm::vec4> unit_colours(const std::vector<glm::vec4>& colours) {
    std::vector<glm::vec4> out(colours.size());
    std::transform(colours.begin(), colours.end(), out.begin(), [](const glm::vec4& c) {
        glm::vec4 v;
        for (int i = 0; i < 4; ++i) v[i] = std::isfinite(c[i]) ? std::clamp(c[i], 0.0f, 1.0f) : 1.0f;
        return v;
    });
    return out;
}

// Texture coordinates must be finite numbers for the validator; NaN from a broken scan
// becomes 0.
std::vector<glm::vec2> finite_uvs(const std::vector<glm::vec2>& uvs) {
    std::vector<glm::vec2> out(uvs.size());
    std::transform(uvs.begin(), uvs.end(), out.begin(), [](const glm::vec2& uv) {
        return glm::vec2(std::isfinite(uv.x) ? uv.x : 0.0f, std::isfinite(uv.y) ? uv.y : 0.0f);
    });
    return out;
}

Json vec3_json(const glm::vec3& v) { return Json::array({v.x, v.y, v.z}); }
Json vec2_json(const glm::vec2& v) { return Json::array({v.x, v.y}); }

// ---------------------------------------------------------------------------------------------
// Images: the encoded bytes the file came with, or rgba8 as PNG.

struct EmbeddedImage {
    std::vector<std::uint8_t> bytes;
    std::string mime_type;
};

bool starts_with_signature(const std::vector<std::uint8_t>& bytes,
                           std::span<const std::uint8_t> signature) {
    return bytes.size() >= signature.size() &&
           std::equal(signature.begin(), signature.end(), bytes.begin());
}

// §3.9.2: glTF core allows only PNG and JPEG; the validator checks the bytes match the mimeType.
bool encoded_is_usable(const Image& image) {
    static constexpr std::array<std::uint8_t, 8> kPng{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static constexpr std::array<std::uint8_t, 3> kJpeg{0xFF, 0xD8, 0xFF};
    if (image.mime_type == "image/png") return starts_with_signature(image.encoded, kPng);
    if (image.mime_type == "image/jpeg") return starts_with_signature(image.encoded, kJpeg);
    return false;
}

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

// Whether any material samples the image as colour (sRGB slots), and whether any as data.
struct ImageUse {
    bool colour = false;
    bool data = false;
};

ImageUse image_use(const Model& model, int image) {
    ImageUse use;
    for (const Material& m : model.materials) {
        for (const TextureRef* ref : texture_refs(m)) {
            if (ref->image != image) continue;
            const bool colour = ref == &m.base_color_texture || ref == &m.emissive_texture ||
                                ref == &m.sheen.colour_texture || ref == &m.specular.colour_texture;
            (colour ? use.colour : use.data) = true;
        }
    }
    return use;
}

bool opaque(const Image& image) {
    for (std::size_t i = 3; i < image.rgba8.size(); i += 4)
        if (image.rgba8[i] != 255) return false;
    return true;
}

Result<EmbeddedImage> embeddable_image(const Model& model, std::size_t index, TextureEncoding encoding) {
    const Image& image = model.images[index];
    const std::string where = "image " + std::to_string(index);
    const std::size_t expected = static_cast<std::size_t>(std::max(image.width, 0)) *
                                 static_cast<std::size_t>(std::max(image.height, 0)) * 4;
    const bool has_pixels = expected > 0 && image.rgba8.size() == expected;
    if (has_pixels && encoding != TextureEncoding::AsImported) {
        const ImageUse use = image_use(model, static_cast<int>(index));
        const bool colour = use.colour && !use.data;
        if (encoding == TextureEncoding::WebP) {
            std::uint8_t* out = nullptr;
            const std::size_t size =
                colour ? WebPEncodeRGBA(image.rgba8.data(), image.width, image.height, image.width * 4, 90.0f, &out)
                       : WebPEncodeLosslessRGBA(image.rgba8.data(), image.width, image.height, image.width * 4, &out);
            EmbeddedImage webp{{out, out + size}, "image/webp"};
            WebPFree(out);
            if (size == 0) return failure(model.source, "WebP encoding failed", where);
            return webp;
        }
        if (colour && opaque(image) && image.mime_type != "image/jpeg") {
            EmbeddedImage jpeg{{}, "image/jpeg"};
            if (stbi_write_jpg_to_func(append_bytes, &jpeg.bytes, image.width, image.height, 4, image.rgba8.data(), 90) == 0)
                return failure(model.source, "JPEG encoding failed", where);
            return jpeg;
        }
    }
    if (encoded_is_usable(image)) return EmbeddedImage{image.encoded, image.mime_type};
    if (!has_pixels)
        return bad_input(model.source, "has neither RGBA8 pixels nor PNG/JPEG bytes to embed",
                         where);
    EmbeddedImage png{{}, "image/png"};
    if (stbi_write_png_to_func(append_bytes, &png.bytes, image.width, image.height, 4,
                               image.rgba8.data(), image.width * 4) == 0)
        return failure(model.source, "PNG encoding failed", where);
    return png;
}

// ---------------------------------------------------------------------------------------------

// Builds the JSON and the BIN chunk together; every index it hands out is an index into the
// arrays it writes. Models are written one after the other (`model_` is the one being written);
// the caches are keyed by model so that instances of a model share what it wrote.
class GlbEncoder {
public:
    // root_model >= 0: that model's nodes hang directly under the root (a product GLB).
    GlbEncoder(const GlbScene& scene, int root_model) : scene_(scene), root_model_(root_model) {}

    Result<std::vector<std::uint8_t>> encode();

private:
    int add_view(std::span<const std::uint8_t> data, int target);
    int add_meshopt_view(std::span<const std::uint8_t> data, int target, std::size_t stride);
    int add_vertex_view(std::span<const std::uint8_t> data, std::size_t stride) {
        return scene_.encoding.meshopt ? add_meshopt_view(data, kTargetArrayBuffer, stride) : add_view(data, kTargetArrayBuffer);
    }
    int add_accessor(int view, int component_type, std::size_t count, const char* type);
    int add_position_accessor(const std::vector<glm::vec3>& positions);
    int add_index_accessor(const Mesh& mesh);
    Json primitive_attributes(const Mesh& mesh);
    Json quantized_attributes(const Mesh& mesh);
    int add_quantized_accessor(std::span<const std::uint8_t> data, std::size_t stride, int component_type,
                               std::size_t count, const char* type);
    Result<int> texture_for(const TextureRef& ref);
    Result<Json> texture_info(const TextureRef& ref);
    Result<Json> material_json(const Material& material);
    Status add_material_extensions(const Material& material, Json& out);
    void use_extension(const char* name) { extensions_used_.insert(name); }
    void select_model(std::size_t index) {
        model_ = scene_.models[index];
        model_index_ = static_cast<int>(index);
    }
    Status add_materials();
    Json primitive(int mesh_index);
    int gltf_mesh(const std::vector<int>& meshes);
    int add_node(Json node, int parent);
    void add_model_nodes(std::size_t model, int parent);
    int add_light(const scene::Light& light);
    int add_camera(float vertical_fov_deg);
    void add_nodes();
    Json document() const;

    const GlbScene& scene_;
    int root_model_ = -1;
    const Model* model_ = nullptr;
    int model_index_ = 0;
    std::vector<int> first_material_of_model_;
    std::vector<std::uint8_t> bin_;
    Json buffer_views_ = Json::array();
    Json accessors_ = Json::array();
    Json meshes_ = Json::array();
    Json nodes_ = Json::array();
    std::vector<Json> children_;  // per node
    Json materials_ = Json::array();
    Json textures_ = Json::array();
    Json samplers_ = Json::array();
    Json images_ = Json::array();
    Json lights_ = Json::array();
    Json cameras_ = Json::array();
    std::map<std::pair<int, int>, int> gltf_image_of_model_image_;
    std::map<std::pair<int, int>, int> sampler_of_wraps_;
    std::map<std::pair<int, int>, int> texture_of_image_and_sampler_;
    std::map<std::pair<int, int>, Json> primitive_of_mesh_;
    std::map<std::pair<int, std::vector<int>>, int> gltf_mesh_of_list_;
    std::set<std::string> extensions_used_;
    std::size_t fallback_bytes_ = 0;  // EXT_meshopt_compression's fallback buffer
    // KHR_mesh_quantization: per model, position = offset + scale * stored (0..65535 / 65535).
    struct Dequantize {
        glm::vec3 offset{0.0f};
        glm::vec3 scale{1.0f};
        glm::mat4 matrix() const;  // applied by the node that draws the mesh
    };
    std::vector<Dequantize> dequantize_;
};

glm::mat4 GlbEncoder::Dequantize::matrix() const {
    glm::mat4 m(1.0f);
    m[0][0] = scale.x / 65535.0f;
    m[1][1] = scale.y / 65535.0f;
    m[2][2] = scale.z / 65535.0f;
    m[3] = glm::vec4(offset, 1.0f);
    return m;
}

int GlbEncoder::add_view(std::span<const std::uint8_t> data, int target) {
    // §3.6.2.4 (data alignment): an accessor's offset must be a multiple of its component
    // size. Starting every view on 4 bytes satisfies every component type we write.
    pad_to_4(bin_, 0);
    Json view = {{"buffer", 0}, {"byteOffset", bin_.size()}, {"byteLength", data.size()}};
    // byteStride is left out: every view is tightly packed (§5.11.4).
    if (target != kNoTarget) view["target"] = target;
    bin_.insert(bin_.end(), data.begin(), data.end());
    buffer_views_.push_back(std::move(view));
    return static_cast<int>(buffer_views_.size()) - 1;
}

// EXT_meshopt_compression: the view's bytes live compressed in the GLB buffer; the view itself
// points into a fallback buffer that has no data (extensionsRequired: no decoder, no model).
// Vertex attributes are encoded one stream per view (stride = the element size of the
// accessor over it, all tightly packed), indices as triangle lists.
int GlbEncoder::add_meshopt_view(std::span<const std::uint8_t> data, int target, std::size_t stride) {
    std::vector<std::uint8_t> encoded;
    std::size_t count = 0;
    const char* mode = "ATTRIBUTES";
    if (target == kTargetElementArrayBuffer) {
        mode = "TRIANGLES";
        count = data.size() / stride;
        std::vector<std::uint32_t> indices(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (stride == 2) {
                std::uint16_t v = 0;
                std::memcpy(&v, data.data() + 2 * i, 2);
                indices[i] = v;
            } else {
                std::memcpy(&indices[i], data.data() + 4 * i, 4);
            }
        }
        std::uint32_t vertices = 0;
        for (const std::uint32_t i : indices) vertices = std::max(vertices, i + 1);
        encoded.resize(meshopt_encodeIndexBufferBound(count, vertices));
        encoded.resize(meshopt_encodeIndexBuffer(encoded.data(), encoded.size(), indices.data(), count));
    } else {
        count = data.size() / stride;
        encoded.resize(meshopt_encodeVertexBufferBound(count, stride));
        encoded.resize(meshopt_encodeVertexBuffer(encoded.data(), encoded.size(), data.data(), count, stride));
    }
    pad_to_4(bin_, 0);
    Json compressed = {{"buffer", 0}, {"byteOffset", bin_.size()}, {"byteLength", encoded.size()},
                       {"byteStride", stride}, {"count", count}, {"mode", mode}};
    bin_.insert(bin_.end(), encoded.begin(), encoded.end());
    fallback_bytes_ = (fallback_bytes_ + 3) / 4 * 4;
    Json view = {{"buffer", 1}, {"byteOffset", fallback_bytes_}, {"byteLength", data.size()}};
    if (target == kTargetArrayBuffer) view["byteStride"] = stride;
    view["target"] = target;
    view["extensions"] = {{"EXT_meshopt_compression", std::move(compressed)}};
    fallback_bytes_ += data.size();
    use_extension("EXT_meshopt_compression");
    buffer_views_.push_back(std::move(view));
    return static_cast<int>(buffer_views_.size()) - 1;
}

int GlbEncoder::add_accessor(int view, int component_type, std::size_t count, const char* type) {
    accessors_.push_back({{"bufferView", view},
                          {"componentType", component_type},
                          {"count", count},
                          {"type", type}});
    return static_cast<int>(accessors_.size()) - 1;
}

int GlbEncoder::add_position_accessor(const std::vector<glm::vec3>& positions) {
    // §5.1.5: POSITION requires min and max; they must be the exact float values in the data.
    glm::vec3 lo = positions.front(), hi = positions.front();
    for (const glm::vec3& p : positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
    const int view = add_vertex_view(as_bytes_of(positions), sizeof(glm::vec3));
    const int accessor = add_accessor(view, kComponentFloat, positions.size(), "VEC3");
    accessors_[accessor]["min"] = vec3_json(lo);
    accessors_[accessor]["max"] = vec3_json(hi);
    return accessor;
}

int GlbEncoder::add_index_accessor(const Mesh& mesh) {
    // §3.7.2.1: indices must not hold the component type's largest value (primitive restart),
    // so 16 bits serve up to 65535 vertices (indices 0..65534).
    const bool fits_16_bits = mesh.positions.size() <= 0xFFFF;
    int view = 0;
    if (fits_16_bits) {
        std::vector<std::uint16_t> short_indices(mesh.indices.begin(), mesh.indices.end());
        view = scene_.encoding.meshopt ? add_meshopt_view(as_bytes_of(short_indices), kTargetElementArrayBuffer, 2)
                              : add_view(as_bytes_of(short_indices), kTargetElementArrayBuffer);
    } else {
        view = scene_.encoding.meshopt ? add_meshopt_view(as_bytes_of(mesh.indices), kTargetElementArrayBuffer, 4)
                              : add_view(as_bytes_of(mesh.indices), kTargetElementArrayBuffer);
    }
    return add_accessor(view, fits_16_bits ? kComponentUnsignedShort : kComponentUnsignedInt,
                        mesh.indices.size(), "SCALAR");
}

Json GlbEncoder::primitive_attributes(const Mesh& mesh) {
    if (scene_.encoding.quantize) return quantized_attributes(mesh);
    Json attributes = {{"POSITION", add_position_accessor(mesh.positions)}};
    const std::size_t n = mesh.positions.size();
    if (!mesh.normals.empty())
        attributes["NORMAL"] =
            add_accessor(add_vertex_view(as_bytes_of(unit_normals(mesh.normals)), sizeof(glm::vec3)),
                         kComponentFloat, n, "VEC3");
    if (!mesh.tangents.empty())
        attributes["TANGENT"] =
            add_accessor(add_vertex_view(as_bytes_of(unit_tangents(mesh.tangents)), sizeof(glm::vec4)),
                         kComponentFloat, n, "VEC4");
    if (!mesh.uv0.empty())
        attributes["TEXCOORD_0"] = add_accessor(add_vertex_view(as_bytes_of(finite_uvs(mesh.uv0)), sizeof(glm::vec2)),
                                                kComponentFloat, n, "VEC2");
    if (!mesh.uv1.empty())
        attributes["TEXCOORD_1"] = add_accessor(add_vertex_view(as_bytes_of(finite_uvs(mesh.uv1)), sizeof(glm::vec2)),
                                                kComponentFloat, n, "VEC2");
    if (!mesh.colours.empty())
        attributes["COLOR_0"] = add_accessor(add_vertex_view(as_bytes_of(unit_colours(mesh.colours)), sizeof(glm::vec4)),
                                             kComponentFloat, n, "VEC4");
    return attributes;
}

// KHR_mesh_quantization. Every element starts on 4 bytes (§3.6.2.4), so three 8- or 16-bit
// components are padded to 4 or 8 bytes and the views carry that byteStride.
template <typename T, std::size_t N>
std::vector<T> packed(std::size_t count, std::size_t stride_components, const auto& component) {
    std::vector<T> out(count * stride_components, T(0));
    for (std::size_t v = 0; v < count; ++v)
        for (std::size_t c = 0; c < N; ++c) out[v * stride_components + c] = component(v, c);
    return out;
}

std::int8_t snorm8(float v) { return static_cast<std::int8_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 127.0f)); }
std::uint16_t unorm16(float v) { return static_cast<std::uint16_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 65535.0f)); }
std::uint8_t unorm8(float v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

int GlbEncoder::add_quantized_accessor(std::span<const std::uint8_t> data, std::size_t stride, int component_type,
                                       std::size_t count, const char* type) {
    int view = 0;
    if (scene_.encoding.meshopt) {
        view = add_meshopt_view(data, kTargetArrayBuffer, stride);
    } else {
        view = add_view(data, kTargetArrayBuffer);
        buffer_views_[view]["byteStride"] = stride;
    }
    const int accessor = add_accessor(view, component_type, count, type);
    accessors_[accessor]["normalized"] = true;
    return accessor;
}

Json GlbEncoder::quantized_attributes(const Mesh& mesh) {
    const std::size_t n = mesh.positions.size();
    const Dequantize& d = dequantize_[static_cast<std::size_t>(model_index_)];
    // Positions: unsigned 16-bit over the model's bounds; the node places them back (dequantize).
    const std::vector<std::uint16_t> positions = packed<std::uint16_t, 3>(n, 4, [&](std::size_t v, std::size_t c) {
        return unorm16((mesh.positions[v][static_cast<int>(c)] - d.offset[static_cast<int>(c)]) / d.scale[static_cast<int>(c)]);
    });
    glm::uvec3 lo(65535), hi(0);
    for (std::size_t v = 0; v < n; ++v)
        for (int c = 0; c < 3; ++c) {
            lo[c] = std::min<unsigned>(lo[c], positions[v * 4 + static_cast<std::size_t>(c)]);
            hi[c] = std::max<unsigned>(hi[c], positions[v * 4 + static_cast<std::size_t>(c)]);
        }
    const int position = add_quantized_accessor(as_bytes_of(positions), 8, kComponentUnsignedShort, n, "VEC3");
    accessors_[position].erase("normalized");  // integers, scaled by the node
    accessors_[position]["min"] = {lo.x, lo.y, lo.z};
    accessors_[position]["max"] = {hi.x, hi.y, hi.z};
    Json attributes = {{"POSITION", position}};
    if (!mesh.normals.empty()) {
        const std::vector<glm::vec3> unit = unit_normals(mesh.normals);
        attributes["NORMAL"] = add_quantized_accessor(
            as_bytes_of(packed<std::int8_t, 3>(n, 4, [&](std::size_t v, std::size_t c) { return snorm8(unit[v][static_cast<int>(c)]); })),
            4, kComponentByte, n, "VEC3");
    }
    if (!mesh.tangents.empty()) {
        const std::vector<glm::vec4> unit = unit_tangents(mesh.tangents);
        attributes["TANGENT"] = add_quantized_accessor(
            as_bytes_of(packed<std::int8_t, 4>(n, 4, [&](std::size_t v, std::size_t c) { return snorm8(unit[v][static_cast<int>(c)]); })),
            4, kComponentByte, n, "VEC4");
    }
    const auto add_uv = [&](const char* key, const std::vector<glm::vec2>& raw) {
        const std::vector<glm::vec2> uv = finite_uvs(raw);
        const bool unit_range = std::all_of(uv.begin(), uv.end(), [](const glm::vec2& t) {
            return t.x >= 0.0f && t.x <= 1.0f && t.y >= 0.0f && t.y <= 1.0f;
        });
        if (!unit_range) {  // tiled textures repeat past 1: kept as floats
            attributes[key] = add_accessor(add_vertex_view(as_bytes_of(uv), sizeof(glm::vec2)), kComponentFloat, n, "VEC2");
            return;
        }
        attributes[key] = add_quantized_accessor(
            as_bytes_of(packed<std::uint16_t, 2>(n, 2, [&](std::size_t v, std::size_t c) { return unorm16(uv[v][static_cast<int>(c)]); })),
            4, kComponentUnsignedShort, n, "VEC2");
    };
    if (!mesh.uv0.empty()) add_uv("TEXCOORD_0", mesh.uv0);
    if (!mesh.uv1.empty()) add_uv("TEXCOORD_1", mesh.uv1);
    if (!mesh.colours.empty()) {
        const std::vector<glm::vec4> unit = unit_colours(mesh.colours);
        attributes["COLOR_0"] = add_quantized_accessor(
            as_bytes_of(packed<std::uint8_t, 4>(n, 4, [&](std::size_t v, std::size_t c) { return unorm8(unit[v][static_cast<int>(c)]); })),
            4, kComponentUnsignedByte, n, "VEC4");
    }
    use_extension("KHR_mesh_quantization");
    return attributes;
}

int gl_wrap(assets::Wrap wrap) {
    switch (wrap) {  // §5.26.3 sampler.wrapS
        case assets::Wrap::ClampToEdge:
            return 33071;
        case assets::Wrap::MirroredRepeat:
            return 33648;
        case assets::Wrap::Repeat:
            break;
    }
    return 10497;
}

// One glTF texture per (image, sampler) pair, one sampler per pair of wrap modes, one glTF
// image per model image: a texture shared by several materials is stored once.
Result<int> GlbEncoder::texture_for(const TextureRef& ref) {
    const std::pair<int, int> image_key{model_index_, ref.image};
    auto image_it = gltf_image_of_model_image_.find(image_key);
    if (image_it == gltf_image_of_model_image_.end()) {
        Result<EmbeddedImage> embedded =
            embeddable_image(*model_, static_cast<std::size_t>(ref.image), scene_.encoding.textures);
        if (!embedded) return embedded.error();
        Json image = {{"bufferView", add_view(embedded->bytes, kNoTarget)},
                      {"mimeType", embedded->mime_type}};
        if (const std::string& name = model_->images[static_cast<std::size_t>(ref.image)].name; !name.empty())
            image["name"] = name;
        images_.push_back(std::move(image));
        image_it =
            gltf_image_of_model_image_.emplace(image_key, static_cast<int>(images_.size()) - 1)
                .first;
    }
    const std::pair<int, int> wraps{gl_wrap(ref.wrap_s), gl_wrap(ref.wrap_t)};
    auto sampler_it = sampler_of_wraps_.find(wraps);
    if (sampler_it == sampler_of_wraps_.end()) {
        // Filters are given explicitly (glTF leaves them to the viewer otherwise) so that
        // product textures are mipmapped and trilinear everywhere.
        Json sampler = {{"magFilter", kFilterLinear}, {"minFilter", kFilterLinearMipmapLinear}};
        if (wraps.first != 10497) sampler["wrapS"] = wraps.first;
        if (wraps.second != 10497) sampler["wrapT"] = wraps.second;
        samplers_.push_back(std::move(sampler));
        sampler_it = sampler_of_wraps_.emplace(wraps, static_cast<int>(samplers_.size()) - 1).first;
    }
    const std::pair<int, int> key{image_it->second, sampler_it->second};
    auto texture_it = texture_of_image_and_sampler_.find(key);
    if (texture_it == texture_of_image_and_sampler_.end()) {
        if (scene_.encoding.textures == TextureEncoding::WebP) {
            textures_.push_back({{"sampler", key.second}, {"extensions", {{"EXT_texture_webp", {{"source", key.first}}}}}});
            use_extension("EXT_texture_webp");
        } else {
            textures_.push_back({{"sampler", key.second}, {"source", key.first}});
        }
        texture_it =
            texture_of_image_and_sampler_.emplace(key, static_cast<int>(textures_.size()) - 1)
                .first;
    }
    return texture_it->second;
}

// §5.22 textureInfo: texCoord when not 0, KHR_texture_transform when not the identity.
Result<Json> GlbEncoder::texture_info(const TextureRef& ref) {
    Result<int> texture = texture_for(ref);
    if (!texture) return texture.error();
    Json info = {{"index", *texture}};
    if (ref.texcoord > 0) info["texCoord"] = ref.texcoord;
    const assets::TextureTransform& t = ref.transform;
    const bool finite = std::isfinite(t.offset.x) && std::isfinite(t.offset.y) && std::isfinite(t.rotation) &&
                        std::isfinite(t.scale.x) && std::isfinite(t.scale.y);
    if (finite && !t.is_identity()) {
        Json transform = Json::object();
        if (t.offset != glm::vec2(0.0f)) transform["offset"] = vec2_json(t.offset);
        if (t.rotation != 0.0f) transform["rotation"] = t.rotation;
        if (t.scale != glm::vec2(1.0f)) transform["scale"] = vec2_json(t.scale);
        info["extensions"] = {{"KHR_texture_transform", std::move(transform)}};
        use_extension("KHR_texture_transform");
    }
    return info;
}

float unit_clamp(float v) { return std::isfinite(v) ? std::clamp(v, 0.0f, 1.0f) : 0.0f; }

// §5.19 material: factors are written only where they differ from glTF's defaults, and
// clamped to the ranges glTF allows (emissive above 1 would need KHR_materials_emissive_strength).
Result<Json> GlbEncoder::material_json(const Material& material) {
    Json out = Json::object();
    if (!material.name.empty()) out["name"] = material.name;
    Json pbr = Json::object();
    const glm::vec4 base = glm::clamp(material.base_color, glm::vec4(0.0f), glm::vec4(1.0f));
    if (base != glm::vec4(1.0f)) pbr["baseColorFactor"] = {base.r, base.g, base.b, base.a};
    if (material.metallic != 1.0f) pbr["metallicFactor"] = unit_clamp(material.metallic);
    if (material.roughness != 1.0f) pbr["roughnessFactor"] = unit_clamp(material.roughness);
    const auto add_texture = [&](Json& where, const char* key, const TextureRef& ref) -> Status {
        if (!ref.present()) return Ok{};
        Result<Json> info = texture_info(ref);
        if (!info) return info.error();
        where[key] = std::move(*info);
        return Ok{};
    };
    if (Status s = add_texture(pbr, "baseColorTexture", material.base_color_texture); !s)
        return s.error();
    if (Status s =
            add_texture(pbr, "metallicRoughnessTexture", material.metallic_roughness_texture);
        !s)
        return s.error();
    if (!pbr.empty()) out["pbrMetallicRoughness"] = std::move(pbr);
    if (Status s = add_texture(out, "normalTexture", material.normal_texture); !s) return s.error();
    if (out.contains("normalTexture") && material.normal_scale != 1.0f)
        out["normalTexture"]["scale"] = material.normal_scale;
    if (Status s = add_texture(out, "occlusionTexture", material.occlusion_texture); !s)
        return s.error();
    if (out.contains("occlusionTexture") && material.occlusion_strength != 1.0f)
        out["occlusionTexture"]["strength"] = unit_clamp(material.occlusion_strength);
    if (Status s = add_texture(out, "emissiveTexture", material.emissive_texture); !s)
        return s.error();
    // Emissive above 1 (from other importers) moves its scale into the strength (below).
    glm::vec3 emissive = glm::max(material.emissive, glm::vec3(0.0f));
    if (!std::isfinite(emissive.r + emissive.g + emissive.b)) emissive = glm::vec3(0.0f);
    const float brightest = std::max({emissive.r, emissive.g, emissive.b});
    if (brightest > 1.0f) emissive /= brightest;
    if (emissive != glm::vec3(0.0f)) out["emissiveFactor"] = vec3_json(emissive);
    if (material.alpha_mode == assets::AlphaMode::Mask) {
        out["alphaMode"] = "MASK";
        // alphaCutoff is only meaningful (and only allowed by the validator) with MASK.
        if (material.alpha_cutoff != 0.5f)
            out["alphaCutoff"] = std::max(material.alpha_cutoff, 0.0f);
    } else if (material.alpha_mode == assets::AlphaMode::Blend) {
        out["alphaMode"] = "BLEND";
    }
    if (material.double_sided) out["doubleSided"] = true;
    if (Status s = add_material_extensions(material, out); !s) return s.error();
    return out;
}

// The KHR_materials_* extensions, each written when the model uses it (enabled, or a value
// other than the default); inside each, only values other than the extension's defaults.
Status GlbEncoder::add_material_extensions(const Material& m, Json& out) {
    Json extensions = Json::object();
    Status status = Ok{};
    const auto texture = [&](Json& where, const char* key, const TextureRef& ref) {
        if (!ref.present() || !status) return;
        Result<Json> info = texture_info(ref);
        if (!info) {
            status = info.error();
            return;
        }
        where[key] = std::move(*info);
    };
    const auto factor = [](Json& where, const char* key, float value, float fallback) {
        if (std::isfinite(value) && value != fallback) where[key] = value;
    };
    const auto colour = [](Json& where, const char* key, const glm::vec3& value, const glm::vec3& fallback) {
        if (value != fallback && std::isfinite(value.r + value.g + value.b)) where[key] = vec3_json(value);
    };

    const glm::vec3 emissive = glm::max(m.emissive, glm::vec3(0.0f));
    const float brightest = std::isfinite(emissive.r + emissive.g + emissive.b)
                                ? std::max({emissive.r, emissive.g, emissive.b}) : 0.0f;
    const float strength = (std::isfinite(m.emissive_strength) ? std::max(m.emissive_strength, 0.0f) : 1.0f) *
                           std::max(brightest, 1.0f);
    if (strength != 1.0f) extensions["KHR_materials_emissive_strength"] = {{"emissiveStrength", strength}};
    if (m.unlit) extensions["KHR_materials_unlit"] = Json::object();
    if (m.ior != 1.5f && std::isfinite(m.ior) && (m.ior == 0.0f || m.ior >= 1.0f))
        extensions["KHR_materials_ior"] = {{"ior", m.ior}};
    if (m.sheen.enabled) {
        Json e = Json::object();
        colour(e, "sheenColorFactor", glm::clamp(m.sheen.colour, 0.0f, 1.0f), glm::vec3(0.0f));
        texture(e, "sheenColorTexture", m.sheen.colour_texture);
        factor(e, "sheenRoughnessFactor", std::clamp(m.sheen.roughness, 0.0f, 1.0f), 0.0f);
        texture(e, "sheenRoughnessTexture", m.sheen.roughness_texture);
        extensions["KHR_materials_sheen"] = std::move(e);
    }
    if (m.clearcoat.enabled) {
        Json e = Json::object();
        factor(e, "clearcoatFactor", std::clamp(m.clearcoat.factor, 0.0f, 1.0f), 0.0f);
        texture(e, "clearcoatTexture", m.clearcoat.texture);
        factor(e, "clearcoatRoughnessFactor", std::clamp(m.clearcoat.roughness, 0.0f, 1.0f), 0.0f);
        texture(e, "clearcoatRoughnessTexture", m.clearcoat.roughness_texture);
        texture(e, "clearcoatNormalTexture", m.clearcoat.normal_texture);
        if (e.contains("clearcoatNormalTexture"))
            factor(e["clearcoatNormalTexture"], "scale", m.clearcoat.normal_scale, 1.0f);
        extensions["KHR_materials_clearcoat"] = std::move(e);
    }
    if (m.specular.enabled) {
        Json e = Json::object();
        factor(e, "specularFactor", std::clamp(m.specular.factor, 0.0f, 1.0f), 1.0f);
        texture(e, "specularTexture", m.specular.texture);
        colour(e, "specularColorFactor", glm::max(m.specular.colour, glm::vec3(0.0f)), glm::vec3(1.0f));
        texture(e, "specularColorTexture", m.specular.colour_texture);
        extensions["KHR_materials_specular"] = std::move(e);
    }
    if (m.transmission.enabled) {
        Json e = Json::object();
        factor(e, "transmissionFactor", std::clamp(m.transmission.factor, 0.0f, 1.0f), 0.0f);
        texture(e, "transmissionTexture", m.transmission.texture);
        extensions["KHR_materials_transmission"] = std::move(e);
    }
    if (m.volume.enabled) {
        Json e = Json::object();
        factor(e, "thicknessFactor", std::max(m.volume.thickness, 0.0f), 0.0f);
        texture(e, "thicknessTexture", m.volume.thickness_texture);
        if (m.volume.attenuation_distance > 0.0f)  // 0 = infinite, the default (left out)
            factor(e, "attenuationDistance", m.volume.attenuation_distance, 0.0f);
        colour(e, "attenuationColor", glm::clamp(m.volume.attenuation_colour, 0.0f, 1.0f), glm::vec3(1.0f));
        extensions["KHR_materials_volume"] = std::move(e);
    }
    if (m.iridescence.enabled) {
        Json e = Json::object();
        factor(e, "iridescenceFactor", std::clamp(m.iridescence.factor, 0.0f, 1.0f), 0.0f);
        texture(e, "iridescenceTexture", m.iridescence.texture);
        factor(e, "iridescenceIor", std::max(m.iridescence.ior, 1.0f), 1.3f);
        factor(e, "iridescenceThicknessMinimum", std::max(m.iridescence.thickness_min_nm, 0.0f), 100.0f);
        factor(e, "iridescenceThicknessMaximum", std::max(m.iridescence.thickness_max_nm, 0.0f), 400.0f);
        texture(e, "iridescenceThicknessTexture", m.iridescence.thickness_texture);
        extensions["KHR_materials_iridescence"] = std::move(e);
    }
    if (!status) return status;
    if (extensions.empty()) return Ok{};
    for (const auto& item : extensions.items()) use_extension(item.key().c_str());
    out["extensions"] = std::move(extensions);
    return Ok{};
}

Status GlbEncoder::add_materials() {
    for (std::size_t m = 0; m < scene_.models.size(); ++m) {
        select_model(m);
        first_material_of_model_.push_back(static_cast<int>(materials_.size()));
        Dequantize d;
        glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
        for (const Mesh& mesh : model_->meshes)
            for (const glm::vec3& p : mesh.positions) {
                lo = glm::min(lo, p);
                hi = glm::max(hi, p);
            }
        if (lo.x <= hi.x) {
            d.offset = lo;
            d.scale = glm::max(hi - lo, glm::vec3(1e-6f));  // a flat model keeps a non-zero scale
        }
        dequantize_.push_back(d);
        for (std::size_t i = 0; i < model_->materials.size(); ++i) {
            Result<Json> material = material_json(model_->materials[i]);
            if (!material) {
                Error error = material.error();
                if (error.where.empty()) error.where = "material " + std::to_string(i);
                return error;
            }
            materials_.push_back(std::move(*material));
        }
    }
    return Ok{};
}

// A material whose normal maps need a tangent space (the validator: MESH_PRIMITIVE_NO_TANGENT_SPACE
// for a clearcoat normal map alone, a warning for a normal map).
bool needs_tangents(const Model& model, const Mesh& mesh) {
    if (!mesh.tangents.empty() || mesh.normals.empty() || mesh.uv0.empty()) return false;
    if (mesh.material < 0 || static_cast<std::size_t>(mesh.material) >= model.materials.size()) return false;
    const Material& m = model.materials[static_cast<std::size_t>(mesh.material)];
    return m.normal_texture.present() || m.clearcoat.normal_texture.present();
}

Json GlbEncoder::primitive(int mesh_index) {
    const std::pair<int, int> key{model_index_, mesh_index};
    const auto found = primitive_of_mesh_.find(key);
    if (found != primitive_of_mesh_.end()) return found->second;
    const Mesh* source = &model_->meshes[static_cast<std::size_t>(mesh_index)];
    Mesh with_tangents;
    if (needs_tangents(*model_, *source)) {  // tangents as a viewer would generate them, written out
        with_tangents = *source;
        assets::generate_tangents(with_tangents);
        source = &with_tangents;
    }
    const Mesh& mesh = *source;
    Json primitive = {{"attributes", primitive_attributes(mesh)}, {"indices", add_index_accessor(mesh)}};
    // mode is left out: TRIANGLES (4) is the default (§5.24.4).
    if (mesh.material >= 0)
        primitive["material"] = mesh.material + first_material_of_model_[static_cast<std::size_t>(model_index_)];
    primitive_of_mesh_.emplace(key, primitive);
    return primitive;
}

// A glTF mesh for a node's list of model meshes (one primitive each); nodes drawing the same
// list share it, so instancing survives the export.
int GlbEncoder::gltf_mesh(const std::vector<int>& meshes) {
    const std::pair<int, std::vector<int>> key{model_index_, meshes};
    const auto found = gltf_mesh_of_list_.find(key);
    if (found != gltf_mesh_of_list_.end()) return found->second;
    Json primitives = Json::array();
    for (const int m : meshes) primitives.push_back(primitive(m));
    Json out = Json::object();
    const std::string& first_name = model_->meshes[static_cast<std::size_t>(meshes.front())].name;
    if (!first_name.empty()) out["name"] = first_name;
    out["primitives"] = std::move(primitives);
    meshes_.push_back(std::move(out));
    const int index = static_cast<int>(meshes_.size()) - 1;
    gltf_mesh_of_list_.emplace(key, index);
    return index;
}

Json matrix_json(const glm::mat4& m) {
    Json matrix = Json::array();  // column-major, as glm stores it (§5.25.1)
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r) matrix.push_back(m[c][r]);
    return matrix;
}

int GlbEncoder::add_node(Json node, int parent) {
    nodes_.push_back(std::move(node));
    children_.emplace_back();
    const int index = static_cast<int>(nodes_.size()) - 1;
    if (parent >= 0) children_[static_cast<std::size_t>(parent)].push_back(index);
    return index;
}

// The model's own nodes, in their order, its roots under `parent`.
void GlbEncoder::add_model_nodes(std::size_t model, int parent) {
    select_model(model);
    std::vector<Node> nodes = model_->nodes;
    if (nodes.empty())  // a model built in code: each mesh on a node of its own
        for (std::size_t m = 0; m < model_->meshes.size(); ++m)
            nodes.push_back(Node{model_->meshes[m].name, -1, glm::mat4(1.0f), {static_cast<int>(m)}});
    std::vector<bool> has_children(nodes.size(), false);
    for (const Node& node : nodes)
        if (node.parent >= 0 && static_cast<std::size_t>(node.parent) < nodes.size())
            has_children[static_cast<std::size_t>(node.parent)] = true;
    const int first = static_cast<int>(nodes_.size());
    std::vector<std::pair<int, Json>> mesh_holders;  // quantized meshes under nodes with children
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const Node& node = nodes[n];
        Json out = Json::object();
        if (!node.name.empty()) out["name"] = node.name;
        std::vector<int> meshes;
        for (const int m : node.meshes)
            if (m >= 0 && static_cast<std::size_t>(m) < model_->meshes.size()) meshes.push_back(m);
        glm::mat4 local = node.local;
        if (!meshes.empty()) {
            const int mesh = gltf_mesh(meshes);
            // Quantized positions are scaled back by the node drawing them; a node whose
            // children must not inherit that scale draws its mesh through a child of its own.
            const glm::mat4 dequantize = dequantize_[model].matrix();
            if (scene_.encoding.quantize && has_children[n]) {
                mesh_holders.push_back({first + static_cast<int>(n), Json{{"matrix", matrix_json(dequantize)}, {"mesh", mesh}}});
            } else {
                if (scene_.encoding.quantize) local = local * dequantize;
                out["mesh"] = mesh;
            }
        }
        if (local != glm::mat4(1.0f)) out["matrix"] = matrix_json(local);
        add_node(std::move(out), -1);
    }
    for (std::size_t n = 0; n < nodes.size(); ++n) {
        const int p = nodes[n].parent;
        const bool has_parent = p >= 0 && static_cast<std::size_t>(p) < nodes.size();
        children_[static_cast<std::size_t>(has_parent ? first + p : parent)].push_back(first + static_cast<int>(n));
    }
    for (auto& [owner, holder] : mesh_holders) add_node(std::move(holder), owner);
}

// KHR_lights_punctual: colour within 0..1 (a brighter colour moves into the intensity), spot
// cones as half angles in radians with inner < outer <= pi/2.
int GlbEncoder::add_light(const scene::Light& light) {
    glm::vec3 colour = glm::max(light.colour, glm::vec3(0.0f));
    float intensity = std::max(light.intensity, 0.0f);
    const float brightest = std::max({colour.r, colour.g, colour.b});
    if (brightest > 1.0f) {
        colour /= brightest;
        intensity *= brightest;
    }
    Json out = Json::object();
    switch (light.type) {
        case scene::Light::Type::Directional: out["type"] = "directional"; break;
        case scene::Light::Type::Point: out["type"] = "point"; break;
        case scene::Light::Type::Spot: {
            out["type"] = "spot";
            const float outer = std::clamp(glm::radians(light.outer_cone_deg), 1e-3f, glm::half_pi<float>());
            const float inner = std::clamp(glm::radians(light.inner_cone_deg), 0.0f, outer * 0.999f);
            out["spot"] = {{"innerConeAngle", inner}, {"outerConeAngle", outer}};
            break;
        }
    }
    if (colour != glm::vec3(1.0f)) out["color"] = vec3_json(colour);
    out["intensity"] = intensity;
    if (light.type != scene::Light::Type::Directional && light.range_m > 0.0f) out["range"] = light.range_m;
    lights_.push_back(std::move(out));
    use_extension("KHR_lights_punctual");
    return static_cast<int>(lights_.size()) - 1;
}

int GlbEncoder::add_camera(float vertical_fov_deg) {
    const float yfov = glm::radians(std::clamp(vertical_fov_deg, 1.0f, 170.0f));
    cameras_.push_back({{"type", "perspective"}, {"perspective", {{"yfov", yfov}, {"znear", 0.05}, {"zfar", 500.0}}}});
    return static_cast<int>(cameras_.size()) - 1;
}

// Node 0 is the root (the product, or the centre); a product's model nodes or the scene's
// nodes follow, each scene node followed by the nodes of the model it places.
void GlbEncoder::add_nodes() {
    Json root = {{"name", scene_.name.empty() ? std::string("scene") : scene_.name}};
    if (!scene_.extras.is_null()) root["extras"] = scene_.extras;
    add_node(std::move(root), -1);
    if (root_model_ >= 0) add_model_nodes(static_cast<std::size_t>(root_model_), 0);
    for (const GlbNode& node : scene_.nodes) {
        Json out = Json::object();
        if (!node.name.empty()) out["name"] = node.name;
        if (node.transform != glm::mat4(1.0f)) out["matrix"] = matrix_json(node.transform);
        if (node.light) out["extensions"] = {{"KHR_lights_punctual", {{"light", add_light(*node.light)}}}};
        if (node.camera_vertical_fov_deg) out["camera"] = add_camera(*node.camera_vertical_fov_deg);
        if (!node.extras.is_null()) out["extras"] = node.extras;
        const int index = add_node(std::move(out), 0);
        if (node.model >= 0) add_model_nodes(static_cast<std::size_t>(node.model), index);
    }
    for (std::size_t n = 0; n < children_.size(); ++n)
        if (!children_[n].empty()) nodes_[n]["children"] = children_[n];
}

Json GlbEncoder::document() const {
    Json doc;
    doc["asset"] = {
        {"version", "2.0"},
        {"generator", scene_.generator.empty() ? std::string("OCOP Showroom ") + OCOP_VERSION
                                               : scene_.generator}};
    if (!scene_.copyright.empty()) doc["asset"]["copyright"] = scene_.copyright;
    if (!extensions_used_.empty()) doc["extensionsUsed"] = Json(extensions_used_);
    // Without a PNG/JPEG fallback, a viewer that cannot decode WebP cannot show the model.
    Json required = Json::array();
    for (const char* name : {"EXT_meshopt_compression", "EXT_texture_webp", "KHR_mesh_quantization"})
        if (extensions_used_.count(name)) required.push_back(name);
    if (!required.empty()) doc["extensionsRequired"] = std::move(required);
    if (!lights_.empty()) doc["extensions"] = {{"KHR_lights_punctual", {{"lights", lights_}}}};
    doc["scene"] = 0;
    doc["scenes"] = Json::array({{{"nodes", {0}}}});
    doc["nodes"] = nodes_;
    // Empty top-level arrays are not allowed (§5: arrays have minItems 1), so they are left out.
    const std::array<std::pair<const char*, const Json*>, 6> optional_arrays{
        {{"meshes", &meshes_},
         {"cameras", &cameras_},
         {"materials", &materials_},
         {"textures", &textures_},
         {"samplers", &samplers_},
         {"images", &images_}}};
    for (const auto& [key, array] : optional_arrays)
        if (!array->empty()) doc[key] = *array;
    doc["accessors"] = accessors_;
    doc["bufferViews"] = buffer_views_;
    // §4.4.3.3: the GLB-stored buffer has no uri; its byteLength may be up to 3 bytes less
    // than the padded BIN chunk.
    doc["buffers"] = Json::array({{{"byteLength", bin_.size()}}});
    if (fallback_bytes_ > 0)
        doc["buffers"].push_back({{"byteLength", fallback_bytes_},
                                  {"extensions", {{"EXT_meshopt_compression", {{"fallback", true}}}}}});
    return doc;
}

void append_u32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    // GLB is little-endian (§4.4.1) whatever the host is.
    for (int shift = 0; shift < 32; shift += 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

// §4.4: 12-byte header, then the JSON chunk padded with spaces (0x20) and the BIN chunk padded
// with zeros, each to a multiple of 4 bytes.
std::vector<std::uint8_t> assemble_glb(const std::string& json_text,
                                       std::vector<std::uint8_t> bin) {
    std::vector<std::uint8_t> json(json_text.begin(), json_text.end());
    pad_to_4(json, ' ');
    pad_to_4(bin, 0);
    const std::size_t total =
        kGlbHeaderBytes + kChunkHeaderBytes + json.size() + kChunkHeaderBytes + bin.size();
    std::vector<std::uint8_t> glb;
    glb.reserve(total);
    append_u32(glb, kGlbMagic);
    append_u32(glb, kGlbVersion);
    append_u32(glb, static_cast<std::uint32_t>(total));
    append_u32(glb, static_cast<std::uint32_t>(json.size()));
    append_u32(glb, kChunkJson);
    glb.insert(glb.end(), json.begin(), json.end());
    append_u32(glb, static_cast<std::uint32_t>(bin.size()));
    append_u32(glb, kChunkBin);
    glb.insert(glb.end(), bin.begin(), bin.end());
    return glb;
}

Result<std::vector<std::uint8_t>> GlbEncoder::encode() {
    for (const Model* model : scene_.models)
        if (Status s = check_model(*model); !s) return s.error();
    for (std::size_t n = 0; n < scene_.nodes.size(); ++n)
        if (scene_.nodes[n].model >= static_cast<int>(scene_.models.size()))
            return bad_input(scene_.name, "node " + std::to_string(n) + " places model " +
                                              std::to_string(scene_.nodes[n].model) + " of " +
                                              std::to_string(scene_.models.size()));
    if (Status s = add_materials(); !s) return s.error();
    add_nodes();
    // Names from scans may hold invalid UTF-8; replace rather than throw.
    const std::string json_text =
        document().dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    // §4.4.1: the total length is a uint32.
    if (json_text.size() + bin_.size() + 64 > 0xFFFFFFF0ull)
        return bad_input(scene_.name, "is too large for one GLB file (4 GiB)");
    return assemble_glb(json_text, std::move(bin_));
}

Result<std::vector<std::uint8_t>> encode(const GlbScene& scene, int root_model) {
    try {
        return GlbEncoder(scene, root_model).encode();
    } catch (const std::exception& e) {  // allocation failure, mostly
        return failure(scene.name, std::string("GLB encoding failed: ") + e.what());
    }
}

}  // namespace

Json product_extras(const scene::Product& p) {
    return {{"sku", p.sku},
            {"name", {{"vi", p.name.vi}, {"en", p.name.en}}},
            {"category", p.category},
            {"ocop_stars", p.ocop_stars},
            {"ocop_year", p.ocop_year},
            {"producer", p.producer},
            {"commune", p.commune},
            {"district", p.district},
            {"price_vnd", p.price_vnd},
            {"dimensions_cm",
             {shortest_double(p.dimensions_cm.x), shortest_double(p.dimensions_cm.y), shortest_double(p.dimensions_cm.z)}}};
}

Result<std::vector<std::uint8_t>> encode_glb(const assets::Model& model,
                                             const GlbOptions& options) {
    GlbScene scene;
    scene.name = options.name;
    if (scene.name.empty()) scene.name = std::filesystem::path(model.source).stem().string();
    if (scene.name.empty()) scene.name = "model";
    scene.generator = options.generator;
    if (const scene::Product* p = options.product) {
        scene.extras = {{"ocop", product_extras(*p)}};
        scene.copyright = "© " + p->producer + ", " + p->commune;
    }
    scene.models = {&model};
    scene.encoding = options.encoding;
    Result<std::vector<std::uint8_t>> glb = encode(scene, 0);
    if (!glb && glb.error().file == scene.name) {  // errors about the whole file name the model
        Error error = glb.error();
        error.file = model.source;
        return error;
    }
    return glb;
}

Status write_glb(const assets::Model& model, const std::filesystem::path& path,
                 const GlbOptions& options) {
    Result<std::vector<std::uint8_t>> glb = encode_glb(model, options);
    if (!glb) return glb.error();
    return write_file_atomic(path, glb.value());
}

Result<std::vector<std::uint8_t>> encode_scene_glb(const GlbScene& scene) { return encode(scene, -1); }

Status write_scene_glb(const GlbScene& scene, const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> glb = encode_scene_glb(scene);
    if (!glb) return glb.error();
    return write_file_atomic(path, glb.value());
}

glm::mat4 node_looking_along(glm::vec3 position, glm::vec3 direction) {
    const float length = glm::length(direction);
    const glm::vec3 back = length > 1e-6f ? -direction / length : glm::vec3(0.0f, 0.0f, 1.0f);  // +Z
    const glm::vec3 up_hint = std::abs(back.y) > 0.999f ? glm::vec3(0.0f, 0.0f, -1.0f) : glm::vec3(0.0f, 1.0f, 0.0f);
    const glm::vec3 x = glm::normalize(glm::cross(up_hint, back));
    const glm::vec3 y = glm::cross(back, x);
    glm::mat4 m(1.0f);
    m[0] = glm::vec4(x, 0.0f);
    m[1] = glm::vec4(y, 0.0f);
    m[2] = glm::vec4(back, 0.0f);
    m[3] = glm::vec4(position, 1.0f);
    return m;
}

}  // namespace ocop::exporter
