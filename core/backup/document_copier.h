// core/backup/document_copier.h: documentFromStore() a few records at a time. Making a large backup copies
// everything that is here across frames while the person may go on writing, so the copy must never be a mix
// of two moments: records are copied type by type in id order (live, then trash) from where the last step
// stopped, and every change the store tells of meanwhile (heard()) is copied again at the end as the store
// holds it then; a Reloaded (a lock, another tab's writing) begins the copy again. The document is the store
// as it is at the last step. documentFromStore() is this run to the end.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/backup/backup_document.h"
#include "core/record_store.h"
#include "core/registry.h"

namespace toward::backup {

class DocumentCopier {
 public:
  // The store must outlive the copier; the caller passes it every change the store tells of (heard).
  DocumentCopier(const core::RecordStore& store, const core::Registry& registry, int64_t nowMs);
  // A change the store told of (RecordStore::addListener).
  void heard(const core::RecordChange& change);
  // Copies up to `records` more records (at least one); true once the document is whole.
  bool step(size_t records);
  bool done() const { return m_done; }
  // 0..1, by records copied.
  double progress() const;
  // The document, once done().
  BackupDocument take();

 private:
  void begin();
  void finish();   // the changes heard, copied as the store holds them now
  bool changed(const std::string& type, const std::string& id) const;

  const core::RecordStore& m_store;
  std::vector<std::string> m_liveTypes;   // the registry's record types, in id order
  std::vector<std::string> m_trashTypes;  // the types the trash holds, in id order
  int64_t m_nowMs;
  size_t m_type = 0;         // the type being copied, in m_liveTypes then m_trashTypes
  bool m_inTrash = false;
  std::string m_after;       // the last id copied of that type ("" before its first)
  size_t m_total = 0;        // records and trashed records when the copy began (for progress only)
  bool m_done = false;
  std::set<std::pair<std::string, std::string>> m_changed;   // (type, id) told of since the copy began
  BackupDocument m_doc;
};

}  // namespace toward::backup
