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
  CHECK_FALSE(h.retryIfDue(3000, refuse));   // due, refused again: kept, next try later
  CHECK(tries == 1);
  CHECK(h.held().size() == 1);
  CHECK(h.nextRetryMs() == 3000 + HeldWords::kRetryMs);
  std::string stored;
  CHECK(h.retryIfDue(5000, [&](const HeldWords::Held& w) { stored = w.text; return true; }));
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
