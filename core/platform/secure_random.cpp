// core/platform/secure_random.cpp: secure_random.h's one loop over the system's generator, which each build
// (secure_random_web.cpp, secure_random_native.cpp) reaches in its own way and its own largest piece.
#include "core/platform/secure_random.h"

#include <algorithm>
#include <cstdlib>

namespace toward::core::platform {

void secureRandomBytes(void* buffer, size_t size) {
  auto* out = static_cast<unsigned char*>(buffer);
  while (size > 0) {
    const size_t n = std::min(size, kSystemRandomMostAtOnce);
    if (!fillFromSystemRandom(out, n)) std::abort();
    out += n;
    size -= n;
  }
}

}  // namespace toward::core::platform
