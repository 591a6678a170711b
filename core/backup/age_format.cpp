// core/backup/age_format.cpp: age v1 encryption and decryption with a scrypt recipient (see age_format.h).
// [SECTION] helpers: base64, HKDF, lines   [SECTION] header   [SECTION] payload (STREAM)
// [SECTION] armor   [SECTION] public functions
#include "core/backup/age_format.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

namespace toward::backup {
namespace {

using Bytes = std::vector<uint8_t>;

constexpr std::string_view kIntro = "age-encryption.org/";
constexpr std::string_view kVersionLine = "age-encryption.org/v1\n";
constexpr std::string_view kScryptLabel = "age-encryption.org/v1/scrypt";
constexpr std::string_view kArmorBegin = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr std::string_view kArmorEnd = "-----END AGE ENCRYPTED FILE-----";
constexpr size_t kMaxHeaderBytes = 16 * 1024;  // a scrypt header is ~150 bytes; anything this long is not ours
constexpr size_t kTag = crypto_aead_chacha20poly1305_ietf_ABYTES;
constexpr size_t kSealedChunk = kChunkSize + kTag;

// ---------------------------------------------------------------- [SECTION] helpers: base64, HKDF, lines
std::string b64(const uint8_t* data, size_t len, int variant) {
  std::string out(sodium_base64_encoded_len(len, variant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, len, variant);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Canonical base64 only: decodes, then re-encodes and compares, so padding, stray bits, whitespace and
// any other spelling of the same bytes are all refused.
bool unb64(std::string_view text, int variant, Bytes& out) {
  out.assign(text.size() / 4 * 3 + 3, 0);
  size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr, variant) != 0) return false;
  out.resize(len);
  return b64(out.data(), out.size(), variant) == text;
}

bool isBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

void hmac(const uint8_t* key, size_t keyLen, std::initializer_list<std::string_view> parts, uint8_t out[32]) {
  crypto_auth_hmacsha256_state st;
  static const uint8_t kEmpty = 0;
  crypto_auth_hmacsha256_init(&st, keyLen ? key : &kEmpty, keyLen);
  for (auto p : parts) crypto_auth_hmacsha256_update(&st, reinterpret_cast<const uint8_t*>(p.data()), p.size());
  crypto_auth_hmacsha256_final(&st, out);
  sodium_memzero(&st, sizeof st);
}

std::string_view view(const uint8_t* p, size_t n) { return {reinterpret_cast<const char*>(p), n}; }

// The next line of `s` from `pos` without its LF; false when no LF comes within `limit` bytes.
bool nextLine(std::string_view s, size_t& pos, std::string_view& line, size_t limit) {
  const size_t end = s.find('\n', pos);
  if (end == std::string_view::npos || end - pos > limit) return false;
  line = s.substr(pos, end - pos);
  pos = end + 1;
  return true;
}

// ---------------------------------------------------------------- [SECTION] header
struct Stanza {
  std::vector<std::string_view> args;  // args[0] is the type
  Bytes body;
};

struct Header {
  std::vector<Stanza> stanzas;
  std::string_view macInput;  // the header up to and including "---"
  Bytes mac;
  size_t payloadStart = 0;
};

BackupResult<Header> parseHeader(std::string_view file) {
  if (file.substr(0, kIntro.size()) != kIntro) {
    return backupError(BackupErrorKind::NotAgeFile, "no age-encryption.org/ version line");
  }
  if (file.substr(0, kVersionLine.size()) != kVersionLine) {
    return backupError(BackupErrorKind::BadHeader, "not an age v1 file");
  }
  auto bad = [](const char* why) { return backupError(BackupErrorKind::BadHeader, why); };
  const std::string_view head = file.substr(0, std::min(file.size(), kMaxHeaderBytes));
  Header h;
  size_t pos = kVersionLine.size();
  std::string_view line;
  for (;;) {
    const size_t lineStart = pos;
    if (!nextLine(head, pos, line, kMaxHeaderBytes)) return bad("the header ends early or is too long");
    if (line.substr(0, 3) == "---") {
      if (h.stanzas.empty()) return bad("no recipient stanza");
      if (line.size() != 4 + 43 || line[3] != ' ') return bad("malformed MAC line");
      if (!unb64(line.substr(4), sodium_base64_VARIANT_ORIGINAL_NO_PADDING, h.mac) || h.mac.size() != 32) {
        return bad("MAC is not canonical base64 of 32 bytes");
      }
      h.macInput = file.substr(0, lineStart + 3);
      h.payloadStart = pos;
      return h;
    }
    if (line.substr(0, 3) != "-> ") return bad("expected a recipient stanza");
    Stanza st;
    size_t a = 3;
    while (a <= line.size()) {
      size_t sp = line.find(' ', a);
      if (sp == std::string_view::npos) sp = line.size();
      std::string_view arg = line.substr(a, sp - a);
      if (arg.empty()) return bad("empty stanza argument");
      for (char c : arg) {
        if (c < 0x21 || c > 0x7e) return bad("stanza argument with a character outside VCHAR");
      }
      st.args.push_back(arg);
      a = sp + 1;
    }
    std::string body;
    for (;;) {
      if (!nextLine(head, pos, line, 64)) return bad("stanza body line missing, too long or unterminated");
      for (char c : line) {
        if (!isBase64Char(c)) return bad("stanza body is not unpadded base64");
      }
      body.append(line);
      if (line.size() < 64) break;
    }
    if (!unb64(body, sodium_base64_VARIANT_ORIGINAL_NO_PADDING, st.body)) return bad("stanza body is not canonical base64");
    h.stanzas.push_back(std::move(st));
  }
}

// Checks the one scrypt stanza and returns its salt and work factor. Without one, no identity of ours
// matches: a file for age's own key types (X25519, ssh-*) is told apart as key-locked; stanzas of any other
// type are ignored, as the age spec asks (not an error), so such a file is the wrong-passphrase case.
BackupResult<int> checkScryptStanza(const Header& h, int maxWorkFactor, Bytes& salt) {
  bool anyScrypt = false, anyKey = false;
  for (const auto& st : h.stanzas) {
    anyScrypt = anyScrypt || st.args[0] == "scrypt";
    anyKey = anyKey || st.args[0] == "X25519" || st.args[0] == "ssh-rsa" || st.args[0] == "ssh-ed25519";
  }
  if (!anyScrypt && anyKey) return backupError(BackupErrorKind::NotPassphrase, "no scrypt stanza");
  if (!anyScrypt) return backupError(BackupErrorKind::WrongPassphrase, "no identity matched any of the recipients");
  if (h.stanzas.size() != 1) return backupError(BackupErrorKind::BadHeader, "an scrypt stanza must be the only stanza");
  const Stanza& st = h.stanzas[0];
  if (st.args.size() != 3) return backupError(BackupErrorKind::BadHeader, "scrypt stanza needs exactly two arguments");
  if (!unb64(st.args[1], sodium_base64_VARIANT_ORIGINAL_NO_PADDING, salt) || salt.size() != 16) {
    return backupError(BackupErrorKind::BadHeader, "scrypt salt is not canonical base64 of 16 bytes");
  }
  const std::string_view wf = st.args[2];
  if (wf.empty() || wf[0] < '1' || wf[0] > '9' || wf.size() > 9) {
    return backupError(BackupErrorKind::BadHeader, "scrypt work factor is not a decimal without leading zeros");
  }
  int n = 0;
  for (char c : wf) {
    if (c < '0' || c > '9') return backupError(BackupErrorKind::BadHeader, "scrypt work factor is not a decimal");
    n = n * 10 + (c - '0');
  }
  if (n > std::min(maxWorkFactor, kMaxWorkFactor)) {
    return backupError(BackupErrorKind::WorkFactorTooHigh, "work factor " + std::string(wf));
  }
  if (st.body.size() != 32) return backupError(BackupErrorKind::BadHeader, "scrypt stanza body is not 32 bytes");
  return n;
}

// scrypt(N = 2^workFactor, r = 8, p = 1) of the passphrase with the age label + salt.
BackupResult<bool> scryptWrapKey(std::string_view passphrase, const Bytes& salt, int workFactor, uint8_t key[32]) {
  std::string fullSalt(kScryptLabel);
  fullSalt.append(reinterpret_cast<const char*>(salt.data()), salt.size());
  const int rc = crypto_pwhash_scryptsalsa208sha256_ll(
      reinterpret_cast<const uint8_t*>(passphrase.data()), passphrase.size(),
      reinterpret_cast<const uint8_t*>(fullSalt.data()), fullSalt.size(), uint64_t(1) << workFactor, 8, 1, key, 32);
  if (rc != 0) return backupError(BackupErrorKind::TooLarge, "scrypt could not get the memory it needs");
  return true;
}

// The wrap key: made here from the passphrase, or the one made elsewhere for this salt and work factor.
BackupResult<bool> wrapKeyFor(std::string_view passphrase, const Bytes& salt, int workFactor, const AgeWrapKey* derived,
                              uint8_t key[32]) {
  if (derived && derived->workFactor == workFactor && derived->salt.size() == salt.size() &&
      std::equal(salt.begin(), salt.end(), reinterpret_cast<const uint8_t*>(derived->salt.data()))) {
    std::memcpy(key, derived->key.data(), 32);
    return true;
  }
  return scryptWrapKey(passphrase, salt, workFactor, key);
}

// ---------------------------------------------------------------- [SECTION] payload (STREAM)
void chunkNonce(uint64_t counter, bool last, uint8_t nonce[12]) {
  std::memset(nonce, 0, 12);
  for (int i = 0; i < 8; ++i) nonce[10 - i] = uint8_t(counter >> (8 * i));
  nonce[11] = last ? 1 : 0;
}

// ---------------------------------------------------------------- [SECTION] armor
size_t skipSpace(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\r' || s[pos] == '\n')) ++pos;
  return pos;
}

}  // namespace

// ---------------------------------------------------------------- [SECTION] public functions
bool cryptoReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

void hkdfSha256(const uint8_t* ikm, size_t ikmLen, const uint8_t* salt, size_t saltLen, std::string_view info,
                uint8_t out[32]) {
  uint8_t prk[32];
  hmac(salt, saltLen, {view(ikm, ikmLen)}, prk);                      // HKDF-Extract
  const char one = 1;
  hmac(prk, sizeof prk, {info, std::string_view(&one, 1)}, out);      // HKDF-Expand, T(1) is 32 bytes
  sodium_memzero(prk, sizeof prk);
}

bool isArmored(std::string_view file) {
  const size_t p = skipSpace(file, 0);
  return file.substr(p, kArmorBegin.size()) == kArmorBegin;
}

bool looksLikeAgeFile(std::string_view file) { return file.substr(0, kIntro.size()) == kIntro || isArmored(file); }

std::string armor(std::string_view binary) {
  const std::string all = b64(reinterpret_cast<const uint8_t*>(binary.data()), binary.size(), sodium_base64_VARIANT_ORIGINAL);
  std::string out;
  out.reserve(all.size() + all.size() / 64 + 80);
  out.append(kArmorBegin).push_back('\n');
  for (size_t i = 0; i < all.size(); i += 64) out.append(all, i, 64).push_back('\n');
  out.append(kArmorEnd).push_back('\n');
  return out;
}

BackupResult<std::string> dearmor(std::string_view text, size_t maxFileBytes) {
  if (text.size() > maxFileBytes) return backupError(BackupErrorKind::TooLarge);
  auto bad = [](const char* why) { return backupError(BackupErrorKind::BadArmor, why); };
  size_t pos = skipSpace(text, 0);
  // One line, without its LF or CRLF ending.
  auto line = [&](std::string_view& out) {
    const size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) return false;
    out = text.substr(pos, end - pos);
    if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
    pos = end + 1;
    return true;
  };
  std::string_view l;
  if (!line(l) || l != kArmorBegin) return bad("no BEGIN line");
  std::string all;
  all.reserve(text.size());
  bool sawShort = false;
  for (;;) {
    if (!line(l)) return bad("no END line");
    if (l == kArmorEnd) break;
    if (sawShort) return bad("a short base64 line that is not the last one");
    if (l.empty() || l.size() > 64) return bad("a base64 line of an unexpected length");
    if (l.size() < 64) sawShort = true;
    all.append(l);
  }
  if (all.empty()) return bad("no data between BEGIN and END");
  if (skipSpace(text, pos) != text.size()) return bad("data after the END line");
  Bytes bin;
  if (all.size() % 4 != 0 || !unb64(all, sodium_base64_VARIANT_ORIGINAL, bin)) return bad("not canonical padded base64");
  return std::string(bin.begin(), bin.end());
}

std::string newAgeSalt() {
  if (!cryptoReady()) return {};   // (libsodium's randomness is set up by its start)
  std::string salt(16, '\0');
  randombytes_buf(salt.data(), salt.size());
  return salt;
}

std::string ageScryptSalt(const std::string& salt16) { return std::string(kScryptLabel) + salt16; }

namespace {

// A file's checked header with its scrypt salt and work factor. An armored `file` is decoded into `decoded`
// (which the caller keeps while it reads the header) and `file` then points at it.
struct ScryptHeader {
  Header header;
  Bytes salt;
  int workFactor = 0;
};
BackupResult<ScryptHeader> readScryptHeader(std::string_view& file, std::string& decoded, const AgeDecryptOptions& options) {
  if (isArmored(file)) {
    auto d = dearmor(file, options.maxFileBytes);
    if (!d) return d.error();
    decoded = std::move(d.value());
    file = decoded;
  }
  auto h = parseHeader(file);
  if (!h) return h.error();
  ScryptHeader out;
  out.header = std::move(h.value());
  auto wf = checkScryptStanza(out.header, options.maxWorkFactor, out.salt);
  if (!wf) return wf.error();
  out.workFactor = wf.value();
  return out;
}

}  // namespace

BackupResult<AgeWrapKey> ageWrapParams(std::string_view file, const AgeDecryptOptions& options) {
  if (file.size() > options.maxFileBytes) return backupError(BackupErrorKind::TooLarge);
  try {
    std::string decoded;
    auto read = readScryptHeader(file, decoded, options);
    if (!read) return read.error();
    AgeWrapKey out;
    out.salt.assign(read.value().salt.begin(), read.value().salt.end());
    out.workFactor = read.value().workFactor;
    return out;
  } catch (const std::bad_alloc&) {
    return backupError(BackupErrorKind::TooLarge, "out of memory");
  }
}

int peekWorkFactor(std::string_view file) {
  std::string decoded;
  if (isArmored(file)) {
    auto d = dearmor(file);
    if (!d) return -1;
    decoded = std::move(d.value());
    file = decoded;
  }
  auto h = parseHeader(file);
  if (!h) return -1;
  Bytes salt;
  auto wf = checkScryptStanza(h.value(), 1000, salt);
  return wf ? wf.value() : -1;
}

AgeEncryptor::~AgeEncryptor() { reset(); }

void AgeEncryptor::reset() {
  sodium_memzero(m_key, sizeof m_key);
  if (!m_owned.empty()) sodium_memzero(m_owned.data(), m_owned.size());
  if (!m_out.empty()) sodium_memzero(m_out.data(), m_out.size());
  m_owned.clear();
  m_owned.shrink_to_fit();
  m_out.clear();
  m_out.shrink_to_fit();
  m_plain = {};
  m_chunks = m_next = m_start = 0;
  m_armor = m_started = false;
}

BackupResult<bool> AgeEncryptor::begin(std::string plaintext, std::string_view passphrase, const AgeEncryptOptions& options,
                                       const AgeWrapKey* derived) {
  reset();
  m_owned = std::move(plaintext);
  auto r = beginView(m_owned, passphrase, options, derived);
  if (!r) reset();
  return r;
}

BackupResult<bool> AgeEncryptor::beginView(std::string_view plaintext, std::string_view passphrase,
                                           const AgeEncryptOptions& options, const AgeWrapKey* derived) {
  if (plaintext.data() != m_owned.data()) reset();
  if (!cryptoReady()) return backupError(BackupErrorKind::Io, "libsodium could not start");
  if (options.workFactor < 1 || options.workFactor > kMaxWorkFactor) {
    return backupError(BackupErrorKind::WorkFactorTooHigh, "work factor must be 1..22");
  }
  if (plaintext.size() > kMaxAgeFileBytes) return backupError(BackupErrorKind::TooLarge);
  try {
    uint8_t fileKey[16], wrapKey[32], macKey[32], mac[32], nonce[16];
    Bytes salt(16);
    randombytes_buf(fileKey, sizeof fileKey);
    if (derived && derived->salt.size() == salt.size()) std::memcpy(salt.data(), derived->salt.data(), salt.size());
    else randombytes_buf(salt.data(), salt.size());
    randombytes_buf(nonce, sizeof nonce);
    if (auto k = wrapKeyFor(passphrase, salt, options.workFactor, derived, wrapKey); !k) {
      sodium_memzero(fileKey, sizeof fileKey);
      return k.error();
    }
    uint8_t body[32];
    const uint8_t zeroNonce[12] = {};
    crypto_aead_chacha20poly1305_ietf_encrypt(body, nullptr, fileKey, 16, nullptr, 0, nullptr, zeroNonce, wrapKey);
    sodium_memzero(wrapKey, sizeof wrapKey);
    std::string out(kVersionLine);
    out += "-> scrypt " + b64(salt.data(), 16, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) + " " +
           std::to_string(options.workFactor) + "\n";
    out += b64(body, 32, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) + "\n---";
    hkdfSha256(fileKey, 16, nullptr, 0, "header", macKey);
    hmac(macKey, 32, {out}, mac);
    sodium_memzero(macKey, sizeof macKey);
    out += " " + b64(mac, 32, sodium_base64_VARIANT_ORIGINAL_NO_PADDING) + "\n";
    out.append(reinterpret_cast<const char*>(nonce), 16);
    hkdfSha256(fileKey, 16, nonce, 16, "payload", m_key);
    sodium_memzero(fileKey, sizeof fileKey);
    m_chunks = plaintext.empty() ? 1 : (plaintext.size() + kChunkSize - 1) / kChunkSize;
    m_start = out.size();
    out.resize(m_start + plaintext.size() + m_chunks * kTag);
    m_out = std::move(out);
    m_plain = plaintext;
    m_next = 0;
    m_armor = options.armor;
    m_started = true;
    return true;
  } catch (const std::bad_alloc&) {
    reset();
    return backupError(BackupErrorKind::TooLarge, "out of memory");
  }
}

void AgeEncryptor::step(size_t maxChunks) {
  if (!m_started) return;
  auto* dst = reinterpret_cast<uint8_t*>(m_out.data() + m_start);
  for (size_t done = 0; m_next < m_chunks && (done < maxChunks || done == 0); ++done, ++m_next) {
    const size_t i = m_next;
    const size_t off = i * kChunkSize;
    const size_t n = std::min(kChunkSize, m_plain.size() - off);
    uint8_t chunkN[12];
    chunkNonce(i, i + 1 == m_chunks, chunkN);
    crypto_aead_chacha20poly1305_ietf_encrypt(dst + off + i * kTag, nullptr,
                                              reinterpret_cast<const uint8_t*>(m_plain.data()) + off, n, nullptr, 0,
                                              nullptr, chunkN, m_key);
  }
  if (m_next == m_chunks) {
    sodium_memzero(m_key, sizeof m_key);
    if (!m_owned.empty()) sodium_memzero(m_owned.data(), m_owned.size());
  }
}

std::string AgeEncryptor::take() {
  if (!done()) return {};
  std::string out = m_armor ? armor(m_out) : std::move(m_out);
  reset();
  return out;
}

BackupResult<std::string> ageEncrypt(std::string_view plaintext, std::string_view passphrase,
                                     const AgeEncryptOptions& options) {
  AgeEncryptor encryptor;
  auto started = encryptor.beginView(plaintext, passphrase, options);
  if (!started) return started.error();
  try {
    encryptor.step(SIZE_MAX);
    return encryptor.take();
  } catch (const std::bad_alloc&) {
    return backupError(BackupErrorKind::TooLarge, "out of memory");
  }
}

BackupResult<std::string> ageDecrypt(std::string_view file, std::string_view passphrase, const AgeDecryptOptions& options,
                                     const AgeWrapKey* derived) {
  AgeDecryptor decryptor;
  if (auto began = decryptor.begin(file, passphrase, options, derived); !began) return began.error();
  for (;;) {
    auto stepped = decryptor.step(SIZE_MAX);
    if (!stepped) return stepped.error();
    if (stepped.value()) return decryptor.take();
  }
}

// ---------------------------------------------------------------- [SECTION] AgeDecryptor
AgeDecryptor::~AgeDecryptor() { reset(); }

void AgeDecryptor::reset() {
  sodium_memzero(m_key, sizeof m_key);
  if (!m_out.empty()) sodium_memzero(m_out.data(), m_out.size());
  m_out.clear();
  m_decoded.clear();
  m_rest = {};
  m_counter = 0;
  m_total = 0;
  m_started = m_done = false;
}

BackupResult<bool> AgeDecryptor::begin(std::string_view file, std::string_view passphrase, const AgeDecryptOptions& options,
                                       const AgeWrapKey* derived) {
  reset();
  if (!cryptoReady()) return backupError(BackupErrorKind::Io, "libsodium could not start");
  if (file.size() > options.maxFileBytes) return backupError(BackupErrorKind::TooLarge);
  try {
    auto read = readScryptHeader(file, m_decoded, options);
    if (!read) return read.error();
    const Header& h = read.value().header;
    uint8_t wrapKey[32], fileKey[16], macKey[32], mac[32];
    if (auto k = wrapKeyFor(passphrase, read.value().salt, read.value().workFactor, derived, wrapKey); !k) return k.error();
    const uint8_t zeroNonce[12] = {};
    const Bytes& body = h.stanzas[0].body;
    unsigned long long keyLen = 0;
    const int rc = crypto_aead_chacha20poly1305_ietf_decrypt(fileKey, &keyLen, nullptr, body.data(), body.size(), nullptr,
                                                             0, zeroNonce, wrapKey);
    sodium_memzero(wrapKey, sizeof wrapKey);
    if (rc != 0 || keyLen != 16) return backupError(BackupErrorKind::WrongPassphrase);
    hkdfSha256(fileKey, 16, nullptr, 0, "header", macKey);
    hmac(macKey, 32, {h.macInput}, mac);
    sodium_memzero(macKey, sizeof macKey);
    if (crypto_verify_32(mac, h.mac.data()) != 0) {
      sodium_memzero(fileKey, sizeof fileKey);
      return backupError(BackupErrorKind::HeaderMacMismatch);
    }
    const std::string_view payload = file.substr(h.payloadStart);
    if (payload.size() < 16) {
      sodium_memzero(fileKey, sizeof fileKey);
      return backupError(BackupErrorKind::Truncated, "no payload nonce");
    }
    hkdfSha256(fileKey, 16, reinterpret_cast<const uint8_t*>(payload.data()), 16, "payload", m_key);
    sodium_memzero(fileKey, sizeof fileKey);
    m_rest = payload.substr(16);
    m_total = m_rest.size();
    m_out.reserve(m_rest.size());  // never more than the input
    m_started = true;
    return true;
  } catch (const std::bad_alloc&) {
    reset();
    return backupError(BackupErrorKind::TooLarge, "out of memory");
  }
}

BackupResult<bool> AgeDecryptor::fail(BackupError error) {
  reset();
  return error;
}

BackupResult<bool> AgeDecryptor::step(size_t maxChunks) {
  if (!m_started) return backupError(BackupErrorKind::Io, "nothing to open");
  uint8_t nonce[12];
  for (size_t done = 0; !m_done && done < std::max<size_t>(1, maxChunks); ++done) {
    if (m_rest.empty()) return fail(backupError(BackupErrorKind::Truncated, "the payload has no final chunk"));
    const bool mustBeLast = m_rest.size() < kSealedChunk;
    const size_t n = std::min(m_rest.size(), kSealedChunk);
    if (n < kTag) return fail(backupError(BackupErrorKind::Truncated, "a chunk is cut short"));
    const size_t start = m_out.size();
    m_out.resize(start + n - kTag);
    auto* dst = reinterpret_cast<uint8_t*>(m_out.data() + start);
    const auto* src = reinterpret_cast<const uint8_t*>(m_rest.data());
    unsigned long long plainLen = 0;
    const bool onlyThisLeft = m_rest.size() == n;
    bool last = false;
    bool opened = false;
    if (onlyThisLeft) {
      chunkNonce(m_counter, true, nonce);
      opened = crypto_aead_chacha20poly1305_ietf_decrypt(dst, &plainLen, nullptr, src, n, nullptr, 0, nonce, m_key) == 0;
      last = opened;
    }
    if (!opened && !mustBeLast) {
      chunkNonce(m_counter, false, nonce);
      opened = crypto_aead_chacha20poly1305_ietf_decrypt(dst, &plainLen, nullptr, src, n, nullptr, 0, nonce, m_key) == 0;
      // A full chunk not marked final, followed by nothing: the file was cut at a chunk boundary.
      if (opened && onlyThisLeft) return fail(backupError(BackupErrorKind::Truncated, "the payload ends after a non-final chunk"));
    }
    if (!opened) return fail(backupError(BackupErrorKind::Damaged, "chunk " + std::to_string(m_counter) + " does not authenticate"));
    if (last) {
      if (plainLen == 0 && m_counter != 0) return fail(backupError(BackupErrorKind::Damaged, "an empty final chunk after other chunks"));
      sodium_memzero(m_key, sizeof m_key);
      m_done = true;
      break;
    }
    m_rest.remove_prefix(n);
    ++m_counter;
  }
  return m_done;
}

double AgeDecryptor::progress() const {
  if (m_done) return 1.0;
  return m_total ? double(m_total - m_rest.size()) / double(m_total) : 0.0;
}

std::string AgeDecryptor::take() {
  if (!m_done) return {};
  std::string out = std::move(m_out);
  m_out.clear();
  reset();
  return out;
}

}  // namespace toward::backup
