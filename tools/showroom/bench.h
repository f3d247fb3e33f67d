// showroom bench: figures as JSON, for docs/benchmarks.md. Never used by tests.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "assets/import.h"
#include "core/log.h"

namespace CLI {
class App;
}

namespace ocop::cli {

// Every bench times with it (one alias: the unity build joins the bench files).
using Clock = std::chrono::steady_clock;

struct BenchArgs {
    std::string what;   // import | render | export | photos | scene
    std::string model;  // photos: the catalogue; scene: the centre
    std::uint32_t width = 2048;
    std::uint32_t height = 2048;
    int runs = 5;
    bool cpu = false;
    bool no_shadow = false;           // scene: no shadow maps (what they cost)
    std::uint32_t samples = 1;        // render: supersampling factor
    std::string environment;          // render: a .hdr for image-based light, else the studio dome
    std::string preset = "marketplace-white";  // photos
    int products = 20;                         // photos: the catalogue's first N products
    // export (bench_export.cpp):
    std::size_t triangles = 0;              // the budget; 0 = a tenth of MODEL's triangles
    std::string out;                        // keep our GLB here; empty = a temporary file
    std::vector<std::string> compare;       // measure these GLBs (other tools') against MODEL
    std::size_t error_samples = 1'000'000;  // surface points each way for the error
    std::string densify;                    // write the dense benchmark input here, then stop
    assets::ImportLimits limits;            // of MODEL's imports (the catalogue's, for photos)
};

// The middle value (the upper one of an even count); `values` must not be empty.
double median_of(std::vector<double> values);

// Prints one JSON object on stdout; returns the process exit code. `bench import` and `bench
// render` first import the model once in this fresh process and report `first_import_s`,
// `file_bytes`, `peak_rss_bytes` (getrusage ru_maxrss right after that import),
// `import_peak_extra_bytes` (that peak minus the resident memory just before the import) and
// both as multiples of the file size; then `--runs` timed repetitions of the benchmark itself.
// `bench export` runs run_bench_export.
int run_bench(const BenchArgs& args, const Log& log);

// The options of `bench export` (--triangles, --out, --compare, --error-samples, --densify).
void add_bench_export_options(CLI::App& bench, BenchArgs& args);

// `bench export MODEL`: what `showroom export MODEL --max-triangles N` does (import, simplify to
// the budget with assets::fit_triangle_budget, encode, write), timed by stage over `runs`
// fresh imports, with the output's bytes (images apart), triangles and simplification error
// (assets::surface_distance against MODEL where our export places it, relative to its
// bounding-box diagonal). `--compare GLB...`: the same figures, nothing timed, for GLBs that
// other tools made from MODEL, against MODEL where the file has it (so MODEL should be
// normalised: metres, +Y up, base centred at the origin; `placement_offset_m` says how far
// from that it is). `--densify OUT.glb`: writes MODEL with each triangle split in four and a
// fine relief (the benchmark's 1M-triangle input), nothing measured.
int run_bench_export(const BenchArgs& args, const Log& log);

// `bench photos CATALOGUE`: the first `products` products x their category's angles shot with
// the preset into a fresh temporary folder (removed after): photos per minute, the time of each
// photo (render, readback, encode, write) and of the whole batch with its imports.
int run_bench_photos(const BenchArgs& args, const Log& log);

// `bench scene CENTRE`: the centre built at each tour waypoint (products at their centre-view
// weight, kCentreProductTriangles); after a first frame, which uploads, `runs` frames drawn
// offscreen at the size as a window draws them (`fps`, and the GPU's own time where the device
// keeps timestamps), then `runs` frames read back as a photo is (`fps_with_readback`): each
// waypoint's triangles, lights and medians, and the medians over all of them.
int run_bench_scene(const BenchArgs& args, const Log& log);

}  // namespace ocop::cli
