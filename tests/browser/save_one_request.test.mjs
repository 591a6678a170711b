// save_one_request: a one-record save among many records is one request to IndexedDB (web/glue/storage.js's
// syncOut): the record's file, not the folder whose time alone changed, and no pass that builds the set of
// every path (IDBFS.getLocalSet) on the way; a record moved to the trash leaves IndexedDB in the same sync.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, seedJournal } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// Puts a journal entry (id null) or removes one, saves, and returns {id, puts, deletes, localSets} of that sync.
function countedSave(page, removeId) {
  return page.evaluate(async (rid) => {
    const seen = { puts: [], deletes: [], localSets: 0 };
    const put = IDBObjectStore.prototype.put, del = IDBObjectStore.prototype.delete, localSet = IDBFS.getLocalSet;
    IDBObjectStore.prototype.put = function (value, key) { seen.puts.push(String(key)); return put.call(this, value, key); };
    IDBObjectStore.prototype.delete = function (key) { seen.deletes.push(String(key)); return del.call(this, key); };
    IDBFS.getLocalSet = function (...a) { seen.localSets++; return localSet.apply(this, a); };
    try {
      if (rid) window.towardTest.remove('journal.entry', rid);
      else seen.id = window.towardTest.put('journal.entry', { kind: 'free', title: 'one more', text: 'words' });
      await window.towardTest.flush();
    } finally {
      IDBObjectStore.prototype.put = put;
      IDBObjectStore.prototype.delete = del;
      IDBFS.getLocalSet = localSet;
    }
    return seen;
  }, removeId);
}

test('a one-record save among 2,000 records is one request, and a removal one more', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 2000, { batch: 500, textLength: 300, prefix: 'one' });
    await api.flush(page);
    await reloadApp(page);

    const saved = await countedSave(page, null);
    const id = saved.id;
    assert.deepEqual(saved.puts, [`/data/records/${TYPE}/${id}.json`], `one save wrote ${JSON.stringify(saved.puts)}`);
    assert.equal(saved.localSets, 0, 'the save built the set of every path');

    const removed = await countedSave(page, id);
    assert.deepEqual(removed.deletes, [`/data/records/${TYPE}/${id}.json`], `the removal deleted ${JSON.stringify(removed.deletes)}`);
    assert.ok(removed.puts.includes(`/data/trash/${TYPE}/${id}.json`), `the trash copy was not written: ${JSON.stringify(removed.puts)}`);

    await reloadApp(page);
    assert.equal(await page.evaluate(() => window.towardTest.count('journal.entry')), 2000);
    assert.ok((await api.trashList(page)).some((r) => r.id === id), 'the removed record is not in the trash after a reload');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
