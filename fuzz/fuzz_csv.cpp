// Catalogue CSV import (staff keep spreadsheets). Seed: assets/catalogue/hanoi.csv.
#include "fuzz_support.h"
#include "scene/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)ocop::scene::parse_catalogue_csv(ocop::fuzz::as_text(data, size), "fuzz.csv");
    return 0;
}
