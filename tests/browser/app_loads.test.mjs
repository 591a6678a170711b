// app_loads: the page loads without errors, draws something, and does not render while idle; making its
// WebGL 2 context asks for no extension (enabling each one the browser offers took 20-35 ms of every start).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, waitReady, assertCanvasNotBlank, api, sleep } from './lib/harness.mjs';
import { assertBadRecordRefused } from './lib/engine_smoke.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('app loads, draws, reports a version and idles', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await assertCanvasNotBlank(page);

    // A record that does not read is refused in plain words, and the app goes on (cereal throws; the module
    // catches it: WebAssembly's own exceptions here, JavaScript's in the sanitizer build).
    await assertBadRecordRefused(page);

    const version = await api.version(page);
    assert.equal(typeof version, 'string', `version() returned ${typeof version}`);
    assert.ok(version.trim().length > 0, 'version() is empty');

    await sleep(1000); // settle
    const f0 = await api.framesRendered(page);
    assert.equal(typeof f0, 'number', `framesRendered() returned ${typeof f0}`);
    await sleep(3000);
    const f1 = await api.framesRendered(page);
    assert.ok(f1 - f0 <= 20, `rendered ${f1 - f0} frames during 3 idle seconds (at most 20 allowed)`);
    assert.ok(f1 >= f0, `framesRendered() went backwards: ${f0} -> ${f1}`);

    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the start asks WebGL for no extension, and still draws', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.addInitScript(() => {
      window.towardExtensionsAsked = [];
      for (const Ctx of [window.WebGL2RenderingContext, window.WebGLRenderingContext]) {
        if (!Ctx) continue;
        const ask = Ctx.prototype.getExtension;
        Ctx.prototype.getExtension = function (name) { window.towardExtensionsAsked.push(name); return ask.call(this, name); };
      }
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await waitReady(page);
    await assertCanvasNotBlank(page);
    assert.deepEqual(await page.evaluate(() => window.towardExtensionsAsked), []);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A browser that cannot compile Toward's module (one without WebAssembly's exceptions, which the module uses,
// or a damaged download), or a module that does not arrive, hears that the program did not load and that nothing
// was changed: not that Toward "stopped unexpectedly" with words to copy, for nothing was started or typed. The
// writer lock taken at the page's first line is let go, so another tab can have Toward.
for (const [what, answer] of [
  ['a module the browser cannot compile', { status: 200, contentType: 'application/wasm',
    // The right header and a code section of nonsense.
    body: Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x0a, 0x04, 0x01, 0x02, 0xff, 0xff]) }],
  ['a module that does not arrive', { status: 404, contentType: 'text/plain', body: 'not here' }],
]) {
  test(`${what}: the page says plainly that Toward could not start, nothing is written, and the lock is let go`, { timeout: 90_000 }, async () => {
    const profile = await Profile.launch();
    try {
      const page = await profile.newPage();
      await page.route('**/toward.wasm', (route) => route.fulfill(answer));
      await page.goto(server.url, { waitUntil: 'load' });
      const text = page.locator('#loading-text');
      await page.waitForFunction(() => /could not start/.test(document.getElementById('loading-text').textContent), null, { timeout: 30_000 });
      assert.match(await text.textContent(), /^Toward could not start in this browser: its program did not load\. Your words are safe: nothing was opened or changed\./);
      assert.equal(await page.locator('#crash-notice').isHidden(), true, 'no "stopped unexpectedly" notice');
      assert.equal(await page.locator('#loading-dot').isHidden(), true, 'no breathing dot: nothing is on its way');
      await sleep(500);
      const after = await page.evaluate(async () => {
        const names = (await indexedDB.databases()).map((d) => d.name);
        const files = [];
        for (const name of names.filter((n) => n.startsWith('/data') || n === 'toward-rescue')) {
          const db = await new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
          for (const s of db.objectStoreNames) {
            const n = await new Promise((res) => { const r = db.transaction(s).objectStore(s).count(); r.onsuccess = () => res(r.result); });
            if (n) files.push(`${name}/${s}: ${n}`);
          }
          db.close();
        }
        const locks = await navigator.locks.query();
        return { files, held: locks.held.map((l) => l.name) };
      });
      assert.deepEqual(after, { files: [], held: [] }, 'nothing was written, and no lock is held');
      // What the browser says about the module is for a developer's console, not the page.
      profile.errors.splice(0, profile.errors.length, ...profile.errors.filter((m) =>
        !/CompileError|could not start its module|failed to asynchronously prepare wasm|Aborted\(|404|toward\.wasm/.test(m)));
      profile.assertNoErrors();
    } finally {
      await profile.dispose();
    }
  });
}
