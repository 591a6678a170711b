// tests/browser/bench_journal.mjs: the journal's browser figures, in headless Chromium: the first
// frame with N journal entries, and the time from typing a search into the journal's search field to
// the frame that shows the results (an upper bound for the search itself: it includes waiting for the
// next animation frame and drawing it). Numbers never fail the run; only errors do.
//   node tests/browser/bench_journal.mjs            prints a small Markdown table (N = 10000)
//   import { benchJournal } from './bench_journal.mjs'; await benchJournal({ url, chromiumArgs, n })
// TOWARD_BENCH_JOURNAL_N overrides N when run standalone.
import { fileURLToPath } from 'node:url';
import { startServer, Profile, reloadApp, waitReady, api, seedJournal, median, sleep } from './lib/harness.mjs';

export const QUERIES = ['river', 'ZOE', 'quiet garden', 'elephant', 'bench 9999'];
const log = (...a) => console.error('[bench-journal]', ...a);

// Types `query` into the search field at once and resolves with ms until its results were drawn: the first
// frame after it that says how many were found (or that nothing matches), not "Looking through your
// entries..." (words typed just after a start wait while the rest of the entries are folded for search);
// while a search walks the entries, the list before it stays on screen. An empty query: the next frame.
// With { detail: true }: { firstFrameMs, resultsMs }.
export async function timeSearch(page, query, { detail = false } = {}) {
  const r = await page.evaluate(async (q) => {
    const el = document.querySelector('input[aria-label="Search your journal"]');
    if (!el) throw new Error('the journal search field is not on the page');
    const before = window.towardTest.framesRendered();
    const t0 = performance.now();
    let firstFrameMs = null;
    let seen = before;
    el.value = q;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      // (the drawn text only when a frame was drawn: read after every task, it took the search's own time)
      await new Promise((r) => setTimeout(r, 0));
      const drawn = window.towardTest.framesRendered();
      if (drawn > seen) {
        seen = drawn;
        const ms = performance.now() - t0;
        if (firstFrameMs === null) firstFrameMs = ms;
        const text = window.towardTest.drawnText();
        const found = !q || (/entr(?:y|ies) found|Nothing here matches/.test(text) && !text.includes('Looking through your entries'));
        if (found) return { firstFrameMs, resultsMs: ms };
      }
      if (performance.now() - t0 > 30000) throw new Error('no results drawn within 30 s after a search');
    }
  }, query);
  return detail ? r : r.resultsMs;
}

// Measures with `n` journal entries in a fresh profile. `url` is a running Toward server.
// Returns { n, firstFrameMs, firstFrames, first: {firstFrameMs, resultsMs}, search: [{query, ms}], searchMedianMs, searchMaxMs,
// worstFrameMs, worstTaskMs } (the longest frame of our code, and task beside the frames, from typing a search to its results).
export async function benchJournal({ url, chromiumArgs, n = 10000 } = {}) {
  if (chromiumArgs) log('chromiumArgs are taken from tests/browser/lib/harness.mjs (CHROMIUM_ARGS)');
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    if (n > 0) {
      const t0 = Date.now();
      await seedJournal(page, n, { batch: 500, textLength: 500, prefix: 'bench' });
      await api.flush(page);
      log(`seeded ${n} entries in ${Date.now() - t0} ms`);
    }
    const firstFrames = [];
    for (let i = 0; i < 3; i++) {
      await reloadApp(page, { timeoutMs: 120_000 });
      firstFrames.push(await api.firstFrameMs(page));
    }
    await page.locator('input[aria-label="Search your journal"]').waitFor({ state: 'attached', timeout: 10_000 });
    // At once after the start: the entries not yet folded for search are folded for it first.
    const first = await timeSearch(page, QUERIES[0], { detail: true });
    await timeSearch(page, '');
    await sleep(300);
    const search = [];
    let worstFrameMs = 0, worstTaskMs = 0;
    for (let round = 0; round < 3; round++) {
      for (const q of QUERIES) {
        await timeSearch(page, '');
        await sleep(50);
        await page.evaluate(() => window.towardTest.frameStats(true));
        search.push({ query: q, ms: await timeSearch(page, q) });
        await sleep(50);
        const st = await page.evaluate(() => window.towardTest.frameStats(false));
        worstFrameMs = Math.max(worstFrameMs, st.maxMs);
        worstTaskMs = Math.max(worstTaskMs, ...st.workSamples, 0);
      }
    }
    if (profile.errors.length) log(`WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    const ms = search.map((s) => s.ms);
    return { n, firstFrameMs: median(firstFrames), firstFrames, first, search, searchMedianMs: median(ms), searchMaxMs: Math.max(...ms), worstFrameMs, worstTaskMs };
  } finally {
    await profile.dispose();
  }
}

// A Markdown table of one benchJournal() result.
export function journalTable(r) {
  const lines = [
    `| journal, ${r.n} entries (Chromium) | ms | target |`, '|---|---:|---:|',
    `| first frame (median of 3) | ${Math.round(r.firstFrameMs)} | 1000 |`,
    `| search typed -> results drawn (median of ${r.search.length}) | ${r.searchMedianMs.toFixed(1)} | 100 |`,
    `| search typed -> results drawn (slowest) | ${r.searchMaxMs.toFixed(1)} | 100 |`,
    `| while searching: the longest frame of our code / task beside the frames | ${r.worstFrameMs.toFixed(1)} / ${r.worstTaskMs.toFixed(1)} | 16 / |`,
    `| the first search, typed at once after a start: -> its first frame / -> results drawn (the rest of the entries folded for it meanwhile) | ${r.first.firstFrameMs.toFixed(1)} / ${r.first.resultsMs.toFixed(1)} | 100 / |`,
  ];
  for (const q of QUERIES) {
    const xs = r.search.filter((s) => s.query === q).map((s) => s.ms);
    lines.push(`| search "${q}" (median of ${xs.length}) | ${median(xs).toFixed(1)} | |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    const n = Number(process.env.TOWARD_BENCH_JOURNAL_N || 10000);
    console.log(journalTable(await benchJournal({ url: server.url, n })));
  } catch (e) {
    console.error('[bench-journal] error:', e && e.stack ? e.stack : e);
    process.exitCode = 1;
  } finally {
    await server.close();
  }
}
