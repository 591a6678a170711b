// core/backup/backup_merge.cpp: merge and replace of a backup document into a store (see header).
// The store's put() stamps new revisions and times; importing must keep the backup's, so records are
// brought in with RecordStore::adopt(), and listeners hear of each record as it is written (a step's worth
// a frame: the models update one record at a time instead of all of them in the import's last frame).
#include "core/backup/backup_merge.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/backup/age_format.h"
#include "core/backup/backup_open.h"
#include "core/ids.h"

namespace toward::backup {
namespace {

using core::ErrorCode;
using core::Status;

std::string recordPath(const core::RecordStore& s, const std::string& type, const std::string& id) {
  return s.root() + "/records/" + type + "/" + id + ".json";
}
std::string trashPath(const core::RecordStore& s, const std::string& type, const std::string& id) {
  return s.root() + "/trash/" + type + "/" + id + ".json";
}
constexpr const char* kSnapshotDir = "snapshots";

Status failedPartWay(const Status& s) {
  return {s.code(), "Saving the backup's records stopped part way: " + s.message() +
                        " What was saved so far is kept; your earlier data is safe."};
}

std::set<std::string> damagedPaths(const core::RecordStore& store) {
  std::set<std::string> out;
  for (const auto& p : store.problems()) out.insert(p.path);
  return out;
}

}  // namespace

namespace {
core::Result<std::string> writeSnapshot(core::RecordStore& store, const core::Registry& registry) {
  const int64_t now = store.now();
  const std::string text = encodeDocument(documentFromStore(store, registry, now));
  const auto existing = store.listSideFiles(kSnapshotDir);
  auto taken = [&](const std::string& n) { return std::find(existing.begin(), existing.end(), n) != existing.end(); };
  std::string name = std::to_string(now) + ".json";
  for (int i = 1; taken(name); ++i) name = std::to_string(now) + "-" + std::to_string(i) + ".json";
  if (auto s = store.writeSideFile(std::string(kSnapshotDir) + "/" + name, text); !s) return s;
  // Only the newest few are kept.
  auto all = listSnapshots(store);
  for (size_t i = kKeptSnapshots; i < all.size(); ++i) store.removeSideFile(std::string(kSnapshotDir) + "/" + all[i].name);
  return name;
}
}  // namespace

BackupResult<CheckedDocument> openBackup(std::string_view ageFile, std::string_view passphrase,
                                         const core::Registry& registry, const AgeWrapKey* derived) {
  OpenJob job(ageFile, std::string(passphrase), registry, derived);
  job.run();
  return job.take();
}

BackupResult<std::string> makeBackup(const core::RecordStore& store, const core::Registry& registry,
                                     std::string_view passphrase, int workFactor) {
  AgeEncryptOptions options;
  options.workFactor = workFactor;
  return ageEncrypt(encodeDocument(documentFromStore(store, registry, store.now())), passphrase, options);
}

// ---------------------------------------------------------------- ImportJob
ImportJob::ImportJob(core::RecordStore& store, const core::Registry& registry, CheckedDocument doc, Mode mode)
    : m_store(store), m_registry(registry), m_doc(std::move(doc)), m_mode(mode) {}
ImportJob::ImportJob(core::RecordStore& store, const core::Registry& registry, BackupDocument doc, Mode mode)
    : m_store(store), m_registry(registry), m_unchecked(std::move(doc)), m_mode(mode) {}

bool ImportJob::begin() {
  if (m_store.readOnly()) {
    finish(Status{ErrorCode::ReadOnly, "Another Toward tab is the one saving right now. Nothing was changed."});
    return false;
  }
  if (m_unchecked || m_doc.registry() != &m_registry) {   // not checked (or against another registry): now
    auto checked = m_unchecked ? checkDocument(std::move(*m_unchecked), m_registry) : checkDocument(m_doc.doc(), m_registry);
    m_unchecked.reset();
    if (!checked) {
      finish(checked.error().toStatus());
      return false;
    }
    m_doc = std::move(checked.value());
  }
  m_damaged = damagedPaths(m_store);
  for (const auto& skipped : m_doc.doc().skipped) m_skipped.emplace(skipped.type, skipped.id);
  m_report.skipped = m_doc.doc().skipped.size();
  if (m_mode == Mode::Merge) {
    for (const auto* t : m_store.trash()) m_localTrash[{t->record.type, t->record.id}] = t->record.revision;
    for (const auto& r : m_doc.doc().records) m_incomingLive.emplace(r.type, r.id);
    m_phase = Phase::Live;
  } else {
    m_phase = Phase::Snapshot;
  }
  return true;
}

double ImportJob::progress() const {
  if (done()) return 1.0;
  const size_t total = m_doc.doc().records.size() + m_doc.doc().trash.size() + m_gone.size() + 1;
  return std::min(1.0, double(m_handled) / double(total));
}

const core::Result<MergeReport>& ImportJob::run() {
  while (!step(4096)) {
  }
  return m_result;
}

bool ImportJob::stepFor(double budgetMs, const std::function<double()>& clockMs) {
  const double start = clockMs();
  while (!step(1)) {
    if (clockMs() - start >= budgetMs) return false;
  }
  return true;
}

bool ImportJob::step(size_t maxRecords) {
  if (m_phase == Phase::Start && !begin()) return true;
  const BackupDocument& doc = m_doc.doc();
  const bool merge = m_mode == Mode::Merge;
  size_t budget = std::max<size_t>(1, maxRecords);
  while (budget > 0 && m_phase != Phase::Done) {
    Status s;
    switch (m_phase) {
      case Phase::Start:
      case Phase::Done:
        break;
      case Phase::Snapshot: {
        auto snapshot = writeSnapshot(m_store, m_registry);
        if (!snapshot) {
          finish({snapshot.error().code(), "A safety copy of your current data could not be saved, so nothing was "
                                           "replaced. " + snapshot.error().message()});
          return true;
        }
        m_report.snapshot = snapshot.value();
        m_phase = Phase::Live;
        ++m_handled;
        --budget;
        break;
      }
      case Phase::Live:
        if (m_index == doc.records.size()) {
          m_phase = Phase::Trash;
          m_index = 0;
          break;
        }
        s = merge ? mergeLive(doc.records[m_index]) : replaceLive(doc.records[m_index]);
        ++m_index, ++m_handled, --budget;
        break;
      case Phase::Trash:
        if (m_index == doc.trash.size()) {
          if (merge) {
            finish(Status::ok());
            break;
          }
          // Everything the backup holds is written: now what it does not hold goes.
          for (const auto& type : m_registry.recordTypes()) {
            for (const auto* r : m_store.list(type.id)) {
              const Key key{r->type, r->id};
              if (!m_incomingLive.count(key) && !m_skipped.count(key)) m_gone.push_back({key, false});
            }
          }
          for (const auto* t : m_store.trash()) {
            const Key key{t->record.type, t->record.id};
            if (!m_incomingTrash.count(key) && !m_skipped.count(key)) m_gone.push_back({key, true});
          }
          m_phase = Phase::Sweep;
          m_index = 0;
          break;
        }
        s = merge ? mergeTrashed(doc.trash[m_index]) : replaceTrashed(doc.trash[m_index]);
        ++m_index, ++m_handled, --budget;
        break;
      case Phase::Sweep:
        if (m_index == m_gone.size()) {
          finish(Status::ok());
          break;
        }
        {
          const auto& [key, trashed] = m_gone[m_index];
          if (m_store.discard(key.first, key.second, trashed)) {
            m_store.announceChange(trashed ? core::RecordChange::Kind::Purged : core::RecordChange::Kind::Removed,
                                   key.first, key.second);
          }
        }
        ++m_index, ++m_handled, --budget;
        break;
    }
    if (!s) {
      finish(failedPartWay(s));
      return true;
    }
  }
  return done();
}

void ImportJob::finish(const Status& failure) {
  m_phase = Phase::Done;
  if (failure.isOk()) m_result = m_report;
  else m_result = failure;
}

void ImportJob::remember(const core::StoredRecord& r) {
  if (m_bodiesIndexed) m_bodies[r.type].emplace(std::hash<std::string>{}(r.body), r.id);
}

// An earlier import already kept this very copy under another id (the same words, another id).
bool ImportJob::alreadyKeptCopy(const core::StoredRecord& r) {
  if (!m_bodiesIndexed) {   // built at the first conflict: one pass over the store, not one per record
    for (const auto& type : m_registry.recordTypes()) {
      for (const auto* other : m_store.list(type.id)) m_bodies[type.id].emplace(std::hash<std::string>{}(other->body), other->id);
    }
    m_bodiesIndexed = true;
  }
  auto byType = m_bodies.find(r.type);
  if (byType == m_bodies.end()) return false;
  auto [first, last] = byType->second.equal_range(std::hash<std::string>{}(r.body));
  for (auto it = first; it != last; ++it) {
    if (it->second == r.id) continue;
    const core::StoredRecord* other = m_store.find(r.type, it->second);
    if (other && other->body == r.body) return true;
  }
  return false;
}

Status ImportJob::mergeLive(const core::StoredRecord& incoming) {
  const core::StoredRecord* local = m_store.find(incoming.type, incoming.id);
  const bool aside = m_damaged.count(recordPath(m_store, incoming.type, incoming.id)) > 0;
  auto trashed = m_localTrash.find({incoming.type, incoming.id});
  auto write = [&](const core::StoredRecord& r) {
    m_localTrash.erase({r.type, r.id});   // adopt() drops a trashed copy with the same id
    Status s = m_store.adopt(r);
    if (s) {
      remember(r);
      m_store.announceChange(core::RecordChange::Kind::Saved, r.type, r.id);
    }
    return s;
  };
  if (local || aside) {
    if (local && incoming.revision < local->revision) { ++m_report.kept; return Status::ok(); }
    if (local && incoming.revision == local->revision && incoming.body == local->body) { ++m_report.kept; return Status::ok(); }
    if (aside || incoming.revision == local->revision) {
      // A true conflict: both are kept. Unless an earlier import already kept this very copy.
      if (alreadyKeptCopy(incoming)) { ++m_report.kept; return Status::ok(); }
      core::StoredRecord copy = incoming;
      copy.id = core::newRecordId(m_store.now());
      ++m_report.conflicts;
      return write(copy);
    }
    ++m_report.updated;
  } else if (trashed != m_localTrash.end()) {
    if (incoming.revision <= trashed->second) { ++m_report.kept; return Status::ok(); }  // deleted here later
    ++m_report.updated;
  } else {
    ++m_report.added;
  }
  return write(incoming);
}

Status ImportJob::mergeTrashed(const core::TrashedRecord& incoming) {
  const std::string& type = incoming.record.type;
  const std::string& id = incoming.record.id;
  // Incoming trash only fills in what this device never had (and what this merge did not just write live).
  if (m_store.find(type, id) || m_localTrash.count({type, id}) || m_incomingLive.count({type, id}) ||
      m_damaged.count(trashPath(m_store, type, id)) || m_damaged.count(recordPath(m_store, type, id))) {
    return Status::ok();
  }
  Status s = m_store.adoptTrashed(incoming);
  if (s) {
    ++m_report.trashAdded;
    m_store.announceChange(core::RecordChange::Kind::Removed, type, id);
  }
  return s;
}

Status ImportJob::replaceLive(const core::StoredRecord& incoming) {
  Status s;
  if (m_damaged.count(recordPath(m_store, incoming.type, incoming.id))) {
    core::StoredRecord copy = incoming;   // the damaged file stays as it is; this one goes beside it
    copy.id = core::newRecordId(m_store.now());
    s = m_store.adopt(copy);
    if (s) m_incomingLive.emplace(copy.type, copy.id);
    if (s) m_store.announceChange(core::RecordChange::Kind::Saved, copy.type, copy.id);
  } else {
    s = m_store.adopt(incoming);
    if (s) m_incomingLive.emplace(incoming.type, incoming.id);
    if (s) m_store.announceChange(core::RecordChange::Kind::Saved, incoming.type, incoming.id);
  }
  if (s) {
    ++m_report.added;
  }
  return s;
}

Status ImportJob::replaceTrashed(const core::TrashedRecord& incoming) {
  if (m_damaged.count(trashPath(m_store, incoming.record.type, incoming.record.id))) return Status::ok();
  Status s = m_store.adoptTrashed(incoming);
  if (s) {
    m_incomingTrash.emplace(incoming.record.type, incoming.record.id);
    ++m_report.trashAdded;
    m_store.announceChange(core::RecordChange::Kind::Removed, incoming.record.type, incoming.record.id);
  }
  return s;
}

// ---------------------------------------------------------------- at once
namespace {
template <class Doc>
core::Result<MergeReport> runJob(core::RecordStore& store, const core::Registry& registry, Doc doc, ImportJob::Mode mode) {
  ImportJob job(store, registry, std::move(doc), mode);
  return job.run();
}
}  // namespace

core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const CheckedDocument& doc) {
  return runJob(store, registry, doc, ImportJob::Mode::Merge);
}
core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const BackupDocument& doc) {
  return runJob(store, registry, doc, ImportJob::Mode::Merge);
}
core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const CheckedDocument& doc) {
  return runJob(store, registry, doc, ImportJob::Mode::Replace);
}
core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const BackupDocument& doc) {
  return runJob(store, registry, doc, ImportJob::Mode::Replace);
}

std::vector<SnapshotInfo> listSnapshots(const core::RecordStore& store) {
  std::vector<SnapshotInfo> out;
  for (const auto& name : store.listSideFiles(kSnapshotDir)) {
    if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
    SnapshotInfo info;
    info.name = name;
    try {
      info.createdMs = std::stoll(name);
    } catch (...) {
      continue;
    }
    out.push_back(info);
  }
  std::sort(out.begin(), out.end(), [](const SnapshotInfo& a, const SnapshotInfo& b) {
    return a.createdMs != b.createdMs ? a.createdMs > b.createdMs : a.name > b.name;
  });
  return out;
}

core::Result<BackupDocument> readSnapshot(const core::RecordStore& store, const std::string& name) {
  if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) {
    return Status{ErrorCode::Invalid, "This safety copy cannot be found. Nothing was changed."};
  }
  auto text = store.readSideFile(std::string(kSnapshotDir) + "/" + name);
  if (!text) return Status{ErrorCode::NotFound, "This safety copy cannot be found. Nothing was changed."};
  auto doc = parseDocument(text.value());
  if (!doc) return doc.error().toStatus();
  return std::move(doc.value());
}

core::Result<MergeReport> restoreSnapshot(core::RecordStore& store, const core::Registry& registry, const std::string& name) {
  auto doc = readSnapshot(store, name);
  if (!doc) return doc.error();
  return replaceWithDocument(store, registry, doc.value());
}

}  // namespace toward::backup
