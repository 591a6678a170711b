// core/distress_scale.cpp: see distress_scale.h.
#include "core/distress_scale.h"

#include <algorithm>
#include <cstdlib>

#include "core/record_store.h"

namespace toward::core {
namespace {

void trimOne(std::string& s, size_t maxBytes) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) { s.clear(); return; }
  const size_t b = s.find_last_not_of(" \t\r\n");
  s = s.substr(a, b - a + 1);
  if (s.size() > maxBytes) {
    s.resize(maxBytes);
    while (!s.empty() && (uint8_t(s.back()) & 0xC0) == 0x80) s.pop_back();   // continuation bytes
    if (!s.empty() && uint8_t(s.back()) >= 0xC0) s.pop_back();               // a lead byte left alone
  }
}

}  // namespace

void DistressScale::trim() {
  trimOne(low, kMaxWordsBytes);
  trimOne(middle, kMaxWordsBytes);
  trimOne(high, kMaxWordsBytes);
}

Status registerDistressScale(Registry& registry) {
  return registry.addRecordType(makeRecordType<DistressScale>(kDistressScaleType, "distress scale",
                                                              [](const DistressScale&) { return std::string("My distress scale"); }));
}

DistressScale loadDistressScale(const RecordStore& store) {
  if (const StoredRecord* r = store.find(kDistressScaleType, kDistressScaleId)) {
    auto s = loadBody<DistressScale>(r->body, r->schema);
    if (s) return s.value();
  }
  return DistressScale{};
}

Status saveDistressScale(RecordStore& store, const DistressScale& scale) {
  DistressScale clean = scale;
  clean.trim();
  auto saved = store.put(kDistressScaleType, kDistressScaleId, saveBody(clean));
  return saved ? Status::ok() : saved.error();
}

int32_t clampDistress(int32_t value) { return std::clamp<int32_t>(value, 0, 100); }

std::string distressWords(const DistressScale& scale, int32_t value) {
  const int32_t v = clampDistress(value);
  struct Anchor { int32_t at; const std::string* words; const char* fallback; const char* inBetween; };
  const Anchor anchors[] = {{0, &scale.low, "calm", "calm"},
                            {50, &scale.middle, "in the middle", "the middle"},
                            {100, &scale.high, "as strong as it gets", "as strong as it gets"}};
  // Near an anchor (within kNearAnchor): that anchor's words, the person's own where they wrote them.
  for (const auto& a : anchors) {
    if (std::abs(a.at - v) <= kNearAnchor) return a.words->empty() ? a.fallback : *a.words;
  }
  // Elsewhere, its place between the two anchors around it, so 30 never reads as the middle or as calm.
  const Anchor& lower = v < 50 ? anchors[0] : anchors[1];
  const Anchor& upper = v < 50 ? anchors[1] : anchors[2];
  const auto name = [](const Anchor& a) {
    return a.words->empty() ? std::string(a.inBetween) : "\u201C" + *a.words + "\u201D";
  };
  return "between " + name(lower) + " and " + name(upper);
}

}  // namespace toward::core
