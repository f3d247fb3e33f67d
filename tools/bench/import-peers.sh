#!/usr/bin/env bash
# tools/bench/import-peers.sh [GLB] [RUNS]
# Import speed and peak memory side by side, in one run, on one file: our importer
# (`showroom bench import`), three.js GLTFLoader.parse under Node, and `assimp info`.
# Without GLB it writes a 1,000,000-triangle sphere grid (positions, normals, UVs, 32-bit
# indices) to build/bench/sphere_1m.glb. Prints a Markdown table for docs/benchmarks.md.
# Needs: build/bin/showroom (cmake --preset default), node + tools/node (npm ci in tools/node),
# assimp-utils; GNU time (/usr/bin/time) for the peak memory of `assimp info`.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
showroom=${SHOWROOM:-$root/build/bin/showroom}
runs=${2:-5}
glb=${1:-}
if [[ -z $glb ]]; then
  glb=$root/build/bench/sphere_1m.glb
  if [[ ! -f $glb ]]; then
    mkdir -p "$(dirname "$glb")"
    node "$root/tools/bench/make-sphere-glb.mjs" "$glb" 1000000
  fi
fi
[[ -x $showroom ]] || { echo "import-peers.sh: $showroom is missing (build it first)" >&2; exit 2; }
[[ -d $root/tools/node/node_modules/three ]] || { echo "import-peers.sh: run 'npm ci' in tools/node first" >&2; exit 2; }
command -v assimp > /dev/null || { echo "import-peers.sh: assimp is missing (apt install assimp-utils)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "import-peers.sh: /usr/bin/time is missing (apt install time)" >&2; exit 2; }

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(eval("j." + process.argv[1]))' "$1"; }

file_bytes=$(stat -c %s "$glb")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Ours: a fresh process per run; the first import of each process is what a user waits for.
for i in $(seq "$runs"); do
  "$showroom" bench import "$glb" --runs 3 --json > "$tmp/ours_$i.json"
done
ours_first=$(for i in $(seq "$runs"); do field first_import_s < "$tmp/ours_$i.json"; done | median)
ours_warm=$(for i in $(seq "$runs"); do field import.median_s < "$tmp/ours_$i.json"; done | median)
ours_peak=$(for i in $(seq "$runs"); do field peak_rss_bytes < "$tmp/ours_$i.json"; done | median)
ours_extra=$(for i in $(seq "$runs"); do field import_peak_extra_bytes < "$tmp/ours_$i.json"; done | median)
triangles=$(field triangles < "$tmp/ours_1.json")

# three.js: parse() of an ArrayBuffer already in memory, a fresh Node per run.
for i in $(seq "$runs"); do
  node "$root/tools/bench/three-parse.mjs" "$glb" 3 > "$tmp/three_$i.json"
done
three_first=$(for i in $(seq "$runs"); do field first_s < "$tmp/three_$i.json"; done | median)
three_warm=$(for i in $(seq "$runs"); do field median_s < "$tmp/three_$i.json"; done | median)
three_peak=$(for i in $(seq "$runs"); do field peak_rss_bytes < "$tmp/three_$i.json"; done | median)
node_base=$( (/usr/bin/time -f %M node -e '0' 2>&1 >/dev/null) | tail -1)

# assimp info: the whole command (read, post-process, print), wall time and peak RSS.
for i in $(seq "$runs"); do
  /usr/bin/time -f '%e %M' -o "$tmp/assimp_$i.time" assimp info "$glb" > /dev/null
done
assimp_s=$(for i in $(seq "$runs"); do cut -d' ' -f1 "$tmp/assimp_$i.time"; done | median)
assimp_peak=$(for i in $(seq "$runs"); do echo $(( $(cut -d' ' -f2 "$tmp/assimp_$i.time") * 1024 )); done | median)

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ms() { awk -v s="$1" 'BEGIN { printf "%.0f ms", s * 1000 }'; }

echo "File: \`$(basename "$glb")\`, $triangles triangles, $(mb "$file_bytes"); $runs fresh processes each, medians."
echo
echo "| importer | first load | later loads | peak RSS (process) | peak / file size |"
echo "|---|---:|---:|---:|---:|"
echo "| \`showroom bench import\` (tinygltf + our Model) | $(ms "$ours_first") | $(ms "$ours_warm") | $(mb "$ours_peak") | $(ratio "$ours_peak" "$file_bytes") (import alone: $(mb "$ours_extra"), $(ratio "$ours_extra" "$file_bytes")) |"
echo "| three.js $(node -p 'require(process.argv[1]).version' "$root/tools/node/node_modules/three/package.json") \`GLTFLoader.parse\` (Node $(node --version)) | $(ms "$three_first") | $(ms "$three_warm") | $(mb "$three_peak") | $(ratio "$three_peak" "$file_bytes") (Node alone: $(mb $((node_base * 1024)))) |"
echo "| \`assimp info\` ($(assimp version 2>/dev/null | grep -o 'Version [0-9.]*' | head -1 || true)) | $(ms "$assimp_s") | — | $(mb "$assimp_peak") | $(ratio "$assimp_peak" "$file_bytes") |"
echo
echo "Speed-ups of our first load (targets: > 1 against three.js, >= 5 against assimp info; peak <= 2.5x the file):"
echo "three.js first load / ours = $(ratio "$three_first" "$ours_first"), assimp info / ours = $(ratio "$assimp_s" "$ours_first")."
