#include "core/colour_difference.h"

#include <cmath>

namespace ocop {

namespace colour_difference_detail {

constexpr double kPi = 3.14159265358979323846;

double radians(double degrees) { return degrees * kPi / 180.0; }

// Hue angle in degrees, 0..360; 0 for a neutral (Sharma et al. 2005, eq. 4).
double hue_deg(double b, double a_prime) {
    if (b == 0.0 && a_prime == 0.0) return 0.0;
    const double h = std::atan2(b, a_prime) * 180.0 / kPi;
    return h < 0.0 ? h + 360.0 : h;
}

// CIELAB's companding of a relative tristimulus value (CIE 15:2004, 8.2.1).
double lab_f(double t) {
    constexpr double delta = 6.0 / 29.0;
    return t > delta * delta * delta ? std::cbrt(t) : t / (3.0 * delta * delta) + 4.0 / 29.0;
}

double pow7(double x) {
    const double x2 = x * x;
    return x2 * x2 * x2 * x;
}

}  // namespace colour_difference_detail

double srgb_decode(double encoded) {
    return encoded <= 0.04045 ? encoded / 12.92 : std::pow((encoded + 0.055) / 1.055, 2.4);
}

double srgb_encode(double linear) {
    return linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1.0 / 2.4) - 0.055;
}

glm::dvec3 linear_srgb_to_xyz(glm::dvec3 c) {
    // IEC 61966-2-1 primaries and D65 white (Lindbloom's matrix, to seven decimals).
    return {0.4124564 * c.r + 0.3575761 * c.g + 0.1804375 * c.b,
            0.2126729 * c.r + 0.7151522 * c.g + 0.0721750 * c.b,
            0.0193339 * c.r + 0.1191920 * c.g + 0.9503041 * c.b};
}

Lab xyz_to_lab(glm::dvec3 xyz) {
    using namespace colour_difference_detail;
    // The white of the same matrix, so that sRGB white lands exactly on (100, 0, 0).
    const glm::dvec3 white = linear_srgb_to_xyz(glm::dvec3(1.0));
    const double fx = lab_f(xyz.x / white.x), fy = lab_f(xyz.y / white.y), fz = lab_f(xyz.z / white.z);
    return {116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)};
}

Lab srgb_to_lab(glm::dvec3 e) {
    return xyz_to_lab(linear_srgb_to_xyz({srgb_decode(e.r), srgb_decode(e.g), srgb_decode(e.b)}));
}

double ciede2000(const Lab& c1, const Lab& c2) {
    using namespace colour_difference_detail;
    // Sharma et al. 2005, equations 2-4: a* stretched near neutral, then chroma and hue.
    const double c_mean = 0.5 * (std::hypot(c1.a, c1.b) + std::hypot(c2.a, c2.b));
    const double g = 0.5 * (1.0 - std::sqrt(pow7(c_mean) / (pow7(c_mean) + pow7(25.0))));
    const double a1 = (1.0 + g) * c1.a, a2 = (1.0 + g) * c2.a;
    const double chroma1 = std::hypot(a1, c1.b), chroma2 = std::hypot(a2, c2.b);
    const double h1 = hue_deg(c1.b, a1), h2 = hue_deg(c2.b, a2);
    const bool neutral = chroma1 * chroma2 == 0.0;

    // Equations 5-9: the differences, the hue difference the short way round.
    const double delta_l = c2.L - c1.L;
    const double delta_c = chroma2 - chroma1;
    double delta_h_deg = neutral ? 0.0 : h2 - h1;
    if (delta_h_deg > 180.0) delta_h_deg -= 360.0;
    if (delta_h_deg < -180.0) delta_h_deg += 360.0;
    const double delta_h = 2.0 * std::sqrt(chroma1 * chroma2) * std::sin(radians(delta_h_deg) / 2.0);

    // Equations 10-22: the means, the weights, the blue-region rotation.
    const double l_mean = 0.5 * (c1.L + c2.L);
    const double chroma_mean = 0.5 * (chroma1 + chroma2);
    double h_mean = h1 + h2;
    if (!neutral) {
        if (std::abs(h1 - h2) <= 180.0) h_mean = 0.5 * (h1 + h2);
        else h_mean = h1 + h2 < 360.0 ? 0.5 * (h1 + h2 + 360.0) : 0.5 * (h1 + h2 - 360.0);
    }
    const double t = 1.0 - 0.17 * std::cos(radians(h_mean - 30.0)) + 0.24 * std::cos(radians(2.0 * h_mean)) +
                     0.32 * std::cos(radians(3.0 * h_mean + 6.0)) - 0.20 * std::cos(radians(4.0 * h_mean - 63.0));
    const double delta_theta = 30.0 * std::exp(-std::pow((h_mean - 275.0) / 25.0, 2.0));
    const double r_c = 2.0 * std::sqrt(pow7(chroma_mean) / (pow7(chroma_mean) + pow7(25.0)));
    const double l50 = (l_mean - 50.0) * (l_mean - 50.0);
    const double s_l = 1.0 + 0.015 * l50 / std::sqrt(20.0 + l50);
    const double s_c = 1.0 + 0.045 * chroma_mean;
    const double s_h = 1.0 + 0.015 * chroma_mean * t;
    const double r_t = -std::sin(radians(2.0 * delta_theta)) * r_c;

    const double l = delta_l / s_l, c = delta_c / s_c, h = delta_h / s_h;
    return std::sqrt(l * l + c * c + h * h + r_t * c * h);
}

}  // namespace ocop
