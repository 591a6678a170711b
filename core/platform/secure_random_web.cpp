// core/platform/secure_random_web.cpp: secure_random.h in the browser (and under Node for the wasm tests):
// crypto.getRandomValues writes straight into the wasm memory, at most 65,536 bytes a call (its limit).
#include "core/platform/secure_random.h"

#include <emscripten.h>
#include <algorithm>
#include <cstdlib>

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

void secureRandomBytes(void* buffer, size_t size) {
  auto* out = static_cast<unsigned char*>(buffer);
  constexpr size_t kMostAtOnce = 65536;
  while (size > 0) {
    const size_t n = std::min(size, kMostAtOnce);
    if (js_secure_random_fill(out, int(n)) != 1) std::abort();
    out += n;
    size -= n;
  }
}

}  // namespace toward::core::platform
