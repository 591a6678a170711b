// tests/strings/extract.mjs: finds the strings a person may see in Toward's sources, for the strings audit
// (strings_audit.test.mjs). String literals in core/, plugins/ and web/ C++ (adjacent literals joined, as
// the compiler joins them), in the glue JS people install (web/glue, not test_api.js) and the text and
// labels of web/index.html. Only prose is kept: two or more words, or one capitalised word, and nothing
// that reads as code (ids, paths, formats, CSS, JSON). Tests and benchmarks are not read.
import fs from 'node:fs';
import path from 'node:path';

const skipDirs = new Set(['tests', 'bench', 'node_modules']);

function walk(dir, exts, out) {
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) { if (!skipDirs.has(name)) walk(full, exts, out); }
    else if (exts.some((e) => name.endsWith(e))) out.push(full);
  }
  return out;
}

// Replaces comments with spaces (keeping line numbers), leaving string and character literals alone.
function stripComments(src, js) {
  let out = '';
  for (let i = 0; i < src.length;) {
    const c = src[i];
    if (c === '"' || c === "'" || (js && c === '`')) {
      let j = i + 1;
      while (j < src.length && src[j] !== c) { if (src[j] === '\\') j++; if (src[j] === '\n' && c !== '`') break; j++; }
      out += src.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else { out += c; i++; }
  }
  return out;
}

function unescape(s) {
  return s.replace(/\\x([0-9A-Fa-f]{2})\\x([0-9A-Fa-f]{2})(\\x([0-9A-Fa-f]{2}))?/g, ' ')
    .replace(/\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\"/g, '"').replace(/\\'/g, "'").replace(/\\\\/g, '\\');
}

// C++: "..." literals (raw strings R"(...)" are JSON or code, skipped); adjacent ones joined.
function cppStrings(file) {
  const src = stripComments(fs.readFileSync(file, 'utf8'), false);
  const found = [];
  const lines = src.split('\n');
  let joined = null;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (/^\s*#\s*(include|pragma|error)/.test(line)) { joined = null; continue; }
    const re = /(R)?"((?:[^"\\]|\\.)*)"|(\S)/g;
    let m;
    while ((m = re.exec(line))) {
      if (m[1]) { joined = null; const close = line.indexOf(')"', m.index); re.lastIndex = close < 0 ? line.length : close + 2; continue; }
      if (m[3] !== undefined) {
        if (joined) { found.push(joined); joined = null; }
        continue;
      }
      if (joined) joined.text += unescape(m[2]);
      else joined = { file, line: n + 1, text: unescape(m[2]) };
    }
  }
  if (joined) found.push(joined);
  return found;
}

function jsStrings(file) {
  const src = stripComments(fs.readFileSync(file, 'utf8'), true);
  const found = [];
  src.split('\n').forEach((line, n) => {
    if (/console\.(log|warn|error|info)/.test(line)) return;  // the console is for whoever helps
    const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
    let m;
    while ((m = re.exec(line))) found.push({ file, line: n + 1, text: unescape(m[1] || m[2] || m[3] || '') });
  });
  return found;
}

function htmlStrings(file) {
  const src = fs.readFileSync(file, 'utf8').replace(/<script[\s\S]*?<\/script>/g, (s) => s.replace(/[^\n]/g, ' '))
    .replace(/<style[\s\S]*?<\/style>/g, (s) => s.replace(/[^\n]/g, ' '));
  const found = [];
  src.split('\n').forEach((line, n) => {
    for (const m of line.matchAll(/>([^<>]+)</g)) found.push({ file, line: n + 1, text: m[1].trim() });
    for (const m of line.matchAll(/(?:aria-label|title|placeholder|alt|content)="([^"]*)"/g)) found.push({ file, line: n + 1, text: m[1] });
  });
  return found;
}

// Prose a person reads, as opposed to ids, keys, formats and code.
export function isProse(text) {
  const t = text.trim();
  if (t.length < 2) return false;
  if (/[{};=<>]|=>|::|\|\||&&|\$\{|^\w+\(|https?:|^[\w.\/-]+$|%[0-9.]*[sdf]\b.*%|^#|^\.|^--/.test(t) && !/^[A-Z][a-z]+ [a-z]/.test(t)) return false;
  if (/^[a-z0-9_.\/-]+$/.test(t)) return false;          // ids, paths, keys
  if (/^[A-Z0-9_]+$/.test(t)) return false;               // constants
  if (/^[A-Za-z]+[A-Z][a-z]+$/.test(t) && !/ /.test(t)) return false;  // camelCase names
  return /[A-Za-z]{2,}/.test(t) && (/ /.test(t) || /^[A-Z][a-z]+/.test(t));
}

// Every prose string in the app's sources, each {file, line, text} with file relative to `root`.
export function extractStrings(root) {
  const files = [];
  for (const dir of ['core', 'plugins']) walk(path.join(root, dir), ['.cpp', '.h'], files);
  for (const name of fs.readdirSync(path.join(root, 'web'))) {
    if ((name.endsWith('.cpp') || name.endsWith('.h')) && name !== 'test_exports.cpp') files.push(path.join(root, 'web', name));
  }
  const out = [];
  for (const f of files) out.push(...cppStrings(f));
  for (const name of fs.readdirSync(path.join(root, 'web/glue'))) {
    if (name.endsWith('.js') && name !== 'test_api.js') out.push(...jsStrings(path.join(root, 'web/glue', name)));
  }
  out.push(...htmlStrings(path.join(root, 'web/index.html')));
  return out.filter((s) => isProse(s.text)).map((s) => ({ ...s, file: path.relative(root, s.file) }));
}
