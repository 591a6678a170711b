// core/registry.cpp: plugin, record type and provider bookkeeping.
#include "core/registry.h"

#include <algorithm>

namespace toward::core {

Status Registry::addPlugin(PluginInfo info) {
  for (const auto& p : m_plugins) {
    if (p.id == info.id) return {ErrorCode::Invalid, "plugin registered twice: " + info.id};
  }
  m_plugins.push_back(std::move(info));
  return Status::ok();
}

Status Registry::addRecordType(RecordType type) {
  if (!isValidTypeId(type.id)) return {ErrorCode::Invalid, "malformed record type id: " + type.id};
  if (recordType(type.id)) return {ErrorCode::Invalid, "record type registered twice: " + type.id};
  if (!type.normalize) return {ErrorCode::Invalid, "record type without a reader: " + type.id};
  m_types.push_back(std::move(type));
  return Status::ok();
}

const RecordType* Registry::recordType(const std::string& id) const {
  for (const auto& t : m_types) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

std::vector<SearchHit> Registry::search(const SearchQuery& query) const {
  std::vector<SearchHit> hits;
  for (const auto* p : m_search) p->search(query, hits);
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.timeMs > b.timeMs; });
  return hits;
}

std::vector<MetricEvent> Registry::metrics() const {
  std::vector<MetricEvent> events;
  for (const auto* p : m_metrics) p->collectMetrics(events);
  std::stable_sort(events.begin(), events.end(), [](const MetricEvent& a, const MetricEvent& b) { return a.timeMs < b.timeMs; });
  return events;
}

std::vector<ExportFile> Registry::exportMarkdown() const {
  std::vector<ExportFile> files;
  for (const auto* p : m_export) p->exportMarkdown(files);
  return files;
}

std::vector<SessionItem> Registry::nextSession() const {
  std::vector<SessionItem> items;
  for (const auto* p : m_nextSession) p->collectNextSession(items);
  std::stable_sort(items.begin(), items.end(), [](const SessionItem& a, const SessionItem& b) { return a.timeMs < b.timeMs; });
  return items;
}

Status Registry::setDiscussed(const std::string& type, const std::string& id, bool discussed) {
  for (auto* p : m_nextSession) {
    if (p->providesSessionType(type)) return p->setDiscussed(type, id, discussed);
  }
  return {ErrorCode::NotFound, "nothing of the kind \"" + type + "\" can be ticked off here"};
}

}  // namespace toward::core
