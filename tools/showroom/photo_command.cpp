#include "photo_command.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <vector>

#include "assets/import.h"
#include "cli_support.h"
#include "core/colour.h"
#include "core/files.h"
#include "photo/image_io.h"
#include "photo/image_size.h"
#include "photo/in_centre.h"
#include "photo/overlay.h"
#include "photo/preset.h"
#include "scene/brand.h"
#include "scene/build.h"
#include "photo/png.h"
#include "photo/studio.h"
#include "render/context.h"
#include "render/renderer.h"

namespace fs = std::filesystem;

namespace ocop::cli {

namespace {

// "1,2.5,-3" -> {1, 2.5, -3}; nothing when a part is not a finite number or the count is wrong.
std::optional<std::vector<float>> parse_numbers(const std::string& text, std::size_t min_count, std::size_t max_count) {
    std::vector<float> values;
    std::stringstream parts(text);
    for (std::string part; std::getline(parts, part, ',');) {
        std::size_t used = 0;
        float v = 0.0f;
        try {
            v = std::stof(part, &used);
        } catch (const std::exception&) {
            return std::nullopt;
        }
        if (used != part.size() || !std::isfinite(v)) return std::nullopt;
        values.push_back(v);
    }
    if (values.size() < min_count || values.size() > max_count) return std::nullopt;
    return values;
}

Result<glm::vec4> parse_background(const std::string& text) {
    if (text == "white") return glm::vec4(1.0f);
    if (text == "transparent") return glm::vec4(0.0f);
    if (Result<glm::vec3> srgb = scene::parse_hex_colour(text))
        return glm::vec4(srgb_to_linear(srgb.value()), 1.0f);  // the clear colour is linear
    return bad_input("--background", "'" + text + "' is not white, transparent or #RRGGBB");
}

Result<scene::Environment> parse_environment(const std::string& text) {
    scene::Environment e;
    if (text == "studio") return e;
    if (text == "white") {
        e.kind = scene::Environment::Kind::Uniform;
        e.uniform_radiance = glm::vec3(1.0f);
        return e;
    }
    if (lower_extension(text) != ".hdr")
        return bad_input("--environment", "'" + text + "' is not studio, studio:RIG, white or a Radiance .hdr file");
    if (Status s = check_readable(text); !s) return s.error();
    e.kind = scene::Environment::Kind::Image;
    e.image = text;
    return e;
}

Result<photo::PhotoSettings> photo_settings(const PhotoArgs& args) {
    photo::PhotoSettings settings;
    Result<photo::ImageSize> size = photo::parse_image_size(args.size, "--size");
    if (!size) return size.error();
    settings.width = size->width;
    settings.height = size->height;
    settings.turntable_deg = args.turntable_deg;
    if (!(args.fov_deg > 1.0f && args.fov_deg < 170.0f))
        return bad_input("--fov", "the vertical field of view must be between 1 and 170 degrees");
    settings.vertical_fov_deg = args.fov_deg;
    if (!args.orbit.empty()) {
        const std::optional<std::vector<float>> v = parse_numbers(args.orbit, 2, 3);
        if (!v || (v->size() == 3 && (*v)[2] <= 0.0f))
            return bad_input("--orbit", "'" + args.orbit + "' is not THETA,PHI or THETA,PHI,RADIUS (degrees, metres > 0)");
        settings.orbit = photo::Orbit{(*v)[0], (*v)[1], std::nullopt};
        if (v->size() == 3) settings.orbit->radius_m = (*v)[2];
    }
    if (!args.target.empty()) {
        const std::optional<std::vector<float>> v = parse_numbers(args.target, 3, 3);
        if (!v) return bad_input("--target", "'" + args.target + "' is not X,Y,Z in metres");
        settings.target = glm::vec3((*v)[0], (*v)[1], (*v)[2]);
    }
    if (!std::isfinite(args.exposure_ev) || std::abs(args.exposure_ev) > 30.0f)
        return bad_input("--exposure", "exposure must be between -30 and 30 EV");
    settings.exposure_ev = args.exposure_ev;
    if (const std::optional<scene::ToneMapping> t = scene::tone_mapping_from_name(args.tonemap)) settings.tone_mapping = *t;
    else return bad_input("--tonemap", "'" + args.tonemap + "' is not pbr-neutral, aces or linear");
    if (args.environment.starts_with("studio:")) {
        Result<photo::LightRig> rig = photo::builtin_light_rig(args.environment.substr(7));
        if (!rig) return rig.error();
        settings.rig = std::move(rig).value();
    } else {
        Result<scene::Environment> environment = parse_environment(args.environment);
        if (!environment) return environment.error();
        settings.environment = environment.value();
    }
    settings.lights = !args.no_lights;
    settings.shadow = !args.no_shadow;
    settings.light_shadows = !args.no_shadow;
    Result<glm::vec4> background = parse_background(args.background);
    if (!background) return background.error();
    settings.background = background.value();
    const std::uint32_t side = std::max(settings.width, settings.height);
    const unsigned samples = args.samples.value_or(side * 2 <= photo::kMaxRenderSide ? 2 : 1);
    if (samples < 1 || samples > 4) return bad_input("--samples", "the supersampling factor must be 1 to 4");
    if (side * samples > photo::kMaxRenderSide) return bad_input("--samples", "size times samples must stay within 8192 pixels a side");
    settings.supersampling = samples;
    settings.sixteen_bits = args.bits == 16;
    return settings;
}

std::string rig_list() {
    std::string list;
    for (const std::string& name : photo::builtin_light_rig_names()) list += (list.empty() ? "" : ", ") + name;
    return list;
}

}  // namespace

CLI::App* add_photo_command(CLI::App& app, PhotoArgs& args) {
    CLI::App* photo = app.add_subcommand("photo", "Render a catalogue photo of a model (default: on pure white)");
    photo->add_option("MODEL", args.model,
                      "The product model (" + assets::supported_model_list() + "), or a SKU with --catalogue")
        ->required();
    photo->add_option("-o,--out", args.out, "Output file: .png, or with --preset also .jpg or .webp")->required();
    photo->add_option("--size", args.size, "Image size WxH in pixels")
        ->capture_default_str()
        ->each([&args](const std::string&) { args.size_given = true; });
    std::string presets;
    for (const std::string& p : photo::builtin_preset_names()) presets += (presets.empty() ? "" : ", ") + p;
    photo->add_option("--preset", args.preset, "A catalogue preset (" + presets + ") or a .preset.json file");
    photo->add_option("--angle", args.angle, "With --preset: front, three-quarter-left, side, back, top, detail, above...");
    photo->add_option("--catalogue", args.catalogue, "A catalogue: MODEL may then be a product's SKU");
    photo->add_option("--centre", args.centre, "With --preset in-centre: the centre layout that displays the product");
    photo->add_option("--turntable", args.turntable_deg,
                      "Turn the product by this many degrees about its vertical axis")
        ->capture_default_str();
    photo->add_flag("--cpu", args.cpu, "Render on the CPU (Mesa lavapipe) even when a GPU is present");
    photo->add_option("--environment", args.environment,
                      "Light around the product: studio (dome and softbox), studio:RIG (a light rig: " +
                          rig_list() + "), white (uniform radiance 1) or FILE.hdr")
        ->capture_default_str();
    photo->add_option("--orbit", args.orbit,
                      "Camera as <model-viewer>'s camera-orbit: THETA,PHI[,RADIUS] (degrees, metres; "
                      "theta 0 = front, phi 90 = level); without RADIUS the product fills the frame");
    photo->add_option("--fov", args.fov_deg, "Vertical field of view in degrees")->capture_default_str();
    photo->add_option("--target", args.target, "Orbit centre X,Y,Z in metres (default: the centre of the bounds)");
    photo->add_flag("--keep-coordinates", args.keep_coordinates,
                    "Keep the file's coordinates: no centring, scaling or turning of the scan");
    photo->add_option("--exposure", args.exposure_ev, "Exposure in EV (radiance times 2^EV)")->capture_default_str();
    photo->add_option("--tonemap", args.tonemap, "Tone mapping: pbr-neutral, aces or linear")->capture_default_str();
    photo->add_flag("--no-lights", args.no_lights, "Only the environment lights the product (no key or fill light)");
    photo->add_flag("--no-shadow", args.no_shadow, "No shadows: neither the contact shadow on the floor nor the key lights' shadow maps");
    photo->add_option("--background", args.background, "white, transparent or #RRGGBB")->capture_default_str();
    photo->add_option("--samples", args.samples,
                      "Supersampling factor, 1 to 4 (renders larger, then averages; 1 is 4x MSAA) [2, or 1 above 4096 pixels a side]");
    photo->add_option("--bits", args.bits, "Bits a channel of the PNG without a preset: 8 or 16 (a preset says its own)")
        ->capture_default_str()
        ->check(CLI::IsMember({8, 16}));
    add_import_limit_options(*photo, args.limits);
    return photo;
}

namespace {

// 1 when the validation layer said anything while rendering (tests run with it on), else 0.
int validation_exit_code(const render::Context& ctx, const std::string& model) {
    const int n = ctx.validation_messages();
    if (n > 0) std::fprintf(stderr, "showroom: %d Vulkan validation message(s) while rendering %s\n", n, model.c_str());
    return n > 0 ? 1 : 0;
}

// What an output file's extension says to write.
Result<photo::PhotoFormat> format_of_output(const std::string& out) {
    const std::string ext = lower_extension(out);
    if (ext == ".png") return photo::PhotoFormat::Png;
    if (ext == ".jpg" || ext == ".jpeg") return photo::PhotoFormat::Jpeg;
    if (ext == ".webp") return photo::PhotoFormat::Webp;
    return bad_input(out, "the output must end in .png, .jpg or .webp");
}

int run_preset_photo(const PhotoArgs& args, const Log& log) {
    const auto start = std::chrono::steady_clock::now();
    Result<photo::Preset> preset = photo::load_preset(args.preset);
    if (!preset) return report(preset.error());
    if (args.size_given) {
        Result<photo::ImageSize> size = photo::parse_image_size(args.size, "--size");
        if (!size) return report(size.error());
        preset->width = size->width;
        preset->height = size->height;
    }
    const std::string angle_id = !args.angle.empty() ? args.angle : preset->angles.empty() ? "front" : preset->angles.front();
    Result<photo::Angle> angle = photo::angle_by_id(angle_id);
    if (!angle) return report(bad_input("--angle", angle.error().reason));
    Result<photo::PhotoFormat> format = format_of_output(args.out);
    if (!format) return report(format.error());
    if (Status s = check_output(args.out, lower_extension(args.out)); !s) return report(s.error());
    Result<photo::PhotoSettings> settings = photo::photo_settings(preset.value(), angle.value());
    if (!settings) return report(settings.error());
    settings->sixteen_bits = *format == photo::PhotoFormat::Png && preset->png_bits == 16;  // the file's format

    // The product: a model file, or a SKU of the catalogue (of --catalogue, or the centre's).
    std::optional<scene::Catalogue> catalogue;
    std::optional<scene::Centre> centre;
    if (!args.centre.empty()) {
        Result<scene::Centre> c = scene::load_centre(args.centre);
        if (!c) return report(c.error());
        centre = std::move(c).value();
    }
    const std::string catalogue_file =
        !args.catalogue.empty() ? args.catalogue : centre ? scene::catalogue_path(*centre).string() : std::string();
    if (!catalogue_file.empty()) {
        Result<scene::Catalogue> c = scene::load_catalogue(catalogue_file);
        if (!c) return report(c.error());
        catalogue = std::move(c).value();
    }
    Result<const scene::Product*> found = find_product(args.model, catalogue ? &*catalogue : nullptr);
    if (!found) return report(found.error());
    const scene::Product* product = found.value();

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return report(ctx.error());
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return report(renderer.error());
        Result<render::Pixels> pixels = failure(args.out, "nothing rendered");
        if (preset->background == photo::Background::InCentre) {
            if (!centre || !product)
                return report(bad_input("--preset in-centre", "needs --centre CENTRE and MODEL as a SKU it displays"));
            Result<scene::Brand> brand = centre->brand.empty() ? Result<scene::Brand>(scene::default_brand())
                                                               : scene::load_brand(scene::brand_path(*centre));
            if (!brand) return report(brand.error());
            scene::ProductLibrary library(samples_dir(), 20000);  // the room's other products: lighter
            library.set_import_limits(args.limits);
            Result<scene::Scene> s =
                photo::in_centre_scene(*centre, *catalogue, *brand, library, product->sku, *preset, *angle);
            if (!s) return report(s.error());
            pixels = photo::shoot_scene(**renderer, *s, *settings);
        } else {
            assets::ImportOptions options;
            options.limits = args.limits;
            Result<assets::Model> imported =
                import_product_or_file(args.model, catalogue ? &*catalogue : nullptr, product, options);
            if (!imported) return report(imported.error());
            for (const std::string& w : imported->warnings) log.warn(args.model + ": " + w);
            pixels = photo::shoot(**renderer, std::make_shared<const assets::Model>(std::move(imported).value()), *settings);
        }
        if (!pixels) return report(pixels.error());
        if (preset->overlay && product) {
            scene::FontCache fonts;
            Result<scene::LabelKit> kit = scene::load_label_kit(scene::default_brand(), fonts);
            if (!kit) return report(kit.error());
            photo::draw_brand_overlay(pixels.value(), *product, kit.value());
        }
        std::vector<std::pair<std::string, std::string>> metadata{
            {"Preset", preset->name}, {"Angle", angle->id}, {"Software", std::string("OCOP Showroom ") + OCOP_VERSION}};
        if (product) metadata.insert(metadata.begin(), {{"Title", product->name.vi + " / " + product->name.en}, {"SKU", product->sku}});
        const photo::EncodeOptions encode{.format = *format, .quality = preset->quality, .png_bits = preset->png_bits,
                                          .metadata = metadata};
        if (Status s = photo::write_photo(args.out, *pixels, encode); !s) return report(s.error());
        char line[256];
        std::snprintf(line, sizeof line, "wrote %s (%ux%u, preset %s, %s) in %.2f s", args.out.c_str(), preset->width,
                      preset->height, preset->name.c_str(), angle->id.c_str(),
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        log.info(line);
    }
    return validation_exit_code(**ctx, args.model);
}

}  // namespace

int run_photo(const PhotoArgs& args, const Log& log) {
    if (!args.preset.empty()) return run_preset_photo(args, log);
    const auto start = std::chrono::steady_clock::now();
    Result<photo::PhotoSettings> settings = photo_settings(args);
    if (!settings) return report(settings.error());
    if (Status s = check_output(args.out, ".png"); !s) return report(s.error());
    assets::ImportOptions options;
    if (args.keep_coordinates) options = {1.0f, assets::UpAxis::Y, false};
    options.limits = args.limits;
    Result<assets::Model> imported = assets::import(args.model, options);
    if (!imported) return report(imported.error());
    for (const std::string& w : imported->warnings) log.warn(args.model + ": " + w);
    const auto model = std::make_shared<const assets::Model>(std::move(imported).value());

    Result<std::unique_ptr<render::Context>> ctx = render::Context::create({.prefer_cpu = args.cpu, .log = log});
    if (!ctx) return report(ctx.error());
    log.debug("rendering on " + (*ctx)->device_name());
    {
        Result<std::unique_ptr<render::Renderer>> renderer = render::Renderer::create(**ctx);
        if (!renderer) return report(renderer.error());
        Result<render::Pixels> pixels = photo::shoot(**renderer, model, settings.value());
        if (!pixels) return report(pixels.error());
        const photo::EncodeOptions encode{.format = photo::PhotoFormat::Png, .png_bits = args.bits};
        if (Status s = photo::write_photo(args.out, *pixels, encode); !s) return report(s.error());
        char line[256];
        std::snprintf(line, sizeof line, "wrote %s (%ux%u, %zu triangles) in %.2f s", args.out.c_str(),
                      settings->width, settings->height, model->triangle_count(),
                      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        log.info(line);
    }
    return validation_exit_code(**ctx, args.model);
}

}  // namespace ocop::cli
