#include "support.h"

#include <sys/wait.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/files.h"

namespace ocop::test {

namespace fs = std::filesystem;

std::string base64(const std::vector<std::uint8_t>& bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::uint32_t n = std::uint32_t(bytes[i]) << 16 |
                                (i + 1 < bytes.size() ? std::uint32_t(bytes[i + 1]) << 8 : 0u) |
                                (i + 2 < bytes.size() ? std::uint32_t(bytes[i + 2]) : 0u);
        out += digits[n >> 18 & 63];
        out += digits[n >> 12 & 63];
        out += i + 1 < bytes.size() ? digits[n >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? digits[n & 63] : '=';
    }
    return out;
}

static int g_skipped = 0;  // test-process state only; the engine has no globals

fs::path shared_testdata() {
    if (const char* env = std::getenv("OCOP_SHARED_TESTDATA")) {
        return fs::is_directory(env) ? fs::path(env) : fs::path();
    }
    const fs::path p = fs::path(OCOP_SOURCE_DIR) / ".." / "shared" / "testdata";
    return fs::is_directory(p) ? fs::weakly_canonical(p) : fs::path();
}

fs::path showroom_binary() { return fs::path(OCOP_BINARY_DIR) / "bin" / "showroom"; }
fs::path samples_dir() { return fs::path(OCOP_BINARY_DIR) / "samples"; }

fs::path scratch_dir(const std::string& name) {
    const fs::path dir = fs::path(OCOP_BINARY_DIR) / "test-output" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void mark_skipped(const std::string& reason) {
    ++g_skipped;
    WARN(reason);
}

int skipped_count() { return g_skipped; }

int run_command(const std::string& command_line, std::string* output) {
    const std::string cmd = command_line + " 2>&1";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buf{};
    std::string text;
    while (std::fgets(buf.data(), buf.size(), pipe)) text += buf.data();
    const int status = ::pclose(pipe);
    if (output) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

nlohmann::json glb_json(const std::filesystem::path& path) {
    Result<std::vector<std::uint8_t>> bytes = read_file(path);
    REQUIRE(bytes.ok());
    REQUIRE(bytes->size() > 20);
    std::uint32_t length = 0;
    std::memcpy(&length, bytes->data() + 12, 4);
    REQUIRE(20 + std::size_t(length) <= bytes->size());
    return nlohmann::json::parse(bytes->begin() + 20, bytes->begin() + 20 + length);
}

void check_validator_clean(const std::filesystem::path& glb) {
    std::string report;
    CHECK(run_command("node " + (fs::path(OCOP_SOURCE_DIR) / "tools/validate-gltf.mjs").string() + " " + glb.string(),
                      &report) == 0);
    INFO(glb.string() + ": " + report);
    CHECK(report.find("\"errors\":0,") != std::string::npos);
    CHECK(report.find("\"warnings\":0,") != std::string::npos);
}

}  // namespace ocop::test
