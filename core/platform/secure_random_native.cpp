// core/platform/secure_random_native.cpp: secure_random.h natively: getentropy(3), the kernel's generator
// (getrandom(2), the source libsodium's own randombytes uses on Linux), at most 256 bytes a call.
#include "core/platform/secure_random.h"

#include <unistd.h>

namespace toward::core::platform {

const size_t kSystemRandomMostAtOnce = 256;

bool fillFromSystemRandom(unsigned char* out, size_t size) { return ::getentropy(out, size) == 0; }

}  // namespace toward::core::platform
