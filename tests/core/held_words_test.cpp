// tests/core/held_words_test.cpp: words the store refused wait, are tried again, and are never dropped
// until they are stored or nobody owns their field.
#include <doctest/doctest.h>

#include "core/held_words.h"

using toward::core::HeldWords;
using Origin = HeldWords::Origin;

TEST_CASE("[held] typed words the store refused wait and are tried again until they are stored") {
  HeldWords h;
  CHECK(h.empty());
  CHECK(h.nextRetryMs() == -1);
  h.hold("letters.letter/a/text", "Dear you", Origin::Typed, 1000);
  CHECK_FALSE(h.empty());
  CHECK(h.nextRetryMs() == 1000 + HeldWords::kRetryMs);
  int tries = 0;
  auto refuse = [&](const HeldWords::Held&) { ++tries; return false; };
  CHECK_FALSE(h.retryIfDue(1500, refuse));   // not due yet
  CHECK(tries == 0);
  CHECK_FALSE(h.retryIfDue(3000, refuse));   // due, refused again: kept, the next try twice as far
  CHECK(tries == 1);
  CHECK(h.held().size() == 1);
  CHECK(h.nextRetryMs() == 3000 + 2 * HeldWords::kRetryMs);
  CHECK_FALSE(h.retryIfDue(3000 + 2 * HeldWords::kRetryMs, refuse));
  CHECK(h.nextRetryMs() == 3000 + 2 * HeldWords::kRetryMs + 4 * HeldWords::kRetryMs);
  std::string stored;
  CHECK(h.retryIfDue(100000, [&](const HeldWords::Held& w) { stored = w.text; return true; }));
  CHECK(stored == "Dear you");
  CHECK(h.empty());
  CHECK(h.nextRetryMs() == -1);
}

TEST_CASE("[held] newer words for a field replace older ones; crash copies are shown, not retried") {
  HeldWords h;
  h.hold("journal.entry/x/text", "first", Origin::Typed, 0);
  h.hold("journal.entry/x/text", "first and more", Origin::Typed, 10);
  h.hold("letters.letter/b/text", "from before the crash", Origin::Crash, 10);
  REQUIRE(h.held().size() == 2);
  CHECK(h.holdsTyped());
  CHECK(h.holdsCrash());
  CHECK(h.joined() == "first and more\n\nfrom before the crash");
  std::vector<std::string> tried;
  CHECK(h.retryIfDue(5000, [&](const HeldWords::Held& w) { tried.push_back(w.key); return true; }));
  CHECK(tried == std::vector<std::string>{"journal.entry/x/text"});
  CHECK(h.holdsCrash());
  CHECK_FALSE(h.holdsTyped());
  CHECK(h.nextRetryMs() == -1);   // nothing typed left to try
  h.release("letters.letter/b/text");
  CHECK(h.empty());
}

TEST_CASE("[held] one refusal among several keeps only the refused words") {
  HeldWords h;
  h.hold("a", "one", Origin::Typed, 0);
  h.hold("b", "two", Origin::Typed, 0);
  h.retryIfDue(HeldWords::kRetryMs, [](const HeldWords::Held& w) { return w.key == "a"; });
  REQUIRE(h.held().size() == 1);
  CHECK(h.held()[0].text == "two");
  h.clear();
  CHECK(h.empty());
}

TEST_CASE("[held] storing may release the words being stored: the others stay whole, nothing is touched twice") {
  // The app's recoverText releases a field's held words when it stores them, from inside the retry.
  HeldWords h;
  h.hold("a", "first words", Origin::Typed, 0);
  h.hold("b", "second words", Origin::Typed, 0);
  h.hold("c", "third words", Origin::Typed, 0);
  std::vector<std::string> seen;
  CHECK(h.retryIfDue(HeldWords::kRetryMs, [&](const HeldWords::Held& w) {
    seen.push_back(w.key + "=" + w.text);
    if (w.key != "a") return false;   // only "a" can be stored now
    h.release(w.key);
    return true;
  }));
  CHECK(seen == std::vector<std::string>{"a=first words", "b=second words", "c=third words"});
  REQUIRE(h.held().size() == 2);
  CHECK(h.held()[0].key == "b");
  CHECK(h.held()[0].text == "second words");
  CHECK(h.held()[1].text == "third words");
}

TEST_CASE("[held] newer words held while older ones are being stored wait their own turn; refusals back off up to a minute") {
  HeldWords h;
  h.hold("a", "older", Origin::Typed, 0);
  CHECK(h.retryIfDue(HeldWords::kRetryMs, [&](const HeldWords::Held&) {
    h.hold("a", "newer", Origin::Typed, HeldWords::kRetryMs);   // typed again while the older words were stored
    return true;
  }));
  REQUIRE(h.held().size() == 1);
  CHECK(h.held()[0].text == "newer");
  CHECK(h.nextRetryMs() == 2 * HeldWords::kRetryMs);
  int64_t now = h.nextRetryMs();
  for (int i = 0; i < 10; ++i) {
    h.retryIfDue(now, [](const HeldWords::Held&) { return false; });
    now = h.nextRetryMs();
  }
  int64_t before = now;
  h.retryIfDue(now, [](const HeldWords::Held&) { return false; });
  CHECK(h.nextRetryMs() - before == HeldWords::kMaxRetryMs);
  const uint64_t v = h.version();
  h.hold("b", "more", Origin::Typed, now);
  CHECK(h.version() != v);
  CHECK(h.nextRetryMs() <= now + HeldWords::kRetryMs);   // new words: tried again soon
}

TEST_CASE("[held] when what refused the words has passed, they are tried at once, and the waits start short again") {
  HeldWords h;
  h.retrySoon(5);
  CHECK(h.nextRetryMs() == -1);   // nothing typed is held: nothing to try
  h.hold("a", "words", Origin::Typed, 0);
  int64_t now = h.nextRetryMs();
  for (int i = 0; i < 8; ++i) {   // refused for a while (another tab wrote): the wait has grown to a minute
    h.retryIfDue(now, [](const HeldWords::Held&) { return false; });
    now = h.nextRetryMs();
  }
  const int64_t regained = now - HeldWords::kMaxRetryMs / 2;   // this tab writes again, well before that
  h.retrySoon(regained);
  CHECK(h.nextRetryMs() == regained);
  int tries = 0;
  h.retryIfDue(regained, [&](const HeldWords::Held&) { ++tries; return false; });
  CHECK(tries == 1);
  CHECK(h.nextRetryMs() == regained + 2 * HeldWords::kRetryMs);   // the waits start short again
}

TEST_CASE("[held] letting the typed words go forgets only them; a crash copy stays shown") {
  HeldWords h;
  h.hold("a", "far too many words", Origin::Typed, 0);
  h.hold("b", "kept at the crash", Origin::Crash, 0);
  const uint64_t v = h.version();
  h.letTypedGo();
  CHECK_FALSE(h.holdsTyped());
  CHECK(h.holdsCrash());
  CHECK(h.nextRetryMs() == -1);
  CHECK(h.version() != v);   // a "Copied." said before is out of date
  REQUIRE(h.held().size() == 1);
  CHECK(h.held()[0].text == "kept at the crash");
}
