// core/registry.h: the plugin registry. Each plugin declares itself with an explicit function
// (e.g. `void registerJournal(Registry&, ...)`) called from one list in the app; nothing registers
// itself through static constructors (linkers drop those from static libraries).
#pragma once
#include <string>
#include <vector>

#include "core/providers.h"
#include "core/record_type.h"
#include "core/result.h"

namespace toward::core {

struct PluginInfo {
  std::string id;          // e.g. "journal"
  std::string title;       // shown in navigation, e.g. "Journal"
  std::string blurb;       // one calm line about what it is for
};

class Registry {
 public:
  // Adds a plugin; Invalid if the id is taken.
  Status addPlugin(PluginInfo info);
  // Adds a record type; Invalid if the id is malformed or taken.
  Status addRecordType(RecordType type);
  // Providers are owned by the plugin and must outlive the registry's use of them.
  void addSearchProvider(const SearchProvider* p) { m_search.push_back(p); }
  void addMetricsProvider(const MetricsProvider* p) { m_metrics.push_back(p); }
  void addExportProvider(const ExportProvider* p) { m_export.push_back(p); }
  void addNextSessionProvider(NextSessionProvider* p) { m_nextSession.push_back(p); }

  const std::vector<PluginInfo>& plugins() const { return m_plugins; }
  const RecordType* recordType(const std::string& id) const;
  const std::vector<RecordType>& recordTypes() const { return m_types; }
  const std::vector<const MetricsProvider*>& metricsProviders() const { return m_metrics; }

  // Runs every search provider and returns the hits, newest first.
  std::vector<SearchHit> search(const SearchQuery& query) const;
  // Every metric event of every plugin, oldest first.
  std::vector<MetricEvent> metrics() const;
  // Every plugin's Markdown export.
  std::vector<ExportFile> exportMarkdown() const;
  // Every item flagged "bring to my next session", oldest first.
  std::vector<SessionItem> nextSession() const;
  // Ticks a next-session item off (discussed = true) or brings it back (false), through the provider of
  // its type; NotFound when no provider holds that type.
  Status setDiscussed(const std::string& type, const std::string& id, bool discussed);

 private:
  std::vector<PluginInfo> m_plugins;
  std::vector<RecordType> m_types;
  std::vector<const SearchProvider*> m_search;
  std::vector<const MetricsProvider*> m_metrics;
  std::vector<const ExportProvider*> m_export;
  std::vector<NextSessionProvider*> m_nextSession;
};

}  // namespace toward::core
