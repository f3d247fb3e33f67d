// node tools/bench/three-parse.mjs FILE.glb [RUNS]
// Times three.js GLTFLoader.parse() on a GLB already in memory (an ArrayBuffer), the way a web
// viewer gets it from fetch(). Prints one JSON object: every run's seconds, the median, the
// triangle count three.js built, and the process's peak resident memory (ru_maxrss).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

// GLTFLoader touches a few browser globals when it loads; geometry-only GLBs need no more.
globalThis.self ??= globalThis;
globalThis.window ??= globalThis;
globalThis.navigator ??= { userAgent: 'node' };

// three is pinned in tools/node (package.json); ES modules ignore NODE_PATH, so import by path.
const { GLTFLoader } = await import(
  new URL('../node/node_modules/three/examples/jsm/loaders/GLTFLoader.js', import.meta.url).href);

const [file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const bytes = readFileSync(file);
const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const loader = new GLTFLoader();

function parseOnce() {
  return new Promise((resolve, reject) => loader.parse(arrayBuffer, '', resolve, reject));
}

function countTriangles(gltf) {
  let triangles = 0;
  gltf.scene.traverse((o) => {
    if (!o.isMesh) return;
    const g = o.geometry;
    triangles += (g.index ? g.index.count : g.attributes.position.count) / 3;
  });
  return triangles;
}

const times = [];
let triangles = 0;
for (let i = 0; i < runs; ++i) {
  const start = performance.now();
  const gltf = await parseOnce();
  times.push((performance.now() - start) / 1000);
  triangles = countTriangles(gltf);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(JSON.stringify({
  loader: 'three.js GLTFLoader.parse',
  file,
  runs: times,
  first_s: times[0],
  median_s: sorted[Math.floor(sorted.length / 2)],
  triangles,
  peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
}));
