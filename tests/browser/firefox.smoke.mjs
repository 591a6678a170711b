// firefox.smoke: the engine smoke checks (lib/engine_smoke.mjs) in Firefox ESR (Debian's firefox-esr),
// driven by puppeteer-core over WebDriver BiDi, with a window (run under xvfb-run: headless Firefox has
// no WebGL here). scripts/test runs it in the "other engines" layer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { startServer, makeUserDataDir } from './lib/harness.mjs';
import { ready, assertDrawn, assertEarlyModuleAndFont, putRecord, recordText, controlled, copyHolds, assertNoErrors, assertVaultSealsAndOpens, assertKeyWorkerScrypt, assertFileInParts, assertBadRecordRefused, assertQuietFramesKeepPicture } from './lib/engine_smoke.mjs';
import { waitUntil, sleep } from './lib/harness.mjs';
import { heldReadDist, assertStartBeforeWholeRead, seedEntries } from './lib/held_read_dist.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// The adapter lib/engine_smoke.mjs drives.
class Firefox {
  constructor(userDataDir, { headless = false } = {}) { this.userDataDir = userDataDir; this.headless = headless; this.seen = []; }
  async launch() {
    this.browser = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: this.headless, userDataDir: this.userDataDir,
      defaultViewport: { width: 1280, height: 720 }, args: ['--width=1280', '--height=800'],
      // Service workers on the plain-http loopback origin (a secure context) are allowed by default.
      extraPrefsFirefox: { 'browser.shell.checkDefaultBrowser': false },
      // Headless and without a display (as on a server), Firefox has no WebGL at all.
      env: this.headless ? { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' } : process.env,
    });
    const pages = await this.browser.pages();
    this.page = pages[0] || await this.browser.newPage();
    this.page.on('console', (m) => { if (m.type() === 'error') this.seen.push(`console.error: ${m.text()}`); });
    this.page.on('pageerror', (e) => this.seen.push(`pageerror: ${e && e.message}`));
  }
  async open(url) { this.url = url; await this.page.goto(url, { waitUntil: 'load', timeout: 60_000 }); await ready(this); }
  async reload() { await this.page.reload({ waitUntil: 'load', timeout: 60_000 }); await ready(this); }
  evaluate(expr) { return this.page.evaluate(expr); }
  async screenshot() { return Buffer.from(await this.page.screenshot({ type: 'png' })); }
  errors() { return this.seen; }
  async restart({ loseIndexedDB = false } = {}) {
    await this.browser.close();
    // As a browser that found its IndexedDB store damaged at open: it starts again without it.
    if (loseIndexedDB) {
      const root = path.join(this.userDataDir, 'storage', 'default');
      for (const origin of fs.readdirSync(root)) fs.rmSync(path.join(root, origin, 'idb'), { recursive: true, force: true });
    }
    await this.launch();
    await this.open(this.url);
  }
  async close() { await this.browser?.close().catch(() => undefined); }
}

// Waits for the service worker to control the page. A page loaded while the worker was still installing
// is claimed when it activates (sw.js: clients.claim()); once in a CI run Firefox left the reloaded page
// unclaimed for 30 s with the worker active (an engine race: the next visit is controlled). So after 15 s
// the worker's state is logged and the page is loaded once more, as a person's next visit would be.
async function controlledSoon(ff) {
  try {
    await waitUntil(() => controlled(ff), { timeoutMs: 15_000, message: 'the service worker controlling the page' });
    return;
  } catch (e) {
    const state = await ff.evaluate(`navigator.serviceWorker.getRegistration().then((r) => r ? JSON.stringify({
      installing: !!r.installing, waiting: !!r.waiting, active: r.active ? r.active.state : null }) : 'no registration')`);
    console.log(`Firefox: the page was not controlled after 15 s (${state}); loading it once more`);
  }
  await ff.reload();
  await waitUntil(() => controlled(ff), { timeoutMs: 30_000, message: 'the service worker controlling the page after another visit' });
}

test(`Firefox ESR (${execFileSync(FIREFOX, ['--version']).toString().trim()}): loads, draws, keeps records across reload, restart (its IndexedDB store lost) and offline, and the vault seals and opens them`, { timeout: 300_000 }, async () => {
  const dir = makeUserDataDir();
  const ff = new Firefox(dir);
  try {
    await ff.launch();
    await ff.open(server.url);
    const drawn = await assertDrawn(ff);
    await assertEarlyModuleAndFont(ff);
    await assertQuietFramesKeepPicture(ff);
    console.log(`Firefox drew ${drawn.width}x${drawn.height}, ${drawn.distinct} colours`);
    assert.equal(await ff.evaluate(`window.towardTest.updateReady()`), false, 'a first visit offered an update');
    const id = await putRecord(ff, 'Kept in Firefox.');
    await ff.reload();
    assert.equal(await recordText(ff, id), 'Kept in Firefox.', 'after a reload');
    await controlledSoon(ff);
    assert.equal(await copyHolds(ff, id), true, 'the second copy holds the record');
    await ff.restart({ loseIndexedDB: true });
    assert.equal(await recordText(ff, id), 'Kept in Firefox.', 'after the browser restarted without its IndexedDB store');
    assert.ok(await ff.evaluate('window.towardTest.secondCopyRestored()') > 0, 'it came back from the second copy');
    await assertDrawn(ff);
    await server.close();                         // offline: only the service worker can answer now
    await ff.reload();
    assert.equal(await recordText(ff, id), 'Kept in Firefox.', 'after an offline reload');
    assert.equal(await controlled(ff), true);
    await assertDrawn(ff);
    await assertVaultSealsAndOpens(ff, id, 'Kept in Firefox.');
    await assertKeyWorkerScrypt(ff);
    await assertFileInParts(ff);
    await assertBadRecordRefused(ff);
    assertNoErrors(ff);
  } finally {
    await ff.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Headless Firefox without a display has no WebGL at all: Toward says that it cannot draw, in its own
// plain words (it used to say that it could not open its storage).
test('headless Firefox (no WebGL): the page says plainly that it cannot draw here', { timeout: 120_000 }, async () => {
  const own = await startServer();                // the first test took the shared one away (offline)
  const dir = makeUserDataDir();
  const ff = new Firefox(dir, { headless: true });
  try {
    await ff.launch();
    await ff.page.goto(own.url, { waitUntil: 'load', timeout: 60_000 });
    const text = () => ff.evaluate(`document.getElementById('loading-text').textContent`);
    await waitUntil(async () => /WebGL 2/.test(await text()), { timeoutMs: 30_000, message: 'the message about drawing' })
      .catch(async (e) => { throw new Error(`${e.message}; the page says: ${await text()}; ${ff.errors().join(' | ')}`); });
    assert.doesNotMatch(await text(), /storage/);
    assertNoErrors(ff);
  } finally {
    await ff.close();
    await own.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The semantics mirror (web/glue/a11y.js) in Firefox: the first page's tabs and buttons are found by
// role and name through Firefox's own accessibility tree (WebDriver BiDi's accessibility locator), and
// a real click on a button found so (Firefox's own pointer input: through the invisible mirror to the
// canvas) presses it exactly once; Enter on a focused tab selects its page.
test('Firefox ESR: the first page is found by role and name, and a real click on a control presses it once', { timeout: 180_000 }, async () => {
  const own = await startServer();                // the first test took the shared one away (offline)
  const dir = makeUserDataDir();
  const ff = new Firefox(dir);
  const byRole = (role, name) => ff.page.$$(`::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`);
  const entries = () => ff.evaluate(`window.towardTest.count('journal.entry')`);
  try {
    await ff.launch();
    await ff.open(own.url);
    await assertDrawn(ff);
    await waitUntil(async () => (await byRole('tab', 'Journal')).length === 1, { timeoutMs: 20_000, message: 'the Journal tab by role and name' });
    // The mirror follows the drawn frames: on a busy machine the page's buttons may come a frame later.
    await waitUntil(async () => (await byRole('button', '+ New entry')).length === 1, { timeoutMs: 20_000, message: 'the button "+ New entry"' });
    for (const name of ['Letters', 'Texture box', 'Progress', 'Settings']) {
      assert.equal((await byRole('tab', name)).length, 1, `the tab "${name}"`);
    }
    assert.equal((await byRole('tablist', 'Pages')).length, 1, 'the tab list');
    const [button] = await byRole('button', '+ New entry');
    assert.ok(button, 'the button "+ New entry"');
    assert.ok((await byRole('button', 'A feeling is here')).length >= 1, 'the button "A feeling is here"');

    const n0 = await entries();
    await button.click();
    await waitUntil(async () => (await entries()) === n0 + 1, { timeoutMs: 15_000, message: 'one new entry after a click' });
    await sleep(1000);
    assert.equal(await entries(), n0 + 1, 'one click, one entry');
    // Enter on a focused tab (Firefox's own key input) selects its page.
    const [letters] = await byRole('tab', 'Letters');
    await letters.focus();
    await ff.page.keyboard.press('Enter');
    await waitUntil(() => ff.evaluate(`document.activeElement.getAttribute('aria-selected') === 'true'`),
      { timeoutMs: 15_000, message: 'Letters selected after Enter' });
    assertNoErrors(ff);
  } finally {
    await ff.close();
    await own.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// The start before IndexedDB's whole read is in (web/glue/storage.js startBeforeTheRead): the first frame,
// nothing listed, then everything (lib/held_read_dist.mjs holds the read).
test('Firefox ESR: with many records the first frame comes before the whole read, and everything is there once it is in', { timeout: 180_000 }, async () => {
  const dist = heldReadDist();
  const own = await startServer({ dir: dist });
  const dir = makeUserDataDir();
  const ff = new Firefox(dir);
  try {
    await ff.launch();
    await ff.open(own.url);
    await seedEntries(ff, 120);
    await assertStartBeforeWholeRead(ff, () => ff.page.reload({ waitUntil: 'load', timeout: 60_000 }), 120);
    await assertDrawn(ff);
    assertNoErrors(ff);
  } finally {
    await ff.close();
    await own.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
