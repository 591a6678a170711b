// core/ui/backup_view.h: the "Backups" page. Making a backup: a passphrase typed twice, a plain word that
// a lost passphrase means a lost backup, the scrypt work announced in a frame drawn before it starts,
// then the payload sealed in 64 KiB steps across frames under a real progress bar, and the download
// (toward-backup-YYYY-MM-DD.age). Bringing one back: pick a file, type its passphrase, everything is
// decrypted and checked before anything changes (backup::openBackup), a preview of what it holds, then
// merge or replace (replace keeps a safety snapshot and offers to restore it), done a few hundred records per
// frame under a real progress bar (backup::ImportJob), and "saved" said only once the browser's storage
// holds all of it. The file chooser is a real <input type=file> over the button (Platform::placeFilePicker)
// so the browser opens it inside the click's own event. Every failure has its own
// calm message and changes nothing. Passphrases live only in this view's fields, are never stored or
// logged, and are wiped (zero-filled) as soon as they were used or the page is left.
// Also: BackupReminderBanner(), the optional gentle reminder the shell shows (off by default).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/backup/age_format.h"
#include "core/backup/backup_document.h"
#include "core/backup/backup_merge.h"
#include "core/backup/backup_open.h"
#include "core/backup/document_copier.h"
#include "core/backup_state.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/ui/key_away.h"
#include "core/ui/view.h"

namespace toward::ui {

class BackupView final : public View {
 public:
  BackupView(core::RecordStore& store, const core::Registry& registry) : m_store(store), m_registry(registry) {}
  ~BackupView() override;
  void draw(ViewContext& ctx) override;
  int64_t nextWakeMs() const override;
  void onHide() override;
  // A made file already offered to the browser is noted as made (its date kept) before a lock or a page hide.
  void commitPendingEdits() override;
  // At most `records` records imported per frame by this page (as many units of a file's opening or of a
  // backup's copy, and one part of a made file handed to the browser), 0 = as
  // many as fit in the frame's time budget, so a browser test can watch an import part way on any machine. A knob for the test build
  // (window.towardTest.importRecordsPerFrame, through web/test_exports.cpp); a page built anew starts at 0.
  void setImportRecordsPerFrame(size_t records) { m_importRecordsPerFrame = records; }

 private:
  enum class Work { None, Export, Open, Merge, Replace, Restore };
  void drawExport(ViewContext& ctx);
  void drawImport(ViewContext& ctx);
  void drawPreview(ViewContext& ctx);
  void drawBusy(ViewContext& ctx);
  void runWork(ViewContext& ctx);
  void continueCopying();
  void stopCopying();
  void continueEncoding(ViewContext& ctx);
  void continueExport(ViewContext& ctx);
  void handOverFile(ViewContext& ctx);
  void dropHandOver();
  // The backup's date kept (BackupState) and "Your backup is ready: ..." said.
  void noteBackupMade(int64_t madeMs, size_t fileBytes);
  void forgetExportKey();
  void continueImport(ViewContext& ctx);
  void continueOpen(ViewContext& ctx);
  void finishImport();
  void chooseFile(ViewContext& ctx);
  void filePicked(bool ok, std::string name, std::string bytes);
  void afterImport(const backup::MergeReport& report, bool replaced);
  void forgetImport();
  void wipePassphrases();
  float fieldWidth(const ViewContext& ctx) const;

  core::RecordStore& m_store;
  const core::Registry& m_registry;

  // making a backup
  std::string m_pass1, m_pass2;
  std::string m_exportNote, m_exportProblem;
  std::unique_ptr<backup::DocumentCopier> m_copier;   // what is here, copied a few records a frame from then on,
  int m_copyListening = -1;                             // ... hearing the store's changes meanwhile
  backup::BackupDocument m_exportDoc;                // that copy, whole
  std::unique_ptr<backup::DocumentEncoder> m_encoder; // its text, written across frames before the sealing
  std::optional<backup::AgeWrapKey> m_exportKey;      // the passphrase's key made beside the page, if it was
  backup::AgeEncryptor m_encryptor;
  // The sealed file, handed to the browser a few parts a frame, then offered, then noted, each in a frame of its
  // own (every one of the three took 5-30 ms on a slow machine; all in one frame, 20-50 ms).
  struct HandOver {
    std::string file;                 // (let go once offered)
    size_t bytes = 0, handed = 0;
    bool offered = false;
    int64_t offeredMs = 0;
    core::Platform* to = nullptr;     // told to drop the parts if the page is left before the offer
  };
  std::optional<HandOver> m_handOver;
  std::string m_exportName;

  // bringing one back
  std::string m_fileName, m_fileBytes, m_importPass;
  bool m_picking = false;
  bool m_haveDoc = false;
  backup::CheckedDocument m_doc;
  backup::BackupPreview m_preview;
  bool m_confirmReplace = false;
  std::string m_importNote, m_importProblem;
  std::string m_snapshot;       // the safety snapshot the last replace wrote (offered for restoring)
  std::unique_ptr<backup::OpenJob> m_opening; // the chosen file decrypted, read and checked across frames
  std::unique_ptr<backup::ImportJob> m_job;   // merge, replace or restore: written across frames
  Work m_jobWork = Work::None;  // what m_job is doing
  core::BackupState m_stateBefore;   // the backup state before the import (kept through it)
  bool m_storing = false;       // the import is written; "saved" waits for the browser's storage

  // The passphrase's scrypt key for the file being made or opened: made beside the page where the platform
  // can (the page keeps drawing), from m_keySalt and m_keyWorkFactor.
  KeyAway m_key;
  std::string m_keySalt;
  int m_keyWorkFactor = 0;
  bool keyReady(ViewContext& ctx, Work work);

  // work that blocks: announced in one drawn frame, done in the next
  Work m_work = Work::None;
  bool m_announced = false;
  bool m_sealing = false;       // export: sealing chunks across frames
  bool m_shown = false;
  // The page after the busy words (which stand in for all of it, so its scroll went back to the top): what
  // came of the work (a problem, a note, the preview) is scrolled into view once it is drawn (revealOnce).
  bool m_wasBusy = false;
  bool m_revealResult = false;
  bool m_focusImportPass = false;   // a wrong passphrase: the field takes the keys again for another try
  void revealOnce(bool fromHere = false);
  float m_columnWidth = 0;      // while drawing one of two side-by-side columns
  size_t m_importRecordsPerFrame = 0;  // see setImportRecordsPerFrame
};

// The gentle reminder for the shell's banner area, shown only when the person chose one and it is due
// (and there is something to back up). Returns true when they chose to make a backup now (the shell then
// opens the Backups page). "Not now" quiets it for a few days (core::quietReminder), across reloads.
// `mayAppear`: false while the person is in the middle of something (the page was already open, a hard
// moment): a reminder not yet showing then waits, instead of pushing the page down under their finger.
bool BackupReminderBanner(core::RecordStore& store, int64_t nowMs, bool mayAppear);

// What the first run and Settings say where the browser gives no promise to keep its data
// (core::StorageHealth::mayBeCleared); the backup reminder is then on by default.
inline constexpr const char* kStorageMayBeClearedFirstRun =
    "This browser has not promised to keep what you write here, and it may clear it, for example when the "
    "device runs low on space. A backup keeps your words safe: Toward will remind you gently now and then "
    "(Settings can change that).";
inline constexpr const char* kStorageMayBeClearedSettings =
    "This browser has not promised to keep what you write here, and it may clear it, for example when the "
    "device runs low on space. A backup keeps your words safe; the gentle reminder below helps with that.";

}  // namespace toward::ui
