// a11y_reading: what a screen reader user meets beyond the first page (web/glue/a11y.js, core/ui/a11y.h):
// the journal's and letters' rows are named items of a list; a slider says its value in the app's own
// words; "The time you chose is over" is said once when the stay-with-it timer runs out; Tab reaches the DOM text fields
// where they are drawn (not after every other control); and words that plugin views draw themselves
// (settings, the safety plan) are in the tree as headings and paragraphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, settle, api, waitUntil, clickRole, sleep } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// Every word handed to the live region from now on (the region itself keeps only the last few).
async function listenToLiveRegion(page) {
  await page.evaluate(() => {
    window.__said = [];
    const announce = TowardGlue.a11y.announce.bind(TowardGlue.a11y);
    TowardGlue.a11y.announce = (words) => { window.__said.push(words); announce(words); };
  });
  return () => page.evaluate(() => window.__said.slice());
}

test('the rows of the journal and of the letters are named items of a list', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'journal.entry', { kind: 'free', text: 'A walk by the river after the session.' });
    await api.put(page, 'letters.letter', { recipientKind: 'parent', recipientName: 'Mum', text: 'Words for later.' });
    await api.flush(page);
    await settle(page, { minFrames: 0 });
    const entries = page.getByRole('list', { name: 'Entries' });
    await entries.waitFor({ state: 'attached' });
    assert.equal(await entries.getByRole('listitem').count(), 1);
    const row = entries.getByRole('listitem').getByRole('button');
    assert.match(await row.textContent(), /A walk by the river/);

    await clickRole(page, 'tab', 'Letters');
    const letters = page.getByRole('list', { name: 'Letters' });
    await letters.waitFor({ state: 'attached' });
    assert.equal(await letters.getByRole('listitem').count(), 1);
    const name = await letters.getByRole('listitem').getByRole('button').textContent();
    assert.match(name, /Mum/, `the letter's row says who it is to: "${name}"`);
    assert.match(name, /, /, 'and then its state and when');
    // Pressing the row by its name opens the letter.
    await clickRole(page, 'button', new RegExp(name.slice(0, 8)));
    await waitUntil(async () => (await letters.getByRole('button').getAttribute('aria-pressed')) === 'true',
      { message: 'the open letter is the selected row' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a slider says its value in the words the app shows', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await clickRole(page, 'tab', 'Texture box');
    await clickRole(page, 'button', 'Begin grounding');
    const slider = page.getByRole('slider', { name: 'How strong it is right now' });
    await slider.waitFor({ state: 'attached' });
    assert.equal(await slider.getAttribute('aria-valuemin'), '0');
    assert.equal(await slider.getAttribute('aria-valuemax'), '100');
    const now = await slider.getAttribute('aria-valuenow');
    const words = await slider.getAttribute('aria-valuetext');
    assert.match(words, new RegExp(`^${now}: \\S`), `said as drawn ("50: ..."), got "${words}"`);
    assert.ok(await page.getByText(words, { exact: true }).count() >= 1, 'the same words as on the screen');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('"The time you chose is over" is said once when the stay-with-it timer runs out', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const said = await listenToLiveRegion(page);
    await clickRole(page, 'button', 'A feeling is here');
    // The shortest time (10 s): two presses of "10 seconds less".
    await clickRole(page, 'button', '10 seconds less');
    await clickRole(page, 'button', '10 seconds less');
    await waitUntil(async () => (await said()).includes('The time you chose is over. You stayed with it.'), { timeoutMs: 30_000, message: 'the end of the time said' });
    await page.getByRole('button', { name: 'Write about it', exact: true }).waitFor({ state: 'attached' });
    await sleep(1500);
    await settle(page, { minFrames: 0 });
    const all = await said();
    assert.equal(all.filter((w) => w === 'The time you chose is over. You stayed with it.').length, 1, `said once: ${JSON.stringify(all)}`);
    assert.ok(all.includes('breathe in') || all.includes('breathe out'), `the phases were said too: ${JSON.stringify(all)}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('Tab reaches the text fields where they are drawn, and Shift+Tab goes back', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'journal.entry', { kind: 'free', text: 'One entry below the search field.' });
    await api.flush(page);
    await page.getByRole('list', { name: 'Entries' }).waitFor({ state: 'attached' });
    await settle(page, { minFrames: 0 });
    await page.locator('#canvas').focus();
    const stops = [];
    for (let k = 0; k < 30; k++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement;
        return { name: el.getAttribute('aria-label') || el.textContent.trim(), field: el.classList.contains('field'),
          row: !!el.closest('[role="listitem"]') };
      });
      stops.push(stop);
      if (stop.row) break;
    }
    const search = stops.findIndex((s) => s.field && s.name === 'Search your journal');
    const row = stops.findIndex((s) => s.row);
    assert.ok(search > 0 && row >= 0 && search < row, `the search field comes before the rows below it: ${JSON.stringify(stops)}`);
    assert.equal(stops[search - 1].name, 'A feeling is here', `right after the button drawn above it: ${JSON.stringify(stops)}`);
    // Shift+Tab from the field goes back to that button.
    await page.getByLabel('Search your journal').focus();
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'A feeling is here');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('words plugin views draw themselves are read: section headings and lines in settings and the safety plan', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 1280, height: 2400 } });  // the whole of settings
  try {
    const page = await openApp(profile, server.url);
    await clickRole(page, 'tab', 'Settings');
    await page.getByRole('heading', { name: 'Keeping your data', level: 3 }).waitFor({ state: 'attached' });
    assert.equal(await page.getByRole('heading', { name: 'Installing', level: 3 }).count(), 1);
    // The size's buttons are read within a group named for what they change.
    const size = page.getByRole('group', { name: 'Text size', exact: true });
    assert.equal(await size.count(), 1, 'a group "Text size"');
    assert.equal(await size.getByRole('button', { name: 'Smaller', exact: true }).count(), 1);
    assert.equal(await size.getByRole('button', { name: 'Larger', exact: true }).count(), 1);
    assert.equal(await size.getByText('100 %', { exact: true }).count(), 1);
    await clickRole(page, 'tab', 'My safety plan');
    await page.getByRole('heading', { name: 'Warning signs', level: 3 }).waitFor({ state: 'attached' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
