#include "assets/import_gltf.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <climits>
#include <exception>
#include <functional>
#include <new>
#include <optional>
#include <span>
#include <sstream>
#include <string_view>
#include <system_error>

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>

#include "assets/gltf_accessors.h"
#include "assets/image.h"
#include "core/files.h"

// Named, not anonymous: the unity build puts every assets source in one translation unit.
namespace ocop::assets::gltf_import {

using namespace gltf_accessors;

// Encoded bytes of images given by URI, as tinygltf hands them to the image callback.
// Images stored in a bufferView are read later from a range we have checked ourselves,
// because tinygltf does not check that range before pointing at it.
struct EncodedImages {
    std::vector<std::vector<std::uint8_t>> bytes;  // by glTF image index
    std::vector<std::string> mime_types;
};

bool keep_encoded_image(tinygltf::Image* image, const int image_index, std::string*, std::string*,
                        int, int, const unsigned char* bytes, int size, void* user_data) {
    auto* kept = static_cast<EncodedImages*>(user_data);
    if (image_index < 0) return true;
    const auto slot = static_cast<std::size_t>(image_index);
    if (kept->bytes.size() <= slot) {
        kept->bytes.resize(slot + 1);
        kept->mime_types.resize(slot + 1);
    }
    if (image->bufferView >= 0 || bytes == nullptr || size <= 0) return true;
    kept->bytes[slot].assign(bytes, bytes + size);
    kept->mime_types[slot] = image->mimeType;
    return true;
}

// tinygltf's messages come as newline-separated sentences; ours are one line.
std::string one_line(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (char& c : text)
        if (c == '\n') c = ';';
    return text;
}

// ---------------------------------------------------------------------------------------------
// What the file may refer to. Every buffer and image URI is checked on the JSON itself before
// tinygltf runs, and the file-system callbacks confine tinygltf to the model's folder besides.

std::string percent_decoded(const std::string& uri) {  // as tinygltf decodes URIs
    std::string out;
    const auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return 0;
    };
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '+') {
            out += ' ';
        } else if (uri[i] == '%' && uri.size() > i + 2) {
            out += static_cast<char>(hex(uri[i + 1]) << 4 | hex(uri[i + 2]));
            i += 2;
        } else {
            out += uri[i];
        }
    }
    return out;
}

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":". A Windows drive
// letter ("C:/x.bin") reads as one too, and is refused with the rest.
bool has_scheme(const std::string& uri) {
    if (uri.empty() || !std::isalpha(static_cast<unsigned char>(uri[0]))) return false;
    for (char c : uri) {
        if (c == ':') return true;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
}

bool is_data_uri(const std::string& uri) {
    return uri.size() >= 5 && std::equal(uri.begin(), uri.begin() + 5, "data:", [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// True when `uri` names a file inside the model's folder (or is a data: URI).
bool uri_stays_inside(const std::string& uri) {
    if (is_data_uri(uri)) return true;
    std::string decoded = percent_decoded(uri);
    std::replace(decoded.begin(), decoded.end(), '\\', '/');
    if (has_scheme(uri) || has_scheme(decoded)) return false;
    if (!decoded.empty() && decoded.front() == '/') return false;
    const std::filesystem::path normal = std::filesystem::path(decoded).lexically_normal();
    return normal.empty() || *normal.begin() != "..";
}

// A little-endian uint32 of the GLB header (glTF 2.0 §4.4); `at + 4` must be within `data`.
std::uint32_t glb_u32(std::span<const std::uint8_t> data, std::size_t at) {
    std::uint32_t v = 0;
    for (int b = 0; b < 4; ++b) v |= std::uint32_t(data[at + static_cast<std::size_t>(b)]) << (8 * b);
    return v;
}

// The JSON text: the whole .gltf, or the JSON chunk of a .glb (empty when the header does not
// hold one; tinygltf then says what is wrong).
std::span<const std::uint8_t> json_text(std::span<const std::uint8_t> data, bool binary) {
    if (!binary) return data;
    if (data.size() < 20 || glb_u32(data, 16) != 0x4E4F534Au || glb_u32(data, 12) > data.size() - 20) return {};
    return {data.data() + 20, glb_u32(data, 12)};
}

// The parsed JSON; discarded when it cannot be found or parsed.
nlohmann::json document_json(std::span<const std::uint8_t> data, bool binary) {
    const std::span<const std::uint8_t> text = json_text(data, binary);
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

// tinygltf turns JSON into its values recursively: deep nesting would overflow the stack. No
// glTF needs more than a few levels; extras get generous room.
constexpr int max_json_depth = 256;

// The JSON text's deepest nesting of arrays and objects, counted without parsing (strings
// skipped), stopping once past `limit`.
int json_depth(const std::uint8_t* first, std::size_t length, int limit) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < length && deepest <= limit; ++i) {
        const char c = static_cast<char>(first[i]);
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// The GLB container (glTF 2.0 §4.4) as far as tinygltf does not check it: the version, and a
// BIN chunk that fits in the file. Then the JSON's nesting, for .glb and .gltf alike.
Status check_container(std::span<const std::uint8_t> data, bool binary, const std::string& file) {
    if (binary) {
        if (data.size() < 20) return bad_input(file, "not a valid GLB file: it is shorter than its header");
        if (glb_u32(data, 4) != 2)
            return bad_input(file, "not a valid GLB file: version " + std::to_string(glb_u32(data, 4)) +
                                       " (only glTF 2.0 is supported)");
        if (glb_u32(data, 12) <= data.size() - 20) {
            const std::size_t bin_at = 20 + static_cast<std::size_t>(glb_u32(data, 12));
            if (data.size() >= bin_at + 8 && glb_u32(data, bin_at) > data.size() - bin_at - 8)
                return bad_input(file, "not a valid GLB file: the BIN chunk claims " +
                                           std::to_string(glb_u32(data, bin_at)) + " bytes but only " +
                                           std::to_string(data.size() - bin_at - 8) + " follow");
        }
    }
    const std::span<const std::uint8_t> json = json_text(data, binary);
    if (json_depth(json.data(), json.size(), max_json_depth) > max_json_depth)
        return bad_input(file, "the JSON is nested deeper than " + std::to_string(max_json_depth) + " levels");
    return Ok{};
}

// The extensions we cannot decode: required, they make the file unreadable to us.
constexpr std::array<std::string_view, 4> undecodable_extensions = {
    "KHR_draco_mesh_compression", "EXT_meshopt_compression", "KHR_texture_basisu", "EXT_texture_webp"};

bool is_undecodable(const std::string& name) {
    return std::find(undecodable_extensions.begin(), undecodable_extensions.end(), name) !=
           undecodable_extensions.end();
}

// Checks made on the JSON before tinygltf reads a byte more: URIs and required extensions.
Status check_document(const nlohmann::json& doc, const std::string& file) {
    if (!doc.is_object()) return Ok{};
    if (const auto required = doc.find("extensionsRequired"); required != doc.end() && required->is_array())
        for (const nlohmann::json& name : *required)
            if (name.is_string() && is_undecodable(name.get<std::string>()))
                return bad_input(file, "unsupported: " + name.get<std::string>());
    for (const char* kind : {"buffers", "images"}) {
        const auto list = doc.find(kind);
        if (list == doc.end() || !list->is_array()) continue;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const nlohmann::json& item = (*list)[i];
            if (!item.is_object()) continue;
            const auto uri = item.find("uri");
            if (uri == item.end() || !uri->is_string()) continue;
            const std::string text = uri->get<std::string>();
            if (!uri_stays_inside(text))
                return bad_input(file, "refers to a file outside its folder: " + text,
                                 std::string(kind).substr(0, std::string(kind).size() - 1) + " " +
                                     std::to_string(i));
        }
    }
    return Ok{};
}

// The accessor's "count" in the JSON, or 0 when it is absent or not a count.
std::uint64_t json_accessor_count(const nlohmann::json& doc, const nlohmann::json& index) {
    const auto accessors = doc.find("accessors");
    if (!index.is_number_unsigned() || accessors == doc.end() || !accessors->is_array() ||
        index.get<std::uint64_t>() >= accessors->size())
        return 0;
    const nlohmann::json& accessor = (*accessors)[index.get<std::size_t>()];
    const auto count = accessor.is_object() ? accessor.find("count") : accessor.end();
    return count != accessor.end() && count->is_number_unsigned() ? count->get<std::uint64_t>() : 0;
}

// The triangles the meshes will hold, from the JSON's accessor counts before any buffer is read
// (glTF 2.0 §3.7.2.1: a list has count / 3, a strip or a fan count - 2): every mesh a node
// uses, each once, or every mesh when there are no nodes (as add_scene reads them).
std::uint64_t json_triangle_count(const nlohmann::json& doc) {
    const auto meshes = doc.find("meshes");
    if (meshes == doc.end() || !meshes->is_array()) return 0;
    std::vector<bool> used(meshes->size(), true);
    if (const auto nodes = doc.find("nodes"); nodes != doc.end() && nodes->is_array() && !nodes->empty()) {
        used.assign(meshes->size(), false);
        for (const nlohmann::json& node : *nodes) {
            const auto mesh = node.is_object() ? node.find("mesh") : node.end();
            if (mesh != node.end() && mesh->is_number_unsigned() && mesh->get<std::uint64_t>() < used.size())
                used[mesh->get<std::size_t>()] = true;
        }
    }
    std::uint64_t triangles = 0;
    for (std::size_t m = 0; m < meshes->size(); ++m) {
        const nlohmann::json& mesh = (*meshes)[m];
        const auto primitives = mesh.is_object() ? mesh.find("primitives") : mesh.end();
        if (!used[m] || primitives == mesh.end() || !primitives->is_array()) continue;
        for (const nlohmann::json& prim : *primitives) {
            if (!prim.is_object()) continue;
            const auto mode = prim.find("mode");
            const std::uint64_t kind = mode != prim.end() && mode->is_number_unsigned() ? mode->get<std::uint64_t>() : 4;
            std::uint64_t count = 0;
            if (const auto indices = prim.find("indices"); indices != prim.end()) {
                count = json_accessor_count(doc, *indices);
            } else if (const auto attributes = prim.find("attributes"); attributes != prim.end() && attributes->is_object()) {
                if (const auto position = attributes->find("POSITION"); position != attributes->end())
                    count = json_accessor_count(doc, *position);
            }
            if (kind == TINYGLTF_MODE_TRIANGLES) triangles += count / 3;
            else if ((kind == TINYGLTF_MODE_TRIANGLE_STRIP || kind == TINYGLTF_MODE_TRIANGLE_FAN) && count >= 3)
                triangles += count - 2;
        }
    }
    return triangles;
}

// The import limits, on what the JSON says before tinygltf reads a byte more: the triangles of
// the meshes, and the size of every buffer and image file it names.
Status check_limits(const nlohmann::json& doc, const std::filesystem::path& folder, const std::string& file,
                    const ImportLimits& limits) {
    if (!doc.is_object()) return Ok{};
    if (const std::uint64_t triangles = json_triangle_count(doc); limits.max_triangles > 0 && triangles > limits.max_triangles)
        return bad_input(file, triangles_over_limit(triangles, limits));
    if (limits.max_file_bytes == 0) return Ok{};
    for (const char* kind : {"buffers", "images"}) {
        const auto list = doc.find(kind);
        if (list == doc.end() || !list->is_array()) continue;
        for (const nlohmann::json& item : *list) {
            const auto uri = item.is_object() ? item.find("uri") : item.end();
            if (uri == item.end() || !uri->is_string() || is_data_uri(uri->get<std::string>())) continue;
            const std::filesystem::path named = folder / percent_decoded(uri->get<std::string>());
            std::error_code ec;
            const std::uintmax_t bytes = std::filesystem::file_size(named, ec);
            if (!ec && bytes > limits.max_file_bytes) return bad_input(named.string(), file_over_limit(bytes, limits));
        }
    }
    return Ok{};
}

// tinygltf's file access, confined to the model's folder (symbolic links resolved).
struct Confinement {
    std::filesystem::path folder;  // canonical
    std::uint64_t max_bytes = 4ull << 30;  // of one file it reads
};

bool inside_folder(const std::string& path, void* user_data) {
    const auto* confinement = static_cast<const Confinement*>(user_data);
    std::error_code ec;
    const std::filesystem::path resolved = std::filesystem::weakly_canonical(path, ec);
    if (ec) return false;
    const auto [folder_end, resolved_end] =
        std::mismatch(confinement->folder.begin(), confinement->folder.end(), resolved.begin(), resolved.end());
    return folder_end == confinement->folder.end();
}

bool confined_file_exists(const std::string& path, void* user_data) {
    std::error_code ec;
    return inside_folder(path, user_data) && std::filesystem::is_regular_file(path, ec);
}

std::string unexpanded_path(const std::string& path, void*) { return path; }  // no ~ or $VAR

bool confined_read(std::vector<unsigned char>* out, std::string* error, const std::string& path,
                   void* user_data) {
    if (!inside_folder(path, user_data)) {
        if (error) *error = "outside the model's folder";
        return false;
    }
    Result<std::vector<std::uint8_t>> bytes = read_file(path, static_cast<const Confinement*>(user_data)->max_bytes);
    if (!bytes) {
        if (error) *error = bytes.error().reason;
        return false;
    }
    *out = std::move(bytes.value());
    return true;
}

bool confined_write(std::string* error, const std::string&, const std::vector<unsigned char>&, void*) {
    if (error) *error = "the importer writes no files";
    return false;
}

// tinygltf's own lines about image files it could not find or read: import says it once, better.
bool is_missing_image_warning(const std::string& line) {
    return line.starts_with("File not found") || line.starts_with("File read error") ||
           line.starts_with("Failed to load external 'uri' for image");
}

// A parsed glTF and where its buffers' bytes are: tinygltf's copies, except a GLB's BIN chunk,
// which is read in place from the mapped file (a scan's BIN is most of the file: copying it
// cost more than all the rest of the import).
struct ParsedGltf {
    tinygltf::Model gltf;
    MappedFile file;
    std::vector<std::span<const std::uint8_t>> buffers;  // by glTF buffer index
};

// The GLB's BIN chunk (glTF 2.0 §4.4.3.3) when the container is well formed as tinygltf checks
// it (a header length within the file, a JSON chunk, a BIN chunk of 4-byte multiples inside the
// header length); empty otherwise, and tinygltf then reads the file itself and says what is wrong.
std::span<const std::uint8_t> bin_chunk(std::span<const std::uint8_t> data) {
    if (data.size() < 20 || glb_u32(data, 8) < 20 || glb_u32(data, 8) > data.size() ||
        glb_u32(data, 16) != 0x4E4F534Au)
        return {};
    const std::size_t length = glb_u32(data, 8);
    const std::size_t json_length = glb_u32(data, 12);
    if (json_length > length - 20 || (20 + json_length) % 4 != 0 || length - 20 - json_length < 12) return {};
    const std::size_t at = 20 + json_length;
    const std::size_t bin_length = glb_u32(data, at);
    if (glb_u32(data, at + 4) != 0x004E4942u || bin_length < 4 || bin_length % 4 != 0 ||
        bin_length > length - at - 8)
        return {};
    return data.subspan(at + 8, bin_length);
}

// The JSON tinygltf is given for a GLB whose buffer 0 is its BIN chunk: buffer 0 becomes a
// one-byte data URI and images point at a one-byte view of it, so that tinygltf parses
// everything but copies nothing; `restore_bin_buffer` then puts the image views back. Empty
// when the file does not have that shape (tinygltf then reads it the usual way).
std::string json_without_bin(const nlohmann::json& doc, std::span<const std::uint8_t> bin,
                             std::vector<int>& image_views) {
    if (!doc.is_object() || bin.empty()) return {};
    const auto buffers = doc.find("buffers");
    if (buffers == doc.end() || !buffers->is_array() || buffers->empty()) return {};
    const nlohmann::json& first = (*buffers)[0];
    const auto length = first.is_object() ? first.find("byteLength") : first.end();
    if (first.contains("uri") || length == first.end() || !length->is_number_unsigned() ||
        length->get<std::uint64_t>() > bin.size())
        return {};
    nlohmann::json patched = doc;
    patched["buffers"][0]["uri"] = "data:application/octet-stream;base64,AA==";
    patched["buffers"][0]["byteLength"] = 1;
    if (patched.contains("images") && patched["images"].is_array()) {
        nlohmann::json& views = patched["bufferViews"];
        if (!views.is_array()) return {};
        const int dummy = static_cast<int>(views.size());
        bool viewed = false;
        for (nlohmann::json& image : patched["images"]) {
            const auto view = image.is_object() ? image.find("bufferView") : image.end();
            if (view == image.end()) {
                image_views.push_back(-1);
            } else if (view->is_number_integer() && view->get<std::int64_t>() >= 0 &&
                       view->get<std::int64_t>() < dummy) {
                image_views.push_back(view->get<int>());
                *view = dummy;
                viewed = true;
            } else {
                return {};  // tinygltf says what is wrong
            }
        }
        if (viewed) views.push_back({{"buffer", 0}, {"byteLength", 1}});
    }
    return patched.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void restore_bin_buffer(ParsedGltf& parsed, std::span<const std::uint8_t> bin, const std::vector<int>& image_views,
                        std::uint64_t byte_length) {
    bool viewed = false;
    for (std::size_t i = 0; i < parsed.gltf.images.size() && i < image_views.size(); ++i)
        if (image_views[i] >= 0) {
            parsed.gltf.images[i].bufferView = image_views[i];
            viewed = true;
        }
    if (viewed) parsed.gltf.bufferViews.pop_back();
    parsed.gltf.buffers[0].uri.clear();
    parsed.gltf.buffers[0].data.clear();
    parsed.buffers[0] = bin.first(static_cast<std::size_t>(byte_length));
}

Result<ParsedGltf> parse(const std::filesystem::path& path, const ImportLimits& limits, EncodedImages& kept,
                         std::vector<std::string>& warnings, bool& binary) {
    const std::string file = path.string();
    Result<MappedFile> mapped = MappedFile::open(path, limits.max_file_bytes > 0 ? limits.max_file_bytes : 4ull << 30);
    if (!mapped) return mapped.error();
    const std::span<const std::uint8_t> data = mapped->bytes();
    if (data.empty()) return bad_input(file, "the file is empty");
    if (data.size() > UINT_MAX) return bad_input(file, "glTF files over 4 GiB are not supported");
    binary = data.size() >= 4 && std::memcmp(data.data(), "glTF", 4) == 0;
    if (Status s = check_container(data, binary, file); !s) return s.error();
    const nlohmann::json doc = document_json(data, binary);
    if (Status s = check_document(doc, file); !s) return s.error();

    std::error_code ec;
    const std::filesystem::path folder = std::filesystem::absolute(path, ec).parent_path();
    Confinement confinement{std::filesystem::weakly_canonical(folder, ec)};
    if (ec) confinement.folder = folder.lexically_normal();
    if (limits.max_file_bytes > 0) confinement.max_bytes = limits.max_file_bytes;
    if (Status s = check_limits(doc, folder, file, limits); !s) return s.error();

    const std::span<const std::uint8_t> bin = binary ? bin_chunk(data) : std::span<const std::uint8_t>{};
    std::vector<int> image_views;
    const std::string json = binary ? json_without_bin(doc, bin, image_views) : std::string{};

    tinygltf::TinyGLTF loader;
    loader.SetImageLoader(&keep_encoded_image, &kept);
    loader.SetFsCallbacks({&confined_file_exists, &unexpanded_path, &confined_read, &confined_write, &confinement});
    ParsedGltf parsed{tinygltf::Model{}, std::move(mapped.value()), {}};
    std::string error, warning;
    const std::string base_dir = folder.string();
    bool loaded = false;
    try {
        if (!json.empty())
            loaded = loader.LoadASCIIFromString(&parsed.gltf, &error, &warning, json.data(),
                                                static_cast<unsigned>(json.size()), base_dir);
        else if (binary)
            loaded = loader.LoadBinaryFromMemory(&parsed.gltf, &error, &warning, data.data(),
                                                 static_cast<unsigned>(data.size()), base_dir);
        else
            loaded = loader.LoadASCIIFromString(&parsed.gltf, &error, &warning,
                                                reinterpret_cast<const char*>(data.data()),
                                                static_cast<unsigned>(data.size()), base_dir);
    } catch (const std::bad_alloc&) {
        return failure(file, "out of memory while parsing glTF");
    } catch (const std::exception& e) {
        return bad_input(file, std::string("not a valid glTF file: ") + e.what());
    }
    if (!loaded) {
        if (error.empty()) error = "unknown reason";
        const char* kind = binary ? "not a valid GLB file: " : "not a valid glTF file: ";
        if (lower_extension(path) == ".glb" && !binary)
            return bad_input(file, "not a GLB file: it does not start with the 'glTF' magic");
        return bad_input(file, kind + one_line(error));
    }
    for (const tinygltf::Buffer& buffer : parsed.gltf.buffers) parsed.buffers.emplace_back(buffer.data);
    if (!json.empty())
        restore_bin_buffer(parsed, bin, image_views, doc["buffers"][0]["byteLength"].get<std::uint64_t>());
    std::istringstream lines(warning);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty() && !is_missing_image_warning(line)) warnings.push_back(line);
    return parsed;
}

// What we read of glTF's extensions: the material and texture ones, quantized attributes.
bool is_supported_extension(const std::string& name) {
    // Other KHR_materials_* extensions add to the core material, which is still read.
    return name == "KHR_mesh_quantization" || name == "KHR_texture_transform" || name.starts_with("KHR_materials_");
}

Status check_required_extensions(const tinygltf::Model& gltf, const std::string& file,
                                 std::vector<std::string>& warnings) {
    for (const std::string& name : gltf.extensionsRequired) {
        if (is_undecodable(name)) return bad_input(file, "unsupported: " + name);
        if (!is_supported_extension(name))
            warnings.push_back("required extension " + name + " is not supported; ignored");
    }
    for (const std::string& name : gltf.extensionsUsed) {
        const bool required = std::find(gltf.extensionsRequired.begin(), gltf.extensionsRequired.end(), name) !=
                              gltf.extensionsRequired.end();
        if (is_undecodable(name) && !required)
            warnings.push_back("uses " + name + ", which is not supported; its fallback is used");
    }
    // A model is an object to light, not a lit scene: say so rather than drop the lights unseen.
    if (!gltf.lights.empty())
        warnings.push_back(std::to_string(gltf.lights.size()) +
                           " punctual light(s) (KHR_lights_punctual) not used: a photo is lit by its preset, "
                           "a centre by its layout");
    return Ok{};
}

// The conversion's state: the parsed file, the model being filled, and which glTF image
// became which model image (-1: none).
struct Converter {
    const ParsedGltf& parsed;
    const tinygltf::Model& gltf;  // parsed.gltf
    const EncodedImages& kept;
    std::string file;
    Model& model;
    std::vector<int> image_slots;
    std::size_t nodes_visited = 0;
    // glTF mesh -> the model meshes (one per primitive), read once however many nodes use it.
    std::vector<std::optional<std::vector<int>>> mesh_slots;
};

std::span<const std::uint8_t> buffer_view_bytes(const ParsedGltf& parsed, int view_index) {
    const tinygltf::Model& gltf = parsed.gltf;
    if (view_index < 0 || static_cast<std::size_t>(view_index) >= gltf.bufferViews.size()) return {};
    const tinygltf::BufferView& view = gltf.bufferViews[static_cast<std::size_t>(view_index)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= parsed.buffers.size()) return {};
    const std::span<const std::uint8_t> buffer = parsed.buffers[static_cast<std::size_t>(view.buffer)];
    if (view.byteOffset > buffer.size() || view.byteLength > buffer.size() - view.byteOffset)
        return {};
    return {buffer.data() + view.byteOffset, view.byteLength};
}

// The texture indices in a material extension object: every member named "...Texture".
void extension_textures(const tinygltf::Value& extension, const std::function<void(int)>& use) {
    if (!extension.IsObject()) return;
    for (const std::string& key : extension.Keys()) {
        if (!key.ends_with("Texture")) continue;
        const tinygltf::Value& info = extension.Get(key);
        if (info.IsObject() && info.Has("index") && info.Get("index").IsNumber())
            use(info.Get("index").GetNumberAsInt());
    }
}

// The glTF images that some material's texture uses.
std::vector<bool> referenced_images(const tinygltf::Model& gltf) {
    std::vector<bool> used(gltf.images.size(), false);
    const auto mark = [&](int texture) {
        if (texture < 0 || static_cast<std::size_t>(texture) >= gltf.textures.size()) return;
        const int source = gltf.textures[static_cast<std::size_t>(texture)].source;
        if (source >= 0 && static_cast<std::size_t>(source) < used.size()) used[static_cast<std::size_t>(source)] = true;
    };
    for (const tinygltf::Material& m : gltf.materials) {
        mark(m.pbrMetallicRoughness.baseColorTexture.index);
        mark(m.pbrMetallicRoughness.metallicRoughnessTexture.index);
        mark(m.normalTexture.index);
        mark(m.occlusionTexture.index);
        mark(m.emissiveTexture.index);
        for (const auto& [name, extension] : m.extensions) extension_textures(extension, mark);
    }
    return used;
}

// Decodes every referenced image (in parallel) into the model and fills `image_slots`. A file
// that is missing, unreadable or cannot be decoded becomes a placeholder, with a warning: a
// broken texture should not lose the model, and a checker in every photo shows it. An image
// above the pixel limit fails the import, before any is decoded.
Status decode_referenced_images(Converter& c, const ImportLimits& limits) {
    const std::vector<bool> used = referenced_images(c.gltf);
    std::vector<std::size_t> indices;
    std::vector<std::span<const std::uint8_t>> encoded;
    std::vector<std::string> wheres;
    const auto placeholder = [&c](std::size_t i, const std::string& why) {
        const tinygltf::Image& source = c.gltf.images[i];
        c.model.warnings.push_back("image " + std::to_string(i) + ": " + why + "; a placeholder is shown");
        c.image_slots[i] = static_cast<int>(c.model.images.size());
        c.model.images.push_back(placeholder_image(source.name.empty() ? source.uri : source.name));
    };
    for (std::size_t i = 0; i < used.size(); ++i) {
        if (!used[i]) continue;
        const tinygltf::Image& source = c.gltf.images[i];
        std::span<const std::uint8_t> bytes;
        if (source.bufferView >= 0)
            bytes = buffer_view_bytes(c.parsed, source.bufferView);
        else if (i < c.kept.bytes.size())
            bytes = c.kept.bytes[i];
        if (bytes.empty() && source.bufferView < 0 && !source.uri.empty() && !is_data_uri(source.uri)) {
            // tinygltf says neither why nor which: missing and unreadable files look alike to it.
            const std::filesystem::path named =
                std::filesystem::path(c.file).parent_path() / percent_decoded(source.uri);
            std::error_code ec;
            const Status readable = check_readable(named);
            const std::string why = !std::filesystem::exists(named, ec) ? "is missing"
                                    : readable                           ? "could not be read"
                                                                         : readable.error().reason;
            placeholder(i, "texture file '" + source.uri + "' " + why);
            continue;
        }
        if (bytes.empty()) {
            placeholder(i, "its data ('" + source.uri + "') could not be read");
            continue;
        }
        if (Status s = check_image_pixels(bytes, limits, c.file, "image " + std::to_string(i)); !s) return s;
        indices.push_back(i);
        encoded.push_back(bytes);
        wheres.push_back("image " + std::to_string(i));
    }
    std::vector<Result<Image>> decoded = decode_images(encoded, c.file, wheres);
    for (std::size_t k = 0; k < decoded.size(); ++k) {
        if (!decoded[k]) {
            const std::string& uri = c.gltf.images[indices[k]].uri;
            placeholder(indices[k], (uri.empty() || is_data_uri(uri) ? "" : "texture file '" + uri + "': ") +
                                        decoded[k].error().reason);
            continue;
        }
        const tinygltf::Image& source = c.gltf.images[indices[k]];
        decoded[k]->name = !source.name.empty() ? source.name : source.uri;
        c.image_slots[indices[k]] = static_cast<int>(c.model.images.size());
        c.model.images.push_back(std::move(decoded[k].value()));
    }
    return Ok{};
}

int image_slot(const Converter& c, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= c.image_slots.size()) return -1;
    return c.image_slots[static_cast<std::size_t>(index)];
}

Wrap wrap_mode(int gl_wrap) {
    switch (gl_wrap) {
        case TINYGLTF_TEXTURE_WRAP_CLAMP_TO_EDGE: return Wrap::ClampToEdge;
        case TINYGLTF_TEXTURE_WRAP_MIRRORED_REPEAT: return Wrap::MirroredRepeat;
        default: return Wrap::Repeat;
    }
}

// Reading tinygltf::Value objects (extensions) with the extension's defaults.
float number_or(const tinygltf::Value& object, const char* key, float fallback) {
    if (!object.IsObject() || !object.Has(key)) return fallback;
    const tinygltf::Value& v = object.Get(key);
    if (!v.IsNumber()) return fallback;
    const double d = v.GetNumberAsDouble();
    return std::isfinite(d) ? static_cast<float>(d) : fallback;
}

template <int N>
glm::vec<N, float> vector_or(const tinygltf::Value& object, const char* key, glm::vec<N, float> fallback) {
    if (!object.IsObject() || !object.Has(key)) return fallback;
    const tinygltf::Value& v = object.Get(key);
    if (!v.IsArray() || v.ArrayLen() != N) return fallback;
    glm::vec<N, float> out;
    for (int i = 0; i < N; ++i) {
        if (!v.Get(i).IsNumber()) return fallback;
        const double d = v.Get(i).GetNumberAsDouble();
        if (!std::isfinite(d)) return fallback;
        out[i] = static_cast<float>(d);
    }
    return out;
}

// A textureInfo's TEXCOORD set: 0 or 1, the sets the model keeps.
int texcoord_set(Converter& c, int texcoord, const std::string& where) {
    if (texcoord == 0 || texcoord == 1) return texcoord;
    c.model.warnings.push_back(where + " uses TEXCOORD_" + std::to_string(texcoord) +
                               "; only TEXCOORD_0 and TEXCOORD_1 are kept, TEXCOORD_0 is used");
    return 0;
}

TextureRef texture_ref(Converter& c, int texture_index, int texcoord, const tinygltf::ExtensionMap& extensions,
                       const std::string& where) {
    TextureRef ref;
    if (texture_index < 0) return ref;
    if (static_cast<std::size_t>(texture_index) >= c.gltf.textures.size()) {
        c.model.warnings.push_back(where + " refers to texture " + std::to_string(texture_index) +
                                   ", which does not exist; dropped");
        return ref;
    }
    const tinygltf::Texture& texture = c.gltf.textures[static_cast<std::size_t>(texture_index)];
    ref.image = image_slot(c, texture.source);
    if (texture.source < 0)
        c.model.warnings.push_back(where + " uses a texture with no PNG/JPEG source; dropped");
    else if (static_cast<std::size_t>(texture.source) >= c.gltf.images.size())
        c.model.warnings.push_back(where + " uses image " + std::to_string(texture.source) +
                                   ", which does not exist; dropped");
    if (texture.sampler >= 0 && static_cast<std::size_t>(texture.sampler) < c.gltf.samplers.size()) {
        const tinygltf::Sampler& sampler = c.gltf.samplers[static_cast<std::size_t>(texture.sampler)];
        ref.wrap_s = wrap_mode(sampler.wrapS);
        ref.wrap_t = wrap_mode(sampler.wrapT);
    }
    // KHR_texture_transform: offset, rotation, scale, and a texCoord that overrides the info's.
    if (const auto found = extensions.find("KHR_texture_transform"); found != extensions.end()) {
        const tinygltf::Value& t = found->second;
        ref.transform.offset = vector_or<2>(t, "offset", glm::vec2(0.0f));
        ref.transform.rotation = number_or(t, "rotation", 0.0f);
        ref.transform.scale = vector_or<2>(t, "scale", glm::vec2(1.0f));
        if (t.IsObject() && t.Has("texCoord") && t.Get("texCoord").IsNumber())
            texcoord = t.Get("texCoord").GetNumberAsInt();
    }
    ref.texcoord = texcoord_set(c, texcoord, where);
    return ref;
}

// A textureInfo held in an extension object (tinygltf leaves those as JSON values).
TextureRef extension_texture(Converter& c, const tinygltf::Value& extension, const char* key,
                             const std::string& where, float* scale = nullptr) {
    if (!extension.IsObject() || !extension.Has(key)) return {};
    const tinygltf::Value& info = extension.Get(key);
    if (!info.IsObject() || !info.Has("index") || !info.Get("index").IsNumber()) return {};
    tinygltf::ExtensionMap extensions;
    if (info.Has("extensions") && info.Get("extensions").IsObject()) {
        const tinygltf::Value& ext = info.Get("extensions");
        for (const std::string& name : ext.Keys()) extensions.emplace(name, ext.Get(name));
    }
    if (scale) *scale = number_or(info, "scale", 1.0f);
    const int texcoord = info.Has("texCoord") && info.Get("texCoord").IsNumber() ? info.Get("texCoord").GetNumberAsInt() : 0;
    return texture_ref(c, info.Get("index").GetNumberAsInt(), texcoord, extensions, where + " " + key);
}

glm::vec4 vec4_or(const std::vector<double>& v, glm::vec4 fallback) {
    return v.size() == 4 ? glm::vec4(v[0], v[1], v[2], v[3]) : fallback;
}

// The KHR_materials_* extensions, read per the Khronos specifications with their defaults.
void read_material_extensions(Converter& c, const tinygltf::ExtensionMap& extensions, const std::string& where,
                              Material& out) {
    const auto find = [&](const char* name) -> const tinygltf::Value* {
        const auto it = extensions.find(name);
        return it == extensions.end() ? nullptr : &it->second;
    };
    if (const tinygltf::Value* e = find("KHR_materials_emissive_strength"))
        out.emissive_strength = number_or(*e, "emissiveStrength", 1.0f);
    if (find("KHR_materials_unlit")) out.unlit = true;
    if (const tinygltf::Value* e = find("KHR_materials_ior")) out.ior = number_or(*e, "ior", 1.5f);
    if (const tinygltf::Value* e = find("KHR_materials_sheen")) {
        out.sheen.enabled = true;
        out.sheen.colour = vector_or<3>(*e, "sheenColorFactor", glm::vec3(0.0f));
        out.sheen.roughness = number_or(*e, "sheenRoughnessFactor", 0.0f);
        out.sheen.colour_texture = extension_texture(c, *e, "sheenColorTexture", where);
        out.sheen.roughness_texture = extension_texture(c, *e, "sheenRoughnessTexture", where);
    }
    if (const tinygltf::Value* e = find("KHR_materials_clearcoat")) {
        out.clearcoat.enabled = true;
        out.clearcoat.factor = number_or(*e, "clearcoatFactor", 0.0f);
        out.clearcoat.roughness = number_or(*e, "clearcoatRoughnessFactor", 0.0f);
        out.clearcoat.texture = extension_texture(c, *e, "clearcoatTexture", where);
        out.clearcoat.roughness_texture = extension_texture(c, *e, "clearcoatRoughnessTexture", where);
        out.clearcoat.normal_texture =
            extension_texture(c, *e, "clearcoatNormalTexture", where, &out.clearcoat.normal_scale);
    }
    if (const tinygltf::Value* e = find("KHR_materials_specular")) {
        out.specular.enabled = true;
        out.specular.factor = number_or(*e, "specularFactor", 1.0f);
        out.specular.colour = vector_or<3>(*e, "specularColorFactor", glm::vec3(1.0f));
        out.specular.texture = extension_texture(c, *e, "specularTexture", where);
        out.specular.colour_texture = extension_texture(c, *e, "specularColorTexture", where);
    }
    if (const tinygltf::Value* e = find("KHR_materials_transmission")) {
        out.transmission.enabled = true;
        out.transmission.factor = number_or(*e, "transmissionFactor", 0.0f);
        out.transmission.texture = extension_texture(c, *e, "transmissionTexture", where);
    }
    if (const tinygltf::Value* e = find("KHR_materials_volume")) {
        out.volume.enabled = true;
        out.volume.thickness = number_or(*e, "thicknessFactor", 0.0f);
        out.volume.thickness_texture = extension_texture(c, *e, "thicknessTexture", where);
        out.volume.attenuation_distance = number_or(*e, "attenuationDistance", 0.0f);  // absent: infinite
        out.volume.attenuation_colour = vector_or<3>(*e, "attenuationColor", glm::vec3(1.0f));
    }
    if (const tinygltf::Value* e = find("KHR_materials_iridescence")) {
        out.iridescence.enabled = true;
        out.iridescence.factor = number_or(*e, "iridescenceFactor", 0.0f);
        out.iridescence.texture = extension_texture(c, *e, "iridescenceTexture", where);
        out.iridescence.ior = number_or(*e, "iridescenceIor", 1.3f);
        out.iridescence.thickness_min_nm = number_or(*e, "iridescenceThicknessMinimum", 100.0f);
        out.iridescence.thickness_max_nm = number_or(*e, "iridescenceThicknessMaximum", 400.0f);
        out.iridescence.thickness_texture = extension_texture(c, *e, "iridescenceThicknessTexture", where);
    }
}

Material read_material(Converter& c, const tinygltf::Material& m, std::size_t index) {
    const std::string where = "material " + std::to_string(index);
    const tinygltf::PbrMetallicRoughness& pbr = m.pbrMetallicRoughness;
    Material out;
    out.name = m.name;
    out.base_color = vec4_or(pbr.baseColorFactor, glm::vec4(1.0f));
    out.metallic = static_cast<float>(pbr.metallicFactor);
    out.roughness = static_cast<float>(pbr.roughnessFactor);
    if (m.emissiveFactor.size() == 3)
        out.emissive = glm::vec3(m.emissiveFactor[0], m.emissiveFactor[1], m.emissiveFactor[2]);
    out.normal_scale = static_cast<float>(m.normalTexture.scale);
    out.occlusion_strength = static_cast<float>(m.occlusionTexture.strength);
    out.alpha_mode = m.alphaMode == "MASK"    ? AlphaMode::Mask
                     : m.alphaMode == "BLEND" ? AlphaMode::Blend
                                              : AlphaMode::Opaque;
    out.alpha_cutoff = static_cast<float>(m.alphaCutoff);
    out.double_sided = m.doubleSided;
    out.base_color_texture = texture_ref(c, pbr.baseColorTexture.index, pbr.baseColorTexture.texCoord,
                                         pbr.baseColorTexture.extensions, where);
    out.metallic_roughness_texture =
        texture_ref(c, pbr.metallicRoughnessTexture.index, pbr.metallicRoughnessTexture.texCoord,
                    pbr.metallicRoughnessTexture.extensions, where);
    out.normal_texture = texture_ref(c, m.normalTexture.index, m.normalTexture.texCoord, m.normalTexture.extensions, where);
    out.occlusion_texture =
        texture_ref(c, m.occlusionTexture.index, m.occlusionTexture.texCoord, m.occlusionTexture.extensions, where);
    out.emissive_texture =
        texture_ref(c, m.emissiveTexture.index, m.emissiveTexture.texCoord, m.emissiveTexture.extensions, where);
    read_material_extensions(c, m.extensions, where, out);
    return out;
}

// The triangle list of a primitive, from its indices in `mode` (glTF 2.0 §3.7.2.1: strips and
// fans are expanded with the spec's vertex order so front faces stay counter-clockwise).
std::vector<std::uint32_t> triangle_list(std::vector<std::uint32_t> in, int mode) {
    if (mode == TINYGLTF_MODE_TRIANGLES) {  // the common case: no copy
        in.resize(in.size() - in.size() % 3);
        return in;
    }
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; in.size() >= 3 && i < in.size() - 2; ++i) {
        if (mode == TINYGLTF_MODE_TRIANGLE_STRIP)
            out.insert(out.end(), {in[i], in[i + 1 + i % 2], in[i + 2 - i % 2]});
        else
            out.insert(out.end(), {in[i + 1], in[i + 2], in[0]});
    }
    return out;
}

template <int N>
Status read_attribute(const Converter& c, const tinygltf::Primitive& prim, const char* name,
                      std::size_t vertex_count, const std::string& where,
                      std::vector<glm::vec<N, float>>& out) {
    const auto found = prim.attributes.find(name);
    if (found == prim.attributes.end()) return Ok{};
    Result<AccessorData> data = view_accessor(c.gltf, c.parsed.buffers, found->second, N, c.file, where);
    if (!data) return data.error();
    if (data->count != vertex_count)
        return bad_input(c.file,
                         std::string(name) + " has " + std::to_string(data->count) +
                             " elements but POSITION has " + std::to_string(vertex_count),
                         accessor_where(where, found->second));
    out = read_vectors<N>(data.value());
    return Ok{};
}

// COLOR_0 (glTF 2.0 §3.7.2.1): VEC3 or VEC4 of float or normalized unsigned byte/short, linear.
Status read_colours(const Converter& c, const tinygltf::Primitive& prim, std::size_t vertex_count,
                    const std::string& where, std::vector<glm::vec4>& out) {
    const auto found = prim.attributes.find("COLOR_0");
    if (found == prim.attributes.end()) return Ok{};
    const int index = found->second;
    const int components =
        index >= 0 && static_cast<std::size_t>(index) < c.gltf.accessors.size()
            ? tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(c.gltf.accessors[static_cast<std::size_t>(index)].type))
            : 4;
    Result<AccessorData> data = view_accessor(c.gltf, c.parsed.buffers, index, components == 3 ? 3 : 4, c.file, where);
    if (!data) return data.error();
    if (data->count != vertex_count)
        return bad_input(c.file,
                         "COLOR_0 has " + std::to_string(data->count) + " elements but POSITION has " +
                             std::to_string(vertex_count),
                         accessor_where(where, index));
    if (data->component_type != TINYGLTF_COMPONENT_TYPE_FLOAT &&
        data->component_type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
        data->component_type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT)
        return bad_input(c.file, "COLOR_0 must be float, unsigned byte or unsigned short",
                         accessor_where(where, index));
    AccessorData colours = data.value();
    colours.normalized = colours.component_type != TINYGLTF_COMPONENT_TYPE_FLOAT;  // required by glTF
    if (colours.components == 3) {
        const std::vector<glm::vec3> rgb = read_vectors<3>(colours);
        out.resize(rgb.size());
        for (std::size_t i = 0; i < rgb.size(); ++i) out[i] = glm::vec4(rgb[i], 1.0f);
    } else {
        out = read_vectors<4>(colours);
    }
    return Ok{};
}

Result<Mesh> read_primitive(const Converter& c, const tinygltf::Primitive& prim,
                            const std::string& where) {
    Mesh mesh;
    const auto position = prim.attributes.find("POSITION");
    if (position == prim.attributes.end()) return bad_input(c.file, "has no POSITION attribute", where);
    Result<AccessorData> positions = view_accessor(c.gltf, c.parsed.buffers, position->second, 3, c.file, where);
    if (!positions) return positions.error();
    if (positions->count > UINT32_MAX) return bad_input(c.file, "has too many vertices", where);
    mesh.positions = read_vectors<3>(positions.value());
    const std::size_t vertex_count = mesh.positions.size();

    if (Status s = read_attribute<3>(c, prim, "NORMAL", vertex_count, where, mesh.normals); !s) return s.error();
    // Tangents without normals are meaningless (glTF 2.0 §3.7.2.1): the importer derives both.
    if (!mesh.normals.empty())
        if (Status s = read_attribute<4>(c, prim, "TANGENT", vertex_count, where, mesh.tangents); !s)
            return s.error();
    if (Status s = read_attribute<2>(c, prim, "TEXCOORD_0", vertex_count, where, mesh.uv0); !s) return s.error();
    if (Status s = read_attribute<2>(c, prim, "TEXCOORD_1", vertex_count, where, mesh.uv1); !s) return s.error();
    if (Status s = read_colours(c, prim, vertex_count, where, mesh.colours); !s) return s.error();

    std::vector<std::uint32_t> indices;
    if (prim.indices >= 0) {
        Result<AccessorData> data = view_accessor(c.gltf, c.parsed.buffers, prim.indices, 1, c.file, where);
        if (!data) return data.error();
        Result<std::vector<std::uint32_t>> read =
            read_indices(data.value(), vertex_count, c.file, accessor_where(where, prim.indices));
        if (!read) return read.error();
        indices = std::move(read.value());
    } else {
        indices.resize(vertex_count);
        for (std::size_t i = 0; i < vertex_count; ++i) indices[i] = static_cast<std::uint32_t>(i);
    }
    mesh.indices = triangle_list(std::move(indices), prim.mode);

    if (prim.material >= 0 && static_cast<std::size_t>(prim.material) >= c.gltf.materials.size())
        return bad_input(c.file, "refers to material " + std::to_string(prim.material) +
                                     ", which does not exist", where);
    mesh.material = prim.material;
    return mesh;
}

glm::mat4 local_transform(const tinygltf::Node& node) {
    glm::mat4 m(1.0f);
    if (node.matrix.size() == 16) {  // column-major, as glm stores it
        for (int i = 0; i < 16; ++i) m[i / 4][i % 4] = static_cast<float>(node.matrix[static_cast<std::size_t>(i)]);
        return m;
    }
    if (node.translation.size() == 3)
        m = glm::translate(m, glm::vec3(node.translation[0], node.translation[1], node.translation[2]));
    if (node.rotation.size() == 4) {
        const glm::quat q(static_cast<float>(node.rotation[3]), static_cast<float>(node.rotation[0]),
                          static_cast<float>(node.rotation[1]), static_cast<float>(node.rotation[2]));
        if (glm::length(q) > 0.0f) m *= glm::mat4_cast(glm::normalize(q));
    }
    if (node.scale.size() == 3) m = glm::scale(m, glm::vec3(node.scale[0], node.scale[1], node.scale[2]));
    return m;
}

// The model meshes for glTF mesh `mesh_index`, read on first use.
Result<std::vector<int>> mesh_slots(Converter& c, int mesh_index, const std::string& where) {
    if (mesh_index < 0 || static_cast<std::size_t>(mesh_index) >= c.gltf.meshes.size())
        return bad_input(c.file, "refers to mesh " + std::to_string(mesh_index) + ", which does not exist",
                         where);
    std::optional<std::vector<int>>& slots = c.mesh_slots[static_cast<std::size_t>(mesh_index)];
    if (slots) return *slots;
    slots.emplace();
    const tinygltf::Mesh& source = c.gltf.meshes[static_cast<std::size_t>(mesh_index)];
    for (std::size_t p = 0; p < source.primitives.size(); ++p) {
        const tinygltf::Primitive& prim = source.primitives[p];
        const std::string at = "mesh " + std::to_string(mesh_index) + " primitive " + std::to_string(p);
        if (prim.mode != TINYGLTF_MODE_TRIANGLES && prim.mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
            prim.mode != TINYGLTF_MODE_TRIANGLE_FAN) {
            c.model.warnings.push_back(at + ": points and lines are not drawn; skipped");
            continue;
        }
        Result<Mesh> mesh = read_primitive(c, prim, at);
        if (!mesh) return mesh.error();
        mesh->name = source.name.empty() ? "mesh " + std::to_string(mesh_index) : source.name;
        if (source.primitives.size() > 1) mesh->name += " #" + std::to_string(p);
        slots->push_back(static_cast<int>(c.model.meshes.size()));
        c.model.meshes.push_back(std::move(mesh.value()));
    }
    return *slots;
}

// Deep enough for any real file; a deeper chain is a malformed (or hostile) one.
constexpr int max_node_depth = 256;
constexpr std::size_t max_node_visits = 1'000'000;

Status add_node(Converter& c, int node_index, int parent, int depth) {
    const std::string where = "node " + std::to_string(node_index);
    if (node_index < 0 || static_cast<std::size_t>(node_index) >= c.gltf.nodes.size())
        return bad_input(c.file, "refers to a node that does not exist", where);
    if (depth > max_node_depth)
        return bad_input(c.file, "the node hierarchy is deeper than " + std::to_string(max_node_depth) +
                                     " levels or has a cycle", where);
    // A node listed under several parents (invalid glTF) is copied under each; a hostile file
    // could make that exponential, so the copies are counted.
    if (++c.nodes_visited > max_node_visits)
        return bad_input(c.file, "the node hierarchy instances more than " +
                                     std::to_string(max_node_visits) + " nodes", where);
    const tinygltf::Node& node = c.gltf.nodes[static_cast<std::size_t>(node_index)];
    Node out;
    out.name = node.name.empty() ? where : node.name;
    out.parent = parent;
    out.local = local_transform(node);
    if (!std::isfinite(out.local[0][0] + out.local[1][1] + out.local[2][2] + out.local[3][0] + out.local[3][1] +
                       out.local[3][2]))
        return bad_input(c.file, "has a transform that is not a finite number", where);
    if (node.mesh >= 0) {
        Result<std::vector<int>> meshes = mesh_slots(c, node.mesh, where);
        if (!meshes) return meshes.error();
        out.meshes = std::move(meshes).value();
    }
    const int slot = static_cast<int>(c.model.nodes.size());
    c.model.nodes.push_back(std::move(out));
    for (int child : node.children)
        if (Status s = add_node(c, child, slot, depth + 1); !s) return s;
    return Ok{};
}

// The default scene's roots; scene 0 when there is no default; every root node when there are
// no scenes; and every mesh untransformed when there are not even nodes.
Status add_scene(Converter& c) {
    const auto& scenes = c.gltf.scenes;
    // tinygltf leaves -1 when the file names no default scene.
    if (c.gltf.defaultScene < -1 ||
        (c.gltf.defaultScene >= 0 && static_cast<std::size_t>(c.gltf.defaultScene) >= scenes.size()))
        return bad_input(c.file, "the default scene " + std::to_string(c.gltf.defaultScene) + " does not exist");
    if (!scenes.empty()) {
        const std::size_t chosen = c.gltf.defaultScene >= 0 &&
                                           static_cast<std::size_t>(c.gltf.defaultScene) < scenes.size()
                                       ? static_cast<std::size_t>(c.gltf.defaultScene)
                                       : 0;
        for (int root : scenes[chosen].nodes)
            if (Status s = add_node(c, root, -1, 0); !s) return s;
        return Ok{};
    }
    if (c.gltf.nodes.empty()) {
        for (std::size_t m = 0; m < c.gltf.meshes.size(); ++m) {
            const std::string where = "mesh " + std::to_string(m);
            Result<std::vector<int>> meshes = mesh_slots(c, static_cast<int>(m), where);
            if (!meshes) return meshes.error();
            c.model.nodes.push_back(Node{where, -1, glm::mat4(1.0f), std::move(meshes).value()});
        }
        return Ok{};
    }
    std::vector<bool> is_child(c.gltf.nodes.size(), false);
    for (const tinygltf::Node& node : c.gltf.nodes)
        for (int child : node.children)
            if (child >= 0 && static_cast<std::size_t>(child) < is_child.size()) is_child[static_cast<std::size_t>(child)] = true;
    for (std::size_t n = 0; n < c.gltf.nodes.size(); ++n)
        if (!is_child[n])
            if (Status s = add_node(c, static_cast<int>(n), -1, 0); !s) return s;
    return Ok{};
}

}  // namespace ocop::assets::gltf_import

namespace ocop::assets {

Result<Model> import_gltf(const std::filesystem::path& path, const ImportLimits& limits) {
    using namespace gltf_import;
    Model model;
    model.source = path.string();
    EncodedImages kept;
    bool binary = false;
    Result<ParsedGltf> parsed = parse(path, limits, kept, model.warnings, binary);
    if (!parsed) return parsed.error();
    const tinygltf::Model* gltf = &parsed->gltf;
    model.format = binary ? "glTF 2.0 (binary)" : "glTF 2.0 (JSON)";
    model.extensions_used = gltf->extensionsUsed;
    if (Status s = check_required_extensions(*gltf, model.source, model.warnings); !s)
        return s.error();

    Converter converter{parsed.value(), *gltf, kept, model.source, model, std::vector<int>(gltf->images.size(), -1), 0,
                        std::vector<std::optional<std::vector<int>>>(gltf->meshes.size())};
    if (Status s = decode_referenced_images(converter, limits); !s) return s.error();
    for (std::size_t m = 0; m < gltf->materials.size(); ++m)
        model.materials.push_back(read_material(converter, gltf->materials[m], m));
    if (Status s = add_scene(converter); !s) return s.error();
    return model;
}

}  // namespace ocop::assets
