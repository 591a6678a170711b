// tests/browser/release_has_no_test_hooks.mjs: what people install carries no test hooks. Builds nothing
// and opens no browser: it reads build/web/dist (the release, ./scripts/build web) and build/web-test/dist
// (the test build, ./scripts/build web-test), and checks that the release's toward.js has no window.towardTest
// and no toward_test_* functions and that its toward.wasm exports none, while the test build has all of
// them (so the check cannot pass on a build that lost its names). scripts/test runs it after building all.
//   node --test tests/browser/release_has_no_test_hooks.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RELEASE = path.join(ROOT, 'build/web/dist');
const TEST_BUILD = path.join(ROOT, 'build/web-test/dist');

function read(dist, file) {
  const p = path.join(dist, file);
  assert.ok(fs.existsSync(p), `${p} is missing: run ./scripts/build web web-test first`);
  return fs.readFileSync(p);
}
const wasmExports = (dist) =>
  WebAssembly.Module.exports(new WebAssembly.Module(read(dist, 'toward.wasm'))).map((e) => e.name);

test('the release (build/web/dist) has no window.towardTest and no toward_test_ functions', () => {
  const js = read(RELEASE, 'toward.js').toString('utf8');
  assert.equal(js.includes('towardTest'), false, 'toward.js mentions towardTest');
  assert.equal(js.includes('toward_test_'), false, 'toward.js mentions toward_test_');
  const exports = wasmExports(RELEASE);
  assert.deepEqual(exports.filter((n) => n.includes('toward_test_')), [], 'toward.wasm exports test functions');
  // The names are readable (not minified), and the glue's own functions are there.
  for (const name of ['toward_flush_now', 'toward_is_saved', 'toward_recover_text']) {
    assert.ok(exports.includes(name), `toward.wasm exports ${name}`);
  }
});

test('the test build (build/web-test/dist) has them, so the check above means something', () => {
  const js = read(TEST_BUILD, 'toward.js').toString('utf8');
  assert.ok(js.includes('window.towardTest'), 'toward.js defines window.towardTest');
  assert.ok(js.includes('toward_test_put'), 'toward.js calls toward_test_put');
  const exports = wasmExports(TEST_BUILD);
  for (const name of ['toward_test_put', 'toward_test_state', 'toward_test_trap_next_frame']) {
    assert.ok(exports.includes(name), `toward.wasm exports ${name}`);
  }
});
