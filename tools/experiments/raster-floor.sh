#!/usr/bin/env bash
# tools/experiments/raster-floor.sh [CENTRE] [--size WxH] [--runs N] [--rounds K] [--gpu]
# What a centre frame costs without its shading: `showroom bench scene` with this checkout's build
# and with the constant-colour variant (tools/experiments/variant.sh constant-colour: the same
# renderer, pbr.frag writing one colour), alternately, K rounds (default 2), each N frames a
# waypoint (default 3), and prints the median fps of each run. The variant's fps is the most any
# shading could give this scene on this device: the vertex work, rasterisation, 4x MSAA, the
# shadow maps and the resolve. Defaults: the Bat Trang centre at 1280x720 on lavapipe (--cpu);
# --gpu lets the renderer pick a GPU. Needs: build/bin/showroom (cmake --build --preset default).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
centre=$root/scenes/centres/bat-trang.centre.json
size=1280x720
runs=3
rounds=2
device=--cpu
usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case $1 in
    --size) [[ ${2:-} =~ ^[0-9]+x[0-9]+$ ]] || usage; size=$2; shift 2 ;;
    --runs) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; runs=$2; shift 2 ;;
    --rounds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || usage; rounds=$2; shift 2 ;;
    --gpu) device=; shift ;;
    -h|--help) usage ;;
    -*) echo "raster-floor.sh: unknown option $1" >&2; usage ;;
    *) centre=$1; shift ;;
  esac
done
[[ -f $centre ]] || { echo "raster-floor.sh: no such centre: $centre" >&2; exit 2; }
head=$root/build/bin/showroom
[[ -x $head ]] || { echo "raster-floor.sh: $head is missing (cmake --build --preset default)" >&2; exit 2; }
variant=$("$root/tools/experiments/variant.sh" constant-colour)

fps() {
  "$1" bench scene "$centre" --size "$size" --runs "$runs" $device 2> /dev/null |
    /usr/bin/python3 -c 'import json, sys; d = json.load(sys.stdin)
by = ", ".join("%.2f" % w["fps"] for w in d["waypoints"])
print("%.2f fps (%s; by waypoint: %s)" % (d["fps"], d["device"], by))'
}
echo "$(basename "$centre") at $size, $runs frames a waypoint, median fps"
for ((k = 1; k <= rounds; ++k)); do
  echo "round $k  this build:      $(fps "$head")"
  echo "round $k  constant colour: $(fps "$variant")"
done
