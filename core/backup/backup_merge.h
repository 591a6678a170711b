// core/backup/backup_merge.h: bringing a validated backup document into a record store.
//   merge:   by (type, id). The higher revision wins; the same revision with the same body is already
//            here; the same revision with a different body is a true conflict: both are kept, the
//            incoming one under a new id. Incoming trash only fills in records this device never had.
//   replace: the current data is first written as a safety snapshot (a plain backup document in
//            <root>/snapshots/<ms>.json, the newest kKeptSnapshots kept), then everything is replaced.
//            restoreSnapshot() brings a snapshot back (itself taking a snapshot first).
// Checking happens once: openBackup() returns a CheckedDocument (every body already in its type's current
// schema) that merge and replace take as it is. Given a plain BackupDocument, or one checked against
// another registry, they check it first and change nothing when it does not pass.
// ImportJob does the same work a few records at a time, so the app can spread it over frames under a
// progress bar; mergeDocument() and replaceWithDocument() run one to the end.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/backup/age_format.h"
#include "core/backup/backup_document.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/result.h"

namespace toward::backup {

inline constexpr size_t kKeptSnapshots = 5;

// The whole import check in one step: decrypts the age file, parses the document and checks every record
// against the registry. Nothing is touched; show previewDocument() of the result, then merge or replace.
// `derived`: the passphrase's key made elsewhere for this file (ageWrapParams, ageDecrypt).
BackupResult<CheckedDocument> openBackup(std::string_view ageFile, std::string_view passphrase,
                                        const core::Registry& registry, const AgeWrapKey* derived = nullptr);

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
  size_t skipped = 0;      // records of the backup that could not be brought in (document().skipped)
};

// Brings a document into a store in steps. Merge writes the incoming records first, then incoming trash;
// replace first writes the safety snapshot, then the incoming records and trash, and only then removes what
// the backup does not hold: a stop at any point (a crash, a reload) loses nothing. Listeners hear of each
// record as it is written or removed (Saved; Removed for what goes into the trash; Purged for trash removed
// by a replace), so models update within each step rather than all at once at the end.
class ImportJob {
 public:
  enum class Mode { Merge, Replace };
  // Nothing is written before the first step(). The store and registry must outlive the job.
  ImportJob(core::RecordStore& store, const core::Registry& registry, CheckedDocument doc, Mode mode);
  // The same for a document not checked yet: the first step() checks it (and changes nothing if it fails).
  ImportJob(core::RecordStore& store, const core::Registry& registry, BackupDocument doc, Mode mode);
  // Does up to `maxWrites` record writes (the snapshot counts as one); true once finished.
  bool step(size_t maxWrites);
  // Writes records one at a time for about `budgetMs` as `clockMs` (milliseconds, fractions counted) tells it,
  // looking at it after each record (what listeners do when told of it counts too): at least one record, and
  // never one begun after the budget is spent. True once finished.
  bool stepFor(double budgetMs, const std::function<double()>& clockMs);
  // Runs to the end.
  const core::Result<MergeReport>& run();
  bool done() const { return m_phase == Phase::Done; }
  // 0..1, by records handled.
  double progress() const;
  // The outcome, once done(): the report, or why it stopped (what was written so far is kept).
  const core::Result<MergeReport>& result() const { return m_result; }
  const BackupDocument& document() const { return m_doc.doc(); }
  Mode mode() const { return m_mode; }

 private:
  enum class Phase { Start, Snapshot, Live, Trash, Sweep, Done };
  using Key = std::pair<std::string, std::string>;   // (type, id)
  bool begin();
  core::Status mergeLive(const core::StoredRecord& incoming);
  core::Status mergeTrashed(const core::TrashedRecord& incoming);
  core::Status replaceLive(const core::StoredRecord& incoming);
  core::Status replaceTrashed(const core::TrashedRecord& incoming);
  bool alreadyKeptCopy(const core::StoredRecord& r);
  void remember(const core::StoredRecord& r);
  void finish(const core::Status& failure);

  core::RecordStore& m_store;
  const core::Registry& m_registry;
  CheckedDocument m_doc;
  std::optional<BackupDocument> m_unchecked;
  Mode m_mode;
  Phase m_phase = Phase::Start;
  size_t m_index = 0;
  size_t m_handled = 0;
  MergeReport m_report;
  core::Result<MergeReport> m_result{MergeReport{}};
  std::set<std::string> m_damaged;                 // record files kept aside at load (never replaced)
  std::map<Key, uint64_t> m_localTrash;            // trashed here: revision
  std::set<Key> m_incomingLive, m_incomingTrash;   // written by this job (replace: kept by the sweep)
  std::set<Key> m_skipped;                         // in the backup but not brought in: replace keeps ours
  std::vector<std::pair<Key, bool>> m_gone;        // replace: (key, trashed) not in the backup
  bool m_bodiesIndexed = false;                    // conflicts: body hash -> ids, per type (built lazily)
  std::map<std::string, std::unordered_multimap<size_t, std::string>> m_bodies;
};

// Merges `doc` into the store (see above) at once.
core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const CheckedDocument& doc);
core::Result<MergeReport> mergeDocument(core::RecordStore& store, const core::Registry& registry, const BackupDocument& doc);

// Replaces everything in the store with `doc`, after writing a safety snapshot of the current data.
core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const CheckedDocument& doc);
core::Result<MergeReport> replaceWithDocument(core::RecordStore& store, const core::Registry& registry,
                                              const BackupDocument& doc);

struct SnapshotInfo {
  std::string name;        // file name in <root>/snapshots, e.g. "1764000000000.json"
  int64_t createdMs = 0;
  size_t records = 0;
};

// Safety snapshots, newest first.
std::vector<SnapshotInfo> listSnapshots(const core::RecordStore& store);

// Snapshot `name` as a document (not checked yet), or NotFound.
core::Result<BackupDocument> readSnapshot(const core::RecordStore& store, const std::string& name);

// Replaces the data with snapshot `name` (a snapshot of the current data is taken first).
core::Result<MergeReport> restoreSnapshot(core::RecordStore& store, const core::Registry& registry, const std::string& name);

}  // namespace toward::backup
