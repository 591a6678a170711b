// typing: words typed into the real text field (a DOM textarea over the canvas) are kept: Escape only
// leaves the field, autosave stores them, and hiding the page right after typing, before the autosave
// pause, still stores every word (the typed text reaches the model before the flush).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, waitUntil, clickRole } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// "+ New entry" at the top of the journal list, found by role and name.
async function newEntry(page) {
  await clickRole(page, 'button', '+ New entry');
  const area = page.locator('textarea[aria-label="Entry text"]');
  await area.waitFor({ state: 'visible', timeout: 10_000 });
  await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the new entry text field to have focus' });
  return area;
}

test('typed words survive Escape, autosave and a reload', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const area = await newEntry(page);
    const words = 'The longing came back after the session. I stayed with it. Zoë, καλημέρα, привет.';
    await page.keyboard.type(words);
    await page.keyboard.press('Escape');
    assert.equal(await area.inputValue(), words, 'Escape must not change the text');
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 5000, message: 'saved after autosave' });
    await reloadApp(page);
    const entries = await api.list(page, TYPE);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].body.text, words);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('words typed just before the page is hidden are stored at once, and survive a browser kill', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    let page = await openApp(profile, server.url);
    await newEntry(page);
    const words = 'Written in a hurry before closing the laptop.';
    await page.keyboard.type(words);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 2000, intervalMs: 20, message: 'saved after hide' });
    await profile.crash();
    await profile.relaunch();
    page = await openApp(profile, server.url);
    const entries = await api.list(page, TYPE);
    assert.equal(entries.length, 1);
    assert.equal(entries[0].body.text, words);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
