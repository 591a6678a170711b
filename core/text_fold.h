// core/text_fold.h: folding text for search, so "zoe" finds "Zoë", "ΑΓΑΠΗ" finds "αγάπη" and
// "ЁЛКА" finds "ёлка": lower case, accents removed (Latin, Greek, Cyrillic), other text unchanged.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace toward::core {

// The folded form of UTF-8 text (invalid bytes are dropped).
std::string foldForSearch(std::string_view text);

// True when every whitespace-separated word of `foldedQuery` occurs in `foldedText`.
bool matchesAllWords(std::string_view foldedText, std::string_view foldedQuery);

// Tags from a line as typed ("a, b #c"): split on commas and '#', trimmed, each kept once (compared
// folded, first spelling wins).
std::vector<std::string> parseTags(std::string_view line);

// A short file-name part from text: folded, letters and digits joined by '-', at most 40 characters;
// `fallback` when nothing is left.
std::string fileSlug(std::string_view text, const char* fallback);

// Number of words in a text (runs of characters other than spaces, tabs and line breaks).
uint32_t countWords(std::string_view text);

// The first words of a text for a list line: line breaks and runs of spaces become one space, at most
// `bytes` bytes, never a broken character; a text that goes on ends at a word's end with "…".
std::string firstWords(std::string_view text, size_t bytes);

}  // namespace toward::core
