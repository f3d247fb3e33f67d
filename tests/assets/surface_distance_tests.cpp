// The simplification error of `showroom bench export` (issue 6): nearest points through the
// BVH agree with brute force, and the sampled distance gives the figures a ruler would.
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <glm/gtc/matrix_transform.hpp>

#include "assets/surface_distance.h"
#include "support.h"

using ocop::assets::Mesh;
using ocop::assets::Model;
using ocop::assets::NearestTriangle;
using ocop::assets::TriangleSoup;

namespace {

// The unit square [0,1]^2 at height z, as two triangles.
Mesh distance_square(float z) {
    Mesh m;
    m.positions = {{0, 0, z}, {1, 0, z}, {1, 1, z}, {0, 1, z}};
    m.indices = {0, 1, 2, 0, 2, 3};
    return m;
}

// The unit cube [0,1]^3 moved by `offset`, 12 triangles over 8 shared corners.
Mesh distance_cube(glm::vec3 offset) {
    Mesh cube;
    for (int i = 0; i < 8; ++i) cube.positions.push_back(glm::vec3(i & 1, (i >> 1) & 1, (i >> 2) & 1) + offset);
    const int quads[6][4] = {{0, 2, 3, 1}, {4, 5, 7, 6}, {0, 1, 5, 4}, {2, 6, 7, 3}, {0, 4, 6, 2}, {1, 3, 7, 5}};
    for (const auto& q : quads)
        for (int i : {q[0], q[1], q[2], q[0], q[2], q[3]}) cube.indices.push_back(static_cast<std::uint32_t>(i));
    return cube;
}

Model distance_model(Mesh mesh) {
    Model model;
    model.meshes.push_back(std::move(mesh));
    return model;
}

// The distance from p to a triangle by brute force: the face's plane when p projects inside,
// else the nearest of the three edges (segments).
float distance_brute(const glm::vec3& p, const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
    const auto segment = [&](const glm::vec3& s, const glm::vec3& e) {
        const glm::vec3 d = e - s;
        const float t = std::clamp(glm::dot(p - s, d) / std::max(glm::dot(d, d), 1e-30f), 0.0f, 1.0f);
        return glm::length(p - (s + t * d));
    };
    float best = std::min({segment(a, b), segment(b, c), segment(c, a)});
    const glm::vec3 n = glm::cross(b - a, c - a);
    if (glm::dot(n, n) > 0.0f) {
        const glm::vec3 u = glm::normalize(n);
        const glm::vec3 q = p - glm::dot(p - a, u) * u;
        const bool inside = glm::dot(glm::cross(b - a, q - a), n) >= 0 && glm::dot(glm::cross(c - b, q - b), n) >= 0 &&
                            glm::dot(glm::cross(a - c, q - c), n) >= 0;
        if (inside) best = std::min(best, std::abs(glm::dot(p - a, u)));
    }
    return best;
}

}  // namespace

TEST_CASE("Nearest points on triangles: the face, an edge, a corner", "[surface_distance]") {
    const NearestTriangle square(ocop::assets::drawn_triangles(distance_model(distance_square(0.0f))));
    CHECK(square.distance({0.5f, 0.5f, 2.0f}) == Approx(2.0f));
    CHECK(square.distance({2.0f, 0.5f, 0.0f}) == Approx(1.0f));
    CHECK(square.distance({-1.0f, -1.0f, 0.0f}) == Approx(std::sqrt(2.0f)));
    CHECK(square.distance({0.25f, 0.75f, 0.0f}) == Approx(0.0f).margin(1e-6));
    const NearestTriangle none{TriangleSoup{}};
    CHECK(std::isinf(none.distance({0, 0, 0})));
}

TEST_CASE("The BVH finds the same nearest distance as brute force", "[surface_distance]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> coordinate(-1.0f, 1.0f), small(-0.05f, 0.05f);
    TriangleSoup soup;
    for (int t = 0; t < 3000; ++t) {  // small triangles scattered in a box, as a scan's are
        const glm::vec3 centre(coordinate(rng), coordinate(rng), coordinate(rng));
        for (int k = 0; k < 3; ++k) soup.corners.push_back(centre + glm::vec3(small(rng), small(rng), small(rng)));
    }
    const TriangleSoup copy = soup;
    const NearestTriangle bvh(std::move(soup));
    for (int q = 0; q < 300; ++q) {
        const glm::vec3 p(1.5f * coordinate(rng), 1.5f * coordinate(rng), 1.5f * coordinate(rng));
        float brute = std::numeric_limits<float>::infinity();
        for (std::size_t t = 0; t < copy.triangle_count(); ++t)
            brute = std::min(brute, distance_brute(p, copy.corners[3 * t], copy.corners[3 * t + 1], copy.corners[3 * t + 2]));
        REQUIRE(bvh.distance(p) == Approx(brute).margin(1e-5));
        // A bound on the answer only prunes the search: tight, loose or wrong, the same answer.
        CHECK(bvh.distance(p, brute) == Approx(brute).margin(1e-5));
        CHECK(bvh.distance(p, 2.0f * brute + 0.1f) == Approx(brute).margin(1e-5));
        CHECK(bvh.distance(p, 0.5f * brute) == Approx(brute).margin(1e-5));
    }
}

TEST_CASE("Surface distance: zero for the same surface, the gap for parallel planes", "[surface_distance]") {
    const Model square = distance_model(distance_square(0.0f));
    const ocop::assets::SurfaceDistance same = ocop::assets::surface_distance(square, square, {.samples = 20'000});
    CHECK(same.max < 1e-6);
    CHECK(same.rms < 1e-6);
    CHECK(same.diagonal_m == Approx(std::sqrt(2.0)));

    // Every point of one square is exactly 0.1 from the other, both ways round.
    const Model raised = distance_model(distance_square(0.1f));
    const ocop::assets::SurfaceDistance gap = ocop::assets::surface_distance(square, raised, {.samples = 20'000});
    CHECK(gap.max == Approx(0.1 / std::sqrt(2.0)).epsilon(1e-4));
    CHECK(gap.rms == Approx(0.1 / std::sqrt(2.0)).epsilon(1e-4));
    CHECK(gap.reference_to_candidate_max == Approx(gap.candidate_to_reference_max).epsilon(1e-4));
}

TEST_CASE("Surface distance: a cube moved by 1 cm is at most 1 cm away; node transforms count", "[surface_distance]") {
    const Model cube = distance_model(distance_cube(glm::vec3(0.0f)));
    const Model moved = distance_model(distance_cube({0.01f, 0.0f, 0.0f}));
    const ocop::assets::SurfaceDistance d = ocop::assets::surface_distance(cube, moved, {.samples = 50'000});
    const double diagonal = std::sqrt(3.0);
    // The two faces across x are 1 cm apart everywhere; the others slide within their planes.
    CHECK(d.max == Approx(0.01 / diagonal).epsilon(1e-3));
    CHECK(d.rms > 0.0);
    CHECK(d.rms < d.max);
    CHECK(d.samples == 50'000);

    // The same move made by a node instead of the positions: the surfaces coincide.
    Model placed = distance_model(distance_cube(glm::vec3(0.0f)));
    ocop::assets::add_root_node_for_all_meshes(placed);
    placed.nodes[0].local = glm::translate(glm::mat4(1.0f), glm::vec3(0.01f, 0.0f, 0.0f));
    CHECK(ocop::assets::surface_distance(moved, placed, {.samples = 20'000}).max < 1e-6);

    // Same seed, same figures.
    const ocop::assets::SurfaceDistance again = ocop::assets::surface_distance(cube, moved, {.samples = 50'000});
    CHECK(again.max == d.max);
    CHECK(again.rms == d.rms);
}

TEST_CASE("Surface distance: an empty surface is infinitely far", "[surface_distance]") {
    const Model square = distance_model(distance_square(0.0f));
    const ocop::assets::SurfaceDistance d = ocop::assets::surface_distance(square, Model{}, {.samples = 1000});
    CHECK(std::isinf(d.max));
}
