// While a drag moves fixtures, the built scene follows without a new build: the fixture and
// everything standing on it (products, price tags) move by the fixture's motion. A full build
// (fixture geometry, label textures, lights aimed at fixtures) can wait for the end of the drag.
#pragma once

#include "scene/build.h"
#include "scene/centre.h"

namespace ocop::studio {

// `built` was built from `before`. When `now` differs from it only in fixture positions and
// turns, moves the scene's items accordingly and returns true; otherwise leaves `built` alone
// and returns false (a full build is needed).
bool follow_moved_fixtures(const scene::Centre& before, const scene::Centre& now, scene::CentreScene& built);

}  // namespace ocop::studio
