// unlock_opening: with a passphrase on and many records, the unlock (typed into the real field, Enter)
// reads the sealed records as the start does: what is quick at once, the rest a few milliseconds a frame
// behind the calm opening screen with its progress, no page and no write until everything is read; then
// every record, and the pages. Before, the whole store was read in the frame of the unlock (about 530 ms
// at 10,000 records), with nothing on screen moving. The test build holds the opening with
// sessionStorage 'towardTestOpenFilesPerFrame' (a few files a frame), read at start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, seedJournal, waitUntil } from './lib/harness.mjs';

const TYPE = 'journal.entry';
const N = 300;
const PASS = 'harbour light at dusk';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const count = (page) => page.evaluate((t) => window.towardTest.count(t), TYPE);
const vaultState = (page) => page.evaluate(() => window.towardTest.vaultState());
// The app in `profile` with `n` journal entries, sealed with PASS and stored.
async function sealedApp(profile, n) {
  const page = await openApp(profile, server.url);
  await seedJournal(page, n, { batch: 350, textLength: 300, prefix: 'sealed' });
  assert.ok((await page.evaluate((p) => window.towardTest.vaultEnable(p), PASS)).ok);
  await api.flush(page);
  return page;
}

test('an unlock with many records opens behind the calm screen, its progress moving, then everything', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await sealedApp(profile, N);
    await page.evaluate(() => sessionStorage.setItem('towardTestOpenFilesPerFrame', '3'));
    await reloadApp(page);
    assert.equal((await vaultState(page)).status, 'locked');

    const field = page.locator('input[type="password"][aria-label="Passphrase"]');
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    const bar = page.getByRole('progressbar', { name: 'Opening your space', exact: true });
    await bar.waitFor({ state: 'attached', timeout: 30_000 });
    assert.equal((await vaultState(page)).status, 'unlocked');
    assert.equal(await page.locator('input[type="password"]').count(), 0, 'the passphrase field is gone');
    assert.equal(await page.getByRole('tab').count(), 0, 'no page is offered before everything is read');
    assert.ok((await count(page)) < N, 'the records are read a part at a time');
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await waitUntil(async () => Number(await bar.getAttribute('aria-valuenow')) > first, { timeoutMs: 10_000, message: 'the progress moves' });
    const refused = await page.evaluate(() => {
      try { window.towardTest.put('journal.entry', { kind: 'free', title: 't', text: 'too early' }); return ''; } catch (e) { return String(e.message); }
    });
    assert.match(refused, /still opening/, 'no write while the rest is read');

    await page.getByRole('tab', { name: 'Journal', exact: true }).waitFor({ state: 'attached', timeout: 120_000 });
    assert.equal(await count(page), N, 'every record once open');
    await waitUntil(() => page.evaluate(() => Array.from(document.querySelectorAll('#a11y-live p')).some((p) => p.textContent === 'Your space is open.')),
      { message: 'the end of the opening announced' });
    assert.match(await page.evaluate(() => window.towardTest.drawnText()), /sealed/);
    const id = await api.put(page, TYPE, { kind: 'free', title: 'after unlocking', text: 'kept' });
    await api.flush(page);

    // A reload during the unlock's opening loses nothing (it only reads).
    await reloadApp(page);
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await bar.waitFor({ state: 'attached', timeout: 30_000 });
    await reloadApp(page);
    await page.evaluate(() => sessionStorage.removeItem('towardTestOpenFilesPerFrame'));
    await reloadApp(page);
    assert.ok((await page.evaluate((p) => window.towardTest.vaultUnlock(p), PASS)).ok);
    assert.equal(await count(page), N + 1, 'every record after a reload part way');
    assert.ok((await api.list(page, TYPE)).some((r) => r.id === id));
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A fresh profile with `n` sealed entries, reloaded and unlocked as a person does (typed, Enter): the unlock's
// frame (towardTest.unlockFrame) and how many entries are there once everything is open.
async function unlockTyped(n) {
  const profile = await Profile.launch();
  try {
    const page = await sealedApp(profile, n);
    await reloadApp(page);
    const field = page.locator('input[type="password"][aria-label="Passphrase"]');
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Journal', exact: true }).waitFor({ state: 'attached', timeout: 60_000 });
    const frame = await page.evaluate(() => window.towardTest.unlockFrame());
    const entries = await count(page);
    profile.assertNoErrors();
    return { frame, entries };
  } finally {
    await profile.dispose();
  }
}

// The frame that unlocks has done much before it reads (the key, the store's folders listed, the passphrase
// field taken away: 50-100 ms at 10,000 records when it also read a part). A store larger than such a frame
// could ever finish is read wholly in the tasks after it; a small one is still read there, and opens in that
// frame when it can (no opening screen that would only flash).
test('the frame that unlocks reads none of a large store (the tasks after it read it all), and what it can of a small one', { timeout: 300_000 }, async () => {
  const large = await unlockTyped(700);
  assert.deepEqual(large.frame, { openedInFrame: false, filesRead: 0 });
  assert.equal(large.entries, 700, 'every record once open');
  // (How much depends on the machine: the first records read in a page compile their code first.)
  const small = await unlockTyped(12);
  assert.ok(small.frame.openedInFrame || small.frame.filesRead > 0, `a small store is read in that frame as far as a moment goes: ${JSON.stringify(small.frame)}`);
  assert.equal(small.entries, 12);
});
