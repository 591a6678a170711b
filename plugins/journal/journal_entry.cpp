// plugins/journal/journal_entry.cpp: entry rules shared by the model and the UI.
#include "plugins/journal/journal_entry.h"

#include <algorithm>

namespace toward::journal {

void JournalEntry::sanitize() {
  if (kind != "fork" && kind != "session" && kind != "words") kind = "free";
  for (auto& f : fork.feelings) f.intensity = std::min<uint32_t>(f.intensity, 10);
  if (fork.intensityAfter > 10) fork.intensityAfter = 10;
  if (fork.intensityAfter < -1) fork.intensityAfter = -1;
  const auto& d = fork.direction;
  if (d != "toward" && d != "away" && d != "both" && d != "unsure") fork.direction.clear();
}

std::string describeEntry(const JournalEntry& entry) {
  if (!entry.title.empty()) return entry.title;
  std::string words;
  const std::string& source = entry.text.empty() ? entry.fork.whatHappened : entry.text;
  for (char c : source) {
    if (words.size() >= 60) break;
    words.push_back(c == '\n' || c == '\t' ? ' ' : c);
  }
  // Never end in the middle of a UTF-8 character.
  while (!words.empty() && (uint8_t(words.back()) & 0xC0) == 0x80) words.pop_back();
  if (!words.empty() && uint8_t(words.back()) >= 0xC0) words.pop_back();
  if (words.size() < source.size()) words += "...";
  return words.empty() ? std::string("Untitled entry") : words;
}

uint32_t countWords(const std::string& text) {
  uint32_t n = 0;
  bool inWord = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (!space && !inWord) ++n;
    inWord = !space;
  }
  return n;
}

}  // namespace toward::journal
