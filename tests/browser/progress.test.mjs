// progress: the charts page renders from metrics that the journal publishes through the core, without
// errors and not blank, in both the empty state and with months of entries; a chart's numbers save
// as CSV through the browser's download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, Profile, openApp, api, sleep, assertCanvasNotBlank, openPage, press, waitUntil } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const openProgress = (page) => openPage(page, 'progress');

test('the progress page explains itself gently when there is nothing yet', { timeout: 60_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await openProgress(page);
    await assertCanvasNotBlank(page);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('months of forks draw the charts, and the mortgage saves as CSV', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.evaluate((type) => {
      const day = 86400e3, now = Date.now();
      const dirs = ['toward', 'away', 'both', 'toward', 'unsure'];
      for (let i = 0; i < 80; i++) {
        window.towardTest.put(type, { kind: 'fork', text: 'fork ' + i, timeMs: now - i * day,
          fork: { direction: dirs[i % 5], secondsStayed: 20 + i % 40, intensityAfter: 4,
                  feelings: [{ word: 'longing', intensity: 7 }] } });
      }
    }, TYPE);
    await api.flush(page);
    await openProgress(page);
    await assertCanvasNotBlank(page);
    const stats = await page.evaluate(() => window.towardTest.frameStats(true));
    assert.ok(stats.frames > 0);
    // The mortgage's CSV button, the first under its chart, found by role and name (a real click on it).
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Save these numbers (CSV)', exact: true }).first().click({ force: true });
    const file = await (await download).path();
    const csv = fs.readFileSync(file, 'utf8');
    assert.match(csv, /^week_start,toward,some_of_both,away,not_sure,principal\r\n/);
    const rows = csv.trim().split('\r\n').slice(1).map((r) => r.split(','));
    const toward = rows.reduce((n, r) => n + Number(r[1]), 0);
    assert.ok(toward >= 10, `toward moments in the CSV: ${toward}`);
    const names = await page.evaluate(() => window.towardTest.downloads().map((d) => d.name));
    assert.match(names[0], /^toward-mortgage-\d{4}-\d{2}-\d{2}\.csv$/);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('grounding: its chart and the objects chart each have their own CSV button, under them', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 2400 });   // every chart on screen at once
    await page.evaluate(() => {
      const day = 86400e3, now = Date.now();
      for (let i = 0; i < 6; i++) {
        window.towardTest.put('texture.session', { timeMs: now - i * day, objectName: i % 2 ? 'Smooth stone' : 'Wool scarf',
          plannedSeconds: 180, secondsSpent: 180, distressBefore: 70, distressAfter: 40 });
      }
    });
    await api.flush(page);
    await openProgress(page);
    const drawn = await waitUntil(async () => {
      const all = await page.evaluate(() => window.towardTest.actions());
      const g = all.find((a) => a.id === 'progress:csv:grounding');
      const o = all.find((a) => a.id === 'progress:csv:objects');
      return g && o ? { g, o } : null;
    }, { message: 'both CSV buttons drawn' });
    assert.ok(drawn.o.y > drawn.g.y + drawn.g.h * 2, `the objects' button sits under the objects chart, below the grounding one (${drawn.g.y}, ${drawn.o.y})`);
    const download = page.waitForEvent('download', { timeout: 10_000 });
    await press(page, 'progress:csv:grounding');
    const csv = fs.readFileSync(await (await download).path(), 'utf8');
    assert.match(csv, /^time_ms,object,distress_before,distress_after\r\n/);
    assert.equal(csv.trim().split('\r\n').length, 7);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
