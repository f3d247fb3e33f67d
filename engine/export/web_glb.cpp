#include "export/web_glb.h"

#include <algorithm>
#include <string>

#include "assets/process.h"

namespace ocop::exporter {

Result<BudgetedGlb> encode_glb_within(assets::Model& model, const GlbBudget& budget, const GlbOptions& options,
                                      const std::string& source) {
    if (budget.max_triangles > 0)
        if (Status s = assets::fit_triangle_budget(model, budget.max_triangles, source); !s) return s.error();
    int max_texture = budget.max_texture;
    if (max_texture > 0) assets::downscale_textures(model, max_texture);
    Result<std::vector<std::uint8_t>> glb = encode_glb(model, options);
    // Geometry is already within its budget: halve the textures until the file fits.
    while (glb && budget.max_bytes > 0 && glb->size() > budget.max_bytes &&
           (max_texture == 0 || max_texture > 256)) {
        if (max_texture == 0) {
            for (const assets::Image& image : model.images) max_texture = std::max({max_texture, image.width, image.height});
            if (max_texture <= 256) break;
        }
        max_texture /= 2;
        assets::downscale_textures(model, max_texture);
        glb = encode_glb(model, options);
    }
    if (!glb) return glb.error();
    if (budget.max_bytes > 0 && glb->size() > budget.max_bytes)
        return failure(source, "the GLB is " + std::to_string(glb->size() >> 10) + " KiB even with " +
                                   std::to_string(max_texture) + "-pixel textures: over the " +
                                   std::to_string(budget.max_bytes >> 10) + " KiB budget");
    return BudgetedGlb{std::move(glb).value(), max_texture};
}

}  // namespace ocop::exporter
