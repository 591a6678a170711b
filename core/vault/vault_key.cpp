// core/vault/vault_key.cpp: see vault_key.h. Only libsodium's constructions; no hand-written crypto.
#include "core/vault/vault_key.h"

#include <sodium.h>

#include "core/json.h"
#include "core/json_parse.h"
#include "core/platform/secure_random.h"

namespace toward::core::vault {
namespace {

constexpr const char* kAlg = "argon2id13";
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

void ensureSodium() {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
}

Status invalid(const std::string& what) { return {ErrorCode::Invalid, what}; }

std::string toBase64(const unsigned char* bytes, size_t n) {
  std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

bool fromBase64(const std::string& text, std::string& out) {
  out.assign(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.c_str(), text.size(), nullptr, &len,
                        nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  out.resize(len);
  return true;
}

const unsigned char* u(const std::string& s) { return reinterpret_cast<const unsigned char*>(s.data()); }

std::string wrapAd(const KdfParams& kdf) {
  return std::string("toward.vault.v1|") + kAlg + "|" + std::to_string(kdf.opslimit) + "|" + std::to_string(kdf.memlimit);
}

Status checkKdf(const KdfParams& kdf) {
  if (kdf.opslimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || kdf.opslimit > 64) return invalid("the vault's key settings are not valid");
  if (kdf.memlimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || kdf.memlimit > kMaxMemlimit) return invalid("the vault's key settings are not valid");
  return Status::ok();
}

// The key that wraps the data key, derived from the passphrase; wiped by the caller.
Status deriveKek(const std::string& passphrase, const std::string& salt, const KdfParams& kdf,
                 std::array<unsigned char, DataKey::kBytes>& kek) {
  if (auto s = checkKdf(kdf); !s) return s;
  if (salt.size() != crypto_pwhash_SALTBYTES) return invalid("the vault's key settings are not valid");
  if (crypto_pwhash(kek.data(), kek.size(), passphrase.data(), passphrase.size(), u(salt), kdf.opslimit, kdf.memlimit,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return {ErrorCode::Io, "there was not enough memory to check the passphrase"};
  }
  return Status::ok();
}

Status wrapInto(VaultFile& file, const DataKey& key, const std::string& passphrase, const KdfParams& kdf,
                const DerivedWrap* derived) {
  if (passphrase.empty()) return invalid("Please choose a passphrase.");
  std::array<unsigned char, DataKey::kBytes> kek{};
  if (derived) {
    if (auto s = checkKdf(kdf); !s) return s;
    if (derived->salt.size() != crypto_pwhash_SALTBYTES) return invalid("the vault's key settings are not valid");
    file.salt = derived->salt;
    kek = derived->key;
  } else {
    file.salt = newWrapSalt();
    if (auto s = deriveKek(passphrase, file.salt, kdf, kek); !s) return s;
  }
  file.kdf = kdf;
  file.nonce.assign(kNonceBytes, '\0');
  platform::secureRandomBytes(file.nonce.data(), file.nonce.size());
  const std::string ad = wrapAd(kdf);
  file.wrappedKey.assign(DataKey::kBytes + kTagBytes, '\0');
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(file.wrappedKey.data()), &len,
                                             key.bytes().data(), key.bytes().size(), u(ad), ad.size(), nullptr,
                                             u(file.nonce), kek.data());
  sodium_memzero(kek.data(), kek.size());
  return Status::ok();
}

}  // namespace

std::string newWrapSalt() {
  ensureSodium();
  std::string salt(crypto_pwhash_SALTBYTES, '\0');
  platform::secureRandomBytes(salt.data(), salt.size());
  return salt;
}

std::unique_ptr<DataKey> DataKey::generate() {
  ensureSodium();
  std::unique_ptr<DataKey> key(new DataKey());
  platform::secureRandomBytes(key->m_key.data(), key->m_key.size());
  return key;
}

std::unique_ptr<DataKey> DataKey::fromBytes(const std::string& bytes) {
  ensureSodium();
  if (bytes.size() != kBytes) return nullptr;
  std::unique_ptr<DataKey> key(new DataKey());
  std::copy(bytes.begin(), bytes.end(), key->m_key.begin());
  return key;
}

DataKey::~DataKey() { sodium_memzero(m_key.data(), m_key.size()); }

std::string DataKey::seal(const std::string& plaintext, const std::string& associated) const {
  std::string out(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  platform::secureRandomBytes(bytes, kNonceBytes);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(bytes + kNonceBytes, &len, u(plaintext), plaintext.size(), u(associated),
                                             associated.size(), nullptr, bytes, m_key.data());
  return toBase64(bytes, out.size());
}

Result<std::string> DataKey::open(const std::string& sealed, const std::string& associated) const {
  std::string raw;
  if (!fromBase64(sealed, raw) || raw.size() < kNonceBytes + kTagBytes) return invalid("the sealed text is damaged");
  std::string out(raw.size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(out.data()), &len, nullptr,
                                                 u(raw) + kNonceBytes, raw.size() - kNonceBytes, u(associated),
                                                 associated.size(), u(raw), m_key.data()) != 0) {
    return invalid("the sealed text does not open with this key here");
  }
  out.resize(size_t(len));
  return out;
}

std::string encodeVaultFile(const VaultFile& f) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  auto str = [&](const std::string& s) { w.String(s.c_str(), rapidjson::SizeType(s.size())); };
  w.StartObject();
  w.Key("toward"); w.String("vault");
  w.Key("format"); w.Int(kVaultFormat);
  w.Key("state"); w.String(f.state == VaultState::Enabling ? "enabling" : f.state == VaultState::Disabling ? "disabling" : "on");
  w.Key("kdf"); w.StartObject();
  w.Key("alg"); w.String(kAlg);
  w.Key("opslimit"); w.Uint64(f.kdf.opslimit);
  w.Key("memlimit"); w.Uint64(f.kdf.memlimit);
  w.Key("salt"); str(toBase64(u(f.salt), f.salt.size()));
  w.EndObject();
  w.Key("nonce"); str(toBase64(u(f.nonce), f.nonce.size()));
  w.Key("wrappedKey"); str(toBase64(u(f.wrappedKey), f.wrappedKey.size()));
  w.Key("prefs");
  rapidjson::Document prefs;
  if (core::parseJson<rapidjson::kParseNanAndInfFlag>(prefs, f.prefs).IsError() || !prefs.IsObject()) prefs.SetObject();
  prefs.Accept(w);
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

Result<VaultFile> decodeVaultFile(const std::string& text) {
  rapidjson::Document doc;
  if (core::parseJson<rapidjson::kParseNanAndInfFlag>(doc, text).IsError() || !doc.IsObject()) return invalid("the vault's settings file is damaged");
  auto member = [](const rapidjson::Value& v, const char* name) -> const rapidjson::Value* {
    auto it = v.FindMember(name);
    return it == v.MemberEnd() ? nullptr : &it->value;
  };
  auto string = [&](const rapidjson::Value& v, const char* name, std::string& out) {
    const rapidjson::Value* m = member(v, name);
    if (!m || !m->IsString()) return false;
    out.assign(m->GetString(), m->GetStringLength());
    return true;
  };
  std::string magic, state, alg, salt, nonce, wrapped;
  if (!string(doc, "toward", magic) || magic != "vault") return invalid("this is not Toward's vault file");
  const rapidjson::Value* format = member(doc, "format");
  if (!format || !format->IsInt() || format->GetInt() < 1) return invalid("the vault's settings file has no valid format number");
  if (format->GetInt() > kVaultFormat) return Status{ErrorCode::TooNew, "the vault was set up by a newer version of Toward"};
  VaultFile f;
  if (!string(doc, "state", state)) return invalid("the vault's settings file is damaged");
  if (state == "enabling") f.state = VaultState::Enabling;
  else if (state == "on") f.state = VaultState::On;
  else if (state == "disabling") f.state = VaultState::Disabling;
  else return invalid("the vault's settings file is damaged");
  const rapidjson::Value* kdf = member(doc, "kdf");
  if (!kdf || !kdf->IsObject() || !string(*kdf, "alg", alg) || !string(*kdf, "salt", salt)) return invalid("the vault's key settings are damaged");
  if (alg != kAlg) return Status{ErrorCode::TooNew, "the vault uses a key method this version of Toward does not know"};
  const rapidjson::Value* ops = member(*kdf, "opslimit");
  const rapidjson::Value* mem = member(*kdf, "memlimit");
  if (!ops || !ops->IsUint64() || !mem || !mem->IsUint64()) return invalid("the vault's key settings are damaged");
  f.kdf.opslimit = ops->GetUint64();
  if (mem->GetUint64() > kMaxMemlimit) return invalid("the vault's key settings are not valid");
  f.kdf.memlimit = size_t(mem->GetUint64());
  if (auto s = checkKdf(f.kdf); !s) return s;
  if (!string(doc, "nonce", nonce) || !string(doc, "wrappedKey", wrapped)) return invalid("the vault's key is missing");
  if (!fromBase64(salt, f.salt) || f.salt.size() != crypto_pwhash_SALTBYTES || !fromBase64(nonce, f.nonce) ||
      f.nonce.size() != kNonceBytes || !fromBase64(wrapped, f.wrappedKey) || f.wrappedKey.size() != DataKey::kBytes + kTagBytes) {
    return invalid("the vault's key is damaged");
  }
  f.prefs = "{}";
  if (const rapidjson::Value* prefs = member(doc, "prefs"); prefs && prefs->IsObject()) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    prefs->Accept(w);
    f.prefs.assign(sb.GetString(), sb.GetSize());
  }
  return f;
}

Result<NewVault> createVault(const std::string& passphrase, KdfParams kdf, const DerivedWrap* derived) {
  ensureSodium();
  NewVault out;
  out.key = DataKey::generate();
  out.file.state = VaultState::Enabling;
  out.file.prefs = "{}";
  if (auto s = wrapInto(out.file, *out.key, passphrase, kdf, derived); !s) return s;
  return out;
}

Result<std::unique_ptr<DataKey>> unwrapKey(const VaultFile& file, const std::string& passphrase,
                                           const PassphraseKey* derived) {
  ensureSodium();
  PassphraseKey kek{};
  if (derived) {
    if (auto s = checkKdf(file.kdf); !s) return s;
    kek = *derived;
  } else if (auto s = deriveKek(passphrase, file.salt, file.kdf, kek); !s) {
    return s;
  }
  std::string raw(DataKey::kBytes, '\0');
  unsigned long long len = 0;
  const std::string ad = wrapAd(file.kdf);
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(raw.data()), &len, nullptr,
                                                            u(file.wrappedKey), file.wrappedKey.size(), u(ad), ad.size(),
                                                            u(file.nonce), kek.data());
  sodium_memzero(kek.data(), kek.size());
  if (rc != 0 || len != DataKey::kBytes) return invalid("That passphrase does not open it.");
  auto key = DataKey::fromBytes(raw);
  sodium_memzero(raw.data(), raw.size());
  return key;
}

Result<VaultFile> rewrapKey(const VaultFile& file, const DataKey& key, const std::string& passphrase, KdfParams kdf,
                            const DerivedWrap* derived) {
  ensureSodium();
  VaultFile out = file;
  if (auto s = wrapInto(out, key, passphrase, kdf, derived); !s) return s;
  return out;
}

}  // namespace toward::core::vault
