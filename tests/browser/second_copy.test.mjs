// second_copy: every save is kept a second time outside IndexedDB (web/glue/second_copy.js) before it is
// reported saved, and when the browser empties IndexedDB (Chromium deletes a store it finds damaged after a
// crash: seen in the torture suite) everything comes back from that copy, with a kind word, and is stored
// in IndexedDB again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, Profile, openApp, reloadApp, api, waitUntil } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const copy = (page) => page.evaluate(() => window.towardTest.secondCopy());
// Removes the whole copy, every layout (as a version without it would have left the origin).
const dropCopy = (page) => page.evaluate(() => caches.keys().then((names) =>
  Promise.all(names.filter((n) => n.startsWith('toward.second-copy.')).map((n) => caches.delete(n)))));
// The bodies of every file of the copy (layout v2: every shard).
const copyBodies = (page) => page.evaluate(async () => {
  const bodies = [];
  for (const name of (await caches.keys()).filter((n) => n.startsWith('toward.second-copy.v2.'))) {
    const c = await caches.open(name);
    for (const k of await c.keys()) bodies.push(await (await c.match(k)).text());
  }
  return bodies;
});
// The copy's files for one record (a file is named by its record's id).
const pathsOf = (held, id) => Object.keys(held).filter((p) => p.split('/').pop().split('.')[0] === id);

async function withProfile(fn) {
  const profile = await Profile.launch();
  try {
    await fn(profile);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
}

// What Chromium does to an IndexedDB store it finds damaged at open: the folder is gone, the open starts afresh.
function emptyIndexedDB(profile) {
  const dir = path.join(profile.userDataDir, 'Default', 'IndexedDB');
  assert.ok(fs.existsSync(dir), 'the profile has an IndexedDB folder to lose');
  fs.rmSync(dir, { recursive: true, force: true });
}

test('a save is in the second copy when it is reported saved, and an edit or a removal follows it', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const id = await api.put(page, TYPE, { kind: 'free', title: 'kept twice', text: 'first words' });
    await api.flush(page);
    let held = await copy(page);
    assert.equal(pathsOf(held, id).length, 1, `the copy holds the record once: ${JSON.stringify(pathsOf(held, id))}`);
    const [p] = pathsOf(held, id);
    const t1 = held[p];

    await api.put(page, TYPE, { kind: 'free', title: 'kept twice', text: 'second words' }, id);
    await api.flush(page);
    held = await copy(page);
    assert.deepEqual(pathsOf(held, id), [p], 'an edit replaces the copy of the file, it does not add one');
    assert.ok(held[p] >= t1, 'the copy holds the newer version');

    await api.remove(page, TYPE, id);
    await api.flush(page);
    held = await copy(page);
    assert.ok(!(p in held), 'a file removed from IndexedDB is removed from the copy');
  });
});

test('when the browser empties IndexedDB, every saved word comes back from the second copy', { timeout: 150_000 }, async () => {
  await withProfile(async (profile) => {
    let page = await openApp(profile, server.url);
    const texts = ['the fork in the road', 'a letter never sent: ünïcødé 🌱', 'by the lake'];
    const ids = [];
    for (const [i, text] of texts.entries()) ids.push(await api.put(page, TYPE, { kind: 'free', title: `T${i}`, text }));
    await api.flush(page);
    await profile.close();

    emptyIndexedDB(profile);
    await profile.relaunch();
    page = await openApp(profile, server.url);
    const got = new Map((await api.list(page, TYPE)).map((r) => [r.id, r]));
    for (const [i, id] of ids.entries()) {
      assert.ok(got.has(id), `record ${id} came back`);
      assert.equal(got.get(id).body.text, texts[i], 'exactly as it was saved');
    }
    assert.ok((await page.evaluate(() => window.towardTest.secondCopyRestored())) > 0, 'the glue counted the files it brought back');
    const said = await page.evaluate(() => window.towardTest.drawnText());
    assert.match(said, /second copy/, 'the person is told what happened');
    assert.match(said, /all of it is\s+back/);
    await page.getByRole('button', { name: 'Thank you', exact: true }).click({ force: true });   // a real click where it is drawn
    await waitUntil(async () => !/second copy/.test(await page.evaluate(() => window.towardTest.drawnText())),
      { message: 'the note goes once read' });

    // The words are in IndexedDB again, not only in the copy: without the copy they still load.
    await dropCopy(page);
    await reloadApp(page);
    const again = new Map((await api.list(page, TYPE)).map((r) => [r.id, r]));
    for (const id of ids) assert.ok(again.has(id), `record ${id} is back in IndexedDB itself`);
    assert.equal(await page.evaluate(() => window.towardTest.secondCopyRestored()), 0, 'nothing to bring back this time');
  });
});

test('a store saved before the copy existed gets its copy in the background, every file', { timeout: 150_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const ids = [];
    for (let i = 0; i < 450; i++) ids.push(`seed-${i}`);
    await page.evaluate((list) => { for (const id of list) window.towardTest.put('journal.entry', { kind: 'free', text: id }, id); }, ids);
    await api.flush(page);
    await dropCopy(page);   // as after an update from a version without it
    await reloadApp(page);
    await waitUntil(async () => {
      const held = await copy(page);
      return ids.every((id) => pathsOf(held, id).length === 1);
    }, { timeoutMs: 60_000, message: 'every record in the copy' });
  });
});

// Every key the copy holds (layout v2), duplicates and all.
const rawKeys = (page) => page.evaluate(async () => {
  const urls = [];
  for (const name of (await caches.keys()).filter((n) => n.startsWith('toward.second-copy.v2.'))) {
    for (const r of await (await caches.open(name)).keys()) urls.push(decodeURIComponent(r.url));
  }
  return urls;
});

// Holds every keys() on the copy's caches until window.__releaseCopyKeys() (before any script of the page):
// as at 50,000 files, where reading the copy's index takes seconds.
function holdCopyKeys() {
  const open = CacheStorage.prototype.open, keys = Cache.prototype.keys;
  let release;
  const gate = new Promise((r) => { release = r; });
  window.__releaseCopyKeys = release;
  window.__heldKeys = 0;
  CacheStorage.prototype.open = function (name) {
    return open.call(this, name).then((c) => { c.__towardName = String(name); return c; });
  };
  Cache.prototype.keys = function () {
    const args = arguments;
    if (!(this.__towardName || '').startsWith('toward.second-copy.')) return keys.apply(this, args);
    window.__heldKeys++;
    return gate.then(() => keys.apply(this, args));
  };
}

test('the first saves after a start do not wait for the copy\'s index, and the copy follows them exactly', { timeout: 120_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const [a, b, c] = [await api.put(page, TYPE, { kind: 'free', text: 'edited soon' }),
      await api.put(page, TYPE, { kind: 'free', text: 'removed soon' }), await api.put(page, TYPE, { kind: 'free', text: 'left alone' })];
    await api.flush(page);
    await page.addInitScript(holdCopyKeys);
    await reloadApp(page);
    await waitUntil(() => page.evaluate(() => window.__heldKeys > 0), { message: 'the copy\'s index is being read' });

    await api.put(page, TYPE, { kind: 'free', text: 'edited now' }, a);
    await api.remove(page, TYPE, b);
    const d = await api.put(page, TYPE, { kind: 'free', text: 'new now' });
    const saved = await Promise.race([api.flush(page).then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
    assert.ok(saved, 'the saves were reported saved while the copy\'s index was still being read');
    const meanwhile = await page.evaluate(() => window.__heldKeys);

    await page.evaluate(() => window.__releaseCopyKeys());
    const files = Object.fromEntries((await api.list(page, TYPE)).map((r) => [r.id, r]));
    assert.deepEqual(Object.keys(files).sort(), [a, c, d].sort());
    // A removed record goes to the trash first (its file moves): the copy follows the move.
    await waitUntil(async () => {
      const urls = await rawKeys(page);
      const of = (id, folder = 'records') => urls.filter((u) => u.includes(`/data/${folder}/journal.entry/${id}.`));
      return of(a).length === 1 && of(b).length === 0 && of(b, 'trash').length === 1 && of(c).length === 1 && of(d).length === 1;
    }, { timeoutMs: 30_000, message: 'the copy holds each record once, where it is now (the edited one in its new version)' });
    const bodies = await copyBodies(page);
    assert.ok(bodies.some((t) => t.includes('edited now')) && !bodies.some((t) => t.includes('edited soon')), 'the edit replaced the older version');
    assert.ok(bodies.some((t) => t.includes('new now')), 'the new record is in the copy');
    assert.ok(meanwhile > 0);
  });
});

test('a fresh start with nothing saved says nothing about a copy', { timeout: 60_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    assert.equal(await page.evaluate(() => window.towardTest.secondCopyRestored()), 0);
    assert.doesNotMatch(await page.evaluate(() => window.towardTest.drawnText()), /second copy/);
  });
});

test('a start with nothing kept makes no cache for the copy (a return start then looks for none to restore); the first save makes its shard, and is in it', { timeout: 90_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const copyCaches = async () => {
      await page.evaluate(() => window.towardTest.secondCopyInStep());
      return page.evaluate(() => caches.keys().then((names) => names.filter((n) => n.startsWith('toward.second-copy'))));
    };
    assert.deepEqual(await copyCaches(), [], 'a first visit with nothing kept made the copy\'s caches');
    await reloadApp(page);
    assert.deepEqual(await copyCaches(), [], 'a return start with nothing kept made the copy\'s caches');
    const id = await api.put(page, TYPE, { kind: 'free', title: 'the first one', text: 'first words kept' });
    await api.flush(page);
    assert.ok((await copyCaches()).length >= 1, 'the first save made no shard');
    assert.equal(pathsOf(await copy(page), id).length, 1, 'the first save is in the copy');
  });
});

test('with the vault on, the second copy holds sealed files only, never the words in plain text', { timeout: 120_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    const phrase = 'a sentence only the vault should hide';
    await api.put(page, TYPE, { kind: 'free', title: 'private', text: phrase });
    await api.flush(page);
    const plainBefore = (await copyBodies(page)).some((b) => b.includes(phrase));
    assert.equal(plainBefore, true, 'without the vault the copy holds the words as IndexedDB does');
    const on = await page.evaluate(() => window.towardTest.vaultEnable('correct horse battery staple'));
    assert.ok(on.ok, `the vault turned on: ${JSON.stringify(on)}`);
    await api.flush(page);
    const plainAfter = (await copyBodies(page)).some((b) => b.includes(phrase));
    assert.equal(plainAfter, false, 'no file of the copy holds the words in plain text');
  });
});

test('should the copy hold two versions of a file, the newer one comes back', { timeout: 150_000 }, async () => {
  await withProfile(async (profile) => {
    let page = await openApp(profile, server.url);
    const id = await api.put(page, TYPE, { kind: 'free', title: 'newer', text: 'the newer words' });
    await api.flush(page);
    const [p] = pathsOf(await copy(page), id);
    // An older version written after the newer one (as a tab that stepped aside and came back might have).
    await page.evaluate(async ([file, older]) => {
      const body = JSON.stringify({ stale: true });
      const url = location.origin + '/.second-copy?p=' + encodeURIComponent(file) + '&t=' + older;
      await (await caches.open(TowardCopy.cacheNameOf(file))).put(url, new Response(body));
    }, [p, (await copy(page))[p] - 60_000]);
    await profile.close();
    emptyIndexedDB(profile);
    await profile.relaunch();
    page = await openApp(profile, server.url);
    const got = (await api.list(page, TYPE)).find((r) => r.id === id);
    assert.ok(got, 'the record came back');
    assert.equal(got.body.text, 'the newer words');
    assert.deepEqual(await page.evaluate(() => window.towardTest.problems()), [], 'nothing stale or damaged came back');
  });
});

test('layout v2 of the copy: a path\'s shard is fixed forever (golden), and files spread over the shards', { timeout: 120_000 }, async () => {
  await withProfile(async (profile) => {
    const page = await openApp(profile, server.url);
    // Golden: another hash would leave every copied file in a shard where it is never looked for.
    const golden = {
      '/data/records/journal.entry/0f3c2a9e8b7d4c1a.json': 'toward.second-copy.v2.5',
      '/data/records/core.settings/app.json': 'toward.second-copy.v2.14',
      '/data/vault.json': 'toward.second-copy.v2.15',
      '/data/records/letters.letter/\u00e9-\u00fc-\u65e5\u672c.json': 'toward.second-copy.v2.10',
    };
    for (const [file, name] of Object.entries(golden)) {
      assert.equal(await page.evaluate((f) => TowardCopy.cacheNameOf(f), file), name, `the shard of ${file} moved`);
    }
    const ids = [];
    for (let i = 0; i < 480; i++) ids.push(`spread-${i}`);
    await page.evaluate((list) => { for (const id of list) window.towardTest.put('journal.entry', { kind: 'free', text: id }, id); }, ids);
    await api.flush(page);
    const perShard = await page.evaluate(() => caches.keys().then((names) => Promise.all(names
      .filter((n) => n.startsWith('toward.second-copy.v2.')).sort()
      .map((n) => caches.open(n).then((c) => c.keys()).then((ks) => [n, ks.length])))));
    const total = perShard.reduce((a, [, n]) => a + n, 0);
    assert.ok(total >= 480, `the copy holds ${total} files`);
    assert.equal(perShard.length, 16, `shards: ${JSON.stringify(perShard)}`);
    for (const [name, n] of perShard) assert.ok(n < total / 16 * 2, `${name} holds ${n} of ${total}: the paths do not spread`);
    assert.equal(await page.evaluate(() => caches.has('toward.second-copy.v1')), false, 'a layout v1 cache was made');
  });
});

test('a copy left in layout v1 (one cache) still brings everything back, then moves to layout v2', { timeout: 150_000 }, async () => {
  await withProfile(async (profile) => {
    let page = await openApp(profile, server.url);
    const ids = [];
    for (let i = 0; i < 120; i++) {
      ids.push(await api.put(page, TYPE, { kind: 'free', title: `v1 ${i}`, text: `words kept by the first layout ${i}` }));
    }
    await api.flush(page);
    // The copy as a version before layout v2 kept it: the same entries, all in one cache, and no shard.
    const moved = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('toward.second-copy.v2.'));
      const v1 = await caches.open('toward.second-copy.v1');
      let n = 0;
      for (const name of names) {
        const c = await caches.open(name);
        for (const k of await c.keys()) { await v1.put(k.url, await c.match(k)); n++; }
        await caches.delete(name);
      }
      return n;
    });
    assert.ok(moved >= 120, `only ${moved} files in the v1 copy`);
    await profile.close();
    emptyIndexedDB(profile);
    await profile.relaunch();
    page = await openApp(profile, server.url);
    const back = new Map((await api.list(page, TYPE)).map((r) => [r.id, r]));
    for (let i = 0; i < ids.length; i++) {
      assert.equal(back.get(ids[i])?.body.text, `words kept by the first layout ${i}`, `record ${ids[i]} did not come back from the v1 copy`);
    }
    assert.equal(await page.evaluate(() => window.towardTest.secondCopyRestored()) >= 120, true);
    // In the background the copy moves to layout v2, and the v1 cache goes once v2 holds every file.
    await waitUntil(async () => !(await page.evaluate(() => caches.has('toward.second-copy.v1'))),
      { timeoutMs: 60_000, message: 'the v1 cache removed' });
    const held = await copy(page);
    for (const id of ids) assert.equal(pathsOf(held, id).length, 1, `record ${id} is not in the v2 copy`);
  });
});
