// scene::build: a centre layout, its catalogue and brand, and the product models -> the Scene
// that the renderer draws (DESIGN.md: files -> assets -> scene -> render). CPU only.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "assets/import.h"
#include "assets/model.h"
#include "core/result.h"
#include "scene/brand.h"
#include "scene/catalogue.h"
#include "scene/centre.h"
#include "scene/scene.h"

namespace ocop::scene {

// Imports a product's model as the catalogue describes it: its units, up axis and real size
// (over `base` for everything else).
Result<assets::Model> import_product(const Catalogue& catalogue, const Product& product,
                                     const std::filesystem::path& samples_dir, assets::ImportOptions base = {});

// The product models of a catalogue, imported once each (units, up axis and real size from
// the catalogue) and kept, so that a centre with the same vase on ten plinths, a batch or the
// app pays each import once. `max_triangles` > 0 keeps a lighter version for views where a
// product is small on screen (a centre seen from a waypoint), its textures then at most
// `max_texture` pixels a side.
class ProductLibrary {
public:
    ProductLibrary(std::filesystem::path samples_dir, std::size_t max_triangles = 0, int max_texture = 1024)
        : samples_dir_(std::move(samples_dir)), max_triangles_(max_triangles), max_texture_(max_texture) {}

    Result<std::shared_ptr<const assets::Model>> model(const Catalogue& catalogue, const Product& product);
    const std::filesystem::path& samples_dir() const { return samples_dir_; }
    // What an import may cost (the command's --max-* flags), for the imports still to come.
    void set_import_limits(const assets::ImportLimits& limits) { limits_ = limits; }

private:
    std::filesystem::path samples_dir_;
    std::size_t max_triangles_ = 0;
    int max_texture_ = 1024;
    assets::ImportLimits limits_;
    std::map<std::string, std::shared_ptr<const assets::Model>> models_;  // by model path
};

struct BuildOptions {
    std::string waypoint;  // the camera's waypoint; empty: the tour's start
    float aspect = 16.0f / 9.0f;
};

// What each of Scene::products is in the centre: exports name their nodes after it, and the
// tour finds the product a visitor clicks.
struct SceneItem {
    enum class Kind { Room, Fixture, Product, PriceTag };
    Kind kind = Kind::Room;
    std::string id;  // the room or fixture id, or the product's SKU (Product, PriceTag)
    std::string on;  // Product, PriceTag: the fixture it stands on (an editor moves them with it)
};

struct CentreScene {
    Scene scene;
    std::vector<SceneItem> items;  // one per scene.products, in the same order
    std::vector<Light> all_lights;  // every light of the centre, in its order (scene.lights: the 16 drawn)
    std::vector<std::string> warnings;  // what could not be built exactly (e.g. lights beyond 16)
    std::size_t placements = 0;         // products placed
};

// Rooms (floor, walls with their doors, ceiling), fixtures, products on their slots with
// their price tags, lights (the brightest 16 the camera sees), the environment and the
// camera at the waypoint. Errors: a placement whose product or slot does not exist (the
// criteria check reports those with more detail), a waypoint that does not exist, a product
// model that does not import.
Result<CentreScene> build(const Centre& centre, const Catalogue& catalogue, const Brand& brand,
                          ProductLibrary& library, const BuildOptions& options = {});

// The product's transform on its slot: fixture * slot * yaw.
glm::mat4 placement_transform(const Fixture& fixture, const Placement& placement);

}  // namespace ocop::scene
