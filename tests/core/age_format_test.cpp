// tests/core/age_format_test.cpp: age v1 with a passphrase: round trips at the chunk edges, armor, and a
// negative test for every decoder rule (files crafted here with libsodium so each breaks exactly one rule).
#include <doctest/doctest.h>

#include <sodium.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "core/backup/age_format.h"
#include "test_support.h"

using namespace toward;
using backup::BackupErrorKind;

namespace {

constexpr int kFastWf = 2;  // tests use a tiny work factor; the format is the same

std::string b64(const std::string& bytes, int variant = sodium_base64_VARIANT_ORIGINAL_NO_PADDING) {
  std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), variant);
  out.resize(out.size() - 1);
  return out;
}

std::string hmac(const uint8_t key[32], const std::string& msg) {
  uint8_t out[32];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key, 32);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const uint8_t*>(msg.data()), msg.size());
  crypto_auth_hmacsha256_final(&st, out);
  return std::string(reinterpret_cast<char*>(out), 32);
}

struct Chunk {
  std::string plain;
  bool last;
};

struct Craft {
  std::string passphrase = "pass";
  std::string wf = "2";
  size_t saltLen = 16;
  bool padSalt = false;
  std::string extraStanza;         // e.g. "-> X25519 abc\nbody\n"
  bool scrypt = true;
  bool breakMac = false;
  std::vector<Chunk> chunks = {{"hello", true}};
  std::string trailing;
};

// An age file built step by step like the spec says, with the chosen rule broken.
std::string craft(const Craft& c) {
  uint8_t fileKey[16];
  randombytes_buf(fileKey, 16);
  std::string salt(c.saltLen, '\0');
  randombytes_buf(salt.data(), salt.size());
  std::string fullSalt = "age-encryption.org/v1/scrypt" + salt;
  uint8_t wrap[32];
  // A work factor the reader must refuse (e.g. "99") is written as it is, but the wrap key is made with a
  // small one: shifting a 64-bit 1 by 64 or more is undefined (UBSan found it here).
  const int wf = std::stoi(c.wf.empty() ? "1" : c.wf.substr(0, 2));
  const int derived = crypto_pwhash_scryptsalsa208sha256_ll(
      reinterpret_cast<const uint8_t*>(c.passphrase.data()), c.passphrase.size(), reinterpret_cast<const uint8_t*>(fullSalt.data()),
      fullSalt.size(), uint64_t(1) << (wf >= 1 && wf <= 20 ? wf : 1), 8, 1, wrap, 32);
  REQUIRE(derived == 0);
  uint8_t body[32];
  const uint8_t zero[12] = {};
  crypto_aead_chacha20poly1305_ietf_encrypt(body, nullptr, fileKey, 16, nullptr, 0, nullptr, zero, wrap);
  std::string h = "age-encryption.org/v1\n";
  if (c.scrypt) {
    h += "-> scrypt " + b64(salt, c.padSalt ? sodium_base64_VARIANT_ORIGINAL : sodium_base64_VARIANT_ORIGINAL_NO_PADDING) +
         " " + c.wf + "\n" + b64(std::string(reinterpret_cast<char*>(body), 32)) + "\n";
  }
  h += c.extraStanza + "---";
  uint8_t macKey[32];
  backup::hkdfSha256(fileKey, 16, nullptr, 0, "header", macKey);
  std::string mac = hmac(macKey, h);
  if (c.breakMac) mac[0] ^= 1;
  h += " " + b64(mac) + "\n";
  uint8_t nonce[16], payloadKey[32];
  randombytes_buf(nonce, 16);
  h.append(reinterpret_cast<char*>(nonce), 16);
  backup::hkdfSha256(fileKey, 16, nonce, 16, "payload", payloadKey);
  for (size_t i = 0; i < c.chunks.size(); ++i) {
    uint8_t n[12] = {};
    for (int b = 0; b < 8; ++b) n[10 - b] = uint8_t(uint64_t(i) >> (8 * b));
    n[11] = c.chunks[i].last ? 1 : 0;
    std::string out(c.chunks[i].plain.size() + 16, '\0');
    crypto_aead_chacha20poly1305_ietf_encrypt(reinterpret_cast<uint8_t*>(out.data()), nullptr,
                                              reinterpret_cast<const uint8_t*>(c.chunks[i].plain.data()),
                                              c.chunks[i].plain.size(), nullptr, 0, nullptr, n, payloadKey);
    h += out;
  }
  return h + c.trailing;
}

BackupErrorKind failure(const std::string& file, const std::string& pass = "pass") {
  auto r = backup::ageDecrypt(file, pass);
  REQUIRE_FALSE(r.isOk());
  return r.error().kind;
}

std::string decrypted(const std::string& file, const std::string& pass = "pass") {
  auto r = backup::ageDecrypt(file, pass);
  INFO(r.error().detail);
  REQUIRE(r.isOk());
  return r.value();
}

std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = char((i * 131 + 7) & 0xff);
  return s;
}

}  // namespace

TEST_CASE("[age] round trips at every chunk edge, binary and armored") {
  REQUIRE(backup::cryptoReady());
  for (size_t size : {size_t(0), size_t(1), size_t(65535), size_t(65536), size_t(65537), size_t(3 * 65536), size_t(200000)}) {
    CAPTURE(size);
    const std::string plain = pattern(size);
    for (bool armored : {false, true}) {
      auto file = backup::ageEncrypt(plain, "a passphrase", {kFastWf, armored});
      REQUIRE(file.isOk());
      CHECK(backup::isArmored(file.value()) == armored);
      CHECK(backup::peekWorkFactor(file.value()) == kFastWf);
      CHECK(decrypted(file.value(), "a passphrase") == plain);
    }
  }
}

TEST_CASE("[age] the payload has one chunk per 64 KiB, and a single empty chunk for empty input") {
  auto sizeOf = [](size_t n) { return backup::ageEncrypt(pattern(n), "p", {kFastWf, false}).value().size(); };
  const size_t header = sizeOf(0) - 16;  // header + nonce; the empty payload is one 16-byte tag
  CHECK(sizeOf(1) == header + 1 + 16);
  CHECK(sizeOf(65536) == header + 65536 + 16);          // a full final chunk: no empty chunk after it
  CHECK(sizeOf(65537) == header + 65537 + 2 * 16);
}

TEST_CASE("[age] writes the header age writes: version line, one scrypt stanza, default work factor 18") {
  auto file = backup::ageEncrypt("x", "p").value();
  CHECK(file.rfind("age-encryption.org/v1\n-> scrypt ", 0) == 0);
  CHECK(backup::peekWorkFactor(file) == 18);
  const size_t nl = file.find('\n', 22);
  const std::string stanza = file.substr(22, nl - 22);
  CHECK(stanza.size() == std::string("-> scrypt ").size() + 22 + 3);  // 16-byte salt = 22 chars, " 18"
}

TEST_CASE("[age] a wrong passphrase is told apart from damage, and changes nothing") {
  auto file = backup::ageEncrypt("secret words", "right", {kFastWf, false}).value();
  auto r = backup::ageDecrypt(file, "wrong");
  REQUIRE_FALSE(r.isOk());
  CHECK(r.error().kind == BackupErrorKind::WrongPassphrase);
  CHECK(r.error().exitCode() == 2);
  CHECK(r.error().message().find("different passphrase") != std::string::npos);
  CHECK(r.error().message().find("Nothing was changed.") != std::string::npos);
}

TEST_CASE("[age] work factor: 18 by default, never written or accepted above 22") {
  CHECK(backup::ageEncrypt("x", "p", {23, false}).error().kind == BackupErrorKind::WorkFactorTooHigh);
  CHECK(backup::ageEncrypt("x", "p", {0, false}).error().kind == BackupErrorKind::WorkFactorTooHigh);
  Craft c;
  c.wf = "23";
  CHECK(failure(craft(c)) == BackupErrorKind::WorkFactorTooHigh);
  c.wf = "99999999999999999999";
  CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
  // A stricter caller limit also holds.
  c.wf = "4";
  backup::AgeDecryptOptions strict;
  strict.maxWorkFactor = 3;
  CHECK(backup::ageDecrypt(craft(c), "pass", strict).error().kind == BackupErrorKind::WorkFactorTooHigh);
}

TEST_CASE("[age] decoder rules of the header") {
  SUBCASE("a crafted file that breaks nothing opens") { CHECK(decrypted(craft({})) == "hello"); }
  SUBCASE("work factor with a leading zero or not a number") {
    Craft c;
    c.wf = "02";
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
    c.wf = "1a";
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
    c.wf = "0";
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
  }
  SUBCASE("salt must be 16 bytes in canonical unpadded base64") {
    Craft c;
    c.saltLen = 15;
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
    c.saltLen = 16;
    c.padSalt = true;
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
    std::string f = craft({});
    const size_t salt = f.find("scrypt ") + 7;
    // The 22nd character holds 2 spare bits; a non-zero spare bit is a non-canonical spelling.
    const char last = f[salt + 21];
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    f[salt + 21] = alphabet[(alphabet.find(last) & ~size_t(3)) | ((alphabet.find(last) & 3) ^ 1)];
    CHECK(failure(f) == BackupErrorKind::BadHeader);
  }
  SUBCASE("exactly one scrypt stanza") {
    Craft c;
    c.extraStanza = "-> X25519 Zm9v\nYmFy\n";
    CHECK(failure(craft(c)) == BackupErrorKind::BadHeader);
    c.scrypt = false;
    CHECK(failure(craft(c)) == BackupErrorKind::NotPassphrase);
    std::string f = craft({});
    const size_t end = f.find("---");
    const size_t start = f.find("-> scrypt");
    f.insert(end, f.substr(start, end - start));  // the same scrypt stanza twice
    CHECK(failure(f) == BackupErrorKind::BadHeader);
  }
  SUBCASE("a stanza of a type we do not know is ignored: no identity matched, the wrong-passphrase case") {
    std::string f = craft({});
    const size_t type = f.find("-> scrypt ") + 3;
    f.replace(type, 6, "Scrypt");   // differs from scrypt only in case: another type
    auto r = backup::ageDecrypt(f, "pass");
    REQUIRE_FALSE(r.isOk());
    CHECK(r.error().kind == BackupErrorKind::WrongPassphrase);
    CHECK(r.error().exitCode() == 2);
    Craft c;
    c.scrypt = false;
    c.extraStanza = "-> some-plugin-type Zm9v\nYmFy\n";
    CHECK(failure(craft(c)) == BackupErrorKind::WrongPassphrase);
  }
  SUBCASE("the body must be 32 bytes, in lines of at most 64 columns") {
    std::string f = craft({});
    const size_t body = f.find('\n', 22) + 1;
    std::string shorter = f;
    shorter.replace(body, 43, f.substr(body, 40));  // 30 bytes
    CHECK(failure(shorter) == BackupErrorKind::BadHeader);
    std::string wide = f;
    wide.insert(body, std::string(64, 'A'));  // a line of 107 columns
    CHECK(failure(wide) == BackupErrorKind::BadHeader);
    std::string padded = f;
    padded.insert(body + 43, "=");
    CHECK(failure(padded) == BackupErrorKind::BadHeader);
  }
  SUBCASE("argument and MAC line syntax") {
    std::string f = craft({});
    std::string twoSpaces = f;
    twoSpaces.replace(twoSpaces.find("scrypt "), 7, "scrypt  ");
    CHECK(failure(twoSpaces) == BackupErrorKind::BadHeader);
    std::string noMac = f.substr(0, f.find("---"));
    CHECK(failure(noMac) == BackupErrorKind::BadHeader);
    std::string macShort = f;
    macShort.erase(macShort.find("--- ") + 4, 1);
    CHECK(failure(macShort) == BackupErrorKind::BadHeader);
  }
  SUBCASE("not an age file, or another age version") {
    CHECK(failure("") == BackupErrorKind::NotAgeFile);
    CHECK(failure("{\"toward\":\"backup\"}") == BackupErrorKind::NotAgeFile);
    CHECK(failure("age-encryption.org/v2\n") == BackupErrorKind::BadHeader);
    // Told before a passphrase is asked for: exactly the files that fail as NotAgeFile whatever it is.
    CHECK_FALSE(backup::looksLikeAgeFile(""));
    CHECK_FALSE(backup::looksLikeAgeFile("{\"toward\":\"backup\"}"));
    CHECK_FALSE(backup::looksLikeAgeFile(std::string("\x89PNG\r\n\x1a\n", 8)));
    CHECK(backup::looksLikeAgeFile("age-encryption.org/v2\n"));
    CHECK(backup::looksLikeAgeFile("\n  -----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n"));
  }
  SUBCASE("a header changed after it was written") {
    Craft c;
    c.breakMac = true;
    CHECK(failure(craft(c)) == BackupErrorKind::HeaderMacMismatch);
  }
}

TEST_CASE("[age] decoder rules of the payload") {
  const std::string full(65536, 'f');
  SUBCASE("the last chunk must carry the final flag") {
    Craft c;
    c.chunks = {{"hello", false}};
    CHECK(failure(craft(c)) == BackupErrorKind::Damaged);
  }
  SUBCASE("a full chunk followed by nothing must be marked final") {
    Craft c;
    c.chunks = {{full, false}};
    CHECK(failure(craft(c)) == BackupErrorKind::Truncated);
    c.chunks = {{full, true}};
    CHECK(decrypted(craft(c)) == full);
  }
  SUBCASE("an empty final chunk only when the whole payload is empty") {
    Craft c;
    c.chunks = {{full, false}, {"", true}};
    CHECK(failure(craft(c)) == BackupErrorKind::Damaged);
    c.chunks = {{"", true}};
    CHECK(decrypted(craft(c)).empty());
  }
  SUBCASE("a final flag before the end is damage") {
    Craft c;
    c.chunks = {{full, true}, {"more", true}};
    CHECK(failure(craft(c)) == BackupErrorKind::Damaged);
  }
  SUBCASE("no trailing data, no missing end") {
    Craft c;
    c.trailing = "x";
    CHECK(failure(craft(c)) == BackupErrorKind::Damaged);
    std::string f = craft({});
    CHECK(failure(f.substr(0, f.size() - 1)) == BackupErrorKind::Damaged);
    const size_t payload = f.find("\n", f.find("--- ")) + 1;
    CHECK(failure(f.substr(0, payload + 10)) == BackupErrorKind::Truncated);  // nonce cut
    CHECK(failure(f.substr(0, payload + 16)) == BackupErrorKind::Truncated);  // no chunk at all
    Craft two;
    two.chunks = {{full, false}, {"end", true}};
    std::string t = craft(two);
    CHECK(failure(t.substr(0, t.size() - 19)) == BackupErrorKind::Truncated);
  }
  SUBCASE("a flipped bit anywhere in the payload") {
    std::string f = backup::ageEncrypt(pattern(70000), "pass", {kFastWf, false}).value();
    for (size_t at : {f.size() - 1, f.size() - 20000, f.size() - 69000}) {
      std::string g = f;
      g[at] = char(g[at] ^ 0x20);
      CHECK(failure(g) == BackupErrorKind::Damaged);
    }
  }
}

TEST_CASE("[age] strict armor") {
  const std::string bin = backup::ageEncrypt(pattern(1000), "pass", {kFastWf, false}).value();
  const std::string arm = backup::armor(bin);
  CHECK(arm.rfind("-----BEGIN AGE ENCRYPTED FILE-----\n", 0) == 0);
  CHECK(arm.substr(arm.size() - 33) == "-----END AGE ENCRYPTED FILE-----\n");
  CHECK(decrypted(arm) == pattern(1000));
  SUBCASE("whitespace around the block and CRLF are fine") {
    std::string crlf;
    for (char ch : arm) {
      if (ch == '\n') crlf += "\r\n";
      else crlf += ch;
    }
    CHECK(decrypted("\n  " + crlf + "\n\n") == pattern(1000));
  }
  SUBCASE("anything else is refused") {
    const size_t firstLine = arm.find('\n') + 1;
    std::string shortLine = arm;
    shortLine.erase(firstLine + 10, 1);
    CHECK(failure(shortLine) == BackupErrorKind::BadArmor);
    std::string longLine = arm;
    longLine.insert(firstLine + 10, "A");
    CHECK(failure(longLine) == BackupErrorKind::BadArmor);
    CHECK(failure(arm + "junk") == BackupErrorKind::BadArmor);
    CHECK(failure(arm.substr(0, arm.size() - 10)) == BackupErrorKind::BadArmor);
    std::string blank = arm;
    blank.insert(firstLine, "\n");
    CHECK(failure(blank) == BackupErrorKind::BadArmor);
    CHECK(failure("-----BEGIN AGE ENCRYPTED FILE-----\n-----END AGE ENCRYPTED FILE-----\n") == BackupErrorKind::BadArmor);
    std::string lower = arm;
    lower.replace(0, 10, "-----begin");
    CHECK(failure(lower) == BackupErrorKind::NotAgeFile);
  }
}

TEST_CASE("[age] files larger than the device allows are refused before any work") {
  backup::AgeDecryptOptions small;
  small.maxFileBytes = 100;
  auto file = backup::ageEncrypt(pattern(200), "pass", {kFastWf, false}).value();
  CHECK(backup::ageDecrypt(file, "pass", small).error().kind == BackupErrorKind::TooLarge);
  CHECK(backup::ageDecrypt(file, "pass", small).error().exitCode() == 1);
}

TEST_CASE("[age] HKDF-SHA-256 matches RFC 5869 test case 1") {
  std::string ikm(22, '\x0b');
  const uint8_t salt[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  const std::string info = "\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9";
  uint8_t okm[32];
  backup::hkdfSha256(reinterpret_cast<const uint8_t*>(ikm.data()), ikm.size(), salt, sizeof salt, info, okm);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, okm, 32);
  CHECK(std::string(hex) == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf");
}

TEST_CASE("[age] every error kind has its own message and exit code") {
  using K = BackupErrorKind;
  const std::vector<std::pair<K, int>> kinds = {
      {K::Io, 1}, {K::TooLarge, 1}, {K::WrongPassphrase, 2}, {K::NotAgeFile, 3}, {K::BadHeader, 3}, {K::BadArmor, 3},
      {K::NotPassphrase, 3}, {K::WorkFactorTooHigh, 3}, {K::HeaderMacMismatch, 4}, {K::Truncated, 5}, {K::Damaged, 5},
      {K::NotBackup, 6}, {K::UnsupportedVersion, 6}};
  std::vector<std::string> seen;
  for (const auto& [kind, code] : kinds) {
    backup::BackupError e{kind, ""};
    CHECK(e.exitCode() == code);
    CHECK(std::find(seen.begin(), seen.end(), e.message()) == seen.end());
    seen.push_back(e.message());
  }
}

TEST_CASE("[age] the golden backup made by Debian's age -p opens forever") {
  const std::string file = test::fixture("backup.v1.age");
  CHECK(backup::peekWorkFactor(file) == 18);
  CHECK(decrypted(file, "toward golden fixture") == test::fixture("backup.v1.json"));
}

TEST_CASE("[age] the stepwise encryptor (the app seals across frames) makes the same kind of file, chunk by chunk, with progress") {
  for (size_t size : {size_t(0), size_t(1), backup::kChunkSize, backup::kChunkSize * 3 + 17}) {
    std::string plain(size, 'x');
    for (size_t i = 0; i < size; ++i) plain[i] = char('a' + i % 23);
    backup::AgeEncryptor enc;
    backup::AgeEncryptOptions o;
    o.workFactor = 2;
    REQUIRE(enc.begin(plain, "steps", o).isOk());
    CHECK(enc.progress() == 0.0);
    int steps = 0;
    while (!enc.done()) {
      enc.step(1);
      ++steps;
      CHECK(enc.progress() > 0.0);
    }
    CHECK(steps == int(size == 0 ? 1 : (size + backup::kChunkSize - 1) / backup::kChunkSize));
    const std::string file = enc.take();
    CHECK_FALSE(enc.started());
    auto back = backup::ageDecrypt(file, "steps");
    REQUIRE(back.isOk());
    CHECK(back.value() == plain);
    CHECK(backup::ageDecrypt(file, "other").error().kind == backup::BackupErrorKind::WrongPassphrase);
  }
  backup::AgeEncryptor tooHard;
  backup::AgeEncryptOptions o;
  o.workFactor = 23;
  CHECK(tooHard.begin("x", "p", o).error().kind == backup::BackupErrorKind::WorkFactorTooHigh);
  CHECK_FALSE(tooHard.started());
}

TEST_CASE("[age] the passphrase's key made elsewhere (the page's key worker) seals and opens as the passphrase does") {
  // What web/key_worker.cpp computes: scrypt (N = 2^wf, r = 8, p = 1) over ageScryptSalt() of the file's salt.
  const auto derive = [](const std::string& pass, const std::string& salt16, int wf) {
    backup::AgeWrapKey k;
    k.salt = salt16;
    k.workFactor = wf;
    const std::string full = backup::ageScryptSalt(salt16);
    REQUIRE(crypto_pwhash_scryptsalsa208sha256_ll(reinterpret_cast<const uint8_t*>(pass.data()), pass.size(),
                                                  reinterpret_cast<const uint8_t*>(full.data()), full.size(),
                                                  uint64_t(1) << wf, 8, 1, k.key.data(), k.key.size()) == 0);
    return k;
  };
  const auto made = derive("right", backup::newAgeSalt(), kFastWf);
  backup::AgeEncryptor enc;
  REQUIRE(enc.begin("words kept for later", "", {kFastWf, false}, &made));
  enc.step(SIZE_MAX);
  const std::string file = enc.take();
  // age's own way (the passphrase) opens it: the key was the real one.
  CHECK(backup::ageDecrypt(file, "right").value() == "words kept for later");
  auto params = backup::ageWrapParams(file);
  REQUIRE(params);
  CHECK(params.value().salt == made.salt);
  CHECK(params.value().workFactor == kFastWf);
  const auto opened = derive("right", params.value().salt, params.value().workFactor);
  CHECK(backup::ageDecrypt(file, "", {}, &opened).value() == "words kept for later");
  const auto wrong = derive("wrong", params.value().salt, params.value().workFactor);
  auto refused = backup::ageDecrypt(file, "", {}, &wrong);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == BackupErrorKind::WrongPassphrase);
  // A key made for another file's salt is not used: the passphrase is.
  const auto other = derive("wrong", backup::newAgeSalt(), kFastWf);
  CHECK(backup::ageDecrypt(file, "right", {}, &other).value() == "words kept for later");
  CHECK(backup::ageWrapParams("not an age file").error().kind != BackupErrorKind::WrongPassphrase);
}
