// frames_settle: the page never stays one frame behind. Dear ImGui needs more than one frame for a
// dialog that appears (it sizes itself, then is placed); the main loop keeps drawing until two frames in a
// row are the same (web/main.cpp, kMaxSettleFrames), and draws nothing while idle.
// Positions are measured on the harness's 1280x720 viewport at 100 % text size (as letters.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, openPage, api, settle, sleep, waitUntil, waitReady, clickOn, assertCanvasNotBlank, seedJournal, SLOWDOWN } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// Found by role and name in the semantics mirror; the clicks are real, where the controls are drawn.
const firstLetter = (page) => page.getByRole('list', { name: 'Letters' }).getByRole('button').first();
const feelingIsHere = (page) => page.getByRole('button', { name: 'A feeling is here', exact: true }).first();

test('the seal dialog is centred and inside the screen one settle after the click, with no further input', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, 'letters.letter', { recipientKind: 'future_self', text: 'Words for later.', state: 'finished' });
    await openPage(page, 'letters');
    await clickOn(page, firstLetter(page));
    const seal = page.getByRole('button', { name: 'Seal until a day\u2026', exact: true });
    await seal.waitFor({ state: 'attached' });
    await settle(page, { minFrames: 0 });
    const before = await api.framesRendered(page);
    await seal.click({ force: true });
    // The mouse stays still and nothing else happens: only the frames the app asks for itself.
    await settle(page, { since: before, minFrames: 1, quietMs: 300 });
    const windows = await page.evaluate(() => window.towardTest.windows());
    const dialog = windows.find((w) => w.popup && w.name.includes('seal-letter'));
    assert.ok(dialog, `the seal dialog is drawn (windows: ${windows.map((w) => w.name).join(', ')})`);
    const vw = 1280, vh = 720;
    assert.ok(dialog.x >= 0 && dialog.y >= 0 && dialog.x + dialog.w <= vw && dialog.y + dialog.h <= vh,
      `inside the screen: ${JSON.stringify(dialog)}`);
    assert.ok(Math.abs(dialog.x + dialog.w / 2 - vw / 2) <= 2 && Math.abs(dialog.y + dialog.h / 2 - vh / 2) <= 2,
      `centred: ${JSON.stringify(dialog)}`);
    assert.ok(dialog.h < vh * 0.8, `sized to its content, not full height: ${JSON.stringify(dialog)}`);

    // Then, once the letter is stored ("Saved" drawn), the page is still: no frame at all for 10 s.
    await waitUntil(async () => (await api.state(page)).saved, { message: '"Saved"' });
    await settle(page, { minFrames: 0, quietMs: 4000, capMs: 8000 });  // (storage usage is read 3 s after a save)
    const still = await api.framesRendered(page);
    await sleep(10_000);
    assert.equal(await api.framesRendered(page), still, 'a still page draws nothing');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('after a wrong passphrase, the pause counts down and ends by itself (frames at its end, none after)', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    assert.equal((await page.evaluate(() => window.towardTest.vaultEnable('a quiet passphrase here'))).ok, true);
    await page.evaluate(() => window.towardTest.vaultLock());
    const field = page.locator('input[aria-label="Passphrase"]');
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await page.keyboard.type('not the passphrase');
    await page.keyboard.press('Enter');
    let state;
    for (let i = 0; i < 100; i++) {
      state = await page.evaluate(() => window.towardTest.vaultState());
      if (state.retryInMs > 0) break;
      await sleep(20);
    }
    // Under the sanitizer build (8x slower) the pause of at most 1 s can be over before it is seen: then
    // there is no end to watch (the ordinary suite watches it).
    if (SLOWDOWN > 1 && !(state.retryInMs > 0) && state.failedTries === 1) return;
    assert.ok(state.retryInMs > 0, `a pause follows the wrong try: ${JSON.stringify(state)}`);
    await page.mouse.move(2, 2);  // then no input at all
    await sleep(Math.max(0, state.retryInMs - 250));
    const beforeEnd = await api.framesRendered(page);
    await sleep(750);
    const afterEnd = await api.framesRendered(page);
    assert.equal((await page.evaluate(() => window.towardTest.vaultState())).retryInMs, 0, 'the pause is over');
    assert.ok(afterEnd > beforeEnd, 'the page redrew by itself when the pause ended (the Open button is usable again)');
    // (the count of tries is stored: that sync's start and end are changes of state, a frame each)
    // (and storage health is first known about 3 s after a save: Settings shows it, so that is a frame)
    await waitUntil(async () => (await api.state(page)).stored, { message: 'the tries to be stored' });
    await settle(page, { minFrames: 0, quietMs: 4000, capMs: 8000 });
    const still = await api.framesRendered(page);
    await sleep(3000);
    assert.equal(await api.framesRendered(page), still, 'and then it is still');
    const others = profile.errors.filter((e) => !/passphrase/i.test(e));
    assert.deepEqual(others, []);
  } finally {
    await profile.dispose();
  }
});

test('unlocking shows that it is opening before the slow key work, then opens', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    assert.equal((await page.evaluate(() => window.towardTest.vaultEnable('a quiet passphrase here'))).ok, true);
    await page.evaluate(() => window.towardTest.vaultLock());
    const field = page.locator('input[aria-label="Passphrase"]');
    await field.waitFor({ state: 'visible', timeout: 10_000 });
    await field.click();
    await page.keyboard.type('a quiet passphrase here');
    // Watch every animation frame from now on: a frame is drawn while "Opening your words..." is on screen
    // and the vault is still locked, before the frame that does the work.
    await page.evaluate(() => {
      window.__seen = [];
      const look = () => {
        const s = window.towardTest.vaultState();
        window.__seen.push({ opening: s.opening, status: s.status, frames: window.towardTest.framesRendered() });
        if (s.status !== 'unlocked' && window.__seen.length < 2000) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.vaultState())).status === 'unlocked',
      { timeoutMs: 30_000, message: 'the vault to open' });
    const seen = await page.evaluate(() => window.__seen);
    const shown = seen.filter((x) => x.opening && x.status === 'locked');
    assert.ok(shown.length > 0, 'a frame said "Opening your words..." while the work was still to come');
    const firstShown = shown[0].frames;
    assert.ok(seen.some((x) => x.opening && x.frames >= firstShown), 'drawn, not only asked for');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the breath pacer draws what its animation needs, and nothing once its page is left', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await clickOn(page, feelingIsHere(page));
    await sleep(500);
    const f0 = await api.framesRendered(page);
    await sleep(3000);
    const fps = (await api.framesRendered(page) - f0) / 3;
    console.log(`# breath pacer: ${fps.toFixed(1)} frames per second`);
    assert.ok(fps >= 10 && fps <= 40, `the pacer moves smoothly, without drawing every screen refresh (${fps})`);
    await openPage(page, 'letters');
    await settle(page, { minFrames: 0, quietMs: 500 });
    const still = await api.framesRendered(page);
    await sleep(2000);
    assert.equal(await api.framesRendered(page), still, 'the timer on a page not shown asks for no frames');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('with reduced motion, the running timer draws only when what it shows changes (about once a second)', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { reducedMotion: 'reduce' });
  try {
    const page = await openApp(profile, server.url);
    await clickOn(page, feelingIsHere(page));
    await sleep(800);
    const f0 = await api.framesRendered(page);
    await sleep(4000);
    const fps = (await api.framesRendered(page) - f0) / 4;
    console.log(`# breath pacer with reduced motion: ${fps.toFixed(2)} frames per second`);
    assert.ok(fps > 0, 'the seconds still count');
    assert.ok(fps <= 3, `no animation frames with reduced motion (${fps})`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A frame hands its drawing to WebGL without reading any GL state back (web/gl_renderer.cpp). The stock
// Dear ImGui renderer saved and restored about 25 pieces of state around every frame, and in a browser each
// read is a getParameter that waits on the GPU process: 4.8 ms of a 7.3 ms median frame on the progress page.
test('a frame reads no WebGL state back: no getParameter or isEnabled while the page draws', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.addInitScript(() => {
      window.__glReads = 0;
      for (const name of ['getParameter', 'isEnabled']) {
        const real = WebGL2RenderingContext.prototype[name];
        WebGL2RenderingContext.prototype[name] = function (...args) { window.__glReads++; return real.apply(this, args); };
      }
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await waitReady(page);
    await openPage(page, 'progress');
    await settle(page, { minFrames: 2 });
    const reads = await page.evaluate(() => window.__glReads);
    const before = await api.framesRendered(page);
    await page.evaluate(() => { window.__glReads = 0; });
    for (let x = 300; x < 1200; x += 30) { await page.mouse.move(x, 300); await sleep(16); }
    await settle(page, { minFrames: 0 });
    const frames = (await api.framesRendered(page)) - before;
    assert.ok(frames >= 10, `the mouse drew frames (${frames})`);
    assert.equal(await page.evaluate(() => window.__glReads), 0, `GL state read back in ${frames} frames (${reads} reads at the start)`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Enter on a control's mirror element (a keyboard user, a screen reader) presses it on the next frame.
// The frame that acts may draw exactly what the one before drew (the grounding's "Next" changes the step
// only after it is drawn), and settling stopped there: the screen stayed a step behind until the mouse
// moved. Now a press from the mirror gets the frame that draws its result, and nothing else is needed.
// A frame that would draw what the canvas already shows leaves it alone (web/main.cpp): the browser has no
// new picture to put on the screen (with software compositing each changed canvas cost 22-32 ms of the
// page's main thread to read back). The picture stays, and a frame that changes anything draws.
test('a frame with nothing new leaves the canvas alone, and the page still shows; a change, or the page shown again, draws', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await sleep(1500);   // past the whole glyph atlas after a quiet second
    await settle(page, { minFrames: 0, quietMs: 500 });
    const counts = () => page.evaluate(() => [window.towardTest.framesRendered(), window.towardTest.canvasDraws()]);
    const [frames0, draws0] = await counts();
    const shot0 = await page.locator('#canvas').screenshot();
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => TowardGlue.wake());
      await settle(page, { minFrames: 1, quietMs: 200 });
    }
    const [frames1, draws1] = await counts();
    assert.ok(frames1 >= frames0 + 3, `frames were drawn (${frames0} -> ${frames1})`);
    assert.equal(draws1, draws0, 'none of them drew on the canvas');
    const shot1 = await page.locator('#canvas').screenshot();
    assert.ok(shot1.equals(shot0), 'the canvas shows the same picture as before those frames');
    await assertCanvasNotBlank(page);
    // The page shown again (a tab brought back) draws the canvas whole once.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await waitUntil(async () => (await counts())[1] === draws1 + 1, { message: 'the canvas drawn again when the page is shown' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal((await counts())[1], draws1 + 1, 'once');
    // A change (a letter in the search field) draws again.
    await page.locator('input[aria-label="Search your journal"]').fill('q');
    await waitUntil(async () => (await counts())[1] > draws1 + 1, { message: 'a frame that drew the typed letter' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.ok(!(await page.locator('#canvas').screenshot()).equals(shot0), 'the typed letter is on the canvas');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Every frame's drawn text from now on, kept in the page (a frame is read as it is drawn, not polled); with
// { saved: true } whether everything was saved at that frame instead.
async function recordFrames(page, { saved = false } = {}) {
  await page.evaluate((savedToo) => {
    window.__framesSeen = [];
    let last = window.towardTest.framesRendered();
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => {
      cb(t);
      const n = window.towardTest.framesRendered();
      if (n !== last) { last = n; window.__framesSeen.push(savedToo ? window.towardTest.state().saved : window.towardTest.drawnText()); }
    });
  }, saved);
  return () => page.evaluate(() => window.__framesSeen.splice(0));
}

test('letters typed into the search draw the canvas only where the list changes, and are never "Saving..."; words typed into an entry are', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 3, { prefix: 'quiet' });
    await sleep(1500);   // past the whole glyph atlas after a quiet second
    const search = page.locator('input[aria-label="Search your journal"]');
    await clickOn(page, search);
    await settle(page, { minFrames: 0, quietMs: 500 });
    const framesSeen = await recordFrames(page);
    const draws = () => page.evaluate(() => window.towardTest.canvasDraws());
    const draws0 = await draws();
    // The letters show in the page's own field over the canvas; the canvas changes only where the list does,
    // in the frame that takes the letter (three entries, each with 'river' in it): "3 entries found" at the
    // first letter, "Nothing here matches" at the last. The top bar never says "Saving..." for words nobody
    // keeps (it did for a frame at each letter, and "Saved" again at the next: two pictures a letter).
    for (const letter of 'rivet') {
      await page.keyboard.type(letter);
      await settle(page, { minFrames: 1, quietMs: 250 });
    }
    assert.equal(await search.inputValue(), 'rivet');
    const typed = await framesSeen();
    assert.ok(typed.some((t) => t.includes('3 entries found')) && typed.at(-1).includes('Nothing here matches'), 'the search was drawn');
    assert.deepEqual(typed.filter((t) => /Saving/.test(t)), [], 'no frame said "Saving..." for a search');
    assert.equal(await draws() - draws0, 2, 'a new canvas picture only where the list changed');
    // "Show everything" lists every entry in the frame of the click (the frame still drawing the button): it
    // listed nothing found there, and everything a frame later.
    await clickOn(page, page.getByRole('button', { name: 'Show everything', exact: true }));
    await settle(page, { minFrames: 0, quietMs: 300 });
    const shown = await framesSeen();
    assert.ok(shown.some((t) => t.includes('Show everything') && t.includes('quiet title 2') && !t.includes('Nothing here matches')),
      `every entry listed in the click's own frame: ${JSON.stringify(shown.map((t) => t.slice(-120)))}`);
    // Words typed into an entry are kept: the top bar says so until they are stored.
    await clickOn(page, page.getByRole('button', { name: '+ New entry', exact: true }));
    const area = page.locator('textarea[aria-label="Entry text"]');
    await area.waitFor({ state: 'visible', timeout: 10_000 });
    await framesSeen();
    await area.focus();
    await page.keyboard.type('kept');
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 10_000, message: 'the entry saved' });
    assert.ok((await framesSeen()).some((t) => /Hide Saving/.test(t)), 'the top bar said "Saving..." for words typed into an entry');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// On a phone a tap keeps the keyboard up: the search field still has it when a found entry opens over the list,
// and the field, no longer drawn, hands its words over once more as it goes. They are still a search's words.
test('on a phone, opening an entry found by a search is never "Saving..." for the search words', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch(undefined, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 3, { prefix: 'quiet' });
    const search = page.locator('input[aria-label="Search your journal"]');
    await clickOn(page, search, { tap: true });
    await page.keyboard.type('river');
    const rows = page.getByRole('list', { name: 'Entries' }).getByRole('listitem');
    await waitUntil(async () => (await rows.count()) === 3, { message: 'the three entries found' });
    // The three entries are stored first (their sync waits a second after the last put): on a quick machine the
    // search is done within that second, and "Saving..." would be theirs, not the search words'.
    await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 10_000, message: 'the entries stored' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    const savedAtFrames = await recordFrames(page, { saved: true });
    await clickOn(page, rows.first().getByRole('button'), { tap: true });
    await page.getByRole('button', { name: /All entries/ }).waitFor({ state: 'attached', timeout: 10_000 });
    await settle(page, { minFrames: 0, quietMs: 500 });
    const saved = await savedAtFrames();
    assert.ok(saved.length > 0 && saved.every((x) => x === true), `no frame said the search words were being saved: ${JSON.stringify(saved)}`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('Enter on a control in the mirror shows its result with no other input: grounding steps and lengths', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'texture_box');
    await clickOn(page, page.getByRole('button', { name: 'Begin grounding', exact: true }));
    const drawn = () => page.evaluate(() => window.towardTest.drawnText());
    await waitUntil(async () => /First, how strong is it right now/.test(await drawn()), { message: 'the first step' });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => /Choose something to hold/.test(await drawn()),
      { timeoutMs: 3000, message: 'the next step drawn after Enter alone' });
    await page.getByRole('button', { name: 'Next', exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => /How long\?/.test(await drawn()), { timeoutMs: 3000, message: 'the length step drawn after Enter alone' });
    const three = page.getByRole('radio', { name: '3 minutes', exact: true });
    await three.focus();
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await three.getAttribute('aria-checked')) === 'true',
      { timeoutMs: 3000, message: '"3 minutes" chosen, as drawn and as read' });
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 1, 'one length chosen');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Escape leaves every step and dialog; during a running grounding session it did nothing, and the only
// way out from the keyboard was Tab to "Stop here". Now Escape stops there too (the time so far is kept).
test('Escape during a running grounding session stops it, as "Stop here" does', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await openPage(page, 'texture_box');
    const drawn = () => page.evaluate(() => window.towardTest.drawnText());
    await clickOn(page, page.getByRole('button', { name: 'Begin grounding', exact: true }));
    for (const [button, after] of [['Next', /Choose something to hold/], ['Next', /How long\?/], ['Begin', /left/]]) {
      await clickOn(page, page.getByRole('button', { name: button, exact: true }));
      await waitUntil(async () => after.test(await drawn()), { message: `after "${button}"` });
    }
    await page.getByRole('button', { name: 'Stop here', exact: true }).focus();
    await page.keyboard.press('Escape');
    await waitUntil(async () => /And now\?/.test(await drawn()), { timeoutMs: 5000, message: 'the session stopped by Escape' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
