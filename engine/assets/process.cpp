#include "assets/process.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <tuple>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <meshoptimizer.h>
#include <stb_image_resize.h>  // the implementation is compiled into Debian's libstb

#include "core/parallel.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::process_detail {


// Whether meshoptimizer may safely run: whole triangles, indices in range, attributes aligned.
bool well_formed(const Mesh& mesh) {
    const std::size_t n = mesh.positions.size();
    if (n == 0 || mesh.indices.empty() || mesh.indices.size() % 3 != 0) return false;
    for (std::size_t size : {mesh.normals.size(), mesh.tangents.size(), mesh.uv0.size(), mesh.uv1.size(),
                             mesh.colours.size()})
        if (size != 0 && size != n) return false;
    for (std::uint32_t i : mesh.indices)
        if (i >= n) return false;
    return true;
}

template <typename T>
void remap_attribute(std::vector<T>& attribute, const std::vector<unsigned int>& remap, std::size_t new_count) {
    if (attribute.empty()) return;
    std::vector<T> result(new_count);
    meshopt_remapVertexBuffer(result.data(), attribute.data(), attribute.size(), sizeof(T), remap.data());
    attribute = std::move(result);
}

void remap_vertices(Mesh& mesh, const std::vector<unsigned int>& remap, std::size_t new_count) {
    remap_attribute(mesh.positions, remap, new_count);
    remap_attribute(mesh.normals, remap, new_count);
    remap_attribute(mesh.tangents, remap, new_count);
    remap_attribute(mesh.uv0, remap, new_count);
    remap_attribute(mesh.uv1, remap, new_count);
    remap_attribute(mesh.colours, remap, new_count);
    meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
    for (Mesh::Lod& lod : mesh.lods)
        meshopt_remapIndexBuffer(lod.indices.data(), lod.indices.data(), lod.indices.size(), remap.data());
}

template <typename T>
void add_stream(std::vector<meshopt_Stream>& streams, const std::vector<T>& attribute) {
    if (!attribute.empty()) streams.push_back({attribute.data(), sizeof(T), sizeof(T)});
}

// Index: one vertex per distinct combination of every attribute (bitwise), unreferenced
// vertices dropped.
void weld(Mesh& mesh) {
    std::vector<meshopt_Stream> streams;
    add_stream(streams, mesh.positions);
    add_stream(streams, mesh.normals);
    add_stream(streams, mesh.tangents);
    add_stream(streams, mesh.uv0);
    add_stream(streams, mesh.uv1);
    add_stream(streams, mesh.colours);
    std::vector<unsigned int> remap(mesh.positions.size());
    const std::size_t unique = meshopt_generateVertexRemapMulti(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                                mesh.positions.size(), streams.data(), streams.size());
    bool identity = unique == mesh.positions.size();
    for (std::size_t v = 0; identity && v < remap.size(); ++v) identity = remap[v] == v;
    if (!identity) remap_vertices(mesh, remap, unique);
}

// Vertex fetch: vertices in the order the (main) index buffer first uses them.
void order_for_fetch(Mesh& mesh) {
    std::vector<unsigned int> remap(mesh.positions.size());
    const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                              mesh.positions.size());
    remap_vertices(mesh, remap, used);
}

// A cheap fingerprint (sizes and a few samples); equality is then checked in full.
std::size_t fingerprint(const Mesh& mesh) {
    std::size_t h = mesh.positions.size() * 1000003u ^ mesh.indices.size();
    const auto mix = [&h](float f) { h = h * 31u + std::hash<float>{}(f); };
    for (std::size_t i : {std::size_t{0}, mesh.positions.size() / 2, mesh.positions.size() - 1}) {
        mix(mesh.positions[i].x);
        mix(mesh.positions[i].y);
        mix(mesh.positions[i].z);
    }
    h = h * 31u + (mesh.normals.empty() ? 0u : 1u) + (mesh.uv0.empty() ? 0u : 2u) + (mesh.tangents.empty() ? 0u : 4u);
    return h;
}

bool same_geometry(const Mesh& a, const Mesh& b) {
    return a.indices == b.indices && a.positions == b.positions && a.normals == b.normals &&
           a.tangents == b.tangents && a.uv0 == b.uv0 && a.uv1 == b.uv1 && a.colours == b.colours &&
           a.lods.empty() && b.lods.empty();
}

bool is_colour_slot_image(const Model& model, int image) {
    for (const Material& m : model.materials)
        for (const MaterialSlot& slot : texture_slots(m))
            if (slot.srgb && slot.ref->image == image) return true;
    return false;
}

// A double-sided surface written as two coincident faces of opposite winding (formats without
// a double-sided flag, such as OBJ): every edge then has four triangles and meshopt_simplify
// locks it. Drops the back copies and returns how many it dropped; the caller makes the
// material double-sided.
std::size_t drop_back_face_copies(Mesh& mesh) {
    // Vertices with the same position share one id (front and back copies differ in normal).
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_hash;
    std::vector<std::uint32_t> id(mesh.positions.size());
    std::uint32_t next = 0;
    for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
        const glm::vec3& p = mesh.positions[v];
        std::uint32_t bits[3];
        std::memcpy(bits, &p, sizeof bits);
        const std::uint64_t hash = (std::uint64_t(bits[0]) * 73856093u) ^ (std::uint64_t(bits[1]) * 19349663u) ^
                                   (std::uint64_t(bits[2]) * 83492791u);
        std::vector<std::uint32_t>& bucket = by_hash[hash];
        const auto same = std::find_if(bucket.begin(), bucket.end(), [&](std::uint32_t u) { return mesh.positions[u] == p; });
        if (same != bucket.end()) {
            id[v] = id[*same];
        } else {
            bucket.push_back(static_cast<std::uint32_t>(v));
            id[v] = next++;
        }
    }
    // A triangle as its position ids, rotated to start at the smallest (winding kept).
    const auto key = [](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        if (b < a && b < c) std::tie(a, b, c) = std::make_tuple(b, c, a);
        else if (c < a && c < b) std::tie(a, b, c) = std::make_tuple(c, a, b);
        return (std::uint64_t(a) << 42) ^ (std::uint64_t(b) << 21) ^ std::uint64_t(c);
    };
    std::unordered_map<std::uint64_t, int> fronts;
    std::vector<std::uint32_t> kept;
    kept.reserve(mesh.indices.size());
    std::size_t dropped = 0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = id[mesh.indices[t]], b = id[mesh.indices[t + 1]], c = id[mesh.indices[t + 2]];
        const auto back = fronts.find(key(a, c, b));
        if (back != fronts.end() && back->second > 0) {
            --back->second;
            ++dropped;
            continue;
        }
        ++fronts[key(a, b, c)];
        kept.insert(kept.end(), {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]});
    }
    if (dropped > 0) mesh.indices = std::move(kept);
    return dropped;
}

}  // namespace ocop::assets::process_detail

namespace ocop::assets {

void build_lods(Mesh& mesh, std::size_t smallest_triangles, float max_error) {
    mesh.lods.clear();
    if (!process_detail::well_formed(mesh) || smallest_triangles == 0) return;
    // meshopt_simplify's error is relative to the extent of the positions it is given: keep it
    // relative to the whole mesh's extent while each level works on its own (compacted) vertices.
    const float mesh_extent = meshopt_simplifyScale(&mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
    std::vector<std::uint32_t> level = mesh.indices;  // in the compact numbering below
    std::vector<glm::vec3> positions = mesh.positions;
    std::vector<std::uint32_t> original(mesh.positions.size());  // compact vertex -> mesh vertex
    for (std::size_t v = 0; v < original.size(); ++v) original[v] = static_cast<std::uint32_t>(v);
    float error = 0.0f;
    std::vector<std::uint32_t> simplified;
    while (level.size() / 3 / 2 >= smallest_triangles && error < max_error) {
        const std::size_t target = level.size() / 3 / 2 * 3;
        const float extent = meshopt_simplifyScale(&positions[0].x, positions.size(), sizeof(glm::vec3));
        const float to_local = extent > 0.0f ? mesh_extent / extent : 1.0f;
        simplified.resize(level.size());
        float step_error = 0.0f;
        const std::size_t count =
            meshopt_simplify(simplified.data(), level.data(), level.size(), &positions[0].x, positions.size(),
                             sizeof(glm::vec3), target, (max_error - error) * to_local, 0, &step_error);
        // Stop when the simplifier cannot reach a useful reduction within the error budget.
        if (count == 0 || count > level.size() * 9 / 10) break;
        error += step_error / to_local;
        simplified.resize(count);
        Mesh::Lod lod{std::vector<std::uint32_t>(count), error};
        for (std::size_t i = 0; i < count; ++i) lod.indices[i] = original[simplified[i]];
        mesh.lods.push_back(std::move(lod));
        // The next level sees only the vertices this one uses: each call costs its own size.
        std::vector<unsigned int> remap(positions.size());
        const std::size_t used = meshopt_optimizeVertexFetchRemap(remap.data(), simplified.data(), count, positions.size());
        std::vector<glm::vec3> compact(used);
        std::vector<std::uint32_t> compact_original(used);
        for (std::size_t v = 0; v < remap.size(); ++v)
            if (remap[v] != ~0u) {
                compact[remap[v]] = positions[v];
                compact_original[remap[v]] = original[v];
            }
        level.resize(count);
        meshopt_remapIndexBuffer(level.data(), simplified.data(), count, remap.data());
        positions = std::move(compact);
        original = std::move(compact_original);
    }
}

void optimise_mesh(Mesh& mesh, std::size_t lod_smallest_triangles, float lod_max_error) {
    using namespace process_detail;
    if (!well_formed(mesh)) return;
    // Each step runs only where the mesh needs it, so a file that is already in good order
    // (most glTF from a careful exporter) loads at the speed of reading it.
    // Index: a welded surface has about two triangles per vertex; fewer than one means
    // duplicated vertices (a triangle soup). Simplification always needs welded topology.
    const bool poorly_shared = mesh.triangle_count() < mesh.positions.size();
    if (lod_smallest_triangles > 0 || poorly_shared) weld(mesh);
    if (lod_smallest_triangles > 0) build_lods(mesh, lod_smallest_triangles, lod_max_error);  // simplify
    const std::size_t vertex_count = mesh.positions.size();
    // Vertex cache and overdraw: when clearly more than one vertex is transformed per triangle
    // with a 16-entry cache. An optimised mesh reaches about 0.6-0.7, a grid in scan-line order
    // (what many scanners and exporters write) about 1.0, a random triangle order about 3. The
    // pass costs about 0.2 s per million triangles on one core: worth it for the random orders,
    // not for the at most third of vertex work a scan-line order would save.
    const float acmr =
        meshopt_analyzeVertexCache(mesh.indices.data(), mesh.indices.size(), vertex_count, 16, 0, 0).acmr;
    if (acmr > 1.25f || !mesh.lods.empty()) {
        meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), vertex_count);
        for (Mesh::Lod& lod : mesh.lods)
            meshopt_optimizeVertexCache(lod.indices.data(), lod.indices.data(), lod.indices.size(), vertex_count);
        meshopt_optimizeOverdraw(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), &mesh.positions[0].x,
                                 vertex_count, sizeof(glm::vec3), 1.05f);
    }
    // Vertex fetch: when vertices are read far out of order (overfetch of a 64-byte line).
    const float overfetch =
        meshopt_analyzeVertexFetch(mesh.indices.data(), mesh.indices.size(), vertex_count, sizeof(glm::vec3))
            .overfetch;
    if (overfetch > 1.25f || !mesh.lods.empty()) order_for_fetch(mesh);  // LODs use a subset of the vertices
}

void optimise_model(Model& model, const LodSettings& settings) {
    using namespace process_detail;
    const std::size_t total = model.triangle_count();
    const bool lods = total > settings.model_triangles_above && total > 0;

    // Identical meshes (instances of one geometry with different materials) once each.
    std::vector<std::size_t> representative(model.meshes.size());
    std::vector<std::size_t> unique;
    std::unordered_map<std::size_t, std::vector<std::size_t>> by_fingerprint;
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        representative[m] = m;
        const Mesh& mesh = model.meshes[m];
        if (!well_formed(mesh)) continue;
        std::vector<std::size_t>& candidates = by_fingerprint[fingerprint(mesh)];
        for (std::size_t c : candidates)
            if (same_geometry(model.meshes[c], mesh)) {
                representative[m] = c;
                break;
            }
        if (representative[m] == m) {
            candidates.push_back(m);
            unique.push_back(m);
        }
    }
    // The biggest first, so that the last thread does not start on a million triangles.
    std::sort(unique.begin(), unique.end(), [&](std::size_t a, std::size_t b) {
        return model.meshes[a].indices.size() > model.meshes[b].indices.size();
    });
    parallel_for(unique.size(), [&](std::size_t i) {
        Mesh& mesh = model.meshes[unique[i]];
        std::size_t smallest = 0;
        if (lods) {
            const double share = double(settings.smallest_triangles) * double(mesh.triangle_count()) / double(total);
            smallest = std::max<std::size_t>(64, static_cast<std::size_t>(share));
        }
        optimise_mesh(mesh, smallest, settings.max_error);
    });
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        if (representative[m] == m) continue;
        Mesh& copy = model.meshes[m];
        const Mesh& done = model.meshes[representative[m]];
        copy.positions = done.positions;
        copy.normals = done.normals;
        copy.tangents = done.tangents;
        copy.uv0 = done.uv0;
        copy.uv1 = done.uv1;
        copy.colours = done.colours;
        copy.indices = done.indices;
        copy.lods = done.lods;
    }
}

int downscale_textures(Model& model, int max_side) {
    using namespace process_detail;
    if (max_side <= 0) return 0;
    std::vector<std::size_t> large;
    for (std::size_t i = 0; i < model.images.size(); ++i)
        if (model.images[i].width > max_side || model.images[i].height > max_side) large.push_back(i);
    std::vector<std::string> notes(large.size());
    parallel_for(large.size(), [&](std::size_t k) {
        Image& image = model.images[large[k]];
        const int w = image.width, h = image.height;
        const double scale = double(max_side) / double(std::max(w, h));
        const int nw = std::clamp(static_cast<int>(std::lround(w * scale)), 1, max_side);
        const int nh = std::clamp(static_cast<int>(std::lround(h * scale)), 1, max_side);
        const std::size_t pixels = std::size_t(w) * std::size_t(h) * 4;
        const std::size_t out_pixels = std::size_t(nw) * std::size_t(nh) * 4;
        bool resized = false;
        if (image.rgba32f.size() == pixels) {
            std::vector<float> out(out_pixels);
            resized = stbir_resize_float(image.rgba32f.data(), w, h, 0, out.data(), nw, nh, 0, 4) != 0;
            if (resized) image.rgba32f = std::move(out);
        } else if (image.rgba8.size() == pixels) {
            std::vector<std::uint8_t> out(out_pixels);
            const bool colour = is_colour_slot_image(model, static_cast<int>(large[k]));
            resized = (colour ? stbir_resize_uint8_srgb(image.rgba8.data(), w, h, 0, out.data(), nw, nh, 0, 4, 3, 0)
                              : stbir_resize_uint8(image.rgba8.data(), w, h, 0, out.data(), nw, nh, 0, 4)) != 0;
            if (resized) image.rgba8 = std::move(out);
        }
        if (!resized) return;
        image.width = nw;
        image.height = nh;
        image.encoded.clear();
        image.mime_type.clear();
        notes[k] = "texture '" + image.name + "' " + std::to_string(w) + "x" + std::to_string(h) +
                   " downscaled to " + std::to_string(nw) + "x" + std::to_string(nh) + " (maximum side " +
                   std::to_string(max_side) + ")";
    });
    int count = 0;
    for (std::string& note : notes)
        if (!note.empty()) {
            model.warnings.push_back(std::move(note));
            ++count;
        }
    return count;
}

std::size_t simplify_model(Model& model, std::size_t max_triangles, float max_error) {
    const std::size_t total = model.triangle_count();
    std::size_t after = 0;
    for (Mesh& mesh : model.meshes) {
        mesh.lods.clear();
        const std::size_t share = total == 0 ? 0 : std::max<std::size_t>(
            64, static_cast<std::size_t>(static_cast<double>(max_triangles) * mesh.triangle_count() / total));
        if (mesh.triangle_count() > share && process_detail::well_formed(mesh)) {
            // Only when most of the mesh is doubled: a few coincident faces are modelling, not
            // a flag. A closed surface has about twice as many triangles as positions, a doubled
            // one four times: the cheap count decides whether the search is worth running.
            std::vector<unsigned int> position_remap(mesh.positions.size());
            const std::size_t positions =
                meshopt_generateVertexRemap(position_remap.data(), mesh.indices.data(), mesh.indices.size(),
                                            &mesh.positions[0].x, mesh.positions.size(), sizeof(glm::vec3));
            if (mesh.triangle_count() >= 3 * positions && mesh.material >= 0 &&
                static_cast<std::size_t>(mesh.material) < model.materials.size()) {
                Mesh single = mesh;
                if (process_detail::drop_back_face_copies(single) * 3 > mesh.triangle_count()) {
                    mesh.indices = std::move(single.indices);
                    model.materials[static_cast<std::size_t>(mesh.material)].double_sided = true;
                }
            }
            std::vector<std::uint32_t> simplified(mesh.indices.size());
            const std::size_t count = meshopt_simplify(simplified.data(), mesh.indices.data(), mesh.indices.size(),
                                                       &mesh.positions[0].x, mesh.positions.size(),
                                                       sizeof(glm::vec3), share * 3, max_error);
            if (count > 0) {
                simplified.resize(count);
                mesh.indices = std::move(simplified);
                process_detail::order_for_fetch(mesh);  // drops the vertices no triangle uses
            }
        }
        after += mesh.triangle_count();
    }
    return after;
}

Status fit_triangle_budget(assets::Model& model, std::size_t max_triangles, const std::string& source) {
    float max_error = 0.02f;
    std::size_t target = max_triangles;
    for (int attempt = 0; attempt < 6 && model.triangle_count() > max_triangles; ++attempt) {
        const std::size_t before = model.triangle_count();
        assets::simplify_model(model, target, max_error);
        const std::size_t after = model.triangle_count();
        if (after > max_triangles) target = std::max<std::size_t>(1, target * max_triangles / after * 95 / 100);
        if (after == before) max_error *= 4.0f;  // stuck at the error bound
    }
    if (model.triangle_count() > max_triangles)
        return bad_input(source, "cannot simplify to " + std::to_string(max_triangles) + " triangles (it keeps " +
                                     std::to_string(model.triangle_count()) + ")");
    return Ok{};
}

}  // namespace ocop::assets
