// a11y_names: controls that repeat on a page say which one they are, and what they do, to a screen
// reader: a feeling's "Remove" names its feeling, the picker's kinds of feeling are radios and each "Add"
// says what it adds, the seconds' steps say "5 seconds more/less" (and the
// seconds are a box one can type into), a safety plan's "Call" is one link named for whose number it is,
// which opens the real tel: link when a screen reader presses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, openPage, settle, api, waitUntil, clickOn } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test("a fork entry's repeated controls are named for their row, and the seconds can be typed", { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2000 } });   // the whole entry on screen
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'journal.entry', { kind: 'fork', fork: { secondsStayed: 30, feelings: [{ word: 'sad', intensity: 5 }, { word: 'lonely', intensity: 3 }] } });
    await api.flush(page);
    await clickOn(page, page.getByRole('list', { name: 'Entries' }).getByRole('button').first());
    const removeSad = page.getByRole('button', { name: 'Remove sad', exact: true });
    await removeSad.waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('button', { name: 'Remove lonely', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Remove', exact: true }).count(), 0, 'no "Remove" without its feeling');
    assert.equal(await page.getByRole('button', { name: '+', exact: true }).count(), 0, 'no bare "+"');
    const stored = async () => { await api.flush(page); return (await api.list(page, 'journal.entry'))[0].body.fork; };

    // The seconds: a box named for what it holds, with digits on a phone's keyboard; typed, then stepped.
    const box = page.getByRole('textbox', { name: 'Seconds I stayed with it', exact: true });
    assert.equal(await box.inputValue(), '30');
    assert.equal(await box.getAttribute('inputmode'), 'numeric');
    await box.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('95');
    await waitUntil(async () => (await stored()).secondsStayed === 95, { message: '95 seconds stored from the box' });
    const more = page.getByRole('button', { name: '5 seconds more', exact: true });
    await more.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await stored()).secondsStayed === 100, { message: '100 after "5 seconds more"' });
    await waitUntil(async () => (await box.inputValue()) === '100', { message: 'the box shows 100' });
    await page.getByRole('button', { name: '5 seconds less', exact: true }).dispatchEvent('click');   // as a screen reader presses it
    await waitUntil(async () => (await stored()).secondsStayed === 95, { message: '95 after "5 seconds less"' });

    // A feeling's Remove removes that feeling.
    await removeSad.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => JSON.stringify((await stored()).feelings.map((f) => f.word)) === '["lonely"]', { message: 'only "sad" removed' });

    // The picker's kinds of feeling are one choice of a set (which words show), not words chosen; each "Add"
    // says what it adds.
    await clickOn(page, page.getByRole('button', { name: '+ Choose feelings', exact: true }));
    const kinds = page.getByRole('radiogroup', { name: 'Kinds of feeling' });
    await kinds.waitFor({ state: 'attached' });
    const kind = (name) => kinds.getByRole('radio', { name, exact: true });
    assert.equal(await kind('Sad').getAttribute('aria-checked'), 'true');
    assert.equal(await kind('Lonely').getAttribute('aria-checked'), 'false');
    assert.equal(await kind('Sad').getAttribute('aria-pressed'), null, 'a kind of feeling is read as pressed');
    await kind('Lonely').dispatchEvent('click');   // as a screen reader presses it
    await waitUntil(async () => (await kind('Lonely').getAttribute('aria-checked')) === 'true', { message: '"Lonely" chosen' });
    assert.equal(await kind('Sad').getAttribute('aria-checked'), 'false');
    assert.equal(await page.getByRole('button', { name: 'lonely', exact: true }).getAttribute('aria-pressed'), 'true', 'the word kept is not shown as chosen');
    assert.equal(await page.getByRole('button', { name: 'Add this feeling', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Add this urge', exact: true }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Add', exact: true }).count(), 0, 'a bare "Add"');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test("a safety plan's Call is one link, named for whose number it is, that opens the tel: link", { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2400 } });   // the whole plan on screen
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'safety_plan.plan', { helpers: [{ name: 'Sam', phone: '0123 456' }] }, 'plan');
    await api.flush(page);
    await openPage(page, 'safety_plan');
    const call = page.getByRole('link', { name: 'Call Sam, 0123 456', exact: true });
    await call.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await page.getByRole('link', { name: 'Call Sam, 0123 456', exact: true }).count(), 1, 'read once, not twice');
    assert.equal(await page.getByRole('link', { name: 'Text Sam, 0123 456', exact: true }).count(), 1);
    // The real link is under it, for a finger, and hidden from assistive technology (the mirror's is read).
    const real = page.locator('a[href="tel:0123456"]');
    assert.equal(await real.getAttribute('aria-hidden'), 'true');
    // A screen reader's press on the mirror's link follows the real one (caught here: no dialer in a test).
    await page.evaluate(() => {
      window.followed = [];
      document.addEventListener('click', (e) => {
        const a = e.target.closest && e.target.closest('a[href]');
        if (a) { window.followed.push(a.getAttribute('href')); e.preventDefault(); }
      }, true);
    });
    await call.dispatchEvent('click');
    await waitUntil(async () => (await page.evaluate(() => window.followed)).includes('tel:0123456'), { message: 'the tel: link followed' });
    // Tab reaches it in its place, after the person's note.
    await page.getByRole('textbox', { name: 'Note for person 1', exact: true }).focus();
    await page.keyboard.press('Tab');
    await settle(page, { minFrames: 0 });
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role') + ' ' + document.activeElement.textContent), 'link Call Sam, 0123 456');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test("the progress page's period says which one is chosen; the timer's title is a heading, its time left readable", { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'progress');
    const weeks = page.getByRole('radio', { name: '4 weeks', exact: true });
    await weeks.waitFor({ state: 'attached', timeout: 20_000 });
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 1, 'one period chosen');
    await weeks.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await weeks.getAttribute('aria-checked')) === 'true', { message: '"4 weeks" chosen, as read' });
    // Arrows move through a radio group and choose as they go; in the pages' tab list they move the focus.
    const checked = () => page.getByRole('radiogroup', { name: 'How far back to show' }).getByRole('radio', { checked: true }).textContent();
    const before = await page.evaluate(() => document.activeElement.textContent);
    await page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await page.evaluate(() => document.activeElement.textContent)) !== before, { message: 'the arrow moved the focus' });
    const moved = await page.evaluate(() => document.activeElement.textContent);
    await waitUntil(async () => (await checked()) === moved, { message: 'the arrow chose the next period' });
    await page.getByRole('tab', { name: 'Progress', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'tab', 'an arrow in the tab list left it');
    assert.notEqual(await page.evaluate(() => document.activeElement.textContent), 'Progress', 'an arrow in the tab list did nothing');
    await openPage(page, 'journal');
    await page.getByRole('button', { name: 'A feeling is here', exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Stay with it', exact: true }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('#a11y-tree p').filter({ hasText: /^Stay with it$/ }).count(), 0, 'said once, as a heading');
    // The countdown can be read where it is, in words; it is not said by itself every second.
    const left = page.locator('#a11y-tree').getByText(/^(\d+ minutes?( and \d+ seconds?)?|\d+ seconds?) left$/);
    await waitUntil(async () => (await left.count()) === 1, { message: 'the time left in the tree' });
    const first = await left.textContent();
    await waitUntil(async () => (await left.textContent()) !== first, { timeoutMs: 5_000, message: 'the time left follows the countdown' });
    assert.doesNotMatch(await page.locator('#a11y-live').textContent(), /left/, 'the countdown is said by itself');
    // Escape with the focus on the timer's heading (where a screen reader's reading is) ends it, as on a button.
    await page.getByRole('heading', { name: 'Stay with it', exact: true }).focus();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Write about it', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// The tree of a frame that acted on a press is kept back: in it, what was drawn before the press (the period
// chosen a moment ago, still drawn as chosen) and what was drawn after it (the period pressed) disagree.
test('a screen reader never hears two periods chosen at once: not after a click, not after Enter', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'progress');
    const group = page.getByRole('radiogroup', { name: 'How far back to show' });
    await group.getByRole('radio', { name: '4 weeks', exact: true }).waitFor({ state: 'attached', timeout: 20_000 });
    // After every tree the page is handed: how many periods it says are chosen, and which.
    await page.evaluate(() => {
      window.__chosen = [];
      const update = TowardGlue.a11y.update.bind(TowardGlue.a11y);
      TowardGlue.a11y.update = (json) => {
        update(json);
        const on = Array.from(document.querySelectorAll('#a11y-tree [role="radio"][aria-checked="true"]')).map((el) => el.textContent);
        window.__chosen.push(on.join(' + '));
      };
    });
    const chosen = () => group.getByRole('radio', { checked: true }).allTextContents();
    // Toward the end of the row and back: each pressed after the one before, with the mouse, then with Enter.
    for (const name of ['1 year', '3 months']) {
      await clickOn(page, group.getByRole('radio', { name, exact: true }));
      await waitUntil(async () => (await chosen()).join() === name, { message: `"${name}" chosen by a click` });
    }
    for (const name of ['All time', '4 weeks']) {
      await group.getByRole('radio', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
      await waitUntil(async () => (await chosen()).join() === name, { message: `"${name}" chosen by Enter` });
    }
    const said = await page.evaluate(() => window.__chosen);
    assert.ok(said.length >= 4, `trees handed over: ${said.length}`);
    assert.deepEqual(said.filter((s) => s.includes(' + ')), [], `a tree with two periods chosen, in: ${JSON.stringify(said)}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A text field lives in the text layer over the canvas, outside the mirror; its place in the mirror owns it
// (aria-owns). Else a dialog's field is outside the dialog, which is modal: a screen reader could not reach it.
test("the seal dialog's day field is read inside the dialog, where it is drawn", { timeout: 240_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'letters.letter', { recipientKind: 'future_self', text: 'Later.', state: 'finished' });
    await openPage(page, 'letters');
    await clickOn(page, page.getByRole('list', { name: 'Letters' }).getByRole('button').first());
    await clickOn(page, page.getByRole('button', { name: 'Seal until a day\u2026', exact: true }));
    await page.getByRole('dialog', { name: 'Seal this letter until a day you choose?' }).waitFor({ state: 'attached' });
    await page.locator('input[aria-label="Day to open"]').waitFor({ state: 'attached' });
    // What Chromium gives assistive technology (its accessibility tree), not the DOM.
    const cdp = await page.context().newCDPSession(page);
    const axTree = async () => {
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const byId = new Map(nodes.map((n) => [n.nodeId, n]));
      const fields = nodes.filter((n) => !n.ignored && n.role && n.role.value === 'textbox' && n.name && n.name.value === 'Day to open');
      const inDialog = fields.map((f) => {
        for (let at = byId.get(f.parentId); at; at = byId.get(at.parentId)) if (at.role && at.role.value === 'dialog') return at.name && at.name.value;
        return null;
      });
      return { fields: fields.length, inDialog };
    };
    await waitUntil(async () => (await axTree()).fields === 1, { message: 'the day field, once, in the accessibility tree' });
    assert.deepEqual((await axTree()).inDialog, ['Seal this letter until a day you choose?'], 'the day field is in the dialog');
    // Still the field that takes the typing, and the dialog's controls around it read in their order.
    await page.locator('input[aria-label="Day to open"]').focus();
    await page.keyboard.type('2');
    await waitUntil(async () => (await page.locator('input[aria-label="Day to open"]').inputValue()).endsWith('2'), { message: 'typed' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('choices are read with their question: "Like my device" in Colours and in Movement; a grounding step is said as it comes', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2400 } });   // the whole of settings
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'settings');
    const colours = page.getByRole('radiogroup', { name: 'Colours', exact: true });
    await colours.waitFor({ state: 'attached' });
    assert.equal(await colours.getByRole('radio', { name: 'Like my device', exact: true }).count(), 1);
    assert.equal(await page.getByRole('radiogroup', { name: 'Movement (breathing guides and timers)', exact: true })
      .getByRole('radio', { name: 'Like my device', exact: true }).count(), 1);
    assert.equal(await page.getByRole('radiogroup', { name: 'A gentle reminder to make a backup', exact: true }).getByRole('radio').count(), 4);

    // The grounding's "Next" is the same control from step to step: the new step's heading is said.
    await page.evaluate(() => {
      window.__said = [];
      const announce = TowardGlue.a11y.announce.bind(TowardGlue.a11y);
      TowardGlue.a11y.announce = (words) => { window.__said.push(words); announce(words); };
    });
    await openPage(page, 'texture_box');
    await page.getByRole('button', { name: 'Begin grounding', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Next', exact: true }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Next', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.evaluate(() => window.__said)).includes('Choose something to hold'),
      { message: 'the new step said' });
    await page.getByRole('button', { name: 'Next', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.evaluate(() => window.__said)).includes('How long?'), { message: 'the length step said' });
    assert.equal(await page.getByRole('radiogroup', { name: 'How long?', exact: true }).getByRole('radio').count(), 4);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('"Add an object" puts the focus in its name', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'texture_box');
    const add = page.getByRole('button', { name: 'Add an object', exact: true });
    await add.focus();
    await page.keyboard.press('Enter');
    await waitUntil(() => page.evaluate(() => document.activeElement.getAttribute('aria-label') === 'Name'),
      { message: 'the focus in the new object\'s "Name"' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('"+ Add a person" puts the focus in the new row\'s name, ready to type', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2400 } });   // the whole plan on screen
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'safety_plan');
    const add = page.getByRole('button', { name: '+ Add a person', exact: true });
    await add.waitFor({ state: 'attached' });
    await add.focus();
    await page.keyboard.press('Enter');
    await waitUntil(() => page.evaluate(() => document.activeElement.getAttribute('aria-label') === 'Name of person 2'),
      { message: 'the focus in "Name of person 2"' });
    await page.keyboard.type('Ana');
    await api.flush(page);
    await waitUntil(async () => ((await api.list(page, 'safety_plan.plan'))[0].body.helpers || []).some((h) => h.name === 'Ana'),
      { message: 'the name typed is stored in the new row' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
