// core/record_codec.cpp: envelope encoding with rapidjson (see record_codec.h for the format).
#include "core/record_codec.h"

#include <charconv>
#include <limits>
#include <string_view>
#include <type_traits>

#include "core/json.h"
#include "core/json_parse.h"
#include "core/record_json.h"

namespace toward::core {
namespace {


Status invalid(const std::string& what) { return {ErrorCode::Invalid, what}; }

}  // namespace

std::string encodeEnvelope(const StoredRecord& r, int64_t deletedMs) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartObject();
  w.Key("toward"); w.String("record");
  w.Key("format"); w.Int(kPlainEnvelopeFormat);
  writeRecordMembers(w, r, deletedMs);
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

namespace {
constexpr const char* kSealedRecordStart = "{\"toward\":\"record\",\"format\":2,";
constexpr const char* kSealedFileStart = "{\"toward\":\"sealed-file\",";

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string sideFileAd(const std::string& relPath) { return "toward.side.v1|" + relPath; }

Status locked(const std::string& what) { return {ErrorCode::Locked, what}; }
}  // namespace

std::string sealedRecordAd(const std::string& type, const std::string& id, uint32_t schema) {
  return "toward.record.v2|" + type + "|" + id + "|" + std::to_string(schema);
}

std::string encodeSealedEnvelope(const StoredRecord& r, int64_t deletedMs, const RecordSealer& sealer) {
  const std::string inner = encodeEnvelope(r, deletedMs);
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartObject();
  w.Key("toward"); w.String("record");
  w.Key("format"); w.Int(kSealedEnvelopeFormat);
  w.Key("type"); w.String(r.type.c_str(), rapidjson::SizeType(r.type.size()));
  w.Key("id"); w.String(r.id.c_str(), rapidjson::SizeType(r.id.size()));
  w.Key("schema"); w.Uint(r.schema);
  const std::string sealed = sealer.seal(inner, sealedRecordAd(r.type, r.id, r.schema));
  w.Key("sealed"); w.String(sealed.c_str(), rapidjson::SizeType(sealed.size()));
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

bool isSealedText(const std::string& text) {
  return startsWith(text, kSealedRecordStart) || startsWith(text, kSealedFileStart);
}

std::string encodeSealedSideFile(const std::string& relPath, const std::string& text, const RecordSealer& sealer) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.StartObject();
  w.Key("toward"); w.String("sealed-file");
  w.Key("format"); w.Int(1);
  w.Key("path"); w.String(relPath.c_str(), rapidjson::SizeType(relPath.size()));
  const std::string sealed = sealer.seal(text, sideFileAd(relPath));
  w.Key("sealed"); w.String(sealed.c_str(), rapidjson::SizeType(sealed.size()));
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

Result<std::string> decodeSideFile(const std::string& relPath, const std::string& text, const RecordSealer* sealer) {
  if (!startsWith(text, kSealedFileStart)) return text;
  rapidjson::Document doc;
  if (parseJson<rapidjson::kParseNanAndInfFlag>(doc, text).IsError() || !doc.IsObject()) return invalid("the sealed file is damaged");
  auto member = [&](const char* name) -> const rapidjson::Value* {
    auto it = doc.FindMember(name);
    return it == doc.MemberEnd() ? nullptr : &it->value;
  };
  const rapidjson::Value* format = member("format");
  const rapidjson::Value* path = member("path");
  const rapidjson::Value* sealed = member("sealed");
  if (!format || !format->IsInt() || format->GetInt() < 1) return invalid("the sealed file has no valid format number");
  if (format->GetInt() > 1) return Status{ErrorCode::TooNew, "this file was written by a newer version of Toward"};
  if (!path || !path->IsString() || !sealed || !sealed->IsString()) return invalid("the sealed file is damaged");
  if (std::string(path->GetString(), path->GetStringLength()) != relPath) {
    return locked("this sealed file belongs somewhere else, so it was not opened");
  }
  if (!sealer) return locked("this file is sealed and the vault is locked");
  auto opened = sealer->open(std::string(sealed->GetString(), sealed->GetStringLength()), sideFileAd(relPath));
  if (!opened) return locked("this sealed file could not be opened with this vault's key");
  return opened.value();
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
  std::string magic, type, id, sealed;
  bool haveMagic = false, haveType = false, haveId = false, haveSealed = false;
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
  bool numberTooBig = false;   // a number too large for a double (readJsonNumber)
  bool RawNumber(const char* str, rapidjson::SizeType length, bool) { return readJsonNumber(str, length, *this, numberTooBig); }
  bool String(const char* str, rapidjson::SizeType length, bool) {
    if (!top()) return true;
    if (key == "toward") { magic.assign(str, length); haveMagic = true; }
    else if (key == "type") { type.assign(str, length); haveType = true; }
    else if (key == "id") { id.assign(str, length); haveId = true; }
    else if (key == "sealed") { sealed.assign(str, length); haveSealed = true; }
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

Result<DecodedEnvelope> decodeEnvelope(const std::string& text, const RecordSealer* sealer) {
  if (text.size() > kMaxRecordBytes) return invalid("the record is larger than Toward accepts");
  rapidjson::StringStream stream(text.c_str());
  EnvelopeReader reader(stream);
  rapidjson::Reader parser;
  const auto ok = parser.Parse<kNumbersAsText>(stream, reader);   // numbers are read by readJsonNumber
  if (reader.malformed) return invalid("the record is damaged (unexpected structure)");
  if (!ok) {
    const auto code = reader.numberTooBig ? rapidjson::kParseErrorNumberTooBig : ok.Code();
    return invalid(std::string("the record is damaged (") + rapidjson::GetParseError_En(code) + ")");
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
  if (format == kSealedEnvelopeFormat) {
    if (!reader.haveSealed || reader.bodyDone) return invalid("the sealed record is damaged");
    if (!sealer) return locked("this record is sealed and the vault is locked");
    auto opened = sealer->open(reader.sealed, sealedRecordAd(r.type, r.id, r.schema));
    if (!opened) {
      return locked("this sealed record could not be opened: it was changed, or moved here from another place");
    }
    if (isSealedText(opened.value())) return invalid("the sealed record is damaged (sealed twice)");
    auto inner = decodeEnvelope(opened.value(), nullptr);
    if (!inner) return inner.error();
    const StoredRecord& in = inner.value().record;
    if (in.type != r.type || in.id != r.id || in.schema != r.schema) {
      return locked("this sealed record does not match its outside (it was tampered with)");
    }
    return inner;
  }
  if (!reader.revision.asUint64(r.revision)) return invalid("the record has no valid revision");
  if (!reader.created.asInt64(r.createdMs) || !reader.updated.asInt64(r.updatedMs)) return invalid("the record has no valid times");
  if (reader.deleted.seen) {
    if (!reader.deleted.asInt64(out.deletedMs)) return invalid("the record has no readable deletion time");
  }
  if (!reader.bodyDone) return invalid("the record has no body");
  r.body.assign(text, reader.bodyStart, reader.bodyEnd - reader.bodyStart);
  return out;
}

namespace {
// A cursor over the canonical layout (readCanonicalEnvelope): each step takes exactly what encodeEnvelope
// writes there, or fails.
struct CanonicalCursor {
  const std::string& text;
  size_t at = 0;
  bool literal(std::string_view s) {
    if (text.compare(at, s.size(), s) != 0) return false;
    at += s.size();
    return true;
  }
  // A string without escapes or control characters, then its closing quote.
  bool plainString(std::string& out) {
    const size_t end = text.find('"', at);
    if (end == std::string::npos) return false;
    for (size_t i = at; i < end; ++i) {
      if (text[i] == '\\' || uint8_t(text[i]) < 0x20) return false;
    }
    out.assign(text, at, end - at);
    at = end + 1;
    return true;
  }
  // An integer as rapidjson's Writer writes one: -?(0|[1-9][0-9]*), within T (for int64, not its lowest
  // value, which decodeEnvelope's Number refuses too).
  template <class T>
  bool integer(T& out) {
    const char* begin = text.data() + at;
    const char* end = text.data() + text.size();
    const char* digits = begin + (begin < end && *begin == '-' ? 1 : 0);
    if (digits >= end || *digits < '0' || *digits > '9') return false;
    if (*digits == '0' && digits + 1 < end && digits[1] >= '0' && digits[1] <= '9') return false;
    auto r = std::from_chars(begin, end, out);
    if (r.ec != std::errc()) return false;
    if constexpr (std::is_signed_v<T>) {
      if (out == std::numeric_limits<T>::min()) return false;
    }
    at = size_t(r.ptr - text.data());
    return true;
  }
};
}  // namespace

bool readCanonicalEnvelope(std::string& text, DecodedEnvelope& out, const std::function<bool(const std::string&)>& accept) {
  if (text.size() > kMaxRecordBytes) return false;
  CanonicalCursor c{text};
  DecodedEnvelope got;
  StoredRecord& r = got.record;
  uint64_t schema = 0;
  if (!c.literal("{\"toward\":\"record\",\"format\":1,\"type\":\"") || !c.plainString(r.type) ||
      !c.literal(",\"id\":\"") || !c.plainString(r.id) ||
      !c.literal(",\"schema\":") || !c.integer(schema) || schema == 0 || schema > UINT32_MAX ||
      !c.literal(",\"revision\":") || !c.integer(r.revision) ||
      !c.literal(",\"createdMs\":") || !c.integer(r.createdMs) ||
      !c.literal(",\"updatedMs\":") || !c.integer(r.updatedMs)) {
    return false;
  }
  if (c.literal(",\"deletedMs\":") && (!c.integer(got.deletedMs) || got.deletedMs < 0)) return false;
  if (!c.literal(",\"body\":{")) return false;
  if (!isValidTypeId(r.type) || !isValidRecordId(r.id)) return false;
  if (accept && !accept(r.type)) return false;
  size_t end = text.size();
  if (end > 0 && text[end - 1] == '\n') --end;
  if (end < c.at + 2 || text[end - 1] != '}' || text[end - 2] != '}') return false;
  r.schema = uint32_t(schema);
  const size_t bodyStart = c.at - 1, bodyEnd = end - 1;
  text.resize(bodyEnd);
  text.erase(0, bodyStart);
  r.body = std::move(text);
  text.clear();
  out = std::move(got);
  return true;
}

Result<std::string> compactJsonObject(const std::string& text) {
  if (text.size() > kMaxRecordBytes) return invalid("this is larger than Toward accepts in one record");
  std::string out;
  if (auto parsed = canonicalJson(text, out); parsed.IsError()) {
    return invalid(std::string("this is not valid JSON (") + rapidjson::GetParseError_En(parsed.Code()) + ")");
  }
  if (out.empty() || out.front() != '{') return invalid("a record body must be a JSON object");
  return out;
}

}  // namespace toward::core
