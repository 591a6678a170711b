// core/held_words.h: words that reached no record, kept until they do. A text field can go away
// between two frames with words in it (web: WebTextInput's orphan handler), and a crash copy comes back
// at the next start; both are handed to the view that owns the field. When the store refuses them (too
// large for one record, another tab writes, the vault locked meanwhile), nobody else holds them any
// more: they wait here, are tried again now and then, and the shell says so and offers to copy them.
// "Saved" is never shown while anything waits here.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace toward::core {

class HeldWords {
 public:
  // Where the words came from: typed just now (tried again here), or a crash copy (its copy is kept in
  // the browser too and tried again at the next start, so here it is only shown and offered to copy).
  enum class Origin { Typed, Crash };
  struct Held {
    std::string key;    // the text field's key ("letters.letter/<id>/text")
    std::string text;
    Origin origin = Origin::Typed;
  };

  // Keeps `text` for `key`; newer words for the same key replace older ones.
  void hold(const std::string& key, std::string text, Origin origin, int64_t nowMs);
  // Forgets what was held for `key` (its words reached their record another way). By value: the key may
  // be one of the held entries' own (tryStore below may release the words it is storing).
  void release(std::string key);
  bool empty() const { return m_held.empty(); }
  bool holdsTyped() const;
  bool holdsCrash() const;
  const std::vector<Held>& held() const { return m_held; }

  // Tries the typed words again when a retry is due: `tryStore` (given a copy; it may call release() or
  // hold()) returns true when they are dealt with (stored, or nobody owns their field any more); false
  // keeps them. The wait between tries doubles after each refused round, from kRetryMs up to
  // kMaxRetryMs (a refusal that lasts, such as words past the record limit, is not re-serialized every
  // two seconds), and starts again at kRetryMs when new words are held. True when something was released.
  bool retryIfDue(int64_t nowMs, const std::function<bool(const Held&)>& tryStore);
  // Makes the next retry due at once, with the shortest wait after it: the app calls it when what refused
  // the words has passed (this tab writes again, the vault was unlocked, the store is open), so the words
  // reach their record before the person can type over the same field.
  void retrySoon(int64_t nowMs);
  // When the next retry is due, or -1 when nothing typed is held.
  int64_t nextRetryMs() const;
  // Changes whenever words are held (a "Copied." said for older words is then out of date).
  uint64_t version() const { return m_version; }
  static constexpr int64_t kRetryMs = 2000;
  static constexpr int64_t kMaxRetryMs = 60000;

  // Every held text, one after another with a blank line between (for "Copy these words").
  std::string joined() const;
  // Wipes the words from memory and forgets them (only when they are known to be stored elsewhere).
  void clear();
  // Wipes and forgets the typed words only, as the person chose ("Let these words go": words that can never
  // fit would otherwise hold back "Saved" and every flush for as long as the tab is open).
  void letTypedGo();

 private:
  // Wipes and forgets the held words `which` picks; no retry is due once nothing typed is left.
  void forgetWhere(const std::function<bool(const Held&)>& which);
  std::vector<Held> m_held;
  int64_t m_nextRetryMs = -1;
  int64_t m_retryDelayMs = kRetryMs;
  uint64_t m_version = 0;
};

}  // namespace toward::core
