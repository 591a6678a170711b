// core/held_words.cpp: see held_words.h.
#include "core/held_words.h"

#include <algorithm>

namespace toward::core {

namespace {
void wipe(std::string& s) { std::fill(s.begin(), s.end(), '\0'); }
}  // namespace

void HeldWords::hold(const std::string& key, std::string text, Origin origin, int64_t nowMs) {
  release(key);
  m_held.push_back({key, std::move(text), origin});
  ++m_version;
  if (origin == Origin::Typed) {
    m_retryDelayMs = kRetryMs;
    if (m_nextRetryMs < 0 || m_nextRetryMs > nowMs + kRetryMs) m_nextRetryMs = nowMs + kRetryMs;
  }
}

void HeldWords::forgetWhere(const std::function<bool(const Held&)>& which) {
  for (auto it = m_held.begin(); it != m_held.end();) {
    if (which(*it)) {
      wipe(it->text);
      it = m_held.erase(it);
    } else {
      ++it;
    }
  }
  if (!holdsTyped()) m_nextRetryMs = -1;
}

void HeldWords::release(std::string key) {
  forgetWhere([&](const Held& h) { return h.key == key; });
}

bool HeldWords::holdsTyped() const {
  return std::any_of(m_held.begin(), m_held.end(), [](const Held& h) { return h.origin == Origin::Typed; });
}

bool HeldWords::holdsCrash() const {
  return std::any_of(m_held.begin(), m_held.end(), [](const Held& h) { return h.origin == Origin::Crash; });
}

bool HeldWords::retryIfDue(int64_t nowMs, const std::function<bool(const Held&)>& tryStore) {
  if (m_nextRetryMs < 0 || nowMs < m_nextRetryMs) return false;
  // Copies: tryStore may release or hold words (the app's recoverText releases what it stores), which
  // would move the entries under an iterator.
  std::vector<Held> due;
  for (const auto& h : m_held) {
    if (h.origin == Origin::Typed) due.push_back(h);
  }
  const uint64_t versionBefore = m_version;
  bool released = false;
  for (auto& h : due) {
    if (tryStore(h)) {
      // Released unless newer words were held for the same field meanwhile (those wait their own turn).
      auto it = std::find_if(m_held.begin(), m_held.end(), [&](const Held& x) { return x.key == h.key; });
      if (it != m_held.end() && it->text == h.text) release(h.key);
      released = true;
    }
    wipe(h.text);
  }
  if (!holdsTyped()) {
    m_nextRetryMs = -1;
  } else if (m_version == versionBefore) {
    m_retryDelayMs = std::min(m_retryDelayMs * 2, kMaxRetryMs);
    m_nextRetryMs = nowMs + m_retryDelayMs;
  } else {
    m_nextRetryMs = nowMs + kRetryMs;   // new words came while trying: the next round comes soon
  }
  return released;
}

void HeldWords::retrySoon(int64_t nowMs) {
  if (!holdsTyped()) return;
  m_retryDelayMs = kRetryMs;
  m_nextRetryMs = nowMs;
}

void HeldWords::letTypedGo() {
  forgetWhere([](const Held& h) { return h.origin == Origin::Typed; });
  ++m_version;
}

int64_t HeldWords::nextRetryMs() const { return m_nextRetryMs; }

std::string HeldWords::joined() const {
  std::string out;
  for (const auto& h : m_held) {
    if (!out.empty()) out += "\n\n";
    out += h.text;
  }
  return out;
}

void HeldWords::clear() {
  for (auto& h : m_held) wipe(h.text);
  m_held.clear();
  m_nextRetryMs = -1;
}

}  // namespace toward::core
