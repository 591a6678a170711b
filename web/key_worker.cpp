// web/key_worker.cpp: the module of the page's key worker (toward_key_worker.js, started by
// web/glue/key_work.js; its message handling is web/glue/key_worker_main.js). Only libsodium's Argon2id and
// scrypt, a passphrase's slow key work, so that the page keeps drawing and answering while it runs. They
// compute what core/vault/vault_key.cpp's deriveKek and core/backup/age_format.cpp's scryptWrapKey do
// (tests/core/vault_migration_test.cpp, tests/core/age_format_test.cpp).
#include <emscripten.h>
#include <sodium.h>

#include <cstdint>
#include <cstdlib>

extern "C" {

// The passphrase's key: 0 when `out` holds it, -1 when it could not be made (bad sizes, no memory).
EMSCRIPTEN_KEEPALIVE int toward_key_argon2id(unsigned char* out, int outLen, const char* pass, int passLen,
                                             const unsigned char* salt, int saltLen, double opslimit, double memlimit) {
  if (sodium_init() < 0) return -1;
  if (outLen != 32 || passLen < 0 || saltLen != int(crypto_pwhash_SALTBYTES)) return -1;
  return crypto_pwhash(out, static_cast<unsigned long long>(outLen), pass, static_cast<unsigned long long>(passLen), salt,
                       static_cast<unsigned long long>(opslimit), static_cast<size_t>(memlimit),
                       crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

// age's scrypt (N = 2^log2n, r = 8, p = 1) over `salt` (the age label and the file's salt): 0, or -1.
EMSCRIPTEN_KEEPALIVE int toward_key_scrypt(unsigned char* out, int outLen, const char* pass, int passLen,
                                           const unsigned char* salt, int saltLen, int log2n) {
  if (sodium_init() < 0) return -1;
  if (outLen != 32 || passLen < 0 || saltLen <= 0 || log2n < 1 || log2n > 22) return -1;
  return crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const uint8_t*>(pass), size_t(passLen), salt,
                                               size_t(saltLen), uint64_t(1) << log2n, 8, 1, out, size_t(outLen)) == 0 ? 0 : -1;
}

EMSCRIPTEN_KEEPALIVE void* toward_key_alloc(int size) { return std::malloc(size_t(size > 0 ? size : 1)); }

// Wiped before it is freed: the passphrase and its key pass through here.
EMSCRIPTEN_KEEPALIVE void toward_key_free(void* p, int size) {
  if (!p) return;
  sodium_memzero(p, size_t(size > 0 ? size : 0));
  std::free(p);
}

}  // extern "C"
