// core/record_codec.cpp: envelope encoding with rapidjson (see record_codec.h for the format).
#include "core/record_codec.h"

#include "core/json.h"
#include "core/record_json.h"

namespace toward::core {
namespace {

constexpr auto kParseFlags = rapidjson::kParseFullPrecisionFlag;

Status invalid(const std::string& what) { return {ErrorCode::Invalid, what}; }

}  // namespace

std::string encodeEnvelope(const StoredRecord& r, int64_t deletedMs) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartObject();
  w.Key("toward"); w.String("record");
  w.Key("format"); w.Int(kEnvelopeFormat);
  writeRecordMembers(w, r, deletedMs);
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

namespace {

// One top-level number of the envelope, as read by the SAX parser.
struct Number {
  bool seen = false, integer = false, negative = false, tooBig = false;
  uint64_t magnitude = 0;
  bool asInt64(int64_t& out) const {
    if (!seen || !integer || tooBig || magnitude > uint64_t(INT64_MAX)) return false;
    out = negative ? -int64_t(magnitude) : int64_t(magnitude);
    return true;
  }
  bool asUint64(uint64_t& out) const {
    if (!seen || !integer || negative || tooBig) return false;
    out = magnitude;
    return true;
  }
};

// Streams through an envelope once: top-level fields into members, and the body's exact byte range
// (no DOM, no re-serializing: loading thousands of records at start-up stays quick).
struct EnvelopeReader : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EnvelopeReader> {
  explicit EnvelopeReader(rapidjson::StringStream& s) : stream(s) {}
  rapidjson::StringStream& stream;
  int depth = 0;
  std::string key;
  bool inBody = false, bodyDone = false, malformed = false;
  size_t bodyStart = 0, bodyEnd = 0;
  std::string magic, type, id;
  bool haveMagic = false, haveType = false, haveId = false;
  Number format, schema, revision, created, updated, deleted;

  Number* numberFor() {
    if (key == "format") return &format;
    if (key == "schema") return &schema;
    if (key == "revision") return &revision;
    if (key == "createdMs") return &created;
    if (key == "updatedMs") return &updated;
    if (key == "deletedMs") return &deleted;
    return nullptr;
  }
  bool top() const { return depth == 1 && !inBody; }
  bool setNumber(bool integer, bool negative, uint64_t magnitude, bool tooBig) {
    if (!top()) return true;
    if (Number* n = numberFor()) {
      n->seen = true;
      n->integer = integer;
      n->negative = negative;
      n->magnitude = magnitude;
      n->tooBig = tooBig;
    }
    return true;
  }
  bool Null() { return true; }
  bool Bool(bool) { return true; }
  bool Int(int i) { return setNumber(true, i < 0, i < 0 ? uint64_t(-int64_t(i)) : uint64_t(i), false); }
  bool Uint(unsigned u) { return setNumber(true, false, u, false); }
  bool Int64(int64_t i) { return setNumber(true, i < 0, i < 0 ? uint64_t(0) - uint64_t(i) : uint64_t(i), false); }
  bool Uint64(uint64_t u) { return setNumber(true, false, u, false); }
  bool Double(double) { return setNumber(false, false, 0, true); }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    if (!top()) return true;
    if (key == "toward") { magic.assign(str, length); haveMagic = true; }
    else if (key == "type") { type.assign(str, length); haveType = true; }
    else if (key == "id") { id.assign(str, length); haveId = true; }
    return true;
  }
  bool Key(const char* str, rapidjson::SizeType length, bool) {
    if (top()) key.assign(str, length);
    return true;
  }
  bool StartObject() {
    ++depth;
    if (depth == 2 && !inBody) {
      if (key != "body" || bodyDone) { malformed = true; return false; }
      inBody = true;
      bodyStart = stream.Tell() - 1;  // the '{' just read
    }
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    if (inBody && depth == 2) {
      inBody = false;
      bodyDone = true;
      bodyEnd = stream.Tell();  // just after the '}'
    }
    --depth;
    return true;
  }
  bool StartArray() {
    if (!inBody) { malformed = true; return false; }
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return true; }
};

}  // namespace

Result<DecodedEnvelope> decodeEnvelope(const std::string& text) {
  if (text.size() > kMaxRecordBytes) return invalid("the record is larger than Toward accepts");
  rapidjson::StringStream stream(text.c_str());
  EnvelopeReader reader(stream);
  rapidjson::Reader parser;
  const auto ok = parser.Parse<kParseFlags>(stream, reader);
  if (reader.malformed) return invalid("the record is damaged (unexpected structure)");
  if (!ok) {
    return invalid(std::string("the record is damaged (") + rapidjson::GetParseError_En(ok.Code()) + ")");
  }
  // The whole text must be one JSON value (a string stream stops at a NUL byte).
  if (stream.Tell() != text.size() && text.find_first_not_of(" \t\r\n", stream.Tell()) != std::string::npos) {
    return invalid("the record is damaged (unexpected data after it)");
  }
  if (!reader.haveMagic || reader.magic != "record") return invalid("this is not a Toward record");
  int64_t format = 0;
  if (!reader.format.asInt64(format) || format < 1) return invalid("the record has no valid format number");
  if (format > kEnvelopeFormat) return Status{ErrorCode::TooNew, "this record was written by a newer version of Toward"};
  DecodedEnvelope out;
  StoredRecord& r = out.record;
  if (!reader.haveType || !isValidTypeId(reader.type)) return invalid("the record has no valid type");
  if (!reader.haveId || !isValidRecordId(reader.id)) return invalid("the record has no valid id");
  r.type = std::move(reader.type);
  r.id = std::move(reader.id);
  uint64_t schema = 0;
  if (!reader.schema.asUint64(schema) || schema == 0 || schema > UINT32_MAX) return invalid("the record has no valid schema version");
  r.schema = uint32_t(schema);
  if (!reader.revision.asUint64(r.revision)) return invalid("the record has no valid revision");
  if (!reader.created.asInt64(r.createdMs) || !reader.updated.asInt64(r.updatedMs)) return invalid("the record has no valid times");
  if (reader.deleted.seen) {
    if (!reader.deleted.asInt64(out.deletedMs)) return invalid("the record has an invalid deletion time");
  }
  if (!reader.bodyDone) return invalid("the record has no body");
  r.body.assign(text, reader.bodyStart, reader.bodyEnd - reader.bodyStart);
  return out;
}

Result<std::string> compactJsonObject(const std::string& text) {
  if (text.size() > kMaxRecordBytes) return invalid("this is larger than Toward accepts in one record");
  rapidjson::Document doc;
  doc.Parse<kParseFlags>(text.c_str(), text.size());
  if (doc.HasParseError()) {
    return invalid(std::string("this is not valid JSON (") + rapidjson::GetParseError_En(doc.GetParseError()) + ")");
  }
  if (!doc.IsObject()) return invalid("a record body must be a JSON object");
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  doc.Accept(w);
  return std::string(sb.GetString(), sb.GetSize());
}

}  // namespace toward::core
