// plugins/safety_plan/safety_plan.h: the person's safety plan as a record body, and the small pure
// pieces around it: the steps of the plan (after Stanley and Brown's safety planning), phone links, the
// printable card, the Markdown export and the line the trash shows. Schema 1 is kept forever
// (golden file: tests/fixtures/safety_plan.plan.v1.json).
//   safety_plan.plan   one record, id "plan": everything in the person's own words
// Toward ships no phone numbers: the person adds their own people, local crisis line and emergency number.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/registry.h"
#include "core/serialization.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

namespace toward::safety_plan {

inline constexpr const char* kPlanType = "safety_plan.plan";
inline constexpr const char* kPlanId = "plan";

// A person, a place or a line to call: a name, a phone number and a note, in the person's words.
struct PlanContact {
  std::string name;
  std::string phone;
  std::string note;

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("name", name), cereal::make_nvp("phone", phone), cereal::make_nvp("note", note));
  }
  template <class A>
  void load(A& ar) {
    core::optionalField(ar, "name", name);
    core::optionalField(ar, "phone", phone);
    core::optionalField(ar, "note", note);
  }
  bool empty() const { return name.empty() && phone.empty() && note.empty(); }
  bool operator==(const PlanContact&) const = default;
};

struct SafetyPlan {
  static constexpr uint32_t kSchema = 1;
  static constexpr uint32_t kMinSchema = 1;

  std::string warningSigns;            // 1. what tells me a hard time is starting
  std::string onMyOwn;                 // 2. what I can do on my own
  std::string distractions;            // 3. people and places that take my mind somewhere else
  std::vector<PlanContact> helpers;    // 4. people I can ask for help
  std::vector<PlanContact> professionals;  // 5. professionals and crisis lines (and the emergency number)
  std::string saferSpace;              // 6. making my space safer
  std::string reasons;                 // my reasons and reminders, one short line each
  bool readableWhileLocked = false;    // kept unsealed so it opens from the lock screen; default false

  template <class A>
  void save(A& ar) const {
    ar(cereal::make_nvp("warningSigns", warningSigns), cereal::make_nvp("onMyOwn", onMyOwn),
       cereal::make_nvp("distractions", distractions), cereal::make_nvp("helpers", helpers),
       cereal::make_nvp("professionals", professionals), cereal::make_nvp("saferSpace", saferSpace),
       cereal::make_nvp("reasons", reasons), cereal::make_nvp("readableWhileLocked", readableWhileLocked));
  }
  template <class A>
  void load(A& ar, uint32_t /*schema*/) {
    core::optionalField(ar, "warningSigns", warningSigns);
    core::optionalField(ar, "onMyOwn", onMyOwn);
    core::optionalField(ar, "distractions", distractions);
    core::optionalField(ar, "helpers", helpers);
    core::optionalField(ar, "professionals", professionals);
    core::optionalField(ar, "saferSpace", saferSpace);
    core::optionalField(ar, "reasons", reasons);
    core::optionalField(ar, "readableWhileLocked", readableWhileLocked);
  }
  bool operator==(const SafetyPlan&) const = default;
  // Nothing written yet (the choice to keep it readable does not count).
  bool blank() const;
};

// The plan's text steps, in order: the field name (for keys and recoverText), the heading and a gentle hint.
struct PlanStep {
  const char* field;
  const char* heading;
  const char* hint;
};
const std::vector<PlanStep>& textSteps();
// The text of step `field` ("warningSigns", "onMyOwn", ...), or null when there is no such step.
std::string* textField(SafetyPlan& plan, const std::string& field);
const std::string* textField(const SafetyPlan& plan, const std::string& field);
// The two lists of contacts by name ("helpers", "professionals"), or null.
std::vector<PlanContact>* contactList(SafetyPlan& plan, const std::string& list);

// "tel:+441234567" from a number as the person wrote it ("+44 1234 567", "(0123) 45-67"): digits, a
// leading +, * and # (as %23) only; "" when it holds no digit.
std::string telHref(const std::string& phone);
// The same with sms:.
std::string smsHref(const std::string& phone);
// Some contact in `list` has a number that can be called (telHref is not empty).
bool hasNumberToCall(const std::vector<PlanContact>& list);

// The plan as a compact printable card (Platform::printPage's text), only the steps with words.
std::string cardText(const SafetyPlan& plan);
// The plan as a Markdown document.
std::string markdown(const SafetyPlan& plan);
// One line for the trash, e.g. "My safety plan (2 people, 1 line)".
std::string describePlan(const SafetyPlan& plan);

// Registers safety_plan.plan (with its readable-while-locked rule).
core::Status registerSafetyPlan(core::Registry& registry);

}  // namespace toward::safety_plan
