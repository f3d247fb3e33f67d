// What a product model holds once imported, independent of the file it came from.
// CPU only: no Vulkan here. Units are metres, +Y is up, the front faces +Z.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "core/bounds.h"

namespace ocop::assets {

// A texture image. Pixels are decoded to RGBA8 for the renderer; the original encoded bytes
// (PNG/JPEG as found in the file) are kept so that export does not re-encode and lose quality.
struct Image {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba8;    // width * height * 4, row 0 at the top
    std::vector<float> rgba32f;         // linear HDR pixels (Radiance .hdr); then rgba8 is empty
    std::vector<std::uint8_t> encoded;  // may be empty (then export encodes rgba8 as PNG)
    std::string mime_type;              // "image/png" or "image/jpeg" when `encoded` is set
    int source_bits = 8;                // bits per channel in the file (16-bit PNGs are kept as 8 here)
    bool placeholder = false;           // stands in for a texture file that was missing
};

enum class Wrap { Repeat, ClampToEdge, MirroredRepeat };

// KHR_texture_transform: uv' = translate(offset) * rotate(rotation) * scale(scale) * uv.
struct TextureTransform {
    glm::vec2 offset{0.0f};
    float rotation = 0.0f;  // radians, counter-clockwise in UV space
    glm::vec2 scale{1.0f};
    bool is_identity() const { return offset == glm::vec2(0.0f) && rotation == 0.0f && scale == glm::vec2(1.0f); }
};

// A material's use of an image. `image` indexes Model::images; -1 means "no texture".
// The colour space follows the slot (glTF): base colour, emissive, sheen colour and specular
// colour are sRGB; every other slot holds linear data.
struct TextureRef {
    int image = -1;
    int texcoord = 0;  // 0 = Mesh::uv0, 1 = Mesh::uv1
    Wrap wrap_s = Wrap::Repeat;
    Wrap wrap_t = Wrap::Repeat;
    TextureTransform transform;
    bool present() const { return image >= 0; }
};

enum class AlphaMode { Opaque, Mask, Blend };

// glTF 2.0 metallic-roughness, with glTF's defaults.
struct Material {
    std::string name;
    glm::vec4 base_color{1.0f};  // linear RGBA
    float metallic = 1.0f;
    float roughness = 1.0f;
    glm::vec3 emissive{0.0f};  // linear RGB
    float normal_scale = 1.0f;
    float occlusion_strength = 1.0f;
    AlphaMode alpha_mode = AlphaMode::Opaque;
    float alpha_cutoff = 0.5f;
    bool double_sided = false;

    TextureRef base_color_texture;          // sRGB
    TextureRef metallic_roughness_texture;  // linear: G = roughness, B = metallic
    TextureRef normal_texture;              // linear, tangent space, +Y up (OpenGL convention)
    TextureRef occlusion_texture;           // linear: R = occlusion (often the same image as MR)
    TextureRef emissive_texture;            // sRGB

    // glTF extensions our products need (glaze, lacquer, silk, shell, glass). Each is off
    // (`enabled == false`) unless the file used it; values are the extensions' defaults.
    float emissive_strength = 1.0f;  // KHR_materials_emissive_strength
    bool unlit = false;              // KHR_materials_unlit
    float ior = 1.5f;                // KHR_materials_ior

    struct Sheen {  // KHR_materials_sheen: silk, velvet
        bool enabled = false;
        glm::vec3 colour{0.0f};
        float roughness = 0.0f;
        TextureRef colour_texture;     // sRGB
        TextureRef roughness_texture;  // linear, A channel
    } sheen;

    struct Clearcoat {  // KHR_materials_clearcoat: glaze, lacquer
        bool enabled = false;
        float factor = 0.0f;
        float roughness = 0.0f;
        TextureRef texture;            // R
        TextureRef roughness_texture;  // G
        TextureRef normal_texture;
        float normal_scale = 1.0f;
    } clearcoat;

    struct Specular {  // KHR_materials_specular
        bool enabled = false;
        float factor = 1.0f;
        glm::vec3 colour{1.0f};
        TextureRef texture;         // A
        TextureRef colour_texture;  // sRGB
    } specular;

    struct Transmission {  // KHR_materials_transmission: vitrine glass
        bool enabled = false;
        float factor = 0.0f;
        TextureRef texture;  // R
    } transmission;

    struct Volume {  // KHR_materials_volume
        bool enabled = false;
        float thickness = 0.0f;
        TextureRef thickness_texture;  // G
        float attenuation_distance = 0.0f;  // 0 = infinite (the extension's default)
        glm::vec3 attenuation_colour{1.0f};
    } volume;

    struct Iridescence {  // KHR_materials_iridescence: mother-of-pearl
        bool enabled = false;
        float factor = 0.0f;
        TextureRef texture;  // R
        float ior = 1.3f;
        float thickness_min_nm = 100.0f;
        float thickness_max_nm = 400.0f;
        TextureRef thickness_texture;  // G
    } iridescence;
};

// One piece of geometry: triangles with one material (a glTF primitive), in its own space.
// Nodes place meshes in the model; a mesh used by several nodes is stored once.
// Attribute arrays are either empty or one per position.
struct Mesh {
    std::string name;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;   // unit length; filled at import when the file has none
    std::vector<glm::vec4> tangents;  // xyz unit, w = bitangent sign; may be empty
    std::vector<glm::vec2> uv0;       // glTF convention: (0,0) is the image's top-left
    std::vector<glm::vec2> uv1;       // a second set (e.g. baked occlusion); may be empty
    std::vector<glm::vec4> colours;   // linear RGBA vertex colours (scanners' PLY); may be empty
    std::vector<std::uint32_t> indices;  // triangle list, counter-clockwise front faces
    int material = -1;                   // index into Model::materials, -1 = default material

    // Simpler versions of `indices` over the same vertices, finest first (meshoptimizer).
    struct Lod {
        std::vector<std::uint32_t> indices;
        float error = 0.0f;  // relative to the mesh's extent, as meshopt_simplify reports it
    };
    std::vector<Lod> lods;

    std::size_t triangle_count() const { return indices.size() / 3; }
};

// The hierarchy of the file, kept so that part names, pivots and instancing survive a round
// trip. `parent` is -1 for a root; there are no cycles (the importers refuse them).
struct Node {
    std::string name;
    int parent = -1;
    glm::mat4 local{1.0f};   // relative to the parent
    std::vector<int> meshes;  // indices into Model::meshes drawn with this node's transform
};

// A mesh placed in the model: what a renderer draws and what bounds are measured on.
struct MeshInstance {
    int mesh = 0;
    glm::mat4 world{1.0f};  // mesh space -> model space (metres, +Y up)
};

struct Model {
    std::string source;  // the file it came from, for messages
    std::string format;  // what the file was, for people: "glTF 2.0 (binary)", "Stanford PLY", ...
    std::vector<std::string> extensions_used;  // glTF extensions the file used
    std::vector<Mesh> meshes;
    std::vector<Node> nodes;
    std::vector<Material> materials;
    std::vector<Image> images;
    std::vector<std::string> warnings;  // what the importer noticed but could live with

    // Every mesh that some node draws, with its world transform, in node order; without any
    // nodes (a model built in code), every mesh once, untransformed.
    std::vector<MeshInstance> instances() const;
    glm::mat4 world_transform(int node) const;

    std::size_t triangle_count() const;  // of the meshes, each counted once
    std::size_t drawn_triangle_count() const;  // of the instances: what a renderer draws
    Bounds bounds() const;  // of the instances, in model space
};

// A texture slot of a material and whether its image holds colour (sRGB) or data (linear).
struct MaterialSlot {
    const TextureRef* ref;
    bool srgb;
};

// Every texture slot of a material, in the renderer's order (shaders/shared.h, kSlot*):
// base colour, metallic-roughness, normal, occlusion, emissive, clearcoat, its roughness and
// normal, sheen colour and roughness, specular and its colour, transmission, thickness,
// iridescence and its thickness.
std::array<MaterialSlot, 16> texture_slots(const Material& m);

// Adds a root node that draws every mesh once, for models built in code (tests, generators).
void add_root_node_for_all_meshes(Model& model, const std::string& name = "model");

}  // namespace ocop::assets
