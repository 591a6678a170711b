// core/backup/document_copier.cpp: see document_copier.h.
#include "core/backup/document_copier.h"

#include <algorithm>

namespace toward::backup {

DocumentCopier::DocumentCopier(const core::RecordStore& store, const core::Registry& registry, int64_t nowMs)
    : m_store(store), m_nowMs(nowMs) {
  for (const auto& type : registry.recordTypes()) m_liveTypes.push_back(type.id);
  // In the order the text is written in (by type, then id: DocumentEncoder), so that it need not sort.
  std::sort(m_liveTypes.begin(), m_liveTypes.end());
  begin();
}

void DocumentCopier::begin() {
  m_doc = BackupDocument{};
  m_doc.createdMs = m_nowMs;
  m_doc.app = kAppVersion;
  m_trashTypes = m_store.trashTypes();
  m_type = 0;
  m_inTrash = false;
  m_after.clear();
  m_changed.clear();
  m_done = false;
  m_total = m_store.count();
  for (const auto& type : m_trashTypes) m_total += m_store.trashAfter(type, "", SIZE_MAX).size();
}

void DocumentCopier::heard(const core::RecordChange& change) {
  if (m_done) return;
  if (change.kind == core::RecordChange::Kind::Reloaded) {
    begin();
    return;
  }
  m_changed.emplace(change.type, change.id);
}

bool DocumentCopier::changed(const std::string& type, const std::string& id) const {
  return !m_changed.empty() && m_changed.count({type, id}) > 0;
}

bool DocumentCopier::step(size_t records) {
  size_t copied = 0;
  const size_t most = std::max<size_t>(1, records);
  while (!m_done && copied < most) {
    const std::vector<std::string>& types = m_inTrash ? m_trashTypes : m_liveTypes;
    if (m_type >= types.size()) {
      if (m_inTrash) {
        finish();
        break;
      }
      m_inTrash = true;
      m_type = 0;
      m_after.clear();
      continue;
    }
    const std::string& type = types[m_type];
    size_t got = 0;
    if (m_inTrash) {
      for (const auto* t : m_store.trashAfter(type, m_after, most - copied)) {
        ++got;
        m_after = t->record.id;
        if (!changed(type, t->record.id)) m_doc.trash.push_back(*t);
      }
    } else {
      for (const auto* r : m_store.listAfter(type, m_after, most - copied)) {
        ++got;
        m_after = r->id;
        if (!changed(type, r->id)) m_doc.records.push_back(*r);
      }
    }
    copied += got;
    if (got == 0) {   // this type is copied: the next
      ++m_type;
      m_after.clear();
    }
  }
  return m_done;
}

void DocumentCopier::finish() {
  m_done = true;
  if (m_changed.empty()) return;
  // A change heard after its record was copied: that copy goes, and every changed record is copied as the
  // store holds it now (live, trashed, or gone).
  const auto stale = [this](const core::StoredRecord& r) { return changed(r.type, r.id); };
  m_doc.records.erase(std::remove_if(m_doc.records.begin(), m_doc.records.end(), stale), m_doc.records.end());
  m_doc.trash.erase(std::remove_if(m_doc.trash.begin(), m_doc.trash.end(),
                                   [&](const core::TrashedRecord& t) { return stale(t.record); }),
                    m_doc.trash.end());
  for (const auto& [type, id] : m_changed) {
    if (const auto* r = m_store.find(type, id)) m_doc.records.push_back(*r);
    if (const auto* t = m_store.findTrashed(type, id)) m_doc.trash.push_back(*t);
  }
  m_changed.clear();
}

double DocumentCopier::progress() const {
  if (m_done) return 1.0;
  const double copied = double(m_doc.records.size() + m_doc.trash.size());
  return m_total ? std::min(1.0, copied / double(m_total)) : 0.0;
}

BackupDocument DocumentCopier::take() {
  if (!m_done) return {};
  return std::move(m_doc);
}

}  // namespace toward::backup
