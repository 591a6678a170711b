// tests/browser/bench_vault.mjs: the vault's browser figures, in headless Chromium, with N journal
// entries (500 characters each) in a fresh profile: turning the vault on (Argon2id, then sealing every
// record file), unlocking after a reload (Argon2id with the app's real settings, 64 MiB, plus opening
// and loading every sealed record and the models' reload), the same up to the first drawn frame, and
// saving one record while unlocked (put + sync, and the files that sync wrote). Numbers never fail the
// run; only errors do.
//   node tests/browser/bench_vault.mjs      prints a small Markdown table (N = 10000)
// TOWARD_BENCH_VAULT_N overrides N.
import { fileURLToPath } from 'node:url';
import { startServer, Profile, reloadApp, waitReady, api, seedJournal, median } from './lib/harness.mjs';

const PASS = 'bench passphrase for the vault';
const log = (...a) => console.error('[bench-vault]', ...a);

export async function benchVault({ url, n = 10000 } = {}) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    const t0 = Date.now();
    await seedJournal(page, n, { batch: 500, textLength: 500, prefix: 'bench' });
    await api.flush(page);
    log(`seeded ${n} entries in ${Date.now() - t0} ms`);

    const saveOnce = (i) => page.evaluate(async (i2) => {
      const t = performance.now();
      window.towardTest.put('journal.entry', { kind: 'free', title: `timed ${i2}`, text: 'one record to save '.repeat(26) });
      await window.towardTest.flush();
      return performance.now() - t;
    }, i);
    // the same save without the vault, after a reload as below, in the same profile, for comparison
    await reloadApp(page, { timeoutMs: 120_000 });
    const plainSaves = [];
    for (let i = 0; i < 5; i++) plainSaves.push(await saveOnce(i));

    const enabled = await page.evaluate((p) => window.towardTest.vaultEnable(p), PASS);
    if (!enabled.ok) throw new Error(`turning the vault on failed: ${enabled.error}`);
    const tFlush = Date.now();
    await api.flush(page);
    const enableSyncMs = Date.now() - tFlush;

    const unlocks = [], toFrame = [];
    for (let i = 0; i < 3; i++) {
      await reloadApp(page, { timeoutMs: 120_000 });
      const state = await page.evaluate(() => window.towardTest.vaultState());
      if (state.status !== 'locked') throw new Error(`after a reload the vault is ${state.status}`);
      const r = await page.evaluate((p) => {
        const t = performance.now();
        const u = window.towardTest.vaultUnlock(p);   // unlocks and draws the first frame
        u.frameMs = performance.now() - t;
        return u;
      }, PASS);
      if (!r.ok) throw new Error(`unlock failed: ${r.error}`);
      unlocks.push(r.ms);
      toFrame.push(r.frameMs);
      const listed = (await api.list(page, 'journal.entry')).length;
      if (listed !== n + plainSaves.length) throw new Error(`after unlocking the app lists ${listed} of ${n + plainSaves.length} entries`);
    }

    const kdf = [];
    for (let i = 0; i < 3; i++) kdf.push(await page.evaluate(() => window.towardTest.vaultKdfMs()));
    const saves = [];
    let writes = null;
    for (let i = 0; i < 5; i++) {
      saves.push(await saveOnce(10 + i));
      writes = await api.lastSyncWrites(page);
    }
    if (profile.errors.length) log(`WARNING, console/page errors:\n  ${profile.errors.join('\n  ')}`);
    return { n, enableMs: enabled.ms, enableSyncMs, unlocks, unlockMs: median(unlocks), unlockFrameMs: median(toFrame),
      kdfMs: median(kdf), saves, saveMs: median(saves), plainSaveMs: median(plainSaves), writes };
  } finally {
    await profile.dispose();
  }
}

export function vaultTable(r) {
  return [
    `| vault, ${r.n} journal entries (Chromium) | figure | target |`, '|---|---:|---:|',
    `| unlock: Argon2id (64 MiB) + open and load every record (median of 3) | ${Math.round(r.unlockMs)} ms | 1500 ms |`,
    `| unlock up to the first drawn frame (median of 3) | ${Math.round(r.unlockFrameMs)} ms | 1500 ms |`,
    `| of which Argon2id alone (median of 3) | ${Math.round(r.kdfMs)} ms | |`,
    `| save one record while unlocked, put + sync (median of 5) | ${Math.round(r.saveMs)} ms | 170 ms |`,
    `| the same save before the vault was on (median of 5) | ${Math.round(r.plainSaveMs)} ms | |`,
    `| files written by that sync | ${r.writes} | 1 |`,
    `| turning the vault on (seal every file, once) | ${Math.round(r.enableMs)} ms | |`,
    `| the sync after turning it on | ${Math.round(r.enableSyncMs)} ms | |`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    const n = Number(process.env.TOWARD_BENCH_VAULT_N || 10000);
    console.log(vaultTable(await benchVault({ url: server.url, n })));
  } catch (e) {
    console.error('[bench-vault] error:', e && e.stack ? e.stack : e);
    process.exitCode = 1;
  } finally {
    await server.close();
  }
}
