// lib/held_read_dist.mjs: test only. A copy of the test build whose page runs lib/hold_read.js before
// early_read.js (for engines whose drivers cannot run a script before the page's own: WebKit's WebDriver),
// and the checks of the start before IndexedDB's whole read that every engine gets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { DIST, waitUntil } from './harness.mjs';

const HOLD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hold_read.js');

// Makes the copy (a temporary folder) and returns its path.
export function heldReadDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-held-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.copyFileSync(HOLD, path.join(dir, 'hold_read.js'));
  const index = path.join(dir, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const withHold = html.replace('<script src="early_read.js"></script>', '<script src="hold_read.js"></script>\n  <script src="early_read.js"></script>');
  if (withHold === html) throw new Error('index.html has no early_read.js script to put the hold before');
  fs.writeFileSync(index, withHold);
  return dir;
}

// With `count` journal entries kept (the engine open on the copy's page): a reload holding the whole read
// draws its first frame (the opening screen) with nothing listed, and once let go everything is there.
// `reloadNoWait`: a reload that waits for the page's load event, not for the app.
export async function assertStartBeforeWholeRead(engine, reloadNoWait, count) {
  await engine.evaluate(`(localStorage.setItem('towardHoldRead', '1'), true)`);
  try {
    await reloadNoWait();
    await waitUntil(() => engine.evaluate(`!!(window.towardTest && window.towardTest.firstFrameMs() !== null)`).catch(() => false),
      { timeoutMs: 60_000, message: 'a first frame while the whole read is held' });
    const early = await engine.evaluate(`JSON.stringify({ held: window.towardReadHeld, stats: window.towardTest.startStats(),
      listed: window.towardTest.count('journal.entry'), opened: window.towardTest.openedMs() })`).then(JSON.parse);
    assert.equal(early.held, true, 'the whole read was not the one held');
    assert.ok(early.stats.early.firstWritten !== undefined, `the first frame waited for the whole read: ${JSON.stringify(early.stats)}`);
    assert.equal(early.listed, 0, 'entries were listed before the whole read came');
    assert.equal(early.opened, null, 'everything was open before the whole read came');
    await engine.evaluate(`(localStorage.removeItem('towardHoldRead'), window.towardReleaseRead(), true)`);
    await engine.evaluate(`window.towardTest.ready().then(() => true)`);
    assert.equal(await engine.evaluate(`window.towardTest.count('journal.entry')`), count, 'entries missing once the whole read came');
  } finally {
    await engine.evaluate(`(localStorage.removeItem('towardHoldRead'), true)`).catch(() => undefined);
  }
}

// Puts `count` journal entries and waits until they are saved.
export const seedEntries = (engine, count) => engine.evaluate(`(async () => {
  for (let i = 0; i < ${count}; i++) window.towardTest.put('journal.entry', { kind: 'free', title: 'held ' + i, text: 'kept through a held read' });
  await window.towardTest.flush();
  return true;
})()`);
