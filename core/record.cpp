// core/record.cpp: id rules for records and record types.
#include "core/record.h"

namespace toward::core {

bool isValidRecordId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool isValidTypeId(const std::string& type) {
  if (type.empty() || type.size() > 64 || type.front() == '.' || type.back() == '.') return false;
  bool dot = false;
  for (char c : type) {
    if (c == '.') { dot = true; continue; }
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return dot;
}

}  // namespace toward::core
