// showroom bench: figures as JSON, for docs/benchmarks.md. Never used by tests.
#pragma once

#include <cstdint>
#include <string>

#include "core/log.h"

namespace ocop::cli {

struct BenchArgs {
    std::string what;   // import | render | export | photos
    std::string model;  // photos: the catalogue
    std::uint32_t width = 2048;
    std::uint32_t height = 2048;
    int runs = 5;
    bool cpu = false;
    std::uint32_t samples = 1;        // render: supersampling factor
    std::string environment;          // render: a .hdr for image-based light, else the studio dome
    std::string preset = "marketplace-white";  // photos
    int products = 20;                         // photos: the catalogue's first N products
};

// Prints one JSON object on stdout; returns the process exit code. Every benchmark first
// imports the model once in this fresh process and reports `first_import_s`, `file_bytes`,
// `peak_rss_bytes` (getrusage ru_maxrss right after that import), `import_peak_extra_bytes`
// (that peak minus the resident memory just before the import) and both as multiples of the
// file size; then `--runs` timed repetitions of the benchmark itself.
int run_bench(const BenchArgs& args, const Log& log);

// `bench photos CATALOGUE`: the first `products` products x their category's angles shot with
// the preset into a fresh temporary folder (removed after): photos per minute, the time of each
// photo (render, readback, encode, write) and of the whole batch with its imports.
int run_bench_photos(const BenchArgs& args, const Log& log);

}  // namespace ocop::cli
