// web/glue/test_api.js: window.towardTest, the API the browser tests and benchmarks drive (README.md
// documents it). Only in the test build (TOWARD_TEST_HOOKS: build/web-test, build/web-asan), included with
// --pre-js after every other glue file. It calls the toward_test_* functions of web/test_exports.cpp and
// reads the glue's objects (TowardGlue, TowardPwa, TowardRescue); what it observes in the glue (the first
// frame, downloads, the files each sync writes) it learns by wrapping the glue's functions, so the glue
// people install carries none of it.
// [SECTION] observing the glue: first frame, downloads, files written per sync, a full disk on request
// [SECTION] window.towardTest
'use strict';

(function () {
  const glue = TowardGlue;
  const state = glue.state;
  const call = glue.call;

  // ------------------------------------------------------------------ [SECTION] observing the glue
  const seen = {
    firstFrameMs: null,
    openedMs: null,         // performance.now() at the first frame with every record read (onOpened)
    downloads: [],          // [{name, size}] offered so far
    lastSyncWrites: 0,      // files written to IndexedDB by the last completed sync
    lastSyncEntries: 0,     // all entries (files and folders) written by it
    countingWrites: 0,
    countingEntries: 0,
    simulateFull: false,    // IndexedDB refuses writes as a full disk would
    syncTimes: [],          // performance.now() at the end of each write sync that stored its files
    preRunMs: null,         // performance.now() when the module was ready (preRun)
    startedMs: null,        // ... when main() had started the app (before its first frame)
  };
  let readyResolve;
  const readyPromise = new Promise((resolve) => { readyResolve = resolve; });

  // C++ calls TowardGlue.onFirstFrame() and TowardGlue.download() by name (web/main.cpp,
  // core/platform/platform_web.cpp), so wrapping them here is enough.
  const onFirstFrame = glue.onFirstFrame;
  glue.onFirstFrame = function () {
    if (seen.firstFrameMs === null) {
      seen.firstFrameMs = performance.now();
      seen.firstFrameGlyphs = Module._toward_test_font_glyphs_all() ? 'everything' : 'latin';
    }
    onFirstFrame();
  };
  // ready(): the first frame with everything read (with many records the opening screen's frames come first).
  const onOpened = glue.onOpened;
  glue.onOpened = function () {
    if (seen.openedMs === null) seen.openedMs = performance.now();
    onOpened();
    readyResolve();
  };
  const onStarted = glue.onStarted;
  glue.onStarted = function () {
    seen.startedMs = performance.now();
    onStarted();
  };
  const download = glue.download;
  glue.download = function (name, mime, bytes) {
    download(name, mime, bytes);
    seen.downloads.push({ name, size: bytes instanceof Blob ? bytes.size : bytes.length });
  };

  // After the glue's own preRun (it mounts IDBFS and adapts it): counts what each sync writes, and
  // refuses writes while simulateStorageFull(true) holds.
  function observeIDBFS() {
    seen.preRunMs = performance.now();
    const storeRemote = IDBFS.storeRemoteEntry;
    IDBFS.storeRemoteEntry = function (db, path, entry, callback) {
      if (seen.simulateFull) {
        // The error arrives in the callback, as IndexedDB's does.
        setTimeout(() => callback(new DOMException('The quota has been exceeded.', 'QuotaExceededError')), 0);
        return undefined;
      }
      seen.countingEntries++;
      if (FS.isFile(entry.mode)) seen.countingWrites++;
      return storeRemote.call(this, db, path, entry, callback);
    };
    const syncfs = FS.syncfs;
    FS.syncfs = function (populate, callback) {
      if (populate) return syncfs.call(this, populate, callback);
      seen.countingWrites = 0;
      seen.countingEntries = 0;
      return syncfs.call(this, populate, (err) => {
        seen.lastSyncWrites = seen.countingWrites;
        seen.lastSyncEntries = seen.countingEntries;
        if (!err) seen.syncTimes.push(performance.now());
        callback(err);
      });
    };
  }
  Module.preRun = Module.preRun || [];
  Module.preRun.push(observeIDBFS);

  // ------------------------------------------------------------------ [SECTION] window.towardTest
  function json(name, args) {
    const types = args.map(() => 'string');
    return JSON.parse(call(name, 'string', types, args));
  }
  function needApp() { if (!state.started) throw new Error('Toward has not started in this tab'); }
  function checked(r) {
    if (!r.ok) throw new Error(r.error);
    return r;
  }
  const pwa = TowardPwa.state;

  window.towardTest = {
    ready: () => readyPromise,
    put(type, body, id) {
      needApp();
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return checked(json('toward_test_put', [String(type), text, id ? String(id) : ''])).id;
    },
    list(type) { needApp(); return json('toward_test_list', [String(type)]); },
    count(type) { needApp(); return call('toward_test_count', 'number', ['string'], [String(type)]); },
    remove(type, id) { needApp(); checked(json('toward_test_remove', [String(type), String(id)])); return true; },
    trashList() { needApp(); return json('toward_test_trash', []); },
    flush: () => glue.flush(),
    framesRendered: () => (state.started && !state.crashed ? Module._toward_test_frames_rendered() : 0),
    canvasDraws: () => (state.started && !state.crashed ? Module._toward_test_canvas_draws() : 0),
    // 'everything' or 'latin': the glyphs the font atlas holds (Latin only at a start with nothing kept).
    fontGlyphs() { needApp(); return Module._toward_test_font_glyphs_all() ? 'everything' : 'latin'; },
    // ... and what it held for the first frame (null before it).
    firstFrameFontGlyphs: () => seen.firstFrameGlyphs || null,
    firstFrameMs: () => seen.firstFrameMs,
    openedMs: () => seen.openedMs,
    // When each step of the start happened (performance.now()): the early lock, database open, read and
    // tree written (early_read.js, storage.js), the module ready (preRun), the app started, the first frame;
    // readWaitMs: how long the start was to wait for the whole read (storage.js startAsWriter).
    startStats() {
      return { early: Object.assign({}, TowardEarly.times), preRunMs: seen.preRunMs, startedMs: seen.startedMs,
        firstFrameMs: seen.firstFrameMs, openedMs: seen.openedMs, readWaitMs: state.readWaitMs };
    },
    version: () => (state.started ? UTF8ToString(Module._toward_version()) : ''),
    state() {
      if (state.crashed) return { saved: false, crashed: true, writer: state.writer, pendingSync: true, storageError: null };
      if (!state.started) return { saved: true, writer: state.writer, pendingSync: false, storageError: null };
      const s = json('toward_test_state', []);
      s.writer = state.writer;
      return s;
    },
    lastSyncWrites: () => seen.lastSyncWrites,
    lastSyncEntries: () => seen.lastSyncEntries,
    setSyncDelayMs(ms) { needApp(); Module._toward_test_set_sync_delay(Number(ms)); },
    simulateStorageFull(on) { seen.simulateFull = !!on; },
    downloads: () => seen.downloads.slice(),
    nav() { needApp(); return json('toward_test_nav', []); },
    // The id of the page shown now ('journal', 'settings', ...).
    shownPage() { needApp(); return json('toward_test_shown_page', []); },
    // [{id, title, x, y, w, h}] of the shell's quick actions ('feeling', 'therapist') and 'hide'.
    actions() { needApp(); return json('toward_test_actions', []); },
    // [{name, x, y, w, h, popup, child, overflowX}] of Dear ImGui's windows drawn in the last frame (dialogs among
    // them); overflowX: how far content reaches past the right edge.
    windows() { needApp(); return json('toward_test_windows', []); },
    // Crash rescue (rescue.js): make the next frame trap; the copies kept; how many came back at start.
    trapNextFrame() { needApp(); Module._toward_test_trap_next_frame(); },
    crashed: () => state.crashed,
    rescueCopies: () => TowardRescue.copies(),
    rescued: () => Promise.resolve(state.rescued || 0),
    unlockFrame() { needApp(); return JSON.parse(call('toward_test_unlock_frame', 'string', [], [])); },
    frameStats(reset) { needApp(); return JSON.parse(call('toward_test_frame_stats', 'string', ['number'], [reset ? 1 : 0])); },
    // The semantics tree on or off (bench_a11y.mjs's floor); flushLayout: the mirror's style and layout are
    // worked out inside the measured time (the browser would otherwise do it after the frame, unmeasured).
    a11yEnabled(on, flushLayout) { needApp(); glue.a11y.flushLayout = !!flushLayout; Module._toward_test_a11y_enabled(on ? 1 : 0); },
    backupBench(workFactor) { needApp(); return JSON.parse(call('toward_test_backup_bench', 'string', ['number'], [Number(workFactor)])); },
    // Backups: at most `records` records imported per frame (0 = as many as fit in the frame's time).
    importRecordsPerFrame(records) { needApp(); Module._toward_test_import_records_per_frame(Number(records)); },
    // Texture box: grounding sessions last `seconds` instead of the chosen minutes (0 = as chosen).
    journalSearchStep(entries, stepMs) { needApp(); Module._toward_test_journal_search_step(Number(entries), Number(stepMs || 0)); },
    textureSessionSeconds(seconds) { needApp(); Module._toward_test_texture_session_seconds(Number(seconds)); },
    // Texture box: {textures, bytes, peakTextures, peakBytes, uploads, maxUploadMs, maxPrepareMs} of photo textures.
    texturePhotoStats(reset) { needApp(); return JSON.parse(call('toward_test_texture_photo_stats', 'string', ['number'], [reset ? 1 : 0])); },
    // The vault: {status: 'off'|'locked'|'unlocked', covered, migrating, failedTries, retryInMs, prefs, problem}.
    vaultState() { needApp(); return json('toward_test_vault_state', []); },
    vaultEnable(passphrase) { needApp(); return json('toward_test_vault_enable', [String(passphrase)]); },
    vaultBeginEnable(passphrase) { needApp(); return json('toward_test_vault_begin_enable', [String(passphrase)]); },
    vaultDisable(passphrase) { needApp(); return json('toward_test_vault_disable', [String(passphrase)]); },
    vaultUnlock(passphrase) { needApp(); return json('toward_test_vault_unlock', [String(passphrase)]); },
    vaultLock() { needApp(); Module._toward_test_vault_lock(); },
    vaultSetPrefs(prefs) { needApp(); return json('toward_test_vault_set_prefs', [JSON.stringify(prefs)]); },
    // ms of one Argon2id derivation with the app's settings (64 MiB), for tests/browser/bench_vault.mjs.
    vaultKdfMs() { needApp(); return Module._toward_test_vault_kdf_ms(); },
    // Auto-lock after `ms` of idle time instead of the chosen minutes (0 = as chosen).
    vaultAutoLockMs(ms) { needApp(); Module._toward_test_vault_autolock_ms(Number(ms)); },
    quickHide: () => glue.quickHide(),
    // Paths of files in the data folder (in memory, mirrored to IndexedDB) whose bytes contain `word`.
    dataFilesContaining(word) { needApp(); return json('toward_test_data_files_containing', [String(word)]); },
    // The text the last frame drew (labels, headings, list lines), read from its draw lists (not pixels).
    drawnText() { needApp(); return call('toward_test_drawn_text', 'string', [], []); },
    // The second copy of the saved files (second_copy.js): path -> modification time, or null without one.
    secondCopy() { return TowardCopy.contents(); },
    syncTimes() { return seen.syncTimes.slice(); },
    secondCopyRestored() { return TowardCopy.restoredCount(); },
    secondCopyProblem() { return TowardCopy.state.problem; },
    // Resolves when this start's bringing of the copy in step (its index read, then any files) is done.
    secondCopyInStep() { return Promise.resolve(TowardCopy.state.inStep).then(() => TowardCopy.state.queue).then(() => true); },
    // {x, y, w, h} of the shell's quick-hide button in the last frame.
    hideButton() { needApp(); return json('toward_test_hide_button', []); },
    // The offline side (pwa.js): this page's build id, the worker, a waiting version, storage health.
    build() {
      const meta = document.querySelector('meta[name="toward-build"]');
      return meta ? meta.getAttribute('content') : '';
    },
    serviceWorkerControlled: () => !!(navigator.serviceWorker && navigator.serviceWorker.controller),
    checkForUpdate: () => TowardPwa.checkForUpdate(),
    updateReady: () => !!pwa.waiting,
    acceptUpdate: () => TowardPwa.acceptUpdate(),
    // [{path, message}] of the files the store could not read when it loaded (kept untouched).
    problems() { needApp(); return json('toward_test_problems', []); },
    storageHealth: () => ({ persisted: pwa.persisted, persistAsked: pwa.persistAsked, mayVanish: pwa.mayVanish, usage: pwa.usage, quota: pwa.quota }),

  };
})();
