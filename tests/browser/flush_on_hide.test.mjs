// flush_on_hide: a pending change is saved when the page is hidden (visibilitychange or pagehide),
// without anyone calling flush(), and survives the browser being killed right after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, api, waitUntil } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const hideBy = {
  visibilitychange: () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  },
  pagehide: () => {
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
  },
};

for (const [name, hide] of Object.entries(hideBy)) {
  test(`a pending change is saved on ${name} and survives a browser kill`, { timeout: 90_000 }, async () => {
    const profile = await Profile.launch();
    try {
      let page = await openApp(profile, server.url);
      await api.setSyncDelayMs(page, 600000);
      const text = `saved on ${name}`;
      const id = await api.put(page, TYPE, { title: name, text });
      const st = await api.state(page);
      assert.equal(st.saved, false, `state().saved right after put (sync delay 600 s): ${JSON.stringify(st)}`);

      await page.evaluate(hide);
      const t0 = Date.now();
      await waitUntil(async () => (await api.state(page)).saved === true,
        { timeoutMs: 2000, intervalMs: 25, message: `state().saved === true after ${name}` })
        .catch(async (e) => { throw new Error(`${e.message}; state: ${JSON.stringify(await api.state(page))}`); });
      const savedAfterMs = Date.now() - t0;

      const how = await profile.crash();
      await profile.relaunch();
      page = await openApp(profile, server.url);
      const got = (await api.list(page, TYPE)).find((r) => r.id === id);
      assert.ok(got, `record missing after browser ${how} (saved ${savedAfterMs} ms after ${name})`);
      assert.equal(got.body.text, text);
      profile.assertNoErrors();
    } finally {
      await profile.dispose();
    }
  });
}
