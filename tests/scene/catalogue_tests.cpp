// The OCOP catalogue: the shipped sample catalogue, JSON and CSV round trips, errors that name
// the JSON path or the CSV row and column, and price formatting.
#include <algorithm>
#include <cstdlib>
#include <set>

#include <nlohmann/json.hpp>

#include "core/files.h"
#include "scene/catalogue.h"
#include "support.h"

using namespace ocop;
using nlohmann::json;

namespace {

const std::filesystem::path kCatalogueTestJson = std::filesystem::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json";
const std::filesystem::path kCatalogueTestCsv = std::filesystem::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.csv";

scene::Product catalogue_test_product(const std::string& sku) {
    scene::Product p;
    p.sku = sku;
    p.name = {"Bình gốm men lam", "Blue-and-white vase"};
    p.commune = "Bát Tràng";
    p.district = "Gia Lâm";
    p.producer = "HTX Gốm sứ Thử nghiệm";
    p.producer_type = scene::ProducerType::Cooperative;
    p.category = "ceramics";
    p.ocop_stars = 4;
    p.ocop_year = 2023;
    p.price_vnd = 1250000;
    p.dimensions_cm = {22.0f, 38.5f, 0.1f};
    p.model = "@samples/bt-vase-blue-white.glb";
    return p;
}

// A catalogue whose text exercises every escaping rule of both writers.
scene::Catalogue catalogue_test_tricky() {
    scene::Catalogue c;
    c.source = "tricky.json";
    c.name = {"Thử nghiệm", "Test"};
    c.products.push_back(catalogue_test_product("BT-VASE-01"));
    scene::Product& p = c.products.emplace_back(catalogue_test_product("HT-BOX-01"));
    p.name = {"Hộp \"sơn mài\", khảm trứng", " leading and trailing spaces "};
    p.producer = "Công ty TNHH Sơn mài; Hạ Thái";
    p.producer_type = scene::ProducerType::Enterprise;
    p.category = "lacquer";
    p.units = "cm";
    p.up = "z";
    p.model = "models/box, lacquered.obj";
    p.story = {"Dòng một\nDòng hai, có dấu phẩy", "Line one\r\nLine \"two\""};
    scene::Product& q = c.products.emplace_back(catalogue_test_product("TK-BANHDAY-01"));
    q.story = {"Chỉ có tiếng Việt", ""};  // half a story survives too
    q.producer_type = scene::ProducerType::Household;
    q.dimensions_cm = {20.0f, 4.0f, 1.0f / 3.0f};
    return c;
}

// The error of parsing `text` as a catalogue; fails the test when it parses.
Error catalogue_json_error(const std::string& text) {
    Result<scene::Catalogue> c = scene::parse_catalogue_json(text, "bad.json");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().kind == Error::Kind::BadInput);
    CHECK(c.error().file == "bad.json");
    return c.error();
}

Error catalogue_csv_error(const std::string& text) {
    Result<scene::Catalogue> c = scene::parse_catalogue_csv(text, "bad.csv");
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().kind == Error::Kind::BadInput);
    CHECK(c.error().file == "bad.csv");
    return c.error();
}

// The JSON of a valid two-product catalogue, to be broken one field at a time.
json catalogue_test_document() {
    scene::Catalogue c;
    c.name = {"Thử", "Test"};
    c.products = {catalogue_test_product("BT-VASE-01"), catalogue_test_product("BT-TEA-01")};
    return json::parse(scene::catalogue_to_json(c));
}

constexpr const char* kCatalogueCsvHeader =
    "sku,name_vi,name_en,commune,district,producer,producer_type,category,ocop_stars,ocop_year,price_vnd,"
    "width_cm,height_cm,depth_cm,model,units,up,story_vi,story_en\r\n";

}  // namespace

TEST_CASE("catalogue: the shipped Hanoi catalogue has 24 products from all nine sites", "[scene][catalogue]") {
    Result<scene::Catalogue> c = scene::load_catalogue(kCatalogueTestJson);
    INFO((c.ok() ? std::string() : c.error().message()));
    REQUIRE(c.ok());
    REQUIRE(c->products.size() == 24);
    CHECK(c->name.vi == "Sản phẩm OCOP làng nghề Hà Nội");

    std::set<std::string> skus, communes, categories;
    for (const scene::Product& p : c->products) {
        skus.insert(p.sku);
        communes.insert(p.commune);
        categories.insert(p.category);
        CHECK(p.model.starts_with("@samples/"));
        CHECK_FALSE(p.story.vi.empty());
        CHECK_FALSE(p.story.en.empty());
        CHECK(p.ocop_year >= 2021);
        CHECK(p.ocop_year <= 2024);
    }
    CHECK(skus.size() == 24);
    CHECK(communes == std::set<std::string>{"Bát Tràng", "Duyên Thái", "Chuyên Mỹ", "Phú Nghĩa", "Duyên Hà",
                                            "Di Trạch", "Vân Hà", "Hòa Lâm", "Vạn Phúc"});
    CHECK(categories.size() == scene::product_categories().size());

    const scene::Product* jar = c->find("BT-JAR-01");
    REQUIRE(jar != nullptr);
    CHECK(jar->units == "cm");
    CHECK(jar->up == "z");
    CHECK(jar->dimensions_cm == glm::vec3(30.0f, 34.0f, 30.0f));
    CHECK(jar->price_vnd == 3200000);
    CHECK(scene::model_path(*c, *jar, "/samples") == std::filesystem::path("/samples/bt-jar-crackle.obj"));
    CHECK(c->find("NO-SUCH-SKU") == nullptr);
}

TEST_CASE("catalogue: the shipped CSV holds the same products as the shipped JSON", "[scene][catalogue]") {
    Result<scene::Catalogue> json_catalogue = scene::load_catalogue(kCatalogueTestJson);
    REQUIRE(json_catalogue.ok());
    // After a reviewed change to hanoi.json, OCOP_UPDATE_GOLDEN=1 rewrites the CSV from it.
    if (std::getenv("OCOP_UPDATE_GOLDEN") != nullptr)
        REQUIRE(write_file_atomic(kCatalogueTestCsv, scene::catalogue_to_csv(*json_catalogue)).ok());
    Result<scene::Catalogue> csv_catalogue = scene::load_catalogue(kCatalogueTestCsv);
    INFO((csv_catalogue.ok() ? std::string() : csv_catalogue.error().message()));
    REQUIRE(csv_catalogue.ok());
    CHECK(csv_catalogue->products == json_catalogue->products);
}

TEST_CASE("catalogue: JSON written and read back is the same catalogue", "[scene][catalogue]") {
    const scene::Catalogue c = catalogue_test_tricky();
    const std::string text = scene::catalogue_to_json(c);
    Result<scene::Catalogue> back = scene::parse_catalogue_json(text, c.source);
    INFO(text);
    INFO((back.ok() ? std::string() : back.error().message()));
    REQUIRE(back.ok());
    CHECK(*back == c);
    CHECK(text.find("\"dimensions_cm\": [22, 38.5, 0.1]") != std::string::npos);  // shortest, not 0.100000001
    CHECK(scene::catalogue_to_json(*back) == text);                             // and stable

    scene::Catalogue empty;
    Result<scene::Catalogue> empty_back = scene::parse_catalogue_json(scene::catalogue_to_json(empty), "");
    REQUIRE(empty_back.ok());
    CHECK(*empty_back == empty);
}

TEST_CASE("catalogue: CSV written and read back holds the same products", "[scene][catalogue]") {
    const scene::Catalogue c = catalogue_test_tricky();
    const std::string text = scene::catalogue_to_csv(c);
    CHECK(text.starts_with("\xEF\xBB\xBFsku,name_vi,"));
    CHECK(text.find("\"Hộp \"\"sơn mài\"\", khảm trứng\"") != std::string::npos);
    Result<scene::Catalogue> back = scene::parse_catalogue_csv(text, "tricky.csv");
    INFO(text);
    INFO((back.ok() ? std::string() : back.error().message()));
    REQUIRE(back.ok());
    CHECK(back->products == c.products);
    CHECK(back->name == scene::LocalText{});  // a CSV is a table of products only
    CHECK(scene::catalogue_to_csv(*back) == text);
}

TEST_CASE("catalogue: CSV quoting, line breaks in a field, CRLF, BOM and optional columns", "[scene][catalogue]") {
    // LF line ends, no BOM, the optional columns left out: a quoted comma, a doubled quote and a
    // line break inside a quoted field.
    const std::string lf =
        "sku,name_vi,name_en,commune,district,producer,producer_type,category,ocop_stars,ocop_year,price_vnd,"
        "width_cm,height_cm,depth_cm,model,story_en\n"
        "BT-VASE-01,\"Bình gốm, men lam\",\"Vase \"\"blue\"\"\",Bát Tràng,Gia Lâm,HTX Gốm,"
        "cooperative,ceramics,5,2022,2850000,22,38,22,@samples/bt-vase-blue-white.glb,\"Thrown,\nthen glazed\"\n"
        "\n"  // a blank row is skipped but counted
        "BT-TEA-01,Bộ ấm chén,Tea set,Bát Tràng,Gia Lâm,Công ty TNHH Gốm,enterprise,ceramics,4,2023,"
        "1650000, 36 ,14,24.5,tea.gltf,\n";
    Result<scene::Catalogue> c = scene::parse_catalogue_csv(lf, "sheet.csv");
    INFO((c.ok() ? std::string() : c.error().message()));
    REQUIRE(c.ok());
    REQUIRE(c->products.size() == 2);
    CHECK(c->products[0].name.vi == "Bình gốm, men lam");
    CHECK(c->products[0].name.en == "Vase \"blue\"");
    CHECK(c->products[0].story.en == "Thrown,\nthen glazed");
    CHECK(c->products[0].units == "m");
    CHECK(c->products[0].up == "y");
    CHECK(c->products[0].story.vi.empty());
    CHECK(c->products[1].producer_type == scene::ProducerType::Enterprise);
    CHECK(c->products[1].dimensions_cm == glm::vec3(36.0f, 14.0f, 24.5f));
    CHECK(scene::model_path(*c, c->products[1], "/samples") == std::filesystem::path("tea.gltf"));

    // The same rows with a BOM and CRLF: the same products. Row numbers count the spreadsheet's
    // rows, so a field with a line break still takes one row: the bad stars are on row 4.
    std::string crlf = "\xEF\xBB\xBF" + lf;
    for (std::size_t at = 0; (at = crlf.find('\n', at)) != std::string::npos; at += 2) crlf.insert(at, "\r");
    Result<scene::Catalogue> c2 = scene::parse_catalogue_csv(crlf, "sheet.csv");
    REQUIRE(c2.ok());
    CHECK(c2->products[1] == c->products[1]);
    CHECK(c2->products[0].story.en == "Thrown,\r\nthen glazed");  // a quoted line break is kept as written

    std::string bad_stars = lf;
    bad_stars.replace(bad_stars.find("enterprise,ceramics,4"), 21, "enterprise,ceramics,6");
    const Error e = catalogue_csv_error(bad_stars);
    CHECK(e.where == "row 4, column ocop_stars");
    CHECK(e.reason == "expected 3..5, got 6");
}

TEST_CASE("catalogue: a malformed CSV names the row and the column", "[scene][catalogue]") {
    const std::string good_row =
        "BT-VASE-01,Bình,Vase,Bát Tràng,Gia Lâm,HTX Gốm,cooperative,ceramics,5,2022,2850000,22,38,22,v.glb,m,y,,\r\n";
    const auto row_with = [&](const std::string& from, const std::string& to) {
        std::string row = good_row;
        row.replace(row.find(from), from.size(), to);
        return row;
    };

    // A bad number at row 3 (the header is row 1).
    std::string row3 = row_with("BT-VASE-01,", "BT-VASE-02,");
    row3.replace(row3.find("2850000"), 7, "2.850.000");
    Error e = catalogue_csv_error(kCatalogueCsvHeader + good_row + row3);
    CHECK(e.where == "row 3, column price_vnd");
    CHECK(e.reason == "expected an integer, got \"2.850.000\"");

    // An unquoted comma makes one field too many.
    e = catalogue_csv_error(kCatalogueCsvHeader + row_with("2850000", "2,850,000"));
    CHECK(e.where == "row 2");
    CHECK(e.reason == "expected 19 fields, got 21");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",22,38,", ",22,abc,"));
    CHECK(e.where == "row 2, column height_cm");
    CHECK(e.reason == "expected a number, got \"abc\"");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",22,38,", ",22,0,"));
    CHECK(e.where == "row 2, column height_cm");
    CHECK(e.reason == "expected a size > 0 cm, got 0");

    e = catalogue_csv_error(kCatalogueCsvHeader + good_row + good_row);
    CHECK(e.where == "row 3, column sku");
    CHECK(e.reason == "duplicate SKU BT-VASE-01, also at row 2");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",Vase,", ",\"Vase,"));
    CHECK(e.where == "row 2, column name_en");
    CHECK(e.reason == "a quoted field is not closed");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",Vase,", ",\"Vase\"x,"));
    CHECK(e.where == "row 2, column name_en");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",Vase,", ",Va\"se,"));
    CHECK(e.where == "row 2, column name_en");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",Bình,", ",B\xC3,"));
    CHECK(e.where == "row 2, column name_vi");
    CHECK(e.reason.starts_with("not valid UTF-8"));

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",Bình,", ",Bi\xCC\x80nh,"));  // i + combining grave
    CHECK(e.where == "row 2, column name_vi");
    CHECK(e.reason.starts_with("not NFC: combining mark U+0300"));

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with("cooperative", "coop"));
    CHECK(e.where == "row 2, column producer_type");

    e = catalogue_csv_error(kCatalogueCsvHeader + row_with(",HTX Gốm,", ",,"));
    CHECK(e.where == "row 2, column producer");
    CHECK(e.reason == "empty");

    e = catalogue_csv_error("sku,name_vi,pirce_vnd\r\n");
    CHECK(e.where == "row 1");
    CHECK(e.reason == "unknown column \"pirce_vnd\"");

    e = catalogue_csv_error("sku,name_vi\r\n");
    CHECK(e.where == "row 1");
    CHECK(e.reason == "missing column name_en");

    e = catalogue_csv_error("");
    CHECK(e.reason.starts_with("no header row"));
}

TEST_CASE("catalogue: a malformed JSON catalogue names the JSON path", "[scene][catalogue]") {
    json doc = catalogue_test_document();
    REQUIRE(scene::parse_catalogue_json(doc.dump(), "ok.json").ok());

    json d = doc;
    d["products"][1]["ocop_stars"] = 2;
    Error e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[1].ocop_stars");
    CHECK(e.reason == "expected 3..5, got 2");
    CHECK(e.message() == "bad.json: products[1].ocop_stars: expected 3..5, got 2");

    d = doc;
    d["products"][1]["ocop_stars"] = 4.5;
    CHECK(catalogue_json_error(d.dump()).reason == "expected an integer, got 4.5");

    d = doc;
    d["products"][0]["pirce_vnd"] = 100;
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[0].pirce_vnd");
    CHECK(e.reason == "unknown field");

    d = doc;
    d["products"][0]["name"]["fr"] = "Vase";
    CHECK(catalogue_json_error(d.dump()).where == "products[0].name.fr");

    d = doc;
    d["products"][1]["sku"] = "BT-VASE-01";
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[1].sku");
    CHECK(e.reason == "duplicate SKU BT-VASE-01, also at products[0]");

    d = doc;
    d["products"][1]["sku"] = "bt vase";
    CHECK(catalogue_json_error(d.dump()).where == "products[1].sku");

    d = doc;
    d["format"] = "ocop-catalogue/2";
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "format");
    CHECK(e.reason == "unknown version \"ocop-catalogue/2\" (expected \"ocop-catalogue/1\")");

    d = doc;
    d["products"][0].erase("price_vnd");
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[0].price_vnd");
    CHECK(e.reason == "missing");

    d = doc;
    d["products"][0]["price_vnd"] = 0;
    CHECK(catalogue_json_error(d.dump()).reason == "expected > 0, got 0");

    d = doc;
    d["products"][0]["dimensions_cm"][2] = -1;
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[0].dimensions_cm[2]");
    CHECK(e.reason == "expected a size > 0 cm, got -1");

    d = doc;
    d["products"][0]["dimensions_cm"] = {1, 2};
    CHECK(catalogue_json_error(d.dump()).where == "products[0].dimensions_cm");

    d = doc;
    d["products"][0]["commune"] = 7;
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[0].commune");
    CHECK(e.reason == "expected a string, got number");

    d = doc;
    d["products"][0]["category"] = "pottery";
    CHECK(catalogue_json_error(d.dump()).where == "products[0].category");

    d = doc;
    d["products"][0]["producer_type"] = "state";
    CHECK(catalogue_json_error(d.dump()).where == "products[0].producer_type");

    d = doc;
    d["products"][0]["units"] = "in";
    CHECK(catalogue_json_error(d.dump()).reason == "expected m, cm or mm, got \"in\"");

    d = doc;
    d["products"][0]["up"] = "x";
    CHECK(catalogue_json_error(d.dump()).where == "products[0].up");

    d = doc;
    d["products"][0]["name"]["vi"] = "Bi\xCC\x80nh";  // decomposed: i + U+0300
    e = catalogue_json_error(d.dump());
    CHECK(e.where == "products[0].name.vi");
    CHECK(e.reason.starts_with("not NFC: combining mark U+0300"));

    d = doc;
    d["products"][0]["name"]["en"] = "two\nlines";
    CHECK(catalogue_json_error(d.dump()).where == "products[0].name.en");

    CHECK(catalogue_json_error("[]").reason == "expected a JSON object, got array");
    CHECK(catalogue_json_error(R"({"name": {"vi": "a", "en": "b"}, "products": []})").where == "format");
}

TEST_CASE("catalogue: broken JSON text gives its line and column", "[scene][catalogue]") {
    // The missing comma after "ocop-catalogue/1" is found at the end of the next key (line 3,
    // column 12), where nlohmann's reader gives up.
    Error e = catalogue_json_error("{\n  \"format\": \"ocop-catalogue/1\"\n  \"products\": []\n}\n");
    CHECK(e.where == "line 3, column 12");
    CHECK(e.reason.find("expected '}'") != std::string::npos);

    // Invalid UTF-8 inside a JSON string is rejected by the JSON reader itself, with its place.
    e = catalogue_json_error("{\"format\": \"ocop-catalogue/1\",\n \"name\": {\"vi\": \"B\xC3\"}}");
    CHECK(e.where == "line 2, column 20");
    CHECK(e.reason.find("ill-formed UTF-8") != std::string::npos);
    CHECK(e.reason.find("\\xC3") != std::string::npos);  // the bad byte, printable
    CHECK(scene::check_catalogue_text(e.message(), false).empty());

    e = catalogue_json_error("");
    CHECK(e.where == "line 1, column 1");
}

TEST_CASE("catalogue: loading by extension, and its file errors", "[scene][catalogue]") {
    const std::filesystem::path dir = test::scratch_dir("catalogue_load");
    const scene::Catalogue c = catalogue_test_tricky();
    REQUIRE(write_file_atomic(dir / "c.json", scene::catalogue_to_json(c)).ok());
    REQUIRE(write_file_atomic(dir / "c.CSV", scene::catalogue_to_csv(c)).ok());
    Result<scene::Catalogue> from_json = scene::load_catalogue(dir / "c.json");
    Result<scene::Catalogue> from_csv = scene::load_catalogue(dir / "c.CSV");
    REQUIRE(from_json.ok());
    REQUIRE(from_csv.ok());
    CHECK(from_json->products == from_csv->products);
    CHECK(from_json->source == dir / "c.json");
    CHECK(scene::model_path(*from_json, from_json->products[1], "/samples") == dir / "models/box, lacquered.obj");

    Result<scene::Catalogue> missing = scene::load_catalogue(dir / "absent.json");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().kind == Error::Kind::BadInput);
    Result<scene::Catalogue> sheet = scene::load_catalogue(dir / "c.xlsx");
    REQUIRE_FALSE(sheet.ok());
    CHECK(sheet.error().reason == "unknown catalogue type \".xlsx\" (expected .json or .csv)");
}

TEST_CASE("catalogue: prices in VND with dot grouping and the dong sign", "[scene][catalogue]") {
    CHECK(scene::format_price_vnd(0) == "0 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(999) == "999 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(1000) == "1.000 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(1250000) == "1.250.000 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(12000000) == "12.000.000 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(-45000) == "-45.000 \xE2\x82\xAB");
    CHECK(scene::format_price_vnd(INT64_MIN) == "-9.223.372.036.854.775.808 \xE2\x82\xAB");

    CHECK(scene::to_string(scene::ProducerType::Cooperative) == "cooperative");
    CHECK(scene::to_string(scene::ProducerType::Enterprise) == "enterprise");
    CHECK(scene::to_string(scene::ProducerType::Household) == "household");
    CHECK(scene::producer_type_from_string("household") == scene::ProducerType::Household);
    CHECK_FALSE(scene::producer_type_from_string("Household").has_value());
}
