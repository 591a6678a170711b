// core/metrics_cache.cpp: see metrics_cache.h.
#include "core/metrics_cache.h"

#include <algorithm>
#include <chrono>

namespace toward::core {
namespace {

std::string recordKey(const std::string& type, const std::string& id) { return type + "\n" + id; }

double nowMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

MetricsCache::MetricsCache(const Registry& registry, RecordStore& store) : m_store(store) {
  for (const auto* p : registry.metricsProviders()) {
    Slot slot;
    slot.provider = p;
    slot.types = p->metricsTypes();
    slot.byRecordOk = p->metricsByRecord() && !slot.types.empty();
    m_slots.push_back(std::move(slot));
  }
  m_listener = m_store.addListener([this](const RecordChange& change) { noteChange(change); });
}

MetricsCache::~MetricsCache() { m_store.removeListener(m_listener); }

bool MetricsCache::hasType(const Slot& slot, const std::string& type) {
  return slot.types.empty() || std::find(slot.types.begin(), slot.types.end(), type) != slot.types.end();
}

void MetricsCache::noteChange(const RecordChange& change) {
  if (change.kind == RecordChange::Kind::Reloaded) {
    m_startOver = true;
    return;
  }
  if (m_startOver) return;   // everything is collected anew anyway
  for (size_t i = 0; i < m_slots.size(); ++i) {
    const Slot& slot = m_slots[i];
    if (!hasType(slot, change.type)) continue;
    if (!slot.byRecordOk) {
      m_dirtyWhole.insert(i);
      continue;
    }
    if (m_pendingKeys.insert(std::to_string(i) + "\n" + recordKey(change.type, change.id)).second) {
      m_pending.push_back({i, change.type, change.id});
    }
  }
}

void MetricsCache::startOver() {
  m_startOver = false;
  m_pending.clear();
  m_pendingKeys.clear();
  m_dirtyWhole.clear();
  m_size = 0;
  ++m_version;
  for (size_t i = 0; i < m_slots.size(); ++i) {
    Slot& slot = m_slots[i];
    slot.whole.clear();
    slot.byRecord.clear();
    if (!slot.byRecordOk) {
      m_dirtyWhole.insert(i);
      continue;
    }
    for (const auto& type : slot.types) {
      for (const auto* r : m_store.list(type)) m_pending.push_back({i, type, r->id});
    }
  }
}

void MetricsCache::collectRecord(const Pending& p) {
  Slot& slot = m_slots[p.slot];
  std::vector<MetricEvent> events;
  slot.provider->collectRecordMetrics(p.type, p.id, events);
  const std::string key = recordKey(p.type, p.id);
  auto it = slot.byRecord.find(key);
  if (it != slot.byRecord.end()) m_size -= it->second.size();
  m_size += events.size();
  if (events.empty()) {
    if (it != slot.byRecord.end()) slot.byRecord.erase(it);
  } else if (it != slot.byRecord.end()) {
    it->second = std::move(events);
  } else {
    slot.byRecord.emplace(key, std::move(events));
  }
}

void MetricsCache::collectWhole(size_t i) {
  Slot& slot = m_slots[i];
  m_size -= slot.whole.size();
  slot.whole.clear();
  slot.provider->collectMetrics(slot.whole);
  m_size += slot.whole.size();
}

bool MetricsCache::update(double budgetMs) {
  const double start = nowMs();
  auto overBudget = [&] { return budgetMs > 0 && nowMs() - start >= budgetMs; };
  if (m_startOver) startOver();
  bool changed = false;
  // Whole providers first: each is one indivisible call.
  while (!m_dirtyWhole.empty()) {
    if (changed && overBudget()) break;
    const size_t i = *m_dirtyWhole.begin();
    m_dirtyWhole.erase(m_dirtyWhole.begin());
    collectWhole(i);
    changed = true;
  }
  size_t sinceLook = 0;
  while (!m_pending.empty()) {
    if (++sinceLook == 16) {
      sinceLook = 0;
      if (overBudget()) break;
    }
    Pending p = std::move(m_pending.back());
    m_pending.pop_back();
    m_pendingKeys.erase(std::to_string(p.slot) + "\n" + recordKey(p.type, p.id));
    collectRecord(p);
    changed = true;
  }
  if (changed) ++m_version;
  return complete();
}

std::vector<MetricEvent> MetricsCache::sorted() const {
  std::vector<MetricEvent> events;
  events.reserve(m_size);
  forEach([&](const MetricEvent& e) { events.push_back(e); });
  std::stable_sort(events.begin(), events.end(), [](const MetricEvent& a, const MetricEvent& b) { return a.timeMs < b.timeMs; });
  return events;
}

}  // namespace toward::core
