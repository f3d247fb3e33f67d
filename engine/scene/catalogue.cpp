// The catalogue's rules, its JSON form (read with errors naming the JSON path, and written back
// so that reading it again gives the same catalogue), and the small helpers tags and batches use.
#include "scene/catalogue.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/decimal.h"
#include "core/files.h"

namespace ocop::scene {

namespace catalogue_json_detail {

using nlohmann::json;

constexpr std::string_view kFormat = "ocop-catalogue/1";
constexpr std::string_view kSamplesPrefix = "@samples/";
// The programme began with Decision 490/QĐ-TTg (May 2018); anything earlier is a typo.
constexpr int kFirstOcopYear = 2018;
constexpr int kLastOcopYear = 2100;

constexpr std::array<std::string_view, 8> kCategories = {"ceramics", "lacquer", "mother-of-pearl", "silk",
                                                        "ao-dai",   "rattan",  "wood",            "food"};
constexpr std::array<std::string_view, 3> kRootKeys = {"format", "name", "products"};
constexpr std::array<std::string_view, 15> kProductKeys = {
    "sku",       "name",      "commune",       "district", "producer", "producer_type", "category", "ocop_stars",
    "ocop_year", "price_vnd", "dimensions_cm", "model",    "units",    "up",            "story"};
constexpr std::array<std::string_view, 2> kLocalTextKeys = {"vi", "en"};

template <std::size_t N>
bool catalogue_key_known(const std::array<std::string_view, N>& keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// The next code point of UTF-8 `text` at `i` (advancing `i`), or -1 when the bytes there are not
// UTF-8 (overlong forms, surrogates and values above U+10FFFF included).
long catalogue_next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return text[i++];
    int extra = 0;
    long cp = 0, min = 0;
    if ((lead & 0xE0) == 0xC0) extra = 1, cp = lead & 0x1F, min = 0x80;
    else if ((lead & 0xF0) == 0xE0) extra = 2, cp = lead & 0x0F, min = 0x800;
    else if ((lead & 0xF8) == 0xF0) extra = 3, cp = lead & 0x07, min = 0x10000;
    else return -1;
    if (i + extra >= text.size()) return -1;
    for (int k = 1; k <= extra; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    i += extra + 1;
    return cp;
}

std::string catalogue_hex_code_point(long cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04lX", cp);
    return buffer;
}

// Reads one catalogue JSON document; the first problem wins, with its JSON path.
class CatalogueJsonReader {
public:
    explicit CatalogueJsonReader(std::string file) : file_(std::move(file)) {}

    Result<Catalogue> read(const json& root, const std::filesystem::path& source) {
        Catalogue catalogue;
        catalogue.source = source;
        if (!root.is_object()) return problem("", "expected a JSON object, got " + kind(root));
        for (const auto& [key, value] : root.items())
            if (!catalogue_key_known(kRootKeys, key)) return problem(key, "unknown field");
        const auto format = root.find("format");
        if (format == root.end()) return problem("format", "missing (expected \"ocop-catalogue/1\")");
        if (!format->is_string() || format->get<std::string>() != kFormat)
            return problem("format", "unknown version " + format->dump() + " (expected \"ocop-catalogue/1\")");
        if (!local_text(root, "", "name", true, catalogue.name)) return error_;

        const auto products = root.find("products");
        if (products == root.end()) return problem("products", "missing");
        if (!products->is_array()) return problem("products", "expected an array, got " + kind(*products));
        std::unordered_map<std::string, std::size_t> index_of_sku;  // catalogues reach 10^4..10^5 products
        for (std::size_t i = 0; i < products->size(); ++i) {
            const std::string path = "products[" + std::to_string(i) + "]";
            Product product;
            if (!read_product((*products)[i], path, product)) return error_;
            if (const auto [twin, fresh] = index_of_sku.emplace(product.sku, i); !fresh)
                return problem(path + ".sku", "duplicate SKU " + product.sku + ", also at products[" +
                                                  std::to_string(twin->second) + "]");
            catalogue.products.push_back(std::move(product));
        }
        return catalogue;
    }

private:
    std::string file_;
    Error error_;

    static std::string kind(const json& value) { return value.type_name(); }
    static std::string join(const std::string& parent, const std::string& key) {
        return parent.empty() ? key : parent + "." + key;
    }

    Error problem(const std::string& where, const std::string& reason) {
        error_ = bad_input(file_, reason, where);
        return error_;
    }
    bool fail(const std::string& where, const std::string& reason) {
        problem(where, reason);
        return false;
    }

    bool string(const json& object, const std::string& parent, const char* key, bool required, std::string& out) {
        const auto it = object.find(key);
        if (it == object.end()) return required ? fail(join(parent, key), "missing") : true;
        if (!it->is_string()) return fail(join(parent, key), "expected a string, got " + kind(*it));
        out = it->get<std::string>();
        return true;
    }

    bool integer(const json& object, const std::string& parent, const char* key, std::int64_t& out) {
        const auto it = object.find(key);
        if (it == object.end()) return fail(join(parent, key), "missing");
        if (!it->is_number_integer()) return fail(join(parent, key), "expected an integer, got " + it->dump());
        if (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t(INT64_MAX))
            return fail(join(parent, key), "out of range: " + it->dump());
        out = it->get<std::int64_t>();
        return true;
    }

    bool small_integer(const json& object, const std::string& parent, const char* key, int& out) {
        std::int64_t wide = 0;
        if (!integer(object, parent, key, wide)) return false;
        if (wide < INT_MIN || wide > INT_MAX) return fail(join(parent, key), "out of range: " + std::to_string(wide));
        out = static_cast<int>(wide);
        return true;
    }

    bool local_text(const json& object, const std::string& parent, const char* key, bool required, LocalText& out) {
        const std::string path = join(parent, key);
        const auto it = object.find(key);
        if (it == object.end()) return required ? fail(path, "missing (expected {\"vi\": ..., \"en\": ...})") : true;
        if (!it->is_object()) return fail(path, "expected an object {\"vi\", \"en\"}, got " + kind(*it));
        for (const auto& [k, v] : it->items())
            if (!catalogue_key_known(kLocalTextKeys, k)) return fail(path + "." + k, "unknown field");
        return string(*it, path, "vi", required, out.vi) && string(*it, path, "en", required, out.en);
    }

    bool read_product(const json& object, const std::string& path, Product& p) {
        if (!object.is_object()) return fail(path, "expected an object, got " + kind(object));
        for (const auto& [key, value] : object.items())
            if (!catalogue_key_known(kProductKeys, key)) return fail(path + "." + key, "unknown field");
        std::string producer_type;
        if (!string(object, path, "sku", true, p.sku) || !local_text(object, path, "name", true, p.name) ||
            !string(object, path, "commune", true, p.commune) || !string(object, path, "district", true, p.district) ||
            !string(object, path, "producer", true, p.producer) ||
            !string(object, path, "producer_type", true, producer_type))
            return false;
        const std::optional<ProducerType> type = producer_type_from_string(producer_type);
        if (!type)
            return fail(path + ".producer_type",
                        "expected cooperative, enterprise or household, got \"" + producer_type + "\"");
        p.producer_type = *type;
        if (!string(object, path, "category", true, p.category) ||
            !small_integer(object, path, "ocop_stars", p.ocop_stars) ||
            !small_integer(object, path, "ocop_year", p.ocop_year) || !integer(object, path, "price_vnd", p.price_vnd))
            return false;

        const auto dims = object.find("dimensions_cm");
        if (dims == object.end()) return fail(path + ".dimensions_cm", "missing");
        if (!dims->is_array())
            return fail(path + ".dimensions_cm", "expected [width, height, depth], got " + kind(*dims));
        if (dims->size() != 3)
            return fail(path + ".dimensions_cm",
                        "expected [width, height, depth], got " + std::to_string(dims->size()) + " values");
        for (int axis = 0; axis < 3; ++axis) {
            const json& value = (*dims)[std::size_t(axis)];
            if (!value.is_number())
                return fail(path + ".dimensions_cm[" + std::to_string(axis) + "]",
                            "expected a number, got " + kind(value));
            p.dimensions_cm[axis] = static_cast<float>(value.get<double>());
        }
        if (!string(object, path, "model", true, p.model) || !string(object, path, "units", false, p.units) ||
            !string(object, path, "up", false, p.up) || !local_text(object, path, "story", false, p.story))
            return false;
        if (const std::optional<ProductProblem> broken = check_product(p))
            return fail(path + "." + broken->field, broken->reason);
        return true;
    }
};

// The 1-based line and column of byte `offset` (counted in bytes), as nlohmann counts them: the
// place where the reader gave up, which is the end of the offending token.
std::string catalogue_line_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// `text` with every byte that is not UTF-8 written as \xNN: nlohmann quotes the bytes it read
// last, and our messages must stay printable and valid UTF-8 (the CLI writes them into JSON).
std::string catalogue_printable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        if (catalogue_next_code_point(text, i) >= 0) {
            out.append(text.substr(at, i - at));
            continue;
        }
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(text[at]));
        out += buffer;
        i = at + 1;
    }
    return out;
}

// JSON text of a string, keeping UTF-8 as it is (never throwing on bad bytes: they become U+FFFD).
std::string catalogue_json_string(const std::string& text) {
    return json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string catalogue_json_local_text(const LocalText& text) {
    return "{\"vi\": " + catalogue_json_string(text.vi) + ", \"en\": " + catalogue_json_string(text.en) + "}";
}

}  // namespace catalogue_json_detail

const Product* Catalogue::find(std::string_view sku) const {
    for (const Product& product : products)
        if (product.sku == sku) return &product;
    return nullptr;
}

std::string_view to_string(ProducerType type) {
    switch (type) {
        case ProducerType::Cooperative: return "cooperative";
        case ProducerType::Enterprise: return "enterprise";
        case ProducerType::Household: return "household";
    }
    return "household";
}

std::optional<ProducerType> producer_type_from_string(std::string_view text) {
    for (ProducerType type : {ProducerType::Cooperative, ProducerType::Enterprise, ProducerType::Household})
        if (text == to_string(type)) return type;
    return std::nullopt;
}

std::span<const std::string_view> product_categories() { return catalogue_json_detail::kCategories; }

std::string check_catalogue_text(std::string_view text, bool multiline) {
    using namespace catalogue_json_detail;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const long cp = catalogue_next_code_point(text, i);
        if (cp < 0) return "not valid UTF-8 (byte " + std::to_string(at) + ")";
        if (cp >= 0x300 && cp <= 0x36F)
            return "not NFC: combining mark " + catalogue_hex_code_point(cp) + " at byte " + std::to_string(at) +
                   " (write precomposed letters)";
        const bool line_break = cp == '\n' || cp == '\r';
        if ((cp < 0x20 || cp == 0x7F) && !(multiline && line_break))
            return "contains a control character " + catalogue_hex_code_point(cp) + " at byte " + std::to_string(at);
    }
    return {};
}

std::optional<ProductProblem> check_product(const Product& p) {
    using namespace catalogue_json_detail;
    if (p.sku.empty()) return ProductProblem{"sku", "empty"};
    for (char c : p.sku)
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
            return ProductProblem{"sku", "\"" + p.sku + "\" may hold only A-Z, 0-9 and '-'"};

    const std::pair<const char*, const std::string*> lines[] = {
        {"name.vi", &p.name.vi},   {"name.en", &p.name.en},   {"commune", &p.commune},
        {"district", &p.district}, {"producer", &p.producer}, {"model", &p.model}};
    for (const auto& [field, text] : lines) {
        if (text->empty()) return ProductProblem{field, "empty"};
        if (std::string why = check_catalogue_text(*text, false); !why.empty()) return ProductProblem{field, why};
    }
    for (const auto& [field, text] : {std::pair{"story.vi", &p.story.vi}, std::pair{"story.en", &p.story.en}})
        if (std::string why = check_catalogue_text(*text, true); !why.empty()) return ProductProblem{field, why};

    if (!catalogue_key_known(kCategories, p.category))
        return ProductProblem{"category", "unknown category \"" + p.category +
                                              "\" (expected ceramics, lacquer, mother-of-pearl, silk, ao-dai, "
                                              "rattan, wood or food)"};
    if (p.ocop_stars < 3 || p.ocop_stars > 5)
        return ProductProblem{"ocop_stars", "expected 3..5, got " + std::to_string(p.ocop_stars)};
    if (p.ocop_year < kFirstOcopYear || p.ocop_year > kLastOcopYear)
        return ProductProblem{"ocop_year", "expected " + std::to_string(kFirstOcopYear) + ".." +
                                               std::to_string(kLastOcopYear) + ", got " + std::to_string(p.ocop_year)};
    if (p.price_vnd <= 0) return ProductProblem{"price_vnd", "expected > 0, got " + std::to_string(p.price_vnd)};
    for (int axis = 0; axis < 3; ++axis)
        if (!std::isfinite(p.dimensions_cm[axis]) || p.dimensions_cm[axis] <= 0.0f)
            return ProductProblem{"dimensions_cm[" + std::to_string(axis) + "]",
                                  "expected a size > 0 cm, got " + shortest_text(p.dimensions_cm[axis])};
    if (p.model.starts_with(kSamplesPrefix) && p.model.size() == kSamplesPrefix.size())
        return ProductProblem{"model", "\"@samples/\" needs a file name"};
    if (p.units != "m" && p.units != "cm" && p.units != "mm")
        return ProductProblem{"units", "expected m, cm or mm, got \"" + p.units + "\""};
    if (p.up != "y" && p.up != "z") return ProductProblem{"up", "expected y or z, got \"" + p.up + "\""};
    return std::nullopt;
}

Result<Catalogue> parse_catalogue_json(std::string_view text, const std::filesystem::path& source) {
    using namespace catalogue_json_detail;
    const std::string file = source.string();
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        // nlohmann's message starts "[json.exception.parse_error.101] parse error at line L, column C: ";
        // keep what follows and compute the place ourselves.
        std::string reason = e.what();
        if (const std::size_t colon = reason.find(": ", reason.find("column")); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        return bad_input(file, catalogue_printable(reason), catalogue_line_column(text, e.byte > 0 ? e.byte - 1 : 0));
    } catch (const json::exception& e) {
        return bad_input(file, e.what());
    }
    return CatalogueJsonReader(file).read(root, source);
}

Result<Catalogue> load_catalogue(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    if (extension != ".json" && extension != ".csv")
        return bad_input(path.string(), "unknown catalogue type \"" + extension + "\" (expected .json or .csv)");
    // A catalogue of 10^5 products is a few tens of MB; anything far larger is not a catalogue.
    Result<std::vector<std::uint8_t>> bytes = read_file(path, 256ull << 20);
    if (!bytes) return bytes.error();
    const std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    return extension == ".json" ? parse_catalogue_json(text, path) : parse_catalogue_csv(text, path);
}

std::string catalogue_to_json(const Catalogue& catalogue) {
    using namespace catalogue_json_detail;
    // Written by hand, not json::dump: one field per line and the dimensions on one line read
    // better in a diff, and the field order is the documented one.
    std::string out = "{\n  \"format\": \"ocop-catalogue/1\",\n  \"name\": " +
                      catalogue_json_local_text(catalogue.name) + ",\n  \"products\": [";
    for (std::size_t i = 0; i < catalogue.products.size(); ++i) {
        const Product& p = catalogue.products[i];
        const auto field = [&out](const char* key, const std::string& value, bool last = false) {
            out += "      \"" + std::string(key) + "\": " + value + (last ? "\n" : ",\n");
        };
        out += i == 0 ? "\n    {\n" : ",\n    {\n";
        field("sku", catalogue_json_string(p.sku));
        field("name", catalogue_json_local_text(p.name));
        field("commune", catalogue_json_string(p.commune));
        field("district", catalogue_json_string(p.district));
        field("producer", catalogue_json_string(p.producer));
        field("producer_type", catalogue_json_string(std::string(to_string(p.producer_type))));
        field("category", catalogue_json_string(p.category));
        field("ocop_stars", std::to_string(p.ocop_stars));
        field("ocop_year", std::to_string(p.ocop_year));
        field("price_vnd", std::to_string(p.price_vnd));
        std::string dims = "[";
        for (int axis = 0; axis < 3; ++axis)
            // The shortest decimal that reads back as the same float: 0.1, not 0.10000000149011612.
            // JSON has no infinity or NaN; null makes such a (never valid) size fail on reading.
            dims += (axis ? ", " : "") + (std::isfinite(p.dimensions_cm[axis])
                                              ? shortest_text(p.dimensions_cm[axis])
                                              : std::string("null"));
        field("dimensions_cm", dims + "]");
        field("model", catalogue_json_string(p.model));
        field("units", catalogue_json_string(p.units));
        field("up", catalogue_json_string(p.up), p.story.vi.empty() && p.story.en.empty());
        if (!p.story.vi.empty() || !p.story.en.empty()) field("story", catalogue_json_local_text(p.story), true);
        out += "    }";
    }
    out += catalogue.products.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::filesystem::path model_path(const Catalogue& catalogue, const Product& product,
                                 const std::filesystem::path& samples_dir) {
    const std::string_view model = product.model;
    if (model.starts_with(catalogue_json_detail::kSamplesPrefix))
        return samples_dir / std::filesystem::path(model.substr(catalogue_json_detail::kSamplesPrefix.size()));
    return catalogue.source.parent_path() / std::filesystem::path(model);
}

std::string format_price_vnd(std::int64_t price_vnd) {
    // Digits of the magnitude (unsigned, so INT64_MIN works too), grouped by three with dots.
    const bool negative = price_vnd < 0;
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(price_vnd) : std::uint64_t(price_vnd);
    const std::string digits = std::to_string(magnitude);
    std::string out = negative ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out + " \u20AB";  // U+20AB DONG SIGN, after a space
}

}  // namespace ocop::scene
