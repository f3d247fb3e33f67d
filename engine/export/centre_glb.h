// A built centre (scene::build) as the nodes of one GLB: what web viewers and the browser tour
// load (docs/export.md, "Centre GLB").
#pragma once

#include "export/glb_writer.h"
#include "scene/build.h"
#include "scene/catalogue.h"
#include "scene/centre.h"

namespace ocop::exporter {

// Under the root (named after the centre, extras.ocop_centre = names, commune, district, the
// tour's start), one node per item of `built`, in its order:
// - rooms "room:ID", fixtures "fixture:ID", price tags "tag:SKU": a model placed by a transform;
// - products, named by SKU, extras.ocop = product_extras (the tour finds a clicked product by it);
// - lights "light:N" (KHR_lights_punctual, every light of the centre, not only the 16 drawn);
// - waypoints "waypoint:ID": a camera, extras.waypoint = {id, order, start, caption {vi, en}, look_at};
// - zones "zone:ID" at their middle on the floor: extras.zone = {id, function, room, name, min, max}.
// Items placing the same model (ten plinths of one size, a vase on two shelves) share its meshes.
// The models stay owned by `built`, which must outlive the GlbScene.
GlbScene centre_glb_scene(const scene::Centre& centre, const scene::Catalogue& catalogue,
                          const scene::CentreScene& built);

}  // namespace ocop::exporter
