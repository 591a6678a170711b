// plugins/safety_plan/safety_plan_view.cpp: see safety_plan_view.h.
#include "plugins/safety_plan/safety_plan_view.h"

#include <imgui.h>

#include <algorithm>

#include "core/ui/a11y.h"
#include "core/ui/fonts.h"
#include "core/ui/text_field.h"
#include "core/ui/widgets.h"
#include "plugins/safety_plan/safety_plan_card.h"

namespace toward::safety_plan {
namespace {

// Whom a row of the plan is for, in the person's own words where there are any.
std::string whoOf(const PlanContact& c, const char* noun) {
  if (!c.name.empty()) return c.name;
  if (!c.phone.empty()) return c.phone;
  return std::string("this ") + noun;
}

std::string removeQuestion(const PlanContact& c, const char* noun) {
  return "Remove " + whoOf(c, noun) + " from your plan?";
}

const std::string kKeyPrefix = std::string(kPlanType) + "/" + kPlanId + "/";

struct ListWords {
  const char* heading;
  const char* hint;
  const char* noun;    // in labels: "Name of person 1"
  const char* add;
  bool offerText;
};

ListWords listWords(const std::string& list) {
  if (list == "helpers") {
    return {"People I can ask for help", "Someone I trust to call or sit with when it gets hard.", "person",
            "+ Add a person", true};
  }
  return {"Professionals and crisis lines",
          "Toward has no phone numbers of its own. You can add your therapist, your local crisis line and your "
          "emergency number here, so each is one tap away.",
          "line", "+ Add a line", false};
}

// Above the empty rows when "Someone to call" finds no number in the plan.
constexpr const char* kNoNumberYet =
    "No one's number is written here yet. If you are not safe right now, please call your local emergency "
    "number or a crisis line. When you can, add one person or line below, and next time they will be one tap away.";
constexpr const char* kNotSafeNow = "If you are not safe right now, please call your local emergency number or a crisis line.";

}  // namespace

// ---------------------------------------------------------------- saving
void SafetyPlanView::noteEdit(int64_t nowMs) {
  m_autosave.edited(nowMs, m_dirty);
  m_dirty = true;
}

void SafetyPlanView::followModel() {
  m_draft = m_model.plan();
  m_confirmRow = size_t(-1);   // the rows may be others now
  if (m_draft.helpers.empty()) m_draft.helpers.emplace_back();
  if (m_draft.professionals.empty()) m_draft.professionals.emplace_back();
  m_seen = m_model.changeCount();
}

void SafetyPlanView::commitPendingEdits() {
  if (!m_dirty) return;
  auto status = m_model.save(m_draft);
  if (status) {
    m_dirty = false;
    m_saveError.clear();
    m_seen = m_model.changeCount();
  } else {
    // The words stay in the draft and on screen; saving is tried again after the next pause.
    m_saveError = status.message();
  }
}

ui::Recovery SafetyPlanView::recoverText(const std::string& key, const std::string& text, bool /*afterCrash*/) {
  using ui::Recovery;
  std::string id, field;
  if (!ui::splitFieldKey(key, kPlanType, id, field) || id != kPlanId) return Recovery::NotMine;
  commitPendingEdits();
  SafetyPlan next = m_dirty ? m_draft : m_model.plan();
  if (std::string* words = textField(next, field)) {
    *words = text;
  } else {
    // "<list>.<row>.<part>"
    const size_t a = field.find('.'), b = field.rfind('.');
    if (a == std::string::npos || a == b) return Recovery::NotMine;
    std::vector<PlanContact>* list = contactList(next, field.substr(0, a));
    const std::string row = field.substr(a + 1, b - a - 1), part = field.substr(b + 1);
    if (!list || row.empty() || row.size() > 3 || row.find_first_not_of("0123456789") != std::string::npos) {
      return Recovery::NotMine;
    }
    if (part != "name" && part != "phone" && part != "note") return Recovery::NotMine;
    size_t index = size_t(std::stoul(row));
    // A row past the end (a new row, or rows removed meanwhile in another tab): the words become a new
    // row at the end, never dropped.
    if (index >= list->size()) {
      list->emplace_back();
      index = list->size() - 1;
    }
    PlanContact& c = (*list)[index];
    (part == "name" ? c.name : part == "phone" ? c.phone : c.note) = text;
  }
  if (!m_model.save(next)) return Recovery::NotNow;
  m_dirty = false;
  followModel();
  return Recovery::Stored;
}

std::vector<ui::FieldWords> SafetyPlanView::unstoredWords() const {
  std::vector<ui::FieldWords> out;
  if (!m_dirty) return out;
  const SafetyPlan& stored = m_model.plan();
  const std::string prefix = std::string(kPlanType) + "/" + kPlanId;
  for (const auto& step : textSteps()) {
    ui::addIfChanged(out, prefix, step.field, *textField(m_draft, step.field), *textField(stored, step.field));
  }
  const auto contacts = [&](const char* list, const std::vector<PlanContact>& drafted, const std::vector<PlanContact>& kept) {
    for (size_t i = 0; i < drafted.size(); ++i) {
      const PlanContact none;
      const PlanContact& before = i < kept.size() ? kept[i] : none;
      const std::string row = std::string(list) + "." + std::to_string(i) + ".";
      ui::addIfChanged(out, prefix, row + "name", drafted[i].name, before.name);
      ui::addIfChanged(out, prefix, row + "phone", drafted[i].phone, before.phone);
      ui::addIfChanged(out, prefix, row + "note", drafted[i].note, before.note);
    }
  };
  contacts("helpers", m_draft.helpers, stored.helpers);
  contacts("professionals", m_draft.professionals, stored.professionals);
  return out;
}

void SafetyPlanView::onHide() {
  commitPendingEdits();
  m_confirmRow = size_t(-1);   // a question about removing a row is not left waiting
  m_notSafeShown = false;
  m_callAsked = CallAsked::No;   // "no number yet" is said again only when "Someone to call" finds none
}

void SafetyPlanView::runAction(const std::string& actionId) {
  if (actionId == "plan") m_scrollToTop = true;
  if (actionId == "call") {   // "Someone to call" (a way out): the people and lines
    m_scrollToPeople = true;
    m_callAsked = CallAsked::Unsaid;
  }
}

// ---------------------------------------------------------------- the page
void SafetyPlanView::draw(ui::ViewContext& ctx) {
  if (m_dirty && m_autosave.due(ctx.nowMs)) {
    commitPendingEdits();
    if (m_dirty) m_autosave.retryFrom(ctx.nowMs);  // failed: try again after another wait
  }
  // The plan changed elsewhere (an import, another tab, the test API): a clean draft follows it.
  if (!m_dirty && m_model.changeCount() != m_seen) followModel();
  ImGui::BeginChild("safety-plan", ImVec2(0, 0));
  if (m_scrollToTop) {
    ImGui::SetScrollY(0);
    m_scrollToTop = false;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 38.0f);
  ui::Heading(ctx.fonts, "My safety plan");
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
  ui::MutedText("What helps on a hard day, and who to call, in your own words. Write what you can; you can change "
                "it any time, and whatever you write is enough.");
  // With no number anywhere yet, where to turn now comes first, above the empty boxes (it was at the foot, below
  // a screen of them, for someone who may open this page at their worst moment).
  // Once shown it stays until the page is left: the first number typed would move the whole plan up.
  if (m_notSafeShown || (!hasNumberToCall(m_draft.helpers) && !hasNumberToCall(m_draft.professionals))) {
    ui::Gap(0.3f);
    ui::BodyText(kNotSafeNow);
    m_notSafeShown = true;
  }
  if (ui::QuietButton("Print as a card")) {
    commitPendingEdits();
    ctx.platform.printPage("My safety plan", cardText(m_draft));
  }
  ui::CalmWarning(m_saveError);
  for (const auto& step : textSteps()) {
    if (std::string(step.field) == "saferSpace") {
      // "Someone to call" lands on the people, or on the lines when only they have a number; with no number
      // anywhere it says so, and what to do now, above the empty rows (not an empty form on its own).
      const bool people = hasNumberToCall(m_draft.helpers), lines = hasNumberToCall(m_draft.professionals);
      if (m_scrollToPeople && (people || !lines)) {
        ImGui::SetScrollHereY(0.0f);
        m_scrollToPeople = false;
      }
      // Once said, it stays until the page is left: it going away as the first number is typed moved the whole
      // plan up under the person's fingers.
      if (m_callAsked == CallAsked::Said || (m_callAsked == CallAsked::Unsaid && !people && !lines)) {
        ui::Gap(0.8f);
        ui::BodyText(kNoNumberYet);
        if (m_callAsked == CallAsked::Unsaid) ui::a11y::announce(kNoNumberYet);
        m_callAsked = CallAsked::Said;
      }
      drawContacts(ctx, "helpers", width);
      if (m_scrollToPeople) {
        ImGui::SetScrollHereY(0.0f);
        m_scrollToPeople = false;
      }
      drawContacts(ctx, "professionals", width);
    }
    drawStep(ctx, step, width);
  }
  drawLockedChoice(ctx);
  ui::Gap(1.0f);
  ui::MutedText(kWhatTowardIs);
  ui::Gap(1.0f);
  ImGui::PopTextWrapPos();
  ui::TouchScroll();
  ImGui::EndChild();
}

void SafetyPlanView::drawStep(ui::ViewContext& ctx, const PlanStep& step, float width) {
  ui::Gap(0.8f);
  ImGui::TextUnformatted(step.heading);
  ui::a11y::heading(step.heading, 3);
  ui::MutedText(step.hint);
  ui::TextFieldOptions o;
  o.label = step.heading;
  if (ui::TextArea(ctx.platform.textInput(), kKeyPrefix + step.field, *textField(m_draft, step.field),
                   ImVec2(width, ImGui::GetFontSize() * 4.2f), o)) {
    noteEdit(ctx.nowMs);
  }
}

void SafetyPlanView::drawContacts(ui::ViewContext& ctx, const char* listName, float width) {
  const ListWords words = listWords(listName);
  std::vector<PlanContact>& list = *contactList(m_draft, listName);
  ui::Gap(0.8f);
  ImGui::TextUnformatted(words.heading);
  ui::a11y::heading(words.heading, 3);
  ui::MutedText(words.hint);
  auto& text = ctx.platform.textInput();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  constexpr size_t kNone = size_t(-1);
  size_t removeAt = kNone;   // (not list.size(): "+ Add" below grows the list, and its new row was removed at once)
  ImGui::PushID(listName);
  for (size_t i = 0; i < list.size(); ++i) {
    PlanContact& c = list[i];
    ImGui::PushID(int(i));
    const std::string key = kKeyPrefix + listName + "." + std::to_string(i) + ".";
    const std::string n = std::to_string(i + 1);
    auto field = [&](const char* part, std::string& value, float w, const char* placeholder, const std::string& label) {
      ui::TextFieldOptions o;
      o.placeholder = placeholder;
      o.label = label.c_str();
      o.phone = std::string(part) == "phone";
      o.focus = m_focusField == key + part;
      if (o.focus) m_focusField.clear();
      if (ui::TextLine(text, key + part, value, w, o)) noteEdit(ctx.nowMs);
    };
    ui::Gap(0.3f);
    const float half = (width - gap) * 0.5f;
    field("name", c.name, half, "Name", std::string("Name of ") + words.noun + " " + n);
    ImGui::SameLine();
    field("phone", c.phone, half, "Phone number", std::string("Phone number of ") + words.noun + " " + n);
    const float buttons = ImGui::CalcTextSize(words.offerText ? "CallTextRemove" : "CallRemove").x +
                          ImGui::GetStyle().FramePadding.x * (words.offerText ? 6 : 4) + gap * (words.offerText ? 3 : 2);
    const bool sameRow = !ctx.compact && width - buttons > ImGui::GetFontSize() * 10;
    field("note", c.note, sameRow ? width - buttons : width, "A note (when to call, what to say)",
          std::string("Note for ") + words.noun + " " + n);
    if (sameRow) ImGui::SameLine();
    DrawContactButtons(ctx, c, std::string("safety_plan/") + listName + "." + n, words.offerText);
    // Remove stands apart from Call and Text, and asks first when the row holds anything: one shaky tap beside
    // "Call" took away the one number someone needed, with nothing to bring it back.
    ImGui::SameLine(0, gap * 4.0f);
    const bool remove = ui::QuietButton("Remove");
    ui::a11y::name((std::string("Remove ") + words.noun + " " + n).c_str());   // which row, for a screen reader
    const bool asking = m_confirmList == listName && m_confirmRow == i;
    if (remove && !asking) {
      if (c.name.empty() && c.phone.empty() && c.note.empty()) {
        removeAt = i;
      } else {
        m_confirmList = listName;
        m_confirmRow = i;
        ui::a11y::announce(removeQuestion(c, words.noun));
      }
    }
    if (asking) {
      const std::string question = removeQuestion(c, words.noun);
      ui::BodyText(question.c_str());
      if (ui::QuietButton("Keep")) m_confirmRow = kNone;
      ui::a11y::name(("Keep " + whoOf(c, words.noun)).c_str());
      ImGui::SameLine(0, gap * 4.0f);
      if (ui::QuietButton("Yes, remove")) removeAt = i;
      ui::a11y::name(("Yes, remove " + whoOf(c, words.noun)).c_str());
    }
    ImGui::PopID();
  }
  ui::Gap(0.3f);
  if (ui::QuietButton(words.add)) {
    // The new row's name takes the focus, to be typed at once (from the keys, the button stays behind).
    m_focusField = kKeyPrefix + listName + "." + std::to_string(list.size()) + ".name";
    list.emplace_back();
    noteEdit(ctx.nowMs);
  }
  ImGui::PopID();
  if (removeAt != kNone) {
    m_confirmRow = kNone;
    list.erase(list.begin() + std::ptrdiff_t(removeAt));
    noteEdit(ctx.nowMs);
    commitPendingEdits();
    if (!m_dirty) followModel();   // an emptied list shows one empty row again
  }
}

void SafetyPlanView::drawLockedChoice(ui::ViewContext& ctx) {
  ui::Gap(1.0f);
  ImGui::TextUnformatted("On the lock screen");
  ui::a11y::paragraph("On the lock screen");
  if (ui::WrappedCheckbox("Keep my plan readable while locked", &m_draft.readableWhileLocked)) {
    noteEdit(ctx.nowMs);
    commitPendingEdits();
  }
  ui::MutedText("With a passphrase, everything you write is sealed on this device. With this on, this plan alone is "
                "stored unsealed, so it opens from the lock screen and from Hide without the passphrase, when you "
                "may need it most. Anyone holding this device could read it then. It is off unless you turn it on.");
}

}  // namespace toward::safety_plan
