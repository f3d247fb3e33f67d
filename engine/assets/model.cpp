#include "assets/model.h"

namespace ocop::assets {

std::size_t Model::triangle_count() const {
    std::size_t n = 0;
    for (const Mesh& m : meshes) n += m.triangle_count();
    return n;
}

Bounds Model::bounds() const {
    Bounds b;
    for (const Mesh& m : meshes)
        for (const glm::vec3& p : m.positions) b.add(p);
    return b;
}

}  // namespace ocop::assets
