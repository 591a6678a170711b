// core/record_sealer.h: what the record store needs from a vault to keep the person's words unreadable
// at rest. While a vault is unlocked, the store holds a sealer and every record file, trash file and
// side file is sealed on write and opened on read (core/record_codec.h, envelope format 2). The core
// knows nothing of keys or ciphers: the vault (core/vault) implements this with libsodium.
#pragma once
#include <string>

#include "core/result.h"

namespace toward::core {

class RecordSealer {
 public:
  virtual ~RecordSealer() = default;
  // Encrypts `plaintext`, authenticating `associated` with it; returns printable text (base64 of the
  // nonce and the ciphertext) for the envelope's "sealed" member.
  virtual std::string seal(const std::string& plaintext, const std::string& associated) const = 0;
  // Opens what seal() made. Invalid when the text was changed, or was sealed with another key or for
  // another place (other associated data).
  virtual Result<std::string> open(const std::string& sealed, const std::string& associated) const = 0;
};

}  // namespace toward::core
