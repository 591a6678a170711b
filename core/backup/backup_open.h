// core/backup/backup_open.h: opening a backup file a part at a time, so that the app opens a large one across
// frames under a progress bar (10,000 records in one frame took 250 ms): the age file's chunks decrypted
// (AgeDecryptor), the document read (DocumentReader), every record checked (DocumentChecker). Nothing is
// touched; the result is openBackup()'s, which is this job run to the end.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/backup/age_format.h"
#include "core/backup/backup_document.h"
#include "core/backup/document_reader.h"
#include "core/registry.h"

namespace toward::backup {

class OpenJob {
 public:
  // `ageFile` and `registry` must outlive the job. The passphrase is used (and then wiped) by the first step,
  // unless `derived` holds its key, made elsewhere for this file (ageWrapParams).
  OpenJob(std::string_view ageFile, std::string passphrase, const core::Registry& registry,
          const AgeWrapKey* derived = nullptr);
  ~OpenJob();
  OpenJob(const OpenJob&) = delete;
  OpenJob& operator=(const OpenJob&) = delete;
  // Works on for about `budgetMs` as `clockMs` (milliseconds) tells it: at least one unit (the key and header,
  // 4 chunks, 64 KiB scanned, a record read or checked); true once done.
  bool stepFor(double budgetMs, const std::function<double()>& clockMs);
  // Works up to `units` units (at least one); true once done.
  bool step(size_t units);
  // Runs to the end.
  void run();
  bool done() const { return m_phase == Phase::Done; }
  // 0..1, over the whole opening.
  double progress() const;
  // The checked document, or why the file does not open; once done().
  BackupResult<CheckedDocument> take();

 private:
  enum class Phase { Begin, Decrypt, Read, Check, Done };
  void unit();
  void fail(BackupError error);

  std::string_view m_file;
  std::string m_passphrase;
  std::optional<AgeWrapKey> m_derived;
  const core::Registry& m_registry;
  Phase m_phase = Phase::Begin;
  AgeDecryptor m_decryptor;
  std::string m_plain;
  std::optional<DocumentReader> m_reader;
  std::optional<DocumentChecker> m_checker;
  BackupResult<CheckedDocument> m_result{CheckedDocument{}};
};

}  // namespace toward::backup
