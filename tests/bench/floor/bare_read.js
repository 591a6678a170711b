// tests/bench/floor/bare_read.js: see bare_read.html. Its database holds entries shaped as IDBFS stores
// Toward's record files (key: the path; value: timestamp, mode, contents), put there by bareSeed() from the
// benchmark with record files of Toward's own size; each load reads them all with one getAll().
'use strict';
(function () {
  const NAME = 'toward-bare-read', STORE = 'FILE_DATA';
  function open(then) {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = function () { req.result.createObjectStore(STORE); };
    req.onerror = function () { window.bareReadError = String(req.error); };
    req.onsuccess = function () { then(req.result); };
  }
  // Puts `count` entries whose contents are `template` (a record file's text) with a numbered id.
  window.bareSeed = function (count, template) {
    return new Promise(function (resolve, reject) {
      open(function (db) {
        const tx = db.transaction([STORE], 'readwrite');
        const store = tx.objectStore(STORE);
        store.clear();
        const encoder = new TextEncoder();
        for (let i = 0; i < count; i++) {
          const id = String(100000000 + i);
          store.put({ timestamp: new Date(), mode: 33206, contents: encoder.encode(template.replace('@ID@', id)) },
            '/data/records/journal.entry/' + id + '.json');
        }
        tx.oncomplete = function () { db.close(); resolve(count); };
        tx.onerror = function () { reject(String(tx.error)); };
      });
    });
  };
  open(function (db) {
    const req = db.transaction([STORE], 'readonly').objectStore(STORE).getAll();
    req.onsuccess = function () {
      window.bareReadCount = req.result.length;
      window.bareReadMs = performance.now();
      db.close();
    };
    req.onerror = function () { window.bareReadError = String(req.error); };
  });
})();
