// core/ui/backup_view.cpp: see backup_view.h.
// [SECTION] helpers   [SECTION] page   [SECTION] making a backup   [SECTION] bringing one back
// [SECTION] blocking work   [SECTION] reminder banner
#include "core/ui/backup_view.h"

#include <sodium.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/ui/a11y.h"
#include "core/backup_state.h"
#include "core/count_words.h"
#include "core/settings.h"
#include "core/time_format.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::ui {
namespace {

// ---------------------------------------------------------------- [SECTION] helpers
constexpr int64_t kSealBudgetMs = 12;   // sealing time per frame: the page stays responsive
// Importing time per frame: about half a frame at 60 frames a second, so that the frame with its drawing
// stays under 16 ms (issue 16): the page answers a tap at once while a long import runs.
// The clock is looked at after every record (ImportJob::stepFor), in fractions of a millisecond: four records
// between two looks at whole milliseconds ran a step up to 13 ms under load.
constexpr double kImportBudgetMs = 8;
// Opening a chosen backup: its share of a frame (decrypting, reading and checking it took one frame of 250 ms
// at 10,000 records).
constexpr double kOpenBudgetMs = 8;

double steadyMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
constexpr const char* kBackupAccept = ".age,.txt,application/octet-stream";


std::string sizeText(size_t bytes) {
  char buf[32];
  if (bytes >= (size_t(1) << 20)) std::snprintf(buf, sizeof buf, "%.1f MB", double(bytes) / double(1 << 20));
  else std::snprintf(buf, sizeof buf, "%zu KB", std::max<size_t>(1, (bytes + 1023) / 1024));
  return buf;
}



bool g_reminderDismissed = false;   // answered in this run of the app ("Not now" is also kept: quietReminder)

}  // namespace

// ---------------------------------------------------------------- [SECTION] page
BackupView::~BackupView() {
  stopCopying();
  dropHandOver();
  wipePassphrases();
  WipeSecret(m_importPass);
  forgetExportKey();
}

void BackupView::wipePassphrases() {
  WipeSecret(m_pass1);
  WipeSecret(m_pass2);
}

void BackupView::forgetImport() {
  m_opening.reset();   // (it reads the file's bytes)
  m_haveDoc = false;
  m_doc = backup::CheckedDocument{};
  m_preview = backup::BackupPreview{};
  m_confirmReplace = false;
  m_fileName.clear();
  m_fileBytes.clear();
  m_fileBytes.shrink_to_fit();
  WipeSecret(m_importPass);
}

int64_t BackupView::nextWakeMs() const {
  // Work in progress needs the next frame at once (only while this page is shown); a key being made beside
  // the page wakes a frame when it is ready.
  if (m_key.working()) return -1;
  return m_shown && (m_work != Work::None || m_sealing || m_job || m_opening) ? 0 : -1;
}

void BackupView::onHide() {
  m_shown = false;
  // Leaving the page stops what was running and forgets every passphrase typed here.
  commitPendingEdits();
  if (m_sealing || m_encoder || m_copier) {
    m_encryptor.reset();
    dropHandOver();
    m_sealing = false;
    stopCopying();
    m_encoder.reset();
    m_exportDoc = backup::BackupDocument{};
    m_exportProblem = "The backup was stopped when you left this page. Nothing was changed.";
  }
  forgetExportKey();
  // An opening part way is let go (it changes nothing); the file stays chosen, to be opened again.
  if (m_opening) {
    m_opening.reset();
    m_importProblem = "Opening the backup stopped when you left this page. Nothing was changed; you can open it again.";
  }
  // An import part way is finished now (in one go): stopping it would leave a merge half done, or a replace
  // with both old and new records.
  if (m_job) {
    m_job->run();
    finishImport();
  }
  // Work announced but not started yet waits for a new click (never runs unseen on return).
  m_work = Work::None;
  m_key.reset();
  m_announced = false;
  wipePassphrases();
  WipeSecret(m_importPass);
}

void BackupView::draw(ViewContext& ctx) {
  m_shown = true;
  ImGui::BeginChild("backups", ImVec2(0, 0));
  Heading(ctx.fonts, "Backups");
  if (m_storing && ctx.saved) {
    m_storing = false;
    m_importNote += " It is all saved in this browser.";
  }
  const bool busy = m_work != Work::None || m_sealing || m_job || m_opening;
  if (m_wasBusy && !busy) m_revealResult = true;
  m_wasBusy = busy;
  if (busy) {
    drawBusy(ctx);
  } else {
    MutedText("A backup is one file holding everything you wrote in Toward, locked with a passphrase you "
              "choose. Keep it somewhere safe away from this device, like a USB stick or your own cloud "
              "folder. It opens in Toward on any device, and with the free \"age\" tool.");
    Gap(0.3f);
    BodyText(core::describeLastBackup(core::loadBackupState(m_store)).c_str());
    Gap(1.0f);
    // Side by side on wide screens (everything fits without scrolling), one after the other on phones.
    const float avail = ImGui::GetContentRegionAvail().x;
    const bool columns = !ctx.compact && avail > ImGui::GetFontSize() * 40.0f;
    if (columns) {
      const float gap = ImGui::GetFontSize() * 2.0f;
      const float x0 = ImGui::GetCursorPosX(), y0 = ImGui::GetCursorPosY();
      m_columnWidth = (avail - gap) * 0.5f;
      ImGui::BeginGroup();
      ImGui::PushTextWrapPos(x0 + m_columnWidth);
      drawExport(ctx);
      ImGui::PopTextWrapPos();
      ImGui::EndGroup();
      // (SetCursorPos, not SameLine: SameLine would align the heading with the button's text baseline)
      ImGui::SetCursorPos(ImVec2(x0 + m_columnWidth + gap, y0));
      ImGui::BeginGroup();
      ImGui::PushTextWrapPos(x0 + 2 * m_columnWidth + gap);
      drawImport(ctx);
      ImGui::PopTextWrapPos();
      ImGui::EndGroup();
      m_columnWidth = 0;
    } else {
      drawExport(ctx);
      Gap(1.4f);
      drawImport(ctx);
    }
    // Only the frame right after the work reveals: nothing left to show then leaves no scroll for later.
    m_revealResult = false;
  }
  TouchScroll();
  ImGui::EndChild();
}

float BackupView::fieldWidth(const ViewContext& ctx) const {
  const float avail = m_columnWidth > 0 ? m_columnWidth : ImGui::GetContentRegionAvail().x;
  return ctx.compact ? avail : std::min(avail, ImGui::GetFontSize() * 24.0f);
}

// ---------------------------------------------------------------- [SECTION] making a backup
void BackupView::drawExport(ViewContext& ctx) {
  Heading(ctx.fonts, "Make a backup");
  MutedText("Choose a passphrase and type it twice.");
  BodyText("Please keep your passphrase somewhere safe. A lost passphrase means a lost backup: nobody can open "
           "it without the passphrase, and Toward has no copy of it anywhere.");
  Gap(0.3f);
  const float w = fieldWidth(ctx);
  TextFieldOptions o1;
  o1.label = "Passphrase for the backup";
  o1.placeholder = "Passphrase";
  o1.password = true;
  auto& text = ctx.platform.textInput();
  // A message about what was typed goes as soon as the person types again (it would be out of date).
  if (TextLine(text, "backups/export/pass1", m_pass1, w, o1)) m_exportProblem.clear();
  TextFieldOptions o2 = o1;
  o2.label = "The same passphrase again";
  o2.placeholder = "The same passphrase again";
  if (TextLine(text, "backups/export/pass2", m_pass2, w, o2)) m_exportProblem.clear();
  // Enter in either field makes the backup, as the button does (the form's convention).
  const bool submitFirst = text.takeSubmit("backups/export/pass1");
  const bool submitSecond = text.takeSubmit("backups/export/pass2");
  const bool submitted = submitFirst || submitSecond;
  Gap(0.2f);
  if (PrimaryButton("Make a backup") || submitted) {
    m_exportNote.clear();
    m_exportProblem.clear();
    if (m_pass1.empty()) {
      m_exportProblem = "Please choose a passphrase first.";
    } else if (m_pass1 != m_pass2) {
      m_exportProblem = "The two passphrases are not the same yet. Please type the same one in both fields.";
    } else {
      m_work = Work::Export;
      m_announced = false;
    }
  }
  if (!m_exportProblem.empty()) CalmWarning(m_exportProblem);
  if (!m_exportNote.empty()) BodyText(m_exportNote.c_str());
  if (!m_exportProblem.empty() || !m_exportNote.empty()) revealOnce();
}

void BackupView::continueCopying() {
  const double t0 = steadyMs();
  if (m_importRecordsPerFrame > 0) {
    m_copier->step(m_importRecordsPerFrame);   // (a test holds the copy across frames)
  } else {
    while (!m_copier->step(64) && steadyMs() - t0 < double(kSealBudgetMs)) {
    }
  }
  if (!m_copier->done()) return;
  m_exportDoc = m_copier->take();
  stopCopying();
  m_encoder = std::make_unique<backup::DocumentEncoder>(m_exportDoc);   // its text from the next frame on
}

void BackupView::stopCopying() {
  if (m_copyListening >= 0) m_store.removeListener(m_copyListening);
  m_copyListening = -1;
  m_copier.reset();
}

void BackupView::continueEncoding(ViewContext& ctx) {
  const double t0 = steadyMs();
  while (!m_encoder->step(16) && steadyMs() - t0 < double(kSealBudgetMs)) {
  }
  if (!m_encoder->done()) return;
  std::string json = m_encoder->take();
  m_encoder.reset();
  m_exportDoc = backup::BackupDocument{};
  m_work = Work::None;
  m_announced = false;
  auto started = m_encryptor.begin(std::move(json), m_pass1, backup::AgeEncryptOptions{}, m_exportKey ? &*m_exportKey : nullptr);
  wipePassphrases();
  forgetExportKey();
  if (!started) {
    m_exportProblem = started.error().kind == backup::BackupErrorKind::TooLarge
                          ? "This browser does not have enough memory to make the backup right now. Nothing was "
                            "changed; closing other tabs may help."
                          : "The backup could not be made (" + started.error().message() + ")";
    ctx.platform.wake();
    return;
  }
  m_sealing = true;
}

void BackupView::dropHandOver() {
  if (m_handOver && !m_handOver->offered) m_handOver->to->downloadDrop();   // nothing is offered
  m_handOver.reset();
}

void BackupView::forgetExportKey() {
  if (m_exportKey) sodium_memzero(m_exportKey->key.data(), m_exportKey->key.size());
  m_exportKey.reset();
}

void BackupView::continueExport(ViewContext& ctx) {
  if (!m_handOver && !m_encryptor.done()) {
    const int64_t t0 = ctx.platform.nowMs();
    do {
      m_encryptor.step(1);
    } while (!m_encryptor.done() && ctx.platform.nowMs() - t0 < kSealBudgetMs);
    return;   // sealed: the file is handed to the browser from the next frame on
  }
  handOverFile(ctx);
}

void BackupView::handOverFile(ViewContext& ctx) {
  // A part at a time within a few milliseconds a frame: the browser copies each part out of the wasm heap (a
  // backup of 10,000 records is 13.6 MB; copied at once, 30-60 ms in one frame).
  constexpr size_t kPartBytes = 256 * 1024;
  constexpr double kHandOverMs = 6;   // with the page's own drawing, well within a frame
  if (!m_handOver) {
    m_handOver.emplace();
    m_handOver->file = m_encryptor.take();
    m_handOver->bytes = m_handOver->file.size();
    m_handOver->to = &ctx.platform;
  }
  HandOver& h = *m_handOver;
  if (h.handed < h.bytes) {
    const double t0 = steadyMs();
    do {   // (a test's knob: one part a frame)
      const size_t n = std::min(kPartBytes, h.bytes - h.handed);
      ctx.platform.downloadPart(std::string_view(h.file).substr(h.handed, n));
      h.handed += n;
    } while (h.handed < h.bytes && m_importRecordsPerFrame == 0 && steadyMs() - t0 < kHandOverMs);
    return;
  }
  if (!h.offered) {
    ctx.platform.downloadFinish(m_exportName, "application/octet-stream");
    h.offered = true;
    h.offeredMs = ctx.nowMs;
    std::string().swap(h.file);
    return;
  }
  noteBackupMade(h.offeredMs, h.bytes);
  m_handOver.reset();
  m_sealing = false;
  ctx.platform.wake();   // the page itself again in the next frame (with its file chooser)
}

void BackupView::commitPendingEdits() {
  // Left (or locked, or the page hidden) in the frame between the offer and its note: the file is with the
  // browser, so it is noted now, while the store can still be written.
  if (!m_handOver || !m_handOver->offered) return;
  noteBackupMade(m_handOver->offeredMs, m_handOver->bytes);
  m_handOver.reset();
  m_sealing = false;
}

void BackupView::noteBackupMade(int64_t madeMs, size_t fileBytes) {
  core::BackupState state = core::loadBackupState(m_store);
  state.lastBackupMs = madeMs;
  state.madeHereMs = madeMs;
  auto saved = core::saveBackupState(m_store, state);
  m_exportNote = "Your backup is ready: " + m_exportName + " (" + sizeText(fileBytes) +
                 "). Your browser keeps it with your downloads; you may like to move it somewhere safe.";
  if (!saved) m_exportNote += " (Toward could not note the date of this backup: " + saved.message() + ")";
}

// ---------------------------------------------------------------- [SECTION] bringing one back
void BackupView::drawImport(ViewContext& ctx) {
  Heading(ctx.fonts, "Bring back a backup");
  if (m_haveDoc) {
    drawPreview(ctx);
    return;
  }
  MutedText("Choose a backup file made by Toward (or with \"age -p\"). Nothing here changes until you have "
            "seen what it holds and chosen what to do with it.");
  Gap(0.3f);
  if (!m_snapshot.empty()) {
    if (QuietButton("Restore the data from before the import")) {
      m_work = Work::Restore;
      m_announced = false;
    }
    MutedText("Your data from before the import was kept as a safety snapshot. This brings it back (what is "
              "here now is kept as a snapshot too).");
    Gap(0.3f);
  }
  chooseFile(ctx);
  if (!m_fileName.empty()) {
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted((m_fileName + " (" + sizeText(m_fileBytes.size()) + ")").c_str());
    a11y::paragraph((m_fileName + " (" + sizeText(m_fileBytes.size()) + ")").c_str());
    TextFieldOptions o;
    o.label = "Passphrase for this backup";
    o.placeholder = "Passphrase for this backup";
    o.password = true;
    o.focus = m_focusImportPass && !m_revealResult;   // once the page is scrolled to it (a hidden field takes no focus)
    if (o.focus) m_focusImportPass = false;
    TextLine(ctx.platform.textInput(), "backups/import/pass", m_importPass, fieldWidth(ctx), o);
    // Enter in the field opens the backup, as the button does (the form's convention).
    const bool submitted = ctx.platform.textInput().takeSubmit("backups/import/pass");
    Gap(0.2f);
    if (PrimaryButton("Open the backup") || submitted) {
      m_importProblem.clear();
      m_importNote.clear();
      if (m_importPass.empty()) {
        m_importProblem = "Please type the passphrase this backup was made with.";
      } else {
        m_work = Work::Open;
        m_announced = false;
      }
    }
    // Said before a try; after one that did not open, the kind words below say what happened instead (both
    // together read as if it were still opening).
    if (m_importProblem.empty()) MutedText("Opening it takes a few seconds. Nothing changes yet.");
  }
  if (!m_importProblem.empty()) CalmWarning(m_importProblem);
  if (!m_importNote.empty()) BodyText((m_importNote + (m_storing ? " Saving it in this browser now..." : "")).c_str());
  if (!m_importProblem.empty() || !m_importNote.empty()) revealOnce();
}

// Once after busy work (m_revealResult): scrolls the page so that the item just drawn is in view, or
// (`fromHere`) so that what is drawn next starts at the top.
void BackupView::revealOnce(bool fromHere) {
  if (!m_revealResult) return;
  m_revealResult = false;
  if (fromHere) ImGui::SetScrollHereY(0.0f);
  else ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
}

// The chooser button: in the browser a real file input lies over it (the chooser opens in the click's
// own event); elsewhere the click asks the platform.
void BackupView::chooseFile(ViewContext& ctx) {
  const char* label = m_fileName.empty() ? "Choose a backup file..." : "Choose another file...";
  const bool clicked = QuietButton(label);
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clipMin = draw->GetClipRectMin(), clipMax = draw->GetClipRectMax();
  core::FilePickerPlacement placement;
  placement.key = "backups/import/file";
  placement.x = std::max(min.x, clipMin.x);
  placement.y = std::max(min.y, clipMin.y);
  placement.w = std::max(0.0f, std::min(max.x, clipMax.x) - placement.x);
  placement.h = std::max(0.0f, std::min(max.y, clipMax.y) - placement.y);
  // A popup (the phone's "More" pages) may lie over the button: its clicks are not the chooser's.
  if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) placement.w = placement.h = 0;
  placement.accept = kBackupAccept;
  placement.label = label;
  auto done = [this](bool ok, std::string name, std::string bytes) { filePicked(ok, std::move(name), std::move(bytes)); };
  ctx.platform.placeFilePicker(placement, done);
  // A click that reached the button itself (no overlay here, the keyboard, or a click in the frame before
  // the overlay came back) asks the platform, as a browser allows so soon after a click.
  if (clicked) ctx.platform.pickFile(kBackupAccept, done);
}

void BackupView::filePicked(bool ok, std::string name, std::string bytes) {
  m_picking = false;
  if (!ok) {
    if (!name.empty()) m_importProblem = "That file could not be read on this device (it may be too large). Nothing was changed.";
    return;
  }
  m_importNote.clear();
  m_opening.reset();   // (it reads the bytes of the file chosen before)
  // A file that is no age file at all is told at once, not after a passphrase was asked for and typed.
  if (!backup::looksLikeAgeFile(bytes)) {
    m_fileName.clear();
    m_fileBytes.clear();
    m_importProblem = backup::BackupError{backup::BackupErrorKind::NotAgeFile, {}}.message();
    a11y::announce(m_importProblem);
    return;
  }
  m_fileName = std::move(name);
  m_fileBytes = std::move(bytes);
  m_importProblem.clear();
  m_focusImportPass = true;   // its passphrase next: the keys go to its field (they stayed on the chooser)
}

void BackupView::drawPreview(ViewContext& ctx) {
  const backup::BackupPreview& p = m_preview;
  revealOnce(true);
  BodyText(("This backup was made on " + core::formatLongDate(m_doc.doc().createdMs) + ". It holds:").c_str());
  for (const auto& [type, n] : p.byType) {
    const core::RecordType* t = m_registry.recordType(type);
    // The settings are one thing to a person ("1 settings" read oddly); the note of when the last backup was
    // made is bookkeeping, not something the person made ("1 backup note" meant nothing to a new pair of eyes).
    if (type == core::kBackupStateType) continue;
    const std::string line = type == core::kSettingsType ? std::string("Your settings") : core::countOf(n, t ? t->noun : type);
    ImGui::Bullet();
    ImGui::TextUnformatted(line.c_str());
    a11y::paragraph(line.c_str());
  }
  if (p.words == 0) MutedText("No words yet: it was made before anything was written.");
  if (p.trashed) {
    ImGui::Bullet();
    const std::string trashed = core::groupedNumber(int64_t(p.trashed)) + " in the trash";
    ImGui::TextUnformatted(trashed.c_str());
    a11y::paragraph(trashed.c_str());
  }
  if (p.skipped) {
    MutedText((core::countOf(p.skipped, "record") + " in it could not be read, so " + (p.skipped == 1 ? "it stays" : "they stay") +
               " out. Everything else can be brought in, and nothing here is changed because of " +
               (p.skipped == 1 ? "it." : "them.")).c_str());
  }
  if (p.firstMs > 0 && p.lastMs > 0) {
    const std::string first = core::formatLongDate(p.firstMs), last = core::formatLongDate(p.lastMs);
    // When its words were written (the line above says when the backup itself was made).
    MutedText((first == last ? "Its words were written on " + first + "."
                             : "Its words were written between " + first + " and " + last + ".").c_str());
  }
  Gap(0.6f);
  if (m_confirmReplace) {
    BodyText("Replace everything here with this backup? What is here now is kept first as a safety snapshot, "
             "which you can restore afterwards.");
    if (PrimaryButton("Yes, replace")) {
      m_work = Work::Replace;
      m_announced = false;
    }
    ImGui::SameLine();
    if (QuietButton("Keep what is here")) m_confirmReplace = false;
  } else {
    if (PrimaryButton("Add it to what is here")) {
      m_work = Work::Merge;
      m_announced = false;
    }
    MutedText("Nothing here is removed. Where the same entry is in both, the newer version is kept; if both "
              "were changed, both copies are kept.");
    Gap(0.3f);
    if (QuietButton("Replace what is here")) m_confirmReplace = true;
    MutedText("Everything here is replaced by the backup. What is here now is kept first as a safety snapshot "
              "that you can restore.");
    Gap(0.3f);
    if (QuietButton("Cancel")) forgetImport();
  }
  if (!m_importProblem.empty()) CalmWarning(m_importProblem);
  (void)ctx;
}

void BackupView::afterImport(const backup::MergeReport& r, bool replaced) {
  std::string note = replaced ? "Everything here now comes from the backup." : "Your backup is in.";
  if (!replaced) {
    note += " " + core::countOf(r.added, "new item") + ", " + core::groupedNumber(int64_t(r.updated)) + " updated, " +
            core::groupedNumber(int64_t(r.kept)) + " already here.";
    if (r.conflicts) note += " " + core::countOf(r.conflicts, "entry") + " had different words on each side, so both copies are kept.";
  }
  m_importNote = note;
}

// ---------------------------------------------------------------- [SECTION] blocking work
void BackupView::drawBusy(ViewContext& ctx) {
  const char* text = "Just a moment...";
  switch (m_work) {
    case Work::Export: case Work::None: text = "Protecting your backup with your passphrase... this takes a few seconds."; break;
    case Work::Open: text = "Opening your backup with your passphrase... this takes a few seconds."; break;
    case Work::Merge: text = "Bringing your backup in..."; break;
    case Work::Replace: text = "Keeping a safety snapshot of what is here, then bringing your backup in..."; break;
    case Work::Restore: text = "Bringing back your data from before the import..."; break;
  }
  Gap(0.6f);
  BodyText(text);
  Gap(0.3f);
  const bool exporting = m_work == Work::Export || m_sealing;
  const bool importing = m_job || m_work == Work::Merge || m_work == Work::Replace || m_work == Work::Restore;
  if (exporting || importing || m_opening) {
    float progress = 0.0f;
    // Making: copied, the text written, then sealed (about the same time as the text), then handed over.
    if (m_copier) progress = 0.1f * float(m_copier->progress());
    if (m_encoder) progress = 0.1f + 0.4f * float(m_encoder->progress());
    if (m_sealing) {
      progress = m_handOver ? 0.95f + 0.05f * float(m_handOver->handed) / float(std::max<size_t>(1, m_handOver->bytes))
                            : 0.5f + 0.45f * float(m_encryptor.progress());
    }
    if (m_job) progress = float(m_job->progress());
    if (m_opening) progress = float(m_opening->progress());
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, palette().accent);
    ImGui::ProgressBar(progress, ImVec2(fieldWidth(ctx), 0), "");
    a11y::progress(exporting ? "Making your backup"
                   : m_opening ? "Opening your backup"
                   : m_work == Work::Restore ? "Bringing back your data" : "Bringing your backup in",
                   progress);
    ImGui::PopStyleColor();
  }
  MutedText(importing ? "Please keep this page open until it is done. Nothing is lost if it stops part way."
                      : "Everything you wrote stays as it is while this runs.");
  if (m_sealing) {
    continueExport(ctx);
    return;
  }
  if (m_job) {
    continueImport(ctx);
    return;
  }
  if (m_opening) {
    continueOpen(ctx);
    return;
  }
  if (m_copier) {
    continueCopying();
    return;
  }
  if (m_encoder) {
    continueEncoding(ctx);
    return;
  }
  if (!m_announced) {
    // This frame shows the words; the work starts with the next one.
    m_announced = true;
    return;
  }
  runWork(ctx);
  if (!m_key.working()) ctx.platform.wake();   // what came of it is drawn in the next frame
}

// The file's scrypt key, asked for once (Export: with a new salt; Open: with the file's own): false while it
// is being made beside the page.
bool BackupView::keyReady(ViewContext& ctx, Work work) {
  if (work != Work::Export && work != Work::Open) return true;
  return m_key.step(ctx.platform, [&]() -> std::optional<core::PassphraseKeyJob> {
    if (work == Work::Export) {
      m_keySalt = backup::newAgeSalt();
      m_keyWorkFactor = backup::kDefaultWorkFactor;
      if (m_keySalt.empty()) return std::nullopt;   // the encryptor says why, at once
    } else {
      auto params = backup::ageWrapParams(m_fileBytes);
      if (!params) return std::nullopt;   // not a file it can open: openBackup says why, at once
      m_keySalt = params.value().salt;
      m_keyWorkFactor = params.value().workFactor;
    }
    core::PassphraseKeyJob job;
    job.kind = core::PassphraseKeyJob::Kind::Scrypt;
    job.passphrase = work == Work::Export ? m_pass1 : m_importPass;
    job.salt = backup::ageScryptSalt(m_keySalt);
    job.scryptLog2N = m_keyWorkFactor;
    return job;
  }) != KeyAway::State::Working;
}

void BackupView::runWork(ViewContext& ctx) {
  if (!keyReady(ctx, m_work)) return;   // the busy words stay; the key's answer wakes the next frame
  // The key made beside the page, when it was: the passphrase is then not worked on here. (When the worker
  // could not make it, the key is made here from the passphrase, never taken from an empty answer.)
  std::optional<backup::AgeWrapKey> derived;
  if (m_key.ready() && (m_work == Work::Export || m_work == Work::Open)) {
    backup::AgeWrapKey k;
    k.salt = m_keySalt;
    k.workFactor = m_keyWorkFactor;
    k.key = m_key.key();
    derived = k;
  }
  const auto wipeDerived = [&] {
    if (derived) sodium_memzero(derived->key.data(), derived->key.size());
    m_key.reset();
  };
  const Work work = m_work;
  m_work = Work::None;
  m_announced = false;
  const core::BackupState before = core::loadBackupState(m_store);
  switch (work) {
    case Work::None: break;
    case Work::Export: {
      m_exportName = core::backupFileName(ctx.nowMs);
      // What is here now, copied a few milliseconds a frame from the next frame on (continueCopying: 13 ms at
      // 10,000 records, which was one frame), what changes meanwhile as it is at the end; then its text
      // (continueEncoding), then sealed (continueExport).
      m_copier = std::make_unique<backup::DocumentCopier>(m_store, m_registry, ctx.nowMs);
      m_copyListening = m_store.addListener([this](const core::RecordChange& change) {
        if (m_copier) m_copier->heard(change);
      });
      m_exportKey = derived;
      wipeDerived();
      m_work = Work::Export;   // (the busy words stay while it is written)
      break;
    }
    case Work::Open: {
      // Decrypted, read and checked a few milliseconds a frame from the next one on (continueOpen); where the
      // key could not be made beside the page, the first step makes it here.
      m_opening = std::make_unique<backup::OpenJob>(m_fileBytes, m_importPass, m_registry, derived ? &*derived : nullptr);
      WipeSecret(m_importPass);
      wipeDerived();
      m_work = Work::Open;   // (the busy words stay while it opens)
      break;
    }
    case Work::Merge:
    case Work::Replace: {
      const auto mode = work == Work::Replace ? backup::ImportJob::Mode::Replace : backup::ImportJob::Mode::Merge;
      m_jobWork = work;
      m_stateBefore = before;
      m_job = std::make_unique<backup::ImportJob>(m_store, m_registry, std::move(m_doc), mode);
      m_work = work;   // (the busy words stay while the job runs)
      break;
    }
    case Work::Restore: {
      auto doc = backup::readSnapshot(m_store, m_snapshot);
      if (!doc) {
        m_importProblem = doc.error().message();
        return;
      }
      m_jobWork = work;
      m_stateBefore = before;
      m_job = std::make_unique<backup::ImportJob>(m_store, m_registry, std::move(doc.value()), backup::ImportJob::Mode::Replace);
      m_work = work;
      break;
    }
  }
}

void BackupView::continueOpen(ViewContext& ctx) {
  const bool opened = m_importRecordsPerFrame > 0 ? m_opening->step(m_importRecordsPerFrame) : m_opening->stepFor(kOpenBudgetMs, steadyMs);
  if (!opened) return;
  auto doc = m_opening->take();
  m_opening.reset();
  m_work = Work::None;
  m_announced = false;
  ctx.platform.wake();   // what came of it is drawn in the next frame
  if (!doc) {
    m_importProblem = doc.error().message();
    m_focusImportPass = doc.error().kind == backup::BackupErrorKind::WrongPassphrase;
    return;
  }
  m_doc = std::move(doc.value());
  m_preview = backup::previewDocument(m_doc);
  m_haveDoc = true;
  m_confirmReplace = false;
}

void BackupView::continueImport(ViewContext& ctx) {
  if (m_importRecordsPerFrame > 0) m_job->step(m_importRecordsPerFrame);
  else m_job->stepFor(kImportBudgetMs, steadyMs);
  if (!m_job->done()) return;
  finishImport();
  ctx.platform.wake();
  // Written to this browser's memory: now to its storage at once, and "saved" only when that is done.
  if (ctx.requestFlush) ctx.requestFlush();
}

void BackupView::finishImport() {
  std::unique_ptr<backup::ImportJob> job = std::move(m_job);
  const Work work = m_jobWork;
  m_work = Work::None;
  m_announced = false;
  const auto& r = job->result();
  if (!r) {
    m_importProblem = r.error().message();
    return;
  }
  m_importProblem.clear();
  if (work == Work::Restore) {
    m_snapshot.clear();
    m_importNote = "Your data from before the import is back.";
  } else {
    core::saveBackupState(m_store, core::stateAfterImport(m_stateBefore, core::loadBackupState(m_store), job->document().createdMs));
    if (work == Work::Replace) m_snapshot = r.value().snapshot;
    afterImport(r.value(), work == Work::Replace);
    forgetImport();
  }
  m_storing = true;
}

// ---------------------------------------------------------------- [SECTION] reminder banner
bool BackupReminderBanner(core::RecordStore& store, int64_t nowMs, bool mayAppear) {
  static bool showing = false;   // drawn in the last frame it was asked for
  if (g_reminderDismissed) return showing = false;
  if (!showing && !mayAppear) return false;
  const core::BackupState state = core::loadBackupState(store);
  if (!core::backupReminderDue(state, nowMs)) return showing = false;
  const size_t own = store.list(core::kSettingsType).size() + store.list(core::kBackupStateType).size();
  if (store.count() <= own) return showing = false;   // nothing written yet: nothing to back up
  showing = true;
  // A group of its own: when it is answered the focus goes back to where the person was (web/glue/a11y.js).
  a11y::beginGroup(a11y::Role::Group, "A reminder about backups");
  MutedText(state.lastBackupMs > 0 ? "It has been a while since your last backup. Would you like to make one?"
                                   : "You have no backup yet. Would you like to make one?");
  bool go = false;
  ImGui::PushID("backup-reminder");
  if (QuietButton("Make a backup")) go = g_reminderDismissed = true;
  ImGui::SameLine();
  if (QuietButton("Not now")) {
    g_reminderDismissed = true;
    core::saveBackupState(store, core::quietReminder(state, nowMs));   // kept: a reload does not bring it back
  }
  ImGui::PopID();
  a11y::endGroup();
  ImGui::Separator();
  return go;
}

}  // namespace toward::ui
