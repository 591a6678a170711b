// web/glue/rescue.js: words survive a crash. Included with --pre-js after the TowardGlue files (storage.js
// first, web/CMakeLists.txt).
// If the wasm module traps or aborts (a memory error, an assertion), it can no longer save anything, but
// the page's text fields still hold what the person typed. Then, without the module:
//   - the page stops claiming "Saved" at once (towardTest.state() and the shell's status are gone with the
//     module; a calm notice at the top says what happened and offers "Reload"),
//   - the text of every live text field is written straight to IndexedDB (database "toward-rescue"), and
//     kept up to date while the person goes on typing,
//   - the next start hands each copy back to the app (toward_recover_text), which puts the words where
//     they were typed (a letter gets them as a new revision), says so once, and the copy is removed only
//     after the recovered words are durable.
// While a passphrase protects the data (the vault), nothing is written in plain text: the notice asks the
// person to copy their words (a button does it) before reloading.
// [SECTION] the emergency copy   [SECTION] noticing a crash   [SECTION] bringing words back
'use strict';

var TowardRescue = (function () {
  const DB_NAME = 'toward-rescue';
  const STORE = 'fields';
  const state = {
    crashed: false,
    reason: '',
    plainAtRest: false,   // the vault is off: copies may be kept in IndexedDB (told by C++ every change)
    pending: null,        // a write waiting for the previous one
    writing: false,
  };

  // ------------------------------------------------------------------ [SECTION] the emergency copy
  function openDb() {
    return new Promise((resolve, reject) => {
      let req;
      try { req = indexedDB.open(DB_NAME, 1); } catch (e) { reject(e); return; }
      req.onupgradeneeded = () => { req.result.createObjectStore(STORE, { keyPath: 'key' }); };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function withStore(mode, work) {
    return openDb().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction([STORE], mode);
      const result = work(tx.objectStore(STORE));
      tx.oncomplete = () => { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
      tx.onerror = () => { db.close(); reject(tx.error); };
      tx.onabort = () => { db.close(); reject(tx.error); };
    }));
  }

  // The words of every live text field that is not a passphrase, as {key, text, label}.
  function liveFields() {
    const out = [];
    const fields = TowardGlue.text.fields;
    fields.forEach((f, key) => {
      if (f.secret || f.el.type === 'password') return;
      if (!f.el.value) return;
      out.push({ key, text: f.el.value, label: f.el.getAttribute('aria-label') || '' });
    });
    return out;
  }

  // Writes the copies, one write at a time; a newer request replaces a waiting one.
  function keep() {
    if (!state.plainAtRest) return;
    const copies = liveFields();
    if (state.writing) { state.pending = copies; return; }
    state.writing = true;
    const atMs = Date.now();
    withStore('readwrite', (store) => {
      copies.forEach((c) => store.put({ key: c.key, text: c.text, label: c.label, atMs }));
    }).catch((e) => {
      console.warn('Toward could not keep a copy of your words: ' + e);
    }).then(() => {
      state.writing = false;
      if (state.pending) { state.pending = null; keep(); }
    });
  }

  let keepTimer = null;
  // Typing after the crash: the copy follows, a moment after each pause.
  function fieldChanged() {
    if (keepTimer) clearTimeout(keepTimer);
    keepTimer = setTimeout(() => { keepTimer = null; keep(); }, 250);
  }

  // ------------------------------------------------------------------ [SECTION] noticing a crash
  function showNotice() {
    const notice = document.getElementById('crash-notice');
    if (!notice) return;
    const text = document.getElementById('crash-text');
    const copyButton = document.getElementById('crash-copy');
    if (state.plainAtRest) {
      text.textContent = 'Toward stopped unexpectedly. The words on your screen are kept: ' +
        'a copy was put aside in this browser, and they will be back in their place when Toward opens again.';
      copyButton.hidden = true;
    } else {
      text.textContent = 'Toward stopped unexpectedly. The words on your screen are still ' +
        'here. Because your passphrase protects what is stored, Toward cannot put them aside by itself: ' +
        'please copy them before you reload.';
      copyButton.hidden = false;
    }
    notice.hidden = false;
  }

  function crashed(reason) {
    if (state.crashed) return;
    state.crashed = true;
    // The module never compiled, linked or arrived: nothing started and nothing was typed into it; the page
    // says so (TowardGlue.cannotRun), not that Toward stopped.
    if (!TowardGlue.state.started && (TowardGlue.state.notRunning || notLoaded(reason))) { TowardGlue.cannotRun(); return; }
    state.reason = String(reason && reason.message ? reason.message : reason);
    TowardGlue.state.crashed = true;
    try { if (Module.pauseMainLoop) Module.pauseMainLoop(); } catch (e) { /* the loop is gone already */ }
    keep();
    showNotice();
  }

  function notLoaded(reason) {
    if (typeof WebAssembly === 'object' && (reason instanceof WebAssembly.CompileError || reason instanceof WebAssembly.LinkError)) return true;
    return /CompileError|LinkError|failed to load wasm binary|fetching of the wasm failed/.test(String(reason && reason.message ? reason.name + ': ' + reason.message : reason));
  }

  function looksLikeCrash(err, message) {
    if (typeof WebAssembly === 'object' && err instanceof WebAssembly.RuntimeError) return true;
    if (err && err.name === 'ExitStatus') return true;  // exit() inside the module (a sanitizer's Die())
    const m = String(message || (err && err.message) || err || '');
    return /RuntimeError|^Aborted|abort\(|memory access out of bounds|unreachable|table index is out of bounds/.test(m);
  }

  Module.onAbort = (what) => crashed(what || 'abort');
  // Emscripten ends the program through Module.quit when a callback throws (the main loop's frame).
  // main() returning is a normal exit (status 0, an ExitStatus): the main loop goes on.
  Module.quit = (status, toThrow) => {
    if (status !== 0 || !(toThrow && toThrow.name === 'ExitStatus')) crashed(toThrow || ('exit ' + status));
    throw toThrow;
  };
  window.addEventListener('error', (ev) => { if (looksLikeCrash(ev.error, ev.message)) crashed(ev.error || ev.message); });
  window.addEventListener('unhandledrejection', (ev) => { if (looksLikeCrash(ev.reason)) crashed(ev.reason); });

  function copyAll() {
    const words = liveFields().map((c) => (c.label ? c.label + ':\n' : '') + c.text).join('\n\n');
    TowardGlue.copyText(words);
    const copyButton = document.getElementById('crash-copy');
    if (copyButton) copyButton.textContent = 'Copied';
  }

  function wireButtons() {
    const reload = document.getElementById('crash-reload');
    if (reload) reload.addEventListener('click', () => { window.location.reload(); });
    const copyButton = document.getElementById('crash-copy');
    if (copyButton) copyButton.addEventListener('click', copyAll);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireButtons);
  else wireButtons();

  // ------------------------------------------------------------------ [SECTION] bringing words back
  // Called once the app has started as the writer: each copy goes back to its field's owner. A copy is
  // removed only once the words it gave back are durable (flush), or when no part of the app owns its
  // field any more (a search box); a copy that cannot be placed now (the vault is locked) waits.
  function restore() {
    return withStore('readonly', (store) => store.getAll()).then((copies) => {
      if (!copies || !copies.length) return 0;
      const placed = [], gone = [];
      copies.forEach((c) => {
        const r = recoverOne(String(c.key), String(c.text));
        if (r === 1) placed.push(c.key);
        else if (r === 0) gone.push(c.key);
      });
      if (placed.length) Module._toward_note_recovered(placed.length);
      const forget = (keys) => withStore('readwrite', (store) => { keys.forEach((k) => store.delete(k)); });
      return (gone.length ? forget(gone) : Promise.resolve())
        .then(() => (placed.length ? TowardGlue.flush().then(() => forget(placed)) : undefined))
        .then(() => placed.length);
    }).catch((e) => {
      console.warn('Toward could not look for words kept after an interruption: ' + e);
      return 0;
    });
  }

  // One copy to C++: 1 placed, 0 no longer owned, -1 not now. The words go through the heap, never
  // ccall's stack: a copy may be megabytes long, more than the stack holds.
  function recoverOne(key, text) {
    const words = TowardGlue.textToHeap(text);
    if (!words) return -1;   // no memory for it now: the copy waits for the next start
    return Module.ccall('toward_recover_text', 'number', ['string', 'number', 'number'], [key, words.ptr, words.size]);
  }

  // Copies held now (tests and the long monkey run read them).
  function copies() { return withStore('readonly', (store) => store.getAll()); }

  return {
    state, crashed, fieldChanged, restore, copies,
    isCrash: (e) => looksLikeCrash(e),
    setPlainAtRest(plain) { state.plainAtRest = !!plain; },
  };
})();
