// sync_while_busy: words typed without a pause still reach IndexedDB while the typing goes on. The editor
// hands its words to the store after a pause in typing but at the latest 3 s after the first edit
// (core/durability.h AutosaveClock), and the sync waits for a 1 s pause in changes but at most 2 s
// (kMaxWaitMs; an import or turning the vault on changes files every frame).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, api, sleep, waitUntil } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('typing that never pauses is stored while it goes on, within about five seconds', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.getByRole('button', { name: '+ New entry', exact: true }).click({ force: true });
    const area = page.locator('textarea[aria-label="Entry text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the entry text field to have focus' });
    await waitUntil(async () => (await api.state(page)).saved, { message: 'nothing waiting before the typing starts' });
    const before = (await page.evaluate(() => window.towardTest.syncTimes())).length;
    const words = 'I kept writing and did not stop to breathe, and that is all right. ';
    const start = await page.evaluate(() => performance.now());
    // One key every 250 ms for 9 s: never the pause the editor's autosave waits for.
    for (let i = 0; i < 36; i++) {
      await page.keyboard.type(words[i % words.length]);
      await sleep(250);
    }
    const end = await page.evaluate(() => performance.now());
    const during = (await page.evaluate(() => window.towardTest.syncTimes())).slice(before).filter((t) => t < end);
    assert.ok(during.length >= 1, 'at least one sync stored the words while the typing went on');
    assert.ok(during[0] - start < 6000, `the first sync came ${Math.round(during[0] - start)} ms after the first key (about 3 s + 1 s + the sync)`);
    console.log(`first sync ${Math.round(during[0] - start)} ms after the first key; ${during.length} syncs during 9 s of typing`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
