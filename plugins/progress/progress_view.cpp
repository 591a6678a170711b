// plugins/progress/progress_view.cpp: see progress_view.h.
#include "plugins/progress/progress_view.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>

#include "core/ui/a11y.h"
#include "core/local_days.h"
#include "core/settings.h"
#include "core/time_format.h"
#include "core/ui/charts.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"

namespace toward::progress {
namespace {

namespace charts = ui::charts;

std::vector<std::string> weekLabels(const ProgressData& d) {
  std::vector<int32_t> days;
  days.reserve(d.weeks.size());
  for (const auto& w : d.weeks) days.push_back(w.weekStart);
  return core::axisDayLabels(days);
}

void csvButton(ui::ViewContext& ctx, const char* id, const char* name, const std::string& csv) {
  ImGui::PushID(id);
  if (ui::QuietButton("Save these numbers (CSV)")) {
    ctx.platform.downloadFile(std::string("toward-") + name + "-" + core::formatIsoDate(ctx.nowMs) + ".csv", "text/csv", csv);
  }
  if (ctx.noteControl) ctx.noteControl(std::string("progress:csv:") + id, "Save these numbers (CSV)");
  ImGui::PopID();
}

float chartHeight(const ui::ViewContext& ctx) { return ImGui::GetFontSize() * (ctx.compact ? 11.0f : 13.0f); }

void sectionGap() { ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 1.2f)); }

}  // namespace

bool ProgressView::refresh(int64_t nowMs, bool sundayFirst) {
  // The events are gathered a few milliseconds a frame (all of them only after a start, an unlock or an
  // import; afterwards only the records that changed), then aggregated a few milliseconds a frame too
  // (progress_model.h, Aggregation): what the page shows meanwhile is the last complete picture, or none.
  const auto t0 = std::chrono::steady_clock::now();
  m_busy = !m_metrics.update(kGatherBudgetMs);
  if (m_busy) return false;
  ProgressOptions o;
  o.range = m_range;
  o.sundayFirst = sundayFirst;
  o.today = core::localDay(nowMs);
  const bool same = m_aggVersion == m_metrics.version() && m_aggRange == o.range && m_aggSundayFirst == o.sundayFirst &&
                    m_aggToday == o.today;
  if (!m_aggregation.running() && m_haveData && same) return true;
  if (!m_aggregation.running() || !same) {
    // What the events were at this moment (an aggregation begun for other events or options starts over).
    m_aggregation.begin(m_metrics, o);
    m_aggVersion = m_metrics.version();
    m_aggRange = o.range;
    m_aggSundayFirst = o.sundayFirst;
    m_aggToday = o.today;
  }
  const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const double budget = kGatherBudgetMs - spent;
  if (budget < 1 || !m_aggregation.step(budget)) {
    m_busy = true;
    return false;
  }
  m_data = m_aggregation.take();
  m_haveData = true;
  m_dataSundayFirst = m_aggSundayFirst;
  return true;
}

void ProgressView::draw(ui::ViewContext& ctx) {
  const bool sundayFirst = core::loadSettings(m_store).weekStart == "sunday";
  const bool current = refresh(ctx.nowMs, sundayFirst);
  ImGui::BeginChild("progress");
  ui::Heading(ctx.fonts, "Progress");
  ui::MutedText("Healing is slow, and it is not a straight line. These pictures show change over months, "
                "at your own pace.");
  ImGui::Spacing();
  if (!current && !m_haveData) {
    // Never half a picture: the charts wait until every moment is gathered (a few frames).
    ui::BodyText("Gathering your pictures...");
    ImGui::EndChild();
    return;
  }
  static const char* kRanges[] = {"4 weeks", "3 months", "1 year", "All time"};
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
  ui::a11y::beginRadioGroup("How far back to show");
  for (int i = 0; i < 4; ++i) {
    const float w = ImGui::CalcTextSize(kRanges[i]).x + ImGui::GetStyle().FramePadding.x * 2;
    if (i) ui::FlowBeside(w);   // onto a second line where a phone (or larger text) has no room
    if (ImGui::Selectable(kRanges[i], int(m_range) == i, 0, ImVec2(w, ImGui::GetFrameHeight()))) m_range = RangeKind(i);
    ui::a11y::radio(int(m_range) == i);   // one period of four, the chosen one said as checked
  }
  ui::a11y::endRadioGroup();
  ImGui::PopStyleVar();
  sectionGap();
  drawMortgage(ctx);
  sectionGap();
  drawStaying(ctx);
  sectionGap();
  drawGrounding(ctx);
  sectionGap();
  drawWriting(ctx);
  sectionGap();
  drawFeelings(ctx);
  ui::TouchScroll();
  ImGui::EndChild();
}

void ProgressView::drawMortgage(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "The mortgage");
  ui::MutedText("Each moment of moving toward a feeling is paid into what is yours, and what is yours is kept. "
                "Moving away is part of it too: it gets its own bars, and it never takes anything back.");
  if (m_data.forksInRange == 0) {
    ui::BodyText("When you write fork entries in the journal, each week's moments of moving toward and away "
                 "will appear here. There is no right amount.");
    return;
  }
  const auto p = charts::chartPalette();
  std::vector<charts::Series> stacks(4);
  stacks[0] = {"Toward", p.toward, {}};
  stacks[1] = {"Some of both", p.both, {}};
  stacks[2] = {"Away", p.away, {}};
  stacks[3] = {"Not sure", p.unsure, {}};
  charts::Series principal{"What you have built", p.line, {}};
  for (const auto& w : m_data.weeks) {
    stacks[0].values.push_back(float(w.toward));
    stacks[1].values.push_back(float(w.both));
    stacks[2].values.push_back(float(w.away));
    stacks[3].values.push_back(float(w.unsure));
    principal.values.push_back(float(w.principal));
  }
  charts::StackedBars("mortgage", ImVec2(-1, chartHeight(ctx)), weekLabels(m_data), stacks, &principal);
  charts::Legend({{"Toward", p.toward}, {"Some of both", p.both}, {"Away", p.away}, {"Not sure", p.unsure}, {"What you have built (line, its numbers on the right)", p.line}});
  if (m_data.forksInRange < 5) ui::MutedText("There are only a few moments here so far; the picture becomes clearer over the months.");
  csvButton(ctx, "mortgage", "mortgage", mortgageCsv(m_data));
}

void ProgressView::drawStaying(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Staying with it");
  ui::MutedText("How long you stayed with a feeling, in seconds: the middle value of each week.");
  bool any = false;
  for (const auto& w : m_data.weeks) any |= w.medianSecondsStayed >= 0;
  if (!any) {
    ui::BodyText("When you use the \"stay with it\" timer in the journal, the time you stayed will appear here. "
                 "Even a few seconds count.");
    return;
  }
  const auto p = charts::chartPalette();
  charts::Series stayed{"Seconds stayed", p.toward, {}};
  charts::Series before{"Intensity before", p.before, {}};
  charts::Series after{"Intensity after", p.after, {}};
  for (const auto& w : m_data.weeks) {
    stayed.values.push_back(float(w.medianSecondsStayed));
    before.values.push_back(float(w.meanIntensityBefore));
    after.values.push_back(float(w.meanIntensityAfter));
  }
  charts::Lines("staying", ImVec2(-1, chartHeight(ctx)), weekLabels(m_data), {stayed}, "seconds");
  csvButton(ctx, "staying", "staying-with-it", stayingCsv(m_data));
}

void ProgressView::drawGrounding(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Grounding");
  ui::MutedText("Distress before and after each grounding session with the texture box, and which objects "
                "have tended to help.");
  if (m_data.grounding.empty()) {
    ui::BodyText("After grounding sessions with your texture box, how you felt before and after will appear "
                 "here, with the objects that helped most.");
    return;
  }
  const auto p = charts::chartPalette();
  std::vector<int32_t> days;
  charts::Series before{"Before", p.before, {}}, after{"After", p.after, {}};
  for (const auto& g : m_data.grounding) {
    days.push_back(core::localDay(g.timeMs));   // its day on the axis, never a bare time
    before.values.push_back(float(g.before));
    after.values.push_back(float(g.after));
  }
  charts::Lines("grounding", ImVec2(-1, chartHeight(ctx)), core::axisDayLabels(days), {before, after}, "of 100");
  charts::Legend({{"Before", p.before}, {"After", p.after}});
  csvButton(ctx, "grounding", "grounding", groundingCsv(m_data));   // this chart's numbers, under it
  std::vector<std::string> names, texts;
  std::vector<float> values;
  for (const auto& o : m_data.objects) {
    names.push_back(o.object.empty() ? "(no object)" : o.object);
    const float eased = float(-o.averageChange);
    values.push_back(std::max(0.0f, eased));
    char buf[96];
    if (eased > 0) std::snprintf(buf, sizeof buf, "eased by %.0f on average, %u %s", eased, o.sessions, o.sessions == 1 ? "time" : "times");
    else std::snprintf(buf, sizeof buf, "no easing on average yet, %u %s", o.sessions, o.sessions == 1 ? "time" : "times");
    texts.push_back(buf);
  }
  ImGui::Spacing();
  charts::HorizontalBars("objects", -1, names, values, texts, p.toward, "How it eased");
  csvButton(ctx, "objects", "objects", objectsCsv(m_data));
}

void ProgressView::drawWriting(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Writing");
  ui::MutedText("Words written each day, in the journal and in letters. Empty days are simply empty.");
  std::vector<uint32_t> values;
  values.reserve(m_data.words.size());
  for (const auto& d : m_data.words) values.push_back(d.words);
  if (m_data.wordsInRange == 0) {
    ui::BodyText("Days you write on will fill in here, a little darker the more you wrote.");
  }
  charts::CalendarHeat("writing", -1, m_data.firstDay, values, m_dataSundayFirst, "words");
  if (m_data.lettersStarted + m_data.lettersSealed + m_data.lettersReleased > 0) {
    ui::MutedText(("Letters in this time: " + std::to_string(m_data.lettersStarted) + " started, " +
                   std::to_string(m_data.lettersSealed) + " sealed, " + std::to_string(m_data.lettersReleased) + " let go.").c_str());
  }
  csvButton(ctx, "writing", "writing", writingCsv(m_data));
}

void ProgressView::drawFeelings(ui::ViewContext& ctx) {
  ui::Heading(ctx.fonts, "Feelings");
  ui::MutedText("The feelings you named most often in fork entries, and how strong they were on average.");
  if (m_data.feelings.empty()) {
    ui::BodyText("When you name feelings in the journal, the ones that come up most will appear here.");
    return;
  }
  std::vector<std::string> names, texts;
  std::vector<float> values;
  for (size_t i = 0; i < m_data.feelings.size() && i < 10; ++i) {
    const auto& f = m_data.feelings[i];
    names.push_back(f.word);
    values.push_back(float(f.count));
    char buf[64];
    std::snprintf(buf, sizeof buf, "%u %s, about %.0f of 10", f.count, f.count == 1 ? "time" : "times", f.averageIntensity);
    texts.push_back(buf);
  }
  charts::HorizontalBars("feelings", -1, names, values, texts, charts::chartPalette().both, "How often, how strong");
  bool anyIntensity = false;
  for (const auto& w : m_data.weeks) anyIntensity |= w.meanIntensityBefore >= 0 || w.meanIntensityAfter >= 0;
  if (anyIntensity) {
    ImGui::Spacing();
    ImGui::TextWrapped("Intensity before and after a fork (0 to 10, weekly average)");
    ui::a11y::heading("Intensity before and after a fork (0 to 10, weekly average)", 3);
    const auto p = charts::chartPalette();
    charts::Series before{"Before", p.before, {}}, after{"After", p.after, {}};
    for (const auto& w : m_data.weeks) {
      before.values.push_back(float(w.meanIntensityBefore));
      after.values.push_back(float(w.meanIntensityAfter));
    }
    charts::Lines("intensity", ImVec2(-1, chartHeight(ctx) * 0.8f), weekLabels(m_data), {before, after}, "of 10");
    charts::Legend({{"Before", p.before}, {"After", p.after}});
  }
  csvButton(ctx, "feelings", "feelings", feelingsCsv(m_data));
}

}  // namespace toward::progress
