// A photo batch: every product of a catalogue x every angle of a preset (or a turntable
// sequence), written to a folder with one sidecar JSON per photo. Resumable: a photo whose
// file and sidecar exist with the same inputs hash is not rendered again, and a finished file
// is never rewritten. Shardable: `--shard I/N` takes every N-th product from the I-th, so N
// machines (a Kubernetes Indexed Job, a Slurm array) split the catalogue with no overlap.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "assets/import.h"
#include "core/result.h"
#include "photo/angles.h"
#include "photo/preset.h"
#include "render/renderer.h"
#include "scene/catalogue.h"

namespace ocop::photo {

struct Shard {
    int index = 0;  // 0-based
    int count = 1;
};
// "I/N" with 0 <= I < N (0-based, as JOB_COMPLETION_INDEX and SLURM_ARRAY_TASK_ID count).
Result<Shard> parse_shard(const std::string& text);

struct BatchOptions {
    std::filesystem::path out_dir;
    std::filesystem::path samples_dir;  // where "@samples/NAME" models are
    Preset preset;
    // Empty: the preset's angles, else each product's category set (where "above" becomes "top"
    // for a product taller than 0.6 of its width or depth: a vase shows only its rim from above).
    std::vector<Angle> angles;
    Shard shard;
    int turntable_frames = 0;   // > 0: this many frames a product, a full turn, instead of angles
    bool contact_sheet = true;  // contact-sheet.jpg of every photo of the batch in the folder
    assets::ImportLimits limits;  // what one product's import may cost
};

struct PhotoJob {
    const scene::Product* product = nullptr;
    Angle angle;
    int frame = -1;         // the turntable frame, or -1
    std::string file_name;  // e.g. "BT-VASE-01_front.jpg"
};

// The jobs of the whole batch (every shard), product by product, in catalogue order.
std::vector<PhotoJob> plan_batch(const scene::Catalogue& catalogue, const BatchOptions& options);
// The jobs of this shard: the products at index % count == shard.index.
std::vector<PhotoJob> shard_jobs(const std::vector<PhotoJob>& jobs, const scene::Catalogue& catalogue, Shard shard);

struct BatchEvent {
    enum class Status { Rendered, Skipped, Failed };
    std::size_t done = 0;   // jobs finished, this one included
    std::size_t total = 0;
    const PhotoJob* job = nullptr;
    Status status = Status::Rendered;
    double seconds = 0.0;   // render + encode time of this photo
    std::string error;      // Failed: what went wrong
};

struct BatchSummary {
    std::size_t rendered = 0;
    std::size_t skipped = 0;
    std::size_t failed = 0;
    std::vector<std::string> errors;  // contact sheets or videos that could not be made (failed photos: events)
    std::vector<std::string> extras;  // contact sheets, videos written
};

// Runs this shard's jobs on `renderer`; one product model is imported at a time. A product
// that fails to import or render fails its photos and the batch goes on; a full disk or a lost
// GPU stops it with that error (what was written so far stays whole; a rerun goes on from there).
Result<BatchSummary> run_batch(render::Renderer& renderer, const scene::Catalogue& catalogue,
                               const BatchOptions& options, const std::function<void(const BatchEvent&)>& progress);

// The hash of everything a photo depends on: software version, preset, light rig, product
// metadata, the model file's bytes, angle and frame.
std::string photo_inputs_hash(const Preset& preset, const scene::Product& product, const std::string& model_hash,
                              const Angle& angle, int frame, int frame_count);

}  // namespace ocop::photo
