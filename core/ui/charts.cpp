// core/ui/charts.cpp: see charts.h.
#include "core/ui/charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/count_words.h"
#include "core/local_days.h"
#include "core/ui/a11y.h"
#include "core/ui/widgets.h"
#include "core/ui/theme.h"

namespace toward::ui::charts {
namespace {

ImU32 rgb(uint32_t hex, float a = 1.0f) {
  return ImGui::GetColorU32(ImVec4(float((hex >> 16) & 0xFF) / 255.f, float((hex >> 8) & 0xFF) / 255.f,
                                   float(hex & 0xFF) / 255.f, a));
}

std::string tickText(float v) {
  char buf[32];
  if (v >= 1000) std::snprintf(buf, sizeof buf, "%.1fk", v / 1000.f);
  else if (v == std::floor(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Frame {
  ImVec2 min, max;          // the plot area
  float leftAxis = 0, rightAxis = 0, bottom = 0;
};

// Reserves the widget's box and computes the plot area inside it.
Frame beginFrame(const char* id, ImVec2 size, bool rightAxis) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton(id, size);
  Frame f;
  f.leftAxis = ImGui::CalcTextSize("0000").x + 6;
  f.rightAxis = rightAxis ? ImGui::CalcTextSize("0000").x + 6 : 4;
  f.bottom = ImGui::GetTextLineHeight() + 6;
  f.min = ImVec2(pos.x + f.leftAxis, pos.y + ImGui::GetTextLineHeight() * 0.5f);
  f.max = ImVec2(pos.x + size.x - f.rightAxis, pos.y + size.y - f.bottom);
  return f;
}

void drawYAxis(ImDrawList* draw, const Frame& f, float maxValue, bool right, bool grid) {
  const ChartPalette p = chartPalette();
  const float step = niceStep(maxValue);
  for (float v = 0; v <= maxValue + step * 0.01f; v += step) {
    const float y = f.max.y - (f.max.y - f.min.y) * (v / maxValue);
    if (grid) draw->AddLine(ImVec2(f.min.x, y), ImVec2(f.max.x, y), p.grid);
    const std::string t = tickText(v);
    const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
    const float x = right ? f.max.x + 6 : f.min.x - ts.x - 6;
    draw->AddText(ImVec2(x, y - ts.y * 0.5f), p.axisText, t.c_str());
  }
}

void drawXLabels(ImDrawList* draw, const Frame& f, const std::vector<std::string>& labels) {
  if (labels.empty()) return;
  const ChartPalette p = chartPalette();
  const float colW = (f.max.x - f.min.x) / float(labels.size());
  float widest = 0;
  for (const auto& l : labels) widest = std::max(widest, ImGui::CalcTextSize(l.c_str()).x);
  const size_t every = std::max<size_t>(1, size_t(std::ceil((widest + 12) / std::max(colW, 1.0f))));
  for (size_t i = 0; i < labels.size(); i += every) {
    const ImVec2 ts = ImGui::CalcTextSize(labels[i].c_str());
    const float cx = f.min.x + colW * (float(i) + 0.5f);
    draw->AddText(ImVec2(std::clamp(cx - ts.x * 0.5f, f.min.x - f.leftAxis, f.max.x - ts.x), f.max.y + 4), p.axisText,
                  labels[i].c_str());
  }
}

// The column under the mouse (or finger), or -1.
int hoveredColumn(const Frame& f, size_t columns) {
  if (!ImGui::IsItemHovered() || columns == 0) return -1;
  const ImVec2 m = ImGui::GetIO().MousePos;
  if (m.x < f.min.x || m.x >= f.max.x) return -1;
  return std::clamp(int((m.x - f.min.x) / ((f.max.x - f.min.x) / float(columns))), 0, int(columns) - 1);
}

std::string valueText(float v, const char* unit) {
  if (v < 0) return "nothing recorded";
  std::string s = core::amountText(v);
  if (unit && *unit) s += std::string(" ") + unit;
  return s;
}

// What a column's tooltip says of one series ("Seconds stayed: 40 seconds"); the table says the same.
std::string pointText(const Series& s, size_t i, const char* unit) {
  return valueText(i < s.values.size() ? s.values[i] : -1, unit);
}

// The chart's text alternative for screen readers (core/ui/a11y.h): one sentence and a table whose cells
// hold the words each column's tooltip shows (`units`: one per series, as its tooltip says it).
void describe(const std::vector<std::string>& xLabels, const std::vector<const Series*>& series,
              const std::vector<const char*>& units) {
  if (xLabels.empty() || series.empty()) return;
  std::string names, rows = "\t";
  for (size_t k = 0; k < series.size(); ++k) {
    names += (k == 0 ? "" : k + 1 == series.size() ? " and " : ", ") + series[k]->label;
    rows += series[k]->label + (k + 1 < series.size() ? "\t" : "\n");
  }
  for (size_t i = 0; i < xLabels.size(); ++i) {
    rows += xLabels[i];
    for (size_t k = 0; k < series.size(); ++k) rows += "\t" + pointText(*series[k], i, k < units.size() ? units[k] : "");
    rows += '\n';
  }
  a11y::chart("A chart of " + names + " over " + std::to_string(xLabels.size()) + " points, from " + xLabels.front() +
                  " to " + xLabels.back() + ". Its numbers are in the table that follows.",
              rows);
}

// What a calendar day's tooltip says of it ("120 words", "a quiet day").
std::string dayText(uint32_t v, const char* unit) { return v ? std::to_string(v) + " " + unit : "a quiet day"; }

// A calendar's text alternative: a sentence, and a row for each day that holds something (the others are
// quiet days, as the sentence says), in its tooltip's words.
void describeCalendar(int32_t firstDay, const std::vector<uint32_t>& values, const char* unit) {
  if (values.empty()) return;
  std::string rows = std::string("\t") + unit + "\n";
  size_t busy = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (!values[i]) continue;
    ++busy;
    rows += core::shortDay(firstDay + int32_t(i)) + "\t" + dayText(values[i], unit) + "\n";
  }
  const int32_t lastDay = firstDay + int32_t(values.size()) - 1;
  a11y::chart("A calendar of " + std::to_string(values.size()) + " days, from " + core::shortDay(firstDay) + " to " +
                  core::shortDay(lastDay) + ": " + std::to_string(busy) + (busy == 1 ? " day" : " days") + " with " + unit +
                  ", the others quiet." + (busy ? " Those days are in the table that follows." : ""),
              rows);
}

}  // namespace

ChartPalette chartPalette() {
  const bool dark = palette().dark;
  ChartPalette c;
  // Okabe-Ito-inspired, softened: teal for toward, sky blue for "some of both", sand for away.
  c.toward = dark ? rgb(0x5FB8A6) : rgb(0x2F8A7A);
  c.both = dark ? rgb(0x7FB2DA) : rgb(0x5B9BD0);
  c.away = dark ? rgb(0xC9B48A) : rgb(0xC8B38D);
  c.unsure = dark ? rgb(0x6C737D) : rgb(0xC9C4BB);
  c.line = dark ? rgb(0xE8C872) : rgb(0x8A5A9E);
  c.before = dark ? rgb(0xC9B48A) : rgb(0xB39A6E);
  c.after = dark ? rgb(0x5FB8A6) : rgb(0x2F8A7A);
  c.heatEmpty = ImGui::GetColorU32(palette().surface);
  c.heatFull = c.toward;
  c.grid = ImGui::GetColorU32(palette().border);
  c.axisText = ImGui::GetColorU32(palette().muted);
  return c;
}

float niceStep(float maxValue, int targetTicks) {
  if (maxValue <= 0) return 1;
  const float raw = maxValue / float(std::max(1, targetTicks));
  const float mag = std::pow(10.f, std::floor(std::log10(raw)));
  const float norm = raw / mag;
  const float nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;  // 1-2-5: whole numbers for counts
  return std::max(nice * mag, maxValue < 4 ? 1.0f : 0.0f);
}

static float niceMax(float v) {
  if (v <= 0) return 4;
  const float step = niceStep(v);
  return std::ceil(v / step) * step;
}

int StackedBars(const char* id, ImVec2 size, const std::vector<std::string>& xLabels, const std::vector<Series>& stacks,
                const Series* line, const char* lineUnit) {
  const size_t n = xLabels.size();
  Frame f = beginFrame(id, size, line != nullptr);
  std::vector<const Series*> described;
  std::vector<const char*> units;
  for (const auto& s : stacks) described.push_back(&s), units.push_back("");
  if (line) described.push_back(line), units.push_back(lineUnit);
  describe(xLabels, described, units);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float maxTotal = 0, maxLine = 0;
  for (size_t i = 0; i < n; ++i) {
    float total = 0;
    for (const auto& s : stacks) total += i < s.values.size() ? std::max(0.f, s.values[i]) : 0;
    maxTotal = std::max(maxTotal, total);
    if (line && i < line->values.size()) maxLine = std::max(maxLine, line->values[i]);
  }
  maxTotal = niceMax(maxTotal);
  maxLine = niceMax(maxLine);
  drawYAxis(draw, f, maxTotal, false, true);
  if (line) drawYAxis(draw, f, maxLine, true, false);
  const int hovered = hoveredColumn(f, n);
  const float colW = n ? (f.max.x - f.min.x) / float(n) : 0;
  const float barW = std::max(2.0f, colW * 0.62f);
  const float h = f.max.y - f.min.y;
  if (hovered >= 0) {
    draw->AddRectFilled(ImVec2(f.min.x + colW * float(hovered), f.min.y), ImVec2(f.min.x + colW * float(hovered + 1), f.max.y),
                        ImGui::GetColorU32(palette().surfaceHover), 4);
  }
  for (size_t i = 0; i < n; ++i) {
    const float cx = f.min.x + colW * (float(i) + 0.5f);
    float y = f.max.y;
    for (const auto& s : stacks) {
      const float v = i < s.values.size() ? std::max(0.f, s.values[i]) : 0;
      if (v <= 0) continue;
      const float top = y - h * (v / maxTotal);
      draw->AddRectFilled(ImVec2(cx - barW * 0.5f, top), ImVec2(cx + barW * 0.5f, y), s.color, 2);
      y = top;
    }
  }
  if (line) {
    const ChartPalette p = chartPalette();
    ImVec2 prev;
    bool havePrev = false;
    for (size_t i = 0; i < n && i < line->values.size(); ++i) {
      if (line->values[i] < 0) { havePrev = false; continue; }
      const ImVec2 pt(f.min.x + colW * (float(i) + 0.5f), f.max.y - h * (line->values[i] / maxLine));
      if (havePrev) draw->AddLine(prev, pt, line->color ? line->color : p.line, 2.5f);
      prev = pt;
      havePrev = true;
    }
  }
  drawXLabels(draw, f, xLabels);
  if (hovered >= 0) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(xLabels[size_t(hovered)].c_str());
    for (const auto& s : stacks) {
      ImGui::Text("%s: %s", s.label.c_str(), pointText(s, size_t(hovered), "").c_str());
    }
    if (line && size_t(hovered) < line->values.size()) {
      ImGui::Text("%s: %s", line->label.c_str(), pointText(*line, size_t(hovered), lineUnit).c_str());
    }
    ImGui::EndTooltip();
  }
  return hovered;
}

int Lines(const char* id, ImVec2 size, const std::vector<std::string>& xLabels, const std::vector<Series>& lines,
          const char* unit) {
  const size_t n = xLabels.size();
  Frame f = beginFrame(id, size, false);
  std::vector<const Series*> described;
  for (const auto& s : lines) described.push_back(&s);
  describe(xLabels, described, std::vector<const char*>(lines.size(), unit));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float maxV = 0;
  for (const auto& s : lines) {
    for (float v : s.values) maxV = std::max(maxV, v);
  }
  maxV = niceMax(maxV);
  drawYAxis(draw, f, maxV, false, true);
  const int hovered = hoveredColumn(f, n);
  const float colW = n ? (f.max.x - f.min.x) / float(n) : 0;
  const float h = f.max.y - f.min.y;
  if (hovered >= 0) {
    const float x = f.min.x + colW * (float(hovered) + 0.5f);
    draw->AddLine(ImVec2(x, f.min.y), ImVec2(x, f.max.y), ImGui::GetColorU32(palette().border), 1.5f);
  }
  const float dot = std::max(2.5f, ImGui::GetFontSize() * 0.16f);
  for (const auto& s : lines) {
    ImVec2 prev;
    bool havePrev = false;
    for (size_t i = 0; i < n && i < s.values.size(); ++i) {
      if (s.values[i] < 0) { havePrev = false; continue; }
      const ImVec2 pt(f.min.x + colW * (float(i) + 0.5f), f.max.y - h * (s.values[i] / maxV));
      if (havePrev) draw->AddLine(prev, pt, s.color, 2.0f);
      draw->AddCircleFilled(pt, dot, s.color);
      prev = pt;
      havePrev = true;
    }
  }
  drawXLabels(draw, f, xLabels);
  if (hovered >= 0) {
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(xLabels[size_t(hovered)].c_str());
    for (const auto& s : lines) {
      ImGui::Text("%s: %s", s.label.c_str(), pointText(s, size_t(hovered), unit).c_str());
    }
    ImGui::EndTooltip();
  }
  return hovered;
}

void HorizontalBars(const char* id, float width, const std::vector<std::string>& labels, const std::vector<float>& values,
                    const std::vector<std::string>& valueTexts, ImU32 color, const char* valueHead) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  float labelW = 0;
  for (const auto& l : labels) labelW = std::min(std::max(labelW, ImGui::CalcTextSize(l.c_str()).x), width * 0.4f);
  float textW = 0;
  for (const auto& t : valueTexts) textW = std::max(textW, ImGui::CalcTextSize(t.c_str()).x);
  float maxV = 0;
  for (float v : values) maxV = std::max(maxV, std::fabs(v));
  if (maxV <= 0) maxV = 1;
  // Where the words at a bar's end leave the bar too little room (a phone), they go on a line of their own under it.
  const bool wordsUnder = width - labelW - textW - 24 < width * 0.25f;
  const float lineH = ImGui::GetTextLineHeight();
  const float barRowH = lineH * 1.5f;
  const float rowH = wordsUnder ? barRowH + lineH + 4 : barRowH;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(width, rowH * float(labels.size())));
  if (!labels.empty()) {
    // Each bar's label and the words at its end, as a table (the bars themselves only show their size).
    std::string rows = std::string("\t") + valueHead + "\n";
    for (size_t i = 0; i < labels.size(); ++i) rows += labels[i] + "\t" + (i < valueTexts.size() ? valueTexts[i] : "") + "\n";
    a11y::chart(std::to_string(labels.size()) + (labels.size() == 1 ? " bar, " : " bars, from ") + labels.front() +
                    (labels.size() == 1 ? "" : " to " + labels.back()) + ". Its numbers are in the table that follows.",
                rows);
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ChartPalette p = chartPalette();
  const float barX = pos.x + labelW + 10;
  const float barMax = std::max(10.0f, wordsUnder ? width - labelW - 14 : width - labelW - textW - 24);
  for (size_t i = 0; i < labels.size(); ++i) {
    const float y = pos.y + rowH * float(i);
    const float ty = y + (barRowH - lineH) * 0.5f;
    draw->PushClipRect(ImVec2(pos.x, y), ImVec2(pos.x + labelW, y + barRowH), true);
    draw->AddText(ImVec2(pos.x, ty), ImGui::GetColorU32(ImGuiCol_Text), labels[i].c_str());
    draw->PopClipRect();
    const float w = barMax * (std::fabs(i < values.size() ? values[i] : 0) / maxV);
    draw->AddRectFilled(ImVec2(barX, y + barRowH * 0.2f), ImVec2(barX + std::max(2.0f, w), y + barRowH * 0.8f), color, 3);
    if (i >= valueTexts.size()) continue;
    if (wordsUnder) draw->AddText(ImVec2(pos.x, y + barRowH), p.axisText, valueTexts[i].c_str());
    else draw->AddText(ImVec2(barX + w + 8, ty), p.axisText, valueTexts[i].c_str());
  }
}

void CalendarHeat(const char* id, float width, int32_t firstDay, const std::vector<uint32_t>& values, bool sundayFirst,
                  const char* unit) {
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  const int32_t lastDay = firstDay + int32_t(values.size()) - 1;
  const float labelW = ImGui::CalcTextSize("Wed").x + 8;
  constexpr float kSmallestCell = 6.0f;
  // Where every week cannot fit even at the smallest cell (two years on a phone), the most recent weeks are
  // drawn and the chart says so; the words for a screen reader and the CSV still cover the whole time.
  const int allWeeks = int((lastDay - core::weekStart(firstDay, sundayFirst)) / 7 + 1);
  const int fitWeeks = std::max(1, int((width - labelW) / kSmallestCell));
  const int weeks = std::min(allWeeks, fitWeeks);
  const int32_t start = core::weekStart(firstDay, sundayFirst) + int32_t(allWeeks - weeks) * 7;
  const float cell = std::clamp((width - labelW) / float(std::max(weeks, 1)), kSmallestCell, ImGui::GetFontSize() * 1.6f);
  const float gap = std::max(1.0f, cell * 0.14f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton(id, ImVec2(labelW + cell * float(weeks), cell * 7));
  describeCalendar(firstDay, values, unit);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ChartPalette p = chartPalette();
  uint32_t maxV = 1;
  for (uint32_t v : values) maxV = std::max(maxV, v);
  static const char* kMonFirst[] = {"Mon", "", "Wed", "", "Fri", "", ""};
  static const char* kSunFirst[] = {"", "Mon", "", "Wed", "", "Fri", ""};
  // Row names every other row, where the rows are tall enough for them not to touch; else none.
  const bool roomForNames = cell * 2 >= ImGui::GetTextLineHeight();
  for (int row = 0; row < 7 && roomForNames; ++row) {
    const char* name = sundayFirst ? kSunFirst[row] : kMonFirst[row];
    if (*name) draw->AddText(ImVec2(pos.x, pos.y + cell * float(row) + (cell - ImGui::GetTextLineHeight()) * 0.5f), p.axisText, name);
  }
  const ImVec4 empty = ImGui::ColorConvertU32ToFloat4(p.heatEmpty);
  const ImVec4 full = ImGui::ColorConvertU32ToFloat4(p.heatFull);
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  int32_t hoveredDay = INT32_MIN;
  for (int32_t day = std::max(firstDay, start); day <= lastDay; ++day) {
    const int col = int((day - start) / 7);
    const int row = int((day - start) % 7);
    const ImVec2 a(pos.x + labelW + cell * float(col) + gap * 0.5f, pos.y + cell * float(row) + gap * 0.5f);
    const ImVec2 b(a.x + cell - gap, a.y + cell - gap);
    const uint32_t v = values[size_t(day - firstDay)];
    ImU32 color = p.heatEmpty;
    if (v > 0) {
      const float t = 0.25f + 0.75f * std::sqrt(float(v) / float(maxV));
      color = ImGui::GetColorU32(ImVec4(empty.x + (full.x - empty.x) * t, empty.y + (full.y - empty.y) * t,
                                        empty.z + (full.z - empty.z) * t, 1));
    }
    draw->AddRectFilled(a, b, color, cell * 0.2f);
    if (v == 0) draw->AddRect(a, b, p.grid, cell * 0.2f);
    if (ImGui::IsItemHovered() && mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) hoveredDay = day;
  }
  if (hoveredDay != INT32_MIN) {
    const uint32_t v = values[size_t(hoveredDay - firstDay)];
    ImGui::SetTooltip("%s: %s", core::shortDay(hoveredDay).c_str(), dayText(v, unit).c_str());
  }
  if (weeks < allWeeks) {
    const std::string note = "The most recent " + std::to_string(weeks) + " weeks, as many as fit here.";
    ImGui::PushStyleColor(ImGuiCol_Text, p.axisText);
    ImGui::TextWrapped("%s", note.c_str());
    ImGui::PopStyleColor();
    a11y::paragraph(note.c_str());
  }
}

void Legend(const std::vector<std::pair<std::string, ImU32>>& items) {
  // The entries flow onto more lines where the row is narrow (a phone), and one too long for a whole line wraps.
  const float box = ImGui::GetTextLineHeight() * 0.7f;
  for (size_t i = 0; i < items.size(); ++i) {
    const float textW = ImGui::CalcTextSize(items[i].first.c_str()).x;
    if (i) FlowBeside(box + 6 + textW, ImGui::GetFontSize());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float y = pos.y + (ImGui::GetTextLineHeight() - box) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(pos.x, y), ImVec2(pos.x + box, y + box), items[i].second, 3);
    ImGui::Dummy(ImVec2(box, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 6);
    if (textW <= ImGui::GetContentRegionAvail().x) ImGui::TextUnformatted(items[i].first.c_str());
    else ImGui::TextWrapped("%s", items[i].first.c_str());
    a11y::paragraph(items[i].first.c_str());
  }
}

}  // namespace toward::ui::charts
