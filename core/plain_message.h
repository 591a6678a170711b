// core/plain_message.h: what a person reads when something could not be done. Messages Toward writes
// for people pass through as they are; raw machine text (a browser's QuotaExceededError, a parser's
// "Missing a comma or '}'", "could not write /data/records/...: Input/output error") never becomes the
// headline: it is replaced by a plain sentence saying what happened to their words and what they can
// do, and kept as the detail behind a "Details" control (core/ui/details.h), for someone helping them.
#pragma once
#include <string>

namespace toward::core {

struct PersonMessage {
  std::string plain;   // the sentence shown
  std::string detail;  // the technical text behind "Details"; empty when there is none
};

// True when `message` carries machine text: a path, an error or exception name, a parser's words.
bool isMachineText(const std::string& message);

// The plain sentence for `message` and, when it was machine text, the original as its detail. A plain
// first part ("This journal entry could not be saved: <parser text>") is kept as the headline.
PersonMessage forPerson(const std::string& message);

}  // namespace toward::core
