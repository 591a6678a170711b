// tests/core/text_fold_test.cpp: case- and accent-insensitive search folding.
#include <doctest/doctest.h>

#include "core/text_fold.h"

using toward::core::foldForSearch;
using toward::core::matchesAllWords;

TEST_CASE("[fold] Latin accents and case fold away") {
  CHECK(foldForSearch("Zoë ÉLAN Ça Ørsted Straße Łódź") == "zoe elan ca orsted strasse lodz");
}

TEST_CASE("[fold] Greek and Cyrillic fold case and accents") {
  CHECK(foldForSearch("ΑΓΆΠΗ") == foldForSearch("αγάπη"));
  CHECK(foldForSearch("αγάπη") == "αγαπη");
  CHECK(foldForSearch("ЁЛКА") == "елка");
  CHECK(foldForSearch("Привет") == "привет");
}

TEST_CASE("[fold] combining accents, emoji and invalid bytes") {
  CHECK(foldForSearch("e\xCC\x81t\xC3\xA9") == "ete");
  CHECK(foldForSearch("calm 🌿") == "calm 🌿");
  CHECK(foldForSearch("ok\xFF\xFEyes") == "okyes");
}

TEST_CASE("[fold] every word of the query must occur") {
  CHECK(matchesAllWords("i felt the longing again", "longing felt"));
  CHECK_FALSE(matchesAllWords("i felt the longing again", "longing shame"));
  CHECK(matchesAllWords("anything", "   "));
}

TEST_CASE("[fold] tags as typed, words, and file-name parts") {
  CHECK(toward::core::parseTags(" longing, #Session ,longing, Zoë, zoe,, ") == std::vector<std::string>{"longing", "Session", "Zoë"});
  CHECK(toward::core::parseTags("").empty());
  CHECK(toward::core::countWords("  one two\nthree\t four  ") == 4);
  CHECK(toward::core::fileSlug("Dear Zoë, again!", "letter") == "dear-zoe-again");
  CHECK(toward::core::fileSlug("?!", "letter") == "letter");
}

TEST_CASE("[text] the first words of a text for a list line end at a word's end, with an ellipsis when it goes on") {
  CHECK(toward::core::firstWords("short and whole", 120) == "short and whole");
  CHECK(toward::core::firstWords("  two\n\nlines \t here  ", 120) == "two lines here");
  CHECK(toward::core::firstWords("I wanted to tell you how much it meant", 24) == "I wanted to tell you\xE2\x80\xA6");
  CHECK(toward::core::firstWords("exactly this  ", 12) == "exactly this");                    // only spaces follow: whole
  CHECK(toward::core::firstWords("Supercalifragilistic", 10) == "Supercalif\xE2\x80\xA6");      // one long word: cut in it
  CHECK(toward::core::firstWords("caf\xC3\xA9", 120) == "caf\xC3\xA9");                        // a last accented letter stays
  CHECK(toward::core::firstWords("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5) == "\xC3\xA9\xC3\xA9\xE2\x80\xA6");  // never half of one
  CHECK(toward::core::firstWords("", 120).empty());
}
