// core/count_words.cpp: numbers and counts in words (see count_words.h).
#include "core/count_words.h"

#include <cmath>
#include <cstdio>

namespace toward::core {

std::string groupedNumber(int64_t n) {
  const bool negative = n < 0;
  uint64_t v = negative ? uint64_t(0) - uint64_t(n) : uint64_t(n);
  std::string digits = std::to_string(v);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string countOf(size_t n, const std::string& noun) {
  const size_t of = noun.find(" of ");
  std::string word = noun.substr(0, of);
  const std::string rest = of == std::string::npos ? "" : noun.substr(of);
  if (n != 1 && !word.empty() && word.back() != 's') {
    const bool consonantY = word.size() > 1 && word.back() == 'y' && std::string("aeiou").find(word[word.size() - 2]) == std::string::npos;
    word = consonantY ? word.substr(0, word.size() - 1) + "ies" : word + "s";
  }
  return groupedNumber(int64_t(n)) + " " + word + rest;
}

std::string amountText(double v) {
  const double whole = std::floor(v);
  if (v == whole) return groupedNumber(int64_t(whole));
  if (v - whole == 0.5) return (whole == 0 ? std::string() : groupedNumber(int64_t(whole))) + "\xC2\xBD";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace toward::core
