// Private to engine/assets: copying a vertex with every attribute it has, for the steps that
// split vertices (hard edges for normals, handedness seams for tangents).
#pragma once

#include <cstdint>
#include <vector>

#include "assets/model.h"

namespace ocop::assets {

// Appends a copy of vertex `v` to every attribute array that holds one value per position
// (empty arrays stay empty) and returns the copy's index.
inline std::uint32_t duplicate_vertex(Mesh& mesh, std::uint32_t v) {
    const std::size_t count = mesh.positions.size();
    const auto copy = [&](auto& attribute) {
        if (attribute.size() == count) attribute.push_back(attribute[v]);
    };
    copy(mesh.normals);
    copy(mesh.tangents);
    copy(mesh.uv0);
    copy(mesh.uv1);
    copy(mesh.colours);
    mesh.positions.push_back(mesh.positions[v]);
    return static_cast<std::uint32_t>(count);
}

}  // namespace ocop::assets
