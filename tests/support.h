// What the tests share: where the test data lives, and a clean "skipped" for tests that need
// ../shared/testdata (a user's fresh clone has none).
#pragma once

#include <filesystem>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace ocop::test {

// ../shared/testdata next to the checkout, or empty when absent. OCOP_SHARED_TESTDATA overrides.
std::filesystem::path shared_testdata();

// Build outputs the tests use: build/bin/showroom and the generated sample products.
std::filesystem::path showroom_binary();
std::filesystem::path samples_dir();

// A fresh empty folder for this test's outputs, under the build tree.
std::filesystem::path scratch_dir(const std::string& name);

// Standard padded base64, for data: URIs in generated glTF files.
std::string base64(const std::vector<std::uint8_t>& bytes);

// Records that the running test was skipped; main() then exits with 77, which ctest
// reports as "skipped" (SKIP_RETURN_CODE; ctest runs one test case per process).
void mark_skipped(const std::string& reason);

// Runs a command line through the shell, returns its exit code; stdout+stderr go to `output`.
int run_command(const std::string& command_line, std::string* output = nullptr);

// The JSON chunk of a GLB (the first chunk, glTF 2.0 §4.4.3.2); fails the test when the file is
// not one.
nlohmann::json glb_json(const std::filesystem::path& path);

// The Khronos glTF validator (tools/validate-gltf.mjs) finds no error and no warning in it.
void check_validator_clean(const std::filesystem::path& glb);

}  // namespace ocop::test

#define OCOP_SKIP(reason)                   \
    do {                                    \
        ::ocop::test::mark_skipped(reason); \
        return;                             \
    } while (0)

// The shared test data, or skip this test when it is absent.
#define OCOP_REQUIRE_SHARED_TESTDATA(var)                                          \
    const std::filesystem::path var = ::ocop::test::shared_testdata();              \
    if (var.empty()) OCOP_SKIP("../shared/testdata is absent: skipped")
