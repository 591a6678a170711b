// crash_rescue: if the module traps while a person is typing, the page stops saying "Saved" at once, a
// calm notice says what happened, the words of every text field are put aside in IndexedDB without the
// module, and the next start brings them back where they were typed (a letter's as a new revision),
// says so once, and removes the copy only after the words are durable. With a passphrase (the vault), no
// plain copy is written: the notice offers "Copy my words" instead.
// The trap is made on purpose through the test API (towardTest.trapNextFrame()).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, waitUntil, settle, sleep, clickRole } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// A deliberate trap shows up as a page error: expected here, and nothing else may.
function expectOnlyTheTrap(profile) {
  const others = profile.errors.filter((e) => !/unreachable|RuntimeError/.test(e));
  assert.deepEqual(others, [], `no other errors:\n${others.join('\n')}`);
}

async function clickAction(page, id) {
  const r = (await page.evaluate(() => window.towardTest.actions())).find((a) => a.id === id);
  assert.ok(r, `the shell's "${id}" action is drawn`);
  await settle(page, { minFrames: 0 });
  await page.getByRole('button', { name: r.title, exact: true }).first().click({ force: true });  // found by role and name
  await settle(page, { minFrames: 1 });
}

test('a trap while typing a letter: notice, no "Saved", every word back after a reload, copy removed', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await clickAction(page, 'therapist');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    const first = 'Before the crash: I wanted to write to you. ';
    await area.click();
    await page.keyboard.type(first);
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 10_000, message: 'the first words to be stored' });

    await page.evaluate(() => window.towardTest.trapNextFrame());
    await page.keyboard.type('x');  // the next frame (this keystroke's) traps
    await waitUntil(() => page.evaluate(() => window.towardTest.crashed()), { message: 'the crash to be noticed' });
    const notice = page.locator('#crash-notice');
    assert.equal(await notice.isVisible(), true, 'the calm notice is shown');
    assert.match(await notice.innerText(), /words on your screen are kept/);
    assert.equal(await page.locator('#crash-reload').isVisible(), true, 'it offers "Reload"');
    assert.equal((await api.state(page)).saved, false, 'never "Saved" after a crash');

    // The field still takes words; the copy follows them.
    const after = 'And after it, every word still counts.';
    await area.click();
    await page.keyboard.press('End');
    await page.keyboard.type(after);
    const all = await area.inputValue();
    assert.ok(all.endsWith(after));
    await waitUntil(async () => {
      const copies = await page.evaluate(() => window.towardTest.rescueCopies());
      return copies.some((c) => c.key.endsWith('/text') && c.text === all);
    }, { timeoutMs: 5000, message: 'the emergency copy to hold every word' });
    expectOnlyTheTrap(profile);

    profile.errors.length = 0;
    // The next start opens its store a file a frame behind the opening screen: the words go back only once
    // everything is read (a field placed in a half-read store would be lost or misplaced).
    await page.evaluate(() => sessionStorage.setItem('towardTestOpenFilesPerFrame', '1'));
    await reloadApp(page);
    assert.ok((await page.evaluate(() => window.towardTest.openedMs())) > (await api.firstFrameMs(page)), 'the store opened at once');
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.rescued())) === 1, { message: 'one field brought back' });
    await page.evaluate(() => sessionStorage.removeItem('towardTestOpenFilesPerFrame'));
    const [letter] = await api.list(page, 'letters.letter');
    assert.equal(letter.body.text, all, 'the letter holds every word, after the crash too');
    const revisions = await api.list(page, 'letters.revision');
    assert.ok(revisions.some((r) => r.body.reason === 'recovered' && r.body.text === all), 'a "recovered" revision');
    assert.ok(revisions.some((r) => r.body.reason === 'before recovering' && r.body.text.startsWith(first.trim())),
      'the words stored before are kept as a revision');
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.rescueCopies())).length === 0,
      { message: 'the copy to be removed once the words are durable' });
    assert.equal((await api.state(page)).saved, true);

    await reloadApp(page);
    const [again] = await api.list(page, 'letters.letter');
    assert.equal(again.body.text, all, 'still there after another reload');
    assert.equal(await page.evaluate(() => window.towardTest.rescued()), 0, 'nothing to bring back twice');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('with a passphrase, nothing is put aside in plain text: the notice offers to copy the words', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    const on = await page.evaluate(() => window.towardTest.vaultEnable('a long quiet passphrase'));
    assert.equal(on.ok, true);
    await settle(page, { minFrames: 1 });
    await clickAction(page, 'therapist');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await area.click();
    await page.keyboard.type('Sealed words that must never be stored in plain text.');
    await page.evaluate(() => window.towardTest.trapNextFrame());
    await page.keyboard.type('!');
    await waitUntil(() => page.evaluate(() => window.towardTest.crashed()), { message: 'the crash to be noticed' });
    assert.equal(await page.locator('#crash-copy').isVisible(), true, '"Copy my words" is offered');
    assert.match(await page.locator('#crash-notice').innerText(), /copy them before you reload/);
    await sleep(500);
    assert.deepEqual(await page.evaluate(() => window.towardTest.rescueCopies()), [], 'no plain copy was written');
    expectOnlyTheTrap(profile);
  } finally {
    await profile.dispose();
  }
});

// Copies planted as a crash leaves them: one of 6 MB (more than ccall's 5 MB stack holds: it must go
// through the heap and come back whole) and one larger than a record may be (16 MiB: the store refuses
// it, so the copy must stay kept for another try, never deleted as if nobody owned it).
test('a copy of megabytes comes back whole; one the store refuses stays kept, the entry untouched', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const big = await api.put(page, 'journal.entry', { kind: 'free', text: 'Before: a short entry.' });
    const huge = await api.put(page, 'journal.entry', { kind: 'free', text: 'This one stays as it is.' });
    await api.flush(page);
    await page.evaluate(([bigKey, hugeKey]) => new Promise((resolve, reject) => {
      const line = 'I kept writing to you through the night, every word still mine. ';
      const req = indexedDB.open('toward-rescue', 1);
      req.onupgradeneeded = () => { req.result.createObjectStore('fields', { keyPath: 'key' }); };
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(['fields'], 'readwrite');
        const store = tx.objectStore('fields');
        store.put({ key: bigKey, text: line.repeat(Math.ceil(6e6 / line.length)), label: 'Entry text', atMs: Date.now() });
        store.put({ key: hugeKey, text: line.repeat(Math.ceil(17e6 / line.length)), label: 'Entry text', atMs: Date.now() });
        // a contact row past the end of the plan's list (rows removed meanwhile): a new row, not dropped
        store.put({ key: 'safety_plan.plan/plan/helpers.5.name', text: 'Aunt Mira', label: 'Name of person 6', atMs: Date.now() });
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }), [`journal.entry/${big}/text`, `journal.entry/${huge}/text`]);

    await reloadApp(page);
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.rescued())) === 2,
      { timeoutMs: 60_000, message: 'the 6 MB copy and the plan\'s row brought back' });
    const [plan] = await api.list(page, 'safety_plan.plan');
    assert.deepEqual(plan.body.helpers.map((c) => c.name), ['Aunt Mira'], 'the row past the end became a new row');
    const texts = async () => page.evaluate(() => Object.fromEntries(window.towardTest.list('journal.entry')
      .map((e) => [e.id, { length: e.body.text.length, start: e.body.text.slice(0, 40), end: e.body.text.slice(-40) }])));
    const line = 'I kept writing to you through the night, every word still mine. ';
    const whole = line.repeat(Math.ceil(6e6 / line.length));
    let now = await texts();
    assert.deepEqual(now[big], { length: whole.length, start: whole.slice(0, 40), end: whole.slice(-40) }, 'every word of the 6 MB copy');
    assert.equal(now[huge].start, 'This one stays as it is.', 'the entry the store could not take is untouched');
    const kept = async () => page.evaluate(async () => (await window.towardTest.rescueCopies()).map((c) => [c.key, c.text.length]));
    await waitUntil(async () => (await kept()).length === 1, { timeoutMs: 20_000, message: 'the placed copy to be removed once durable' });
    assert.equal((await kept())[0][0], `journal.entry/${huge}/text`, 'the refused copy is still kept');
    // The person is told, calmly, and can copy the words now; "Saved" is not held back by them (their
    // copy is stored in the browser, and tried again at the next start).
    assert.match(await page.evaluate(() => window.towardTest.drawnText()),
      /Some words kept when Toward stopped unexpectedly could not be put back in their place/);
    await page.evaluate(() => {
      window.__copied = -1;
      navigator.clipboard.writeText = (v) => { window.__copied = v.length; return Promise.resolve(); };
    });
    await clickRole(page, 'button', 'Copy these words');
    const hugeLength = line.repeat(Math.ceil(17e6 / line.length)).length;
    await waitUntil(async () => (await page.evaluate(() => window.__copied)) === hugeLength, { message: 'the kept words on the clipboard' });
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 20_000, message: '"Saved" once the rest is stored' });

    await reloadApp(page);
    now = await texts();
    assert.equal(now[big].length, whole.length, 'still whole after another start');
    assert.equal((await kept()).length, 1, 'the refused copy is kept across starts');
    assert.equal(now[huge].start, 'This one stays as it is.');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
