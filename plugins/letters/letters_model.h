// plugins/letters/letters_model.h: the letters plugin's model. It reads and writes "letters.letter" and
// "letters.revision" records through the core's record store (never files), runs a letter's life
// (draft -> finished -> sealed until a day -> released, and back to a draft from anywhere), keeps its
// revision history (a snapshot at most every kSnapshotEveryMs while writing and at every change of
// state, the newest kKeptRevisions kept), and offers search, metrics, Markdown export and
// "bring to my next session" items through the core's provider interfaces. Nothing is ever sent.
// [SECTION] letters   [SECTION] life cycle   [SECTION] revisions   [SECTION] providers
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/plugin.h"
#include "core/providers.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "plugins/letters/letter.h"

namespace toward::letters {

// A long letter written late at night (at least kLongLetterWords, last written between 23:00 and 05:00
// local time): leaving it gets a gentle "How is it now?" from the shell.
inline constexpr uint32_t kLongLetterWords = 300;
bool longLetterLateAtNight(uint32_t words, int localHour);
// True when a letter holds nothing the person gave it: no words, name, tags or flag, still a draft.
bool holdsNothing(const Letter& letter);

// Adds the letters plugin's record types to the registry (its PluginSpec, letters_plugin.h, points here).
core::Status registerLetters(core::Registry& registry);

// snapshotEveryMs: int64, default 3 minutes — while writing, at most one revision this often.
inline constexpr int64_t kSnapshotEveryMs = 3 * 60 * 1000;
// keptRevisions: size_t, default 50 — revisions kept per letter; older ones are deleted.
inline constexpr size_t kKeptRevisions = 50;

class LettersModel final : public core::PluginModel,
                           public core::SearchProvider,
                           public core::MetricsProvider,
                           public core::ExportProvider,
                           public core::NextSessionProvider {
 public:
  // Reads every letter and revision from the store and follows its changes. The store must outlive it.
  explicit LettersModel(core::RecordStore& store);
  ~LettersModel() override;
  LettersModel(const LettersModel&) = delete;
  LettersModel& operator=(const LettersModel&) = delete;

  // Reads everything again (after the store reloaded from storage).
  void reloadAll();
  // Offers search, metrics, export and next-session items through the registry.
  void attach(core::Registry& registry);

  // [SECTION] letters
  // A new draft to a recipient of `kind` (see recipientKinds()); `held`: started from "Write to my
  // therapist" (the urge to message them now). Returns its id.
  core::Result<std::string> create(const std::string& kind, const std::string& name = "", bool held = false);
  // Saves what the person wrote: recipient, name, text, tags and "bring to my next session". The life
  // cycle's fields are kept as stored (they change only through the life-cycle calls). A snapshot is
  // taken when one is due. Saving a letter while it is sealed never changes its words.
  core::Status save(const std::string& id, const Letter& edited);
  // Words rescued after a crash (the page's emergency copy of the letter's text field): the stored words
  // are kept as a revision first, then the rescued words become the letter's text (a sealed or let-go
  // letter becomes a draft again, so they are seen), with a "recovered" revision. Same words: nothing.
  core::Status recoverText(const std::string& id, const std::string& text);
  // Sets or clears "bring to my next session".
  core::Status setBringToSession(const std::string& id, bool bring);

  const Letter* find(const std::string& id) const;
  // When the letter was started, and when its words last changed (Unix ms); 0 when unknown.
  int64_t createdMs(const std::string& id) const;
  int64_t lastWrittenMs(const std::string& id) const;
  // Letter ids, most recently written first (every state, released ones included).
  const std::vector<std::string>& ordered() const;
  // The name most recently written in a letter of `kind` ("Maren"), other than in letter `exceptId`; empty
  // when none. A new letter to the therapist starts with it: one person, named once.
  std::string lastNameFor(const std::string& kind, const std::string& exceptId = "") const;
  size_t size() const { return m_letters.size(); }
  // Grows with every change to any letter or revision (for views that cache what they computed).
  uint64_t changeCount() const { return m_changeCount; }

  // [SECTION] life cycle. Each change of state takes a snapshot first.
  core::Status finish(const std::string& id);
  // Seals a letter until the local civil day `day` ("YYYY-MM-DD"): its words stay hidden until that day
  // begins in the device's time zone. A day that is today or already past is refused kindly and
  // changes nothing.
  core::Status seal(const std::string& id, const std::string& day);
  // Opens a sealed letter before its day (after the person confirmed); it becomes finished.
  core::Status openEarly(const std::string& id);
  // Lets a letter go: moved out of sight, kept until the person chooses otherwise.
  core::Status release(const std::string& id);
  // Any state back to a draft the person can write in.
  core::Status reopen(const std::string& id);
  // Deletes a letter by explicit choice: the letter goes to the trash (30 days); its revisions are
  // deleted for good.
  core::Status removeLetter(const std::string& id);
  // Deletes a letter left without anything in it (holdsNothing, and no revision), without a trash copy;
  // true when it did ("+ New letter" or "Write to my therapist" left empty leaves no record). A name it
  // started with (lastNameFor) is not something written in it.
  bool forgetIfBlank(const std::string& id);
  // True while the letter is sealed and its day has not begun yet (in the local time zone at nowMs).
  static bool sealedNow(const Letter& letter, int64_t nowMs);

  // [SECTION] revisions
  // A letter's revision ids, newest first.
  std::vector<std::string> revisions(const std::string& letterId) const;
  // One revision (read from the store when asked), or NotFound.
  core::Result<Revision> revision(const std::string& revisionId) const;
  // Puts a revision's words back into its letter (as a draft when the letter was sealed or released);
  // the words being replaced are kept as a revision first, so a restore can itself be undone.
  core::Status restore(const std::string& revisionId);

  // [SECTION] providers
  void search(const core::SearchQuery& query, std::vector<core::SearchHit>& out) const override;
  void collectMetrics(std::vector<core::MetricEvent>& out) const override;
  std::vector<std::string> metricsTypes() const override { return {kLetterType}; }
  bool metricsByRecord() const override { return true; }
  void collectRecordMetrics(const std::string& type, const std::string& id, std::vector<core::MetricEvent>& out) const override;
  void exportMarkdown(std::vector<core::ExportFile>& out) const override;
  void collectNextSession(std::vector<core::SessionItem>& out) const override;
  bool providesSessionType(const std::string& type) const override { return type == kLetterType; }
  // Ticking a letter off after the session clears its flag; undo sets it again.
  core::Status setDiscussed(const std::string& type, const std::string& id, bool discussed) override;

 private:
  struct Item {
    Letter letter;
    int64_t createdMs = 0;
    int64_t updatedMs = 0;
  };
  struct RevisionRef {
    int64_t timeMs = 0;
    std::string id;
  };
  // The metric events of one letter (collectMetrics, record by record).
  static void letterMetrics(const Item& item, std::vector<core::MetricEvent>& out);
  void reloadLetter(const std::string& id);
  void reloadRevision(const std::string& id);
  core::Status write(const std::string& id, const Letter& letter);
  core::Status snapshot(const std::string& letterId, const Letter& letter, const std::string& reason);
  // Puts `text` into the letter (a sealed or let-go one becomes a draft), with a revision of the words
  // before (beforeReason) and after (afterReason): restore and recoverText.
  core::Status replaceWords(const std::string& letterId, const std::string& text, const char* beforeReason, const char* afterReason);
  core::Status changeState(const std::string& id, const std::string& reason, Letter changed);
  core::Status prune(const std::string& letterId);

  core::RecordStore& m_store;
  int m_listener = 0;
  // What this model is writing right now: the store's change notice for it needs no parsing (a long
  // letter's body is read back only when someone else wrote it).
  const Letter* m_writingLetter = nullptr;
  const Revision* m_writingRevision = nullptr;
  std::unordered_map<std::string, Item> m_letters;
  std::map<std::string, std::vector<RevisionRef>> m_revisions;   // letter id -> oldest first
  std::unordered_map<std::string, std::string> m_revisionLetter; // revision id -> letter id
  mutable std::vector<std::string> m_ordered;
  mutable bool m_orderDirty = true;
  uint64_t m_changeCount = 0;
};

// One letter as readable Markdown.
std::string letterMarkdown(const Letter& letter, int64_t createdMs, int64_t writtenMs);

}  // namespace toward::letters
