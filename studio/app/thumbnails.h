// Product thumbnails for the studio's library: rendered by the engine on white, as a catalogue
// photo, and kept in a disk cache keyed by the content of what they show, so that the app
// starts in a moment the second time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "render/renderer.h"
#include "scene/build.h"
#include "scene/catalogue.h"

namespace ocop::studio {

struct Thumbnail {
    std::string sku;
    render::Pixels pixels;  // size x size, sRGB RGBA8
};

// $XDG_CACHE_HOME/ocop-showroom/thumbnails (else ~/.cache/...), beside the light bakes.
std::filesystem::path default_thumbnail_cache_dir();

// One per product whose model imports; an empty `cache_dir` renders every one.
std::vector<Thumbnail> product_thumbnails(render::Renderer& renderer, const scene::Catalogue& catalogue,
                                          scene::ProductLibrary& library, std::uint32_t size,
                                          const std::filesystem::path& cache_dir);

}  // namespace ocop::studio
