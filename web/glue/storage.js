// web/glue/storage.js: the browser half of Toward's platform layer (the first glue file after changed_paths.js).
// Included with --pre-js (web/CMakeLists.txt lists the order), so it shares the module's scope (Module, FS,
// IDBFS, addRunDependency). It creates TowardGlue, the object every later glue file adds its part to
// (handover.js, text_fields.js, copy_print_download.js, pictures.js, quick_hide.js) and through which
// C++ reaches the glue (core/platform/platform_web.cpp, web/main.cpp); pwa.js and rescue.js use it.
// It calls the module's exported functions of web/exports.cpp and core/platform/platform_web.cpp.
//
// [SECTION] shared: the tab's state, calling into the module, the page's notices
// [SECTION] start-up: one writer tab (Web Locks), the IDBFS mount, the initial load, the font
// [SECTION] durability: syncs one at a time, flush, "saved", saving when the page is hidden or left;
//           work beside the frames (postWork)
// [SECTION] the app started, its first frame
'use strict';

Module.canvas = document.getElementById('canvas');

// early_read.js is a script of its own, run before toward.js (index.html), so that the lock and the read begin
// while toward.js itself is still arriving and being parsed. Without it (it failed to load), every step is
// done here, later: this stands in, with nothing begun.
var TowardEarly = (typeof TowardEarly === 'object' && TowardEarly) || {
  lock: () => null, takeRead: () => null, takeFirst: () => null, readDone: () => false, peekRead: () => null, upgradeEvent: () => null,
  takeFont: () => null, takeWasm: () => null, takeCacheNames: () => null, times: {},
};

// The module compiled by early_read.js while toward.js arrived: instantiated here with Emscripten's imports.
// If that compile failed (a wrong MIME type, a browser without compileStreaming), the module is fetched
// again and instantiated from its bytes, as Emscripten would.
(function () {
  const compiled = TowardEarly.takeWasm && TowardEarly.takeWasm();
  if (!compiled) return;
  Module.instantiateWasm = function (imports, receiveInstance) {
    const fromBytes = () => fetch('toward.wasm', { credentials: 'same-origin' })
      .then((r) => { if (!r.ok) throw new Error('toward.wasm ' + r.status); return r.arrayBuffer(); })
      .then((bytes) => WebAssembly.instantiate(bytes, imports))
      .then((result) => receiveInstance(result.instance, result.module));
    compiled
      .then((module) => WebAssembly.instantiate(module, imports).then((instance) => receiveInstance(instance, module)),
        () => fromBytes())
      .catch((e) => { console.error('Toward could not start its module: ' + e); TowardGlue.cannotRun(); abort(e); });
    return {};   // the exports come through receiveInstance
  };
})();

var TowardGlue = (function () {
  const DATA = '/data';
  const FONT_URL = 'assets/NotoSans-Regular.ttf';
  const FONT_PATH = '/fonts/NotoSans-Regular.ttf';
  const LOOK_KEY = 'toward-look';   // early_read.js's LOOK_KEY
  // How long the start waits for IndexedDB's whole read once the module is ready, before main() starts
  // without it (the opening screen is then the first frame): a read that ends within it opens at once,
  // with no opening screen that would only flash.
  const WAIT_FOR_THE_READ_MS = 100;
  // ... unless the last start's read held at least MANY_FILES files (kept in localStorage as MANY_KEY by
  // keepReadSize): such a read takes longer than that wait (10,000 files: about 200 ms beside the start), so
  // the wait would only put the first frame off. A wrong guess costs speed only: both ways are whole.
  const MANY_FILES = 2000, MANY_KEY = 'toward-many';
  // A sync's puts (syncChanges): at most this many handed to IndexedDB and not yet stored, ...
  const SYNC_PUTS_AT_ONCE = 64;
  // ... handed out for about this long (and at most SYNC_FIRST_PUTS) in the frame that began the sync, and
  // for about SYNC_NEXT_MS after each put stored.
  const SYNC_FIRST_MS = 2, SYNC_FIRST_PUTS = 16, SYNC_NEXT_MS = 1;
  const LOCK = 'toward-writer';

  // ------------------------------------------------------------------ [SECTION] shared
  const state = {
    started: false,       // the C++ app is running (main was called)
    opened: false,        // ... and has drawn a frame with every record read (onOpened)
    writer: false,        // this tab holds the writer lock
    syncing: false,
    releaseLock: null,    // resolves the held lock's promise
    flushWaiters: [],
    crashed: false,       // the module trapped or aborted (rescue.js): nothing calls into it any more
    notRunning: false,    // the module never compiled, linked or arrived (cannotRun): nothing started
    dataArriving: false,  // main() runs while the whole read is still being written into the tree
    arrival: null,        // ... a promise of its end (startBeforeTheRead)
    readingBack: null,    // a promise: this tab took the lock back and reads what another tab stored (handover.js)
    syncAfterArrival: false,   // a sync asked for meanwhile, run at its end
    readWaitMs: null,     // how long the start waits for the whole read (startAsWriter; null: it did not)
  };

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

  // Words for C++ in the module's heap (toward_platform_alloc; the export that takes them frees them), as
  // {ptr, size}, or null when there is no memory for them now. Never through ccall's 'string': that copies
  // onto the stack (5 MB), and a pasted or rescued text may be longer (a trap, and the words lost).
  function textToHeap(text) {
    const bytes = new TextEncoder().encode(text);
    const ptr = Module._toward_platform_alloc(bytes.length + 1);
    if (!ptr) return null;
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    return { ptr, size: bytes.length };
  }

  // The notices over the page: another tab has Toward, a handover under way or refused (handover.js).
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
    // While another tab writes, nothing of the app here takes a key or a click: a text field that kept the
    // focus behind the notice took typing nobody saw, and brought it back over the other tab's words when
    // this tab took over again. The focus goes to the notice's title (a screen reader reads it; Tab reaches
    // the button): on the button, the first space of someone still typing took Toward back from the tab they
    // had just chosen.
    const app = $('app');
    if (app) app.inert = true;
    title.tabIndex = -1;
    if (notice.contains(document.activeElement) && document.activeElement !== button) return;
    title.focus({ preventScroll: true });
  }
  function hideNotice() {
    const n = $('tab-notice');
    if (n) n.hidden = true;
    const app = $('app');
    if (app) app.inert = false;
  }
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


  // ------------------------------------------------------------------ [SECTION] start-up
  function holdLock() {
    state.writer = true;
    TowardCopy.forgetIndex();   // another tab may have written the copy meanwhile: read its keys afresh
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

  // Every IDBFS entry in one getAll() (with its keys): the read early_read.js began while the module was
  // downloading, or a read of our own now. Resolves null when this browser has no getAll().
  function readAllEntries() {
    const early = TowardEarly.takeRead();
    if (early) {
      return early.then((r) => {
        if (!IDBFS.dbs[DATA]) IDBFS.dbs[DATA] = r.db;   // every later sync goes through this connection
        const ev = TowardEarly.upgradeEvent();
        if (ev && !TowardGlue.upgradeEvent) TowardGlue.upgradeEvent = ev;
        return r;
      }, readEntriesNow);
    }
    return readEntriesNow();
  }
  function readEntriesNow() {
    return new Promise((resolve, reject) => {
      IDBFS.getDB(DATA, (err, db) => {
        if (err) { reject(err); return; }
        let tx;
        try { tx = db.transaction([IDBFS.DB_STORE_NAME], 'readonly'); } catch (e) { reject(e); return; }
        const store = tx.objectStore(IDBFS.DB_STORE_NAME);
        if (!store.getAll || !store.getAllKeys) { resolve(null); return; }
        const keysReq = store.getAllKeys();
        const valuesReq = store.getAll();
        tx.oncomplete = () => resolve({ db, keys: keysReq.result, values: valuesReq.result });
        tx.onerror = (e) => { e.preventDefault(); reject(tx.error); };
      });
    });
  }

  // Writes what one getAll() gave into the in-memory tree as IDBFS's storeLocalEntry leaves it (contents,
  // mode, timestamp), and returns the remote set it learnt (path -> {timestamp}). Folders go through FS (few); each file becomes a
  // MEMFS node in its folder directly, owning the bytes IndexedDB gave, as FS.writeFile(path, bytes,
  // {canOwn: true}) + chmod + utime would leave it without resolving its path four times.
  // The entries are taken in the order getAll() gives (IndexedDB's key order); nothing here depends on it
  // (a file's folder is made when first needed), so they are not sorted again (~30 ms at 10,000).
  function writeTree(keys, values, written) {
    const known = {};
    const folders = {};
    const folder = (path) => {
      if (!folders[path]) {
        FS.mkdirTree(path);  // a file whose folder IndexedDB lost (damage from outside) still loads into one
        folders[path] = FS.lookupPath(path).node;
      }
      return folders[path];
    };
    for (let n = 0; n < keys.length; n++) {
      const path = keys[n], entry = values[n];
      if (FS.isDir(entry.mode)) {
        FS.mkdirTree(path, entry.mode);
        FS.chmod(path, entry.mode);
        FS.utime(path, entry.timestamp, entry.timestamp);
      } else if (FS.isFile(entry.mode)) {
        const slash = path.lastIndexOf('/');
        const parent = folder(path.slice(0, slash));
        const name = path.slice(slash + 1);
        if (written && written[path] && parent.contents[name]) {   // written by the first read: the same bytes
          known[path] = { timestamp: entry.timestamp };
          continue;
        }
        if (parent.contents[name]) throw new Error('the tree was not empty at ' + path);
        const node = MEMFS.createNode(parent, name, entry.mode, 0);
        const bytes = fileBytes(entry.contents);
        node.contents = bytes;
        node.usedBytes = bytes.length;
        node.timestamp = entry.timestamp.getTime();
      }
      else continue;
      known[path] = { timestamp: entry.timestamp };
    }
    return known;
  }

  // A file's bytes as IndexedDB gave them, as the Uint8Array a MEMFS node owns. IDBFS stores each file as
  // an Int8Array: its bytes are viewed as a Uint8Array, not copied (copying them one number at a time was a
  // third of writeTree at 10,000 records).
  function fileBytes(c) {
    if (c instanceof Uint8Array) return c;
    return ArrayBuffer.isView(c) ? new Uint8Array(c.buffer, c.byteOffset, c.byteLength) : new Uint8Array(c || []);
  }

  // The first load of an empty tree, fast: every IDBFS entry in one getAll() (begun early when it could
  // be, see early_read.js), written into the tree. Falls back to loadFromIndexedDB() on any problem.
  // `written`: the files the first read put there already (path -> true), or null.
  function loadInitial(written) {
    return readAllEntries().then((all) => {
      if (!all) return loadFromIndexedDB();
      try {
        remote.entries = writeTree(all.keys, all.values, written);
        TowardEarly.times.treeWritten = performance.now();
        keepReadSize(all.keys.length);
        return undefined;
      } catch (e) {
        console.warn('Toward is loading the slower way: ' + e);
        return loadFromIndexedDB();
      }
    }, () => loadFromIndexedDB());
  }

  function loadFont() {
    const fetchFont = () => fetch(FONT_URL).then((r) => {
      if (!r.ok) throw new Error('font ' + r.status);
      return r.arrayBuffer();
    });
    // Begun at the page's first line (early_read.js), which also gave it to the page's own words.
    const early = TowardEarly.takeFont();
    const fetchForBoth = () => fetchFont().then((buf) => { if (TowardEarly.addPageFont) TowardEarly.addPageFont(buf); return buf; });
    return (early ? early.then((buf) => buf, fetchForBoth) : fetchForBoth()).then((buf) => {
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

  // Emscripten resolves and normalizes every path of every file call (split, filter, join), twice per open:
  // a fifth of the core's reading of 10,000 record files at start. A clean absolute path (no empty, "." or
  // ".." part, no trailing slash) comes out of both as it went in, so it is returned at once.
  function quickCleanPaths() {
    const unclean = /\/\/|\/\.\.?(\/|$)/;
    const clean = (p) => typeof p === 'string' && p.charAt(0) === '/' && !unclean.test(p) && (p.length === 1 || p.charAt(p.length - 1) !== '/');
    const normalize = PATH.normalize;
    PATH.normalize = function (path) { return clean(path) ? path : normalize(path); };
    const resolve = PATH_FS.resolve;
    // resolve() reads its arguments from the last one back to the first absolute one: the last, when clean.
    PATH_FS.resolve = function () {
      const last = arguments[arguments.length - 1];
      return arguments.length && clean(last) ? last : resolve.apply(this, arguments);
    };
  }

  // A sync of /data out to IndexedDB in one pass over the tree: each node's timestamp is compared with the
  // remote set this tab keeps (IDBFS's own sync builds a set of every path on each side and compares them:
  // several passes and objects for every file, per save), and the transaction is committed as soon as its
  // requests are issued (commit()) instead of after their results came back to this thread between frames.
  // {create, remove} paths, or null when the tree holds anything but plain files and folders.
  function changesSinceLastSync(mountpoint) {
    const create = [];
    let known = 0;
    const stack = [{ path: mountpoint, node: FS.lookupPath(mountpoint).node }];
    while (stack.length) {
      const dir = stack.pop();
      const contents = dir.node.contents || {};
      const names = Object.keys(contents);
      for (let i = 0; i < names.length; i++) {
        const node = contents[names[i]];
        const path = dir.path + '/' + names[i];
        if (node.mounted || !(FS.isDir(node.mode) || FS.isFile(node.mode))) return null;
        const there = remote.entries[path];
        if (there) known++;
        if (FS.isDir(node.mode)) {
          // A folder IndexedDB has already: only its time changed (a file came or went), which nothing reads.
          // Not written again: one request less per save, and each request's answer waits for a frame.
          if (!there) create.push(path);
          stack.push({ path, node });
        } else if (!there || there.timestamp.getTime() !== node.timestamp) create.push(path);
      }
    }
    // Something IndexedDB holds is no longer in the tree (a record moved to the trash): which, from the set.
    let remove = [];
    if (known !== Object.keys(remote.entries).length) {
      const local = localSetFromNodes(mountpoint);
      if (!local) return null;
      remove = Object.keys(remote.entries).filter((path) => !local[path]);
    }
    return { create, remove };
  }

  // The node at an absolute path under the mount, found through the folders' contents (null: not there).
  function nodeAt(mountpoint, path) {
    let node = FS.lookupPath(mountpoint).node;
    const parts = path.slice(mountpoint.length + 1).split('/');
    for (let i = 0; i < parts.length && node; i++) {
      if (!FS.isDir(node.mode) || node.mounted) return undefined;
      node = (node.contents && Object.prototype.hasOwnProperty.call(node.contents, parts[i])) ? node.contents[parts[i]] : null;
    }
    return node;
  }

  // The same {create, remove} as changesSinceLastSync, from the paths the file system changed since the
  // last sync (changed_paths.js) instead of a walk over every node: a path still there is stored (a file
  // always, even with the time IndexedDB has: it was written again), a path gone that IndexedDB holds is
  // removed. Null when the list cannot tell (then the walk does it).
  function changesFromPaths(mountpoint, paths) {
    const create = [], remove = [];
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      if (path === mountpoint) continue;   // the mount's own folder is never stored
      const node = nodeAt(mountpoint, path);
      if (node === undefined) return null;
      const there = remote.entries[path];
      if (!node) {
        if (there) remove.push(path);
      } else if (node.mounted || !(FS.isDir(node.mode) || FS.isFile(node.mode))) {
        return null;
      } else if (FS.isFile(node.mode) || !there) {
        create.push(path);
      }
    }
    return { create, remove };
  }

  // Writes the changes in one transaction, as IDBFS.reconcile does (through IDBFS's entry functions, so what
  // wraps them sees every write). True when it took the sync on; false: IDBFS's own sync does it.
  function syncOut(mount, callback) {
    // What changed since the last sync (taken now: what changes while this one runs is the next one's).
    const changed = TowardChanged.take(), stats = TowardChanged.state.stats;
    let changes = null;
    try {
      if (remote.entries && changed) changes = changesFromPaths(mount.mountpoint, changed.paths);
    } catch (e) { changes = null; }
    if (changes) { stats.listed++; return syncChanges(mount, changes, callback); }
    stats.walked++;
    try { changes = remote.entries ? changesSinceLastSync(mount.mountpoint) : null; } catch (e) { changes = null; }
    if (!changes) return false;
    return syncChanges(mount, changes, callback);
  }

  // Stores {create, remove} in one transaction and calls back when it committed. True (the sync is taken on).
  function syncChanges(mount, changes, callback) {
    if (!changes.create.length && !changes.remove.length) { callback(null); return true; }
    IDBFS.getDB(mount.mountpoint, (err, db) => {
      if (err) { callback(err); return; }
      // Strict: "complete" only once the browser had the files flushed to disk (Chromium's default is
      // relaxed since version 121: complete once they reach the system's buffers). "Saved" means stored.
      let tx;
      try { tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite', { durability: 'strict' }); } catch (e) { callback(e); return; }
      const store = tx.objectStore(IDBFS.DB_STORE_NAME);
      let finished = false;
      // A failure stores nothing: the puts already handed out are taken back (an error a request reports
      // would not end the transaction by itself, and the glue's callers hold "a failed sync stored nothing":
      // the next sync, and the second copy, start again from there).
      const finish = (e) => {
        if (finished) return;
        finished = true;
        if (e) { try { tx.abort(); } catch (x) { /* ended already */ } }
        callback(e);
      };
      tx.onerror = (e) => { e.preventDefault(); finish(tx.error || (e.target && e.target.error) || new Error('IndexedDB refused the save')); };
      tx.onabort = () => finish(tx.error || new Error('the browser stopped the save'));
      tx.oncomplete = () => finish(null);
      const create = changes.create.sort();   // folders before the files in them
      const remove = changes.remove.sort().reverse();   // files before the folders that held them
      const total = create.length + remove.length;
      // The puts go out a few at a time, never more than SYNC_PUTS_AT_ONCE waiting: Chromium spends ~0.3 ms
      // of the page's own time on each, so a sync of thousands (an import, the vault being turned on) would
      // otherwise hold the page for most of a second. The sync begins inside a frame, which hands out only
      // what fits in SYNC_FIRST_MS, SYNC_FIRST_PUTS at most (64 there held that frame 31 ms at 10,000
      // files); then each put stored hands out the next ones, within the same transaction (a stored put's
      // callback keeps it going), in tasks of a fraction of a millisecond between the frames. One
      // transaction still: all of it, or none.
      // Each file is read just before its put, and copied (MEMFS may write a file's bytes in place while
      // IndexedDB clones them). A file written again meanwhile is stored as it is then (and again by the
      // next sync, which has its path); one gone meanwhile is skipped (its removal is the next sync's).
      // Reading all of them when the sync began held the frame that began it: 73 ms at 10,000 files.
      let at = 0, waiting = 0;
      const putOne = () => {   // hands out the next put; false when a file could not be read (finished)
        const k = at++;
        if (k >= create.length) { IDBFS.removeRemoteEntry(store, remove[k - create.length], stored); waiting++; return true; }
        let entry = null, failed = null;
        IDBFS.loadLocalEntry(create[k], (e, loaded) => { failed = e; entry = loaded; });
        if (failed && !FS.analyzePath(create[k]).exists) return true;   // gone since the sync began
        if (failed) { finish(failed); return false; }
        if (entry.contents) entry.contents = TowardCopy.ownCopy(entry.contents.slice());
        IDBFS.storeRemoteEntry(store, create[k], entry, stored);
        waiting++;
        return true;
      };
      // While nothing is waiting, nothing keeps the transaction open past this task: go on until a put is.
      const putSome = (budgetMs, most) => {
        const t0 = performance.now();
        while (!finished && at < total && waiting < most && (waiting === 0 || performance.now() - t0 < budgetMs)) {
          if (!putOne()) return;
        }
        if (at >= total && tx.commit && !finished) { try { tx.commit(); } catch (e) { /* committing already */ } }
      };
      // A throw while handing out (a file that cannot be copied, a put refused at once) fails the sync.
      const handOut = (budgetMs, most) => {
        try { putSome(budgetMs, most); } catch (e) { finish(e); }
      };
      function stored(e) {
        waiting--;
        if (e) { finish(e); return; }
        if (at < total) handOut(SYNC_NEXT_MS, SYNC_PUTS_AT_ONCE);
      }
      handOut(SYNC_FIRST_MS, SYNC_FIRST_PUTS);
    });
    return true;
  }

  function instrumentIDBFS() {
    const syncfs = IDBFS.syncfs;
    IDBFS.syncfs = function (mount, populate, callback) {
      if (!populate && mount.mountpoint === DATA && syncOut(mount, callback)) return undefined;
      return syncfs.call(this, mount, populate, callback);
    };
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
    // The second copy (second_copy.js) is given each change as IndexedDB is asked for it, so that both are
    // written at the same time; the sync is reported done only when both are (sync() below). It is also
    // told the timestamp IndexedDB held for the path until now (the copy's key for it), when known.
    const previousTimestamp = (path) => {
      if (!remote.entries) return undefined;
      const had = remote.entries[path];
      return had ? +had.timestamp : null;
    };
    const removeRemote = IDBFS.removeRemoteEntry;
    IDBFS.removeRemoteEntry = function (store, path, callback) {
      if (path.indexOf(DATA) === 0) TowardCopy.changed(path, null, previousTimestamp(path));
      return removeRemote.call(this, store, path, (err) => {
        if (!err && remote.entries) delete remote.entries[path];
        callback(err);
      });
    };
    const store = IDBFS.storeRemoteEntry;
    IDBFS.storeRemoteEntry = function (db, path, entry, callback) {
      if (path.indexOf(DATA) === 0) TowardCopy.changed(path, entry, previousTimestamp(path));
      return store.call(this, db, path, entry, (err) => {
        if (!err && remote.entries) remote.entries[path] = { timestamp: entry.timestamp };
        callback(err);
      });
    };
  }

  // Runs once the writer lock is ours: load data and the font, then let main() start. With many records the
  // whole read is not waited for: main() starts from what the first frame needs (startBeforeTheRead).
  function startAsWriter() {
    hideNotice();
    showLoading('Opening your space...');
    const first = TowardEarly.takeFirst();
    if (!first) { startWithEverything(); return; }
    const read = TowardEarly.peekRead();
    state.readWaitMs = lastReadWasLarge() ? 0 : WAIT_FOR_THE_READ_MS;
    const aWhile = new Promise((resolve) => { setTimeout(resolve, state.readWaitMs); });
    first.then((f) => Promise.race([read ? read.then(() => {}, () => {}) : aWhile, aWhile]).then(() => {
      if (TowardEarly.readDone() || f.vault || TowardEarly.upgradeEvent()) startWithEverything();
      else startBeforeTheRead(f);
    }), startWithEverything);
  }
  function startWithEverything() {
    // main() runs inside removeRunDependency: what it throws is not a storage problem, so it stays out of
    // this promise's rejection handler.
    Promise.all([loadInitial(null).then(restoreIfEmptied), loadFont()]).then(() => {
      removeRunDependency('toward-start');
    }, cannotOpen);
  }
  function cannotOpen(err) {
    showFatal('Toward could not open its storage in this browser (' + describe(err) + '). Nothing was changed. ' +
      'Private windows and some privacy settings block storage; a normal window usually works.');
  }

  // Many records: the settings' files go into the tree and main() starts, drawing the opening screen in the
  // person's look, while the whole read goes on. Until the rest is in the tree (state.dataArriving, which C++
  // asks through Platform::dataArrived) the store takes nothing there for everything, and no sync runs (a
  // sync of a tree still being filled could take what is missing for removed).
  function startBeforeTheRead(first) {
    const written = {};
    try {
      writeTree(first.keys, first.values, null);
      first.keys.forEach((k) => { written[k] = true; });
    } catch (e) {
      console.warn('Toward is loading the slower way: ' + e);
      startWithEverything();
      return;
    }
    TowardEarly.times.firstWritten = performance.now();
    state.dataArriving = true;
    state.arrival = loadInitial(written).then(restoreIfEmptied).then(() => {
      state.dataArriving = false;
      wake();
      if (state.syncAfterArrival) { state.syncAfterArrival = false; sync(); }
    });
    state.arrival.catch(cannotOpen);
    loadFont().then(() => { removeRunDependency('toward-start'); }, cannotOpen);
  }

  // IndexedDB came back with no file at all: when the second copy (second_copy.js) holds some, they are
  // back in the tree now, and they are stored in IndexedDB again before the app starts.
  function restoreIfEmptied() {
    return TowardCopy.restoreIfEmptied(DATA).then((n) => {
      TowardEarly.times.copyChecked = performance.now();
      if (!n) return undefined;
      showLoading('Bringing back your words from Toward\'s second copy...');
      return new Promise((resolve, reject) => {
        FS.syncfs(false, (err) => {
          if (err) { remote.entries = null; reject(err); return; }
          TowardCopy.commit().then(resolve);
        });
      });
    });
  }

  // Toward draws with WebGL 2; without it main() stops before anything is drawn (web/main.cpp calls
  // cannotDraw when the canvas gives no WebGL 2 context), and the person hears why in plain words. Asking
  // earlier, with a context of its own, cost the start tens of milliseconds on every visit.
  const NO_DRAWING = 'Toward draws its pages with WebGL 2, and this browser is not offering it right now. ' +
    'Your words are safe: nothing was opened or changed. Turning on hardware acceleration in the browser\'s ' +
    'settings, or opening Toward in a recent Firefox, Chrome, Edge or Safari, usually helps.';

  // The writer lock's outcome: this tab writes (and reads), or another tab has Toward.
  function onLock(held, release) {
    if (!held) { showNotice('other'); return; }
    state.writer = true;
    state.releaseLock = release;
    startAsWriter();
  }

  function preRun() {
    addRunDependency('toward-start');
    // The lock asked for at the page's first line (early_read.js), or null: asked for here.
    const early = TowardEarly.lock();
    widenNameTable();
    quickCleanPaths();
    FS.mkdir(DATA);
    FS.mount(IDBFS, {}, DATA);
    TowardChanged.watch(DATA);   // each sync stores the paths that changed, without walking the tree
    instrumentIDBFS();
    if (early) {
      early.then((r) => { if (r) onLock(r.held, r.release); else askForLock(); });
      return;
    }
    askForLock();
  }
  function askForLock() {
    if (!(navigator.locks && navigator.locks.request)) {
      // Without Web Locks (very old browsers) there is no way to coordinate tabs; carry on as the writer.
      state.writer = true;
      startAsWriter();
      return;
    }
    navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
      if (!lock) { showNotice('other'); return undefined; }
      const held = holdLock();
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
    if (state.dataArriving) { state.syncAfterArrival = true; return; }
    state.syncing = true;
    FS.syncfs(false, (err) => {
      if (err) { remote.entries = null; TowardCopy.dropPending(); }  // a failed transaction stored nothing
      // "Saved" waits for the second copy too (second_copy.js); a problem there never fails the save.
      (err ? Promise.resolve() : TowardCopy.commit()).then(() => synced(err));
    });
  }
  function synced(err) {
    state.syncing = false;
    call('toward_platform_sync_done', null, ['number', 'string'], [err ? 0 : 1, err ? describe(err) : '']);
    settleFlushWaiters(err);
    if (typeof TowardPwa !== 'undefined') TowardPwa.refreshStorageSoon();
    wake();
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
    if (!state.started || state.crashed) return;
    if (document.visibilityState === 'visible') {
      Module._toward_page_shown();   // the canvas drawn whole again
      return;
    }
    if (document.visibilityState !== 'hidden') return;
    // Saves (as a writer) and locks the vault when the person chose "lock when I switch away".
    Module._toward_page_hidden();
  });

  window.addEventListener('pageshow', (e) => {
    if (e.persisted && state.started && !state.crashed) Module._toward_page_shown();
  });
  window.addEventListener('pagehide', flushSoon);
  window.addEventListener('freeze', flushSoon);
  window.addEventListener('beforeunload', (e) => {
    flushSoon();
    // A "Call" or "Text" link just followed: the dialer opens and the page stays; no "Leave site?" over it.
    if (typeof TowardLinks !== 'undefined' && TowardLinks.justFollowed()) return;
    if (state.started && state.writer && !isSaved()) { e.preventDefault(); e.returnValue = ''; }
  });

  // Asks the module for a frame (something changed outside it: a sync finished, a field got focus).
  function wake() {
    if (state.started && !state.crashed && Module._toward_wake) Module._toward_wake();
  }

  // Work of the app's beside the frames (web::workSoon in web/main.cpp: the opening's reading), in short
  // tasks one after another: each is a message on a channel of its own, so the page's input and frames come
  // between two of them (a timer would wait 4 ms or more between them; a frame, up to 16 ms). Returns
  // whether a task is asked for or already waits (false where there are no channels: the work stays in
  // the frames).
  const work = { channel: null, waiting: false };
  function postWork() {
    if (state.crashed) return false;
    if (work.waiting) return true;
    if (!work.channel) {
      if (typeof MessageChannel !== 'function') return false;
      work.channel = new MessageChannel();
      work.channel.port1.onmessage = () => {
        work.waiting = false;
        if (state.crashed || !Module._toward_work) return;
        if (call('toward_work', 'number', [], [])) postWork();
      };
    }
    work.waiting = true;
    work.channel.port2.postMessage(0);
    return true;
  }

  // ------------------------------------------------------------------ [SECTION] the app started
  // Called by C++ after the first frame drawn with the person's data.
  function onFirstFrame() {
    const loading = $('loading');
    if (loading) loading.hidden = true;
  }

  // Called by main() when the canvas offers no WebGL 2: nothing was drawn or written; another tab may
  // have Toward instead.
  function cannotDraw() {
    state.writer = false;
    if (state.releaseLock) { state.releaseLock(); state.releaseLock = null; }
    showFatal(NO_DRAWING);
  }

  // The module could not be compiled or linked (a browser without a WebAssembly feature Toward's module uses,
  // such as its exceptions, or a damaged download): nothing started, was read into it or written.
  const NOT_RUNNING = 'Toward could not start in this browser: its program did not load. Your words are safe: ' +
    'nothing was opened or changed. Reloading the page, or opening Toward in a recent Firefox, Chrome, Edge or ' +
    'Safari, usually helps.';
  function cannotRun() {
    if (state.notRunning) return;
    state.notRunning = true;
    state.crashed = true;   // nothing calls into the module
    state.writer = false;
    if (state.releaseLock) { state.releaseLock(); state.releaseLock = null; }
    // The lock and the read the page's first line began (preRun, which would take them, never runs): let go,
    // so another tab can have Toward.
    const early = TowardEarly.lock && TowardEarly.lock();
    if (early) early.then((r) => { if (r && r.held) r.release(); }, () => {});
    const read = TowardEarly.peekRead && TowardEarly.peekRead();
    if (read) read.then((r) => { if (r && r.db) r.db.close(); }, () => {});
    showFatal(NOT_RUNNING);
  }

  function onStarted() {
    state.started = true;
  }
  // The first frame with every record read (with many records, after the opening screen's frames).
  function onOpened() {
    state.opened = true;
    // The second copy is brought in step in the background, a few files per step (not while the
    // store is still being read behind the opening screen: the two would share the page's thread).
    if (state.writer && !state.copyInStep) { state.copyInStep = true; TowardCopy.bringInStep(DATA); }
    // Words kept after a crash in an earlier visit go back where they were typed (rescue.js).
    if (state.writer) state.rescued = TowardRescue.restore();
  }
  function setPlainAtRest(plain) { TowardRescue.setPlainAtRest(plain); }
  // The person's colours and text size ("dark 120"; "" forgets them), for the next start's first paint
  // (early_read.js): two plain settings, nothing written there.
  function keepLook(look) {
    try {
      if (look) localStorage.setItem(LOOK_KEY, look);
      else localStorage.removeItem(LOOK_KEY);
    } catch (e) { /* no local storage: the device's look at the next start */ }
  }

  // Whether the last start read many files (MANY_FILES): a number's rough size, no word of the person's.
  function keepReadSize(files) {
    try {
      if (files >= MANY_FILES) localStorage.setItem(MANY_KEY, '1');
      else localStorage.removeItem(MANY_KEY);
    } catch (e) { /* no local storage: the next start waits for its read a while */ }
  }
  function lastReadWasLarge() {
    try { return localStorage.getItem(MANY_KEY) === '1'; } catch (e) { return false; }
  }

  return {
    state, call, textToHeap, $, LOCK, describe, showNotice, hideNotice, showFatal, holdLock, startAsWriter, loadFromIndexedDB,
    sync, isSaved, flush, flushSoon, wake, postWork, onStarted, onFirstFrame, onOpened, setPlainAtRest, keepLook, cannotDraw, cannotRun,
  };
})();
