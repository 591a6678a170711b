// web/glue/early_read.js: the page's first script (dist/early_read.js, its own <script> before toward.js in
// index.html). Starts what Toward's start waits for while toward.js (340 KB) and the wasm module are still
// being downloaded, parsed and compiled: the writer lock (Web Locks) and, once it is held, the read of every
// IDBFS entry with one getAll(). Emscripten calls storage.js's preRun only when the module is ready, and
// that takes the lock's outcome and the read from here (TowardEarly.lock(), TowardEarly.takeRead()).
// Being a script of its own, it begins ~60 ms sooner than as toward.js's first lines (a return start at
// 10,000 entries: the read done 85 ms sooner, README's session 11).
// storage.js stands in for it when it did not load (every step is then done there, later).
// It also fetches the font, and fetches and compiles the wasm module (TowardEarly.takeWasm(): storage.js hands
// it to Emscripten through Module.instantiateWasm), so that the module's download and compile run beside
// toward.js's download and parse instead of after them. The module's download itself begins with the page's
// first requests (index.html preloads it, as the fetch here asks for it): a first visit drew ~25 ms sooner.
// Before that whole read, a small one (readFirst) takes what the first frame needs: the settings' folder (the
// person's look) and whether the vault is on. With many records storage.js lets
// main() draw the opening screen from those while the whole read goes on (README, "the start").
// The writer lock rule holds: nothing is read before the lock is this tab's. Any problem here (no Web
// Locks, no getAll, IndexedDB refusing) leaves storage.js's own way, which does the same later.
// The database is opened as IDBFS opens it (name, version, store and index), and that connection is
// handed to IDBFS for every later sync; the upgrade event, when there was one, is kept for storage.js
// (TowardGlue.upgradeEvent: Chromium says there whether it dropped the store, event.dataLoss).
'use strict';

var TowardEarly = (function () {
  const LOCK = 'toward-writer';   // storage.js's LOCK
  const DB_NAME = '/data';         // IDBFS names a mount's database after its mount point (storage.js's DATA)
  const DB_VERSION = 21;           // IDBFS.DB_VERSION (Emscripten 3.1.6)
  const STORE = 'FILE_DATA';       // IDBFS.DB_STORE_NAME
  const FONT_URL = 'assets/NotoSans-Regular.ttf';   // storage.js's FONT_URL
  const WASM_URL = 'toward.wasm';                     // Emscripten's wasmBinaryFile, beside toward.js
  const SETTINGS = DB_NAME + '/records/core.settings/';   // core/settings.h kSettingsType's folder
  const VAULT_FILE = DB_NAME + '/vault.json';             // core/vault/vault_key.h kVaultFileName, at the root

  const early = {
    lock: null,          // Promise of {held: true, release} or {held: false}; null: not started here
    read: null,          // Promise of {db, keys, values}, started once the lock is held
    first: null,         // Promise of {vault, keys, values}: readFirst, done just before it begins
    readDone: false,     // the whole read has its answer
    upgradeEvent: null,  // the versionchange event of our open, when the database was made or upgraded
    times: {},           // performance.now() of each step (lock, opened, read), for the benchmark
    font: null,          // Promise of the font's bytes (ArrayBuffer), fetched at once
    wasm: null,          // Promise of the compiled WebAssembly.Module, begun at once
    cacheNames: null,    // Promise of caches.keys(), asked once the lock is held
  };

  early.times.script = performance.now();   // this script began (index.html's preload began the module sooner)

  function openDatabase() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = (e) => {
        early.upgradeEvent = e;
        if (typeof TowardGlue !== 'undefined') TowardGlue.upgradeEvent = e;
        // What IDBFS.getDB makes: the store and its timestamp index.
        const db = req.result;
        const store = db.objectStoreNames.contains(STORE) ? req.transaction.objectStore(STORE) : db.createObjectStore(STORE);
        if (!store.indexNames.contains('timestamp')) store.createIndex('timestamp', 'timestamp', { unique: false });
      };
      req.onsuccess = () => { early.times.opened = performance.now(); resolve(req.result); };
      req.onerror = (e) => { e.preventDefault(); reject(req.error); };
    });
  }

  // What the first frame needs: every file of the settings' folder and whether vault.json is there. The whole
  // read waits for it (1-2 ms): Chromium answers two read transactions begun together only when both are done.
  function readFirst(db) {
    return new Promise((resolve, reject) => {
      const tx = db.transaction([STORE], 'readonly');
      const store = tx.objectStore(STORE);
      if (!store.getAll || !store.getAllKeys) { reject(new Error('no getAll in this browser')); return; }
      const range = IDBKeyRange.bound(SETTINGS, SETTINGS + '\uffff');
      const vault = store.count(VAULT_FILE);
      const keys = store.getAllKeys(range);
      const values = store.getAll(range);
      tx.oncomplete = () => {
        early.times.first = performance.now();
        resolve({ vault: vault.result > 0, keys: keys.result, values: values.result });
      };
      tx.onerror = (e) => { e.preventDefault(); reject(tx.error); };
      tx.onabort = () => reject(tx.error || new Error('the read was stopped'));
    });
  }

  function readAll(db) {
    return new Promise((resolve, reject) => {
      const tx = db.transaction([STORE], 'readonly');
      const store = tx.objectStore(STORE);
      if (!store.getAll || !store.getAllKeys) { reject(new Error('no getAll in this browser')); return; }
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        early.times.read = performance.now();
        early.readDone = true;
        resolve({ db, keys: keys.result, values: values.result });
      };
      tx.onerror = (e) => { e.preventDefault(); reject(tx.error); };
      tx.onabort = () => reject(tx.error || new Error('the read was stopped'));
    });
  }

  function start() {
    if (!(typeof navigator === 'object' && navigator.locks && navigator.locks.request) || typeof indexedDB !== 'object') return;
    // The database is opened while the lock is asked for (in a fresh profile each takes 100-400 ms): opening
    // reads nothing, and a tab that does not get the lock closes it again.
    const opened = openDatabase();
    opened.catch(() => { /* storage.js opens it its own way */ });
    early.lock = new Promise((resolveLock) => {
      early.times.lockAsked = performance.now();
      navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
        early.times.lock = performance.now();
        if (!lock) {
          opened.then((db) => db.close(), () => {});
          resolveLock({ held: false });
          return undefined;
        }
        let release;
        const held = new Promise((r) => { release = r; });
        early.first = opened.then(readFirst);
        early.first.catch(() => { /* storage.js waits for the whole read instead */ });
        early.read = early.first.then(() => opened, () => opened).then(readAll);
        early.read.catch(() => { /* storage.js reads again its own way */ });
        // The caches' names beside the read, for the second copy's look at whether it has anything
        // (second_copy.js anyCopy): only the writer writes the copy, so asked with the lock held they stay
        // true until this tab writes.
        try { early.cacheNames = typeof caches === 'object' && caches && caches.keys ? caches.keys() : null; } catch (e) { early.cacheNames = null; }
        if (early.cacheNames) early.cacheNames.catch(() => { /* second_copy.js asks again */ });
        resolveLock({ held: true, release });
        return held;
      }).catch(() => resolveLock(null));
    });
  }
  // The page's own words (the notices, the text fields, the printed letter) are in the same font as the
  // canvas, from the same bytes: one download (an @font-face url would fetch it a second time).
  function addPageFont(buf) {
    if (typeof FontFace !== 'function' || !document.fonts) return;
    const face = new FontFace('Toward Sans', buf.slice(0));
    document.fonts.add(face);
    face.load().catch(() => { /* the page's words stay in the system's font */ });
  }
  // The person's colours and text size, kept by storage.js keepLook at the last start: the page's own
  // "Opening your space..." is shown in them from the first paint (no light flash for someone who chose dark).
  const LOOK_KEY = 'toward-look';   // storage.js's LOOK_KEY
  try {
    const look = (localStorage.getItem(LOOK_KEY) || '').split(' ');
    const root = document.documentElement;
    if (look[0] === 'dark' || look[0] === 'light') root.setAttribute('data-look', look[0]);
    const percent = Number(look[1]);
    if (percent >= 80 && percent <= 200) root.style.fontSize = percent + '%';
  } catch (e) { /* no local storage: the device's look */ }
  // The lock first (asking costs nothing here), then the module: the largest thing the start waits for
  // (2.3 MB), compiled as it arrives.
  try { start(); } catch (e) { early.lock = null; }
  try {
    if (typeof WebAssembly === 'object' && WebAssembly.compileStreaming && typeof fetch === 'function') {
      early.wasm = WebAssembly.compileStreaming(fetch(WASM_URL, { credentials: 'same-origin' }));
      early.wasm.then(() => { early.times.compiled = performance.now(); }, () => { /* storage.js's own way */ });
    }
  } catch (e) { early.wasm = null; }
  try {
    early.font = fetch(FONT_URL).then((r) => {
      if (!r.ok) throw new Error('font ' + r.status);
      return r.arrayBuffer();
    }).then((buf) => { addPageFont(buf); return buf; });
    early.font.catch(() => { /* storage.js fetches it again */ });
  } catch (e) { early.font = null; }
  return {
    // The lock's outcome as a promise (null: storage.js asks for the lock itself).
    lock: () => early.lock,
    // The read begun here, once (null when there is none): later reads go through IDBFS.
    takeRead() {
      const read = early.read;
      early.read = null;
      return read;
    },
    // The small read of what the first frame needs (null when there is none), and whether the whole read
    // has its answer yet.
    takeFirst() {
      const first = early.first;
      early.first = null;
      return first;
    },
    readDone: () => early.readDone,
    // The whole read's promise without taking it (null: none), to wait a little for it.
    peekRead: () => early.read,
    upgradeEvent: () => early.upgradeEvent,
    // The module's compile begun here, once (null: none).
    takeWasm() {
      const wasm = early.wasm;
      early.wasm = null;
      return wasm;
    },
    addPageFont,
    // The caches' names asked once the lock was held (null: none asked), once.
    takeCacheNames() {
      const names = early.cacheNames;
      early.cacheNames = null;
      return names;
    },
    // The font fetch begun here, once (null: none).
    takeFont() {
      const font = early.font;
      early.font = null;
      return font;
    },
    times: early.times,
  };
})();
