// plugins/journal/journal_filters.cpp: see journal_filters.h.
#include "plugins/journal/journal_filters.h"

#include <algorithm>
#include <ctime>

#include "core/text_fold.h"
#include "plugins/journal/feelings_vocabulary.h"

namespace toward::journal {

bool JournalFilter::active() const {
  return !core::foldForSearch(text).empty() || !kind.empty() || !tag.empty() || !feeling.empty() ||
         !direction.empty() || fromMs != 0 || toMs != 0;
}

std::string foldedEntryText(const JournalEntry& e) {
  std::string all;
  all.reserve(e.title.size() + e.text.size() + e.fork.whatHappened.size() + e.fork.afterwards.size() + 256);
  auto add = [&all](std::string_view s) {
    all.append(s);
    all.push_back('\n');
  };
  add(e.title);
  add(e.text);
  add(e.contentNote);
  add(e.fork.whatHappened);
  add(e.fork.afterwards);
  add(labelOf(entryKinds(), e.kind));
  for (const auto& t : e.tags) add(t);
  if (e.kind == "fork") {
    for (const auto& f : e.fork.feelings) add(f.word);
    for (const auto& u : e.fork.urges) {
      add(u);
      add(labelOf(builtInUrges(), u));
    }
    for (const auto& b : e.fork.bodyAreas) add(b);
    if (!e.fork.direction.empty()) add(labelOf(directions(), e.fork.direction));
    if (!e.fork.compassionFrom.empty()) add(labelOf(compassionSources(), e.fork.compassionFrom));
  }
  return core::foldForSearch(all);
}

namespace {
bool sameFolded(const std::string& a, const std::string& b) {
  if (a == b) return true;
  return core::foldForSearch(a) == core::foldForSearch(b);
}
}  // namespace

bool matchesFilter(const JournalEntry& e, std::string_view foldedText, const JournalFilter& f, std::string_view foldedQuery) {
  if (f.fromMs && e.timeMs < f.fromMs) return false;
  if (f.toMs && e.timeMs >= f.toMs) return false;
  if (!f.kind.empty() && e.kind != f.kind) return false;
  if (!f.direction.empty() && (e.kind != "fork" || e.fork.direction != f.direction)) return false;
  if (!f.tag.empty() &&
      std::none_of(e.tags.begin(), e.tags.end(), [&](const std::string& t) { return sameFolded(t, f.tag); })) {
    return false;
  }
  if (!f.feeling.empty() && (e.kind != "fork" || std::none_of(e.fork.feelings.begin(), e.fork.feelings.end(),
                                                               [&](const Feeling& x) { return sameFolded(x.word, f.feeling); }))) {
    return false;
  }
  return foldedQuery.empty() || core::matchesAllWords(foldedText, foldedQuery);
}

int32_t intensityBefore(const Fork& fork) {
  int32_t strongest = -1;
  for (const auto& f : fork.feelings) strongest = std::max(strongest, int32_t(f.intensity));
  return strongest;
}

LocalDate localDateOf(int64_t ms) {
  std::time_t t = std::time_t(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  std::tm tm{};
  localtime_r(&t, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

int64_t localDayStartMs(int year, int month, int day) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_isdst = -1;
  return int64_t(std::mktime(&tm)) * 1000;
}

int daysInMonth(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 30;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int firstWeekdayMonday0(int year, int month) {
  // Sakamoto's method: 0 = Sunday.
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  int y = year - (month < 3 ? 1 : 0);
  const int sunday0 = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + 1) % 7;
  return (sunday0 + 6) % 7;
}

}  // namespace toward::journal
