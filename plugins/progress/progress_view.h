// plugins/progress/progress_view.h: the progress page: the mortgage, staying with it, grounding,
// writing and feelings, for 4 weeks, 3 months, a year or all time. Reads metrics through the registry
// (never another plugin) kept up to date record by record (core/metrics_cache.h), recomputes only when
// the records or the range change (a few milliseconds a frame), and explains gently what will appear when there is little or nothing yet.
#pragma once
#include <cstdint>

#include "core/metrics_cache.h"
#include "core/record_store.h"
#include "core/registry.h"
#include "core/ui/view.h"
#include "plugins/progress/progress_model.h"

namespace toward::progress {

class ProgressView final : public ui::View {
 public:
  ProgressView(const core::Registry& registry, core::RecordStore& store) : m_store(store), m_metrics(registry, store) {}
  void draw(ui::ViewContext& ctx) override;
  // A frame right away while the metrics are still being gathered or aggregated.
  int64_t nextWakeMs() const override { return m_busy ? 0 : -1; }

 private:
  // Brings m_data up to date when it can within this frame's share; false while it is not yet current.
  bool refresh(int64_t nowMs, bool sundayFirst);
  void drawMortgage(ui::ViewContext& ctx);
  void drawStaying(ui::ViewContext& ctx);
  void drawGrounding(ui::ViewContext& ctx);
  void drawWriting(ui::ViewContext& ctx);
  void drawFeelings(ui::ViewContext& ctx);

  // Time a frame spends gathering metric events (the rest of the frame draws).
  static constexpr double kGatherBudgetMs = 4;

  const core::RecordStore& m_store;
  core::MetricsCache m_metrics;   // every plugin's metric events, kept up to date as records change
  bool m_busy = false;            // gathering or aggregating is spread over the next frames
  RangeKind m_range = RangeKind::ThreeMonths;
  ProgressData m_data;            // the last complete picture
  bool m_haveData = false;
  bool m_dataSundayFirst = false;
  // the aggregation running or last done, and what it was begun from
  Aggregation m_aggregation;
  uint64_t m_aggVersion = 0;
  RangeKind m_aggRange = RangeKind::AllTime;
  bool m_aggSundayFirst = false;
  int32_t m_aggToday = 0;
};

}  // namespace toward::progress
