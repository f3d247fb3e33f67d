// The import front door for everything else (Assimp): the first byte picks the file's
// extension, the rest is the file. Seeds: assimp-testmodels, with their byte prepended.
#include <array>

#include "assets/import.h"
#include "fuzz_support.h"

namespace {
constexpr std::array<const char*, 8> kExtensions{".obj", ".ply", ".stl", ".fbx", ".dae", ".3ds", ".off", ".glb"};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const char* extension = kExtensions[data[0] % kExtensions.size()];
    (void)ocop::assets::import(ocop::fuzz::input_file(data + 1, size - 1, extension));
    return 0;
}
