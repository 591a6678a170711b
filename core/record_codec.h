// core/record_codec.h: the on-disk form of a record, versioned from the first file.
// A record file is a JSON envelope:
//   {"toward":"record","format":1,"type":"journal.entry","id":"...","schema":1,"revision":3,
//    "createdMs":...,"updatedMs":...,"body":{...}}      (trash files add "deletedMs")
// `format` is the envelope's own version (kEnvelopeFormat); readers accept 1..kEnvelopeFormat and
// refuse newer ones without touching them. Golden files live in tests/fixtures/ forever.
#pragma once
#include <string>

#include "core/record.h"
#include "core/result.h"

namespace toward::core {

inline constexpr int kEnvelopeFormat = 1;
// Single records larger than this are refused: nobody writes 16 MiB in one entry, but a bad file might.
inline constexpr size_t kMaxRecordBytes = 16u << 20;

// Encodes a record (and, when deletedMs >= 0, its trash time) as envelope text.
std::string encodeEnvelope(const StoredRecord& record, int64_t deletedMs = -1);

struct DecodedEnvelope {
  StoredRecord record;
  int64_t deletedMs = -1;  // -1 when not a trash file
};

// Parses envelope text. Invalid (with a plain message) on anything malformed; TooNew when the
// envelope format is newer than this build understands.
Result<DecodedEnvelope> decodeEnvelope(const std::string& text);

// Re-writes JSON object text compactly; Invalid if it is not a JSON object.
Result<std::string> compactJsonObject(const std::string& text);

}  // namespace toward::core
