// two_tabs: only one tab writes. A second tab shows #tab-notice and stays passive until the user
// clicks #take-over; then the first tab saves what it has pending and becomes passive itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, readyWithin, waitReady, waitForApi, api, waitUntil, openPage, clickRole } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const noticeVisible = (page) => page.locator('#tab-notice').isVisible();
// The tab's next whole read from IndexedDB (taking the writer back) answers `ms` late, as on a busy machine.
const slowReadBack = (page, ms) => page.evaluate((late) => {
  const syncfs = IDBFS.syncfs;
  IDBFS.syncfs = function (mount, populate, callback) {
    if (!populate) return syncfs.call(this, mount, populate, callback);
    return syncfs.call(this, mount, populate, (err) => setTimeout(() => callback(err), late));
  };
}, ms);

test('second tab stays passive until it takes over; the first tab hands over cleanly', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const a = await openApp(profile, server.url);
    assert.equal((await api.state(a)).writer, true, 'tab A (alone) is not the writer');
    assert.equal(await noticeVisible(a), false, '#tab-notice is visible in the only tab');
    const a1 = await api.put(a, TYPE, { title: 'A1', text: 'written by tab A first' });
    await api.flush(a);

    // Tab B: shows the notice and does not become ready by itself.
    const b = await openApp(profile, server.url, { ready: false });
    await waitUntil(() => noticeVisible(b), { timeoutMs: 20_000, message: '#tab-notice visible in tab B' });
    assert.equal(await b.locator('#take-over').isVisible(), true, '#take-over not visible in tab B');
    await waitForApi(b);
    assert.equal(await readyWithin(b, 2000), false, 'tab B became ready although tab A holds the writer lock');
    assert.equal((await api.state(b)).writer, false, 'tab B claims to be the writer before taking over');
    assert.equal((await api.state(a)).writer, true, 'tab A lost the writer role when tab B opened');

    // A has a pending change when B takes over.
    await api.setSyncDelayMs(a, 600000);
    const a2 = await api.put(a, TYPE, { title: 'A2', text: 'pending in tab A during take-over' });
    assert.equal((await api.state(a)).saved, false, 'A2 is already saved although the sync delay is 600 s');

    await b.locator('#take-over').click();

    await waitUntil(() => noticeVisible(a), { timeoutMs: 15_000, message: '#tab-notice visible in tab A after B took over' });
    await waitUntil(async () => (await api.state(a)).writer === false,
      { timeoutMs: 15_000, message: 'tab A state().writer === false after B took over' });
    await waitReady(b, 30_000);
    assert.equal(await noticeVisible(b), false, '#tab-notice still visible in tab B after it took over');
    assert.equal((await api.state(b)).writer, true, 'tab B is ready but not the writer');

    let ids = new Set((await api.list(b, TYPE)).map((r) => r.id));
    assert.ok(ids.has(a1), 'tab B does not list A1');
    assert.ok(ids.has(a2), 'tab B does not list A2 (A\'s pending change was not flushed on hand-over)');

    // A is passive now: writes are refused and it offers to take over again.
    const putInA = await a.evaluate(() => {
      try {
        const r = window.towardTest.put('journal.entry', { title: 'A3', text: 'must be refused' });
        return { threw: false, returned: r && typeof r.then === 'function' ? 'a Promise' : JSON.stringify(r) };
      } catch (e) {
        return { threw: true, isError: e instanceof Error, message: String(e && e.message) };
      }
    });
    assert.equal(putInA.threw, true, `put in passive tab A did not throw (returned ${putInA.returned})`);
    assert.equal(putInA.isError, true, 'put in passive tab A threw something that is not an Error');
    assert.ok(putInA.message.length > 0, 'put in passive tab A threw an Error without a message');
    assert.equal(await a.locator('#take-over').isVisible(), true, '#take-over not offered in passive tab A');

    const b1 = await api.put(b, TYPE, { title: 'B1', text: 'written by tab B' });
    await api.flush(b);
    await reloadApp(b);
    ids = new Set((await api.list(b, TYPE)).map((r) => r.id));
    for (const [name, id] of [['A1', a1], ['A2', a2], ['B1', b1]]) assert.ok(ids.has(id), `${name} missing after reloading tab B`);
    assert.ok(!(await api.list(b, TYPE)).some((r) => r.body && r.body.title === 'A3'), 'refused A3 was stored anyway');

    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Words a field hands over in a tab that no longer writes are refused and held (core::HeldWords). Held
// words are tried only by the writer, so a passive tab must not be woken for them on every frame; and the
// moment the tab writes again they are tried at once, before anything can be typed over the same field.
test('words held in a tab that no longer writes wake no frames, and are stored as soon as it writes again', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const a = await openApp(profile, server.url);
    const id = await api.put(a, 'letters.letter', { recipientKind: 'therapist', state: 'draft', text: 'Dear you,' });
    await api.flush(a);
    const b = await openApp(profile, server.url, { ready: false });
    await waitUntil(() => noticeVisible(b), { timeoutMs: 20_000, message: '#tab-notice visible in tab B' });
    await b.locator('#take-over').click();
    await waitUntil(async () => (await api.state(a)).writer === false, { timeoutMs: 15_000, message: 'A passive' });
    await waitReady(b, 30_000);

    // A field of A's hands over its words as it goes (as text_fields.js does): refused, so held.
    const words = 'Dear you, I wrote this in the other window and it must not be lost.';
    await a.evaluate(([key, text]) => {
      const w = TowardGlue.textToHeap(text);
      Module.ccall('toward_platform_text_input', null, ['string', 'number', 'number'], [key, w.ptr, w.size]);
      TowardGlue.wake();
    }, [`letters.letter/${id}/text`, words]);
    await waitUntil(async () => (await api.state(a)).unsavedPages.split(',').includes('held'), { message: 'held in A' });
    await new Promise((r) => setTimeout(r, 2500));   // a retry is due by now
    const before = await api.framesRendered(a);
    await new Promise((r) => setTimeout(r, 2000));
    const drawn = (await api.framesRendered(a)) - before;
    assert.ok(drawn <= 4, `a passive tab holding words drew ${drawn} frames in 2 s`);

    await b.close();
    await a.locator('#take-over').click();
    await waitUntil(async () => (await api.state(a)).writer === true, { timeoutMs: 15_000, message: 'A writes again' });
    await waitUntil(async () => {
      const [l] = (await api.list(a, 'letters.letter')).filter((x) => x.id === id);
      return l && l.body.text === words;
    }, { timeoutMs: 5_000, message: 'the held words stored in their letter' });
    await waitUntil(async () => (await api.state(a)).saved, { message: '"Saved" once they are stored' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a tab the other took over takes no typing behind its notice, so taking over again keeps the other tab\'s words', { timeout: 150_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const a = await openApp(profile, server.url);
    await openPage(a, 'letters');
    await clickRole(a, 'button', '+ New letter');
    await clickRole(a, 'button', 'To my therapist');
    const field = a.locator('textarea[aria-label="Letter text"]');
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await a.keyboard.type('A words.');
    await api.flush(a);
    const id = await waitUntil(async () => {
      const [l] = await api.list(a, 'letters.letter');
      return l && l.body.text === 'A words.' ? l.id : null;
    }, { message: 'the letter saved' });
    await waitUntil(() => field.evaluate((el) => document.activeElement === el), { message: 'the letter field has the keys' });

    const b = await openApp(profile, server.url, { ready: false });
    await waitUntil(() => noticeVisible(b), { timeoutMs: 20_000, message: '#tab-notice visible in tab B' });
    await b.locator('#take-over').click();
    await waitUntil(() => noticeVisible(a), { timeoutMs: 15_000, message: 'the notice in tab A' });
    await waitReady(b, 30_000);

    // What a person types in A now goes nowhere near the letter, and takes nothing back from B: the notice's
    // title has the keys (on its button, the first space or Enter took Toward back from the tab just chosen).
    await a.bringToFront();
    await a.keyboard.type('GHOST words typed on ');
    await a.keyboard.press('Enter');
    assert.equal(await a.evaluate(() => document.activeElement && document.activeElement.id), 'tab-notice-title');
    assert.equal(await field.inputValue(), 'A words.', 'typing behind the notice reached the letter');
    assert.equal(await a.locator('#app').evaluate((el) => el.inert), true);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal((await api.state(b)).writer, true, 'a keystroke in A took Toward back from B');
    assert.equal(await noticeVisible(b), false);
    // Tab reaches the button, for a deliberate take-over by keyboard.
    await a.keyboard.press('Tab');
    assert.equal(await a.evaluate(() => document.activeElement && document.activeElement.id), 'take-over');

    // B goes on with the letter; then A takes over again and keeps B's words.
    await api.put(b, 'letters.letter', { recipientKind: 'therapist', state: 'draft', text: 'A words. B words.' }, id);
    await api.flush(b);
    // A reads back what B stored slowly (as a busy machine does): until that read is in, A is not the
    // writer. It was, from the moment it held the lock, with only its own older words in it.
    await slowReadBack(a, 1500);
    await a.bringToFront();
    await a.locator('#take-over').click();
    await waitUntil(async () => (await api.state(a)).writer === true, { timeoutMs: 15_000, intervalMs: 20, message: 'A writes again' });
    const [seen] = (await api.list(a, 'letters.letter')).filter((x) => x.id === id);
    assert.equal(seen.body.text, 'A words. B words.', 'A counted as the writer before it had read what B stored');
    await api.flush(a);
    const [letter] = (await api.list(a, 'letters.letter')).filter((x) => x.id === id);
    assert.equal(letter.body.text, 'A words. B words.');
    assert.equal(await a.locator('#app').evaluate((el) => el.inert), false);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A writes "one", B opens, takes over and writes; A shows the notice. Returns both pages.
async function bTookOver(profile) {
  const a = await openApp(profile, server.url);
  await api.put(a, TYPE, { title: 'one', text: 'kept by A' });
  await api.flush(a);
  const b = await openApp(profile, server.url, { ready: false });
  await waitUntil(() => noticeVisible(b), { timeoutMs: 20_000, message: '#tab-notice visible in tab B' });
  await b.locator('#take-over').click();
  await waitReady(b, 30_000);
  await waitUntil(() => noticeVisible(a), { timeoutMs: 15_000, message: 'the notice in tab A' });
  return { a, b };
}

test('a tab asked to step aside while it still reads back what the other tab stored steps aside once the read is in, and stays aside', { timeout: 150_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const { a, b } = await bTookOver(profile);
    await api.put(b, TYPE, { title: 'two', text: 'kept by B' });
    await api.flush(b);

    // A takes over again and reads back slowly; meanwhile B asks for the writer back.
    await slowReadBack(a, 1500);
    await a.locator('#take-over').click();
    await waitUntil(() => noticeVisible(b), { timeoutMs: 15_000, message: 'B stepped aside for A' });
    await b.locator('#take-over').click();
    await waitUntil(async () => (await api.state(b)).writer === true, { timeoutMs: 15_000, message: 'B writes again' });
    await new Promise((r) => setTimeout(r, 2500));   // A's slow read is long in by now
    assert.equal(await noticeVisible(a), true, 'A came back from its read as a second writer, over B');
    assert.equal((await api.state(a)).writer, false);
    assert.equal(await a.locator('#app').evaluate((el) => el.inert), true);
    const titles = (await api.list(b, TYPE)).map((e) => e.body.title).sort();
    assert.deepEqual(titles, ['one', 'two']);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Asked back before its own request for the lock was granted (the other tab has let it go, the grant is on
// its way): the later click wins. The ask was dropped; this tab then wrote on, and the other waited behind
// its lock for good (CI's load made the window wide enough to fall into now and then).
test('a tab asked back while its own request waits for the lock steps aside once it holds it', { timeout: 150_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const { a, b } = await bTookOver(profile);
    // B lets its lock go a second after it steps aside: A's request waits that long for its grant.
    await b.evaluate(() => {
      const st = TowardGlue.state;
      const was = Object.getOwnPropertyDescriptor(st, 'releaseLock');
      let held = was ? was.value : null;
      Object.defineProperty(st, 'releaseLock', {
        configurable: true,
        get() { return held; },
        set(fn) { held = fn ? () => setTimeout(fn, 1000) : fn; },
      });
      if (held) { const fn = held; held = () => setTimeout(fn, 1000); }
    });
    await a.locator('#take-over').click();
    await waitUntil(() => noticeVisible(b), { timeoutMs: 15_000, message: 'B stepped aside for A' });
    await b.locator('#take-over').click();   // at once: A's request is not granted yet
    await waitUntil(async () => (await api.state(b)).writer === true, { timeoutMs: 20_000, message: 'B writes again' });
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(await noticeVisible(a), true, 'A kept the writing it was asked to give back');
    assert.equal((await api.state(a)).writer, false);
    await api.put(b, TYPE, { title: 'two', text: 'kept by B' });
    await api.flush(b);
    assert.deepEqual((await api.list(b, TYPE)).map((e) => e.body.title).sort(), ['one', 'two']);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
