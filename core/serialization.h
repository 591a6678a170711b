// core/serialization.h: record bodies <-> C++ types with cereal's JSON archives.
// A body type T provides
//   static constexpr uint32_t kSchema;      // the version written now
//   static constexpr uint32_t kMinSchema;   // the oldest version load() still reads
//   template <class A> void save(A&) const;              // writes the current version only
//   template <class A> void load(A&, uint32_t schema);   // reads any version kMinSchema..kSchema
// Its fields are written at the top level of the body object (the version lives in the envelope's
// "schema", not inside the body). Nested types are part of their record's schema: they use plain
// cereal save/load without CEREAL_CLASS_VERSION (one version number per record, in the envelope,
// instead of "cereal_class_version" keys scattered through the JSON a person may read in a backup).
// Use optionalField() for fields that may be absent (added in a later schema, or left out by a caller).
#pragma once
#include <cstdint>
#include <sstream>
#include <string>

#include "core/json.h"
#include "core/json_parse.h"
#include "core/record_codec.h"
#include "core/result.h"

namespace toward::core {

// Reads `name` into `value` when present; leaves `value` unchanged when the body does not have it.
template <class Archive, class T>
void optionalField(Archive& ar, const char* name, T& value) {
  try {
    ar(cereal::make_nvp(name, value));
  } catch (const cereal::Exception& e) {
    // cereal reports a missing name with exactly this text, before entering the node, and leaves the
    // archive usable. Anything else (a wrong type, a missing nested name) is a real error.
    if (std::string(e.what()) != std::string("JSON Parsing failed - provided NVP (") + name + ") not found") throw;
  }
}

// Serializes a body to compact JSON object text. A body larger than a record may be comes back as cereal
// wrote it, never as something smaller: the store then refuses it (RecordStore::put, writeEnvelopeFile),
// so the words stay in the editor. (It once became "{}", which saved an empty entry over the words.)
template <class T>
std::string saveBody(const T& value) {
  std::ostringstream os;
  {
    cereal::JSONOutputArchive ar(os, cereal::JSONOutputArchive::Options::NoIndent());
    value.save(ar);
  }
  auto compact = compactJsonObject(os.str());
  return compact ? std::move(compact.value()) : os.str();
}

// The same text as saveBody(value), faster for a body with one long string field (`field`: a letter's text
// of 20,000 words): cereal writes through a stream one character at a time (about 11 ms for 188 KB in
// the browser, in the autosave's frame), so the body is written with a short marker in the field's place
// and the field's JSON string, written by rapidjson into a buffer with the same escaping, takes the
// marker's place. Short fields, a marker found other than once, or a body near the size limit: saveBody.
template <class T>
std::string saveBodyWithLongText(const T& value, std::string T::*field) {
  const std::string& text = value.*field;
  if (text.size() < 4096 || text.size() > kMaxRecordBytes / 4) return saveBody(value);
  static const std::string kMarker = "\x01toward:long-text\x01";
  auto jsonString = [](const std::string& s) {
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    w.String(s.data(), rapidjson::SizeType(s.size()));
    return std::string(sb.GetString(), sb.GetSize());
  };
  T shell = value;
  shell.*field = kMarker;
  std::string body = saveBody(shell);
  const std::string marker = jsonString(kMarker);
  const size_t at = body.find(marker);
  if (at == std::string::npos || body.find(marker, at + 1) != std::string::npos) return saveBody(value);
  return body.replace(at, marker.size(), jsonString(text));
}

// Parses body text written with `schema` into a T. Invalid (plain message) on any problem; TooNew
// when `schema` is newer than T::kSchema; Invalid when older than T::kMinSchema.
template <class T>
Result<T> loadBody(const std::string& body, uint32_t schema) {
  if (schema > T::kSchema) return Status{ErrorCode::TooNew, "written by a newer version of Toward"};
  if (schema < T::kMinSchema) return Status{ErrorCode::Invalid, "written in a format too old to read"};
  if (body.size() > kMaxRecordBytes) return Status{ErrorCode::Invalid, "larger than Toward accepts"};
  const size_t start = body.find_first_not_of(" \t\r\n");
  if (start == std::string::npos || body[start] != '{') return Status{ErrorCode::Invalid, "it is not a JSON object"};
  auto notJson = [](const rapidjson::ParseResult& parsed) {
    return Status{ErrorCode::Invalid, std::string("it is not valid JSON (") + rapidjson::GetParseError_En(parsed.Code()) +
                                          " at character " + std::to_string(parsed.Offset()) + ")"};
  };
  // cereal parses with rapidjson's own number conversion: give it only numbers in a form that conversion
  // reads safely (core/json_parse.h). Bodies without fractions or exponents, nearly all, go as they are.
  std::string canonical;
  if (hasFractionalNumber(body)) {
    if (auto parsed = canonicalJson(body, canonical); parsed.IsError()) return notJson(parsed);
  }
  T value{};
  try {
    std::istringstream is(canonical.empty() ? body : canonical);
    cereal::JSONInputArchive ar(is);
    value.load(ar, schema);
  } catch (const std::exception&) {
    // Say what is wrong in plain words (cereal's own messages name its internals).
    rapidjson::Document doc;
    if (auto parsed = parseJson<rapidjson::kParseNanAndInfFlag>(doc, body); parsed.IsError()) return notJson(parsed);
    return Status{ErrorCode::Invalid, "one of its fields holds a different kind of value than expected"};
  }
  return value;
}

// Normalizes any readable body into the current schema's canonical text (load, then save).
template <class T>
Result<std::string> normalizeBody(const std::string& body, uint32_t schema) {
  auto loaded = loadBody<T>(body, schema);
  if (!loaded) return loaded.error();
  return saveBody(loaded.value());
}

}  // namespace toward::core
