// plugins/letters/letter.h: the letters plugin's record bodies. A "letters.letter" record is one unsent
// letter; a "letters.revision" record is one snapshot of a letter's words (its own file, so autosaving a
// long letter rewrites only the letter). Schema 1 of both; later schemas must keep reading schema 1
// (golden files: tests/fixtures/letters.letter.v1.json, tests/fixtures/letters.revision.v1.json).
// Also here: the recipient kinds, the life cycle's states, sealing dates, and the gentle prompts.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/serialization.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace toward::letters {

inline constexpr const char* kLetterType = "letters.letter";
inline constexpr const char* kRevisionType = "letters.revision";

// The words written on one local day: the letter's word count after the last save of that day.
struct DayWords {
  int64_t ms = 0;          // the last save on that day, Unix ms
  uint32_t words = 0;      // the letter's words then
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("ms", ms), cereal::make_nvp("words", words));
  }
  template <class A>
  void load(A& ar) {
    core::optionalField(ar, "ms", ms);
    core::optionalField(ar, "words", words);
  }
};

struct Letter {
  // Schema 2 added contentNote; schema 1 files read without one (golden files letters.letter.v1/v2.json).
  static constexpr uint32_t kSchema = 2;
  static constexpr uint32_t kMinSchema = 1;

  std::string recipientKind = "other";  // see recipientKinds()
  std::string recipientName;            // "Dear ..." (may be empty: the kind's own words are used)
  std::string text;                     // the letter itself
  std::vector<std::string> tags;
  bool bringToSession = false;          // "bring to my next session"
  std::string state = "draft";          // "draft" | "finished" | "sealed" | "released"
  std::string sealedUntil;              // local civil date "YYYY-MM-DD" while sealed, else ""
  bool held = false;                    // started from "Write to my therapist": it waits here
  int64_t sealedMs = 0;                 // when it was last sealed (0 = never), for metrics
  int64_t releasedMs = 0;               // when it was last released (0 = never), for metrics
  std::vector<DayWords> dayWords;       // words per local day written, oldest first
  std::string contentNote;              // optional; named instead of the letter and asked about first (schema 2)

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("recipientKind", recipientKind), cereal::make_nvp("recipientName", recipientName),
       cereal::make_nvp("text", text), cereal::make_nvp("tags", tags),
       cereal::make_nvp("bringToSession", bringToSession), cereal::make_nvp("state", state),
       cereal::make_nvp("sealedUntil", sealedUntil), cereal::make_nvp("held", held),
       cereal::make_nvp("sealedMs", sealedMs), cereal::make_nvp("releasedMs", releasedMs),
       cereal::make_nvp("dayWords", dayWords), cereal::make_nvp("contentNote", contentNote));
  }
  template <class A>
  void load(A& ar, uint32_t schema) {
    core::optionalField(ar, "recipientKind", recipientKind);
    core::optionalField(ar, "recipientName", recipientName);
    core::optionalField(ar, "text", text);
    core::optionalField(ar, "tags", tags);
    core::optionalField(ar, "bringToSession", bringToSession);
    core::optionalField(ar, "state", state);
    core::optionalField(ar, "sealedUntil", sealedUntil);
    core::optionalField(ar, "held", held);
    core::optionalField(ar, "sealedMs", sealedMs);
    core::optionalField(ar, "releasedMs", releasedMs);
    core::optionalField(ar, "dayWords", dayWords);
    if (schema >= 2) core::optionalField(ar, "contentNote", contentNote);
    sanitize();
  }
  // Puts fields back into their allowed values (unknown kinds become "other", unknown states "draft",
  // a sealed letter without a readable date becomes "finished").
  void sanitize();
};

// One snapshot of a letter, taken at most every few minutes while writing and at every change of state.
struct Revision {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string letterId;
  int64_t timeMs = 0;
  std::string reason = "writing";   // "writing" | "finished" | "sealed" | "released" | "draft" | "opened" | "restored" | "recovered"
  std::string state;                // the letter's state then
  std::string recipientName;
  std::string text;

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("letterId", letterId), cereal::make_nvp("timeMs", timeMs), cereal::make_nvp("reason", reason),
       cereal::make_nvp("state", state), cereal::make_nvp("recipientName", recipientName), cereal::make_nvp("text", text));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "letterId", letterId);
    core::optionalField(ar, "timeMs", timeMs);
    core::optionalField(ar, "reason", reason);
    core::optionalField(ar, "state", state);
    core::optionalField(ar, "recipientName", recipientName);
    core::optionalField(ar, "text", text);
  }
};

// A recipient kind: its stored value, how it is named, and how the greeting starts.
struct RecipientKind {
  const char* value;      // "therapist"
  const char* label;      // "To my therapist"
  const char* greeting;   // "Dear" (or "From" for letters written by the inner child)
  const char* fallback;   // the name used when none is given, e.g. "my therapist"
};
const std::vector<RecipientKind>& recipientKinds();
const RecipientKind& recipientKind(const std::string& value);

// Gentle, optional prompts for one recipient kind.
const std::vector<const char*>& promptsFor(const std::string& kind);

// "Dear Anna," / "Dear little me," / "From the child I was,"
std::string greetingLine(const Letter& letter);
// What a list or the trash shows for a letter: "Content note: <note>" when it has one (nothing of the
// recipient or the words), otherwise its greeting, e.g. "Dear Anna".
std::string describeLetter(const Letter& letter);
// A revision in a trash or backup line.
std::string describeRevision(const Revision& revision);

// How a state is named for people ("Draft", "Finished", "Sealed", "Let go").
const char* stateLabel(const std::string& state);

// A sealing day in words: "Thursday 24 December 2026" (the text itself when it is not a real date).
std::string formatDay(const std::string& isoDay);
// The local civil day `days` after the one containing nowMs, as "YYYY-MM-DD".
std::string dayAfter(int64_t nowMs, int32_t days);
// The day after a "YYYY-MM-DD" day (a letter sealed until after a session opens the next day); the text
// itself when it is not a day (sealing then says kindly how to write one).
std::string dayAfterDay(const std::string& isoDay);

// Parses a local civil date "YYYY-MM-DD" into a day number (core/local_days.h); InvalidArgument-like
// Invalid status with a kind message when it is not a real date.
core::Result<int32_t> parseCivilDate(const std::string& text);

}  // namespace toward::letters
