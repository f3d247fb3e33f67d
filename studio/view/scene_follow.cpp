#include "view/scene_follow.h"

#include "scene/fixtures.h"

namespace ocop::studio {

bool follow_moved_fixtures(const scene::Centre& before, const scene::Centre& now, scene::CentreScene& built) {
    if (now.fixtures.size() != before.fixtures.size()) return false;
    scene::Centre unmoved = now;
    for (std::size_t i = 0; i < unmoved.fixtures.size(); ++i) {
        if (unmoved.fixtures[i].id != before.fixtures[i].id) return false;
        unmoved.fixtures[i].pos = before.fixtures[i].pos;
        unmoved.fixtures[i].yaw_deg = before.fixtures[i].yaw_deg;
    }
    if (!(unmoved == before)) return false;
    for (std::size_t f = 0; f < now.fixtures.size(); ++f) {
        const scene::Fixture& to = now.fixtures[f];
        const scene::Fixture& from = before.fixtures[f];
        if (to.pos == from.pos && to.yaw_deg == from.yaw_deg) continue;
        const glm::mat4 motion = scene::fixture_transform(to) * glm::inverse(scene::fixture_transform(from));
        for (std::size_t i = 0; i < built.items.size() && i < built.scene.products.size(); ++i) {
            const scene::SceneItem& item = built.items[i];
            const bool carried = (item.kind == scene::SceneItem::Kind::Fixture && item.id == to.id) || item.on == to.id;
            if (carried) built.scene.products[i].transform = motion * built.scene.products[i].transform;
        }
    }
    return true;
}

}  // namespace ocop::studio
