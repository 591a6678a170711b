// core/platform/secure_random.h: random bytes from the system's cryptographically secure generator, for the
// vault's keys, salts and nonces. secure_random.cpp, and one of secure_random_web.cpp and
// secure_random_native.cpp by build (the generator itself and how much one call of it gives).
// Why not libsodium's randombytes_buf everywhere: built for the web (libsodium 1.0.18), it asks JavaScript
// for each byte on its own, a crypto.getRandomValues call and a new Uint32Array per byte. Sealing one file
// takes a 24-byte nonce; turning the vault on with 10,000 records made 240,000 such calls and 32 MB of
// garbage for the page's collector, whose pauses were the longest frames of the sealing. The same
// generator (the browser's crypto.getRandomValues) filled in one call is what secure_random_web.cpp does.
#pragma once
#include <cstddef>

namespace toward::core::platform {

// Fills out[0, size) with secure random bytes. Stops the program (as libsodium does) when the system has no
// secure generator: a key or nonce must never be anything else.
void secureRandomBytes(void* out, size_t size);

// By build: the most bytes one call of the system's generator gives, and that call (false: there is none).
extern const size_t kSystemRandomMostAtOnce;
bool fillFromSystemRandom(unsigned char* out, size_t size);

}  // namespace toward::core::platform
