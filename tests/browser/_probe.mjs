import { startServer, Profile, waitReady, seedJournal, settle, sleep } from '/work/wt-a11y15b/tests/browser/lib/harness.mjs';
const server = await startServer();
const height = 16000;
const profile = await Profile.launch(undefined, { viewport: { width: 1280, height } });
try {
  const page = await profile.newPage();
  await page.goto(server.url, { waitUntil: 'load', timeout: 60_000 });
  await waitReady(page, 60_000);
  await seedJournal(page, 900, { batch: 300, textLength: 80, prefix: 'bench' });
  await settle(page, { minFrames: 0, quietMs: 300 });
  if (process.env.CSS) await page.evaluate((css) => { for (const r of css.split('}').filter((x) => x.trim())) document.styleSheets[0].insertRule(r + '}', document.styleSheets[0].cssRules.length); }, process.env.CSS);
  await page.evaluate(() => {
    window.__u = { calls: 0, bytes: 0, moves: 0, updates: 0, order: 0, ms: 0, arrangeMs: 0, placeMs: 0, applyMs: 0, flushMs: 0, followMs: 0 };
    const a = TowardGlue.a11y;
    for (const [m, key] of [['arrange', 'arrangeMs'], ['place', 'placeMs'], ['apply', 'applyMs'], ['follow', 'followMs']]) {
      const f = a[m].bind(a);
      a[m] = function () { const t = performance.now(); const r = f.apply(null, arguments); window.__u[key] += performance.now() - t; return r; };
    }
    const root = document.getElementById('a11y-tree');
    const gb = root.getBoundingClientRect.bind(root);
    root.getBoundingClientRect = () => { const t = performance.now(); const r = gb(); window.__u.flushMs += performance.now() - t; return r; };
    const orig = TowardGlue.a11y.update.bind(TowardGlue.a11y);
    TowardGlue.a11y.update = (json) => { const t = performance.now(); orig(json); const u = window.__u; u.ms += performance.now() - t; u.calls++; u.bytes += json.length;
      const j = JSON.parse(json); u.moves += (j.m || []).length / 5; u.updates += (j.u || []).length; u.order += j.o ? 1 : 0; };
    window.towardTest.a11yEnabled(true, true);
    window.towardTest.frameStats(true);
  });
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink', transferMode: 'ReportEvents' });
  await page.mouse.move(455, height / 2);
  for (let k = 0; k < 24; k++) { await page.mouse.wheel(0, k % 24 < 12 ? 120 : -120); await sleep(30); }
  await settle(page, { minFrames: 0 });
  await cdp.send('Tracing.end');
  await done;
  const agg = {};
  for (const e of events) {
    if (e.ph !== 'X' && e.ph !== 'B') continue;
    const k = e.name; agg[k] = agg[k] || { n: 0, ms: 0, args: null };
    agg[k].n++; agg[k].ms += (e.dur || 0) / 1000; if (!agg[k].args && e.args && (e.args.elementCount || e.args.beginData)) agg[k].args = JSON.stringify(e.args).slice(0, 300);
  }
  const top = Object.entries(agg).sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
  for (const [k, v] of top) console.error(k, v.n, v.ms.toFixed(1), v.args || '');
  const ult = events.filter((e) => e.name === 'UpdateLayoutTree' && e.args && e.args.elementCount).map((e) => e.args.elementCount);
  console.error('UpdateLayoutTree elementCounts', ult.slice(0, 40).join(','));
  const lay = events.filter((e) => e.name === 'Layout' && e.args && e.args.beginData).map((e) => e.args.beginData.dirtyObjects + '/' + e.args.beginData.totalObjects);
  console.error('Layout dirty/total', lay.slice(0, 40).join(','));
  console.log(await page.evaluate(() => JSON.stringify({ u: window.__u, s: window.towardTest.frameStats(true), items: document.querySelectorAll('#a11y-tree .a11y-node').length })));
} finally { await profile.dispose(); await server.close(); }
