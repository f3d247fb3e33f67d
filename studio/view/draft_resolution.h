// How much of the 3D view's resolution to draw while the user moves it. On a slow device (a CPU
// rasteriser draws a centre view at about 1.4 fps at 1280x720, docs/benchmarks.md) a draft at a
// fraction of the pixels keeps an orbit, a walk or a slider drag responsive, as Blender's
// viewport and KeyShot do; the full view comes back on the first frame the view is still. On a
// GPU the frames are fast enough and the view never drafts.
#pragma once

namespace ocop::studio {

inline constexpr float kDraftFrameMs = 66.0f;  // what a moving view aims at: 15 frames a second
// The steps a draft takes, each about half the pixels of the one before. Few and fixed, so the
// renderer's offscreen target is not made anew every frame.
inline constexpr float kDraftSteps[] = {1.0f, 0.7f, 0.5f, 0.35f, 0.25f};

// The next frame's resolution (one of kDraftSteps): `resolution` is this frame's and `frame_ms`
// what it took; `moving` whether the view moved, or the mouse drags, in this frame. The
// time is taken to grow with the pixels (the square of the resolution): the largest step
// expected within kDraftFrameMs, a step up only with a fifth to spare, 1 when still.
float next_draft_resolution(float resolution, float frame_ms, bool moving);

}  // namespace ocop::studio
