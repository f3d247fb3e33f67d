// How far apart two surfaces are: the simplification error of a lighter model against the one
// it came from, measured the same way whichever tool made it (showroom bench export).
// Symmetric sampled surface distance in the manner of Metro (Cignoni, Rocchini, Scopigno,
// "Metro: measuring error on simplified surfaces", Computer Graphics Forum 17(2), 1998): points
// sampled uniformly by area on one surface, each one's distance to the nearest point of the
// other surface, both ways round.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include <glm/glm.hpp>

#include "assets/model.h"
#include "core/bounds.h"

namespace ocop::assets {

// A triangle soup in model space: every drawn instance's triangles, transformed to world.
struct TriangleSoup {
    std::vector<glm::vec3> corners;  // three per triangle
    std::size_t triangle_count() const { return corners.size() / 3; }
};
TriangleSoup drawn_triangles(const Model& model);

// Nearest points on a fixed set of triangles, through a bounding volume hierarchy: triangles in
// the Morton order of their centroids, halved at each level, four a leaf (a linear BVH, after
// Lauterbach et al., "Fast BVH construction on GPUs", Eurographics 2009). Building it costs a
// sort; a query visits the nodes nearest first. The soup is kept, in the tree's order.
class NearestTriangle {
public:
    explicit NearestTriangle(TriangleSoup soup);
    // The distance from p to the nearest point of any triangle; infinity when there are none.
    // `within`: a distance that some triangle is known to be within (the previous answer plus
    // how far p moved since); it only prunes the search, the answer is exact either way.
    float distance(const glm::vec3& p, float within = std::numeric_limits<float>::infinity()) const;
    const TriangleSoup& soup() const { return soup_; }
    Bounds bounds() const;  // of every triangle

private:
    struct Node {
        glm::vec3 min, max;
        std::uint32_t first;  // leaf: its first triangle; inner: its left child (the right one follows)
        std::uint32_t count;  // triangles in a leaf; 0 for an inner node
    };
    TriangleSoup soup_;
    std::vector<Node> nodes_;
    std::vector<std::uint64_t> codes_;  // the triangles' Morton codes, while building
    void build(std::uint32_t node, std::uint32_t first, std::uint32_t count);
    float search(const glm::vec3& p, float best_squared) const;
};

struct SurfaceDistanceOptions {
    std::size_t samples = 1'000'000;  // points on each surface (each direction)
    std::uint64_t seed = 1;           // same seed, same points: figures repeat run to run
};

// Distances relative to the reference's bounding-box diagonal (so 0.001 = 0.1% of its size).
struct SurfaceDistance {
    double max = 0.0;  // the larger of the two one-sided maxima (the sampled Hausdorff distance)
    double rms = 0.0;  // root mean square over the samples of both directions together
    double reference_to_candidate_max = 0.0, reference_to_candidate_rms = 0.0;
    double candidate_to_reference_max = 0.0, candidate_to_reference_rms = 0.0;
    double diagonal_m = 0.0;  // the diagonal of the reference's triangles' bounding box, metres
    std::size_t samples = 0;  // each direction
};

// The distance between `reference` (the model simplified) and `candidate` (a simplification of
// it), both as drawn (node transforms applied). Deterministic for a given seed, whatever the
// number of threads. An empty surface on either side gives infinite distances.
SurfaceDistance surface_distance(const Model& reference, const Model& candidate,
                                 const SurfaceDistanceOptions& options = {});
// The same with the surfaces' trees built already (one reference, several candidates).
SurfaceDistance surface_distance(const NearestTriangle& reference, const NearestTriangle& candidate,
                                 const SurfaceDistanceOptions& options = {});

// The one-sided part: `samples` points on `from`, each one's distance to the nearest point of
// `to`. The points are uniform by area and stratified: sample k falls in the k-th of `samples`
// equal slices of the cumulative area (at a random place in it, from `seed`), which lowers the
// variance and keeps consecutive samples close together.
struct OneSidedDistance {
    double max = 0.0;  // metres
    double sum_squares = 0.0;
    std::size_t samples = 0;
};
OneSidedDistance sampled_distance(const TriangleSoup& from, const NearestTriangle& to, std::size_t samples,
                                  std::uint64_t seed);

}  // namespace ocop::assets
