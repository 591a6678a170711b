// backup: the Backups page, driven like a person would (ImGui buttons found by role and name in the
// semantics mirror and clicked where they are drawn, text fields by their aria-labels). A backup made in the app downloads as toward-backup-YYYY-MM-DD.age,
// opens with Debian's real `age -d` and holds every record; it imports into a fresh profile with merge
// (every record there after a reload); a wrong passphrase shows a calm amber message and changes
// nothing. Screenshots of the export and import screens (desktop and phone) go to build/screenshots/
// (TOWARD_SHOTS overrides) for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, Profile, openApp, reloadApp, api, sleep, waitUntil, decodePng, openPage, ROOT, SLOWDOWN, clickRole, clickOn, settle, lockedVault, seedJournal } from './lib/harness.mjs';

const TYPE = 'journal.entry';
const PASS = 'river stones at dawn';
const SHOTS = process.env.TOWARD_SHOTS || path.join(ROOT, 'build/screenshots');
const AGE_PTY = path.join(ROOT, 'tests/interop/age_pty.py');
const WARNING = [0x8a, 0x6a, 0x1e];   // palette().warning, light theme
const ACCENT = [0x3b, 0x7a, 0x74];    // palette().accent, light theme (primary buttons)

let server;
let work;
before(async () => {
  server = await startServer();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'toward-backup-test-'));
  fs.mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const shot = (page, name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

// Pixels close to `rgb` inside a box of the page (CSS px = screenshot px at scale 1).
async function colourBox(page, rgb, box, tolerance = 14) {
  const img = decodePng(await page.screenshot());
  let n = 0, minY = Infinity, minX = Infinity, maxX = -1, maxY = -1;
  for (let y = Math.max(0, box.y); y < Math.min(img.height, box.y + box.h); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(img.width, box.x + box.w); x++) {
      const o = (y * img.width + x) * 4;
      if (Math.abs(img.rgba[o] - rgb[0]) <= tolerance && Math.abs(img.rgba[o + 1] - rgb[1]) <= tolerance &&
          Math.abs(img.rgba[o + 2] - rgb[2]) <= tolerance) {
        n++;
        minY = Math.min(minY, y); maxY = Math.max(maxY, y); minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      }
    }
  }
  return { n, minX, minY, maxX, maxY };
}

// The Backups page at 1280x720 (100 % text): where the "Choose a backup file..." button is drawn, kept only
// for the check that the file input lies over it (the drawn button has no node of its own: the input is
// it). Everything else is found by role and name (clickRole), and drawing checks look near those.
const DESKTOP = {
  chooseFile: [880, 337],
};

// Types into a field and waits until a frame has handed the words to the view (also under load). (It waited
// for two frames: a passphrase's words made the top bar say "Saving...", a second frame's change; they are
// not kept words, and the canvas does not change for them.)
async function fillPassphrase(page, label, value) {
  const frames = await api.framesRendered(page);
  await page.fill(`input[aria-label="${label}"]`, value);
  await waitUntil(async () => (await api.framesRendered(page)) > frames && !(await api.state(page)).typing, { message: 'a frame after typing' });
}

// The chooser now opens inside the click's own event, so Playwright must be intercepting choosers before
// the click (it starts to when the first listener is added, asynchronously): one listener for the page's life.
// Makes a backup through the page's form (both passphrase fields, then "Make a backup") and keeps its file in
// the work folder under `prefix`; returns the file's path.
async function makeBackupHere(page, prefix) {
  await openPage(page, 'backups');
  await fillPassphrase(page, 'Passphrase for the backup', PASS);
  await fillPassphrase(page, 'The same passphrase again', PASS);
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await clickRole(page, 'button', 'Make a backup');
  const d = await download;
  const file = path.join(work, prefix + d.suggestedFilename());
  fs.copyFileSync(await d.path(), file);
  return file;
}

async function interceptChoosers(page) {
  if (page.__intercepting) return;
  page.__intercepting = true;
  page.on('filechooser', () => {});
  await sleep(300);
}

async function pickFile(page, file) {
  await interceptChoosers(page);
  const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
  await page.locator('input.file-picker').click();   // the real file input over "Choose a backup file..."
  await (await chooser).setFiles(file);
  await page.waitForSelector('input[aria-label="Passphrase for this backup"]', { timeout: 10_000 });
}

test('a backup made in the app opens with age and merges into a fresh profile; a wrong passphrase changes nothing',
  { timeout: 240_000 }, async () => {
    const a = await Profile.launch();
    const b = await Profile.launch();
    try {
      // ---- profile A: some writing, one entry in the trash
      const page = await openApp(a, server.url);
      const texts = ['Über den Fluss: the long walk home', 'Heute war es leichter. 🌿', 'A letter I will not send'];
      const ids = [];
      for (const [i, text] of texts.entries()) {
        ids.push(await api.put(page, TYPE, { kind: 'free', title: `entry ${i}`, text }));
      }
      const trashedId = await api.put(page, TYPE, { kind: 'free', title: 'let go', text: 'something I let go' });
      await api.remove(page, TYPE, trashedId);
      await api.put(page, 'core.settings', { theme: 'system' }, 'app');   // the settings go in the backup too
      await api.flush(page);

      await openPage(page, 'backups');
      await fillPassphrase(page, 'Passphrase for the backup', PASS);
      await fillPassphrase(page, 'The same passphrase again', PASS);
      assert.equal(await page.inputValue('input[aria-label="Passphrase for the backup"]'), PASS);
      assert.equal(await page.getAttribute('input[aria-label="Passphrase for the backup"]', 'type'), 'password');
      await shot(page, 'backup-export-desktop');
      const download = page.waitForEvent('download', { timeout: 90_000 });
      await clickRole(page, 'button', 'Make a backup');
      await sleep(80);
      await shot(page, 'backup-export-busy-desktop');
      const d = await download;
      assert.match(d.suggestedFilename(), /^toward-backup-\d{4}-\d{2}-\d{2}\.age$/);
      const file = path.join(work, d.suggestedFilename());
      fs.copyFileSync(await d.path(), file);
      await sleep(300);
      await shot(page, 'backup-export-done-desktop');
      // The passphrase is gone from the fields once used.
      assert.equal(await page.inputValue('input[aria-label="Passphrase for the backup"]'), '');
      // The app remembers when.
      const state = await api.list(page, 'core.backup_state');
      assert.equal(state.length, 1);
      assert.ok(Date.now() - state[0].body.lastBackupMs < 120_000, JSON.stringify(state));
      assert.doesNotMatch(JSON.stringify(state), /river stones/);

      // ---- the real age opens it, and it holds every record
      const bytes = fs.readFileSync(file);
      assert.ok(bytes.subarray(0, 22).toString() === 'age-encryption.org/v1\n', 'a binary age file');
      const plain = path.join(work, 'backup.json');
      const r = spawnSync('python3', [AGE_PTY, PASS, '-d', '-o', plain, file], { encoding: 'utf8', timeout: 150_000 });
      assert.equal(r.status, 0, `age -d failed: ${r.stderr}`);
      const doc = JSON.parse(fs.readFileSync(plain, 'utf8'));
      assert.equal(doc.toward, 'backup');
      assert.equal(doc.format, 1);
      for (const [i, id] of ids.entries()) {
        const rec = doc.records.find((x) => x.type === TYPE && x.id === id);
        assert.ok(rec, `record ${id} in the backup`);
        assert.equal(rec.body.text, texts[i]);
      }
      assert.ok(doc.trash.some((x) => x.id === trashedId), 'the trashed entry is in the backup');
      const wrongAge = spawnSync('python3', [AGE_PTY, 'not the passphrase', '-d', '-o', plain + '.2', file], { encoding: 'utf8', timeout: 150_000 });
      assert.notEqual(wrongAge.status, 0);

      // ---- profile B (fresh): a wrong passphrase first
      const fresh = await openApp(b, server.url);
      await openPage(fresh, 'backups');
      await shot(fresh, 'backup-import-desktop');
      await pickFile(fresh, file);
      await fillPassphrase(fresh, 'Passphrase for this backup', 'not the passphrase');
      await clickRole(fresh, 'button', 'Open the backup');
      const openAt = await fresh.getByRole('button', { name: 'Open the backup', exact: true }).boundingBox();
      const amber = await waitUntil(async () => {
        // Under the button, across its column.
        const box = await colourBox(fresh, WARNING, { x: Math.round(openAt.x) - 10, y: Math.round(openAt.y), w: 480, h: 400 }, 10);
        return box.n > 30 ? box : null;
      }, { timeoutMs: 60_000, intervalMs: 500, message: 'the amber "different passphrase" message' });
      assert.ok(amber.minY > openAt.y + openAt.height / 2, 'the message sits under the button');  // a drawing check
      await shot(fresh, 'backup-import-wrong-passphrase-desktop');
      assert.deepEqual(await api.list(fresh, TYPE), [], 'nothing was added');
      assert.deepEqual(await api.trashList(fresh), [], 'nothing was trashed');
      assert.equal(await fresh.inputValue('input[aria-label="Passphrase for this backup"]'), '');

      // ---- the right passphrase, and Enter in the field (as the button: the form's convention): a preview,
      // then merge
      await fillPassphrase(fresh, 'Passphrase for this backup', PASS);
      await fresh.locator('input[aria-label="Passphrase for this backup"]').press('Enter');
      // The field goes away while the backup is opened, and stays away in the preview.
      await fresh.waitForSelector('input[aria-label="Passphrase for this backup"]', { state: 'detached', timeout: 30_000 });
      // The preview's main button.
      await fresh.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 60_000 });
      await shot(fresh, 'backup-import-preview-desktop');
      // What it holds, in plain words: the settings are "Your settings" (not "1 settings"), and the words'
      // dates are told apart from the backup's own.
      const preview = await fresh.evaluate(() => window.towardTest.drawnText());
      assert.match(preview, /^Your settings$/m);
      assert.doesNotMatch(preview, /\b\d+ settings\b/);
      assert.doesNotMatch(preview, /backup note/, 'the note of the last backup is bookkeeping, not listed');
      assert.match(preview, /Its words were written (on|between) /);
      assert.deepEqual(await api.list(fresh, TYPE), [], 'opening the backup changes nothing yet');
      await clickRole(fresh, 'button', 'Add it to what is here');
      await waitUntil(async () => (await api.list(fresh, TYPE)).length === ids.length,
        { timeoutMs: 30_000, message: 'the merged entries' });
      await sleep(300);
      await shot(fresh, 'backup-import-done-desktop');
      await api.flush(fresh);
      await reloadApp(fresh);
      const after = await api.list(fresh, TYPE);
      assert.equal(after.length, ids.length);
      for (const [i, id] of ids.entries()) {
        assert.equal(after.find((x) => x.id === id)?.body.text, texts[i], `entry ${id} after the reload`);
      }
      assert.ok((await api.trashList(fresh)).some((t) => t.id === trashedId), 'the trashed entry came along');
      a.assertNoErrors();
      b.assertNoErrors();
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });

test('replace keeps a safety snapshot, and "Restore the data from before the import" brings it back',
  { timeout: 240_000 }, async () => {
    const p = await Profile.launch();
    try {
      const page = await openApp(p, server.url);
      const kept = [];
      for (const text of ['first morning', 'second morning']) kept.push(await api.put(page, TYPE, { kind: 'free', text }));
      await api.flush(page);
      const file = await makeBackupHere(page, 'replace-');
      // Written after the backup: a replace takes it away, the restore brings it back.
      const later = await api.put(page, TYPE, { kind: 'free', text: 'written after the backup' });
      await api.flush(page);

      await pickFile(page, file);
      await fillPassphrase(page, 'Passphrase for this backup', PASS);
      await clickRole(page, 'button', 'Open the backup');
      await page.waitForSelector('input[aria-label="Passphrase for this backup"]', { state: 'detached', timeout: 30_000 });
      await clickRole(page, 'button', 'Replace what is here', { timeoutMs: 60_000 });
      await page.getByRole('button', { name: 'Yes, replace', exact: true }).waitFor({ state: 'attached', timeout: 20_000 });
      await shot(page, 'backup-import-replace-confirm-desktop');
      assert.equal((await api.list(page, TYPE)).length, 3, 'asking changes nothing');
      await clickRole(page, 'button', 'Yes, replace');
      await waitUntil(async () => (await api.list(page, TYPE)).length === 2, { timeoutMs: 30_000, message: 'the replace' });
      assert.deepEqual((await api.list(page, TYPE)).map((r) => r.id).sort(), [...kept].sort());
      await sleep(400);
      await shot(page, 'backup-import-replaced-desktop');
      // The restore button takes the place of "Choose a backup file...".
      await clickRole(page, 'button', 'Restore the data from before the import');
      await waitUntil(async () => (await api.list(page, TYPE)).length === 3, { timeoutMs: 30_000, message: 'the restore' });
      assert.ok((await api.list(page, TYPE)).some((r) => r.id === later));
      await sleep(400);
      await shot(page, 'backup-import-restored-desktop');
      await api.flush(page);
      await reloadApp(page);
      assert.equal((await api.list(page, TYPE)).length, 3);
      p.assertNoErrors();
    } finally {
      await p.dispose();
    }
  });

// Something to back up, and a reminder chosen for every 30 days that is due (the last backup 40 days ago).
async function reminderDue(page) {
  await api.put(page, TYPE, { kind: 'free', text: 'something worth keeping' });
  await api.put(page, 'core.backup_state', { lastBackupMs: Date.now() - 40 * 86400e3, reminderDays: 30 }, 'app');
}
const reminded = async (page) => /since your last backup/.test(await page.evaluate(() => window.towardTest.drawnText()));

test('the gentle reminder, when chosen and due, opens the Backups page', { timeout: 120_000 }, async () => {
  const p = await Profile.launch();
  try {
    const page = await openApp(p, server.url);
    assert.equal(await page.isVisible('input[aria-label="Passphrase for the backup"]'), false);
    await reminderDue(page);
    // Due while a page is open: it waits for the next page, and never pushes this one down mid-form.
    await settle(page, { minFrames: 2 });
    await sleep(300);
    assert.equal(await reminded(page), false, 'no reminder appears in the middle of a page');
    await openPage(page, 'letters');
    await waitUntil(() => reminded(page), { message: 'the reminder as the next page is shown' });
    await shot(page, 'backup-reminder-desktop');
    await clickRole(page, 'button', 'Make a backup');   // in the banner above the page
    await page.waitForSelector('input[aria-label="Passphrase for the backup"]', { timeout: 10_000 });
    p.assertNoErrors();
  } finally {
    await p.dispose();
  }
});

// "Not now" is kept in the backup note (schema 3, quietUntilMs): a reload does not bring the reminder back.
test('"Not now" on the reminder quiets it for a few days, across a reload', { timeout: 120_000 }, async () => {
  const p = await Profile.launch();
  try {
    const page = await openApp(p, server.url);
    await reminderDue(page);
    await openPage(page, 'letters');
    await waitUntil(() => reminded(page), { message: 'the reminder as the next page is shown' });
    await clickOn(page, page.getByRole('group', { name: 'A reminder about backups' }).getByRole('button', { name: 'Not now' }));
    await waitUntil(async () => !(await reminded(page)), { message: 'the reminder gone after "Not now"' });
    await api.flush(page);
    const kept = (await api.list(page, 'core.backup_state')).find((r) => r.id === 'app');
    const quiet = kept.body.quietUntilMs - Date.now();
    assert.ok(quiet > 2.9 * 86400e3 && quiet <= 3 * 86400e3, `quiet for ${quiet} ms`);
    await reloadApp(page);
    await openPage(page, 'journal');
    await openPage(page, 'letters');
    await settle(page, { minFrames: 2 });
    await sleep(300);
    assert.equal(await reminded(page), false, 'the reminder came back after a reload');
    p.assertNoErrors();
  } finally {
    await p.dispose();
  }
});

test('the Backups page at phone size (screenshots of export and import)', { timeout: 120_000 }, async () => {
  const p = await Profile.launch();
  try {
    const page = await openApp(p, server.url);
    await api.put(page, TYPE, { kind: 'free', title: 'phone', text: 'small screen' });
    await openPage(page, 'backups');   // at desktop size (on a phone it sits under "More"), then shrink
    await page.setViewportSize({ width: 390, height: 844 });
    await sleep(500);
    await shot(page, 'backup-export-phone');
    assert.ok(await page.isVisible('input[aria-label="The same passphrase again"]'));
    // Scroll down to the import part with the wheel, as a person on a phone would with a finger.
    await page.mouse.move(200, 400);
    await page.mouse.wheel(0, 800);
    await sleep(500);
    await shot(page, 'backup-import-phone');
    // The file chooser lies over its button; while a popup (the "More" pages) is open it steps aside, so the
    // popup's clicks are never taken for the chooser's.
    const picker = page.locator('input.file-picker');
    await waitUntil(async () => (await picker.count()) === 1 && (await picker.isVisible()), { message: 'the chooser over its button' });
    await clickRole(page, 'tab', 'More');
    await waitUntil(async () => !(await picker.isVisible()), { message: 'the chooser out of the way of the popup' });
    await shot(page, 'backup-more-open-phone');
    await page.mouse.click(100, 300);   // a click beside the popup closes it (a place on purpose: outside it)
    await waitUntil(async () => picker.isVisible(), { message: 'the chooser back once the popup closed' });
    p.assertNoErrors();
  } finally {
    await p.dispose();
  }
});

// A backup document of `n` journal entries, encrypted by toward-cli (work factor 10: quick to open).
function makeAgeFile(n, name) {
  const records = [];
  for (let i = 0; i < n; i++) {
    records.push({
      type: TYPE, id: `bulk-${String(i).padStart(5, '0')}`, schema: 1, revision: 1,
      createdMs: 1764000000000 + i * 1000, updatedMs: 1764000000000 + i * 1000,
      body: { kind: 'free', title: `bulk ${i}`, timeMs: 1764000000000 + i * 1000, text: `words ${i} `.repeat(60) },
    });
  }
  const json = path.join(work, `${name}.json`);
  fs.writeFileSync(json, JSON.stringify({ toward: 'backup', format: 1, createdMs: 1764100000000, app: '0.1.0', records, trash: [] }));
  const r = spawnSync(path.join(ROOT, 'build/native/toward-cli'), ['encrypt', json, '--work-factor', '10'],
    { env: { ...process.env, TOWARD_PASSPHRASE: PASS }, maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `toward-cli encrypt: ${r.stderr}`);
  const file = path.join(work, `${name}.age`);
  fs.writeFileSync(file, r.stdout);
  return file;
}

// Opens `file` on the Backups page and waits for the preview (its "Add it to what is here"): up to three
// minutes, as a 3,000-record file's opening under the sanitizer build on a slow, busy machine took over one.
async function openToPreview(page, file) {
  await pickFile(page, file);
  await fillPassphrase(page, 'Passphrase for this backup', PASS);
  await clickRole(page, 'button', 'Open the backup');
  await page.waitForSelector('input[aria-label="Passphrase for this backup"]', { state: 'detached', timeout: 30_000 });
  await page.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 180_000 });
}

test('the file chooser is a real file input over the drawn button: it opens in the click\'s own event',
  { timeout: 120_000 }, async () => {
    const p = await Profile.launch();
    try {
      const page = await openApp(p, server.url);
      await openPage(page, 'backups');
      const input = page.locator('input.file-picker[aria-label="Choose a backup file..."]');
      assert.equal(await input.count(), 1, 'one file input over the button');
      const box = await input.boundingBox();
      assert.ok(box.x <= DESKTOP.chooseFile[0] && DESKTOP.chooseFile[0] <= box.x + box.width &&
                box.y <= DESKTOP.chooseFile[1] && DESKTOP.chooseFile[1] <= box.y + box.height,
      `the input lies over the button (${JSON.stringify(box)})`);
      // A click where the button is drawn reaches the input itself (not the canvas a frame later): a place on
      // purpose, this checks where the input lies.
      await interceptChoosers(page);
      const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
      await page.mouse.click(...DESKTOP.chooseFile);
      const c = await chooser;
      assert.equal(await c.element().evaluate((el) => el.className), 'file-picker');
      assert.equal(c.isMultiple(), false);
      // Cancelling changes nothing; leaving the page takes the input away.
      await openPage(page, 'journal');
      assert.equal(await input.count(), 0, 'no file input left over another page');
      p.assertNoErrors();
    } finally {
      await p.dispose();
    }
  });

// A file that is no age file at all (a photo, random bytes) is told at once, kindly, before a passphrase is
// asked for (it was asked for and typed first), and said to a screen reader.
test('a file that is not a backup is told at once, before a passphrase is asked for', { timeout: 120_000 }, async () => {
  const p = await Profile.launch();
  try {
    const page = await openApp(p, server.url);
    await api.put(page, TYPE, { kind: 'free', title: 'kept', text: 'as it was' });
    await openPage(page, 'backups');
    await interceptChoosers(page);
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.locator('input.file-picker').click();
    const bytes = Buffer.alloc(3000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) & 255;
    await (await chooser).setFiles({ name: 'bad.age', mimeType: 'application/octet-stream', buffer: bytes });
    const words = 'This file is not a Toward backup. Perhaps another file was chosen by mistake? Nothing was changed.';
    await waitUntil(async () => (await page.evaluate(() => window.towardTest.drawnText())).replace(/\s+/g, ' ').includes(words),
      { message: 'the message' });
    assert.equal(await page.locator('input[aria-label="Passphrase for this backup"]').count(), 0, 'a passphrase was asked for');
    await waitUntil(async () => (await page.locator('#a11y-live').textContent()).includes(words), { message: 'the message said aloud' });
    assert.equal((await api.list(page, TYPE)).length, 1);
    p.assertNoErrors();
  } finally {
    await p.dispose();
  }
});

test('a merge of 3,000 records runs across frames under a progress bar, is saved only after the sync, and a reload part way loses nothing',
  { timeout: 300_000 }, async () => {
    const N = 3000;
    const file = makeAgeFile(N, 'bulk');
    const p = await Profile.launch();
    try {
      const page = await openApp(p, server.url);
      const mine = [];
      for (const text of ['mine, before the import', 'also mine']) mine.push(await api.put(page, TYPE, { kind: 'free', text }));
      await api.flush(page);
      await openPage(page, 'backups');

      // ---- first try: reloaded part way
      await openToPreview(page, file);
      await page.evaluate(() => window.towardTest.importRecordsPerFrame(40));   // slow enough to watch anywhere
      await page.evaluate(() => window.towardTest.frameStats(true));
      // Found by role, clicked without waiting for the frames: the merge is watched while it runs.
      await page.getByRole('button', { name: 'Add it to what is here', exact: true }).click({ force: true });
      const partWay = await waitUntil(async () => {
        const n = await page.evaluate((t) => window.towardTest.count(t), TYPE);
        return n > mine.length + 200 ? n : null;
      }, { timeoutMs: 60_000, intervalMs: 10, message: 'the merge under way' });
      // The progress bar, found by role and name, says how far along it is to a screen reader, and is drawn
      // (accent, part filled) while records come in, frame after frame.
      const progress = page.getByRole('progressbar', { name: 'Bringing your backup in', exact: true });
      const along = Number(await progress.getAttribute('aria-valuenow', { timeout: 5_000 }));
      assert.ok(along > 0 && along < 100, `the progress bar says how far along it is (${along})`);
      const at = await progress.boundingBox();
      const bar = await colourBox(page, ACCENT, { x: Math.round(at.x), y: Math.round(at.y), w: Math.round(at.width), h: Math.round(at.height) }, 6);
      await shot(page, 'backup-import-progress-desktop');
      const frames = await page.evaluate(() => window.towardTest.frameStats(false));
      assert.ok(bar.n > 500 && bar.maxX < at.x + at.width - 8, `a progress bar, part filled (${JSON.stringify(bar)}, ${JSON.stringify(at)})`);
      assert.ok(frames.frames >= 5, `frames keep being drawn during the merge (${JSON.stringify(frames)})`);
      assert.ok(partWay < N + mine.length, `stopped part way (${partWay})`);
      page.once('dialog', (d) => d.accept());   // "leave the page?" while not everything is saved: yes
      await reloadApp(page);
      const afterReload = await page.evaluate((t) => window.towardTest.count(t), TYPE);
      for (const id of mine) assert.ok((await api.list(page, TYPE)).some((r) => r.id === id), `my entry ${id} after the reload`);
      assert.ok(afterReload >= mine.length && afterReload <= N + mine.length, `after the reload: ${afterReload}`);

      // ---- again, to the end: every record, "saved" only once IndexedDB has them
      await openPage(page, 'backups');
      await openToPreview(page, file);
      await page.evaluate(() => window.towardTest.importRecordsPerFrame(0));
      await page.evaluate(() => window.towardTest.frameStats(true));
      // Found by role, clicked without waiting for the frames: the merge is watched while it runs.
      await page.getByRole('button', { name: 'Add it to what is here', exact: true }).click({ force: true });
      await waitUntil(async () => (await page.evaluate((t) => window.towardTest.count(t), TYPE)) === N + mine.length,
        { timeoutMs: 120_000, intervalMs: 20, message: 'every record merged' });
      const stats = await page.evaluate(() => window.towardTest.frameStats(true));
      assert.ok(stats.frames >= 2, `the merge took more than one frame (${JSON.stringify(stats)})`);
      assert.ok(stats.maxMs < 1000 * SLOWDOWN, `no frame froze the page (${JSON.stringify(stats)})`);
      await waitUntil(async () => (await api.state(page)).saved, { timeoutMs: 60_000, message: 'saved' });
      assert.ok((await page.evaluate(() => window.towardTest.lastSyncWrites())) > 0);
      await sleep(300);
      await shot(page, 'backup-import-merged-saved-desktop');
      // Nothing more to flush: the reload finds everything.
      await reloadApp(page);
      assert.equal(await page.evaluate((t) => window.towardTest.count(t), TYPE), N + mine.length);
      p.assertNoErrors();
    } finally {
      await p.dispose();
    }
  });

// Opening a chosen file is decrypted, read and checked a few milliseconds a frame under a progress bar (at
// 10,000 records it was one frame of 250 ms); leaving the page part way lets it go and changes nothing.
test('a large backup opens across frames under a progress bar, and leaving part way changes nothing', { timeout: 240_000 }, async () => {
  const N = 4000;
  const file = makeAgeFile(N, 'opening');
  const p = await Profile.launch();
  try {
    const page = await openApp(p, server.url);
    const mine = await api.put(page, TYPE, { kind: 'free', text: 'mine, before the opening' });
    await api.flush(page);
    await openPage(page, 'backups');
    await pickFile(page, file);
    await fillPassphrase(page, 'Passphrase for this backup', PASS);
    // Every value the opening's progress bar shows (the mirror's, as a screen reader hears it), looked at
    // between frames.
    const watch = () => page.evaluate(() => {
      window.__opening = new Set();
      window.__openingTimer = setInterval(() => {
        const bar = document.querySelector('[role="progressbar"][aria-label="Opening your backup"]');
        if (bar) window.__opening.add(Number(bar.getAttribute('aria-valuenow')));
      }, 2);
    });
    const seen = () => page.evaluate(() => { clearInterval(window.__openingTimer); return Array.from(window.__opening); });
    await watch();
    await page.evaluate(() => window.towardTest.frameStats(true));
    await clickRole(page, 'button', 'Open the backup');
    // (Under the sanitizer build on a slow machine the opening took over a minute: 8 ms a frame, and the frames late.)
    await page.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 180_000 });
    const values = await seen();
    const stats = await page.evaluate(() => window.towardTest.frameStats(true));
    console.log(`# opening ${N} records: progress seen ${values.sort((a, b) => a - b).join(', ')}; frames ${stats.frames}, longest ${stats.maxMs.toFixed(1)} ms`);
    assert.ok(values.filter((v) => v > 0 && v < 100).length >= 2, `the opening's progress, part way, more than once (${values.join(', ')})`);
    assert.ok(await page.getByText(/4,000 journal entr/).count() > 0 || (await page.evaluate(() => window.towardTest.drawnText())).includes('4,000'),
      'the preview counts every record');

    // Left part way (another page), nothing is opened or changed; the file stays chosen, to be opened again.
    await reloadApp(page);
    await openPage(page, 'backups');
    await page.evaluate(() => window.towardTest.importRecordsPerFrame(40));   // slow enough to leave part way anywhere
    await pickFile(page, file);
    await fillPassphrase(page, 'Passphrase for this backup', PASS);
    await page.getByRole('button', { name: 'Open the backup', exact: true }).click({ force: true });
    await waitUntil(() => page.evaluate(() => !!document.querySelector('[role="progressbar"][aria-label="Opening your backup"]')),
      { timeoutMs: 30_000, intervalMs: 2, message: 'the opening under way' });
    await openPage(page, 'journal');
    assert.equal(await page.evaluate((t) => window.towardTest.count(t), TYPE), 1, 'nothing came in');
    assert.equal((await api.list(page, TYPE))[0].id, mine);
    await openPage(page, 'backups');
    await page.getByText(/Opening the backup stopped when you left this page/).waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await page.getByRole('button', { name: 'Add it to what is here', exact: true }).count(), 0);
    p.assertNoErrors();
  } finally {
    await p.dispose();
  }
});

// The export form as a person uses it: a message about what was typed goes once they type again (it was
// left saying "choose a passphrase first" over two typed passphrases), and Enter in either field makes the
// backup, as the button does.
test('the backup form: a stale message goes when typing, and Enter makes the backup', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, TYPE, { kind: 'free', title: 'kept', text: 'words to back up' });
    await api.flush(page);
    await openPage(page, 'backups');
    const drawn = () => page.evaluate(() => window.towardTest.drawnText());
    await clickRole(page, 'button', 'Make a backup');
    await waitUntil(async () => (await drawn()).includes('Please choose a passphrase first.'), { message: 'the first message' });
    const first = page.locator('input[aria-label="Passphrase for the backup"]');
    await first.click();
    await page.keyboard.type(PASS);
    await waitUntil(async () => !(await drawn()).includes('Please choose a passphrase first.'), { message: 'the stale message gone' });
    const second = page.locator('input[aria-label="The same passphrase again"]');
    await second.click();
    await page.keyboard.type(PASS + ' not quite');
    await page.keyboard.press('Enter');
    await waitUntil(async () => (await drawn()).includes('The two passphrases are not the same yet.'), { message: 'Enter checks the two' });
    await second.fill('');
    await second.click();
    await page.keyboard.type(PASS);
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.keyboard.press('Enter');
    const d = await download;
    assert.match(d.suggestedFilename(), /^toward-backup-\d{4}-\d{2}-\d{2}\.age$/);
    assert.doesNotMatch(await drawn(), /not the same yet/);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// In a window too short for the whole page, "Bring back a backup" is reached by scrolling. The busy words
// stand in for the whole page while the backup opens, so its scroll went back to the top: the kind message
// after a wrong passphrase (and the preview after the right one) was out of sight, and nothing seemed to
// happen. Now what came of it is scrolled into view, and the field takes the keys again for another try.
test('in a short window, a wrong passphrase\'s message and then the preview are in view, and the field takes the keys again', { timeout: 180_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, TYPE, { text: 'Something kept here first.' });   // (no first-run passphrase card)
    await openPage(page, 'backups');   // at desktop size (on a phone it sits under "More"), then shrink
    await page.setViewportSize({ width: 390, height: 740 });
    await settle(page);
    await page.mouse.move(200, 300);
    for (let i = 0; i < 4; i++) { await page.mouse.wheel(0, 400); await settle(page); }
    await interceptChoosers(page);
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    await page.locator('input.file-picker').click();   // the real file input over "Choose a backup file..."
    await (await chooser).setFiles(path.join(ROOT, 'tests/fixtures/backup.v1.age'));
    await settle(page);
    await page.mouse.move(200, 150);
    for (let i = 0; i < 2; i++) { await page.mouse.wheel(0, 400); await settle(page); }
    await page.waitForSelector('input[aria-label="Passphrase for this backup"]', { timeout: 10_000 });
    await fillPassphrase(page, 'Passphrase for this backup', 'not the passphrase');
    await page.locator('input[aria-label="Passphrase for this backup"]').press('Enter');
    const message = page.locator('#a11y-tree').getByText(/different passphrase/);
    await waitUntil(async () => (await message.count()) > 0, { timeoutMs: 60_000, message: 'the wrong passphrase\'s message in view' });
    const box = await message.first().boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 740, `the message is out of view (${JSON.stringify(box)})`);
    await waitUntil(() => page.evaluate(() => document.activeElement.getAttribute('aria-label') === 'Passphrase for this backup'),
      { message: 'the passphrase field to take the keys again' });
    await page.keyboard.type('toward golden fixture');
    await page.keyboard.press('Enter');
    const add = page.getByRole('button', { name: 'Add it to what is here', exact: true });
    await add.waitFor({ state: 'attached', timeout: 60_000 });
    const heading = page.locator('#a11y-tree').getByText(/^This backup was made on /);
    await waitUntil(async () => (await heading.count()) > 0, { message: 'the preview\'s first line in view' });
    const h = await heading.first().boundingBox();
    assert.ok(h && h.y >= 0 && h.y + h.height <= 740, `the preview's first line is out of view (${JSON.stringify(h)})`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// The passphrase's scrypt (work factor 18: about a second, 256 MiB) runs in the key worker beside the page,
// for making a backup and for opening one: the page keeps answering meanwhile (it held one frame that long).
test('making and opening a backup: the passphrase\'s key is made beside the page, which keeps answering', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await api.put(page, TYPE, { kind: 'free', title: 'kept', text: 'words made into a backup beside the page' });
    await api.flush(page);
    await openPage(page, 'backups');
    const watchStalls = () => page.evaluate(() => {
      window.__gaps = { last: performance.now(), longest: 0, t0: performance.now() };
      window.__gapTimer = setInterval(() => {
        const now = performance.now();
        window.__gaps.longest = Math.max(window.__gaps.longest, now - window.__gaps.last);
        window.__gaps.last = now;
      }, 5);
    });
    const stalls = () => page.evaluate(() => {
      clearInterval(window.__gapTimer);
      return { longest: window.__gaps.longest, took: performance.now() - window.__gaps.t0 };
    });

    await fillPassphrase(page, 'Passphrase for the backup', PASS);
    await fillPassphrase(page, 'The same passphrase again', PASS);
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await watchStalls();
    await clickRole(page, 'button', 'Make a backup');
    const d = await download;
    const made = await stalls();
    console.log(`# making: ${made.took.toFixed(0)} ms, the page's longest stall ${made.longest.toFixed(0)} ms`);
    assert.equal(await page.evaluate(() => TowardKeyWork.answered), 1, 'the key was made in the key worker');
    assert.ok(made.longest < made.took * 0.5, `the page stalled ${made.longest.toFixed(0)} of ${made.took.toFixed(0)} ms`);
    const file = path.join(work, 'beside-' + d.suggestedFilename());
    fs.copyFileSync(await d.path(), file);

    // Once the file is chosen the keys are in its passphrase field (they stayed on the chooser): typed, Enter.
    await pickFile(page, file);
    await waitUntil(() => page.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Passphrase for this backup'),
      { message: 'the passphrase field has the keys once the file is chosen' });
    await page.keyboard.type(PASS);
    await watchStalls();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 60_000 });
    const opened = await stalls();
    console.log(`# opening: ${opened.took.toFixed(0)} ms, the page's longest stall ${opened.longest.toFixed(0)} ms`);
    assert.equal(await page.evaluate(() => TowardKeyWork.answered), 2, 'the key was made in the key worker');
    assert.ok(opened.longest < opened.took * 0.5, `the page stalled ${opened.longest.toFixed(0)} of ${opened.took.toFixed(0)} ms`);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A large store is copied for its backup a few records a frame (backup::DocumentCopier), and what is written
// meanwhile is in the backup as it is when the copy ends: a word saved while the copy runs is neither lost from
// it nor half in it. The copy was one frame (13 ms at 10,000 records) when "Make a backup" was pressed.
test('words saved while a backup is being copied are in it as they are at the end of the copy', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, 300, { batch: 300, textLength: 100, prefix: 'copied' });
    const first = (await api.list(page, TYPE)).map((r) => r.id).sort()[0];   // copied in the first steps
    await api.flush(page);
    await openPage(page, 'backups');
    await page.evaluate(() => window.towardTest.importRecordsPerFrame(4));   // the copy across many frames
    await fillPassphrase(page, 'Passphrase for the backup', PASS);
    await fillPassphrase(page, 'The same passphrase again', PASS);
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await clickRole(page, 'button', 'Make a backup');
    const bar = page.getByRole('progressbar', { name: 'Making your backup', exact: true });
    await waitUntil(async () => (await bar.count()) > 0 && Number(await bar.getAttribute('aria-valuenow')) > 0,
      { message: 'the copy under way' });
    const copying = Number(await bar.getAttribute('aria-valuenow'));
    assert.ok(copying < 10, `the copy was over (${copying} %) before anything was written`);
    const added = await api.put(page, TYPE, { kind: 'free', title: 'while copying', text: 'written while the backup was copied' });
    const old = (await api.list(page, TYPE)).find((r) => r.id === first);
    await api.put(page, TYPE, { ...old.body, text: 'changed after its copy was taken' }, first);
    await page.evaluate(() => window.towardTest.importRecordsPerFrame(0));
    const d = await download;
    const file = path.join(work, 'copying-' + d.suggestedFilename());
    fs.copyFileSync(await d.path(), file);
    const plain = path.join(work, 'copying.json');
    const r = spawnSync('python3', [AGE_PTY, PASS, '-d', '-o', plain, file], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, `age -d failed: ${r.stderr}`);
    const doc = JSON.parse(fs.readFileSync(plain, 'utf8'));
    const entries = doc.records.filter((x) => x.type === TYPE);
    assert.equal(entries.length, 301, 'every entry, and the one written meanwhile');
    assert.equal(entries.find((x) => x.id === added)?.body.text, 'written while the backup was copied');
    assert.equal(entries.find((x) => x.id === first)?.body.text, 'changed after its copy was taken');
    assert.equal(new Set(entries.map((x) => x.id)).size, 301, 'no entry twice');
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// A made file is handed to the browser a part a frame (256 KiB each), offered in a frame of its own, and the
// page notes it a frame later: copied out of the wasm heap at once, a backup of 10,000 records (13.6 MB) held
// one frame 30-60 ms. Leaving the page part way offers nothing and says so.
async function watchHandOver(page) {
  await page.evaluate(() => {
    const g = window.TowardGlue, seen = { parts: [], offers: [], drops: 0 };
    window.__handOver = seen;
    const part = g.downloadPart, offer = g.download, drop = g.downloadDrop;
    g.downloadPart = (bytes) => { seen.parts.push({ size: bytes.length, frame: window.towardTest.framesRendered() }); part(bytes); };
    g.download = (name, mime, bytes) => { seen.offers.push({ name, frame: window.towardTest.framesRendered() }); offer(name, mime, bytes); };
    g.downloadDrop = () => { seen.drops++; drop(); };
  });
}
const handOver = (page) => page.evaluate(() => window.__handOver);

test('a large backup is handed to the browser a part a frame and opens whole with age; leaving part way offers nothing', { timeout: 300_000 }, async () => {
  const N = 6000;   // about 8 MB: some 30 parts, so the page is left while they are handed over
  const profile = await Profile.launch();
  try {
    const page = await openApp(profile, server.url);
    await seedJournal(page, N, { batch: 500, textLength: 500, prefix: 'handed' });
    await api.flush(page);
    await watchHandOver(page);

    // ---- left part way: nothing is offered, the parts are let go, and the page says so on return
    await openPage(page, 'backups');
    await page.evaluate(() => window.towardTest.importRecordsPerFrame(1000));   // one part a frame (and the copy quick)
    await fillPassphrase(page, 'Passphrase for the backup', PASS);
    await fillPassphrase(page, 'The same passphrase again', PASS);
    await clickRole(page, 'button', 'Make a backup');
    await waitUntil(async () => (await handOver(page)).parts.length > 0, { timeoutMs: 180_000, message: 'the hand-over under way' });
    await openPage(page, 'journal');
    await sleep(1000);
    let seen = await handOver(page);
    assert.equal(seen.offers.length, 0, 'a backup left part way was offered');
    assert.equal(seen.drops, 1, 'the parts were not let go');
    assert.deepEqual(await page.evaluate(() => window.towardTest.downloads()), []);
    await openPage(page, 'backups');
    await page.getByText(/The backup was stopped when you left this page\. Nothing was changed\./).waitFor({ state: 'attached', timeout: 10_000 });

    // ---- made to the end
    await page.evaluate(() => { window.__handOver.parts = []; });
    await page.evaluate(() => window.towardTest.importRecordsPerFrame(1000));
    await fillPassphrase(page, 'Passphrase for the backup', PASS);
    await fillPassphrase(page, 'The same passphrase again', PASS);
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await clickRole(page, 'button', 'Make a backup');
    const d = await download;
    seen = await handOver(page);
    const frames = seen.parts.map((p) => p.frame);
    assert.ok(seen.parts.length >= 4, `${seen.parts.length} parts for ${N} entries`);
    assert.ok(seen.parts.slice(0, -1).every((p) => p.size === 256 * 1024), 'parts of 256 KiB, the last smaller');
    assert.equal(new Set(frames).size, frames.length, `one part a frame (frames ${frames.join(',')})`);
    assert.equal(seen.offers.length, 1);
    assert.ok(seen.offers[0].frame > frames[frames.length - 1], 'the file was offered in a frame after its last part');
    const file = path.join(work, 'handed-' + d.suggestedFilename());
    fs.copyFileSync(await d.path(), file);
    assert.equal(fs.statSync(file).size, seen.parts.reduce((n, p) => n + p.size, 0), 'the file is its parts');
    const plain = path.join(work, 'handed.json');
    const r = spawnSync('python3', [AGE_PTY, PASS, '-d', '-o', plain, file], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, `age -d failed: ${r.stderr}`);
    const doc = JSON.parse(fs.readFileSync(plain, 'utf8'));
    const texts = new Set(doc.records.filter((x) => x.type === TYPE).map((x) => x.body.text));
    assert.equal(texts.size, N, 'every entry, each once');
    const note = await page.evaluate(() => window.towardTest.drawnText());
    assert.match(note, /Your backup is ready: toward-backup-\d{4}-\d{2}-\d{2}\.age/);
    profile.assertNoErrors();
  } finally {
    await profile.dispose();
  }
});

// Where the key worker cannot start (its script refused here), every key is made in place as before: a backup
// made then opens with the passphrase, and opens in the app; the vault opens too.
test('with no key worker, a backup is made and opened in place all the same, and the vault opens', { timeout: 240_000 }, async () => {
  const profile = await Profile.launch(undefined, { serviceWorkers: 'block' });
  try {
    await profile.context.route('**/toward_key_worker.*', (route) => route.abort());
    const page = await openApp(profile, server.url);
    await api.put(page, TYPE, { kind: 'free', title: 'kept', text: 'words made into a backup in place' });
    await api.flush(page);
    const file = await makeBackupHere(page, 'in-place-');
    assert.equal(await page.evaluate(() => TowardKeyWork.answered), 0, 'no key came from a worker');
    // Debian's age opens it with the passphrase: the key was the passphrase's, not an empty answer's.
    const plain = path.join(work, 'in-place.json');
    const r = spawnSync('python3', [AGE_PTY, PASS, '-d', '-o', plain, file], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, `age -d failed: ${r.stderr}`);
    assert.match(fs.readFileSync(plain, 'utf8'), /words made into a backup in place/);

    await pickFile(page, file);
    await fillPassphrase(page, 'Passphrase for this backup', PASS);
    await page.locator('input[aria-label="Passphrase for this backup"]').press('Enter');
    await page.getByRole('button', { name: 'Add it to what is here', exact: true }).waitFor({ state: 'attached', timeout: 60_000 });

    await lockedVault(page, PASS, { enter: true });
    await waitUntil(async () => {
      const v = await page.evaluate(() => window.towardTest.vaultState());
      return v.status === 'unlocked' && !v.storeOpening;
    }, { timeoutMs: 30_000, message: 'the vault opened with the key made in place, and its records read' });
    assert.equal((await api.list(page, TYPE))[0].body.text, 'words made into a backup in place');
    assert.equal(await page.evaluate(() => TowardKeyWork.answered), 0);
  } finally {
    await profile.dispose();
  }
});
