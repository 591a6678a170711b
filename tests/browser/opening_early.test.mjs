// opening_early: with many records main() starts before IndexedDB's whole read has its answer
// (web/glue/early_read.js readFirst, storage.js startBeforeTheRead, RecordStore::Tree::Arriving): the first
// frame is the opening screen, drawn in the person's own look from the settings read first; nothing is taken
// for everything, nothing is written and no sync runs until the rest is in the tree; a reload while the read
// is held loses nothing; damage in the part that arrives later is reported and kept; a second tab asking to
// take over waits until the first has everything.
// The test holds the whole read (the one getAll() with no range) from an init script (lib/hold_read.js), so
// that the order of events does not depend on the machine's speed. Firefox and WebKit get the first of these
// checks in their smoke tests (lib/held_read_dist.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startServer, Profile, openApp, waitReady, api, seedJournal, waitUntil } from './lib/harness.mjs';
import { damageProfile, assertDamageReportedAndKept } from './torture/damage.mjs';

const HOLD = fileURLToPath(new URL('./lib/hold_read.js', import.meta.url));

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const count = (page) => page.evaluate((t) => window.towardTest.count(t), TYPE);

// Holds the completion of IndexedDB's whole read in every document of this page until
// window.towardReleaseRead() is called there (lib/hold_read.js).
async function holdWholeRead(page) {
  await page.addInitScript(() => { window.towardHoldRead = true; });
  await page.addInitScript({ path: HOLD });
}

// Goes to the app and waits for its first frame (not for everything to be open).
async function toFirstFrame(page, { reload = false } = {}) {
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.towardTest && window.towardTest.firstFrameMs() !== null, null, { timeout: 60_000 });
}

// How many entries IndexedDB holds, read through a connection of its own.
const storedKeys = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const open = indexedDB.open('/data');
  open.onsuccess = () => {
    const req = open.result.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').count();
    req.onsuccess = () => { open.result.close(); resolve(req.result); };
    req.onerror = () => reject(String(req.error));
  };
  open.onerror = () => reject(String(open.error));
}));

test('with many records the first frame comes before the whole read, in the person\'s look; nothing is whole or written until it is in', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const seeding = await openApp(profile, server.url);
    await seedJournal(seeding, 300, { batch: 300, textLength: 200, prefix: 'early frame' });
    await seeding.evaluate(() => window.towardTest.put('core.settings', { theme: 'dark', textPercent: 150 }, 'app'));
    await api.flush(seeding);
    const keysBefore = await storedKeys(seeding);
    await seeding.close();   // lets the writer lock go

    const page = await profile.newPage();
    await holdWholeRead(page);
    await toFirstFrame(page);
    assert.equal(await page.evaluate(() => window.towardReadHeld), true, 'the whole read was not the one held');
    const s = await page.evaluate(() => window.towardTest.startStats());
    assert.ok(s.early.firstWritten !== undefined && s.early.read === undefined, `the first frame waited for the whole read: ${JSON.stringify(s)}`);
    assert.equal(s.readWaitMs, 100, 'a start after a small read did not wait a while for its whole read');
    // The opening screen, in the person's look (dark, text at 150 %), with its way out, and nothing partial.
    await page.getByRole('heading', { name: 'Opening your space' }).waitFor({ state: 'attached', timeout: 10_000 });
    const bar = page.getByRole('progressbar', { name: 'Opening your space', exact: true });
    assert.equal(Number(await bar.getAttribute('aria-valuenow')), 0, 'the bar moved before anything was known');
    assert.match(await page.evaluate(() => window.towardTest.drawnText()), /Breathe out slowly/);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--page-bg').trim());
    const rgb = parseInt(background.slice(1), 16);
    assert.ok(((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255) < 3 * 96, `the first frame is not in the kept dark look: ${background}`);
    const heading = await page.getByRole('heading', { name: 'Opening your space' }).boundingBox();
    assert.ok(heading.height > 30, `the first frame is not in the kept text size (heading ${heading.height}px high)`);
    assert.equal(await page.getByRole('tab').count(), 0, 'pages are offered before everything is read');
    assert.equal(await count(page), 0);
    assert.equal(await page.evaluate(() => window.towardTest.openedMs()), null);
    // Time passes, a save and a flush are asked for, the page is hidden: nothing is written, nothing removed.
    const refused = await page.evaluate(() => {
      try { window.towardTest.put('journal.entry', { kind: 'free', title: 't', text: 'too early' }); return ''; } catch (e) { return String(e.message); }
    });
    assert.match(refused, /still opening/);
    await page.evaluate(() => { document.dispatchEvent(new Event('visibilitychange')); window.dispatchEvent(new Event('pagehide')); });
    await page.waitForTimeout(1500);
    assert.equal(await count(page), 0, 'entries were listed before the whole read came');
    assert.equal(await storedKeys(page), keysBefore, 'IndexedDB changed while the read was held');
    assert.equal((await page.evaluate(() => window.towardTest.syncTimes())).length, 0, 'a sync ran before the whole read came');

    await page.evaluate(() => window.towardReleaseRead());
    await waitReady(page, 120_000);
    assert.equal(await count(page), 300);
    await page.getByRole('tab', { name: 'Journal', exact: true }).waitFor({ state: 'attached' });
    assert.equal(await storedKeys(page), keysBefore, 'the opening wrote or removed files');
    assert.equal((await page.evaluate(() => window.towardTest.syncTimes())).length, 0, 'the opening synced');
    // (The first save may carry the backup reminder's default, set once the storage's health is known.)
    await api.put(page, TYPE, { kind: 'free', title: 'first after the held read', text: 'kept' });
    await api.flush(page);
    const id = await api.put(page, TYPE, { kind: 'free', title: 'after the held read', text: 'kept' });
    await api.flush(page);
    assert.equal(await page.evaluate(() => window.towardTest.lastSyncWrites()), 1, 'a save after it wrote more than its file');
    await toFirstFrame(page, { reload: true });   // held again in the new document: let go at once
    await page.evaluate(() => window.towardReleaseRead());
    await waitReady(page, 120_000);
    assert.equal(await count(page), 302);
    assert.ok((await api.list(page, TYPE)).some((r) => r.id === id), 'the save after the held read was lost');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('after a start that read many files, the next one does not wait for its whole read before its first frame', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const seeding = await openApp(profile, server.url);
    await seedJournal(seeding, 2000, { batch: 500, textLength: 100, prefix: 'many' });
    await api.flush(seeding);
    await seeding.close();
    // The first start after seeding reads them all (and waits a while for that, as it knew of no size).
    const page = await openApp(profile, server.url);
    assert.equal(await count(page), 2000);
    assert.equal(await page.evaluate(() => localStorage.getItem('toward-many')), '1', 'the read\'s size was not kept');
    await page.close();
    // The next start: straight to its opening screen, the read held (its first frame cannot have waited).
    const next = await profile.newPage();
    await holdWholeRead(next);
    await toFirstFrame(next);
    const s = await next.evaluate(() => window.towardTest.startStats());
    assert.equal(s.readWaitMs, 0, `the start waited for the whole read: ${JSON.stringify(s)}`);
    assert.ok(s.early.firstWritten !== undefined && s.early.read === undefined, 'the first frame came after the whole read');
    await next.getByRole('heading', { name: 'Opening your space' }).waitFor({ state: 'attached', timeout: 10_000 });
    await next.evaluate(() => window.towardReleaseRead());
    await waitReady(next, 120_000);
    assert.equal(await count(next), 2000, 'entries were lost starting before the read');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Once the rest is in, it is read in short tasks of its own beside the frames (App::stepOpeningTask through
// storage.js postWork, 8 ms each), so a tap on the opening screen waits for one of them: it was read at once
// when that looked quick (up to 80 ms), then in steps of up to 100 ms a frame.
test('once the whole read is in, the records are read in short tasks between the frames, and every one is there', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const n = 3000;
    const seeding = await openApp(profile, server.url);
    await seedJournal(seeding, n, { batch: 500, textLength: 500, prefix: 'in tasks' });
    await api.flush(seeding);
    await seeding.close();
    const reading = await openApp(profile, server.url);   // this start reads many files: the next draws before its read
    await reading.close();
    const page = await profile.newPage();
    await holdWholeRead(page);
    await toFirstFrame(page);
    await page.getByRole('heading', { name: 'Opening your space' }).waitFor({ state: 'attached', timeout: 10_000 });
    await page.evaluate(() => window.towardReleaseRead());
    await waitReady(page, 120_000);
    assert.equal(await count(page), n, 'entries were lost reading in tasks');
    const tasks = (await page.evaluate(() => window.towardTest.frameStats(false))).workSamples;
    assert.ok(Array.isArray(tasks) && tasks.length >= 3, `read in ${tasks && tasks.length} tasks`);
    const sorted = tasks.slice().sort((a, b) => a - b);
    assert.ok(sorted[Math.floor(sorted.length / 2)] < 16, `the tasks took ${tasks.map(Math.round).join(', ')} ms`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('reloads while the whole read is held lose nothing, and damage in the part that arrives later is reported and kept', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const seeding = await openApp(profile, server.url);
    await seedJournal(seeding, 80, { batch: 80, textLength: 200, prefix: 'held' });
    await api.flush(seeding);
    const files = await damageProfile(profile, new URL(server.url).origin, 23);
    const page = await profile.newPage();
    await holdWholeRead(page);
    await toFirstFrame(page);
    for (let i = 0; i < 3; i++) {
      await toFirstFrame(page, { reload: true });
      assert.equal(await page.evaluate(() => window.towardTest.openedMs()), null, 'the store was open at the first frame');
    }
    await page.evaluate(() => window.towardReleaseRead());
    await waitReady(page, 120_000);
    assert.equal(await count(page), 80, 'entries beside the damage are missing');
    await assertDamageReportedAndKept(page, files);
  } finally {
    await profile.dispose();
  }
});

test('a second tab asking to take over while the first waits for its read gets everything, once the first has it', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const seeding = await openApp(profile, server.url);
    await seedJournal(seeding, 150, { batch: 150, textLength: 200, prefix: 'two tabs held' });
    await api.flush(seeding);
    await seeding.close();
    const a = await profile.newPage();
    await holdWholeRead(a);
    await toFirstFrame(a);
    const b = await profile.newPage();
    await b.goto(server.url, { waitUntil: 'commit' });
    await waitUntil(() => b.locator('#tab-notice').isVisible(), { timeoutMs: 30_000, message: 'the second tab says Toward is open elsewhere' });
    await b.locator('#take-over').click();
    await b.waitForTimeout(1000);
    assert.equal((await api.state(a)).writer, true, 'the first tab stepped aside before it had everything');
    await a.evaluate(() => window.towardReleaseRead());
    await waitReady(b, 60_000);
    assert.equal((await api.state(b)).writer, true, 'the tab that took over does not write');
    assert.equal(await count(b), 150, 'the tab that took over misses entries');
    await waitUntil(async () => (await api.state(a)).writer === false, { timeoutMs: 15_000, message: 'the first tab stepped aside' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
