// plugins/journal/journal_entry.cpp: entry rules shared by the model and the UI.
#include "plugins/journal/journal_entry.h"

#include <algorithm>
#include <type_traits>

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

using Value = rapidjson::Value;

// Reads member `name` into `out`, leaving `out` unchanged when the member is absent (like
// core::optionalField); false when it is present with another type.
template <class Obj, class T>
bool read(const Obj& obj, const char* name, T& out) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return true;
  const Value& v = it->value;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!v.IsString()) return false;
    out.assign(v.GetString(), v.GetStringLength());
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    if (!v.IsArray()) return false;
    out.clear();
    for (const auto& x : v.GetArray()) {
      if (!x.IsString()) return false;
      out.emplace_back(x.GetString(), x.GetStringLength());
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!v.IsBool()) return false;
    out = v.GetBool();
  } else if constexpr (std::is_same_v<T, uint32_t>) {
    if (!v.IsUint()) return false;
    out = v.GetUint();
  } else if constexpr (std::is_same_v<T, int32_t>) {
    if (!v.IsInt()) return false;
    out = v.GetInt();
  } else {
    static_assert(std::is_same_v<T, int64_t>);
    if (!v.IsInt64()) return false;
    out = v.GetInt64();
  }
  return true;
}

}  // namespace

bool readEntryQuick(const std::string& body, JournalEntry& e) {
  core::ScratchDocument scratch;
  rapidjson::Document& doc = scratch.doc();
  if (core::parseJson<rapidjson::kParseNanAndInfFlag>(doc, body).IsError() || !doc.IsObject()) return false;
  e = JournalEntry{};
  const auto& o = doc;
  bool ok = read(o, "kind", e.kind) && read(o, "title", e.title) && read(o, "timeMs", e.timeMs) &&
            read(o, "text", e.text) && read(o, "tags", e.tags) &&
            read(o, "bringToSession", e.bringToSession) && read(o, "contentNote", e.contentNote) &&
            read(o, "doNotResurface", e.doNotResurface);
  if (!ok) return false;
  if (auto it = o.FindMember("fork"); it != o.MemberEnd()) {
    const Value* f = &it->value;
    if (!f->IsObject()) return false;
    Fork& k = e.fork;
    if (auto fit = f->FindMember("feelings"); fit != f->MemberEnd()) {
      const Value* feelings = &fit->value;
      if (!feelings->IsArray()) return false;
      for (const auto& x : feelings->GetArray()) {
        if (!x.IsObject()) return false;
        Feeling feeling;
        if (!read(x, "word", feeling.word) || !read(x, "intensity", feeling.intensity)) return false;
        k.feelings.push_back(std::move(feeling));
      }
    }
    ok = read(*f, "whatHappened", k.whatHappened) && read(*f, "bodyAreas", k.bodyAreas) &&
         read(*f, "urges", k.urges) && read(*f, "direction", k.direction) &&
         read(*f, "secondsStayed", k.secondsStayed) && read(*f, "compassionFrom", k.compassionFrom) &&
         read(*f, "intensityAfter", k.intensityAfter) && read(*f, "afterwards", k.afterwards);
    if (!ok) return false;
  }
  e.sanitize();
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
