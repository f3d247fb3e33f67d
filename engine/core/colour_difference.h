// Colour difference as people see it: sRGB -> CIELAB (D65) and CIEDE2000, for tests that
// check a photo's colours against known albedo (a colour chart in the studio).
#pragma once

#include <glm/glm.hpp>

namespace ocop {

// CIELAB (CIE 15:2004): L 0..100, a and b roughly -128..128.
struct Lab {
    double L = 0.0;
    double a = 0.0;
    double b = 0.0;
};

// The sRGB transfer function (IEC 61966-2-1), one channel: encoded 0..1 <-> linear 0..1.
double srgb_decode(double encoded);
double srgb_encode(double linear);

// Linear Rec.709 RGB -> CIE XYZ (D65, Y of white = 1).
glm::dvec3 linear_srgb_to_xyz(glm::dvec3 linear);

// CIE XYZ -> CIELAB against the D65 white of sRGB.
Lab xyz_to_lab(glm::dvec3 xyz);

// Encoded sRGB (0..1 per channel, as in an 8-bit image divided by 255) -> CIELAB (D65).
Lab srgb_to_lab(glm::dvec3 encoded);

// CIEDE2000 with kL = kC = kH = 1: Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference
// Formula: Implementation Notes, Supplementary Test Data, and Mathematical Observations"
// (Color Research & Application 30(1), 2005). Symmetric; about 1 is just noticeable.
double ciede2000(const Lab& first, const Lab& second);

}  // namespace ocop
