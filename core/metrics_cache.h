// core/metrics_cache.h: every plugin's metric events (core/providers.h), kept up to date from the
// store's change notices, so that a page charting them (the progress page) never collects them all in
// one frame. A provider that gives its events record by record (MetricsProvider::metricsByRecord) is
// collected again only for the record that changed; any other provider, whole, when a record of one of
// its types changed. A Reloaded notice (a lock, an unlock, an import, another tab) starts over, a
// time budget at a time: update(budgetMs) says when everything is gathered, and until then the events
// are not complete and must not be shown as if they were.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/providers.h"
#include "core/record_store.h"
#include "core/registry.h"

namespace toward::core {

class MetricsCache {
 public:
  // The registry's metrics providers as they are now; the registry and the store must outlive the cache.
  MetricsCache(const Registry& registry, RecordStore& store);
  ~MetricsCache();
  MetricsCache(const MetricsCache&) = delete;
  MetricsCache& operator=(const MetricsCache&) = delete;

  // Collects what changed since the last call, for about `budgetMs` (0: no limit); true when every
  // event is gathered and up to date.
  bool update(double budgetMs = 0);
  // True when nothing is waiting to be collected.
  bool complete() const { return !m_startOver && m_pending.empty() && m_dirtyWhole.empty(); }
  // Calls fn(const MetricEvent&) for every event gathered, in no particular order.
  template <class Fn>
  void forEach(Fn&& fn) const {
    for (const auto& slot : m_slots) {
      for (const auto& e : slot.whole) fn(e);
      for (const auto& [key, events] : slot.byRecord) {
        for (const auto& e : events) fn(e);
      }
    }
  }
  // Every event gathered, oldest first (as Registry::metrics()).
  std::vector<MetricEvent> sorted() const;
  size_t size() const { return m_size; }
  // Grows whenever the events gathered changed.
  uint64_t version() const { return m_version; }

 private:
  struct Slot {
    const MetricsProvider* provider = nullptr;
    std::vector<std::string> types;   // empty: any change
    bool byRecordOk = false;
    std::vector<MetricEvent> whole;   // !byRecordOk
    std::unordered_map<std::string, std::vector<MetricEvent>> byRecord;   // "type\nid" -> its events
  };
  struct Pending {
    size_t slot;
    std::string type, id;
  };
  void noteChange(const RecordChange& change);
  void startOver();
  void collectRecord(const Pending& p);
  void collectWhole(size_t slot);
  static bool hasType(const Slot& slot, const std::string& type);

  RecordStore& m_store;
  int m_listener = 0;
  std::vector<Slot> m_slots;
  bool m_startOver = true;
  std::vector<Pending> m_pending;               // records to collect again (a stack)
  std::unordered_set<std::string> m_pendingKeys;  // "slot\ntype\nid" of m_pending, so a record is queued once
  std::unordered_set<size_t> m_dirtyWhole;      // slots to collect whole again
  size_t m_size = 0;
  uint64_t m_version = 0;
};

}  // namespace toward::core
