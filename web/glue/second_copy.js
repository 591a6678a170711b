// web/glue/second_copy.js: a second copy of every saved file, outside IndexedDB (TowardCopy).
// Chromium deletes an origin's whole IndexedDB store when it finds it damaged as it opens (after a crash
// or a full disk, it starts again empty and says so only through `dataLoss` on the upgrade event). Toward's
// torture suite saw it: a profile killed mid-import came back with nothing. So every file a sync stores in
// IndexedDB is also kept in the browser's Cache Storage, a different store on disk, before the sync is
// reported done ("Saved" means both). When IndexedDB comes back holding no file at all while the copy holds
// some, the copy is put back into the file system and into IndexedDB before the app starts, and the person
// is told kindly (web/app.cpp's banners, through restoredCount()).
// The copy keeps the same bytes IndexedDB has (sealed ones when the vault is on). Each file is one cache
// entry keyed by its path and its modification time, so `keys()` alone tells what the copy holds.
// Layout v2: the files are spread over SHARDS caches by a hash of their path (shardOf), because Chromium
// refuses `keys()` on one cache past about 10 MB of keys ("Operation too large", seen at 50,000 files):
// with one cache the copy stopped working there, and each save waited seconds for that refusal. Layout v1
// (one cache, OLD_NAME) is still read to bring files back, and removed once the v2 copy holds everything.
// Only the writer tab writes it (it runs inside the writer's sync). Where Cache Storage is missing or
// refuses, Toward carries on with IndexedDB alone (a problem here never fails a save).
'use strict';

var TowardCopy = (function () {
  // Never 'toward-...': sw.js clears those as old app versions.
  const OLD_NAME = 'toward.second-copy.v1';   // layout v1: every file in one cache
  const PREFIX = 'toward.second-copy.v2.';    // layout v2: shard k is PREFIX + k
  const SHARDS = 16;                          // about 40,000 files fit one cache's keys(): 600,000 in all
  const BASE = (typeof location !== 'undefined' ? location.origin : 'http://localhost') + '/.second-copy?';
  // Files written a step, then the page's other work goes on (each of them a task of its own): Cache
  // Storage takes ~1.3 ms of the page's own time for each put. A sync of thousands (an import, the vault
  // being turned on) handed them all out at once and held the page for seconds (6.5 s at 3,000 files);
  // bringing the copy in step 200 at a time held it ~250 ms a step.
  const FILES_PER_STEP = 4;

  // The shard of a path: FNV-1a (32 bits) over its UTF-16 code units. Fixed forever for layout v2 (a
  // golden test holds it): another hash would leave every file in a shard where it is not looked for.
  function shardOf(path) {
    let h = 0x811c9dc5;
    for (let i = 0; i < path.length; i++) {
      h ^= path.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % SHARDS;
  }

  const state = {
    available: typeof caches !== 'undefined' && !!(caches && caches.open),
    index: null,       // path -> the key (URL) the copy holds for it (in its shard); null until read
    oldIndex: null,    // the same for a layout v1 copy still there ({} when none), read with index
    pending: new Map(),  // path -> {contents, timestamp, previous} to store, or {previous} to remove (from the
                         // running sync), in the order they came; previous: the timestamp IndexedDB had for
                         // it (null: none, undefined: unknown)
    written: {},       // path -> the key stored without the index (null: removed), for readIndex to take in
    queue: Promise.resolve(),
    restored: 0,       // files brought back from the copy at this start
    problem: '',       // the last reason the copy could not be written (it never fails a save)
    inflight: [],      // the steps writing this sync's files, started while IndexedDB commits
    stepSoon: false,   // writeStep will run (nextTask)
    whenWritten: [],   // resolves of allHandedOut(), called when nothing is pending
    inStep: null,      // bringInStep's promise, once begun (for tests and the bench: when it is done)
  };

  function keyFor(path, timestamp) {
    return BASE + 'p=' + encodeURIComponent(path) + '&t=' + Number(timestamp);
  }
  function parseKey(url) {
    const q = url.slice(url.indexOf('?') + 1).split('&');
    let path = null, t = 0;
    for (let i = 0; i < q.length; i++) {
      if (q[i].indexOf('p=') === 0) path = decodeURIComponent(q[i].slice(2));
      else if (q[i].indexOf('t=') === 0) t = Number(q[i].slice(2));
    }
    return { path, t };
  }

  let opened = null;   // the shards (an array of Cache, shard k at k), opened once
  function open() {
    if (!opened) {
      const all = [];
      for (let k = 0; k < SHARDS; k++) all.push(caches.open(PREFIX + k));
      opened = Promise.all(all).catch((e) => { opened = null; throw e; });
    }
    return opened;
  }

  // Every step on the copy runs one after the other (a sync's files, a step of bringing it in step).
  function enqueue(step) {
    const run = state.queue.then(step);
    state.queue = run.catch((e) => { state.problem = String(e && e.name || e); });
    return run;
  }

  // One key per path; should a path have two (a step cut short), the newer one counts. Returns
  // {index, stale}: path -> URL, and the URLs to delete.
  function indexKeys(requests) {
    const index = {}, stale = [];
    for (let i = 0; i < requests.length; i++) {
      const url = requests[i].url, k = parseKey(url);
      if (k.path === null) continue;
      const had = index[k.path];
      if (had && parseKey(had).t >= k.t) { stale.push(url); continue; }
      if (had) stale.push(had);
      index[k.path] = url;
    }
    return { index, stale };
  }

  // What a layout v1 copy holds, or {} when there is none (or it cannot be read: past about 40,000 files
  // Chromium refused its keys, so such a copy never held everything).
  function readOldIndex() {
    return caches.has(OLD_NAME).then((has) => (has ? caches.open(OLD_NAME).then((c) => c.keys()) : []))
      .then((requests) => indexKeys(requests).index, () => ({}));
  }

  // The shards' keys are read one shard after the other: Chromium reads every entry of a cache for keys()
  // (about 1.5 s for 10,000 files, 7 s for 50,000) and holds that cache's other steps until it is done, so
  // reading all at once held every save's put for the whole time; one at a time, a save's put waits only
  // when its own shard is the one being read.
  function readIndex(shards) {
    if (state.index) return Promise.resolve(state.index);
    const lists = [];
    const each = shards.reduce((done, c, k) => done.then(() => c.keys().then((r) => { lists[k] = r; })), Promise.resolve());
    return each.then(() => {
      const index = {}, deletions = [];
      lists.forEach((requests, k) => {
        const got = indexKeys(requests);
        Object.assign(index, got.index);
        got.stale.forEach((url) => deletions.push(shards[k].delete(url)));
      });
      return Promise.all(deletions).then(() => readOldIndex()).then((old) => adoptIndex(index, old, shards));
    });
  }
  // The index read (or known empty), with what saves stored without it meanwhile: newer than any key read.
  function adoptIndex(index, old, shards) {
    Object.keys(state.written).forEach((p) => {
      const url = state.written[p];
      if (shards && index[p] && index[p] !== url) shards[shardOf(p)].delete(index[p]).catch(() => undefined);
      if (url) index[p] = url; else delete index[p];
    });
    state.written = {};
    state.oldIndex = old;
    state.index = index;
    return index;
  }

  // Stores (or removes) one file in the copy, replacing the key it had.
  function put(shards, index, path, file) {
    const cache = shards[shardOf(path)];
    const old = index[path];
    if (!file) {
      if (!old) return Promise.resolve();
      delete index[path];
      return cache.delete(old);
    }
    const url = keyFor(path, file.timestamp);
    if (old === url) return Promise.resolve();
    return cache.put(url, new Response(file.contents)).then(() => {
      index[path] = url;
      // The older key goes after the new one is stored, without waiting for it: should it stay (a crash),
      // the newer key counts when the keys are read (readIndex).
      if (old && old !== url) cache.delete(old).catch(() => undefined);
    });
  }

  // Bytes a sync copied out of a file for IndexedDB, which the copy may keep as they are (one copy fewer
  // a file: at 10,000 files the copies' garbage is what the page's collector spends its pauses on).
  const ownCopies = typeof WeakSet !== 'undefined' ? new WeakSet() : null;
  function ownCopy(bytes) {
    if (ownCopies) ownCopies.add(bytes);
    return bytes;
  }

  // A sync is storing this file in IndexedDB (IDBFS.storeRemoteEntry) or removing it (null). The copy is
  // written at once, while IndexedDB commits (a save waits for the slower of the two, not for both in turn).
  // `previous`: the file's timestamp in IndexedDB before this sync (null when it had none), or undefined
  // when the sync does not know it.
  function changed(path, entry, previous) {
    if (!state.available) return;
    if (entry && !FS.isFile(entry.mode)) return;   // folders are made again from their files' paths
    // The bytes as IndexedDB gets them (a view into the file could change before the copy is written; a
    // sync's own copy, ownCopy(), cannot: IndexedDB cloned it as it was asked, and nothing else holds it).
    state.pending.set(path, entry
      ? { contents: ownCopies && ownCopies.has(entry.contents) ? entry.contents : new Uint8Array(entry.contents), timestamp: +entry.timestamp, previous }
      : { removed: true, previous });
    if (!state.stepSoon) { state.stepSoon = true; nextTask(writeStep); }
  }

  // The copy of a sync's files is written FILES_PER_STEP a task, between the page's frames.
  const channel = typeof MessageChannel !== 'undefined' ? new MessageChannel() : null;
  const waitingTasks = [];
  if (channel) channel.port1.onmessage = () => { const f = waitingTasks.shift(); if (f) f(); };
  // Runs f in a task of its own, soon (a message, not a timer: hidden pages slow timers down to once a second).
  function nextTask(f) {
    if (!channel) { setTimeout(f, 0); return; }
    waitingTasks.push(f);
    channel.port2.postMessage(0);
  }
  function writeStep() {
    state.stepSoon = false;
    const files = {};   // the first few (a Map keeps the order they came in)
    const it = state.pending.entries();
    for (let n = 0, next = it.next(); !next.done && n < FILES_PER_STEP; n++, next = it.next()) files[next.value[0]] = next.value[1];
    Object.keys(files).forEach((path) => state.pending.delete(path));
    // A problem here never fails a save, and never leaves commit() waiting for a queue that stopped.
    try { writeBatch(files); } catch (e) { state.problem = String(e && e.name || e); }
    if (state.pending.size) { state.stepSoon = true; nextTask(writeStep); return; }
    const waiting = state.whenWritten.splice(0);
    for (let i = 0; i < waiting.length; i++) waiting[i]();
  }
  // Resolves once every file changed so far has been handed to the copy (its write is in state.inflight).
  function allHandedOut() {
    if (!state.pending.size && !state.stepSoon) return Promise.resolve();
    return new Promise((resolve) => { state.whenWritten.push(resolve); });
  }

  // A few of the files changed (path -> file), as one step on the copy. Before the copy's index is read (the
  // first saves after a start: at 50,000 files reading it takes seconds), a batch whose every file's
  // previous key is known does not wait for it: each file is stored under its new key and its previous
  // key deleted, and readIndex takes these in (writeUnindexed).
  function writeBatch(files) {
    const paths = Object.keys(files);
    if (!paths.length) return;
    const file = (p) => (files[p].removed ? null : files[p]);
    if (!state.index && paths.every((p) => files[p].previous !== undefined)) {
      state.inflight.push(open().then((shards) => Promise.all(paths.map((p) =>
        writeUnindexed(shards, p, file(p), files[p].previous)))));
      return;
    }
    state.inflight.push(enqueue(() => open().then((shards) => readIndex(shards).then((index) =>
      Promise.all(paths.map((p) => put(shards, index, p, file(p))))))));
  }

  // Stores (or removes) one file without the index: the key of its previous version (`previous`, null
  // when there was none) is the one to replace. Should the copy not have held that key (it was behind),
  // the older key it holds is found stale when the index is read (the newer key counts).
  function writeUnindexed(shards, path, file, previous) {
    const cache = shards[shardOf(path)];
    const url = file ? keyFor(path, file.timestamp) : null;
    const old = previous === null ? null : keyFor(path, previous);
    const stored = url ? cache.put(url, new Response(file.contents)) : Promise.resolve();
    return stored.then(() => {
      if (state.index) {   // read meanwhile: keep it true
        if (url) state.index[path] = url; else delete state.index[path];
      } else {
        state.written[path] = url;
      }
      if (old && old !== url) return cache.delete(old).then(() => undefined);
      return undefined;
    });
  }

  // When IndexedDB committed a sync: resolves once the copy holds the same files too. Resolves in every case.
  function commit() {
    if (!state.available) return Promise.resolve();
    return allHandedOut().then(() => {
      const all = state.inflight.splice(0);
      if (!all.length) return undefined;
      return Promise.all(all).then(() => { state.problem = ''; })
        .catch((e) => { state.index = null; state.problem = String(e && e.name || e); });
    });
  }
  // A sync that failed stored nothing in IndexedDB: what it had not yet given the copy is dropped (what it
  // had is harmless there: the copy is read only when IndexedDB holds nothing).
  function dropPending() {
    state.pending.clear();
    state.inflight = [];
    const waiting = state.whenWritten.splice(0);
    for (let i = 0; i < waiting.length; i++) waiting[i]();
  }

  // The files of the in-memory tree under `root` (path -> node), walking the nodes themselves.
  function filesIn(root) {
    const files = {};
    const stack = [{ path: root, node: FS.lookupPath(root).node }];
    while (stack.length) {
      const dir = stack.pop();
      const names = Object.keys(dir.node.contents || {});
      for (let i = 0; i < names.length; i++) {
        const node = dir.node.contents[names[i]], path = dir.path + '/' + names[i];
        if (FS.isDir(node.mode)) stack.push({ path, node });
        else if (FS.isFile(node.mode)) files[path] = node;
      }
    }
    return files;
  }

  // Whether the tree under `root` holds any file: stops at the first one (the start path asks it every time).
  function holdsAFile(root) {
    const stack = [FS.lookupPath(root).node];
    while (stack.length) {
      const dir = stack.pop();
      const names = Object.keys(dir.contents || {});
      for (let i = 0; i < names.length; i++) {
        const node = dir.contents[names[i]];
        if (FS.isFile(node.mode)) return true;
        if (FS.isDir(node.mode)) stack.push(node);
      }
    }
    return false;
  }

  // Whether any cache of the copy is there (its names only: opening a shard makes it). The names asked as
  // the writer lock was taken (early_read.js, beside the read) are the answer until this tab opens a shard.
  let names = null;
  function anyCopy() {
    if (!names || opened) {
      const early = typeof TowardEarly === 'object' && TowardEarly.takeCacheNames ? TowardEarly.takeCacheNames() : null;
      names = early ? early.catch(() => caches.keys()) : caches.keys();
    }
    return names.then((all) => all.some((n) => n === OLD_NAME || n.indexOf(PREFIX) === 0));
  }
  // A tree with no file, and no shard opened at this start: when no cache of the copy is there either,
  // nothing is made until a file is written (16 empty shards made a return start with nothing kept look
  // for a copy to restore, opening and reading every one: 15-30 ms before the first frame).
  function noCopyNeeded(root) {
    if (opened) return false;
    try { return !holdsAFile(root); } catch (e) { return false; }
  }

  // At start, after IndexedDB was read into `root`: when it held no file and the copy holds some, the
  // copy's files go back into the tree (the caller then stores them in IndexedDB). Resolves with how many.
  function restoreIfEmptied(root) {
    if (!state.available) return Promise.resolve(0);
    let empty;
    try { empty = !holdsAFile(root); } catch (e) { return Promise.resolve(0); }
    if (!empty) return Promise.resolve(0);
    // A first visit has no copy: one look at the caches' names, instead of opening (making) every shard.
    return enqueue(() => anyCopy().then((some) => (!some ? 0 : open().then((shards) => readIndex(shards).then((index) => {
      // Each path from where its newer version is: a v2 shard, or a copy still in layout v1.
      const old = state.oldIndex || {};
      const from = {};
      Object.keys(old).forEach((p) => { from[p] = { url: old[p], v1: true }; });
      Object.keys(index).forEach((p) => {
        if (!from[p] || parseKey(index[p]).t >= parseKey(from[p].url).t) from[p] = { url: index[p], v1: false };
      });
      const paths = Object.keys(from).filter((p) => p === root || p.indexOf(root + '/') === 0).sort();
      if (!paths.length) return 0;
      const oldCache = paths.some((p) => from[p].v1) ? caches.open(OLD_NAME) : Promise.resolve(null);
      return oldCache.then((v1) => Promise.all(paths.map((p) => (from[p].v1 ? v1 : shards[shardOf(p)]).match(from[p].url)
        .then((r) => (r ? r.arrayBuffer() : null)))))
        .then((bodies) => {
          let n = 0;
          for (let i = 0; i < paths.length; i++) {
            if (!bodies[i]) continue;
            const p = paths[i], t = parseKey(from[p].url).t;
            FS.mkdirTree(p.slice(0, p.lastIndexOf('/')));
            FS.writeFile(p, new Uint8Array(bodies[i]), { canOwn: true });
            FS.utime(p, t, t);
            n++;
          }
          state.restored = n;
          return n;
        });
    }))))).catch(() => 0);
  }

  // Once the app runs: brings the copy in step with the tree (the first start with a copy, or a copy
  // left behind by a crash between IndexedDB's commit and the copy's), a few files per step,
  // each step queued like a sync's so that one never waits long behind it.
  function bringInStep(root) {
    if (!state.available) return Promise.resolve();
    return state.inStep = enqueue(() => (noCopyNeeded(root) ? anyCopy() : Promise.resolve(true)).then((some) => {
      if (some || opened) return open().then((shards) => readIndex(shards));
      adoptIndex({}, {});
      return state.index;
    })).then(() => {
      const nodes = filesIn(root), index = state.index;
      const todo = [];
      Object.keys(nodes).forEach((p) => {
        if (index[p] !== keyFor(p, nodes[p].timestamp)) todo.push(p);
      });
      Object.keys(index).forEach((p) => {
        if ((p === root || p.indexOf(root + '/') === 0) && !nodes[p]) todo.push(p);
      });
      const steps = [];
      for (let i = 0; i < todo.length; i += FILES_PER_STEP) steps.push(todo.slice(i, i + FILES_PER_STEP));
      return steps.reduce((done, paths) => done.then(() => enqueue(() => open().then((shards) =>
        Promise.all(paths.map((p) => {
          // Read at the step's own time: the file may have changed or gone since the list was made.
          let node = null;
          try { node = FS.lookupPath(p).node; } catch (e) { node = null; }
          const file = node && FS.isFile(node.mode)
            ? { contents: MEMFS.getFileDataAsTypedArray(node).slice(), timestamp: node.timestamp } : null;
          return put(shards, state.index, p, file);
        }))))), Promise.resolve())
        // Every file is in layout v2 now: a layout v1 copy is no longer needed.
        .then(() => caches.delete(OLD_NAME)).then(() => { state.oldIndex = {}; return todo.length; });
    }).catch((e) => { state.index = null; state.problem = String(e && e.name || e); });
  }

  return {
    state, changed, ownCopy, commit, dropPending, restoreIfEmptied, bringInStep,
    forgetIndex() { state.index = null; state.oldIndex = null; state.written = {}; },
    restoredCount() { return state.restored; },
    // The cache that holds (or would hold) `path` (tests, and the golden test of layout v2).
    cacheNameOf(path) { return PREFIX + shardOf(path); },
    // For tests: what the copy holds in layout v2 (path -> timestamp), read afresh.
    contents() {
      if (!state.available) return Promise.resolve(null);
      return open().then((shards) => Promise.all(shards.map((c) => c.keys()))).then((lists) => {
        const out = {};
        lists.forEach((rs) => rs.forEach((r) => { const k = parseKey(r.url); if (k.path !== null) out[k.path] = k.t; }));
        return out;
      });
    },
  };
})();
