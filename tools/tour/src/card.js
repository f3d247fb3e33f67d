// A product's card (names in both languages, OCOP stars, producer, origin, price, story) and its
// 3D detail view: the product's own web GLB on the brand's paper, turned with orbit controls.

import * as THREE from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';
import { createGltfLoader } from './loading.js';
import { t, pick, language, otherLanguage, onLanguageChange, categoryName, formatPrice } from './i18n.js';

function starText(n) {
  const stars = THREE.MathUtils.clamp(Math.round(n) || 0, 0, 5);
  return '★'.repeat(stars) + '☆'.repeat(5 - stars);
}

export class ProductCard {
  constructor(products, root, detail) {
    this.products = products;
    this.root = root;
    this.detail = detail;
    this.sku = null;
    this.onClose = null;
    root.querySelector('.close').addEventListener('click', () => this.hide());
    root.querySelector('.card-3d').addEventListener('click', () => {
      if (this.sku) this.detail.open(this.sku);
    });
    onLanguageChange(() => this.render());
  }

  show(sku) {
    if (!this.products[sku]) return false;
    this.sku = sku;
    this.render();
    this.root.hidden = false;
    this.root.scrollTop = 0;
    return true;
  }

  hide() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.sku = null;
    if (this.onClose) this.onClose();
  }

  render() {
    const p = this.products[this.sku];
    if (!p) return;
    const q = (s) => this.root.querySelector(s);
    const lang = language();
    const other = otherLanguage();
    this.root.dataset.sku = this.sku;
    q('.card-category').textContent = categoryName(p.category);
    q('.card-name').textContent = pick(p.name, lang);
    q('.card-name').lang = lang;
    const otherName = pick(p.name, other);
    q('.card-name-other').textContent = otherName !== pick(p.name, lang) ? otherName : '';
    q('.card-name-other').lang = other;
    q('.card-stars .stars').textContent = starText(p.stars);
    q('.card-stars .stars').setAttribute('aria-hidden', 'true');
    q('.card-stars .stars-text').textContent = t('stars', p.stars);
    q('.card-producer').textContent = p.producer ?? '';
    q('.card-origin').textContent = [p.commune, p.district].filter(Boolean).join(', ');
    const dims = p.dimensions_cm;
    q('.card-size').textContent = Array.isArray(dims) ? `${dims.map((d) => Number(d).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')).join(' × ')} cm` : '';
    q('.card-price').textContent = formatPrice(p);
    q('.card-story').textContent = pick(p.story, lang);
    q('.card-sku').textContent = this.sku;
    const button = q('.card-3d');
    button.hidden = !p.model;
  }
}

// The 3D detail view, with its own renderer so the centre's stays as it was.
export class DetailView {
  constructor(products, root, background, quality = 'high') {
    this.products = products;
    this.quality = quality;
    this.root = root;
    this.background = new THREE.Color(background);
    this.canvas = root.querySelector('canvas');
    this.title = root.querySelector('.detail-title');
    this.status = root.querySelector('.detail-status');
    this.bar = root.querySelector('.progress-fill');
    this.sku = null;
    this.ready = false;
    this.error = null;
    this.model = null;
    this.loadId = 0;
    this.onOpen = null;
    this.onClose = null;
    this.renderer = null;
    root.querySelector('.close').addEventListener('click', () => this.close());
    onLanguageChange(() => this.renderTitle());
  }

  setup() {
    if (this.renderer) return;
    const renderer = new THREE.WebGLRenderer({ canvas: this.canvas, antialias: true });
    renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    renderer.toneMapping = THREE.NeutralToneMapping;
    renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.renderer = renderer;
    this.scene = new THREE.Scene();
    this.scene.background = this.background;
    this.camera = new THREE.PerspectiveCamera(35, 1, 0.01, 50);
    if (this.quality === 'high') {
      // A softly lit room, reflected in glaze and lacquer as a studio would be.
      const pmrem = new THREE.PMREMGenerator(renderer);
      this.scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
      pmrem.dispose();
    } else {
      // Software renderers, without the seconds of prefiltering: a sky, and a key light that
      // rides with the camera (above and to the left), so the side seen is always lit.
      this.scene.add(new THREE.HemisphereLight(0xffffff, 0xb8a48c, 2.2));
      const key = new THREE.DirectionalLight(0xffffff, 2.0);
      key.position.set(-1, 2, 0);
      key.target.position.set(0, 0, -3);
      this.camera.add(key, key.target);
      this.scene.add(this.camera);
    }
    this.controls = new OrbitControls(this.camera, this.canvas);
    this.controls.enableDamping = true;
    this.controls.addEventListener('change', () => this.requestRender());
    this.loader = createGltfLoader();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.root);
  }

  resize() {
    if (!this.renderer || this.root.hidden) return;
    const w = this.canvas.clientWidth;
    const h = this.canvas.clientHeight;
    if (w === 0 || h === 0) return;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.requestRender();
  }

  renderTitle() {
    const p = this.products[this.sku];
    this.title.textContent = p ? pick(p.name) : '';
    if (this.error) this.status.textContent = t('model_failed');
  }

  open(sku) {
    const p = this.products[sku];
    if (!p || !p.model) return;
    this.setup();
    if (this.onOpen) this.onOpen();
    this.sku = sku;
    this.ready = false;
    this.error = null;
    this.clearModel();
    this.root.hidden = false;
    this.root.classList.add('loading');
    this.bar.style.width = '0%';
    this.status.textContent = t('loading');
    this.renderTitle();
    this.resize();
    this.root.querySelector('.close').focus();
    const id = ++this.loadId;
    this.loader.load(
      p.model,
      (gltf) => {
        if (id !== this.loadId) return;
        this.show(gltf.scene);
      },
      (e) => {
        if (id === this.loadId && e.total > 0) this.bar.style.width = `${(100 * e.loaded) / e.total}%`;
      },
      (err) => {
        if (id !== this.loadId) return;
        this.error = String(err && err.message ? err.message : err);
        this.root.classList.remove('loading');
        this.status.textContent = t('model_failed');
        console.warn(`detail view: ${p.model}: ${this.error}`);
      },
    );
    this.animate();
  }

  show(model) {
    this.model = model;
    this.scene.add(model);
    // Frame it: the whole product in view from the front (+Z) and a little above.
    const box = new THREE.Box3().setFromObject(model);
    const size = box.getSize(new THREE.Vector3());
    const centre = box.getCenter(new THREE.Vector3());
    const radius = Math.max(0.5 * size.length(), 0.01);
    const distance = radius / Math.sin(THREE.MathUtils.degToRad(this.camera.fov / 2)) * 1.05;
    const dir = new THREE.Vector3(0.35, 0.3, 1).normalize();
    this.camera.position.copy(centre).addScaledVector(dir, distance);
    this.camera.near = distance / 100;
    this.camera.far = distance * 10;
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(centre);
    this.controls.minDistance = radius * 1.2;
    this.controls.maxDistance = distance * 3;
    this.controls.update();
    this.root.classList.remove('loading');
    this.status.textContent = t('detail_hint');
    this.requestRender();
    // Ready once a frame with the model is drawn.
    requestAnimationFrame(() => {
      if (this.model === model) this.ready = true;
    });
  }

  requestRender() {
    this.dirty = true;
  }

  // Draws now (the test reads the pixels in the same task, before the buffer is cleared).
  renderNow() {
    if (!this.renderer) return;
    this.renderer.render(this.scene, this.camera);
    this.dirty = false;
  }

  animate() {
    if (this.looping) return;
    this.looping = true;
    const frame = () => {
      if (this.root.hidden) {
        this.looping = false;
        return;
      }
      // Damping keeps the controls moving a little after a drag: update every frame.
      this.controls.update();
      if (this.dirty) {
        this.dirty = false;
        this.renderer.render(this.scene, this.camera);
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }

  clearModel() {
    if (!this.model) return;
    this.scene.remove(this.model);
    this.model.traverse((o) => {
      if (!o.isMesh) return;
      o.geometry.dispose();
      for (const m of Array.isArray(o.material) ? o.material : [o.material]) {
        for (const v of Object.values(m)) if (v && v.isTexture) v.dispose();
        m.dispose();
      }
    });
    this.model = null;
  }

  isOpen() {
    return !this.root.hidden;
  }

  close() {
    if (this.root.hidden) return;
    this.root.hidden = true;
    this.loadId++;
    this.clearModel();
    this.sku = null;
    this.ready = false;
    if (this.onClose) this.onClose();
  }
}
