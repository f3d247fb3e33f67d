#include "assets/surface_distance.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

#include "core/parallel.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::surface_distance_detail {

constexpr std::uint32_t kLeafTriangles = 4;
constexpr std::size_t kSamplesPerTask = 8192;
constexpr std::uint32_t kMortonCells = (1u << 21) - 1;  // 21 bits an axis: a 63-bit code

// Three 21-bit coordinates interleaved, x in the lowest bit (Morton, 1966): nearby cells get
// nearby codes.
std::uint64_t spread_bits(std::uint64_t v) {
    v &= 0x1FFFFF;
    v = (v | v << 32) & 0x1F00000000FFFFull;
    v = (v | v << 16) & 0x1F0000FF0000FFull;
    v = (v | v << 8) & 0x100F00F00F00F00Full;
    v = (v | v << 4) & 0x10C30C30C30C30C3ull;
    v = (v | v << 2) & 0x1249249249249249ull;
    return v;
}

std::uint64_t morton_code(const glm::vec3& cell) {
    const auto axis = [](float f) { return std::uint64_t(std::clamp(f, 0.0f, float(kMortonCells))); };
    return spread_bits(axis(cell.x)) | spread_bits(axis(cell.y)) << 1 | spread_bits(axis(cell.z)) << 2;
}

// The closest point of triangle abc to p: Ericson, "Real-Time Collision Detection" (2005),
// section 5.1.5, by the Voronoi regions of the vertices, edges and face.
glm::vec3 closest_point_on_triangle(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0.0f && d2 <= 0.0f) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0.0f && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0.0f && d1 >= 0.0f && d3 <= 0.0f) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0.0f && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0.0f && d2 >= 0.0f && d6 <= 0.0f) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0.0f && (d4 - d3) >= 0.0f && (d5 - d6) >= 0.0f)
        return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

float box_distance_squared(const glm::vec3& p, const glm::vec3& lo, const glm::vec3& hi) {
    const glm::vec3 d = glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f));
    return glm::dot(d, d);
}

// SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number generators", 2014):
// sample k's numbers depend on (seed, k) alone, so threads cannot change them.
std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

double unit(std::uint64_t bits) { return double(bits >> 11) * 0x1.0p-53; }  // [0, 1)

}  // namespace ocop::assets::surface_distance_detail

namespace ocop::assets {

TriangleSoup drawn_triangles(const Model& model) {
    TriangleSoup soup;
    const std::vector<MeshInstance> instances = model.instances();
    std::size_t total = 0;
    for (const MeshInstance& instance : instances) total += model.meshes[instance.mesh].indices.size() / 3 * 3;
    soup.corners.reserve(total);
    for (const MeshInstance& instance : instances) {
        const Mesh& mesh = model.meshes[instance.mesh];
        std::vector<glm::vec3> world(mesh.positions.size());
        for (std::size_t v = 0; v < world.size(); ++v) world[v] = glm::vec3(instance.world * glm::vec4(mesh.positions[v], 1.0f));
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
            const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
            if (a >= world.size() || b >= world.size() || c >= world.size()) continue;
            soup.corners.push_back(world[a]);
            soup.corners.push_back(world[b]);
            soup.corners.push_back(world[c]);
        }
    }
    return soup;
}

NearestTriangle::NearestTriangle(TriangleSoup soup) : soup_(std::move(soup)) {
    using namespace surface_distance_detail;
    const std::size_t n = soup_.triangle_count();
    if (n == 0 || n > std::numeric_limits<std::uint32_t>::max() / 2) return;
    Bounds centres;
    std::vector<glm::vec3> centroids(n);
    for (std::size_t t = 0; t < n; ++t) {
        centroids[t] = (soup_.corners[3 * t] + soup_.corners[3 * t + 1] + soup_.corners[3 * t + 2]) / 3.0f;
        centres.add(centroids[t]);
    }
    const glm::vec3 scale = glm::vec3(float(kMortonCells)) / glm::max(centres.size(), glm::vec3(1e-30f));
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(n);  // (Morton code, triangle): no ties
    for (std::size_t t = 0; t < n; ++t)
        keyed[t] = {morton_code((centroids[t] - centres.min) * scale), static_cast<std::uint32_t>(t)};
    std::sort(keyed.begin(), keyed.end());
    std::vector<glm::vec3> sorted(soup_.corners.size());
    codes_.resize(n);
    for (std::size_t t = 0; t < n; ++t) {
        std::copy_n(soup_.corners.begin() + 3 * std::ptrdiff_t(keyed[t].second), 3, sorted.begin() + 3 * std::ptrdiff_t(t));
        codes_[t] = keyed[t].first;
    }
    soup_.corners = std::move(sorted);
    nodes_.reserve(2 * (n / kLeafTriangles + 1));
    nodes_.push_back({});
    build(0, 0, static_cast<std::uint32_t>(n));
    codes_ = {};
}

// Splits where the Morton codes first differ in their highest bit (Karras, "Maximizing
// parallelism in the construction of BVHs, octrees, and k-d trees", HPG 2012), so that each
// child is one cell of the octree; halves the range where the codes are all equal. The node's
// box is its children's, bottom up.
void NearestTriangle::build(std::uint32_t node, std::uint32_t first, std::uint32_t count) {
    using namespace surface_distance_detail;
    if (count <= kLeafTriangles) {
        Bounds box;
        for (std::size_t c = 3 * std::size_t(first); c < 3 * std::size_t(first + count); ++c) box.add(soup_.corners[c]);
        nodes_[node] = {box.min, box.max, first, count};
        return;
    }
    const std::uint32_t last = first + count - 1;
    std::uint32_t split = first + count / 2;  // the first triangle of the right child
    if (codes_[first] != codes_[last]) {
        const int bit = 63 - std::countl_zero(codes_[first] ^ codes_[last]);
        const std::uint64_t mask = std::uint64_t(1) << bit;
        split = static_cast<std::uint32_t>(
            std::partition_point(codes_.begin() + first, codes_.begin() + last + 1,
                                 [&](std::uint64_t code) { return (code & mask) == 0; }) -
            codes_.begin());
    }
    const auto left = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back({});
    nodes_.push_back({});
    build(left, first, split - first);
    build(left + 1, split, first + count - split);
    nodes_[node] = {glm::min(nodes_[left].min, nodes_[left + 1].min), glm::max(nodes_[left].max, nodes_[left + 1].max),
                    left, 0};
}

Bounds NearestTriangle::bounds() const {
    Bounds box;
    if (!nodes_.empty()) {
        box.add(nodes_[0].min);
        box.add(nodes_[0].max);
    }
    return box;
}

float NearestTriangle::search(const glm::vec3& p, float best) const {
    using namespace surface_distance_detail;
    // Depth: at most 63 Morton bits plus the halvings of equal codes (32), and one more entry.
    std::uint32_t stack[128];
    int top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (box_distance_squared(p, node.min, node.max) >= best) continue;
        if (node.count > 0) {
            for (std::uint32_t t = node.first; t < node.first + node.count; ++t) {
                const glm::vec3* c = &soup_.corners[3 * std::size_t(t)];
                const glm::vec3 d = closest_point_on_triangle(p, c[0], c[1], c[2]) - p;
                best = std::min(best, glm::dot(d, d));
            }
            continue;
        }
        // The nearer child on top of the stack, so that it tightens `best` first.
        const float dl = box_distance_squared(p, nodes_[node.first].min, nodes_[node.first].max);
        const float dr = box_distance_squared(p, nodes_[node.first + 1].min, nodes_[node.first + 1].max);
        const std::uint32_t nearer = dl <= dr ? node.first : node.first + 1;
        if (std::max(dl, dr) < best) stack[top++] = nearer == node.first ? node.first + 1 : node.first;
        if (std::min(dl, dr) < best) stack[top++] = nearer;
    }
    return best;
}

float NearestTriangle::distance(const glm::vec3& p, float within) const {
    constexpr float inf = std::numeric_limits<float>::infinity();
    if (nodes_.empty()) return inf;
    if (within < inf) {
        // A little slack for rounding: the bound only has to hold the nearest triangle.
        const float bound = within * within * 1.0001f + 1e-20f;
        const float found = search(p, bound);
        if (found < bound) return std::sqrt(found);
    }
    return std::sqrt(search(p, inf));
}

OneSidedDistance sampled_distance(const TriangleSoup& from, const NearestTriangle& to, std::size_t samples,
                                  std::uint64_t seed) {
    using namespace surface_distance_detail;
    OneSidedDistance result;
    const std::size_t n = from.triangle_count();
    if (n == 0 || samples == 0) return result;
    // Uniform by area: a triangle drawn by its share of the area, then a point uniform in it
    // (Osada et al., "Shape distributions", ACM TOG 21(4), 2002, section 4.2).
    std::vector<double> cumulative(n);
    double area = 0.0;
    for (std::size_t t = 0; t < n; ++t) {
        const glm::dvec3 a(from.corners[3 * t]), b(from.corners[3 * t + 1]), c(from.corners[3 * t + 2]);
        area += 0.5 * glm::length(glm::cross(b - a, c - a));
        cumulative[t] = area;
    }
    if (!(area > 0.0)) return result;
    const std::size_t tasks = (samples + kSamplesPerTask - 1) / kSamplesPerTask;
    std::vector<OneSidedDistance> parts(tasks);
    parallel_for(tasks, [&](std::size_t task) {
        OneSidedDistance& part = parts[task];
        const std::size_t end = std::min(samples, (task + 1) * kSamplesPerTask);
        glm::vec3 previous{0.0f};
        float previous_distance = std::numeric_limits<float>::infinity();
        for (std::size_t k = task * kSamplesPerTask; k < end; ++k) {
            const std::uint64_t key = splitmix64(seed ^ splitmix64(k));
            const double pick = std::min((double(k) + unit(key)) / double(samples), 1.0) * area;  // stratified
            const std::size_t t = std::min<std::size_t>(
                n - 1, std::size_t(std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin()));
            const double s = std::sqrt(unit(splitmix64(key + 1))), r = unit(splitmix64(key + 2));
            const glm::vec3 p = float(1.0 - s) * from.corners[3 * t] + float(s * (1.0 - r)) * from.corners[3 * t + 1] +
                                float(s * r) * from.corners[3 * t + 2];
            // The nearest point of the previous sample is at most this far from p.
            const float d = to.distance(p, previous_distance + glm::length(p - previous));
            previous = p;
            previous_distance = d;
            part.max = std::max(part.max, double(d));
            part.sum_squares += double(d) * double(d);
            ++part.samples;
        }
    });
    for (const OneSidedDistance& part : parts) {  // in task order: the same sum every run
        result.max = std::max(result.max, part.max);
        result.sum_squares += part.sum_squares;
        result.samples += part.samples;
    }
    return result;
}

SurfaceDistance surface_distance(const NearestTriangle& reference, const NearestTriangle& candidate,
                                 const SurfaceDistanceOptions& options) {
    SurfaceDistance result;
    result.samples = options.samples;
    result.diagonal_m = glm::length(glm::dvec3(reference.bounds().size()));
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (reference.soup().triangle_count() == 0 || candidate.soup().triangle_count() == 0 ||
        !(result.diagonal_m > 0.0)) {
        result.max = result.rms = inf;
        result.reference_to_candidate_max = result.reference_to_candidate_rms = inf;
        result.candidate_to_reference_max = result.candidate_to_reference_rms = inf;
        return result;
    }
    // Different seeds each way, so that the two point sets are not correlated by construction.
    const OneSidedDistance forward = sampled_distance(reference.soup(), candidate, options.samples, options.seed);
    const OneSidedDistance backward =
        sampled_distance(candidate.soup(), reference, options.samples, options.seed + 0x5bd1e995u);
    const double d = result.diagonal_m;
    const auto rms = [](const OneSidedDistance& s) { return s.samples ? std::sqrt(s.sum_squares / double(s.samples)) : 0.0; };
    result.reference_to_candidate_max = forward.max / d;
    result.reference_to_candidate_rms = rms(forward) / d;
    result.candidate_to_reference_max = backward.max / d;
    result.candidate_to_reference_rms = rms(backward) / d;
    result.max = std::max(forward.max, backward.max) / d;
    const std::size_t both = forward.samples + backward.samples;
    result.rms = both ? std::sqrt((forward.sum_squares + backward.sum_squares) / double(both)) / d : 0.0;
    return result;
}

SurfaceDistance surface_distance(const Model& reference, const Model& candidate, const SurfaceDistanceOptions& options) {
    return surface_distance(NearestTriangle(drawn_triangles(reference)), NearestTriangle(drawn_triangles(candidate)),
                            options);
}

}  // namespace ocop::assets
