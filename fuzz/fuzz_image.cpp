// Texture decoding (PNG, JPEG and what stb reads). Seeds: the project's PNGs and JPEGs.
#include <span>

#include "assets/image.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)ocop::assets::decode_image(std::span<const std::uint8_t>(data, size), "fuzz-image");
    return 0;
}
