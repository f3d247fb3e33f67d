// glTF 2.0 import (tinygltf and our checks around it): binary GLB, or JSON glTF when the input
// starts with '{'. Seeds: the GLB and glTF files of assimp-testmodels.
#include "assets/import.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const bool json = size > 0 && data[0] == '{';
    (void)ocop::assets::import(ocop::fuzz::input_file(data, size, json ? ".gltf" : ".glb"));
    return 0;
}
