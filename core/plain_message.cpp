// core/plain_message.cpp: see plain_message.h.
#include "core/plain_message.h"

#include <cctype>

namespace toward::core {

namespace {

constexpr const char* kMarkers[] = {"/data/", "/tmp/", "Error", "error", "errno", "Exception", "exception", "JSON",
                                    "NVP", " at character ", "Quota", "work factor", "base64", "scrypt", "DOM", "0x",
                                    "EIO", "ENOSPC", "null", "undefined", "Missing a ", "stanza"};

constexpr const char* kReassurance =
    " Your words are still here on screen, and what was stored before is safe. You can try again in a moment.";

bool hasMarker(const std::string& s) {
  for (const char* m : kMarkers) {
    if (s.find(m) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

bool isMachineText(const std::string& message) {
  return !message.empty() && hasMarker(message);
}

PersonMessage forPerson(const std::string& message) {
  if (!isMachineText(message)) return {message, ""};
  // A plain first part before the machine text stays the headline.
  const size_t cut = message.find_first_of(":(");
  if (cut != std::string::npos && cut > 0) {
    std::string head = message.substr(0, cut);
    while (!head.empty() && (head.back() == ' ' || head.back() == ',')) head.pop_back();
    if (!head.empty() && std::isupper(static_cast<unsigned char>(head[0])) && !hasMarker(head)) {
      return {head + "." + kReassurance, message};
    }
  }
  return {std::string("This could not be done just now.") + kReassurance, message};
}

}  // namespace toward::core
