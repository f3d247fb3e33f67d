// The architecture of a centre's room as geometry: floor, walls with their door openings,
// skirting and ceiling, with the finishes the layout names. CPU only.
#pragma once

#include <string>
#include <vector>

#include "assets/model.h"
#include "scene/centre.h"

namespace ocop::scene {

// The finishes a room may name, for help text and validation messages.
std::vector<std::string> floor_finishes();  // "terrazzo", "bat-trang-brick", "oak-parquet", "polished-concrete"
std::vector<std::string> wall_finishes();   // "lime-plaster", "exposed-brick", "wood-panel", "white-paint"

// In world space (metres, +Y up). Doors are open gaps 2.2 m high with a lintel above.
assets::Model room_model(const Room& room);

}  // namespace ocop::scene
