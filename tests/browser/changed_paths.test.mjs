// changed_paths: a sync stores the paths the file system changed (web/glue/changed_paths.js) instead of
// walking the whole tree; whoever changed a file, IndexedDB ends up holding exactly what the tree holds.
// Each step below changes the tree another way (a record saved, edited, moved to the trash, every file
// sealed by the vault and opened again, the glue's own FS calls: a file written, given a time, renamed,
// removed, a folder renamed and removed) and after its sync IndexedDB is compared with the tree: the same
// paths, and every file with the same bytes and time. The syncs go by the list (no walk over the tree),
// except after a folder is renamed, when the list cannot say what moved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, seedJournal, waitUntil } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// The differences between the tree under /data and IndexedDB's IDBFS store (an empty list when they agree).
function treeVersusIndexedDB(page) {
  return page.evaluate(async () => {
    const tree = {};
    const stack = [{ path: '/data', node: FS.lookupPath('/data').node }];
    while (stack.length) {
      const dir = stack.pop();
      Object.keys(dir.node.contents).forEach((name) => {
        const node = dir.node.contents[name], path = dir.path + '/' + name;
        tree[path] = node;
        if (FS.isDir(node.mode)) stack.push({ path, node });
      });
    }
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('/data');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise((resolve, reject) => {
      const store = db.transaction(['FILE_DATA'], 'readonly').objectStore('FILE_DATA');
      const keys = store.getAllKeys(), values = store.getAll();
      values.onsuccess = () => resolve({ keys: keys.result, values: values.result });
      values.onerror = () => reject(values.error);
    });
    db.close();
    const problems = [], held = {};
    all.keys.forEach((key, i) => {
      held[key] = true;
      const entry = all.values[i], node = tree[key];
      if (!node) { problems.push(`IndexedDB still holds ${key}`); return; }
      if (FS.isFile(node.mode)) {
        const bytes = MEMFS.getFileDataAsTypedArray(node), stored = new Uint8Array(entry.contents);
        if (bytes.length !== stored.length || bytes.some((b, j) => b !== stored[j])) problems.push(`${key}: other bytes`);
        if (entry.timestamp.getTime() !== node.timestamp) problems.push(`${key}: another time`);
      }
    });
    Object.keys(tree).forEach((path) => { if (!held[path]) problems.push(`IndexedDB lacks ${path}`); });
    return problems;
  });
}

const stats = (page) => page.evaluate(() => Object.assign({}, TowardChanged.state.stats));

// Runs `step` in the page (a function body string), saves, and checks the tree and IndexedDB agree.
async function stepThenCompare(page, label, step) {
  await page.evaluate(step);
  await api.flush(page);
  assert.deepEqual(await treeVersusIndexedDB(page), [], `after ${label}`);
}

test('whoever changes the tree, the next sync leaves IndexedDB holding exactly what the tree holds', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 300, { batch: 300, textLength: 200, prefix: 'paths' });
    await api.flush(page);
    await reloadApp(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after the reload');
    const start = await stats(page);   // the first sync after a start goes by the list too
    await api.put(page, 'letters.letter', { recipientKind: 'therapist', recipientName: 'Anna', text: 'first words' });
    await api.flush(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after the first save after the reload');

    const [entry] = await api.list(page, 'journal.entry');
    await stepThenCompare(page, 'a new record of a new kind', () => {
      window.towardTest.put('texture.object', { name: 'A smooth stone', textures: ['soft'], order: 1 });
    });
    await page.evaluate((id) => window.towardTest.put('journal.entry', { kind: 'free', title: 'edited', text: 'new words' }, id), entry.id);
    await api.flush(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after an edit');
    await page.evaluate((id) => window.towardTest.remove('journal.entry', id), entry.id);
    await api.flush(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after a record moved to the trash');

    // The vault seals every file a few a frame (syncs come as they go), then opens them again at once.
    const began = await page.evaluate(() => window.towardTest.vaultBeginEnable('a long calm passphrase'));
    assert.ok(began.ok, JSON.stringify(began));
    await waitUntil(async () => !(await page.evaluate(() => window.towardTest.vaultState())).migrating, { timeoutMs: 60_000, message: 'sealed' });
    await api.flush(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after the vault sealed every file');
    const disabled = await page.evaluate(() => window.towardTest.vaultDisable('a long calm passphrase'));
    assert.ok(disabled.ok, JSON.stringify(disabled));
    await api.flush(page);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after the vault opened every file again');

    // The glue's own calls on the file system (what an import or a restore from the second copy uses).
    const glueStep = async (label, body) => {
      await page.evaluate(body);
      await page.evaluate(() => new Promise((resolve, reject) => FS.syncfs(false, (e) => (e ? reject(e) : resolve()))));
      assert.deepEqual(await treeVersusIndexedDB(page), [], `after ${label}`);
    };
    await glueStep('a file written', () => { FS.mkdirTree('/data/side/probe'); FS.writeFile('/data/side/probe/a.txt', 'some words'); });
    await glueStep('a time given', () => { FS.utime('/data/side/probe/a.txt', 1700000000000, 1700000000000); });
    await glueStep('a file renamed', () => { FS.rename('/data/side/probe/a.txt', '/data/side/probe/b.txt'); });
    const listed = await stats(page);
    assert.equal(listed.walked, start.walked, 'a sync walked the whole tree where the list could tell');
    assert.ok(listed.listed > start.listed, 'no sync went by the list of changed paths');
    await glueStep('a folder renamed', () => { FS.rename('/data/side/probe', '/data/side/moved'); });
    assert.equal((await stats(page)).walked, listed.walked + 1, 'a folder renamed is found by walking the tree');
    await glueStep('a file and its folder removed', () => { FS.unlink('/data/side/moved/b.txt'); FS.rmdir('/data/side/moved'); FS.rmdir('/data/side'); });

    await reloadApp(page);
    assert.equal(await page.evaluate(() => window.towardTest.count('journal.entry')), 299);
    assert.equal(await page.evaluate(() => window.towardTest.count('texture.object')), 1);
    assert.deepEqual(await treeVersusIndexedDB(page), [], 'after the last reload');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
