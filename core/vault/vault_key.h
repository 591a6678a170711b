// core/vault/vault_key.h: the vault's keys and its unlock metadata (the one plain file, vault.json).
// A random 256-bit data key seals every record (XChaCha20-Poly1305, core/record_sealer.h). The data key
// is kept on disk only wrapped: encrypted under a key derived from the passphrase with Argon2id
// (libsodium crypto_pwhash), whose parameters and salt are stored beside it. Changing the passphrase
// wraps the same data key again; nothing else is re-encrypted.
//   vault.json, format 1:
//   {"toward":"vault","format":1,"state":"on","kdf":{"alg":"argon2id13","opslimit":2,"memlimit":67108864,
//    "salt":"<base64>"},"nonce":"<base64>","wrappedKey":"<base64>","prefs":{...}}
// state: "enabling" (records are being sealed), "on", "disabling" (records are being opened for good).
// The wrapped key's associated data binds the KDF parameters ("toward.vault.v1|argon2id13|<ops>|<mem>").
#pragma once
#include <array>
#include <memory>
#include <string>

#include "core/record_sealer.h"
#include "core/result.h"

namespace toward::core::vault {

inline constexpr const char* kVaultFileName = "vault.json";
inline constexpr int kVaultFormat = 1;
// At most 64 MiB of memory for Argon2id, so that phones cope.
inline constexpr size_t kMaxMemlimit = size_t(64) << 20;

struct KdfParams {
  unsigned long long opslimit = 2;  // opslimit: default 2 (libsodium's INTERACTIVE)
  size_t memlimit = kMaxMemlimit;   // memlimit: bytes, default 64 MiB (INTERACTIVE), never more
};

enum class VaultState { Enabling, On, Disabling };

// The unlock metadata. Raw bytes in the strings; base64 in the file.
struct VaultFile {
  VaultState state = VaultState::On;
  KdfParams kdf;
  std::string salt;        // crypto_pwhash_SALTBYTES
  std::string nonce;       // of the wrapped key
  std::string wrappedKey;  // the data key, sealed under the passphrase's key
  std::string prefs;       // compact JSON object readable while locked (VaultPrefs, core/vault/vault.h), "{}" by default
};

std::string encodeVaultFile(const VaultFile& file);
Result<VaultFile> decodeVaultFile(const std::string& text);

// The data key. Seals and opens records while the vault is unlocked; wiped when it goes away.
class DataKey : public RecordSealer {
 public:
  static constexpr size_t kBytes = 32;
  // A fresh random key.
  static std::unique_ptr<DataKey> generate();
  // A key from raw bytes (golden fixtures, tests); nullptr when the size is wrong.
  static std::unique_ptr<DataKey> fromBytes(const std::string& bytes);
  ~DataKey() override;
  DataKey(const DataKey&) = delete;
  DataKey& operator=(const DataKey&) = delete;

  std::string seal(const std::string& plaintext, const std::string& associated) const override;
  Result<std::string> open(const std::string& sealed, const std::string& associated) const override;
  // The raw key (for wrapping it).
  const std::array<unsigned char, kBytes>& bytes() const { return m_key; }

 private:
  DataKey() = default;
  std::array<unsigned char, kBytes> m_key{};
};

struct NewVault {
  VaultFile file;
  std::unique_ptr<DataKey> key;
};

// The key that wraps the data key: derived from the passphrase with Argon2id, the slow part of an unlock
// (a second or so). A platform may do that part away from the page (Platform::deriveKeyAway) and hand it in.
using PassphraseKey = std::array<unsigned char, DataKey::kBytes>;
// A new wrapping's key made elsewhere: the salt chosen first (newWrapSalt()) and the key the passphrase gives
// with it and the wrapping's parameters.
struct DerivedWrap {
  std::string salt;
  PassphraseKey key{};
};
// A fresh random salt for a new wrapping (crypto_pwhash_SALTBYTES).
std::string newWrapSalt();

// Makes a new data key and wraps it with `passphrase` (state Enabling). `derived`: the passphrase's key,
// made elsewhere with its salt and `kdf` (the passphrase itself is then not used).
Result<NewVault> createVault(const std::string& passphrase, KdfParams kdf = {}, const DerivedWrap* derived = nullptr);
// Unwraps the data key. Invalid with kind words when the passphrase does not fit. `derived`: the passphrase's
// key, already derived with this file's salt and parameters (the passphrase itself is then not used).
Result<std::unique_ptr<DataKey>> unwrapKey(const VaultFile& file, const std::string& passphrase,
                                           const PassphraseKey* derived = nullptr);
// The same data key wrapped with a new passphrase (new salt, `kdf`; or `derived`'s salt and key); state and
// prefs are kept.
Result<VaultFile> rewrapKey(const VaultFile& file, const DataKey& key, const std::string& passphrase, KdfParams kdf = {},
                            const DerivedWrap* derived = nullptr);

}  // namespace toward::core::vault
