import { startServer, Profile, openApp, reloadApp, api, waitUntil, settle, sleep, openPage, clickRole, clickOn, press } from './lib/harness.mjs';
export * from './lib/harness.mjs';
export async function dump(page, label='') {
  const items = await page.evaluate(() => {
    const out = [];
    const mirror = document.querySelectorAll('[role], button, a, input, textarea, h1, h2, h3');
    for (const el of mirror) {
      const role = el.getAttribute('role') || el.tagName.toLowerCase();
      const name = el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 80);
      const hidden = el.closest('[hidden]') ? 'H' : '';
      out.push(`${hidden}${role}: ${name}`);
    }
    return out;
  });
  console.log(`--- dump ${label} (${items.length})`);
  console.log(items.join('\n'));
}
export async function shot(page, n) { await settle(page, { minFrames: 0 }); await page.screenshot({ path: `/tmp/helper_${n}.png` }); console.log('shot', n); }
export async function info(page) {
  return page.evaluate(() => ({ shown: window.towardTest.shownPage(), crashed: window.towardTest.crashed(), actions: window.towardTest.actions().map(a=>a.id), nav: window.towardTest.nav().map(n=>n.id+':'+n.title) }));
}
