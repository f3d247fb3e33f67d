// Private to import_gltf.cpp: bounds-checked reading of glTF accessors. Every range is checked
// against the buffer before a byte is read, so a malformed file gives an Error, never a crash.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <tiny_gltf.h>  // declarations only: the implementation lives in libtinygltf

#include "core/result.h"

namespace ocop::assets::gltf_accessors {

// A validated window onto an accessor's elements.
struct AccessorData {
    const std::uint8_t* first = nullptr;
    std::size_t count = 0;
    std::size_t stride = 0;
    int component_type = 0;
    int components = 0;
    bool normalized = false;
};

// Where a part of the file is, for messages: "mesh 3 primitive 0, accessor 7".
inline std::string accessor_where(const std::string& where, int accessor) {
    return where + ", accessor " + std::to_string(accessor);
}

// `buffers`: each glTF buffer's bytes, by index.
inline Result<AccessorData> view_accessor(const tinygltf::Model& gltf,
                                          const std::vector<std::span<const std::uint8_t>>& buffers,
                                          int accessor_index,
                                          int expected_components, const std::string& file,
                                          const std::string& where) {
    const std::string at = accessor_where(where, accessor_index);
    if (accessor_index < 0 || static_cast<std::size_t>(accessor_index) >= gltf.accessors.size())
        return bad_input(file, "refers to an accessor that does not exist", at);
    const tinygltf::Accessor& accessor = gltf.accessors[static_cast<std::size_t>(accessor_index)];
    if (accessor.sparse.isSparse) return bad_input(file, "sparse accessors are not supported", at);

    const int component_size = tinygltf::GetComponentSizeInBytes(
        static_cast<std::uint32_t>(accessor.componentType));
    const int components =
        tinygltf::GetNumComponentsInType(static_cast<std::uint32_t>(accessor.type));
    if (component_size <= 0 || components <= 0 || component_size > 4)
        return bad_input(file, "has an invalid componentType or type", at);
    if (components != expected_components)
        return bad_input(file,
                         "has " + std::to_string(components) + " components per element where " +
                             std::to_string(expected_components) + " are expected",
                         at);
    if (accessor.bufferView < 0 ||
        static_cast<std::size_t>(accessor.bufferView) >= gltf.bufferViews.size())
        return bad_input(file, "has no valid bufferView", at);
    const tinygltf::BufferView& view =
        gltf.bufferViews[static_cast<std::size_t>(accessor.bufferView)];
    if (view.buffer < 0 || static_cast<std::size_t>(view.buffer) >= buffers.size())
        return bad_input(file, "its bufferView refers to a buffer that does not exist", at);
    const std::span<const std::uint8_t> buffer = buffers[static_cast<std::size_t>(view.buffer)];
    if (view.byteOffset > buffer.size() || view.byteLength > buffer.size() - view.byteOffset)
        return bad_input(file,
                         "bufferView " + std::to_string(accessor.bufferView) +
                             " reaches past the end of its buffer (" +
                             std::to_string(buffer.size()) + " bytes)",
                         at);

    const std::size_t element_size = static_cast<std::size_t>(component_size) * components;
    const std::size_t stride = view.byteStride != 0 ? view.byteStride : element_size;
    if (stride < element_size) return bad_input(file, "byteStride is smaller than one element", at);
    if (accessor.count > 0) {
        // Written so that no sum can overflow: the last element must end inside the view.
        const bool fits = accessor.byteOffset <= view.byteLength &&
                          view.byteLength - accessor.byteOffset >= element_size &&
                          accessor.count - 1 <=
                              (view.byteLength - accessor.byteOffset - element_size) / stride;
        if (!fits)
            return bad_input(file,
                             std::to_string(accessor.count) +
                                 " elements reach past the end of bufferView " +
                                 std::to_string(accessor.bufferView),
                             at);
    }
    return AccessorData{buffer.data() + view.byteOffset + accessor.byteOffset,
                        accessor.count,
                        stride,
                        accessor.componentType,
                        components,
                        accessor.normalized};
}

// One component as float, with glTF's normalised-integer rules (glTF 2.0 §3.11).
inline float read_component(const std::uint8_t* at, int component_type, bool normalized) {
    switch (component_type) {
        case TINYGLTF_COMPONENT_TYPE_FLOAT: {
            float v;
            std::memcpy(&v, at, sizeof v);
            return v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE:
            return normalized ? at[0] / 255.0f : at[0];
        case TINYGLTF_COMPONENT_TYPE_BYTE: {
            const auto v = static_cast<std::int8_t>(at[0]);
            return normalized ? glm::max(v / 127.0f, -1.0f) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT: {
            std::uint16_t v;
            std::memcpy(&v, at, sizeof v);
            return normalized ? v / 65535.0f : v;
        }
        case TINYGLTF_COMPONENT_TYPE_SHORT: {
            std::int16_t v;
            std::memcpy(&v, at, sizeof v);
            return normalized ? glm::max(v / 32767.0f, -1.0f) : v;
        }
        case TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT: {
            std::uint32_t v;
            std::memcpy(&v, at, sizeof v);
            return normalized ? static_cast<float>(v / 4294967295.0) : static_cast<float>(v);
        }
        default:
            return 0.0f;
    }
}

template <int N>
std::vector<glm::vec<N, float>> read_vectors(const AccessorData& data) {
    // reserve + push_back: each element is written once, with no zero-fill pass before it.
    std::vector<glm::vec<N, float>> out;
    out.reserve(data.count);
    if (data.component_type == TINYGLTF_COMPONENT_TYPE_FLOAT) {  // the common case, copied as is
        for (std::size_t i = 0; i < data.count; ++i) {
            glm::vec<N, float> v;
            std::memcpy(&v, data.first + i * data.stride, sizeof v);
            out.push_back(v);
        }
        return out;
    }
    const int size = tinygltf::GetComponentSizeInBytes(static_cast<std::uint32_t>(data.component_type));
    for (std::size_t i = 0; i < data.count; ++i) {
        const std::uint8_t* element = data.first + i * data.stride;
        glm::vec<N, float> v;
        for (int c = 0; c < N; ++c) v[c] = read_component(element + c * size, data.component_type, data.normalized);
        out.push_back(v);
    }
    return out;
}

// Index accessors: unsigned byte, short or int scalars, each checked against `vertex_count`.
inline Result<std::vector<std::uint32_t>> read_indices(const AccessorData& data,
                                                       std::size_t vertex_count,
                                                       const std::string& file,
                                                       const std::string& at) {
    if (data.component_type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
        data.component_type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
        data.component_type != TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT)
        return bad_input(file, "indices must be unsigned byte, short or int", at);
    std::vector<std::uint32_t> out;
    out.reserve(data.count);  // written once below, with no zero-fill pass first
    for (std::size_t i = 0; i < data.count; ++i) {
        const std::uint8_t* element = data.first + i * data.stride;
        std::uint32_t index = 0;
        if (data.component_type == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE) {
            index = element[0];
        } else if (data.component_type == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT) {
            std::uint16_t v;
            std::memcpy(&v, element, sizeof v);
            index = v;
        } else {
            std::memcpy(&index, element, sizeof index);
        }
        if (index >= vertex_count)
            return bad_input(file,
                             "index " + std::to_string(index) + " (element " + std::to_string(i) +
                                 ") is out of range: the primitive has " +
                                 std::to_string(vertex_count) + " vertices",
                             at);
        out.push_back(index);
    }
    return out;
}

}  // namespace ocop::assets::gltf_accessors
