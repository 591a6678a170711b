// plugins/journal/tests/journal_vocabulary_test.cpp: the built-in feelings vocabulary and choice lists.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "plugins/journal/feelings_vocabulary.h"

using namespace toward::journal;

TEST_CASE("[journal] the feelings vocabulary is rich, grouped, and every word has a plain meaning") {
  CHECK(feelingWordCount() > 100);
  std::set<std::string> families, words;
  for (const auto& f : feelingFamilies()) {
    families.insert(f.id);
    CHECK(f.words.size() >= 8);
    for (const auto& w : f.words) {
      CHECK_MESSAGE(words.insert(w.word).second, "word listed twice: ", w.word);
      const std::string meaning = w.meaning;
      CHECK_MESSAGE(meaning.size() >= 8, "meaning too short for ", w.word);
      CHECK_MESSAGE(meaning.size() <= 80, "meaning longer than one line for ", w.word);
      CHECK(meaning.find('\n') == std::string::npos);
    }
  }
  for (const char* id : {"sad", "afraid", "angry", "ashamed", "lonely", "longing", "hurt", "numb", "glad", "calm", "loving"}) {
    CHECK_MESSAGE(families.count(id) == 1, "missing family ", id);
  }
  CHECK(words.size() == feelingWordCount());
}

TEST_CASE("[journal] built-in feelings are found case and accent insensitively; one's own words are not") {
  REQUIRE(findFeeling("Longing") != nullptr);
  CHECK(std::string(findFeeling("LONGING")->word) == "longing");
  CHECK(feelingFamilyOf("forlorn") == "sad");
  CHECK(feelingFamilyOf("Wanting To Be Held") == "longing");
  CHECK(findFeeling("like a storm in a teacup") == nullptr);
  CHECK(feelingFamilyOf("like a storm in a teacup").empty());
}

TEST_CASE("[journal] the choice lists hold what a fork entry needs") {
  auto has = [](const std::vector<Choice>& list, const char* value) {
    for (const auto& c : list) {
      if (std::string(c.value) == value) return true;
    }
    return false;
  };
  for (const char* u : {"obsessing", "picking a fight", "writing to the therapist", "self-harm urge", "eating", "scrolling", "withdrawing"}) {
    CHECK_MESSAGE(has(builtInUrges(), u), "missing urge ", u);
  }
  for (const char* d : {"toward", "away", "both", "unsure"}) CHECK(has(directions(), d));
  for (const char* c : {"myself", "therapist", "someone", "notyet"}) CHECK(has(compassionSources(), c));
  for (const char* k : {"free", "fork", "session", "words"}) CHECK(has(entryKinds(), k));
  CHECK(bodyAreas().size() >= 10);
  CHECK(labelOf(directions(), "toward") == "Toward it");
  CHECK(labelOf(builtInUrges(), "my own urge") == "my own urge");
}

TEST_CASE("[journal] no built-in word or label judges: no failure, no shame words in the choices") {
  auto lower = [](std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const auto* list : {&builtInUrges(), &directions(), &compassionSources(), &entryKinds()}) {
    for (const auto& c : *list) {
      const std::string text = lower(std::string(c.label) + " " + c.hint);
      for (const char* bad : {"fail", "bad", "wrong", "should", "missed", "streak"}) {
        CHECK_MESSAGE(text.find(bad) == std::string::npos, "judging word in ", c.label);
      }
    }
  }
}
