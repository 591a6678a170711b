// web/glue/changed_paths.js: which paths under /data changed since the last sync (TowardChanged).
// A sync to IndexedDB (storage.js's syncOut) used to walk every node of the in-memory tree to find the
// one file a save wrote: 10,000 records meant 10,000 nodes and paths per save. Instead every change the
// file system makes is noted here as it happens, at the one level everything passes through: the
// operations of MEMFS's nodes (IDBFS keeps its files in MEMFS). A file created, written, truncated,
// given a time or a mode, renamed or removed, a folder made or removed: whoever did it (the core's
// writes, an import, a restore, the vault's sealing steps, the glue's own FS calls) passes here.
// A folder renamed (everything under it moves) or anything unusual makes the next sync walk the whole
// tree again (wholeTree), as it did before.
// Included with --pre-js after early_read.js; storage.js calls watch() in preRun and take() per sync.
'use strict';

var TowardChanged = (function () {
  const state = {
    root: null,        // '/data' once watched
    paths: {},         // path -> true: changed since the last take()
    wholeTree: false,  // something changed that a list of paths cannot say: walk everything
    watching: false,
    stats: { listed: 0, walked: 0 },   // syncs that went by the list, and that compared the whole tree (storage.js counts, tests read)
  };

  function under(path) { return path === state.root || path.indexOf(state.root + '/') === 0; }
  function note(path) {
    if (under(path)) state.paths[path] = true;
  }
  function pathOf(node) {
    try { return FS.getPath(node); } catch (e) { state.wholeTree = true; return ''; }
  }
  function child(parent, name) {
    const p = pathOf(parent);
    return p === '/' ? '/' + name : p + '/' + name;
  }

  // Wraps one operation of an ops table so that it notes the paths it touches before it runs (a change
  // noted that then did not happen costs a look at one path at the next sync, nothing more).
  function wrap(ops, name, paths) {
    const original = ops && ops[name];
    if (!original || original.towardWatched) return;
    const wrapped = function () {
      try { paths.apply(null, arguments); } catch (e) { state.wholeTree = true; }
      return original.apply(this, arguments);
    };
    wrapped.towardWatched = true;
    ops[name] = wrapped;
  }

  // Starts noting changes under `root` (a MEMFS-backed mount such as IDBFS's).
  function watch(root) {
    state.root = root;
    const table = MEMFS.ops_table;
    if (!table || !table.dir || !table.file) { state.watching = false; return false; }
    [table.dir, table.file, table.link, table.chrdev].forEach((kind) => {
      if (!kind || !kind.node) return;
      wrap(kind.node, 'setattr', (node) => note(pathOf(node)));
      wrap(kind.node, 'mknod', (parent, name) => note(child(parent, name)));
      wrap(kind.node, 'unlink', (parent, name) => note(child(parent, name)));
      wrap(kind.node, 'rmdir', (parent, name) => note(child(parent, name)));
      // (The file system's own links, /dev/stdin and the like, are made outside the root.)
      wrap(kind.node, 'symlink', (parent, name) => { if (under(child(parent, name))) state.wholeTree = true; });
      wrap(kind.node, 'rename', (node, newDir, newName) => {
        const from = pathOf(node), to = child(newDir, newName);
        if (FS.isDir(node.mode) && (under(from) || under(to))) state.wholeTree = true;   // everything under it moves
        note(from);
        note(to);
      });
      if (!kind.stream) return;
      wrap(kind.stream, 'write', (stream) => note(pathOf(stream.node)));
      wrap(kind.stream, 'allocate', (stream) => note(pathOf(stream.node)));
    });
    state.watching = true;
    return true;
  }

  // What changed since the last take(), and starts a new list: {paths: [...]} or null when the whole
  // tree must be walked (not watching, or a change a list of paths cannot say).
  function take() {
    const paths = Object.keys(state.paths), whole = state.wholeTree || !state.watching;
    state.paths = {};
    state.wholeTree = false;
    return whole ? null : { paths };
  }

  // Forgets the list (a sync that compares the whole tree anyway is starting).
  function reset() { state.paths = {}; state.wholeTree = false; }

  return { state, watch, take, reset };
})();
