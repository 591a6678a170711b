// tests/core/distress_scale_test.cpp: the person's own distress scale (core.distress_scale).
#include <doctest/doctest.h>

#include "core/distress_scale.h"
#include "core/record_store.h"
#include "test_support.h"

using namespace toward;

TEST_CASE("[distress scale] golden schema 1 reads") {
  auto s = core::loadBody<core::DistressScale>(test::fixture("core.distress_scale.v1.json"), 1);
  REQUIRE(s.isOk());
  CHECK(s.value().low == "calm, like sitting by the lake");
  CHECK(s.value().middle == "wobbly, but I can still think");
  CHECK(s.value().high == "the worst it gets, I can't think at all");
  CHECK(core::loadBody<core::DistressScale>("{}", 2).error().code() == core::ErrorCode::TooNew);
}

TEST_CASE("[distress scale] the person's words describe the nearest level; plain words fill the gaps") {
  core::DistressScale scale;
  CHECK_FALSE(scale.personal());
  CHECK(core::distressWords(scale, 5) == "calm");
  CHECK(core::distressWords(scale, 50) == "in the middle");
  CHECK(core::distressWords(scale, 95) == "as strong as it gets");
  scale.low = "by the lake";
  scale.high = "the worst";
  CHECK(scale.personal());
  CHECK(core::distressWords(scale, 10) == "by the lake");
  CHECK(core::distressWords(scale, 90) == "the worst");
  CHECK(core::distressWords(scale, 50) == "in the middle");
  CHECK(core::distressWords(scale, 250) == "the worst");
  // Between the anchors, its place on the person's own scale, never the nearest words stretched to fit.
  CHECK(core::distressWords(scale, 30) == "between \u201Cby the lake\u201D and the middle");
  CHECK(core::distressWords(scale, 75) == "between the middle and \u201Cthe worst\u201D");
  CHECK(core::distressWords(scale, 11) == "between \u201Cby the lake\u201D and the middle");
  CHECK(core::distressWords(core::DistressScale{}, 70) == "between the middle and as strong as it gets");
  CHECK(core::distressWords(core::DistressScale{}, 60) == "in the middle");
  CHECK(core::clampDistress(-4) == 0);
  CHECK(core::clampDistress(101) == 100);
}

TEST_CASE("[distress scale] is shared through the core: saved once, read by anyone, trimmed") {
  test::TempDir dir;
  test::FakeClock clock;
  core::Registry registry = test::appRegistry();
  core::RecordStore store(dir.path(), registry, clock);
  store.load();
  CHECK_FALSE(core::loadDistressScale(store).personal());
  core::DistressScale scale;
  scale.low = "  steady  ";
  scale.middle = std::string(300, 'x');
  REQUIRE(core::saveDistressScale(store, scale));
  const auto back = core::loadDistressScale(store);
  CHECK(back.low == "steady");
  CHECK(back.middle.size() == core::DistressScale::kMaxWordsBytes);
  CHECK(store.find(core::kDistressScaleType, core::kDistressScaleId) != nullptr);
}
