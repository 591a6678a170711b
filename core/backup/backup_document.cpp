// core/backup/backup_document.cpp: the backup document, built from a store and parsed back (see header).
#include "core/backup/backup_document.h"

#include "core/record_json.h"
#include "core/backup/document_copier.h"
#include "core/backup/document_reader.h"
#include "core/backup/document_records.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "core/json.h"
#include "core/json_parse.h"
#include "core/record_codec.h"

namespace toward::backup {
namespace {

BackupError notBackup(std::string why) { return backupError(BackupErrorKind::NotBackup, std::move(why)); }

void writeRecord(rapidjson::Writer<rapidjson::StringBuffer>& w, const core::StoredRecord& r, int64_t deletedMs) {
  w.StartObject();
  core::writeRecordMembers(w, r, deletedMs);
  w.EndObject();
}

}  // namespace

namespace detail {

BackupResult<core::StoredRecord> readRecord(const rapidjson::Value& v, int64_t* deletedMs) {
  if (!v.IsObject()) return notBackup("a record is not an object");
  auto member = [&](const char* k) -> const rapidjson::Value* {
    auto it = v.FindMember(k);
    return it == v.MemberEnd() ? nullptr : &it->value;
  };
  core::StoredRecord r;
  const auto* type = member("type");
  const auto* id = member("id");
  if (!type || !type->IsString() || !core::isValidTypeId(type->GetString())) return notBackup("a record has no valid type");
  if (!id || !id->IsString() || !core::isValidRecordId(id->GetString())) return notBackup("a record has no valid id");
  r.type = type->GetString();
  r.id = id->GetString();
  const auto* schema = member("schema");
  const auto* revision = member("revision");
  const auto* created = member("createdMs");
  const auto* updated = member("updatedMs");
  if (!schema || !schema->IsUint() || schema->GetUint() == 0) return notBackup("a record has no valid schema");
  if (!revision || !revision->IsUint64() || revision->GetUint64() == 0) return notBackup("a record has no valid revision");
  if (!created || !created->IsInt64() || !updated || !updated->IsInt64()) return notBackup("a record has no valid times");
  r.schema = schema->GetUint();
  r.revision = revision->GetUint64();
  r.createdMs = created->GetInt64();
  r.updatedMs = updated->GetInt64();
  if (deletedMs) {
    const auto* deleted = member("deletedMs");
    if (!deleted || !deleted->IsInt64()) return notBackup("a trashed record has no valid deletion time");
    *deletedMs = deleted->GetInt64();
  }
  const auto* body = member("body");
  if (!body || !body->IsObject()) return notBackup("a record has no body object");
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  body->Accept(w);
  if (sb.GetSize() > core::kMaxRecordBytes) return backupError(BackupErrorKind::TooLarge, "a record is too large");
  r.body.assign(sb.GetString(), sb.GetSize());
  return r;
}

void skip(BackupDocument& doc, const rapidjson::Value& v, bool trashed, std::string why) {
  SkippedRecord s;
  s.trashed = trashed;
  s.why = std::move(why);
  if (v.IsObject()) {
    auto text = [&](const char* k) {
      auto it = v.FindMember(k);
      return it != v.MemberEnd() && it->value.IsString() ? std::string(it->value.GetString(), it->value.GetStringLength()) : std::string();
    };
    s.type = text("type");
    s.id = text("id");
  }
  doc.skipped.push_back(std::move(s));
}

}  // namespace detail

std::string pluginOf(const std::string& typeId) { return typeId.substr(0, typeId.find('.')); }

BackupDocument documentFromStore(const core::RecordStore& store, const core::Registry& registry, int64_t nowMs) {
  DocumentCopier copier(store, registry, nowMs);
  while (!copier.step(SIZE_MAX)) {
  }
  return copier.take();
}

std::string encodeDocument(const BackupDocument& doc) {
  DocumentEncoder encoder(doc);
  while (!encoder.step(SIZE_MAX)) {
  }
  return encoder.take();
}

DocumentEncoder::DocumentEncoder(const BackupDocument& doc) {
  for (const auto& r : doc.records) m_live.push_back(&r);
  for (const auto& t : doc.trash) m_trash.push_back(&t);
  auto byKey = [](const core::StoredRecord* a, const core::StoredRecord* b) {
    return std::tie(a->type, a->id) < std::tie(b->type, b->id);
  };
  // (a copy of the store is in this order already, DocumentCopier: looked at once, not sorted again)
  if (!std::is_sorted(m_live.begin(), m_live.end(), byKey)) std::sort(m_live.begin(), m_live.end(), byKey);
  const auto trashByKey = [&](auto* a, auto* b) { return byKey(&a->record, &b->record); };
  if (!std::is_sorted(m_trash.begin(), m_trash.end(), trashByKey)) std::sort(m_trash.begin(), m_trash.end(), trashByKey);
  m_out = "{\"toward\":\"backup\",\"format\":" + std::to_string(doc.format) + ",\"createdMs\":" + std::to_string(doc.createdMs) +
          ",\"app\":";
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(doc.app.c_str(), rapidjson::SizeType(doc.app.size()));
  m_out.append(sb.GetString(), sb.GetSize());
  m_out += ",\n\"records\":[";
}

bool DocumentEncoder::step(size_t records) {
  for (size_t n = 0; n < std::max<size_t>(1, records) && m_next < m_live.size() + m_trash.size(); ++n, ++m_next) {
    const bool trashed = m_next >= m_live.size();
    const size_t i = trashed ? m_next - m_live.size() : m_next;
    if (trashed && i == 0) m_out += "],\n\"trash\":[";
    rapidjson::StringBuffer sb;
    rapidjson::Writer<rapidjson::StringBuffer> w(sb);
    if (trashed) writeRecord(w, m_trash[i]->record, m_trash[i]->deletedMs < 0 ? 0 : m_trash[i]->deletedMs);
    else writeRecord(w, *m_live[i], -1);
    m_out += i == 0 ? "\n" : ",\n";
    m_out.append(sb.GetString(), sb.GetSize());
  }
  if (m_next >= m_live.size() + m_trash.size() && !m_closed) {
    if (m_trash.empty()) m_out += "],\n\"trash\":[";
    m_out += "]}\n";
    m_closed = true;
  }
  return done();
}

double DocumentEncoder::progress() const {
  const size_t total = m_live.size() + m_trash.size();
  return total ? double(m_next) / double(total) : (m_closed ? 1.0 : 0.0);
}

std::string DocumentEncoder::take() {
  if (!done()) return {};
  return std::move(m_out);
}

BackupResult<BackupDocument> parseDocument(std::string_view text) {
  DocumentReader reader(text);
  reader.run();
  return reader.take();
}

namespace {

// One record against the registry: its body in the type's current schema, or why it cannot be stored.
BackupResult<std::string> checkRecord(const core::StoredRecord& r, const core::Registry& registry) {
  const core::RecordType* type = registry.recordType(r.type);
  if (!type) return backupError(BackupErrorKind::UnsupportedVersion, "unknown record type " + r.type);
  if (r.schema > type->schema) return backupError(BackupErrorKind::UnsupportedVersion, r.type + " schema " + std::to_string(r.schema));
  if (r.schema < type->minSchema) return notBackup(r.type + " schema " + std::to_string(r.schema) + " is too old to read");
  auto normalized = type->normalize(r.body, r.schema);
  if (!normalized) return notBackup(r.type + " " + r.id + ": " + normalized.error().message());
  return std::move(normalized.value());
}

}  // namespace

BackupResult<bool> checkAgainstRegistry(const BackupDocument& doc, const core::Registry& registry) {
  if (!doc.skipped.empty()) {
    const SkippedRecord& s = doc.skipped.front();
    return notBackup((s.type.empty() ? std::string("a record") : s.type + " " + s.id) + ": " + s.why);
  }
  for (const auto& r : doc.records) {
    if (auto c = checkRecord(r, registry); !c) return c.error();
  }
  for (const auto& t : doc.trash) {
    if (auto c = checkRecord(t.record, registry); !c) return c.error();
  }
  return true;
}

BackupResult<CheckedDocument> checkDocument(BackupDocument doc, const core::Registry& registry) {
  DocumentChecker checker(std::move(doc), registry);
  while (!checker.step(SIZE_MAX)) {
  }
  return checker.take();
}

DocumentChecker::DocumentChecker(BackupDocument doc, const core::Registry& registry)
    : m_doc(std::move(doc)), m_registry(registry), m_total(m_doc.records.size() + m_doc.trash.size()) {
  m_records.reserve(m_doc.records.size());
  m_trash.reserve(m_doc.trash.size());
}

bool DocumentChecker::step(size_t count) {
  // A record stays (its body now in the current schema), or goes to `skipped` with why.
  auto bring = [&](core::StoredRecord& r, bool trashed) {
    auto body = checkRecord(r, m_registry);
    if (!body) {
      const bool newer = body.error().kind == BackupErrorKind::UnsupportedVersion;
      m_doc.skipped.push_back({r.type, r.id, trashed, newer ? "it was made by a newer version of Toward (" + body.error().detail + ")"
                                                            : body.error().detail});
      return false;
    }
    r.body = std::move(body.value());
    r.schema = m_registry.recordType(r.type)->schema;
    return true;
  };
  for (size_t n = 0; n < std::max<size_t>(1, count) && !done(); ++n, ++m_next) {
    if (m_next < m_doc.records.size()) {
      auto& r = m_doc.records[m_next];
      if (bring(r, false)) m_records.push_back(std::move(r));
    } else {
      auto& t = m_doc.trash[m_next - m_doc.records.size()];
      if (bring(t.record, true)) m_trash.push_back(std::move(t));
    }
  }
  return done();
}

CheckedDocument DocumentChecker::take() {
  CheckedDocument out;
  if (!done()) return out;
  m_doc.records = std::move(m_records);
  m_doc.trash = std::move(m_trash);
  out.m_doc = std::move(m_doc);
  out.m_registry = &m_registry;
  m_doc = BackupDocument{};
  m_records.clear();
  m_trash.clear();
  m_total = m_next = 0;
  return out;
}

BackupPreview previewDocument(const BackupDocument& doc) {
  BackupPreview p;
  p.records = doc.records.size();
  p.trashed = doc.trash.size();
  bool first = true;
  for (const auto& r : doc.records) {
    ++p.byType[r.type];
    ++p.byPlugin[pluginOf(r.type)];
    // The dates say when the words were written: a setting changed today is not a word written today.
    if (pluginOf(r.type) == "core") continue;
    ++p.words;
    p.firstMs = first ? r.createdMs : std::min(p.firstMs, r.createdMs);
    p.lastMs = first ? r.updatedMs : std::max(p.lastMs, r.updatedMs);
    first = false;
  }
  for (const auto& t : doc.trash) ++p.trashByType[t.record.type];
  p.skipped = doc.skipped.size();
  return p;
}

}  // namespace toward::backup
