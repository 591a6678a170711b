#!/usr/bin/env node
// scripts/lib/make_sw.mjs DIST TEMPLATE_DIR: finishes a web build for offline use. Computes the build's
// content hash over every file the app needs, writes DIST/sw.js from web/sw.js with that hash and the
// file list, and stamps the hash into DIST/index.html (<meta name="toward-build">).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const [dist, templates] = process.argv.slice(2);
const listFiles = (dir, prefix = '') => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? listFiles(path.join(dir, e.name), prefix + e.name + '/') : [prefix + e.name]);

const files = listFiles(dist).filter((f) => f !== 'sw.js' && !f.endsWith('.map')).sort();
const indexTemplate = fs.readFileSync(path.join(templates, 'index.html'), 'utf8');
const swTemplate = fs.readFileSync(path.join(templates, 'sw.js'), 'utf8');
const hash = crypto.createHash('sha256');
for (const f of files) {
  const content = f === 'index.html' ? indexTemplate : fs.readFileSync(path.join(dist, f));
  hash.update(f + '\0').update(crypto.createHash('sha256').update(content).digest());
}
hash.update(swTemplate);
const build = hash.digest('hex').slice(0, 16);

fs.writeFileSync(path.join(dist, 'index.html'), indexTemplate.replaceAll('__BUILD__', build));
const precache = ['./', ...files];
fs.writeFileSync(path.join(dist, 'sw.js'),
  swTemplate.replace("'__BUILD__'", JSON.stringify(build)).replace('__FILES__', JSON.stringify(precache)));
console.log(`[build] offline build ${build}: ${precache.length} files precached`);
