#!/bin/bash
# Drives showroom-studio with real X input (xdotool) under Xvfb, on lavapipe with validation on:
#   1. select a pedestal (--select), Delete, Ctrl+S: the saved file lacks it;
#   2. Ctrl+Z, Ctrl+S: it is back (undo through the UI); Ctrl+Q quits, exit 0;
#   3. start again, Delete, wait for the autosave, kill -9 the app (a crash);
#   4. start again with --recover, Ctrl+S, Ctrl+Q: the recovered edit is saved, exit 0.
# Each step waits on the file it changes or on frames the app has shown
# (OCOP_STUDIO_FRAME_LOG), not on a clock, so a slow CPU renderer only makes it slower. Exit 77 (skipped) without xvfb-run or xdotool.
#   ui_drive.sh STUDIO_BINARY SOURCE_DIR OUT_DIR
set -u
studio=$1 source=$2 out=$3
if [ -z "${DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || { echo "xvfb-run or xdotool missing: skipped"; exit 77; }
  exec xvfb-run -a -s '-screen 0 1280x800x24' "$0" "$@"
fi
rm -rf "$out" && mkdir -p "$out"
centre=$out/bat-trang.centre.json
# The copy names the shipped catalogue and brand by absolute path, so it can live anywhere.
sed -e "s#\"../../assets/#\"$source/assets/#" "$source/scenes/centres/bat-trang.centre.json" > "$centre"
target=bt-plinth-2  # fixtures[12]

fail() {
  echo "FAILED: $*"
  kill -9 "$app" 2>/dev/null
  echo "--- the app's log:"; tail -n 40 "$out/app.log" 2>/dev/null
  exit 1
}
# wait_for DESCRIPTION COMMAND...: polls for up to 600 s (an ASan build renders slowly).
wait_for() {
  local what=$1; shift
  for _ in $(seq 1 1200); do "$@" && return 0; sleep 0.5; done
  fail "timed out waiting for: $what"
}
has_target() { grep -q "\"$target\"" "$centre"; }
lacks_target() { ! has_target; }
export OCOP_STUDIO_FRAME_LOG=$out/frames
frames() { cat "$OCOP_STUDIO_FRAME_LOG" 2>/dev/null || echo 0; }
# settle N: waits until the app has shown N more frames (input is read at the start of a frame).
shown_since() { [ "$(frames)" -ge "$settle_until" ]; }
settle() {
  settle_until=$(( $(frames) + ${1:-2} ))
  wait_for "frame $settle_until" shown_since
}
start() {
  rm -f "$OCOP_STUDIO_FRAME_LOG"
  "$studio" "$centre" --size 1280x800 --autosave 2 "$@" > "$out/app.log" 2>&1 &
  app=$!
  window=$(xdotool search --sync --name "OCOP Showroom Studio")
  xdotool windowfocus --sync "$window"
}

photo=$out/photos/marketplace-white/BT-VASE-01_three-quarter-left.jpg
shot() { [ -f "$photo" ] && [ -f "${photo%.jpg}.json" ]; }
start --mode studio --photos "$out/photos"
settle 2
xdotool mousemove 1007 435 click 1          # "Shoot this photo" (the folder line is below it)
wait_for "the studio photo" shot
"$(dirname "$studio")/showroom" qa "$(dirname "$photo")" || fail "showroom qa failed on the studio's photo"
xdotool key ctrl+q
wait "$app" || fail "showroom-studio exited $? after Ctrl+Q: $(cat "$out/app.log")"

on_table() { grep -B1 '"on": "bt-ws-table-1"' "$centre" | grep -q '"product": "BT-VASE-01"'; }
start --select 'fixtures[25]'
on_table && fail "the copy already has the vase on the workshop table"
settle 2
xdotool mousemove 1047 63 click 1          # the Library tab
settle 3
xdotool mousemove 1000 150 mousedown 1     # the first thumbnail (dragged: the view drafts, a scaled blit)
settle 2
xdotool mousemove 900 300; settle 1
xdotool mousemove 700 380; settle 1
xdotool mousemove 612 392; settle 2         # the table, in the middle of the view
xdotool mouseup 1
settle 2
xdotool key ctrl+s
wait_for "the save with the dropped vase" on_table
xdotool key ctrl+q
wait "$app" || fail "showroom-studio exited $? after Ctrl+Q: $(cat "$out/app.log")"

start --select 'fixtures[12]'
has_target || fail "the copy does not hold $target"
xdotool key Delete ctrl+s
wait_for "the save without $target" lacks_target
xdotool key ctrl+z ctrl+s
wait_for "the save with $target back (undo)" has_target
xdotool key ctrl+q
wait "$app" || fail "showroom-studio exited $? after Ctrl+Q: $(cat "$out/app.log")"

start --select 'fixtures[12]'
xdotool key Delete
wait_for "the autosave" test -f "$centre.autosave"
kill -9 "$app"; wait "$app" 2>/dev/null
has_target || fail "the crash changed the saved file"
grep -q "\"$target\"" "$centre.autosave" && fail "the autosave does not hold the deletion"

start --select 'fixtures[12]' --recover
xdotool key ctrl+s
wait_for "the recovered edit saved" lacks_target
xdotool key ctrl+q
wait "$app"; rc=$?
cat "$out/app.log"
[ "$rc" -eq 0 ] || fail "showroom-studio exited $rc"
[ -f "$centre.autosave" ] && fail "the autosave outlived the save"
echo "ok: shoot, drag and drop, save, delete, save, undo, autosave, crash, recover, save"
