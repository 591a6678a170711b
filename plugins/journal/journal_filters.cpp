// plugins/journal/journal_filters.cpp: see journal_filters.h.
#include "plugins/journal/journal_filters.h"

#include "core/local_days.h"

#include <algorithm>
#include <cstring>
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

FoldedQuery::FoldedQuery(std::string_view text) {
  const std::string folded = core::foldForSearch(text);
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && (folded[i] == ' ' || folded[i] == '\t' || folded[i] == '\n')) ++i;
    size_t j = i;
    while (j < folded.size() && folded[j] != ' ' && folded[j] != '\t' && folded[j] != '\n') ++j;
    if (j > i) m_words.push_back(folded.substr(i, j - i));
    i = j;
  }
  // Longest first: a rare long word usually rules an entry out soonest.
  std::stable_sort(m_words.begin(), m_words.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  m_skips.resize(m_words.size());
  for (size_t k = 0; k < m_words.size(); ++k) {
    const std::string& w = m_words[k];
    const size_t n = std::min<size_t>(w.size(), 0xFFFF);
    for (auto& b : m_skips[k].by) b = uint16_t(n);
    for (size_t c = 0; c + 1 < n; ++c) m_skips[k].by[uint8_t(w[c])] = uint16_t(n - 1 - c);
  }
}

bool FoldedQuery::contains(std::string_view text, const std::string& word, const Skip& skip) {
  const size_t n = word.size();
  if (n < 3 || n > 0xFFFF) return text.find(word) != std::string_view::npos;
  const char* t = text.data();
  const size_t len = text.size();
  const char last = word[n - 1];
  size_t pos = 0;
  while (pos + n <= len) {
    const char c = t[pos + n - 1];
    if (c == last && std::memcmp(t + pos, word.data(), n - 1) == 0) return true;
    pos += skip.by[uint8_t(c)];
  }
  return false;
}

bool FoldedQuery::matches(std::string_view text) const {
  for (size_t k = 0; k < m_words.size(); ++k) {
    if (!contains(text, m_words[k], m_skips[k])) return false;
  }
  return true;
}

bool matchesFilter(const JournalEntry& e, std::string_view foldedText, const JournalFilter& f, const FoldedQuery& query) {
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
  return query.empty() || query.matches(foldedText);
}

int32_t intensityBefore(const Fork& fork) {
  int32_t strongest = -1;
  for (const auto& f : fork.feelings) strongest = std::max(strongest, int32_t(f.intensity));
  return strongest;
}

namespace {
uint64_t g_localDateLookups = 0;
}  // namespace

uint64_t localDateLookups() { return g_localDateLookups; }

bool mayBeLocalMonthDay(int64_t ms, int month, int day) {
  const int64_t dayMs = 24LL * 3600 * 1000;
  const int64_t utcDay = ms / dayMs - (ms % dayMs < 0 ? 1 : 0);
  for (int64_t near = utcDay - 1; near <= utcDay + 1; ++near) {
    int32_t y;
    uint32_t m, d;
    core::civilFromDays(int32_t(near), y, m, d);
    if (int(m) == month && int(d) == day) return true;
  }
  return false;
}

LocalDate localDateOf(int64_t ms, long& utcOffsetSeconds) {
  ++g_localDateLookups;
  std::time_t t = std::time_t(ms / 1000 - (ms % 1000 < 0 ? 1 : 0));
  std::tm tm{};
  localtime_r(&t, &tm);
  utcOffsetSeconds = tm.tm_gmtoff;
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

LocalDate localDateOf(int64_t ms) {
  long ignored = 0;
  return localDateOf(ms, ignored);
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
