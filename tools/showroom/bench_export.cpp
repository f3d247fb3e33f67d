// showroom bench export: a heavy model to a light GLB the way `showroom export --max-triangles`
// makes it, timed stage by stage, with the size and the simplification error of the result;
// the same size and error for GLBs that other tools made (tools/bench/export-peers.sh).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "assets/import.h"
#include "assets/process.h"
#include "assets/surface_distance.h"
#include "bench.h"
#include "cli_support.h"
#include "core/files.h"
#include "export/glb_writer.h"

// Named, not anonymous: the unity build puts bench.cpp's helpers in the same translation unit.
namespace ocop::cli::bench_export_detail {

namespace fs = std::filesystem;

double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Median and fastest of one stage over the runs.
nlohmann::json stage_figures(std::vector<double> t) {
    std::sort(t.begin(), t.end());
    return {{"median_s", t[t.size() / 2]}, {"min_s", t.front()}};
}

std::uint64_t process_peak_rss_bytes() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
    return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024u;  // KiB on Linux
}

// The file as it is: no normalisation, no welding or LOD chain, so that what is measured is
// what the file holds, in the file's own coordinates (where other tools leave it).
assets::ImportOptions as_stored() {
    assets::ImportOptions options{1.0f, assets::UpAxis::Y, false};
    options.optimise = false;
    return options;
}

// The model where `showroom export` puts it (metres, +Y up, base centred at the origin), as
// the file holds it otherwise: the same as as_stored() for a normalised file.
assets::ImportOptions as_exported() {
    assets::ImportOptions options;
    options.optimise = false;
    return options;
}

// The bytes of a GLB that hold images (the bufferViews that images use): texture bytes are
// copied through by every tool, so geometry is compared on what is left. nullopt when `bytes`
// is not a GLB (glTF 2.0 §4.4: a 12-byte header, then a JSON chunk).
std::optional<std::uint64_t> glb_image_bytes(std::span<const std::uint8_t> bytes) {
    const auto u32 = [&](std::size_t at) {
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    if (bytes.size() < 20 || u32(0) != 0x46546C67u || u32(16) != 0x4E4F534Au) return std::nullopt;
    const std::uint64_t json_length = u32(12);
    if (20 + json_length > bytes.size()) return std::nullopt;
    const nlohmann::json doc =
        nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + std::ptrdiff_t(json_length), nullptr, false);
    if (!doc.is_object()) return std::nullopt;
    std::uint64_t total = 0;
    const nlohmann::json views = doc.value("bufferViews", nlohmann::json::array());
    for (const nlohmann::json& image : doc.value("images", nlohmann::json::array())) {
        if (!image.is_object() || !image.contains("bufferView") || !image["bufferView"].is_number_unsigned()) continue;
        const std::size_t view = image["bufferView"].get<std::size_t>();
        if (view < views.size() && views[view].is_object())
            total += views[view].value("byteLength", std::uint64_t{0});
    }
    return total;
}

std::size_t vertex_count(const assets::Model& model) {
    std::size_t n = 0;
    for (const assets::Mesh& mesh : model.meshes) n += mesh.positions.size();
    return n;
}

nlohmann::json distance_json(const assets::SurfaceDistance& d, double seconds_taken) {
    return {{"max", d.max},
            {"rms", d.rms},
            {"model_to_output_max", d.reference_to_candidate_max},
            {"model_to_output_rms", d.reference_to_candidate_rms},
            {"output_to_model_max", d.candidate_to_reference_max},
            {"output_to_model_rms", d.candidate_to_reference_rms},
            {"relative_to", "the model's bounding-box diagonal"},
            {"diagonal_m", d.diagonal_m},
            {"samples_each_way", d.samples},
            {"seconds", seconds_taken}};
}

// A GLB made from the model, as the benchmark reports it: bytes (images apart), drawn
// triangles, vertices stored, and its distance from the model.
Result<nlohmann::json> measure_output(const fs::path& path, const assets::NearestTriangle& reference,
                                      const BenchArgs& args) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    if (!bytes) return bytes.error();
    Result<assets::Model> output = assets::import(path, as_stored());
    if (!output) return output.error();
    nlohmann::json out{{"file", path.string()}, {"bytes", bytes->size()}};
    if (const std::optional<std::uint64_t> images = glb_image_bytes(*bytes)) {
        out["image_bytes"] = *images;
        out["geometry_bytes"] = bytes->size() - *images;  // JSON, buffers other than images, padding
    }
    out["triangles"] = output->drawn_triangle_count();
    out["vertices"] = vertex_count(*output);
    out["extensions"] = output->extensions_used;
    const auto start = Clock::now();
    const assets::NearestTriangle surface(assets::drawn_triangles(*output));
    const assets::SurfaceDistance d =
        assets::surface_distance(reference, surface, {.samples = args.error_samples, .seed = 1});
    out["error"] = distance_json(d, since(start));
    return out;
}

// ---- the dense input (--densify) --------------------------------------------------------------

// Midpoint subdivision: each triangle abc becomes four through the midpoints of its edges. A
// midpoint is shared by the two triangles of an edge (keyed by its pair of vertices), so the
// welded topology stays welded and the seams where attributes split stay where they were; the
// midpoints of the two copies of a seam edge get bitwise the same position.
void split_in_four(assets::Mesh& mesh) {
    const std::size_t triangles = mesh.indices.size() / 3;
    std::unordered_map<std::uint64_t, std::uint32_t> midpoints;
    midpoints.reserve(triangles * 2);
    const auto midpoint = [&](std::uint32_t a, std::uint32_t b) {
        const std::uint64_t key = (std::uint64_t(std::min(a, b)) << 32) | std::max(a, b);
        const auto [it, added] = midpoints.try_emplace(key, static_cast<std::uint32_t>(mesh.positions.size()));
        if (!added) return it->second;
        mesh.positions.push_back(0.5f * (mesh.positions[a] + mesh.positions[b]));
        if (!mesh.normals.empty()) {
            const glm::vec3 n = mesh.normals[a] + mesh.normals[b];
            mesh.normals.push_back(glm::dot(n, n) > 0.0f ? glm::normalize(n) : mesh.normals[a]);
        }
        if (!mesh.tangents.empty()) {
            const glm::vec3 t = glm::vec3(mesh.tangents[a]) + glm::vec3(mesh.tangents[b]);
            mesh.tangents.push_back(glm::dot(t, t) > 0.0f ? glm::vec4(glm::normalize(t), mesh.tangents[a].w)
                                                          : mesh.tangents[a]);
        }
        if (!mesh.uv0.empty()) mesh.uv0.push_back(0.5f * (mesh.uv0[a] + mesh.uv0[b]));
        if (!mesh.uv1.empty()) mesh.uv1.push_back(0.5f * (mesh.uv1[a] + mesh.uv1[b]));
        if (!mesh.colours.empty()) mesh.colours.push_back(0.5f * (mesh.colours[a] + mesh.colours[b]));
        return it->second;
    };
    std::vector<std::uint32_t> indices;
    indices.reserve(triangles * 12);
    for (std::size_t t = 0; t < triangles; ++t) {
        const std::uint32_t a = mesh.indices[3 * t], b = mesh.indices[3 * t + 1], c = mesh.indices[3 * t + 2];
        const std::uint32_t ab = midpoint(a, b), bc = midpoint(b, c), ca = midpoint(c, a);
        for (std::uint32_t v : {a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca}) indices.push_back(v);
    }
    mesh.indices = std::move(indices);
    mesh.lods.clear();
}

// Value noise in [-1, 1] on a unit lattice, smoothstep-interpolated (Perlin, "An image
// synthesizer", SIGGRAPH 1985, without the gradients): deterministic, no tables.
float lattice(int x, int y, int z) {
    std::uint64_t h = (std::uint64_t(std::uint32_t(x)) * 0x9E3779B1u) ^ (std::uint64_t(std::uint32_t(y)) << 21) ^
                      (std::uint64_t(std::uint32_t(z)) << 42);
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return float(h >> 40) / float(1u << 23) - 1.0f;
}

float value_noise(const glm::vec3& p) {
    const glm::vec3 cell = glm::floor(p);
    const glm::vec3 f = p - cell;
    const glm::vec3 w = f * f * (3.0f - 2.0f * f);
    const int x = int(cell.x), y = int(cell.y), z = int(cell.z);
    const auto along_x = [&](int dy, int dz) {
        return glm::mix(lattice(x, y + dy, z + dz), lattice(x + 1, y + dy, z + dz), w.x);
    };
    return glm::mix(glm::mix(along_x(0, 0), along_x(1, 0), w.y), glm::mix(along_x(0, 1), along_x(1, 1), w.y), w.z);
}

// A fine relief like a scan's (throwing rings, glaze ripple): two octaves of value noise,
// 3 mm and 1.5 mm across, 0.2 mm high at most, along the surface normal. The direction is the
// area-weighted normal of every face at that position, so that the copies of a seam vertex move
// together and the surface stays closed.
constexpr float kReliefMetres = 0.0002f;      // "relief_mm" below
constexpr float kReliefWavelength = 0.003f;   // "relief_wavelength_mm" below

void add_relief(assets::Mesh& mesh) {
    struct PositionHash {
        std::size_t operator()(const glm::vec3& p) const {
            std::uint32_t b[3];
            std::memcpy(b, &p, sizeof b);
            return (std::size_t(b[0]) * 73856093u) ^ (std::size_t(b[1]) * 19349663u) ^ (std::size_t(b[2]) * 83492791u);
        }
    };
    std::unordered_map<glm::vec3, glm::vec3, PositionHash> normal_at;
    normal_at.reserve(mesh.positions.size());
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const glm::vec3 a = mesh.positions[mesh.indices[i]], b = mesh.positions[mesh.indices[i + 1]],
                        c = mesh.positions[mesh.indices[i + 2]];
        const glm::vec3 n = glm::cross(b - a, c - a);  // length: twice the area
        for (const glm::vec3& p : {a, b, c}) normal_at[p] += n;
    }
    for (glm::vec3& p : mesh.positions) {
        const glm::vec3 n = normal_at[p];
        if (glm::dot(n, n) <= 0.0f) continue;
        const glm::vec3 q = p / kReliefWavelength;
        const float h = 0.65f * value_noise(q) + 0.35f * value_noise(2.0f * q + glm::vec3(17.3f));
        p += glm::normalize(n) * (kReliefMetres * h);
    }
}

int write_dense_input(const BenchArgs& args) {
    if (Status s = check_output(args.densify, ".glb"); !s) return report(s.error());
    assets::ImportOptions options;
    options.limits = args.limits;
    Result<assets::Model> imported = assets::import(args.model, options);  // as `showroom export` reads it
    if (!imported) return report(imported.error());
    assets::Model& model = imported.value();
    const std::size_t before = model.drawn_triangle_count();
    for (assets::Mesh& mesh : model.meshes) {
        split_in_four(mesh);
        add_relief(mesh);
    }
    // Back to the normalised placement (base centred at the origin) that the relief moved a
    // fraction of a millimetre, so that `showroom export` leaves the coordinates as they are and
    // every tool's output can be compared with the file as it is.
    const Bounds box = model.bounds();
    const glm::vec3 offset(box.centre().x, box.min.y, box.centre().z);
    for (assets::Node& node : model.nodes)
        if (node.parent < 0) node.local = glm::translate(glm::mat4(1.0f), -offset) * node.local;
    model.source = args.densify;
    model.warnings.clear();
    if (Status s = exporter::write_glb(model, args.densify); !s) return report(s.error());
    std::error_code ec;
    const nlohmann::json out{{"densify", args.densify},
                             {"from", args.model},
                             {"from_triangles", before},
                             {"triangles", model.drawn_triangle_count()},
                             {"vertices", vertex_count(model)},
                             {"bytes", fs::file_size(args.densify, ec)},
                             {"relief_mm", 0.2},
                             {"relief_wavelength_mm", 3.0}};
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

// The model as stored, the reference of every error, with its tree for nearest points.
struct Reference {
    assets::Model model;
    assets::NearestTriangle surface;
    double load_s = 0.0;
};

Result<Reference> load_reference(const std::string& path, const assets::ImportOptions& options) {
    const auto start = Clock::now();
    Result<assets::Model> model = assets::import(path, options);
    if (!model) return model.error();
    assets::NearestTriangle surface(assets::drawn_triangles(*model));
    return Reference{std::move(model).value(), std::move(surface), since(start)};
}

nlohmann::json model_figures(const std::string& path, const assets::Model& model) {
    std::error_code ec;
    return {{"bench", "export"},
            {"model", path},
            {"file_bytes", fs::file_size(path, ec)},
            {"triangles", model.drawn_triangle_count()},
            {"vertices", vertex_count(model)}};
}

// --compare: other tools' GLBs, measured only.
int compare_outputs(const BenchArgs& args) {
    Result<Reference> reference = load_reference(args.model, as_stored());
    if (!reference) return report(reference.error());
    nlohmann::json out = model_figures(args.model, reference->model);
    nlohmann::json compared = nlohmann::json::array();
    for (const std::string& file : args.compare) {
        Result<nlohmann::json> m = measure_output(file, reference->surface, args);
        if (!m) return report(m.error());
        compared.push_back(std::move(m).value());
    }
    out["compared"] = std::move(compared);
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

// The whole of `bench export` (run_bench_export).
int run(const BenchArgs& args) {
    if (!args.densify.empty()) return write_dense_input(args);
    if (!args.compare.empty()) return compare_outputs(args);
    if (!args.out.empty())
        if (Status s = check_output(args.out, ".glb"); !s) return report(s.error());
    const fs::path glb_path = !args.out.empty() ? fs::path(args.out)
                                                : fs::temp_directory_path() /
                                                      ("showroom-bench-export-" + std::to_string(getpid()) + ".glb");
    struct RemoveTemporary {
        fs::path path;
        ~RemoveTemporary() {
            std::error_code ignored;
            if (!path.empty()) fs::remove(path, ignored);
        }
    } remove_temporary{args.out.empty() ? glb_path : fs::path()};

    // Each run as `showroom export MODEL -o OUT --max-triangles N` does it: import (with the
    // engine's pipeline: welding, no LOD chain, as `showroom export`), simplify to the budget,
    // encode, write.
    std::vector<double> import_s, simplify_s, encode_s, write_s, total_s;
    std::size_t target = args.triangles;
    Bounds placed;
    for (int run = 0; run < args.runs; ++run) {
        const auto start = Clock::now();
        assets::ImportOptions no_lods;  // as `showroom export` imports
        no_lods.build_lods = false;
        no_lods.limits = args.limits;
        Result<assets::Model> model = assets::import(args.model, no_lods);
        if (!model) return report(model.error());
        import_s.push_back(since(start));
        if (run == 0) {
            placed = model->bounds();
            if (target == 0) target = std::max<std::size_t>(1, model->drawn_triangle_count() / 10);
        }
        auto stage = Clock::now();
        if (Status s = assets::fit_triangle_budget(model.value(), target, args.model); !s) return report(s.error());
        simplify_s.push_back(since(stage));
        stage = Clock::now();
        Result<std::vector<std::uint8_t>> glb = exporter::encode_glb(model.value());
        if (!glb) return report(glb.error());
        encode_s.push_back(since(stage));
        stage = Clock::now();
        if (Status s = write_file_atomic(glb_path, std::span<const std::uint8_t>(*glb)); !s) return report(s.error());
        write_s.push_back(since(stage));
        total_s.push_back(since(start));
    }
    const std::uint64_t peak_rss = process_peak_rss_bytes();  // before the error's own memory

    // Our output against the model where our export puts it; the other tools' (--compare)
    // against the file as it is. The two agree for a normalised file (placement_offset_m 0).
    Result<Reference> reference = load_reference(args.model, as_exported());
    if (!reference) return report(reference.error());
    Result<assets::Model> stored = assets::import(args.model, as_stored());
    if (!stored) return report(stored.error());
    nlohmann::json out = model_figures(args.model, stored.value());
    out["target_triangles"] = target;
    out["runs"] = args.runs;
    out["import"] = stage_figures(import_s);
    out["simplify"] = stage_figures(simplify_s);
    out["encode"] = stage_figures(encode_s);
    out["write"] = stage_figures(write_s);
    out["total"] = stage_figures(total_s);
    out["peak_rss_bytes"] = peak_rss;
    // How far our import moved the model from where the file has it: 0 for a normalised file.
    // Other tools leave it where it is: compare them (--compare) on normalised files only.
    const Bounds box = stored->bounds();
    out["placement_offset_m"] = double(std::max(glm::length(box.min - placed.min), glm::length(box.max - placed.max)));
    out["reference_load_s"] = reference->load_s;  // import as stored and its tree, for the error
    Result<nlohmann::json> measured = measure_output(glb_path, reference->surface, args);
    if (!measured) return report(measured.error());
    if (args.out.empty()) (*measured)["file"] = "(temporary, removed)";
    out["output"] = std::move(measured).value();
    std::printf("%s\n", out.dump(2).c_str());
    return 0;
}

}  // namespace ocop::cli::bench_export_detail

namespace ocop::cli {

void add_bench_export_options(CLI::App& bench, BenchArgs& args) {
    bench.add_option("--triangles", args.triangles, "export: the triangle budget (default: a tenth of MODEL's)")
        ->check(CLI::Range(std::size_t(100), std::size_t(100'000'000)));
    bench.add_option("--out", args.out, "export: keep our GLB here (default: a temporary file, removed)");
    bench.add_option("--compare", args.compare,
                     "export: measure these GLBs, made from MODEL by other tools, instead (nothing timed)");
    bench.add_option("--error-samples", args.error_samples, "export: surface points each way for the error")
        ->capture_default_str()
        ->check(CLI::Range(std::size_t(1000), std::size_t(100'000'000)));
    bench.add_option("--densify", args.densify,
                     "export: write MODEL with each triangle split in four and a 0.2 mm relief to this GLB "
                     "(the benchmark's dense input), then stop");
}

int run_bench_export(const BenchArgs& args, const Log&) { return bench_export_detail::run(args); }

}  // namespace ocop::cli
