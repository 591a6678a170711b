// plugins/letters/letter.cpp: letter rules shared by the model and the UI: recipient kinds, states,
// greetings, sealing dates and the gentle prompts.
#include "plugins/letters/letter.h"

#include <cstdio>

#include "core/local_days.h"

namespace toward::letters {

const std::vector<RecipientKind>& recipientKinds() {
  static const std::vector<RecipientKind> kinds = {
      {"therapist", "To my therapist", "Dear", "therapist"},
      {"inner_child", "To my inner child", "Dear", "little one"},
      {"from_inner_child", "From my inner child", "From", "the child I was"},
      {"parent", "To a parent", "Dear", "parent, or whoever raised me"},
      {"future_self", "To my future self", "Dear", "future me"},
      {"other", "To someone else", "Dear", "you"},
  };
  return kinds;
}

const RecipientKind& recipientKind(const std::string& value) {
  for (const auto& k : recipientKinds()) {
    if (value == k.value) return k;
  }
  return recipientKinds().back();
}

const std::vector<const char*>& promptsFor(const std::string& kind) {
  static const std::vector<const char*> therapist = {
      "What do I wish I could tell you right now?",
      "What happened in me after our last session?",
      "What is hard to say out loud in the room?",
      "What do I need from you that I am afraid to ask for?",
      "What did you say that stayed with me?",
  };
  static const std::vector<const char*> innerChild = {
      "What do you need to hear from me today?",
      "I see how hard you tried when...",
      "It was never your fault that...",
      "If I could sit beside you back then, I would...",
      "Something I want you to know about who we are now:",
  };
  static const std::vector<const char*> fromInnerChild = {
      "What I needed back then was...",
      "What scared me most was...",
      "I wish someone had noticed...",
      "What I want you, the grown-up, to know is...",
      "When I feel small, it helps when you...",
  };
  static const std::vector<const char*> parent = {
      "What I never got to say to you:",
      "What I needed from you when I was small:",
      "What I am still carrying, and what I would like to put down:",
      "What I would like from you now, if anything, or what I no longer need from you:",
      "What I want you to understand about me now:",
  };
  static const std::vector<const char*> futureSelf = {
      "What I hope is different for you by then:",
      "What I am learning right now, so you do not forget it:",
      "What I want you to remember about today:",
      "Something kind I want to tell you ahead of time:",
      "What I hope you are still holding on to:",
  };
  static const std::vector<const char*> other = {
      "What do I want you to know?",
      "What is still unsaid between us?",
      "What I feel when I think of you:",
      "What I would say if I knew it would be heard gently:",
      "What I want to let go of:",
  };
  if (kind == "therapist") return therapist;
  if (kind == "inner_child") return innerChild;
  if (kind == "from_inner_child") return fromInnerChild;
  if (kind == "parent") return parent;
  if (kind == "future_self") return futureSelf;
  return other;
}

void Letter::sanitize() {
  recipientKind = letters::recipientKind(recipientKind).value;
  if (state != "finished" && state != "sealed" && state != "released") state = "draft";
  if (state == "sealed" && !parseCivilDate(sealedUntil)) {
    state = "finished";
    sealedUntil.clear();
  }
  if (state != "sealed") sealedUntil.clear();
}

namespace {
// "Dear Anna" / "From the child I was": the greeting, whatever note stands in front of the letter.
std::string greetingOf(const Letter& letter) {
  const RecipientKind& k = recipientKind(letter.recipientKind);
  const std::string& name = letter.recipientName.empty() ? std::string(k.fallback) : letter.recipientName;
  return std::string(k.greeting) + " " + name;
}
}  // namespace

std::string greetingLine(const Letter& letter) { return greetingOf(letter) + ","; }

std::string describeLetter(const Letter& letter) {
  if (!letter.contentNote.empty()) return "Content note: " + letter.contentNote;
  return greetingOf(letter);
}

std::string describeRevision(const Revision& revision) {
  return "An earlier version of a letter (" + std::string(revision.recipientName.empty() ? "unnamed" : revision.recipientName) + ")";
}

const char* stateLabel(const std::string& state) {
  if (state == "finished") return "Finished";
  if (state == "sealed") return "Sealed";
  if (state == "released") return "Let go";
  return "Draft";
}

std::string formatDay(const std::string& isoDay) {
  auto day = parseCivilDate(isoDay);
  if (!day) return isoDay;
  int32_t y = 0;
  uint32_t m = 0, d = 0;
  core::civilFromDays(day.value(), y, m, d);
  return std::string(core::weekdayName(core::weekday(day.value()))) + " " + std::to_string(d) + " " +
         core::monthName(m) + " " + std::to_string(y);
}

std::string dayAfter(int64_t nowMs, int32_t days) { return core::isoDay(core::localDay(nowMs) + days); }

std::string dayAfterDay(const std::string& isoDay) {
  const auto day = parseCivilDate(isoDay);
  return day ? core::isoDay(day.value() + 1) : isoDay;
}

core::Result<int32_t> parseCivilDate(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  const core::Status bad{core::ErrorCode::Invalid, "please give the day as year-month-day, like 2027-03-14"};
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3) return bad;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return bad;
  const int32_t day = core::daysFromCivil(y, uint32_t(m), uint32_t(d));
  int32_t yy = 0;
  uint32_t mm = 0, dd = 0;
  core::civilFromDays(day, yy, mm, dd);
  if (yy != y || int(mm) != m || int(dd) != d) return core::Status{core::ErrorCode::Invalid, "that month does not have that many days"};
  return day;
}

}  // namespace toward::letters
