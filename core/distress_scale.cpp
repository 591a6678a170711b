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
  struct Anchor { int32_t at; const std::string* words; const char* fallback; };
  const Anchor anchors[] = {{0, &scale.low, "calm"}, {50, &scale.middle, "in the middle"},
                            {100, &scale.high, "as strong as it gets"}};
  // The nearest anchor with the person's words; ties go to the lower one.
  const Anchor* best = nullptr;
  for (const auto& a : anchors) {
    if (a.words->empty()) continue;
    if (!best || std::abs(a.at - v) < std::abs(best->at - v)) best = &a;
  }
  if (best && std::abs(best->at - v) <= 25) return *best->words;
  const Anchor& nearest = v < 25 ? anchors[0] : v <= 75 ? anchors[1] : anchors[2];
  return nearest.words->empty() ? nearest.fallback : *nearest.words;
}

}  // namespace toward::core
