// core/json_parse.cpp: canonical JSON text and the cheap number scan (see json_parse.h).
#include "core/json_parse.h"

namespace toward::core {

rapidjson::ParseResult canonicalJson(std::string_view text, std::string& out) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> writer(sb);
  ExactNumbers<rapidjson::Writer<rapidjson::StringBuffer>> numbers{writer};
  auto parsed = parseWithExactNumbers<rapidjson::kParseNoFlags>(text, numbers);
  if (!parsed.IsError()) out.assign(sb.GetString(), sb.GetSize());
  return parsed;
}

bool hasFractionalNumber(std::string_view text) {
  bool inString = false, escaped = false;
  char previous = 0;
  for (char c : text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '.' || ((c == 'e' || c == 'E') && ((previous >= '0' && previous <= '9') || previous == '.'))) {
      return true;   // (the 'e' of true and false follows a letter)
    }
    previous = c;
  }
  return false;
}

}  // namespace toward::core
