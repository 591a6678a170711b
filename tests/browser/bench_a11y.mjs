// tests/browser/bench_a11y.mjs: the cost of the semantics tree (core/ui/a11y.h, a11y_delta.h, web/glue/a11y.js)
// per drawn frame, in headless Chromium, on frames where the tree changes (the journal list scrolls: every
// row moves) with at least 300 visible items (a tall window over a long journal, text at 80 %). The same scrolling is
// measured with the tree on and with it off (the floor), twice each, in the same page; the mirror's style
// and layout are worked out inside the measured time (towardTest.a11yEnabled's flushLayout), and the
// hooks' cost while ImGui draws shows in the whole frame's difference. The median is the figure to read on
// a busy machine (a frame the system preempts lands in the mean and the tail); the load average is printed.
// Numbers never fail the run; only errors do.
//   node tests/browser/bench_a11y.mjs            prints a small Markdown table
//   import { benchA11y } from './bench_a11y.mjs'; await benchA11y({ url })
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer, Profile, waitReady, seedJournal, settle, sleep, api } from './lib/harness.mjs';

const log = (...a) => console.error('[bench-a11y]', ...a);

// The same wheel turns each time over the journal's list (x 455): down 12 notches, up 12, twice.
async function scrollOnce(page, height) {
  await page.mouse.move(455, height / 2);
  for (let k = 0; k < 48; k++) {
    await page.mouse.wheel(0, k % 24 < 12 ? 120 : -120);
    await sleep(30);
  }
  await settle(page, { minFrames: 0 });
}

// frameStats of the scrolling frames, plus the mirror's catch-up once they stop (moved nodes are placed
// when the page stops moving: web/glue/a11y.js placeStale), as `catchUp` [ms each time].
async function measure(page, height, treeOn) {
  await page.evaluate((on) => window.towardTest.a11yEnabled(on, true), treeOn);
  await settle(page, { minFrames: 0, quietMs: 300 });
  await page.evaluate(() => { window.towardTest.frameStats(true); TowardGlue.a11y.settled = []; });
  await scrollOnce(page, height);
  await sleep(200);
  const stats = await page.evaluate(() => window.towardTest.frameStats(true));
  stats.catchUp = await page.evaluate(() => TowardGlue.a11y.settled.slice());
  return stats;
}

// Returns { items, on: frameStats, off: frameStats } (tree on, tree off), each the later of two runs.
export async function benchA11y({ url, entries = 900, height = 16000 } = {}) {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height } });
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    await seedJournal(page, entries, { batch: 300, textLength: 80, prefix: 'bench' });
    // The smallest text size (80 %): more rows fit, so more items are visible at once.
    await api.put(page, 'core.settings', { textPercent: 80 }, 'app');
    await settle(page, { minFrames: 0, quietMs: 300 });
    const items = await page.evaluate(() => document.querySelectorAll('#a11y-tree .a11y-node').length);
    log(`${items} items in the mirror`);
    const runs = [];
    for (const on of [true, false, true, false]) runs.push(await measure(page, height, on));
    if (profile.errors.length) log(`WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { items, on: runs[2], off: runs[3], load: os.loadavg().map((l) => l.toFixed(2)).join(' ') };
  } finally {
    await profile.dispose();
  }
}

export function a11yTable(r) {
  const f = (v) => v.toFixed(3);
  const c = r.on.catchUp;
  const catchUp = c.length ? `${c.length} time(s), ${f(c.reduce((a, b) => a + b, 0) / c.length)} ms mean, ${f(Math.max(...c))} ms worst` : 'none';
  return [
    `| semantics tree, ${r.items} visible items, ${r.on.frames} scrolling frames (Chromium), load ${r.load} | median ms | mean ms | p95 ms | worst ms | target |`,
    '|---|---:|---:|---:|---:|---:|',
    `| tree to page (delta, diff, the mirror's style and layout) | ${f(r.on.a11yMedianMs)} | ${f(r.on.a11yMeanMs)} | ${f(r.on.a11yP95Ms)} | ${f(r.on.a11yMaxMs)} | 1 |`,
    `| whole frame, tree on | ${f(r.on.medianMs)} | ${f(r.on.meanMs)} | ${f(r.on.p95Ms)} | ${f(r.on.maxMs)} | |`,
    `| whole frame, tree off (floor, ${r.off.frames} frames) | ${f(r.off.medianMs)} | ${f(r.off.meanMs)} | ${f(r.off.p95Ms)} | ${f(r.off.maxMs)} | |`,
    `| tree on / floor (median), and the difference | ${(r.on.medianMs / r.off.medianMs).toFixed(2)}x | ${f(r.on.medianMs - r.off.medianMs)} ms | | | |`,
    `| once scrolling stops: moved nodes placed (outside frames) | ${catchUp} | | | | |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    console.log(a11yTable(await benchA11y({ url: server.url })));
  } catch (e) {
    console.error('[bench-a11y] error:', e && e.stack ? e.stack : e);
    process.exitCode = 1;
  } finally {
    await server.close();
  }
}
