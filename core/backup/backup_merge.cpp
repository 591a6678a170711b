// core/backup/backup_merge.cpp: merge and replace of a backup document into a store (see header).
// The store's put() stamps new revisions and times; importing must keep the backup's, so records are
// brought in with RecordStore::adopt(), and listeners hear one Reloaded change at the end.
#include "core/backup/backup_merge.h"

#include <algorithm>
#include <map>

#include "core/backup/age_format.h"
#include "core/files.h"
#include "core/ids.h"
#include "core/record_codec.h"

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

// The body in its type's current schema (checkAgainstRegistry has shown this works).
core::StoredRecord normalized(const core::Registry& registry, core::StoredRecord r) {
  const core::RecordType* type = registry.recordType(r.type);
  auto body = type->normalize(r.body, r.schema);
  r.body = body.value();
  r.schema = type->schema;
  return r;
}

Status precheck(const core::RecordStore& store, const core::Registry& registry, const BackupDocument& doc) {
  if (store.readOnly()) return {ErrorCode::ReadOnly, "Another Toward tab is the one saving right now. Nothing was changed."};
  if (auto c = checkAgainstRegistry(doc, registry); !c) return c.error().toStatus();
  return Status::ok();
}

Status failedPartWay(const Status& s) {
  return {s.code(), "Saving the backup's records stopped part way: " + s.message() +
                        " What was saved so far is kept; your earlier data is safe."};
}

std::vector<std::string> damagedPaths(const core::RecordStore& store) {
  std::vector<std::string> out;
  for (const auto& p : store.problems()) out.push_back(p.path);
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

BackupResult<BackupDocument> openBackup(std::string_view ageFile, std::string_view passphrase,
                                        const core::Registry& registry) {
  auto plain = ageDecrypt(ageFile, passphrase);
  if (!plain) return plain.error();
  auto doc = parseDocument(plain.value());
  if (!doc) return doc.error();
  if (auto c = checkAgainstRegistry(doc.value(), registry); !c) return c.error();
  return std::move(doc.value());
}

BackupResult<std::string> makeBackup(const core::RecordStore& store, const core::Registry& registry,
                                     std::string_view passphrase, int workFactor) {
  AgeEncryptOptions options;
  options.workFactor = workFactor;
  return ageEncrypt(encodeDocument(documentFromStore(store, registry, store.now())), passphrase, options);
}

core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const BackupDocument& doc) {
  if (auto s = precheck(store, registry, doc); !s) return s;
  const auto damaged = damagedPaths(store);
  auto isDamaged = [&](const std::string& path) { return std::find(damaged.begin(), damaged.end(), path) != damaged.end(); };
  std::map<std::pair<std::string, std::string>, const core::TrashedRecord*> localTrash;
  for (const auto* t : store.trash()) localTrash[{t->record.type, t->record.id}] = t;

  MergeReport report;
  bool wrote = false;
  Status failure;
  auto finish = [&]() -> core::Result<MergeReport> {
    if (wrote) store.announceReload();
    if (!failure) return failedPartWay(failure);
    return report;
  };
  for (const auto& incoming : doc.records) {
    core::StoredRecord r = normalized(registry, incoming);
    const core::StoredRecord* local = store.find(r.type, r.id);
    auto trashed = localTrash.find({r.type, r.id});
    const bool aside = isDamaged(recordPath(store, r.type, r.id));
    if (local || aside) {
      if (local && r.revision < local->revision) { ++report.kept; continue; }
      if (local && r.revision == local->revision && r.body == local->body) { ++report.kept; continue; }
      if (aside || r.revision == local->revision) {
        // A true conflict: both are kept. Unless an earlier import already kept this very copy.
        bool already = false;
        for (const auto* other : store.list(r.type)) already = already || (other->id != r.id && other->body == r.body);
        if (already) { ++report.kept; continue; }
        r.id = core::newRecordId(store.now());
        ++report.conflicts;
      } else {
        ++report.updated;
      }
    } else if (trashed != localTrash.end()) {
      if (r.revision <= trashed->second->record.revision) { ++report.kept; continue; }  // deleted here later
      ++report.updated;
    } else {
      ++report.added;
    }
    localTrash.erase({r.type, r.id});  // adopt() drops a trashed copy with the same id
    if (auto s = store.adopt(r); !s) { failure = s; return finish(); }
    wrote = true;
  }
  for (const auto& incoming : doc.trash) {
    const std::string& type = incoming.record.type;
    const std::string& id = incoming.record.id;
    if (store.find(type, id) || localTrash.count({type, id}) || isDamaged(trashPath(store, type, id)) ||
        isDamaged(recordPath(store, type, id))) {
      continue;
    }
    bool inLive = false;  // also written live just now by this merge?
    for (const auto& r : doc.records) inLive = inLive || (r.type == type && r.id == id);
    if (inLive) continue;
    core::TrashedRecord t{normalized(registry, incoming.record), incoming.deletedMs};
    if (auto s = store.adoptTrashed(t); !s) { failure = s; return finish(); }
    wrote = true;
    ++report.trashAdded;
  }
  return finish();
}

core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const BackupDocument& doc) {
  if (auto s = precheck(store, registry, doc); !s) return s;
  auto snapshot = writeSnapshot(store, registry);
  if (!snapshot) {
    return Status{snapshot.error().code(),
                  "A safety copy of your current data could not be saved, so nothing was replaced. " + snapshot.error().message()};
  }
  MergeReport report;
  report.snapshot = snapshot.value();
  Status failure;
  // Incoming first (a crash part way leaves more, never less), then what the backup does not hold.
  std::map<std::pair<std::string, std::string>, bool> incomingLive, incomingTrash;
  const auto damaged = damagedPaths(store);
  auto isDamaged = [&](const std::string& path) { return std::find(damaged.begin(), damaged.end(), path) != damaged.end(); };
  for (const auto& in : doc.records) {
    core::StoredRecord r = normalized(registry, in);
    if (isDamaged(recordPath(store, r.type, r.id))) r.id = core::newRecordId(store.now());
    if (auto s = store.adopt(r); !s) { failure = s; break; }
    incomingLive[{r.type, r.id}] = true;
    ++report.added;
  }
  for (const auto& in : doc.trash) {
    if (failure.code() != ErrorCode::Ok) break;
    core::TrashedRecord t{normalized(registry, in.record), in.deletedMs};
    if (isDamaged(trashPath(store, t.record.type, t.record.id))) continue;
    if (auto s = store.adoptTrashed(t); !s) { failure = s; break; }
    incomingTrash[{t.record.type, t.record.id}] = true;
    ++report.trashAdded;
  }
  if (failure.isOk()) {
    std::vector<std::pair<std::string, std::string>> goneLive, goneTrash;
    for (const auto& type : registry.recordTypes()) {
      for (const auto* r : store.list(type.id)) {
        if (!incomingLive.count({r->type, r->id})) goneLive.emplace_back(r->type, r->id);
      }
    }
    for (const auto* t : store.trash()) {
      if (!incomingTrash.count({t->record.type, t->record.id})) goneTrash.emplace_back(t->record.type, t->record.id);
    }
    for (const auto& [type, id] : goneLive) store.discard(type, id, false);
    for (const auto& [type, id] : goneTrash) store.discard(type, id, true);
  }
  store.announceReload();
  if (!failure.isOk()) return failedPartWay(failure);
  return report;
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

core::Result<MergeReport> restoreSnapshot(core::RecordStore& store, const core::Registry& registry, const std::string& name) {
  if (name.find('/') != std::string::npos || name.find("..") != std::string::npos) {
    return Status{ErrorCode::Invalid, "This safety copy cannot be found. Nothing was changed."};
  }
  auto text = store.readSideFile(std::string(kSnapshotDir) + "/" + name);
  if (!text) return Status{ErrorCode::NotFound, "This safety copy cannot be found. Nothing was changed."};
  auto doc = parseDocument(text.value());
  if (!doc) return doc.error().toStatus();
  return replaceWithDocument(store, registry, doc.value());
}

}  // namespace toward::backup
