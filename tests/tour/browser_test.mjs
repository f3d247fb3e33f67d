#!/usr/bin/env node
// The tour in a real browser (issue 6, "Tests"): serves a tour folder written by `showroom tour`
// on 127.0.0.1, opens it in Debian's headless Chromium (software WebGL, SwiftShader) through
// playwright-core, and checks what a visitor does:
//   the scene loads and the canvas is not blank (nor black); a click on a placed product opens
//   its card with the Vietnamese name; the language switch shows the English one; the 3D detail
//   view loads the product's model; walking into a wall leaves the eye inside the room;
//   no page error, console error or failed request on the way.
// Usage: node tests/tour/browser_test.mjs TOUR_DIR SCREENSHOT.png [SKU]
// Writes SCREENSHOT.png (the centre with the card, in English), and next to it
// SCREENSHOT-detail.png (the 3D detail view) and SCREENSHOT-phone.png (a phone-sized window).
// Exit 0: pass; 77: skipped (no Chromium or no playwright-core); anything else: failed.

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const started = Date.now();

function log(message) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
}

function fail(message) {
  console.error(`browser_test: FAIL: ${message}`);
  process.exit(1);
}

const [tourDir, screenshot, wantedSku] = process.argv.slice(2);
if (!tourDir || !screenshot) {
  console.error('usage: node tests/tour/browser_test.mjs TOUR_DIR SCREENSHOT.png [SKU]');
  process.exit(2);
}
const executablePath = process.env.OCOP_CHROMIUM || '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) {
  console.log(`browser_test: skipped: no Chromium at ${executablePath} (apt-get install chromium)`);
  process.exit(SKIP);
}
let chromium;
try {
  const require = createRequire(path.join(repo, 'tools/node/package.json'));
  ({ chromium } = require('playwright-core'));
} catch (err) {
  console.log(`browser_test: skipped: playwright-core is not installed in tools/node (run tools/bootstrap): ${err.message.split('\n')[0]}`);
  process.exit(SKIP);
}

const tourJsonPath = path.join(tourDir, 'tour.json');
if (!fs.existsSync(tourJsonPath)) fail(`${tourJsonPath}: no such file (write the folder with showroom tour)`);
for (const f of ['index.html', 'tour.js', 'tour.css']) {
  if (!fs.existsSync(path.join(tourDir, f))) fail(`${path.join(tourDir, f)}: missing (is the tour app built? tools/tour)`);
}
const tour = JSON.parse(fs.readFileSync(tourJsonPath, 'utf8'));

// The whole run must end: a hung browser fails the test instead of the test suite's timeout.
setTimeout(() => fail('took longer than 150 s'), 150_000).unref();

// --- A static server for the folder, as any web host would serve it ---------------------------
const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};
const root = path.resolve(tourDir);
const served = [];
const server = http.createServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = path.resolve(root, `.${urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    served.push(urlPath);
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}/`;
log(`serving ${root} at ${base}`);

// --- The browser ---------------------------------------------------------------------------------
let browser;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--disable-dev-shm-usage'],
  });
} catch (err) {
  fail(`Chromium (${executablePath}) did not start: ${err.message.split('\n')[0]}`);
}
const problems = [];
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, locale: 'vi-VN' });
const page = await context.newPage();
page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
page.on('console', (msg) => {
  if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
});
page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
page.on('response', (res) => {
  if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
});

async function finish(code, message) {
  if (message) console.error(`browser_test: FAIL: ${message}`);
  await browser.close().catch(() => {});
  server.close();
  process.exit(code);
}

function check(condition, message) {
  if (!condition) return finish(1, message);
  return Promise.resolve();
}

async function noProblems(stage) {
  if (problems.length > 0) await finish(1, `${stage}:\n  ${problems.join('\n  ')}`);
}

try {
  await page.goto(base, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => window.ocopTour && (window.ocopTour.ready || window.ocopTour.error), null, { timeout: 90_000 });
  const loadError = await page.evaluate(() => window.ocopTour.error);
  await check(!loadError, `the tour did not load: ${loadError}`);
  const info = await page.evaluate(() => ({ timings: window.ocopTour.timings, quality: window.ocopTour.quality, gpu: window.ocopTour.gpu }));
  log(`scene loaded: quality "${info.quality}" on ${info.gpu}; page timings (ms): ${JSON.stringify(info.timings)}`);
  await noProblems('while loading');
  for (const f of ['tour.json', 'tour.js', 'tour.css', tour.scene ?? 'centre.glb']) {
    await check(served.includes(`/${f}`), `${f} was not requested`);
  }

  // --- The canvas shows the centre: many colours, not black ---------------------------------
  const pixels = await canvasStats(page);
  log(`canvas: ${pixels.colours} colours, mean luminance ${pixels.mean.toFixed(1)}, spread ${pixels.spread.toFixed(1)}`);
  await check(pixels.colours >= 16 && pixels.spread >= 4, `the canvas is blank (${pixels.colours} colours, spread ${pixels.spread.toFixed(1)})`);
  await check(pixels.mean >= 25, `the interior is nearly black (mean luminance ${pixels.mean.toFixed(1)} of 255)`);

  // --- The Vietnamese text is drawn in the brand's font ---------------------------------------
  const font = await page.evaluate(() => document.fonts.check('700 16px "OCOP Sans"', 'Bát Tràng ắ ộ ữ'));
  await check(font, 'the brand font ("OCOP Sans", from tour.json) is not loaded');

  // --- A product in view: from the waypoints, find one whose placement is visible ------------
  const waypoints = await page.evaluate(() => window.ocopTour.waypoints());
  let point = null;
  for (const id of waypoints) {
    point = await page.evaluate(([w, sku]) => {
      window.ocopTour.goTo(w, { instant: true });
      return window.ocopTour.screenPointOf(sku);
    }, [id, wantedSku ?? null]);
    if (point) {
      log(`waypoint "${id}" sees ${point.sku} at (${point.x.toFixed(0)}, ${point.y.toFixed(0)})`);
      break;
    }
  }
  await check(point, wantedSku ? `no waypoint sees a placement of ${wantedSku}` : 'no waypoint sees any product');
  const sku = point.sku;
  const product = tour.products?.[sku];
  await check(product, `${sku} is placed in the centre but missing from tour.json's products`);
  await page.waitForTimeout(200);  // a frame or two at the waypoint before the click

  // --- Click it: the card, in Vietnamese ------------------------------------------------------
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector('#card:not([hidden])', { timeout: 10_000 }).catch(() => null);
  const shownSku = await page.evaluate(() => window.ocopTour.card());
  await check(shownSku === sku, `clicking ${sku} at (${point.x.toFixed(0)}, ${point.y.toFixed(0)}) opened ${shownSku ?? 'no card'}`);
  const cardVi = await cardText(page);
  await check(cardVi.name === product.name.vi, `the card's name is "${cardVi.name}", expected "${product.name.vi}"`);
  await check(cardVi.other === product.name.en, `the card's second name is "${cardVi.other}", expected "${product.name.en}"`);
  await check(cardVi.producer === product.producer, `the card's producer is "${cardVi.producer}", expected "${product.producer}"`);
  await check(cardVi.price.replace(/\s/g, '') === String(product.price ?? '').replace(/\s/g, ''), `the card's price is "${cardVi.price}", expected "${product.price}"`);
  await check(cardVi.stars.startsWith('★'.repeat(product.stars)), `the card shows "${cardVi.stars}" for ${product.stars} stars`);
  await check(cardVi.story === product.story.vi, 'the card does not show the Vietnamese story');
  log(`card: ${cardVi.name} — ${cardVi.price}`);

  // --- Switch the language: English ------------------------------------------------------------
  await page.click('#language');
  await page.waitForFunction((name) => document.querySelector('#card .card-name')?.textContent === name, product.name.en, { timeout: 5_000 })
    .catch(() => null);
  const cardEn = await cardText(page);
  await check(cardEn.name === product.name.en, `after the language switch the card's name is "${cardEn.name}", expected "${product.name.en}"`);
  await check(cardEn.story === product.story.en, 'after the language switch the card does not show the English story');
  await check(await page.evaluate(() => document.documentElement.lang === 'en'), 'the page language is not "en" after the switch');
  await page.waitForTimeout(300);
  await page.screenshot({ path: screenshot });
  log(`wrote ${screenshot}`);
  await noProblems('with the card open');

  // --- The 3D detail view -------------------------------------------------------------------------
  await page.click('#card .card-3d');
  await page.waitForFunction(() => {
    const d = window.ocopTour.detail();
    return d.ready || d.error;
  }, null, { timeout: 60_000 }).catch(() => null);
  const detail = await page.evaluate(() => window.ocopTour.detail());
  await check(detail.ready && detail.sku === sku, `the detail view did not show ${sku}: ${JSON.stringify(detail)}`);
  await check(served.includes(`/${product.model}`), `the detail view did not load ${product.model}`);
  const detailStats = await canvasStats(page, '#detail canvas');
  await check(detailStats.colours >= 16, `the detail view is blank (${detailStats.colours} colours)`);
  const detailShot = screenshot.replace(/(\.png)?$/i, '-detail.png');
  await page.screenshot({ path: detailShot });
  log(`detail view of ${sku} ready (${detailStats.colours} colours); wrote ${detailShot}`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await check(await page.evaluate(() => document.querySelector('#detail').hidden && document.querySelector('#card').hidden),
    'Escape did not close the detail view and the card');
  await noProblems('in the detail view');

  // --- Walk into a wall: the eye stays inside ---------------------------------------------------------
  await walkIntoWall(page);
  await noProblems('while walking');

  // --- A phone-sized window: the tour at the start, then the card as a sheet --------------------
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate((start) => window.ocopTour.goTo(start, { instant: true }), tour.start ?? waypoints[0]);
  await page.waitForFunction(() => !window.ocopTour.view().moving, null, { timeout: 10_000 }).catch(() => null);
  await page.waitForTimeout(500);
  const phoneShot = screenshot.replace(/(\.png)?$/i, '-phone.png');
  await page.screenshot({ path: phoneShot });
  log(`wrote ${phoneShot}`);
  const phone = await page.evaluate((s) => {
    window.ocopTour.openCard(s);
    const r = document.querySelector('#card').getBoundingClientRect();
    const g = document.querySelector('#guide').getBoundingClientRect();
    return { card: { left: r.left, right: r.right, width: r.width }, guide: { left: g.left, right: g.right }, width: window.innerWidth };
  }, sku);
  await check(phone.card.left >= -1 && phone.card.right <= phone.width + 1 && phone.card.width >= phone.width * 0.9,
    `on a phone the card does not fill the width: ${JSON.stringify(phone)}`);
  await check(phone.guide.left >= 0 && phone.guide.right <= phone.width, `on a phone the guide does not fit: ${JSON.stringify(phone)}`);
  await noProblems('on a phone-sized window');

  log('pass');
  await finish(0);
} catch (err) {
  await finish(1, err && err.stack ? err.stack : String(err));
}

// Pixels of a WebGL canvas, read right after a frame is drawn (the drawing buffer is not kept):
// distinct colours (coarsely quantised), mean and spread of the luminance.
async function canvasStats(p, selector = '#view') {
  return p.evaluate(async (sel) => {
    const canvas = document.querySelector(sel);
    const url = await new Promise((resolve) => requestAnimationFrame(() => {
      window.ocopTour.renderNow();
      resolve(canvas.toDataURL('image/png'));
    }));
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = 160;
    const h = Math.max(1, Math.round((w * img.height) / img.width));
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0, w, h);
    const d = ctx.getImageData(0, 0, w, h).data;
    const colours = new Set();
    let sum = 0;
    let sum2 = 0;
    const n = w * h;
    for (let i = 0; i < d.length; i += 4) {
      colours.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
      const y = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
      sum += y;
      sum2 += y * y;
    }
    const mean = sum / n;
    return { colours: colours.size, mean, spread: Math.sqrt(Math.max(0, sum2 / n - mean * mean)) };
  }, selector);
}

async function cardText(p) {
  return p.evaluate(() => {
    const q = (s) => document.querySelector(`#card ${s}`)?.textContent ?? '';
    return { name: q('.card-name'), other: q('.card-name-other'), producer: q('.card-producer'), price: q('.card-price'), stars: q('.stars'), story: q('.card-story') };
  });
}

// From the waypoint nearest to a wall (measured square to it), face that wall and hold W.
async function walkIntoWall(p) {
  const walls = tour.walls ?? [];
  if (walls.length === 0) {
    log('no walls in tour.json: walking test skipped');
    return;
  }
  let best = null;
  for (const w of tour.waypoints ?? []) {
    const [x, , z] = w.pos;
    for (const [x0, z0, x1, z1] of walls) {
      const ex = x1 - x0;
      const ez = z1 - z0;
      const len2 = ex * ex + ez * ez;
      if (len2 === 0) continue;
      const s = ((x - x0) * ex + (z - z0) * ez) / len2;
      if (s < 0.1 || s > 0.9) continue;
      const d = Math.hypot(x - (x0 + s * ex), z - (z0 + s * ez));
      if (d > 0.6 && (!best || d < best.d)) best = { w, wall: [x0, z0, x1, z1], fx: x0 + s * ex, fz: z0 + s * ez, d };
    }
  }
  if (!best) {
    log('no waypoint faces a wall square on: walking test skipped');
    return;
  }
  const { w, wall } = best;
  const look = [best.fx, w.pos[1], best.fz];
  await p.evaluate(([pos, at]) => window.ocopTour.setView(pos, at), [w.pos, look]);
  await p.focus('#view');
  const side = (x, z) => Math.sign((wall[2] - wall[0]) * (z - wall[1]) - (wall[3] - wall[1]) * (x - wall[0]));
  const startSide = side(w.pos[0], w.pos[2]);
  log(`walking from "${w.id}" towards the wall ${JSON.stringify(wall)}, ${best.d.toFixed(2)} m away`);
  await p.keyboard.down('Shift');
  await p.keyboard.down('w');
  const t0 = Date.now();
  let eye = w.pos;
  let still = 0;
  // Until the eye stops (at the wall or a fixture) for a second and ten frames, at most 15 s.
  let frames = await p.evaluate(() => window.ocopTour.ticks);
  while (Date.now() - t0 < 15_000) {
    await p.waitForTimeout(250);
    const now = await p.evaluate(() => [window.ocopTour.eye(), window.ocopTour.ticks]);
    if (Math.hypot(now[0][0] - eye[0], now[0][2] - eye[2]) > 0.005) {
      still = 0;
      frames = now[1];
    } else {
      still++;
    }
    eye = now[0];
    const atWall = distanceToSegment(eye, wall) < 0.4;
    if (atWall || (still >= 4 && now[1] - frames >= 10)) break;
  }
  await p.keyboard.up('w');
  await p.keyboard.up('Shift');
  const walked = Math.hypot(eye[0] - w.pos[0], eye[2] - w.pos[2]);
  log(`walked ${walked.toFixed(2)} m in ${((Date.now() - t0) / 1000).toFixed(1)} s; eye at (${eye[0].toFixed(2)}, ${eye[2].toFixed(2)})`);
  await check(walked >= 0.3, `holding W moved the eye only ${walked.toFixed(2)} m`);
  await check(side(eye[0], eye[2]) === startSide, `the eye went through the wall ${JSON.stringify(wall)}: now at (${eye[0].toFixed(2)}, ${eye[2].toFixed(2)})`);
  const xs = walls.flatMap((s) => [s[0], s[2]]);
  const zs = walls.flatMap((s) => [s[1], s[3]]);
  await check(eye[0] > Math.min(...xs) && eye[0] < Math.max(...xs) && eye[2] > Math.min(...zs) && eye[2] < Math.max(...zs),
    `the eye left the building: (${eye[0].toFixed(2)}, ${eye[2].toFixed(2)})`);
  for (const s of walls) {
    const d = distanceToSegment(eye, s);
    await check(d >= 0.2, `the eye is ${d.toFixed(2)} m from the wall ${JSON.stringify(s)}: it would see through it`);
  }
  for (const o of tour.obstacles ?? []) {
    const a = (o.yaw_deg ?? 0) * Math.PI / 180;
    const dx = eye[0] - o.centre[0];
    const dz = eye[2] - o.centre[1];
    const u = dx * Math.cos(a) - dz * Math.sin(a);
    const v = dx * Math.sin(a) + dz * Math.cos(a);
    await check(Math.abs(u) > o.half_size[0] || Math.abs(v) > o.half_size[1], `the eye is inside a fixture at ${JSON.stringify(o.centre)}`);
  }
}

// Distance in plan from the eye [x, y, z] to a wall [x0, z0, x1, z1].
function distanceToSegment(eye, [x0, z0, x1, z1]) {
  const ex = x1 - x0;
  const ez = z1 - z0;
  const len2 = ex * ex + ez * ez || 1;
  const t = Math.min(1, Math.max(0, ((eye[0] - x0) * ex + (eye[2] - z0) * ez) / len2));
  return Math.hypot(eye[0] - (x0 + t * ex), eye[2] - (z0 + t * ez));
}
