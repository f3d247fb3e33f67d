// How the centre is lit and how much the device can draw. The lights in centre.glb are physical
// (KHR_lights_punctual: candela, lux), which three.js takes as they are; tour.json gives the
// exposure that maps them to the display and the ambient light of the room (both as the C++
// renderer has them), and this file adds that ambient light.
// Two qualities: "high" for any GPU; "low" for software renderers (SwiftShader, llvmpipe), where
// one frame of a full centre takes seconds: no environment prefiltering, plain glass for
// transmission, and only the lights nearest to the visitor.

import * as THREE from 'three';

// The C++ renderer's photographic exposure for interiors, 1 / (1.2 * 2^EV100) at EV100 7
// (engine/scene/build.cpp), for a tour.json without its own "exposure".
const DEFAULT_EXPOSURE = 1 / (1.2 * 2 ** 7);
// Irradiance (lux, linear RGB) of the room's light from above and below, about what the
// renderer's interior environment gives, for a tour.json without "ambient".
const DEFAULT_AMBIENT = { sky: [240, 150, 80], ground: [185, 115, 60] };
// Software renderers: this many punctual lights, the nearest to the eye, are drawn.
const SOFTWARE_LIGHTS = 8;
const SOFTWARE_PIXEL_RATIO = 0.75;

export function exposureOf(tour) {
  const e = Number(tour.exposure);
  return e > 0 ? e : DEFAULT_EXPOSURE;
}

// "high" or "low" from the renderer's name; ?quality=high|low overrides the guess.
export function chooseQuality(renderer) {
  const gl = renderer.getContext();
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const gpu = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  const asked = new URLSearchParams(window.location.search).get('quality');
  if (asked === 'high' || asked === 'low') return { quality: asked, gpu };
  return { quality: /swiftshader|llvmpipe|softpipe|software/i.test(gpu) ? 'low' : 'high', gpu };
}

export function pixelRatioFor(quality) {
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  return quality === 'high' ? dpr : Math.min(dpr, SOFTWARE_PIXEL_RATIO);
}

// The light of the room itself (walls, floor, ceiling), which the spots alone would leave dark:
// tour.json's "ambient" gives its irradiance from above ("sky") and below ("ground") in lux.
// "high": a prefiltered environment of a two-tone dome with that irradiance, so that glaze and
// lacquer also reflect the room; "low": a hemisphere light of the same irradiance (diffuse only).
// Both give the same diffuse light: three's hemisphere light and a uniform hemisphere of radiance
// L (irradiance pi * L) light a Lambertian surface alike.
export function addAmbient(renderer, scene, ambient = DEFAULT_AMBIENT, quality = 'high') {
  const rgb = (v, fallback) => (Array.isArray(v) && v.length === 3 ? v.map(Number) : fallback);
  const sky = new THREE.Color().setRGB(...rgb(ambient.sky, DEFAULT_AMBIENT.sky), THREE.LinearSRGBColorSpace);
  const ground = new THREE.Color().setRGB(...rgb(ambient.ground, DEFAULT_AMBIENT.ground), THREE.LinearSRGBColorSpace);
  if (quality !== 'high') {
    const peak = Math.max(sky.r, sky.g, sky.b, ground.r, ground.g, ground.b, 1e-6);
    scene.add(new THREE.HemisphereLight(sky.clone().multiplyScalar(1 / peak), ground.clone().multiplyScalar(1 / peak), peak));
    return;
  }
  const dome = new THREE.Scene();
  const geometry = new THREE.SphereGeometry(10, 32, 16);
  const position = geometry.getAttribute('position');
  const colours = [];
  const c = new THREE.Color();
  for (let i = 0; i < position.count; i++) {
    const up = THREE.MathUtils.smoothstep(position.getY(i) / 10, -0.1, 0.1);
    c.copy(ground).lerp(sky, up).multiplyScalar(1 / Math.PI);
    colours.push(c.r, c.g, c.b);
  }
  geometry.setAttribute('color', new THREE.Float32BufferAttribute(colours, 3));
  const material = new THREE.MeshBasicMaterial({ side: THREE.BackSide, vertexColors: true });
  dome.add(new THREE.Mesh(geometry, material));
  const pmrem = new THREE.PMREMGenerator(renderer);
  scene.environment = pmrem.fromScene(dome, 0.02).texture;
  pmrem.dispose();
  geometry.dispose();
  material.dispose();
}

// Software renderers: vitrine glass (KHR_materials_transmission) as plain see-through glass,
// which spares three.js a second drawing of the whole room for each frame.
export function simplifyForSoftware(root) {
  root.traverse((o) => {
    if (!o.isMesh) return;
    for (const m of Array.isArray(o.material) ? o.material : [o.material]) {
      if (!(m.transmission > 0)) continue;
      m.transmission = 0;
      m.transparent = true;
      m.opacity = Math.min(m.opacity, 0.18);
      m.depthWrite = false;
      m.needsUpdate = true;
    }
  });
}

// Software renderers: only the punctual lights nearest to the eye are on. The count stays the
// same as the visitor walks, so three.js never recompiles its shaders for it.
export class NearestLights {
  constructor(root, count = SOFTWARE_LIGHTS) {
    this.lights = [];
    root.traverse((o) => {
      if (o.isPointLight || o.isSpotLight) this.lights.push(o);
    });
    this.count = count;
    this.from = null;
  }

  // True when the set of lights changed (the view needs drawing again).
  update(eye) {
    if (this.lights.length <= this.count) return false;
    if (this.from && this.from.distanceToSquared(eye) < 1.0) return false;
    this.from = eye.clone();
    const p = new THREE.Vector3();
    const byDistance = this.lights
      .map((l) => ({ l, d: l.getWorldPosition(p).distanceToSquared(eye) }))
      .sort((a, b) => a.d - b.d);
    let changed = false;
    byDistance.forEach(({ l }, i) => {
      const on = i < this.count;
      if (l.visible !== on) changed = true;
      l.visible = on;
    });
    return changed;
  }
}
