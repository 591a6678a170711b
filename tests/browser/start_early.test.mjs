// start_early: the start reads IndexedDB while the wasm module downloads (web/glue/early_read.js) and loses
// nothing doing so: the lock and the read begin before the module is ready and their result is what the app
// opens; a reload in the middle of that read opens everything afterwards; two tabs opened at once end with
// one writer, and the other reads only once it takes over; damaged files read this way are reported and
// kept byte for byte.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, waitReady, waitForApi, readyWithin, api, seedJournal, waitUntil } from './lib/harness.mjs';
import { damageProfile, assertDamageReportedAndKept } from './torture/damage.mjs';

const TYPE = 'journal.entry';
const N = 2000;
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const stats = (page) => page.evaluate(() => window.towardTest.startStats());
const count = (page) => page.evaluate((t) => window.towardTest.count(t), TYPE);
const noticeVisible = (page) => page.locator('#tab-notice').isVisible();

test('the lock and the read begin before the module is ready, and a reload during the read loses nothing', { timeout: 300_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, N, { batch: 500, textLength: 500, prefix: 'early' });
    await api.flush(page);

    await reloadApp(page);
    const s = await stats(page);
    assert.ok(s.early.lock !== undefined && s.early.read !== undefined, `the early read did not run: ${JSON.stringify(s)}`);
    // Asked for at the page's first script; its answer may come after the module is ready on a busy machine
    // (the module's download begins with the page's first requests: index.html preloads it).
    assert.ok(s.early.lockAsked < s.preRunMs, `the lock was asked for only when the module was ready: ${JSON.stringify(s)}`);
    assert.equal(await count(page), N, 'entries missing after a reload');

    // Reloads that land while the read is under way (the lock held, the read not yet done), then one that
    // finishes: every entry is there, and nothing was written by the interrupted starts.
    // The page itself looks (every 5 ms) whether the read was still under way when the lock was held: a
    // round trip from here would come too late on a busy machine. Three reloads, more until one landed.
    const landed = [];
    for (let i = 0; i < 8 && (i < 3 || !landed.some((x) => x)); i++) {
      await page.reload({ waitUntil: 'commit' });
      const seen = await page.waitForFunction(() => typeof TowardEarly === 'object' && TowardEarly.times.lock !== undefined
        && (TowardEarly.times.read === undefined ? 'during' : 'after'), null, { timeout: 30_000, polling: 5 });
      landed.push((await seen.jsonValue()) === 'during');
    }
    assert.ok(landed.some((x) => x), 'every read was done before the next reload: no reload during one was tried');
    await reloadApp(page);
    assert.equal(await count(page), N, 'entries lost after reloads during the early read');
    assert.equal((await api.state(page)).saved, true);

    // A change after that start is stored as usual, through the connection the early read opened.
    const id = await api.put(page, TYPE, { kind: 'free', title: 'after the early start', text: 'kept' });
    await api.flush(page);
    assert.equal(await page.evaluate(() => window.towardTest.lastSyncWrites()), 1, 'one save wrote more than its file');
    await reloadApp(page);
    assert.ok((await api.list(page, TYPE)).some((r) => r.id === id), 'the save after the early start was lost');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('two tabs opened at once: one writer with everything, the other reads only when it takes over', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const first = await openApp(profile, server.url);
    await seedJournal(first, 300, { batch: 300, textLength: 200, prefix: 'two' });
    await api.flush(first);
    await first.close();

    const a = await profile.newPage();
    const b = await profile.newPage();
    await Promise.all([a.goto(server.url, { waitUntil: 'commit' }), b.goto(server.url, { waitUntil: 'commit' })]);
    let writer = null, other = null;
    await waitUntil(async () => {
      for (const [p, q] of [[a, b], [b, a]]) {
        if (await readyWithin(p, 200)) { writer = p; other = q; return true; }
      }
      return false;
    }, { timeoutMs: 60_000, message: 'one of the two tabs ready' });
    await waitUntil(() => noticeVisible(other), { timeoutMs: 20_000, message: 'the other tab says Toward is open elsewhere' });
    await waitForApi(other);
    assert.equal((await api.state(writer)).writer, true);
    assert.equal((await api.state(other)).writer, false, 'both tabs claim to write');
    assert.equal(await other.evaluate(() => TowardEarly.times.read), undefined, 'the tab without the lock read IndexedDB');
    assert.equal(await count(writer), 300);

    const late = await api.put(writer, TYPE, { kind: 'free', title: 'written by the first writer', text: 'late words' });
    await api.flush(writer);
    await other.locator('#take-over').click();
    await waitReady(other, 60_000);
    assert.equal((await api.state(other)).writer, true, 'the tab that took over does not write');
    await waitUntil(async () => (await api.state(writer)).writer === false, { timeoutMs: 15_000, message: 'the first tab stepped aside' });
    assert.equal(await count(other), 301, 'the tab that took over misses entries');
    assert.ok((await api.list(other, TYPE)).some((r) => r.id === late), 'the last words of the first writer are missing');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('damaged files read by the early read are reported and kept byte for byte', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 50, { batch: 50, textLength: 200, prefix: 'damage' });
    await api.flush(page);
    const files = await damageProfile(profile, new URL(server.url).origin, 7);
    const again = await openApp(profile, server.url);
    const s = await stats(again);
    assert.ok(s.early.read !== undefined, 'the early read did not run');
    assert.equal(await count(again), 50, 'entries beside the damage are missing');
    await assertDamageReportedAndKept(again, files);
  } finally {
    await profile.dispose();
  }
});

test('when early_read.js does not arrive, the app starts its own way with everything, and saves', { timeout: 180_000 }, async () => {
  // Without the service worker, so that the page's own requests can be refused here (a worker would serve
  // the file from its cache).
  const profile = await Profile.launch(undefined, { serviceWorkers: 'block' });
  try {
    const page = await openApp(profile, server.url);
    assert.ok((await stats(page)).early.lock !== undefined, 'early_read.js did not run on a normal start');
    await seedJournal(page, 200, { batch: 200, textLength: 200, prefix: 'noearly' });
    await api.flush(page);

    await page.route('**/early_read.js', (route) => route.abort());
    await reloadApp(page);
    const s = await stats(page);
    assert.equal(s.early.lock, undefined, 'the lock was asked for by early_read.js, which was refused');
    assert.equal(await page.evaluate(() => typeof TowardEarly.takeRead), 'function', 'no stand-in for early_read.js');
    assert.equal((await api.state(page)).writer, true);
    assert.equal(await count(page), 200, 'entries missing when the start read them its own way');
    const id = await api.put(page, TYPE, { kind: 'free', title: 'without the early read', text: 'kept all the same' });
    await api.flush(page);
    await reloadApp(page);
    assert.ok((await api.list(page, TYPE)).some((r) => r.id === id), 'the save was lost');
    assert.equal(await count(page), 201);
  } finally {
    await profile.dispose();
  }
});

// early_read.js fetches and compiles the wasm module while toward.js arrives (TowardEarly.takeWasm); storage.js
// instantiates it through Module.instantiateWasm. The module is fetched once. If that compile fails (here the
// server names the module's type wrongly, so compileStreaming refuses it), the module is fetched again and
// instantiated from its bytes: the app starts and keeps what it had.
test('the module compiled at the page\'s first line is the one that runs; if that compile fails the app starts all the same', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch(undefined, { serviceWorkers: 'block' });
  try {
    const page = await openApp(profile, server.url);
    const s = await stats(page);
    assert.ok(s.early.compiled !== undefined && s.early.compiled < s.preRunMs, `the early compile did not run first: ${JSON.stringify(s)}`);
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /toward\.wasm$/.test(e.name)).length);
    assert.equal(await fetched(), 1, 'the module was fetched more than once (the preload not taken by the compile\'s fetch)');
    // Its download began with the page's first requests (index.html's preload), before early_read.js ran.
    const began = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /toward\.wasm$/.test(e.name)).startTime);
    assert.ok(began < s.early.script, `the module's download began at ${began} ms, after early_read.js began (${s.early.script} ms)`);
    const id = await api.put(page, TYPE, { kind: 'free', title: 'before', text: 'kept' });
    await api.flush(page);

    await page.route('**/toward.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: Object.assign({}, response.headers(), { 'content-type': 'application/octet-stream' }) });
    });
    await reloadApp(page);
    const t = await stats(page);
    assert.equal(t.early.compiled, undefined, 'the early compile should have been refused');
    assert.equal(await fetched(), 2, 'the module was not fetched again after the refused compile');
    assert.ok((await api.list(page, TYPE)).some((r) => r.id === id), 'the record was not there');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
