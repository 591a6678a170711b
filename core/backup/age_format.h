// core/backup/age_format.h: age v1 files (https://age-encryption.org/v1) with one scrypt (passphrase)
// recipient, binary or ASCII-armored, so Debian's `age -d` opens Toward's backups and files made with
// `age -p` / `age -p -a` import. Only libsodium primitives are used (scrypt, HMAC-SHA-256,
// ChaCha20-Poly1305 IETF); HKDF-SHA-256 is composed from HMAC (RFC 5869), as libsodium 1.0.18 lacks it.
// Every decoder rule of the spec is enforced: canonical unpadded base64, exactly one scrypt stanza,
// 16-byte salt, 32-byte body, work factor 1..22, header MAC, STREAM chunks of 64 KiB with a final
// chunk flag (empty only when the whole payload is empty), no trailing data, strict armor.
// Decryption is all-or-nothing: no plaintext is returned unless the whole file checked out.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/backup/backup_error.h"

namespace toward::backup {

inline constexpr int kDefaultWorkFactor = 18;  // what `age -p` writes
inline constexpr int kMaxWorkFactor = 22;      // never written or accepted above this
inline constexpr size_t kChunkSize = 64 * 1024;
// The largest file Toward opens: 512 MiB on 64-bit hosts, 128 MiB in 32-bit wasm.
inline constexpr size_t kMaxAgeFileBytes = sizeof(size_t) >= 8 ? (size_t(512) << 20) : (size_t(128) << 20);

struct AgeEncryptOptions {
  int workFactor = kDefaultWorkFactor;  // workFactor: int, default 18 (log2 of scrypt N, 1..22)
  bool armor = false;                   // armor: bool, default false (PEM-like text instead of binary)
};

struct AgeDecryptOptions {
  int maxWorkFactor = kMaxWorkFactor;     // maxWorkFactor: int, default 22 (never above 22)
  size_t maxFileBytes = kMaxAgeFileBytes; // maxFileBytes: size_t, default kMaxAgeFileBytes
};

// Initializes libsodium (idempotent); false when the platform has no usable randomness.
bool cryptoReady();

// The passphrase's scrypt key for one file (the slow part: about a second at work factor 18), made elsewhere
// (the browser's key worker, Platform::deriveKeyAway) and handed in: what it was made from, and its bytes.
struct AgeWrapKey {
  std::string salt;                      // the file's 16 bytes (its scrypt stanza's)
  int workFactor = kDefaultWorkFactor;   // log2 of scrypt's N (r = 8, p = 1)
  std::array<uint8_t, 32> key{};
};
// 16 fresh random bytes for a new file's scrypt stanza (empty when libsodium cannot start).
std::string newAgeSalt();
// What scrypt takes as its salt for a file's 16 bytes: the age label, then them.
std::string ageScryptSalt(const std::string& salt16);
// The salt and work factor a file names (checked as ageDecrypt checks them), for its key to be made elsewhere.
BackupResult<AgeWrapKey> ageWrapParams(std::string_view file, const AgeDecryptOptions& options = {});

// Encrypts `plaintext` with `passphrase` as an age v1 file (binary, or armored with options.armor).
BackupResult<std::string> ageEncrypt(std::string_view plaintext, std::string_view passphrase,
                                     const AgeEncryptOptions& options = {});

// Encrypts in steps, so an app can show progress between them (Toward's browser app encrypts across
// frames). begin() does the scrypt work (the slow, indivisible part: about a second at work factor 18),
// step() seals up to `maxChunks` 64 KiB chunks, and once done() take() hands over the age file.
// The plaintext it owns is wiped when the last chunk is sealed or the encryptor goes away.
class AgeEncryptor {
 public:
  AgeEncryptor() = default;
  AgeEncryptor(const AgeEncryptor&) = delete;
  AgeEncryptor& operator=(const AgeEncryptor&) = delete;
  ~AgeEncryptor();
  // Takes ownership of `plaintext`, derives the keys from `passphrase` and writes the header. `derived`: the
  // passphrase's key already made for its salt and options.workFactor (the passphrase is then not used).
  BackupResult<bool> begin(std::string plaintext, std::string_view passphrase, const AgeEncryptOptions& options = {},
                           const AgeWrapKey* derived = nullptr);
  // The same over text the caller keeps alive until done().
  BackupResult<bool> beginView(std::string_view plaintext, std::string_view passphrase, const AgeEncryptOptions& options = {},
                               const AgeWrapKey* derived = nullptr);
  // Seals up to `maxChunks` more chunks (at least one); does nothing once done().
  void step(size_t maxChunks);
  bool started() const { return m_started; }
  bool done() const { return m_started && m_next == m_chunks; }
  // Share of the chunks sealed so far, 0..1.
  double progress() const { return m_chunks ? double(m_next) / double(m_chunks) : 0.0; }
  // The finished age file (armored when asked); the encryptor is empty afterwards.
  std::string take();
  // Forgets everything (wipes the keys and the owned plaintext).
  void reset();

 private:
  std::string m_owned;          // the plaintext when begin() took it
  std::string_view m_plain;
  std::string m_out;
  size_t m_chunks = 0, m_next = 0, m_start = 0;
  unsigned char m_key[32] = {};
  bool m_armor = false, m_started = false;
};

// Decrypts an age v1 file (binary or armored) made with a passphrase; all checks pass or nothing is returned.
// `derived`: the passphrase's key made for this file's salt and work factor (ageWrapParams); used when it
// was made for them, else the key is made here from the passphrase.
BackupResult<std::string> ageDecrypt(std::string_view file, std::string_view passphrase,
                                     const AgeDecryptOptions& options = {}, const AgeWrapKey* derived = nullptr);

// Decrypts in steps, as AgeEncryptor encrypts (the app opens a large backup across frames): begin() checks the
// header and opens the file key (the scrypt work, unless the key was made elsewhere), step() opens up to
// `maxChunks` 64 KiB chunks, and once done() take() hands over the plaintext. Still all or nothing: a failure
// wipes what was opened, and take() gives nothing before the last chunk checked out.
class AgeDecryptor {
 public:
  AgeDecryptor() = default;
  AgeDecryptor(const AgeDecryptor&) = delete;
  AgeDecryptor& operator=(const AgeDecryptor&) = delete;
  ~AgeDecryptor();
  // `file` must outlive the decryptor (an armored file is decoded into the decryptor's own copy).
  BackupResult<bool> begin(std::string_view file, std::string_view passphrase, const AgeDecryptOptions& options = {},
                           const AgeWrapKey* derived = nullptr);
  // Opens up to `maxChunks` more chunks (at least one): true once the last one is open, or why it stopped.
  BackupResult<bool> step(size_t maxChunks);
  bool done() const { return m_done; }
  // Share of the payload opened so far, 0..1.
  double progress() const;
  // The plaintext, once done(); the decryptor is empty afterwards.
  std::string take();
  // Forgets everything (wipes the key and what was opened).
  void reset();

 private:
  BackupResult<bool> fail(BackupError error);
  std::string m_decoded;      // an armored file's bytes
  std::string_view m_rest;    // the sealed chunks not opened yet
  std::string m_out;
  uint64_t m_counter = 0;
  size_t m_total = 0;
  unsigned char m_key[32] = {};
  bool m_started = false, m_done = false;
};

// True when `file` (after leading whitespace) starts with the armor's BEGIN line.
bool isArmored(std::string_view file);

// True when `file` starts as an age file does (its version line, or the armor's BEGIN line): a file that
// does not is no backup, whatever the passphrase, and is told so before one is asked for.
bool looksLikeAgeFile(std::string_view file);

// Wraps binary age bytes in strict ASCII armor (padded base64, 64 columns, final newline).
std::string armor(std::string_view binary);

// Strict armor decoding: whitespace around the block allowed, LF or CRLF, nothing else.
BackupResult<std::string> dearmor(std::string_view text, size_t maxFileBytes = kMaxAgeFileBytes);

// The scrypt work factor named in a file's header (for "this may take a moment"), or -1.
int peekWorkFactor(std::string_view file);

// HKDF-SHA-256 (RFC 5869) with a 32-byte output, composed from libsodium's HMAC-SHA-256.
void hkdfSha256(const uint8_t* ikm, size_t ikmLen, const uint8_t* salt, size_t saltLen, std::string_view info,
                uint8_t out[32]);

}  // namespace toward::backup
