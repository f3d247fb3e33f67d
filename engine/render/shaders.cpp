#include "render/shaders.h"

namespace ocop::render::shaders {

namespace {
// Each .inc is glslc's "-mfmt=num" output: the SPIR-V words, comma separated.
constexpr std::uint32_t kPbrVert[] = {
#include "pbr.vert.inc"
};
constexpr std::uint32_t kPbrFrag[] = {
#include "pbr.frag.inc"
};
}  // namespace

std::span<const std::uint32_t> pbr_vert() { return kPbrVert; }
std::span<const std::uint32_t> pbr_frag() { return kPbrFrag; }

}  // namespace ocop::render::shaders
