// tests/fuzz/fuzz_age_decrypt.cpp: libFuzzer target for the age decoder (binary and armored input).
// The passphrase is "pass" (the seed corpus holds real files made with it at work factor 1), and the
// work factor limit is low so every input is cheap; the decoder must never crash, hang or allocate
// more than its input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/backup/age_format.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool ready = toward::backup::cryptoReady();
  (void)ready;
  toward::backup::AgeDecryptOptions options;
  options.maxWorkFactor = 2;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto result = toward::backup::ageDecrypt(input, "pass", options);
  if (result.isOk() && result.value().size() > size) __builtin_trap();  // plaintext is never longer than the file
  (void)toward::backup::peekWorkFactor(input);
  return 0;
}
