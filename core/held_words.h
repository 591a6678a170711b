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
  // Forgets what was held for `key` (its words reached their record another way).
  void release(const std::string& key);
  bool empty() const { return m_held.empty(); }
  bool holdsTyped() const;
  bool holdsCrash() const;
  const std::vector<Held>& held() const { return m_held; }

  // Tries the typed words again when a retry is due: `tryStore` returns true when they are dealt with
  // (stored, or nobody owns their field any more); false keeps them for the next retry. True when
  // something was released.
  bool retryIfDue(int64_t nowMs, const std::function<bool(const Held&)>& tryStore);
  // When the next retry is due, or -1 when nothing typed is held.
  int64_t nextRetryMs() const;
  static constexpr int64_t kRetryMs = 2000;

  // Every held text, one after another with a blank line between (for "Copy these words").
  std::string joined() const;
  // Wipes the words from memory and forgets them (only when they are known to be stored elsewhere).
  void clear();

 private:
  std::vector<Held> m_held;
  int64_t m_nextRetryMs = -1;
};

}  // namespace toward::core
