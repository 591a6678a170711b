// web/glue/key_work.js: a passphrase's key work (the vault's Argon2id, a backup's scrypt: most of a second) runs in a worker
// (toward_key_worker.js: web/key_worker.cpp), so that the page keeps drawing and answering meanwhile: quick
// hide, the safety plan, a screen reader. Included with --pre-js. core/platform/key_work_web.cpp calls
// TowardKeyWork.start; each answer goes back through toward_platform_key_done. Where a worker cannot start
// or fails, the answer is "not done" and the key work is done in place, as before. The worker ends after
// each answer (Argon2id's 64 MiB go with it).
'use strict';

var TowardKeyWork = (function () {
  const SCRIPT = 'toward_key_worker.js';
  const GIVE_UP_MS = 120000;
  let worker = null;
  const waiting = new Set();   // requests asked of the worker, not answered yet
  const counts = { answered: 0 };   // keys the worker made (the engines' smoke tests read it)

  function stop() {
    if (worker) worker.terminate();
    worker = null;
  }

  function answer(req, key) {
    if (!waiting.delete(req)) return;
    if (!waiting.size) stop();
    const glue = TowardGlue;
    if (glue.state.crashed) { if (key) key.fill(0); return; }
    let ptr = 0;
    if (key) {
      counts.answered++;
      ptr = Module._toward_platform_alloc(key.length);
      HEAPU8.set(key, ptr);
      key.fill(0);
    }
    Module._toward_platform_key_done(req, key ? 1 : 0, ptr, key ? key.length : 0);
    glue.wake();
  }

  function failAll() {
    const all = Array.from(waiting);
    stop();
    all.forEach((req) => answer(req, null));
  }

  function ensure() {
    if (worker) return worker;
    if (typeof Worker !== 'function') return null;
    try { worker = new Worker(SCRIPT); } catch (e) { return null; }
    worker.onmessage = (ev) => {
      const m = ev.data || {};
      if (m.stopped) { failAll(); return; }
      answer(m.req, m.ok && m.key instanceof Uint8Array && m.key.length === 32 ? m.key : null);
    };
    // The script or its module could not load (or the module stopped): everything waiting is done in place.
    worker.onerror = (ev) => {
      if (ev && ev.preventDefault) ev.preventDefault();
      failAll();
    };
    return worker;
  }

  // alg: 'argon2id' (ops, mem) or 'scrypt' (log2n). pass and salt: bytes of their own (the passphrase's are
  // handed over to the worker, not kept here).
  function start(req, alg, pass, salt, ops, mem, log2n) {
    const w = ensure();
    if (!w) { pass.fill(0); return false; }
    waiting.add(req);
    w.postMessage({ req, alg, pass, salt, ops, mem, log2n }, [pass.buffer]);
    // A worker that never answers (it hung, or its failure reached nobody) does not hold the person there:
    // after two minutes the key is made in place (a slow phone takes seconds, not minutes).
    setTimeout(() => { if (waiting.has(req)) failAll(); }, GIVE_UP_MS);
    return true;
  }

  return { start, get answered() { return counts.answered; } };
})();
