// The OCOP centre tour: reads tour.json from its own folder, styles the page with the brand kit,
// loads centre.glb and lets the visitor walk, follow the guide and open product cards.
// Everything comes from the folder: no CDN, no network beyond the host that serves it.

import * as THREE from 'three';
import { t, pick, language, setLanguage, otherLanguage, onLanguageChange, translatePage } from './i18n.js';
import { LoadingScreen, fetchWithProgress, createGltfLoader } from './loading.js';
import { FloorPlan, Walker } from './walk.js';
import { Guide } from './guide.js';
import { ProductCard, DetailView } from './card.js';
import { chooseQuality, addAmbient, exposureOf, pixelRatioFor, simplifyForSoftware, NearestLights } from './light.js';

const EYE_VERTICAL_FOV_DEG = 55;   // the renderer's eye (engine/scene/build.cpp)
const MIN_HORIZONTAL_FOV_DEG = 62; // phones held upright still see a room, not a corridor
const TOUR_FORMAT = 'ocop-tour/1';

const api = { ready: false, error: null, timings: {} };
const mark = (stage) => {
  api.timings[stage] = Math.round(performance.now());
};
window.ocopTour = api;

const loading = new LoadingScreen(document.querySelector('#loading'));
translatePage();

main().catch((err) => {
  const message = err && err.message ? err.message : String(err);
  api.error = message;
  const hint = window.location.protocol === 'file:' ? t('file_hint') : '';
  loading.fail(message, hint);
  console.error(`tour: ${message}`);
});

async function main() {
  loading.add('tour.json', 20000);
  loading.add('centre', 8 << 20);
  const tourBytes = await fetchWithProgress('tour.json', (e) => loading.progress('tour.json', e));
  loading.done('tour.json');
  const tour = JSON.parse(new TextDecoder().decode(tourBytes));
  mark('tour_json');
  if (tour.format !== TOUR_FORMAT) throw new Error(`tour.json: format is "${tour.format}", expected "${TOUR_FORMAT}"`);
  api.tour = tour;

  applyBrand(tour);
  const fonts = loadFonts(tour.brand ?? {});

  const app = createViewer(tour);
  const gltf = await new Promise((resolve, reject) => {
    createGltfLoader().load(tour.scene ?? 'centre.glb', resolve, (e) => loading.progress('centre', e), (err) =>
      reject(new Error(`${tour.scene ?? 'centre.glb'}: ${err && err.message ? err.message : err}`)));
  });
  loading.done('centre');
  mark('centre_loaded');
  await fonts;
  mark('fonts_loaded');
  loading.preparing();
  app.setScene(gltf.scene);
  await app.renderer.compileAsync(app.scene, app.camera);
  mark('compiled');
  app.start();
}

function applyBrand(tour) {
  const brand = tour.brand ?? {};
  const root = document.documentElement.style;
  for (const key of ['primary', 'secondary', 'paper', 'ink']) {
    if (typeof brand[key] === 'string' && /^#[0-9a-fA-F]{6}$/.test(brand[key])) root.setProperty(`--${key}`, brand[key]);
  }
  if (brand.logo) document.querySelector('link[rel="icon"]')?.setAttribute('href', brand.logo);
  for (const img of document.querySelectorAll('.brand-logo')) {
    if (brand.logo) {
      img.src = brand.logo;
      img.hidden = false;
    } else {
      img.hidden = true;
    }
  }
  const names = () => {
    const centre = pick(tour.centre?.name);
    for (const el of document.querySelectorAll('.centre-name')) el.textContent = centre;
    for (const el of document.querySelectorAll('.centre-place')) el.textContent = [tour.centre?.commune, tour.centre?.district].filter(Boolean).join(', ');
    for (const el of document.querySelectorAll('.brand-name')) el.textContent = pick(brand.name);
    document.title = [centre, pick(brand.name)].filter(Boolean).join(' · ');
    const button = document.querySelector('#language');
    button.textContent = otherLanguage().toUpperCase();
    button.title = t('other_language');
    button.setAttribute('aria-label', `${t('language')}: ${t('other_language')}`);
    translatePage();
  };
  names();
  onLanguageChange(names);
  document.querySelector('#language').addEventListener('click', () => setLanguage(otherLanguage()));
}

// The brand's Noto Sans (with Vietnamese glyphs) from the folder, as the page's font.
async function loadFonts(brand) {
  const faces = [
    [brand.font_regular, '400'],
    [brand.font_bold, '700'],
  ].filter(([url]) => url);
  await Promise.all(faces.map(async ([url, weight]) => {
    loading.add(url, 500000);
    try {
      const bytes = await fetchWithProgress(url, (e) => loading.progress(url, e));
      const face = new FontFace('OCOP Sans', bytes, { weight, style: 'normal' });
      await face.load();
      document.fonts.add(face);
    } catch (err) {
      // The page still reads in the fallback fonts; say why in the console for whoever hosts it.
      console.warn(`tour: font ${url}: ${err && err.message ? err.message : err}`);
    } finally {
      loading.done(url);
    }
  }));
}

function createViewer(tour) {
  const canvas = document.querySelector('#view');
  let renderer;
  try {
    renderer = new THREE.WebGLRenderer({ canvas, antialias: true, powerPreference: 'high-performance' });
  } catch (err) {
    throw new Error(`WebGL is not available (${err && err.message ? err.message : err})`);
  }
  renderer.outputColorSpace = THREE.SRGBColorSpace;
  // Khronos PBR Neutral, the C++ renderer's tone mapper; three's lights are physical by default
  // (candela, lux), as KHR_lights_punctual and the centre's lights are.
  renderer.toneMapping = THREE.NeutralToneMapping;
  renderer.toneMappingExposure = exposureOf(tour);

  const scene = new THREE.Scene();
  // Seen through the open doors only; a flat colour is drawn as given, not tone mapped.
  scene.background = new THREE.Color(tour.brand?.paper ?? '#FAF5EB');
  const { quality, gpu } = chooseQuality(renderer);
  api.quality = quality;
  api.gpu = gpu;
  renderer.setPixelRatio(pixelRatioFor(quality));
  addAmbient(renderer, scene, tour.ambient, quality);
  mark('environment');

  const camera = new THREE.PerspectiveCamera(EYE_VERTICAL_FOV_DEG, 1, 0.05, 200);
  const plan = new FloorPlan({ walls: tour.walls, obstacles: tour.obstacles });
  const walker = new Walker(camera, canvas, plan);
  const eyeHeight = Number(tour.eye_height_m) || 1.6;
  walker.position.set(0, eyeHeight, 0);
  const guide = new Guide(tour, walker, document.querySelector('#guide'));
  const detail = new DetailView(tour.products ?? {}, document.querySelector('#detail'), tour.brand?.paper ?? '#FAF5EB', api.quality);
  const card = new ProductCard(tour.products ?? {}, document.querySelector('#card'), detail);
  const tooltip = document.querySelector('#tooltip');

  const productNodes = new Map();  // SKU -> the nodes placing it
  let pickables = [];
  const raycaster = new THREE.Raycaster();
  let dirty = true;
  const invalidate = () => {
    dirty = true;
  };

  function resize() {
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (w === 0 || h === 0) return;
    renderer.setSize(w, h, false);
    camera.aspect = w / h;
    // Keep a horizontal field of view wide enough on upright phones.
    const minVertical = THREE.MathUtils.radToDeg(2 * Math.atan(Math.tan(THREE.MathUtils.degToRad(MIN_HORIZONTAL_FOV_DEG / 2)) / camera.aspect));
    camera.fov = Math.max(EYE_VERTICAL_FOV_DEG, Math.min(minVertical, 90));
    camera.updateProjectionMatrix();
    invalidate();
  }
  new ResizeObserver(resize).observe(canvas);

  // Vitrine glass and other see-through surfaces do not stop a click on what is behind them.
  function isPickable(o) {
    if (!o.isMesh || !o.visible) return false;
    const materials = Array.isArray(o.material) ? o.material : [o.material];
    return !materials.every((m) => m.transmission > 0 || (m.transparent && m.opacity < 0.6));
  }

  // The product a mesh shows: the placement node above it (extras.ocop.sku), or its price tag,
  // a node named "tag:SKU" (GLTFLoader drops the colon and numbers repeated names: "tagSKU_2").
  function skuOf(object) {
    for (let o = object; o; o = o.parent) {
      const sku = o.userData?.ocop?.sku ?? o.userData?.ocop_tag?.sku;
      if (sku) return sku;
      const tag = /^tag:?(.+?)(_\d+)?$/.exec(o.name ?? '');
      if (tag && tour.products?.[tag[1]]) return tag[1];
    }
    return null;
  }

  function raycastAt(clientX, clientY) {
    const rect = canvas.getBoundingClientRect();
    const ndc = new THREE.Vector2(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(ndc, camera);
    return raycaster.intersectObjects(pickables, false)[0] ?? null;
  }

  const help = document.querySelector('#help');
  const hideHelp = () => {
    help.hidden = true;
  };

  function openCard(sku) {
    if (!card.show(sku)) return false;
    tooltip.hidden = true;
    hideHelp();
    guide.togglePlaces(false);
    return true;
  }

  walker.onTap = (x, y) => {
    const hit = raycastAt(x, y);
    if (!hit) return;
    const sku = skuOf(hit.object);
    if (sku && tour.products?.[sku]) {
      openCard(sku);
      return;
    }
    // The floor: walk there.
    const normal = hit.face ? hit.face.normal.clone().transformDirection(hit.object.matrixWorld) : null;
    if (normal && normal.y > 0.7 && hit.point.y < walker.position.y - 1.0) walker.walkTo(hit.point.x, hit.point.z);
  };
  walker.onUserMove = () => {
    hideHelp();
    invalidate();
  };

  // Hovering a product with the mouse: its name by the pointer.
  let hoverPending = null;
  canvas.addEventListener('pointermove', (e) => {
    if (e.pointerType !== 'mouse' || e.buttons !== 0) {
      tooltip.hidden = true;
      return;
    }
    hoverPending = { x: e.clientX, y: e.clientY };
  });
  canvas.addEventListener('pointerleave', () => {
    hoverPending = null;
    tooltip.hidden = true;
  });
  function updateHover() {
    if (!hoverPending) return;
    const { x, y } = hoverPending;
    hoverPending = null;
    const hit = raycastAt(x, y);
    const sku = hit ? skuOf(hit.object) : null;
    const product = sku ? tour.products?.[sku] : null;
    canvas.classList.toggle('over-product', Boolean(product));
    tooltip.hidden = !product || card.sku === sku;
    if (product) {
      tooltip.textContent = pick(product.name);
      tooltip.style.left = `${x}px`;
      tooltip.style.top = `${y}px`;
    }
  }

  const overlayClosed = () => {
    walker.enabled = !detail.isOpen();
    canvas.focus({ preventScroll: true });
    invalidate();
  };
  card.onClose = overlayClosed;
  guide.onPlacesOpen = () => {
    card.hide();
    hideHelp();
  };
  detail.onClose = overlayClosed;
  detail.onOpen = () => {
    walker.enabled = false;  // the keys and the pointer turn the product now
    walker.keys.clear();
  };
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    if (detail.isOpen()) detail.close();
    else if (!card.root.hidden) card.hide();
    else guide.togglePlaces(false);
  });
  document.querySelector('#help-button').addEventListener('click', () => {
    help.hidden = !help.hidden;
  });
  help.querySelector('.close').addEventListener('click', hideHelp);

  let nearestLights = null;

  function setScene(root) {
    if (quality !== 'high') {
      simplifyForSoftware(root);
      nearestLights = new NearestLights(root);
    }
    scene.add(root);
    scene.updateMatrixWorld(true);
    root.traverse((o) => {
      const sku = o.userData?.ocop?.sku;
      if (sku) {
        if (!productNodes.has(sku)) productNodes.set(sku, []);
        productNodes.get(sku).push(o);
      }
    });
    pickables = [];
    root.traverse((o) => {
      if (isPickable(o)) pickables.push(o);
    });
    resize();
    const start = guide.current();
    if (start) guide.goTo(guide.index, { instant: true });
    else walker.apply();
    if (nearestLights) nearestLights.update(walker.position);
  }

  // Where a product placed in the centre shows on screen from the current view, in CSS pixels,
  // if one of its placements is in view and not hidden behind something; else null.
  function screenPointOf(sku) {
    const nodes = sku ? productNodes.get(sku) ?? [] : [...productNodes.values()].flat();
    const rect = canvas.getBoundingClientRect();
    camera.updateMatrixWorld();
    const candidates = [];
    for (const node of nodes) {
      const box = new THREE.Box3().setFromObject(node);
      if (box.isEmpty()) continue;
      const centre = box.getCenter(new THREE.Vector3());
      const distance = centre.distanceTo(camera.position);
      const ndc = centre.clone().project(camera);
      if (ndc.z < -1 || ndc.z > 1 || Math.abs(ndc.x) > 0.95 || Math.abs(ndc.y) > 0.95) continue;
      const x = rect.left + ((ndc.x + 1) / 2) * rect.width;
      const y = rect.top + ((1 - ndc.y) / 2) * rect.height;
      if (document.elementFromPoint(x, y) !== canvas) continue;  // under the page's panels
      const hit = raycastAt(x, y);
      const hitSku = hit ? skuOf(hit.object) : null;
      if (!hit || (sku ? hitSku !== sku : !hitSku)) continue;
      candidates.push({ x, y, distance, sku: hitSku });
    }
    candidates.sort((a, b) => a.distance - b.distance);
    return candidates[0] ?? null;
  }

  function renderNow() {
    renderer.render(scene, camera);
    api.frames = (api.frames ?? 0) + 1;
    dirty = false;
    if (detail.isOpen()) detail.renderNow();
  }

  let last = performance.now();
  function frame(now) {
    api.ticks = (api.ticks ?? 0) + 1;
    const dt = (now - last) / 1000;
    last = now;
    if (walker.update(dt)) dirty = true;
    if (nearestLights && nearestLights.update(walker.position)) dirty = true;
    guide.update(walker.position);
    updateHover();
    if (dirty) renderNow();
    requestAnimationFrame(frame);
  }

  function start() {
    renderNow();
    requestAnimationFrame((now) => {
      last = now;
      loading.hide();
      document.body.classList.add('ready');
      if (!sessionStorageSeen('help')) {
        help.hidden = false;
        setTimeout(hideHelp, 15000);
      }
      mark('first_frame');
      api.ready = true;
      requestAnimationFrame(frame);
    });
  }

  Object.assign(api, {
    products: () => [...productNodes.keys()],
    waypoints: () => guide.waypoints.map((w) => w.id),
    goTo: (id, options) => guide.goToId(id, options),
    next: () => guide.next(),
    previous: () => guide.previous(),
    setView: (pos, lookAt) => {
      walker.setView(pos, lookAt, { instant: true });
      invalidate();
    },
    eye: () => walker.position.toArray(),
    view: () => ({ position: walker.position.toArray(), yaw: walker.yaw, pitch: walker.pitch, moving: walker.isMoving() }),
    screenPointOf,
    openCard,
    card: () => card.sku,
    detail: () => ({ sku: detail.sku, ready: detail.ready, error: detail.error }),
    language,
    setLanguage,
    renderNow,
    three: { renderer, scene, camera },  // for tests and debugging in the console
  });

  return { renderer, scene, camera, setScene, start };
}

// The controls are shown once per visit, not on every reload.
function sessionStorageSeen(key) {
  try {
    const k = `ocop-tour-seen-${key}`;
    const seen = window.sessionStorage.getItem(k) === '1';
    window.sessionStorage.setItem(k, '1');
    return seen;
  } catch {
    return false;
  }
}
