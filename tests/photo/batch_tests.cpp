// Presets, angles and the photo batch: plan, shards, resume, sidecars, contact sheet.
#include <algorithm>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "core/hash.h"
#include "gpu_support.h"
#include "photo/batch.h"
#include "photo/image_io.h"
#include "support.h"

using namespace ocop;
namespace fs = std::filesystem;

namespace {

scene::Catalogue batch_catalogue(std::initializer_list<const char*> skus) {
    Result<scene::Catalogue> c = scene::load_catalogue(fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json");
    REQUIRE(c.ok());
    if (skus.size() == 0) return c.value();
    std::vector<scene::Product> kept;
    for (const char* sku : skus) kept.push_back(*c->find(sku));
    c->products = kept;
    return c.value();
}

// A small, quick preset: the look of marketplace-white at thumbnail size.
photo::Preset batch_small_preset(float fill = 0.85f) {
    const std::string text = R"({"format": "ocop-photo-preset/1", "name": "test-small", "size": [128, 128],
        "file": {"type": "jpeg", "quality": 92}, "background": "white", "rig": "catalogue-soft",
        "supersampling": 1, "shadow": false, "fill": )" + std::to_string(fill) + "}";
    Result<photo::Preset> p = photo::parse_preset(text, "test-small.preset.json");
    REQUIRE(p.ok());
    return p.value();
}

fs::file_time_type batch_mtime(const fs::path& p) { return fs::last_write_time(p); }

}  // namespace

TEST_CASE("FNV-1a content hash: published values and file hashing", "[core][hash]") {
    CHECK(Hasher().value() == 0xcbf29ce484222325ULL);
    CHECK(Hasher().add(std::string_view("a")).value() == 0xaf63dc4c8601ec8cULL);
    CHECK(Hasher().add(std::string_view("foobar")).hex() == "85944171f73967e8");
    CHECK(Hasher().field("ab").field("c").hex() != Hasher().field("a").field("bc").hex());
    const fs::path dir = test::scratch_dir("hash");
    REQUIRE(write_file_atomic(dir / "f.txt", std::string_view("foobar")).ok());
    Result<std::string> h = hash_file(dir / "f.txt");
    REQUIRE(h.ok());
    CHECK(h.value() == "85944171f73967e8");
    CHECK_FALSE(hash_file(dir / "missing.txt").ok());
}

TEST_CASE("the six shipped presets parse and say what the marketplaces require", "[photo][preset]") {
    for (const char* name : {"marketplace-white", "transparent-png", "social-4x5", "web-catalogue", "detail", "in-centre"}) {
        INFO(name);
        Result<photo::Preset> p = photo::load_preset(name);
        REQUIRE(p.ok());
        CHECK(p->name == name);
    }
    const photo::Preset m = photo::load_preset("marketplace-white").value();
    CHECK(m.width == 2000);
    CHECK(m.height == 2000);
    CHECK(m.format == photo::PhotoFormat::Jpeg);
    CHECK(m.background == photo::Background::White);
    CHECK(m.fill == Approx(0.85f));
    CHECK_FALSE(m.overlay);
    CHECK(photo::load_preset("transparent-png")->background == photo::Background::Transparent);
    CHECK(photo::load_preset("transparent-png")->shadow);
    CHECK(photo::load_preset("social-4x5")->height == 1350);
    CHECK(photo::load_preset("web-catalogue")->format == photo::PhotoFormat::Webp);
    CHECK(photo::photo_file_name(m, "BT-VASE-01", "front") == "BT-VASE-01_front.jpg");
    CHECK(photo::photo_file_name(m, "A/B", "front") == "A_B_front.jpg");  // never a folder
    Result<photo::Preset> unknown = photo::load_preset("polaroid");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().message().find("marketplace-white") != std::string::npos);
}

TEST_CASE("a malformed preset names the JSON path of what is wrong", "[photo][preset]") {
    const auto error_of = [](const std::string& body) {
        Result<photo::Preset> p =
            photo::parse_preset(R"({"format": "ocop-photo-preset/1", "name": "x", )" + body + "}", "x.preset.json");
        REQUIRE_FALSE(p.ok());
        return p.error().message();
    };
    CHECK(error_of(R"("fill": 7)").find("fill: must be between") != std::string::npos);
    CHECK(error_of(R"("size": [10, 10])").find("size") != std::string::npos);
    CHECK(error_of(R"("background": "pink")").find("background") != std::string::npos);
    CHECK(error_of(R"("background": "transparent", "file": {"type": "jpeg"})").find("JPEG cannot be transparent") !=
          std::string::npos);
    CHECK(error_of(R"("file": {"type": "gif"})").find("file.type") != std::string::npos);
    CHECK(error_of(R"("file": {"type": "png", "bits": 12})").find("file.bits") != std::string::npos);
    CHECK(error_of(R"("angles": ["front", "sideways"])").find("angles[1]") != std::string::npos);
    CHECK(error_of(R"("naming": "photo_{angle}")").find("naming") != std::string::npos);
    CHECK(error_of(R"("rig": "disco")").find("rig") != std::string::npos);
    CHECK(error_of(R"("supersampling": 2.5)").find("whole number") != std::string::npos);
    Result<photo::Preset> version = photo::parse_preset(R"({"format": "ocop-photo-preset/2"})", "v.preset.json");
    REQUIRE_FALSE(version.ok());
    CHECK(version.error().message().find("v.preset.json") != std::string::npos);
}

TEST_CASE("angle sets: every category has four, flat crafts are also shot from above", "[photo][angles]") {
    for (const char* category : {"ceramics", "lacquer", "mother-of-pearl", "silk", "ao-dai", "food", "rattan", "wood"}) {
        INFO(category);
        const std::vector<std::string> ids = photo::category_angles(category);
        CHECK(ids.size() == 4);
        for (const std::string& id : ids) CHECK(photo::angle_by_id(id).ok());
    }
    const std::vector<std::string> lacquer = photo::category_angles("lacquer");
    CHECK(std::find(lacquer.begin(), lacquer.end(), "above") != lacquer.end());
    Result<std::vector<photo::Angle>> list = photo::parse_angle_list("front,detail", "--angles");
    REQUIRE(list.ok());
    REQUIRE(list->size() == 2);
    CHECK(list->at(1).zoom > 1.0f);
    CHECK(photo::parse_angle_list("front,,side", "--angles").error().message().find("--angles") != std::string::npos);
    CHECK(photo::parse_angle_list("upside-down", "--angles").error().message().find("three-quarter-left") != std::string::npos);
}

TEST_CASE("shards are disjoint and together make the whole batch", "[photo][batch]") {
    const scene::Catalogue catalogue = batch_catalogue({});
    photo::BatchOptions options;
    options.preset = photo::load_preset("marketplace-white").value();
    const std::vector<photo::PhotoJob> all = photo::plan_batch(catalogue, options);
    CHECK(all.size() == catalogue.products.size() * 4);
    for (int count : {1, 2, 3, 7}) {
        std::multiset<std::string> seen;
        for (int index = 0; index < count; ++index) {
            const std::vector<photo::PhotoJob> mine = photo::shard_jobs(all, catalogue, {index, count});
            // Balanced to within one product.
            CHECK(mine.size() <= (catalogue.products.size() / std::size_t(count) + 1) * 4);
            for (const photo::PhotoJob& job : mine) seen.insert(job.file_name);
        }
        INFO(count << " shards");
        CHECK(seen.size() == all.size());
        CHECK(std::set<std::string>(seen.begin(), seen.end()).size() == all.size());
    }
    CHECK(photo::parse_shard("1/4").ok());
    for (const char* bad : {"4/4", "-1/2", "1/0", "1", "a/b", "1/2x"}) CHECK_FALSE(photo::parse_shard(bad).ok());
}

TEST_CASE("a batch writes photos and sidecars, resumes without rewriting, and re-renders what changed", "[photo][batch]") {
    test::TestGpu gpu;
    const scene::Catalogue catalogue = batch_catalogue({"HT-TRAY-01", "HT-PANEL-01"});
    photo::BatchOptions options;
    options.out_dir = test::scratch_dir("batch-resume");
    options.samples_dir = test::samples_dir();
    options.preset = batch_small_preset();
    options.angles = photo::parse_angle_list("front,above", "test").value();
    std::vector<photo::BatchEvent::Status> statuses;
    const auto record = [&statuses](const photo::BatchEvent& e) { statuses.push_back(e.status); };

    Result<photo::BatchSummary> first = photo::run_batch(*gpu.renderer, catalogue, options, record);
    REQUIRE(first.ok());
    CHECK(first->rendered == 4);
    CHECK(first->failed == 0);
    const fs::path photo_file = options.out_dir / "HT-TRAY-01_front.jpg";
    REQUIRE(fs::exists(photo_file));
    REQUIRE(fs::exists(options.out_dir / "contact-sheet.jpg"));
    Result<render::Pixels> pixels = photo::read_photo(photo_file);
    REQUIRE(pixels.ok());
    CHECK(pixels->width == 128);
    CHECK(test::border_is_white(pixels.value()));

    Result<std::vector<std::uint8_t>> sidecar_bytes = read_file(options.out_dir / "HT-TRAY-01_front.json");
    REQUIRE(sidecar_bytes.ok());
    const nlohmann::json sidecar = nlohmann::json::parse(sidecar_bytes->begin(), sidecar_bytes->end());
    CHECK(sidecar["format"] == "ocop-photo/1");
    CHECK(sidecar["preset"] == "test-small");
    CHECK(sidecar["angle"] == "front");
    CHECK(sidecar["product"]["sku"] == "HT-TRAY-01");
    CHECK(sidecar["product"]["ocop_stars"].is_number());
    CHECK(sidecar["inputs_hash"].get<std::string>().size() == 16);
    CHECK(sidecar["software"].get<std::string>().find("showroom") == 0);

    // A rerun renders nothing and touches no finished file.
    const auto before = batch_mtime(photo_file);
    statuses.clear();
    Result<photo::BatchSummary> again = photo::run_batch(*gpu.renderer, catalogue, options, record);
    REQUIRE(again.ok());
    CHECK(again->rendered == 0);
    CHECK(again->skipped == 4);
    CHECK(batch_mtime(photo_file) == before);

    // A deleted photo comes back; a changed preset re-renders everything.
    fs::remove(options.out_dir / "HT-PANEL-01_above.jpg");
    Result<photo::BatchSummary> healed = photo::run_batch(*gpu.renderer, catalogue, options, record);
    REQUIRE(healed.ok());
    CHECK(healed->rendered == 1);
    options.preset = batch_small_preset(0.7f);
    Result<photo::BatchSummary> changed = photo::run_batch(*gpu.renderer, catalogue, options, record);
    REQUIRE(changed.ok());
    CHECK(changed->rendered == 4);
}

TEST_CASE("two shards run apart make the same photos as one batch", "[photo][batch]") {
    test::TestGpu gpu;
    const scene::Catalogue catalogue = batch_catalogue({"HT-TRAY-01", "HT-PANEL-01", "CM-TRAY-01"});
    photo::BatchOptions options;
    options.out_dir = test::scratch_dir("batch-shards");
    options.samples_dir = test::samples_dir();
    options.preset = batch_small_preset();
    options.angles = photo::parse_angle_list("front", "test").value();
    options.shard = {0, 2};
    Result<photo::BatchSummary> a = photo::run_batch(*gpu.renderer, catalogue, options, nullptr);
    options.shard = {1, 2};
    Result<photo::BatchSummary> b = photo::run_batch(*gpu.renderer, catalogue, options, nullptr);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->rendered == 2);
    CHECK(b->rendered == 1);
    for (const char* sku : {"HT-TRAY-01", "HT-PANEL-01", "CM-TRAY-01"})
        CHECK(fs::exists(options.out_dir / (std::string(sku) + "_front.jpg")));
    // The whole batch, unsharded, finds everything done.
    options.shard = {0, 1};
    Result<photo::BatchSummary> whole = photo::run_batch(*gpu.renderer, catalogue, options, nullptr);
    REQUIRE(whole.ok());
    CHECK(whole->rendered == 0);
    CHECK(whole->skipped == 3);
}

TEST_CASE("a turntable keeps one camera for every frame and writes a sheet", "[photo][batch]") {
    test::TestGpu gpu;
    const scene::Catalogue catalogue = batch_catalogue({"HT-PANEL-01"});
    photo::BatchOptions options;
    options.out_dir = test::scratch_dir("batch-turntable");
    options.samples_dir = test::samples_dir();
    options.preset = batch_small_preset();
    options.turntable_frames = 4;
    Result<photo::BatchSummary> s = photo::run_batch(*gpu.renderer, catalogue, options, nullptr);
    REQUIRE(s.ok());
    CHECK(s->rendered == 4);
    CHECK(fs::exists(options.out_dir / "HT-PANEL-01_turntable_sheet.jpg"));
    std::set<std::string> cameras;
    for (int frame = 0; frame < 4; ++frame) {
        char name[64];
        std::snprintf(name, sizeof name, "HT-PANEL-01_turntable_%03d.json", frame);
        Result<std::vector<std::uint8_t>> bytes = read_file(options.out_dir / name);
        REQUIRE(bytes.ok());
        cameras.insert(nlohmann::json::parse(bytes->begin(), bytes->end())["camera"]["position"].dump());
    }
    CHECK(cameras.size() == 1);
}

TEST_CASE("flat products are shot from above, tall ones of the same category from high up", "[photo][batch]") {
    const scene::Catalogue catalogue = batch_catalogue({"HT-TRAY-01", "HT-PANEL-01", "HT-VASE-01"});
    photo::BatchOptions options;
    options.preset = photo::load_preset("marketplace-white").value();
    std::set<std::string> files;
    for (const photo::PhotoJob& job : photo::plan_batch(catalogue, options)) files.insert(job.file_name);
    CHECK(files.count("HT-TRAY-01_above.jpg") == 1);
    CHECK(files.count("HT-PANEL-01_top.jpg") == 1);
    CHECK(files.count("HT-PANEL-01_above.jpg") == 0);
    CHECK(files.count("HT-VASE-01_top.jpg") == 1);
    // An explicit --angles list is taken as it is.
    options.angles = photo::parse_angle_list("above", "test").value();
    CHECK(photo::plan_batch(catalogue, options)[1].file_name == "HT-PANEL-01_above.jpg");
}
