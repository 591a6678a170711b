// core/record_type.h: how a plugin describes a kind of record to the core (OBS's obs_source_info,
// ImGui's ImGuiSettingsHandler). The core owns persistence; the plugin owns the meaning of a body.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "core/serialization.h"

namespace toward::core {

struct RecordType {
  std::string id;           // stable forever, e.g. "letters.letter"
  std::string noun;         // how people call one of these, e.g. "letter" (used in messages)
  uint32_t schema = 1;      // the body version this build writes
  uint32_t minSchema = 1;   // the oldest body version this build reads
  // Reads a body written with `schema` and returns it in the current schema's canonical form.
  std::function<Result<std::string>(const std::string& body, uint32_t schema)> normalize;
  // Whether a body written with `schema` reads as this type. The store asks it of every record it loads:
  // a body that does not (e.g. "text": 12345) is damaged, reported and kept as it is. Empty: normalize.
  std::function<Status(const std::string& body, uint32_t schema)> check;
  // Optional, for a type a model shows at start (the journal): checks a body as `check` does and returns
  // what it read, which the store keeps for the model (RecordStore::takeRead), so each body is parsed once
  // at load. An error: the body does not read as this type. What it makes is the model's to name.
  std::function<Result<std::shared_ptr<void>>(const std::string& body, uint32_t schema)> read;
  // A short line naming a record for lists such as the trash, e.g. its title or first words.
  std::function<std::string(const std::string& body, uint32_t schema)> describe;
  // Only for a record the person chose to keep readable while the vault is locked (the safety plan):
  // true when this body asks for that. Its live file is then written unsealed, and the locked app may
  // read it (RecordStore::readWhileLocked); its trash copy and backups stay sealed. Empty for every other
  // type: nothing else is ever left unsealed.
  std::function<bool(const std::string& body, uint32_t schema)> readableWhileLocked;
};

// Builds a RecordType from a body type T (see serialization.h) and a describe function over T.
template <class T>
RecordType makeRecordType(std::string id, std::string noun, std::function<std::string(const T&)> describe) {
  RecordType t;
  t.id = std::move(id);
  t.noun = std::move(noun);
  t.schema = T::kSchema;
  t.minSchema = T::kMinSchema;
  t.normalize = [](const std::string& body, uint32_t schema) { return normalizeBody<T>(body, schema); };
  t.check = [](const std::string& body, uint32_t schema) -> Status {
    auto v = loadBody<T>(body, schema);
    return v ? Status::ok() : v.error();
  };
  t.describe = [describe](const std::string& body, uint32_t schema) -> std::string {
    auto v = loadBody<T>(body, schema);
    return v ? describe(v.value()) : std::string();
  };
  return t;
}

}  // namespace toward::core
