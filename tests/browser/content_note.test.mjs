// content_note: an entry or a letter behind a content note is named by its note alone wherever it is
// listed: the journal list, "On this day", a calendar day's list, the Next session page, the Trash and the
// letters list. What the page drew is read through towardTest.drawnText() (the text of the labels, headings
// and list lines the last frame drew, read from its draw lists in the test build; not pixels), page by page after real clicks on
// the navigation and the calendar. Also takes the screenshots looked at for issue 14
// (build/screenshots/content-note-*.png, 1280x800 and 390x844).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, Profile, openApp, api, settle, openPage, press, clickRole, ROOT } from './lib/harness.mjs';

const SHOTS = path.join(ROOT, 'build/screenshots');
let server;
before(async () => { server = await startServer(); fs.mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await server?.close(); });

const bare = (s) => s.replace(/\s+/g, '');
// What the page drew once it has settled after the last change: {text, has(words)} (compared without
// spaces, which draw nothing).
async function drawn(page) {
  await settle(page, { minFrames: 0 });
  const text = await page.evaluate(() => window.towardTest.drawnText());
  return { text, has: (words) => bare(text).includes(bare(words)) };
}

function assertHidden(shown, where) {
  for (const secret of ['Hidden title', 'hidden words', 'HIDDENNAME', 'letter words']) {
    assert.ok(!shown.has(secret), `"${secret}" was drawn on ${where}:\n${shown.text}`);
  }
}

// The page's clock starts at midday on an ordinary day, so the run's own day cannot matter: near midnight
// "today's" entry was yesterday's (or last month's, on the 1st), and on 29 February "a year ago" is not a day.
const MIDDAY = new Date(2027, 5, 15, 12, 0, 0);   // 15 June 2027, 12:00 local time

async function seed(page) {
  const now = await page.evaluate(() => Date.now());
  const lastYear = new Date(now);
  lastYear.setFullYear(lastYear.getFullYear() - 1);
  await api.put(page, 'journal.entry', { title: 'Hidden title', text: 'hidden words of a hard day', contentNote: 'a hard memory',
    timeMs: lastYear.getTime() });
  await api.put(page, 'journal.entry', { text: 'hidden words from today', contentNote: 'about the call',
    bringToSession: true, timeMs: now - 60_000 });
  const gone = await api.put(page, 'journal.entry', { text: 'hidden words put aside', contentNote: 'put aside', timeMs: now - 120_000 });
  await api.remove(page, 'journal.entry', gone);
  await api.put(page, 'letters.letter', { recipientKind: 'parent', recipientName: 'HIDDENNAME', text: 'letter words',
    contentNote: 'about home', bringToSession: true });
}

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`a noted entry's words appear nowhere on the journal, calendar, next-session, trash and letters pages (${width}x${height})`, { timeout: 180_000 }, async () => {
    const profile = await Profile.launch();
    try {
      await profile.context.clock.install({ time: MIDDAY });
      await profile.context.clock.resume();   // time goes on as it does, from that midday
      const page = await openApp(profile, server.url);
      await page.setViewportSize({ width, height });
      await seed(page);
      // On a phone the Next session page and the Trash are under "More".
      const go = async (id) => {
        if (width < 800 && (id === 'next-session' || id === 'trash')) await press(page, 'more');
        await openPage(page, id);
      };
      const shot = (name) => page.screenshot({ path: path.join(SHOTS, `content-note-${name}-${width}.png`) });

      await openPage(page, 'journal');
      let text = await drawn(page);
      assert.ok(text.has('Content note: about the call'), `the journal list names the entry by its note:\n${text.text}`);
      // "On this day" sits beside the list where there is room, and above it on a phone.
      assert.ok(text.has('On this day, in earlier years'), `"On this day" is shown at ${width} px:\n${text.text}`);
      assert.ok(text.has('Content note: a hard memory'), `"On this day" names the entry by its note:\n${text.text}`);
      assertHidden(text, 'the journal');
      await shot('journal');

      await press(page, 'journal:calendar');
      // A screen reader finds the month's arrows and each day by its name (and the day's entries).
      await page.getByRole('button', { name: 'Previous month', exact: true }).waitFor({ state: 'attached' });
      assert.equal(await page.getByRole('button', { name: 'Next month', exact: true }).count(), 1);
      await clickRole(page, 'button', 'Tuesday 15 June 2027, 1 entry');
      text = await drawn(page);
      assert.ok(text.has('Content note: about the call'), `the day's list names the entry by its note:\n${text.text}`);
      assertHidden(text, 'the calendar');
      await shot('calendar');
      // The filters say the day picked as one day, not "from it to it".
      await clickRole(page, 'button', /^Filters/);
      text = await drawn(page);
      assert.ok(text.has('On Tuesday 15 June 2027') && !text.has('to Tuesday 15 June 2027'), `one day, said once:\n${text.text}`);

      await go('next-session');
      text = await drawn(page);
      assert.ok(text.has('What you want to bring') || text.has('next session'), `the Next session page is shown:\n${text.text}`);
      assert.ok(text.has('Content note: about the call'), `next session names the entry by its note:\n${text.text}`);
      assert.ok(text.has('Content note: about home'), `next session names the letter by its note:\n${text.text}`);
      assertHidden(text, 'the Next session page');
      await shot('next-session');

      await go('trash');
      text = await drawn(page);
      assert.ok(text.has('Content note: put aside'), `the trash names the entry by its note:\n${text.text}`);
      assertHidden(text, 'the Trash');
      await shot('trash');

      await openPage(page, 'letters');
      text = await drawn(page);
      assert.ok(text.has('Content note: about home'), `the letters list names the letter by its note:\n${text.text}`);
      assertHidden(text, 'the letters page');
      await shot('letters');
    } finally {
      await profile.close();
    }
  });
}
