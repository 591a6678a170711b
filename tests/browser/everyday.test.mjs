// everyday: the small things of the everyday path, with real clicks and taps. "Write to my therapist"
// opens the held letter that is still empty instead of piling up empty drafts; on a phone, one tap on
// "More" opens it and "Write to my therapist" is there; a refusal in the seal dialog goes once the day
// typed changes; Enter in a single-line field submits its form (the day to open, one's own feeling word).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, openPage, api, settle, waitUntil, sleep, press, clickRole, clickOn, swipe, decodePng } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const actions = (page) => page.evaluate(() => window.towardTest.actions());

test('"Write to my therapist" reuses the held letter that is still empty', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await press(page, 'therapist');
    await press(page, 'therapist');
    await press(page, 'therapist');
    assert.equal((await api.list(page, 'letters.letter')).length, 1, 'one empty held letter, not three');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.click();
    await page.keyboard.type('Something real.');
    await press(page, 'therapist');
    const all = await api.list(page, 'letters.letter');
    assert.equal(all.length, 2, 'a letter with words is kept, and a new one opens');
    assert.ok(all.some((l) => l.body.text === 'Something real.'));
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('on a phone, one tap on "More" opens it, and "Write to my therapist" is there', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    await press(page, 'more', { tap: true });
    const nav = await page.evaluate(() => window.towardTest.nav());
    assert.ok(nav.some((n) => n.id === 'settings' && n.w > 0), 'the pages behind "More" are drawn after one tap');
    await press(page, 'therapist', { tap: true });
    await waitUntil(async () => (await api.list(page, 'letters.letter')).length === 1, { message: 'a held letter' });
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the seal dialog: a refused day\'s message goes once the day is changed', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'letters.letter', { recipientKind: 'future_self', text: 'Later.', state: 'finished' });
    await openPage(page, 'letters');
    await clickOn(page, page.getByRole('list', { name: 'Letters' }).getByRole('button').first());  // the first letter
    await clickRole(page, 'button', 'Seal until a day\u2026');
    const dialog = async () => (await page.evaluate(() => window.towardTest.windows())).find((w) => w.name.includes('seal-letter'));
    const plain = await dialog();
    assert.ok(plain, 'the seal dialog is open');
    const day = page.locator('input[aria-label="Day to open"]');
    const today = new Date();
    const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await day.fill(iso(today));
    await settle(page, { minFrames: 1 });
    await clickRole(page, 'button', 'Seal it');
    const refused = await dialog();
    assert.ok(refused.h > plain.h, `a kind refusal is shown (${plain.h} -> ${refused.h})`);
    assert.equal((await api.list(page, 'letters.letter'))[0].body.state, 'finished', 'nothing changed');
    const next = new Date(today.getTime() + 7 * 86400000);
    await day.fill(iso(next));
    await settle(page, { minFrames: 1 });
    const cleared = await dialog();
    assert.equal(cleared.h, plain.h, 'the message went with the day it was about');
    // The dialog keeps one size whatever day is typed: the longest day's words do not wrap or widen it.
    await day.fill('2027-09-29');  // "Wednesday 29 September 2027"
    await settle(page, { minFrames: 2 });
    const longest = await dialog();
    assert.deepEqual([longest.w, longest.h], [plain.w, plain.h], 'the longest day fits on its line');
    await day.fill(iso(next));
    await settle(page, { minFrames: 2 });
    // "After my next session" asks for the session's day; a session already past is refused in words about
    // the session (not "that day is today"), said once, in the dialog, not again on the page behind it.
    await clickRole(page, 'radio', 'After my next session');
    await page.locator('input[aria-label="Day of my next session"]').fill(iso(new Date(today.getTime() - 3 * 86400000)));
    await settle(page, { minFrames: 1 });
    await clickRole(page, 'button', 'Seal it');
    const aboutSession = page.getByText(/That session has already been/);
    await waitUntil(async () => (await aboutSession.count()) > 0, { message: 'the refusal about the session' });
    assert.equal(await aboutSession.count(), 1, 'said once');
    assert.equal(await page.getByRole('dialog').getByText(/That session has already been/).count(), 1, 'in the dialog');
    assert.equal(await page.getByText(/That day (is today|has already passed)/).count(), 0, 'not about the opening day');
    assert.equal((await api.list(page, 'letters.letter'))[0].body.state, 'finished', 'nothing changed');
    await clickRole(page, 'radio', 'In a week');
    await settle(page, { minFrames: 1 });
    // The choice made shows, and is read, as the chosen one.
    assert.equal(await page.getByRole('radio', { name: 'In a week' }).getAttribute('aria-checked'), 'true', 'the choice is not shown as chosen');
    assert.equal(await page.getByRole('radio', { name: 'After my next session' }).getAttribute('aria-checked'), 'false');
    assert.equal(await aboutSession.count(), 0, 'the refusal went with the day it was about');
    // Enter in the day field seals, as "Seal it" does.
    await day.click();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await api.list(page, 'letters.letter'))[0].body.state === 'sealed', { message: 'sealed by Enter' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('Enter submits a single-line field: one\'s own feeling word', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle(page, { minFrames: 1 });
    await press(page, 'feeling');
    await clickRole(page, 'button', "I'm done for now");
    await clickRole(page, 'button', 'Write about it');
    await clickRole(page, 'button', '+ Choose feelings');
    const own = page.locator('input[aria-label="A feeling in your own words"]');
    await own.waitFor({ state: 'visible', timeout: 10_000 });
    await own.click();
    await page.keyboard.type('homesick for a place I never had');
    await page.keyboard.press('Enter');
    await waitUntil(async () => {
      const [e] = await api.list(page, 'journal.entry');
      return e && (e.body.fork.feelings || []).some((f) => f.word === 'homesick for a place I never had');
    }, { message: 'the own feeling word to be added by Enter' });
    assert.equal(await own.inputValue(), '', 'the field is empty again, ready for another word');

    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Opens a new fork entry on a 1280x1500 page (the whole form fits): "A feeling is here", "I'm done for now",
// "Write about it".
async function openForkEntry(page) {
  await page.setViewportSize({ width: 1280, height: 1500 });
  await settle(page, { minFrames: 1 });
  await press(page, 'feeling');
  const done = await waitUntil(async () => (await actions(page)).length && page.evaluate(() => true), { message: 'the timer' });
  assert.ok(done);
  await clickRole(page, 'button', "I'm done for now");
  await clickRole(page, 'button', 'Write about it');
  await page.locator('textarea[aria-label="What happened"]').waitFor({ state: 'visible', timeout: 10_000 });
}

const rectOf = async (page, id) => (await actions(page)).find((a) => a.id === id);

test('nothing moves under the pointer: a feeling chosen, then "Toward it"', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await openForkEntry(page);
    await press(page, 'journal:choose-feelings');
    const chips = async () => (await actions(page)).filter((a) => a.id.startsWith('journal:feeling:'));
    const before = await chips();
    assert.ok(before.length >= 5, `the picker shows its feeling words (saw ${before.length})`);
    const target = before[2];
    await press(page, target.id);
    await waitUntil(async () => {
      const [e] = await api.list(page, 'journal.entry');
      return e && (e.body.fork.feelings || []).length === 1;
    }, { message: 'the feeling to be chosen' });
    await settle(page, { minFrames: 0 });
    const after = await chips();
    assert.deepEqual(after.map((c) => [c.id, c.x, c.y]), before.map((c) => [c.id, c.x, c.y]),
      'every feeling word is where it was: the chosen one is still under the pointer');

    // "Toward it" shows its few words in room kept for them: what follows does not move.
    await press(page, 'journal:choose-feelings');   // "Done choosing": the whole form fits again
    const next = page.locator('textarea[aria-label="What happened next"]');
    const boxBefore = await next.boundingBox();
    await press(page, 'journal:direction:toward');
    await waitUntil(async () => (await api.list(page, 'journal.entry'))[0].body.fork.direction === 'toward',
      { message: '"Toward it" to be chosen' });
    await settle(page, { minFrames: 0 });
    const boxAfter = await next.boundingBox();
    assert.equal(boxAfter.y, boxBefore.y, '"What happened next" stays where it was');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a new entry or letter left without a word leaves no record; one word keeps it', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle(page, { minFrames: 1 });
    const count = async (type) => (await api.list(page, type)).length;

    // "+ New entry", then another page: nothing stays behind.
    await press(page, 'journal:new-entry');
    await waitUntil(async () => (await count('journal.entry')) === 1, { message: 'the new entry' });
    await openPage(page, 'letters');
    await waitUntil(async () => (await count('journal.entry')) === 0, { message: 'the empty entry to leave no record' });

    // "Write to my therapist", then back to the journal: the empty letter goes too.
    await press(page, 'therapist');
    await waitUntil(async () => (await count('letters.letter')) === 1, { message: 'the held letter' });
    await openPage(page, 'journal');
    await waitUntil(async () => (await count('letters.letter')) === 0, { message: 'the empty letter to leave no record' });
    assert.equal((await page.evaluate(() => window.towardTest.trashList())).length, 0, 'nothing empty waits in the trash');

    // One word is enough to keep an entry.
    await press(page, 'journal:new-entry');
    const text = page.locator('textarea[aria-label="Entry text"]');
    await text.waitFor({ state: 'visible', timeout: 10_000 });
    await text.click();
    await page.keyboard.type('here');
    await openPage(page, 'letters');
    await waitUntil(async () => {
      const all = await api.list(page, 'journal.entry');
      return all.length === 1 && all[0].body.text === 'here';
    }, { message: 'the entry with a word to stay' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('on a phone, a slider keeps its value when a finger lands on it to scroll; a tap still sets it', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    const id = await api.put(page, 'journal.entry', { kind: 'fork', fork: { feelings: [{ word: 'sad', intensity: 5 }] } });
    await settle(page, { minFrames: 1 });
    await press(page, `journal:entry:${id}`, { tap: true });
    const slider = await waitUntil(async () => rectOf(page, 'journal:intensity:sad'), { message: 'the intensity slider' });
    const cdp = await page.context().newCDPSession(page);
    const nearRight = [slider.x + slider.w * 0.92, slider.y + slider.h / 2];
    // Lands near the slider's right end, then moves up: a scroll, not a choice.
    await swipe(page, cdp, nearRight, [nearRight[0], nearRight[1] - 120]);
    await page.evaluate(() => window.towardTest.flush());
    const after = (await api.list(page, 'journal.entry'))[0].body.fork.feelings[0].intensity;
    assert.equal(after, 5, 'the value is as it was');
    // A tap at the same place does set it (a position on purpose: where on the slider the finger lands).
    const again = await rectOf(page, 'journal:intensity:sad');
    await page.touchscreen.tap(again.x + again.w * 0.92, again.y + again.h / 2);
    await waitUntil(async () => (await api.list(page, 'journal.entry'))[0].body.fork.feelings[0].intensity >= 8,
      { message: 'a tap to set the value' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a wheel turn or a swipe that starts on a text field scrolls the page (desktop and phone)', { timeout: 120_000 }, async () => {
  // Desktop: a fork entry is taller than 800 px; the wheel over the short "What happened" box scrolls it.
  let profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const id = await api.put(page, 'journal.entry', { kind: 'fork', fork: { whatHappened: 'A short line.' } });
    await page.setViewportSize({ width: 1280, height: 700 });
    await settle(page, { minFrames: 1 });
    await press(page, `journal:entry:${id}`);
    const what = page.locator('textarea[aria-label="What happened"]');
    await what.waitFor({ state: 'visible', timeout: 10_000 });
    const before = await what.boundingBox();
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.wheel(0, 300);
    await settle(page, { minFrames: 1 });
    const moved = await what.boundingBox({ timeout: 2000 }).catch(() => null);
    assert.ok(!moved || moved.y < before.y - 50, `the page scrolled under the wheel (was ${before.y}, now ${moved && moved.y})`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }

  // Phone: a finger that lands on the text box and moves up scrolls the page; the words stay as they were.
  profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    const id = await api.put(page, 'journal.entry', { kind: 'fork', fork: { whatHappened: 'A short line.' } });
    await settle(page, { minFrames: 1 });
    await press(page, `journal:entry:${id}`, { tap: true });
    const what = page.locator('textarea[aria-label="What happened"]');
    await what.waitFor({ state: 'visible', timeout: 10_000 });
    const before = await what.boundingBox();
    const cdp = await page.context().newCDPSession(page);
    const from = [before.x + before.width / 2, before.y + before.height / 2];
    await swipe(page, cdp, from, [from[0], from[1] - 250], 10);
    await settle(page, { minFrames: 1 });
    const moved = await what.boundingBox({ timeout: 2000 }).catch(() => null);
    assert.ok(!moved || moved.y < before.y - 100, `the page scrolled under the finger (was ${before.y}, now ${moved && moved.y})`);
    assert.equal((await api.list(page, 'journal.entry'))[0].body.fork.whatHappened, 'A short line.');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('on a phone, one tap on a tab opens its page, and one tap on a dialog button acts', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 1 });
    // A tab's own colour, just inside its top edge (above its word).
    const tabColour = async (name) => {
      const b = await page.getByRole('tab', { name, exact: true }).boundingBox();
      const img = decodePng(await page.screenshot({ clip: { x: Math.round(b.x + b.width / 2), y: Math.round(b.y) + 4, width: 1, height: 1 } }));
      return Array.from(img.rgba.slice(0, 3));
    };
    const chosen = await tabColour('Journal');   // the first page's tab, chosen, never touched
    await clickRole(page, 'tab', 'Letters', { tap: true });  // a real tap where the tab found by role is drawn
    await page.getByRole('tab', { name: 'Letters', selected: true }).waitFor({ state: 'attached', timeout: 10_000 });
    // The finger lifted: the tapped tab shows it is the chosen one, not the grey of a pointer resting on it.
    await settle(page, { minFrames: 1 });
    assert.deepEqual(await tabColour('Letters'), chosen, 'the tapped tab is not drawn as the chosen one');
    // The way out from the timer: one tap on its "Back" closes it.
    await press(page, 'feeling', { tap: true });
    await waitUntil(async () => (await actions(page)).some((a) => a.id === 'too-much'), { message: 'the timer' });
    await press(page, 'too-much', { tap: true });
    await waitUntil(async () => (await actions(page)).some((a) => a.id === 'way-out:back'), { message: 'the way out' });
    await clickOn(page, page.getByRole('dialog').getByRole('button', { name: 'Back', exact: true }), { tap: true });
    await waitUntil(async () => !(await actions(page)).some((a) => a.id === 'way-out:back'),
      { timeoutMs: 5_000, message: 'one tap on "Back" to close the way out' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a list row too long for a phone ends in an ellipsis, and a screen reader still hears all of it', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'letters.letter', { recipientKind: 'parent', recipientName: 'Mum', text: 'Later.', state: 'sealed',
      sealedUntil: '2032-09-29', bringToSession: true });
    await openPage(page, 'letters', { tap: true });
    await settle(page, { minFrames: 1 });
    // "Sealed until Wednesday 29 September 2032 · <when> · for my next session" does not fit 390 px.
    const row = page.getByRole('list', { name: 'Letters' }).getByRole('button').first();
    await row.waitFor({ state: 'attached' });
    const name = await row.getAttribute('aria-label') || await row.textContent();
    assert.match(name, /Sealed until Wednesday 29 September 2032.*for my next session/, 'the whole line is its name');
    const drawn = (await page.evaluate(() => window.towardTest.drawnText())).replace(/\s+/g, '');
    assert.ok(drawn.includes('SealeduntilWednesday'), `the row is drawn:\n${drawn}`);
    const line = drawn.slice(drawn.indexOf("SealeduntilWednesday"), drawn.indexOf("SealeduntilWednesday") + 60);
    assert.ok(/^SealeduntilWednesday[^…]{0,40}(\u2026|\.\.\.)/.test(line) && !line.includes("formynextsession"), `the line ends in an ellipsis where it is cut: ${line}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A short phone at a large text size: the journal's heading, search and chips scroll away with the
// entries (held above them they left room for no row at all), and a tab's title too wide for its tab is
// drawn on two lines ("Texture box" was cut to "Texture b").
test('on a short phone at 150 % text, a swipe brings journal entries on screen, and every tab\'s title and Settings fit', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    await page.evaluate(() => window.towardTest.put('core.settings', { theme: 'system', textPercent: 150 }, 'app'));
    for (let i = 0; i < 8; i++) await api.put(page, 'journal.entry', { kind: 'free', title: `Entry ${i}`, text: 'words' });
    await api.flush(page);
    await settle(page, { minFrames: 2 });
    assert.match(await page.evaluate(() => window.towardTest.drawnText()), /Texture\nbox/, 'the tab\'s title is not on two lines');
    const barTop = (await page.getByRole('tab', { name: 'Journal', exact: true }).boundingBox()).y;
    const hide = await page.getByRole('button', { name: 'Hide', exact: true }).boundingBox();
    const cdp = await page.context().newCDPSession(page);
    await swipe(page, cdp, [300, barTop - 40], [300, hide.y + hide.height + 40]);
    await settle(page, { minFrames: 2 });
    const rows = page.getByRole('list', { name: 'Entries' }).getByRole('listitem').getByRole('button');
    let whole = 0;
    for (let i = 0; i < await rows.count(); i++) {
      const b = await rows.nth(i).boundingBox();
      if (b && b.height > 0 && b.y >= hide.y + hide.height && b.y + b.height <= barTop) whole += 1;
    }
    // (a row is 119 px high here: two whole rows and part of a third; held below the header, none)
    assert.ok(whole >= 2, `only ${whole} entries whole on screen after a swipe`);
    // Settings at this size: "Usual size" (a one-tap way back) and the Movement question stay on screen.
    await press(page, 'more', { tap: true });
    await openPage(page, 'settings', { tap: true });
    const usual = page.getByRole('button', { name: 'Usual size', exact: true });
    const question = page.locator('#a11y-tree').getByText('Movement (breathing guides and timers)', { exact: true });
    for (let i = 0; i < 10 && ((await usual.count()) === 0 || (await question.count()) === 0); i++) {
      await swipe(page, cdp, [300, barTop - 40], [300, barTop - 200]);
      await settle(page, { minFrames: 1 });
    }
    assert.equal(await usual.count(), 1, '"Usual size" is not drawn at 150 %');
    const u = await usual.boundingBox();
    assert.ok(u.x >= 0 && u.x + u.width <= 360, `"Usual size" runs off the screen: ${JSON.stringify(u)}`);
    const movement = await question.boundingBox();
    assert.ok(movement.x + movement.width <= 360, `the Movement question runs off the screen: ${JSON.stringify(movement)}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
