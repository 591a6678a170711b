// plugins/journal/feelings_vocabulary.h: the journal's built-in words. A rich feelings vocabulary
// (families such as sad, afraid, angry, ashamed, lonely, longing, hurt, numb, glad, calm, loving), each
// word with a plain one-line meaning, and the short lists a fork entry chooses from: body areas, urges,
// directions, where compassion came from, and entry kinds. Words are stored in records as written here
// (lower case); anything else a person types is kept as their own word.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace toward::journal {

struct FeelingWord {
  const char* word;        // e.g. "forlorn"
  const char* meaning;     // one plain line, e.g. "sad and left alone, with no one coming"
};

struct FeelingFamily {
  const char* id;          // e.g. "sad"
  const char* name;        // shown as a heading, e.g. "Sad"
  std::vector<FeelingWord> words;
};

// Every family, in the order they are offered.
const std::vector<FeelingFamily>& feelingFamilies();
// Number of built-in feeling words across every family.
size_t feelingWordCount();
// The built-in word (compared case- and accent-insensitively), or nullptr for one's own word.
const FeelingWord* findFeeling(std::string_view word);
// The family id of a built-in word, or "" for one's own word.
std::string feelingFamilyOf(std::string_view word);

// A choice in a short list: the value stored in the record and the words shown.
struct Choice {
  const char* value;       // stored, e.g. "toward"
  const char* label;       // shown, e.g. "Toward it"
  const char* hint;        // one quiet line, may be ""
};

// Places in the body a feeling can sit (a simple list of areas).
const std::vector<Choice>& bodyAreas();
// What one may want to do to make the feeling stop.
const std::vector<Choice>& builtInUrges();
// "toward" | "away" | "both" | "unsure".
const std::vector<Choice>& directions();
// "myself" | "therapist" | "someone" | "notyet".
const std::vector<Choice>& compassionSources();
// "free" | "fork" | "session" | "words".
const std::vector<Choice>& entryKinds();
// The label of `value` in `choices`, or `value` itself when it is not there (one's own words).
std::string labelOf(const std::vector<Choice>& choices, std::string_view value);

}  // namespace toward::journal
