// plugins/journal/journal_entry.cpp: entry rules shared by the model and the UI.
#include "plugins/journal/journal_entry.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <utility>

#include "core/json.h"
#include "core/json_parse.h"
#include "core/text_fold.h"

namespace toward::journal {

void JournalEntry::sanitize() {
  if (kind != "fork" && kind != "session" && kind != "words") kind = "free";
  for (auto& f : fork.feelings) f.intensity = std::min<uint32_t>(f.intensity, 10);
  if (fork.intensityAfter > 10) fork.intensityAfter = 10;
  if (fork.intensityAfter < -1) fork.intensityAfter = -1;
  const auto& d = fork.direction;
  if (d != "toward" && d != "away" && d != "both" && d != "unsure") fork.direction.clear();
}

namespace {

// readEntryQuick's reader: rapidjson's SAX events (numbers through core::ExactNumbers) straight into a
// JournalEntry, with no document built in between (at start every entry's body is read once: at 50,000
// entries the document was most of it). It accepts exactly what the document reading it replaced accepted,
// member by member: a known member of another kind stops it (false: the caller then asks the versioned
// loader), unknown members are passed over whatever they hold, and a known member given twice stops it too
// (a document found the first of them; the versioned loader decides such damaged bodies).
class EntryReader {
 public:
  explicit EntryReader(JournalEntry& e) : m_e(e) {}

  bool Null() { return scalar(); }
  bool Bool(bool b) {
    if (m_skip) return true;
    bool* target = nullptr;
    if (m_where == Where::Top && m_field == Field::BringToSession) target = &m_e.bringToSession;
    if (m_where == Where::Top && m_field == Field::DoNotResurface) target = &m_e.doNotResurface;
    if (!target) return scalar();
    *target = b;
    return done();
  }
  bool Int64(int64_t i) { return integer(i < 0, i < 0 ? 0 : uint64_t(i), i); }
  bool Uint64(uint64_t u) { return integer(false, u, u <= uint64_t(INT64_MAX) ? int64_t(u) : 0); }
  bool Double(double) { return scalar(); }
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (m_skip) return true;
    if (m_where == Where::List) {
      m_list->emplace_back(s, n);
      return true;
    }
    std::string* target = stringField();
    if (!target) return scalar();
    target->assign(s, n);
    return done();
  }
  bool StartObject() {
    if (m_skip) return ++m_skip, true;
    switch (m_where) {
      case Where::Root: m_where = Where::Top; return true;
      case Where::Top:
        if (m_field == Field::Fork) { m_where = Where::Fork; m_field = Field::None; return true; }
        break;
      case Where::Feelings: m_where = Where::Feeling; m_feeling = Feeling{}; m_seenFeeling = 0; return true;
      default: break;
    }
    return container();
  }
  bool Key(const char* s, rapidjson::SizeType n, bool) {
    if (m_skip) return true;
    const std::string_view k(s, n);
    m_field = Field::Unknown;
    uint32_t* seen = m_where == Where::Feeling ? &m_seenFeeling : m_where == Where::Fork ? &m_seenFork : &m_seenTop;
    static constexpr std::pair<std::string_view, Field> kTop[] = {
        {"kind", Field::Kind}, {"title", Field::Title}, {"timeMs", Field::TimeMs}, {"text", Field::Text},
        {"tags", Field::Tags}, {"bringToSession", Field::BringToSession}, {"contentNote", Field::ContentNote},
        {"doNotResurface", Field::DoNotResurface}, {"fork", Field::Fork}};
    static constexpr std::pair<std::string_view, Field> kFork[] = {
        {"whatHappened", Field::WhatHappened}, {"feelings", Field::Feelings}, {"bodyAreas", Field::BodyAreas},
        {"urges", Field::Urges}, {"direction", Field::Direction}, {"secondsStayed", Field::SecondsStayed},
        {"compassionFrom", Field::CompassionFrom}, {"intensityAfter", Field::IntensityAfter},
        {"afterwards", Field::Afterwards}};
    static constexpr std::pair<std::string_view, Field> kFeeling[] = {{"word", Field::Word}, {"intensity", Field::Intensity}};
    auto find = [&](const auto& table) {
      for (size_t i = 0; i < std::size(table); ++i) {
        if (table[i].first != k) continue;
        if (*seen & (1u << i)) return false;   // given twice
        *seen |= 1u << i;
        m_field = table[i].second;
        return true;
      }
      return true;
    };
    if (m_where == Where::Top) return find(kTop);
    if (m_where == Where::Fork) return find(kFork);
    return find(kFeeling);
  }
  bool EndObject(rapidjson::SizeType) {
    if (m_skip) return --m_skip, true;
    if (m_where == Where::Feeling) {
      m_e.fork.feelings.push_back(std::move(m_feeling));
      m_where = Where::Feelings;
    } else if (m_where == Where::Fork) {
      m_where = Where::Top;
    } else {
      m_where = Where::End;
    }
    m_field = Field::None;
    return true;
  }
  bool StartArray() {
    if (m_skip) return ++m_skip, true;
    if (m_where == Where::Top && m_field == Field::Tags) return list(m_e.tags);
    if (m_where == Where::Fork && m_field == Field::BodyAreas) return list(m_e.fork.bodyAreas);
    if (m_where == Where::Fork && m_field == Field::Urges) return list(m_e.fork.urges);
    if (m_where == Where::Fork && m_field == Field::Feelings) {
      m_where = Where::Feelings;
      return true;
    }
    return container();
  }
  bool EndArray(rapidjson::SizeType) {
    if (m_skip) return --m_skip, true;
    m_where = m_where == Where::List ? m_listOwner : Where::Fork;   // a list, or the feelings
    m_field = Field::None;
    return true;
  }

 private:
  enum class Where { Root, Top, Fork, Feelings, Feeling, List, End };
  enum class Field {
    None, Unknown, Kind, Title, TimeMs, Text, Tags, BringToSession, ContentNote, DoNotResurface, Fork,
    WhatHappened, Feelings, BodyAreas, Urges, Direction, SecondsStayed, CompassionFrom, IntensityAfter,
    Afterwards, Word, Intensity
  };

  // A value inside an object was read into its member.
  bool done() {
    m_field = Field::None;
    return true;
  }
  // A string, number, bool or null that no member here takes: fine for an unknown member only.
  bool scalar() {
    if (m_skip) return true;
    if (m_where == Where::Top || m_where == Where::Fork || m_where == Where::Feeling) {
      return m_field == Field::Unknown && done();
    }
    return false;   // the root, a list's element or a feeling that is not an object
  }
  // An object or array that no member here takes: passed over when its member is unknown.
  bool container() {
    if ((m_where == Where::Top || m_where == Where::Fork || m_where == Where::Feeling) && m_field == Field::Unknown) {
      m_skip = 1;
      m_field = Field::None;
      return true;
    }
    return false;
  }
  bool list(std::vector<std::string>& out) {
    out.clear();
    m_list = &out;
    m_listOwner = m_where;
    m_where = Where::List;
    return true;
  }
  std::string* stringField() {
    switch (m_field) {
      case Field::Kind: return &m_e.kind;
      case Field::Title: return &m_e.title;
      case Field::Text: return &m_e.text;
      case Field::ContentNote: return &m_e.contentNote;
      case Field::WhatHappened: return &m_e.fork.whatHappened;
      case Field::Direction: return &m_e.fork.direction;
      case Field::CompassionFrom: return &m_e.fork.compassionFrom;
      case Field::Afterwards: return &m_e.fork.afterwards;
      case Field::Word: return &m_feeling.word;
      default: return nullptr;
    }
  }
  // An integer (negative, or its value as unsigned; `asSigned` when it fits int64): in range of the
  // member's type, as rapidjson's IsInt64 / IsUint / IsInt said, or the member is not this entry's.
  bool integer(bool negative, uint64_t u, int64_t asSigned) {
    if (m_skip) return true;
    const bool fitsInt64 = negative || u <= uint64_t(INT64_MAX);
    switch (m_field) {
      case Field::TimeMs:
        if (!fitsInt64) return false;
        m_e.timeMs = asSigned;
        return done();
      case Field::SecondsStayed:
      case Field::Intensity:
        if (negative || u > UINT32_MAX) return false;
        (m_field == Field::Intensity ? m_feeling.intensity : m_e.fork.secondsStayed) = uint32_t(u);
        return done();
      case Field::IntensityAfter:
        if (negative ? asSigned < INT32_MIN : u > uint64_t(INT32_MAX)) return false;
        m_e.fork.intensityAfter = int32_t(asSigned);
        return done();
      default: return scalar();
    }
  }

  JournalEntry& m_e;
  Where m_where = Where::Root;
  Field m_field = Field::None;
  uint32_t m_skip = 0;   // depth inside a value no member takes
  uint32_t m_seenTop = 0, m_seenFork = 0, m_seenFeeling = 0;
  std::vector<std::string>* m_list = nullptr;
  Where m_listOwner = Where::Top;
  Feeling m_feeling;
};

}  // namespace

bool readEntryQuick(const std::string& body, JournalEntry& e) {
  JournalEntry read;
  EntryReader reader(read);
  core::ExactNumbers<EntryReader> numbers{reader};
  // Read through a string stream (the body is NUL-terminated; rapidjson reads it faster than a memory
  // stream): it stops at the first NUL byte, so the whole body must have been read up to its end.
  rapidjson::StringStream stream(body.c_str());
  rapidjson::Reader parser;
  if (parser.Parse<rapidjson::kParseNanAndInfFlag | core::kNumbersAsText>(stream, numbers).IsError()) return false;
  if (stream.Tell() != body.size()) return false;
  read.sanitize();
  e = std::move(read);
  return true;
}

std::string saveEntryQuick(const JournalEntry& e) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  auto str = [&](const char* key, const std::string& v) {
    w.Key(key);
    w.String(v.c_str(), rapidjson::SizeType(v.size()));
  };
  auto list = [&](const char* key, const std::vector<std::string>& v) {
    w.Key(key);
    w.StartArray();
    for (const auto& x : v) w.String(x.c_str(), rapidjson::SizeType(x.size()));
    w.EndArray();
  };
  // The order and kinds of JournalEntry::save and Fork::save.
  w.StartObject();
  str("kind", e.kind);
  str("title", e.title);
  w.Key("timeMs");
  w.Int64(e.timeMs);
  str("text", e.text);
  list("tags", e.tags);
  w.Key("bringToSession");
  w.Bool(e.bringToSession);
  str("contentNote", e.contentNote);
  w.Key("doNotResurface");
  w.Bool(e.doNotResurface);
  w.Key("fork");
  w.StartObject();
  const Fork& k = e.fork;
  str("whatHappened", k.whatHappened);
  w.Key("feelings");
  w.StartArray();
  for (const auto& f : k.feelings) {
    w.StartObject();
    str("word", f.word);
    w.Key("intensity");
    w.Uint(f.intensity);
    w.EndObject();
  }
  w.EndArray();
  list("bodyAreas", k.bodyAreas);
  list("urges", k.urges);
  str("direction", k.direction);
  w.Key("secondsStayed");
  w.Uint(k.secondsStayed);
  str("compassionFrom", k.compassionFrom);
  w.Key("intensityAfter");
  w.Int(k.intensityAfter);
  str("afterwards", k.afterwards);
  w.EndObject();
  w.EndObject();
  return std::string(sb.GetString(), sb.GetSize());
}

core::Result<std::string> normalizeEntry(const std::string& body, uint32_t schema) {
  JournalEntry e;
  if (schema == JournalEntry::kSchema && body.size() <= core::kMaxRecordBytes && readEntryQuick(body, e)) {
    return saveEntryQuick(e);
  }
  return core::normalizeBody<JournalEntry>(body, schema);
}

core::Result<JournalEntry> readEntry(const std::string& body, uint32_t schema) {
  JournalEntry e;
  if (schema == JournalEntry::kSchema && body.size() <= core::kMaxRecordBytes && readEntryQuick(body, e)) return e;
  return core::loadBody<JournalEntry>(body, schema);
}

core::Status checkEntry(const std::string& body, uint32_t schema) {
  auto read = readEntry(body, schema);
  return read ? core::Status::ok() : read.error();
}

std::string describeEntry(const JournalEntry& entry) {
  // A content note stands in for the entry wherever it is listed or named: never its title or words.
  if (!entry.contentNote.empty()) return "Content note: " + entry.contentNote;
  if (!entry.title.empty()) return entry.title;
  std::string words;
  const std::string& source = entry.text.empty() ? entry.fork.whatHappened : entry.text;
  for (char c : source) {
    if (words.size() >= 60) break;
    words.push_back(c == '\n' || c == '\t' ? ' ' : c);
  }
  // Never end in the middle of a UTF-8 character.
  while (!words.empty() && (uint8_t(words.back()) & 0xC0) == 0x80) words.pop_back();
  if (!words.empty() && uint8_t(words.back()) >= 0xC0) words.pop_back();
  if (words.size() < source.size()) words += "...";
  if (words.empty() && entry.kind == "fork") return "A fork in the road";
  return words.empty() ? std::string("Untitled entry") : words;
}

uint32_t countWords(const std::string& text) { return core::countWords(text); }

}  // namespace toward::journal
