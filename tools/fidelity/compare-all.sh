#!/usr/bin/env bash
# tools/fidelity/compare-all.sh [OUTDIR]
# Render fidelity: how close `showroom photo` is to Blender Cycles, next to how close Google's
# <model-viewer> is, on every model under ../shared/testdata/models (docs/fidelity.md).
# For each model folder it picks the model file (glTF-Binary/*.glb, else glTF/*.gltf, else any
# .glb/.gltf in the folder), runs the shared harness's reference.sh (packs it to NAME.glb, picks
# the harness's default 3/4 view, renders model-viewer and Cycles), renders the same packed file
# with `showroom photo` from the printed view (NAME_view.txt), and runs compare.py
# --mask-background for ours vs Cycles and model-viewer vs Cycles. It prints a Markdown table
# (also written to OUTDIR/table.md) and leaves in OUTDIR (default build/fidelity):
#   NAME_ours.png NAME_mv.png NAME_cycles.png           the three renders (straight-alpha RGBA)
#   NAME_{ours,mv}_vs_cycles.{png,json}, NAME_ours_vs_mv.{png,json}  side-by-side + ΔE00 heat map, numbers
#   NAME_reference.log NAME_ours.log NAME_cycles.log    logs; results.tsv, table.md
# One model failing (a reference that cannot render it, our renderer failing) gives a row saying
# so; the others go on. Cycles renders are cached per model in OUTDIR (reference.sh): they are
# rendered again when SIZE, SAMPLES or HDR change, or after `rm OUTDIR/*_cycles.png`.
#
# Needs: build/bin/showroom (cmake --build --preset default); ../shared/testdata and
# ../shared/tools/fidelity; the peer tools (bash ../shared/tools/peers/setup.sh install: Blender,
# Chromium, model-viewer and gltf-transform under /tmp/peers); /usr/bin/python3 with numpy + PIL.
# Without ../shared/testdata, the harness or the peers it prints why and exits 0.
# Environment: HDR (default ../shared/testdata/hdri/photo_studio_01_1k.hdr), SIZE (768),
# SAMPLES (Cycles samples, 128), MODELS (space-separated folder names, default all), SHOWROOM.
# Takes (2 cores, lavapipe): about 18 minutes the first time, nearly all of it Cycles (25-140 s per
# model at 128 spp); about 5 minutes with the Cycles cache (model-viewer 10-15 s, ours 2-6 s,
# compare.py 3 x 1 s per model).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$(cd "$root/.." && pwd)/shared
harness=$shared/tools/fidelity
models_dir=$shared/testdata/models
out=${1:-$root/build/fidelity}
size=${SIZE:-768}
samples=${SAMPLES:-128}
hdr=${HDR:-$shared/testdata/hdri/photo_studio_01_1k.hdr}
showroom=${SHOWROOM:-$root/build/bin/showroom}
py=/usr/bin/python3

skip() { echo "compare-all.sh: skipped: $*" >&2; exit 0; }
[[ -d $models_dir ]] || skip "$models_dir is absent"
[[ -x $harness/reference.sh && -f $harness/compare.py ]] || skip "the fidelity harness ($harness) is absent"
[[ -x /tmp/peers/node_modules/.bin/screenshot-glb && -x /tmp/peers/node_modules/.bin/gltf-transform ]] ||
  skip "the peer tools are not installed (bash $shared/tools/peers/setup.sh install)"
command -v blender > /dev/null || skip "blender is not installed (bash $shared/tools/peers/setup.sh install)"
"$py" -c 'import numpy, PIL' 2> /dev/null ||
  skip "$py with numpy and PIL is needed (apt install python3-numpy python3-pil)"
[[ -f $hdr ]] || { echo "compare-all.sh: no such HDR: $hdr" >&2; exit 2; }
[[ -x $showroom ]] || { echo "compare-all.sh: $showroom is missing (cmake --build --preset default)" >&2; exit 2; }

mkdir -p "$out"
out=$(cd "$out" && pwd)
hdr=$(cd "$(dirname "$hdr")" && pwd)/$(basename "$hdr")
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# The model file of one model folder (see the header); empty when there is none.
pick_model() {
  local dir=$1 f
  for f in "$dir"/glTF-Binary/*.glb "$dir"/glTF/*.gltf "$dir"/*.glb "$dir"/*.gltf \
           "$dir"/*/*.glb "$dir"/*/*.gltf; do
    [[ -f $f ]] && { echo "$f"; return 0; }
  done
  return 0
}

# "ssim<TAB>mean dE00<TAB>alpha IoU<TAB>bbox a<TAB>bbox b" of A vs B (compare.py's JSON + alpha masks).
metrics() {
  "$py" - "$1" "$2" "$3" << 'EOF'
import json, sys
import numpy as np
from PIL import Image
r = json.load(open(sys.argv[1]))
def mask(p):
    im = Image.open(p)
    return np.asarray(im.convert('RGBA'))[..., 3] >= 128
def bbox(m):
    ys, xs = np.nonzero(m)
    return f'{xs.min()},{ys.min()}-{xs.max()},{ys.max()}' if len(xs) else 'empty'
a, b = mask(sys.argv[2]), mask(sys.argv[3])
iou = (a & b).sum() / max(1, (a | b).sum())
print(f"{r['ssim']:.3f}\t{r['de00_mean']:.2f}\t{iou:.3f}\t{bbox(a)}\t{bbox(b)}")
EOF
}

compare() {  # A B LABELS STEM -> STEM.png, STEM.json; prints metrics()
  "$py" "$harness/compare.py" "$1" "$2" --mask-background --labels "$3" \
    --out "$4.png" --json "$4.json" > "$4.txt" 2>&1 || return 1
  metrics "$4.json" "$1" "$2"
}

results=$out/results.tsv
: > "$results"
echo -e "model\tfile\tstatus\tours_ssim\tours_de\tours_iou\tours_bbox\tmv_ssim\tmv_de\tmv_iou\tmv_bbox\tcycles_bbox\tours_s\tom_ssim\tom_de\tnote" >> "$results"

models=${MODELS:-$(cd "$models_dir" && ls -d -- */ | tr -d /)}
for m in $models; do
  file=$(pick_model "$models_dir/$m")
  if [[ -z $file ]]; then
    log "$m: no .glb or .gltf found, skipped"
    echo -e "$m\t-\tno-model\t\t\t\t\t\t\t\t\t\t\t\t\tno .glb/.gltf in the folder" >> "$results"
    continue
  fi
  name=$(basename "${file%.*}")
  stem=$out/$name
  note=
  # Cycles cache: reference.sh keys it by name only, so drop it when the settings changed.
  settings="size=$size samples=$samples hdr=$hdr"
  if [[ -f ${stem}_cycles.png && "$(cat "${stem}_settings.txt" 2>/dev/null)" != "$settings" ]]; then
    rm -f "${stem}_cycles.png"
  fi
  rm -f "${stem}_mv.png" "${stem}_ours.png" "${stem}_view.txt"
  log "$m: references ($(basename "$file"))"
  ref_ok=1
  # reference.sh stops at the first failing renderer (model-viewer runs before Cycles).
  "$harness/reference.sh" "$file" "$out" "$size" "$samples" 40 65 "$hdr" > "${stem}_reference.log" 2>&1 || ref_ok=0
  view=$(cat "${stem}_view.txt" 2>/dev/null || true)
  if [[ $ref_ok = 0 && -n $view && -s $stem.glb && ! -s ${stem}_cycles.png ]]; then
    log "$m: reference.sh failed, rendering Cycles alone"
    read -r th ph r f t <<< "$view"
    (cd "$harness" && blender -b --factory-startup -noaudio --python-exit-code 1 -P cycles_render.py -- \
      "$stem.glb" "$hdr" "${stem}_cycles.png" "$size" "$th" "$ph" "$r" "$f" 1 "$t" "$samples") \
      > "${stem}_cycles.log" 2>&1 || true
  fi
  [[ -s ${stem}_cycles.png ]] && echo "$settings" > "${stem}_settings.txt"
  if [[ ! -s ${stem}_cycles.png || -z $view ]]; then
    why=$(grep -hv '^\s*$' "${stem}_cycles.log" "${stem}_reference.log" 2>/dev/null | tail -1 | cut -c1-160 | tr '\t|' ' /' || true)
    log "$m: no Cycles reference: $why"
    echo -e "$m\t$(basename "$file")\tno-cycles\t\t\t\t\t\t\t\t\t\t\t\t\tCycles could not render it: $why" >> "$results"
    continue
  fi
  read -r th ph r f t <<< "$view"

  # Ours: the same packed .glb the references read, with the printed view.
  log "$m: showroom photo (orbit $th,$ph,$r fov $f target $t)"
  ours_s=
  # build/bin/showroom disappears while it is being relinked: wait for it (up to 5 minutes).
  for _ in $(seq 60); do [[ -x $showroom ]] && break; sleep 5; done
  t0=$(date +%s%N)
  if "$showroom" photo "$stem.glb" -o "${stem}_ours.png" --size "${size}x${size}" --environment "$hdr" \
      --orbit "$th,$ph,$r" --fov "$f" --target "$t" --keep-coordinates --exposure 0 \
      --tonemap pbr-neutral --no-lights --no-shadow --background transparent > "${stem}_ours.log" 2>&1 &&
     [[ -s ${stem}_ours.png ]]; then
    ours_ms=$((($(date +%s%N) - t0) / 1000000))
    ours_s=$((ours_ms / 1000)).$(printf %02d $((ours_ms % 1000 / 10)))
  else
    note="ours failed (exit $?): $(grep -v '^\s*$' "${stem}_ours.log" | tail -1 | cut -c1-160 | tr '\t|' ' /' || true)"
    rm -f "${stem}_ours.png"
  fi

  cyc_bbox=$("$py" -c 'import sys, numpy as np; from PIL import Image
m = np.asarray(Image.open(sys.argv[1]).convert("RGBA"))[..., 3] >= 128; ys, xs = np.nonzero(m)
print(f"{xs.min()},{ys.min()}-{xs.max()},{ys.max()}" if len(xs) else "empty")' "${stem}_cycles.png" || echo '?')
  ours=(- - - -) mv=(- - - -)
  if [[ -s ${stem}_ours.png ]]; then
    if line=$(compare "${stem}_ours.png" "${stem}_cycles.png" "ours (showroom photo),Cycles $samples spp" "${stem}_ours_vs_cycles"); then
      IFS=$'\t' read -r -a ours <<< "$line"
    else
      note="${note:+$note; }compare ours failed"
    fi
  fi
  if [[ -s ${stem}_mv.png ]]; then
    if line=$(compare "${stem}_mv.png" "${stem}_cycles.png" "model-viewer,Cycles $samples spp" "${stem}_mv_vs_cycles"); then
      IFS=$'\t' read -r -a mv <<< "$line"
    else
      note="${note:+$note; }compare model-viewer failed"
    fi
  else
    why=$(grep -hi 'mv_render\|error' "${stem}_reference.log" 2>/dev/null | tail -1 | cut -c1-160 | tr '\t|' ' /' || true)
    note="${note:+$note; }model-viewer could not render it${why:+: $why}"
  fi
  # The two rasterizers against each other: where both differ from Cycles the same way.
  om=(- - - -)
  if [[ -s ${stem}_ours.png && -s ${stem}_mv.png ]]; then
    line=$(compare "${stem}_ours.png" "${stem}_mv.png" "ours (showroom photo),model-viewer" "${stem}_ours_vs_mv") &&
      IFS=$'\t' read -r -a om <<< "$line"
  fi
  log "$m: ours ${ours[0]} / ${ours[1]}  model-viewer ${mv[0]} / ${mv[1]}  ours vs model-viewer ${om[0]} / ${om[1]}"
  echo -e "$m\t$(basename "$file")\tok\t${ours[0]}\t${ours[1]}\t${ours[2]}\t${ours[4]:--}\t${mv[0]}\t${mv[1]}\t${mv[2]}\t${mv[4]:--}\t$cyc_bbox\t$ours_s\t${om[0]}\t${om[1]}\t$note" >> "$results"
done

# Markdown table from results.tsv. "better?" calls a difference under 0.005 SSIM or 0.1 mean
# ΔE00 a tie (both renderers are compared with the same noisy Cycles image).
"$py" - "$results" "$samples" << 'EOF' | tee "$out/table.md"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
print('| model | ours vs Cycles SSIM / mean ΔE00 | model-viewer vs Cycles SSIM / mean ΔE00 | better? '
      '| ours vs model-viewer SSIM / mean ΔE00 | silhouette IoU vs Cycles: ours / model-viewer |')
print('|---|---|---|---|---|---|')
def num(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None
def pair(a, b):
    return f'{a:.3f} / {b:.2f}' if a is not None and b is not None else 'failed'
for r in rows:
    name = f"{r['model']} (`{r['file']}`)" if r['file'] not in ('-', '') else r['model']
    if r['status'] != 'ok':
        print(f"| {name} | — | — | {r['note']} | — | — |")
        continue
    os_, od, ms, md, xs, xd = (num(r[k]) for k in ('ours_ssim', 'ours_de', 'mv_ssim', 'mv_de', 'om_ssim', 'om_de'))
    if None in (os_, od, ms, md):
        better = '—'
    else:
        s = 'ours' if os_ - ms >= 0.005 else 'model-viewer' if ms - os_ >= 0.005 else None
        d = 'ours' if md - od >= 0.1 else 'model-viewer' if od - md >= 0.1 else None
        if s == d:
            better = 'tie' if s is None else s
        elif s is None or d is None:
            better = f"{s or d} ({'ΔE00' if s is None else 'SSIM'}; the other a tie)"
        else:
            better = f'mixed (SSIM: {s}, ΔE00: {d})'
        if better.startswith('ours'):
            better = '**ours**' + better[4:]
    if r['note']:
        better += f" ({r['note']})"
    print(f"| {name} | {pair(os_, od)} | {pair(ms, md)} | {better} | {pair(xs, xd)} | {r['ours_iou']} / {r['mv_iou']} |")
print()
print(f'Metrics over product pixels (compare.py --mask-background); Cycles {sys.argv[2]} spp is the '
      'reference. Silhouette IoU: alpha >= 0.5 masks.')
EOF
log "done: outputs in $out (table.md, results.tsv, *_vs_cycles.png)"
