// The loading screen: one bar for everything the tour fetches before the first view (tour.json,
// fonts, centre.glb). Each file reports bytes through its loader's onProgress; a file whose size
// is not known yet (no Content-Length) counts by an estimate until it finishes.

import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/addons/libs/meshopt_decoder.module.js';
import { t } from './i18n.js';

const ESTIMATE_BYTES = 1 << 20;

export class LoadingScreen {
  constructor(root) {
    this.root = root;
    this.bar = root.querySelector('.progress-fill');
    this.label = root.querySelector('.loading-label');
    this.percent = root.querySelector('.loading-percent');
    this.items = new Map();  // name -> {loaded, total, done}
    this.stage = 'loading';
  }

  // Starts tracking a file, with a size estimate (bytes) used until the loader knows better.
  add(name, estimate = ESTIMATE_BYTES) {
    this.items.set(name, { loaded: 0, total: estimate, known: false, done: false });
    this.update();
  }

  // A loader's ProgressEvent (or {loaded, total}).
  progress(name, event) {
    const item = this.items.get(name);
    if (!item) return;
    item.loaded = event.loaded;
    if (event.total > 0) {
      item.total = event.total;
      item.known = true;
    } else if (item.loaded > item.total) {
      item.total = item.loaded * 1.5;
    }
    this.update();
  }

  done(name) {
    const item = this.items.get(name);
    if (!item) return;
    item.loaded = item.total = Math.max(item.loaded, 1);
    item.done = true;
    this.update();
  }

  // Everything downloaded: the scene is being parsed and its shaders compiled.
  preparing() {
    this.stage = 'preparing';
    this.update();
  }

  fraction() {
    let loaded = 0;
    let total = 0;
    for (const item of this.items.values()) {
      loaded += Math.min(item.loaded, item.total);
      total += item.total;
    }
    return total > 0 ? loaded / total : 0;
  }

  update() {
    // Downloads fill the bar to 95%; the last 5% is parsing and the first frame.
    const f = this.stage === 'preparing' ? 0.97 : 0.95 * this.fraction();
    this.bar.style.width = `${(100 * f).toFixed(1)}%`;
    this.root.setAttribute('aria-valuenow', String(Math.round(100 * f)));
    this.percent.textContent = `${Math.round(100 * f)}%`;
    this.label.textContent = t(this.stage);
  }

  fail(message, hint) {
    this.root.classList.add('failed');
    this.label.textContent = `${t('load_failed')}: ${message}`;
    this.percent.textContent = '';
    if (hint) {
      const p = document.createElement('p');
      p.className = 'loading-hint';
      p.textContent = hint;
      this.root.querySelector('.loading-box').append(p);
    }
  }

  hide() {
    this.bar.style.width = '100%';
    this.root.classList.add('hidden');
    // Removed from the page once faded out, so it never catches clicks.
    setTimeout(() => this.root.remove(), 600);
  }
}

// fetch() with progress reports, for files the app reads itself (tour.json, fonts).
export async function fetchWithProgress(url, onProgress) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('Content-Length')) || 0;
  if (!response.body || !response.body.getReader) {
    const buffer = await response.arrayBuffer();
    onProgress({ loaded: buffer.byteLength, total: buffer.byteLength });
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out.buffer;
}

// A glTF loader for the centre and the products: EXT_meshopt_compression (`showroom export
// --meshopt`) is decoded by meshoptimizer's WebAssembly decoder, which is inside tour.js.
export function createGltfLoader() {
  return new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
}
