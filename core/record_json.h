// core/record_json.h: writes a record's fields (type, id, schema, revision, times, optional deletion
// time, and the body as raw JSON) into an open rapidjson object. The record envelope (record_codec)
// and the backup document (core/backup) both use it, so the two never drift apart.
#pragma once
#include <cstdint>

#include "core/json.h"
#include "core/record.h"

namespace toward::core {

template <class Writer>
void writeRecordMembers(Writer& w, const StoredRecord& r, int64_t deletedMs) {
  w.Key("type"); w.String(r.type.c_str(), rapidjson::SizeType(r.type.size()));
  w.Key("id"); w.String(r.id.c_str(), rapidjson::SizeType(r.id.size()));
  w.Key("schema"); w.Uint(r.schema);
  w.Key("revision"); w.Uint64(r.revision);
  w.Key("createdMs"); w.Int64(r.createdMs);
  w.Key("updatedMs"); w.Int64(r.updatedMs);
  if (deletedMs >= 0) { w.Key("deletedMs"); w.Int64(deletedMs); }
  w.Key("body");
  w.RawValue(r.body.c_str(), r.body.size(), rapidjson::kObjectType);
}

}  // namespace toward::core
