import fs from 'node:fs';
import { startServer, Profile, reloadApp, waitReady, api, seedJournal } from './lib/harness.mjs';
const server = await startServer({ dir: '/tmp/start16/prof/dist' });
const profile = await Profile.launch();
try {
  const page = await profile.newPage();
  await page.goto(server.url, { waitUntil: 'load' });
  await waitReady(page);
  await seedJournal(page, 10000, { batch: 500, textLength: 500, prefix: 'bench' });
  await api.flush(page);
  await reloadApp(page);
  const cdp = await profile.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // start profiling, then reload: the profiler keeps going across the navigation in the same renderer
  await cdp.send('Profiler.start');
  await page.reload({ waitUntil: 'load' });
  await waitReady(page, 120000);
  const { profile: prof } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const dt = prof.timeDeltas; const counts = new Map();
  prof.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
  for (const [id, t] of counts) { const n = byId.get(id); const k = n.callFrame.functionName || '(anon)'; self.set(k, (self.get(k) || 0) + t); }
  // inclusive times
  const parent = new Map(); for (const n of prof.nodes) for (const c of (n.children || [])) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, t] of counts) { const seen = new Set(); let cur = id; while (cur !== undefined) { const k = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + t); seen.add(k); } cur = parent.get(cur); } }
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, t]) => `${(t / 1000).toFixed(1)}ms ${k}`).join('\n');
  console.log('SELF\n' + top(self)); console.log('INCL\n' + top(incl));
  console.log(JSON.stringify(await page.evaluate(() => window.towardTest.startStats())));
} finally { await profile.dispose(); await server.close(); }
