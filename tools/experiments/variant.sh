#!/usr/bin/env bash
# tools/experiments/variant.sh NAME
# Builds this checkout's HEAD with tools/experiments/NAME.patch applied, in a git worktree of its
# own (VARIANT_DIR, default /tmp/ocop-variant-NAME), and prints the path of that build's showroom
# on stdout. The patches are measurement-only changes that answer one question each; they are
# never part of the product (docs/benchmarks.md and docs/fidelity.md cite what they showed):
#   constant-colour  pbr.frag writes one colour: what the frame costs without shading
#   principled-v1    Blender 3.4's Principled v1 layering instead of glTF's: the diffuse lobe not
#                    dimmed by the specular Fresnel, the clear coat at a quarter weight, added
#                    over a base it does not dim
# The variant reads the generated samples of this checkout's build (build/samples), so build
# that first (cmake --build --preset default). A rerun rebuilds only what changed.
# Exit: 0 built; 1 the patch does not apply or the build failed; 2 bad usage.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
[[ $# -eq 1 && $1 != -* ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
name=$1
patch=$root/tools/experiments/$name.patch
[[ -f $patch ]] || { echo "variant.sh: no such experiment: $patch" >&2; exit 2; }
[[ -d $root/build/samples ]] ||
  { echo "variant.sh: $root/build/samples is missing (cmake --build --preset default)" >&2; exit 2; }
dir=${VARIANT_DIR:-/tmp/ocop-variant-$name}

log() { echo "variant.sh: $*" >&2; }
if [[ ! -d $dir/.git && ! -f $dir/.git ]]; then
  git -C "$root" worktree prune
  git -C "$root" worktree add --detach --force "$dir" HEAD > /dev/null 2>&1 ||
    { log "could not make a worktree at $dir"; exit 1; }
fi
# Always HEAD plus the patch, whatever an earlier run left there; untouched when it is that
# already, so that a rerun does not rebuild.
head=$(git -C "$root" rev-parse HEAD)
if [[ $(git -C "$dir" rev-parse HEAD) != "$head" ]] || ! cmp -s <(git -C "$dir" diff) "$patch"; then
  git -C "$dir" checkout --detach --force "$head" > /dev/null 2>&1
  git -C "$dir" checkout -- . && git -C "$dir" clean -fdq -e build
  git -C "$dir" apply "$patch" || { log "$patch does not apply to HEAD"; exit 1; }
fi
log "building $name in $dir (a few minutes the first time)"
(cd "$dir" && { [[ -f build/build.ninja ]] || cmake --preset default > /dev/null; } &&
  cmake --build --preset default --target showroom > "$dir/variant-build.log" 2>&1) ||
  { log "the build failed: $dir/variant-build.log"; exit 1; }
[[ -e $dir/build/samples ]] || ln -s "$root/build/samples" "$dir/build/samples"
echo "$dir/build/bin/showroom"
