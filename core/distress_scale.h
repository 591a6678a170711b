// core/distress_scale.h: the person's own distress scale, 0-100, with their own words for 0, 50 and
// 100 ("calm, at the lake", "wobbly but here", "the worst it gets"). One record ("core.distress_scale",
// id "mine") shared by every plugin that asks "how strong is it right now?" (grounding sessions now,
// journal forks later), so the same words mean the same thing everywhere.
// Golden file: tests/fixtures/core.distress_scale.v1.json.
#pragma once
#include <cstdint>
#include <string>

#include "core/registry.h"
#include "core/result.h"
#include "core/serialization.h"

namespace toward::core {

inline constexpr const char* kDistressScaleType = "core.distress_scale";
inline constexpr const char* kDistressScaleId = "mine";

struct DistressScale {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string low;      // low: string, default "" — the person's words for 0
  std::string middle;   // middle: string, default "" — for 50
  std::string high;     // high: string, default "" — for 100

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("low", low), cereal::make_nvp("middle", middle), cereal::make_nvp("high", high));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    optionalField(ar, "low", low);
    optionalField(ar, "middle", middle);
    optionalField(ar, "high", high);
    trim();
  }
  // Trims spaces and keeps each anchor to at most kMaxWordsBytes bytes (whole UTF-8 characters).
  void trim();
  // True when the person has written at least one anchor.
  bool personal() const { return !low.empty() || !middle.empty() || !high.empty(); }

  static constexpr size_t kMaxWordsBytes = 200;
};

// Registers "core.distress_scale" (called by registerCoreTypes).
Status registerDistressScale(Registry& registry);

class RecordStore;
// The saved scale, or an empty one (no personal words yet) when none is saved or it cannot be read.
DistressScale loadDistressScale(const RecordStore& store);
// Saves the scale record.
Status saveDistressScale(RecordStore& store, const DistressScale& scale);

// A rating brought into 0..100 (ratings are whole numbers).
int32_t clampDistress(int32_t value);
// The words for `value` on this scale: within kNearAnchor of 0, 50 or 100 that anchor's words (the
// person's own, or "calm", "in the middle", "as strong as it gets" where they wrote none); elsewhere its
// place between the two anchors around it ("between \u201Cby the lake\u201D and the middle").
std::string distressWords(const DistressScale& scale, int32_t value);
inline constexpr int32_t kNearAnchor = 10;

}  // namespace toward::core
