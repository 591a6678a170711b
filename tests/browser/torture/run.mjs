// tests/browser/torture/run.mjs: the torture suite (scripts/torture [kills] runs it). Starts Debian's Chromium
// on a persistent profile per scenario (tests/browser/torture/scenarios.mjs), SIGKILLs the browser's whole
// process group at a random moment, relaunches it on the same profile and checks that every acknowledged
// write is there exactly and nothing else is damaged. Between runs it damages files directly in IndexedDB
// (damage.mjs) and checks that the app reports them and keeps them byte for byte. Every third kill it also
// deletes the profile's IndexedDB folder, as Chromium does to a store it finds damaged, and checks that the
// second copy brought everything back.
// The seed (TOWARD_TORTURE_SEED, printed first) replays a run. Prints figures per scenario and ends with
// "N passed, N failed" (scripts/test counts it): one check per kill, per relaunch and per damaged file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, Profile, openApp, api, browserPids, sleep } from '../lib/harness.mjs';
import { Ledger, seededRandom } from './ledger.mjs';
import { SCENARIOS } from './scenarios.mjs';
import { plantDamage, readFiles, sameBytes } from './damage.mjs';

const kills = Number(process.argv[2] || 8);
const seed = Number(process.env.TOWARD_TORTURE_SEED || 18);
const only = process.env.TOWARD_TORTURE_ONLY ? process.env.TOWARD_TORTURE_ONLY.split(',') : null;
console.log(`torture: ${kills} kills, seed ${seed} (TOWARD_TORTURE_SEED=${seed} replays this run)`);

const rand = seededRandom(seed);
const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.name));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-torture-'));
let passed = 0, failed = 0, todo = 0;
const problemsSeen = [];

function check(ok, what) {
  if (ok) passed++; else { failed++; console.log(`  NOT OK ${what}`); }
}

// SIGKILL for the browser's whole process group (Playwright starts Chromium as a group leader): the
// renderer, the GPU and storage processes die at the same instant as the browser.
async function killGroup(t) {
  const profile = t.profile;
  const ctx = profile.context;
  profile.context = null;
  const pids = browserPids(profile.userDataDir);
  const closed = new Promise((r) => ctx.once('close', r));
  for (const pid of pids) { try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } } }
  await Promise.race([closed, sleep(10_000)]);
  await ctx.close().catch(() => {});
  const t0 = Date.now();
  while (browserPids(profile.userDataDir).length && Date.now() - t0 < 10_000) await sleep(50);
}

async function open(t, server) {
  if (!t.profile.context) await t.profile.relaunch();
  const page = await openApp(t.profile, server.url, { timeoutMs: 120_000 });
  if (t.figures.wipes && /second copy/.test(await page.evaluate(() => window.towardTest.drawnText()))) {
    t.figures.restored++;
    // Read and put away, as a person would (the scenarios' own clicks expect the page without that note).
    await page.getByRole('button', { name: 'Thank you', exact: true }).click({ force: true });
    await sleep(300);
  }
  if (t.scenario.opened) await t.scenario.opened(page);
  return page;
}

// After a relaunch: acknowledged writes, damage the app should not have, planted damage reported and kept.
async function verify(t, page, label) {
  const { lost, changed } = await t.scenario.verify(page, t);
  t.figures.lost += lost.length;
  t.figures.damaged += changed.length;
  check(lost.length === 0, `${label}: acknowledged writes lost: ${lost.slice(0, 5).join(', ')}`);
  check(changed.length === 0, `${label}: records changed: ${changed.slice(0, 3).join(' | ')}`);
  const problems = await page.evaluate(() => window.towardTest.problems());
  // Files this suite planted (now or before a store loss: the copy may bring them back) are not the app's damage.
  for (const f of t.planted || []) t.everPlanted.add(f.path);
  const planted = t.everPlanted;
  const unexpected = problems.filter((p) => !planted.has(p.path));
  t.figures.damaged += unexpected.length;
  check(unexpected.length === 0, `${label}: files the app could not read: ${JSON.stringify(unexpected.slice(0, 3))}`);
  const errors = t.profile.errors.splice(0);
  check(errors.length === 0, `${label}: console errors: ${errors.slice(0, 3).join(' | ')}`);
  if (!t.planted) return;
  const bytes = await readFiles(page, t.planted.map((f) => f.path));
  const mayBeGone = t.plantedMayBeGone;
  t.plantedMayBeGone = false;
  if (mayBeGone && t.planted.every((f) => !bytes[f.path])) { t.planted = null; return; }   // planted again later
  for (const f of t.planted) {
    const reported = problems.some((p) => p.path === f.path);
    const kept = sameBytes(bytes[f.path], f.bytes);
    if (f.known && !(reported && kept)) {
      todo++;
      console.log(`  TODO ${label}: ${f.kind} ${reported ? 'reported' : 'not reported'}, ${kept ? 'kept' : 'not kept byte for byte'} ` +
        `(expected to pass after ${f.known})`);
      continue;
    }
    if (f.known) console.log(`  note: ${f.kind} now reported and kept: the known finding is fixed, remove its "known" mark`);
    check(reported, `${label}: the app does not report the damaged file (${f.kind}) ${f.path}`);
    check(kept, `${label}: the damaged file (${f.kind}) ${f.path} was not kept byte for byte`);
    if (reported) problemsSeen.push(`${f.kind}: ${problems.find((p) => p.path === f.path).message}`);
  }
}

// Between two runs: damaged files straight into IndexedDB; the app must report them, keep them byte for
// byte, and keep them through a save and a sync of other records.
async function damage(t, server) {
  await t.profile.close();
  t.planted = await plantDamage(t.profile.userDataDir, server.url, rand);
  const page = await open(t, server);
  await verify(t, page, `damage planted in ${t.scenario.name}`);
  const body = { kind: 'free', title: 'beside the damage', text: `written beside damaged files ${t.cycle}` };
  t.ledger.wrote('journal.entry', `d${t.cycle}`, body);
  await api.put(page, 'journal.entry', body, `d${t.cycle}`);
  await api.flush(page);
  t.ledger.ackAll();
  await verify(t, page, `a save beside the damage in ${t.scenario.name}`);
  return page;
}

async function main() {
  const server = await startServer();
  const states = scenarios.map((scenario) => {
    const t = {
      scenario, rand, ledger: new Ledger(), cycle: 0, killed: false, planted: null,
      profile: new Profile(fs.mkdtempSync(path.join(work, `${scenario.name}-`))),
      workDir: fs.mkdtempSync(path.join(work, `${scenario.name}-files-`)),
      figures: { kills: 0, wipes: 0, restored: 0, lost: 0, damaged: 0 }, everPlanted: new Set(),
    };
    return t;
  });
  try {
    for (let k = 0; k < kills; k++) {
      const t = states[k % states.length];
      const label = `${t.scenario.name} #${t.cycle}`;
      let page = await open(t, server);
      if (t.cycle > 0) await verify(t, page, `after kill ${label}`);
      if (t.cycle > 0 && t.scenario.damage && !t.planted) page = await damage(t, server);
      // The kill: at a random time, or earlier where the scenario picks its own random point.
      t.killed = false;
      let doKill;
      const killed = new Promise((r) => { doKill = r; });
      t.kill = () => { if (!t.killed) { t.killed = true; doKill(); } };
      const [lo, hi] = t.scenario.killAfterMs;
      const timer = setTimeout(t.kill, rand.int(lo, hi));
      // A step the suite could not drive (the page not as expected) fails a check; the kill still comes.
      const running = t.scenario.run(page, t).catch((e) => {
        if (!t.killed) check(false, `${label}: the scenario could not go on: ${String(e && e.message).split('\n')[0]}`);
      });
      const winner = await Promise.race([killed.then(() => 'kill'), running.then(() => 'done')]);
      if (winner === 'done' && !t.killed) t.kill();
      clearTimeout(timer);
      await killGroup(t);
      await running;
      t.figures.kills++;
      // Every third kill, the browser also loses the whole IndexedDB store, as Chromium does when it finds
      // it damaged at the next open (it happened once in a 100-kill run): everything acknowledged must come
      // back from the second copy (web/glue/second_copy.js). Planted damage comes back too once the copy has it
// (the app keeps damaged files, and so does the copy); planted after the copy's last step, it is gone.
      if (k % 3 === 0) {
        fs.rmSync(path.join(t.profile.userDataDir, 'Default', 'IndexedDB'), { recursive: true, force: true });
        t.figures.wipes++;
        t.plantedMayBeGone = !!t.planted;
      }
      t.cycle++;
      check(true, `${label}: killed`);
    }
    for (const t of states) {
      if (t.cycle === 0) continue;
      let page = await open(t, server);
      await verify(t, page, `final ${t.scenario.name}`);
      if (t.scenario.damage && !t.planted) page = await damage(t, server);
      await t.profile.close();
    }
  } finally {
    for (const t of states) await t.profile.close().catch(() => {});
    await server.close();
  }
  const acked = (t) => t.ledger.acknowledged;
  console.log('');
  console.log('scenario   kills  store lost  acknowledged  lost  damaged');
  for (const t of states) {
    console.log(`${t.scenario.name.padEnd(10)} ${String(t.figures.kills).padStart(5)}  ${String(t.figures.wipes).padStart(10)}  ` +
      `${String(acked(t)).padStart(12)}  ` +
      `${String(t.figures.lost).padStart(4)}  ${String(t.figures.damaged).padStart(7)}`);
  }
  const sum = (f) => states.reduce((n, t) => n + f(t), 0);
  console.log(`${'all'.padEnd(10)} ${String(sum((t) => t.figures.kills)).padStart(5)}  ${String(sum((t) => t.figures.wipes)).padStart(10)}  ` +
    `${String(sum(acked)).padStart(12)}  ` +
    `${String(sum((t) => t.figures.lost)).padStart(4)}  ${String(sum((t) => t.figures.damaged)).padStart(7)}`);
  if (problemsSeen.length) console.log(`damaged files reported as: ${[...new Set(problemsSeen)].join(' | ')}`);
  if (todo) console.log(`${todo} checks of a known finding are to do (see TODO above)`);
  if (failed === 0) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`profiles and screenshots kept in ${work}`);
}

main().catch((e) => {
  failed++;
  console.log(`torture stopped: ${e && e.stack ? e.stack : e}`);
}).finally(() => {
  console.log(`seed ${seed}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
});
