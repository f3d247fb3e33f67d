#include "view/draft_resolution.h"

#include <iterator>

namespace ocop::studio {

float next_draft_resolution(float resolution, float frame_ms, bool moving) {
    if (!moving) return 1.0f;
    if (!(frame_ms > 0.0f) || !(resolution > 0.0f)) return resolution > 0.0f ? resolution : 1.0f;
    for (const float step : kDraftSteps) {
        const float scale = step / resolution;
        const float expected_ms = frame_ms * scale * scale;
        // A higher step than now must fit with room: frame times wobble, and a view that
        // steps up and down every frame flickers.
        const float budget = step > resolution ? 0.8f * kDraftFrameMs : kDraftFrameMs;
        if (expected_ms <= budget) return step;
    }
    return kDraftSteps[std::size(kDraftSteps) - 1];
}

}  // namespace ocop::studio
