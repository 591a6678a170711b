// core/backup/document_records.h: one record of a backup document read from its parsed JSON (shared by the
// document's writer and reader in core/backup; not for use elsewhere).
#pragma once
#include <cstdint>
#include <string>

#include "core/backup/backup_document.h"
#include "core/json.h"

namespace toward::backup::detail {

// A record of the document's "records" (deletedMs null) or "trash" list, or why it cannot be read.
BackupResult<core::StoredRecord> readRecord(const rapidjson::Value& v, int64_t* deletedMs);
// Leaves a record out of the document, naming it as far as it names itself.
void skip(BackupDocument& doc, const rapidjson::Value& v, bool trashed, std::string why);

}  // namespace toward::backup::detail
