// CIEDE2000 against its published test data, and sRGB -> CIELAB against known values.
#include <array>

#include "core/colour_difference.h"
#include "support.h"

using namespace ocop;

namespace {

struct SharmaPair {
    Lab first;
    Lab second;
    double delta_e;
};

// All 34 pairs of Sharma, Wu and Dalal (2005), Table 1 ("ciede2000testdata"), which
// exercise the hue wrap-around, the G factor near neutral and the blue-region rotation.
constexpr std::array<SharmaPair, 34> kSharmaPairs{{
    {{50.0000, 2.6772, -79.7751}, {50.0000, 0.0000, -82.7485}, 2.0425},
    {{50.0000, 3.1571, -77.2803}, {50.0000, 0.0000, -82.7485}, 2.8615},
    {{50.0000, 2.8361, -74.0200}, {50.0000, 0.0000, -82.7485}, 3.4412},
    {{50.0000, -1.3802, -84.2814}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -1.1848, -84.8006}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, -0.9009, -85.5211}, {50.0000, 0.0000, -82.7485}, 1.0000},
    {{50.0000, 0.0000, 0.0000}, {50.0000, -1.0000, 2.0000}, 2.3669},
    {{50.0000, -1.0000, 2.0000}, {50.0000, 0.0000, 0.0000}, 2.3669},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0009}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0010}, 7.1792},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0011}, 7.2195},
    {{50.0000, 2.4900, -0.0010}, {50.0000, -2.4900, 0.0012}, 7.2195},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0009, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0010, -2.4900}, 4.8045},
    {{50.0000, -0.0010, 2.4900}, {50.0000, 0.0011, -2.4900}, 4.7461},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 0.0000, -2.5000}, 4.3065},
    {{50.0000, 2.5000, 0.0000}, {73.0000, 25.0000, -18.0000}, 27.1492},
    {{50.0000, 2.5000, 0.0000}, {61.0000, -5.0000, 29.0000}, 22.8977},
    {{50.0000, 2.5000, 0.0000}, {56.0000, -27.0000, -3.0000}, 31.9030},
    {{50.0000, 2.5000, 0.0000}, {58.0000, 24.0000, 15.0000}, 19.4535},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.1736, 0.5854}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2972, 0.0000}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 1.8634, 0.5757}, 1.0000},
    {{50.0000, 2.5000, 0.0000}, {50.0000, 3.2592, 0.3350}, 1.0000},
    {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
    {{63.0109, -31.0961, -5.8663}, {62.8187, -29.7946, -4.0864}, 1.2630},
    {{61.2901, 3.7196, -5.3901}, {61.4292, 2.2480, -4.9620}, 1.8731},
    {{35.0831, -44.1164, 3.7933}, {35.0232, -40.0716, 1.5901}, 1.8645},
    {{22.7233, 20.0904, -46.6940}, {23.0331, 14.9730, -42.5619}, 2.0373},
    {{36.4612, 47.8580, 18.3852}, {36.2715, 50.5065, 21.2231}, 1.4146},
    {{90.8027, -2.0831, 1.4410}, {91.1528, -1.6435, 0.0447}, 1.4441},
    {{90.9257, -0.5406, -0.9208}, {88.6381, -0.8985, -0.7239}, 1.5381},
    {{6.7747, -0.2908, -2.4247}, {5.8714, -0.0985, -2.2286}, 0.6377},
    {{2.0776, 0.0795, -1.1350}, {0.9033, -0.0636, -0.5514}, 0.9082},
}};

}  // namespace

TEST_CASE("CIEDE2000 matches all 34 pairs of Sharma et al.'s test data to four decimals", "[core][colour]") {
    for (std::size_t i = 0; i < kSharmaPairs.size(); ++i) {
        const SharmaPair& p = kSharmaPairs[i];
        INFO("pair " << i + 1);
        // The table rounds to four decimals: within half its last digit.
        CHECK(ciede2000(p.first, p.second) == Approx(p.delta_e).epsilon(0.0).margin(0.5e-4));
    }
}

TEST_CASE("CIEDE2000 is symmetric and zero between equal colours", "[core][colour]") {
    for (const SharmaPair& p : kSharmaPairs) {
        CHECK(ciede2000(p.first, p.second) == Approx(ciede2000(p.second, p.first)).margin(1e-12));
        CHECK(ciede2000(p.first, p.first) == 0.0);
        CHECK(ciede2000(p.second, p.second) == 0.0);
    }
    CHECK(ciede2000({0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}) == 0.0);
    CHECK(ciede2000({50.0, 0.0, 0.0}, {60.0, 0.0, 0.0}) > 0.0);
}

TEST_CASE("sRGB to CIELAB: white, black, the primaries and mid-grey", "[core][colour]") {
    const auto check_lab = [](glm::dvec3 srgb, Lab expected) {
        const Lab lab = srgb_to_lab(srgb);
        INFO("sRGB " << srgb.r << " " << srgb.g << " " << srgb.b << " -> Lab " << lab.L << " " << lab.a << " "
                     << lab.b);
        CHECK(lab.L == Approx(expected.L).margin(0.01));
        CHECK(lab.a == Approx(expected.a).margin(0.01));
        CHECK(lab.b == Approx(expected.b).margin(0.01));
    };
    check_lab({1.0, 1.0, 1.0}, {100.0, 0.0, 0.0});
    check_lab({0.0, 0.0, 0.0}, {0.0, 0.0, 0.0});
    // Lindbloom's calculator (sRGB, D65 reference white, no adaptation).
    check_lab({1.0, 0.0, 0.0}, {53.2408, 80.0925, 67.2032});
    check_lab({0.0, 1.0, 0.0}, {87.7347, -86.1827, 83.1793});
    check_lab({0.0, 0.0, 1.0}, {32.2970, 79.1875, -107.8602});
    // sRGB 119/255 is linear 0.1845, L* 50.03; a neutral has a = b = 0.
    check_lab({119.0 / 255.0, 119.0 / 255.0, 119.0 / 255.0}, {50.03, 0.0, 0.0});
}

TEST_CASE("the sRGB transfer function round-trips and meets its linear toe", "[core][colour]") {
    for (int i = 0; i <= 255; ++i) {
        const double e = double(i) / 255.0;
        CHECK(srgb_encode(srgb_decode(e)) == Approx(e).margin(1e-9));
    }
    CHECK(srgb_decode(0.5) == Approx(0.21404).margin(1e-5));
    CHECK(srgb_decode(0.04045) == Approx(0.04045 / 12.92).margin(1e-9));
}
