// plugins/progress/progress_view.h: the progress page: the mortgage, staying with it, grounding,
// writing and feelings, for 4 weeks, 3 months, a year or all time. Reads metrics through the registry
// (never another plugin), recomputes only when the records or the range change, and explains gently
// what will appear when there is little or nothing yet.
#pragma once
#include <cstdint>

#include "core/record_store.h"
#include "core/registry.h"
#include "core/ui/view.h"
#include "plugins/progress/progress_model.h"

namespace toward::progress {

class ProgressView final : public ui::View {
 public:
  ProgressView(const core::Registry& registry, const core::RecordStore& store) : m_registry(registry), m_store(store) {}
  void draw(ui::ViewContext& ctx) override;

 private:
  void refresh(int64_t nowMs, bool sundayFirst);
  void drawMortgage(ui::ViewContext& ctx);
  void drawStaying(ui::ViewContext& ctx);
  void drawGrounding(ui::ViewContext& ctx);
  void drawWriting(ui::ViewContext& ctx);
  void drawFeelings(ui::ViewContext& ctx);

  const core::Registry& m_registry;
  const core::RecordStore& m_store;
  RangeKind m_range = RangeKind::ThreeMonths;
  ProgressData m_data;
  // what m_data was computed from
  uint64_t m_generation = UINT64_MAX;
  RangeKind m_dataRange = RangeKind::AllTime;
  bool m_dataSundayFirst = false;
  int32_t m_dataToday = 0;
};

}  // namespace toward::progress
