// Walking through the centre at eye height: W A S D / arrow keys and mouse drag on a computer,
// swipe and pinch on a phone, a click or tap on the floor to walk there, and glides between tour
// waypoints. The visitor is a circle in plan (x, z) that walls and fixtures push back, so no one
// walks through a wall, a vitrine or out of the building.

import * as THREE from 'three';

const RADIUS_M = 0.3;           // the visitor's footprint: shoulders, plus a little room
const WALK_SPEED = 1.4;         // m/s, a stroll
const RUN_SPEED = 3.0;          // m/s with Shift
const TURN_SPEED = 1.8;         // rad/s for the arrow keys
const DRAG_LOOK = 0.0045;       // rad per CSS pixel of drag
const PINCH_WALK = 0.012;       // m per CSS pixel of pinch
const WHEEL_WALK = 0.004;       // m per wheel delta unit
const MAX_PITCH = 1.2;          // rad, about 70°: no looking straight up or down
const STEP_M = 0.05;            // collision sub-step: nothing thinner than a wall is skipped
const TAP_MAX_MOVE_PX = 6;
const TAP_MAX_MS = 500;

// The plan the visitor moves in: wall segments (door openings already cut out), fixture
// footprints as rotated rectangles, and the building's bounds (so open doors lead nowhere).
export class FloorPlan {
  constructor({ walls = [], obstacles = [] }, radius = RADIUS_M) {
    this.radius = radius;
    this.walls = walls.map(([x0, z0, x1, z1]) => ({ x0, z0, x1, z1 }));
    this.obstacles = obstacles.map((o) => {
      const a = THREE.MathUtils.degToRad(o.yaw_deg ?? 0);
      return { cx: o.centre[0], cz: o.centre[1], hx: o.half_size[0], hz: o.half_size[1], cos: Math.cos(a), sin: Math.sin(a) };
    });
    this.bounds = null;
    if (this.walls.length > 0) {
      const xs = this.walls.flatMap((w) => [w.x0, w.x1]);
      const zs = this.walls.flatMap((w) => [w.z0, w.z1]);
      this.bounds = {
        minX: Math.min(...xs) + radius, maxX: Math.max(...xs) - radius,
        minZ: Math.min(...zs) + radius, maxZ: Math.max(...zs) - radius,
      };
    }
  }

  // Moves (x, z) by (dx, dz) in small steps, pushed out of anything it touches; returns the end.
  move(x, z, dx, dz) {
    const n = Math.max(1, Math.ceil(Math.hypot(dx, dz) / STEP_M));
    let p = { x, z };
    for (let i = 0; i < n; i++) p = this.resolve(p.x + dx / n, p.z + dz / n);
    return p;
  }

  // Pushes a point out of walls and obstacles, a few rounds for corners where two meet.
  resolve(x, z) {
    const r = this.radius;
    for (let round = 0; round < 4; round++) {
      let pushed = false;
      for (const w of this.walls) {
        const ex = w.x1 - w.x0;
        const ez = w.z1 - w.z0;
        const len2 = ex * ex + ez * ez;
        const s = len2 > 0 ? THREE.MathUtils.clamp(((x - w.x0) * ex + (z - w.z0) * ez) / len2, 0, 1) : 0;
        const qx = w.x0 + s * ex;
        const qz = w.z0 + s * ez;
        let nx = x - qx;
        let nz = z - qz;
        const d = Math.hypot(nx, nz);
        if (d >= r) continue;
        if (d < 1e-6) {  // exactly on the wall line: push along its normal
          const l = Math.sqrt(len2) || 1;
          nx = -ez / l;
          nz = ex / l;
        } else {
          nx /= d;
          nz /= d;
        }
        x = qx + nx * r;
        z = qz + nz * r;
        pushed = true;
      }
      for (const o of this.obstacles) {
        // Into the box's frame: a rotation by yaw about +Y maps local (u, v) to
        // world (u cos + v sin, -u sin + v cos); the inverse is its transpose.
        const dx = x - o.cx;
        const dz = z - o.cz;
        const u = dx * o.cos - dz * o.sin;
        const v = dx * o.sin + dz * o.cos;
        const cu = THREE.MathUtils.clamp(u, -o.hx, o.hx);
        const cv = THREE.MathUtils.clamp(v, -o.hz, o.hz);
        let pu = u - cu;
        let pv = v - cv;
        const d = Math.hypot(pu, pv);
        if (d >= r) continue;
        let nu;
        let nv;
        if (d < 1e-6) {  // inside the footprint: leave by the nearest side
          const toU = o.hx - Math.abs(u);
          const toV = o.hz - Math.abs(v);
          if (toU < toV) {
            nu = Math.sign(u) || 1;
            nv = 0;
            pu = nu * (o.hx + r) - u;
            pv = 0;
          } else {
            nu = 0;
            nv = Math.sign(v) || 1;
            pu = 0;
            pv = nv * (o.hz + r) - v;
          }
        } else {
          pu = (pu / d) * (r - d);
          pv = (pv / d) * (r - d);
        }
        x += pu * o.cos + pv * o.sin;
        z += -pu * o.sin + pv * o.cos;
        pushed = true;
      }
      if (this.bounds) {
        const b = this.bounds;
        const cx = THREE.MathUtils.clamp(x, b.minX, b.maxX);
        const cz = THREE.MathUtils.clamp(z, b.minZ, b.maxZ);
        if (cx !== x || cz !== z) pushed = true;
        x = cx;
        z = cz;
      }
      if (!pushed) break;
    }
    return { x, z };
  }
}

function easeInOut(s) {
  return s < 0.5 ? 2 * s * s : 1 - 2 * (1 - s) * (1 - s);
}

function shortestAngle(from, to) {
  let d = (to - from) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return d;
}

export function yawPitchTowards(pos, lookAt) {
  const d = new THREE.Vector3().subVectors(lookAt, pos);
  if (d.lengthSq() < 1e-9) return { yaw: 0, pitch: 0 };
  d.normalize();
  return { yaw: Math.atan2(-d.x, -d.z), pitch: Math.asin(THREE.MathUtils.clamp(d.y, -1, 1)) };
}

// The visitor: a camera at eye height that input and glides move through the plan.
export class Walker {
  constructor(camera, element, plan) {
    this.camera = camera;
    this.element = element;
    this.plan = plan;
    this.position = new THREE.Vector3(0, 1.6, 0);
    this.yaw = 0;
    this.pitch = 0;
    this.enabled = true;
    this.onTap = null;        // (clientX, clientY) for a click or tap that was not a drag
    this.onUserMove = null;   // the visitor took over (ends a glide, tells the guide)
    this.keys = new Set();
    this.pointers = new Map();
    this.pinch = null;
    this.glide = null;        // {from, to, fromYaw, dYaw, fromPitch, dPitch, t, duration}
    this.target = null;       // a floor point being walked to
    this.pendingMove = 0;     // metres forward from pinch and wheel since the last frame
    this.lookChanged = true;
    this.bindInput();
  }

  setView(pos, lookAt, { instant = false } = {}) {
    const to = new THREE.Vector3(...pos);
    const { yaw, pitch } = yawPitchTowards(to, new THREE.Vector3(...lookAt));
    this.target = null;
    if (instant) {
      this.glide = null;
      this.position.copy(to);
      this.yaw = yaw;
      this.pitch = THREE.MathUtils.clamp(pitch, -MAX_PITCH, MAX_PITCH);
      this.lookChanged = true;
      this.apply();
      return;
    }
    const distance = this.position.distanceTo(to);
    this.glide = {
      from: this.position.clone(),
      to,
      fromYaw: this.yaw,
      dYaw: shortestAngle(this.yaw, yaw),
      fromPitch: this.pitch,
      dPitch: THREE.MathUtils.clamp(pitch, -MAX_PITCH, MAX_PITCH) - this.pitch,
      t: 0,
      duration: THREE.MathUtils.clamp(0.5 + distance / 6, 0.6, 2.0),
    };
  }

  // Walks to a floor point at walking pace, stopping where something is in the way.
  walkTo(x, z) {
    this.glide = null;
    this.target = { x, z, stuck: 0 };
  }

  // Advances one frame; true when the view changed and needs drawing.
  update(dt) {
    // A slow frame (or a tab coming back) moves no further than a quarter of a second's walk;
    // the plan's sub-steps keep even that from crossing a wall.
    dt = Math.min(dt, 0.25);
    let changed = this.lookChanged;
    this.lookChanged = false;

    if (this.glide) {
      const g = this.glide;
      g.t = Math.min(1, g.t + dt / g.duration);
      const s = easeInOut(g.t);
      this.position.lerpVectors(g.from, g.to, s);
      this.yaw = g.fromYaw + g.dYaw * s;
      this.pitch = g.fromPitch + g.dPitch * s;
      if (g.t >= 1) this.glide = null;
      this.apply();
      return true;
    }

    let forward = 0;
    let strafe = 0;
    let turn = 0;
    if (this.enabled) {
      const k = this.keys;
      if (k.has('KeyW') || k.has('ArrowUp')) forward += 1;
      if (k.has('KeyS') || k.has('ArrowDown')) forward -= 1;
      if (k.has('KeyD')) strafe += 1;
      if (k.has('KeyA')) strafe -= 1;
      if (k.has('ArrowLeft') || k.has('KeyQ')) turn += 1;
      if (k.has('ArrowRight') || k.has('KeyE')) turn -= 1;
    }
    if (turn !== 0) {
      this.yaw += turn * TURN_SPEED * dt;
      changed = true;
    }
    const speed = this.keys.has('ShiftLeft') || this.keys.has('ShiftRight') ? RUN_SPEED : WALK_SPEED;
    const len = Math.hypot(forward, strafe);
    let dx = 0;
    let dz = 0;
    if (len > 0) {
      const f = (forward / len) * speed * dt;
      const r = (strafe / len) * speed * dt;
      dx += -Math.sin(this.yaw) * f + Math.cos(this.yaw) * r;
      dz += -Math.cos(this.yaw) * f - Math.sin(this.yaw) * r;
      this.target = null;
    }
    if (this.pendingMove !== 0) {
      dx += -Math.sin(this.yaw) * this.pendingMove;
      dz += -Math.cos(this.yaw) * this.pendingMove;
      this.pendingMove = 0;
      this.target = null;
    }
    if (this.target) {
      const tx = this.target.x - this.position.x;
      const tz = this.target.z - this.position.z;
      const d = Math.hypot(tx, tz);
      const step = Math.min(d, WALK_SPEED * 1.5 * dt);
      if (d < 0.05) {
        this.target = null;
      } else {
        dx += (tx / d) * step;
        dz += (tz / d) * step;
      }
    }
    if (dx !== 0 || dz !== 0) {
      const p = this.plan.move(this.position.x, this.position.z, dx, dz);
      const moved = Math.hypot(p.x - this.position.x, p.z - this.position.z);
      if (this.target) {
        // Walking to a point behind a fixture: give up once the plan holds us back.
        this.target.stuck = moved < 0.25 * Math.hypot(dx, dz) ? this.target.stuck + 1 : 0;
        if (this.target.stuck > 5) this.target = null;
      }
      if (moved > 1e-5) {
        this.position.x = p.x;
        this.position.z = p.z;
        changed = true;
      }
    }
    if (changed) this.apply();
    return changed || this.target !== null;
  }

  apply() {
    this.pitch = THREE.MathUtils.clamp(this.pitch, -MAX_PITCH, MAX_PITCH);
    this.camera.position.copy(this.position);
    this.camera.rotation.set(this.pitch, this.yaw, 0, 'YXZ');
    this.camera.updateMatrixWorld();
  }

  userMoved() {
    this.glide = null;
    if (this.onUserMove) this.onUserMove();
  }

  isMoving() {
    return this.glide !== null || this.target !== null || this.keys.size > 0;
  }

  bindInput() {
    const el = this.element;
    window.addEventListener('keydown', (e) => {
      if (!this.enabled || e.ctrlKey || e.metaKey || e.altKey) return;
      const tag = e.target && e.target.tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
      const movement = ['KeyW', 'KeyA', 'KeyS', 'KeyD', 'KeyQ', 'KeyE', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
      if (movement.includes(e.code)) {
        e.preventDefault();
        this.userMoved();
      }
      this.keys.add(e.code);
    });
    window.addEventListener('keyup', (e) => this.keys.delete(e.code));
    window.addEventListener('blur', () => this.keys.clear());

    el.addEventListener('pointerdown', (e) => {
      if (!this.enabled) return;
      el.setPointerCapture(e.pointerId);
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, x0: e.clientX, y0: e.clientY, t0: performance.now(), moved: 0 });
      if (this.pointers.size === 2) this.pinch = this.pinchDistance();
      el.classList.add('dragging');
    });
    el.addEventListener('pointermove', (e) => {
      const p = this.pointers.get(e.pointerId);
      if (!p || !this.enabled) return;
      const dx = e.clientX - p.x;
      const dy = e.clientY - p.y;
      p.x = e.clientX;
      p.y = e.clientY;
      p.moved = Math.max(p.moved, Math.hypot(e.clientX - p.x0, e.clientY - p.y0));
      if (this.pointers.size === 1) {
        if (p.moved < TAP_MAX_MOVE_PX) return;  // a tap in the making
        // Grab the world: dragging right turns the view left, as in street panoramas.
        this.yaw += dx * DRAG_LOOK;
        this.pitch += dy * DRAG_LOOK;
        this.lookChanged = true;
        this.userMoved();
      } else if (this.pointers.size === 2 && this.pinch !== null) {
        const d = this.pinchDistance();
        this.pendingMove += (d - this.pinch) * PINCH_WALK;
        this.pinch = d;
        this.userMoved();
      }
    });
    const end = (e) => {
      const p = this.pointers.get(e.pointerId);
      if (!p) return;
      const single = this.pointers.size === 1 && this.pinch === null;
      this.pointers.delete(e.pointerId);
      if (this.pointers.size < 2) this.pinch = null;
      if (this.pointers.size === 0) el.classList.remove('dragging');
      const tap = e.type === 'pointerup' && single && p.moved < TAP_MAX_MOVE_PX && performance.now() - p.t0 < TAP_MAX_MS;
      if (tap && this.enabled && this.onTap) this.onTap(e.clientX, e.clientY);
    };
    el.addEventListener('pointerup', end);
    el.addEventListener('pointercancel', end);
    el.addEventListener('wheel', (e) => {
      if (!this.enabled) return;
      e.preventDefault();
      this.pendingMove += -e.deltaY * WHEEL_WALK * (e.deltaMode === 1 ? 16 : 1);
      this.userMoved();
    }, { passive: false });
  }

  pinchDistance() {
    const [a, b] = [...this.pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  }
}
