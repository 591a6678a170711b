// web/glue/glue.js: the browser half of Toward's platform layer, included with --pre-js so it shares
Module.canvas = document.getElementById('canvas');
// the module's scope (FS, IDBFS, addRunDependency). C++ reaches it only from core/platform/platform_web.cpp.
//
// [SECTION] start-up: one writer tab (Web Locks), the IDBFS mount, the initial load, the font
// [SECTION] durability: syncs queued one at a time, flush on hide
// [SECTION] handover: a second tab asks the writer to save and step aside, then takes over
// [SECTION] text fields: real <textarea>/<input> elements over the canvas
// (the crash rescue lives in rescue.js)
'use strict';

var TowardGlue = (function () {
  const DATA = '/data';
  const FONT_URL = 'assets/NotoSans-Regular.ttf';
  const FONT_PATH = '/fonts/NotoSans-Regular.ttf';
  const LOCK = 'toward-writer';

  const state = {
    started: false,       // the C++ app is running (main was called)
    writer: false,        // this tab holds the writer lock
    syncing: false,
    releaseLock: null,    // resolves the held lock's promise
    flushWaiters: [],
    wakeRequested: false,
    crashed: false,       // the module trapped or aborted (rescue.js): nothing calls into it any more
  };
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('toward') : null;

  const $ = (id) => document.getElementById(id);
  // After a crash (web/glue/rescue.js) the module is never called again (its memory may be corrupt):
  // late callbacks (a sync finishing, a file read) are dropped quietly.
  function call(name, ret, types, args) {
    if (state.crashed) return undefined;
    try {
      return Module.ccall(name, ret, types, args);
    } catch (e) {
      // A trap or an exit inside the module (a sanitizer report ends the program) is a crash.
      if (TowardRescue.isCrash(e)) TowardRescue.crashed(e);
      throw e;
    }
  }

  // ------------------------------------------------------------------ [SECTION] start-up
  function showNotice(kind, detail) {
    const notice = $('tab-notice');
    if (!notice) return;
    const title = $('tab-notice-title'), text = $('tab-notice-text'), button = $('take-over');
    if (kind === 'other') {
      title.textContent = 'Toward is open in another tab';
      text.textContent = 'To keep every word safe, Toward works in one tab at a time. You can keep using the other tab, or continue here: the other tab will save what it has and step aside.';
    } else if (kind === 'moved') {
      title.textContent = 'Toward moved to another tab';
      text.textContent = 'Everything you wrote here was saved before the other tab took over. You can come back here at any time.';
    } else if (kind === 'asking') {
      title.textContent = 'Just a moment';
      text.textContent = 'The other tab is saving what it has before it steps aside.';
    } else if (kind === 'refused') {
      title.textContent = 'The other tab is still saving';
      text.textContent = 'It could not store its latest words yet (' + detail + '), so it keeps them for now. Please try again in a little while.';
    }
    button.hidden = kind === 'asking';
    notice.hidden = false;
    const loading = $('loading');
    if (loading) loading.hidden = true;
  }
  function hideNotice() { const n = $('tab-notice'); if (n) n.hidden = true; }
  function showLoading(text) {
    const loading = $('loading');
    if (!loading) return;
    if (text) $('loading-text').textContent = text;
    loading.hidden = false;
  }
  function showFatal(text) {
    showLoading(text);
    const spinner = $('loading-dot');
    if (spinner) spinner.hidden = true;
  }

  function holdLock(lock) {
    state.writer = true;
    return new Promise((resolve) => { state.releaseLock = resolve; });
  }

  // Populates the in-memory tree from IndexedDB (IDBFS's own way: one request per file, and it also
  // removes local files that IndexedDB does not have). Nothing is ever written before a load finished.
  function loadFromIndexedDB() {
    remote.entries = null;  // another tab may have written: compare with what IndexedDB really holds
    return new Promise((resolve, reject) => {
      FS.syncfs(true, (err) => {
        remote.entries = null;  // learn the remote set afresh at the next sync
        if (err) reject(err); else resolve();
      });
    });
  }

  // The first load of an empty tree, fast: every IDBFS entry in one getAll(), written into the
  // in-memory tree exactly as IDBFS's storeLocalEntry does (contents, mode, timestamp). Falls back to
  // loadFromIndexedDB() on any problem.
  function loadInitial() {
    return new Promise((resolve, reject) => {
      IDBFS.getDB(DATA, (err, db) => {
        if (err) { reject(err); return; }
        let tx;
        try { tx = db.transaction([IDBFS.DB_STORE_NAME], 'readonly'); } catch (e) { reject(e); return; }
        const store = tx.objectStore(IDBFS.DB_STORE_NAME);
        if (!store.getAll || !store.getAllKeys) { loadFromIndexedDB().then(resolve, reject); return; }
        const keysReq = store.getAllKeys();
        const valuesReq = store.getAll();
        tx.oncomplete = () => {
          try {
            const keys = keysReq.result, values = valuesReq.result;
            const order = keys.map((k, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
            const known = {};
            for (let n = 0; n < order.length; n++) {
              const path = keys[order[n]], entry = values[order[n]];
              if (FS.isDir(entry.mode)) FS.mkdirTree(path, entry.mode);
              else if (FS.isFile(entry.mode)) FS.writeFile(path, entry.contents, { canOwn: true });
              else continue;
              FS.chmod(path, entry.mode);
              FS.utime(path, entry.timestamp, entry.timestamp);
              known[path] = { timestamp: entry.timestamp };
            }
            remote.entries = known;
            resolve();
          } catch (e) {
            console.warn('Toward is loading the slower way: ' + e);
            loadFromIndexedDB().then(resolve, reject);
          }
        };
        tx.onerror = (e) => { e.preventDefault(); loadFromIndexedDB().then(resolve, reject); };
      });
    });
  }

  function loadFont() {
    return fetch(FONT_URL).then((r) => {
      if (!r.ok) throw new Error('font ' + r.status);
      return r.arrayBuffer();
    }).then((buf) => {
      try { FS.mkdir('/fonts'); } catch (e) { /* exists */ }
      FS.writeFile(FONT_PATH, new Uint8Array(buf));
    });
  }

  // What IndexedDB holds (path -> {timestamp}), as far as this tab knows. Only the tab holding the
  // writer lock writes there, so after a load it can keep this set itself instead of reading every key
  // back at each sync (IDBFS's getRemoteSet walks all keys: O(records) per save). Forgotten (null) after
  // any failed sync or reload, and then read again the slow, sure way.
  const remote = { entries: null };

  // Emscripten's file system finds every path component in one hash table of 4096 chains; with tens of
  // thousands of record files each lookup walks long chains (every file operation does several). A wider
  // table keeps them short. Nodes made so far are hashed again into it.
  function widenNameTable() {
    const old = FS.nameTable;
    if (!old || old.length >= 65536) return;
    const nodes = [];
    for (let i = 0; i < old.length; i++) {
      for (let n = old[i]; n; n = n.name_next) nodes.push(n);
    }
    FS.nameTable = new Array(65536);
    nodes.forEach((n) => FS.hashAddNode(n));
  }

  // What is in the in-memory tree under the mount (path -> {timestamp}), as IDBFS.getLocalSet gives it,
  // read from the nodes themselves instead of a stat() by path for each file (each resolves the whole
  // path again). Null when the tree holds anything but plain files and folders (then IDBFS's own way).
  function localSetFromNodes(mountpoint) {
    const entries = {};
    const stack = [{ path: mountpoint, node: FS.lookupPath(mountpoint).node }];
    while (stack.length) {
      const dir = stack.pop();
      const names = Object.keys(dir.node.contents || {});
      for (let i = 0; i < names.length; i++) {
        const node = dir.node.contents[names[i]];
        const path = dir.path + '/' + names[i];
        if (node.mounted || !(FS.isDir(node.mode) || FS.isFile(node.mode))) return null;
        entries[path] = { timestamp: new Date(node.timestamp) };
        if (FS.isDir(node.mode)) stack.push({ path, node });
      }
    }
    return entries;
  }

  function instrumentIDBFS() {
    const getLocalSet = IDBFS.getLocalSet;
    IDBFS.getLocalSet = function (mount, callback) {
      let entries = null;
      try { entries = mount.mountpoint === DATA ? localSetFromNodes(mount.mountpoint) : null; } catch (e) { entries = null; }
      if (!entries) return getLocalSet.call(this, mount, callback);
      return callback(null, { type: 'local', entries });
    };
    const getRemoteSet = IDBFS.getRemoteSet;
    IDBFS.getRemoteSet = function (mount, callback) {
      if (!remote.entries || mount.mountpoint !== DATA) {
        return getRemoteSet.call(this, mount, (err, set) => {
          if (!err && mount.mountpoint === DATA) remote.entries = Object.assign({}, set.entries);
          callback(err, set);
        });
      }
      IDBFS.getDB(mount.mountpoint, (err, db) => {
        if (err) return callback(err);
        callback(null, { type: 'remote', db, entries: Object.assign({}, remote.entries) });
      });
      return undefined;
    };
    const removeRemote = IDBFS.removeRemoteEntry;
    IDBFS.removeRemoteEntry = function (store, path, callback) {
      return removeRemote.call(this, store, path, (err) => {
        if (!err && remote.entries) delete remote.entries[path];
        callback(err);
      });
    };
    const store = IDBFS.storeRemoteEntry;
    IDBFS.storeRemoteEntry = function (db, path, entry, callback) {
      return store.call(this, db, path, entry, (err) => {
        if (!err && remote.entries) remote.entries[path] = { timestamp: entry.timestamp };
        callback(err);
      });
    };
  }

  // Runs once the writer lock is ours: load data and the font, then let main() start.
  function startAsWriter() {
    hideNotice();
    showLoading('Opening your space...');
    Promise.all([loadInitial(), loadFont()]).then(() => {
      removeRunDependency('toward-start');
    }).catch((err) => {
      showFatal('Toward could not open its storage in this browser (' + describe(err) + '). Nothing was changed. ' +
        'Private windows and some privacy settings block storage; a normal window usually works.');
    });
  }

  function preRun() {
    addRunDependency('toward-start');
    widenNameTable();
    FS.mkdir(DATA);
    FS.mount(IDBFS, {}, DATA);
    instrumentIDBFS();
    if (!(navigator.locks && navigator.locks.request)) {
      // Without Web Locks (very old browsers) there is no way to coordinate tabs; carry on as the writer.
      state.writer = true;
      startAsWriter();
      return;
    }
    navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
      if (!lock) { showNotice('other'); return undefined; }
      const held = holdLock(lock);
      startAsWriter();
      return held;
    });
  }
  Module.preRun = Module.preRun || [];
  Module.preRun.push(preRun);

  // ------------------------------------------------------------------ [SECTION] durability
  function describe(err) {
    if (!err) return 'unknown reason';
    if (err.name === 'QuotaExceededError') return 'the browser says there is no room left';
    if (err.name) return err.name + (err.message ? ': ' + err.message : '');
    if (err.errno !== undefined) return 'file system error ' + err.errno;
    return String(err);
  }

  // Called by C++ (DurabilityTracker guarantees one at a time; the guard is a second belt).
  function sync() {
    if (state.syncing) return;
    state.syncing = true;
    FS.syncfs(false, (err) => {
      if (err) remote.entries = null;  // a failed transaction stored nothing: read the real set next time
      state.syncing = false;
      call('toward_platform_sync_done', null, ['number', 'string'], [err ? 0 : 1, err ? describe(err) : '']);
      settleFlushWaiters(err);
      if (typeof TowardPwa !== 'undefined') TowardPwa.refreshStorageSoon();
      wake();
    });
  }

  function isSaved() { return !state.crashed && (!state.started || Module._toward_is_saved() === 1); }

  function settleFlushWaiters(err) {
    if (isSaved()) {
      const waiters = state.flushWaiters.splice(0);
      waiters.forEach((w) => w.resolve());
    } else if (err) {
      const waiters = state.flushWaiters.splice(0);
      waiters.forEach((w) => w.reject(new Error('Your latest changes could not be stored yet: ' + describe(err))));
    }
  }

  // Commits what is being typed, and makes everything durable as soon as possible.
  function flush() {
    return new Promise((resolve, reject) => {
      if (state.crashed) { reject(new Error('Toward stopped unexpectedly; your words were put aside')); return; }
      if (!state.started || !state.writer) { resolve(); return; }
      state.flushWaiters.push({ resolve, reject });
      Module._toward_flush_now();
      settleFlushWaiters(null);
    });
  }

  function flushSoon() { if (state.started && state.writer && !state.crashed) Module._toward_flush_now(); }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden' || !state.started || state.crashed) return;
    // Saves (as a writer) and locks the vault when the person chose "lock when I switch away".
    Module._toward_page_hidden();
  });

  // ------------------------------------------------------------------ [SECTION] quick hide, discreet mode
  // Ctrl+Shift+H, caught at the document in the capture phase so that a focused text field cannot
  // swallow it (no text field uses it). The vault locks, or without one a neutral page covers the screen.
  function quickHide() {
    if (!state.started) return;
    if (state.crashed) {
      // After a crash nothing can be stored any more: the words leave the screen but stay in their fields
      // (pressing it again brings them back), so a plain copy or "Copy my words" still has them.
      document.body.classList.toggle('hidden-after-crash');
      return;
    }
    const url = UTF8ToString(Module._toward_quick_hide_url());
    Module._toward_quick_hide();
    text.clearAll();
    // The chosen page replaces this one only once everything is stored (the screen is already hidden);
    // if storing fails, Toward stays, locked or covered, so that nothing is lost.
    if (url) flush().then(() => window.location.replace(url), () => {});
  }
  document.addEventListener('keydown', (e) => {
    if (e.code === 'KeyH' && e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      quickHide();
    }
  }, true);
  const neutralIcon = 'data:image/svg+xml,' + encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="4" y="4" width="24" height="24" rx="5" fill="#9a9a9a"/></svg>');
  // A plain title and icon while the vault is in discreet mode. A flag in localStorage (which says no
  // more than vault.json does) lets the next visit look plain from the glue's first line, before the
  // app has started.
  function setDiscreet(on) {
    document.title = on ? 'Notes' : 'Toward';
    document.querySelectorAll('link[rel="icon"]').forEach((link) => {
      if (!link.dataset.own) link.dataset.own = link.getAttribute('href');
      link.setAttribute('href', on ? neutralIcon : link.dataset.own);
    });
    try {
      if (on) localStorage.setItem('toward.discreet', '1'); else localStorage.removeItem('toward.discreet');
    } catch (e) { /* storage refused: the app sets the title once it starts */ }
  }
  try { if (localStorage.getItem('toward.discreet') === '1') setDiscreet(true); } catch (e) { /* see above */ }
  window.addEventListener('pagehide', flushSoon);
  window.addEventListener('freeze', flushSoon);
  window.addEventListener('beforeunload', (e) => {
    flushSoon();
    if (state.started && state.writer && !isSaved()) { e.preventDefault(); e.returnValue = ''; }
  });

  function wake() {
    if (state.started && !state.crashed && Module._toward_wake) Module._toward_wake();
  }

  // ------------------------------------------------------------------ [SECTION] handover
  if (channel) {
    channel.onmessage = (ev) => {
      const msg = ev.data || {};
      if (msg.type === 'handover' && state.writer) stepAside();
      if (msg.type === 'handover-refused' && !state.writer) showNotice('refused', msg.reason || '');
    };
  }

  function stepAside() {
    flush().then(() => {
      Module._toward_set_writer(0);
      state.writer = false;
      const release = state.releaseLock;
      state.releaseLock = null;
      showNotice('moved');
      if (release) release();
    }, (err) => {
      channel.postMessage({ type: 'handover-refused', reason: String(err.message || err) });
    });
  }

  let takeOverAbort = null;
  function takeOver() {
    if (state.writer) return;
    showNotice('asking');
    if (takeOverAbort) takeOverAbort.abort();
    takeOverAbort = new AbortController();
    navigator.locks.request(LOCK, { signal: takeOverAbort.signal }, (lock) => {
      const held = holdLock(lock);
      takeOverAbort = null;
      if (!state.started) {
        startAsWriter();
      } else {
        // This tab ran before: read what the other tab saved, then write again.
        loadFromIndexedDB().then(() => {
          Module._toward_reload_store();
          Module._toward_set_writer(1);
          hideNotice();
          wake();
        }, (err) => showFatal('Toward could not read its storage (' + describe(err) + '). Nothing was changed.'));
      }
      return held;
    }).catch(() => { /* aborted: a new attempt replaced this one */ });
    if (channel) channel.postMessage({ type: 'handover' });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = $('take-over');
    if (button) button.addEventListener('click', takeOver);
  });

  // ------------------------------------------------------------------ [SECTION] text fields
  const text = {
    fields: new Map(),
    style: { bg: '#fbf9f6', fg: '#33302b', accent: '#3f7f7a', fontPx: 16 },
    layer() { return $('text-layer'); },
    hex(n) { return '#' + (n >>> 0).toString(16).padStart(6, '0'); },
    setStyle(bg, fg, accent, fontPx) {
      this.style = { bg: this.hex(bg), fg: this.hex(fg), accent: this.hex(accent), fontPx };
      const root = document.documentElement.style;
      root.setProperty('--field-bg', this.style.bg);
      root.setProperty('--field-fg', this.style.fg);
      root.setProperty('--field-accent', this.style.accent);
      const meta = document.querySelector('meta[name="theme-color"]');
      if (meta) meta.setAttribute('content', this.style.bg);
    },
    create(key, multiline) {
      const wrap = document.createElement('div');
      wrap.className = 'field-clip';
      const el = document.createElement(multiline ? 'textarea' : 'input');
      if (!multiline) el.type = 'text';
      el.className = 'field';
      el.spellcheck = true;
      el.autocomplete = 'off';
      el.setAttribute('autocapitalize', 'sentences');
      el.addEventListener('input', () => {
        if (state.crashed) { TowardRescue.fieldChanged(); return; }
        call('toward_platform_text_input', null, ['string', 'string'], [key, el.value]);
        wake();
      });
      el.addEventListener('blur', () => {
        // A focused field removed by endFrame() blurs synchronously, inside a frame: its text was already
        // handed over, and a flush here would draw a frame inside this one.
        if (text.removing || state.crashed) return;
        call('toward_platform_text_input', null, ['string', 'string'], [key, el.value]);
        flushSoon();
      });
      el.addEventListener('focus', wake);
      el.addEventListener('keydown', (e) => {
        // Escape never discards text: it only leaves the field.
        if (e.key === 'Escape') { e.preventDefault(); el.blur(); document.getElementById('canvas').focus(); }
        // Enter in the unlock screen's passphrase field opens the vault.
        if (e.key === 'Enter' && key === 'vault/unlock' && !state.crashed) { e.preventDefault(); Module._toward_unlock_submit(); }
        // Enter in any other single-line field submits its form (the app decides what that means).
        else if (e.key === 'Enter' && !multiline && !e.isComposing && !state.crashed) {
          e.preventDefault();
          call('toward_platform_text_input', null, ['string', 'string'], [key, el.value]);
          call('toward_platform_text_submit', null, ['string'], [key]);
          wake();
        }
      });
      wrap.appendChild(el);
      this.layer().appendChild(wrap);
      const field = { wrap, el, multiline, placed: false };
      this.fields.set(key, field);
      return field;
    },
    place(key, x, y, w, h, cx, cy, cw, ch, multiline, focus, fontPx, placeholder, label, value) {
      let f = this.fields.get(key);
      if (f && f.multiline !== multiline) { f.wrap.remove(); this.fields.delete(key); f = null; }
      if (!f) f = this.create(key, multiline);
      f.placed = true;
      const ws = f.wrap.style, es = f.el.style;
      ws.left = cx + 'px'; ws.top = cy + 'px'; ws.width = Math.max(0, cw) + 'px'; ws.height = Math.max(0, ch) + 'px';
      es.left = (x - cx) + 'px'; es.top = (y - cy) + 'px'; es.width = w + 'px'; es.height = h + 'px';
      es.fontSize = fontPx + 'px';
      if (f.el.placeholder !== placeholder) f.el.placeholder = placeholder;
      if (f.el.getAttribute('aria-label') !== label) f.el.setAttribute('aria-label', label);
      if (value !== null && f.el.value !== value) {
        const focused = document.activeElement === f.el;
        const start = f.el.selectionStart, end = f.el.selectionEnd;
        f.el.value = value;
        if (focused) { try { f.el.setSelectionRange(Math.min(start, value.length), Math.min(end, value.length)); } catch (e) { /* */ } }
      }
      if (f.wrap.hidden) f.wrap.hidden = false;
      if (focus && document.activeElement !== f.el) f.el.focus({ preventScroll: true });
    },
    endFrame() {
      pickers.endFrame();
      // (no destructuring in for-of: Emscripten 3.1.6's minifier mangles it)
      this.fields.forEach((f, key) => {
        if (!f.placed) {
          // Forget the field first: handing over its text may blur it and draw a nested frame.
          this.fields.delete(key);
          if (document.activeElement === f.el && !f.secret) call('toward_platform_text_input', null, ['string', 'string'], [key, f.el.value]);
          if (f.secret) f.el.value = '';
          this.removing = true;
          try { if (f.wrap.parentNode) f.wrap.remove(); } finally { this.removing = false; }
        } else {
          f.placed = false;
        }
      });
    },
    // A passphrase field: dots, no spellcheck, no autofill or saving by the browser. Called after place().
    makePassword(key) {
      const f = this.fields.get(key);
      if (!f || f.el.type === 'password') return;
      f.el.type = 'password';
      f.el.spellcheck = false;
      f.el.autocomplete = 'new-password';
      f.el.setAttribute('autocapitalize', 'off');
      f.el.setAttribute('autocorrect', 'off');
      f.secret = true;
    },
    // Empties and removes every field at once (the vault locked, or quick hide covered the screen).
    clearAll() {
      this.removing = true;
      try {
        this.fields.forEach((f) => {
          f.el.value = '';
          if (f.wrap.parentNode) f.wrap.remove();
        });
      } finally { this.removing = false; }
      this.fields.clear();
      const layer = this.layer();
      if (layer) while (layer.firstChild) layer.removeChild(layer.firstChild);
      clearPrintPage();
    },
    hasFocus() {
      const a = document.activeElement;
      return !!a && a.classList && a.classList.contains('field');
    },
  };

  // Offers bytes (a Uint8Array) as a file download; the file never leaves the device otherwise.
  function download(name, mime, bytes) {
    const blob = new Blob([bytes], { type: mime });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  // Hands a picked file's bytes (a Uint8Array, or null) to C++ (toward_platform_file_picked).
  function deliverFile(request, ok, name, bytes) {
    if (state.crashed) return;
    let ptr = 0;
    const size = bytes ? bytes.length : 0;
    if (ok && size > 0) {
      ptr = Module._toward_platform_alloc(size);
      if (!ptr) { ok = false; } else { HEAPU8.set(bytes, ptr); }
    }
    call('toward_platform_file_picked', null, ['number', 'number', 'string', 'number', 'number'],
      [request, ok ? 1 : 0, name || '', ptr, ok ? size : 0]);
    wake();
  }
  function readChosen(request, input) {
    const file = input.files && input.files[0];
    if (!file) { deliverFile(request, false, '', null); return; }
    file.arrayBuffer().then((buf) => deliverFile(request, true, file.name, new Uint8Array(buf)),
      () => deliverFile(request, false, file.name, null));
  }

  // Lets the person pick a file with a hidden <input type=file> (no inline script: CSP), then hands its
  // bytes to C++ (toward_platform_file_picked). Only the latest request is answered there.
  function pickFile(request, accept) {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.hidden = true;
    let answered = false;
    const answer = (fn) => {
      if (answered) return;
      answered = true;
      input.remove();
      fn();
    };
    input.addEventListener('change', () => answer(() => readChosen(request, input)));
    input.addEventListener('cancel', () => answer(() => deliverFile(request, false, '', null)));
    document.body.appendChild(input);
    input.click();
  }

  // File choosers over buttons the app drew (Platform::placeFilePicker): a real, invisible
  // <input type=file> exactly where the button is, so the chooser opens inside the click's own event.
  // Placed every frame; one not placed in a frame is removed at text.endFrame(). A cancelled choice
  // changes nothing and is not reported.
  const pickers = {
    items: new Map(),
    place(request, key, x, y, w, h, accept, label) {
      let p = this.items.get(key);
      if (!p) {
        const el = document.createElement('input');
        el.type = 'file';
        el.className = 'file-picker';
        el.addEventListener('change', () => {
          readChosen(p.request, el);
          el.value = '';   // the same file can be chosen again
        });
        text.layer().appendChild(el);
        p = { el, request, placed: false };
        this.items.set(key, p);
      }
      p.request = request;
      p.placed = true;
      const es = p.el.style;
      es.left = x + 'px'; es.top = y + 'px'; es.width = Math.max(0, w) + 'px'; es.height = Math.max(0, h) + 'px';
      p.el.hidden = !(w > 0 && h > 0);
      if (p.el.accept !== accept) p.el.accept = accept;
      if (p.el.getAttribute('aria-label') !== label) { p.el.setAttribute('aria-label', label); p.el.title = label; }
    },
    endFrame() {
      this.items.forEach((p, key) => {
        if (!p.placed) { this.items.delete(key); p.el.remove(); } else { p.placed = false; }
      });
    },
  };

  // ------------------------------------------------------------------ [SECTION] pictures
  // Photos for the texture box. pick(): a hidden <input type=file accept="image/*"> (on phones the
  // system offers the gallery and the camera), checked against the limits before decoding (file size)
  // and after (pixel size), decoded by the browser (createImageBitmap), downscaled on a canvas, and
  // handed to C++ as JPEG bytes and RGBA pixels. decode(): stored JPEG bytes back to RGBA pixels for
  // drawing. Answers go to toward_platform_image_done(req, status, ...): status 0 ok, 1 cancelled,
  // 2 file too large, 3 too many pixels, 4 unreadable. Nothing leaves the device.
  const images = {
    deliver(req, status, inputBytes, sw, sh, w, h, jpeg, rgba) {
      if (!state.started || state.crashed) return;
      const jl = jpeg ? jpeg.length : 0, rl = rgba ? rgba.length : 0;
      const jp = jl ? Module._toward_platform_image_alloc(jl) : 0;
      if (jp) HEAPU8.set(jpeg, jp);
      const rp = rl ? Module._toward_platform_image_alloc(rl) : 0;
      if (rp) HEAPU8.set(rgba, rp);   // (HEAPU8 is read again: the allocation may have grown memory)
      Module._toward_platform_image_done(req, status, inputBytes, sw, sh, w, h, jp, jp ? jl : 0, rp, rp ? rl : 0);
      wake();
    },
    canvas(w, h) {
      if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(w, h);
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      return c;
    },
    // Draws a bitmap no larger than maxSide on the long side; white behind transparent parts (JPEG).
    draw(bitmap, maxSide) {
      const s = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height, 1));
      const w = Math.max(1, Math.round(bitmap.width * s)), h = Math.max(1, Math.round(bitmap.height * s));
      const c = this.canvas(w, h);
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, w, h);
      return { c, ctx, w, h };
    },
    jpeg(c) {
      if (c.convertToBlob) return c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('no blob'))), 'image/jpeg', 0.85));
    },
    load(req, file, maxSide, maxBytes, maxSourceSide) {
      const size = file.size;
      if (size > maxBytes) { this.deliver(req, 2, size, 0, 0, 0, 0, null, null); return; }
      let bw = 0, bh = 0;
      createImageBitmap(file).then((bitmap) => {
        bw = bitmap.width; bh = bitmap.height;
        if (Math.max(bw, bh) > maxSourceSide) { bitmap.close(); this.deliver(req, 3, size, bw, bh, 0, 0, null, null); return undefined; }
        const d = this.draw(bitmap, maxSide);
        bitmap.close();
        const pixels = d.ctx.getImageData(0, 0, d.w, d.h).data;
        return this.jpeg(d.c).then((blob) => blob.arrayBuffer()).then((buf) => {
          this.deliver(req, 0, size, bw, bh, d.w, d.h, new Uint8Array(buf), new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length));
        });
      }).catch(() => this.deliver(req, 4, size, bw, bh, 0, 0, null, null));
    },
    pick(req, maxSide, maxBytes, maxSourceSide) {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'image/*';   // no "capture": phones then offer both the gallery and the camera
      input.hidden = true;
      let answered = false;
      const answer = (file) => {
        if (answered) return;
        answered = true;
        input.remove();
        if (file) this.load(req, file, maxSide, maxBytes, maxSourceSide);
        else this.deliver(req, 1, 0, 0, 0, 0, 0, null, null);
      };
      input.addEventListener('change', () => answer(input.files && input.files[0] ? input.files[0] : null));
      input.addEventListener('cancel', () => answer(null));
      document.body.appendChild(input);
      input.click();
    },
    // ptr/size: JPEG bytes in wasm memory, kept by C++ until the answer; read after the current frame.
    decode(req, ptr, size, maxSide) {
      setTimeout(() => this.decodeNow(req, HEAPU8.slice(ptr, ptr + size), maxSide), 0);
    },
    decodeNow(req, bytes, maxSide) {
      createImageBitmap(new Blob([bytes], { type: 'image/jpeg' })).then((bitmap) => {
        const d = this.draw(bitmap, maxSide);
        const bw = bitmap.width, bh = bitmap.height;
        bitmap.close();
        const pixels = d.ctx.getImageData(0, 0, d.w, d.h).data;
        this.deliver(req, 0, bytes.length, bw, bh, d.w, d.h, null, new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length));
      }).catch(() => this.deliver(req, 4, bytes.length, 0, 0, 0, 0, null, null));
    },
  };

  function copyText(value) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).catch(() => legacyCopy(value));
    } else {
      legacyCopy(value);
    }
  }
  function legacyCopy(value) {
    const area = document.createElement('textarea');
    area.value = value;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to try */ }
    area.remove();
  }

  // Prints a clean page of just this title and text: a print-only element (web/style.css hides everything
  // else in print), filled with textContent (never HTML), then the browser's own print dialog.
  function printPage(title, text) {
    let sheet = $('print-page');
    if (!sheet) {
      sheet = document.createElement('div');
      sheet.id = 'print-page';
      document.body.appendChild(sheet);
    }
    sheet.textContent = '';
    const heading = document.createElement('h1');
    heading.textContent = title;
    const body = document.createElement('div');
    body.className = 'print-text';
    body.textContent = text;
    sheet.appendChild(heading);
    sheet.appendChild(body);
    // The words leave the page again once printing is done (and when the vault locks: clearAll()).
    window.addEventListener('afterprint', clearPrintPage, { once: true });
    window.print();
  }
  function clearPrintPage() {
    const sheet = $('print-page');
    if (sheet) sheet.textContent = '';
  }

  // Called by C++ after the first frame drawn with the person's data.
  function onFirstFrame() {
    const loading = $('loading');
    if (loading) loading.hidden = true;
  }

  function onStarted() {
    state.started = true;
    // Words kept after a crash in an earlier visit go back where they were typed (rescue.js).
    if (state.writer) state.rescued = TowardRescue.restore();
  }
  function setPlainAtRest(plain) { TowardRescue.setPlainAtRest(plain); }

  return { sync, wake, call, setDiscreet, setPlainAtRest, quickHide, copyText, printPage, download, pickFile, pickers, images, text, onFirstFrame, onStarted, flush, takeOver, state };
})();
