// tests/browser/bench_progress.mjs: the progress page's browser figures, in headless Chromium: about
// five years of daily journal use (forks with feelings, about 20,000 metric events) is seeded, the
// charts page is opened (the frames from the click until the charts are drawn: gathering the metric
// events a few ms a frame, then the aggregation), and the mouse sweeps across the charts so that every
// frame does real work (tooltips, hover columns). Prints our frame code's worst and median time per
// frame (towardTest.frameStats: ImGui build plus GL submission) next to the 16 ms target and the figures
// before issue 16's metrics cache. Numbers never fail the run; only errors do.
//   node tests/browser/bench_progress.mjs      prints a small Markdown table
import { fileURLToPath } from 'node:url';
import { startServer, Profile, waitReady, api, sleep, openPage, waitUntil } from './lib/harness.mjs';
import { frameTable, fromStats } from './lib/frame_figures.mjs';

// Measured on main at 28b7ffc (before the metrics cache), this machine.
const BEFORE = { opening: { worstMs: 71.6, medianMs: 4.7 }, sweep: { worstMs: 20.9, medianMs: 2.2 } };

const log = (...a) => console.error('[bench-progress]', ...a);

export async function benchProgress({ url, days = 5 * 365 } = {}) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    const t0 = Date.now();
    const events = await page.evaluate((n) => {
      const day = 86400e3, now = Date.now();
      const dirs = ['toward', 'away', 'both', 'toward', 'unsure', 'toward'];
      const words = ['longing', 'ashamed', 'lonely', 'calm', 'afraid', 'glad', 'hurt', 'numb'];
      let count = 0;
      for (let i = 0; i < n; i++) {
        const feelings = [0, 1, 2, 3, 4, 5].map((k) => ({ word: words[(i + k) % 8], intensity: (i + k) % 11 }));
        window.towardTest.put('journal.entry', { kind: 'fork', text: 'A day ' + i + ' of slow work, written down.',
          timeMs: now - i * day, fork: { direction: dirs[i % 6], secondsStayed: 10 + (i * 7) % 120,
            intensityAfter: i % 11, feelings } });
        count += 2 + feelings.length + 2;  // fork, words, feelings, and a second entry's words below
        window.towardTest.put('journal.entry', { kind: 'free', text: 'Evening note ' + i, timeMs: now - i * day + 3600e3 });
      }
      return count;
    }, days);
    await api.flush(page);
    log(`seeded ${days * 2} entries (about ${events} metric events) in ${Date.now() - t0} ms`);

    await page.evaluate(() => window.towardTest.frameStats(true));
    await openPage(page, 'progress');
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.drawnText())).includes('The mortgage'),
      { timeoutMs: 60_000, intervalMs: 20, message: 'the charts drawn' });
    const opening = await page.evaluate(() => window.towardTest.frameStats(true));
    for (let pass = 0; pass < 3; pass++) {
      for (let x = 300; x < 1250; x += 25) {
        await page.mouse.move(x, 380);
        await sleep(16);
      }
    }
    const sweep = await page.evaluate(() => window.towardTest.frameStats(true));
    return { days, events, openingMaxMs: opening.maxMs, opening: fromStats(opening), sweep: fromStats(sweep),
      frames: sweep.frames, meanMs: sweep.meanMs, maxMs: sweep.maxMs };
  } finally {
    await profile.dispose();
  }
}

export function progressTable(r) {
  return [
    `About ${r.events} metric events.`,
    '',
    frameTable([
      { label: 'opening the page (from the click until the charts are drawn)', before: BEFORE.opening, now: r.opening },
      { label: 'hovering over the charts', before: BEFORE.sweep, now: r.sweep },
    ]),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    console.log(progressTable(await benchProgress({ url: server.url })));
  } finally {
    await server.close();
  }
}
