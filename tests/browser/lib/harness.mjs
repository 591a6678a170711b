// tests/browser/lib/harness.mjs: shared helpers for Toward's browser tests and benchmark.
// Serves build/web-test/dist (the app with its test hooks) on 127.0.0.1, drives Debian's /usr/bin/chromium through playwright-core,
// collects console/page errors, waits for window.towardTest, and checks the canvas is not blank.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// The test build (./scripts/build web-test): build/web/dist, what people install, has no window.towardTest.
// TOWARD_DIST overrides the served directory (the sanitizer build, or a stand-in page to test the harness).
export const DIST = process.env.TOWARD_DIST ? path.resolve(process.env.TOWARD_DIST) : path.join(ROOT, 'build/web-test/dist');

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Against the sanitizer build (scripts/test sets TOWARD_SANITIZED=1) everything runs several times slower:
// a test's limits on how long a frame may take are multiplied by this (they guard against a frozen page,
// they are not benchmarks).
export const SLOWDOWN = process.env.TOWARD_SANITIZED === '1' ? 8 : 1;

export function assertBuilt() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${path.join(DIST, 'index.html')} is missing: run ./scripts/build web-test first`);
  }
}

// ------------------------------------------------------------------ static server
const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.ttf': 'font/ttf', '.otf': 'font/otf', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.data': 'application/octet-stream', '.map': 'application/json; charset=utf-8',
};

// Fallback used only while scripts/serve.mjs does not exist.
function startInProcessServer(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname); } catch { rel = '/'; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + rel);
    if (!file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': data.length, 'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : data);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}/`, kind: 'in-process',
        close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

// Starts `node scripts/serve.mjs --dir build/web-test/dist --port 0` and parses the URL it prints.
export async function startServer({ dir = DIST } = {}) {
  assertBuilt();
  const serveScript = path.join(ROOT, 'scripts/serve.mjs');
  if (!fs.existsSync(serveScript)) return startInProcessServer(dir);
  const rel = path.relative(ROOT, dir);
  const dirArg = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
  const child = spawn(process.execPath, [serveScript, '--dir', dirArg, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let errOut = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs printed no URL within 10 s; stdout: ${out} stderr: ${errOut}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Toward is running at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr.on('data', (d) => { errOut += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code}) before printing its URL; stderr: ${errOut}`)); });
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
  child.stdout.resume();
  return {
    url, kind: 'serve.mjs',
    close: () => new Promise((r) => {
      if (child.exitCode !== null || child.signalCode !== null) { r(); return; }
      child.once('exit', () => r());
      child.kill('SIGTERM');
      setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 3000).unref();
    }),
  };
}

// ------------------------------------------------------------------ browser profiles
export function makeUserDataDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'toward-profile-'));
}

// contextOptions: Playwright context options over the defaults (e.g. a phone: viewport, hasTouch, isMobile).
// The browser promises to keep the data (as for an installed app; headless Chromium refuses persist()
// otherwise), so the backup reminder stays as each test sets it: storage_may_vanish.test.mjs takes the
// promise away again.
async function launchContext(userDataDir, contextOptions = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 720 },
    timeout: 60_000,
    ...contextOptions,
  });
  const cdp = await context.newCDPSession(context.pages()[0] || await context.newPage());
  await cdp.send('Browser.grantPermissions', { permissions: ['durableStorage'] });
  context._towardCdp = cdp;   // kept attached: detaching takes the grant back
  return context;
}

// Pid of the Chromium browser process (not renderers) that uses userDataDir.
export function browserPids(userDataDir) {
  const pids = [];
  for (const ent of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(ent)) continue;
    let cmd;
    try { cmd = fs.readFileSync(`/proc/${ent}/cmdline`, 'utf8').split('\0'); } catch { continue; }
    if (cmd.includes(`--user-data-dir=${userDataDir}`) && !cmd.some((a) => a.startsWith('--type='))) {
      pids.push(Number(ent));
    }
  }
  return pids;
}

// A browser profile that can be closed (gracefully or abruptly) and relaunched.
export class Profile {
  constructor(userDataDir, contextOptions = {}) {
    this.userDataDir = userDataDir;
    this.contextOptions = contextOptions;
    this.context = null;
    this.errors = []; // console errors and page errors of every page opened through this profile
  }

  static async launch(userDataDir = makeUserDataDir(), contextOptions = {}) {
    const p = new Profile(userDataDir, contextOptions);
    await p.relaunch();
    return p;
  }

  async relaunch() {
    if (this.context) throw new Error('profile is still running');
    this.context = await launchContext(this.userDataDir, this.contextOptions);
    for (const pg of this.context.pages()) watchErrors(pg, this.errors);
    this.context.on('page', (pg) => watchErrors(pg, this.errors));
    return this.context;
  }

  // Graceful: Chromium shuts down normally.
  async close() {
    if (!this.context) return;
    const ctx = this.context;
    this.context = null;
    await ctx.close().catch(() => {});
  }

  // Abrupt: SIGKILL the browser process of this profile (found by its --user-data-dir), so no
  // page gets any chance to save anything on the way out.
  async crash() {
    if (!this.context) return;
    const ctx = this.context;
    this.context = null;
    const pids = browserPids(this.userDataDir);
    if (pids.length === 0) {
      await ctx.close().catch(() => {});
      return 'closed';
    }
    const closed = new Promise((r) => ctx.once('close', r));
    for (const pid of pids) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
    await Promise.race([closed, sleep(10_000)]);
    await ctx.close().catch(() => {});
    const t0 = Date.now();
    while (browserPids(this.userDataDir).length && Date.now() - t0 < 10_000) await sleep(100);
    return 'killed';
  }

  async dispose() {
    await this.close();
    fs.rmSync(this.userDataDir, { recursive: true, force: true });
  }

  async newPage() {
    const pages = this.context.pages();
    // A persistent context starts with one blank tab; reuse it for the first page.
    if (pages.length === 1 && pages[0].url() === 'about:blank' && !pages[0]._towardUsed) {
      pages[0]._towardUsed = true;
      return pages[0];
    }
    const pg = await this.context.newPage();
    pg._towardUsed = true;
    return pg;
  }

  assertNoErrors() {
    assert.deepEqual(this.errors, [], `console errors / page errors:\n${this.errors.join('\n')}`);
  }
}

// Every console error and page error fails a test. TOWARD_IGNORE_ERRORS=<regex> (debugging aid
// only) drops the messages it matches.
const IGNORE = process.env.TOWARD_IGNORE_ERRORS ? new RegExp(process.env.TOWARD_IGNORE_ERRORS) : null;

const SANITIZER_REPORT = /AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer|runtime error:/;

export function watchErrors(page, sink) {
  if (page._towardWatched) return;
  page._towardWatched = true;
  page._towardErrors = sink;
  const push = (m) => { if (!(IGNORE && IGNORE.test(m))) sink.push(m); };
  page.on('console', (msg) => {
    // Emscripten 3.1.6 prints stderr (sanitizer reports among it) as console warnings.
    if (msg.type() === 'warning' && SANITIZER_REPORT.test(msg.text())) push(`sanitizer: ${msg.text()}`);
    if (msg.type() === 'error') {
      const loc = msg.location();
      push(`console.error: ${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => push(`pageerror: ${err && err.stack ? err.stack : err}`));
}

// ------------------------------------------------------------------ app page helpers
function isNavigationError(e) {
  return /Execution context was destroyed|Cannot find context|navigat|Target closed|frame was detached/i.test(String(e && e.message));
}

// Waits for window.towardTest to exist.
export async function waitForApi(page, timeoutMs = 30_000) {
  await page.waitForFunction(() => typeof window.towardTest === 'object' && window.towardTest !== null,
    null, { timeout: timeoutMs });
}

// Resolves true when towardTest.ready() resolved within timeoutMs, false otherwise. Survives
// navigations (e.g. the app reloading itself); throws early when the page reports a page error.
export async function readyWithin(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const errorsBefore = (page._towardErrors || []).length;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    const pageErrors = (page._towardErrors || []).slice(errorsBefore).filter((e) => e.startsWith('pageerror'));
    if (pageErrors.length) throw new Error(`page error while waiting for towardTest.ready(): ${pageErrors.join(' | ')}`);
    const slice = Math.min(left, 1000);
    try {
      const r = await page.evaluate((ms) => {
        if (typeof window.towardTest !== 'object' || !window.towardTest) {
          return new Promise((res) => setTimeout(() => res('no-api'), Math.min(ms, 100)));
        }
        return Promise.race([
          Promise.resolve(window.towardTest.ready()).then(() => 'ready'),
          new Promise((res) => setTimeout(() => res('timeout'), ms)),
        ]);
      }, slice);
      if (r === 'ready') return true;
    } catch (e) {
      if (!isNavigationError(e)) throw e;
      await sleep(100);
    }
  }
}

export async function waitReady(page, timeoutMs = 60_000) {
  const ok = await readyWithin(page, timeoutMs);
  if (!ok) {
    const info = await page.evaluate(() => ({
      api: typeof window.towardTest,
      state: (() => { try { return window.towardTest.state(); } catch (e) { return String(e); } })(),
      tabNoticeHidden: document.getElementById('tab-notice')?.hidden,
    })).catch((e) => String(e));
    const errs = page._towardErrors && page._towardErrors.length ? `; errors: ${page._towardErrors.join(' | ')}` : '';
    throw new Error(`towardTest.ready() did not resolve within ${timeoutMs} ms (${page.url()}: ${JSON.stringify(info)})${errs}`);
  }
}

// Opens the app in a new tab of the profile and (by default) waits for ready().
export async function openApp(profile, url, { ready = true, timeoutMs = 60_000 } = {}) {
  const page = await profile.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  if (ready) await waitReady(page, timeoutMs);
  return page;
}

export async function reloadApp(page, { ready = true, timeoutMs = 60_000 } = {}) {
  await page.reload({ waitUntil: 'load', timeout: timeoutMs });
  if (ready) await waitReady(page, timeoutMs);
}

// Thin wrappers around window.towardTest (arguments are passed through structured clone).
export const api = {
  put: (page, type, body, id) => page.evaluate(([t, b, i]) =>
    (i === undefined ? window.towardTest.put(t, b) : window.towardTest.put(t, b, i)), [type, body, id]),
  list: (page, type) => page.evaluate((t) => window.towardTest.list(t), type),
  remove: (page, type, id) => page.evaluate(([t, i]) => window.towardTest.remove(t, i), [type, id]),
  trashList: (page) => page.evaluate(() => window.towardTest.trashList()),
  flush: (page) => page.evaluate(() => window.towardTest.flush()),
  state: (page) => page.evaluate(() => window.towardTest.state()),
  framesRendered: (page) => page.evaluate(() => window.towardTest.framesRendered()),
  firstFrameMs: (page) => page.evaluate(() => window.towardTest.firstFrameMs()),
  version: (page) => page.evaluate(() => window.towardTest.version()),
  lastSyncWrites: (page) => page.evaluate(() => window.towardTest.lastSyncWrites()),
  setSyncDelayMs: (page, ms) => page.evaluate((m) => window.towardTest.setSyncDelayMs(m), ms),
};

export async function waitUntil(fn, { timeoutMs = 10_000, intervalMs = 50, message = 'condition' } = {}) {
  const t0 = Date.now();
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}`);
    await sleep(intervalMs);
  }
}

// Waits until the app has drawn at least `minFrames` frames since `since` (a framesRendered count) and
// then no new frame for `quietMs`, for at most `capMs` (an animation may keep drawing: then it returns).
// Clicking at measured positions is only safe once the page shows what the last action changed; on a
// busy machine a fixed pause is not enough.
// The vault turned on with `pass` (the test API), stored, and the page reloaded to its unlock screen; then, as
// a person does, the passphrase typed into its field (`enter`: and Enter pressed). Returns the field.
export async function lockedVault(page, pass, { enter = false } = {}) {
  const on = await page.evaluate((p) => window.towardTest.vaultEnable(p), pass);
  if (!on.ok) throw new Error(`turning the vault on: ${JSON.stringify(on)}`);
  await page.evaluate(() => window.towardTest.flush());
  await reloadApp(page);
  const field = page.locator('input[type="password"][aria-label="Passphrase"]');
  await field.waitFor({ state: 'visible', timeout: 30_000 });
  await field.click();
  await page.keyboard.type(pass);
  if (enter) await page.keyboard.press('Enter');
  return field;
}

export async function settle(page, { since = null, minFrames = 1, quietMs = 120, capMs = 2500 } = {}) {
  const t0 = Date.now();
  const start = since === null ? await api.framesRendered(page) : since;
  let last = await api.framesRendered(page);
  let lastChange = Date.now();
  while (Date.now() - t0 < capMs) {
    await sleep(40);
    const n = await api.framesRendered(page);
    if (n !== last) { last = n; lastChange = Date.now(); }
    if (last - start >= minFrames && Date.now() - lastChange >= quietMs) return;
  }
}

// Clicks at a measured position once the page has settled, and waits for the frames the click causes.
export async function clickSettled(page, [x, y]) {
  await settle(page, { minFrames: 0 });
  const before = await api.framesRendered(page);
  await page.mouse.click(x, y);
  await settle(page, { since: before, minFrames: 1 });
}

// Puts `count` journal entries in batches of `batch` inside the page; returns the ids.
// `spacedMs`: entry i is dated i * spacedMs after a fixed moment, so the list (newest first) shows them in
// order ("... title 299", "... title 298", ...); without it they share the moment they were kept, in no set order.
export async function seedJournal(page, count, { batch = 500, textLength = 60, prefix = 'seed', spacedMs = 0 } = {}) {
  const ids = [];
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const got = await page.evaluate(([s, n2, len, pre, spaced]) => {
      const words = 'walk river morning quiet coffee letter garden window light rain friend story '.repeat(4);
      const out = [];
      for (let i = s; i < s + n2; i++) {
        let text = `${pre} ${i}: `;
        while (text.length < len) text += words.slice(0, len - text.length);
        const body = { kind: 'free', title: `${pre} title ${i}`, text, createdMs: 1764000000000 + i * 1000 };
        if (spaced) body.timeMs = 1764000000000 + i * spaced;
        out.push(window.towardTest.put('journal.entry', body));
      }
      return Promise.all(out);
    }, [start, n, textLength, prefix, spacedMs]);
    ids.push(...got);
  }
  return ids;
}

// ------------------------------------------------------------------ PNG decoding
// Minimal PNG decoder: 8-bit greyscale/GA/RGB/RGBA, non-interlaced, filter types 0-4.
export function decodePng(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => buf[i] === b)) throw new Error('not a PNG');
  let off = 8;
  let width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      bitDepth = data[8]; colorType = data[9]; interlace = data[12];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    off += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[colorType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG: bitDepth ${bitDepth} colorType ${colorType} interlace ${interlace}`);
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bpp = channels;
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const ft = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    const prev = y > 0 ? row - stride : -1;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[row + x - bpp] : 0;
      const b = prev >= 0 ? out[prev + x] : 0;
      const c = prev >= 0 && x >= bpp ? out[prev + x - bpp] : 0;
      let v = src[x];
      switch (ft) {
        case 0: break;
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`bad PNG filter type ${ft} in row ${y}`);
      }
      out[row + x] = v & 0xff;
    }
  }
  // Normalise to RGBA.
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += bpp) {
    const o = i * 4;
    if (channels === 4) { rgba[o] = out[j]; rgba[o + 1] = out[j + 1]; rgba[o + 2] = out[j + 2]; rgba[o + 3] = out[j + 3]; }
    else if (channels === 3) { rgba[o] = out[j]; rgba[o + 1] = out[j + 1]; rgba[o + 2] = out[j + 2]; rgba[o + 3] = 255; }
    else if (channels === 2) { rgba[o] = rgba[o + 1] = rgba[o + 2] = out[j]; rgba[o + 3] = out[j + 1]; }
    else { rgba[o] = rgba[o + 1] = rgba[o + 2] = out[j]; rgba[o + 3] = 255; }
  }
  return { width, height, rgba };
}

// Share of pixels that have the most common colour, and the number of distinct colours.
export function colourStats({ width, height, rgba }) {
  const counts = new Map();
  for (let i = 0; i < width * height; i++) {
    const k = rgba.readUInt32BE(i * 4);
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  let top = 0;
  for (const n of counts.values()) if (n > top) top = n;
  return { dominantShare: top / (width * height), distinct: counts.size };
}

export async function assertCanvasNotBlank(page, { maxDominantShare = 0.995, minDistinct = 3 } = {}) {
  const png = await page.locator('#canvas').screenshot({ timeout: 15_000 });
  const img = decodePng(png);
  assert.ok(img.width > 0 && img.height > 0, 'canvas screenshot is empty');
  const { dominantShare, distinct } = colourStats(img);
  assert.ok(dominantShare <= maxDominantShare && distinct >= minDistinct,
    `#canvas looks blank: ${(dominantShare * 100).toFixed(2)}% of ${img.width}x${img.height} pixels share one colour, ${distinct} distinct colours`);
  return { width: img.width, height: img.height, dominantShare, distinct };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// Clicks a page's navigation item where the app last drew it (towardTest.nav()), e.g. 'progress'.
export async function openPage(page, id, { tap = false } = {}) {
  const items = await page.evaluate(() => window.towardTest.nav());
  const item = items.find((i) => i.id === id);
  if (!item) throw new Error(`no navigation item "${id}" (have: ${items.map((i) => i.id).join(', ')})`);
  // Found as a screen reader finds it: its tab in the semantics mirror (web/glue/a11y.js); the click is
  // real (the mirror lets the pointer through to the canvas). A page under the phone's "More" menu is a
  // row in that menu: clicked (or tapped, `tap`, as on a phone) where it was drawn.
  const tab = page.getByRole('tab', { name: item.title, exact: true });
  if (tap) await page.touchscreen.tap(item.x + item.w / 2, item.y + item.h / 2);
  else if (item.title && (await tab.count()) === 1) await tab.click({ force: true });
  else await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
  // The page asked for is the one shown (a click that went astray once left a test checking another page).
  await waitUntil(async () => (await page.evaluate(() => window.towardTest.shownPage())) === id,
    { timeoutMs: 10_000, message: `the page "${id}" to be shown` });
  await sleep(400);
}

// A finger on a phone, through Chromium's own touch input (CDP, `cdp` from page.context().newCDPSession),
// so a swipe is a real one. The finger stands still for `holdMs` before it lifts, as when someone scrolls
// to find something and stops there: the list does not coast on (ui::TouchScroll), so a test that swipes
// until a control is on screen does not carry it past (0: a flick, which coasts).
export async function swipe(page, cdp, from, to, steps = 8, holdMs = 150) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from[0], y: from[1] }] });
  for (let i = 1; i <= steps; i++) {
    const x = from[0] + (to[0] - from[0]) * i / steps, y = from[1] + (to[1] - from[1]) * i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await sleep(30);
  }
  if (holdMs > 0) await sleep(holdMs);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await settle(page, { minFrames: 1 });
}

// Clicks (or taps, `tap`) a control found as a screen reader finds it, by role and name in the semantics
// mirror (web/glue/a11y.js): the pointer is real and lands where ImGui drew the control (the mirror lets
// it through to the canvas). `name` is a string (exact) or a RegExp; `nth` picks among several. Waits for
// the control to be there and for the frames the click causes.
export async function clickRole(page, role, name, { nth = 0, tap = false, timeoutMs = 10_000 } = {}) {
  return clickOn(page, page.getByRole(role, { name, exact: typeof name === 'string' }).nth(nth), { tap, timeoutMs });
}

// The same for a control already found (a Playwright locator in the mirror: a list's row, a dialog's button).
export async function clickOn(page, el, { tap = false, timeoutMs = 10_000 } = {}) {
  await el.waitFor({ state: 'attached', timeout: timeoutMs });
  await settle(page, { minFrames: 0 });
  const before = await api.framesRendered(page);
  if (tap) {
    const r = await el.boundingBox();
    if (!r) throw new Error(`the control to tap went away (or out of sight) before it was tapped: ${el}`);
    await page.touchscreen.tap(r.x + r.width / 2, r.y + r.height / 2);
  } else {
    await el.click({ force: true });
  }
  await settle(page, { since: before, minFrames: 1 });
}

// Clicks (or taps) a shell control drawn in the last frame, found by its id in towardTest.actions()
// ("feeling", "therapist", "hide", "more", "too-much", "way-out:<plugin>/<action>", "check-in:ok", ...),
// and waits for the frames it causes.
export async function press(page, id, { tap = false } = {}) {
  const all = await page.evaluate(() => window.towardTest.actions());
  const r = all.find((a) => a.id === id);
  if (!r) throw new Error(`"${id}" is not drawn (drawn: ${all.map((a) => a.id).join(', ')})`);
  await settle(page, { minFrames: 0 });
  const before = await api.framesRendered(page);
  // A click finds the control by role and name when that names one control only (see openPage).
  const byRole = r.title ? page.getByRole('button', { name: r.title, exact: true }) : null;
  if (tap) await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
  else if (byRole && (await byRole.count()) === 1) await byRole.click({ force: true });
  else await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await settle(page, { since: before, minFrames: 1 });
}
