// tests/core/count_words_test.cpp: numbers and counts in words (core/count_words.h).
#include <doctest/doctest.h>

#include "core/count_words.h"

using namespace toward::core;

TEST_CASE("[count words] thousands are grouped") {
  CHECK(groupedNumber(0) == "0");
  CHECK(groupedNumber(999) == "999");
  CHECK(groupedNumber(1000) == "1,000");
  CHECK(groupedNumber(10000) == "10,000");
  CHECK(groupedNumber(1234567) == "1,234,567");
  CHECK(groupedNumber(-1234) == "-1,234");
}

TEST_CASE("[count words] an amount: whole, with a half, grouped, or one decimal") {
  CHECK(amountText(431) == "431");
  CHECK(amountText(431.5) == "431\xC2\xBD");
  CHECK(amountText(0.5) == "\xC2\xBD");
  CHECK(amountText(12040.5) == "12,040\xC2\xBD");
  CHECK(amountText(2.25) == "2.2");
  CHECK(amountText(0) == "0");
}

TEST_CASE("[count words] a count with its noun, singular or plural") {
  CHECK(countOf(1, "journal entry") == "1 journal entry");
  CHECK(countOf(12, "journal entry") == "12 journal entries");
  CHECK(countOf(10104, "new item") == "10,104 new items");
  CHECK(countOf(2, "earlier version of a letter") == "2 earlier versions of a letter");
  CHECK(countOf(3, "settings") == "3 settings");
  CHECK(countOf(2, "day") == "2 days");
  CHECK(countOf(0, "entry") == "0 entries");
}
