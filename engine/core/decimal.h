// Floats in the files people read (JSON sidecars, tour.json, GLB extras): 1.6, not
// 1.600000023841858.
#pragma once

#include <charconv>
#include <cstdlib>
#include <string>

namespace ocop {

// The shortest decimal that reads back as exactly this float.
inline std::string shortest_text(float value) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

// That decimal as a double, so a JSON writer prints it as written.
inline double shortest_double(float value) { return std::strtod(shortest_text(value).c_str(), nullptr); }

}  // namespace ocop
