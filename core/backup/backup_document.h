// core/backup/backup_document.h: the plaintext inside a backup: one versioned JSON document holding every
// record of every plugin (settings included: they are the "core.settings" record) and the trash.
// Documented in docs/backup-format.md; golden file tests/fixtures/backup.v1.json.
//   {"toward":"backup","format":1,"createdMs":...,"app":"0.1.0",
//    "records":[{"type":..,"id":..,"schema":1,"revision":3,"createdMs":..,"updatedMs":..,"body":{..}}],
//    "trash":[{... the same fields ...,"deletedMs":..}]}
// Parsing validates everything with size limits (no recursion deeper than kMaxJsonDepth, at most
// kMaxBackupRecords records) and never touches a store.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/backup/backup_error.h"
#include "core/record.h"
#include "core/record_store.h"
#include "core/registry.h"

namespace toward::backup {

inline constexpr uint32_t kBackupFormat = 1;      // the document version this build writes
inline constexpr uint32_t kMinBackupFormat = 1;   // the oldest it reads
inline constexpr size_t kMaxBackupRecords = 1000000;
inline constexpr int kMaxJsonDepth = 64;
inline constexpr size_t kMaxDocumentBytes = sizeof(size_t) >= 8 ? (size_t(512) << 20) : (size_t(128) << 20);
inline constexpr const char* kAppVersion = "0.1.0";

// A record of a backup that cannot be brought in (its fields or body do not read, its type is unknown or
// newer, it appears twice): reported by name, left out, and nothing here with its type and id is changed.
struct SkippedRecord {
  std::string type;    // empty when the record did not even say what it is
  std::string id;
  bool trashed = false;
  std::string why;     // plain words
};

struct BackupDocument {
  uint32_t format = kBackupFormat;
  int64_t createdMs = 0;
  std::string app;                              // the version of Toward that wrote it (informative)
  std::vector<core::StoredRecord> records;
  std::vector<core::TrashedRecord> trash;
  std::vector<SkippedRecord> skipped;           // left out by parseDocument or checkDocument (never encoded)
};

struct BackupPreview {
  size_t records = 0;
  size_t trashed = 0;
  std::map<std::string, size_t> byType;         // live records per type id
  std::map<std::string, size_t> trashByType;    // trashed records per type id
  std::map<std::string, size_t> byPlugin;       // live records per plugin ("journal" for "journal.*")
  size_t words = 0;                             // live records of the plugins (the person's words), not core's
  int64_t firstMs = 0;                          // earliest createdMs of those words (0 when none)
  int64_t lastMs = 0;                           // latest updatedMs of those words (0 when none)
  size_t skipped = 0;                           // records that cannot be brought in (doc.skipped)
};

// Everything in the store (live records and trash) as a document dated `nowMs` (DocumentCopier run to the end:
// the registry's types and the trash's, each in id order).
BackupDocument documentFromStore(const core::RecordStore& store, const core::Registry& registry, int64_t nowMs);

// The document as JSON text (records sorted by type then id; one record per line for readable diffs).
std::string encodeDocument(const BackupDocument& doc);

// encodeDocument() a few records at a time (the app makes a large backup across frames); encodeDocument() is
// this run to the end. `doc` must outlive the encoder and not change meanwhile.
class DocumentEncoder {
 public:
  explicit DocumentEncoder(const BackupDocument& doc);
  // Writes up to `records` more records (at least one); true once the whole text is written.
  bool step(size_t records);
  bool done() const { return m_next >= m_live.size() + m_trash.size() && m_closed; }
  // 0..1, by records written.
  double progress() const;
  // The text, once done().
  std::string take();

 private:
  std::vector<const core::StoredRecord*> m_live;    // sorted by (type, id): the same backup, the same text
  std::vector<const core::TrashedRecord*> m_trash;
  size_t m_next = 0;   // live records, then trash
  bool m_closed = false;
  std::string m_out;
};

// Parses and validates document text. NotBackup when it is not a valid document, UnsupportedVersion when
// it is newer than this build, TooLarge past the limits. One record that does not read never refuses the
// whole document: it goes to `skipped` with the reason, and the rest is kept.
BackupResult<BackupDocument> parseDocument(std::string_view text);

// Checks that every record can be stored by this build: known type, schema in range, a body its type reads,
// and nothing skipped (strict: `toward-cli backup verify`). UnsupportedVersion for unknown types or newer
// schemas, NotBackup for bodies that do not read or records parseDocument skipped.
BackupResult<bool> checkAgainstRegistry(const BackupDocument& doc, const core::Registry& registry);

// A document whose every record passed checkAgainstRegistry's rules and was brought to its type's current
// schema while being checked (each body normalized once, never again). Only checkDocument() makes one, so
// holding one is the proof: merge and replace (core/backup/backup_merge.h) take it without a second check.
class CheckedDocument {
 public:
  CheckedDocument() = default;   // empty and checked against nothing: merge checks it again
  const BackupDocument& doc() const { return m_doc; }
  // The registry it was checked against (nullptr when default-constructed).
  const core::Registry* registry() const { return m_registry; }

 private:
  friend class DocumentChecker;
  BackupDocument m_doc;
  const core::Registry* m_registry = nullptr;
};

// The import check: every record checkAgainstRegistry would refuse is moved to `skipped` with the reason
// (so one bad record never refuses a whole backup); the rest keep their normalized bodies.
BackupResult<CheckedDocument> checkDocument(BackupDocument doc, const core::Registry& registry);

// The same check a few records at a time (the app spreads a large backup's over frames); checkDocument() is
// this run to the end. The registry must outlive the checker.
class DocumentChecker {
 public:
  DocumentChecker(BackupDocument doc, const core::Registry& registry);
  // Checks up to `count` more records (at least one); true once every record is checked.
  bool step(size_t count);
  bool done() const { return m_next >= m_total; }
  // 0..1.
  double progress() const { return m_total ? double(m_next) / double(m_total) : 1.0; }
  // The checked document, once done().
  CheckedDocument take();

 private:
  BackupDocument m_doc;
  const core::Registry& m_registry;
  std::vector<core::StoredRecord> m_records;   // what stays, in the document's order
  std::vector<core::TrashedRecord> m_trash;
  size_t m_next = 0, m_total = 0;              // records, then trash
};

// Counts per type and plugin, and the date range, for the preview before importing.
BackupPreview previewDocument(const BackupDocument& doc);
inline BackupPreview previewDocument(const CheckedDocument& doc) { return previewDocument(doc.doc()); }

// "journal" for "journal.entry": the plugin a type id belongs to.
std::string pluginOf(const std::string& typeId);

}  // namespace toward::backup
