#!/usr/bin/env node
// Loads one GLB with three.js GLTFLoader under Node, as a web page would, and prints what it
// built as one JSON object: objects in the scene graph, meshes drawn, triangles drawn, lights,
// cameras, objects carrying OCOP data in userData (glTF extras), and the scene's bounds.
// Meshopt-compressed geometry is decoded as a page would (three's MeshoptDecoder).
//
//   node tools/three-count.mjs FILE.glb
//
// Exit code: 0 loaded, 1 GLTFLoader failed, 2 could not run (usage, three not installed).
// Images are not decoded (Node has no image decoder): each texture becomes a 1x1 stand-in.
import { readFileSync } from 'node:fs';

globalThis.self ??= globalThis;
globalThis.window ??= globalThis;
globalThis.navigator ??= { userAgent: 'node' };
globalThis.createImageBitmap = async () => ({ width: 1, height: 1, close() {} });

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/three-count.mjs FILE.glb');
  process.exit(2);
}
let GLTFLoader, MeshoptDecoder, Box3;
try {
  const three = new URL('./node/node_modules/three/', import.meta.url).href;
  ({ GLTFLoader } = await import(`${three}examples/jsm/loaders/GLTFLoader.js`));
  ({ MeshoptDecoder } = await import(`${three}examples/jsm/libs/meshopt_decoder.module.js`));
  ({ Box3 } = await import(`${three}build/three.module.js`));
} catch {
  console.error('three-count: three is not installed (run tools/bootstrap, or npm ci in tools/node)');
  process.exit(2);
}

const bytes = readFileSync(file);
const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
const loader = new GLTFLoader();
loader.setMeshoptDecoder(MeshoptDecoder);  // EXT_meshopt_compression (showroom export --meshopt)
let gltf;
try {
  gltf = await new Promise((resolve, reject) => loader.parse(buffer, '', resolve, reject));
} catch (error) {
  console.error(`three-count: GLTFLoader could not load ${file}: ${error?.message ?? error}`);
  process.exit(1);
}
const counts = { file, objects: 0, meshes: 0, triangles: 0, lights: 0, cameras: 0, products: 0, waypoints: 0, zones: 0 };
gltf.scene.traverse((o) => {
  counts.objects += 1;
  if (o.isMesh) {
    counts.meshes += 1;
    const g = o.geometry;
    counts.triangles += (g.index ? g.index.count : g.attributes.position.count) / 3;
  }
  if (o.isLight) counts.lights += 1;
  if (o.userData?.ocop) counts.products += 1;
  if (o.userData?.waypoint) counts.waypoints += 1;
  if (o.userData?.zone) counts.zones += 1;
});
counts.cameras = gltf.cameras.length;
const box = new Box3().setFromObject(gltf.scene);
counts.bounds = { min: box.min.toArray(), max: box.max.toArray() };
console.log(JSON.stringify(counts));
