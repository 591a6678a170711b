// plugins/journal/journal_view_editor.cpp: the journal editor (see journal_view.h): kind, date and time,
// title, text, the fork's fields, tags, content note, "bring to my next session", "do not resurface".
#include <imgui.h>

#include <algorithm>
#include <ctime>

#include "core/text_fold.h"
#include "core/time_format.h"
#include "core/ui/text_field.h"
#include "core/ui/theme.h"
#include "core/ui/way_out.h"
#include "core/ui/widgets.h"
#include "core/ui/a11y.h"
#include "plugins/journal/feelings_vocabulary.h"
#include "plugins/journal/journal_view.h"
#include "plugins/journal/journal_view_parts.h"

namespace toward::journal {
namespace {

bool contains(const std::vector<std::string>& xs, const std::string& x) { return std::find(xs.begin(), xs.end(), x) != xs.end(); }

// A small button beside a line of text on a desktop; a full-height one (a finger's target) on a phone.
bool touchOrSmallButton(const ui::ViewContext& ctx, const char* label) {
  return ctx.compact ? ui::QuietButton(label) : ImGui::SmallButton(label);
}

void toggle(std::vector<std::string>& xs, const std::string& x) {
  auto it = std::find(xs.begin(), xs.end(), x);
  if (it == xs.end()) xs.push_back(x);
  else xs.erase(it);
}

const char* textPlaceholder(const std::string& kind) {
  if (kind == "fork") return "Anything else you want to keep about this moment.";
  if (kind == "session") return "What came up in the session, what you want to remember, what you want to ask next time.";
  if (kind == "words") return "Words someone kind said, to read again when you need them.";
  return "Write whatever is here right now.";
}

int64_t composeLocal(const int when[5]) {
  std::tm tm{};
  tm.tm_year = when[0] - 1900;
  tm.tm_mon = when[1] - 1;
  tm.tm_mday = when[2];
  tm.tm_hour = when[3];
  tm.tm_min = when[4];
  tm.tm_isdst = -1;
  return int64_t(std::mktime(&tm)) * 1000;
}

}  // namespace

void JournalView::drawOnThisDay(ui::ViewContext& ctx) {
  // Only entries that may resurface (Settings can turn it off), and never one with a content note without asking.
  const auto& earlier = m_model.onThisDay(ctx.nowMs);
  if (earlier.empty()) return;
  if (!ctx.compact) ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));   // apart from the quiet page's words above it
  parts::Label("On this day, in earlier years");
  for (size_t i = 0; i < earlier.size() && i < 3; ++i) {
    const JournalEntry* e = m_model.find(earlier[i]);
    if (!e) continue;
    ImGui::PushID(int(i));
    // The day first: it is what this list is about, and a long entry's words end in "..." on a phone.
    const std::string label = core::formatShortWhen(e->timeMs, ctx.nowMs) + "  \xC2\xB7  " + describeEntry(*e);
    const bool chosen = ui::QuietButtonOnOneLine(label, ctx.compact);
    ImGui::PopID();
    if (chosen) {
      const std::string id = earlier[i];   // open() may change what onThisDay answers: nothing more is read from it
      open(id);
      m_showEditorOnPhone = true;
      break;
    }
  }
  if (ctx.compact) ImGui::Spacing();   // apart from the list under it
}

void JournalView::drawEditor(ui::ViewContext& ctx) {
  if (m_openId.empty() || !m_model.find(m_openId)) {
    ImGui::BeginChild("journal-empty", ImVec2(0, 0));
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 3));
    ui::Heading(ctx.fonts, "A quiet page");
    ui::MutedText("Choose an entry, or start a new one. Whatever you write here stays on this device, and is saved "
                  "as you go.");
    ImGui::Spacing();
    ui::MutedText("When a painful feeling arrives, \"A feeling is here\" opens a short, gentle timer first. You can "
                  "write about it afterwards, or not at all.");
    ImGui::Spacing();
    // What Toward is, said calmly where every first visit begins.
    ui::MutedText("Toward is a companion to therapy, not a replacement and not an emergency service. In an emergency, "
                  "call your local emergency number or a crisis line; your safety plan here can keep them close.");
    drawOnThisDay(ctx);
    ImGui::EndChild();
    return;
  }
  ImGui::BeginChild("journal-editor", ImVec2(0, 0));
  ui::StartAtTopWhenChanged(m_editorShows, m_openId);
  auto& text = ctx.platform.textInput();
  const std::string key = "journal.entry/" + m_openId + "/";

  if (!m_revealed) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 2));
    ui::Heading(ctx.fonts, describeEntry(m_draft).c_str());
    ui::MutedText(core::formatLongDate(m_draft.timeMs).c_str());
    ImGui::Spacing();
    ui::MutedText("You can open it now, later, or not at all.");
    if (ui::PrimaryButton("Show this entry")) m_revealed = true;
    ImGui::EndChild();
    return;
  }

  drawEntryHeader(ctx);
  if (ui::TextLine(text, key + "title", m_draft.title, -1, {"A title, if you like", "Title", false})) noteEdit(ctx.nowMs);

  if (m_draft.kind == "fork") {
    drawForkFields(ctx);
    parts::Label("Anything else");
    if (ui::TextArea(text, key + "text", m_draft.text, ImVec2(-1, ImGui::GetTextLineHeight() * 5),
                     {textPlaceholder(m_draft.kind), "Entry text", false})) {
      noteEdit(ctx.nowMs);
    }
  } else {
    const float rest = ImGui::GetFrameHeightWithSpacing() * (ctx.compact ? 8.5f : 5.6f);
    const float h = std::max(ImGui::GetTextLineHeight() * 8, ImGui::GetContentRegionAvail().y - rest);
    if (ui::TextArea(text, key + "text", m_draft.text, ImVec2(-1, h), {textPlaceholder(m_draft.kind), "Entry text", m_focusText})) {
      noteEdit(ctx.nowMs);
    }
  }
  m_focusText = false;
  drawEntryFooter(ctx);
  ui::TouchScroll();
  ImGui::EndChild();
}

void JournalView::drawEntryHeader(ui::ViewContext& ctx) {
  parts::Flow flow;
  ui::a11y::beginRadioGroup("What kind of entry");
  for (const auto& k : entryKinds()) {
    const bool pressed = parts::Chip(k.label, m_draft.kind == k.value, &flow);
    ui::a11y::radio(m_draft.kind == k.value);
    if (pressed && m_draft.kind != k.value) {
      m_draft.kind = k.value;
      noteEdit(ctx.nowMs);
      commitPendingEdits();
    }
    ui::Hint(k.hint);
  }
  ui::a11y::endRadioGroup();
  ImGui::AlignTextToFramePadding();
  ui::MutedText((core::formatLongDate(m_draft.timeMs) + ", " + core::formatDateTime(m_draft.timeMs).substr(
                     core::formatDateTime(m_draft.timeMs).rfind(' ') + 1)).c_str());
  if (!ctx.compact) ImGui::SameLine();
  if (touchOrSmallButton(ctx, "Change date or time")) {
    std::time_t t = std::time_t(m_draft.timeMs / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    m_when[0] = tm.tm_year + 1900;
    m_when[1] = tm.tm_mon + 1;
    m_when[2] = tm.tm_mday;
    m_when[3] = tm.tm_hour;
    m_when[4] = tm.tm_min;
    ImGui::OpenPopup("entry-when");
  }
  if (ImGui::BeginPopup("entry-when")) {
    // A dialog to a screen reader and the keyboard: the focus goes into it (it stayed on the button under it,
    // whose ring was drawn over the year), and Escape leaves it as "Leave it" does.
    ui::a11y::beginDialog("When did this happen?");
    ImGui::TextUnformatted("When did this happen?");
    ui::a11y::heading("When did this happen?", 3);
    const char* names[] = {"Year", "Month", "Day", "Hour", "Minute"};
    const int lo[] = {1900, 1, 1, 0, 0}, hi[] = {2200, 12, 31, 23, 59};
    for (int i = 0; i < 5; ++i) {
      ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
      ImGui::InputInt(names[i], &m_when[i]);
      m_when[i] = std::clamp(m_when[i], lo[i], hi[i]);
    }
    m_when[2] = std::min(m_when[2], daysInMonth(m_when[0], m_when[1]));
    ui::MutedText(core::formatDateTime(composeLocal(m_when)).c_str());
    if (ui::PrimaryButton("Use this time")) {
      m_draft.timeMs = composeLocal(m_when);
      noteEdit(ctx.nowMs);
      commitPendingEdits();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool leave = ui::QuietButton("Leave it");
    ui::a11y::cancel();
    if (leave) ImGui::CloseCurrentPopup();
    ui::a11y::endDialog();
    ImGui::EndPopup();
  }
}

void JournalView::drawForkFields(ui::ViewContext& ctx) {
  auto& text = ctx.platform.textInput();
  const std::string key = "journal.entry/" + m_openId + "/";
  Fork& f = m_draft.fork;

  parts::Label("What happened");
  // Always within reach while writing about something hard: a small button at the end of the label's
  // line (as tall as the label, so nothing on the page moves).
  if (ctx.wayOut && ctx.compact) {
    // On a phone, a whole row a finger finds at once (the small one would be a 21 px target).
    ui::TooMuchButton(ctx, ImVec2(-1, ui::RowHeight(true)));
  } else if (ctx.wayOut) {
    const char* tooMuch = "It's too much right now";
    const float w = ImGui::CalcTextSize(tooMuch).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - w));
    if (ImGui::SmallButton(tooMuch)) ctx.wayOut();
    if (ctx.noteControl) ctx.noteControl("too-much", tooMuch);
  }
  if (ui::TextArea(text, key + "whatHappened", f.whatHappened, ImVec2(-1, ImGui::GetTextLineHeight() * 3.6f),
                   {"What was happening when the feeling arrived?", "What happened", m_focusText})) {
    noteEdit(ctx.nowMs);
  }

  parts::Label("Feelings, and how strong each one is (0-10)");
  // The picker sits above the chosen feelings, so a feeling chosen adds its row below the chips and nothing
  // under the pointer moves.
  if (parts::Chip(m_pickingFeelings ? "Done choosing" : "+ Choose feelings", m_pickingFeelings)) m_pickingFeelings = !m_pickingFeelings;
  if (ctx.noteControl) ctx.noteControl("journal:choose-feelings", m_pickingFeelings ? "Done choosing" : "+ Choose feelings");
  if (m_pickingFeelings) drawFeelingPicker(ctx);
  for (size_t i = 0; i < f.feelings.size(); ++i) {
    ImGui::PushID(int(i));
    Feeling& feeling = f.feelings[i];
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(feeling.word.c_str());
    ui::a11y::paragraph(feeling.word.c_str());
    if (const FeelingWord* w = findFeeling(feeling.word)) ui::Hint(w->meaning);
    ImGui::SameLine(ImGui::GetFontSize() * (ctx.compact ? 6.5f : 9.0f));
    int v = int(feeling.intensity);
    const float removeW = ImGui::CalcTextSize("Remove").x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x + 4;
    ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - removeW));
    const bool moved = ui::Slider("##intensity", &v, 0, 10);
    ui::a11y::name(("How strong: " + feeling.word).c_str());
    if (moved) {
      feeling.intensity = uint32_t(v);
      noteEdit(ctx.nowMs);
    }
    if (ctx.noteControl) ctx.noteControl("journal:intensity:" + feeling.word, "How strong: " + feeling.word);
    ImGui::SameLine();
    bool removed = false;
    const bool remove = touchOrSmallButton(ctx, "Remove");
    ui::a11y::name(("Remove " + feeling.word).c_str());   // which feeling, for a screen reader
    if (remove) {
      f.feelings.erase(f.feelings.begin() + long(i));
      noteEdit(ctx.nowMs);
      removed = true;
    }
    ImGui::PopID();
    if (removed) break;
  }

  parts::Label("Where it sits in the body");
  {
    parts::Flow flow;
    for (const auto& a : bodyAreas()) {
      if (parts::Chip(a.label, contains(f.bodyAreas, a.value), &flow)) {
        toggle(f.bodyAreas, a.value);
        noteEdit(ctx.nowMs);
      }
      if (ctx.noteControl) ctx.noteControl(std::string("journal:body:") + a.value, a.label);
    }
  }

  parts::Label("The urge: what I wanted to do to make it stop");
  {
    parts::Flow flow;
    for (const auto& u : builtInUrges()) {
      if (parts::Chip(u.label, contains(f.urges, u.value), &flow)) {
        toggle(f.urges, u.value);
        noteEdit(ctx.nowMs);
      }
      ui::Hint(u.hint);
    }
    for (size_t i = 0; i < f.urges.size(); ++i) {
      const std::string own = f.urges[i];
      if (labelOf(builtInUrges(), own) != own) continue;  // built in: shown above
      ImGui::PushID(int(1000 + i));
      if (parts::Chip(own.c_str(), true, &flow)) {
        toggle(f.urges, own);
        noteEdit(ctx.nowMs);
        ImGui::PopID();
        break;
      }
      ImGui::PopID();
    }
  }
  if (contains(f.urges, "self-harm urge")) {
    ui::MutedText("That urge can be very strong. If you are not safe right now, please reach out to someone you "
                  "trust or a crisis line.");
    // One press to the people and lines in the safety plan, or to the plan itself (what is typed here is
    // saved first: leaving the page hands it over).
    if (ctx.quickAction) {
      if (ui::QuietButton("Someone to call")) {
        commitPendingEdits();
        ctx.quickAction("call");
      }
      ImGui::SameLine();
      if (ui::QuietButton("My safety plan")) {
        commitPendingEdits();
        ctx.quickAction("plan");
      }
    }
  }
  // The urge to message the therapist now: the same words can go into a letter that waits here.
  if (contains(f.urges, "writing to the therapist") && ctx.quickAction) {
    if (ui::QuietButton("Write it here instead")) ctx.quickAction("therapist");
    ui::Hint("A letter to your therapist that waits here. Nothing is sent.");
  }
  ui::TextLine(text, key + "ownUrge", m_ownUrge, -ImGui::GetFontSize() * 6, {.placeholder = "Another urge, in your words", .label = "Another urge", .kept = false});
  ImGui::SameLine();
  const bool addUrge = ui::QuietButton("Add##urge") || text.takeSubmit(key + "ownUrge");
  ui::a11y::name("Add this urge");
  if (addUrge && !core::foldForSearch(m_ownUrge).empty()) {
    if (!contains(f.urges, m_ownUrge)) f.urges.push_back(m_ownUrge);
    m_ownUrge.clear();
    noteEdit(ctx.nowMs);
  }

  parts::Label("Which way did I go?");
  {
    // One way of a set (read as radios, checked or not); pressing the chosen one again leaves it open.
    parts::Flow flow;
    ui::a11y::beginRadioGroup("Which way did I go?");
    for (const auto& d : directions()) {
      const bool pressed = parts::Chip(d.label, f.direction == d.value, &flow);
      ui::a11y::radio(f.direction == d.value);
      if (pressed) {
        f.direction = f.direction == d.value ? "" : d.value;
        noteEdit(ctx.nowMs);
      }
      if (ctx.noteControl) ctx.noteControl(std::string("journal:direction:") + d.value, d.label);
    }
    ui::a11y::endRadioGroup();
    // The chosen way's few words, in room kept for the longest of them: choosing one moves nothing below.
    const float wrapW = ImGui::GetContentRegionAvail().x;
    const char* open = "any way is worth knowing, and this can stay open";   // nothing chosen yet
    float room = ImGui::CalcTextSize(open, nullptr, false, wrapW).y;
    const char* hint = nullptr;
    for (const auto& d : directions()) {
      room = std::max(room, ImGui::CalcTextSize(d.hint, nullptr, false, wrapW).y);
      if (f.direction == d.value) hint = d.hint;
    }
    const float top = ImGui::GetCursorPosY();
    // Nothing chosen yet: the room says the question may stay open (not an empty gap).
    ui::MutedText(hint ? hint : open);
    ImGui::SetCursorPosY(top);
    ImGui::Dummy(ImVec2(0, room));
  }

  parts::Label("How long I stayed with it");
  ImGui::AlignTextToFramePadding();
  const std::string stayed = f.secondsStayed == 0 ? "Not timed"
                            : std::to_string(f.secondsStayed) + (f.secondsStayed == 1 ? " second" : " seconds");
  ImGui::TextUnformatted(stayed.c_str());
  ui::a11y::paragraph(stayed.c_str());
  ImGui::SameLine();
  if (ui::QuietButton("Stay with it now")) startTimer(ctx.nowMs, m_openId);
  drawSecondsStayed(ctx, f);

  parts::Label("Where compassion came from");
  {
    parts::Flow flow;
    ui::a11y::beginRadioGroup("Where compassion came from");
    for (const auto& c : compassionSources()) {
      const bool pressed = parts::Chip(c.label, f.compassionFrom == c.value, &flow);
      ui::a11y::radio(f.compassionFrom == c.value);
      if (pressed) {
        f.compassionFrom = f.compassionFrom == c.value ? "" : c.value;
        noteEdit(ctx.nowMs);
      }
      if (ctx.noteControl) ctx.noteControl(std::string("journal:compassion:") + c.value, c.label);
    }
    ui::a11y::endRadioGroup();
  }

  parts::Label("How strong it is now (0-10)");
  if (f.intensityAfter < 0) {
    if (ui::QuietButton("Rate it now")) {
      f.intensityAfter = std::max(0, intensityBefore(f));
      noteEdit(ctx.nowMs);
    }
  } else {
    // The button takes the rating away again (it read "Not rated" beside a slider at a number: a state, not a
    // choice, and it contradicted the slider).
    const char* unrate = "Leave unrated";
    int after = f.intensityAfter;
    const float notRatedW = ImGui::CalcTextSize(unrate).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x + 4;
    ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - notRatedW));
    const bool moved = ui::Slider("##after", &after, 0, 10);
    ui::a11y::name("How strong it is now");
    if (moved) {
      f.intensityAfter = after;
      noteEdit(ctx.nowMs);
    }
    ImGui::SameLine();
    if (touchOrSmallButton(ctx, unrate)) {
      f.intensityAfter = -1;
      noteEdit(ctx.nowMs);
    }
  }

  parts::Label("What happened next");
  if (ui::TextArea(text, key + "afterwards", f.afterwards, ImVec2(-1, ImGui::GetTextLineHeight() * 3),
                   {"What did you do, how did it go?", "What happened next", false})) {
    noteEdit(ctx.nowMs);
  }
}

// "How long I stayed with it", in seconds: a box to type the number into (digits on a phone's keyboard)
// and two buttons that take 5 seconds off or add 5, each named for what it does.
void JournalView::drawSecondsStayed(ui::ViewContext& ctx, Fork& f) {
  constexpr uint32_t kMostSeconds = 86400;
  if (m_secondsText.empty() ? f.secondsStayed != 0 : f.secondsStayed != m_secondsShown) {
    m_secondsText = f.secondsStayed == 0 ? "" : std::to_string(f.secondsStayed);
  }
  m_secondsShown = f.secondsStayed;
  const float boxW = ImGui::GetFontSize() * 4.5f;
  const float stepW = ImGui::CalcTextSize("- 5").x + ImGui::GetStyle().FramePadding.x * 2;
  ui::FlowBeside(boxW + 2 * (stepW + ImGui::GetStyle().ItemSpacing.x) + ImGui::CalcTextSize("seconds").x);   // a phone: next line
  ui::TextFieldOptions o;
  o.placeholder = "0";
  o.label = "Seconds I stayed with it";
  o.number = true;
  if (ui::TextLine(ctx.platform.textInput(), "journal.entry/" + m_openId + "/secondsStayed", m_secondsText, boxW, o)) {
    uint64_t typed = 0;
    for (const char c : m_secondsText) {
      if (c >= '0' && c <= '9') typed = std::min<uint64_t>(typed * 10 + uint64_t(c - '0'), kMostSeconds);
    }
    f.secondsStayed = uint32_t(typed);
    m_secondsShown = f.secondsStayed;
    noteEdit(ctx.nowMs);
  }
  auto step = [&](const char* label, const char* name, int by) {
    ImGui::SameLine();
    const bool pressed = ui::QuietButton(label);
    ui::a11y::name(name);
    if (!pressed) return;
    f.secondsStayed = uint32_t(std::clamp(int64_t(f.secondsStayed) + by, int64_t(0), int64_t(kMostSeconds)));
    noteEdit(ctx.nowMs);
  };
  step("- 5", "5 seconds less", -5);
  step("+ 5", "5 seconds more", 5);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("seconds");
}

void JournalView::drawFeelingPicker(ui::ViewContext& ctx) {
  Fork& f = m_draft.fork;
  const auto& families = feelingFamilies();
  ImGui::Indent(ImGui::GetFontSize() * 0.5f);
  {
    // Which family's words show below: one of a set (a screen reader hears "Sad, radio, checked"), not a
    // word chosen ("sad", pressed or not).
    parts::Flow flow;
    ui::a11y::beginRadioGroup("Kinds of feeling");
    for (size_t i = 0; i < families.size(); ++i) {
      ImGui::PushID(int(i));
      if (parts::Chip(families[i].name, m_pickFamily == i, &flow)) m_pickFamily = i;
      ui::a11y::radio(m_pickFamily == i);
      ImGui::PopID();
    }
    ui::a11y::endRadioGroup();
  }
  ImGui::Separator();
  {
    parts::Flow flow;
    for (const auto& w : families[std::min(m_pickFamily, families.size() - 1)].words) {
      bool chosen = false;
      for (const auto& x : f.feelings) chosen = chosen || core::foldForSearch(x.word) == w.word;
      const bool tapped = parts::Chip(w.word, chosen, &flow);
      if (ctx.noteControl) ctx.noteControl(std::string("journal:feeling:") + w.word, w.word);
      if (tapped) {
        m_lastFeelingTapped = w.word;
        if (chosen) {
          f.feelings.erase(std::remove_if(f.feelings.begin(), f.feelings.end(),
                                          [&](const Feeling& x) { return core::foldForSearch(x.word) == w.word; }),
                           f.feelings.end());
        } else {
          f.feelings.push_back({w.word, 5});
        }
        noteEdit(ctx.nowMs);
      }
      ui::Hint(w.meaning);
    }
  }
  // What the last word chosen means; before any, a line that says so (the line is there from the start, so
  // the first word chosen moves nothing below it).
  if (const FeelingWord* w = findFeeling(m_lastFeelingTapped)) ui::MutedText((std::string(w->word) + ": " + w->meaning).c_str());
  else ui::MutedText("Choose a word, and what it means shows here.");
  const std::string ownKey = "journal.entry/" + m_openId + "/ownFeeling";
  ui::TextLine(ctx.platform.textInput(), ownKey, m_ownFeeling, -ImGui::GetFontSize() * 6,
               {.placeholder = "A feeling in your own words", .label = "A feeling in your own words", .kept = false});
  ImGui::SameLine();
  const bool add = ui::QuietButton("Add##feeling") || ctx.platform.textInput().takeSubmit(ownKey);
  ui::a11y::name("Add this feeling");
  if (add && !core::foldForSearch(m_ownFeeling).empty()) {
    f.feelings.push_back({m_ownFeeling, 5});
    m_ownFeeling.clear();
    noteEdit(ctx.nowMs);
  }
  ImGui::Unindent(ImGui::GetFontSize() * 0.5f);
}

void JournalView::drawEntryFooter(ui::ViewContext& ctx) {
  auto& text = ctx.platform.textInput();
  const std::string key = "journal.entry/" + m_openId + "/";
  const float half = ctx.compact ? -1 : (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
  if (ui::TextLine(text, key + "tags", m_tagsText, half, {"Tags, separated by commas", "Tags", false})) {
    m_draft.tags = core::parseTags(m_tagsText);
    noteEdit(ctx.nowMs);
  }
  if (!ctx.compact) ImGui::SameLine();
  if (ui::TextLine(text, key + "contentNote", m_draft.contentNote, -1, {"Content note, if you like", "Content note", false})) {
    noteEdit(ctx.nowMs);
  }
  if (ImGui::Checkbox("Bring to my next session", &m_draft.bringToSession)) {
    noteEdit(ctx.nowMs);
    commitPendingEdits();
  }
  if (!ctx.compact) ImGui::SameLine();
  if (ImGui::Checkbox("Do not resurface", &m_draft.doNotResurface)) {
    noteEdit(ctx.nowMs);
    commitPendingEdits();
  }
  ui::Hint("It stays in your journal and in search, but never comes back on its own.");

  const char* status = !m_saveError.empty() ? "Not saved yet"
                       : m_dirty             ? "Writing\u2026"
                       : !ctx.saved          ? "Saving\u2026"
                                             : "Saved";
  ImGui::AlignTextToFramePadding();
  ImGui::PushStyleColor(ImGuiCol_Text, m_saveError.empty() ? ui::palette().muted : ui::palette().warning);
  ImGui::TextUnformatted(status);
  ui::a11y::paragraph(status);
  ImGui::PopStyleColor();
  if (!m_saveError.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_saveError.c_str());
  ImGui::SameLine();
  const char* trashLabel = "Move to trash";
  const float trashW = ImGui::CalcTextSize(trashLabel).x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - trashW - 2));
  if (ui::QuietButton(trashLabel)) {
    commitPendingEdits();
    ImGui::OpenPopup("trash-entry");
  }
  if (ImGui::BeginPopupModal("trash-entry", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
    ui::a11y::beginDialog("Move this entry to the trash?");
    ImGui::TextUnformatted("Move this entry to the trash?");
    ui::a11y::heading("Move this entry to the trash?");
    ui::MutedText("You can bring it back from the trash for 30 days.");
    if (ui::PrimaryButton("Move to trash")) {
      auto s = m_model.remove(m_openId);
      if (s) {
        m_openId.clear();
        m_showEditorOnPhone = false;
      } else {
        m_saveError = s.message();
      }
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    const bool keep = ui::QuietButton("Keep it");
    ui::a11y::cancel();
    if (keep || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ui::a11y::endDialog();
    ImGui::EndPopup();
  }
  ui::UnsavedWordsNote(m_saveError);
}

}  // namespace toward::journal
