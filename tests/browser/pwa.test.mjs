// pwa: installable and offline. The service worker takes control; with the network off a reload
// starts the app with every record; a second build leads to the calm update offer and, once accepted,
// runs with the data intact; the manifest and icons are valid; and a scripted session makes requests
// only to the app's own origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, startServer, Profile, openApp, reloadApp, api, waitUntil, sleep, openPage, clickRole, lockedVault } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const controlled = (page) => page.evaluate(() => window.towardTest.serviceWorkerControlled());

// Width and height from a PNG's IHDR chunk.
function pngSize(buf) {
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

test('the service worker takes control and the app starts offline with every record', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    let page = await openApp(profile, server.url);
    await waitUntil(() => controlled(page), { timeoutMs: 20_000, message: 'service worker controlling the page' });
    const id = await api.put(page, TYPE, { title: 'offline', text: 'Here even without a network.' });
    await api.flush(page);
    await profile.context.setOffline(true);
    await reloadApp(page);
    const got = (await api.list(page, TYPE)).find((r) => r.id === id);
    assert.ok(got, 'record missing after an offline reload');
    assert.equal(got.body.text, 'Here even without a network.');
    assert.equal(await controlled(page), true);
    await profile.context.setOffline(false);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('offline, a vault opens: its key is made in the key worker, which the service worker keeps too', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await waitUntil(() => controlled(page), { timeoutMs: 20_000, message: 'service worker controlling the page' });
    await api.put(page, TYPE, { title: 'sealed', text: 'Kept behind a passphrase, offline too.' });
    await profile.context.setOffline(true);
    await lockedVault(page, 'a lantern in the window', { enter: true });
    await waitUntil(async () => {
      const v = await page.evaluate(() => window.towardTest.vaultState());
      return v.status === 'unlocked' && !v.storeOpening;
    }, { timeoutMs: 30_000, message: 'the vault opened offline, and its records read' });
    assert.equal(await page.evaluate(() => TowardKeyWork.answered), 1, 'the key was not made in the key worker');
    assert.equal((await api.list(page, TYPE))[0].body.text, 'Kept behind a passphrase, offline too.');
    await profile.context.setOffline(false);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('offline, the safety plan opens with a real Call link for each number', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    let page = await openApp(profile, server.url);
    await waitUntil(() => controlled(page), { timeoutMs: 20_000, message: 'service worker controlling the page' });
    await api.put(page, 'safety_plan.plan', {
      warningSigns: 'pacing at night',
      helpers: [{ name: 'Sam', phone: '0123 456', note: '' }],
      professionals: [{ name: 'Crisis line', phone: '0800 111', note: '' }],
    }, 'plan');
    await api.flush(page);
    await profile.context.setOffline(true);
    await reloadApp(page);
    await page.setViewportSize({ width: 1280, height: 2400 });   // the whole plan on screen: every link placed
    await openPage(page, 'safety_plan');
    await waitUntil(async () => (await page.locator('a[href^="tel:"]').count()) === 2, { message: 'two Call links, offline' });
    assert.equal(await page.locator('a[href="tel:0123456"]').getAttribute('aria-label'), 'Call Sam, 0123 456');
    await profile.context.setOffline(false);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a second build is offered calmly and, once accepted, runs with the data intact', { timeout: 120_000 }, async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-dist-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const own = await startServer({ dir: copy });
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, own.url);
    await waitUntil(() => controlled(page), { timeoutMs: 20_000, message: 'service worker controlling the page' });
    const firstBuild = await page.evaluate(() => window.towardTest.build());
    assert.match(firstBuild, /^[0-9a-f]{16}$/);

    // "Build" a second version while the first is open: a new worker and page with another build id.
    const second = 'second0000000000';
    for (const f of ['sw.js', 'index.html']) {
      const p = path.join(copy, f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(firstBuild, second));
    }
    await page.evaluate(() => window.towardTest.checkForUpdate());
    await waitUntil(() => page.evaluate(() => window.towardTest.updateReady()), { timeoutMs: 20_000, message: 'update offer' });
    // Nothing reloads by itself: the first version keeps running until the person accepts.
    await sleep(1000);
    assert.equal(await page.evaluate(() => window.towardTest.build()), firstBuild);

    await api.setSyncDelayMs(page, 600000);
    const id = await api.put(page, TYPE, { title: 'during update', text: 'written just before accepting' });
    // The offer says truly when the new version starts by itself (a reload alone does not start it), and
    // its button, pressed as a person presses it, saves and starts it.
    await waitUntil(async () => /A new version of Toward is ready\. It starts once every Toward tab is closed, or now if you like/
      .test((await page.evaluate(() => window.towardTest.drawnText())).replace(/\s+/g, ' ')), { message: 'the offer\'s words' });
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Use the new version now', exact: true }).click({ force: true });
    await reloaded;
    await waitUntil(async () => {
      try { return await page.evaluate(() => window.towardTest && window.towardTest.build()) === 'second0000000000'; } catch { return false; }
    }, { timeoutMs: 30_000, message: 'the new build running' });
    await page.evaluate(() => window.towardTest.ready());
    const got = (await api.list(page, TYPE)).find((r) => r.id === id);
    assert.ok(got, 'the record written before accepting the update is missing');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
    await own.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

// WebKit delivers a first worker's "installed" only after that worker's clients.claim() has already set
// navigator.serviceWorker.controller. This init script gives Chromium the same order (each statechange
// waits for a controller, and its handler sees the state of the moment it happened), so a first visit
// that takes the controller as a sign of "an update" shows the notice.
const WEBKIT_ORDER = () => {
  const add = ServiceWorker.prototype.addEventListener;
  ServiceWorker.prototype.addEventListener = function (type, fn, opts) {
    if (type !== 'statechange') return add.call(this, type, fn, opts);
    const worker = this;
    return add.call(this, type, (e) => {
      const then = worker.state;
      const deliver = () => {
        Object.defineProperty(worker, 'state', { get: () => then, configurable: true });
        try { fn.call(worker, e); } finally { delete worker.state; }
      };
      if (navigator.serviceWorker.controller) deliver();
      else navigator.serviceWorker.addEventListener('controllerchange', deliver, { once: true });
    }, opts);
  };
};

test('a first visit never offers "a new version", a real update does (WebKit\'s order of events)', { timeout: 120_000 }, async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-dist-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const own = await startServer({ dir: copy });
  const profile = await Profile.launch();
  try {
    await profile.context.addInitScript(WEBKIT_ORDER);
    const page = await openApp(profile, own.url);
    await waitUntil(() => controlled(page), { timeoutMs: 20_000, message: 'service worker controlling the page' });
    // The first worker has become active (and its late "installed" was delivered) by now.
    await waitUntil(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active && r.active.state === 'activated'))),
      { timeoutMs: 20_000, message: 'the first worker active' });
    await sleep(500);
    assert.equal(await page.evaluate(() => window.towardTest.updateReady()), false, 'a first visit offered an update');

    const firstBuild = await page.evaluate(() => window.towardTest.build());
    for (const f of ['sw.js', 'index.html']) {
      const p = path.join(copy, f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(firstBuild, 'third00000000000'));
    }
    await page.evaluate(() => window.towardTest.checkForUpdate());
    await waitUntil(() => page.evaluate(() => window.towardTest.updateReady()), { timeoutMs: 20_000, message: 'update offer' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
    await own.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

// WebKit answers register() only after its own first look at sw.js, so on a returning visit a check for an
// update can come while the registration is still on its way (the WebKit smoke test met this). This init
// script gives Chromium that order: the real registration is made at once, and its answer is held 8 s
// after it came. It counts the page's own asks to look at sw.js again (Chromium also looks by itself after a
// navigation, so the offer alone would not tell whether the page's check was kept).
const LATE_REGISTRATION_ANSWER = () => {
  const register = ServiceWorkerContainer.prototype.register;
  const update = ServiceWorkerRegistration.prototype.update;
  window.__registration = 'asked';
  window.__updates = 0;
  ServiceWorkerRegistration.prototype.update = function (...args) {
    window.__updates++;
    return update.apply(this, args);
  };
  ServiceWorkerContainer.prototype.register = function (...args) {
    return register.apply(this, args).then((reg) => {
      window.__registration = 'made';
      return new Promise((resolve) => setTimeout(() => { window.__registration = 'answered'; resolve(reg); }, 8000));
    });
  };
};

test('a check for an update made while the registration is still unanswered is not lost', { timeout: 120_000 }, async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-dist-'));
  fs.cpSync(DIST, copy, { recursive: true });
  const own = await startServer({ dir: copy });
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, own.url);
    await waitUntil(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active && r.active.state === 'activated'))),
      { timeoutMs: 20_000, message: 'the first worker active' });
    await profile.context.addInitScript(LATE_REGISTRATION_ANSWER);
    await reloadApp(page);
    // The returning visit's own registration has looked at sw.js (the same build), and its answer is held.
    await waitUntil(() => page.evaluate(() => window.__registration === 'made'), { timeoutMs: 20_000, message: 'the registration made' });
    const build = await page.evaluate(() => window.towardTest.build());
    for (const f of ['sw.js', 'index.html']) {
      const p = path.join(copy, f);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(build, 'late000000000000'));
    }
    assert.equal(await page.evaluate(() => window.__registration), 'made', 'the check must come before the answer');
    await page.evaluate(() => window.towardTest.checkForUpdate());
    assert.equal(await page.evaluate(() => window.__updates), 1, 'the check looked at sw.js once the registration was answered');
    await waitUntil(() => page.evaluate(() => window.towardTest.updateReady()), { timeoutMs: 20_000, message: 'update offer' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
    await own.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});

test('the manifest and every icon are valid', { timeout: 60_000 }, async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  for (const field of ['name', 'short_name', 'description', 'start_url', 'scope', 'display', 'theme_color', 'background_color']) {
    assert.ok(manifest[field], `manifest lacks ${field}`);
  }
  assert.equal(manifest.display, 'standalone');
  const purposes = new Set();
  for (const icon of manifest.icons) {
    const [w, h] = icon.sizes.split('x').map(Number);
    const size = pngSize(fs.readFileSync(path.join(DIST, icon.src)));
    assert.deepEqual(size, { width: w, height: h }, `${icon.src} is not ${icon.sizes}`);
    purposes.add(icon.purpose);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '192x192'), 'no 192 px icon');
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'any'), 'no 512 px icon');
  assert.ok(purposes.has('maskable'), 'no maskable icon');
  // The page links the manifest and a favicon, and the server answers them.
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  assert.match(html, /rel="manifest" href="manifest.webmanifest"/);
  assert.match(html, /rel="icon"/);
  for (const f of ['manifest.webmanifest', 'assets/icons/favicon-32.png', 'assets/icon.svg']) {
    const r = await fetch(new URL(f, server.url));
    assert.equal(r.status, 200, `${f} not served`);
  }
});

test('a scripted session talks to nothing but the app itself, under a strict CSP', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  const requests = [];
  profile.context.on('request', (r) => requests.push(r.url()));
  try {
    const res = await fetch(server.url);
    const csp = res.headers.get('content-security-policy');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /base-uri 'none'/);

    const page = await openApp(profile, server.url);
    await clickRole(page, 'button', '+ New entry');
    await page.locator('textarea[aria-label="Entry text"]').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('A few words, written in a scripted session.');
    await page.keyboard.press('Escape');
    const pages = (await page.evaluate(() => window.towardTest.nav())).map((i) => i.id);
    for (const id of [...pages, 'journal']) await openPage(page, id);   // every page, then back
    await api.flush(page);
    await reloadApp(page);
    assert.equal((await api.list(page, TYPE)).length, 1);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.ok(requests.length > 5, 'no requests were recorded');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
