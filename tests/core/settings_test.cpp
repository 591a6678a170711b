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

TEST_CASE("[settings] a newer schema is refused, a wrong field type is an error") {
  CHECK(core::loadBody<core::Settings>("{}", 3).error().code() == core::ErrorCode::TooNew);
  CHECK(core::loadBody<core::Settings>(R"({"textPercent":"big"})", 1).error().code() == core::ErrorCode::Invalid);
}
