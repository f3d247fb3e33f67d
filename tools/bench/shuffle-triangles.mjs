// node tools/bench/shuffle-triangles.mjs IN.glb OUT.glb
// Writes IN.glb with the triangles of its first primitive in a random (seeded, repeatable)
// order: the worst case for the vertex cache, what an unordered scanner export looks like.
// Used to measure what the importer's vertex cache pass costs (docs/benchmarks.md).
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: shuffle-triangles.mjs IN.glb OUT.glb');
  process.exit(2);
}
const glb = Buffer.from(fs.readFileSync(input));
const jsonLength = glb.readUInt32LE(12);
const doc = JSON.parse(glb.subarray(20, 20 + jsonLength).toString());
const binStart = 20 + jsonLength + 8;
const accessor = doc.accessors[doc.meshes[0].primitives[0].indices];
if (accessor.componentType !== 5125) {
  console.error('shuffle-triangles.mjs: the indices must be 32-bit');
  process.exit(2);
}
const view = doc.bufferViews[accessor.bufferView];
const first = binStart + (view.byteOffset ?? 0) + (accessor.byteOffset ?? 0);
const indices = new Uint32Array(glb.buffer, glb.byteOffset + first, accessor.count);
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
for (let t = accessor.count / 3 - 1; t > 0; --t) {  // Fisher-Yates over whole triangles
  const k = Math.floor(random() * (t + 1));
  for (let c = 0; c < 3; ++c) {
    const a = indices[t * 3 + c];
    indices[t * 3 + c] = indices[k * 3 + c];
    indices[k * 3 + c] = a;
  }
}
fs.writeFileSync(output, glb);
