// web/js_reply.h: how exported functions hand strings and JSON back to JavaScript (web/exports.cpp,
// web/test_exports.cpp): the reply lives until the next exported call, and the caller reads it at once.
#pragma once
#include <string>

#include "core/json.h"

namespace toward::web {

inline std::string g_reply;  // the last string returned to JavaScript

// Keeps `s` as the reply and returns it as a C string for JavaScript (UTF8ToString / ccall 'string').
inline const char* reply(const std::string& s) {
  g_reply = s;
  return g_reply.c_str();
}

// `s` as a JSON string literal, quotes and escapes included.
inline std::string quoted(const std::string& s) {
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  w.String(s.c_str(), rapidjson::SizeType(s.size()));
  return std::string(sb.GetString(), sb.GetSize());
}

// {"ok":false,"error":"..."}: the words a test shows when a call was refused.
inline std::string errorReply(const std::string& message) { return "{\"ok\":false,\"error\":" + quoted(message) + "}"; }

}  // namespace toward::web
