// plugins/safety_plan/safety_plan.cpp: see safety_plan.h.
#include "plugins/safety_plan/safety_plan.h"

#include <algorithm>

#include "core/record_type.h"

namespace toward::safety_plan {
namespace {

std::string trimmed(const std::string& s) {
  const size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

std::string hrefFor(const char* scheme, const std::string& phone) {
  std::string out;
  bool digit = false;
  for (char c : phone) {
    if (c >= '0' && c <= '9') { out += c; digit = true; }
    else if (c == '+' && out.empty()) out += c;
    else if (c == '*') out += c;
    else if (c == '#') out += "%23";
  }
  return digit ? std::string(scheme) + out : std::string();
}

size_t filled(const std::vector<PlanContact>& list) {
  size_t n = 0;
  for (const auto& c : list) n += c.empty() ? 0 : 1;
  return n;
}

// "Sam, 0123 456 (after 6 pm)" for the card and the export.
std::string contactLine(const PlanContact& c) {
  std::string line = trimmed(c.name);
  if (!trimmed(c.phone).empty()) line += (line.empty() ? "" : ", ") + trimmed(c.phone);
  if (!trimmed(c.note).empty()) line += (line.empty() ? "" : " ") + std::string("(") + trimmed(c.note) + ")";
  return line;
}

constexpr const char* kHelpersHeading = "People I can ask for help";
constexpr const char* kProfessionalsHeading = "Professionals and crisis lines";

// Calls `text(heading, words)` and `contacts(heading, list)` for every step, in the plan's order.
template <class Text, class Contacts>
void forEachStep(const SafetyPlan& plan, Text text, Contacts contacts) {
  for (const auto& step : textSteps()) {
    if (std::string(step.field) == "saferSpace") {
      contacts(kHelpersHeading, plan.helpers);
      contacts(kProfessionalsHeading, plan.professionals);
    }
    text(step.heading, *textField(plan, step.field));
  }
}

}  // namespace

bool SafetyPlan::blank() const {
  for (const auto& step : textSteps()) {
    if (!trimmed(*textField(*this, step.field)).empty()) return false;
  }
  return filled(helpers) == 0 && filled(professionals) == 0;
}

const std::vector<PlanStep>& textSteps() {
  static const std::vector<PlanStep> steps = {
      {"warningSigns", "Warning signs", "Thoughts, feelings, pictures or situations that tell me a hard time may be starting."},
      {"onMyOwn", "What I can do on my own", "Things that have helped me before, even a little: my texture box, a walk, a shower, music."},
      {"distractions", "People and places that take my mind somewhere else", "A friend to sit with, a cafe, a library, a park."},
      {"saferSpace", "Making my space safer", "What I can put away, give to someone to keep, or keep out of reach for now."},
      {"reasons", "My reasons and reminders", "Short lines worth reading on a hard day, one on each line."},
  };
  return steps;
}

std::string* textField(SafetyPlan& plan, const std::string& field) {
  if (field == "warningSigns") return &plan.warningSigns;
  if (field == "onMyOwn") return &plan.onMyOwn;
  if (field == "distractions") return &plan.distractions;
  if (field == "saferSpace") return &plan.saferSpace;
  if (field == "reasons") return &plan.reasons;
  return nullptr;
}

const std::string* textField(const SafetyPlan& plan, const std::string& field) {
  return textField(const_cast<SafetyPlan&>(plan), field);
}

std::vector<PlanContact>* contactList(SafetyPlan& plan, const std::string& list) {
  if (list == "helpers") return &plan.helpers;
  if (list == "professionals") return &plan.professionals;
  return nullptr;
}

std::string telHref(const std::string& phone) { return hrefFor("tel:", phone); }
std::string smsHref(const std::string& phone) { return hrefFor("sms:", phone); }

bool hasNumberToCall(const std::vector<PlanContact>& list) {
  return std::any_of(list.begin(), list.end(), [](const PlanContact& c) { return !telHref(c.phone).empty(); });
}

std::string cardText(const SafetyPlan& plan) {
  std::string out;
  forEachStep(
      plan,
      [&](const char* heading, const std::string& words) {
        if (trimmed(words).empty()) return;
        out += std::string(heading) + "\n" + trimmed(words) + "\n\n";
      },
      [&](const char* heading, const std::vector<PlanContact>& list) {
        if (filled(list) == 0) return;
        out += std::string(heading) + "\n";
        for (const auto& c : list) {
          if (!c.empty()) out += "  " + contactLine(c) + "\n";
        }
        out += "\n";
      });
  if (out.empty()) out = "Nothing written yet.\n";
  return out;
}

std::string markdown(const SafetyPlan& plan) {
  std::string out = "# My safety plan\n\n";
  forEachStep(
      plan,
      [&](const char* heading, const std::string& words) {
        out += std::string("## ") + heading + "\n\n" + (trimmed(words).empty() ? "(nothing yet)" : trimmed(words)) + "\n\n";
      },
      [&](const char* heading, const std::vector<PlanContact>& list) {
        out += std::string("## ") + heading + "\n\n";
        if (filled(list) == 0) out += "(nothing yet)\n";
        for (const auto& c : list) {
          if (!c.empty()) out += "- " + contactLine(c) + "\n";
        }
        out += "\n";
      });
  return out;
}

std::string describePlan(const SafetyPlan& plan) {
  const size_t people = filled(plan.helpers), lines = filled(plan.professionals);
  if (people == 0 && lines == 0) return "My safety plan";
  std::string out = "My safety plan (";
  if (people) out += std::to_string(people) + (people == 1 ? " person" : " people");
  if (people && lines) out += ", ";
  if (lines) out += std::to_string(lines) + (lines == 1 ? " line" : " lines");
  return out + ")";
}

core::Status registerSafetyPlan(core::Registry& registry) {
  auto type = core::makeRecordType<SafetyPlan>(kPlanType, "safety plan", describePlan);
  // The person's choice, in the plan itself: only then is this one record left unsealed by the vault.
  type.readableWhileLocked = [](const std::string& body, uint32_t schema) {
    auto plan = core::loadBody<SafetyPlan>(body, schema);
    return plan.isOk() && plan.value().readableWhileLocked;
  };
  return registry.addRecordType(std::move(type));
}

}  // namespace toward::safety_plan
