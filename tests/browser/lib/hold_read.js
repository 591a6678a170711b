// lib/hold_read.js: test only. Holds the completion of IndexedDB's whole read (the one getAll() with no range on
// IDBFS's store, web/glue/early_read.js readAll) in this document until window.towardReleaseRead() is called,
// so that a test sees the start before that read is in, on any machine and in any engine. Runs before the
// page's own scripts: Playwright's addInitScript (opening_early.test.mjs, with window.towardHoldRead set
// first), or a <script> put before early_read.js in a copy of the page (lib/held_read_dist.mjs), where it
// holds only while localStorage.towardHoldRead is '1'.
(function () {
  'use strict';
  var wanted = window.towardHoldRead === true;
  try { wanted = wanted || window.localStorage.getItem('towardHoldRead') === '1'; } catch (e) { /* no storage */ }
  if (!wanted) return;
  var release;
  var held = new Promise(function (r) { release = r; });
  window.towardReleaseRead = release;
  window.towardReadHeld = false;
  var getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (query) {
    var request = getAll.apply(this, arguments);
    if (query === undefined && this.name === 'FILE_DATA' && !window.towardReadHeld) {
      window.towardReadHeld = true;
      var tx = this.transaction;
      var handler = null;
      Object.defineProperty(tx, 'oncomplete', { configurable: true, get: function () { return handler; }, set: function (h) { handler = h; } });
      tx.addEventListener('complete', function (e) { held.then(function () { if (handler) handler.call(tx, e); }); });
    }
    return request;
  };
})();
