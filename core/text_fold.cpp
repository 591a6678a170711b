// core/text_fold.cpp: case and accent folding over UTF-8 (see text_fold.h).
#include "core/text_fold.h"

#include <algorithm>

#include <cstdint>

namespace toward::core {
namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

// Latin-1 letters 0xC0..0xFF, folded; "" keeps the character.
const char* const kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "",  "o", "u", "u", "u", "u", "y", "th", "y"};

// Latin Extended-A 0x100..0x17F as ranges of one folded base.
struct Range { uint32_t first, last; const char* folded; };
const Range kLatinExtA[] = {
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};

uint32_t foldGreek(uint32_t cp) {
  switch (cp) {
    case 0x386: case 0x3AC: return 0x3B1;
    case 0x388: case 0x3AD: return 0x3B5;
    case 0x389: case 0x3AE: return 0x3B7;
    case 0x38A: case 0x3AF: case 0x3CA: case 0x390: case 0x3AA: return 0x3B9;
    case 0x38C: case 0x3CC: return 0x3BF;
    case 0x38E: case 0x3CD: case 0x3CB: case 0x3B0: case 0x3AB: return 0x3C5;
    case 0x38F: case 0x3CE: return 0x3C9;
    case 0x3C2: return 0x3C3;
    default: break;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 0x20;
  return cp;
}

uint32_t foldCyrillic(uint32_t cp) {
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
  if (cp == 0x451) return 0x435;  // ё -> е
  if (cp == 0x439) return 0x438;  // й -> и
  return cp;
}

}  // namespace

std::string foldForSearch(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = uint8_t(text[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
    else { ++i; continue; }
    if (i + len > text.size()) break;
    bool valid = true;
    for (size_t k = 1; k < len; ++k) {
      const auto cc = uint8_t(text[i + k]);
      if ((cc & 0xC0) != 0x80) { valid = false; break; }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (!valid) { ++i; continue; }
    i += len;
    if (cp < 0x80) {
      out.push_back(char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      const char* f = kLatin1[cp - 0xC0];
      if (*f) out += f; else appendUtf8(out, cp);
    } else if (cp >= 0x100 && cp <= 0x17F) {
      for (const auto& r : kLatinExtA) {
        if (cp >= r.first && cp <= r.last) { out += r.folded; break; }
      }
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // combining accents: dropped
    } else if (cp >= 0x370 && cp <= 0x3FF) {
      appendUtf8(out, foldGreek(cp));
    } else if (cp >= 0x400 && cp <= 0x4FF) {
      appendUtf8(out, foldCyrillic(cp));
    } else if (cp == 0x2019 || cp == 0x2018) {
      out.push_back('\'');
    } else {
      appendUtf8(out, cp);
    }
  }
  return out;
}

bool matchesAllWords(std::string_view text, std::string_view query) {
  size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && (query[i] == ' ' || query[i] == '\t' || query[i] == '\n')) ++i;
    size_t j = i;
    while (j < query.size() && query[j] != ' ' && query[j] != '\t' && query[j] != '\n') ++j;
    if (j > i && text.find(query.substr(i, j - i)) == std::string_view::npos) return false;
    i = j;
  }
  return true;
}

uint32_t countWords(std::string_view text) {
  uint32_t n = 0;
  bool inWord = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !inWord) ++n;
    inWord = !space;
  }
  return n;
}

std::string firstWords(std::string_view text, size_t bytes) {
  std::string out;
  size_t i = 0;
  for (; i < text.size() && out.size() < bytes; ++i) {
    const char c = (text[i] == '\n' || text[i] == '\t' || text[i] == '\r') ? ' ' : text[i];
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;   // one space between words
    out.push_back(c);
  }
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r')) ++i;
  const bool cut = i < text.size();
  if (cut) {
    // Back to the end of the last whole word, when there is one in the second half (else cut in the word).
    const size_t space = out.rfind(' ');
    if (space != std::string::npos && space >= bytes / 2) out.resize(space);
    else if (!out.empty() && out.size() >= bytes && (uint8_t(text[i]) & 0xC0) == 0x80) {
      while (!out.empty() && (uint8_t(out.back()) & 0xC0) == 0x80) out.pop_back();   // never half a character
      if (!out.empty() && uint8_t(out.back()) >= 0xC0) out.pop_back();
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (cut && !out.empty()) out += "\xE2\x80\xA6";   // …
  return out;
}

std::vector<std::string> parseTags(std::string_view line) {
  std::vector<std::string> tags;
  std::vector<std::string> folded;
  std::string cur;
  auto flush = [&] {
    const size_t a = cur.find_first_not_of(" \t");
    const size_t b = cur.find_last_not_of(" \t");
    if (a != std::string::npos) {
      std::string t = cur.substr(a, b - a + 1);
      std::string f = foldForSearch(t);
      if (std::find(folded.begin(), folded.end(), f) == folded.end()) {
        folded.push_back(std::move(f));
        tags.push_back(std::move(t));
      }
    }
    cur.clear();
  };
  for (char c : line) {
    if (c == ',' || c == '#') flush();
    else cur.push_back(c);
  }
  flush();
  return tags;
}

std::string fileSlug(std::string_view text, const char* fallback) {
  std::string out;
  for (char c : foldForSearch(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? std::string(fallback) : out;
}

}  // namespace toward::core
