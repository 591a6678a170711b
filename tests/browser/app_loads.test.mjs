// app_loads: the page loads without errors, draws something, and does not render while idle; making its
// WebGL 2 context asks for no extension (enabling each one the browser offers took 20-35 ms of every start).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, waitReady, assertCanvasNotBlank, api, sleep } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('app loads, draws, reports a version and idles', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await assertCanvasNotBlank(page);

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
