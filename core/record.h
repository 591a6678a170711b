// core/record.h: the unit of storage. Every piece of a person's data is a record: a type id such as
// "journal.entry", a unique id, the schema version its body was written with, a revision counter and
// a JSON body the owning plugin understands. Each record lives in its own file (see record_store.h).
#pragma once
#include <cstdint>
#include <string>

namespace toward::core {

struct StoredRecord {
  std::string type;        // stable type id, e.g. "letters.letter"
  std::string id;          // unique within its type; [A-Za-z0-9_-], at most 64 characters
  uint32_t schema = 1;     // version of the body's layout, owned by the record type
  uint64_t revision = 1;   // grows by one with every save
  int64_t createdMs = 0;   // Unix time in milliseconds
  int64_t updatedMs = 0;
  std::string body;        // compact JSON object text
};

// A record that was deleted: kept in the trash, restorable until it expires.
struct TrashedRecord {
  StoredRecord record;
  int64_t deletedMs = 0;
};

// True when `id` is safe to use as a file name and record id.
bool isValidRecordId(const std::string& id);

// True when `type` looks like "plugin.name" (lower case letters, digits, '_' and one or more dots).
bool isValidTypeId(const std::string& type);

}  // namespace toward::core
