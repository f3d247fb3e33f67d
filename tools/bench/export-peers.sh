#!/usr/bin/env bash
# tools/bench/export-peers.sh [INPUT.glb] [--runs N] [--ratio R] [--keep DIR]
# A heavy GLB to a light one (issue 6, "Speed"), side by side in one run on the same input:
#   ours            `showroom export INPUT -o OUT --max-triangles N --quantize` (N = R x the input's
#                   triangles; KHR_mesh_quantization, as gltfpack's default), and without --quantize
#                   (float attributes: ours-float)
#   gltfpack        Debian's `gltfpack -si R -i INPUT -o OUT` (KHR_mesh_quantization, which our
#                   importer reads; no -c: EXT_meshopt_compression it cannot), and with -noq (float
#                   attributes, as ours writes them) for the size at the same vertex format
#   gltf-transform  npm `gltf-transform simplify INPUT OUT --ratio R --error 0.01` (its default
#                   error bound, 0.0001, stops far above the target; 0.01 is gltfpack's)
# Each tool runs N times (default 3), in turns; wall and CPU time and peak memory from GNU time,
# medians. Then `showroom bench export INPUT --compare OUT...` measures every output the same way:
# bytes (and bytes without the images, which every tool copies as they are), triangles, vertices
# and the symmetric surface distance to INPUT (max and RMS, relative to its bounding-box
# diagonal; engine/assets/surface_distance.h); and `showroom bench export INPUT --runs N` times
# our stages inside one process. Prints a Markdown table, then the raw JSON, on stdout.
# Without INPUT: build/samples/bt-vase-blue-white.glb split 1:4 with a 0.2 mm relief
# (`showroom bench export ... --densify`), 1,273,856 triangles: build/bench/vase_dense.glb.
# --keep DIR keeps the outputs there (ours.glb, ours-float.glb, gltfpack.glb, gltfpack-noq.glb,
# gltf-transform.glb).
# Needs: build/bin/showroom ($SHOWROOM), /usr/bin/gltfpack (apt install gltfpack), GNU time, python3,
# and gltf-transform from /work/shared/tools/peers/setup.sh install (/tmp/peers; $PEERS_DIR).
# Exit: 0 done; 1 a tool failed; 2 bad usage or something missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
showroom=${SHOWROOM:-$root/build/bin/showroom}
peers=${PEERS_DIR:-/tmp/peers}
gltf_transform=$peers/node_modules/.bin/gltf-transform
gltfpack=/usr/bin/gltfpack

export_usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
export_missing() { echo "export-peers.sh: $1" >&2; exit 2; }

runs=3
ratio=0.1
keep=
input=
while (($#)); do
  case $1 in
    --runs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || export_usage; runs=$2; shift 2 ;;
    --ratio) [[ ${2:-} =~ ^0?\.[0-9]+$ ]] || export_usage; ratio=$2; shift 2 ;;
    --keep) [[ -n ${2:-} ]] || export_usage; keep=$2; shift 2 ;;
    -h|--help) export_usage ;;
    -*) echo "export-peers.sh: unknown option $1" >&2; export_usage ;;
    *) [[ -z $input ]] || export_usage; input=$1; shift ;;
  esac
done

[[ -x $showroom ]] || export_missing "$showroom is missing (build it: cmake --preset default && cmake --build build)"
[[ -x $gltfpack ]] || export_missing "$gltfpack is missing (apt install gltfpack)"
[[ -x /usr/bin/time ]] || export_missing "/usr/bin/time is missing (apt install time)"
command -v python3 > /dev/null || export_missing "python3 is missing"
[[ -x $gltf_transform ]] ||
  export_missing "gltf-transform is missing ($gltf_transform); run 'bash /work/shared/tools/peers/setup.sh install'"

if [[ -z $input ]]; then
  input=$root/build/bench/vase_dense.glb
  if [[ ! -f $input ]]; then
    source_glb=$root/build/samples/bt-vase-blue-white.glb
    [[ -f $source_glb ]] || export_missing "$source_glb is missing (build the samples first, or name INPUT.glb)"
    mkdir -p "$(dirname "$input")"
    "$showroom" bench export "$source_glb" --densify "$input" > /dev/null
  fi
fi
[[ -f $input ]] || { echo "export-peers.sh: no such file: $input" >&2; exit 2; }
input=$(realpath "$input")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/export-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

triangles=$("$showroom" inspect --json "$input" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["drawn_triangles"])')
budget=$(python3 -c "import sys; print(int(int(sys.argv[1]) * float(sys.argv[2])))" "$triangles" "$ratio")

# ---- the tools: tool_command TOOL OUT sets cmd ---------------------------------------------------------
tools=(ours ours-float gltfpack gltfpack-noq gltf-transform)
tool_command() {
  case $1 in
    ours) cmd=("$showroom" -q export "$input" -o "$2" --max-triangles "$budget" --quantize) ;;
    ours-float) cmd=("$showroom" -q export "$input" -o "$2" --max-triangles "$budget") ;;
    gltfpack) cmd=("$gltfpack" -si "$ratio" -i "$input" -o "$2") ;;
    gltfpack-noq) cmd=("$gltfpack" -si "$ratio" -noq -i "$input" -o "$2") ;;
    gltf-transform) cmd=(env NO_COLOR=1 "$gltf_transform" simplify "$input" "$2" --ratio "$ratio" --error 0.01) ;;
  esac
}

# ---- measure: one line "tool run wall_s user_s sys_s peak_kib" per run, the tools in turns ----------------
raw=$tmp/raw.tsv
: > "$raw"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$runs"); do
  for tool in "${tools[@]}"; do
    out=$tmp/$tool.glb
    rm -f "$out"
    tool_command "$tool" "$out"
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tmp/$tool.time" "${cmd[@]}" > "$tmp/$tool.log" 2>&1 ||
      [[ ! -s $out ]]; then
      echo "export-peers.sh: $tool failed (${cmd[*]}); the end of its log:" >&2
      tail -15 "$tmp/$tool.log" >&2
      exit 1
    fi
    printf '%s\t%s\t%s\n' "$tool" "$i" "$(tr ' ' '\t' < "$tmp/$tool.time" | tail -1)" >> "$raw"
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

outputs=()
for tool in "${tools[@]}"; do outputs+=("$tmp/$tool.glb"); done
"$showroom" bench export "$input" --compare "${outputs[@]}" > "$tmp/compare.json" ||
  { echo "export-peers.sh: showroom bench export --compare failed" >&2; exit 1; }
"$showroom" bench export "$input" --triangles "$budget" --runs "$runs" > "$tmp/stages.json" ||
  { echo "export-peers.sh: showroom bench export failed" >&2; exit 1; }
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  for tool in "${tools[@]}"; do cp "$tmp/$tool.glb" "$keep/$tool.glb"; done
fi

# ---- report ------------------------------------------------------------------------------------------
versions=$(printf '%s\t%s' "$("$gltfpack" -v 2>&1 | head -1 || true)" "$("$gltf_transform" --version 2> /dev/null | tail -1 || echo '?')")
python3 - "$raw" "$tmp" "$input" "$runs" "$ratio" "$budget" "$(nproc)" "$load_before" "$load_after" "$versions" \
  "${tools[@]}" << 'EOF'
import json, os, statistics, sys

raw, tmp, model, runs, ratio, budget, cores, load_before, load_after, versions = sys.argv[1:11]
tools = sys.argv[11:]
gltfpack_v, transform_v = versions.split('\t')
rows = [line.rstrip('\n').split('\t') for line in open(raw)]
compared = {os.path.basename(c['file'])[:-4]: c for c in json.load(open(os.path.join(tmp, 'compare.json')))['compared']}
stages = json.load(open(os.path.join(tmp, 'stages.json')))
commands = {
    'ours': f'showroom export INPUT -o OUT --max-triangles {budget} --quantize',
    'ours-float': f'showroom export INPUT -o OUT --max-triangles {budget}',
    'gltfpack': f'gltfpack -si {ratio} -i INPUT -o OUT',
    'gltfpack-noq': f'gltfpack -si {ratio} -noq -i INPUT -o OUT',
    'gltf-transform': f'gltf-transform simplify INPUT OUT --ratio {ratio} --error 0.01',
}
result = {'model': model, 'input_bytes': os.path.getsize(model), 'input_triangles': stages['triangles'],
          'ratio': float(ratio), 'budget': int(budget), 'runs': int(runs), 'cores': int(cores),
          'load_before': load_before, 'load_after': load_after, 'gltfpack': gltfpack_v,
          'gltf_transform': transform_v, 'tools': {}, 'ours_stages': stages}
for tool in tools:
    mine = [r for r in rows if r[0] == tool]
    wall = [float(r[2]) for r in mine]
    cpu = [round(float(r[3]) + float(r[4]), 2) for r in mine]
    peak = [int(r[5]) * 1024 for r in mine]
    result['tools'][tool] = {'command': commands[tool], 'wall_s': wall, 'wall_median_s': statistics.median(wall),
                             'cpu_s': cpu, 'cpu_median_s': statistics.median(cpu),
                             'peak_rss_median_bytes': statistics.median(peak), 'output': compared[tool]}

diagonal = compared['ours']['error']['diagonal_m']
print(f"Input: `{os.path.basename(model)}`, {result['input_triangles']:,} triangles, "
      f"{result['input_bytes'] / 1e6:.1f} MB; ratio {ratio} ({int(budget):,} triangles); {runs} runs each, in turns, "
      f"medians; {cores} cores, load {load_before} before, {load_after} after.")
print()
print('| tool | command | wall | CPU (user+sys) | peak RSS | output | without images | triangles | vertices '
      '| error max | error RMS |')
print('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
for tool in tools:
    t = result['tools'][tool]
    o = t['output']
    e = o['error']
    print(f"| {tool} | `{t['command']}` | {t['wall_median_s']:.2f} s | {t['cpu_median_s']:.2f} s "
          f"| {t['peak_rss_median_bytes'] / 1e6:.0f} MB | {o['bytes'] / 1e6:.2f} MB | {o['geometry_bytes'] / 1e6:.2f} MB "
          f"| {o['triangles']:,} | {o['vertices']:,} | {e['max']:.2e} ({e['max'] * diagonal * 1e6:.0f} µm) "
          f"| {e['rms']:.3e} ({e['rms'] * diagonal * 1e6:.1f} µm) |")
print()
s = stages
print(f"Ours inside one process (`showroom bench export INPUT --triangles {budget} --runs {runs}`), medians: "
      f"import {s['import']['median_s']:.2f} s, simplify {s['simplify']['median_s']:.2f} s, "
      f"encode {s['encode']['median_s']:.3f} s, write {s['write']['median_s']:.3f} s, "
      f"total {s['total']['median_s']:.2f} s.")
ours, pack = result['tools']['ours'], result['tools']['gltfpack']
print()
print(f"Against `gltfpack -si {ratio}`: wall {ours['wall_median_s'] / pack['wall_median_s']:.2f}x, "
      f"CPU {ours['cpu_median_s'] / pack['cpu_median_s']:.2f}x, "
      f"bytes {ours['output']['bytes'] / pack['output']['bytes']:.2f}x, "
      f"RMS error {ours['output']['error']['rms'] / pack['output']['error']['rms']:.3f}x "
      f"(targets: <= 1, <= 1 at the same triangle count, <= 1).")
print()
print('```json')
print(json.dumps(result, indent=1))
print('```')
EOF
