// tests/browser/bench_texture.mjs: the texture box's browser figures, in headless Chromium: 200 objects,
// each with its own photo (512x384 JPEGs made in the page, stored as texture.photo records), the box
// is opened and its grid scrolled from top to bottom and back with the mouse wheel, a little at a time.
// Prints our frame code's mean and worst time per frame (towardTest.frameStats: ImGui build plus GL
// submission, texture uploads included) and the photo textures held on the GPU (towardTest.
// texturePhotoStats: now and at the peak), which stay bounded however long the box is.
// Numbers never fail the run; only errors do.
//   node tests/browser/bench_texture.mjs      prints a small Markdown table
import { fileURLToPath } from 'node:url';
import { startServer, Profile, waitReady, api, sleep, openPage } from './lib/harness.mjs';

const log = (...a) => console.error('[bench-texture]', ...a);

export async function benchTexture({ url, objects = 200 } = {}) {
  const profile = await Profile.launch();
  try {
    const page = await profile.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitReady(page, 60_000);
    const t0 = Date.now();
    const photoBytes = await page.evaluate(async (n) => {
      let total = 0;
      for (let i = 0; i < n; i++) {
        const c = new OffscreenCanvas(512, 384);
        const ctx = c.getContext('2d');
        const g = ctx.createLinearGradient(0, 0, 512, 384);
        g.addColorStop(0, `hsl(${(i * 37) % 360}, 35%, 70%)`);
        g.addColorStop(1, `hsl(${(i * 37 + 60) % 360}, 30%, 45%)`);
        ctx.fillStyle = g;
        ctx.fillRect(0, 0, 512, 384);
        for (let k = 0; k < 40; k++) {   // some texture, so the JPEG is a realistic size
          ctx.fillStyle = `rgba(255,255,255,${(k % 5) / 10})`;
          ctx.beginPath();
          ctx.arc((k * 97 + i * 13) % 512, (k * 53 + i * 7) % 384, 6 + (k % 9) * 3, 0, Math.PI * 2);
          ctx.fill();
        }
        const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = '';
        for (let j = 0; j < bytes.length; j += 8192) bin += String.fromCharCode.apply(null, bytes.subarray(j, j + 8192));
        total += bytes.length;
        const photoId = window.towardTest.put('texture.photo', { mime: 'image/jpeg', width: 512, height: 384, data: btoa(bin) });
        const id = window.towardTest.put('texture.object', { name: 'Object ' + (i + 1), textures: ['soft'], order: i + 1, photoId });
        window.towardTest.put('texture.photo', { objectId: id, mime: 'image/jpeg', width: 512, height: 384, data: btoa(bin) }, photoId);
      }
      return total;
    }, objects);
    await api.flush(page);
    log(`seeded ${objects} objects with photos (${(photoBytes / 1024 / 1024).toFixed(1)} MB of JPEG) in ${Date.now() - t0} ms`);

    await page.evaluate(() => { window.towardTest.frameStats(true); window.towardTest.texturePhotoStats(true); });
    await openPage(page, 'texture_box');
    await sleep(1500);   // the first screenful of photos decodes and uploads
    const opening = await page.evaluate(() => window.towardTest.frameStats(true));
    await page.mouse.move(760, 450);
    const t1 = Date.now();
    for (const dir of [1, -1]) {
      for (let i = 0; i < 70; i++) {
        await page.mouse.wheel(0, dir * 120);
        await sleep(40);
      }
    }
    await sleep(1000);
    const scrollMs = Date.now() - t1;
    const scroll = await page.evaluate(() => window.towardTest.frameStats(true));
    const gpu = await page.evaluate(() => window.towardTest.texturePhotoStats(false));
    profile.assertNoErrors();
    return { objects, photoMB: photoBytes / 1024 / 1024, openingMaxMs: opening.maxMs, frames: scroll.frames,
      meanMs: scroll.meanMs, maxMs: scroll.maxMs, scrollMs, ...gpu };
  } finally {
    await profile.dispose();
  }
}

export function textureTable(r) {
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  return [
    '| objects with photos | frames while scrolling | mean ms / frame | worst ms / frame | worst frame while opening | longest upload / photo reading in a frame | photo textures now / at peak | GPU MB now / at peak | uploads |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${r.objects} (${r.photoMB.toFixed(1)} MB JPEG) | ${r.frames} | ${r.meanMs.toFixed(2)} | ${r.maxMs.toFixed(2)} | ${r.openingMaxMs.toFixed(1)} ms | ${r.maxUploadMs.toFixed(1)} / ${r.maxPrepareMs.toFixed(1)} ms | ${r.textures} / ${r.peakTextures} | ${mb(r.bytes)} / ${mb(r.peakBytes)} | ${r.uploads} |`,
    '',
    'targets: under 16 ms a frame from our code; photo textures bounded (at most 72 thumbnails of 192 px, about 10 MB)',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  try {
    console.log(textureTable(await benchTexture({ url: server.url })));
  } finally {
    await server.close();
  }
}
