// web/glue/pictures.js: photos for the texture box, decoded and downscaled by the browser. Included with
// --pre-js after text_fields.js (it opens the chooser with TowardGlue.chooseFile); adds TowardGlue.images,
// which core/platform/platform_web.cpp calls, and answers through toward_platform_image_done.
'use strict';

(function (glue) {
  const state = glue.state;

  // Photos for the texture box. pick(): a hidden <input type=file accept="image/*"> (on phones the
  // system offers the gallery and the camera), checked against the limits before decoding (file size)
  // and after (pixel size), decoded by the browser (createImageBitmap), downscaled on a canvas, and
  // handed to C++ as JPEG bytes and RGBA pixels. decode(): stored JPEG bytes back to RGBA pixels for
  // drawing. Answers go to toward_platform_image_done(req, status, ...): status 0 ok, 1 cancelled,
  // 2 file too large, 3 too many pixels, 4 unreadable. Nothing leaves the device.
  const images = {
    deliver(req, status, inputBytes, sw, sh, w, h, jpeg, rgba) {
      if (!state.started || state.crashed) return;
      const jl = jpeg ? jpeg.length : 0, rl = rgba ? rgba.length : 0;
      const jp = jl ? Module._toward_platform_image_alloc(jl) : 0;
      if (jp) HEAPU8.set(jpeg, jp);
      const rp = rl ? Module._toward_platform_image_alloc(rl) : 0;
      if (rp) HEAPU8.set(rgba, rp);   // (HEAPU8 is read again: the allocation may have grown memory)
      Module._toward_platform_image_done(req, status, inputBytes, sw, sh, w, h, jp, jp ? jl : 0, rp, rp ? rl : 0);
      glue.wake();
    },
    canvas(w, h) {
      if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(w, h);
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      return c;
    },
    // Draws a bitmap no larger than maxSide on the long side; white behind transparent parts (JPEG).
    draw(bitmap, maxSide) {
      const s = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height, 1));
      const w = Math.max(1, Math.round(bitmap.width * s)), h = Math.max(1, Math.round(bitmap.height * s));
      const c = this.canvas(w, h);
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, w, h);
      return { c, ctx, w, h };
    },
    jpeg(c) {
      if (c.convertToBlob) return c.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('no blob'))), 'image/jpeg', 0.85));
    },
    load(req, file, maxSide, maxBytes, maxSourceSide) {
      const size = file.size;
      if (size > maxBytes) { this.deliver(req, 2, size, 0, 0, 0, 0, null, null); return; }
      let bw = 0, bh = 0;
      createImageBitmap(file).then((bitmap) => {
        bw = bitmap.width; bh = bitmap.height;
        if (Math.max(bw, bh) > maxSourceSide) { bitmap.close(); this.deliver(req, 3, size, bw, bh, 0, 0, null, null); return undefined; }
        const d = this.draw(bitmap, maxSide);
        bitmap.close();
        const pixels = d.ctx.getImageData(0, 0, d.w, d.h).data;
        return this.jpeg(d.c).then((blob) => blob.arrayBuffer()).then((buf) => {
          this.deliver(req, 0, size, bw, bh, d.w, d.h, new Uint8Array(buf), new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length));
        });
      }).catch(() => this.deliver(req, 4, size, bw, bh, 0, 0, null, null));
    },
    pick(req, maxSide, maxBytes, maxSourceSide) {
      // No "capture": phones then offer both the gallery and the camera.
      glue.chooseFile('image/*', (file) => {
        if (file) this.load(req, file, maxSide, maxBytes, maxSourceSide);
        else this.deliver(req, 1, 0, 0, 0, 0, 0, null, null);
      });
    },
    // ptr/size: JPEG bytes in wasm memory, kept by C++ until the answer; read after the current frame.
    decode(req, ptr, size, maxSide) {
      setTimeout(() => this.decodeNow(req, HEAPU8.slice(ptr, ptr + size), maxSide), 0);
    },
    decodeNow(req, bytes, maxSide) {
      createImageBitmap(new Blob([bytes], { type: 'image/jpeg' })).then((bitmap) => {
        const d = this.draw(bitmap, maxSide);
        const bw = bitmap.width, bh = bitmap.height;
        bitmap.close();
        const pixels = d.ctx.getImageData(0, 0, d.w, d.h).data;
        this.deliver(req, 0, bytes.length, bw, bh, d.w, d.h, null, new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.length));
      }).catch(() => this.deliver(req, 4, bytes.length, 0, 0, 0, 0, null, null));
    },
  };


  glue.images = images;
})(TowardGlue);
