// What a product model holds once imported, independent of the file it came from.
// CPU only: no Vulkan here. Units are metres, +Y is up, the front faces +Z.
#pragma once

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
    std::vector<std::uint8_t> encoded;  // may be empty (then export encodes rgba8 as PNG)
    std::string mime_type;              // "image/png" or "image/jpeg" when `encoded` is set
};

enum class Wrap { Repeat, ClampToEdge, MirroredRepeat };

// A material's use of an image. `image` indexes Model::images; -1 means "no texture".
struct TextureRef {
    int image = -1;
    int texcoord = 0;  // only TEXCOORD_0 is kept for now
    Wrap wrap_s = Wrap::Repeat;
    Wrap wrap_t = Wrap::Repeat;
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
};

// One drawable piece: triangles with one material. Node transforms are baked in at import,
// so positions are in model space. Attribute arrays are either empty or one per position.
struct Mesh {
    std::string name;
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;   // unit length; filled at import when the file has none
    std::vector<glm::vec4> tangents;  // xyz unit, w = bitangent sign; may be empty
    std::vector<glm::vec2> uv0;       // glTF convention: (0,0) is the image's top-left
    std::vector<std::uint32_t> indices;  // triangle list, counter-clockwise front faces
    int material = -1;                   // index into Model::materials, -1 = default material

    std::size_t triangle_count() const { return indices.size() / 3; }
};

struct Model {
    std::string source;  // the file it came from, for messages
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Image> images;
    std::vector<std::string> warnings;  // what the importer noticed but could live with

    std::size_t triangle_count() const;
    Bounds bounds() const;
};

}  // namespace ocop::assets
