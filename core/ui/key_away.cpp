// core/ui/key_away.cpp: see key_away.h.
#include "core/ui/key_away.h"

#include <sodium.h>

#include <algorithm>
#include <string>

namespace toward::ui {

KeyAway::State KeyAway::step(core::Platform& platform,
                             const std::function<std::optional<core::PassphraseKeyJob>()>& job) {
  if (m_inPlace) return State::InPlace;
  if (m_answered) return m_ok ? State::Ready : State::InPlace;
  if (m_asked) return State::Working;
  auto made = job();
  if (!made) {
    m_inPlace = true;
    return State::InPlace;
  }
  const int ticket = ++*m_ticket;
  std::weak_ptr<int> awaited = m_ticket;
  m_asked = platform.deriveKeyAway(*made, [this, ticket, awaited](bool ok, std::string key) {
    const auto current = awaited.lock();
    if (current && *current == ticket) {
      m_answered = true;
      m_ok = ok && key.size() == m_key.size();
      if (m_ok) std::copy(key.begin(), key.end(), m_key.begin());
    }
    sodium_memzero(key.data(), key.size());
  });
  sodium_memzero(made->passphrase.data(), made->passphrase.size());
  if (!m_asked) m_inPlace = true;
  return m_asked ? State::Working : State::InPlace;
}

void KeyAway::reset() {
  ++*m_ticket;
  sodium_memzero(m_key.data(), m_key.size());
  m_asked = m_answered = m_ok = m_inPlace = false;
}

}  // namespace toward::ui
