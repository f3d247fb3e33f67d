#!/usr/bin/env bash
# tools/bench/studio-draft.sh [CENTRE] [--frames K]
# What the studio's draft while the view moves buys (docs/studio.md): showroom-studio in layout
# mode under Xvfb at 1280x800, K frames with the view still, then K frames while xdotool holds the
# right button and orbits. Prints the median milliseconds between frames of each (from the app's
# frame log), and leaves the last frame's screenshot, taken mid-orbit, in
# build/bench-studio-draft/orbit.png. Default: the Bat Trang centre, K = 8. Renders on whatever
# device the app picks (lavapipe where there is no GPU).
# Needs: build/bin/showroom-studio, xvfb-run and xdotool. Exit: 0 measured; 1 the app failed; 2 bad usage.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
centre=$root/scenes/centres/bat-trang.centre.json
k=8
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case $1 in
    --frames) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; k=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "studio-draft.sh: unknown option $1" >&2; usage ;;
    *) centre=$1; shift ;;
  esac
done
[[ -f $centre ]] || { echo "studio-draft.sh: no such centre: $centre" >&2; exit 2; }
studio=$root/build/bin/showroom-studio
[[ -x $studio ]] || { echo "studio-draft.sh: $studio is missing (cmake --build --preset default)" >&2; exit 2; }
if [[ -z ${DISPLAY:-} ]]; then
  if ! command -v xvfb-run > /dev/null || ! command -v xdotool > /dev/null; then
    echo "studio-draft.sh: xvfb-run and xdotool are needed" >&2; exit 2
  fi
  exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$centre" --frames "$k"
fi

out=$root/build/bench-studio-draft
rm -rf "$out" && mkdir -p "$out"
export OCOP_STUDIO_FRAME_LOG=$out/frames
frames() { cat "$OCOP_STUDIO_FRAME_LOG" 2> /dev/null || echo 0; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# wait_frames N: until the app has shown N frames (or has exited).
wait_frames() { while [[ $(frames) -lt $1 ]] && kill -0 "$app" 2> /dev/null; do sleep 0.02; done; }

settle=3
# One frame after the measured ones, so the last measured frame is not the one that exits.
"$studio" "$centre" --size 1280x800 --frames $((settle + 2 * k + 3)) --screenshot "$out/orbit.png" > "$out/app.log" 2>&1 &
app=$!
window=$(xdotool search --sync --name "OCOP Showroom Studio")
xdotool windowfocus --sync "$window"
# When each frame was shown: "FRAME MS" lines, polled from the app's frame log.
times=$out/frame-times
(last=0; while kill -0 "$app" 2> /dev/null; do
   f=$(frames); [[ $f =~ ^[0-9]+$ && $f -gt $last ]] && { echo "$f $(now_ms)" >> "$times"; last=$f; }
   sleep 0.01
 done) &
clock=$!
wait_frames $((settle + k))
xdotool mousemove 640 400 mousedown 3
(while kill -0 "$app" 2> /dev/null; do xdotool mousemove_relative 4 0; sleep 0.05; done) &
mover=$!
wait "$app" || { echo "studio-draft.sh: showroom-studio failed: $(tail -3 "$out/app.log")" >&2; exit 1; }
wait "$mover" "$clock" || true
xdotool mouseup 3 || true
# Medians of the gaps between frames: the still ones, and the orbit's after its first two (drawn
# whole: the drag is seen, then the draft is chosen). A median, because a centre's view can bring
# new lights into the frame, whose pipelines lavapipe compiles the first time (a second or two).
/usr/bin/python3 - "$times" "$settle" "$k" << 'PY'
import statistics, sys
times = dict(tuple(map(int, line.split())) for line in open(sys.argv[1]))
settle, k = int(sys.argv[2]), int(sys.argv[3])
def gaps(first, last):
    return [times[f] - times[f - 1] for f in range(first, last + 1) if f in times and f - 1 in times]
still, orbit = gaps(settle + 1, settle + k), gaps(settle + k + 3, settle + 2 * k + 2)
print(f"still:    {statistics.median(still):.0f} ms a frame (median of {len(still)})")
print(f"orbiting: {statistics.median(orbit):.0f} ms a frame (median of {len(orbit)}, after the orbit's first two)")
PY
echo "screenshot mid-orbit: $out/orbit.png"
