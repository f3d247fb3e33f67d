// The extension lobes of glTF's material model, as the Khronos glTF sample viewer defines their
// semantics. References:
// - Sheen: Estevez & Kulla, "Production Friendly Microfacet Sheen BRDF" (2017), the Charlie
//   distribution, with Neubelt & Pettineo's visibility ("Crafting a Next-Gen Material
//   Pipeline for The Order: 1886", 2013); the base layer is scaled by 1 - max(sheen) * E(n.v).
// - Clearcoat: a GGX layer of ior 1.5 (F0 0.04) over the base, which it attenuates by its
//   Fresnel (KHR_materials_clearcoat).
// - Iridescence: Belcour & Barla, "A Practical Extension to Microfacet Theory for the
//   Modeling of Varying Iridescence" (2017): thin-film Airy summation with the spectral
//   sensitivities integrated analytically (their Gaussian fit of the CIE XYZ curves).

float d_charlie(float sheen_roughness, float n_dot_h) {
    float alpha = max(sheen_roughness * sheen_roughness, 0.000001);
    float inv_alpha = 1.0 / alpha;
    float sin2h = max(1.0 - n_dot_h * n_dot_h, 0.0078125);  // 2^-7, to avoid 0 * inf
    return (2.0 + inv_alpha) * pow(sin2h, inv_alpha * 0.5) / (2.0 * kPi);
}

float v_neubelt(float n_dot_l, float n_dot_v) {
    return clamp(1.0 / (4.0 * (n_dot_l + n_dot_v - n_dot_l * n_dot_v)), 0.0, 1.0);
}

// Radiance of the sheen lobe for a light along l with illuminance e.
vec3 sheen_direct(vec3 n, vec3 v, vec3 l, vec3 sheen_colour, float sheen_roughness, vec3 e) {
    float n_dot_l = max(dot(n, l), 0.0);
    if (n_dot_l <= 0.0) return vec3(0.0);
    float n_dot_v = max(dot(n, v), 1e-4);
    float n_dot_h = max(dot(n, normalize(l + v)), 0.0);
    return sheen_colour * d_charlie(sheen_roughness, n_dot_h) * v_neubelt(n_dot_l, n_dot_v) * e * n_dot_l;
}

// Thin-film interference (Belcour & Barla 2017).
float sq(float x) { return x * x; }
vec3 sq(vec3 x) { return x * x; }

vec3 fresnel0_to_ior(vec3 f0) {
    vec3 s = sqrt(clamp(f0, 0.0, 0.9999));
    return (1.0 + s) / (1.0 - s);
}

vec3 ior_to_fresnel0(vec3 transmitted_ior, float incident_ior) {
    return sq((transmitted_ior - incident_ior) / (transmitted_ior + incident_ior));
}

float ior_to_fresnel0(float transmitted_ior, float incident_ior) {
    return sq((transmitted_ior - incident_ior) / (transmitted_ior + incident_ior));
}

// The sensitivities' Fourier transform at optical path difference `opd` (nm) with phase
// `shift`, in linear Rec.709 (the paper's supplemental fit).
vec3 eval_sensitivity(float opd, vec3 shift) {
    float phase = 2.0 * kPi * opd * 1.0e-9;
    vec3 val = vec3(5.4856e-13, 4.4201e-13, 5.2481e-13);
    vec3 pos = vec3(1.6810e+06, 1.7953e+06, 2.2084e+06);
    vec3 var = vec3(4.3278e+09, 9.3046e+09, 6.6121e+09);
    vec3 xyz = val * sqrt(2.0 * kPi * var) * cos(pos * phase + shift) * exp(-sq(phase) * var);
    xyz.x += 9.7470e-14 * sqrt(2.0 * kPi * 4.5282e+09) * cos(2.2399e+06 * phase + shift[0]) *
             exp(-4.5282e+09 * sq(phase));
    xyz /= 1.0685e-7;
    const mat3 xyz_to_rec709 = mat3(3.2404542, -0.9692660, 0.0556434, -1.5371385, 1.8760108, -0.2040259,
                                    -0.4985314, 0.0415560, 1.0572252);
    return xyz_to_rec709 * xyz;
}

// The Fresnel reflectance of a thin film of index `film_ior` and `thickness_nm` over a base
// whose normal-incidence reflectance is `base_f0`, seen at cos(theta) = `cos_theta1` from air.
vec3 eval_iridescence(float outside_ior, float film_ior, float cos_theta1, float thickness_nm, vec3 base_f0) {
    // Force the film towards the outside's index as it thins: no film, no colour.
    float ior2 = mix(outside_ior, film_ior, smoothstep(0.0, 0.03, thickness_nm * 1e-3));
    float sin_theta2_sq = sq(outside_ior / ior2) * (1.0 - sq(cos_theta1));
    float cos_theta2_sq = 1.0 - sin_theta2_sq;
    if (cos_theta2_sq < 0.0) return vec3(1.0);  // total internal reflection
    float cos_theta2 = sqrt(cos_theta2_sq);

    // First interface (air to film).
    float r0 = ior_to_fresnel0(ior2, outside_ior);
    float r12 = r0 + (1.0 - r0) * pow(1.0 - cos_theta1, 5.0);
    float t121 = 1.0 - r12;
    float phi12 = ior2 < outside_ior ? kPi : 0.0;
    float phi21 = kPi - phi12;

    // Second interface (film to base).
    vec3 base_ior = fresnel0_to_ior(clamp(base_f0, 0.0, 0.9999));
    vec3 r1 = ior_to_fresnel0(base_ior, ior2);
    vec3 r23 = r1 + (1.0 - r1) * pow(1.0 - cos_theta2, 5.0);
    vec3 phi23 = vec3(0.0);
    if (base_ior[0] < ior2) phi23[0] = kPi;
    if (base_ior[1] < ior2) phi23[1] = kPi;
    if (base_ior[2] < ior2) phi23[2] = kPi;

    float opd = 2.0 * ior2 * thickness_nm * cos_theta2;
    vec3 phi = vec3(phi21) + phi23;

    // Airy summation, first terms analytically, then the spectral integral of the rest.
    vec3 r123 = clamp(r12 * r23, 1e-5, 0.9999);
    vec3 r123_root = sqrt(r123);
    vec3 rs = sq(t121) * r23 / (vec3(1.0) - r123);
    vec3 c0 = r12 + rs;
    vec3 result = c0;
    vec3 cm = rs - t121;
    for (int m = 1; m <= 2; ++m) {
        cm *= r123_root;
        vec3 sm = 2.0 * eval_sensitivity(float(m) * opd, float(m) * phi);
        result += cm * sm;
    }
    return max(result, vec3(0.0));
}
