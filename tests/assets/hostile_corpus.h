// The broken-file corpus (issue 3): hostile and damaged models generated from valid ones, for
// the library tests (assets/hostile_files_tests.cpp) and the CLI tests (cli/hostile_cli_tests.cpp).
// Nothing is committed: every case is made on demand from the generated sample vase and from
// small models built in code.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace ocop::test::hostile {

enum class Expect {
    Reject,  // must be BadInput: the file is broken beyond doubt
    Either,  // may import (e.g. a flipped byte inside vertex data) or be BadInput
    Warn,    // may import, but then with a warning (a broken texture: a placeholder stands in)
};

struct Case {
    std::string family;     // "truncated", "flipped", "lying", "hierarchy", "json", "values", "obj", ...
    std::string file_name;  // unique in the corpus, with the format's extension
    Expect expect = Expect::Either;
    std::function<std::vector<std::uint8_t>()> bytes;  // made on demand: some cases are megabytes
};

// Every case of one family ("" = all families). OCOP_HOSTILE_CASE=TEXT in the environment keeps
// only the cases whose file name contains TEXT (to rerun one case after an importer fix).
std::vector<Case> corpus(const std::string& family = {});

// Writes a case's bytes to dir/file_name and returns that path.
std::filesystem::path write_case(const Case& c, const std::filesystem::path& dir);

}  // namespace ocop::test::hostile
