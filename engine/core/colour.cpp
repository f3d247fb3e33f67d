#include "core/colour.h"

#include <algorithm>
#include <cmath>

namespace ocop {

glm::vec3 kelvin_to_rgb(float kelvin) {
    // CIE 1931 chromaticity of the Planckian locus: Kim et al., "Design of Advanced Color
    // Temperature Control System for HDTV Applications" (2002), cubic spline fits.
    const double t = std::clamp(double(kelvin), 1667.0, 25000.0);
    const double x = t <= 4000.0 ? -0.2661239e9 / (t * t * t) - 0.2343589e6 / (t * t) + 0.8776956e3 / t + 0.179910
                                 : -3.0258469e9 / (t * t * t) + 2.1070379e6 / (t * t) + 0.2226347e3 / t + 0.240390;
    const double y = t <= 2222.0   ? -1.1063814 * x * x * x - 1.34811020 * x * x + 2.18555832 * x - 0.20219683
                     : t <= 4000.0 ? -0.9549476 * x * x * x - 1.37418593 * x * x + 2.09137015 * x - 0.16748867
                                   : 3.0817580 * x * x * x - 5.87338670 * x * x + 3.75112997 * x - 0.37001483;
    // xyY with Y = 1 -> XYZ -> linear Rec.709 (D65).
    const double X = x / y, Y = 1.0, Z = (1.0 - x - y) / y;
    glm::vec3 rgb{float(3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z),
                  float(-0.9692660 * X + 1.8760108 * Y + 0.0415560 * Z),
                  float(0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z)};
    rgb = glm::max(rgb, glm::vec3(0.0f));  // very warm light falls outside Rec.709's blue
    const float luminance = 0.2126f * rgb.r + 0.7152f * rgb.g + 0.0722f * rgb.b;
    return luminance > 0.0f ? rgb / luminance : glm::vec3(1.0f);
}

float srgb_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

glm::vec3 srgb_to_linear(glm::vec3 c) { return {srgb_to_linear(c.r), srgb_to_linear(c.g), srgb_to_linear(c.b)}; }

float linear_to_srgb(float c) {
    c = std::clamp(c, 0.0f, 1.0f);
    return c <= 0.0031308f ? c * 12.92f : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

std::uint8_t linear_to_srgb8(float c) { return static_cast<std::uint8_t>(std::lround(linear_to_srgb(c) * 255.0f)); }

}  // namespace ocop
