// core/ids.cpp: record id generation (random part from the OS / the browser's crypto).
#include "core/ids.h"

#include <random>

namespace toward::core {

std::string newRecordId(int64_t nowMs) {
  static const char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  static std::random_device device;
  std::string id(20, '0');
  uint64_t t = uint64_t(nowMs < 0 ? 0 : nowMs);
  for (int i = 9; i >= 0; --i) {
    id[size_t(i)] = kAlphabet[t & 31];
    t >>= 5;
  }
  for (int i = 10; i < 20; i += 2) {
    uint32_t r = device();
    id[size_t(i)] = kAlphabet[r & 31];
    id[size_t(i + 1)] = kAlphabet[(r >> 5) & 31];
  }
  return id;
}

}  // namespace toward::core
