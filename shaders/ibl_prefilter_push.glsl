// The push constants of ibl_sample_rows.comp and ibl_prefilter.comp (PrefilterPush in
// engine/render/environment_bake_gpu.cpp): one prefiltered level of the bake, specular or sheen.
layout(push_constant) uniform Push {
    int width;               // the output level
    int height;
    int first_texel;         // where the level starts in the output buffer
    int first_entry;         // where its rows' samples start in the sample-rows buffer
    int samples;
    float roughness;         // perceptual (the sheen roughness for kLobeCharlie)
    float texel_solid_angle; // of the full pyramid's base: 4pi / (width * height)
    float lod_bias;
    int first_lod;           // the pyramid level uploaded first (uploaded level 0)
    int top_lod;             // the pyramid's last level (1x1)
    int lobe;                // kLobeGgx or kLobeCharlie
} p;

const int kLobeGgx = 0;
const int kLobeCharlie = 1;
