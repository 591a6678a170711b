// storage_may_vanish: where the browser gives no promise to keep Toward's data (navigator.storage absent,
// or persist() refused), the first run and Settings say so plainly, and the gentle backup reminder is on
// by default ("After a week"); the person can turn it off and that choice is kept. Where the browser
// promised (the harness grants it, as for an installed app), nothing of this appears.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, waitUntil, openPage, press, settle, clickRole } from './lib/harness.mjs';

const NOTE = 'note:storage-may-be-cleared';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const actionIds = async (page) => (await page.evaluate(() => window.towardTest.actions())).map((a) => a.id);
const reminderDays = async (page) => {
  const r = (await api.list(page, 'core.backup_state')).find((x) => x.id === 'app');
  return r ? r.body.reminderDays : null;
};

// Init scripts: the browser refuses to promise, or has no storage API at all (WebKitGTK).
const REFUSES = () => {
  const s = navigator.storage;
  s.persist = () => Promise.resolve(false);
  s.persisted = () => Promise.resolve(false);
};
const NO_STORAGE_API = () => { delete Navigator.prototype.storage; };

async function firstRunThenSettings(setup) {
  const profile = await Profile.launch();
  try {
    await profile.context.addInitScript(setup);
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 2400 });   // the whole Settings page on screen
    // The first run (nothing written yet) says so on its card.
    await waitUntil(async () => (await actionIds(page)).includes(NOTE), { timeoutMs: 20_000, message: 'the first-run note' });
    assert.equal(await reminderDays(page), null, 'nothing is written before the person writes');

    // Once there is something to keep, the reminder is on by default.
    await api.put(page, 'journal.entry', { title: 'first', text: 'Something worth keeping.' });
    await api.flush(page);
    await waitUntil(async () => (await reminderDays(page)) === 7, { timeoutMs: 20_000, message: 'the reminder on, after a week' });

    // Settings says it too, and the person can turn the reminder off.
    await openPage(page, 'settings');
    await waitUntil(async () => (await actionIds(page)).includes(NOTE), { timeoutMs: 30_000, message: 'the note in Settings' });
    await press(page, 'settings:reminder-0');
    await waitUntil(async () => (await reminderDays(page)) === 0, { timeoutMs: 30_000, message: '"No reminder" chosen' });
    await api.flush(page);

    // Their choice is kept: a new session does not turn it on again.
    await reloadApp(page);
    await api.put(page, 'journal.entry', { title: 'second', text: 'More words.' });
    await api.flush(page);
    await waitUntil(() => page.evaluate(() => window.towardTest.storageHealth().mayVanish), { timeoutMs: 30_000, message: 'no promise again' });
    await settle(page, { minFrames: 2 });
    assert.equal(await reminderDays(page), 0);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
}

test('persist() refused: the first run and Settings say the browser may clear it, the reminder is on', { timeout: 120_000 }, async () => {
  await firstRunThenSettings(REFUSES);
});

test('no navigator.storage: the first run and Settings say so, the reminder is on', { timeout: 120_000 }, async () => {
  await firstRunThenSettings(NO_STORAGE_API);
});

test('where the browser promised to keep the data, no note and no reminder appear by themselves', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await waitUntil(() => page.evaluate(() => window.towardTest.storageHealth().persisted === true), { timeoutMs: 30_000, message: 'the promise' });
    assert.ok((await actionIds(page)).includes('offer:not-now'), 'the first-run card is drawn');
    assert.ok(!(await actionIds(page)).includes(NOTE));
    await api.put(page, 'journal.entry', { title: 'first', text: 'Something worth keeping.' });
    await api.flush(page);
    await settle(page, { minFrames: 2 });
    assert.equal(await page.evaluate(() => window.towardTest.storageHealth().mayVanish), false);
    assert.equal(await reminderDays(page), null);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Firefox answers persist() with a question to the person ("Allow ... to store data in persistent
// storage?"), and it came up over their first entry as they wrote it. Where asking is a question (Firefox's
// user agent here), Toward asks only from Settings' button, which says the browser will ask; elsewhere it
// asks by itself once there is something to keep (the browser decides silently).
const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const COUNT_ASKS = () => {
  const s = navigator.storage;
  window.towardPersistAsks = 0;
  s.persisted = () => Promise.resolve(false);
  s.persist = () => { window.towardPersistAsks++; return Promise.resolve(false); };
};
for (const browser of ['Firefox', 'Chromium']) {
  test(`${browser}: ${browser === 'Firefox' ? 'the browser\'s question about keeping the data comes only from Settings\' button' : 'the browser is asked to keep the data once there is something to keep'}`, { timeout: 120_000 }, async () => {
    const profile = await Profile.launch(undefined, browser === 'Firefox' ? { userAgent: FIREFOX_UA } : {});
    try {
      await profile.context.addInitScript(COUNT_ASKS);
      const page = await openApp(profile, server.url);
      await page.setViewportSize({ width: 1280, height: 2400 });   // the whole Settings page on screen
      await api.put(page, 'journal.entry', { title: 'first', text: 'Something worth keeping.' });
      await api.flush(page);
      await waitUntil(async () => (await reminderDays(page)) === 7, { timeoutMs: 20_000, message: 'the moment there is something to keep' });
      await settle(page, { minFrames: 2 });
      const asks = () => page.evaluate(() => window.towardPersistAsks);
      if (browser === 'Chromium') {
        await waitUntil(async () => (await asks()) === 1, { message: 'the browser asked by itself' });
      } else {
        assert.equal(await asks(), 0, 'the browser\'s question came up by itself');
        await openPage(page, 'settings');
        const drawn = async () => (await page.evaluate(() => window.towardTest.drawnText())).replace(/\s+/g, ' ');
        assert.match(await drawn(), /The browser will ask you whether to allow it\./);
        await clickRole(page, 'button', 'Ask the browser to keep my data');
        await waitUntil(async () => (await asks()) === 1, { message: 'the browser asked from the button' });
        await waitUntil(async () => /The browser asked, and it is not keeping that promise for now/.test(await drawn()), { message: 'what came of it' });
      }
      profile.assertNoErrors();
    } finally {
      await profile.dispose();
    }
  });
}
