// The layout view during a drag: the built scene follows moved fixtures (with what stands on
// them) exactly where a full build would put them, and declines any other change.
#include <catch2/catch.hpp>

#include "scene/brand.h"
#include "scene/build.h"
#include "support.h"
#include "view/scene_follow.h"

using namespace ocop;

TEST_CASE("A dragged fixture and the products on it move in the scene where a new build puts them", "[studio]") {
    Result<scene::Centre> centre = scene::load_centre(std::string(OCOP_SOURCE_DIR) + "/scenes/centres/phu-nghia.centre.json");
    REQUIRE(centre.ok());
    Result<scene::Catalogue> catalogue = scene::load_catalogue(scene::catalogue_path(*centre));
    REQUIRE(catalogue.ok());
    const scene::Brand brand = scene::default_brand();
    scene::ProductLibrary library(test::samples_dir(), 5000, 256);
    Result<scene::CentreScene> built = scene::build(*centre, *catalogue, brand, library);
    REQUIRE(built.ok());

    // The first fixture with a product on it: moved across the floor and turned.
    const std::string moved_id = centre->placements.front().on;
    scene::Centre moved = *centre;
    for (scene::Fixture& f : moved.fixtures)
        if (f.id == moved_id) f.pos += glm::vec3(1.5f, 0.0f, -0.5f), f.yaw_deg += 90.0f;
    REQUIRE(studio::follow_moved_fixtures(*centre, moved, *built));

    Result<scene::CentreScene> fresh = scene::build(moved, *catalogue, brand, library);
    REQUIRE(fresh.ok());
    REQUIRE(fresh->scene.products.size() == built->scene.products.size());
    int carried = 0;
    for (std::size_t i = 0; i < fresh->items.size(); ++i) {
        INFO("item " << i << " " << fresh->items[i].id);
        if (fresh->items[i].id == moved_id || fresh->items[i].on == moved_id) ++carried;
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r)
                CHECK(built->scene.products[i].transform[c][r] == Approx(fresh->scene.products[i].transform[c][r]).margin(1e-4));
    }
    CHECK(carried >= 2);  // the fixture and at least one product

    // Anything else (here a new size) needs a full build.
    scene::Centre resized = moved;
    resized.fixtures.front().size.x += 0.2f;
    CHECK_FALSE(studio::follow_moved_fixtures(moved, resized, *built));
}
