// plugins/journal/journal_filters.h: what the journal list can be narrowed to (words, kind, tag,
// feeling, direction, a date range) and the calendar arithmetic behind the month view, in local time.
// Pure functions over entries, shared by the model and tested without a window.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/journal/journal_entry.h"

namespace toward::journal {

struct JournalFilter {
  std::string text;        // text: words to find (case and accent insensitive, every field), default ""
  std::string kind;        // kind: "free" | "fork" | "session" | "words", default "" (any)
  std::string tag;         // tag: one tag, compared folded, default "" (any)
  std::string feeling;     // feeling: one feeling word, compared folded, default "" (any)
  std::string direction;   // direction: "toward" | "away" | "both" | "unsure", default "" (any)
  int64_t fromMs = 0;      // fromMs: inclusive, default 0 (no lower bound)
  int64_t toMs = 0;        // toMs: exclusive, default 0 (no upper bound)

  // True when anything narrows the list.
  bool active() const;
  bool operator==(const JournalFilter&) const = default;
};

// Everything searchable in an entry (every field a person wrote or chose, with the labels shown for
// built-in choices), folded for search.
std::string foldedEntryText(const JournalEntry& entry);

// Search words prepared once for many entries: folded, each with a Boyer-Moore-Horspool searcher
// (libc++ 14 has no std::boyer_moore_horspool_searcher; long words skip ahead instead of looking at
// every character, which matters because a search that matches nothing reads every entry).
class FoldedQuery {
 public:
  explicit FoldedQuery(std::string_view text);
  FoldedQuery(const FoldedQuery&) = delete;
  FoldedQuery& operator=(const FoldedQuery&) = delete;
  bool empty() const { return m_words.empty(); }
  // True when every word occurs in `foldedText` (the same rule as core::matchesAllWords).
  bool matches(std::string_view foldedText) const;

 private:
  // Horspool's skip table: how far to move when the byte under the window's last position is c.
  struct Skip {
    uint16_t by[256];
  };
  static bool contains(std::string_view text, const std::string& word, const Skip& skip);
  std::vector<std::string> m_words;
  std::vector<Skip> m_skips;
};

// True when `entry` passes every part of `filter`. `foldedText` is foldedEntryText(entry) and
// `query` is filter.text prepared once by the caller.
bool matchesFilter(const JournalEntry& entry, std::string_view foldedText, const JournalFilter& filter,
                   const FoldedQuery& query);

// The strongest feeling's intensity (0-10), or -1 when no feeling was named.
int32_t intensityBefore(const Fork& fork);

// ---------------------------------------------------------------- calendar (local time)
struct LocalDate {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  bool operator==(const LocalDate&) const = default;
};

// The local calendar date of a Unix ms time.
LocalDate localDateOf(int64_t ms);
// The same, and the local time's offset from UTC then, in seconds (a changed time zone moves other dates).
LocalDate localDateOf(int64_t ms, long& utcOffsetSeconds);
// How many times localDateOf asked the C library for local time since the program began (for tests: in
// the browser each ask builds a JavaScript Date, about 3 microseconds).
uint64_t localDateLookups();
// Whether the local date of `ms` could be (month, day): the local date is never more than a day from the
// UTC date (offsets are within -12 and +14 hours), so false here is certain and costs no local time.
bool mayBeLocalMonthDay(int64_t ms, int month, int day);
// Unix ms of local midnight starting that date (days and months out of range roll over).
int64_t localDayStartMs(int year, int month, int day);
// Days in a month (28-31).
int daysInMonth(int year, int month);
// Weekday of the 1st of the month, Monday = 0 ... Sunday = 6.
int firstWeekdayMonday0(int year, int month);

}  // namespace toward::journal
