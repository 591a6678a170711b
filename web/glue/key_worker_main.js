// web/glue/key_worker_main.js: inside the key worker (--pre-js of toward_key_worker.js, web/key_worker.cpp).
// Each message { req, alg, pass, salt, ops, mem, log2n } is answered with { req, ok, key }: the passphrase's 32-byte
// key, or ok false. The passphrase's bytes are zeroed as soon as they are in the module's memory, and that
// memory is wiped before it is freed.
'use strict';

(function () {
  let started;
  const ready = new Promise((resolve) => { started = resolve; });
  Module.onRuntimeInitialized = () => started();
  // The module could not start or stopped (its compile refused, no memory): the page makes its keys in place.
  Module.onAbort = (what) => { self.postMessage({ stopped: String(what) }); };

  function derive(m) {
    const pass = m.pass, salt = m.salt;
    const p = Module._toward_key_alloc(pass.length), s = Module._toward_key_alloc(salt.length), o = Module._toward_key_alloc(32);
    try {
      HEAPU8.set(pass, p);
      pass.fill(0);
      HEAPU8.set(salt, s);
      const rc = m.alg === 'scrypt'
        ? Module._toward_key_scrypt(o, 32, p, pass.length, s, salt.length, m.log2n)
        : Module._toward_key_argon2id(o, 32, p, pass.length, s, salt.length, m.ops, m.mem);
      return rc === 0 ? HEAPU8.slice(o, o + 32) : null;
    } finally {
      Module._toward_key_free(p, pass.length);
      Module._toward_key_free(s, salt.length);
      Module._toward_key_free(o, 32);
    }
  }

  self.onmessage = (ev) => {
    const m = ev.data || {};
    ready.then(() => {
      let key = null;
      try { key = derive(m); } catch (e) { key = null; }
      if (m.pass && m.pass.fill) m.pass.fill(0);
      self.postMessage({ req: m.req, ok: !!key, key }, key ? [key.buffer] : []);
    });
  };
})();
