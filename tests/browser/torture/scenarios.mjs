// tests/browser/torture/scenarios.mjs: the four things the torture suite kills the browser in the middle of.
// Each scenario has its own persistent profile. run(page, t) works until t.kill() has been called (by the
// runner's random timer or by the scenario at a random point of its own) and the page calls start to throw;
// verify(page, t) runs after the relaunch and returns what it found lost or changed.
//   saves:   records put and rewritten through the test API, some flushed (acknowledged), some not
//   typing:  words typed with the real keyboard into a new journal entry or the letter to the therapist
//   vault:   turning the vault on (sealing every file a few a frame), killed at a random point of it
//   import:  merging a backup through the Backups page, killed part way
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { api, press, openPage, waitUntil, sleep, decodePng, ROOT } from '../lib/harness.mjs';
import { randomText } from './ledger.mjs';

const ENTRY = 'journal.entry';
const PASS = 'torture river stones';
const SECRET = 'tortureplainword';

async function listAll(page, types) {
  const out = {};
  for (const t of types) out[t] = await api.list(page, t);
  return out;
}

// ------------------------------------------------------------------ saves through the test API
export const saves = {
  name: 'saves', damage: true, killAfterMs: [150, 4000],
  async run(page, t) {
    const ids = [...t.ledger.records.values()].map((r) => r.id);
    while (!t.killed) {
      const rewrite = ids.length && t.rand() < 0.3;
      const body = { kind: 'free', title: `t${t.cycle}`, text: randomText(t.rand, 40) };
      const id = rewrite ? t.rand.pick(ids) : `s${t.cycle}-${ids.length}`;
      if (!rewrite) ids.push(id);
      t.ledger.wrote(ENTRY, id, body);   // written before it is sent: a kill may land while it is stored
      await api.put(page, ENTRY, body, id);
      if (t.rand() < 0.3) { await api.flush(page); t.ledger.ackAll(); }
      if (t.rand() < 0.2) await sleep(t.rand.int(0, 300));
    }
  },
  async verify(page, t) { return t.ledger.check(await listAll(page, [ENTRY])); },
};

// ------------------------------------------------------------------ typing through the real editor
async function openEditor(page, t, kind) {
  if (kind === 'letters.letter') {
    await press(page, 'therapist');
    const area = page.locator('textarea[aria-label="Letter text"]');
    await area.waitFor({ state: 'visible', timeout: 15_000 });
    await area.click();
    await page.keyboard.press('Control+End');
    return area;
  }
  const area = page.locator('textarea[aria-label="Entry text"]');
  await openPage(page, 'journal');
  // "+ New entry", the accent-coloured button at the top of the journal list (lower when a notice is above it).
  const button = await waitUntil(async () => { const b = await accentBox(page, { x: 270, y: 0, w: 370, h: 420 }); return b.n > 500 ? b : null; },
    { timeoutMs: 10_000, intervalMs: 100, message: 'the "+ New entry" button' });
  await page.mouse.click(button.minX + 170, button.minY + 18);
  if (!(await area.waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false))) {
    if (t.workDir) await page.screenshot({ path: path.join(t.workDir, `no-new-entry-${t.cycle}.png`) }).catch(() => {});
    throw new Error(`"+ New entry" did not open an entry (what the page showed: no-new-entry-${t.cycle}.png)`);
  }
  await waitUntil(() => area.evaluate((el) => document.activeElement === el), { message: 'the entry text field to have focus' });
  return area;
}

const TYPED_WORDS = ['river', 'morning', 'quiet', 'garden', 'window', 'light', 'rain', 'friend', 'story', 'walk', 'coffee', 'slowly'];

export const typing = {
  name: 'typing', damage: true, killAfterMs: [1500, 16000],
  async run(page, t) {
    t.typed = t.typed || [];
    const kind = t.cycle % 2 ? 'letters.letter' : ENTRY;
    const token = `k${t.cycle}x${t.rand.int(100, 999)}`;
    const rec = { type: kind, token, id: null, acked: null, after: '' };
    t.typed.push(rec);
    await openEditor(page, t, kind);
    let all = '';
    const say = async (s) => { rec.after += s; all += s; await page.keyboard.type(s, { delay: t.rand.int(0, 30) }); };
    await say(`${token} `);
    while (!t.killed) {
      await say(`${t.rand.pick(TYPED_WORDS)} `);
      if (t.rand() < 0.4) {
        // Acknowledged: the app says saved, and the record holds every word typed so far.
        const found = await waitUntil(async () => {
          if (!(await api.state(page)).saved) return null;
          const r = (await api.list(page, kind)).find((x) => typeof x.body.text === 'string' && x.body.text.includes(token));
          return r && r.body.text.trimEnd().endsWith(all.trimEnd()) ? r : null;
        }, { timeoutMs: 20_000, intervalMs: 30, message: 'the typed words to be saved' });
        if (t.killed) break;
        if (rec.acked === null) t.ledger.acknowledged += 1;
        t.ledger.acknowledged += all.trim().split(/\s+/).length - (rec.words || 0);
        rec.words = all.trim().split(/\s+/).length;
        rec.id = found.id; rec.acked = found.body.text; rec.after = '';
        t.typed = t.typed.filter((r) => r === rec || r.type !== rec.type || r.id !== rec.id);   // the letter is one record
      }
    }
  },
  async verify(page, t) {
    const byType = await listAll(page, [ENTRY, 'letters.letter']);
    const { lost, changed } = t.ledger.check(byType);
    for (const rec of t.typed || []) {
      if (rec.acked === null) continue;   // nothing of it was acknowledged
      const found = byType[rec.type].find((x) => x.id === rec.id);
      if (!found) { lost.push(`${rec.type}/${rec.id} (${rec.token})`); continue; }
      const text = found.body.text;
      const ok = typeof text === 'string' && text.trimEnd().startsWith(rec.acked.trimEnd()) &&
        (rec.acked + rec.after).startsWith(text.trimEnd());
      if (!ok) changed.push(`${rec.type}/${rec.id}: acknowledged ${JSON.stringify(rec.acked)} then typed ${JSON.stringify(rec.after)}, found ${JSON.stringify(text)}`);
      rec.acked = text; rec.after = '';
    }
    return { lost, changed };
  },
};

// ------------------------------------------------------------------ turning the vault on
const vaultState = (page) => page.evaluate(() => window.towardTest.vaultState());

async function vaultSettled(page) {
  return waitUntil(async () => { const s = await vaultState(page); return s.migrating ? null : s; },
    { timeoutMs: 120_000, intervalMs: 50, message: 'the vault to finish sealing or opening files' });
}

export const vault = {
  name: 'vault', damage: false, killAfterMs: [60_000, 60_000],
  async opened(page) {
    // After a kill the vault may be on (locked): open it, as a person would, and let a migration finish.
    const s = await vaultState(page);
    if (s.status === 'locked') {
      const r = await page.evaluate((p) => window.towardTest.vaultUnlock(p), PASS);
      if (!r.ok) throw new Error(`the vault did not open with its passphrase: ${JSON.stringify(r)}`);
    }
    return vaultSettled(page);
  },
  async run(page, t) {
    let s = await vaultSettled(page);
    if (s.status !== 'off') {
      const r = await page.evaluate((p) => window.towardTest.vaultDisable(p), PASS);
      if (!r.ok) throw new Error(`the vault did not turn off: ${JSON.stringify(r)}`);
      s = await vaultSettled(page);
    }
    const n = t.rand.int(40, 160);
    const base = t.ledger.records.size;
    for (let i = 0; i < n; i++) {
      const body = { kind: 'free', title: `v${t.cycle}`, text: `${SECRET} ${randomText(t.rand, 30)}` };
      t.ledger.wrote(ENTRY, `v${t.cycle}-${base + i}`, body);
      await api.put(page, ENTRY, body, `v${t.cycle}-${base + i}`);
    }
    await api.flush(page);
    t.ledger.ackAll();
    const at = t.rand() * 1.15;   // kill when this share of the files is sealed (over 1: just after)
    const begun = await page.evaluate((p) => window.towardTest.vaultBeginEnable(p), PASS);
    if (!begun.ok) throw new Error(`the vault did not begin: ${JSON.stringify(begun)}`);
    for (;;) {
      s = await vaultState(page);
      if (at <= 1 && s.progress >= at) break;
      if (!s.migrating) { await sleep(t.rand.int(0, 1500)); break; }
      await sleep(10);
    }
    t.kill();
  },
  async verify(page, t) {
    const result = t.ledger.check(await listAll(page, [ENTRY]));
    const s = await vaultState(page);
    if (s.status !== 'off') {
      await api.flush(page);
      const plain = await page.evaluate((w) => window.towardTest.dataFilesContaining(w), SECRET);
      if (plain.length) result.changed.push(`the vault is on but ${plain.length} files hold plain words: ${plain.slice(0, 3).join(', ')}`);
    }
    return result;
  },
};

// ------------------------------------------------------------------ importing a backup
const ACCENT = [0x3b, 0x7a, 0x74];   // palette().accent, light theme (primary buttons)
const SCREEN = { chooseFile: [880, 337], openBackup: [860, 445], preview: { x: 787, y: 300, w: 470, h: 410 } };

// Where the accent colour (the "Add it to what is here" button) is drawn inside box.
async function accentBox(page, box) {
  const img = decodePng(await page.screenshot());
  let n = 0, minX = Infinity, minY = Infinity;
  for (let y = box.y; y < Math.min(img.height, box.y + box.h); y++) {
    for (let x = box.x; x < Math.min(img.width, box.x + box.w); x++) {
      const o = (y * img.width + x) * 4;
      if ([0, 1, 2].every((c) => Math.abs(img.rgba[o + c] - ACCENT[c]) <= 6)) { n++; minX = Math.min(minX, x); minY = Math.min(minY, y); }
    }
  }
  return { n, minX, minY };
}

function makeBackup(dir, records) {
  const json = path.join(dir, 'backup.json');
  fs.writeFileSync(json, JSON.stringify({ toward: 'backup', format: 1, createdMs: 1764100000000, app: '0.1.0', records, trash: [] }));
  const r = spawnSync(process.env.TOWARD_CLI || path.join(ROOT, 'build/native/toward-cli'), ['encrypt', json, '--work-factor', '10'],
    { env: { ...process.env, TOWARD_PASSPHRASE: PASS }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`toward-cli encrypt: ${r.stderr}`);
  const file = path.join(dir, 'backup.age');
  fs.writeFileSync(file, r.stdout);
  return file;
}

export const importing = {
  name: 'import', damage: false, killAfterMs: [60_000, 60_000],
  async run(page, t) {
    for (let i = 0; i < 3; i++) {
      const body = { kind: 'free', title: `mine ${t.cycle}`, text: randomText(t.rand, 20) };
      t.ledger.wrote(ENTRY, `m${t.cycle}-${i}`, body);
      await api.put(page, ENTRY, body, `m${t.cycle}-${i}`);
    }
    await api.flush(page);
    t.ledger.ackAll();
    const n = t.rand.int(150, 500);
    const records = [];
    for (let i = 0; i < n; i++) {
      const ms = 1764000000000 + i * 1000;
      const body = { kind: 'free', title: `imported ${t.cycle}/${i}`, timeMs: ms, text: randomText(t.rand, 30) };
      records.push({ type: ENTRY, id: `i${t.cycle}-${String(i).padStart(4, '0')}`, schema: 1, revision: 1, createdMs: ms, updatedMs: ms, body });
    }
    const file = makeBackup(t.workDir, records);
    await openPage(page, 'backups');
    if (!page.__choosers) { page.__choosers = true; page.on('filechooser', () => {}); await sleep(300); }
    const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
    await page.mouse.click(...SCREEN.chooseFile);
    await (await chooser).setFiles(file);
    const pass = 'input[aria-label="Passphrase for this backup"]';
    await page.waitForSelector(pass, { timeout: 15_000 });
    const frames = await api.framesRendered(page);
    await page.fill(pass, PASS);
    await waitUntil(async () => (await api.framesRendered(page)) >= frames + 2, { message: 'frames after typing' });
    await page.mouse.click(...SCREEN.openBackup);
    await page.waitForSelector(pass, { state: 'detached', timeout: 60_000 });
    const add = await waitUntil(async () => { const b = await accentBox(page, SCREEN.preview); return b.n > 500 ? b : null; },
      { timeoutMs: 60_000, intervalMs: 200, message: 'the preview of the backup' });
    await page.evaluate((k) => window.towardTest.importRecordsPerFrame(k), t.rand.int(5, 60));
    for (const r of records) t.ledger.wrote(ENTRY, r.id, r.body);
    const before = await page.evaluate((ty) => window.towardTest.count(ty), ENTRY);
    const at = t.rand() < 0.3 ? n : Math.floor(t.rand() * n);   // kill when this many have come in (n: after the end)
    await page.mouse.click(add.minX + 40, add.minY + 12);
    for (;;) {
      const got = (await page.evaluate((ty) => window.towardTest.count(ty), ENTRY)) - before;
      if (got >= Math.min(at, n)) break;
      await sleep(5);
    }
    if (at >= n) {
      await api.flush(page);
      t.ledger.ackAll();
      await sleep(t.rand.int(0, 800));
    }
    t.kill();
  },
  async verify(page, t) { return t.ledger.check(await listAll(page, [ENTRY])); },
};

export const SCENARIOS = [saves, typing, vault, importing];
