// fonts_start: at a start with nothing kept (a first visit) the font atlas holds Latin glyphs only, Toward's
// own words, so the first frame comes sooner (core/ui/fonts.h ui::Glyphs); the whole atlas (Greek,
// Cyrillic, Latin Extended) follows by itself after a quiet second, or at once when something is kept or
// typed, so that a person's own words are never drawn with missing glyphs. The page's own opening screen, before
// the app draws, comes in the colours and text size chosen in Toward (kept in localStorage by storage.js). The
// page's words share the canvas's font bytes: one download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, reloadApp, waitReady, api, waitUntil, SLOWDOWN } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const glyphs = (page) => page.evaluate(() => window.towardTest.fontGlyphs());

test('a first visit starts with Latin glyphs and has every script a second later, with no input', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.towardTest && window.towardTest.firstFrameMs() !== null, null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => window.towardTest.firstFrameFontGlyphs()), 'latin', 'the first visit built every glyph before its first frame');
    // (The whole atlas is built only inside a frame: a frame was drawn for it, with no input.)
    await waitUntil(async () => (await glyphs(page)) === 'everything', { timeoutMs: 5_000 * SLOWDOWN, message: 'the whole atlas after a quiet second' });
    // The page's own words are in the canvas's font, from the same bytes: the font was downloaded once.
    const font = await page.evaluate(() => ({
      downloads: performance.getEntriesByType('resource').filter((e) => /NotoSans-Regular\.ttf$/.test(e.name)).length,
      pageFont: document.fonts.check('16px "Toward Sans"') && Array.from(document.fonts).some((f) => f.family.replace(/"/g, '') === 'Toward Sans' && f.status === 'loaded'),
    }));
    assert.deepEqual(font, { downloads: 1, pageFont: true });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('something kept before a quiet second makes the atlas whole at once; a start with something kept has every script', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    // No quiet second comes in this test (the test build's quiet time, ten minutes): only what is kept can
    // make the atlas whole.
    await page.addInitScript(() => { sessionStorage.setItem('towardTestQuietMs', '600000'); });
    await page.goto(server.url, { waitUntil: 'commit' });
    await waitReady(page);
    assert.equal(await glyphs(page), 'latin');
    await api.put(page, 'journal.entry', { kind: 'free', title: 'Тихо', text: 'Слова, которые остаются.' });
    await waitUntil(async () => (await glyphs(page)) === 'everything', { timeoutMs: 2_000 * SLOWDOWN, intervalMs: 20, message: 'the whole atlas once something is kept' });
    await api.flush(page);
    await reloadApp(page);
    assert.equal(await glyphs(page), 'everything', 'a start with something kept drew Latin glyphs only');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the page\'s own "Opening your space..." comes in the colours and text size chosen in Toward', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await waitReady(page);
    const lookAtFirstPaint = () => page.evaluate(() => ({
      look: document.documentElement.getAttribute('data-look'),
      bg: getComputedStyle(document.getElementById('loading')).backgroundColor,
      size: parseFloat(getComputedStyle(document.getElementById('loading-text')).fontSize),
    }));
    await page.reload({ waitUntil: 'domcontentloaded' });
    const before = await lookAtFirstPaint();
    assert.equal(before.look, null, 'a look was kept before any was chosen');
    await waitReady(page);
    // The look is kept for the next start only once the settings are stored: while IndexedDB refuses
    // every put, a reload would read the old look (and the opening screen would be in the wrong one).
    await page.evaluate(() => {
      window.__put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () { throw new DOMException('refused for this test', 'DataError'); };
    });
    await page.evaluate(() => window.towardTest.put('core.settings', { theme: 'dark', textPercent: 150 }, 'app'));
    await page.evaluate(() => window.towardTest.flush().then(() => 'saved', () => 'not saved'));
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => localStorage.getItem('toward-look')), 'system 100', 'a look not yet stored was kept');
    await page.evaluate(() => { IDBObjectStore.prototype.put = window.__put; });
    await api.flush(page);
    await waitUntil(() => page.evaluate(() => localStorage.getItem('toward-look') === 'dark 150'), { message: 'the look kept for the next start' });
    await page.reload({ waitUntil: 'domcontentloaded' });
    const after = await lookAtFirstPaint();
    assert.equal(after.look, 'dark');
    const [r, g, b] = after.bg.match(/\d+/g).map(Number);
    assert.ok(r + g + b < 3 * 96, `the opening screen is not dark: ${after.bg}`);
    assert.ok(after.size > before.size * 1.4, `the opening screen's words are not larger: ${before.size} -> ${after.size}px`);
    await waitReady(page);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
