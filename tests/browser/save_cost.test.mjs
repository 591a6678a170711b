// save_cost: saving one record after 200 others writes exactly one file to IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, api, seedJournal } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('a one-record save touches one record file', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 200, { batch: 100, textLength: 200 });
    await api.flush(page);
    const seeded = await api.lastSyncWrites(page);
    assert.ok(seeded >= 1, `lastSyncWrites() after seeding 200 records is ${seeded}`);
    await api.put(page, 'journal.entry', { title: 'one more', text: 'a single new record' });
    await api.flush(page);
    const writes = await api.lastSyncWrites(page);
    assert.equal(writes, 1, `lastSyncWrites() after a one-record save is ${writes}, expected 1`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
