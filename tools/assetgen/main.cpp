// assetgen DIR: writes the bundled sample products into DIR: glazed_vase.glb and every sample
// of generators.h, each in its own format, units and up axis (writers.h). Run by the build
// (tools/CMakeLists.txt), so generated models are never committed.
// assetgen DIR FILE... writes only the named files (tests, quick iterations).
// assetgen --preview DIR writes every sample as NAME.glb in metres, +Y up instead, for looking
// at them with `showroom photo` whatever their file format.
// Exit 0 silently on success, 1 with one line on stderr on failure.
#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "core/parallel.h"
#include "export/glb_writer.h"
#include "generators.h"
#include "vase.h"
#include "writers.h"

namespace {

namespace fs = std::filesystem;
using ocop::samples::SampleFile;

int fail(const std::string& reason) {
    std::cerr << "assetgen: " << reason << "\n";
    return 1;
}

// Every generator of generators.h and the file it writes (the catalogue's name for it).
struct Generator {
    const char* file;
    SampleFile (*make)();
};
namespace gen = ocop::samples;
constexpr std::array<Generator, 24> kGenerators{{
    {"bt-vase-blue-white.glb", gen::make_bt_vase_blue_white},
    {"bt-tea-set-celadon.gltf", gen::make_bt_tea_set_celadon},
    {"bt-jar-crackle.obj", gen::make_bt_jar_crackle},
    {"bt-bowl-brown.ply", gen::make_bt_bowl_brown},
    {"bt-vase-garlic-celadon.glb", gen::make_bt_vase_garlic_celadon},
    {"ht-box-eggshell.glb", gen::make_ht_box_eggshell},
    {"ht-tray-gold-leaf.gltf", gen::make_ht_tray_gold_leaf},
    {"ht-painting-panel.glb", gen::make_ht_painting_panel},
    {"ht-vase-lacquer.obj", gen::make_ht_vase_lacquer},
    {"cm-box-pearl-inlay.glb", gen::make_cm_box_pearl_inlay},
    {"cm-tray-pearl.gltf", gen::make_cm_tray_pearl},
    {"vp-scarf-on-stand.glb", gen::make_vp_scarf_on_stand},
    {"vp-silk-bolts.gltf", gen::make_vp_silk_bolts},
    {"vp-ao-dai-dress-form.glb", gen::make_vp_ao_dai},
    {"vp-scarf-folded.obj", gen::make_vp_scarf_folded},
    {"tx-ao-dai-brocade.glb", gen::make_tx_ao_dai_brocade},
    {"tk-banh-chung.glb", gen::make_tk_banh_chung},
    {"tk-gift-box.gltf", gen::make_tk_gift_box},
    {"tk-banh-day.ply", gen::make_tk_banh_day},
    {"pv-rattan-basket.ply", gen::make_pv_rattan_basket},
    {"pv-bamboo-tray.obj", gen::make_pv_bamboo_tray},
    {"tu-carved-panel.glb", gen::make_tu_carved_panel},
    {"tu-carved-box.obj", gen::make_tu_carved_box},
    {"sd-gilded-statue.glb", gen::make_sd_gilded_statue},
}};
constexpr const char* kVaseFile = "glazed_vase.glb";

// The preview form of a sample: GLB, metres, +Y up, named after the file's stem.
SampleFile as_preview(SampleFile sample) {
    sample.name = fs::path(sample.name).stem().string() + ".glb";
    sample.format = ocop::samples::FileFormat::Glb;
    sample.units = "m";
    sample.up = "y";
    return sample;
}

// Writes the files named in `only` (all when empty) into `dir`.
int write_samples(const fs::path& dir, bool preview, const std::set<std::string>& only) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail(dir.string() + ": cannot create the folder: " + ec.message());
    const auto wanted = [&](const char* file) { return only.empty() || only.count(file) > 0; };
    std::mutex error_mutex;
    std::string first_error;
    // Index 0 is the original vase; the generators follow. Each writes its own files.
    ocop::parallel_for(kGenerators.size() + 1, [&](std::size_t i) {
        ocop::Status written = ocop::Ok{};
        if (i == 0) {
            if (preview || !wanted(kVaseFile)) return;
            written = ocop::exporter::write_glb(ocop::samples::make_glazed_vase(), dir / kVaseFile, {.name = "glazed_vase"});
        } else {
            const Generator& g = kGenerators[i - 1];
            if (!wanted(g.file)) return;
            SampleFile sample = g.make();
            if (sample.name.empty()) return;  // a generator not written yet
            if (sample.name != g.file)
                written = ocop::failure(g.file, "the generator names its file '" + sample.name + "'");
            else
                written = ocop::samples::write_sample(preview ? as_preview(std::move(sample)) : std::move(sample), dir);
        }
        if (!written) {
            const std::lock_guard lock(error_mutex);
            if (first_error.empty()) first_error = written.error().message();
        }
    });
    if (!first_error.empty()) return fail(first_error);
    for (const std::string& file : only) {
        const bool known = file == kVaseFile || std::any_of(kGenerators.begin(), kGenerators.end(),
                                                            [&](const Generator& g) { return file == g.file; });
        if (!known) return fail(file + ": no generator writes this file");
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    const bool preview = !args.empty() && args.front() == "--preview";
    if (preview) args.erase(args.begin());
    if (args.empty()) return fail("usage: assetgen [--preview] OUTPUT_DIR [FILE...]");
    try {
        return write_samples(args.front(), preview, std::set<std::string>(args.begin() + 1, args.end()));
    } catch (const std::exception& e) {  // allocation failure: nothing else throws here
        return fail(e.what());
    }
}
