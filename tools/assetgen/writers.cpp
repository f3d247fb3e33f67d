// GLB through the exporter; glTF as the same document split into .gltf, .bin and PNG files,
// so that there is one glTF writer; the unit and up-axis conversion shared by all formats.
#include "writers.h"

#include <cstring>
#include <map>

#include <nlohmann/json.hpp>
#include <stb/stb_image_write.h>

#include "core/files.h"
#include "core/parallel.h"
#include "export/glb_writer.h"

namespace ocop::samples {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

float writer_metres_per_unit(const std::string& units) {
    if (units == "m") return 1.0f;
    if (units == "cm") return 0.01f;
    if (units == "mm") return 0.001f;
    return 0.0f;
}

// Metres, +Y up -> the file's axes: the inverse of assets::z_up_to_y_up, a proper rotation.
glm::vec3 writer_to_up(const glm::vec3& v, bool z_up) { return z_up ? glm::vec3(v.x, -v.z, v.y) : v; }

std::uint32_t writer_read_u32(const std::vector<std::uint8_t>& bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (int k = 3; k >= 0; --k) value = (value << 8) | bytes[at + static_cast<std::size_t>(k)];
    return value;
}

void writer_png_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

// The generators' images encoded once, in parallel, so the GLB writer only copies them.
assets::Model with_encoded_images(assets::Model model, Status* status) {
    std::vector<Result<std::vector<std::uint8_t>>> pngs(model.images.size(), std::vector<std::uint8_t>{});
    parallel_for(model.images.size(), [&](std::size_t i) {
        if (model.images[i].encoded.empty()) pngs[i] = encode_png(model.images[i]);
    });
    for (std::size_t i = 0; i < model.images.size(); ++i) {
        if (!pngs[i]) {
            *status = pngs[i].error();
            return model;
        }
        if (!model.images[i].encoded.empty()) continue;
        model.images[i].encoded = std::move(pngs[i].value());
        model.images[i].mime_type = "image/png";
    }
    return model;
}

// Splits a GLB into its JSON and BIN chunks (§4.4), moves every image out of the buffer into
// a PNG beside the .gltf, and packs the remaining views into NAME.bin.
Status write_gltf_from_glb(const std::vector<std::uint8_t>& glb, const fs::path& gltf_path) {
    const std::string file = gltf_path.string();
    if (glb.size() < 28) return failure(file, "the GLB to split is truncated");
    const std::uint32_t json_length = writer_read_u32(glb, 12);
    const std::size_t bin_header = 20 + std::size_t{json_length};
    if (bin_header + 8 > glb.size()) return failure(file, "the GLB to split has no BIN chunk");
    Json doc = Json::parse(glb.begin() + 20, glb.begin() + static_cast<std::ptrdiff_t>(bin_header),
                           nullptr, false);
    if (doc.is_discarded()) return failure(file, "the GLB to split has invalid JSON");
    const std::size_t bin_start = bin_header + 8;

    const std::string stem = gltf_path.stem().string();
    Json& views = doc["bufferViews"];
    std::vector<bool> image_view(views.size(), false);
    if (doc.contains("images")) {
        int index = 0;
        for (Json& image : doc["images"]) {
            const std::size_t view = image["bufferView"].get<std::size_t>();
            const std::size_t offset = views[view].value("byteOffset", std::size_t{0});
            const std::size_t length = views[view]["byteLength"].get<std::size_t>();
            const std::string name = stem + "_" + std::to_string(index++) + ".png";
            const auto* begin = glb.data() + bin_start + offset;
            if (Status s = write_file_atomic(gltf_path.parent_path() / name,
                                             std::span<const std::uint8_t>(begin, length));
                !s)
                return s;
            image.erase("bufferView");
            image.erase("mimeType");
            image["uri"] = name;
            image_view[view] = true;
        }
    }
    // Views that stay, repacked in order on 4-byte boundaries (§3.6.2.4).
    std::vector<std::uint8_t> bin;
    std::map<std::size_t, std::size_t> new_index;
    Json kept = Json::array();
    for (std::size_t v = 0; v < views.size(); ++v) {
        if (image_view[v]) continue;
        Json view = views[v];
        const std::size_t offset = view.value("byteOffset", std::size_t{0});
        const std::size_t length = view["byteLength"].get<std::size_t>();
        while (bin.size() % 4 != 0) bin.push_back(0);
        view["byteOffset"] = bin.size();
        bin.insert(bin.end(), glb.begin() + static_cast<std::ptrdiff_t>(bin_start + offset),
                   glb.begin() + static_cast<std::ptrdiff_t>(bin_start + offset + length));
        new_index[v] = kept.size();
        kept.push_back(std::move(view));
    }
    for (Json& accessor : doc["accessors"])
        accessor["bufferView"] = new_index.at(accessor["bufferView"].get<std::size_t>());
    doc["bufferViews"] = std::move(kept);
    const std::string bin_name = stem + ".bin";
    doc["buffers"] = Json::array({{{"byteLength", bin.size()}, {"uri", bin_name}}});
    if (Status s = write_file_atomic(gltf_path.parent_path() / bin_name, bin); !s) return s;
    return write_file_atomic(gltf_path, doc.dump(1) + "\n");
}

}  // namespace

Result<std::vector<std::uint8_t>> encode_png(const assets::Image& image) {
    const std::size_t expected = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4;
    if (expected == 0 || image.rgba8.size() != expected)
        return bad_input(image.name, "has no RGBA8 pixels to encode");
    std::vector<std::uint8_t> png;
    if (stbi_write_png_to_func(writer_png_bytes, &png, image.width, image.height, 4, image.rgba8.data(),
                               image.width * 4) == 0)
        return failure(image.name, "PNG encoding failed");
    return png;
}

Result<assets::Model> to_file_space(assets::Model model, const std::string& units, const std::string& up) {
    const float metres = writer_metres_per_unit(units);
    if (metres <= 0.0f) return bad_input(model.source, "unknown units '" + units + "'");
    if (up != "y" && up != "z") return bad_input(model.source, "unknown up axis '" + up + "'");
    const bool z_up = up == "z";
    assets::Model out;
    out.source = model.source;
    out.materials = std::move(model.materials);
    out.images = std::move(model.images);  // pixels are large: moved, never copied
    const std::vector<assets::MeshInstance> instances = model.instances();
    std::vector<int> uses(model.meshes.size(), 0);
    for (const assets::MeshInstance& instance : instances) ++uses[static_cast<std::size_t>(instance.mesh)];
    for (const assets::MeshInstance& instance : instances) {
        const auto index = static_cast<std::size_t>(instance.mesh);
        assets::Mesh mesh = --uses[index] == 0 ? std::move(model.meshes[index]) : model.meshes[index];
        const glm::mat3 linear(instance.world);
        const glm::mat3 normal_matrix = glm::transpose(glm::inverse(linear));
        for (glm::vec3& p : mesh.positions)
            p = writer_to_up(glm::vec3(instance.world * glm::vec4(p, 1.0f)), z_up) / metres;
        for (glm::vec3& n : mesh.normals) n = writer_to_up(glm::normalize(normal_matrix * n), z_up);
        for (glm::vec4& t : mesh.tangents)
            t = glm::vec4(writer_to_up(glm::normalize(linear * glm::vec3(t)), z_up), t.w);
        if (glm::determinant(linear) < 0.0f)  // a mirrored instance: keep the front faces front
            for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
        mesh.lods.clear();
        out.meshes.push_back(std::move(mesh));
    }
    return out;
}

Status write_sample(SampleFile sample, const fs::path& dir) {
    Result<assets::Model> file_model = to_file_space(std::move(sample.model), sample.units, sample.up);
    if (!file_model) return file_model.error();
    const fs::path path = dir / sample.name;
    const std::string stem = path.stem().string();
    switch (sample.format) {
        case FileFormat::Obj:
            return write_obj(file_model.value(), path);
        case FileFormat::Ply:
            return write_ply(file_model.value(), path);
        case FileFormat::Glb:
        case FileFormat::Gltf:
            break;
    }
    Status encoded = Ok{};
    const assets::Model model = with_encoded_images(std::move(file_model).value(), &encoded);
    if (!encoded) return encoded;
    const exporter::GlbOptions options{.name = stem, .generator = "OCOP Showroom assetgen"};
    if (sample.format == FileFormat::Glb) return exporter::write_glb(model, path, options);
    Result<std::vector<std::uint8_t>> glb = exporter::encode_glb(model, options);
    if (!glb) return glb.error();
    return write_gltf_from_glb(glb.value(), path);
}

}  // namespace ocop::samples
