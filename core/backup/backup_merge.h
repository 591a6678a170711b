// core/backup/backup_merge.h: bringing a validated backup document into a record store.
//   merge:   by (type, id). The higher revision wins; the same revision with the same body is already
//            here; the same revision with a different body is a true conflict: both are kept, the
//            incoming one under a new id. Incoming trash only fills in records this device never had.
//   replace: the current data is first written as a safety snapshot (a plain backup document in
//            <root>/snapshots/<ms>.json, the newest kKeptSnapshots kept), then everything is replaced.
//            restoreSnapshot() brings a snapshot back (itself taking a snapshot first).
// Callers parse and check the whole document first (parseDocument + checkAgainstRegistry): these
// functions check it again and change nothing when it does not pass.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/backup/backup_document.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/result.h"

namespace toward::backup {

inline constexpr size_t kKeptSnapshots = 5;

// The whole import check in one step: decrypts the age file, parses the document and checks every record
// against the registry. Nothing is touched; show previewDocument() of the result, then merge or replace.
BackupResult<BackupDocument> openBackup(std::string_view ageFile, std::string_view passphrase,
                                        const core::Registry& registry);

// A backup of everything in the store, as an age file (binary, work factor 18 unless given).
BackupResult<std::string> makeBackup(const core::RecordStore& store, const core::Registry& registry,
                                     std::string_view passphrase, int workFactor = 18);

struct MergeReport {
  size_t added = 0;        // records this device did not have
  size_t updated = 0;      // records where the backup's revision was newer
  size_t kept = 0;         // records where this device's copy was newer or the same
  size_t conflicts = 0;    // same revision, different words: the backup's copy was added under a new id
  size_t trashAdded = 0;   // trashed records this device did not have
  std::string snapshot;    // replace only: the snapshot file name written first
};

// Merges `doc` into the store (see above). Reloads the store afterwards (listeners hear Reloaded).
core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const BackupDocument& doc);

// Replaces everything in the store with `doc`, after writing a safety snapshot of the current data.
core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const BackupDocument& doc);

struct SnapshotInfo {
  std::string name;        // file name in <root>/snapshots, e.g. "1764000000000.json"
  int64_t createdMs = 0;
  size_t records = 0;
};

// Safety snapshots, newest first.
std::vector<SnapshotInfo> listSnapshots(const core::RecordStore& store);

// Replaces the data with snapshot `name` (a snapshot of the current data is taken first).
core::Result<MergeReport> restoreSnapshot(core::RecordStore& store, const core::Registry& registry, const std::string& name);

}  // namespace toward::backup
