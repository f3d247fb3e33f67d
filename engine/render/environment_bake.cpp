#include "render/environment_bake.h"
#include "render/environment_bake_steps.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <system_error>
#include <thread>
#include <type_traits>

#include "assets/image.h"
#include "core/files.h"
#include "core/parallel.h"

// Named, not anonymous: the unity build puts every render source in one translation unit.
namespace ocop::render::environment_bake {

namespace fs = std::filesystem;

// Bump whenever the bake's output or the cache layout changes: older cache files then miss
// (the version is part of the key) and are refused if read anyway (it is in the header too).
constexpr std::uint32_t format_version = 2;  // 2: the sheen chain
constexpr char cache_magic[8] = {'O', 'C', 'O', 'P', 'I', 'B', 'L', '\n'};

Layout layout_for(const BakeSettings& settings) {
    Layout layout;
    layout.samples = std::clamp(settings.samples, 1, 1 << 16);
    layout.levels = std::clamp(settings.level_count, 1, 12);
    int height = std::clamp(settings.base_width, 8, 16384) / 2;
    while (layout.levels > 1 && (height >> (layout.levels - 1)) < 4) --layout.levels;
    height = (height >> (layout.levels - 1)) << (layout.levels - 1);
    layout.width0 = 2 * height;
    layout.height0 = height;
    return layout;
}

Layout sheen_layout() {
    return layout_for({.base_width = 128, .level_count = 5, .samples = sheen_samples});
}

bool is_bakeable(const assets::Image& hdr) {
    return hdr.width > 0 && hdr.height > 0 &&
           hdr.rgba32f.size() == static_cast<std::size_t>(hdr.width) * static_cast<std::size_t>(hdr.height) * 4;
}

// A read-only view of RGBA float pixels, row 0 at the top.
struct Plane {
    int width = 0;
    int height = 0;
    const float* rgba = nullptr;
};

Plane plane_of(const EnvironmentLevel& level) { return {level.width, level.height, level.rgba.data()}; }

EnvironmentLevel make_level(int width, int height) {
    EnvironmentLevel level;
    level.width = width;
    level.height = height;
    level.rgba.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4, 1.0f);
    return level;
}

std::size_t texel_index(int width, int x, int y) {
    return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 4;
}

// HDRIs from the wild hold NaN, infinities and negative values (bad merges, denoisers): one such
// texel would spread through every filter below. They count as black.
float clean(float v) {
    if (!(v >= 0.0f) || std::isinf(v)) return 0.0f;
    return std::min(v, max_radiance);
}


// The world direction of equirect coordinates (u, v): the inverse of the header's mapping.
glm::dvec3 direction_at(double u, double v) {
    const double phi = (u - 0.5) * 2.0 * pi, lat = (v - 0.5) * pi;
    return {std::cos(lat) * std::cos(phi), std::sin(lat), std::cos(lat) * std::sin(phi)};
}

// sin(latitude) at the top edge of row `t` (fractional) of an equirect `height` rows tall: the
// solid angle between two such edges is 2pi (sin(a) - sin(b)) over the full width.
double sin_latitude_at_row(double t, int height) { return std::sin(0.5 * pi - t * pi / height); }

double row_solid_angle(int row, int width, int height) {
    return 2.0 * pi / width * (sin_latitude_at_row(row, height) - sin_latitude_at_row(row + 1, height));
}

// Source cells (index, weight) that one destination cell covers along an axis.
struct Tap {
    int index = 0;
    double weight = 0.0;
};

// Along u: the overlap length of each source column with each destination column.
std::vector<std::vector<Tap>> column_taps(int source_width, int width) {
    std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(width));
    const double scale = double(source_width) / width;
    for (int x = 0; x < width; ++x) {
        const double a = x * scale, b = (x + 1) * scale;
        for (int s = static_cast<int>(std::floor(a)); s < std::min(source_width, static_cast<int>(std::ceil(b))); ++s) {
            const double overlap = std::min(b, s + 1.0) - std::max(a, double(s));
            if (overlap > 0.0) taps[static_cast<std::size_t>(x)].push_back({s, overlap});
        }
    }
    return taps;
}

// Along v: the solid angle of each source row's overlap with each destination row, so that rows
// near the poles, which cover less of the sphere, count for less.
std::vector<std::vector<Tap>> row_taps(int source_height, int height) {
    std::vector<std::vector<Tap>> taps(static_cast<std::size_t>(height));
    const double scale = double(source_height) / height;
    for (int y = 0; y < height; ++y) {
        const double a = y * scale, b = (y + 1) * scale;
        for (int s = static_cast<int>(std::floor(a)); s < std::min(source_height, static_cast<int>(std::ceil(b))); ++s) {
            const double lo = std::max(a, double(s)), hi = std::min(b, s + 1.0);
            const double weight = sin_latitude_at_row(lo, source_height) - sin_latitude_at_row(hi, source_height);
            if (hi > lo) taps[static_cast<std::size_t>(y)].push_back({s, std::max(weight, 0.0)});
        }
    }
    return taps;
}

// The solid-angle-weighted area average of `source` over each texel of a width x height equirect:
// the integral of radiance over the sphere is kept. Non-finite or negative source texels count
// as black. Works for any ratio (the 2x2 box of a mip pyramid is the case ratio = 2).
EnvironmentLevel area_resample(const Plane& source, int width, int height) {
    EnvironmentLevel out = make_level(width, height);
    const std::vector<std::vector<Tap>> columns = column_taps(source.width, width);
    const std::vector<std::vector<Tap>> rows = row_taps(source.height, height);
    double column_weight = 0.0;  // the same for every destination column
    for (const Tap& t : columns[0]) column_weight += t.weight;
    parallel_for(static_cast<std::size_t>(height), [&](std::size_t y) {
        std::vector<double> sum(static_cast<std::size_t>(width) * 3, 0.0);
        double row_weight = 0.0;
        for (const Tap& row : rows[y]) {
            row_weight += row.weight;
            const float* line = source.rgba + texel_index(source.width, 0, row.index);
            for (std::size_t x = 0; x < columns.size(); ++x) {
                double r = 0.0, g = 0.0, b = 0.0;
                for (const Tap& column : columns[x]) {
                    const float* p = line + static_cast<std::size_t>(column.index) * 4;
                    r += column.weight * clean(p[0]);
                    g += column.weight * clean(p[1]);
                    b += column.weight * clean(p[2]);
                }
                sum[x * 3 + 0] += row.weight * r;
                sum[x * 3 + 1] += row.weight * g;
                sum[x * 3 + 2] += row.weight * b;
            }
        }
        const double total = row_weight * column_weight;
        float* dst = out.rgba.data() + texel_index(width, 0, static_cast<int>(y));
        for (std::size_t x = 0; x < static_cast<std::size_t>(width); ++x)
            for (std::size_t c = 0; c < 3; ++c)
                dst[x * 4 + c] = total > 0.0 ? static_cast<float>(sum[x * 3 + c] / total) : 0.0f;
    });
    return out;
}

// Bilinear lookup at (u, v), repeating across the seam in u and clamped at the poles in v
// (what the renderer's environment sampler does).
glm::vec3 sample_bilinear(const Plane& plane, double u, double v) {
    const double fx = u * plane.width - 0.5, fy = (1.0 - v) * plane.height - 0.5;
    const double x0f = std::floor(fx), y0f = std::floor(fy);
    const float tx = static_cast<float>(fx - x0f), ty = static_cast<float>(fy - y0f);
    const auto wrap = [w = plane.width](long long x) { return static_cast<int>(((x % w) + w) % w); };
    const auto clamp_row = [h = plane.height](long long y) { return static_cast<int>(std::clamp<long long>(y, 0, h - 1)); };
    const auto x0 = static_cast<long long>(x0f), y0 = static_cast<long long>(y0f);
    const auto at = [&](int x, int y) {
        const float* p = plane.rgba + texel_index(plane.width, x, y);
        return glm::vec3(p[0], p[1], p[2]);
    };
    const glm::vec3 top = glm::mix(at(wrap(x0), clamp_row(y0)), at(wrap(x0 + 1), clamp_row(y0)), tx);
    const glm::vec3 bottom = glm::mix(at(wrap(x0), clamp_row(y0 + 1)), at(wrap(x0 + 1), clamp_row(y0 + 1)), tx);
    return glm::mix(top, bottom, ty);
}

// The integral of radiance over the sphere (per channel): sum of texel * solid angle.
glm::dvec3 radiant_integral(const Plane& plane) {
    glm::dvec3 total(0.0);
    for (int y = 0; y < plane.height; ++y) {
        const double solid_angle = row_solid_angle(y, plane.width, plane.height);
        glm::dvec3 row(0.0);
        for (int x = 0; x < plane.width; ++x) {
            const float* p = plane.rgba + texel_index(plane.width, x, y);
            row += glm::dvec3(p[0], p[1], p[2]);
        }
        total += row * solid_angle;
    }
    return total;
}

// A source smaller than level 0 is enlarged bilinearly, then scaled so that its integral over
// the sphere is the source's: bilinear weights near the clamped poles would otherwise drift.
EnvironmentLevel bilinear_resample(const Plane& source, int width, int height) {
    EnvironmentLevel out = make_level(width, height);
    parallel_for(static_cast<std::size_t>(height), [&](std::size_t y) {
        const double v = 1.0 - (static_cast<double>(y) + 0.5) / height;
        for (int x = 0; x < width; ++x) {
            const glm::vec3 c = sample_bilinear(source, (x + 0.5) / width, v);
            float* p = out.rgba.data() + texel_index(width, x, static_cast<int>(y));
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
        }
    });
    const glm::dvec3 want = radiant_integral(source), have = radiant_integral(plane_of(out));
    for (int c = 0; c < 3; ++c) {
        if (!(have[c] > 0.0)) continue;
        const auto scale = static_cast<float>(want[c] / have[c]);
        for (std::size_t i = static_cast<std::size_t>(c); i < out.rgba.size(); i += 4) out.rgba[i] *= scale;
    }
    return out;
}

// The source, cleaned and at most max_pyramid_width wide, then halved (area average) down to 1x1.
std::vector<EnvironmentLevel> build_pyramid(const assets::Image& hdr) {
    std::vector<EnvironmentLevel> pyramid;
    const Plane source{hdr.width, hdr.height, hdr.rgba32f.data()};
    if (hdr.width <= max_pyramid_width) {
        EnvironmentLevel base = make_level(hdr.width, hdr.height);
        for (std::size_t i = 0; i < base.rgba.size(); i += 4)
            for (std::size_t c = 0; c < 3; ++c) base.rgba[i + c] = clean(hdr.rgba32f[i + c]);
        pyramid.push_back(std::move(base));
    } else {
        const int height = std::max(1, static_cast<int>(std::lround(double(hdr.height) * max_pyramid_width / hdr.width)));
        pyramid.push_back(area_resample(source, max_pyramid_width, height));
    }
    while (pyramid.back().width > 1 || pyramid.back().height > 1) {
        const EnvironmentLevel& last = pyramid.back();
        EnvironmentLevel next = area_resample(plane_of(last), std::max(1, last.width / 2), std::max(1, last.height / 2));
        pyramid.push_back(std::move(next));
    }
    return pyramid;
}

EnvironmentLevel base_level(const assets::Image& hdr, const EnvironmentLevel& pyramid_base, const Layout& layout) {
    if (hdr.width >= layout.width0 && hdr.height >= layout.height0)
        return area_resample({hdr.width, hdr.height, hdr.rgba32f.data()}, layout.width0, layout.height0);
    return bilinear_resample(plane_of(pyramid_base), layout.width0, layout.height0);
}

// Every level of `layout`, each holding `value` everywhere.
std::vector<EnvironmentLevel> uniform_levels(glm::vec3 value, const Layout& layout) {
    std::vector<EnvironmentLevel> levels;
    for (int i = 0; i < layout.levels; ++i) {
        EnvironmentLevel level = make_level(layout.width(i), layout.height(i));
        for (std::size_t t = 0; t < level.rgba.size(); t += 4) {
            level.rgba[t + 0] = value.r;
            level.rgba[t + 1] = value.g;
            level.rgba[t + 2] = value.b;
        }
        levels.push_back(std::move(level));
    }
    return levels;
}

BakedEnvironment uniform_bake(glm::vec3 value, const Layout& layout) {
    BakedEnvironment baked;
    // Only band 0 is non-zero: sh[0] * Y00 = value for every normal.
    baked.sh[0] = value / static_cast<float>(sh_c0);
    baked.levels = uniform_levels(value, layout);
    baked.sheen = uniform_levels(value, sheen_layout());
    return baked;
}

std::array<double, 9> sh_basis(const glm::dvec3& d) {
    return {sh_c0,
            sh_c1 * d.y,
            sh_c1 * d.z,
            sh_c1 * d.x,
            sh_c2 * d.x * d.y,
            sh_c2 * d.y * d.z,
            sh_c3 * (3.0 * d.z * d.z - 1.0),
            sh_c2 * d.x * d.z,
            sh_c4 * (d.x * d.x - d.y * d.y)};
}

// Projects radiance onto SH bands 0-2 with each texel's exact solid angle, then convolves with
// the clamped cosine (band factors pi, 2pi/3, pi/4) and divides by pi (Ramamoorthi & Hanrahan
// 2001). Rows are summed in order after the parallel part, so the sum is deterministic.
std::array<glm::vec3, 9> project_irradiance(const Plane& plane) {
    std::vector<double> cos_phi(static_cast<std::size_t>(plane.width)), sin_phi(cos_phi.size());
    for (std::size_t x = 0; x < cos_phi.size(); ++x) {
        const double phi = ((static_cast<double>(x) + 0.5) / plane.width - 0.5) * 2.0 * pi;
        cos_phi[x] = std::cos(phi);
        sin_phi[x] = std::sin(phi);
    }
    std::vector<std::array<double, 27>> rows(static_cast<std::size_t>(plane.height));
    parallel_for(rows.size(), [&](std::size_t y) {
        const int row = static_cast<int>(y);
        const double solid_angle = row_solid_angle(row, plane.width, plane.height);
        const double lat = 0.5 * pi - (row + 0.5) * pi / plane.height;
        const double cos_lat = std::cos(lat), sin_lat = std::sin(lat);
        std::array<double, 27> sum{};
        for (std::size_t x = 0; x < cos_phi.size(); ++x) {
            const float* p = plane.rgba + texel_index(plane.width, static_cast<int>(x), row);
            const std::array<double, 9> y_lm = sh_basis({cos_lat * cos_phi[x], sin_lat, cos_lat * sin_phi[x]});
            for (std::size_t i = 0; i < 9; ++i) {
                sum[i * 3 + 0] += y_lm[i] * p[0];
                sum[i * 3 + 1] += y_lm[i] * p[1];
                sum[i * 3 + 2] += y_lm[i] * p[2];
            }
        }
        for (double& s : sum) s *= solid_angle;
        rows[y] = sum;
    });
    std::array<double, 27> total{};
    for (const std::array<double, 27>& row : rows)
        for (std::size_t i = 0; i < 27; ++i) total[i] += row[i];
    return irradiance_from_projection(total);
}

std::array<glm::vec3, 9> irradiance_from_projection(const std::array<double, 27>& projection) {
    constexpr std::array<double, 9> band = {1.0, 2.0 / 3.0, 2.0 / 3.0, 2.0 / 3.0, 0.25, 0.25, 0.25, 0.25, 0.25};
    std::array<glm::vec3, 9> sh{};
    for (std::size_t i = 0; i < 9; ++i)
        sh[i] = glm::vec3(glm::dvec3(projection[i * 3], projection[i * 3 + 1], projection[i * 3 + 2]) * band[i]);
    return sh;
}

// Van der Corput radical inverse in base 2: the second coordinate of the Hammersley point set.
double radical_inverse(std::uint32_t bits) {
    bits = (bits << 16u) | (bits >> 16u);
    bits = ((bits & 0x55555555u) << 1u) | ((bits & 0xAAAAAAAAu) >> 1u);
    bits = ((bits & 0x33333333u) << 2u) | ((bits & 0xCCCCCCCCu) >> 2u);
    bits = ((bits & 0x0F0F0F0Fu) << 4u) | ((bits & 0xF0F0F0F0u) >> 4u);
    bits = ((bits & 0x00FF00FFu) << 8u) | ((bits & 0xFF00FF00u) >> 8u);
    return bits * 2.3283064365386963e-10;
}

// GGX half vector around +Z for the Hammersley point (xi1, xi2) (Karis 2013): cos(theta_h).
double ggx_cos_theta(double a2, double xi2) { return std::sqrt((1.0 - xi2) / (1.0 + (a2 - 1.0) * xi2)); }

// One sample of a prefilter in the texel's frame (+Z = the texel's direction N = V): the light
// direction, its weight (n.l for GGX's importance samples, D n.l for Charlie's) and the pyramid
// level it reads.
struct PrefilterSample {
    glm::dvec3 local{0.0};
    float weight = 0.0f;
    float lod = 0.0f;
};

// Filtered importance sampling (Krivanek & Colbert 2008, as the Khronos glTF-Sample-Viewer's
// computeLod): a sample stands for the solid angle 1 / (count * pdf), so it reads the pyramid
// level whose texels are that large; a small bright softbox is then averaged, not hit or missed.
// With n = v the pdf of l is D(h) (n.h) / (4 v.h) = D / 4. `texel_solid_angle` is the pyramid
// base's average texel, 4pi / (width * height).
std::vector<PrefilterSample> ggx_samples(double roughness, int count, double texel_solid_angle, double top_lod) {
    const double alpha = roughness * roughness, a2 = alpha * alpha;
    std::vector<PrefilterSample> samples;
    for (int k = 0; k < count; ++k) {
        const double cos_h = ggx_cos_theta(a2, radical_inverse(static_cast<std::uint32_t>(k)));
        const double sin_h = std::sqrt(std::max(0.0, 1.0 - cos_h * cos_h));
        const double phi = 2.0 * pi * k / count;
        const glm::dvec3 h(sin_h * std::cos(phi), sin_h * std::sin(phi), cos_h);
        const glm::dvec3 l = 2.0 * cos_h * h - glm::dvec3(0.0, 0.0, 1.0);  // reflect(-n, h)
        if (l.z <= 0.0) continue;
        const double denominator = cos_h * cos_h * (a2 - 1.0) + 1.0;
        const double d = a2 / (pi * denominator * denominator);
        const double sample_solid_angle = 1.0 / (count * d / 4.0);
        const double lod = 0.5 * std::log2(sample_solid_angle / texel_solid_angle) + lod_bias;
        samples.push_back({l, static_cast<float>(l.z), static_cast<float>(std::clamp(lod, 0.0, top_lod))});
    }
    return samples;
}

// The Charlie sheen lobe's samples for the prefilter with n = v: l spread uniformly over the
// hemisphere (Hammersley: n.l = 1 - xi, as brdf_lut's sheen albedo), each weighted by
// D_charlie(h) n.l with h = normalize(l + n); the Neubelt-Pettineo visibility is 1/4 for every l
// when n = v, so it drops out of the normalised sum. Each sample stands for 2pi / count of solid
// angle and reads the pyramid level of that size (Krivanek & Colbert, as for GGX).
std::vector<PrefilterSample> charlie_samples(double roughness, int count, double texel_solid_angle, double top_lod) {
    const double a = std::max(roughness * roughness, 1e-3);
    const double lod = std::clamp(0.5 * std::log2(2.0 * pi / count / texel_solid_angle) + lod_bias, 0.0, top_lod);
    std::vector<PrefilterSample> samples;
    for (int k = 0; k < count; ++k) {
        const double n_dot_l = 1.0 - radical_inverse(static_cast<std::uint32_t>(k));
        const double sin_l = std::sqrt(std::max(0.0, 1.0 - n_dot_l * n_dot_l));
        const double phi = 2.0 * pi * k / count;
        const glm::dvec3 l(sin_l * std::cos(phi), sin_l * std::sin(phi), n_dot_l);
        const glm::dvec3 h = glm::normalize(l + glm::dvec3(0.0, 0.0, 1.0));
        const double sin2_h = std::max(0.0, 1.0 - h.z * h.z);
        // D up to its constant factor, which the normalised sum drops, and over its largest value
        // here: with n = v the half vector is at most 45 degrees from n, so sin^2 <= 1/2, and
        // sin^(1/a) itself would underflow (0.5^500 at sheen roughness 0).
        const double weight = std::pow(2.0 * sin2_h, 0.5 / a) * n_dot_l;
        if (static_cast<float>(weight) > 0.0f) samples.push_back({l, static_cast<float>(weight), static_cast<float>(lod)});
    }
    return samples;
}

// One sample's reads in one pyramid level for a whole output row: every texel of a row sees the
// same pattern turned about +Y (the tangent frame is built from +Y, see prefilter_row), so a
// texel X reads at u + X / width, with v unchanged.
struct RowRead {
    const float* line_a = nullptr;  // the two source rows that v falls between
    const float* line_b = nullptr;
    float ty = 0.0f;
    float fx0 = 0.0f;   // source x for output column 0, in texels (centres at integers)
    float step = 0.0f;  // source texels per output column
    float width = 0.0f;
    int iwidth = 0;
    float weight = 0.0f;
};

// GGX-prefiltered radiance of one row of `out` (Karis 2013: sum of L(l) n.l over samples / sum n.l).
void prefilter_row(const std::vector<EnvironmentLevel>& pyramid, const std::vector<PrefilterSample>& samples,
                   EnvironmentLevel& out, int row) {
    const double lat = 0.5 * pi - (row + 0.5) * pi / out.height;
    const double u0 = 0.5 / out.width;
    const glm::dvec3 n = direction_at(u0, 0.5 + lat / pi);
    // Tangent frame from +Y: t = normalize(cross(+Y, n)) exists at every texel centre (none is
    // at a pole) and turns with the texel about +Y, which is what makes one pattern per row valid.
    const glm::dvec3 t = glm::normalize(glm::dvec3(n.z, 0.0, -n.x));
    const glm::dvec3 b = glm::cross(n, t);
    std::vector<RowRead> reads;
    reads.reserve(samples.size() * 2);
    double weight_sum = 0.0;
    const int top = static_cast<int>(pyramid.size()) - 1;
    for (const PrefilterSample& s : samples) {
        const glm::dvec3 l = t * s.local.x + b * s.local.y + n * s.local.z;
        const double u = std::atan2(l.z, l.x) / (2.0 * pi) + 0.5;
        const double v = std::asin(std::clamp(l.y, -1.0, 1.0)) / pi + 0.5;
        weight_sum += s.weight;
        // Trilinear: the two pyramid levels around the sample's level of detail.
        const int level_a = std::min(static_cast<int>(s.lod), top);
        const int level_b = std::min(level_a + 1, top);
        const float f = s.lod - static_cast<float>(level_a);
        for (const auto& [level, share] : {std::pair{level_a, 1.0f - f}, std::pair{level_b, f}}) {
            if (share <= 0.0f) continue;
            const EnvironmentLevel& src = pyramid[static_cast<std::size_t>(level)];
            const double fy = (1.0 - v) * src.height - 0.5;
            const double y0 = std::floor(fy);
            const auto row_a = static_cast<int>(std::clamp(y0, 0.0, src.height - 1.0));
            const auto row_b = static_cast<int>(std::clamp(y0 + 1.0, 0.0, src.height - 1.0));
            reads.push_back({src.rgba.data() + texel_index(src.width, 0, row_a),
                             src.rgba.data() + texel_index(src.width, 0, row_b), static_cast<float>(fy - y0),
                             static_cast<float>(u * src.width - 0.5),
                             static_cast<float>(double(src.width) / out.width), static_cast<float>(src.width),
                             src.width, s.weight * share});
        }
    }
    const auto inverse_weight = static_cast<float>(1.0 / weight_sum);
    float* dst = out.rgba.data() + texel_index(out.width, 0, row);
    for (int x = 0; x < out.width; ++x) {
        glm::vec3 sum(0.0f);
        for (const RowRead& r : reads) {
            float fx = r.fx0 + static_cast<float>(x) * r.step;
            fx -= r.width * std::floor(fx / r.width);  // repeat across the seam
            int x0 = static_cast<int>(fx);
            const float tx = fx - static_cast<float>(x0);
            if (x0 >= r.iwidth) x0 -= r.iwidth;
            const int x1 = x0 + 1 == r.iwidth ? 0 : x0 + 1;
            const float* a0 = r.line_a + static_cast<std::size_t>(x0) * 4;
            const float* a1 = r.line_a + static_cast<std::size_t>(x1) * 4;
            const float* b0 = r.line_b + static_cast<std::size_t>(x0) * 4;
            const float* b1 = r.line_b + static_cast<std::size_t>(x1) * 4;
            const float w00 = (1.0f - tx) * (1.0f - r.ty), w01 = tx * (1.0f - r.ty);
            const float w10 = (1.0f - tx) * r.ty, w11 = tx * r.ty;
            for (int c = 0; c < 3; ++c) sum[c] += r.weight * (w00 * a0[c] + w01 * a1[c] + w10 * b0[c] + w11 * b1[c]);
        }
        dst[x * 4 + 0] = sum.r * inverse_weight;
        dst[x * 4 + 1] = sum.g * inverse_weight;
        dst[x * 4 + 2] = sum.b * inverse_weight;
    }
}

// --- the disk cache -------------------------------------------------------------------------

// FNV-1a, 64 bits: fast, and good enough to tell HDRIs apart (this is no defence against an
// attacker, only a cache key).
constexpr std::uint64_t fnv_offset = 14695981039346656037ull;
constexpr std::uint64_t fnv_prime = 1099511628211ull;

std::uint64_t fnv1a(std::uint64_t hash, std::span<const std::uint8_t> bytes) {
    for (std::uint8_t byte : bytes) hash = (hash ^ byte) * fnv_prime;
    return hash;
}

template <typename T>
std::uint64_t fnv1a_value(std::uint64_t hash, const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::array<std::uint8_t, sizeof(T)> bytes;
    std::memcpy(bytes.data(), &value, sizeof(T));
    return fnv1a(hash, bytes);
}

std::uint64_t cache_key(std::span<const std::uint8_t> file, const Layout& layout, const std::string& baker) {
    std::uint64_t hash = fnv1a(fnv_offset, file);
    hash = fnv1a(hash, std::span(reinterpret_cast<const std::uint8_t*>(baker.data()), baker.size()));
    for (std::uint32_t v : {format_version, static_cast<std::uint32_t>(layout.width0),
                            static_cast<std::uint32_t>(layout.levels), static_cast<std::uint32_t>(layout.samples)})
        hash = fnv1a_value(hash, v);
    return hash;
}

std::string hex(std::uint64_t value) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) text[static_cast<std::size_t>(i)] = digits[value & 15u];
    return text;
}

// Cache file layout (native byte order; a machine of the other order fails the version check):
//   magic[8] | u32 version | u32 levels | u64 key | i32 width0, height0, samples | f32 sh[27]
//   | per level, then per sheen level: f32 rgba[w * h * 4] | u64 FNV-1a of everything before it.
// Sizes follow from the settings, so a file of any other size is refused before parsing.
constexpr std::size_t cache_header_bytes = 8 + 4 + 4 + 8 + 3 * 4 + 27 * 4;

std::size_t cache_file_bytes(const Layout& layout) {
    std::size_t floats = 0;
    for (int i = 0; i < layout.levels; ++i)
        floats += static_cast<std::size_t>(layout.width(i)) * static_cast<std::size_t>(layout.height(i)) * 4;
    const Layout sheen = sheen_layout();
    for (int i = 0; i < sheen.levels; ++i)
        floats += static_cast<std::size_t>(sheen.width(i)) * static_cast<std::size_t>(sheen.height(i)) * 4;
    return cache_header_bytes + floats * sizeof(float) + sizeof(std::uint64_t);
}

template <typename T>
void append(std::vector<std::uint8_t>& out, const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const std::size_t at = out.size();
    out.resize(at + sizeof(T));
    std::memcpy(out.data() + at, &value, sizeof(T));
}

std::vector<std::uint8_t> encode_cache(const BakedEnvironment& baked, const Layout& layout, std::uint64_t key) {
    std::vector<std::uint8_t> out;
    out.reserve(cache_file_bytes(layout));
    append(out, cache_magic);
    append(out, format_version);
    append(out, static_cast<std::uint32_t>(layout.levels));
    append(out, key);
    append(out, static_cast<std::int32_t>(layout.width0));
    append(out, static_cast<std::int32_t>(layout.height0));
    append(out, static_cast<std::int32_t>(layout.samples));
    for (const glm::vec3& c : baked.sh) {
        append(out, c.x);
        append(out, c.y);
        append(out, c.z);
    }
    std::vector<const EnvironmentLevel*> all;
    for (const EnvironmentLevel& level : baked.levels) all.push_back(&level);
    for (const EnvironmentLevel& level : baked.sheen) all.push_back(&level);
    for (const EnvironmentLevel* level_pointer : all) {
        const EnvironmentLevel& level = *level_pointer;
        const std::size_t at = out.size();
        out.resize(at + level.rgba.size() * sizeof(float));
        std::memcpy(out.data() + at, level.rgba.data(), level.rgba.size() * sizeof(float));
    }
    append(out, fnv1a(fnv_offset, out));
    return out;
}

// Reads sequentially from bytes whose total size has already been checked.
struct CacheReader {
    std::span<const std::uint8_t> bytes;
    std::size_t at = 0;

    template <typename T>
    T next() {
        T value;
        std::memcpy(&value, bytes.data() + at, sizeof(T));
        at += sizeof(T);
        return value;
    }
};

// The cached bake, or nothing when the file is absent, of another version, key or size, fails
// its checksum or holds a non-finite value: a damaged cache is baked again, never trusted.
std::optional<BakedEnvironment> read_cache(const fs::path& path, const Layout& layout, std::uint64_t key) {
    const std::size_t expected = cache_file_bytes(layout);
    Result<std::vector<std::uint8_t>> file = read_file(path, expected);
    if (!file || file.value().size() != expected) return std::nullopt;
    const std::span<const std::uint8_t> bytes(file.value());
    const std::span<const std::uint8_t> body = bytes.first(expected - sizeof(std::uint64_t));
    CacheReader reader{bytes};
    if (std::memcmp(bytes.data(), cache_magic, sizeof(cache_magic)) != 0) return std::nullopt;
    reader.at = sizeof(cache_magic);
    if (reader.next<std::uint32_t>() != format_version) return std::nullopt;
    if (reader.next<std::uint32_t>() != static_cast<std::uint32_t>(layout.levels)) return std::nullopt;
    if (reader.next<std::uint64_t>() != key) return std::nullopt;
    if (reader.next<std::int32_t>() != layout.width0 || reader.next<std::int32_t>() != layout.height0 ||
        reader.next<std::int32_t>() != layout.samples)
        return std::nullopt;
    std::uint64_t stored_checksum = 0;
    std::memcpy(&stored_checksum, bytes.data() + body.size(), sizeof(stored_checksum));
    if (fnv1a(fnv_offset, body) != stored_checksum) return std::nullopt;
    BakedEnvironment baked;
    for (glm::vec3& c : baked.sh) {
        c.x = reader.next<float>();
        c.y = reader.next<float>();
        c.z = reader.next<float>();
        if (!std::isfinite(c.x) || !std::isfinite(c.y) || !std::isfinite(c.z)) return std::nullopt;
    }
    const Layout sheen = sheen_layout();
    for (int i = 0; i < layout.levels + sheen.levels; ++i) {
        const bool is_sheen = i >= layout.levels;
        const int at = is_sheen ? i - layout.levels : i;
        EnvironmentLevel level = is_sheen ? make_level(sheen.width(at), sheen.height(at))
                                          : make_level(layout.width(at), layout.height(at));
        std::memcpy(level.rgba.data(), bytes.data() + reader.at, level.rgba.size() * sizeof(float));
        reader.at += level.rgba.size() * sizeof(float);
        for (float v : level.rgba)
            if (!(v >= 0.0f) || !std::isfinite(v)) return std::nullopt;
        (is_sheen ? baked.sheen : baked.levels).push_back(std::move(level));
    }
    return baked;
}

// Best effort: a read-only or full disk only costs the next run another bake.
void write_cache(const fs::path& cache_dir, const fs::path& path, const BakedEnvironment& baked,
                 const Layout& layout, std::uint64_t key) {
    std::error_code ec;
    fs::create_directories(cache_dir, ec);
    if (ec) return;
    const std::vector<std::uint8_t> bytes = encode_cache(baked, layout, key);
    (void)write_file_atomic(path, std::span<const std::uint8_t>(bytes));
}

// --- the BRDF table ---------------------------------------------------------------------------

// Split-sum scale A and bias B for (n.v, perceptual roughness) (Karis 2013), with the
// height-correlated Smith visibility V = G / (4 n.l n.v) (Heitz 2014), alpha = roughness^2. With
// GGX importance sampling the estimator of the integral of f n.l is 4 V n.l v.h / n.h per sample.
glm::dvec2 integrate_split_sum(double n_dot_v, double roughness, int count) {
    const double alpha = roughness * roughness, a2 = alpha * alpha;
    const glm::dvec3 v(std::sqrt(std::max(0.0, 1.0 - n_dot_v * n_dot_v)), 0.0, n_dot_v);
    glm::dvec2 sum(0.0);
    for (int k = 0; k < count; ++k) {
        const double cos_h = ggx_cos_theta(a2, radical_inverse(static_cast<std::uint32_t>(k)));
        const double sin_h = std::sqrt(std::max(0.0, 1.0 - cos_h * cos_h));
        const double phi = 2.0 * pi * k / count;
        const glm::dvec3 h(sin_h * std::cos(phi), sin_h * std::sin(phi), cos_h);
        const double v_dot_h = glm::dot(v, h);
        const glm::dvec3 l = 2.0 * v_dot_h * h - v;
        const double n_dot_l = l.z;
        if (n_dot_l <= 0.0 || v_dot_h <= 0.0) continue;
        const double visibility = 0.5 / (n_dot_l * std::sqrt(n_dot_v * n_dot_v * (1.0 - a2) + a2) +
                                         n_dot_v * std::sqrt(n_dot_l * n_dot_l * (1.0 - a2) + a2));
        const double g = 4.0 * visibility * n_dot_l * v_dot_h / cos_h;
        const double fresnel = std::pow(1.0 - v_dot_h, 5.0);
        sum += glm::dvec2((1.0 - fresnel) * g, fresnel * g);
    }
    return sum / double(count);
}

// Directional albedo of the Charlie sheen lobe (Estevez & Kulla 2017) with the Neubelt-Pettineo
// visibility 1 / (4 (n.l + n.v - n.l n.v)), by uniform sampling of the hemisphere (pdf 1 / 2pi):
// the lobe peaks at grazing half vectors, where GGX-style importance sampling would not help.
// That visibility is not energy-conserving near grazing: for n.v < 0.1 and sheen roughness
// below about 0.3 the integral exceeds 1 (7.8 at n.v = 0.008, roughness 0.008), so brdf_lut
// stores min(E, 1): E scales the layer below by 1 - max(sheen colour) * E, which must stay >= 0.
double integrate_sheen_albedo(double n_dot_v, double roughness, int count) {
    const double a = std::max(roughness * roughness, 1e-3);
    const glm::dvec3 v(std::sqrt(std::max(0.0, 1.0 - n_dot_v * n_dot_v)), 0.0, n_dot_v);
    double sum = 0.0;
    for (int k = 0; k < count; ++k) {
        const double n_dot_l = 1.0 - radical_inverse(static_cast<std::uint32_t>(k));  // in (0, 1]
        const double sin_l = std::sqrt(std::max(0.0, 1.0 - n_dot_l * n_dot_l));
        const double phi = 2.0 * pi * k / count;
        const glm::dvec3 l(sin_l * std::cos(phi), sin_l * std::sin(phi), n_dot_l);
        const glm::dvec3 h = glm::normalize(l + v);
        const double sin2_h = std::max(0.0, 1.0 - h.z * h.z);
        const double d = (2.0 + 1.0 / a) * std::pow(sin2_h, 0.5 / a) / (2.0 * pi);
        const double visibility = 1.0 / (4.0 * (n_dot_l + n_dot_v - n_dot_l * n_dot_v));
        sum += d * visibility * n_dot_l;
    }
    return sum * 2.0 * pi / count;
}

}  // namespace ocop::render::environment_bake

namespace ocop::render {

// Helpers are qualified in full: in the unity build, other render files' anonymous namespaces
// share ocop::render with these functions.

BakedEnvironment bake_environment(const assets::Image& hdr, const BakeSettings& settings) {
    // Callers check their images; one that is not RGBA float pixels of its size bakes as black
    // rather than reading out of bounds.
    const environment_bake::Layout layout = environment_bake::layout_for(settings);
    if (!environment_bake::is_bakeable(hdr)) return environment_bake::uniform_bake(glm::vec3(0.0f), layout);
    const std::vector<EnvironmentLevel> pyramid = environment_bake::build_pyramid(hdr);
    const environment_bake::Plane base = environment_bake::plane_of(pyramid[0]);

    BakedEnvironment baked;
    // Bands 0-2 hardly change when the source is averaged down, so the pyramid's base will do.
    baked.sh = environment_bake::project_irradiance(base);
    baked.levels.push_back(environment_bake::base_level(hdr, pyramid[0], layout));

    // Every row of every prefiltered level is one task: level 1 has most of the work, so the
    // levels share the cores instead of running one after another.
    std::vector<std::vector<environment_bake::PrefilterSample>> samples(static_cast<std::size_t>(layout.levels));
    struct RowTask {
        int level;
        int row;
    };
    std::vector<RowTask> tasks;
    const double texel_solid_angle = 4.0 * environment_bake::pi / (double(base.width) * base.height);
    for (int i = 1; i < layout.levels; ++i) {
        const double roughness = double(i) / (layout.levels - 1);
        samples[static_cast<std::size_t>(i)] =
            environment_bake::ggx_samples(roughness, layout.samples, texel_solid_angle, double(pyramid.size() - 1));
        baked.levels.push_back(environment_bake::make_level(layout.width(i), layout.height(i)));
        for (int y = 0; y < layout.height(i); ++y) tasks.push_back({i, y});
    }
    // The sheen chain's levels are tasks after the GGX ones (level index from layout.levels on).
    const environment_bake::Layout sheen = environment_bake::sheen_layout();
    samples.resize(static_cast<std::size_t>(layout.levels + sheen.levels));
    for (int i = 0; i < sheen.levels; ++i) {
        const double roughness = sheen.levels > 1 ? double(i) / (sheen.levels - 1) : 1.0;
        samples[static_cast<std::size_t>(layout.levels + i)] =
            environment_bake::charlie_samples(roughness, sheen.samples, texel_solid_angle, double(pyramid.size() - 1));
        baked.sheen.push_back(environment_bake::make_level(sheen.width(i), sheen.height(i)));
        for (int y = 0; y < sheen.height(i); ++y) tasks.push_back({layout.levels + i, y});
    }
    parallel_for(tasks.size(), [&](std::size_t t) {
        const auto level = static_cast<std::size_t>(tasks[t].level);
        EnvironmentLevel& out = level < baked.levels.size() ? baked.levels[level] : baked.sheen[level - baked.levels.size()];
        environment_bake::prefilter_row(pyramid, samples[level], out, tasks[t].row);
    });
    return baked;
}

BakedEnvironment uniform_environment(glm::vec3 value, const BakeSettings& settings) {
    return environment_bake::uniform_bake(value, environment_bake::layout_for(settings));
}

EnvironmentBaker cpu_environment_baker() {
    return {"cpu", [](const assets::Image& hdr, const BakeSettings& settings) -> Result<BakedEnvironment> {
                return bake_environment(hdr, settings);
            }};
}

Result<BakedEnvironment> load_baked_environment(const std::filesystem::path& hdr_path,
                                                const std::filesystem::path& cache_dir,
                                                const BakeSettings& settings, const EnvironmentBaker& baker) {
    const environment_bake::Layout layout = environment_bake::layout_for(settings);
    std::uint64_t key = 0;
    {
        // The same limit as load_hdr_image; the bytes are freed before the decode needs memory.
        Result<std::vector<std::uint8_t>> file = read_file(hdr_path, 1ull << 30);
        if (!file) return file.error();
        key = environment_bake::cache_key(file.value(), layout, baker.name);
    }
    const std::filesystem::path cache_path = cache_dir.empty() ? std::filesystem::path() : cache_dir / (environment_bake::hex(key) + ".ibl");
    if (!cache_path.empty())
        if (std::optional<BakedEnvironment> cached = environment_bake::read_cache(cache_path, layout, key)) return std::move(*cached);
    Result<assets::Image> hdr = assets::load_hdr_image(hdr_path);
    if (!hdr) return hdr.error();
    Result<BakedEnvironment> baked = baker.bake(hdr.value(), settings);
    if (!baked) return baked.error();
    if (!cache_path.empty()) environment_bake::write_cache(cache_dir, cache_path, baked.value(), layout, key);
    return baked;
}

std::filesystem::path default_environment_cache_dir() {
    // The XDG base directory spec: a relative $XDG_CACHE_HOME is invalid and ignored.
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg && std::filesystem::path(xdg).is_absolute())
        return std::filesystem::path(xdg) / "ocop-showroom" / "ibl";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".cache" / "ocop-showroom" / "ibl";
    std::error_code ec;
    std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
    if (ec) temp = "/tmp";
    return temp / "ocop-showroom-ibl";
}

std::vector<glm::vec3> brdf_lut(int size) {
    if (size <= 0) return {};
    // 512 samples leave the split-sum terms within about 0.1% of a converged table. The sheen
    // estimator samples uniformly, so it gets more: its lobe is narrow at low roughness.
    constexpr int ggx_samples_per_texel = 512;
    constexpr int sheen_samples_per_texel = 1024;
    const auto n = static_cast<std::size_t>(size);
    std::vector<glm::vec3> lut(n * n);
    parallel_for(n, [&](std::size_t j) {
        const double roughness = (static_cast<double>(j) + 0.5) / size;
        for (std::size_t i = 0; i < n; ++i) {
            const double n_dot_v = (static_cast<double>(i) + 0.5) / size;
            const glm::dvec2 ab = environment_bake::integrate_split_sum(n_dot_v, roughness, ggx_samples_per_texel);
            const double sheen = environment_bake::integrate_sheen_albedo(n_dot_v, roughness, sheen_samples_per_texel);
            lut[j * n + i] = glm::vec3(glm::dvec3(ab, std::min(sheen, 1.0)));
        }
    });
    return lut;
}

}  // namespace ocop::render
