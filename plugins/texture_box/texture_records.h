// plugins/texture_box/texture_records.h: the texture box's record bodies and the small pure pieces
// around them (vocabularies, photo limits, base64). Schema 1 of each is kept forever
// (golden files: tests/fixtures/texture.object.v1.json, texture.photo.v1.json, texture.session.v1.json).
//   texture.object   one soothing object of the person's box (text only, so saving it stays small)
//   texture.photo    its photo: JPEG bytes, base64, in a record of its own (the object names it)
//   texture.session  one grounding session: distress before and after, the object, how long
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/platform/platform.h"
#include "core/serialization.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace toward::texture_box {

inline constexpr const char* kObjectType = "texture.object";
inline constexpr const char* kPhotoType = "texture.photo";
inline constexpr const char* kSessionType = "texture.session";

struct TextureObject {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string name;
  std::string description;            // a short description
  std::vector<std::string> textures;  // from textureVocabulary() and the person's own words
  std::vector<std::string> senses;    // "touch" | "smell" | "sound" | "sight" | "taste"
  std::string keptWhere;              // where it is kept
  std::string helpsWith;              // what it tends to help with, in free words
  std::vector<std::string> helpTags;  // ... and as tags
  std::string notes;
  bool favourite = false;
  double order = 0;                   // position in the box (smaller first); reordering changes it
  std::string photoId;                // id of its texture.photo record, "" = no photo

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("name", name), cereal::make_nvp("description", description),
       cereal::make_nvp("textures", textures), cereal::make_nvp("senses", senses),
       cereal::make_nvp("keptWhere", keptWhere), cereal::make_nvp("helpsWith", helpsWith),
       cereal::make_nvp("helpTags", helpTags), cereal::make_nvp("notes", notes),
       cereal::make_nvp("favourite", favourite), cereal::make_nvp("order", order),
       cereal::make_nvp("photoId", photoId));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "name", name);
    core::optionalField(ar, "description", description);
    core::optionalField(ar, "textures", textures);
    core::optionalField(ar, "senses", senses);
    core::optionalField(ar, "keptWhere", keptWhere);
    core::optionalField(ar, "helpsWith", helpsWith);
    core::optionalField(ar, "helpTags", helpTags);
    core::optionalField(ar, "notes", notes);
    core::optionalField(ar, "favourite", favourite);
    core::optionalField(ar, "order", order);
    core::optionalField(ar, "photoId", photoId);
    sanitize();
  }
  // Drops empty and repeated words, and senses outside the five.
  void sanitize();
};

struct TexturePhoto {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string objectId;               // the object it shows (for the trash and exports)
  std::string mime = "image/jpeg";
  uint32_t width = 0, height = 0;
  std::string data;                   // base64 of the image bytes

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("objectId", objectId), cereal::make_nvp("mime", mime), cereal::make_nvp("width", width),
       cereal::make_nvp("height", height), cereal::make_nvp("data", data));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "objectId", objectId);
    core::optionalField(ar, "mime", mime);
    core::optionalField(ar, "width", width);
    core::optionalField(ar, "height", height);
    core::optionalField(ar, "data", data);
  }
};

struct GroundingSession {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  int64_t timeMs = 0;                 // when it started
  std::string objectId;               // "" = no object (breath only)
  std::string objectName;             // its name then (kept if the object is deleted later)
  uint32_t plannedSeconds = 0;        // the length chosen
  uint32_t secondsSpent = 0;          // how long it really went (stopping early is fine)
  int32_t distressBefore = -1;        // 0-100, -1 = not rated
  int32_t distressAfter = -1;         // 0-100, -1 = not rated
  std::string note;

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("timeMs", timeMs), cereal::make_nvp("objectId", objectId),
       cereal::make_nvp("objectName", objectName), cereal::make_nvp("plannedSeconds", plannedSeconds),
       cereal::make_nvp("secondsSpent", secondsSpent), cereal::make_nvp("distressBefore", distressBefore),
       cereal::make_nvp("distressAfter", distressAfter), cereal::make_nvp("note", note));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "timeMs", timeMs);
    core::optionalField(ar, "objectId", objectId);
    core::optionalField(ar, "objectName", objectName);
    core::optionalField(ar, "plannedSeconds", plannedSeconds);
    core::optionalField(ar, "secondsSpent", secondsSpent);
    core::optionalField(ar, "distressBefore", distressBefore);
    core::optionalField(ar, "distressAfter", distressAfter);
    core::optionalField(ar, "note", note);
    sanitize();
  }
  // Ratings outside 0..100 become "not rated" (-1).
  void sanitize();
  // Both ratings are there, so the change can be counted.
  bool rated() const { return distressBefore >= 0 && distressAfter >= 0; }
};

// The built-in texture words, in the order they are offered.
const std::vector<std::string>& textureVocabulary();
// The five senses, in the order they are offered.
const std::vector<std::string>& senseVocabulary();
// Session lengths offered, in minutes.
const std::vector<uint32_t>& sessionMinutes();

// [photos]
// The limits pickImage gets: stored pictures at most 512 px on the long side; a chosen file over
// 20 MB, or over 10,000 px on a side, is kindly refused.
core::ImageLimits photoLimits();
// "" when a picked picture can be kept; otherwise a kind message saying why not and what may work
// (nothing is changed). Checks the limits again (the browser checked them first) and the result.
std::string photoProblem(const core::PickedImage& image, const core::ImageLimits& limits = photoLimits());
// Standard base64 (with padding) and back; decode returns false on anything that is not base64.
std::string base64Encode(const std::string& bytes);
bool base64Decode(const std::string& text, std::string& out);

}  // namespace toward::texture_box
