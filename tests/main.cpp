// Catch2 main: exits 77 ("skipped" to ctest) when a test marked itself skipped and none failed.
// ctest runs one test case per process, so that is exactly the skipped test.
#define CATCH_CONFIG_RUNNER
#include <cstdlib>

#include <catch2/catch.hpp>

namespace ocop::test {
int skipped_count();
}

int main(int argc, char** argv) {
    // Baked environments go to a cache in the build tree, not the user's ~/.cache (the
    // showroom processes the CLI tests start inherit it).
    setenv("XDG_CACHE_HOME", OCOP_BINARY_DIR "/test-cache", 1);
    Catch::Session session;
    if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
    const int failed = session.run();
    if (failed != 0) return failed;
    const auto& totals = session.config().listTests();  // listing mode: never "skipped"
    if (totals) return 0;
    return ocop::test::skipped_count() > 0 ? 77 : 0;
}
