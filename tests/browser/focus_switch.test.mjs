// focus_switch: moving from a focused text field of one page to another page through a quick action or
// a navigation item, as a person does at a hard moment (issue: "A crash lost a letter while the app said
// Saved"). Before the fix, the letter's field took focus inside a frame, the search field blurred, its
// handler drew a frame inside that frame, and the module trapped ("memory access out of bounds"); the
// words typed afterwards were lost while the page said "Saved".
// Here: the exact reproduction (1280x800, search, "Write to my therapist", type, reload, all words there),
// then every text field of every page the fresh app shows, to every quick action and navigation item.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, waitUntil, settle, sleep, assertCanvasNotBlank } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

const actions = (page) => page.evaluate(() => window.towardTest.actions());
const nav = (page) => page.evaluate(() => window.towardTest.nav());
// Clicks a control found by role and name in the semantics mirror (a real click where it is drawn), then
// waits for the frames it causes (short: the breath pacer of a running timer draws all the time, so "no
// frame for a while" may never come).
async function clickControl(page, locator) {
  await locator.waitFor({ state: 'attached', timeout: 10_000 });
  await settle(page, { minFrames: 0, quietMs: 60, capMs: 400 });
  const before = await api.framesRendered(page);
  await locator.click({ force: true });
  await settle(page, { since: before, minFrames: 2, quietMs: 60, capMs: 600 });
}
const button = (page, name) => page.getByRole('button', { name, exact: true }).first();
async function clickAction(page, id) {
  const r = (await actions(page)).find((a) => a.id === id);
  assert.ok(r, `the shell's "${id}" action is drawn`);
  await clickControl(page, button(page, r.title));
}
async function clickNav(page, id) {
  const r = (await nav(page)).find((a) => a.id === id);
  assert.ok(r, `the navigation item "${id}" is drawn`);
  await clickControl(page, page.getByRole('tab', { name: r.title, exact: true }));
}
// The texture box's first object (opens its page, where its fields are).
const OPEN = { texture_box: (page) => page.getByRole('list', { name: 'Objects' }).getByRole('button').first() };
// Every field to every quick action; navigation targets rotate over the fields (every page is a target
// at least once). TOWARD_FULL_MATRIX=1 tries every field with every page (about 10 minutes).
const FULL = process.env.TOWARD_FULL_MATRIX === '1';
const crashed = (page) => page.evaluate(() => window.towardTest.crashed());

test('search, then "Write to my therapist", then a letter: no crash, every word kept, "Saved" only when true', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    await settle(page, { minFrames: 1 });
    const search = page.locator('input[aria-label="Search your journal"]');
    await search.click();
    await page.keyboard.type('rain');
    await settle(page, { minFrames: 1 });

    await clickAction(page, 'therapist');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the letter text to have focus' });
    const words = 'I wanted to write to you tonight. I will keep this here and bring it on Tuesday.';
    await page.keyboard.type(words);
    // While the editor holds words it has not handed to the store, the page must not say "Saved".
    const early = await api.state(page);
    assert.equal(early.saved, false, 'not "Saved" while the letter editor holds unstored words');
    assert.equal(await crashed(page), false, 'the module is still running');

    await waitUntil(async () => {
      const [l] = await api.list(page, 'letters.letter');
      return l && l.body.text === words && (await api.state(page)).saved;
    }, { timeoutMs: 10_000, message: 'the letter to be stored and "Saved"' });
    await assertCanvasNotBlank(page);
    await reloadApp(page);
    const [after] = await api.list(page, 'letters.letter');
    assert.equal(after.body.text, words, 'every word is there after a reload');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('from every text field of every page to every quick action and page: the module keeps running', { timeout: 600_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Something in every page that has text fields: an entry, a letter, an object.
    await api.put(page, 'journal.entry', { kind: 'free', title: 'A walk', text: 'By the river.', timeMs: Date.now() });
    await api.put(page, 'letters.letter', { recipientKind: 'future', text: 'Dear me,' });
    await api.put(page, 'texture.object', { name: 'Smooth stone' });
    await settle(page, { minFrames: 1 });
    const pages = (await nav(page)).map((n) => n.id);
    // The shell's quick actions (a page's own controls, "journal:..." and the like, are not reachable from others).
    const targets = [...(await actions(page)).filter((a) => a.id !== 'hide' && !a.id.includes(':')).map((a) => ({ kind: 'action', id: a.id })),
      ...pages.map((id) => ({ kind: 'nav', id }))];
    // The quick actions open editors (a held letter, a fork entry): their fields are then part of those pages.
    await clickAction(page, 'therapist');
    await clickAction(page, 'feeling');
    await clickControl(page, button(page, "I'm done for now"));  // the timer steps aside, then the fork entry's fields show
    await clickControl(page, button(page, 'Write about it'));
    const visibleFields = () => page.evaluate(() => [...document.querySelectorAll('#text-layer .field-clip:not([hidden]) .field')]
      .filter((el) => el.type !== 'password' && el.getBoundingClientRect().width > 0).map((el) => el.getAttribute('aria-label')));
    let tried = 0;
    const seen = new Set();
    let rotation = 0;
    const navTargets = targets.filter((t) => t.kind === 'nav');
    const goTo = async (from) => {
      await clickNav(page, from);
      if (OPEN[from] && (await OPEN[from](page).count())) await clickControl(page, OPEN[from](page));
    };
    for (const from of pages) {
      await goTo(from);
      const labels = await visibleFields();
      for (const label of labels) {
        const mine = FULL ? targets : [...targets.filter((t) => t.kind === 'action'),
          navTargets[rotation++ % navTargets.length], navTargets[rotation++ % navTargets.length]];
        for (const to of mine) {
          await goTo(from);
          const field = page.locator(`#text-layer .field[aria-label="${label}"]`).first();
          if (!(await field.isVisible().catch(() => false))) continue;
          await field.click();
          await page.keyboard.type('ab');
          if (to.kind === 'action') await clickAction(page, to.id); else await clickNav(page, to.id);
          await page.keyboard.type('cd');
          await sleep(30);
          assert.equal(await crashed(page), false, `no crash going from "${label}" on ${from} to ${to.kind} ${to.id}`);
          seen.add(`${from}: ${label}`);
          tried++;
        }
      }
    }
    console.log(`# ${tried} moves from ${seen.size} fields: ${[...seen].join(', ')}`);
    assert.ok(tried >= 10, `enough field-to-target moves were tried (${tried})`);
    let last;
    await waitUntil(async () => (last = await api.state(page)).saved, { timeoutMs: 15_000, message: '"Saved" at the end' })
      .catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(last)}`); });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
