// tests/browser/bench.mjs: Toward's benchmark (run through ./scripts/bench). For N = 0, 1000, 10000
// journal records in a fresh profile it measures first interactive frame, one-record save cost,
// idle frames, and download size, and prints a Markdown table. Numbers never fail the run;
// only errors do.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, startServer, Profile, reloadApp, waitReady, api, seedJournal, sleep, median } from './lib/harness.mjs';

const SIZES = (process.env.TOWARD_BENCH_SIZES || '0,1000,10000').split(',').map(Number);
const TEXT_LENGTH = 500;
const log = (...a) => console.error('[bench]', ...a);

async function benchOne(server, n) {
  const profile = await Profile.launch();
  try {
    // (d) download: everything the first (cold) load fetches over the network, including what the
    // service worker precaches. Context-level events also see the service worker's own requests;
    // responses the service worker answers from its cache are skipped, and each URL counts once.
    const page = await profile.newPage();
    const bodies = [];
    const onResponse = (res) => {
      if (res.fromServiceWorker()) return;
      bodies.push(res.body().then((b) => ({ url: res.url(), b }), () => null));
    };
    profile.context.on('response', onResponse);
    await page.goto(server.url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    await sleep(2000); // let the service worker finish precaching
    profile.context.off('response', onResponse);
    const byUrl = new Map();
    for (const r of (await Promise.all(bodies)).filter(Boolean)) {
      if (!byUrl.has(r.url) || byUrl.get(r.url).length < r.b.length) byUrl.set(r.url, r.b);
    }
    let raw = 0, gz = 0;
    const parts = [];
    for (const [url, body] of byUrl) {
      // Playwright cannot always read the bodies of the service worker's own fetches; those files
      // are served straight from the dist directory, so read them from there.
      let b = body;
      if (b.length === 0) {
        let rel = decodeURIComponent(new URL(url).pathname);
        if (rel.endsWith('/')) rel += 'index.html';
        const file = path.join(DIST, rel);
        if (file.startsWith(DIST + path.sep) && fs.existsSync(file)) b = fs.readFileSync(file);
      }
      const g = zlib.gzipSync(b, { level: 9 }).length;
      raw += b.length; gz += g;
      parts.push(`${new URL(url).pathname} ${b.length}/${g}`);
    }
    log(`N=${n}: downloaded ${byUrl.size} files (raw/gzip bytes): ${parts.join(', ')}`);

    // Seed.
    const t0 = Date.now();
    if (n > 0) {
      await seedJournal(page, n, { batch: 500, textLength: TEXT_LENGTH, prefix: 'bench' });
      await api.flush(page);
    }
    log(`N=${n}: seeded in ${Date.now() - t0} ms`);

    // (a) first interactive frame, median of 3 reloads.
    const firstFrames = [];
    for (let i = 0; i < 3; i++) {
      await reloadApp(page, { timeoutMs: 120_000 });
      firstFrames.push(await api.firstFrameMs(page));
    }
    const listed = (await api.list(page, 'journal.entry')).length;
    if (listed !== n) throw new Error(`N=${n}: after reload the app lists ${listed} journal records`);

    // (b) one record durable: put + flush, median of 5.
    const saves = [];
    let writes = null;
    for (let i = 0; i < 5; i++) {
      saves.push(await page.evaluate(async (i2) => {
        const t = performance.now();
        window.towardTest.put('journal.entry', { kind: 'free', title: `timed ${i2}`, text: 'one record to save '.repeat(26) });
        await window.towardTest.flush();
        return performance.now() - t;
      }, i));
      writes = await api.lastSyncWrites(page);
    }

    // (c) frames during 10 idle seconds.
    await sleep(1000);
    const f0 = await api.framesRendered(page);
    await sleep(10_000);
    const idleFrames = (await api.framesRendered(page)) - f0;

    if (profile.errors.length) log(`N=${n}: WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { n, firstFrame: median(firstFrames), firstFrames, save: median(saves), writes, idleFrames, raw, gz };
  } finally {
    await profile.dispose();
  }
}

const fmtMs = (x) => `${Math.round(x)} ms`;
const fmtBytes = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);

async function main() {
  const server = await startServer();
  const rows = [];
  try {
    for (const n of SIZES) {
      log(`N=${n} ...`);
      rows.push(await benchOne(server, n));
    }
  } finally {
    await server.close();
  }
  const lines = [
    '| records | first frame (median of 3) | one-record save (median of 5) | files written by that save | frames in 10 idle s | download gzip -9 | download raw |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(`| ${r.n} | ${fmtMs(r.firstFrame)} | ${fmtMs(r.save)} | ${r.writes} | ${r.idleFrames} | ${fmtBytes(r.gz)} | ${fmtBytes(r.raw)} |`);
  }
  lines.push('', 'Targets: first frame with 10,000 records within 1000 ms; one-record save touches 1 file;',
    'at most 20 frames in 10 idle seconds; download under 1.5 MB gzipped.');
  const big = rows.find((r) => r.n === 10000);
  const verdicts = [];
  if (big) verdicts.push(`first frame @10k: ${big.firstFrame <= 1000 ? 'met' : 'MISSED'}`);
  verdicts.push(`1 file per save: ${rows.every((r) => r.writes === 1) ? 'met' : 'MISSED'}`);
  verdicts.push(`idle frames: ${rows.every((r) => r.idleFrames <= 20) ? 'met' : 'MISSED'}`);
  verdicts.push(`download: ${rows.every((r) => r.gz < 1.5 * 1048576) ? 'met' : 'MISSED'}`);
  lines.push('', verdicts.join('; '));
  console.log(lines.join('\n'));
}

main().catch((e) => { console.error('[bench] error:', e && e.stack ? e.stack : e); process.exit(1); });
