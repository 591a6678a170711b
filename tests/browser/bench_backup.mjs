// bench_backup.mjs: how long backups take in headless Chromium with 10,000 journal records (~10 MB of
// text). Runs standalone (`node tests/browser/bench_backup.mjs [records] [textLength]`) and prints a
// Markdown table. Never fails on a number.
//   - inside the page, without scrypt (work factor 1): building + encoding the document, sealing it,
//     opening it (decrypt + parse + check against the registry), merging it into an empty store
//     (towardTest.backupBench);
//   - scrypt alone at work factor 18 (what every real backup costs once to make and once to open), in the
//     page and natively (build/native/toward-cli);
//   - the real UI: "Make a backup" click to the download (work factor 18), and in a fresh profile
//     "Open the backup" to the preview and "Add it to what is here" to every record being there, and on to
//     "saved" (the IndexedDB sync), with the longest frame meanwhile (the page never freezes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { startServer, Profile, openApp, api, sleep, waitUntil, seedJournal, openPage, ROOT } from './lib/harness.mjs';
import { frameTable, fromStats, watchLongTasks, takeLongTasks } from './lib/frame_figures.mjs';
import { traceFrames } from './lib/trace_frames.mjs';

// Measured on main at 28b7ffc (before issue 16's 8 ms import steps), this machine.
const BEFORE_IMPORT = { worstMs: 119.5, medianMs: 85.6 };

const RECORDS = Number(process.argv[2] || 10_000);
const TEXT = Number(process.argv[3] || 1000);
const PASS = 'bench passphrase';
const server = await startServer();
const rows = [];
let importFrames = null, importLongTasks = null, importTraced = null;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-bench-backup-'));
const a = await Profile.launch();
const b = await Profile.launch();
try {
  const page = await openApp(a, server.url);
  await seedJournal(page, RECORDS, { textLength: TEXT, prefix: 'bench' });
  await api.flush(page);
  const m = await page.evaluate(() => window.towardTest.backupBench(1));
  if (!m.ok) throw new Error(m.error);
  const mb = (n) => (n / 1048576).toFixed(1) + ' MB';
  rows.push(['document: build + encode JSON', `${m.docMs.toFixed(0)} ms`, `${m.records} records, ${mb(m.documentBytes)}`]);
  rows.push(['  of which build (every record copied from the store)', `${m.buildMs.toFixed(0)} ms`, '']);
  rows.push(['seal (ChaCha20-Poly1305, 64 KiB chunks), work factor 1', `${m.encryptMs.toFixed(0)} ms`, mb(m.fileBytes)]);
  rows.push(['open: decrypt + parse + check, work factor 1', `${m.openMs.toFixed(0)} ms`, '']);
  rows.push(['  of which decrypt (work factor 1)', `${m.decryptMs.toFixed(0)} ms`, '']);
  rows.push(['  of which parse the document', `${m.parseMs.toFixed(0)} ms`, '']);
  rows.push(['  of which check every record against the registry', `${m.checkMs.toFixed(0)} ms`, '']);
  rows.push(['merge into an empty store (10,000 record files, in memory)', `${m.mergeMs.toFixed(0)} ms`, '']);
  rows.push(['scrypt alone, work factor 18', `${m.scrypt18Ms.toFixed(0)} ms`, 'N = 2^18, r = 8: 256 MiB']);
  // The same natively: toward-cli encrypting an empty file at 18, less the same at 1 (process start).
  const cli = path.join(ROOT, 'build/native/toward-cli');
  if (fs.existsSync(cli)) {
    const empty = path.join(work, 'empty');
    fs.writeFileSync(empty, '');
    const run = (wf) => {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cli, ['encrypt', empty, '--work-factor', String(wf)], { env: { ...process.env, TOWARD_PASSPHRASE: PASS } });
      if (r.status !== 0) throw new Error(`toward-cli: ${r.stderr}`);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    const best = (wf) => Math.min(run(wf), run(wf), run(wf));
    rows.push(['scrypt alone, work factor 18, native (toward-cli)', `${(best(18) - best(1)).toFixed(0)} ms`, 'best of 3']);
  }

  // The real UI, work factor 18.
  await openPage(page, 'backups');
  await page.fill('input[aria-label="Passphrase for the backup"]', PASS);
  await page.fill('input[aria-label="The same passphrase again"]', PASS);
  await sleep(300);
  const download = page.waitForEvent('download', { timeout: 180_000 });
  await page.evaluate(() => window.towardTest.frameStats(true));
  let t = Date.now();
  await page.getByRole('button', { name: 'Make a backup', exact: true }).click({ force: true });
  const d = await download;
  const exportMs = Date.now() - t;
  const exportWorst = (await page.evaluate(() => window.towardTest.frameStats(true))).maxMs;
  const file = path.join(work, d.suggestedFilename());
  fs.copyFileSync(await d.path(), file);
  rows.push(['UI: "Make a backup" click to download (scrypt included)', `${exportMs} ms`, mb(fs.statSync(file).size)]);
  rows.push(['UI: its longest frame (scrypt in the key worker, beside the page)', `${exportWorst.toFixed(1)} ms`, 'target 16 ms']);

  const fresh = await openApp(b, server.url);
  await openPage(fresh, 'backups');
  fresh.on('filechooser', () => {});   // intercepting before the click (the chooser opens inside it)
  await sleep(300);
  const chooser = fresh.waitForEvent('filechooser');
  await fresh.locator('input.file-picker').click();   // the real file input over "Choose a backup file..."
  await (await chooser).setFiles(file);
  await fresh.waitForSelector('input[aria-label="Passphrase for this backup"]');
  await fresh.fill('input[aria-label="Passphrase for this backup"]', PASS);
  await sleep(300);
  await fresh.evaluate(() => window.towardTest.frameStats(true));
  t = Date.now();
  await fresh.getByRole('button', { name: 'Open the backup', exact: true }).click({ force: true });
  await fresh.waitForSelector('input[aria-label="Passphrase for this backup"]', { state: 'detached', timeout: 30_000 });
  // The preview is there when its "Add it to what is here" is (found as a screen reader finds it: the page is
  // scrolled to the preview once the work is done).
  await fresh.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 120_000 });
  const openMs = Date.now() - t;
  rows.push(['UI: "Open the backup" to the preview (scrypt included)', `${openMs} ms`, 'its button found in the semantics tree']);
  const openWorst = (await fresh.evaluate(() => window.towardTest.frameStats(true))).maxMs;
  rows.push(['UI: its longest frame (scrypt in the key worker; the file decrypted, read and checked 8 ms a frame)', `${openWorst.toFixed(1)} ms`, 'target 16 ms']);
  // Merge: written across frames under a progress bar, then stored in IndexedDB ("saved").
  await fresh.evaluate(() => window.towardTest.frameStats(true));
  await watchLongTasks(fresh);
  // Traced (lib/trace_frames.mjs): what the longest frames are made of; the time from the click is read
  // inside the trace (its start and end are not part of it).
  let frames, mergeMs;
  ({ result: frames, frames: importTraced } = await traceFrames(b.context, fresh, async () => {
    t = Date.now();
    await fresh.getByRole('button', { name: 'Add it to what is here', exact: true }).click({ force: true });
    await waitUntil(async () => (await fresh.evaluate((type) => window.towardTest.count(type), 'journal.entry')) === RECORDS,
      { timeoutMs: 120_000, intervalMs: 50, message: 'every record merged' });
    mergeMs = Date.now() - t;
    return fresh.evaluate(() => window.towardTest.frameStats(true));
  }));
  importFrames = fromStats(frames);
  await waitUntil(async () => (await fresh.evaluate(() => window.towardTest.state())).saved,
    { timeoutMs: 120_000, intervalMs: 50, message: 'saved' });
  const savedMs = Date.now() - t;
  importLongTasks = await takeLongTasks(fresh);
  t = Date.now();
  await api.flush(fresh);
  const flushMs = Date.now() - t;
  rows.push(['UI: "Add it to what is here" until every record is there', `${mergeMs} ms`,
    `${frames.frames} frames drawn meanwhile, longest ${frames.maxMs.toFixed(0)} ms`]);
  rows.push(['UI: "Add it to what is here" until saved in IndexedDB', `${savedMs} ms`, 'the sync starts at once']);
  rows.push(['then a flush (nothing left to store)', `${flushMs} ms`, '']);
  rows.push(['UI import total: "Open" to saved (scrypt included)', `${openMs + savedMs} ms`,
    `without scrypt about ${(openMs + savedMs - m.scrypt18Ms).toFixed(0)} ms`]);
} finally {
  await a.dispose();
  await b.dispose();
  await server.close();
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(`\n### Backups with ${RECORDS.toLocaleString('en')} journal records (headless Chromium, ${os.cpus().length} cores)\n`);
console.log('| step | time | notes |');
console.log('|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('');
console.log(frameTable([{ label: `importing ${RECORDS.toLocaleString('en')} records ("Add it to what is here" until every record is there)`,
  before: BEFORE_IMPORT, now: importFrames, longTasks: importLongTasks, traced: importTraced }]));
