// tests/browser/bench.mjs: Toward's foundation benchmark (run through ./scripts/bench), in headless Chromium.
// Next to Toward it measures, in the same run and browser, what Toward cannot beat (tests/bench/floor,
// built by `./scripts/build bench-floor`): the floor app (an empty Dear ImGui + SDL2 + IDBFS app on the
// same toolchain and flags) and a bare IndexedDB read of N record-sized entries with one getAll(). Toward's
// start-up figures are printed as ratios to them, next to the milliseconds: ratios are what we compare
// across machines. The bare read is measured again with the entries packed 1,000 to a record (PACKED_FILES).
// Every start is "navigation to ready" (performance.now() at the first frame drawn with the person's data,
// or when the bare read has its entries), the median of 5:
//   - first visit: 5 fresh profiles each (floor, Toward with no records): nothing cached;
//   - return: 5 reloads of one profile (what a person who comes back meets).
// For N journal entries of 500 characters (TOWARD_BENCH_SIZES, default 0,10000,50000) in a fresh profile
// it measures the return start, one-record save (put until durable in IndexedDB) beside its floor (a bare
// one-put strict transaction in the same page) and the files it writes, idle frames, the wasm
// heap (HEAP8.length) and the JS heap (CDP Runtime.getHeapUsage), search typed-to-drawn at the largest N,
// and the download size. Numbers never fail the run; only errors do.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, ROOT, startServer, Profile, reloadApp, waitReady, api, seedJournal, sleep, median } from './lib/harness.mjs';
import { timeSearch, QUERIES } from './bench_journal.mjs';

const SIZES = (process.env.TOWARD_BENCH_SIZES || '0,10000,50000').split(',').map(Number);
const RUNS = Number(process.env.TOWARD_BENCH_RUNS || 5);
const TEXT_LENGTH = 500;
const FLOOR_DIST = process.env.TOWARD_FLOOR_DIST ? path.resolve(process.env.TOWARD_FLOOR_DIST)
  : path.join(ROOT, 'build/web-test/bench-floor');
const log = (...a) => console.error('[bench]', ...a);
// The bare read is measured a second time with the same files packed this many to an IndexedDB record
// (tests/bench/floor/bare_read.js ?packed=): not what Toward does (IDBFS keeps one record a file), printed
// beside the start so that the figures say what fewer, larger records would buy.
const PACKED_FILES = 1000;

// ------------------------------------------------------------------ the floor and the bare read
async function waitFor(page, expr, timeoutMs = 120_000) {
  const h = await page.waitForFunction(expr, null, { timeout: timeoutMs, polling: 20 });
  return h.jsonValue();
}
const floorReady = (page) => waitFor(page, () => window.floorFirstFrameMs);
const bareReady = (page) => waitFor(page, () => window.bareReadError || (window.bareReadMs !== undefined && window.bareReadMs));

async function floorFirstVisit(floorUrl) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const profile = await Profile.launch();
    try {
      const page = await profile.newPage();
      await page.goto(floorUrl, { waitUntil: 'load', timeout: 60_000 });
      times.push(await floorReady(page));
    } finally {
      await profile.dispose();
    }
  }
  return times;
}

async function reloads(page, ready, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.reload({ waitUntil: 'load', timeout: 120_000 });
    times.push(await ready(page));
  }
  return times;
}

async function floorReturn(floorUrl) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(floorUrl, { waitUntil: 'load', timeout: 60_000 });
    await floorReady(page);
    return await reloads(page, floorReady);
  } finally {
    await profile.dispose();
  }
}

// The bare read of `n` entries, each a copy of `template` (a record file of Toward's, its id as @ID@): the
// times from navigation, and the read's own (from the page's script to every entry read).
async function bareRead(bareUrl, n, template) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(bareUrl, { waitUntil: 'load', timeout: 60_000 });
    await bareReady(page);
    await page.evaluate(([count, text]) => window.bareSeed(count, text), [n, template]);
    const own = [];
    const times = await reloads(page, async (pg) => {
      const readyMs = await bareReady(pg);
      const { count, error, ownMs } = await pg.evaluate(() =>
        ({ count: window.bareReadCount, error: window.bareReadError, ownMs: window.bareReadMs - window.bareScriptMs }));
      if (error || count !== n) throw new Error(`bare read: ${error || `${count} entries read, ${n} expected`}`);
      own.push(ownMs);
      return readyMs;
    });
    return { times, own };
  } finally {
    await profile.dispose();
  }
}

// ------------------------------------------------------------------ Toward
async function towardFirstVisit(url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const profile = await Profile.launch();
    try {
      const page = await profile.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await waitReady(page, 60_000);
      times.push(await api.firstFrameMs(page));
    } finally {
      await profile.dispose();
    }
  }
  return times;
}

// Everything the first (cold) load fetches over the network, including what the service worker
// precaches (each URL once; responses the worker answers from its cache are skipped).
async function downloadSize(profile, page, url) {
  const bodies = [];
  const onResponse = (res) => {
    if (res.fromServiceWorker()) return;
    bodies.push(res.body().then((b) => ({ url: res.url(), b }), () => null));
  };
  profile.context.on('response', onResponse);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitReady(page, 60_000);
  await sleep(2000); // let the service worker finish precaching
  profile.context.off('response', onResponse);
  const byUrl = new Map();
  for (const r of (await Promise.all(bodies)).filter(Boolean)) {
    if (!byUrl.has(r.url) || byUrl.get(r.url).length < r.b.length) byUrl.set(r.url, r.b);
  }
  let raw = 0, gz = 0;
  for (const [u, body] of byUrl) {
    // Playwright cannot always read the bodies of the service worker's own fetches: read them from dist.
    let b = body;
    if (b.length === 0) {
      let rel = decodeURIComponent(new URL(u).pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.join(DIST, rel);
      if (file.startsWith(DIST + path.sep) && fs.existsSync(file)) b = fs.readFileSync(file);
    }
    raw += b.length; gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return { raw, gz };
}

// One journal record file as IndexedDB holds it, its id replaced by @ID@ (the bare read's template).
function recordTemplate(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(String(open.error));
    open.onsuccess = () => {
      const prefix = '/data/records/journal.entry/';
      const req = open.result.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA')
        .openCursor(IDBKeyRange.bound(prefix, prefix + '\uffff'));
      req.onsuccess = () => {
        const c = req.result;
        if (!c) { reject(new Error('no journal record in IndexedDB')); return; }
        const id = c.key.slice(prefix.length, -'.json'.length);
        const text = new TextDecoder().decode(c.value.contents);
        open.result.close();
        resolve(text.split(id).join('@ID@'));
      };
      req.onerror = () => reject(String(req.error));
    };
  }));
}

async function heap(page, cdp) {
  const wasm = await page.evaluate(() => Module.HEAP8.length);
  const js = await cdp.send('Runtime.getHeapUsage');
  return { wasm, js: js.usedSize };
}

async function benchRecords(url, n, { search }) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    const download = n === SIZES[0] ? await downloadSize(profile, page, url) : null;
    if (!download) {
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      await waitReady(page, 60_000);
    }
    const t0 = Date.now();
    if (n > 0) {
      await seedJournal(page, n, { batch: 500, textLength: TEXT_LENGTH, prefix: 'bench' });
      await api.flush(page);
    }
    log(`N=${n}: seeded in ${Date.now() - t0} ms`);
    const template = n > 0 ? await recordTemplate(page) : null;

    // Return start, median of RUNS reloads.
    const firstFrames = [], openeds = [], steps = [];
    for (let i = 0; i < RUNS; i++) {
      await reloadApp(page, { timeoutMs: 180_000 });
      firstFrames.push(await api.firstFrameMs(page));
      openeds.push(await page.evaluate(() => window.towardTest.openedMs()));
      steps.push(await page.evaluate(() => window.towardTest.startStats()));
    }
    const listed = await page.evaluate(() => window.towardTest.count('journal.entry'));
    if (listed !== n) throw new Error(`N=${n}: after reload the app has ${listed} journal records`);
    const cdp = await profile.context.newCDPSession(page);
    const heapAfterStart = await heap(page, cdp);

    // The first save after the start, timed on its own: the second copy is being brought in step then (its
    // index is read: at 50,000 files that takes seconds, and a save used to wait for it).
    const firstSave = await page.evaluate(async () => {
      const t = performance.now();
      window.towardTest.put('journal.entry', { kind: 'free', title: 'first', text: 'one record to save '.repeat(26) });
      await window.towardTest.flush();
      return performance.now() - t;
    });
    // Then, once the copy is in step (its index read one shard at a time, in the background: saves and
    // frames meanwhile share the machine with it), one record durable: put + flush, median of RUNS, with a
    // pause before each.
    const copyInStepAt = await page.evaluate(async () => { await window.towardTest.secondCopyInStep(); return performance.now(); });
    const saves = [];
    let writes = null;
    await page.evaluate(() => window.towardTest.frameStats(true));   // our frames during the saves, from here
    for (let i = 0; i < RUNS; i++) {
      await sleep(300);
      saves.push(await page.evaluate(async (i2) => {
        const t = performance.now();
        window.towardTest.put('journal.entry', { kind: 'free', title: `timed ${i2}`, text: 'one record to save '.repeat(26) });
        await window.towardTest.flush();
        return performance.now() - t;
      }, i));
      writes = await api.lastSyncWrites(page);
    }
    const saveFrames = await page.evaluate(() => window.towardTest.frameStats(true));
    const copyProblem = await page.evaluate(() => window.towardTest.secondCopyProblem());

    // Its floor, in the same page and run: a bare one-put readwrite transaction (strict durability, as every
    // sync of Toward's: "complete" once on disk, not once in the system's buffers) of a record-sized value (in
    // a database of its own, deleted afterwards) until it completes, median of RUNS.
    const saveFloors = await page.evaluate(async (runs) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('toward-bench-save-floor', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('files');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const contents = new Uint8Array(900).fill(97), times = [];
      for (let i = 0; i < runs; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const t = performance.now();
        await new Promise((resolve, reject) => {
          const tx = db.transaction(['files'], 'readwrite', { durability: 'strict' });   // as Toward's sync
          tx.objectStore('files').put({ contents, timestamp: new Date(), mode: 33206 }, '/data/records/floor/' + i);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
          if (tx.commit) tx.commit();
        });
        times.push(performance.now() - t);
      }
      db.close();
      await new Promise((resolve) => { const d = indexedDB.deleteDatabase('toward-bench-save-floor'); d.onsuccess = resolve; d.onerror = resolve; });
      return times;
    }, RUNS);

    let searchMs = null;
    if (search) {
      await page.locator('input[aria-label="Search your journal"]').waitFor({ state: 'attached', timeout: 10_000 });
      await sleep(300);
      const xs = [];
      for (const q of QUERIES) {
        await timeSearch(page, '');
        await sleep(50);
        xs.push(await timeSearch(page, q));
        await sleep(50);
      }
      await timeSearch(page, '');
      searchMs = { median: median(xs), max: Math.max(...xs) };
    }

    // Frames during 10 idle seconds.
    await sleep(1000);
    const f0 = await api.framesRendered(page);
    await sleep(10_000);
    const idleFrames = (await api.framesRendered(page)) - f0;

    if (profile.errors.length) log(`N=${n}: WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { n, firstFrame: median(firstFrames), firstFrames, opened: median(openeds), openeds, steps: startSteps(steps), firstSave, copyInStepAt, save: median(saves), saves, saveWorstFrame: saveFrames.maxMs, copyProblem, saveFloor: median(saveFloors), saveFloors,
      writes, idleFrames, download, heap: heapAfterStart, searchMs, template };
  } finally {
    await profile.dispose();
  }
}

// Where a return start goes: each step's median time (ms from navigation) over the reloads, in the order they
// happen (towardTest.startStats(): the lock, the IndexedDB read, the tree, the module ready, C++'s steps).
function startSteps(stats) {
  const names = ['lock', 'opened', 'first', 'firstWritten', 'read', 'treeWritten', 'preRun', 'mainEntered', 'glReady', 'storeOpened', 'storeLoaded',
    'modelsMade', 'started', 'fontsBuilt', 'firstFrame', 'everythingOpen'];
  const at = (s, name) => (name === 'preRun' ? s.preRunMs : name === 'started' ? s.startedMs : name === 'firstFrame' ? s.firstFrameMs
    : name === 'everythingOpen' ? s.openedMs : s.early[name]);
  return names.map((name) => [name, median(stats.map((s) => at(s, name)).filter((x) => typeof x === 'number'))])
    .filter(([, t]) => Number.isFinite(t)).sort((a, b) => a[1] - b[1]);
}

// ------------------------------------------------------------------ the table
const ms = (x) => `${Math.round(x)} ms`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const ratio = (x, base) => `${(x / base).toFixed(2)}x`;
const verdict = (ok) => (ok ? 'met' : 'not yet met');

async function main() {
  if (!fs.existsSync(path.join(FLOOR_DIST, 'floor.js'))) throw new Error(`${FLOOR_DIST}/floor.js is missing: run ./scripts/build bench-floor`);
  const server = await startServer();
  const floorServer = await startServer({ dir: FLOOR_DIST });
  const floorUrl = floorServer.url + 'index.html', bareUrl = floorServer.url + 'bare_read.html';
  const rows = [], bare = new Map(), bareOwn = new Map(), packed = new Map();
  let floor, towardCold;
  try {
    log('floor, first visits ...');
    const floorCold = await floorFirstVisit(floorUrl);
    log('floor, returns ...');
    const floorWarm = await floorReturn(floorUrl);
    floor = { cold: median(floorCold), warm: median(floorWarm), colds: floorCold, warms: floorWarm };
    log(`floor: first visit ${floorCold.map(Math.round)}, return ${floorWarm.map(Math.round)}`);
    log('Toward with no records, first visits ...');
    const colds = await towardFirstVisit(server.url);
    towardCold = median(colds);
    log(`Toward first visit: ${colds.map(Math.round)}`);
    for (const n of SIZES) {
      log(`N=${n} ...`);
      const r = await benchRecords(server.url, n, { search: n === Math.max(...SIZES) && n > 0 });
      log(`N=${n}: first frames ${r.firstFrames.map(Math.round)}, everything open ${r.openeds.map(Math.round)}, saves ${r.saves.map(Math.round)}, bare one-put ${r.saveFloors.map((x) => x.toFixed(1))}`);
      rows.push(r);
      if (n > 0) {
        const plain = await bareRead(bareUrl, n, r.template);
        bare.set(n, median(plain.times));
        bareOwn.set(n, median(plain.own));
        log(`bare read of ${n}: ${plain.times.map(Math.round)} (the read itself ${plain.own.map(Math.round)})`);
        const inPacks = await bareRead(`${bareUrl}?packed=${PACKED_FILES}`, n, r.template);
        packed.set(n, { times: median(inPacks.times), own: median(inPacks.own) });
        log(`bare read of ${n}, packed ${PACKED_FILES} to a record: ${inPacks.times.map(Math.round)} (the read itself ${inPacks.own.map(Math.round)})`);
      }
    }
  } finally {
    await server.close();
    await floorServer.close();
  }

  const lines = [
    `Floor (empty Dear ImGui + SDL2 + IDBFS app, same toolchain): first visit ${ms(floor.cold)}, return ${ms(floor.warm)}.`,
    '',
    '| start (median of 5, navigation to ready) | Toward | floor or bare read | ratio | target |',
    '|---|---:|---:|---:|---|',
    `| first visit, no records (fresh profiles) | ${ms(towardCold)} | floor ${ms(floor.cold)} | ${ratio(towardCold, floor.cold)} | 1.15x: ${verdict(towardCold <= 1.15 * floor.cold)} |`,
  ];
  for (const r of rows) {
    if (r.n === 0) {
      lines.push(`| return, no records | ${ms(r.firstFrame)} | floor ${ms(floor.warm)} | ${ratio(r.firstFrame, floor.warm)} | 1.15x: ${verdict(r.firstFrame <= 1.15 * floor.warm)} |`);
      continue;
    }
    const b = bare.get(r.n), base = Math.max(floor.warm, b);
    const label = `return, ${r.n.toLocaleString('en')} entries of ${TEXT_LENGTH} characters`;
    // The first frame is the opening screen when the store opens behind it (web/app.cpp); "everything open" is
    // the first frame with every record read (towardTest.openedMs, what ready() waits for).
    const target = r.n <= 10000 ? (x) => `1.3x: ${verdict(x <= 1.3 * base)}` : (x) => `2.5 s: ${verdict(x <= 2500)}`;
    lines.push(`| ${label}: first frame | ${ms(r.firstFrame)} | max(floor, bare read ${ms(b)}) ${ms(base)} | ${ratio(r.firstFrame, base)} | ${target(r.firstFrame)} |`);
    lines.push(`| ${label}: everything open | ${ms(r.opened)} | ${ms(base)} | ${ratio(r.opened, base)} | ${target(r.opened)} |`);
    const p = packed.get(r.n), own = bareOwn.get(r.n);
    lines.push(`| (not Toward, not navigation to ready) the bare read's own time, from its script to every entry read | | ${ms(own)} | | |`);
    lines.push(`| (not Toward) the same files kept ${PACKED_FILES.toLocaleString('en')} to an IndexedDB record: from navigation / its own time | | ${ms(p.times)} / ${ms(p.own)} | ${ratio(p.times, b)} / ${ratio(p.own, own)} of the bare read's | |`);
  }
  lines.push('', '| records | first save after a start | one-record save, put until durable (median of 5) | floor: a bare one-put transaction, same page | ratio | files written by it | worst frame of our code while saving | second copy | frames in 10 idle s | wasm heap | JS heap | search typed -> drawn (median / slowest) |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const r of rows) {
    const search = r.searchMs ? `${r.searchMs.median.toFixed(0)} / ${r.searchMs.max.toFixed(0)} ms` : '';
    lines.push(`| ${r.n.toLocaleString('en')} | ${ms(r.firstSave)} | ${r.save.toFixed(1)} ms | ${r.saveFloor.toFixed(1)} ms | ${ratio(r.save, r.saveFloor)} | ${r.writes} | ${r.saveWorstFrame.toFixed(1)} ms | ${r.copyProblem ? 'problem: ' + r.copyProblem : 'kept, in step ' + (r.copyInStepAt / 1000).toFixed(1) + ' s after navigation'} | ${r.idleFrames} | ${mb(r.heap.wasm)} | ${mb(r.heap.js)} | ${search} |`);
  }
  lines.push('', 'Where a return start goes (median ms from navigation to each step, towardTest.startStats()):');
  for (const r of rows) lines.push(`- ${r.n.toLocaleString('en')} records: ${r.steps.map(([name, t]) => `${name} ${Math.round(t)}`).join(', ')}`);
  const dl = rows.find((r) => r.download);
  if (dl) lines.push('', `Download (first visit, everything fetched): ${(dl.download.gz / 1024).toFixed(0)} KB gzip -9, ${mb(dl.download.raw)} raw.`);
  const at10k = rows.find((r) => r.n === 10000), big = rows.find((r) => r.searchMs);
  lines.push('', 'With many records the first frame is the opening screen (its progress, things that need no screen, the',
    'safety plan when kept readable), drawn from the settings read first ("first", "firstWritten") while IndexedDB\'s',
    'whole read goes on, and the store is read behind it; "everything open" is the first frame with every record read.', '', 'Targets: first visit and return with no records within 1.15x the floor; 10,000 entries within 1.3x',
    'max(floor, bare read); 50,000 entries within 2.5 s and search under 100 ms; one-record save within 50 ms at',
    '10,000 records and 1 file; at most 20 frames in 10 idle s; download under 1.5 MB gzipped.');
  const verdicts = [];
  if (at10k) verdicts.push(`save @10k: ${verdict(at10k.save <= 50)}`);
  if (big) verdicts.push(`search @${big.n}: ${verdict(big.searchMs.median < 100)}`);
  verdicts.push(`1 file per save: ${verdict(rows.every((r) => r.writes === 1))}`);
  verdicts.push(`idle frames: ${verdict(rows.every((r) => r.idleFrames <= 20))}`);
  if (dl) verdicts.push(`download: ${verdict(dl.download.gz < 1.5 * 1048576)}`);
  lines.push('', verdicts.join('; '));
  console.log(lines.join('\n'));
}

main().catch((e) => { console.error('[bench] error:', e && e.stack ? e.stack : e); process.exit(1); });
