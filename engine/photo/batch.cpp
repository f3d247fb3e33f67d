#include "photo/batch.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "core/hash.h"
#include "photo/contact_sheet.h"
#include "photo/image_io.h"
#include "photo/overlay.h"
#include "photo/studio.h"
#include "scene/build.h"
#include "scene/labels.h"

namespace fs = std::filesystem;

namespace ocop::photo {

namespace batch_detail {

using nlohmann::json;

std::string number_text(float v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", double(v));
    return text;
}

void hash_rig(Hasher& h, const LightRig& rig) {
    h.field(rig.name);
    const auto vec = [&h](glm::vec3 v) { h.field(number_text(v.x)).field(number_text(v.y)).field(number_text(v.z)); };
    vec(rig.environment.wall_radiance);
    vec(rig.environment.floor_radiance);
    for (const scene::EnvironmentPanel& p : rig.environment.panels) {
        vec(p.direction);
        vec(p.radiance);
        h.field(number_text(p.width_deg)).field(number_text(p.height_deg)).field(p.round ? "round" : "rect");
    }
    for (const scene::Light& l : rig.lights) {
        vec(l.direction);
        vec(l.colour);
        h.field(number_text(l.intensity));
    }
}

json product_json(const scene::Product& p) {
    return {{"sku", p.sku},
            {"name", {{"vi", p.name.vi}, {"en", p.name.en}}},
            {"category", p.category},
            {"commune", p.commune},
            {"district", p.district},
            {"producer", p.producer},
            {"ocop_stars", p.ocop_stars},
            {"ocop_year", p.ocop_year},
            {"price_vnd", p.price_vnd},
            {"dimensions_cm", {p.dimensions_cm.x, p.dimensions_cm.y, p.dimensions_cm.z}}};
}

fs::path sidecar_path(const fs::path& photo) {
    fs::path p = photo;
    return p.replace_extension(".json");
}

// Finished: the photo and its sidecar exist, and the sidecar's inputs hash is this one.
bool finished(const fs::path& photo, const std::string& inputs_hash) {
    std::error_code ec;
    if (!fs::is_regular_file(photo, ec) || !fs::is_regular_file(sidecar_path(photo), ec)) return false;
    Result<std::vector<std::uint8_t>> bytes = read_file(sidecar_path(photo));
    if (!bytes) return false;
    const json doc = json::parse(bytes->begin(), bytes->end(), nullptr, false);
    return doc.is_object() && doc.value("inputs_hash", std::string()) == inputs_hash;
}

// A float as the decimal people wrote (0.85, not 0.8500000238418579): six significant digits.
double sidecar_number(float v) { return std::strtod(number_text(v).c_str(), nullptr); }

json sidecar_json(const PhotoJob& job, const BatchOptions& options, const scene::Camera& camera,
                  const std::string& inputs_hash, double seconds) {
    const Preset& preset = options.preset;
    const auto vec = [](glm::vec3 v) {
        return json::array({sidecar_number(v.x), sidecar_number(v.y), sidecar_number(v.z)});
    };
    return {{"format", "ocop-photo/1"},
            {"file", job.file_name},
            {"preset", preset.name},
            {"preset_file", preset.source_file.empty() ? json(nullptr) : json(preset.source_file)},
            {"angle", job.angle.id},
            {"frame", job.frame >= 0 ? json(job.frame) : json(nullptr)},
            {"size", {preset.width, preset.height}},
            {"fill", sidecar_number(preset.fill * job.angle.zoom)},
            {"product", product_json(*job.product)},
            {"camera",
             {{"position", vec(camera.position)},
              {"target", vec(camera.target)},
              {"vertical_fov_deg", sidecar_number(camera.vertical_fov_deg)},
              {"lens_shift", {sidecar_number(camera.lens_shift.x), sidecar_number(camera.lens_shift.y)}},
              {"turntable_deg", sidecar_number(job.angle.turntable_deg)},
              {"elevation_deg", sidecar_number(job.angle.elevation_deg)}}},
            {"exposure_ev", sidecar_number(preset.exposure_ev)},
            {"rig", preset.rig},
            {"tone_mapping", std::string(scene::tone_mapping_name(preset.tone_mapping))},
            {"software", std::string("showroom ") + OCOP_VERSION},
            {"inputs_hash", inputs_hash},
            {"render_seconds", std::round(seconds * 1000.0) / 1000.0}};
}

std::vector<std::pair<std::string, std::string>> photo_metadata(const PhotoJob& job, const Preset& preset,
                                                                const std::string& inputs_hash) {
    const scene::Product& p = *job.product;
    return {{"Title", p.name.vi + " / " + p.name.en},
            {"SKU", p.sku},
            {"Source", p.producer + ", " + p.commune + ", " + p.district},
            {"OCOP", std::to_string(p.ocop_stars) + " stars (" + std::to_string(p.ocop_year) + ")"},
            {"Preset", preset.name},
            {"Angle", job.angle.id},
            {"Software", std::string("OCOP Showroom ") + OCOP_VERSION},
            {"InputsHash", inputs_hash}};
}

std::string seconds_text(double s) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", s);
    return text;
}

bool have_ffmpeg() { return std::system("command -v ffmpeg >/dev/null 2>&1") == 0; }

// An MP4 of a product's turntable frames (H.264, 24 fps), written to a temporary name and
// renamed, so a killed encode leaves no half video.
Status write_turntable_video(const fs::path& dir, const std::string& first_frame_name, const fs::path& out) {
    // "SKU_turntable_000.jpg" -> "SKU_turntable_%03d.jpg"
    std::string pattern = first_frame_name;
    const std::size_t at = pattern.rfind("000");
    if (at == std::string::npos) return failure(out.string(), "frame names have no 000 to number");
    pattern.replace(at, 3, "%03d");
    const fs::path partial = fs::path(out).concat(".partial.mp4");
    const auto quoted = [](const fs::path& p) {
        std::string q = "'";
        for (const char c : p.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return q + "'";
    };
    const std::string command = "ffmpeg -nostdin -y -loglevel error -framerate 24 -i " + quoted(dir / pattern) +
                                " -c:v libx264 -pix_fmt yuv420p -vf 'scale=trunc(iw/2)*2:trunc(ih/2)*2' " +
                                quoted(partial) + " </dev/null";
    if (std::system(command.c_str()) != 0) {
        std::error_code ec;
        fs::remove(partial, ec);
        return failure(out.string(), "ffmpeg could not encode the turntable video");
    }
    std::error_code ec;
    fs::rename(partial, out, ec);
    if (ec) return failure(out.string(), "cannot rename the finished video: " + ec.message());
    return Ok{};
}

// A contact sheet of the photos that exist, captioned with their file names.
Status write_sheet(const fs::path& dir, const std::vector<const PhotoJob*>& jobs, const fs::path& out,
                   const scene::Font* font, int columns) {
    std::vector<SheetCell> cells;
    for (const PhotoJob* job : jobs) {
        Result<render::Pixels> pixels = read_photo(dir / job->file_name);
        if (!pixels) continue;  // not rendered yet (another shard) or failed
        cells.push_back({fs::path(job->file_name).stem().string(), thumbnail(pixels.value(), 320)});
    }
    if (cells.empty()) return Ok{};
    const render::Pixels sheet = contact_sheet(cells, columns, 320, font);
    return write_photo(out, sheet, {.format = PhotoFormat::Jpeg, .quality = 88, .png_bits = 8, .metadata = {}});
}

// A batch killed part-way leaves the temporaries of the writes it was making (core/files.h);
// they belong to this shard's own photos and sidecars, so its rerun removes them.
void remove_stale_temporaries(const fs::path& dir, const std::vector<PhotoJob>& jobs) {
    std::set<std::string> mine;
    for (const PhotoJob& job : jobs) {
        mine.insert(job.file_name);
        mine.insert(sidecar_path(job.file_name).string());
    }
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        const std::string target = atomic_write_target(entry.path().filename().string());
        if (!target.empty() && mine.count(target)) fs::remove(entry.path(), ec);
    }
}

// A category's "above" suits its flat things (a tray, a box, bánh chưng); a tall one of the
// same category (a lacquer vase, a standing panel) shows only its rim from straight above, so
// it gets the high "top" view instead.
std::string default_above_angle(const scene::Product& product) {
    const glm::vec3 d = product.dimensions_cm;
    return d.y <= 0.6f * std::max(d.x, d.z) ? "above" : "top";
}

}  // namespace batch_detail

Result<Shard> parse_shard(const std::string& text) {
    int index = 0, count = 0;
    char rest = 0;
    if (std::sscanf(text.c_str(), "%d/%d%c", &index, &count, &rest) != 2 || count < 1 || index < 0 || index >= count)
        return bad_input("--shard", "'" + text + "' is not I/N with 0 <= I < N (e.g. 0/4 ... 3/4)");
    return Shard{index, count};
}

std::vector<PhotoJob> plan_batch(const scene::Catalogue& catalogue, const BatchOptions& options) {
    using batch_detail::default_above_angle;
    std::vector<PhotoJob> jobs;
    const Preset& preset = options.preset;
    for (const scene::Product& product : catalogue.products) {
        if (options.turntable_frames > 0) {
            Result<Angle> front = angle_by_id("front");
            for (int frame = 0; frame < options.turntable_frames; ++frame) {
                char name[32];
                std::snprintf(name, sizeof name, "_turntable_%03d", frame);
                jobs.push_back({&product, front.value(), frame,
                                product.sku + name + std::string(format_extension(preset.format))});
            }
            continue;
        }
        std::vector<Angle> angles = options.angles;
        if (angles.empty()) {
            const std::vector<std::string> ids = preset.angles.empty() ? category_angles(product.category) : preset.angles;
            for (const std::string& id : ids)
                if (Result<Angle> a = angle_by_id(id == "above" ? default_above_angle(product) : id)) angles.push_back(a.value());
        }
        for (const Angle& angle : angles)
            jobs.push_back({&product, angle, -1, photo_file_name(preset, product.sku, angle.id)});
    }
    return jobs;
}

std::vector<PhotoJob> shard_jobs(const std::vector<PhotoJob>& jobs, const scene::Catalogue& catalogue, Shard shard) {
    std::vector<PhotoJob> mine;
    for (const PhotoJob& job : jobs) {
        const auto index = static_cast<int>(job.product - catalogue.products.data());
        if (index % shard.count == shard.index) mine.push_back(job);
    }
    return mine;
}

std::string photo_inputs_hash(const Preset& preset, const scene::Product& product, const std::string& model_hash,
                              const Angle& angle, int frame, int frame_count) {
    using namespace batch_detail;
    Hasher h;
    h.field("ocop-photo/1").field(OCOP_VERSION).field(preset.source_text);
    if (Result<LightRig> rig = builtin_light_rig(preset.rig)) hash_rig(h, rig.value());
    h.field(product_json(product).dump()).field(model_hash);
    h.field(angle.id).field(number_text(angle.turntable_deg)).field(number_text(angle.elevation_deg)).field(number_text(angle.zoom));
    h.field(std::to_string(frame)).field(std::to_string(frame_count));
    return h.hex();
}

Result<BatchSummary> run_batch(render::Renderer& renderer, const scene::Catalogue& catalogue,
                               const BatchOptions& options, const std::function<void(const BatchEvent&)>& progress) {
    using namespace batch_detail;
    using Clock = std::chrono::steady_clock;
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) return failure(options.out_dir.string(), "cannot create the folder: " + ec.message());

    const std::vector<PhotoJob> all_jobs = plan_batch(catalogue, options);
    const std::vector<PhotoJob> jobs = shard_jobs(all_jobs, catalogue, options.shard);
    remove_stale_temporaries(options.out_dir, jobs);
    scene::FontCache fonts;
    std::optional<scene::LabelKit> kit;  // loaded when the first overlay or contact sheet needs it
    const auto label_kit = [&]() -> const scene::LabelKit* {
        if (!kit)
            if (Result<scene::LabelKit> k = scene::load_label_kit(scene::default_brand(), fonts)) kit = std::move(k).value();
        return kit ? &*kit : nullptr;
    };

    BatchSummary summary;
    BatchEvent event;
    event.total = jobs.size();
    const auto report = [&](const PhotoJob& job, BatchEvent::Status status, double seconds, std::string error) {
        ++event.done;
        event.job = &job;
        event.status = status;
        event.seconds = seconds;
        event.error = std::move(error);
        if (status == BatchEvent::Status::Rendered) ++summary.rendered;
        if (status == BatchEvent::Status::Skipped) ++summary.skipped;
        if (status == BatchEvent::Status::Failed) ++summary.failed;
        if (progress) progress(event);
    };

    for (std::size_t first = 0; first < jobs.size();) {
        // The jobs of one product are next to each other: import its model once for all of them.
        std::size_t last = first;
        while (last < jobs.size() && jobs[last].product == jobs[first].product) ++last;
        const scene::Product& product = *jobs[first].product;
        const fs::path model_file = scene::model_path(catalogue, product, options.samples_dir);
        Result<std::string> model_hash = hash_file(model_file);
        std::vector<std::string> hashes;
        bool any_missing = false;
        for (std::size_t i = first; i < last; ++i) {
            hashes.push_back(model_hash ? photo_inputs_hash(options.preset, product, model_hash.value(), jobs[i].angle,
                                                            jobs[i].frame, options.turntable_frames)
                                        : std::string());
            any_missing = any_missing || !model_hash || !finished(options.out_dir / jobs[i].file_name, hashes.back());
        }
        std::shared_ptr<const assets::Model> model;
        std::string product_error;
        if (!model_hash) product_error = model_hash.error().message();
        else if (any_missing) {
            assets::ImportOptions import_options;
            import_options.limits = options.limits;
            Result<assets::Model> imported = scene::import_product(catalogue, product, options.samples_dir, import_options);
            if (imported) model = std::make_shared<const assets::Model>(std::move(imported).value());
            else product_error = imported.error().message();
        }
        bool rendered_any = false;
        for (std::size_t i = first; i < last; ++i) {
            const PhotoJob& job = jobs[i];
            const fs::path file = options.out_dir / job.file_name;
            if (!product_error.empty()) {
                report(job, BatchEvent::Status::Failed, 0.0, product_error);
                continue;
            }
            if (finished(file, hashes[i - first])) {
                report(job, BatchEvent::Status::Skipped, 0.0, {});
                continue;
            }
            const auto start = Clock::now();
            const float turn = job.frame >= 0 ? 360.0f * float(job.frame) / float(options.turntable_frames) : 0.0f;
            Result<PhotoSettings> settings = photo_settings(options.preset, job.angle, turn);
            if (!settings) {
                report(job, BatchEvent::Status::Failed, 0.0, settings.error().message());
                continue;
            }
            settings->frame_whole_turn = job.frame >= 0;
            scene::Camera camera;
            Result<render::Pixels> pixels = shoot(renderer, model, settings.value(), &camera);
            if (!pixels && renderer.context().lost()) return pixels.error();  // nothing more can be drawn
            if (!pixels) {
                report(job, BatchEvent::Status::Failed, 0.0, pixels.error().message());
                continue;
            }
            if (options.preset.overlay)
                if (const scene::LabelKit* k = label_kit()) draw_brand_overlay(pixels.value(), product, *k);
            EncodeOptions encode{.format = options.preset.format,
                                 .quality = options.preset.quality,
                                 .png_bits = options.preset.png_bits,
                                 .metadata = photo_metadata(job, options.preset, hashes[i - first])};
            // The photo first, its sidecar last: a sidecar is the mark of a finished photo.
            Status written = write_photo(file, pixels.value(), encode);
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            if (written)
                written = write_file_atomic(sidecar_path(file),
                                            sidecar_json(job, options, camera, hashes[i - first], seconds).dump(2) + "\n");
            if (!written) {
                // A full disk fails every photo after this one too: stop, and say so once.
                if (is_disk_full(written.error())) return written.error();
                report(job, BatchEvent::Status::Failed, seconds, written.error().message());
                continue;
            }
            rendered_any = true;
            report(job, BatchEvent::Status::Rendered, seconds, {});
        }
        if (options.turntable_frames > 0) {
            std::vector<const PhotoJob*> frames;
            for (std::size_t i = first; i < last; ++i) frames.push_back(&jobs[i]);
            const fs::path sheet = options.out_dir / (product.sku + "_turntable_sheet.jpg");
            if (rendered_any || !fs::exists(sheet, ec)) {
                const scene::LabelKit* k = label_kit();
                if (Status s = write_sheet(options.out_dir, frames, sheet, k ? &k->regular : nullptr, 6); !s)
                    summary.errors.push_back(s.error().message());
                else
                    summary.extras.push_back(sheet.filename().string());
            }
            const fs::path video = options.out_dir / (product.sku + "_turntable.mp4");
            if ((rendered_any || !fs::exists(video, ec)) && have_ffmpeg()) {
                if (Status s = write_turntable_video(options.out_dir, frames.front()->file_name, video); !s)
                    summary.errors.push_back(s.error().message());
                else
                    summary.extras.push_back(video.filename().string());
            }
        }
        first = last;
    }

    // The whole batch's sheet, from every shard's photos found in the folder: the shard that
    // finishes last writes the complete one.
    const fs::path sheet = options.out_dir / "contact-sheet.jpg";
    if (options.contact_sheet && options.turntable_frames == 0 && (summary.rendered > 0 || !fs::exists(sheet, ec))) {
        std::vector<const PhotoJob*> every;
        for (const PhotoJob& job : all_jobs) every.push_back(&job);
        const scene::LabelKit* k = label_kit();
        if (Status s = write_sheet(options.out_dir, every, sheet, k ? &k->regular : nullptr, 8); !s)
            summary.errors.push_back(s.error().message());
        else
            summary.extras.push_back(sheet.filename().string());
    }
    return summary;
}

}  // namespace ocop::photo
