// tests/core/registry_test.cpp: explicit registration and the provider fan-out.
#include <doctest/doctest.h>

#include "core/registry.h"
#include "core/settings.h"

using namespace toward;

namespace {
struct Hits : core::SearchProvider, core::MetricsProvider {
  int64_t t;
  explicit Hits(int64_t time) : t(time) {}
  void search(const core::SearchQuery&, std::vector<core::SearchHit>& out) const override {
    out.push_back({"a.b", "id" + std::to_string(t), "t", "", t});
  }
  void collectMetrics(std::vector<core::MetricEvent>& out) const override { out.push_back({"k", t, {}, {}}); }
};
}  // namespace

TEST_CASE("[registry] plugins and record types register once, with well-formed ids") {
  core::Registry r;
  CHECK(r.addPlugin({"journal", "Journal", ""}));
  CHECK_FALSE(r.addPlugin({"journal", "Again", ""}));
  CHECK(core::registerCoreTypes(r));
  CHECK_FALSE(core::registerCoreTypes(r));
  core::RecordType bad = r.recordTypes().front();
  bad.id = "No Dots";
  CHECK_FALSE(r.addRecordType(bad));
  CHECK(r.recordType("core.settings") != nullptr);
  CHECK(r.recordType("nope.nope") == nullptr);
}

TEST_CASE("[registry] search hits come newest first and metrics oldest first, across providers") {
  core::Registry r;
  Hits older(100), newer(200);
  r.addSearchProvider(&older);
  r.addSearchProvider(&newer);
  r.addMetricsProvider(&newer);
  r.addMetricsProvider(&older);
  auto hits = r.search({});
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].timeMs == 200);
  auto events = r.metrics();
  REQUIRE(events.size() == 2);
  CHECK(events[0].timeMs == 100);
}
