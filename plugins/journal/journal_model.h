// plugins/journal/journal_model.h: the journal's model. It reads and writes "journal.entry" records
// through the core's record store (never files), keeps a sorted index for the list, and offers
// search, metrics, Markdown export and "bring to my next session" items to the rest of the app through
// the core's provider interfaces. Everything a person can do in the journal is an operation here,
// testable without a window.
// [SECTION] entries   [SECTION] finding (filters, calendar)   [SECTION] resurfacing   [SECTION] providers
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/plugin.h"
#include "core/providers.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/settings.h"
#include "plugins/journal/journal_entry.h"
#include "plugins/journal/journal_filters.h"

namespace toward::journal {

// A hard moment (the shell then offers "How is it now?" once, after the entry is left): a fork entry
// with a feeling at 8-10, or an urge to hurt oneself.
bool isHardMoment(const JournalEntry& entry);
// True when an entry holds nothing the person gave it (no words, choices, time stayed or flags): a
// "+ New entry" left like this leaves no record.
bool holdsNothing(const JournalEntry& entry);
inline constexpr uint32_t kHardIntensity = 8;

// Adds the journal plugin's record types to the registry (its PluginSpec, journal_plugin.h, points here).
core::Status registerJournal(core::Registry& registry);

class JournalModel final : public core::PluginModel,
                           public core::SearchProvider,
                           public core::MetricsProvider,
                           public core::ExportProvider,
                           public core::NextSessionProvider {
 public:
  // Reads every entry from the store and follows its changes. The store must outlive the model.
  explicit JournalModel(core::RecordStore& store);
  ~JournalModel() override;
  JournalModel(const JournalModel&) = delete;
  JournalModel& operator=(const JournalModel&) = delete;

  // Reads every entry again (after the store reloaded from storage).
  void reloadAll();
  // Offers search, metrics, export and next-session items through the registry.
  void attach(core::Registry& registry);

  // [SECTION] entries
  // A new entry of `kind` dated now; returns its id.
  core::Result<std::string> create(const std::string& kind);
  // A new entry with these contents (dated now when its timeMs is 0); returns its id.
  core::Result<std::string> add(JournalEntry entry);
  // Saves the entry under `id` (creates it when new).
  core::Status save(const std::string& id, const JournalEntry& entry);
  // Moves the entry to the trash.
  core::Status remove(const std::string& id);
  // Deletes the entry, without a trash copy, when it holds nothing (holdsNothing); true when it did.
  bool forgetIfBlank(const std::string& id);
  // Sets or clears "bring to my next session" on one entry.
  core::Status setBringToSession(const std::string& id, bool bring);

  const JournalEntry* find(const std::string& id) const;
  // Entry ids, newest (by timeMs) first.
  const std::vector<std::string>& ordered() const;
  size_t size() const { return m_entries.size(); }
  // The person's settings (week start, "On this day"), read from the store.
  core::Settings settings() const;
  // Grows with every change to any entry (for views that cache what they computed).
  uint64_t changeCount() const { return m_changeCount; }

  // [SECTION] finding
  // Ids of the entries passing `filter`, newest first, replacing `out`.
  void filter(const JournalFilter& filter, std::vector<std::string>& out) const;
  // The same filter walked a part at a time (a search at 50,000 entries reads about 25 MB of folded text:
  // 45 ms in one piece). beginFilter, then filterSome until it returns true: only then are `hits` the whole
  // answer. A change to the journal meanwhile starts the walk again from the newest entry.
  struct FilterWalk {
    JournalFilter filter;
    std::unique_ptr<FoldedQuery> query;
    std::vector<std::string> hits;     // ids passing `filter` among the entries walked so far, newest first
    uint64_t atChange = ~uint64_t(0);  // changeCount() the walk is of
    size_t next = 0;                   // the next entry to look at, in ordered()
    bool done = false;
  };
  void beginFilter(const JournalFilter& filter, FilterWalk& walk) const;
  // Looks at up to `count` more entries; true when the walk is whole (for the journal as it is now).
  bool filterSome(FilterWalk& walk, size_t count) const;
  // Makes the list a filter walks (done by the first filter otherwise: 50,000 lookups, 5-10 ms).
  void prepareFilterWalks() const { orderedItems(); }
  // Every tag used, each once (first spelling seen), sorted.
  std::vector<std::string> allTags() const;
  // Every feeling word named in a fork entry, each once, sorted.
  std::vector<std::string> usedFeelings() const;
  // How many entries fall on each day of a local month: index 1..31 (0 unused).
  std::array<uint32_t, 32> entriesByDay(int year, int month) const;

  // [SECTION] resurfacing: entries marked "do not resurface" never appear here.
  // True when an entry may appear in "on this day" and random views.
  static bool mayResurface(const JournalEntry& entry) { return !entry.doNotResurface; }
  // Entries written on this local day and month in earlier years, newest first; none when the person
  // turned "On this day" off in Settings. Kept until the day, an entry or the settings change (the empty
  // panel asks every frame it draws, and with 10,000 entries the walk took 6-16 ms).
  const std::vector<std::string>& onThisDay(int64_t nowMs) const;
  // How many times onThisDay() worked its answer out (not kept from the frame before): for tests.
  uint64_t onThisDayWorkedOut() const { return m_onThisDay.workedOut; }
  // One entry picked by `seed` among those that may resurface, or "" when there is none.
  std::string randomEntry(uint64_t seed) const;

  // Folds up to `count` entries not yet prepared for search (idle work after the first frame, so
  // start-up does not fold 10,000 entries before drawing). Returns true while some remain.
  bool prepareSearchSome(size_t count);

  // [SECTION] providers
  void search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const override;
  void collectMetrics(std::vector<core::MetricEvent>& out) const override;
  std::vector<std::string> metricsTypes() const override { return {kEntryType}; }
  bool metricsByRecord() const override { return true; }
  void collectRecordMetrics(const std::string& type, const std::string& id, std::vector<core::MetricEvent>& out) const override;
  void exportMarkdown(std::vector<core::ExportFile>& out) const override;
  void collectNextSession(std::vector<core::SessionItem>& out) const override;
  bool providesSessionType(const std::string& type) const override { return type == kEntryType; }
  // Ticking an entry off after the session clears its "bring to my next session" flag; undo sets it again.
  core::Status setDiscussed(const std::string& type, const std::string& id, bool discussed) override;

 private:
  // The metric events of one entry (collectMetrics, record by record).
  static void entryMetrics(const std::string& id, const JournalEntry& e, std::vector<core::MetricEvent>& out);
  struct Item {
    JournalEntry entry;
    mutable std::string folded;        // foldedEntryText(entry), made when first needed
    mutable bool foldedReady = false;
  };
  void reloadOne(const std::string& id);
  // Where an entry of `timeMs` and `id` stands in m_ordered (newest first, then id descending): a save
  // moves one id in the kept order instead of sorting every entry again (50 ms a save at 50,000).
  std::vector<std::string>::iterator orderSlot(int64_t timeMs, const std::string& id) const;
  // One of m_ordered's entries for a search's walk: its id, its item and, when it was folded already as the
  // list was made, its folded text where it lies (read without the map's node: at 50,000 entries the walk went
  // through two more places in memory for each entry, most of its time).
  struct WalkItem {
    const std::string* id;
    const Item* item;
    const char* folded;   // nullptr: not folded when the list was made (foldedFor then)
    size_t foldedSize;
  };
  // m_ordered's entries themselves (m_orderedItems), made again after a change.
  const std::vector<WalkItem>& orderedItems() const;
  // The entry's folded text for a search; empty (and not made) when `query` is empty.
  std::string_view foldedFor(const Item& item, bool needed) const;

  core::RecordStore& m_store;
  int m_listener = 0;
  std::unordered_map<std::string, Item> m_entries;
  mutable std::vector<std::string> m_ordered;
  mutable bool m_orderDirty = true;
  // m_ordered's entries themselves, for a search to walk without finding each id (kept until the next change:
  // the map's nodes do not move, an item's folded text is made once and changes only with the item, and every
  // change counts in m_changeCount).
  mutable std::vector<WalkItem> m_orderedItems;
  mutable bool m_orderedItemsFolded = false;   // every WalkItem has its folded text (else made again once they do)
  mutable uint64_t m_orderedItemsAt = ~uint64_t(0);
  uint64_t m_changeCount = 0;
  mutable size_t m_unfolded = 0;   // entries whose folded text is not made yet
  // Ids whose folded text may still be missing (prepareSearchSome takes from the back). Before, each step
  // walked every entry from the first to find the next unfolded one: at 50,000 entries most of a frame.
  mutable std::vector<std::string> m_foldQueue;
  struct OnThisDayAnswer {
    bool valid = false;
    LocalDate day;
    long utcOffset = 0;                               // seconds east of UTC on that day
    uint64_t settingsChanges = 0, changeCount = 0;   // entries and settings as they were when it was worked out
    uint64_t workedOut = 0;                           // how many times it was (for tests)
    std::vector<std::string> ids;
  };
  mutable OnThisDayAnswer m_onThisDay;
  uint64_t m_settingsChanges = 0;   // the settings record written (by this tab or loaded)
};

// One entry as readable Markdown, with every field that was filled in.
std::string entryMarkdown(const JournalEntry& entry);

}  // namespace toward::journal
