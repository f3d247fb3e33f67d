// The JSON loaders people's files reach: a centre layout, a catalogue, a brand, a photo preset
// and a light rig. The first byte picks the loader. Seeds: scenes/ and assets/ of the project.
#include "fuzz_support.h"
#include "photo/light_rig.h"
#include "photo/preset.h"
#include "scene/brand.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text = ocop::fuzz::as_text(data + 1, size - 1);
    switch (data[0] % 5) {
        case 0: {
            auto centre = ocop::scene::parse_centre(text, "fuzz.centre.json");
            if (centre) (void)ocop::scene::centre_to_json(*centre);  // and back
            break;
        }
        case 1: (void)ocop::scene::parse_catalogue_json(text, "fuzz.json"); break;
        case 2: (void)ocop::scene::parse_brand_json(text, "fuzz.brand.json"); break;
        case 3: (void)ocop::photo::parse_preset(text, "fuzz.preset.json"); break;
        default: (void)ocop::photo::parse_light_rig(text, "fuzz.rig.json"); break;
    }
    return 0;
}
