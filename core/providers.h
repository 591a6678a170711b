// core/providers.h: what plugins offer to the rest of the app through the core, without anyone
// reaching into a plugin: search hits, metric events (charted by the progress plugin), and exports.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace toward::core {

// ---------------------------------------------------------------- search
struct SearchQuery {
  std::string text;        // what the person typed; matched case- and accent-insensitively
  int64_t fromMs = 0;      // inclusive; 0 = no lower bound
  int64_t toMs = 0;        // exclusive; 0 = no upper bound
  size_t limit = 200;      // at most this many hits per provider
};

struct SearchHit {
  std::string type;        // record type id
  std::string id;          // record id
  std::string title;       // a line to show
  std::string snippet;     // a few words around the match
  int64_t timeMs = 0;      // when it happened (for sorting)
  bool notResurfaced = false;  // marked "do not resurface": found because asked for, shown as such
};

class SearchProvider {
 public:
  virtual ~SearchProvider() = default;
  // Appends hits for `query` to `out`.
  virtual void search(const SearchQuery& query, std::vector<SearchHit>& out) const = 0;
};

// ---------------------------------------------------------------- metrics
// One thing that happened, for charts: e.g. kind "journal.fork" with values {"secondsStayed": 42}
// and labels {"direction": "toward"}. Times are Unix milliseconds.
struct MetricEvent {
  std::string kind;
  int64_t timeMs = 0;
  std::map<std::string, double> values;
  std::map<std::string, std::string> labels;
  bool operator==(const MetricEvent&) const = default;
};

class MetricsProvider {
 public:
  virtual ~MetricsProvider() = default;
  // Appends every event this plugin knows about to `out`.
  virtual void collectMetrics(std::vector<MetricEvent>& out) const = 0;
  // For core::MetricsCache (core/metrics_cache.h), which keeps the events up to date as records change:
  // the record types whose changes can change this plugin's events (empty: any change can).
  virtual std::vector<std::string> metricsTypes() const { return {}; }
  // True when collectRecordMetrics() gives every event record by record (the events of one record depend
  // on that record alone); false: any change of a type above collects everything again.
  virtual bool metricsByRecord() const { return false; }
  // Appends the events of one record of `type` (none when it is gone), when metricsByRecord().
  virtual void collectRecordMetrics(const std::string& type, const std::string& id, std::vector<MetricEvent>& out) const {
    (void)type;
    (void)id;
    (void)out;
  }
};

// ---------------------------------------------------------------- export
struct ExportFile {
  std::string path;        // relative, e.g. "journal/2026-11-25-a-title.md"
  std::string content;     // UTF-8 text
};

class ExportProvider {
 public:
  virtual ~ExportProvider() = default;
  // Appends readable Markdown files of everything this plugin holds to `out`.
  virtual void exportMarkdown(std::vector<ExportFile>& out) const = 0;
};

// ---------------------------------------------------------------- next session
// Something the person flagged "bring to my next session" (a journal entry, a letter, ...).
struct SessionItem {
  std::string type;        // record type id
  std::string id;          // record id
  std::string title;       // a line to show
  std::string snippet;     // a few words of it
  int64_t timeMs = 0;      // when it happened (for sorting)
};

class NextSessionProvider {
 public:
  virtual ~NextSessionProvider() = default;
  // Appends every item this plugin holds that is flagged for the next session to `out`.
  virtual void collectNextSession(std::vector<SessionItem>& out) const = 0;
  // True when items of record type `type` come from this provider (the registry routes ticks by it).
  virtual bool providesSessionType(const std::string& type) const { (void)type; return false; }
  // Ticks an item off after the session (its "bring to my next session" flag is cleared), or, with
  // discussed = false, brings it back to the list (undo). NotFound when the record is not here.
  virtual Status setDiscussed(const std::string& type, const std::string& id, bool discussed) {
    (void)id;
    return {ErrorCode::NotFound, "nothing of the kind \"" + type + "\" can be ticked off here"};
  }
};

}  // namespace toward::core
