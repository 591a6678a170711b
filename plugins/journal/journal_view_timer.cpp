// plugins/journal/journal_view_timer.cpp: the "stay with it" page (see journal_view.h and stay_timer.h).
// A slow breath pacer (a circle that grows while breathing in and shrinks while breathing out; with less
// motion it stays still and only the words change), the time left, a few quiet prompts, and buttons to
// make it longer or shorter, extend it or stop at any moment. The seconds stayed go to the entry.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/ui/a11y.h"
#include "core/ui/theme.h"
#include "core/ui/widgets.h"
#include "plugins/journal/journal_view.h"

namespace toward::journal {
namespace {

// Said once when the chosen time runs out (not when stopped by hand): gently, as the screen says it.
constexpr const char* kTimeOver = "The time you chose is over. You stayed with it.";

const char* kPrompts[] = {
    "Let the feeling be here. You do not have to do anything with it.",
    "Where does it sit in your body? You can put a hand there, if that helps.",
    "Breathe out a little longer than you breathe in.",
    "Whatever you feel is allowed. It makes sense that it is here.",
    "You can be the adult who stays with the one who is hurting.",
    "It rises, and it will settle again. You are still here.",
};

// "1 minute and 5 seconds left", "30 seconds left", "a moment left" (the countdown, for a screen reader).
std::string timeLeftWords(uint32_t seconds) {
  const uint32_t m = seconds / 60, s = seconds % 60;
  const auto unit = [](uint32_t n, const char* one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); };
  if (m == 0) return s == 0 ? "a moment left" : unit(s, "second") + " left";
  return unit(m, "minute") + (s ? " and " + unit(s, "second") : "") + " left";
}

void centeredText(const char* text, ImVec4 color, bool heading = false) {
  const float w = std::min(ImGui::CalcTextSize(text).x, ImGui::GetContentRegionAvail().x);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (ImGui::GetContentRegionAvail().x - w) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w + 1);
  ImGui::TextWrapped("%s", text);
  if (heading) ui::a11y::heading(text);
  else ui::a11y::paragraph(text);
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
}

// The width these buttons take side by side (centeredButtons puts them one per line when it is more than there is).
float buttonsRowWidth(const char* const* labels, int n) {
  const ImGuiStyle& st = ImGui::GetStyle();
  float total = 0;
  for (int i = 0; i < n; ++i) total += ImGui::CalcTextSize(labels[i], nullptr, true).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
  return total - st.ItemSpacing.x;
}

// Lays out buttons centred on one line (or one per line when they do not fit). `names`, when given, are
// what a screen reader says for each (a short label spelled out).
bool centeredButtons(const char* const* labels, int n, int primary, int* pressed, const char* const* names = nullptr) {
  const float total = buttonsRowWidth(labels, n);
  const float avail = ImGui::GetContentRegionAvail().x;
  const bool oneLine = total <= avail;
  const float x0 = ImGui::GetCursorPosX();
  if (oneLine) ImGui::SetCursorPosX(x0 + (avail - total) * 0.5f);
  *pressed = -1;
  for (int i = 0; i < n; ++i) {
    if (i && oneLine) ImGui::SameLine();
    const ImVec2 size(oneLine ? 0.0f : avail, ui::RowHeight(!oneLine) * 0.75f);
    if (i == primary ? ui::PrimaryButton(labels[i], size) : ui::QuietButton(labels[i], size)) *pressed = i;
    if (names) ui::a11y::name(names[i]);
  }
  return *pressed >= 0;
}

// The height centeredButtons() takes for these labels in the current width (one line, or one per line).
float centeredButtonsHeight(const char* const* labels, int n) {
  const bool oneLine = buttonsRowWidth(labels, n) <= ImGui::GetContentRegionAvail().x;
  const int rows = oneLine ? 1 : n;
  return float(rows) * (ui::RowHeight(!oneLine) * 0.75f + ImGui::GetStyle().ItemSpacing.y);
}

// The height of the tallest prompt, wrapped in the current width (the breath's size does not move as they change).
float tallestPromptHeight() {
  const float width = ImGui::GetContentRegionAvail().x;
  float tallest = 0;
  for (const char* prompt : kPrompts) tallest = std::max(tallest, ImGui::CalcTextSize(prompt, nullptr, false, width).y);
  return tallest + ImGui::GetStyle().ItemSpacing.y;
}

}  // namespace

void JournalView::startTimer(int64_t nowMs, const std::string& forId) {
  commitPendingEdits();
  m_timerFor = forId;
  m_timerResultId.clear();
  m_timer.start(nowMs, m_timerLength);
  m_timerOpen = true;
  m_timerPendingStart = false;
}

void JournalView::timerEnded(int64_t nowMs, bool checkIn) {
  const uint32_t seconds = m_timer.recordedSeconds();
  if (!m_timerFor.empty() && m_model.find(m_timerFor)) {
    if (m_openId != m_timerFor) open(m_timerFor);
    m_draft.fork.secondsStayed += seconds;
    m_draft.kind = "fork";
    noteEdit(nowMs);
    commitPendingEdits();
    m_timerResultId = m_timerFor;
  } else {
    // The quick path: a new fork entry holds the seconds at once; the words can come later, or never.
    JournalEntry e;
    e.kind = "fork";
    e.timeMs = nowMs - int64_t(seconds) * 1000;
    e.fork.secondsStayed = seconds;
    auto id = m_model.add(e);
    if (id) m_timerResultId = id.value();
    else m_saveError = id.error().message();
  }
  // After staying with something hard: "How is it now?", once for this time.
  if (checkIn && m_checkIn) m_checkIn("journal.timer/" + m_timerResultId + "/" + std::to_string(nowMs));
}

void JournalView::drawTimer(ui::ViewContext& ctx) {
  if (m_timerPendingStart) startTimer(ctx.nowMs, "");
  const bool wasRunning = m_timer.running();
  m_timer.update(ctx.nowMs);
  if (wasRunning && m_timer.finished()) {
    ui::a11y::announce(kTimeOver);  // said once, when the time runs out (not when stopped by hand)
    timerEnded(ctx.nowMs);
  }

  const ui::Palette& p = ui::palette();
  ImGui::BeginChild("journal-timer", ImVec2(0, 0));
  const float column = ImGui::GetContentRegionAvail().x;
  // While it runs, the ways to end it ("I'm done for now", "It's too much right now") are always in sight.
  // Where the page is short (a phone, large text) they stay at its foot while the rest scrolls above them,
  // the breath is made smaller, and the opening words are left out when even a small breath leaves no room
  // (a screen reader still hears them; the prompts say as much). They were below the fold there.
  const char* exits[] = {"I'm done for now", "It's too much right now"};
  const int exitCount = ctx.wayOut ? 2 : 1;
  const char* steps[] = {"10 s less", "10 s more"};
  const char* stepNames[] = {"10 seconds less", "10 seconds more"};
  const float em = ImGui::GetFontSize();
  const float gap = ImGui::GetStyle().ItemSpacing.y;
  const float topGap = em * (ctx.compact ? 0.5f : 1.5f);
  const float exitsH = centeredButtonsHeight(exits, exitCount);
  const float promptH = tallestPromptHeight() + gap;
  const float stepsH = centeredButtonsHeight(steps, 2);
  const char* intro = "A feeling is here. Nothing needs fixing right now. Let it be here for a little while.";
  const float introH = ImGui::CalcTextSize(intro, nullptr, false, column).y + gap;
  const float headingH = ctx.fonts.heading->FontSize + gap;
  const bool pinExits = m_timer.running() &&
                        ImGui::GetContentRegionAvail().y < topGap + headingH + introH + em * 8 + promptH + exitsH + stepsH;
  if (pinExits) ImGui::BeginChild("journal-timer-body", ImVec2(0, -(exitsH + gap)));
  // Where even that leaves the breath no room (a small phone, the largest text), the heading is said, not shown.
  if (pinExits && ImGui::GetContentRegionAvail().y < topGap + headingH + em * 4.5f) {
    ImGui::Dummy(ImVec2(column, 1.0f));   // the place a screen reader finds it (a heading needs a drawn item)
    ui::a11y::heading("Stay with it");
  } else {
    ImGui::Dummy(ImVec2(column, topGap));
    ImGui::PushFont(ctx.fonts.heading);
    centeredText("Stay with it", p.text, true);
    ImGui::PopFont();
  }

  if (m_timer.running()) {
    const float smallest = em * 4.0f;
    const float below = promptH + stepsH + (pinExits ? 0.0f : exitsH);
    if (ImGui::GetContentRegionAvail().y - introH - below - em >= smallest) centeredText(intro, p.muted);
    else ui::a11y::paragraph(intro);
    // The breath pacer.
    const float wanted = std::min(em * 12, std::max(em * 7, ImGui::GetContentRegionAvail().y * 0.42f));
    // With the exits at the foot, the breath fills what shows of the part above them (the prompt and the
    // time's steps scroll below it); it was cut in half there on a small phone with large text.
    const float room = ImGui::GetContentRegionAvail().y;
    const float h = pinExits ? std::max(em * 2.0f, std::min(wanted, room - em * 0.6f))
                             : std::max(smallest, std::min(wanted, room - below - em));
    const float above = pinExits ? std::clamp((room - h) * 0.5f, 0.0f, em * 0.5f) : em * 0.5f;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const ImVec2 c(top.x + column * 0.5f, top.y + h * 0.5f + above);
    const float rMax = h * 0.46f, rMin = h * 0.26f;
    const StayTimer::Breath b = m_timer.breath(ctx.nowMs);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(c, rMax, ImGui::GetColorU32(p.surface), 64);
    // Progress: a thin ring that fills once over the whole time.
    const float prog = m_timer.progress(ctx.nowMs);
    draw->PathArcTo(c, rMax, -IM_PI * 0.5f, -IM_PI * 0.5f + prog * 2 * IM_PI, 64);
    draw->PathStroke(ImGui::GetColorU32(p.accent), 0, 3.0f);
    const float ease = 0.5f - 0.5f * std::cos(b.fill * IM_PI);
    const float r = ctx.reducedMotion ? (rMin + rMax) * 0.5f - 4 : rMin + (rMax - rMin - 6) * ease;
    draw->AddCircleFilled(c, r, ImGui::GetColorU32(p.accentSoft), 64);
    const char* breath = b.in ? "breathe in" : "breathe out";
    char left[32];
    const uint32_t rem = m_timer.remainingSeconds(ctx.nowMs);
    std::snprintf(left, sizeof left, "%u:%02u", rem / 60, rem % 60);
    // A small breath holds the time alone, in the text's size; its word goes under it (it ran past the circle).
    const ImVec2 bs = ImGui::CalcTextSize(breath);
    const bool roomy = bs.x <= rMax * 1.7f;
    ImGui::PushFont(roomy ? ctx.fonts.heading : ImGui::GetFont());
    const ImVec2 ls = ImGui::CalcTextSize(left);
    draw->AddText(ImVec2(c.x - ls.x * 0.5f, c.y - ls.y * (roomy ? 0.8f : 0.5f)), ImGui::GetColorU32(p.text), left);
    ImGui::PopFont();
    const ImVec2 wordAt = roomy ? ImVec2(c.x - bs.x * 0.5f, c.y + ls.y * 0.35f) : ImVec2(c.x - bs.x * 0.5f, c.y + rMax + 2.0f);
    draw->AddText(wordAt, ImGui::GetColorU32(p.muted), breath);
    ImGui::Dummy(ImVec2(column, h + above * 2.0f + (roomy ? 0.0f : bs.y)));
    ui::a11y::status("journal/timer", breath);  // said once at each change of phase
    // The time left, in words a screen reader reads where it is (never said by itself each second).
    ui::a11y::status("journal/timer-left", timeLeftWords(rem).c_str(), false);
    const float promptTop = ImGui::GetCursorPosY();
    centeredText(kPrompts[m_timer.promptIndex(ctx.nowMs) % (sizeof kPrompts / sizeof *kPrompts)], p.text);
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), promptTop + promptH - gap));
    ImGui::Spacing();
    int pressed = -1, exit = -1, step = -1;
    const auto drawExits = [&] {
      if (centeredButtons(exits, exitCount, -1, &exit)) pressed = exit == 0 ? 2 : 3;
      if (ctx.wayOut && ctx.noteControl) ctx.noteControl("too-much", exits[1]);
    };
    if (!pinExits) drawExits();
    // The time made shorter or longer: short on screen, so that the two fit one line on a phone; spelled out
    // for a screen reader.
    if (centeredButtons(steps, 2, -1, &step, stepNames)) pressed = step;
    if (pinExits) {
      ui::TouchScroll();
      ImGui::EndChild();
      drawExits();
    }
    bool adjusted = pressed >= 0 && pressed <= 2;
    // Escape ends it as "I'm done for now" does (the time so far is kept).
    if (pressed < 0 && ui::EscapePressed()) {
      adjusted = true;
      pressed = 2;
    }
    if (adjusted || pressed == 3) {
      if (pressed == 0) m_timer.setLength(ctx.nowMs, m_timer.lengthSeconds() > 10 ? m_timer.lengthSeconds() - 10 : 10);
      if (pressed == 1) m_timer.extend(ctx.nowMs, 10);
      if (pressed == 2) m_timer.stop(ctx.nowMs);
      // Too much: the shell offers ways through, and nothing painful is put back on screen. An entry the
      // timer was for keeps the seconds stayed; the quick path makes no entry of its own (no empty "fork"
      // for each time it was too much), and the entry that was open is closed (until "Back").
      if (pressed == 3) {
        m_timer.stop(ctx.nowMs);
        if (m_timerFor.empty()) m_timer.reset();
        else timerEnded(ctx.nowMs, false);
        m_timer.reset();
        m_timerOpen = false;
        commitPendingEdits();
        m_putAwayForWayOut = m_openId;   // "Back" in the way out opens it again
        m_openId.clear();
        m_showEditorOnPhone = false;
        ctx.wayOut();
      }
      if (pressed <= 1 && m_timer.running()) m_timerLength = m_timer.lengthSeconds();
      if (pressed != 3 && m_timer.finished()) {
        if (pressed <= 1) ui::a11y::announce(kTimeOver);  // a shorter time that has already passed
        timerEnded(ctx.nowMs);
      }
    }
  } else if (m_timer.finished()) {
    const uint32_t s = m_timer.recordedSeconds();
    char line[96];
    if (s >= 60) std::snprintf(line, sizeof line, "You stayed with it for %u min %u s.", s / 60, s % 60);
    else std::snprintf(line, sizeof line, "You stayed with it for %u %s.", s, s == 1 ? "second" : "seconds");
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    centeredText(line, p.text);
    centeredText("Every moment of staying counts, however short. It is saved in your journal.", p.muted);
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    const char* labels[] = {"Write about it", "A little longer", "Not now"};
    int pressed = -1;
    if (!centeredButtons(labels, 3, 0, &pressed) && ui::EscapePressed()) pressed = 2;   // Escape: "Not now"
    if (pressed >= 0) {
      if (pressed == 0) {
        m_timerOpen = false;
        if (!m_timerResultId.empty() && m_model.find(m_timerResultId)) {
          open(m_timerResultId);
          m_focusText = true;
          m_showEditorOnPhone = true;
        }
        m_timer.reset();
      } else if (pressed == 1) {
        // Carries on; the extra seconds are added to the same entry when it ends.
        m_timerFor = m_timerResultId;
        m_timer.reset();
        m_timer.start(ctx.nowMs, StayTimer::kDefaultSeconds);
      } else {
        m_timerOpen = false;
        m_timer.reset();
      }
    }
  } else {
    m_timerOpen = false;
  }
  ui::TouchScroll();   // on a short phone its buttons are below the breath: a finger reaches them
  ImGui::EndChild();
}

}  // namespace toward::journal
