// core/record_codec.h: the on-disk form of a record, versioned from the first file.
// A record file is a JSON envelope:
//   {"toward":"record","format":1,"type":"journal.entry","id":"...","schema":1,"revision":3,
//    "createdMs":...,"updatedMs":...,"body":{...}}      (trash files add "deletedMs")
// `format` is the envelope's own version (kEnvelopeFormat); readers accept 1..kEnvelopeFormat and
// refuse newer ones without touching them. Golden files live in tests/fixtures/ forever.
// Format 2 is a sealed record (the vault, core/vault/vault.h): the outer JSON keeps only what is needed
// to open it, and everything else (body, revision, times) is inside "sealed", a format 1 envelope
// encrypted under the vault's key with sealedRecordAd(type, id, schema) as associated data:
//   {"toward":"record","format":2,"type":"journal.entry","id":"...","schema":1,"sealed":"<base64>"}
// A sealed record copied over another one, or into another type, fails to open.
// Side files (whole documents such as safety snapshots) are sealed the same way as
//   {"toward":"sealed-file","format":1,"path":"snapshots/1.json","sealed":"<base64>"}
#pragma once
#include <functional>
#include <string>

#include "core/record.h"
#include "core/record_sealer.h"
#include "core/result.h"

namespace toward::core {

inline constexpr int kEnvelopeFormat = 2;        // the newest format this build reads
inline constexpr int kPlainEnvelopeFormat = 1;
inline constexpr int kSealedEnvelopeFormat = 2;
// Single records larger than this are refused: nobody writes 16 MiB in one entry, but a bad file might.
inline constexpr size_t kMaxRecordBytes = 16u << 20;

// Encodes a record (and, when deletedMs >= 0, its trash time) as envelope text (format 1).
std::string encodeEnvelope(const StoredRecord& record, int64_t deletedMs = -1);
// The same record sealed (format 2).
std::string encodeSealedEnvelope(const StoredRecord& record, int64_t deletedMs, const RecordSealer& sealer);
// The associated data that binds a sealed record to its place: "toward.record.v2|<type>|<id>|<schema>".
std::string sealedRecordAd(const std::string& type, const std::string& id, uint32_t schema);

struct DecodedEnvelope {
  StoredRecord record;
  int64_t deletedMs = -1;  // -1 when not a trash file
};

// Parses envelope text. Invalid (with a plain message) on anything malformed; TooNew when the
// envelope format is newer than this build understands. A sealed record (format 2) is opened with
// `sealer`; without one it is Locked, and one that does not open (another key, or moved or swapped
// from another place) is Locked with a plain message. Nothing else is affected.
Result<DecodedEnvelope> decodeEnvelope(const std::string& text, const RecordSealer* sealer = nullptr);

// The start's fast way (RecordStore::load): reads `text` only when it is in exactly the layout
// encodeEnvelope writes (format 1, members in its order, no spaces, plain strings, integers as it writes
// them, then "body":{...}} and at most one newline). The body is not parsed: it is everything between
// "body": and the last '}', and the envelope is valid JSON exactly when that is one JSON object, which the
// caller must then check (a type's reader does, RecordType::read). Type and id are checked as
// decodeEnvelope checks them. On success the text is taken: its own bytes become the body (no copy), and
// `text` is left empty. `accept`, when given, is asked with the type once it is read: false, like anything
// not in this layout, returns false with `text` and `out` left as they were (decodeEnvelope then reads the
// file and says what is wrong).
bool readCanonicalEnvelope(std::string& text, DecodedEnvelope& out,
                           const std::function<bool(const std::string& type)>& accept = {});

// True when `text` is a sealed record or side file (cheap: looks at the start only).
bool isSealedText(const std::string& text);

// Side files: seals a whole document kept at `relPath` under the data folder, and opens it again
// (the path is the associated data: a sealed file moved elsewhere fails to open). decodeSideFile
// returns plain text unchanged.
std::string encodeSealedSideFile(const std::string& relPath, const std::string& text, const RecordSealer& sealer);
Result<std::string> decodeSideFile(const std::string& relPath, const std::string& text, const RecordSealer* sealer);

// Re-writes JSON object text compactly; Invalid if it is not a JSON object.
Result<std::string> compactJsonObject(const std::string& text);

}  // namespace toward::core
