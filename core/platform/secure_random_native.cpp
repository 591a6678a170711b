// core/platform/secure_random_native.cpp: secure_random.h natively: getentropy(3), the kernel's generator
// (getrandom(2), the source libsodium's own randombytes uses on Linux), at most 256 bytes a call.
#include "core/platform/secure_random.h"

#include <unistd.h>
#include <algorithm>
#include <cstdlib>

namespace toward::core::platform {

void secureRandomBytes(void* buffer, size_t size) {
  auto* out = static_cast<unsigned char*>(buffer);
  constexpr size_t kMostAtOnce = 256;
  while (size > 0) {
    const size_t n = std::min(size, kMostAtOnce);
    if (::getentropy(out, n) != 0) std::abort();
    out += n;
    size -= n;
  }
}

}  // namespace toward::core::platform
