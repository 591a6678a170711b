// tests/strings/strings_audit.test.mjs: the strings audit. Every string a person may see (extract.mjs: the
// C++ of core/, plugins/ and web/, the glue JS people install, web/index.html) is checked against words
// and patterns Toward never says: failed, missed, streak, wrong, invalid, should, "error" as a headline,
// exclamation marks, raw machine words (QuotaExceededError, errno, work factor), and a moment word with a
// capital in the middle of a sentence ("started Yesterday"). The few kind uses of a forbidden word (a
// feeling's meaning) are listed in allowed.json, each with its reason. Runs with node --test, no browser:
//   node --test tests/strings/strings_audit.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStrings } from './extract.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const allowed = JSON.parse(fs.readFileSync(path.join(here, 'allowed.json'), 'utf8')).allowed;

// [name, pattern] of what a person never reads.
export const forbidden = [
  ['failed', /\bfail(ed|s|ure|ing)?\b/i],
  ['missed', /\bmiss(ed|ing a day)\b/i],
  ['streak', /\bstreaks?\b/i],
  ['wrong', /\bwrong\b/i],
  ['invalid', /\binvalid\b/i],
  ['should', /\bshould(n't| not)?\b/i],
  ['error as a headline', /^\s*(an? )?error\b/i],
  ['exclamation mark', /[A-Za-z)'"]!(\s|$|")/],
  ['machine words', /\b(QuotaExceededError|errno|Input\/output error|work factor|nullptr|exception)\b/i],
  ['an "us" that does not exist (Toward is not a company reading along)', /\bnot even us\b|\bwe (never|cannot|can't|will|keep|store|see)\b/i],
  ['telling someone how to feel', /\b(take a breath|calm down|cheer up)\b/i],
  ['"Mum or Dad" (a parent, or whoever raised them)', /\b(Mum|Dad|Mom)\b/],
  ['a capital in the middle of a sentence', /\b[a-z]+,? (Yesterday|Today|Tomorrow|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?! [A-Z])/],
];

function isAllowed(s) {
  return allowed.some((a) => a.file === s.file && (a.text.endsWith('...') ? s.text.startsWith(a.text.slice(0, -3)) : s.text === a.text));
}

// Findings over a list of {file, line, text}: [{file, line, text, rule}].
export function audit(strings) {
  const found = [];
  for (const s of strings) {
    for (const [rule, re] of forbidden) {
      if (re.test(s.text) && !isAllowed(s)) found.push({ ...s, rule });
    }
  }
  return found;
}

// Code that builds a sentence around formatShortWhen ("started " + formatShortWhen(...)) puts its
// capital ("Yesterday") mid-sentence; core::formatWhenInSentence is the word for that.
function shortWhenMidSentence() {
  const found = [];
  const dirs = ['core', 'plugins', 'web'];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) { if (name !== 'tests' && name !== 'bench') walk(full); continue; }
      if (!/\.(cpp|h)$/.test(name)) continue;
      const src = fs.readFileSync(full, 'utf8');
      const re = /"[^"]*[a-z,] "\s*\+\s*(core::)?formatShortWhen\(/g;
      let m;
      while ((m = re.exec(src))) found.push(`${path.relative(root, full)}: ${m[0]}`);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return found;
}

test('the audit reads the strings people see (a sample of known ones is found)', () => {
  const texts = new Set(extractStrings(root).map((s) => s.text));
  assert.ok(texts.size > 500, `only ${texts.size} strings found`);
  for (const known of ['Show this entry', 'It\'s too much right now', 'Weeks start on']) {
    assert.ok(texts.has(known), `"${known}" was not extracted`);
  }
});

test('the audit catches each forbidden word and pattern', () => {
  const samples = ['You failed to save', 'You missed a day', 'Your streak', 'Something went wrong', 'An invalid date',
    'You should write', 'Error: disk', 'Well done!', 'QuotaExceededError', 'nobody, not even us', 'Please take a breath', 'Dear Mum or Dad',
    'started Yesterday'];
  const caught = audit(samples.map((text) => ({ file: 'sample', line: 1, text })));
  assert.deepEqual(caught.map((c) => c.text), samples);
  assert.equal(audit([{ file: 'sample', line: 1, text: 'It is here, and you can stay with it.' }]).length, 0);
});

test('no string a person sees uses a forbidden word (allowed.json lists the kind exceptions)', () => {
  const found = audit(extractStrings(root));
  assert.deepEqual(found.map((f) => `${f.file}:${f.line} [${f.rule}] ${f.text}`), []);
});

test('every exception in allowed.json is still used (stale ones are taken out)', () => {
  const strings = extractStrings(root);
  for (const a of allowed) {
    assert.ok(strings.some((s) => s.file === a.file && isAllowed(s)), `not found any more: ${a.file}: ${a.text}`);
  }
});

test('no sentence puts formatShortWhen\'s capital in its middle', () => {
  assert.deepEqual(shortWhenMidSentence(), []);
});
