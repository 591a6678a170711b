// plugins/texture_box/texture_box_view_session.cpp: the grounding session (see texture_box_view.h):
// rate before, choose an object (or a suggestion), choose a length, touch and breath prompts, stop at
// any time, rate after, an optional note. With less motion the breath guide does not move: only its
// words change.
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/way_out.h"
#include "core/ui/a11y.h"
#include "core/ui/widgets.h"
#include "plugins/texture_box/texture_box_view.h"
#include "plugins/texture_box/breath_ring.h"

namespace toward::texture_box {

// A step's heading; when the step has just changed, a screen reader is told it too (the focus may stay on
// "Next", which is the same control from step to step, and would say nothing of the new step).
void TextureBoxView::stepHeading(ui::ViewContext& ctx, const char* heading) {
  ui::Heading(ctx.fonts, heading);
  if (m_saidStep == m_step) return;
  m_saidStep = m_step;
  ui::a11y::announce(heading);
}

void TextureBoxView::runAction(const std::string& actionId) {
  if (actionId != "ground") return;
  // In a hard moment, no questions first: the object most likely to help (or just the breath) and the
  // usual length. How strong it was is not asked (the session is saved without a "before").
  startSession();
  m_before = -1;
  const auto suggestions = m_model.suggest(-1, 1);
  if (!suggestions.empty()) m_sessionObject = suggestions.front().objectId;
  m_groundNow = true;
}

void TextureBoxView::beginRunning(int64_t nowMs) {
  m_startMs = nowMs;
  m_lengthMs = m_model.sessionLengthMs(m_minutes);
  m_step = Step::Running;
  // Saved from its first second: whatever happens next, the session is recorded.
  auto id = m_model.addSession(sessionSoFar(nowMs));
  m_sessionId = id ? id.value() : std::string();
  m_sessionSavedMs = nowMs;
}

GroundingSession TextureBoxView::sessionSoFar(int64_t nowMs) const {
  GroundingSession s;
  s.timeMs = m_startMs;
  s.objectId = m_sessionObject;
  if (const TextureObject* o = m_model.find(m_sessionObject)) s.objectName = o->name;
  s.plannedSeconds = uint32_t(m_lengthMs / 1000);
  const int64_t end = m_step == Step::Running ? std::min(nowMs, m_startMs + m_lengthMs) : m_stoppedMs;
  s.secondsSpent = uint32_t(std::max<int64_t>(0, end - m_startMs) / 1000);
  s.distressBefore = m_before;
  s.note = m_sessionNote;
  return s;
}

void TextureBoxView::recordRunningSession(int64_t nowMs) {
  if (m_page != Page::Session || m_step != Step::Running || m_sessionId.empty()) return;
  if (m_model.saveSession(m_sessionId, sessionSoFar(nowMs))) m_sessionSavedMs = nowMs;
}

// The note is the person's words: the session's record takes it as it is typed, not only at "Save" (the
// person may go to "A feeling is here" from here, or close the tab). The rating after waits for "Save": the
// slider's starting place is not an answer.
void TextureBoxView::keepNote(int64_t nowMs) {
  if (m_sessionNote == m_noteKept) return;
  GroundingSession s = sessionSoFar(nowMs);
  if (m_sessionId.empty()) {
    if (auto id = m_model.addSession(s)) m_sessionId = id.value();
    else return;
  } else if (!m_model.saveSession(m_sessionId, s)) {
    return;
  }
  m_noteKept = m_sessionNote;
}

void TextureBoxView::startSession() {
  m_message.clear();
  m_page = Page::Session;
  m_step = Step::Before;
  m_before = m_after = 50;
  m_sessionObject.clear();
  m_sessionNote.clear();
  m_noteKept.clear();
  m_savedSessionId.clear();
  m_sessionId.clear();
  m_stoppedMs = 0;
}

bool TextureBoxView::drawRating(ui::ViewContext& ctx, const char* id, const char* name, int& value) {
  const core::DistressScale scale = core::loadDistressScale(m_model.store());
  ImGui::PushItemWidth(ctx.compact ? -1.0f : std::min(520.0f, ImGui::GetContentRegionAvail().x));
  ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, ImGui::GetFontSize() * 1.6f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, ImGui::GetFontSize() * 0.6f));
  const bool changed = ui::Slider(id, &value, 0, 100, "%d", ImGuiSliderFlags_AlwaysClamp);
  const std::string words = std::to_string(value) + ": " + core::distressWords(scale, value);
  ui::a11y::name(name);
  ui::a11y::value(words);  // said as the app shows it: "50: unsettled", not just "50"
  ImGui::PopStyleVar(2);
  ImGui::PopItemWidth();
  // Room for two lines, whatever the words: moving the slider never moves what is below it.
  const float top = ImGui::GetCursorPosY();
  ui::BodyText(words.c_str());
  const float room = ImGui::GetTextLineHeightWithSpacing() * 2;
  if (ImGui::GetCursorPosY() < top + room) {
    ImGui::SetCursorPosY(top);
    ImGui::Dummy(ImVec2(0, room - ImGui::GetStyle().ItemSpacing.y));
  }
  if (!scale.personal()) {
    ui::MutedText("You can describe 0, 50 and 100 in your own words.");
    if (ui::QuietButton("Put it in my own words")) { m_scaleLoaded = false; m_scaleReturn = Page::Session; m_page = Page::Scale; }
  }
  return changed;
}

void TextureBoxView::finishRunning(int64_t nowMs) {
  recordRunningSession(nowMs);   // the seconds, before any rating
  m_stoppedMs = nowMs;
  m_after = m_before >= 0 ? m_before : 50;
  m_step = Step::After;
}

void TextureBoxView::drawSession(ui::ViewContext& ctx) {
  if (m_groundNow) {
    m_groundNow = false;
    beginRunning(ctx.nowMs);
  }
  // A new step begins at its top (on a short phone, "Begin" was reached by scrolling, and the breath guide
  // then opened scrolled half out of sight).
  if (m_shownStep != m_step) {
    m_shownStep = m_step;
    ImGui::SetScrollY(0.0f);
  }
  const ImVec2 row(0, ui::RowHeight(ctx.compact));
  const ui::Palette& p = ui::palette();
  switch (m_step) {
    case Step::Before: {
      stepHeading(ctx, "Grounding");
      ui::MutedText("First, how strong is it right now? There is no right answer.");
      ImGui::Spacing();
      drawRating(ctx, "##before", "How strong it is right now", m_before);
      ImGui::Spacing();
      if (ui::PrimaryButton("Next", row)) m_step = m_sessionObject.empty() ? Step::Choose : Step::Length;
      ImGui::SameLine();
      if (ui::QuietButton("Not now", row) || ui::EscapePressed()) m_page = Page::Box;
      ImGui::Spacing();
      ui::TooMuchButton(ctx, row);
      break;
    }
    case Step::Choose: {
      stepHeading(ctx, "Choose something to hold");
      const auto suggestions = m_model.suggest(m_before, 3);
      if (!suggestions.empty()) ui::MutedText("From your box, for a moment like this:");
      ImGui::BeginChild("choose", ImVec2(0, -row.y - ImGui::GetStyle().ItemSpacing.y * 2));
      for (const auto& s : suggestions) {
        const TextureObject* o = m_model.find(s.objectId);
        if (!o) continue;
        ImGui::PushID(s.objectId.c_str());
        const std::string label = (o->name.empty() ? std::string("Without a name") : o->name) + "  \xE2\x80\x94  " + s.why;
        const bool chosen = m_sessionObject == s.objectId;
        if (ImGui::Selectable(label.c_str(), chosen, 0, ImVec2(0, row.y))) m_sessionObject = s.objectId;
        ui::a11y::radio(chosen);
        ImGui::PopID();
      }
      if (m_model.size() > suggestions.size()) {
        ImGui::Spacing();
        ui::MutedText("Everything in your box:");
        for (const auto& id : m_model.ordered()) {
          const TextureObject* o = m_model.find(id);
          ImGui::PushID(id.c_str());
          ImGui::PushID("all");
          const bool chosen = m_sessionObject == id;
          if (ImGui::Selectable(o->name.empty() ? "Without a name" : o->name.c_str(), chosen, 0, ImVec2(0, row.y)))
            m_sessionObject = id;
          ui::a11y::radio(chosen);
          ImGui::PopID();
          ImGui::PopID();
        }
      }
      if (ImGui::Selectable("Just my breath, without an object", m_sessionObject.empty(), 0, ImVec2(0, row.y))) m_sessionObject.clear();
      ui::a11y::radio(m_sessionObject.empty());
      ui::TouchScroll();
      ImGui::EndChild();
      if (ui::PrimaryButton("Next", row)) m_step = Step::Length;
      ImGui::SameLine();
      if (ui::QuietButton("Back", row) || ui::EscapePressed()) m_step = Step::Before;
      break;
    }
    case Step::Length: {
      stepHeading(ctx, "How long?");
      ui::MutedText("You can stop at any time.");
      ImGui::Spacing();
      // four buttons in a row; two rows of two on a phone
      const float spacing = ImGui::GetStyle().ItemSpacing.x;
      const float bw = ctx.compact ? (ImGui::GetContentRegionAvail().x - spacing) / 2
                                   : ImGui::CalcTextSize("5 minutes").x + ImGui::GetStyle().FramePadding.x * 4;
      const auto& lengths = sessionMinutes();
      ui::a11y::beginRadioGroup("How long?");
      for (size_t i = 0; i < lengths.size(); ++i) {
        const uint32_t m = lengths[i];
        const std::string label = std::to_string(m) + (m == 1 ? " minute" : " minutes");
        ImGui::PushID(int(m));
        const bool chosen = m == m_minutes;
        if (chosen ? ui::PrimaryButton(label.c_str(), ImVec2(bw, row.y)) : ui::QuietButton(label.c_str(), ImVec2(bw, row.y)))
          m_minutes = m;
        ui::a11y::radio(chosen);
        ImGui::PopID();
        if (i + 1 < lengths.size() && !(ctx.compact && i % 2 == 1)) ImGui::SameLine();
      }
      ui::a11y::endRadioGroup();
      ImGui::Spacing();
      if (ui::PrimaryButton("Begin", row)) beginRunning(ctx.nowMs);
      ImGui::SameLine();
      if (ui::QuietButton("Back", row) || ui::EscapePressed()) m_step = Step::Choose;
      break;
    }
    case Step::Running: {
      const int64_t elapsed = ctx.nowMs - m_startMs;
      const Pacing pace = pacingAt(elapsed, m_lengthMs);
      if (pace.finished) { finishRunning(m_startMs + m_lengthMs); break; }
      if (ctx.nowMs - m_sessionSavedMs >= kSessionSaveEveryMs) recordRunningSession(ctx.nowMs);
      const TextureObject* o = m_model.find(m_sessionObject);
      const float avail = ImGui::GetContentRegionAvail().x;
      if (o) {
        ui::MutedText(("With " + (o->name.empty() ? std::string("your object") : o->name)).c_str());
        if (!o->photoId.empty()) {
          const float side = ctx.compact ? 120.0f : 140.0f;
          drawPhoto(o->photoId, false, side, o->name);
        }
      }
      ImGui::Spacing();
      // the breath guide: a soft circle that grows with the in-breath and shrinks with the out-breath
      // (the ring is never narrower than its words, at any text size: on a short phone at 150 % they ran
      // out of it)
      static constexpr const char* kBreathIn = "Breathe in, slowly";
      static constexpr const char* kBreathOut = "And out, a little longer";
      const char* breath = pace.breatheIn ? kBreathIn : kBreathOut;
      const ImVec2 bs = ImGui::CalcTextSize(breath);
      const float widest = std::max(ImGui::CalcTextSize(kBreathIn).x, ImGui::CalcTextSize(kBreathOut).x);
      const BreathRing ring = breathRing(avail, ImGui::GetContentRegionAvail().y, widest, ImGui::GetFontSize());
      const float maxR = ring.outer, minR = ring.inner;
      float t = pace.breatheIn ? pace.breath : 1.0f - pace.breath;
      t = 0.5f - 0.5f * std::cos(t * 3.14159265f);
      const float radius = m_reducedMotion ? maxR * 0.75f : minR + (maxR - minR) * t;
      const ImVec2 top = ImGui::GetCursorScreenPos();
      const ImVec2 centre(top.x + (ctx.compact ? avail * 0.5f : maxR + 8), top.y + maxR + 4);
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddCircleFilled(centre, radius, ImGui::GetColorU32(p.accentSoft), 64);
      dl->AddCircle(centre, maxR, ImGui::GetColorU32(p.border), 64);
      dl->AddText(ImVec2(centre.x - bs.x / 2, centre.y - bs.y / 2), ImGui::GetColorU32(p.text), breath);
      ImGui::Dummy(ImVec2(maxR * 2 + 16, maxR * 2 + 8));
      // (said as what it is, not as each breath: the words change every few seconds)
      ui::a11y::paragraph("A breathing guide: the circle grows as you breathe in, and shrinks as you breathe out.");
      ImGui::Spacing();
      ImGui::PushFont(ctx.fonts.heading);
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(avail, 640.0f));
      // With no object chosen ("Just my breath"), nothing asks to hold one.
      const auto& prompts = m_sessionObject.empty() ? breathPrompts() : touchPrompts();
      ImGui::TextWrapped("%s", prompts[pace.prompt % prompts.size()].c_str());
      ui::a11y::paragraph(prompts[pace.prompt % prompts.size()].c_str());
      ImGui::PopTextWrapPos();
      ImGui::PopFont();
      const int64_t left = std::max<int64_t>(0, m_lengthMs - elapsed);
      const std::string remaining = left > 90000 ? "About " + std::to_string((left + 30000) / 60000) + " minutes left"
                                    : left > 45000 ? std::string("About a minute left")
                                                   : std::string("Less than a minute left");
      ui::MutedText(remaining.c_str());
      ImGui::Spacing();
      // Escape stops here too (the time so far is kept), as it leaves every other step and dialog.
      if (ui::QuietButton("Stop here", row) || ui::EscapePressed())
        finishRunning(ctx.nowMs);
      ImGui::SameLine();
      // Too much even here: the time so far is kept, and the shell offers other ways through.
      if (ui::TooMuchButton(ctx, row)) finishRunning(ctx.nowMs);
      break;
    }
    case Step::After: {
      stepHeading(ctx, "And now?");
      ui::MutedText("How strong is it now? Any answer is fine, and so is the same number.");
      ImGui::Spacing();
      drawRating(ctx, "##after", "How strong it is now", m_after);
      ImGui::Spacing();
      ui::MutedText("A note, if you like");
      ui::TextArea(ctx.platform.textInput(), "texture.session/note", m_sessionNote, ImVec2(-1, ImGui::GetTextLineHeight() * 3),
                   {"What helped, what you noticed", "Session note", false});
      keepNote(ctx.nowMs);
      ImGui::Spacing();
      const bool save = ui::PrimaryButton("Save", row);
      ImGui::SameLine();
      const bool saveUnrated = ui::QuietButton("Save without rating", row);
      if (save || saveUnrated) {
        GroundingSession s = sessionSoFar(ctx.nowMs);
        s.distressAfter = save ? m_after : -1;
        // The record made when the session began gets the answers (a new one if that write had failed).
        core::Result<std::string> saved = m_sessionId.empty() ? m_model.addSession(s) : core::Result<std::string>(m_sessionId);
        if (saved && !m_sessionId.empty()) {
          if (auto st = m_model.saveSession(m_sessionId, s); !st) saved = core::Result<std::string>(st);
        }
        if (saved) {
          m_savedSessionId = save ? saved.value() : std::string();
          m_step = Step::Done;
          // It got stronger: "How is it now?", once for this session.
          if (save && m_before >= 0 && m_after > m_before && ctx.checkIn) ctx.checkIn("texture.session/" + saved.value());
        } else {
          m_message = saved.error().message();
        }
      }
      if (!m_message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, p.warning);
        const std::string words = "Your answers are still here, but could not be saved yet (" + m_message + ").";
        ImGui::TextWrapped("%s", words.c_str());
        ui::a11y::paragraph(words.c_str());
        ImGui::PopStyleColor();
      }
      break;
    }
    case Step::Done: {
      stepHeading(ctx, "Thank you for taking this time");
      std::string said;
      if (m_savedSessionId.empty()) said = "Saved, without a rating after.";
      else if (m_before < 0) said = "Saved: " + std::to_string(m_after) + " afterwards. Thank you for staying with it.";
      else if (m_after < m_before) said = "From " + std::to_string(m_before) + " to " + std::to_string(m_after) + ". Some of it eased.";
      else if (m_after == m_before) said = "It stayed at " + std::to_string(m_after) + ". Staying with it is something too.";
      else said = "From " + std::to_string(m_before) + " to " + std::to_string(m_after) + ". Hard moments can stay hard for a while; you stayed with it.";
      ui::BodyText(said.c_str());
      if (const TextureObject* o = m_model.find(m_sessionObject)) {
        ui::MutedText((o->name + ": " + reliefWords(m_model.reliefFor(m_sessionObject)) + ".").c_str());
      }
      ImGui::Spacing();
      if (ui::PrimaryButton("Back to the box", row)) m_page = Page::Box;
      ImGui::SameLine();
      if (ui::QuietButton("Another round", row)) startSession();
      break;
    }
  }
}

}  // namespace toward::texture_box
