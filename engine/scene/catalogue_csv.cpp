// The catalogue as CSV, for the spreadsheets centre staff keep: RFC 4180 (quoted fields with
// commas, doubled quotes and line breaks, CRLF or LF) with an optional UTF-8 byte order mark.
// Rows are counted as a spreadsheet shows them: the header is row 1.
#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <unordered_map>

#include "scene/catalogue.h"

namespace ocop::scene {

namespace catalogue_csv_detail {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

constexpr std::array<std::string_view, 19> kCsvColumns = {
    "sku",        "name_vi",   "name_en",  "commune",  "district",  "producer", "producer_type",
    "category",   "ocop_stars", "ocop_year", "price_vnd", "width_cm", "height_cm", "depth_cm",
    "model",      "units",     "up",       "story_vi", "story_en"};
// Columns a sheet may leave out (or leave empty): they take the defaults of Product.
constexpr std::array<std::string_view, 4> kCsvOptionalColumns = {"units", "up", "story_vi", "story_en"};

struct CsvRecord {
    std::size_t row = 0;
    std::vector<std::string> fields;
};

struct CsvSyntaxProblem {
    std::size_t row = 0;
    std::size_t field = 0;  // 0-based index of the field in its record
    std::string reason;
};

// Splits RFC 4180 text into records. Returns false with `problem` filled on broken quoting.
bool csv_split_records(std::string_view text, std::vector<CsvRecord>& records, CsvSyntaxProblem& problem) {
    std::size_t pos = 0, row = 1;
    const std::size_t n = text.size();
    const auto at_record_end = [&](std::size_t p) { return p >= n || text[p] == '\n' || text[p] == '\r'; };
    while (pos < n) {
        CsvRecord record{row, {}};
        while (true) {
            std::string field;
            if (pos < n && text[pos] == '"') {
                ++pos;
                while (true) {
                    if (pos >= n) {
                        problem = {row, record.fields.size(), "a quoted field is not closed"};
                        return false;
                    }
                    if (text[pos] == '"') {
                        if (pos + 1 < n && text[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    field += text[pos++];
                }
                if (!at_record_end(pos) && text[pos] != ',') {
                    problem = {row, record.fields.size(), "text after a closing quote (double a quote inside quotes)"};
                    return false;
                }
            } else {
                while (!at_record_end(pos) && text[pos] != ',') {
                    if (text[pos] == '"') {
                        problem = {row, record.fields.size(),
                                   "a quote inside an unquoted field (quote the field and double the quote)"};
                        return false;
                    }
                    field += text[pos++];
                }
            }
            record.fields.push_back(std::move(field));
            if (pos < n && text[pos] == ',') {
                ++pos;
                continue;
            }
            break;
        }
        if (pos < n && text[pos] == '\r') ++pos;
        if (pos < n && text[pos] == '\n') ++pos;
        const bool blank = std::all_of(record.fields.begin(), record.fields.end(),
                                       [](const std::string& f) { return f.empty(); });
        if (!blank) records.push_back(std::move(record));
        ++row;
    }
    return true;
}

std::string_view csv_trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// The CSV column of a field check_product names.
std::string csv_column_of(const std::string& field) {
    if (field == "dimensions_cm[0]") return "width_cm";
    if (field == "dimensions_cm[1]") return "height_cm";
    if (field == "dimensions_cm[2]") return "depth_cm";
    std::string column = field;
    std::replace(column.begin(), column.end(), '.', '_');
    return column;
}

// One data row -> Product; the first problem wins, as (column, reason).
class CsvProductReader {
public:
    CsvProductReader(const std::vector<std::string>& header, const CsvRecord& record)
        : header_(header), record_(record) {}

    std::string column;
    std::string reason;

    bool read(Product& p) {
        std::string type;
        if (!text("sku", p.sku) || !text("name_vi", p.name.vi) || !text("name_en", p.name.en) ||
            !text("commune", p.commune) || !text("district", p.district) || !text("producer", p.producer) ||
            !text("producer_type", type))
            return false;
        const std::optional<ProducerType> producer_type = producer_type_from_string(csv_trim(type));
        if (!producer_type)
            return fail("producer_type", "expected cooperative, enterprise or household, got \"" + type + "\"");
        p.producer_type = *producer_type;
        std::int64_t stars = 0, year = 0;
        if (!text("category", p.category) || !integer("ocop_stars", stars) || !integer("ocop_year", year) ||
            !integer("price_vnd", p.price_vnd) || !number("width_cm", p.dimensions_cm.x) ||
            !number("height_cm", p.dimensions_cm.y) || !number("depth_cm", p.dimensions_cm.z) ||
            !text("model", p.model) || !text("units", p.units) || !text("up", p.up) ||
            !text("story_vi", p.story.vi) || !text("story_en", p.story.en))
            return false;
        if (stars < INT_MIN || stars > INT_MAX) return fail("ocop_stars", "out of range: " + std::to_string(stars));
        if (year < INT_MIN || year > INT_MAX) return fail("ocop_year", "out of range: " + std::to_string(year));
        p.ocop_stars = static_cast<int>(stars);
        p.ocop_year = static_cast<int>(year);
        p.category = std::string(csv_trim(p.category));
        p.units = std::string(csv_trim(p.units));
        p.up = std::string(csv_trim(p.up));
        if (const std::optional<ProductProblem> broken = check_product(p))
            return fail(csv_column_of(broken->field), broken->reason);
        return true;
    }

private:
    const std::vector<std::string>& header_;
    const CsvRecord& record_;

    bool fail(const std::string& name, const std::string& why) {
        column = name;
        reason = why;
        return false;
    }

    // The cell of `name`, or nullptr when the sheet has no such column (an optional one).
    const std::string* cell(std::string_view name) const {
        const auto it = std::find(header_.begin(), header_.end(), name);
        return it == header_.end() ? nullptr : &record_.fields[std::size_t(it - header_.begin())];
    }

    // An empty or absent optional cell keeps the Product's default.
    bool text(std::string_view name, std::string& out) {
        const std::string* value = cell(name);
        const bool optional = std::find(kCsvOptionalColumns.begin(), kCsvOptionalColumns.end(), name) !=
                              kCsvOptionalColumns.end();
        if (value == nullptr || value->empty()) return optional ? true : fail(std::string(name), "empty");
        out = *value;
        return true;
    }

    bool integer(std::string_view name, std::int64_t& out) { return parsed(name, out, "an integer"); }
    bool number(std::string_view name, float& out) { return parsed(name, out, "a number"); }

    // The cell as a whole number or a float (std::from_chars), or a failure naming the column.
    template <typename T>
    bool parsed(std::string_view name, T& out, const char* expected) {
        std::string raw;
        if (!text(name, raw)) return false;
        const std::string_view value = csv_trim(raw);
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
        if (ec == std::errc::result_out_of_range) return fail(std::string(name), "out of range: \"" + raw + "\"");
        if (ec != std::errc() || end != value.data() + value.size() || value.empty())
            return fail(std::string(name), std::string("expected ") + expected + ", got \"" + raw + "\"");
        return true;
    }
};

std::string csv_where(std::size_t row, std::string_view column = {}) {
    std::string where = "row " + std::to_string(row);
    if (!column.empty()) where += ", column " + std::string(column);
    return where;
}

// Quotes a field when RFC 4180 needs it (comma, quote, line break) or when a spreadsheet would
// otherwise trim its outer spaces.
std::string csv_field(std::string_view value) {
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_number(float value) {
    char buffer[32];
    return std::string(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

}  // namespace catalogue_csv_detail

Result<Catalogue> parse_catalogue_csv(std::string_view text, const std::filesystem::path& source) {
    using namespace catalogue_csv_detail;
    const std::string file = source.string();
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());

    std::vector<CsvRecord> records;
    CsvSyntaxProblem syntax;
    if (!csv_split_records(text, records, syntax)) {
        // Name the column when the header is already known.
        std::string column;
        if (!records.empty() && syntax.row > records.front().row && syntax.field < records.front().fields.size())
            column = records.front().fields[syntax.field];
        return bad_input(file, syntax.reason, csv_where(syntax.row, column));
    }
    if (records.empty()) return bad_input(file, "no header row (expected " + std::string(kCsvColumns[0]) + ",...)");

    const CsvRecord& header_record = records.front();
    std::vector<std::string> header;
    for (const std::string& raw : header_record.fields) {
        const std::string name(csv_trim(raw));
        if (std::find(kCsvColumns.begin(), kCsvColumns.end(), name) == kCsvColumns.end())
            return bad_input(file, "unknown column \"" + name + "\"", csv_where(header_record.row));
        if (std::find(header.begin(), header.end(), name) != header.end())
            return bad_input(file, "column \"" + name + "\" appears twice", csv_where(header_record.row));
        header.push_back(name);
    }
    for (std::string_view column : kCsvColumns) {
        const bool optional = std::find(kCsvOptionalColumns.begin(), kCsvOptionalColumns.end(), column) !=
                              kCsvOptionalColumns.end();
        if (!optional && std::find(header.begin(), header.end(), column) == header.end())
            return bad_input(file, "missing column " + std::string(column), csv_where(header_record.row));
    }

    Catalogue catalogue;
    catalogue.source = source;
    std::unordered_map<std::string, std::size_t> row_of_sku;  // catalogues reach 10^4..10^5 products
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        if (record.fields.size() != header.size())
            return bad_input(file,
                             "expected " + std::to_string(header.size()) + " fields, got " +
                                 std::to_string(record.fields.size()),
                             csv_where(record.row));
        Product product;
        CsvProductReader reader(header, record);
        if (!reader.read(product)) return bad_input(file, reader.reason, csv_where(record.row, reader.column));
        if (const auto [twin, fresh] = row_of_sku.emplace(product.sku, record.row); !fresh)
            return bad_input(file, "duplicate SKU " + product.sku + ", also at row " + std::to_string(twin->second),
                             csv_where(record.row, "sku"));
        catalogue.products.push_back(std::move(product));
    }
    return catalogue;
}

std::string catalogue_to_csv(const Catalogue& catalogue) {
    using namespace catalogue_csv_detail;
    // A byte order mark so that Excel opens the file as UTF-8 (Vietnamese stays readable), and
    // CRLF record ends as RFC 4180 writes them.
    std::string out(kBom);
    for (std::size_t i = 0; i < kCsvColumns.size(); ++i) out += (i ? "," : "") + std::string(kCsvColumns[i]);
    out += "\r\n";
    for (const Product& p : catalogue.products) {
        const std::string cells[] = {p.sku,
                                     p.name.vi,
                                     p.name.en,
                                     p.commune,
                                     p.district,
                                     p.producer,
                                     std::string(to_string(p.producer_type)),
                                     p.category,
                                     std::to_string(p.ocop_stars),
                                     std::to_string(p.ocop_year),
                                     std::to_string(p.price_vnd),
                                     csv_number(p.dimensions_cm.x),
                                     csv_number(p.dimensions_cm.y),
                                     csv_number(p.dimensions_cm.z),
                                     p.model,
                                     p.units,
                                     p.up,
                                     p.story.vi,
                                     p.story.en};
        static_assert(std::size(cells) == kCsvColumns.size());
        for (std::size_t i = 0; i < std::size(cells); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    }
    return out;
}

}  // namespace ocop::scene
