// `showroom check` as a user meets it: exit 0 when compliant, 1 with one line per finding,
// 2 with one line for a schema error, and --json that parses.
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <functional>

#include <nlohmann/json.hpp>

#include "support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path check_test_small = fs::path(OCOP_SOURCE_DIR) / "tests/scene/data/small.centre.json";

struct CheckRun {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};

std::string check_quote(const fs::path& p) { return "'" + p.string() + "'"; }

CheckRun check_run(const std::string& args) {
    // A folder per process: ctest runs test cases in parallel.
    const fs::path dir = ocop::test::scratch_dir("check_run_" + std::to_string(::getpid()));
    CheckRun r;
    r.exit_code = ocop::test::run_command(
        "(" + ocop::test::showroom_binary().string() + " check " + args + " 2>" + check_quote(dir / "stderr.txt") + ")",
        &r.out);
    std::ifstream err(dir / "stderr.txt");
    r.err.assign(std::istreambuf_iterator<char>(err), {});
    return r;
}

// The small layout changed by `mutate`, written where the test can find it; its catalogue
// path made absolute, since the copy lives elsewhere.
fs::path check_mutated(const std::string& name, const std::function<void(json&)>& mutate) {
    std::ifstream in(check_test_small);
    json doc = json::parse(in);
    doc["catalogue"] = (fs::path(OCOP_SOURCE_DIR) / "assets/catalogue/hanoi.json").string();
    mutate(doc);
    const fs::path dir = ocop::test::scratch_dir("check_" + name + "_" + std::to_string(::getpid()));
    const fs::path path = dir / (name + ".centre.json");
    std::ofstream(path) << doc.dump(2);
    return path;
}

int check_lines(const std::string& text) { return int(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("showroom check: a compliant layout exits 0", "[cli][check]") {
    const CheckRun r = check_run(check_quote(check_test_small));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("small.centre.json: compliant (4 zones, 13 fixtures, 8 placements)") != std::string::npos);
    CHECK(check_lines(r.out) == 1);
    CHECK(r.err.empty());
}

TEST_CASE("showroom check: findings exit 1 with one line each naming the object", "[cli][check]") {
    const fs::path centre = check_mutated("unknown_sku", [](json& d) {
        d["placements"][0]["product"] = "BT-VASE-99";
        d["fixtures"][1]["pos"] = {2, 0, 3.3};  // into plinth-1
    });
    const CheckRun r = check_run(check_quote(centre));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(centre.string() + ": placements[0].product (product BT-VASE-99) at (2.00, 3.00): [placement] "
                                       "The SKU BT-VASE-99 is not in the catalogue hanoi.json.") != std::string::npos);
    CHECK(r.out.find(centre.string() + ": fixtures[1] (fixture plinth-2)") != std::string::npos);
    CHECK(r.out.find("not compliant, 2 findings: placement 1, overlap 1") != std::string::npos);
    CHECK(check_lines(r.out) == 3);
}

TEST_CASE("showroom check: a schema error exits 2 with one line naming the file and path", "[cli][check]") {
    const fs::path centre = check_mutated("version", [](json& d) { d["format"] = "ocop-centre/9"; });
    CheckRun r = check_run(check_quote(centre));
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(check_lines(r.err) == 1);
    CHECK(r.err.find(centre.string() + ": format: unknown version 'ocop-centre/9'") != std::string::npos);

    const fs::path typo = check_mutated("typo", [](json& d) { d["fixtures"][4]["yaw"] = 90; });
    r = check_run(check_quote(typo));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("typo.centre.json: fixtures[4].yaw: unknown key") != std::string::npos);

    r = check_run(check_quote(centre.parent_path() / "absent.centre.json"));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("absent.centre.json") != std::string::npos);

    const fs::path no_catalogue = check_mutated("no_catalogue", [](json& d) { d["catalogue"] = "nowhere.json"; });
    r = check_run(check_quote(no_catalogue));
    CHECK(r.exit_code == 2);
    CHECK(check_lines(r.err) == 1);
    CHECK(r.err.find("nowhere.json") != std::string::npos);

    r = check_run("");
    CHECK(r.exit_code == 2);
}

TEST_CASE("showroom check --json parses and says what the text says", "[cli][check]") {
    CheckRun r = check_run(check_quote(check_test_small) + " --json");
    REQUIRE(r.exit_code == 0);
    json report = json::parse(r.out);
    CHECK(report["centre"] == check_test_small.string());
    CHECK(report["compliant"] == true);
    CHECK(report["findings"] == json::array());

    const fs::path centre = check_mutated("tall", [](json& d) { d["placements"][5]["product"] = "VP-AODAI-01"; });
    r = check_run(check_quote(centre) + " --json");
    CHECK(r.exit_code == 1);
    report = json::parse(r.out);
    CHECK(report["compliant"] == false);
    REQUIRE(report["findings"].is_array());
    REQUIRE_FALSE(report["findings"].empty());
    const json& f = report["findings"][0];
    CHECK(f["rule"] == "placement");
    CHECK(f["where"] == "placements[5]");
    CHECK(f["object"] == "product VP-AODAI-01");
    CHECK(f["at"] == json::array({6.0, 9.5}));
    CHECK(f["message"].get<std::string>().find("VP-AODAI-01") != std::string::npos);
}

TEST_CASE("showroom check --help has an example", "[cli][check]") {
    const CheckRun r = check_run("--help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Example") != std::string::npos);
    CHECK(r.out.find("--json") != std::string::npos);
}
