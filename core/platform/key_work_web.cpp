// core/platform/key_work_web.cpp: see key_work_web.h.
#include "core/platform/key_work_web.h"

#include <emscripten.h>
#include <sodium.h>

#include <cstdlib>
#include <map>

namespace toward::core {
namespace {

// The glue copies the bytes into arrays of their own at once (the passphrase's go to the worker).
EM_JS(int, js_key_work_start, (int req, int scrypt, const char* pass, int passLen, const char* salt, int saltLen, double ops,
                               double mem, int log2n), {
  return TowardKeyWork.start(req, scrypt ? 'scrypt' : 'argon2id', HEAPU8.slice(pass, pass + passLen),
                             HEAPU8.slice(salt, salt + saltLen), ops, mem, log2n) ? 1 : 0;
});

std::map<int, std::function<void(bool, std::string)>>& waiting() {
  static std::map<int, std::function<void(bool, std::string)>> requests;
  return requests;
}
int g_nextRequest = 1;

}  // namespace

bool startKeyWorkAway(PassphraseKeyJob& job, std::function<void(bool ok, std::string key)> done) {
  const int req = g_nextRequest++;
  const bool scrypt = job.kind == PassphraseKeyJob::Kind::Scrypt;
  const bool started = js_key_work_start(req, scrypt ? 1 : 0, job.passphrase.data(), int(job.passphrase.size()),
                                         job.salt.data(), int(job.salt.size()), double(job.opslimit), double(job.memlimit),
                                         job.scryptLog2N) != 0;
  sodium_memzero(job.passphrase.data(), job.passphrase.size());
  job.passphrase.clear();
  if (started) waiting()[req] = std::move(done);
  return started;
}

}  // namespace toward::core

extern "C" {
// The key worker's answer to request `req`: `key` (from toward_platform_alloc, may be null when !ok) holds
// `size` bytes; it is wiped and freed here.
EMSCRIPTEN_KEEPALIVE void toward_platform_key_done(int req, int ok, unsigned char* key, int size) {
  std::string bytes;
  if (ok && key && size == 32) bytes.assign(reinterpret_cast<const char*>(key), size_t(size));
  if (key) {
    sodium_memzero(key, size_t(size > 0 ? size : 0));
    std::free(key);
  }
  auto& waiting = toward::core::waiting();
  auto it = waiting.find(req);
  if (it == waiting.end()) return;
  auto done = std::move(it->second);
  waiting.erase(it);
  const bool got = !bytes.empty();
  if (done) done(got, std::move(bytes));
}
}
