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

namespace {
// What decodeEnvelope read, for comparing with the start's fast read.
void checkSameAsFullDecode(const std::string& text, const core::DecodedEnvelope& fast) {
  auto full = core::decodeEnvelope(text);
  REQUIRE(full.isOk());
  const auto& a = fast.record;
  const auto& b = full.value().record;
  CHECK(a.type == b.type);
  CHECK(a.id == b.id);
  CHECK(a.schema == b.schema);
  CHECK(a.revision == b.revision);
  CHECK(a.createdMs == b.createdMs);
  CHECK(a.updatedMs == b.updatedMs);
  CHECK(a.body == b.body);
  CHECK(fast.deletedMs == full.value().deletedMs);
}
}  // namespace

TEST_CASE("[codec] the start's fast read takes what encodeEnvelope writes exactly as decodeEnvelope reads it") {
  std::vector<core::StoredRecord> records;
  records.push_back(sample());
  core::StoredRecord edge = sample();
  edge.schema = UINT32_MAX;
  edge.revision = UINT64_MAX;
  edge.createdMs = INT64_MIN + 1;
  edge.updatedMs = 0;
  edge.body = "{}";
  records.push_back(edge);
  core::StoredRecord braces = sample();
  braces.body = R"({"text":"}}\"}}\\","nested":{"a":[{"b":{}}],"c":"{"},"n":-0.5e3})";
  records.push_back(braces);
  for (const auto& r : records) {
    for (int64_t deleted : {int64_t(-1), int64_t(0), int64_t(1764000009000)}) {
      std::string text = core::encodeEnvelope(r, deleted);
      for (bool newline : {true, false}) {
        if (!newline) text.pop_back();
        CAPTURE(text);
        core::DecodedEnvelope fast;
        std::string taken = text;
        REQUIRE(core::readCanonicalEnvelope(taken, fast));
        CHECK(taken.empty());   // its bytes became the body
        checkSameAsFullDecode(text, fast);
        CHECK(fast.record.body == r.body);
      }
    }
  }
}

TEST_CASE("[codec] the start's fast read leaves every other text to the full decoder, untouched") {
  const std::string good = core::encodeEnvelope(sample());
  auto replaced = [&](const std::string& from, const std::string& to) {
    std::string t = good;
    const size_t at = t.find(from);
    REQUIRE(at != std::string::npos);
    return t.replace(at, from.size(), to);
  };
  const std::string head = R"({"toward":"record","format":1,"type":"journal.entry","id":"01ABCDEFGH0123456789",)";
  const std::vector<std::string> others = {
      replaced("\"format\":1", "\"format\": 1"),                      // spaces: valid JSON, not this layout
      replaced("\"format\":1", "\"format\":2"),                       // a sealed record
      replaced("\"format\":1", "\"format\":1.0"),
      replaced("\"revision\":7", "\"revision\":07"),                  // not JSON
      replaced("\"revision\":7", "\"revision\":+7"),
      replaced("\"revision\":7", "\"revision\":7e0"),
      replaced("\"revision\":7", "\"revision\":-7"),                  // out of range for a revision
      replaced("\"revision\":7", "\"revision\":18446744073709551616"),
      replaced("\"schema\":1", "\"schema\":0"),
      replaced("\"schema\":1", "\"schema\":4294967296"),
      replaced("\"createdMs\":1764000000000", "\"createdMs\":9223372036854775808"),
      replaced("\"createdMs\":1764000000000", "\"createdMs\":-9223372036854775808"),   // refused in full too
      replaced("\"id\":\"01ABCDEFGH0123456789\"", "\"id\":\"01ABCDEFGH012345678\\u0039\""),   // an escape
      replaced("\"id\":\"01ABCDEFGH0123456789\"", "\"id\":\"../../x\""),                    // not a record id
      replaced("\"type\":\"journal.entry\"", "\"type\":\"Journal Entry\""),
      replaced("\"updatedMs\":1764000005000,", "\"updatedMs\":1764000005000,\"extra\":1,"),
      replaced("\"updatedMs\":1764000005000,", "\"updatedMs\":1764000005000,\"deletedMs\":-5,"),
      replaced("\"toward\":\"record\",\"format\":1,", "\"format\":1,\"toward\":\"record\","),   // another order
      good.substr(0, good.size() - 2),                                 // the envelope's own end lost
      good.substr(0, good.size() - 1) + " ",
      good + "\n",
      good.substr(0, 40),
      head + R"("schema":1,"revision":1,"createdMs":1,"updatedMs":1,"body":[1]})",
      head + R"("schema":1,"revision":1,"createdMs":1,"updatedMs":1,"body":"{}"})",
      head + R"("schema":1,"revision":1,"createdMs":1,"updatedMs":1,"body":{})",
      "",
  };
  for (const auto& other : others) {
    CAPTURE(other);
    std::string text = other;
    core::DecodedEnvelope out;
    out.record.id = "kept";
    out.deletedMs = 42;
    CHECK_FALSE(core::readCanonicalEnvelope(text, out));
    CHECK(text == other);
    CHECK(out.record.id == "kept");
    CHECK(out.deletedMs == 42);
  }
  std::string huge = good;
  huge.insert(huge.find("{\"text\"") + 1, std::string(core::kMaxRecordBytes, ' '));
  core::DecodedEnvelope out;
  CHECK_FALSE(core::readCanonicalEnvelope(huge, out));
}

TEST_CASE("[codec] the start's fast read takes nothing of a type it is told not to take") {
  const std::string good = core::encodeEnvelope(sample());
  std::string text = good;
  core::DecodedEnvelope out;
  std::string asked;
  CHECK_FALSE(core::readCanonicalEnvelope(text, out, [&](const std::string& type) { asked = type; return false; }));
  CHECK(asked == "journal.entry");
  CHECK(text == good);   // left whole for the full decoder
  CHECK(out.record.id.empty());
  CHECK(core::readCanonicalEnvelope(text, out, [](const std::string&) { return true; }));
  CHECK(out.record.body == sample().body);
}
