// Photo QA: checks a folder of catalogue photos against their preset, photo by photo, and the
// batch as a whole (exposure consistency). What `showroom qa` prints.
//
// The product is found by colour: the pixels that differ clearly from the preset's background
// (white: a channel below 250, 240 in a JPEG or WebP whose ringing tints the white near edges;
// transparent: alpha >= 128; a colour: further than a tolerance). Its bounding box, grown by a
// margin for that ringing, must have nothing but background around it; its size and place give
// the fill and the centring. A preset's brand strip (the bottom kOverlayBandShare of the frame)
// is neither product nor background: left out. Exposure is measured inside the silhouette.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "photo/preset.h"
#include "render/renderer.h"

namespace ocop::photo {

struct QaCheck {
    std::string name;      // "size", "background", "fill", "centring", "edges", "exposure"; "read",
                           // "sidecar", "preset" when a photo cannot be checked; "batch rig"...
    bool pass = true;
    std::string detail;    // "fill 0.851 (target 0.850 +/- 0.017)"
    bool skipped = false;  // does not apply to this preset or photo (pass stays true)
};

// What the studio wrote beside a photo (NAME.json, format "ocop-photo/1"): the part QA reads.
struct PhotoSidecar {
    std::string file;          // the photo's file name
    std::string preset;        // empty when absent
    std::string preset_file;   // the .preset.json the batch used; empty for a built-in preset
    std::string angle;         // "front", "detail"...; empty when absent
    int frame = -1;            // a turntable frame's number; -1: a still ("frame": null)
    float exposure_ev = 0.0f;
    std::string rig;
    std::string tone_mapping;  // "pbr-neutral", "aces", "linear"
    std::uint32_t width = 0;   // "size": [W, H]
    std::uint32_t height = 0;
};

// Errors name `source` and the key ("exposure_ev: must be a number").
Result<PhotoSidecar> parse_photo_sidecar(std::string_view json_text, const std::string& source);

struct PhotoQa {
    std::filesystem::path file;
    std::string preset;  // the preset the photo was checked against
    std::uint32_t width = 0;   // as read; 0 when the photo could not be read
    std::uint32_t height = 0;
    float fill = 0.0f;               // larger side of the product's extent, as a share of the frame
    float centre_offset = 0.0f;      // the product's centre from the frame's: the larger of the offsets
                                     // across and down, each as a share of that side
    float product_luminance = 0.0f;  // mean relative luminance of the product's pixels
    std::optional<PhotoSidecar> sidecar;
    std::vector<QaCheck> checks;
    bool pass() const;
};

struct QaReport {
    std::vector<PhotoQa> photos;
    std::vector<QaCheck> batch_checks;  // exposure consistency across the batch
    bool pass() const;
    std::size_t failed_photos() const;
};

// How far from the preset a photo may be (the catalogue's tolerances; tests tighten them).
struct QaTolerances {
    int margin_px = 16;                // around the product's box: JPEG's 8x8 blocks ring near edges
    int webp_margin_px = 32;           // WebP tints whole 16x16 macroblocks (seen 24 px out at q88)
    float fill_relative = 0.02f;       // |fill - target| <= 2% of the target
    float centre_share = 0.01f;        // the box's centre within 1% of the frame, on each axis
    float clipped_share = 0.03f;       // product pixels with a channel >= 254
    float crushed_share = 0.10f;       // product pixels with every channel <= 2
};

// One photo against a preset (pixels already read; preset.format says how they were stored:
// the margin and the white threshold allow for its compression). Checks: size, background,
// fill, centring, edges, exposure; those that do not apply to the preset are skipped (pass,
// marked so).
// How the camera was framed: on the product's pose, or (turntable frames) on the cylinder it
// sweeps in a whole turn, so that each pose fills at most the target and is not centred itself.
enum class QaFraming { Product, WholeTurn };

PhotoQa check_photo(const render::Pixels& pixels, const Preset& preset, const QaTolerances& tolerances = {},
                    QaFraming framing = QaFraming::Product);

// The photos of each preset alike: the same exposure_ev, rig and tone mapping in their sidecars,
// and the same size. One check per preset and property, naming the odd ones out.
std::vector<QaCheck> check_batch(const std::vector<PhotoQa>& photos);

// Every photo in `dir` (PNG, JPEG, WebP; not recursive; contact sheets, contact-sheet* and
// *_sheet, left out), sorted by name. The preset is `preset` when given, else the one named in
// each photo's sidecar JSON (NAME.json beside NAME.jpg); a sidecar's detail angle multiplies the
// fill by its zoom, and its turntable frame number checks the photo as QaFraming::WholeTurn. A
// photo with no preset, an unreadable photo, a malformed sidecar or an unknown preset fails that
// photo. BadInput when `dir` is not a folder or holds no photos.
Result<QaReport> check_folder(const std::filesystem::path& dir, const std::optional<Preset>& preset,
                              const QaTolerances& tolerances = {});

}  // namespace ocop::photo
