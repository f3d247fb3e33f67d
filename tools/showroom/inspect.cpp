#include "inspect.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string_view>

#include <nlohmann/json.hpp>

#include "assets/import.h"
#include "core/files.h"

// Named, not anonymous: safe in a unity build of the tool.
namespace ocop::cli::inspect_detail {

using nlohmann::json;
using assets::Material;
using assets::Model;
using assets::TextureRef;

// Textures above this side are heavy for the web and for phones (and most GPUs' sweet spot).
constexpr int large_texture_side = 4096;

// The glTF extensions a material needs, read from what it holds.
std::vector<std::string> material_extensions(const Material& m) {
    std::vector<std::string> out;
    if (m.sheen.enabled) out.emplace_back("KHR_materials_sheen");
    if (m.clearcoat.enabled) out.emplace_back("KHR_materials_clearcoat");
    if (m.specular.enabled) out.emplace_back("KHR_materials_specular");
    if (m.transmission.enabled) out.emplace_back("KHR_materials_transmission");
    if (m.volume.enabled) out.emplace_back("KHR_materials_volume");
    if (m.iridescence.enabled) out.emplace_back("KHR_materials_iridescence");
    if (m.emissive_strength != 1.0f) out.emplace_back("KHR_materials_emissive_strength");
    if (m.ior != 1.5f) out.emplace_back("KHR_materials_ior");
    if (m.unlit) out.emplace_back("KHR_materials_unlit");
    for (const assets::MaterialSlot& slot : assets::texture_slots(m))
        if (slot.ref->present() && !slot.ref->transform.is_identity()) {
            out.emplace_back("KHR_texture_transform");
            break;
        }
    return out;
}

const char* alpha_mode_name(assets::AlphaMode mode) {
    switch (mode) {
        case assets::AlphaMode::Opaque: return "OPAQUE";
        case assets::AlphaMode::Mask: return "MASK";
        case assets::AlphaMode::Blend: return "BLEND";
    }
    return "OPAQUE";
}

// A triangle with a repeated index or no area (relative to its edges, so the test does not
// depend on the model's size).
std::size_t degenerate_triangles(const assets::Mesh& mesh) {
    std::size_t count = 0;
    for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        const std::uint32_t a = mesh.indices[i], b = mesh.indices[i + 1], c = mesh.indices[i + 2];
        if (a == b || b == c || a == c) {
            ++count;
            continue;
        }
        const glm::vec3 e1 = mesh.positions[b] - mesh.positions[a];
        const glm::vec3 e2 = mesh.positions[c] - mesh.positions[a];
        const glm::vec3 n = glm::cross(e1, e2);
        const float scale = glm::dot(e1, e1) * glm::dot(e2, e2);
        if (!(glm::dot(n, n) > 1e-14f * scale)) ++count;
    }
    return count;
}

bool unit_less(const std::string& extension) {
    return extension == ".obj" || extension == ".ply" || extension == ".stl";
}

json vec3_json(const glm::vec3& v) { return json::array({v.x, v.y, v.z}); }

json describe(const std::string& file, const Model& model, double load_s) {
    json out;
    out["file"] = file;
    out["format"] = model.format;
    out["triangles"] = model.triangle_count();
    out["drawn_triangles"] = model.drawn_triangle_count();
    std::size_t vertices = 0;
    for (const assets::Mesh& mesh : model.meshes) vertices += mesh.positions.size();
    out["vertices"] = vertices;
    out["meshes"] = model.meshes.size();
    out["nodes"] = model.nodes.size();

    std::set<std::string> extensions(model.extensions_used.begin(), model.extensions_used.end());
    json materials = json::array();
    std::vector<int> srgb_uses(model.images.size(), 0), linear_uses(model.images.size(), 0);
    for (const Material& m : model.materials) {
        const std::vector<std::string> used = material_extensions(m);
        extensions.insert(used.begin(), used.end());
        materials.push_back({{"name", m.name},
                             {"extensions", used},
                             {"alpha_mode", alpha_mode_name(m.alpha_mode)},
                             {"double_sided", m.double_sided}});
        for (const assets::MaterialSlot& slot : assets::texture_slots(m))
            if (slot.ref->present() && static_cast<std::size_t>(slot.ref->image) < model.images.size())
                ++(slot.srgb ? srgb_uses : linear_uses)[static_cast<std::size_t>(slot.ref->image)];
    }
    out["materials"] = materials;
    out["extensions"] = std::vector<std::string>(extensions.begin(), extensions.end());

    std::vector<std::string> warnings = model.warnings;
    json textures = json::array();
    for (std::size_t i = 0; i < model.images.size(); ++i) {
        const assets::Image& image = model.images[i];
        std::string format = image.mime_type;
        if (format.empty()) format = image.rgba32f.empty() ? "RGBA8 (decoded)" : "RGBA32F (HDR)";
        std::string space = "unused";
        if (srgb_uses[i] > 0 && linear_uses[i] > 0) space = "sRGB and linear";  // a misauthored file
        else if (srgb_uses[i] > 0) space = "sRGB";
        else if (linear_uses[i] > 0) space = "linear";
        textures.push_back({{"name", image.name},
                            {"width", image.width},
                            {"height", image.height},
                            {"format", format},
                            {"bits", image.source_bits},
                            {"colour_space", space},
                            {"placeholder", image.placeholder}});
        const std::string name = image.name.empty() ? "image " + std::to_string(i) : "'" + image.name + "'";
        // The importer usually said so already, naming the path the file gave.
        const bool said = std::any_of(model.warnings.begin(), model.warnings.end(), [&](const std::string& w) {
            return !image.name.empty() && w.find(image.name) != std::string::npos;
        });
        if (image.placeholder && !said) warnings.push_back("texture " + name + " is missing: a placeholder is shown");
        if (std::max(image.width, image.height) > large_texture_side)
            warnings.push_back("texture " + name + " is " + std::to_string(image.width) + "x" +
                               std::to_string(image.height) + ", larger than " +
                               std::to_string(large_texture_side));
    }
    out["textures"] = textures;

    std::size_t degenerate = 0;
    for (const assets::Mesh& mesh : model.meshes) {
        degenerate += degenerate_triangles(mesh);
        if (mesh.material < 0 || static_cast<std::size_t>(mesh.material) >= model.materials.size()) continue;
        for (const assets::MaterialSlot& slot : assets::texture_slots(model.materials[static_cast<std::size_t>(mesh.material)]))
            if (slot.ref->present() && (slot.ref->texcoord == 1 ? mesh.uv1 : mesh.uv0).empty()) {
                warnings.push_back("mesh '" + mesh.name + "' has textures but no UVs");
                break;
            }
    }
    out["degenerate_triangles"] = degenerate;
    if (degenerate > 0) warnings.push_back(std::to_string(degenerate) + " degenerate triangle(s)");
    const bool guessed = std::any_of(warnings.begin(), warnings.end(),
                                     [](const std::string& w) { return w.starts_with("units guessed"); });
    if (unit_less(lower_extension(file)) && !guessed) warnings.emplace_back("units assumed to be metres");

    const Bounds bounds = model.bounds();
    out["bounds_m"] = {{"min", vec3_json(bounds.empty() ? glm::vec3(0) : bounds.min)},
                       {"max", vec3_json(bounds.empty() ? glm::vec3(0) : bounds.max)},
                       {"size", vec3_json(bounds.size())}};
    out["warnings"] = warnings;
    out["load_s"] = load_s;
    return out;
}

std::string join(const json& list) {
    std::string out;
    for (const json& item : list) out += (out.empty() ? "" : ", ") + item.get<std::string>();
    return out;
}

void print_text(const json& r) {
    std::printf("%s\n", r["file"].get<std::string>().c_str());
    std::printf("  format      %s\n", r["format"].get<std::string>().c_str());
    std::printf("  triangles   %zu (drawn %zu)\n", r["triangles"].get<std::size_t>(),
                r["drawn_triangles"].get<std::size_t>());
    std::printf("  vertices    %zu in %zu mesh(es), %zu node(s)\n", r["vertices"].get<std::size_t>(),
                r["meshes"].get<std::size_t>(), r["nodes"].get<std::size_t>());
    const json& size = r["bounds_m"]["size"];
    std::printf("  bounds      %.4g x %.4g x %.4g m\n", size[0].get<double>(), size[1].get<double>(),
                size[2].get<double>());
    std::printf("  extensions  %s\n", r["extensions"].empty() ? "none" : join(r["extensions"]).c_str());
    std::printf("  materials   %zu\n", r["materials"].size());
    for (const json& m : r["materials"]) {
        const std::string used = m["extensions"].empty() ? "" : " [" + join(m["extensions"]) + "]";
        std::printf("    '%s' %s%s%s\n", m["name"].get<std::string>().c_str(),
                    m["alpha_mode"].get<std::string>().c_str(), m["double_sided"].get<bool>() ? " double-sided" : "",
                    used.c_str());
    }
    std::printf("  textures    %zu\n", r["textures"].size());
    for (const json& t : r["textures"])
        std::printf("    '%s' %dx%d %s %s%s\n", t["name"].get<std::string>().c_str(), t["width"].get<int>(),
                    t["height"].get<int>(), t["format"].get<std::string>().c_str(),
                    t["colour_space"].get<std::string>().c_str(), t["placeholder"].get<bool>() ? " (placeholder)" : "");
    std::printf("  load time   %.3f s\n", r["load_s"].get<double>());
    for (const json& w : r["warnings"]) std::printf("  warning: %s\n", w.get<std::string>().c_str());
}

}  // namespace ocop::cli::inspect_detail

namespace ocop::cli {

int run_inspect(const InspectArgs& args) {
    using namespace inspect_detail;
    json all = json::array();
    bool any_failed = false;
    bool first = true;
    for (const std::string& file : args.files) {
        const auto start = std::chrono::steady_clock::now();
        assets::ImportOptions options;
        options.limits = args.limits;
        Result<Model> model = assets::import(file, options);
        const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!model) {
            any_failed = true;
            std::fprintf(stderr, "showroom: %s\n", model.error().message().c_str());
            std::fflush(stderr);
            if (args.json) all.push_back({{"file", file}, {"error", model.error().message()}});
            continue;
        }
        json report = describe(file, model.value(), load_s);
        if (args.json) {
            all.push_back(std::move(report));
        } else {
            if (!first) std::printf("\n");
            print_text(report);
            std::fflush(stdout);
        }
        first = false;
    }
    // Names from files are not always UTF-8 (old FBX and 3DS exporters write Latin-1).
    if (args.json) std::printf("%s\n", all.dump(2, ' ', false, json::error_handler_t::replace).c_str());
    return any_failed ? 2 : 0;
}

}  // namespace ocop::cli
