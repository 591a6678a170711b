// core/json_parse.h: reading JSON without rapidjson's own number conversion. Debian's rapidjson 1.1 has
// undefined behaviour in its full-precision number parser for some inputs (a zero written with a huge
// exponent or many digits: __builtin_clzll(0) in internal/diyfp.h, then a negative shift in
// internal/strtod.h; fixed upstream after 1.1). So rapidjson only checks the grammar and hands every number
// over as text (kParseNumbersAsStringsFlag), and the number is read here: integers exactly as int64/uint64
// (std::from_chars), anything else with strtod (correctly rounded in glibc and in the browser build's musl;
// nothing here changes the C locale, so the decimal point is '.'), which gives the same double as
// rapidjson's full-precision parser. Every parse of JSON text in the core goes through here; cereal's own
// parser (core/serialization.h) is only ever given text whose numbers were re-written by canonicalJson.
#pragma once
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/json.h"

namespace toward::core {

// Reads one number's text as rapidjson hands it over and passes it to `h` as Int64, Uint64 or Double.
// False (and tooBig set) for a number too large for a double, as rapidjson refuses it.
template <class Handler>
bool readJsonNumber(const char* s, size_t n, Handler& h, bool& tooBig) {
  const std::string_view text(s, n);
  const char* end = s + n;
  if (text.find_first_of(".eEIN") == std::string_view::npos) {
    if (n > 0 && s[0] == '-') {
      int64_t i = 0;
      if (auto r = std::from_chars(s, end, i); r.ec == std::errc() && r.ptr == end) return h.Int64(i);
    } else {
      uint64_t u = 0;
      if (auto r = std::from_chars(s, end, u); r.ec == std::errc() && r.ptr == end) return h.Uint64(u);
    }
  }
  const std::string terminated(text);   // strtod needs the end marked
  const double x = std::strtod(terminated.c_str(), nullptr);
  if (std::isinf(x) && text.find('I') == std::string_view::npos) {   // "Infinity" only with kParseNanAndInfFlag
    tooBig = true;
    return false;
  }
  return h.Double(x);
}

// A SAX handler that passes everything on to `inner` (a rapidjson Document or Writer, or any handler with
// Int64/Uint64/Double), reading numbers with readJsonNumber.
template <class Inner>
struct ExactNumbers {
  Inner& inner;
  bool tooBig = false;
  bool Null() { return inner.Null(); }
  bool Bool(bool b) { return inner.Bool(b); }
  bool Int(int i) { return inner.Int64(i); }
  bool Uint(unsigned u) { return inner.Uint64(u); }
  bool Int64(int64_t i) { return inner.Int64(i); }
  bool Uint64(uint64_t u) { return inner.Uint64(u); }
  bool Double(double x) { return inner.Double(x); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) { return readJsonNumber(s, n, inner, tooBig); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return inner.String(s, n, copy); }
  bool StartObject() { return inner.StartObject(); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return inner.Key(s, n, copy); }
  bool EndObject(rapidjson::SizeType members) { return inner.EndObject(members); }
  bool StartArray() { return inner.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return inner.EndArray(elements); }
};

// The flags every parse here adds (numbers as text); a number too big reads as kParseErrorNumberTooBig.
inline constexpr unsigned kNumbersAsText = rapidjson::kParseNumbersAsStringsFlag;

// Runs `reader` over `text` into `handler` (an ExactNumbers) with `flags` | kNumbersAsText.
template <unsigned flags, class Handler>
rapidjson::ParseResult parseWithExactNumbers(std::string_view text, Handler& handler) {
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> stream(memory);
  rapidjson::Reader reader;
  rapidjson::ParseResult parsed = reader.Parse<flags | kNumbersAsText>(stream, handler);
  if (parsed.IsError() && handler.tooBig) parsed.Set(rapidjson::kParseErrorNumberTooBig, parsed.Offset());
  return parsed;
}

// Parses `text` into `doc` (the whole text must be one JSON value). `flags`: rapidjson parse flags, e.g.
// kParseNanAndInfFlag where NaN and Infinity were always accepted, kParseIterativeFlag for deep input.
template <unsigned flags = rapidjson::kParseNoFlags>
rapidjson::ParseResult parseJson(rapidjson::Document& doc, std::string_view text) {
  rapidjson::ParseResult parsed;
  ExactNumbers<rapidjson::Document> numbers{doc};
  auto generate = [&](rapidjson::Document&) {
    parsed = parseWithExactNumbers<flags>(text, numbers);
    return !parsed.IsError();
  };
  doc.Populate(generate);
  return parsed;
}

// `text` re-written compactly, numbers in rapidjson's canonical form (shortest round-trip doubles), into
// `out`; the parse error otherwise (`out` is then unspecified).
rapidjson::ParseResult canonicalJson(std::string_view text, std::string& out);

// True when `text` has a number with a fraction or an exponent outside its strings (cheap: one pass, no
// parse). Only such numbers can reach rapidjson's faulty conversion; text without them is safe for cereal.
bool hasFractionalNumber(std::string_view text);

}  // namespace toward::core
