// webkit.smoke: the engine smoke checks (lib/engine_smoke.mjs) in WebKitGTK (Debian's webkit2gtk-driver:
// WebKitWebDriver and its MiniBrowser, driven by selenium-webdriver), under Xvfb (scripts/test runs it
// with xvfb-run in the "other engines" layer). WebDriver sessions keep no data and report no console, so
// the browser restart and WebKit's own console run in engines/webkit_profile.py (PyGObject WebKit2 on a
// persistent data directory).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Builder, By, Key } from 'selenium-webdriver';
import os from 'node:os';
import { DIST, startServer, makeUserDataDir, waitUntil, sleep } from './lib/harness.mjs';
import { ready, assertDrawn, assertEarlyModuleAndFont, putRecord, recordText, controlled, copyHolds, assertVaultSealsAndOpens, assertKeyWorkerScrypt, assertFileInParts, assertBadRecordRefused, assertQuietFramesKeepPicture } from './lib/engine_smoke.mjs';
import { heldReadDist, assertStartBeforeWholeRead, seedEntries } from './lib/held_read_dist.mjs';

const DRIVER = '/usr/bin/WebKitWebDriver';
// Debian puts MiniBrowser under the multiarch library folder (x86_64-linux-gnu, aarch64-linux-gnu, ...).
const MINIBROWSER = fs.readdirSync('/usr/lib').map((d) => `/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`)
  .find((f) => fs.existsSync(f)) || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const PROFILE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engines/webkit_profile.py');
// WebKit reports the viewport key interactive-widget as unknown. It stays in index.html: Chrome and
// Firefox on Android use it to shrink the page above the on-screen keyboard, so fields stay in view.
// Every other console message fails the check.
const KNOWN = [/Viewport argument key "interactive-widget" not recognized and ignored\.$/];

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// WebKitWebDriver + MiniBrowser through selenium-webdriver (lib/engine_smoke.mjs's adapter).
class MiniBrowser {
  async launch() {
    const port = await freePort();
    this.driverProcess = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore' });
    await waitUntil(() => new Promise((r) => { const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); }).on('error', () => r(false)); }),
      { timeoutMs: 10_000, message: 'WebKitWebDriver listening' });
    this.driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
      browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
    this.version = (await this.driver.getCapabilities()).get('browserVersion');
  }
  async open(url) { await this.driver.get(url); await ready(this); }
  async reload() { await this.driver.navigate().refresh(); await ready(this); }
  async evaluate(expr) {
    const r = await this.driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${expr})).then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e) }));`);
    if (r && r.e) throw new Error(r.e);
    return r.v;
  }
  async screenshot() { return Buffer.from(await this.driver.takeScreenshot(), 'base64'); }
  errors() { return []; }   // WebDriver classic reports no console: webkit_profile.py reads it
  async close() {
    await this.driver?.quit().catch(() => undefined);
    this.driverProcess?.kill();
  }
}

// WebKit on a persistent data directory (engines/webkit_profile.py): quit and start again keep the data.
class WebKitProfile {
  constructor(dataDir) { this.dataDir = dataDir; this.console = []; }
  launch() {
    this.child = spawn('/usr/bin/python3', [PROFILE_SCRIPT, this.dataDir, '1280', '800'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.waiting = [];
    let buf = '';
    const onLine = (line) => {
      if (line.startsWith('@@ ')) { const w = this.waiting.shift(); if (w) w(JSON.parse(line.slice(3))); }
      else if (line.trim()) this.console.push(line.trim());
    };
    this.child.stdout.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) { onLine(buf.slice(0, i)); buf = buf.slice(i + 1); }
    });
    this.child.stderr.on('data', (d) => { this.stderr = (this.stderr || '') + d; });
  }
  command(line, timeoutMs = 60_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`webkit_profile.py gave no answer to "${line.slice(0, 60)}" (stderr: ${this.stderr || ''})`)), timeoutMs);
      this.waiting.push((r) => { clearTimeout(timer); if (r.error) reject(new Error(r.error)); else resolve(r.value); });
      this.child.stdin.write(line.replace(/\n/g, ' ') + '\n');
    });
  }
  async open(url) { await this.command(`open ${url}`); await ready(this); }
  evaluate(expr) { return this.command(`eval ${expr}`); }
  errors() { return this.console.filter((m) => !KNOWN.some((k) => k.test(m))); }
  async quit() {
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.command('quit').catch(() => undefined);
    await Promise.race([exited, sleep(10_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

test('WebKitGTK (MiniBrowser via WebKitWebDriver): loads, draws, keeps records across a reload and offline, and the vault seals and opens them', { timeout: 300_000 }, async () => {
  const server = await startServer();
  const mb = new MiniBrowser();
  try {
    await mb.launch();
    console.log(`WebKitGTK ${mb.version}`);
    await mb.open(server.url);
    const drawn = await assertDrawn(mb);
    await assertEarlyModuleAndFont(mb);
    await assertQuietFramesKeepPicture(mb);
    console.log(`WebKitGTK drew ${drawn.width}x${drawn.height}, ${drawn.distinct} colours`);
    const id = await putRecord(mb, 'Kept in WebKit.');
    assert.equal(await copyHolds(mb, id), true, 'the second copy holds the record');
    await mb.reload();
    assert.equal(await recordText(mb, id), 'Kept in WebKit.', 'after a reload');
    await waitUntil(() => controlled(mb), { timeoutMs: 30_000, message: 'the service worker controlling the page' });
    assert.equal(await mb.evaluate('window.towardTest.updateReady()'), false, 'a first visit offered an update');
    await server.close();                          // offline: only the service worker can answer now
    await mb.reload();
    assert.equal(await recordText(mb, id), 'Kept in WebKit.', 'after an offline reload');
    assert.equal(await controlled(mb), true);
    await assertDrawn(mb);
    await assertVaultSealsAndOpens(mb, id, 'Kept in WebKit.');
    await assertKeyWorkerScrypt(mb);
    await assertFileInParts(mb);
    await assertBadRecordRefused(mb);
  } finally {
    await mb.close();
    await server.close();
  }
});

test('WebKitGTK on a kept data directory: no console messages, no update offer on first visits, records survive a restart, a real update is offered', { timeout: 300_000 }, async () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-dist-'));   // a second build is made in it
  fs.cpSync(DIST, copy, { recursive: true });
  const server = await startServer({ dir: copy });
  const dirs = [copy];
  try {
    // A first visit in a fresh profile, three times (the update notice came in 3 of 5 before).
    for (let visit = 0; visit < 3; visit++) {
      const dir = makeUserDataDir();
      dirs.push(dir);
      const wk = new WebKitProfile(dir);
      wk.launch();
      try {
        await wk.open(server.url);
        await waitUntil(() => controlled(wk), { timeoutMs: 30_000, message: 'the service worker controlling the page' });
        await waitUntil(() => wk.evaluate(`navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active && r.active.state === 'activated'))`),
          { timeoutMs: 30_000, message: 'the worker active' });
        await sleep(500);
        assert.equal(await wk.evaluate('window.towardTest.updateReady()'), false, `first visit ${visit + 1} offered an update`);
        if (visit === 0) {
          const id = await putRecord(wk, 'Kept across a restart.');
          await wk.quit();
          wk.launch();
          await wk.open(server.url);
          assert.equal(await recordText(wk, id), 'Kept across a restart.', 'after WebKit restarted');
          // A real update (another build id, as pwa.test.mjs makes one) is offered.
          const build = await wk.evaluate('window.towardTest.build()');
          for (const f of ['sw.js', 'index.html']) {
            const p = path.join(copy, f);
            fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll(build, 'webkit0000000000'));
          }
          await wk.evaluate('window.towardTest.checkForUpdate().then(() => true)');
          await waitUntil(() => wk.evaluate('window.towardTest.updateReady()'), { timeoutMs: 30_000, message: 'the update offer' });
          for (const f of ['sw.js', 'index.html']) {   // the next first visits get the first build again
            const p = path.join(copy, f);
            fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replaceAll('webkit0000000000', build));
          }
        }
        assert.deepEqual(wk.errors(), [], `WebKit's console:\n${wk.errors().join('\n')}`);
      } finally {
        await wk.quit();
      }
    }
  } finally {
    await server.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});

// The semantics mirror (web/glue/a11y.js) in WebKit: the first page's tabs and buttons are there by role
// and name as WebKit computes them (WebDriver's computed role and label), and a real click on a button
// found so (WebDriver actions: WebKit's own pointer input, through the invisible mirror to the canvas)
// presses it exactly once; Shift+Tab goes back through the text fields; Enter on a focused tab selects its page.
test('WebKitGTK: the first page is found by role and name, a real click on a control presses it once, Shift+Tab walks back through the fields', { timeout: 180_000 }, async () => {
  const server = await startServer();
  const mb = new MiniBrowser();
  const entries = () => mb.evaluate(`window.towardTest.count('journal.entry')`);
  // Every element of the mirror with `role`, as WebKit names it: [{ el, name }].
  const byRole = async (role) => {
    const els = await mb.driver.findElements(By.css(`#a11y-tree [role="${role}"]`));
    const out = [];
    for (const el of els) {
      assert.equal(await el.getAriaRole(), role, 'the role WebKit computes');
      out.push({ el, name: await el.getAccessibleName() });
    }
    return out;
  };
  try {
    await mb.launch();
    await mb.open(server.url);
    await assertDrawn(mb);
    await waitUntil(async () => (await byRole('tab')).some((t) => t.name === 'Journal'), { timeoutMs: 20_000, message: 'the Journal tab' });
    const tabs = (await byRole('tab')).map((t) => t.name);
    for (const name of ['Letters', 'Texture box', 'Progress', 'Settings']) assert.ok(tabs.includes(name), `the tab "${name}" in ${JSON.stringify(tabs)}`);
    const buttons = await byRole('button');
    assert.ok(buttons.some((b) => b.name === 'A feeling is here'), `"A feeling is here" in ${JSON.stringify(buttons.map((b) => b.name))}`);
    const button = buttons.find((b) => b.name === '+ New entry');
    assert.ok(button, 'the button "+ New entry"');

    const n0 = await entries();
    // At the middle of its element (WebDriver will not aim at an element the pointer passes through).
    const r = await mb.evaluate(`(() => { const b = Array.from(document.querySelectorAll('#a11y-tree [role="button"]'))
      .find((e) => e.textContent === '+ New entry').getBoundingClientRect(); return { x: b.x, y: b.y, width: b.width, height: b.height }; })()`);
    await mb.driver.actions({ async: true }).move({ x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) }).click().perform();
    await waitUntil(async () => (await entries()) === n0 + 1, { timeoutMs: 15_000, message: 'one new entry after a click' });
    await sleep(1000);
    assert.equal(await entries(), n0 + 1, 'one click, one entry');
    // Shift+Tab from the new entry's text goes back to its title. WebKitGTK reports Shift+Tab with the key
    // "Unidentified" (its code is "Tab"): a11y.js took only "Tab", and WebKit's own order skipped every field.
    const focused = () => mb.evaluate(`document.activeElement.getAttribute('aria-label')`);
    await waitUntil(async () => (await focused()) === 'Entry text', { timeoutMs: 15_000, message: 'the new entry\'s text focused' });
    await mb.driver.actions({ async: true }).keyDown(Key.SHIFT).keyDown(Key.TAB).keyUp(Key.TAB).keyUp(Key.SHIFT).perform();
    await waitUntil(async () => (await focused()) === 'Title', { timeoutMs: 15_000, message: 'Shift+Tab from the text to reach the title' })
      .catch(async (e) => { throw new Error(`${e.message} (focused: ${await focused()})`); });
    // Enter on a focused tab (WebKit's own key input) selects its page.
    await mb.evaluate(`(Array.from(document.querySelectorAll('#a11y-tree [role="tab"]')).find((t) => t.textContent === 'Letters').focus(), true)`);
    await mb.driver.actions({ async: true }).keyDown(Key.ENTER).keyUp(Key.ENTER).perform();
    await waitUntil(() => mb.evaluate(`document.activeElement.getAttribute('aria-selected') === 'true'`),
      { timeoutMs: 15_000, message: 'Letters selected after Enter' });
  } finally {
    await mb.close();
    await server.close();
  }
});

// The start before IndexedDB's whole read is in (web/glue/storage.js startBeforeTheRead): the first frame,
// nothing listed, then everything (lib/held_read_dist.mjs holds the read).
test('WebKitGTK: with many records the first frame comes before the whole read, and everything is there once it is in', { timeout: 180_000 }, async () => {
  const dist = heldReadDist();
  const server = await startServer({ dir: dist });
  const mb = new MiniBrowser();
  try {
    await mb.launch();
    await mb.open(server.url);
    await seedEntries(mb, 120);
    await assertStartBeforeWholeRead(mb, () => mb.driver.navigate().refresh(), 120);
    await assertDrawn(mb);
  } finally {
    await mb.close();
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
