// tests/core/record_codec_test.cpp: the record envelope, versioned from the first file.
#include <doctest/doctest.h>

#include "core/record_codec.h"
#include "test_support.h"

using namespace toward;

namespace {
core::StoredRecord sample() {
  core::StoredRecord r;
  r.type = "journal.entry";
  r.id = "01ABCDEFGH0123456789";
  r.schema = 1;
  r.revision = 7;
  r.createdMs = 1764000000000;
  r.updatedMs = 1764000005000;
  r.body = R"({"text":"Zoë said \"hello\"\nκαλημέρα, привет 🌿"})";
  return r;
}
}  // namespace

TEST_CASE("[codec] a record survives encoding and decoding exactly") {
  auto decoded = core::decodeEnvelope(core::encodeEnvelope(sample()));
  REQUIRE(decoded.isOk());
  const auto& r = decoded.value().record;
  CHECK(r.type == "journal.entry");
  CHECK(r.id == "01ABCDEFGH0123456789");
  CHECK(r.revision == 7);
  CHECK(r.createdMs == 1764000000000);
  CHECK(r.updatedMs == 1764000005000);
  CHECK(r.body == sample().body);
  CHECK(decoded.value().deletedMs == -1);
}

TEST_CASE("[codec] trash envelopes carry the deletion time") {
  auto decoded = core::decodeEnvelope(core::encodeEnvelope(sample(), 1764000009000));
  REQUIRE(decoded.isOk());
  CHECK(decoded.value().deletedMs == 1764000009000);
}

TEST_CASE("[codec] golden envelope format 1 still reads") {
  auto decoded = core::decodeEnvelope(test::fixture("envelope.v1.json"));
  REQUIRE(decoded.isOk());
  CHECK(decoded.value().record.type == "journal.entry");
  CHECK(decoded.value().record.id == "01KAYGQ4E0K7W3J9P2QX");
  CHECK(decoded.value().record.revision == 3);
  CHECK(decoded.value().record.body.find("stayed with it") != std::string::npos);
}

TEST_CASE("[codec] a newer envelope format is refused as too new, not as damage") {
  std::string text = core::encodeEnvelope(sample());
  text.replace(text.find("\"format\":1"), 10, "\"format\":3");
  auto decoded = core::decodeEnvelope(text);
  REQUIRE_FALSE(decoded.isOk());
  CHECK(decoded.error().code() == core::ErrorCode::TooNew);
}

TEST_CASE("[codec] damaged envelopes are refused with a plain message") {
  const std::string good = core::encodeEnvelope(sample());
  SUBCASE("truncated") { CHECK_FALSE(core::decodeEnvelope(good.substr(0, good.size() / 2)).isOk()); }
  SUBCASE("empty") { CHECK_FALSE(core::decodeEnvelope("").isOk()); }
  SUBCASE("not ours") { CHECK_FALSE(core::decodeEnvelope(R"({"hello":"world"})").isOk()); }
  SUBCASE("bad id") {
    std::string t = good;
    t.replace(t.find("01ABCDEFGH"), 10, "../../etc/");
    CHECK_FALSE(core::decodeEnvelope(t).isOk());
  }
  SUBCASE("body is not an object") {
    CHECK_FALSE(core::decodeEnvelope(R"({"toward":"record","format":1,"type":"a.b","id":"x","schema":1,"revision":1,"createdMs":0,"updatedMs":0,"body":[1]})").isOk());
  }
  SUBCASE("absurd numbers") {
    CHECK_FALSE(core::decodeEnvelope(R"({"toward":"record","format":1,"type":"a.b","id":"x","schema":-1,"revision":1,"createdMs":0,"updatedMs":0,"body":{}})").isOk());
    CHECK_FALSE(core::decodeEnvelope(R"({"toward":"record","format":1,"type":"a.b","id":"x","schema":1,"revision":1e300,"createdMs":0,"updatedMs":0,"body":{}})").isOk());
  }
  SUBCASE("too large") { CHECK_FALSE(core::decodeEnvelope(std::string(core::kMaxRecordBytes + 1, ' ')).isOk()); }
}

TEST_CASE("[codec] hand-formatted envelopes read, and anything after the record is refused") {
  const std::string pretty = "{\n  \"toward\": \"record\", \"format\": 1, \"type\": \"journal.entry\",\n"
                             "  \"id\": \"abc\", \"schema\": 1, \"revision\": 2, \"createdMs\": 5, \"updatedMs\": 6,\n"
                             "  \"body\": { \"text\": \"a } brace, \\\"quoted\\\"\", \"tags\": [\"x\"] }\n}\n";
  auto decoded = core::decodeEnvelope(pretty);
  REQUIRE(decoded.isOk());
  CHECK(decoded.value().record.body == "{ \"text\": \"a } brace, \\\"quoted\\\"\", \"tags\": [\"x\"] }");
  CHECK_FALSE(core::decodeEnvelope(pretty + "{}").isOk());
  CHECK_FALSE(core::decodeEnvelope(core::encodeEnvelope(sample()) + "garbage").isOk());
  // two bodies, or a nested object outside the body, are not ours
  CHECK_FALSE(core::decodeEnvelope(R"({"toward":"record","format":1,"type":"a.b","id":"x","schema":1,"revision":1,"createdMs":0,"updatedMs":0,"body":{},"body":{}})").isOk());
  CHECK_FALSE(core::decodeEnvelope(R"({"toward":"record","format":1,"type":"a.b","id":"x","schema":1,"revision":1,"createdMs":0,"updatedMs":0,"extra":{},"body":{}})").isOk());
}
