// a11y_slider: a slider moves from the keyboard and from a screen reader (web/glue/a11y.js moveSlider,
// ui::Slider in core/ui/widgets.cpp). The keys a screen reader sends for "increase"/"decrease" (and a
// keyboard user presses) go to the slider's focused mirror element: one step per arrow, a tenth of the
// range per page key, Home/End to the ends; the stored value and aria-valuenow/aria-valuetext follow.
// With the keys on the canvas and ImGui's own focus on the slider, the arrows move it too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Profile, openApp, settle, api, waitUntil, clickRole, clickOn } from './lib/harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

// A fork entry with one feeling ("sad" at `intensity`), opened; its slider found by role and name.
// Opens the entry by a click, or by the keys (`byKeys`: then ImGui's focus shows its ring, as after any key;
// after the pointer it moves without it, as :focus-visible does).
async function openFeeling(page, intensity, { byKeys = false } = {}) {
  await api.put(page, 'journal.entry', { kind: 'fork', fork: { feelings: [{ word: 'sad', intensity }] } });
  await api.flush(page);
  const row = page.getByRole('list', { name: 'Entries' }).getByRole('button').first();
  if (byKeys) {
    await row.focus();
    await page.keyboard.press('Enter');
  } else {
    await clickOn(page, row);
  }
  const slider = page.getByRole('slider', { name: 'How strong: sad', exact: true });
  await slider.waitFor({ state: 'attached' });
  return slider;
}

async function stored(page) {
  await api.flush(page);
  return (await api.list(page, 'journal.entry'))[0].body.fork.feelings[0].intensity;
}

// Presses `key` and waits until the stored intensity is `want` and the slider says it.
async function pressAndExpect(page, slider, key, want) {
  await page.keyboard.press(key);
  await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === String(want),
    { message: `aria-valuenow ${want} after ${key}` });
  assert.equal(await stored(page), want, `stored after ${key}`);
}

test('the journal intensity slider moves with arrows, page keys, Home and End on its focused element', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const slider = await openFeeling(page, 5);
    assert.equal(await slider.getAttribute('aria-valuenow'), '5');
    await slider.focus();
    await settle(page, { minFrames: 0 });
    await pressAndExpect(page, slider, 'ArrowRight', 6);
    await pressAndExpect(page, slider, 'ArrowUp', 7);
    await pressAndExpect(page, slider, 'ArrowLeft', 6);
    await pressAndExpect(page, slider, 'ArrowDown', 5);
    await pressAndExpect(page, slider, 'PageUp', 6);  // a tenth of 0..10 is one step
    await pressAndExpect(page, slider, 'End', 10);
    await pressAndExpect(page, slider, 'ArrowRight', 10);  // stays at its end
    await pressAndExpect(page, slider, 'Home', 0);
    // Three quick presses before a frame is drawn count as three steps.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '3', { message: 'three steps' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal(await stored(page), 3, 'one step per press, never two');
    assert.ok(await slider.evaluate((el) => el === document.activeElement), 'the slider keeps the focus');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('the frame a key moves the slider in draws the new value (the canvas is never a value behind)', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const slider = await openFeeling(page, 5);
    await page.mouse.move(4, 4);   // a quiet corner: moving there again later changes no hover
    await slider.focus();
    await settle(page, { minFrames: 0, quietMs: 300 });
    for (const [key, want] of [['ArrowRight', 6], ['End', 10], ['PageDown', 9]]) {
      await page.keyboard.press(key);
      await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === String(want), { message: `${want} after ${key}` });
      // The change is saved first: "Saving..." turning to "Saved" is a later state, drawn when the sync ends
      // (under load the sync outlasts a quiet 300 ms), not a frame behind.
      await api.flush(page);
      await settle(page, { minFrames: 0, quietMs: 300 });
      const shown = await page.screenshot();
      // Anything that draws a frame again (the pointer moved where nothing reacts) must show the same.
      await page.mouse.move(5, 5);
      await settle(page, { minFrames: 1, quietMs: 300 });
      assert.ok(shown.equals(await page.screenshot()), `after ${key}, the canvas showed the value before it until another frame`);
    }
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test("the grounding's 0-100 rating moves by a tenth with the page keys, and says the app's words", { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await clickRole(page, 'tab', 'Texture box');
    await clickRole(page, 'button', 'Begin grounding');
    const slider = page.getByRole('slider', { name: 'How strong it is right now', exact: true });
    await slider.waitFor({ state: 'attached' });
    const start = Number(await slider.getAttribute('aria-valuenow'));
    await slider.focus();
    await page.keyboard.press(start >= 90 ? 'PageDown' : 'PageUp');
    const want = start >= 90 ? start - 10 : start + 10;
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === String(want), { message: `value ${want}` });
    const words = await slider.getAttribute('aria-valuetext');
    assert.match(words, new RegExp(`^${want}: \\S`), `said as drawn, got "${words}"`);
    await waitUntil(async () => (await page.getByText(words, { exact: true }).count()) >= 1, { message: 'the same words on the screen' });
    await page.keyboard.press('Home');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '0', { message: 'Home goes to 0' });
    await page.keyboard.press('End');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '100', { message: 'End goes to 100' });
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test("with the keys on the canvas and ImGui's focus on a slider, the arrows move the slider, not the focus", { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const slider = await openFeeling(page, 5, { byKeys: true });
    // ImGui's keyboard focus goes to the slider (through its element), then the canvas takes the keys back.
    await slider.focus();
    const id = Number(await slider.getAttribute('data-id'));
    await waitUntil(() => page.evaluate((i) => TowardGlue.a11y.focusId === i, id), { message: "ImGui's focus on the slider" });
    await page.locator('#canvas').focus();
    await settle(page, { minFrames: 0 });
    await page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '6', { message: 'ArrowRight on the canvas moves it' });
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '4', { message: 'two steps back' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal(await stored(page), 4);
    assert.equal(await page.evaluate(() => TowardGlue.a11y.focusId), id, "ImGui's focus stayed on the slider");
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

test('a slider just clicked moves with the arrows next, as a range input in a web page does, and its ring shows', { timeout: 120_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    const slider = await openFeeling(page, 5);
    const id = Number(await slider.getAttribute('data-id'));
    // Its middle, clicked: 5 of 0..10 stays 5.
    await clickOn(page, slider);
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal(await slider.getAttribute('aria-valuenow'), '5', 'the click on its middle moved it');
    assert.notEqual(await page.evaluate(() => TowardGlue.a11y.focusId), id, 'the ring showed after a click');
    await page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '6', { message: 'ArrowRight after the click moves it' });
    await waitUntil(() => page.evaluate((i) => TowardGlue.a11y.focusId === i, id), { message: 'the ring on the slider once a key is used' });
    await page.keyboard.press('ArrowRight');
    await waitUntil(async () => (await slider.getAttribute('aria-valuenow')) === '7', { message: 'a second ArrowRight' });
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal(await stored(page), 7);
    // A click on the page's background lets the slider go: the arrows no longer move it.
    const box = await page.locator('#canvas').boundingBox();
    await page.mouse.click(box.x + box.width - 30, box.y + box.height - 30);
    await settle(page, { minFrames: 0, quietMs: 300 });
    await page.keyboard.press('ArrowLeft');
    await settle(page, { minFrames: 0, quietMs: 300 });
    assert.equal(await stored(page), 7, 'an arrow after a click elsewhere moved the slider');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});
