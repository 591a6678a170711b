// core/platform/secure_random_web.cpp: secure_random.h in the browser (and under Node for the wasm tests):
// crypto.getRandomValues writes straight into the wasm memory, at most 65,536 bytes a call (its limit).
#include "core/platform/secure_random.h"

#include <emscripten.h>

// 1 when `size` bytes at `out` were filled, 0 when there is no secure generator here (said on the console).
// Browsers and Node 19+ have a global `crypto`; Node 17-18 have it only as require('crypto').webcrypto.
EM_JS(int, js_secure_random_fill, (unsigned char* out, int size), {
  try {
    var generator = (typeof crypto === 'object' && crypto && crypto.getRandomValues) ? crypto
      : (typeof process === 'object' && typeof require === 'function') ? require('crypto').webcrypto : null;
    generator.getRandomValues(HEAPU8.subarray(out, out + size));
    return 1;
  } catch (e) {
    console.error('Toward found no secure random generator here: ' + e);
    return 0;
  }
});

namespace toward::core::platform {

const size_t kSystemRandomMostAtOnce = 65536;

bool fillFromSystemRandom(unsigned char* out, size_t size) { return js_secure_random_fill(out, int(size)) == 1; }

}  // namespace toward::core::platform
