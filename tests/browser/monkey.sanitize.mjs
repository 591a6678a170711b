// monkey: the short UI monkey run of ./scripts/test (tests/browser/lib/monkey.mjs), against the sanitizer
// build (scripts/test sets TOWARD_DIST=build/web-asan/dist): seeded random real input on the desktop and
// the phone viewport; any trap, sanitizer report, console or page error fails it with the seed and the
// steps. TOWARD_MONKEY_MS sets each run's length (default 45 s), TOWARD_MONKEY_SEEDS the seeds (default
// 1); scripts/monkey runs longer ones over many seeds.
import { test, before, after } from 'node:test';
import { startServer } from './lib/harness.mjs';
import { runMonkey, report } from './lib/monkey.mjs';

const MS = Number(process.env.TOWARD_MONKEY_MS || 45_000);
const SEEDS = (process.env.TOWARD_MONKEY_SEEDS || '1').split(',').map(Number);

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.close(); });

for (const kind of ['desktop', 'phone']) {
  for (const seed of SEEDS) {
    test(`monkey, ${kind}, seed ${seed}: random real input for ${MS / 1000} s leaves the app alive and quiet`, { timeout: MS + 120_000 }, async () => {
      const r = await runMonkey({ url: server.url, seed, durationMs: MS, kind });
      console.log(`# monkey ${kind} seed ${seed}: ${r.steps.length} steps, ${r.errors.length ? 'FAILED' : 'ok'}`);
      if (r.errors.length) throw new Error(report({ seed, kind, ...r }));
    });
  }
}
