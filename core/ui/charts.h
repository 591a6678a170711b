// core/ui/charts.h: a small chart module drawn with ImGui's draw lists (ImPlot is not available from
// the registries we use): stacked bars with an optional line on its own scale, lines with dots,
// horizontal bars, and a calendar heat map. Axes get "nice" ticks; hovering or tapping a column shows
// its numbers; legends name every colour. Colours come from chartPalette(): colour-blind safe, for
// light and dark themes, and "away" is never red. Any plugin may use it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>

namespace toward::ui::charts {

struct ChartPalette {
  ImU32 toward, both, away, unsure;   // the fork's directions
  ImU32 line, before, after;          // principal line; distress/intensity before and after
  ImU32 heatEmpty, heatFull;          // calendar: no words .. many words
  ImU32 grid, axisText;
};
// The palette for the current theme.
ChartPalette chartPalette();

struct Series {
  std::string label;
  ImU32 color = 0;
  std::vector<float> values;          // one per column; negative = no value (a gap)
};

// Round tick step for an axis from 0 to maxValue with about `targetTicks` ticks.
float niceStep(float maxValue, int targetTicks = 4);

// Columns of stacked bars (stacks bottom to top), x labels under them (some skipped when crowded),
// and an optional line drawn on its own scale (right axis). Returns the hovered column, or -1.
int StackedBars(const char* id, ImVec2 size, const std::vector<std::string>& xLabels,
                const std::vector<Series>& stacks, const Series* line = nullptr, const char* lineUnit = "");

// One or more lines with dots over columns. Returns the hovered column, or -1.
int Lines(const char* id, ImVec2 size, const std::vector<std::string>& xLabels, const std::vector<Series>& lines,
          const char* unit = "");

// Horizontal bars, one row per label, with a value text at the end of each. Screen readers get them as a
// table: the labels, and the value texts under the column head `valueHead`.
void HorizontalBars(const char* id, float width, const std::vector<std::string>& labels, const std::vector<float>& values,
                    const std::vector<std::string>& valueTexts, ImU32 color, const char* valueHead = "How much");

// A calendar of days in week columns (rows = weekdays), shaded by value. firstDay/values are local days
// (core/local_days.h); a zero value is drawn as a plain empty square.
void CalendarHeat(const char* id, float width, int32_t firstDay, const std::vector<uint32_t>& values,
                  bool sundayFirst, const char* unit);

// A row of coloured keys with labels.
void Legend(const std::vector<std::pair<std::string, ImU32>>& items);

}  // namespace toward::ui::charts
