#include "scene/brand.h"

#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.h"

namespace ocop::scene {

namespace {

using BrandJson = nlohmann::json;

constexpr std::string_view brand_format = "ocop-brand/1";

glm::vec3 brand_rgb(unsigned hex) {
    return glm::vec3(float((hex >> 16) & 0xFF), float((hex >> 8) & 0xFF), float(hex & 0xFF)) / 255.0f;
}

// Reads the brand's fields one by one; the first problem wins and names its JSON path.
struct BrandReader {
    std::string file;
    std::filesystem::path folder;

    Error error(const std::string& where, const std::string& reason) const { return bad_input(file, reason, where); }

    Status only_keys(const BrandJson& object, const std::string& where, const std::set<std::string>& keys) const {
        if (!object.is_object()) return error(where, "expected an object");
        for (const auto& [key, value] : object.items())
            if (!keys.count(key))
                return error(where.empty() ? key : where + "." + key, "unknown field");
        for (const std::string& key : keys)
            if (!object.contains(key)) return error(where.empty() ? key : where + "." + key, "missing field");
        return Ok{};
    }

    Result<std::string> text(const BrandJson& object, const std::string& key, const std::string& where) const {
        const BrandJson& value = object.at(key);
        if (!value.is_string()) return error(where, "expected a string");
        std::string s = value.get<std::string>();
        if (s.empty()) return error(where, "must not be empty");
        return s;
    }

    Result<glm::vec3> colour(const BrandJson& object, const std::string& key) const {
        const std::string where = "colours." + key;
        Result<std::string> s = text(object, key, where);
        if (!s) return s.error();
        Result<glm::vec3> c = parse_hex_colour(*s);
        if (!c) return error(where, c.error().reason);
        return c;
    }

    // A file the brand names: relative paths are relative to the brand file; it must exist.
    Result<std::filesystem::path> file_path(const BrandJson& object, const std::string& key,
                                            const std::string& where) const {
        Result<std::string> s = text(object, key, where);
        if (!s) return s.error();
        std::filesystem::path p(*s);
        if (p.is_relative()) p = folder / p;
        p = p.lexically_normal();
        if (Status readable = check_readable(p); !readable)
            return error(where, "cannot read " + p.string() + ": " + readable.error().reason);
        return p;
    }
};

}  // namespace

Result<glm::vec3> parse_hex_colour(std::string_view text) {
    const auto bad = [&] { return bad_input("", "expected a colour as \"#RRGGBB\", not \"" + std::string(text) + "\""); };
    if (text.size() != 7 || text[0] != '#') return bad();
    unsigned value = 0;
    for (char c : text.substr(1)) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9') digit = unsigned(c - '0');
        else if (c >= 'a' && c <= 'f') digit = unsigned(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = unsigned(c - 'A' + 10);
        else return bad();
        value = value * 16 + digit;
    }
    return brand_rgb(value);
}

std::string to_hex_colour(glm::vec3 srgb) {
    const glm::vec3 c = glm::clamp(srgb, 0.0f, 1.0f) * 255.0f + 0.5f;
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", unsigned(c.r), unsigned(c.g), unsigned(c.b));
    return buffer;
}

Result<Brand> parse_brand_json(std::string_view text, const std::filesystem::path& source) {
    const BrandReader r{source.string(), source.parent_path()};
    BrandJson root;
    try {
        root = BrandJson::parse(text);
    } catch (const BrandJson::parse_error& e) {
        return r.error("byte " + std::to_string(e.byte), "not valid JSON");
    } catch (const BrandJson::exception&) {
        // A number too large for any type (out_of_range.406; found by tools/fuzz, json).
        return r.error("", "not valid JSON: a number too large to read");
    }
    if (!root.is_object()) return r.error("", "expected a JSON object");
    if (!root.contains("format")) return r.error("format", "missing field: expected \"ocop-brand/1\"");
    if (!root["format"].is_string() || root["format"].get<std::string>() != brand_format)
        return r.error("format", "unsupported format " + root["format"].dump() + ": expected \"ocop-brand/1\"");
    if (Status s = r.only_keys(root, "", {"format", "name", "colours", "fonts", "logo"}); !s) return s.error();

    Brand brand;
    brand.source = source;
    const BrandJson& name = root["name"];
    if (Status s = r.only_keys(name, "name", {"vi", "en"}); !s) return s.error();
    Result<std::string> vi = r.text(name, "vi", "name.vi");
    if (!vi) return vi.error();
    Result<std::string> en = r.text(name, "en", "name.en");
    if (!en) return en.error();
    brand.name = {*vi, *en};

    const BrandJson& colours = root["colours"];
    if (Status s = r.only_keys(colours, "colours", {"primary", "secondary", "paper", "ink"}); !s) return s.error();
    for (auto [key, slot] : {std::pair{"primary", &brand.primary}, std::pair{"secondary", &brand.secondary},
                             std::pair{"paper", &brand.paper}, std::pair{"ink", &brand.ink}}) {
        Result<glm::vec3> c = r.colour(colours, key);
        if (!c) return c.error();
        *slot = *c;
    }

    const BrandJson& fonts = root["fonts"];
    if (Status s = r.only_keys(fonts, "fonts", {"regular", "bold"}); !s) return s.error();
    Result<std::filesystem::path> regular = r.file_path(fonts, "regular", "fonts.regular");
    if (!regular) return regular.error();
    Result<std::filesystem::path> bold = r.file_path(fonts, "bold", "fonts.bold");
    if (!bold) return bold.error();
    brand.font_regular = *regular;
    brand.font_bold = *bold;

    Result<std::filesystem::path> logo = r.file_path(root, "logo", "logo");
    if (!logo) return logo.error();
    brand.logo = *logo;
    return brand;
}

Result<Brand> load_brand(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 1u << 20);
    if (!bytes) return bytes.error();
    return parse_brand_json(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()), path);
}

Brand default_brand() {
    Brand brand;
    brand.name = {"OCOP Hà Nội", "Hanoi OCOP"};
    brand.primary = brand_rgb(0x8E1B16);    // lacquer red (sơn son)
    brand.secondary = brand_rgb(0xC59A3C);  // gold leaf
    brand.paper = brand_rgb(0xF6EFE2);      // warm dó paper
    brand.ink = brand_rgb(0x221B17);        // warm black ink
    brand.font_regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    brand.font_bold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    return brand;
}

bool same_brand(const Brand& a, const Brand& b) {
    return a.name == b.name && a.primary == b.primary && a.secondary == b.secondary && a.paper == b.paper &&
           a.ink == b.ink && a.font_regular == b.font_regular && a.font_bold == b.font_bold && a.logo == b.logo;
}

}  // namespace ocop::scene
