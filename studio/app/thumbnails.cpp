#include "app/thumbnails.h"

#include "core/hash.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "render/environment_bake.h"

namespace ocop::studio {

namespace {

// Everything a thumbnail depends on: the software, its size, the product's model bytes and how
// the catalogue says to read them. A changed scan misses; a renamed SKU with the same scan hits.
std::string thumbnail_key(const scene::Catalogue& catalogue, const scene::Product& product,
                          const std::filesystem::path& samples_dir, std::uint32_t size) {
    Result<std::string> model_hash = hash_file(scene::model_path(catalogue, product, samples_dir));
    if (!model_hash) return {};
    Hasher h;
    h.field(OCOP_VERSION).field(std::to_string(size)).field(*model_hash).field(product.units).field(product.up);
    for (float d : {product.dimensions_cm.x, product.dimensions_cm.y, product.dimensions_cm.z}) h.field(std::to_string(d));
    return h.hex();
}

}  // namespace

std::filesystem::path default_thumbnail_cache_dir() {
    return render::default_environment_cache_dir().parent_path() / "thumbnails";
}

std::vector<Thumbnail> product_thumbnails(render::Renderer& renderer, const scene::Catalogue& catalogue,
                                          scene::ProductLibrary& library, std::uint32_t size,
                                          const std::filesystem::path& cache_dir) {
    std::vector<Thumbnail> thumbnails;
    for (const scene::Product& p : catalogue.products) {
        const std::string key = cache_dir.empty() ? std::string() : thumbnail_key(catalogue, p, library.samples_dir(), size);
        const std::filesystem::path cached = cache_dir / (key + ".png");
        if (!key.empty()) {
            if (Result<render::Pixels> hit = photo::read_png(cached); hit && hit->width == size && hit->height == size) {
                thumbnails.push_back({p.sku, std::move(hit).value()});
                continue;
            }
        }
        Result<std::shared_ptr<const assets::Model>> model = library.model(catalogue, p);
        if (!model) continue;  // the library shows the SKU instead; the layout reports the error
        const photo::PhotoSettings settings{.width = size, .height = size, .fill = 0.85f, .shadow = false};
        Result<render::Pixels> shot = photo::shoot(renderer, *model, settings);
        if (!shot) continue;
        if (!key.empty()) {
            std::error_code ec;
            std::filesystem::create_directories(cache_dir, ec);
            (void)photo::write_png(cached, *shot);  // a cache that cannot be written only costs time
        }
        thumbnails.push_back({p.sku, std::move(shot).value()});
    }
    return thumbnails;
}

}  // namespace ocop::studio
