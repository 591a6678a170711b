// tests/browser/lib/monkey.mjs: a UI monkey. Seeded random sequences of real input on the real page:
// clicks and taps at random points, navigation items and quick actions clicked where they are drawn,
// text typed into whatever has focus, keys (Tab, Escape, Enter, arrows ...), wheel scrolls, swipes and
// an occasional reload, for a bounded time, on a desktop or a phone viewport. Any trap, abort, sanitizer
// report (it prints to the console and aborts), console error or page error ends the run with the seed
// and the steps so far, which replay the same sequence (timing may differ; the seed fixes the choices).
// Used by tests/browser/monkey.sanitize.mjs (short) and scripts/monkey (long).
import { Profile, openApp, reloadApp, sleep } from './harness.mjs';

// mulberry32: a small, good PRNG whose whole state is the seed.
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 },
};

const KEYS = ['Tab', 'Shift+Tab', 'Escape', 'Enter', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight',
  'Backspace', 'Space', 'PageDown', 'PageUp', 'Home', 'End'];
const WORDS = ['I', 'felt', 'small', 'today', 'and', 'stayed', 'with', 'it', 'Dear', 'you', 'waited', 'rain',
  'é', 'привет', '2026-12-24', '50', '', '\n', 'καλημέρα', 'a very long word without any space at all'];

// Runs one monkey session. Returns {steps, errors}; `errors` is empty when nothing went wrong.
export async function runMonkey({ url, seed, durationMs, kind = 'desktop', reloads = true, log = () => {} }) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const { viewport } = VIEWPORTS[kind];
  const profile = await Profile.launch(undefined, VIEWPORTS[kind]);
  const steps = [];
  const errors = [];
  let page;
  try {
    page = await openApp(profile, url);
    // "Leave this page?" (words still being stored) is answered as a person who chose to reload would.
    page.on('dialog', (d) => (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}));
    page.on('filechooser', () => {});  // a chooser opened by a random click is left alone
    const t0 = Date.now();
    while (Date.now() - t0 < durationMs) {
      const r = rand();
      let step;
      if (r < 0.30) {
        const x = Math.floor(rand() * viewport.width), y = Math.floor(rand() * viewport.height);
        step = `${kind === 'phone' ? 'tap' : 'click'} ${x},${y}`;
        if (kind === 'phone') await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
      } else if (r < 0.42) {
        const items = await page.evaluate(() => (window.towardTest && window.towardTest.nav ? window.towardTest.nav() : []));
        const visible = items.filter((i) => i.w > 0 && i.h > 0 && i.y < viewport.height);
        if (!visible.length) continue;
        const item = pick(visible);
        step = `page ${item.id}`;
        const x = item.x + item.w / 2, y = item.y + item.h / 2;
        if (kind === 'phone') await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
      } else if (r < 0.47) {
        const items = await page.evaluate(() => (window.towardTest && window.towardTest.actions ? window.towardTest.actions() : []));
        const usable = items.filter((i) => i.id !== 'hide' && i.w > 0);
        if (!usable.length) continue;
        const item = pick(usable);
        step = `action ${item.id}`;
        await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2);
      } else if (r < 0.57) {
        const n = await page.locator('#text-layer .field').count();
        if (!n) continue;
        const i = Math.floor(rand() * n);
        step = `field #${i}`;
        await page.locator('#text-layer .field').nth(i).click({ timeout: 1000 }).catch(() => {});
      } else if (r < 0.72) {
        const text = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(WORDS)).join(' ');
        step = `type ${JSON.stringify(text)}`;
        await page.keyboard.type(text);
      } else if (r < 0.90) {
        const key = pick(KEYS);
        step = `key ${key}`;
        await page.keyboard.press(key);
      } else if (r < 0.95) {
        const dy = Math.floor((rand() - 0.5) * 1200);
        step = `wheel ${dy}`;
        await page.mouse.move(Math.floor(rand() * viewport.width), Math.floor(rand() * viewport.height));
        await page.mouse.wheel(0, dy);
      } else if (r < 0.985 || !reloads) {
        const x = Math.floor(rand() * viewport.width), y1 = Math.floor(rand() * viewport.height);
        const y2 = Math.max(0, Math.min(viewport.height - 1, y1 + Math.floor((rand() - 0.5) * 500)));
        step = `drag ${x},${y1} -> ${x},${y2}`;
        await page.mouse.move(x, y1);
        await page.mouse.down();
        await page.mouse.move(x, y2, { steps: 5 });
        await page.mouse.up();
      } else {
        step = 'reload';
        await reloadApp(page);
      }
      steps.push(step);
      log(step);
      await sleep(20 + Math.floor(rand() * 60));
      const crashed = await page.evaluate(() => !!(window.towardTest && window.towardTest.crashed && window.towardTest.crashed()))
        .catch(() => false);
      if (crashed) errors.push('the module trapped or aborted (towardTest.crashed())');
      if (profile.errors.length) errors.push(...profile.errors.splice(0));
      if (errors.length) break;
    }
    // At the end the app must still be alive and drawing.
    if (!errors.length) {
      const before = await page.evaluate(() => window.towardTest.framesRendered());
      await page.mouse.move(5, 5);
      await page.mouse.move(viewport.width / 2, viewport.height / 2);
      await sleep(300);
      const after = await page.evaluate(() => window.towardTest.framesRendered());
      if (after <= before) errors.push('the app stopped drawing frames');
    }
  } catch (e) {
    errors.push(`the run itself failed: ${e && e.stack ? e.stack : e}`);
  } finally {
    await profile.dispose();
  }
  return { steps, errors };
}

// A readable report of a failed run: the seed, the viewport, the steps.
export function report({ seed, kind, steps, errors }) {
  return [`monkey failed: seed ${seed}, ${kind} viewport, after ${steps.length} steps`,
    ...errors.map((e) => `  error: ${e}`),
    `  replay: scripts/monkey --seed ${seed} --kind ${kind}`,
    '  steps:', ...steps.map((s, i) => `    ${i + 1}. ${s}`)].join('\n');
}
