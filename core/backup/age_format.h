// core/backup/age_format.h: age v1 files (https://age-encryption.org/v1) with one scrypt (passphrase)
// recipient, binary or ASCII-armored, so Debian's `age -d` opens Toward's backups and files made with
// `age -p` / `age -p -a` import. Only libsodium primitives are used (scrypt, HMAC-SHA-256,
// ChaCha20-Poly1305 IETF); HKDF-SHA-256 is composed from HMAC (RFC 5869), as libsodium 1.0.18 lacks it.
// Every decoder rule of the spec is enforced: canonical unpadded base64, exactly one scrypt stanza,
// 16-byte salt, 32-byte body, work factor 1..22, header MAC, STREAM chunks of 64 KiB with a final
// chunk flag (empty only when the whole payload is empty), no trailing data, strict armor.
// Decryption is all-or-nothing: no plaintext is returned unless the whole file checked out.
#pragma once
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

// Encrypts `plaintext` with `passphrase` as an age v1 file (binary, or armored with options.armor).
BackupResult<std::string> ageEncrypt(std::string_view plaintext, std::string_view passphrase,
                                     const AgeEncryptOptions& options = {});

// Decrypts an age v1 file (binary or armored) made with a passphrase; all checks pass or nothing is returned.
BackupResult<std::string> ageDecrypt(std::string_view file, std::string_view passphrase,
                                     const AgeDecryptOptions& options = {});

// True when `file` (after leading whitespace) starts with the armor's BEGIN line.
bool isArmored(std::string_view file);

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
