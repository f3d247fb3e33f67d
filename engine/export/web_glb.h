// A product GLB within a budget of triangles, texture size and file size: what `showroom
// export --web` promises online shops and what the tour's detail view loads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "assets/model.h"
#include "core/result.h"
#include "export/glb_writer.h"

namespace ocop::exporter {

struct GlbBudget {
    std::size_t max_triangles = 0;  // 0: no limit
    int max_texture = 0;            // pixels a side; 0: no limit
    std::size_t max_bytes = 0;      // 0: no limit; else textures halve (down to 256) until it fits
};

// --web (issue 6): a phone loads it quickly.
inline constexpr GlbBudget kWebBudget{50'000, 2048, 4u << 20};

struct BudgetedGlb {
    std::vector<std::uint8_t> bytes;
    int max_texture = 0;  // the texture limit it ended with; 0: none
};

// Lightens `model` in place to the budget and encodes it. Failure naming `source` when the
// file stays over max_bytes even with 256-pixel textures.
Result<BudgetedGlb> encode_glb_within(assets::Model& model, const GlbBudget& budget, const GlbOptions& options,
                                      const std::string& source);

}  // namespace ocop::exporter
