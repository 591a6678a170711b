// lib/engine_smoke.mjs: the smoke checks every browser engine gets (Firefox ESR and WebKitGTK, in
// firefox.smoke.mjs and webkit.smoke.mjs; Chromium has the whole suite). An engine is driven through a
// small adapter:
//   open(url), reload(), evaluate(expression) -> JSON value (an expression may be a promise),
//   screenshot() -> PNG Buffer of the page, errors() -> console errors and page errors seen so far,
//   restart() -> the browser quits and starts again on the same data, close().
// The checks: the app loads and draws a page that is not blank, with no console errors; a record
// survives a reload and a browser restart and is in the second copy; the service worker controls the page and a reload with the
// server gone (offline) starts the app with the record; the vault seals it and opens it again.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { decodePng, colourStats, waitUntil } from './harness.mjs';

export const ready = async (engine, timeoutMs = 60_000) => {
  await waitUntil(() => engine.evaluate(`typeof window.towardTest === 'object' && window.towardTest !== null`).catch(() => false),
    { timeoutMs, message: 'window.towardTest' });
  await engine.evaluate(`window.towardTest.ready().then(() => true)`);
};

export async function assertDrawn(engine) {
  await waitUntil(() => engine.evaluate(`window.towardTest.framesRendered() > 0 && document.getElementById('loading').hidden`),
    { timeoutMs: 30_000, message: 'a first frame' });
  // A compositor may hand out the previous picture for a moment: look again until the page shows.
  let last = null;
  const shows = async () => {
    const img = decodePng(await engine.screenshot());
    last = { width: img.width, height: img.height, ...colourStats(img) };
    return last.dominantShare <= 0.98 && last.distinct >= 3;
  };
  await waitUntil(shows, { timeoutMs: 20_000, intervalMs: 250, message: 'a page that is not blank' }).catch(() => {
    assert.fail(`the page looks blank: ${(last.dominantShare * 100).toFixed(2)}% of ${last.width}x${last.height} pixels share one colour`);
  });
  return last;
}

// A frame that would draw what the canvas shows leaves the canvas alone (web/main.cpp): the engine goes on
// showing the last picture (the context keeps no drawing buffer), not a cleared canvas. Frames are woken with
// nothing new to draw once the page is quiet (and its whole glyph atlas made).
export async function assertQuietFramesKeepPicture(engine) {
  const counts = () => engine.evaluate(`[window.towardTest.framesRendered(), window.towardTest.canvasDraws()]`);
  await new Promise((r) => setTimeout(r, 1500));   // past the whole glyph atlas, made after a quiet second
  let last = await counts();
  await waitUntil(async () => {
    await new Promise((r) => setTimeout(r, 700));
    const now = await counts();
    const quiet = now[0] === last[0];
    last = now;
    return quiet;
  }, { timeoutMs: 30_000, message: 'the page to be quiet' });
  for (let i = 0; i < 3; i++) {
    await engine.evaluate(`TowardGlue.wake()`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const after = await counts();
  assert.ok(after[0] > last[0], `frames were drawn (${last[0]} -> ${after[0]})`);
  assert.equal(after[1], last[1], `a frame with nothing new drew nothing on the canvas (frames ${last[0]} -> ${after[0]}, drawn ${last[1]} -> ${after[1]})`);
  const img = decodePng(await engine.screenshot());
  const stats = colourStats(img);
  assert.ok(stats.dominantShare <= 0.98 && stats.distinct >= 3, `the page still shows after those frames (${(stats.dominantShare * 100).toFixed(2)}% one colour)`);
}

// The page's first script fetched and compiled the module (TowardEarly.times.compiled), and the page's own
// words have the canvas's font from the same bytes (a FontFace, loaded).
export async function assertEarlyModuleAndFont(engine) {
  const got = await engine.evaluate(`JSON.stringify({ compiledEarly: TowardEarly.times.compiled !== undefined,
    pageFont: Array.from(document.fonts).some((f) => f.family.replace(/"/g, '') === 'Toward Sans' && f.status === 'loaded') })`);
  assert.deepEqual(JSON.parse(got), { compiledEarly: true, pageFont: true });
}

export const putRecord = (engine, text) => engine.evaluate(
  `Promise.resolve(window.towardTest.put('journal.entry', ${JSON.stringify({ title: 'smoke', text })})).then((id) => window.towardTest.flush().then(() => id))`);

export const recordText = (engine, id) => engine.evaluate(
  `(window.towardTest.list('journal.entry').find((r) => r.id === ${JSON.stringify(id)}) || { body: {} }).body.text || null`);

// The second copy (web/glue/second_copy.js, in Cache Storage) holds the record's file: true, false, or
// 'no copy' where the engine has no Cache Storage.
export const copyHolds = (engine, id) => engine.evaluate(
  `window.towardTest.secondCopy().then((held) => held ? Object.keys(held).some((p) => p.endsWith('/' + ${JSON.stringify(id)} + '.json')) : 'no copy')`);

export const controlled = (engine) => engine.evaluate(`!!(navigator.serviceWorker && navigator.serviceWorker.controller)`);

export function assertNoErrors(engine) {
  assert.deepEqual(engine.errors(), [], `console errors / page errors:\n${engine.errors().join('\n')}`);
}

// A record that does not read is refused with a kind message, and the app goes on: cereal reports it by throwing,
// and the module catches it with WebAssembly's own exceptions (-fwasm-exceptions), which this engine must run.
export async function assertBadRecordRefused(engine) {
  const got = await engine.evaluate(`(() => {
    try { window.towardTest.put('journal.entry', { kind: 5, text: [1, 2], timeMs: 'x' }); return 'taken'; }
    catch (e) { return e.message + (window.towardTest.crashed() ? ' (crashed)' : ''); }
  })()`);
  assert.match(got, /^This journal entry could not be saved: one of its fields holds a different kind of value than expected\.$/);
}

// A backup's scrypt in this engine's key worker (web/key_worker.cpp; work factor 18: 256 MiB in the worker):
// the same 32 bytes as Node's own scrypt. (The vault's Argon2id there is checked by opening the vault.)
export async function assertKeyWorkerScrypt(engine) {
  const pass = 'a backup passphrase', salt = 'age-encryption.org/v1/scrypt' + '0123456789abcdef';
  const want = crypto.scryptSync(pass, salt, 32, { N: 1 << 18, r: 8, p: 1, maxmem: 512 * 1024 * 1024 }).toString('hex');
  const got = await engine.evaluate(`new Promise((resolve) => {
    const w = new Worker('toward_key_worker.js');
    const bytes = (t) => new TextEncoder().encode(t);
    w.onmessage = (ev) => { w.terminate(); resolve(ev.data.ok ? Array.from(ev.data.key, (b) => b.toString(16).padStart(2, '0')).join('') : 'not ok'); };
    w.onerror = (ev) => resolve('error: ' + ev.message);
    w.postMessage({ req: 1, alg: 'scrypt', pass: bytes(${JSON.stringify(pass)}), salt: bytes(${JSON.stringify(salt)}), log2n: 18 });
  })`);
  assert.equal(got, want, 'the key worker\'s scrypt');
}

// A large file handed over in parts (a backup, web/glue/copy_print_download.js): each part is copied when it is
// handed (the wasm heap's view is changed right after), a dropped file leaves nothing behind, and the file
// offered is every part in order, byte for byte, in this engine's Blobs.
export async function assertFileInParts(engine) {
  const got = await engine.evaluate(`(async () => {
    const g = window.TowardGlue, offer = g.download, offered = [];
    g.download = (name, mime, bytes) => offered.push({ name, mime, bytes });
    try {
      const heap = new Uint8Array(700 * 1024), want = new Uint8Array(heap.length);
      const fill = (k) => { for (let i = 0; i < heap.length; i++) heap[i] = (i * 7 + (i >> 11) + k) & 255; };
      fill(1);
      g.downloadPart(heap.subarray(0, 1000));   // a file left part way...
      g.downloadDrop();                          // ... is let go
      fill(2);
      want.set(heap);
      const cuts = [0, 262144, 262145, 524289, heap.length];
      for (let k = 0; k + 1 < cuts.length; k++) {
        g.downloadPart(heap.subarray(cuts[k], cuts[k + 1]));
        heap.fill(0, cuts[k], cuts[k + 1]);      // the heap moves on; the part was copied when handed
      }
      g.downloadFinish('parts.age', 'application/octet-stream');
      if (offered.length !== 1) return 'offered ' + offered.length + ' files';
      const o = offered[0], bytes = new Uint8Array(await new Blob([o.bytes]).arrayBuffer());
      if (o.name !== 'parts.age' || o.mime !== 'application/octet-stream') return 'named ' + o.name + ' ' + o.mime;
      if (bytes.length !== want.length) return bytes.length + ' bytes, not ' + want.length;
      for (let i = 0; i < want.length; i++) if (bytes[i] !== want[i]) return 'byte ' + i + ' differs';
      return 'whole';
    } finally {
      g.download = offer;
    }
  })()`);
  assert.equal(got, 'whole', 'a file handed over in parts');
}

// The vault in this engine: turned on (a key from Argon2id; every file sealed with a nonce from the engine's
// crypto.getRandomValues, core/platform/secure_random_web.cpp), no file left holding the words, locked, and
// opened again with the passphrase: the record reads the same.
export async function assertVaultSealsAndOpens(engine, id, text) {
  const pass = 'smoke passphrase for the vault';
  const on = await engine.evaluate(`window.towardTest.vaultEnable(${JSON.stringify(pass)})`);
  assert.equal(on.ok, true, `turning the vault on: ${JSON.stringify(on)}`);
  await engine.evaluate(`window.towardTest.flush().then(() => true)`);
  assert.deepEqual(await engine.evaluate(`window.towardTest.dataFilesContaining(${JSON.stringify(text)})`), [], 'no file holds the words');
  await engine.evaluate(`(window.towardTest.vaultLock(), true)`);
  assert.equal((await engine.evaluate(`window.towardTest.vaultState()`)).status, 'locked');
  // Opened as a person does (the passphrase in its field, then Enter): the key is made in the key worker
  // (web/glue/key_work.js) in this engine, and opens the vault.
  const workedBefore = await engine.evaluate(`TowardKeyWork.answered`);
  const typed = `(() => {
    const el = document.querySelector('input[type="password"][aria-label="Passphrase"]');
    if (!el) return false;
    el.focus();
    el.value = ${JSON.stringify(pass)};
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return true;
  })()`;
  const until = async (expr, what) => {
    for (const t0 = Date.now(); Date.now() - t0 < 30_000;) {
      if (await engine.evaluate(expr)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`waited 30 s for ${what}`);
  };
  await until(typed, 'the passphrase field');
  await until(`window.towardTest.vaultState().status === 'unlocked'`, 'the vault to open');
  assert.equal(await engine.evaluate(`TowardKeyWork.answered`), workedBefore + 1, 'the key was made in the key worker');
  assert.equal(await recordText(engine, id), text, 'read again once the vault was opened');
}
