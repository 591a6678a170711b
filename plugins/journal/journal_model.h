// plugins/journal/journal_model.h: the journal's model. It reads and writes "journal.entry" records
// through the core's record store (never files), keeps a sorted index for the list, and offers
// search, metrics and Markdown export to the rest of the app through the core's provider interfaces.
// Everything a person can do in the journal is an operation here, testable without a window.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/providers.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "plugins/journal/journal_entry.h"

namespace toward::journal {

// Declares the journal plugin and its record types to the registry (called from the app's one list).
core::Status registerJournal(core::Registry& registry);

class JournalModel final : public core::SearchProvider, public core::MetricsProvider, public core::ExportProvider {
 public:
  // Reads every entry from the store and follows its changes. The store must outlive the model.
  explicit JournalModel(core::RecordStore& store);
  ~JournalModel() override;
  JournalModel(const JournalModel&) = delete;
  JournalModel& operator=(const JournalModel&) = delete;

  // Reads every entry again (after the store reloaded from storage).
  void reloadAll();
  // Offers search, metrics and export through the registry.
  void attach(core::Registry& registry);

  // A new entry of `kind` dated now; returns its id.
  core::Result<std::string> create(const std::string& kind);
  // Saves the entry under `id` (creates it when new).
  core::Status save(const std::string& id, const JournalEntry& entry);
  // Moves the entry to the trash.
  core::Status remove(const std::string& id);

  const JournalEntry* find(const std::string& id) const;
  // Entry ids, newest (by timeMs) first.
  const std::vector<std::string>& ordered() const;
  size_t size() const { return m_entries.size(); }
  // Grows with every change to any entry (for views that cache what they computed).
  uint64_t changeCount() const { return m_changeCount; }

  void search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const override;
  void collectMetrics(std::vector<core::MetricEvent>& out) const override;
  void exportMarkdown(std::vector<core::ExportFile>& out) const override;

 private:
  void reloadOne(const std::string& id);

  core::RecordStore& m_store;
  int m_listener = 0;
  std::unordered_map<std::string, JournalEntry> m_entries;
  std::unordered_map<std::string, std::string> m_folded;  // id -> folded searchable text
  mutable std::vector<std::string> m_ordered;
  mutable bool m_orderDirty = true;
  uint64_t m_changeCount = 0;
};

}  // namespace toward::journal
