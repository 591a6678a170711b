// storage_error: when the browser refuses to store (a full disk / quota), the app says so plainly,
// keeps the words in memory and on screen, never reports "saved", and stores everything once the
// browser accepts again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, reloadApp, api, waitUntil, assertCanvasNotBlank } from './lib/harness.mjs';

const TYPE = 'journal.entry';
let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

test('a full disk is reported, nothing is lost, and the words are stored once there is room', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await page.evaluate(() => window.towardTest.simulateStorageFull(true));
    const id = await api.put(page, TYPE, { title: 'kept', text: 'These words must not be lost.' });
    const failure = await page.evaluate(() => window.towardTest.flush().then(() => 'resolved', (e) => String(e.message)));
    assert.match(failure, /could not be stored yet/);
    const st = await api.state(page);
    assert.equal(st.saved, false);
    // The banner says it plainly; the browser's own words (QuotaExceededError) wait behind "Details".
    const shown = await waitUntil(async () => {
      const t = (await page.evaluate(() => window.towardTest.drawnText())).replace(/\s+/g, '');
      return t.includes('notstoredinthisbrowseryet') ? t : null;
    }, { message: 'the calm banner' });
    assert.ok(!shown.includes('QuotaExceeded'), 'no machine text in the headline');
    assert.ok(shown.includes('Details'), 'the technical detail is one click away');
    // A screen reader hears the same plain words, before the "Details" button, as a sighted person reads them.
    const order = await page.evaluate(() => Array.from(document.querySelectorAll('#a11y-tree p, #a11y-tree [role="button"]'))
      .map((e) => e.textContent || e.getAttribute('aria-label') || ''));
    const said = order.findIndex((t) => /not stored in this browser yet/.test(t));
    assert.ok(said >= 0, 'the banner is in the semantics tree');
    assert.ok(order.indexOf('Details') > said, 'its words come before its "Details"');
    assert.match(st.storageError, /no room/);
    assert.equal((await api.list(page, TYPE)).find((r) => r.id === id).body.text, 'These words must not be lost.');
    await assertCanvasNotBlank(page);

    // A screen reader hears it too, politely: "Not stored yet", and "Saved" once it is.
    const liveSaid = () => page.evaluate(() => Array.from(document.querySelectorAll('#a11y-live p')).map((p) => p.textContent));
    await waitUntil(async () => (await liveSaid()).includes('Not stored yet'), { message: '"Not stored yet" said' });
    assert.ok(!(await liveSaid()).includes('Saved'));

    await page.evaluate(() => window.towardTest.simulateStorageFull(false));
    await api.flush(page);
    const after = await api.state(page);
    assert.equal(after.saved, true);
    assert.equal(after.storageError, null);
    await waitUntil(async () => (await liveSaid()).includes('Saved'), { message: '"Saved" said once the words are stored' });
    await reloadApp(page);
    assert.equal((await api.list(page, TYPE)).find((r) => r.id === id).body.text, 'These words must not be lost.');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Firefox without a window (and some locked-down machines) offer no WebGL 2: Toward cannot draw, and says
// that, not "could not open its storage" (main() used to start inside the storage promise).
test('without WebGL 2 the page says plainly that it cannot draw here, not that storage failed', { timeout: 90_000 }, async () => {
  const profile = await Profile.launch();
  try {
    await profile.context.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
      };
    });
    const page = await openApp(profile, server.url, { ready: false });
    const text = () => page.locator('#loading-text').textContent();
    await waitUntil(async () => /WebGL 2/.test(await text()), { timeoutMs: 30_000, message: 'the message about drawing' });
    const words = await text();
    assert.match(words, /Your words are safe/);
    assert.doesNotMatch(words, /storage|failed|error/i);
    assert.equal(await page.locator('#loading').isVisible(), true);
    assert.equal(await page.locator('#loading-dot').isHidden(), true, 'no spinner: nothing is still coming');
    assert.equal(await page.evaluate(() => window.towardTest ? window.towardTest.framesRendered() : 0), 0);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
