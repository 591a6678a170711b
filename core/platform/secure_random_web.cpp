// core/platform/secure_random_web.cpp: secure_random.h in the browser (and under Node for the wasm tests):
// crypto.getRandomValues writes straight into the wasm memory, at most 65,536 bytes a call (its limit).
#include "core/platform/secure_random.h"

#include <emscripten.h>

// 1 when `size` bytes at `out` were filled, 0 when there is no crypto.getRandomValues here.
EM_JS(int, js_secure_random_fill, (unsigned char* out, int size), {
  try {
    crypto.getRandomValues(HEAPU8.subarray(out, out + size));
    return 1;
  } catch (e) {
    return 0;
  }
});

namespace toward::core::platform {

const size_t kSystemRandomMostAtOnce = 65536;

bool fillFromSystemRandom(unsigned char* out, size_t size) { return js_secure_random_fill(out, int(size)) == 1; }

}  // namespace toward::core::platform
