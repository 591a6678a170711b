// tests/browser/bench_letters.mjs: the letters' browser figures, in headless Chromium, with a letter of
// 20,000 words open in the editor: the time our frame code takes while typing at a steady pace (with
// pauses long enough for the autosave), the time our input handler takes to hand the whole text to C++
// on each keystroke, and the files an autosave of that long letter writes. Numbers never fail the run;
// only errors do.
//   node tests/browser/bench_letters.mjs    prints a small Markdown table
import { fileURLToPath } from 'node:url';
import { startServer, Profile, openPage, waitReady, api, median, sleep, waitUntil } from './lib/harness.mjs';
import { frameTable } from './lib/frame_figures.mjs';

// Measured on main at 28b7ffc (before issue 16's one serialization per autosave), this machine.
const BEFORE = { typing: { worstMs: 36.9, medianMs: 1.9 }, autosave: { worstMs: 92.7, medianMs: 60.0 } };

const log = (...a) => console.error('[bench-letters]', ...a);
const WORDS = Number(process.env.TOWARD_BENCH_LETTER_WORDS || 20000);

// Measures in a fresh profile. `url` is a running Toward server.
export async function benchLetters({ url } = {}) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    const text = Array.from({ length: WORDS }, (_, i) => (i % 12 === 11 ? `word${i}.\n` : `word${i}`)).join(' ');
    await api.put(page, 'letters.letter', { recipientKind: 'therapist', recipientName: 'Anna', text });
    await api.flush(page);
    await openPage(page, 'letters');
    await page.getByRole('list', { name: 'Letters' }).getByRole('button').first().click({ force: true });   // the first (only) letter
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await area.click();
    await page.keyboard.press('Control+End');
    await sleep(300);

    // Typing at about 12 characters a second, in bursts with pauses that let the autosave run. After
    // each keystroke the slowest frame since the last one is read, so one slow frame is seen as one.
    await page.evaluate(() => window.towardTest.frameStats(true));
    const perKey = [];
    const pauses = [];
    let frames = 0, total = 0;
    const BURSTS = Number(process.env.TOWARD_BENCH_LETTER_BURSTS || 6);
    for (let b = 0; b < BURSTS; b++) {
      for (const ch of ` and this is burst ${b} of the words that keep coming`) {
        await page.keyboard.type(ch);
        await sleep(80);
        const s = await page.evaluate(() => window.towardTest.frameStats(true));
        frames += s.frames;
        total += s.meanMs * s.frames;
        if (s.frames) perKey.push(s.maxMs);
      }
      await sleep(2500);   // the autosave (and the sync to IndexedDB) runs in this pause
      const s = await page.evaluate(() => window.towardTest.frameStats(true));
      pauses.push(s.maxMs);
    }
    perKey.sort((a, b) => a - b);
    const typing = { frames, meanMs: total / Math.max(1, frames), maxMs: perKey[perKey.length - 1],
      p95Ms: perKey[Math.floor(perKey.length * 0.95)], over16: perKey.filter((x) => x > 16).length, intervals: perKey.length,
      autosaveMaxMs: Math.max(...pauses), autosaveMedianMs: median(pauses), pauses: pauses.length,
      typingMedianMs: median(perKey) };
    const saved = await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 10_000, message: 'saved' });
    const [letter] = await api.list(page, 'letters.letter');
    if (!letter.body.text.endsWith('that keep coming')) throw new Error('the typed words did not reach the letter');

    // The input handler alone: the whole text goes from the textarea to C++ on every keystroke.
    const inputMs = await page.evaluate(() => {
      const el = document.querySelector('textarea[aria-label="Letter text"]');
      const times = [];
      for (let i = 0; i < 40; i++) {
        el.value += 'x';
        const t0 = performance.now();
        el.dispatchEvent(new Event('input', { bubbles: true }));
        times.push(performance.now() - t0);
      }
      return times;
    });
    await sleep(2500);
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 10_000, message: 'saved again' });
    await api.flush(page);
    const writes = await api.lastSyncWrites(page);
    if (profile.errors.length) log(`WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { words: WORDS, bytes: text.length, typing, saved: !!saved, inputMedianMs: median(inputMs),
      inputMaxMs: Math.max(...inputMs), writes };
  } finally {
    await profile.dispose();
  }
}

// A Markdown table of one benchLetters() result.
export function lettersTable(r) {
  return [
    `| letters, one letter of ${r.words} words (${Math.round(r.bytes / 1024)} KB), Chromium | figure | target |`, '|---|---:|---:|',
    `| our frame code while typing (mean of ${r.typing.frames} frames) | ${r.typing.meanMs.toFixed(2)} ms | 16 ms |`,
    `| our frame code while typing (slowest frame per keystroke, 95th percentile of ${r.typing.intervals}) | ${r.typing.p95Ms.toFixed(2)} ms | 16 ms |`,
    `| our frame code while typing (slowest frame of all; keystrokes with a frame over 16 ms) | ${r.typing.maxMs.toFixed(2)} ms; ${r.typing.over16} | 16 ms; 0 |`,
    `| the slowest frame in each pause after typing (autosave and sync; median / slowest of ${r.typing.pauses}) | ${r.typing.autosaveMedianMs.toFixed(1)} / ${r.typing.autosaveMaxMs.toFixed(1)} ms | 16 ms |`,
    `| input handler: text handed to C++ per keystroke (median of 40) | ${r.inputMedianMs.toFixed(2)} ms | |`,
    `| input handler (slowest of 40) | ${r.inputMaxMs.toFixed(2)} ms | |`,
    `| files written by one autosave of that letter | ${r.writes} | 1 |`,
    '',
    frameTable([
      { label: `the autosave frame of a ${r.words}-word letter (the slowest frame of each pause after typing)`, before: BEFORE.autosave,
        now: { worstMs: r.typing.autosaveMaxMs, medianMs: r.typing.autosaveMedianMs, frames: r.typing.pauses } },
      { label: 'typing (the slowest frame of each keystroke)', before: BEFORE.typing,
        now: { worstMs: r.typing.maxMs, medianMs: r.typing.typingMedianMs, frames: r.typing.intervals } },
    ]),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    console.log(lettersTable(await benchLetters({ url: server.url })));
  } catch (e) {
    console.error('[bench-letters] error:', e && e.stack ? e.stack : e);
    process.exitCode = 1;
  } finally {
    await server.close();
  }
}
