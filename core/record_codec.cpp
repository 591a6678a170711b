// core/record_codec.cpp: envelope encoding with rapidjson (see record_codec.h for the format).
#include "core/record_codec.h"

#include "core/json.h"

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
  w.Key("type"); w.String(r.type.c_str(), rapidjson::SizeType(r.type.size()));
  w.Key("id"); w.String(r.id.c_str(), rapidjson::SizeType(r.id.size()));
  w.Key("schema"); w.Uint(r.schema);
  w.Key("revision"); w.Uint64(r.revision);
  w.Key("createdMs"); w.Int64(r.createdMs);
  w.Key("updatedMs"); w.Int64(r.updatedMs);
  if (deletedMs >= 0) { w.Key("deletedMs"); w.Int64(deletedMs); }
  w.Key("body");
  w.RawValue(r.body.c_str(), r.body.size(), rapidjson::kObjectType);
  w.EndObject();
  std::string out(sb.GetString(), sb.GetSize());
  out.push_back('\n');
  return out;
}

Result<DecodedEnvelope> decodeEnvelope(const std::string& text) {
  if (text.size() > kMaxRecordBytes) return invalid("the record is larger than Toward accepts");
  rapidjson::Document doc;
  doc.Parse<kParseFlags>(text.c_str(), text.size());
  if (doc.HasParseError()) {
    return invalid(std::string("the record is damaged (") + rapidjson::GetParseError_En(doc.GetParseError()) + ")");
  }
  if (!doc.IsObject()) return invalid("the record is damaged (not an object)");
  auto str = [&](const char* k) -> const rapidjson::Value* {
    auto it = doc.FindMember(k);
    return (it != doc.MemberEnd() && it->value.IsString()) ? &it->value : nullptr;
  };
  auto num = [&](const char* k) -> const rapidjson::Value* {
    auto it = doc.FindMember(k);
    return (it != doc.MemberEnd() && it->value.IsNumber()) ? &it->value : nullptr;
  };
  const auto* magic = str("toward");
  if (!magic || std::string(magic->GetString()) != "record") return invalid("this is not a Toward record");
  const auto* format = num("format");
  if (!format || !format->IsInt() || format->GetInt() < 1) return invalid("the record has no valid format number");
  if (format->GetInt() > kEnvelopeFormat) {
    return Status{ErrorCode::TooNew, "this record was written by a newer version of Toward"};
  }
  DecodedEnvelope out;
  StoredRecord& r = out.record;
  const auto* type = str("type");
  const auto* id = str("id");
  if (!type || !isValidTypeId(type->GetString())) return invalid("the record has no valid type");
  if (!id || !isValidRecordId(id->GetString())) return invalid("the record has no valid id");
  r.type = type->GetString();
  r.id = id->GetString();
  const auto* schema = num("schema");
  const auto* revision = num("revision");
  const auto* created = num("createdMs");
  const auto* updated = num("updatedMs");
  if (!schema || !schema->IsUint() || schema->GetUint() == 0) return invalid("the record has no valid schema version");
  if (!revision || !revision->IsUint64()) return invalid("the record has no valid revision");
  if (!created || !created->IsInt64() || !updated || !updated->IsInt64()) return invalid("the record has no valid times");
  r.schema = schema->GetUint();
  r.revision = revision->GetUint64();
  r.createdMs = created->GetInt64();
  r.updatedMs = updated->GetInt64();
  if (const auto* deleted = num("deletedMs")) {
    if (!deleted->IsInt64()) return invalid("the record has an invalid deletion time");
    out.deletedMs = deleted->GetInt64();
  }
  auto body = doc.FindMember("body");
  if (body == doc.MemberEnd() || !body->value.IsObject()) return invalid("the record has no body");
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  body->value.Accept(w);
  r.body.assign(sb.GetString(), sb.GetSize());
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
