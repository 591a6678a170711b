// a11y: the semantics mirror over the canvas (web/glue/a11y.js, core/ui/a11y.h). Controls are found by
// role and name as a screen reader finds them; a screen reader's click presses an item once; Tab walks
// controls that all have a role and a name, with a visible ring; the polite live region speaks; and
// axe-core finds no moderate, serious or critical problem on any page, on a desktop and on a phone
// (the canvas, its text fields and the mirror are inside the page's main landmark).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, Profile, openApp, openPage, settle, api, waitUntil } from './lib/harness.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['Journal', 'Letters', 'Texture box', 'Progress', 'My safety plan', 'Next session', 'Trash', 'Backups', 'Settings'];

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// Clicks a control found by role and name with the real mouse (the mirror lets the pointer through to
// the canvas, where ImGui draws it), then waits for the frames it causes.
async function clickByRole(page, role, name) {
  const el = page.getByRole(role, { name, exact: true });
  await el.waitFor({ state: 'attached' });
  await settle(page, { minFrames: 0 });
  const before = await api.framesRendered(page);
  await el.click({ force: true });
  await settle(page, { since: before, minFrames: 1 });
}

// Goes to a page by its tab; on a phone the later pages are under "More".
async function goTo(page, title) {
  if (await page.getByRole('tab', { name: title, exact: true }).count()) return clickByRole(page, 'tab', title);
  await clickByRole(page, 'tab', 'More');
  await clickByRole(page, 'button', title);
}

async function liveSaid(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#a11y-live p')).map((p) => p.textContent));
}

test('the first page reads as a sighted person sees it: heading, tabs, buttons and paragraphs', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 0 });
    await page.getByRole('heading', { name: 'A quiet page' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('tablist', { name: 'Pages' }).count(), 1);
    assert.equal(await page.getByRole('tab').count(), PAGES.length);
    assert.equal(await page.getByRole('tab', { name: 'Journal' }).getAttribute('aria-selected'), 'true');
    assert.equal(await page.getByRole('button', { name: '+ New entry' }).count(), 1);
    assert.ok(await page.getByText(/Choose an entry, or start a new one/).count() > 0, 'the paragraph is read');
    // The search field is the page's own text field, found by its label.
    assert.ok(await page.getByRole('textbox').count() > 0, 'a textbox is there');

    // A real click on the tab found by role goes through to the canvas: the page changes, the tab is
    // selected, and the live region says where we are.
    await clickByRole(page, 'tab', 'Letters');
    await waitUntil(async () => (await page.getByRole('tab', { name: 'Letters' }).getAttribute('aria-selected')) === 'true',
      { message: 'Letters selected' });
    await waitUntil(async () => (await liveSaid(page)).includes('Letters'), { message: 'Letters announced' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a screen reader click presses the item exactly once', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 0 });
    const entries = () => page.evaluate(() => window.towardTest.count('journal.entry'));
    const n0 = await entries();
    await page.evaluate(() => window.towardTest.setSyncDelayMs(600));
    // A synthetic click on the element, as VoiceOver or TalkBack sends it: no pointer involved.
    await page.getByRole('button', { name: '+ New entry' }).dispatchEvent('click');
    await waitUntil(async () => (await entries()) > n0, { message: 'a new entry' });
    await settle(page, { minFrames: 0, quietMs: 400 });
    assert.equal(await entries(), n0 + 1, 'one press, one entry');
    // A routine save is quiet: "Saving..." and then "Saved" again are not said (only "Saved" after a
    // problem is: storage_error.test).
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 15_000, message: 'saved' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.deepEqual((await liveSaid(page)).filter((w) => /Sav/.test(w)), [], 'no "Saving..." or "Saved" said for a routine save');
    // The same for a tab.
    await page.getByRole('tab', { name: 'Trash', exact: true }).dispatchEvent('click');
    await waitUntil(async () => (await page.getByRole('tab', { name: 'Trash' }).getAttribute('aria-selected')) === 'true',
      { message: 'Trash selected' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('Tab walks the first page: every stop has a role and a name, with a visible ring, and Enter presses', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 0 });
    await page.locator('#canvas').focus();
    const stops = [];
    for (let k = 0; k < 14; k++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        const ring = document.getElementById('a11y-ring');
        const role = el.getAttribute('role') || (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? 'textbox' : '');
        const name = (el.getAttribute('aria-label') || el.textContent || '').trim();
        return { role, name, ring: !ring.hidden && ring.getBoundingClientRect().width > 0, inMirror: !!el.closest('#a11y-tree') };
      });
      stops.push(stop);
    }
    for (const s of stops) {
      assert.ok(s.role, `a stop without a role: ${JSON.stringify(s)}`);
      assert.ok(s.name, `a stop without a name: ${JSON.stringify(s)}`);
      if (s.inMirror) assert.ok(s.ring, `no focus ring on ${s.name}`);
    }
    assert.ok(stops.filter((s) => s.inMirror).length >= 10, `Tab left the canvas: ${JSON.stringify(stops)}`);
    assert.ok(stops.some((s) => s.role === 'tab' && s.name === 'Letters'), 'Letters is a stop');

    // Back to the Letters tab with the keyboard, arrows inside the tab list, and Enter presses it.
    await page.getByRole('tab', { name: 'Journal', exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Letters');
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.getByRole('tab', { name: 'Letters' }).getAttribute('aria-selected')) === 'true',
      { message: 'Enter on Letters selects it' });
    // DOM focus moved ImGui's: its keyboard focus (the tree's focus id) is the focused element's.
    await waitUntil(() => page.evaluate(() => {
      const id = Number(document.activeElement.getAttribute('data-id'));
      return id && TowardGlue.a11y.focusId === id;
    }), { message: "ImGui's focus follows the DOM's" });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`axe-core finds no moderate, serious or critical problem on any page (${label})`, { timeout: 300_000 }, async () => {
    const profile = await Profile.launch(undefined, { viewport });
    try {
      const page = await openApp(profile, server.url);
      await settle(page, { minFrames: 0 });
      await page.evaluate(AXE_SOURCE);
      const report = [];
      for (const title of PAGES) {
        await goTo(page, title);
        await settle(page, { minFrames: 0, quietMs: 300 });
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document, { resultTypes: ['violations'] });
          return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, at: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
        });
        const bad = violations.filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical');
        report.push({ page: title, violations: violations.map((v) => `${v.id}(${v.impact})`).join(' ') || 'none' });
        assert.deepEqual(bad, [], `${title} (${label}): ${JSON.stringify(bad)}`);
      }
      console.log(`axe ${label}: ${JSON.stringify(report)}`);
      profile.assertNoErrors();
    } finally {
      await profile.dispose();
    }
  });
}

test('a dialog is modal to a screen reader, and Escape on it presses its Back', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 0 });
    await page.getByRole('button', { name: 'A feeling is here', exact: true }).first().click({ force: true });
    await clickByRole(page, 'button', "It's too much right now");
    const dialog = page.getByRole('dialog', { name: "It's OK to step back" });
    await dialog.waitFor({ state: 'attached' });
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    // The rest of the page is inert: a screen reader stays in the dialog.
    assert.equal(await page.evaluate(() => !!document.querySelector('[role="tablist"]').closest('[inert]')), true);
    // Opened with the mouse, it still takes the keyboard focus (a screen reader reads it at once): not a
    // question, so on its first way through.
    await waitUntil(() => page.evaluate(() => {
      const a = document.activeElement;
      const d = a && a.closest('[role="dialog"]');
      return !!d && d.querySelector('[tabindex="0"]') === a && a.textContent !== 'Back';
    }), { message: 'the first way through in the dialog opened with a click has the focus' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(await page.evaluate(() => !!document.querySelector('[role="tablist"]').closest('[inert]')), false);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Keyboard first, then the mouse (a fresh pair of eyes found this): a click on the canvas takes the keyboard
// focus off the control Tab had reached, so its ring does not stay over another page's tab, and a way out
// chosen in a dialog does not hand the focus back to that old tab (Enter there would have opened Letters
// in a hard moment).
test('a click after Tab moves the keyboard focus off the old control, and "Someone to call" (by Enter) does not go back to it', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await settle(page, { minFrames: 0 });
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      return a ? { role: a.getAttribute('role'), name: a.textContent, mirror: !!a.closest('#a11y-tree') } : null;
    });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const tab = await focused();
    assert.equal(tab.role, 'tab', `Tab twice reaches a page's tab: ${JSON.stringify(tab)}`);
    assert.equal(await page.locator('#a11y-ring').isVisible(), true, 'the ring shows where Tab is');
    await page.getByRole('button', { name: 'A feeling is here', exact: true }).first().click({ force: true });
    await settle(page, { minFrames: 1 });
    assert.notDeepEqual(await focused(), tab, 'the click left the keyboard focus on the tab');
    assert.equal(await page.locator('#a11y-ring').isVisible(), false, 'the ring stayed over the tab after the click');
    await clickByRole(page, 'button', "It's too much right now");
    // The dialog opened with the mouse takes the keyboard focus (for a screen reader and the next key), but
    // draws no ring over its words until a key is pressed.
    await waitUntil(() => page.evaluate(() => !!(document.activeElement && document.activeElement.closest('[role="dialog"]'))),
      { message: 'the dialog to take the focus' });
    assert.equal(await page.locator('#a11y-ring').isVisible(), false, 'a ring after the pointer');
    // Ctrl (a shortcut's key) does not bring it back; Shift does.
    await page.keyboard.press('Control');
    assert.equal(await page.locator('#a11y-ring').isVisible(), false, 'Ctrl brought the ring back');
    await page.keyboard.press('Shift');
    assert.equal(await page.locator('#a11y-ring').isVisible(), true, 'no ring once a key is pressed');
    // "Someone to call" chosen with the keyboard: its dialog goes away with the focus on it, and the focus
    // must not go back to the tab Tab had reached before the clicks.
    await page.getByRole('button', { name: 'Someone to call', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.shownPage())) === 'safety_plan', { message: 'the safety plan' });
    await settle(page, { minFrames: 1 });
    const after = await focused();
    assert.ok(!after || after.role !== 'tab', `the focus went back to a page's tab: ${JSON.stringify(after)}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a click that comes with a keyboard focus move is not lost: an arrow in the tab list, then at once a click on another tab, opens it', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 800 } });
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'progress');
    await page.getByRole('tab', { name: 'Progress', exact: true }).focus();
    await settle(page, { minFrames: 0 });
    const journal = await page.getByRole('tab', { name: 'Journal', exact: true }).boundingBox();
    // The arrow moves the focus to the next tab; the click comes before a frame has drawn that focus
    // (a person quick with both hands, or a loaded machine). The keys' focus took the pointer's hover
    // and the click's release went nowhere: the page stayed on Progress.
    await page.keyboard.press('ArrowDown');
    await page.mouse.click(journal.x + journal.width / 2, journal.y + journal.height / 2);
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.shownPage())) === 'journal',
      { timeoutMs: 5_000, message: 'the clicked tab to open its page' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a chart has a one-sentence summary and its numbers as a table', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.evaluate(() => {
      const day = 86400e3, now = Date.now();
      for (let i = 0; i < 40; i++) {
        window.towardTest.put('journal.entry', { kind: 'fork', text: 'fork ' + i, timeMs: now - i * day,
          fork: { direction: i % 2 ? 'toward' : 'away', secondsStayed: 30, intensityAfter: 4, feelings: [] } });
      }
    });
    await api.flush(page);
    await goTo(page, 'Progress');
    const chart = page.getByRole('img', { name: /^A chart of / }).first();
    await chart.waitFor({ state: 'attached' });
    const table = page.getByRole('table').first();
    const caption = await table.locator('caption').textContent();
    assert.match(caption, /^A chart of .+ over \d+ points, from .+ to .+\./);
    assert.ok(await table.getByRole('columnheader').count() >= 2, 'the table heads its columns');
    assert.ok(await table.getByRole('rowheader').count() >= 2, 'a row per point');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test("what a chart's tooltips say on hover is in its table too: the calendar's days, the feelings' bars, the units", { timeout: 120_000 }, async () => {
  // Tall enough for the whole Progress page: charts below the fold are not drawn, so not in the tree.
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 4000 } });
  try {
    const page = await openApp(profile, server.url);
    await page.evaluate(() => {
      const day = 86400e3, now = Date.now();
      for (let i = 0; i < 12; i++) {
        window.towardTest.put('journal.entry', { kind: 'fork', text: 'three words here', timeMs: now - i * 2 * day,
          fork: { direction: 'toward', secondsStayed: 40, intensityAfter: 3, feelings: [{ word: 'sad', intensity: 6 }] } });
      }
    });
    await api.flush(page);
    await goTo(page, 'Progress');
    // The calendar: a row for each day with words, in its tooltip's words ("3 words").
    const calendar = page.getByRole('table', { name: /^A calendar of \d+ days, from .+ to .+: 12 days with words, the others quiet\./ });
    await calendar.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await calendar.getByRole('rowheader').count(), 12, 'a row for each day with words');
    assert.match(await calendar.getByRole('row').nth(1).textContent(), /3 words$/);
    // The feelings' bars: each bar's label and the words at its end.
    const feelings = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'How often, how strong' }) });
    assert.equal(await feelings.count(), 1, 'the feelings chart has a table');
    assert.match(await feelings.getByRole('row').nth(1).textContent(), /^sad12 times, about 6 of 10$/);
    // A line's tooltip gives its unit ("40 seconds"): so does its table.
    const staying = page.getByRole('table', { name: /^A chart of Seconds stayed over/ });
    assert.match(await staying.textContent(), /40 seconds/);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the confirming dialogs are dialogs too: "Delete this for good?" is modal, and Escape keeps the item', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const id = await api.put(page, 'journal.entry', { kind: 'free', text: 'A line to keep for now.' });
    await api.remove(page, 'journal.entry', id);
    await api.flush(page);
    await goTo(page, 'Trash');
    await clickByRole(page, 'button', 'Delete for good');
    const dialog = page.getByRole('dialog', { name: 'Delete this for good?' });
    await dialog.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.equal(await dialog.getByRole('heading', { name: 'Delete this for good?' }).count(), 1);
    assert.equal(await page.evaluate(() => !!document.querySelector('[role="tablist"]').closest('[inert]')), true);
    // Opened with the mouse, the dialog still takes the keyboard focus, on its safe choice: a screen
    // reader reads it at once, and Enter keeps the item.
    await waitUntil(() => page.evaluate(() => {
      const a = document.activeElement;
      return !!a && a.closest('[role="dialog"]') !== null && a.textContent === 'Keep it';
    }), { message: '"Keep it" in the dialog has the focus' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal((await page.evaluate(() => window.towardTest.trashList())).length, 1, 'kept in the trash');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('"+ New letter" says whether its choices are open; after "Rate it now" the slider sits beside "Leave unrated", which takes the rating away', { timeout: 120_000 }, async () => {
  // Tall: the rating is low on the entry's page, and what is not drawn is not in the tree.
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2400 } });
  try {
    const page = await openApp(profile, server.url);
    await goTo(page, 'Letters');
    const newLetter = page.getByRole('button', { name: '+ New letter', exact: true });
    await newLetter.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await newLetter.getAttribute('aria-expanded'), 'false');
    await clickByRole(page, 'button', '+ New letter');
    await waitUntil(async () => (await newLetter.getAttribute('aria-expanded')) === 'true', { message: 'expanded once open' });
    assert.equal(await page.getByRole('button', { name: 'To my therapist', exact: true }).count(), 1);
    await clickByRole(page, 'button', '+ New letter');
    await waitUntil(async () => (await newLetter.getAttribute('aria-expanded')) === 'false', { message: 'not expanded once closed' });

    await api.put(page, 'journal.entry', { kind: 'fork', text: 'A moment at the fork.',
      fork: { direction: 'toward', secondsStayed: 30, intensityAfter: -1, feelings: [{ word: 'sad', intensity: 6 }] } });
    await api.flush(page);
    await goTo(page, 'Journal');
    await page.getByRole('list', { name: 'Entries' }).getByRole('button').first().click({ force: true });
    await page.getByRole('button', { name: 'Rate it now', exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
    await clickByRole(page, 'button', 'Rate it now');
    const slider = page.getByRole('slider', { name: 'How strong it is now' });
    await slider.waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await page.getByRole('button', { name: 'Not rated', exact: true }).count(), 0);
    await clickByRole(page, 'button', 'Leave unrated');
    await waitUntil(async () => (await page.getByRole('button', { name: 'Rate it now', exact: true }).count()) === 1, { message: '"Rate it now" again' });
    await api.flush(page);
    const [entry] = await api.list(page, 'journal.entry');
    assert.equal(entry.body.fork.intensityAfter, -1);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
