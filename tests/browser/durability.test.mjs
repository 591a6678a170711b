// durability: records survive reloads and browser restarts; removal goes to the trash; unicode is exact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// First code points of a text (never splits a surrogate pair).
function titleOf(text) { return [...text].slice(0, 10).join(''); }
function byId(list) { return new Map(list.map((r) => [r.id, r])); }

async function withProfile(fn) {
  const profile = await Profile.launch();
  try {
    await fn(profile);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
}

test('three records survive a reload', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const texts = ['first entry', 'second entry', 'third entry'];
    const ids = [];
    for (const [i, text] of texts.entries()) {
      ids.push(await api.put(page, TYPE, { kind: 'free', title: `T${i}`, text, createdMs: 1764000000000 + i }));
    }
    for (const id of ids) assert.ok(typeof id === 'string' && id.length > 0, `put returned ${JSON.stringify(id)}`);
    assert.equal(new Set(ids).size, 3, `put returned duplicate ids: ${ids}`);
    await api.flush(page);
    await reloadApp(page);
    const got = byId(await api.list(page, TYPE));
    for (const [i, id] of ids.entries()) {
      assert.ok(got.has(id), `record ${id} missing after reload`);
      assert.equal(got.get(id).body.text, texts[i]);
      assert.equal(got.get(id).body.title, `T${i}`);
    }
  });
});

test('records survive a browser restart', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    let page = await openApp(profile, server.url);
    const id = await api.put(page, TYPE, JSON.stringify({ kind: 'free', title: 'restart', text: 'survives a restart' }));
    const id2 = await api.put(page, TYPE, { text: 'with an explicit id' }, 'explicit-id-1');
    assert.equal(id2, 'explicit-id-1', 'put with an explicit id returned another id');
    await api.flush(page);
    await profile.close();
    await profile.relaunch();
    page = await openApp(profile, server.url);
    const got = byId(await api.list(page, TYPE));
    assert.ok(got.has(id), 'record missing after browser restart');
    assert.equal(got.get(id).body.text, 'survives a restart');
    assert.ok(got.has('explicit-id-1'), 'record with explicit id missing after browser restart');
    assert.equal(got.get('explicit-id-1').body.text, 'with an explicit id');
  });
});

test('remove moves a record to the trash, durably', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const keep = await api.put(page, TYPE, { text: 'keep me' });
    const gone = await api.put(page, TYPE, { text: 'remove me' });
    await api.flush(page);
    assert.equal(await api.remove(page, TYPE, gone), true, 'remove() did not return true');
    await api.flush(page);
    await reloadApp(page);
    const got = byId(await api.list(page, TYPE));
    assert.ok(got.has(keep), 'the kept record is missing');
    assert.ok(!got.has(gone), 'the removed record is still listed after reload');
    const trash = await api.trashList(page);
    const t = trash.find((e) => e.id === gone);
    assert.ok(t, `trashList() lacks the removed record: ${JSON.stringify(trash)}`);
    assert.equal(t.type, TYPE);
    assert.equal(typeof t.deletedMs, 'number');
  });
});

test('unicode text survives a reload byte-exact', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const samples = [
      'Ελληνικά: Καλημέρα κόσμε',
      'Русский: Съешь же ещё этих мягких французских булок',
      'Emoji: 🎉👍🏽 👩‍👩‍👧 🇬🇷 ❤️',
      'Zoë (NFC) and Zoe\u0308 (NFD)',
      'mixed: "quotes" \\ backslash \t tab \n newline \u00a0nbsp 𝄞 中文 日本語 العربية',
    ];
    const ids = [];
    for (const text of samples) ids.push(await api.put(page, TYPE, { title: titleOf(text), text }));
    await api.flush(page);
    await reloadApp(page);
    const got = byId(await api.list(page, TYPE));
    for (const [i, id] of ids.entries()) {
      assert.ok(got.has(id), `record ${i} missing after reload`);
      const text = got.get(id).body.text;
      assert.equal(Buffer.from(text, 'utf8').toString('hex'), Buffer.from(samples[i], 'utf8').toString('hex'),
        `text changed: expected ${JSON.stringify(samples[i])}, got ${JSON.stringify(text)}`);
      assert.equal(got.get(id).body.title, titleOf(samples[i]));
    }
  });
});

// "Saved" means on disk: the sync's transaction asks for strict durability (Chromium's default is relaxed
// since version 121: "complete" once the files reach the system's buffers, before they are flushed).
test('the save\'s transaction asks the browser to flush to disk before it says complete', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const seen = await page.evaluate(async () => {
      const asked = [];
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (names, mode, options) {
        const tx = transaction.apply(this, arguments);
        if (mode === 'readwrite' && this.name === '/data') asked.push(tx.durability || (options && options.durability) || 'default');
        return tx;
      };
      window.towardTest.put('journal.entry', { kind: 'free', title: 'on disk', text: 'flushed before "Saved"' });
      await window.towardTest.flush();
      IDBDatabase.prototype.transaction = transaction;
      return asked;
    });
    assert.ok(seen.length >= 1, 'the save wrote through a transaction');
    assert.deepEqual([...new Set(seen)], ['strict']);
  });
});

// A sync that fails part way (here its 10th put is refused at once) stores none of its files: the puts
// already handed out are taken back. The next sync then stores every one, in IndexedDB and in the second
// copy (which had let go of that sync's files, as a failed sync stored nothing).
test('a sync that fails part way stores none of its files, and the next stores them all in both copies', { timeout: 120_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const N = 20;
    const ids = await page.evaluate((n) => {
      const put = IDBObjectStore.prototype.put;
      let puts = 0;
      window.__refuseTenth = true;
      IDBObjectStore.prototype.put = function () {
        if (window.__refuseTenth && ++puts === 10) {
          window.__refuseTenth = false;
          IDBObjectStore.prototype.put = put;
          throw new DOMException('refused for this test', 'DataError');
        }
        return put.apply(this, arguments);
      };
      const out = [];
      for (let i = 0; i < n; i++) out.push(window.towardTest.put('journal.entry', { kind: 'free', title: `part ${i}`, text: 'all or nothing' }));
      return out;
    }, N);
    const first = await page.evaluate(() => window.towardTest.flush().then(() => 'saved', (e) => String(e && e.message || e)));
    assert.notEqual(first, 'saved', 'the sync with a refused put is not reported saved');
    const heldPaths = () => page.evaluate(() => new Promise((resolve, reject) => {
      const open = indexedDB.open('/data');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const keys = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA').getAllKeys();
        keys.onsuccess = () => { db.close(); resolve(keys.result.map(String)); };
        keys.onerror = () => { db.close(); reject(keys.error); };
      };
    }));
    const mine = (paths) => paths.filter((p) => ids.some((id) => p.includes(id)));
    assert.deepEqual(mine(await heldPaths()), [], 'IndexedDB holds none of the failed sync\'s records');

    await api.flush(page);
    assert.equal(mine(await heldPaths()).length, N, 'the next sync stored every record');
    const copy = await page.evaluate(() => window.towardTest.secondCopy());
    assert.equal(mine(Object.keys(copy)).length, N, 'the second copy holds every record too');
    await reloadApp(page);
    const listed = new Set((await api.list(page, TYPE)).map((r) => r.id));
    assert.ok(ids.every((id) => listed.has(id)), 'every record is there after a reload');
  });
});
