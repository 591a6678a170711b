// tests/browser/torture/damage.mjs: damages record files directly in IndexedDB between two runs of the
// browser (the app is not open then), and reads them back byte for byte. IDBFS keeps each file of /data as
// one value {timestamp, mode, contents} keyed by its path in the object store FILE_DATA of the database
// "/data". The page used is a blank one on the app's origin (served by a route, service workers blocked).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, CHROMIUM_ARGS } from '../lib/harness.mjs';

const DIR = '/data/records/journal.entry';
const FILE_MODE = 0o100666;   // a regular file, as IDBFS stores them
const DIR_MODE = 0o40777;     // a folder

// The kinds of damage, each with the bytes it leaves (a real record file's bytes are passed in). The
// folder of the orphan is not written (IDBFS never leaves one out, damage from outside may).
// `known` names a finding that another branch fixes: the check is expected to pass once it lands.
export function damagedFiles(rand, sampleRecordBytes) {
  const random = new Uint8Array(64 + Math.floor(rand() * 200));
  for (let i = 0; i < random.length; i++) random[i] = Math.floor(rand() * 256);
  const cut = Math.max(1, Math.floor(sampleRecordBytes.length * (0.2 + rand() * 0.6)));
  const wrongShape = {
    toward: 'record', format: 1, type: 'journal.entry', id: 'torture-wrong-shape', schema: 1, revision: 1,
    createdMs: 1764000000000, updatedMs: 1764000000000,
    body: { kind: ['free'], title: 'wrong shape', text: 12345 },
  };
  const enc = (s) => new TextEncoder().encode(s);
  return [
    { kind: 'truncated', path: `${DIR}/torture-truncated.json`, bytes: sampleRecordBytes.slice(0, cut) },
    { kind: 'random bytes', path: `${DIR}/torture-random.json`, bytes: random },
    { kind: 'JSON that is not a record', path: `${DIR}/torture-not-a-record.json`,
      bytes: enc(JSON.stringify({ hello: 'there', list: [1, 2, 3] })) },
    { kind: 'a file whose folder is missing', path: '/data/records/torture.kind/torture-orphan.json', bytes: random.slice(0, 40) },
    { kind: 'a body of the wrong shape', path: `${DIR}/torture-wrong-shape.json`, bytes: enc(JSON.stringify(wrongShape)) },
  ];
}

// Runs fn(page) in a browser on the profile with a blank page of the app's origin (nothing of Toward runs).
async function withBlankPage(userDataDir, origin, fn) {
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, serviceWorkers: 'block', timeout: 60_000,
  });
  try {
    const blank = new URL('/torture-blank.html', origin).href;
    await ctx.route(blank, (r) => r.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>blank</title>' }));
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.goto(blank);
    return await fn(page);
  } finally {
    await ctx.close().catch(() => {});
  }
}

// {path: Uint8Array as a plain array} of the given paths, read in the page (null: no such file).
const READ = (paths) => new Promise((resolve, reject) => {
  const open = indexedDB.open('/data');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction(['FILE_DATA'], 'readonly');
    const store = tx.objectStore('FILE_DATA');
    const out = {};
    paths.forEach((p) => {
      const req = store.get(p);
      req.onsuccess = () => { out[p] = req.result ? Array.from(req.result.contents) : null; };
    });
    tx.oncomplete = () => { db.close(); resolve(out); };
    tx.onerror = () => reject(tx.error);
  };
});

// Reads files from IndexedDB in a page of the app (while it runs: reading only).
export async function readFiles(page, paths) {
  const got = await page.evaluate(READ, paths);
  const out = {};
  for (const p of paths) out[p] = got[p] ? Uint8Array.from(got[p]) : null;
  return out;
}

// Any one record file of the profile (its bytes), to be truncated.
async function sampleRecord(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA')
        .openCursor(IDBKeyRange.bound('/data/records/journal.entry/', '/data/records/journal.entry/\uffff'));
      req.onsuccess = () => { db.close(); resolve(req.result ? Array.from(req.result.value.contents) : null); };
      req.onerror = () => reject(req.error);
    };
  }));
}

// Writes the damaged files into the profile's IndexedDB while the app is closed; returns them.
export async function plantDamage(userDataDir, origin, rand) {
  return withBlankPage(userDataDir, origin, async (page) => {
    // A record file of the profile to truncate, or one written as the app writes them when there is none yet.
    const sample = (await sampleRecord(page)) || Array.from(new TextEncoder().encode(JSON.stringify({
      toward: 'record', format: 1, type: 'journal.entry', id: 'torture-truncated', schema: 1, revision: 1,
      createdMs: 1764000000000, updatedMs: 1764000000000, body: { kind: 'free', title: 'cut short', text: 'words cut short' } })));
    const files = damagedFiles(rand, Uint8Array.from(sample));
    await page.evaluate(([list, mode, DIR_MODE]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('/data');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['FILE_DATA'], 'readwrite');
        const store = tx.objectStore('FILE_DATA');
        const now = new Date();
        // The folders too, as IDBFS keeps them (a profile may hold no journal entry yet).
        ['/data/records', '/data/records/journal.entry'].forEach((dir) => {
          const req = store.get(dir);
          req.onsuccess = () => { if (!req.result) store.put({ timestamp: now, mode: DIR_MODE }, dir); };
        });
        list.forEach((f) => store.put({ timestamp: now, mode, contents: Uint8Array.from(f.bytes) }, f.path));
        tx.oncomplete = () => { db.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [files.map((f) => ({ path: f.path, bytes: Array.from(f.bytes) })), FILE_MODE, DIR_MODE]);
    return files;
  });
}

// Closes the profile's browser, plants damaged files (a seeded choice) and opens the browser again; returns them.
export async function damageProfile(profile, origin, seed) {
  await profile.close();
  let state = seed;
  const rand = () => { state = (state * 16807) % 2147483647; return state / 2147483647; };
  const files = await plantDamage(profile.userDataDir, origin, rand);
  await profile.relaunch();
  return files;
}

// With the app open on those files: each is reported, a save beside them works, and each is kept byte for
// byte. Returns the paths reported.
export async function assertDamageReportedAndKept(page, files) {
  const reported = new Set((await page.evaluate(() => window.towardTest.problems())).map((p) => p.path));
  for (const f of files) assert.ok(reported.has(f.path), `${f.kind} (${f.path}) is not reported`);
  await page.evaluate(() => window.towardTest.put('journal.entry', { kind: 'free', title: 'beside the damage', text: 'a save beside damaged files' }));
  await page.evaluate(() => window.towardTest.flush());
  const kept = await readFiles(page, files.map((f) => f.path));
  for (const f of files) assert.ok(sameBytes(kept[f.path], f.bytes), `${f.kind} was not kept byte for byte`);
  return reported;
}

export function sameBytes(a, b) {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}
