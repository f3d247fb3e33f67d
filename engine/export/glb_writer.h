// export::write_glb: an assets::Model as one self-contained glTF 2.0 binary (.glb) for shops,
// web viewers and the tour; export::write_scene_glb: several models placed in one scene, with
// lights, cameras and data (a centre). (The namespace is `exporter` because `export` is a C++
// keyword.)
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "assets/model.h"
#include "core/result.h"
#include "scene/catalogue.h"
#include "scene/scene.h"

namespace ocop::exporter {

// How images are stored. AsImported: the bytes the file came with, else PNG. Compact: colour
// images without transparency as JPEG (quality 90), data (normals, roughness...) as imported:
// what web budgets want. WebP: every image as WebP (EXT_texture_webp, required: colour lossy at
// quality 90, data lossless), smaller still; every browser reads it, older desktop tools may not.
enum class TextureEncoding { AsImported, Compact, WebP };

// How a GLB stores its textures and geometry: what viewers must decode, against bytes.
struct GlbEncoding {
    TextureEncoding textures = TextureEncoding::AsImported;
    // Geometry compressed with EXT_meshopt_compression (required: three.js with its
    // MeshoptDecoder, gltfpack, Babylon read it; our own importer does not).
    bool meshopt = false;
    // Vertices quantized with KHR_mesh_quantization (required): positions 16-bit over the
    // model's bounds (its nodes scale them back), normals and tangents 8-bit, texture
    // coordinates within 0..1 16-bit: 20-24 bytes a vertex instead of 48, at about 1/65535 of
    // the model's size in position.
    bool quantize = false;
};

struct GlbOptions {
    // The product's name on the root node; empty = the stem of Model::source, else "model".
    std::string name;
    // asset.generator; empty = "OCOP Showroom <version>".
    std::string generator;
    // The product's catalogue data, written to the root node's extras ("ocop": sku, names,
    // stars, producer, commune, price...) and its producer to asset.copyright; none: neither.
    const scene::Product* product = nullptr;
    GlbEncoding encoding;
};

// Layout of what is written: one scene whose root node (named after the product) has one
// child node per Mesh, each with a glTF mesh of one primitive. Per-Mesh nodes keep the part
// names visible in viewers and give each part a place for its own extras; the root node is
// where product metadata goes. Only images that a material uses are written.
//
// Errors: BadInput (naming Model::source and the mesh/material/image) for an empty model, a
// mesh without triangles, attribute arrays of the wrong length, an index or texture reference
// out of range, an image with neither pixels nor PNG/JPEG bytes; Failure for anything else.
Result<std::vector<std::uint8_t>> encode_glb(const assets::Model& model,
                                             const GlbOptions& options = {});

// encode_glb, then an atomic write to `path` (core/files.h); errors name `path`.
Status write_glb(const assets::Model& model, const std::filesystem::path& path,
                 const GlbOptions& options = {});

// The catalogue data a product GLB carries in its root node's extras: {"sku", "name": {vi, en},
// "category", "ocop_stars", "ocop_year", "producer", "commune", "district", "price_vnd",
// "dimensions_cm"}. Centre GLBs put the same object on each placed product's node.
nlohmann::ordered_json product_extras(const scene::Product& product);

// A node of a scene GLB, under the scene's root node.
struct GlbNode {
    std::string name;
    glm::mat4 transform{1.0f};  // node -> world
    // An index into GlbScene::models: the model's nodes become this node's children. Nodes
    // placing the same model share its glTF meshes, materials and images (instancing).
    int model = -1;
    // KHR_lights_punctual: the light shines along the node's -Z (its direction and position
    // are taken from the transform, not from the Light).
    std::optional<scene::Light> light;
    // A perspective camera looking along the node's -Z, +Y up.
    std::optional<float> camera_vertical_fov_deg;
    nlohmann::ordered_json extras;  // null: none
};

struct GlbScene {
    std::string name = "scene";  // the root node
    std::string generator;       // empty = "OCOP Showroom <version>"
    std::string copyright;       // asset.copyright; empty: none
    nlohmann::ordered_json extras;  // the root node's; null: none
    std::vector<const assets::Model*> models;  // not owned; each must outlive the call
    std::vector<GlbNode> nodes;
    GlbEncoding encoding;
};

// The same checks and errors as encode_glb, for every model; a node naming a model that does
// not exist is BadInput.
Result<std::vector<std::uint8_t>> encode_scene_glb(const GlbScene& scene);
Status write_scene_glb(const GlbScene& scene, const std::filesystem::path& path);

// A node transform at `position` whose -Z points along `direction` (a light or a camera),
// with +Y as close to world up as the direction allows.
glm::mat4 node_looking_along(glm::vec3 position, glm::vec3 direction);

}  // namespace ocop::exporter
