// tests/core/json_parse_test.cpp: JSON numbers are read by core/json_parse.h, never by Debian's rapidjson 1.1
// number conversion (undefined behaviour for a zero with a huge exponent: the sanitizer build stops on it):
// int64, uint64 and doubles round-trip exactly through every parser of the core, the golden files read
// the same, and a number too big for a double is refused as before.
#include <doctest/doctest.h>

#include <cstring>
#include <limits>
#include <string>

#include "core/backup/backup_document.h"
#include "core/json_parse.h"
#include "core/record_codec.h"
#include "core/serialization.h"
#include "test_support.h"

using namespace toward;

namespace {

struct Num {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;
  double x = 1.0;
  int64_t i = 0;
  template <class A> void save(A& a) const { a(cereal::make_nvp("x", x), cereal::make_nvp("i", i)); }
  template <class A> void load(A& a, uint32_t) {
    a(cereal::make_nvp("x", x));
    core::optionalField(a, "i", i);
  }
};

uint64_t bits(double d) {
  uint64_t b = 0;
  std::memcpy(&b, &d, sizeof b);
  return b;
}

double parsedDouble(const std::string& number) {
  rapidjson::Document doc;
  REQUIRE_FALSE(core::parseJson(doc, "[" + number + "]").IsError());
  return doc[0].GetDouble();
}

// Zeros written so that rapidjson 1.1's full-precision parser misses its fast path and reaches
// __builtin_clzll(0) (internal/diyfp.h) and a negative shift (internal/strtod.h).
// (Exponents past 308 are refused by rapidjson's grammar before any conversion, as "too big".)
const char* const kFaultyZeros[] = {"0e-30", "0.0e-300", "-0e-30", "0.00000000000000000000000000000000000", "0e-324",
                                    "0.000E-99"};

// What the core wrote before json_parse.h: rapidjson's full-precision DOM, written back compactly.
std::string oldCompact(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseFullPrecisionFlag>(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  rapidjson::StringBuffer sb;
  rapidjson::Writer<rapidjson::StringBuffer> w(sb);
  doc.Accept(w);
  return std::string(sb.GetString(), sb.GetSize());
}

}  // namespace

TEST_CASE("[json] integers and doubles round-trip exactly") {
  rapidjson::Document doc;
  REQUIRE_FALSE(core::parseJson(doc, R"([-9223372036854775808,9223372036854775807,18446744073709551615,0,-0,7])").IsError());
  CHECK(doc[0].GetInt64() == std::numeric_limits<int64_t>::min());
  CHECK(doc[1].GetInt64() == std::numeric_limits<int64_t>::max());
  CHECK(doc[2].GetUint64() == std::numeric_limits<uint64_t>::max());
  CHECK(doc[3].IsInt());
  CHECK(doc[4].GetInt() == 0);
  CHECK(doc[5].IsUint());
  const double values[] = {0.1, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 1e23, 9007199254740993.0,
                           0.30000000000000004, 123456.789e-10, -2.5e-7};
  for (double v : values) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", v);
    CHECK_MESSAGE(bits(parsedDouble(text)) == bits(v), text);
    // And back through the canonical text (what compactJsonObject writes, what cereal is given).
    auto compact = core::compactJsonObject(std::string(R"({"x":)") + text + "}");
    REQUIRE(compact.isOk());
    auto loaded = core::loadBody<Num>(compact.value(), 1);
    REQUIRE(loaded.isOk());
    CHECK_MESSAGE(bits(loaded.value().x) == bits(v), text);
  }
  CHECK(bits(parsedDouble("-0.0")) == bits(-0.0));   // ("-0" is the integer 0, as rapidjson reads it)
  CHECK(core::compactJsonObject(R"({"x":-0.0})").value() == R"({"x":-0.0})");
  CHECK(parsedDouble("18446744073709551616") == 18446744073709551616.0);   // past uint64: a double, as before
  auto big = core::loadBody<Num>(R"({"x":2.5,"i":-9223372036854775808})", 1);
  REQUIRE(big.isOk());
  CHECK(big.value().i == std::numeric_limits<int64_t>::min());
  CHECK(big.value().x == 2.5);
}

TEST_CASE("[json] a zero with a huge exponent reads as zero everywhere, without rapidjson's faulty path") {
  for (const char* zeroText : kFaultyZeros) {
    const std::string zero = zeroText;
    CAPTURE(zero);
    CHECK(parsedDouble(zero) == 0.0);
    const std::string body = R"({"x":)" + zero + R"(,"i":3})";
    auto loaded = core::loadBody<Num>(body, 1);
    REQUIRE(loaded.isOk());
    CHECK(loaded.value().x == 0.0);
    CHECK(loaded.value().i == 3);
    CHECK(core::compactJsonObject(body).isOk());
    const std::string envelope = R"({"toward":"record","format":1,"type":"a.b","id":"x1","schema":1,"revision":)" +
                                 std::string("1,\"createdMs\":1,\"updatedMs\":2,\"body\":") + body + "}";
    auto decoded = core::decodeEnvelope(envelope);
    REQUIRE(decoded.isOk());
    CHECK(decoded.value().record.body == body);   // the body's bytes as they were
    const std::string document = R"({"toward":"backup","format":1,"createdMs":)" + zero +
                                 R"(,"records":[],"trash":[]})";
    CHECK_FALSE(backup::parseDocument(document).isOk());   // not an integer: refused plainly, no fault
  }
}

TEST_CASE("[json] a number too big for a double is refused, as rapidjson refused it") {
  CHECK_FALSE(core::compactJsonObject(R"({"x":1e400})").isOk());
  CHECK_FALSE(core::loadBody<Num>(R"({"x":1e400})", 1).isOk());
  const std::string envelope = R"({"toward":"record","format":1,"type":"a.b","id":"x1","schema":1,"revision":1,)"
                               R"("createdMs":1,"updatedMs":2,"body":{"x":-1e400}})";
  auto decoded = core::decodeEnvelope(envelope);
  REQUIRE_FALSE(decoded.isOk());
  CHECK(decoded.error().message().find("damaged") != std::string::npos);
  rapidjson::Document doc;
  CHECK(core::parseJson(doc, "[1e400]").Code() == rapidjson::kParseErrorNumberTooBig);
  // NaN and Infinity stay accepted where they always were (the vault's own files), and nowhere else.
  CHECK_FALSE(core::parseJson<rapidjson::kParseNanAndInfFlag>(doc, "[NaN,Infinity,-Infinity]").IsError());
  CHECK(std::isinf(doc[1].GetDouble()));
  CHECK_FALSE(core::compactJsonObject(R"({"x":NaN})").isOk());
}

TEST_CASE("[json] the number scan finds fractions and exponents outside strings only") {
  CHECK_FALSE(core::hasFractionalNumber(R"({"a":"1.5e3","b":true,"c":false,"d":-12})"));
  CHECK(core::hasFractionalNumber(R"({"a":1.5})"));
  CHECK(core::hasFractionalNumber(R"({"a":1e5})"));
  CHECK(core::hasFractionalNumber(R"({"a":"\"","b":2E-3})"));
}

TEST_CASE("[json] the golden files read and write back byte for byte, as before") {
  const std::string envelope = test::fixture("envelope.v1.json");
  auto decoded = core::decodeEnvelope(envelope);
  REQUIRE(decoded.isOk());
  CHECK(core::encodeEnvelope(decoded.value().record, decoded.value().deletedMs) == envelope);
  for (const char* name : {"journal.entry.v1.json", "letters.letter.v1.json", "letters.revision.v1.json",
                           "texture.session.v1.json", "texture.object.v1.json", "core.settings.v4.json",
                           "core.distress_scale.v1.json", "core.backup_state.v1.json", "safety_plan.plan.v1.json"}) {
    const std::string fileName = name;
    CAPTURE(fileName);
    const std::string body = test::fixture(name);
    auto compact = core::compactJsonObject(body);
    REQUIRE(compact.isOk());
    CHECK(compact.value() == oldCompact(body));
  }
  const std::string golden = test::fixture("backup.v1.json");
  auto doc = backup::parseDocument(golden);
  REQUIRE(doc.isOk());
  auto again = backup::parseDocument(backup::encodeDocument(doc.value()));
  REQUIRE(again.isOk());
  CHECK(backup::encodeDocument(again.value()) == backup::encodeDocument(doc.value()));
}
