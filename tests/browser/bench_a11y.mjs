// tests/browser/bench_a11y.mjs: the cost of the semantics tree (core/ui/a11y.h, web/glue/a11y.js) per
// drawn frame, in headless Chromium: ending the tree (JSON), handing it over and the page's diff, on
// frames where the tree changes (the journal list scrolls, every row moves), with about 300 visible
// items (a tall window over a long journal). Numbers never fail the run; only errors do.
//   node tests/browser/bench_a11y.mjs            prints a small Markdown table
//   import { benchA11y } from './bench_a11y.mjs'; await benchA11y({ url })
import { fileURLToPath } from 'node:url';
import { startServer, Profile, waitReady, api, seedJournal, settle, sleep } from './lib/harness.mjs';

const log = (...a) => console.error('[bench-a11y]', ...a);

// Returns { items, frames, a11yMeanMs, a11yMaxMs, frameMeanMs }.
export async function benchA11y({ url, entries = 800, height = 14000 } = {}) {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height } });
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    await seedJournal(page, entries, { batch: 200, textLength: 80, prefix: 'bench' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    const items = await page.evaluate(() => document.querySelectorAll('#a11y-tree .a11y-node').length);
    log(`${items} items in the mirror`);
    await page.evaluate(() => window.towardTest.frameStats(true));
    // Scroll the list down and up: each frame moves every row, so the whole tree is diffed.
    await page.mouse.move(200, height / 2);
    for (let k = 0; k < 40; k++) {
      await page.mouse.wheel(0, k % 20 < 10 ? 120 : -120);
      await sleep(30);
    }
    await settle(page, { minFrames: 0 });
    const s = await page.evaluate(() => window.towardTest.frameStats(true));
    if (profile.errors.length) log(`WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { items, frames: s.frames, a11yMeanMs: s.a11yMeanMs, a11yMaxMs: s.a11yMaxMs, frameMeanMs: s.meanMs };
  } finally {
    await profile.dispose();
  }
}

export function a11yTable(r) {
  return [
    `| semantics tree, ${r.items} visible items, ${r.frames} scrolling frames (Chromium) | ms | target |`, '|---|---:|---:|',
    `| tree to JSON + page diff, mean per frame | ${r.a11yMeanMs.toFixed(3)} | 1 |`,
    `| tree to JSON + page diff, slowest frame | ${r.a11yMaxMs.toFixed(3)} | |`,
    `| whole frame (our code, ImGui and GL), mean | ${r.frameMeanMs.toFixed(3)} | |`,
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
