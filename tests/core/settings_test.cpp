// tests/core/settings_test.cpp: the settings record, its ranges and its golden file.
#include <doctest/doctest.h>

#include "core/settings.h"
#include "test_support.h"

using namespace toward;

TEST_CASE("[settings] golden schema 1 reads") {
  auto s = core::loadBody<core::Settings>(test::fixture("core.settings.v1.json"), 1);
  REQUIRE(s.isOk());
  CHECK(s.value().theme == "dark");
  CHECK(s.value().textPercent == 125);
  CHECK(s.value().reducedMotion == "on");
  CHECK(s.value().weekStart == "monday");  // not in schema 1: the default
}

TEST_CASE("[settings] golden schema 2 reads, with the week start") {
  auto s = core::loadBody<core::Settings>(test::fixture("core.settings.v2.json"), 2);
  REQUIRE(s.isOk());
  CHECK(s.value().theme == "light");
  CHECK(s.value().weekStart == "sunday");
}

TEST_CASE("[settings] out-of-range values are brought back into range, missing ones get defaults") {
  auto s = core::loadBody<core::Settings>(R"({"theme":"neon","textPercent":5000})", 1);
  REQUIRE(s.isOk());
  CHECK(s.value().theme == "system");
  CHECK(s.value().textPercent == 200);
  CHECK(s.value().reducedMotion == "system");
}

TEST_CASE("[settings] golden schema 4 reads check-ins turned off; older schemas read them on") {
  auto s = core::loadBody<core::Settings>(test::fixture("core.settings.v4.json"), 4);
  REQUIRE(s.isOk());
  CHECK_FALSE(s.value().checkIns);
  CHECK(s.value().passphraseOfferAnswered);
  CHECK(s.value().textPercent == 120);
  CHECK(core::loadBody<core::Settings>(test::fixture("core.settings.v3.json"), 3).value().checkIns);
}

TEST_CASE("[settings] a newer schema is refused, a wrong field type is an error") {
  CHECK(core::loadBody<core::Settings>("{}", 6).error().code() == core::ErrorCode::TooNew);
  CHECK(core::loadBody<core::Settings>(R"({"textPercent":"big"})", 1).error().code() == core::ErrorCode::Invalid);
}

TEST_CASE("[settings] golden schema 3 reads, with the page quick hide opens; only plain web addresses are kept") {
  auto s = core::loadBody<core::Settings>(test::fixture("core.settings.v3.json"), 3);
  REQUIRE(s.isOk());
  CHECK(s.value().weekStart == "sunday");
  CHECK(s.value().quickHideUrl == "https://www.example.org/weather");
  CHECK(core::loadBody<core::Settings>(test::fixture("core.settings.v2.json"), 2).value().quickHideUrl.empty());
  CHECK(core::isQuickHideUrl("http://news.example"));
  for (const char* bad : {"javascript:alert(1)", "https://", "ftp://x.example", "https://a b", "https://x\"y", "data:text/html,x"}) {
    CHECK_FALSE(core::isQuickHideUrl(bad));
    core::Settings kept;
    kept.quickHideUrl = bad;
    kept.clamp();
    CHECK(kept.quickHideUrl.empty());
  }
}

TEST_CASE("[settings] golden schema 5 reads \"On this day\" turned off; older schemas read it on") {
  auto s = core::loadBody<core::Settings>(test::fixture("core.settings.v5.json"), 5);
  REQUIRE(s.isOk());
  CHECK_FALSE(s.value().onThisDay);
  CHECK(s.value().weekStart == "sunday");
  CHECK(s.value().passphraseOfferAnswered);
  CHECK(core::loadBody<core::Settings>(test::fixture("core.settings.v4.json"), 4).value().onThisDay);
  CHECK(core::Settings{}.onThisDay);
}
