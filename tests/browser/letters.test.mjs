// letters: unsent letters through the real page. A letter typed into the real text field is all there
// after a reload made right after the autosave settled; a sealed letter's words are not shown (not in
// any DOM field, not after a reload); "Write to my therapist" opens a letter that waits here, flagged
// for the next session, where it is ticked off and brought back; Print fills only the print page and
// "Save as Markdown" offers the whole letter; an autosave of a long letter writes one file.
// ImGui draws everything but the text fields on a canvas; buttons are found as a screen reader finds them
// (role and name in the semantics mirror) and clicked there; text fields are found by their aria-label.
// Each step checks the records through the test API, so a click that misses fails with a plain message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, openPage, reloadApp, api, waitUntil, sleep, settle, assertCanvasNotBlank, press, clickRole, clickOn } from './lib/harness.mjs';

const TYPE = 'letters.letter';
// Controls found by role and name in the semantics mirror, clicked with the real pointer (clickRole).
const firstRow = (page) => clickOn(page, page.getByRole('list', { name: 'Letters' }).getByRole('button').first());

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

async function letters(page) { return api.list(page, TYPE); }

// The words of a letter must not be in any field or element of the page.
async function assertWordsNotInDom(page, words) {
  const found = await page.evaluate((w) => {
    const fields = [...document.querySelectorAll('textarea, input')].some((el) => el.value.includes(w));
    return fields || document.body.innerText.includes(w) || document.body.textContent.includes(w);
  }, words);
  assert.equal(found, false, 'the sealed words must not be anywhere in the page');
}

test('a letter typed through the real editor is all there after a reload right after the autosave settles', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'letters');
    await clickRole(page, 'button', '+ New letter');
    await clickRole(page, 'button', 'To a parent');
    const created = await waitUntil(async () => (await letters(page))[0], { message: 'a new letter' });
    assert.equal(created.body.recipientKind, 'parent');
    assert.equal(created.body.state, 'draft');

    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the letter text to have focus' });
    const words = 'Dear one, there is something I never said.\nWhen I was small I waited by the window. ' +
      'I am not angry any more, only tired, and I want to put this down. Zoë, καλημέρα, привет.\n\nIt can wait here.';
    await page.keyboard.type(words);
    await page.keyboard.press('Escape');
    assert.equal(await area.inputValue(), words, 'Escape must not change the text');

    const name = page.locator('input[aria-label="Recipient name"]');
    await name.click();
    await page.keyboard.type('Mum');
    // The autosave settles: the record holds every word and the shell says "Saved".
    await waitUntil(async () => {
      const [l] = await letters(page);
      return l && l.body.text === words && l.body.recipientName === 'Mum' && (await api.state(page)).saved;
    }, { timeoutMs: 8000, intervalMs: 25, message: 'the autosave to settle' });
    await reloadApp(page);

    const [after] = await letters(page);
    assert.equal(after.body.text, words, 'every word is there after the reload');
    assert.equal(after.body.recipientName, 'Mum');
    assert.ok(after.body.dayWords.length === 1 && after.body.dayWords[0].words === words.split(/\s+/).filter(Boolean).length, 'the day\'s words are counted');
    await openPage(page, 'letters');
    await firstRow(page);
    const again = page.locator('textarea[aria-label="Letter text"]');
    await again.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await again.inputValue(), words, 'the editor shows every word again');
    const revisions = await api.list(page, 'letters.revision');
    assert.ok(revisions.length >= 1 && revisions[0].body.letterId === after.id, 'the first words were kept as a revision');
    await assertCanvasNotBlank(page);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a sealed letter does not show its words, before and after a reload', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const secret = 'the words I am not ready to read again';
    await api.put(page, TYPE, { recipientKind: 'future_self', text: `Hello. Here are ${secret}.`, state: 'finished' });
    await openPage(page, 'letters');
    await firstRow(page);
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok((await area.inputValue()).includes(secret), 'the finished letter shows its words');

    await clickRole(page, 'button', 'Seal until a day\u2026');
    await sleep(300);
    // "Seal it" where the dialog last drew it (found by id: the dialog's size follows its choices); pressed
    // again only while the letter is not sealed yet (a busy machine may still be placing the dialog).
    const sealed = await waitUntil(async () => {
      const [l] = await letters(page);
      if (l && l.body.state === 'sealed') return l;
      await press(page, 'letters:seal-it').catch(() => {});
      return null;
    }, { timeoutMs: 20_000, intervalMs: 300, message: 'the letter to be sealed' });
    assert.match(sealed.body.sealedUntil, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(sealed.body.text.includes(secret), 'sealing keeps the words');
    await sleep(300);
    assert.equal(await area.isVisible(), false, 'no letter text field while sealed');
    await assertWordsNotInDom(page, secret);

    await api.flush(page);
    await reloadApp(page);
    await openPage(page, 'letters');
    await firstRow(page);
    await sleep(400);
    assert.equal(await page.locator('textarea[aria-label="Letter text"]').isVisible(), false, 'still hidden after a reload');
    await assertWordsNotInDom(page, secret);
    await assertCanvasNotBlank(page);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('"Write to my therapist" holds the words here; the next session lists it and ticks it off (and undo)', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await clickRole(page, 'button', 'Write to my therapist');
    const held = await waitUntil(async () => (await letters(page))[0], { message: 'a held letter' });
    assert.equal(held.body.recipientKind, 'therapist');
    assert.equal(held.body.held, true);
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the letter text to have focus' });
    await page.keyboard.type('I wanted to email you tonight.');
    await press(page, 'letters:bring');   // the editor's one "Bring to my next session"
    await waitUntil(async () => {
      const [l] = await letters(page);
      return l.body.bringToSession && l.body.text === 'I wanted to email you tonight.';
    }, { message: 'the letter flagged for the next session, with its words' });
    await api.put(page, 'journal.entry', { text: 'The dream about the house.', bringToSession: true });

    await openPage(page, 'next-session');
    await clickRole(page, 'button', 'We talked about it');   // the letter (oldest first)
    await waitUntil(async () => !(await letters(page))[0].body.bringToSession, { message: 'the letter ticked off' });
    const [entry] = await api.list(page, 'journal.entry');
    assert.equal(entry.body.bringToSession, true, 'the journal entry is still on the list');
    await clickRole(page, 'button', 'We talked about it');   // now the journal entry
    await waitUntil(async () => !(await api.list(page, 'journal.entry'))[0].body.bringToSession, { message: 'the entry ticked off' });
    // Ticked by mistake: undo brings the letter back to the list.
    await clickRole(page, 'button', 'Undo');
    await waitUntil(async () => (await letters(page))[0].body.bringToSession, { message: 'the letter back on the list' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('Print fills a print-only page with just the letter, Markdown holds all of it; an autosave of a long letter writes one file', { timeout: 150_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const long = Array.from({ length: 20000 }, (_, i) => `word${i}`).join(' ');
    await api.put(page, TYPE, { recipientKind: 'other', recipientName: 'Sam', text: long, state: 'finished' });
    await api.put(page, 'journal.entry', { text: 'not part of the letter' });
    await api.flush(page);
    await openPage(page, 'letters');
    await firstRow(page);
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });

    await page.evaluate(() => { window.__prints = 0; window.print = () => { window.__prints += 1; }; });
    await clickRole(page, 'button', 'Print');
    await waitUntil(() => page.evaluate(() => window.__prints === 1), { message: 'the browser\'s print to be asked for' });
    const sheet = await page.evaluate(() => document.getElementById('print-page').textContent);
    assert.ok(sheet.startsWith('Dear Sam'), 'the page starts with the greeting');
    assert.ok(sheet.includes('word19999'), 'the whole letter is on the page');
    assert.ok(!sheet.includes('not part of the letter'), 'nothing else is on the page');
    const after = await page.evaluate(() => { window.dispatchEvent(new Event('afterprint')); return document.getElementById('print-page').textContent; });
    assert.equal(after, '', 'the words leave the page once printing is done');
    // Below the fold in a 720 px window: scrolled to, as a person does (the wheel over the canvas beside the
    // letter's field, until the whole button is in view).
    const markdown = page.getByRole('button', { name: 'Save as Markdown', exact: true });
    for (let i = 0; i < 40; i++) {
      const box = (await markdown.count()) > 0 ? await markdown.first().boundingBox() : null;
      if (box && box.y > 40 && box.y + box.height < 720 - 40) break;
      await page.mouse.move(1240, 360);
      await page.mouse.wheel(0, box && box.y <= 40 ? -120 : 120);
      await settle(page, { minFrames: 1 });
    }
    await clickRole(page, 'button', 'Save as Markdown');
    const downloads = await waitUntil(async () => {
      const d = await page.evaluate(() => window.towardTest.downloads());
      return d.length ? d : null;
    }, { message: 'the Markdown file to be offered' });
    assert.match(downloads[0].name, /^letter-\d{4}-\d{2}-\d{2}\.md$/);
    assert.ok(downloads[0].size > long.length, 'the Markdown file holds the whole letter');

    // Writing in a long letter: the first save also keeps a revision; later saves write the letter alone.
    await area.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' and more');
    await waitUntil(async () => (await api.state(page)).saved && (await letters(page))[0].body.text.endsWith('and more'),
      { timeoutMs: 8000, message: 'the first save' });
    await page.keyboard.type(' and still more');
    await waitUntil(async () => (await api.state(page)).saved && (await letters(page))[0].body.text.endsWith('still more'),
      { timeoutMs: 8000, message: 'the second save' });
    await api.flush(page);
    assert.equal(await api.lastSyncWrites(page), 1, 'an autosave of a long letter writes one file');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// In the session, what was flagged can be read whole: "Open <title>" on the next session's list shows the
// letter (or the entry) opened on its own page (the list shows a line and a few words of it).
test('the next session\'s list opens a flagged letter and a flagged entry whole', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const words = 'I have been carrying this since Tuesday. When you said we would need to move our session, '
      + 'something in me dropped through the floor, and I want to say all of it to you.';
    await api.put(page, TYPE, { recipientKind: 'therapist', recipientName: 'Maren', text: words, bringToSession: true, timeMs: 1764000000000 });
    await api.put(page, 'journal.entry', { text: 'The dream about the house, and the door that would not open.', bringToSession: true, timeMs: 1764000100000 });
    await openPage(page, 'next-session');
    const opens = page.getByRole('button', { name: /^Open / });
    await waitUntil(async () => (await opens.count()) === 2, { message: 'an "Open" button for each flagged thing' });
    await clickOn(page, page.getByRole('button', { name: 'Open Letter: Dear Maren', exact: true }));
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.shownPage())) === 'letters', { message: 'the letters page' });
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await area.inputValue(), words, 'the whole letter');

    await openPage(page, 'next-session');
    const entryOpen = page.getByRole('button', { name: /^Open (?!Letter)/ });
    await entryOpen.first().waitFor({ state: 'attached', timeout: 10_000 });
    await clickOn(page, entryOpen.first());
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.shownPage())) === 'journal', { message: 'the journal page' });
    const text = page.locator('textarea[aria-label="Entry text"]');
    await text.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await text.inputValue(), 'The dream about the house, and the door that would not open.');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A click on one of the app's controls takes the keys from the text field, as a web page's field gives them
// up when another control is clicked: before, the field kept them, and what the person typed next (after
// choosing a prompt's list, a kind of letter) went into the field they had left. A tap keeps them (a
// phone's keyboard stays up while the person taps around the field).
test('after a click on a control, typing does not go into the text field left behind; a tap keeps the field', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { hasTouch: true });
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'letters');
    await clickRole(page, 'button', '+ New letter');
    await clickRole(page, 'button', 'To a parent');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the letter text to have focus' });
    await page.keyboard.type('Dear one');
    const active = () => page.evaluate(() => (document.activeElement.id === 'canvas' ? 'canvas' : document.activeElement.getAttribute('aria-label')));

    // A tap on a control: the field keeps the keys.
    await clickRole(page, 'button', 'A place to start, if you like', { tap: true });
    await page.getByRole('button', { name: 'Hide the prompts', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await active(), 'Letter text', 'a tap leaves the keys in the field');

    // A click: the keys go to the app, and what is typed next is not in the letter.
    await clickRole(page, 'button', 'Hide the prompts');
    await page.getByRole('button', { name: 'A place to start, if you like', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    await waitUntil(async () => (await active()) === 'canvas', { message: 'the canvas to have the keys after the click' });
    await page.keyboard.type('xyz');
    await settle(page);
    assert.equal(await area.inputValue(), 'Dear one', 'the keys after the click did not go into the letter');
    await waitUntil(async () => (await letters(page))[0]?.body.text === 'Dear one', { message: 'the letter keeps its words' });

    // Clicked again, the field takes the keys back.
    await area.click();
    await page.keyboard.type(', hello');
    await waitUntil(async () => (await letters(page))[0]?.body.text === 'Dear one, hello', { message: 'typing in the field again' });
  } finally {
    await profile.dispose();
  }
});

// "Write to my therapist" starts "Dear Maren" when an earlier letter named her ("Dear therapist" before), and
// a letter left with only that name in it leaves no record, as an empty one does.
test('"Write to my therapist" starts with the name written to her before; left empty, it leaves nothing', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, TYPE, { recipientKind: 'therapist', recipientName: 'Maren', text: 'The first letter to her.', state: 'draft' });
    await clickRole(page, 'button', 'Write to my therapist');
    await waitUntil(async () => (await letters(page)).length === 2, { message: 'a held letter' });
    const held = (await letters(page)).find((l) => l.body.held);
    assert.equal(held.body.recipientName, 'Maren');
    const name = page.locator('input[aria-label="Recipient name"]');
    await waitUntil(async () => (await name.inputValue()) === 'Maren', { message: 'the name field to say Maren' });
    // Left without a word: only the earlier letter stays.
    await openPage(page, 'journal');
    await waitUntil(async () => (await letters(page)).length === 1, { message: 'the empty letter to leave no record' });
    assert.equal((await letters(page))[0].body.recipientName, 'Maren');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
