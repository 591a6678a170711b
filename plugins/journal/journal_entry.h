// plugins/journal/journal_entry.h: one journal entry, the body of a "journal.entry" record.
// Schema 1 holds every field the journal needs (free entries, forks, session notes, words to keep);
// later schemas must keep reading schema 1 (golden file: tests/fixtures/journal.entry.v1.json).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/serialization.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace toward::journal {

inline constexpr const char* kEntryType = "journal.entry";

// A feeling named in a fork entry, with how strong it was (0-10).
struct Feeling {
  std::string word;
  uint32_t intensity = 5;
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("word", word), cereal::make_nvp("intensity", intensity));
  }
  template <class A>
  void load(A& ar) {
    core::optionalField(ar, "word", word);
    core::optionalField(ar, "intensity", intensity);
  }
};

// The "fork in the road": what happened and which way I went.
struct Fork {
  std::string whatHappened;
  std::vector<Feeling> feelings;
  std::vector<std::string> bodyAreas;    // where it sits in the body
  std::vector<std::string> urges;        // what I wanted to do to make it stop
  std::string direction;                 // "toward" | "away" | "both" | "unsure" | "" (not said)
  uint32_t secondsStayed = 0;            // with the feeling, from the "stay with it" timer
  std::string compassionFrom;            // "myself" | "therapist" | "someone" | "notyet" | ""
  int32_t intensityAfter = -1;           // 0-10, -1 when not rated
  std::string afterwards;                // what happened next
  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("whatHappened", whatHappened), cereal::make_nvp("feelings", feelings),
       cereal::make_nvp("bodyAreas", bodyAreas), cereal::make_nvp("urges", urges),
       cereal::make_nvp("direction", direction), cereal::make_nvp("secondsStayed", secondsStayed),
       cereal::make_nvp("compassionFrom", compassionFrom), cereal::make_nvp("intensityAfter", intensityAfter),
       cereal::make_nvp("afterwards", afterwards));
  }
  template <class A>
  void load(A& ar) {
    core::optionalField(ar, "whatHappened", whatHappened);
    core::optionalField(ar, "feelings", feelings);
    core::optionalField(ar, "bodyAreas", bodyAreas);
    core::optionalField(ar, "urges", urges);
    core::optionalField(ar, "direction", direction);
    core::optionalField(ar, "secondsStayed", secondsStayed);
    core::optionalField(ar, "compassionFrom", compassionFrom);
    core::optionalField(ar, "intensityAfter", intensityAfter);
    core::optionalField(ar, "afterwards", afterwards);
  }
};

struct JournalEntry {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string kind = "free";        // "free" | "fork" | "session" | "words"
  std::string title;                // optional
  int64_t timeMs = 0;               // when it happened (editable), Unix ms
  std::string text;                 // the writing itself
  std::vector<std::string> tags;
  bool bringToSession = false;      // "bring to my next session"
  std::string contentNote;          // optional note shown before the text
  bool doNotResurface = false;      // never shown in "on this day" or random views
  Fork fork;                        // used when kind == "fork"

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("kind", kind), cereal::make_nvp("title", title), cereal::make_nvp("timeMs", timeMs),
       cereal::make_nvp("text", text), cereal::make_nvp("tags", tags),
       cereal::make_nvp("bringToSession", bringToSession), cereal::make_nvp("contentNote", contentNote),
       cereal::make_nvp("doNotResurface", doNotResurface), cereal::make_nvp("fork", fork));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "kind", kind);
    core::optionalField(ar, "title", title);
    core::optionalField(ar, "timeMs", timeMs);
    core::optionalField(ar, "text", text);
    core::optionalField(ar, "tags", tags);
    core::optionalField(ar, "bringToSession", bringToSession);
    core::optionalField(ar, "contentNote", contentNote);
    core::optionalField(ar, "doNotResurface", doNotResurface);
    core::optionalField(ar, "fork", fork);
    sanitize();
  }
  // Puts fields back into their allowed values (unknown kinds become "free", intensities 0-10).
  void sanitize();
};

// Reads a schema-1 body straight from JSON text, the same way load() does but several times faster (no
// stream, no archive): used when thousands of entries load at start. Returns false on anything it does
// not expect (a field of another type, invalid JSON); the caller then uses core::loadBody, which gives
// the proper message.
bool readEntryQuick(const std::string& body, JournalEntry& out);

// The entry's canonical body text, exactly as core::saveBody writes it, several times faster (one writer,
// no stream, no second pass).
std::string saveEntryQuick(const JournalEntry& entry);

// The journal entry type's normalize: readEntryQuick + saveEntryQuick for current bodies (opening a backup
// normalizes every entry once), core::normalizeBody otherwise. The same text as core::normalizeBody.
core::Result<std::string> normalizeEntry(const std::string& body, uint32_t schema);
// Reads a stored body of any schema this build reads: readEntryQuick for the current schema, core::loadBody
// otherwise (and when the quick reader declines). The store reads each entry with it once at load
// (RecordType::read) and the model takes what it read.
core::Result<JournalEntry> readEntry(const std::string& body, uint32_t schema);
// The journal entry type's check: readEntry, keeping nothing.
core::Status checkEntry(const std::string& body, uint32_t schema);

// What a list or a trash line shows for an entry: "Content note: <note>" when it has one (then nothing
// of its title or words), otherwise its title, or its first words.
std::string describeEntry(const JournalEntry& entry);

// Number of words in a text (runs of non-space characters).
uint32_t countWords(const std::string& text);

}  // namespace toward::journal
