// core/ui/key_away.h: a passphrase's slow key (the vault's Argon2id, a backup's scrypt) asked of the
// platform once, to be made away from the page (Platform::deriveKeyAway: the browser's key worker), and its
// answer taken in a later frame. Where there is no such place, or it failed, the caller makes it in place.
#pragma once
#include <array>
#include <functional>
#include <memory>
#include <optional>

#include "core/platform/platform.h"

namespace toward::ui {

class KeyAway {
 public:
  enum class State { Working, Ready, InPlace };
  KeyAway() = default;
  KeyAway(const KeyAway&) = delete;
  KeyAway& operator=(const KeyAway&) = delete;
  ~KeyAway() { reset(); }
  // The first call hands over what `job` makes (nullopt: nothing to hand over, InPlace); later calls say how
  // it goes. Ready: key() holds the 32 bytes. InPlace: the key is to be made here.
  State step(core::Platform& platform, const std::function<std::optional<core::PassphraseKeyJob>()>& job);
  const std::array<unsigned char, 32>& key() const { return m_key; }
  // Handed over and not answered yet.
  bool working() const { return m_asked && !m_answered; }
  // Answered with the key (key() holds it); false while working, and when it is to be made in place.
  bool ready() const { return m_answered && m_ok; }
  bool asked() const { return m_asked; }
  // Wipes the key; an answer still to come is dropped.
  void reset();

 private:
  // Which handover is awaited, shared with the answers' callbacks (which may come after this is gone).
  std::shared_ptr<int> m_ticket = std::make_shared<int>(0);
  bool m_asked = false, m_answered = false, m_ok = false, m_inPlace = false;
  std::array<unsigned char, 32> m_key{};
};

}  // namespace toward::ui
