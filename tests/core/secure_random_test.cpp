// tests/core/secure_random_test.cpp: core/platform/secure_random.h fills exactly what it is asked to, in
// pieces larger than one call of the system's generator may give, and never the same bytes twice.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/platform/secure_random.h"

using toward::core::platform::secureRandomBytes;

TEST_CASE("[core] secure random bytes fill exactly the asked size, across the generator's own limits") {
  // 256 is getentropy's most a call (native), 65,536 crypto.getRandomValues's (the browser, Node).
  for (size_t size : {size_t(0), size_t(1), size_t(24), size_t(256), size_t(257), size_t(300), size_t(65536), size_t(70000)}) {
    CAPTURE(size);
    std::vector<unsigned char> a(size + 16, 0xA5), b(size + 16, 0xA5);
    secureRandomBytes(a.data() + 8, size);
    secureRandomBytes(b.data() + 8, size);
    // Nothing written before or after the asked bytes.
    for (size_t i = 0; i < 8; ++i) {
      CHECK(a[i] == 0xA5);
      CHECK(a[size + 8 + i] == 0xA5);
    }
    if (size >= 24) {
      // Two fills differ, and every part of a fill was written (a piece left untouched would still be 0xA5
      // throughout: 32 bytes of it by chance is out of reach).
      CHECK(!std::equal(a.begin() + 8, a.begin() + 8 + long(size), b.begin() + 8));
      for (size_t at = 8; at + 32 <= size + 8; at += 32) {
        CHECK(std::any_of(a.begin() + long(at), a.begin() + long(at) + 32, [](unsigned char c) { return c != 0xA5; }));
      }
    }
  }
}
