// node tools/bench/make-sphere-glb.mjs OUT.glb [TRIANGLES]
// Writes a UV-sphere grid with positions, normals, UVs and 32-bit indices as one GLB, for the
// import benchmark (tools/bench/import-peers.sh). 1,000,000 triangles by default: 500 rings of
// 1000 segments, 501,501 vertices (the seam and pole vertices are not shared, as in scans).
import { writeFileSync } from 'node:fs';

const [out, trianglesArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: make-sphere-glb.mjs OUT.glb [TRIANGLES]');
  process.exit(2);
}
const triangles = Number(trianglesArg ?? 1000000);
const rings = Math.max(2, Math.round(Math.sqrt(triangles / 4)));
const segments = Math.max(3, Math.round(triangles / (2 * rings)));
const vertexCount = (rings + 1) * (segments + 1);
const indexCount = rings * segments * 6;

const positions = new Float32Array(vertexCount * 3);
const normals = new Float32Array(vertexCount * 3);
const uvs = new Float32Array(vertexCount * 2);
const indices = new Uint32Array(indexCount);
const radius = 0.1;  // a 20 cm product
for (let r = 0, v = 0; r <= rings; ++r) {
  const theta = (r / rings) * Math.PI;
  for (let s = 0; s <= segments; ++s, ++v) {
    const phi = (s / segments) * 2 * Math.PI;
    const n = [Math.sin(theta) * Math.cos(phi), Math.cos(theta), -Math.sin(theta) * Math.sin(phi)];
    for (let k = 0; k < 3; ++k) {
      normals[v * 3 + k] = n[k];
      positions[v * 3 + k] = n[k] * radius;
    }
    uvs[v * 2] = s / segments;
    uvs[v * 2 + 1] = r / rings;
  }
}
for (let r = 0, i = 0; r < rings; ++r) {
  for (let s = 0; s < segments; ++s) {
    const a = r * (segments + 1) + s, b = a + segments + 1;
    indices.set([a, b, a + 1, a + 1, b, b + 1], i);
    i += 6;
  }
}

const parts = [positions, normals, uvs, indices];
const views = [];
let offset = 0;
for (const p of parts) {
  views.push({ buffer: 0, byteOffset: offset, byteLength: p.byteLength });
  offset += p.byteLength;  // every part is a multiple of 4 bytes
}
const min = [-radius, -radius, -radius], max = [radius, radius, radius];
const json = {
  asset: { version: '2.0', generator: 'OCOP Showroom tools/bench/make-sphere-glb.mjs' },
  scene: 0,
  scenes: [{ nodes: [0] }],
  nodes: [{ name: 'sphere', mesh: 0 }],
  meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1, TEXCOORD_0: 2 }, indices: 3, material: 0 }] }],
  materials: [{ pbrMetallicRoughness: { baseColorFactor: [0.8, 0.75, 0.7, 1], metallicFactor: 0, roughnessFactor: 0.5 } }],
  buffers: [{ byteLength: offset }],
  bufferViews: views.map((v, i) => ({ ...v, target: i === 3 ? 34963 : 34962 })),
  accessors: [
    { bufferView: 0, componentType: 5126, count: vertexCount, type: 'VEC3', min, max },
    { bufferView: 1, componentType: 5126, count: vertexCount, type: 'VEC3' },
    { bufferView: 2, componentType: 5126, count: vertexCount, type: 'VEC2' },
    { bufferView: 3, componentType: 5125, count: indexCount, type: 'SCALAR' },
  ],
};
let jsonBytes = Buffer.from(JSON.stringify(json));
jsonBytes = Buffer.concat([jsonBytes, Buffer.alloc((4 - (jsonBytes.length % 4)) % 4, 0x20)]);
const total = 12 + 8 + jsonBytes.length + 8 + offset;
const header = Buffer.alloc(12 + 8);
header.writeUInt32LE(0x46546c67, 0);
header.writeUInt32LE(2, 4);
header.writeUInt32LE(total, 8);
header.writeUInt32LE(jsonBytes.length, 12);
header.writeUInt32LE(0x4e4f534a, 16);
const binHeader = Buffer.alloc(8);
binHeader.writeUInt32LE(offset, 0);
binHeader.writeUInt32LE(0x004e4942, 4);
writeFileSync(out, Buffer.concat([header, jsonBytes, binHeader, ...parts.map((p) => Buffer.from(p.buffer))]));
console.error(`${out}: ${indexCount / 3} triangles, ${vertexCount} vertices, ${total} bytes`);
