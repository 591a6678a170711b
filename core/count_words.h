// core/count_words.h: numbers and counts in the words a person reads: "10,000", "1 journal entry",
// "12 journal entries" (the backups page, the journal's search).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace toward::core {

// A whole number with its thousands grouped: 10000 -> "10,000", -1234 -> "-1,234".
std::string groupedNumber(int64_t n);
// "1 journal entry", "12 journal entries", "10,000 settings", "2 earlier versions of a letter" (a noun with
// "of" takes its plural before it; a noun ending in "s" stays as it is).
std::string countOf(size_t n, const std::string& noun);
// An amount as a chart's tooltip says it: "431", "431Â½" (the half of "some of both"), "1,204", "2.3".
std::string amountText(double v);

}  // namespace toward::core
