// tests/bench/floor/bare_read.js: see bare_read.html. Its database holds entries shaped as IDBFS stores
// Toward's record files (key: the path; value: timestamp, mode, contents), put there by bareSeed() from the
// benchmark with record files of Toward's own size; each load reads them all with one getAll().
// With `?packed=K` (bare_read.html?packed=1000) the same files are kept K to an IndexedDB record instead, each
// record one buffer (pack(), below; its own database): a shape Toward does not use, measured so that the
// benchmark can say what fewer, larger records would save at start. A load reads them with one getAll() and
// finds every file in them, with its mode and time (a view of each contents, nothing copied).
'use strict';
(function () {
  window.bareScriptMs = performance.now();   // when this script began (the read's own time is from here)
  const PACKED = Math.max(0, Math.floor(Number(new URLSearchParams(location.search).get('packed')) || 0));
  const NAME = PACKED ? 'toward-bare-read-packed' : 'toward-bare-read', STORE = 'FILE_DATA';
  function open(then) {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = function () { req.result.createObjectStore(STORE); };
    req.onerror = function () { window.bareReadError = String(req.error); };
    req.onsuccess = function () { then(req.result); };
  }
  // `files` ([[path, bytes, timestamp]...]) as one buffer: for each, its path's length, its contents' length
  // and its mode (three little-endian uint32) and its time (float64, ms), then the path (UTF-8) and the contents.
  const HEAD = 20;
  function pack(files) {
    const encoder = new TextEncoder();
    const names = files.map(function (f) { return encoder.encode(f[0]); });
    let total = 0;
    for (let i = 0; i < files.length; i++) total += HEAD + names[i].length + files[i][1].length;
    const out = new Uint8Array(total), view = new DataView(out.buffer);
    let at = 0;
    for (let i = 0; i < files.length; i++) {
      view.setUint32(at, names[i].length, true);
      view.setUint32(at + 4, files[i][1].length, true);
      view.setUint32(at + 8, 33206, true);
      view.setFloat64(at + 12, files[i][2], true);
      out.set(names[i], at + HEAD);
      out.set(files[i][1], at + HEAD + names[i].length);
      at += HEAD + names[i].length + files[i][1].length;
    }
    return out;
  }
  // The files of packed records: {path: {mode, timestamp, contents (a view)}}, as IDBFS's entries hold them.
  function unpack(records) {
    const decoder = new TextDecoder(), files = {};
    for (const buf of records) {
      const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      for (let at = 0; at < buf.length;) {
        const nameLength = view.getUint32(at, true), length = view.getUint32(at + 4, true);
        const name = decoder.decode(buf.subarray(at + HEAD, at + HEAD + nameLength));
        files[name] = { mode: view.getUint32(at + 8, true), timestamp: new Date(view.getFloat64(at + 12, true)),
          contents: buf.subarray(at + HEAD + nameLength, at + HEAD + nameLength + length) };
        at += HEAD + nameLength + length;
      }
    }
    return files;
  }
  // Puts `count` entries whose contents are `template` (a record file's text) with a numbered id.
  window.bareSeed = function (count, template) {
    return new Promise(function (resolve, reject) {
      open(function (db) {
        const tx = db.transaction([STORE], 'readwrite');
        const store = tx.objectStore(STORE);
        store.clear();
        const encoder = new TextEncoder();
        let part = [];
        for (let i = 0; i < count; i++) {
          const id = String(100000000 + i);
          const path = '/data/records/journal.entry/' + id + '.json', contents = encoder.encode(template.replace('@ID@', id));
          if (!PACKED) {
            store.put({ timestamp: new Date(), mode: 33206, contents: contents }, path);
            continue;
          }
          part.push([path, contents, Date.now()]);
          if (part.length === PACKED || i === count - 1) {
            store.put(pack(part), '/pack/' + String(100000 + Math.floor(i / PACKED)));
            part = [];
          }
        }
        tx.oncomplete = function () { db.close(); resolve(count); };
        tx.onerror = function () { reject(String(tx.error)); };
      });
    });
  };
  open(function (db) {
    const req = db.transaction([STORE], 'readonly').objectStore(STORE).getAll();
    req.onsuccess = function () {
      window.bareReadCount = PACKED ? Object.keys(unpack(req.result)).length : req.result.length;
      window.bareReadMs = performance.now();
      db.close();
    };
    req.onerror = function () { window.bareReadError = String(req.error); };
  });
})();
