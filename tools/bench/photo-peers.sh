#!/usr/bin/env bash
# tools/bench/photo-peers.sh [GLB...] [--runs N] [--keep DIR]
# Per-photo time at 1024x1024 on the CPU, side by side in one run on the same GLB (issue 5):
#   ours            `showroom photo GLB -o OUT.png --size 1024x1024 --samples 2 --cpu`, a fresh process per
#                   photo (start-up, import, pipeline compile included), and in batch: photo.median_s of
#                   `showroom bench render GLB --size 1024x1024 --samples 2 --runs N --cpu`. Two, as every
#                   photo preset in scenes/studio renders: twice the size, averaged down;
#   screenshot-glb  @shopify/screenshot-glb (npm) with Debian's Chromium (SwiftShader WebGL) and a local
#                   <model-viewer> build, white background, a fresh process per photo as a user runs it;
#   Cycles          Blender 3.4 (Debian), 32 samples, CPU, white world (tools/bench/cycles-photo.py),
#                   a fresh process per photo; the render time alone is reported too.
# Without GLB: three generated samples (build/samples), exported to GLB by `showroom export` when they are
# not GLB already. Medians of N runs (default 3). Prints a Markdown table, then the raw JSON, to stdout.
# --keep DIR keeps each tool's last photo of each model there (MODEL.ours.png, .screenshot-glb.png, .cycles.png).
# Needs: build/bin/showroom, and the peers from /work/shared/tools/peers/setup.sh install (/tmp/peers).
# Exit: 0 done; 1 a tool failed or wrote no 1024x1024 PNG; 2 bad usage or a peer is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
showroom=${SHOWROOM:-$root/build/bin/showroom}
peers=${PEERS_DIR:-/tmp/peers}
size=1024
cycles_samples=32
ours_samples=2   # the presets' supersampling (scenes/studio/*.preset.json) and `showroom photo`'s default
py=/usr/bin/python3   # Debian's: the one whose numpy Blender uses (not a pyenv shim)
screenshot_timeout_ms=600000   # lavapipe-class machines: SwiftShader needs minutes for big meshes

photo_usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
photo_missing() { echo "photo-peers.sh: $1" >&2; exit 2; }

runs=3
keep=
models=()
while (($#)); do
  case $1 in
    --runs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || photo_usage; runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; [[ $runs =~ ^[1-9][0-9]*$ ]] || photo_usage; shift ;;
    --keep) [[ -n ${2:-} ]] || photo_usage; keep=$2; shift 2 ;;
    -h|--help) photo_usage ;;
    -*) echo "photo-peers.sh: unknown option $1" >&2; photo_usage ;;
    *) models+=("$1"); shift ;;
  esac
done

# ---- every tool is there before anything is timed -----------------------------------------------------
screenshot_glb=$peers/node_modules/.bin/screenshot-glb
model_viewer_js=$peers/mv/model-viewer-shimmed.min.js
chromium_wrapper=$peers/chromium-wrapper.sh
peer_hint="run 'bash /work/shared/tools/peers/setup.sh install' (a few minutes)"
[[ -x $showroom ]] || photo_missing "$showroom is missing (build it: cmake --preset default && cmake --build build)"
[[ -x $py ]] || photo_missing "$py is missing (apt install python3)"
[[ -x $screenshot_glb ]] || photo_missing "@shopify/screenshot-glb is missing ($screenshot_glb); $peer_hint"
# screenshot-glb 4.2.1 misses <model-viewer>'s 'poster-dismissed' with a local model and times out without
# a file; setup.sh appends a shim to the local build. Its default build is on a CDN, unreachable here.
[[ -f $model_viewer_js ]] || photo_missing "the local <model-viewer> build is missing ($model_viewer_js); $peer_hint"
[[ -x $chromium_wrapper && -x /usr/lib/chromium/chromium ]] ||
  photo_missing "Chromium or its wrapper is missing ($chromium_wrapper); $peer_hint"
command -v blender > /dev/null || photo_missing "blender is missing (apt install blender python3-numpy); $peer_hint"
blender_version=$(blender -b --factory-startup -noaudio --version 2> /dev/null | sed -n 's/^Blender \([0-9.]*\).*/\1/p' | head -1)
[[ $blender_version == 3.4* ]] || photo_missing "Blender 3.4 is wanted, found '${blender_version:-none}'"
"$py" -c 'import numpy' 2> /dev/null || photo_missing "python3-numpy is missing (Blender's glTF importer needs it)"

# ---- the GLBs ----------------------------------------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/photo-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if ((${#models[@]} == 0)); then
  for sample in bt-vase-blue-white.glb ht-tray-gold-leaf.gltf vp-scarf-on-stand.glb; do
    [[ -f $root/build/samples/$sample ]] ||
      photo_missing "build/samples/$sample is missing (build the samples first, or name GLB files)"
    models+=("$root/build/samples/$sample")
  done
fi
glbs=()
for model in "${models[@]}"; do
  [[ -f $model ]] || { echo "photo-peers.sh: no such file: $model" >&2; exit 2; }
  case ${model,,} in
    *.glb) glbs+=("$(realpath "$model")") ;;
    *) # every tool gets the same GLB (screenshot-glb takes a single self-contained file)
      glb=$tmp/$(basename "${model%.*}").glb
      "$showroom" -q export "$model" -o "$glb" || { echo "photo-peers.sh: showroom export $model failed" >&2; exit 1; }
      glbs+=("$glb") ;;
  esac
done

# ---- timing helpers ------------------------------------------------------------------------------------
# photo_check PNG LOG TOOL: the PNG is there and SIZExSIZE (screenshot-glb exits 0 on its timeout).
photo_check() {
  if ! "$py" - "$1" "$size" << 'EOF'; then
import struct, sys
try:
    head = open(sys.argv[1], 'rb').read(24)
except OSError:
    sys.exit(1)
n = int(sys.argv[2])
sys.exit(0 if head[:8] == b'\x89PNG\r\n\x1a\n' and struct.unpack('>II', head[16:24]) == (n, n) else 1)
EOF
    echo "photo-peers.sh: $3 wrote no ${size}x$size PNG ($1); the end of its log:" >&2
    tail -15 "$2" >&2
    exit 1
  fi
}

# photo_time LOG CMD...: runs CMD with its output in LOG, prints its wall time in seconds.
photo_time() {
  local log=$1 start end
  shift
  start=$EPOCHREALTIME
  if ! "$@" > "$log" 2>&1; then
    echo "photo-peers.sh: failed: $*; the end of its log:" >&2
    tail -15 "$log" >&2
    exit 1
  fi
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

ours_photo() { "$showroom" photo "$1" -o "$2" --size "${size}x$size" --samples "$ours_samples" --cpu; }
screenshot_photo() {
  NO_COLOR=1 PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_EXECUTABLE_PATH=$chromium_wrapper TMPDIR=$tmp \
    "$screenshot_glb" -i "$1" -o "$2" -w "$size" -h "$size" -c '#ffffff' -t "$screenshot_timeout_ms" -p "$model_viewer_js"
}
cycles_photo() {
  blender -b --factory-startup -noaudio --python-exit-code 1 -P "$root/tools/bench/cycles-photo.py" -- \
    "$1" "$2" "$size" "$cycles_samples"
}

# ---- measure: per model, per run, one line "model tool run wall_s [render_s]" ----------------------------
raw=$tmp/raw.tsv
: > "$raw"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for glb in "${glbs[@]}"; do
  name=$(basename "$glb")
  echo "photo-peers.sh: $name" >&2
  for i in $(seq "$runs"); do
    rm -f "$tmp/ours.png" "$tmp/mv.png" "$tmp/cycles.png"
    s=$(photo_time "$tmp/ours.log" ours_photo "$glb" "$tmp/ours.png")
    photo_check "$tmp/ours.png" "$tmp/ours.log" "showroom photo"
    printf '%s\tours_fresh\t%s\t%s\n' "$name" "$i" "$s" >> "$raw"
    s=$(photo_time "$tmp/mv.log" screenshot_photo "$glb" "$tmp/mv.png")
    photo_check "$tmp/mv.png" "$tmp/mv.log" "screenshot-glb"
    printf '%s\tscreenshot_glb\t%s\t%s\n' "$name" "$i" "$s" >> "$raw"
    s=$(photo_time "$tmp/cycles.log" cycles_photo "$glb" "$tmp/cycles.png")
    photo_check "$tmp/cycles.png" "$tmp/cycles.log" "Blender Cycles"
    render_s=$(sed -n 's/.*CYCLES_PHOTO import_s=[0-9.]* render_s=\([0-9.]*\).*/\1/p' "$tmp/cycles.log")
    printf '%s\tcycles\t%s\t%s\t%s\n' "$name" "$i" "$s" "${render_s:-}" >> "$raw"
  done
  if [[ -n $keep ]]; then
    mkdir -p "$keep"
    cp "$tmp/ours.png" "$keep/${name%.*}.ours.png"
    cp "$tmp/mv.png" "$keep/${name%.*}.screenshot-glb.png"
    cp "$tmp/cycles.png" "$keep/${name%.*}.cycles.png"
  fi
  "$showroom" bench render "$glb" --size "${size}x$size" --samples "$ours_samples" --runs "$runs" --cpu --json > "$tmp/bench_$name.json" \
    2> "$tmp/bench.log" || { echo "photo-peers.sh: showroom bench render $glb failed" >&2; tail -15 "$tmp/bench.log" >&2; exit 1; }
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ------------------------------------------------------------------------------------------
versions=$(printf '%s\t%s\t%s\t%s' \
  "$(node -p "require('$peers/node_modules/@shopify/screenshot-glb/package.json').version" 2> /dev/null || echo '?')" \
  "$(node -p "require('$peers/mv/node_modules/@google/model-viewer/package.json').version" 2> /dev/null || echo '?')" \
  "$(/usr/lib/chromium/chromium --version 2> /dev/null | awk '{ print $2 }' || echo '?')" \
  "$blender_version")
"$py" - "$raw" "$tmp" "$runs" "$size" "$cycles_samples" "$(nproc)" "$load_before" "$load_after" "$versions" \
  "${glbs[@]}" << 'EOF'
import json, os, statistics, sys

raw, tmp, runs, size, samples, cores, load_before, load_after, versions = sys.argv[1:10]
glbs = sys.argv[10:]
screenshot_v, mv_v, chromium_v, blender_v = versions.split('\t')
rows = [line.rstrip('\n').split('\t') for line in open(raw)]


def series(name, tool, column=3):
    return [float(r[column]) for r in rows if r[0] == name and r[1] == tool and len(r) > column and r[column]]


def median(values):
    return statistics.median(values) if values else None


models = []
for glb in glbs:
    name = os.path.basename(glb)
    bench = json.load(open(os.path.join(tmp, f'bench_{name}.json')))
    ours_fresh, shot, cycles = series(name, 'ours_fresh'), series(name, 'screenshot_glb'), series(name, 'cycles')
    cycles_render = series(name, 'cycles', 4)
    m = {
        'model': name, 'triangles': bench.get('triangles'),
        'ours': {'fresh_process_s': ours_fresh, 'fresh_process_median_s': median(ours_fresh),
                 'batch_median_s': bench['photo']['median_s'], 'batch_first_photo_s': bench.get('first_photo_s'),
                 'device': bench.get('device'), 'bench_render': bench},
        'screenshot_glb': {'wall_s': shot, 'median_s': median(shot)},
        'cycles': {'wall_s': cycles, 'median_s': median(cycles), 'render_s': cycles_render,
                   'render_median_s': median(cycles_render)},
    }
    m['ratio_screenshot_glb_over_ours_fresh'] = m['screenshot_glb']['median_s'] / m['ours']['fresh_process_median_s']
    m['ratio_cycles_over_ours_fresh'] = m['cycles']['median_s'] / m['ours']['fresh_process_median_s']
    models.append(m)

report = {
    'size': f'{size}x{size}', 'runs': int(runs), 'cores': int(cores),
    'loadavg_before': load_before, 'loadavg_after': load_after,
    'peers': {'screenshot_glb': screenshot_v, 'model_viewer': mv_v, 'chromium': chromium_v,
              'blender': blender_v, 'cycles_samples': int(samples)},
    'models': models,
}

s = lambda v: '—' if v is None else f'{v:.2f} s'
print(f'Photos at {size}x{size} on the CPU ({cores} cores, load average {load_before} before, {load_after} after; '
      f'ours on {models[0]["ours"]["device"] if models else "?"}, '
      f'{models[0]["ours"]["bench_render"].get("samples") if models else "?"}x supersampling); medians of {runs} run(s).')
print(f'screenshot-glb {screenshot_v} + <model-viewer> {mv_v} + Chromium {chromium_v} (SwiftShader); '
      f'Blender {blender_v} Cycles, {samples} samples, CPU.')
print()
print('| model | triangles | ours, fresh process | ours, in batch | screenshot-glb | Cycles (render alone) '
      '| screenshot-glb / ours |')
print('|---|---:|---:|---:|---:|---:|---:|')
for m in models:
    o, c = m['ours'], m['cycles']
    print(f'| {m["model"]} | {m["triangles"]:,} | {s(o["fresh_process_median_s"])} | {s(o["batch_median_s"])} '
          f'| {s(m["screenshot_glb"]["median_s"])} | {s(c["median_s"])} ({s(c["render_median_s"])}) '
          f'| {m["ratio_screenshot_glb_over_ours_fresh"]:.1f}x |')
print()
print('Target (issue 5): screenshot-glb / ours >= 10 at equal size.')
print()
print('```json')
print(json.dumps(report, indent=2))
print('```')
EOF
