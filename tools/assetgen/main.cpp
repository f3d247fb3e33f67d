// assetgen DIR: writes the bundled sample products (DIR/glazed_vase.glb). Run by the build
// (tools/CMakeLists.txt), so generated models are never committed.
// Exit 0 on success, 1 with one line on stderr on failure.
#include <exception>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "export/glb_writer.h"
#include "vase.h"

namespace {

int fail(const std::string& reason) {
    std::cerr << "assetgen: " << reason << "\n";
    return 1;
}

int write_samples(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return fail(dir.string() + ": cannot create the folder: " + ec.message());
    const ocop::assets::Model vase = ocop::samples::make_glazed_vase();
    const ocop::Status written =
        ocop::exporter::write_glb(vase, dir / "glazed_vase.glb", {.name = "glazed_vase"});
    if (!written) return fail(written.error().message());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) return fail("usage: assetgen OUTPUT_DIR");
    try {
        return write_samples(argv[1]);
    } catch (const std::exception& e) {  // allocation failure: nothing else throws here
        return fail(e.what());
    }
}
